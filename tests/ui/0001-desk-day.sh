#!/bin/sh
# The day screen at 80x24 on the demo desk: header, bookings, column
# alignment of Japanese text, help, day navigation, closed days, week
# and month views, quitting with the terminal restored.
. "$(dirname "$0")/../lib.sh"

cols() { python3 "$SRC_DIR/tests/ui/cols.py" "$@"; }

test_expect_success 'demo desk' 'mado demo >/dev/null'

ui_start
test_expect_success 'today with date and weekday in the header' '
	ui_wait "2026-11-24 (Tue)" &&
	ui_wait "Day schedule" &&
	ui_screen | head -1 | grep_out "2026-11-24 (Tue)"
'
test_expect_success 'staff columns and the day bookings with org and channel' '
	ui_wait "佐藤 健" && ui_wait "鈴木 美咲" && ui_wait "山田 花子" &&
	ui_wait "*Ph 太壱みまもり" && ui_wait "*Vi NPO法人 風のやすみ" &&
	ui_screen | grep "^11:30" | grep_out "伊藤 誠"
'
test_expect_success 'footer names the keys that work here' '
	ui_screen | tail -1 | grep_out "F1 Help" &&
	ui_screen | tail -1 | grep_out "q Quit" &&
	ui_screen | tail -1 | grep_out "b Book"
'
test_expect_success 'staff column separators line up on every row (Japanese text)' '
	ui_screen >"$TEST_DIR/s" &&
	cols <"$TEST_DIR/s" >"$TEST_DIR/c" &&
	grep_out "separators=[5, 29, 53, 77]" <"$TEST_DIR/c"
'
test_expect_success 'side panel: follow-ups due and deadlines within 7 days' '
	ui_wait "Follow-ups due by today: 2" &&
	ui_wait "Deadlines within 7 days: 6" &&
	ui_wait "11-25 follow-up: ライフシフト"
'
test_expect_success 'the cursor booking is shown in full' '
	ui_keys Right Right && ui_wait "* 10:00-10:30 Ph #34 太壱みまもりネットワーク / 高橋 由美 090-5555-1001"
'
test_expect_success 'help lists the keys of the screen (?)' '
	ui_keys "?" && ui_wait "Keys of the Day schedule screen" &&
	ui_wait "move the booking: pick a slot" &&
	ui_keys Escape && ui_wait_gone "Keys of the Day"
'
test_expect_success 'help also on F1' '
	ui_keys F1 && ui_wait "Keys of the Day schedule screen" && ui_keys q &&
	ui_wait "Day schedule"
'
test_expect_success 'p goes to the previous day: a holiday says why' '
	ui_keys p && ui_wait "2026-11-23 (Mon)" &&
	ui_wait "Closed: Labor Thanksgiving Day (勤労感謝の日)"
'
test_expect_success 'a closed day stays browsable' '
	ui_keys j j && ui_wait "Free slot 11:00"
'
test_expect_success 'n twice and ] go forward; t comes back to today' '
	ui_keys n n && ui_wait "2026-11-25 (Wed)" && ui_wait "*Ph 矢野口地区" &&
	ui_keys "]" && ui_wait "2026-11-26 (Thu)" &&
	ui_keys t && ui_wait "2026-11-24 (Tue)"
'
test_expect_success 'g goes to a date: Saturday says so' '
	ui_keys g && ui_wait "Go to date" &&
	ui_keys C-u && ui_type "2026-11-28" && ui_keys Enter &&
	ui_wait "2026-11-28 (Sat)" && ui_wait "Closed: Saturday (土曜)"
'
test_expect_success 'g with a bad date is refused in the status line' '
	ui_keys g && ui_wait "Go to date" && ui_keys C-u && ui_type "2026-02-30" && ui_keys Enter &&
	ui_wait "Not a date: 2026-02-30" && ui_screen | head -1 | grep_out "2026-11-28"
'
test_expect_success 'week view: days as columns, closed days named, aligned' '
	ui_keys t w && ui_wait "Week of 2026-11-23" &&
	ui_wait "11/23 Mon" && ui_wait "勤労感謝" && ui_wait "*太壱みま" &&
	ui_screen | cols >"$TEST_DIR/c" && cat "$TEST_DIR/c" &&
	grep_out "separators=[5, 15, 25, 35, 45, 55, 65, 75]" <"$TEST_DIR/c"
'
test_expect_success 'month view: bookings per day and closed days' '
	ui_keys m && ui_wait "2026-11: 49 bookings on 19 desk days" &&
	ui_wait "文化の日" && ui_wait "勤労感謝の" && ui_wait "3 booked" &&
	ui_keys n && ui_wait "2026-12:" && ui_keys p && ui_wait "2026-11:"
'
test_expect_success 'Enter on a month day opens it, Esc backs out to the month' '
	ui_keys Right Enter && ui_wait "2026-11-25 (Wed)" && ui_wait "Day schedule" &&
	ui_keys Escape && ui_wait "bookings on 19 desk days"
'
test_expect_success 'Q quits from any screen and restores the terminal' '
	ui_keys Q && ui_wait "[exited 0]" &&
	ui_screen | head -1 | grep_out "[exited 0]"
'
ui_stop
sleep 1
# 120x30: the day and the panel do not fit one above the other, so the
# panel goes on the right (at 120x40 it goes under the grid: the golden
# captures show both)
ui_start -x 120 -y 30
test_expect_success 'a wide terminal: side panel on the right, still aligned' '
	ui_wait "Follow-ups due by today: 2" &&
	ui_screen | grep "^Time" | grep_out "Follow-ups due" &&
	ui_screen | cols >"$TEST_DIR/c" && cat "$TEST_DIR/c" &&
	grep_out "separators=[5, 31, 57, 83]" <"$TEST_DIR/c"
'
test_expect_success 'the panel lists every kind of deadline within 7 days, by date' '
	ui_wait "11-26 follow-up: ウェブサイトの更新" &&
	ui_wait "11-30 deadline: 中間支援力強化" &&
	ui_wait "11-30 missing: 多摩市 健康福祉部"
'
test_expect_success 'the larger terminal quits cleanly too' '
	ui_keys q && ui_wait "[exited 0]"
'
test_done
