#!/bin/sh
# The day grid shows every booking (issue 14, item 2): a cell holding
# two bookings (one booked with an override) says [2], the cursor cell
# says which one is shown ([1/2]) and Tab picks the next, so edit,
# cancel and the rest reach each of them; a booking fills every slot it
# covers (10:10-10:40 shows in the 10:30 row too, never a blank cell).
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup: two bookings in one slot, one off the slot grid' '
	mado init >/dev/null &&
	mado staff add "山田 花子" --kana "やまだ はなこ" >/dev/null &&
	mado org add --name "小平市 地域包括ケア推進課" --kana "こだいら" --type municipality \
		--municipality 小平市 >/dev/null &&
	mado org add --name "杉並区ケア24" --kana "すぎなみ" --type center --municipality 杉並区 >/dev/null &&
	mado book --date 2026-11-24 --start 10:00 --channel phone --org 小平市 --staff 山田 \
		--contact 中村 >/dev/null &&
	mado book --date 2026-11-24 --start 10:00 --channel phone --org 杉並区ケア24 --staff 山田 \
		--override "急ぎの相談" >/dev/null &&
	mado book --date 2026-11-24 --start 14:00 --minutes 60 --channel phone --org 杉並区ケア24 \
		--staff 山田 >/dev/null &&
	mado book --date 2026-11-25 --start 10:10 --minutes 30 --channel phone --org 小平市 \
		--staff 山田 >/dev/null
'

ui_start

test_expect_success 'the cell with two bookings says so; the 10:00 row is the cursor' '
	ui_wait "Help F1" && ui_keys Up &&
	ui_wait "[1 of 2, Tab: next]" &&
	ui_screen >actual &&
	cat >expect <<-\EOF &&
	 Desk  2026-11-24 (Tue)  Day schedule               now 10:15  Menu F9  Help F1
	Desk open 10:00-17:00, 3 booked
	Time │山田 花子                                                                │
	10:00│[1/2]*Ph 小平市 地域包括ケア推進課 中村                                  │
	10:30│                                                                         │
	11:00│                                                                         │
	11:30│                                                                         │
	12:00│                                                                         │
	12:30│                                                                         │
	13:00│                                                                         │
	13:30│                                                                         │
	14:00│*Ph 杉並区ケア24                                                         │
	14:30│  ... until 15:00                                                        │
	15:00│                                                                         │
	15:30│                                                                         │
	16:00│                                                                         │
	[1 of 2, Tab: next] * 10:00-10:30 Ph #1 小平市 地域包括ケア推進課 / 中村 / 山田
	花子
	Follow-ups due by today: 0
	Deadlines within 7 days: 0



	F1 Help F9 Menu q Quit b Book M Move c Cancel n Next p Prev w Week m Month
	EOF
	test_cmp expect actual
'

test_expect_success 'Tab shows the second booking of the cell, with its override' '
	ui_keys Tab &&
	ui_wait "10:00│[2/2]*Ph 杉並区ケア24 " &&
	ui_wait "[2 of 2, Tab: next] * 10:00-10:30 Ph #2 杉並区ケア24 [override: 急ぎの相談]"
'

test_expect_success 'c cancels the booking picked, not the first one' '
	ui_keys c && ui_wait "Cancel booking #2" &&
	ui_keys y &&
	sql_is "SELECT id, status FROM appointment WHERE id IN (1, 2) ORDER BY id" "1|booked
2|cancelled"
'

test_expect_success 'after the cancel the cell holds one booking again' '
	ui_wait "10:00│*Ph 小平市 地域包括ケア推進課 中村" &&
	! ui_screen | grep -qF "[1/2]"
'

test_expect_success 'shown cancelled bookings count in the cell; the one picked stays picked' '
	ui_keys z && ui_wait "10:00│[2/2]xPh 杉並区ケア24" &&
	ui_wait "[2 of 2, Tab: next] x 10:00-10:30 Ph #2" &&
	ui_keys Tab && ui_wait "10:00│[1/2]*Ph 小平市" &&
	ui_keys z && ui_wait "10:00│*Ph 小平市"
'

test_expect_success 'Tab in a cell with one booking says there is no other' '
	ui_keys Tab && ui_wait "This cell holds no other booking"
'

test_expect_success 'a 10:10-10:40 booking fills the 10:30 row as well' '
	ui_keys n && ui_wait "2026-11-25" &&
	ui_wait "10:00│*Ph 10:10 小平市 地域包括ケア推進課" &&
	row_of "10:30│" | grep -qF "10:30│  ... until 10:40" &&
	ui_keys Down && ui_wait "* 10:10-10:40 Ph #4 小平市"
'

test_done
