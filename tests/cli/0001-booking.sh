#!/bin/sh
# Booking rules through the real command line on a real database file.
. "$(dirname "$0")/../lib.sh"

test_expect_success 'init creates a private database' '
	mado init &&
	[ "$(stat -c %a "$MADOGUCHI_DB")" = 600 ]
'
test_expect_success 'set up staff and an organization' '
	mado staff add "山田 花子" --kana "やまだ はなこ" &&
	mado staff add "佐藤 健" &&
	mado org add --name "杉並区地域包括支援センター ケア24成田" --kana "けあ24なりた" \
		--type center --municipality 杉並区 >"$TEST_DIR/org" &&
	[ "$(cat "$TEST_DIR/org")" = 1 ]
'
test_expect_success 'book a visit prints its id and stores it' '
	id=$(mado book --date 2026-11-25 --start 10:00 --minutes 60 --channel visit \
		--org ケア24成田 --contact "中村 翔" --phone 03-5555-1004 --staff "山田 花子" \
		--room 相談室A --topic plan --topic 打合せ・会議運営支援 --note "資料持参") &&
	[ "$id" = 1 ] &&
	[ "$(sql "SELECT date, start_min, minutes, channel, room, status FROM appointment WHERE id = 1")" = "2026-11-25|600|60|visit|相談室A|booked" ] &&
	[ "$(sql "SELECT group_concat(topic) FROM (SELECT topic FROM appointment_topic WHERE appt_id = 1 ORDER BY topic)")" = "meeting,plan" ]
'
test_expect_code 1 'an overlap for the same staff member is refused' '
	mado book --date 2026-11-25 --start 10:30 --channel phone --org 1 --staff "山田 花子" 2>"$TEST_DIR/err"
'
test_expect_success 'the refusal names the booking and how to override' '
	grep_out "#1 2026-11-25 10:00-11:00" <"$TEST_DIR/err" &&
	grep_out "override" <"$TEST_DIR/err"
'
test_expect_code 1 'the same room is refused for another staff member' '
	mado book --date 2026-11-25 --start 10:30 --channel visit --room 相談室A --org 1 --staff "佐藤 健"
'
test_expect_success 'another room at the same time is fine' '
	mado book --date 2026-11-25 --start 10:30 --channel visit --room 相談室B --org 1 --staff "佐藤 健"
'
test_expect_code 1 'a Saturday is refused' '
	mado book --date 2026-11-28 --start 10:00 --channel phone --org 1 2>"$TEST_DIR/err" &&
	false || { grep_out "土曜" <"$TEST_DIR/err"; exit 1; }
'
test_expect_code 1 'a national holiday is refused with its name' '
	mado book --date 2027-02-11 --start 10:00 --channel phone --org 1 2>"$TEST_DIR/err";
	rc=$?; grep_out "建国記念の日" <"$TEST_DIR/err" || exit 9; exit $rc
'
test_expect_code 1 'the desk year-end closing is refused' '
	mado book --date 2026-12-29 --start 10:00 --channel phone --org 1
'
test_expect_code 1 'outside desk hours is refused' '
	mado book --date 2026-11-25 --start 16:45 --channel phone --org 1
'
test_expect_code 1 'a slot that has ended is refused' '
	mado book --date 2026-11-24 --start 10:00 --minutes 10 --channel phone --org 1
'
test_expect_success 'an override with a reason books and stores the reason' '
	id=$(mado book --date 2026-11-28 --start 13:00 --channel visit --org 1 --override "土曜の個別対応") &&
	[ "$(sql "SELECT override_reason FROM appointment WHERE id = $id")" = "土曜の個別対応" ]
'
test_expect_code 2 'an impossible date is bad input' '
	mado book --date 2026-02-30 --start 10:00 --channel phone --org 1
'
test_expect_code 2 'an impossible time is bad input' '
	mado book --date 2026-11-25 --start 25:00 --channel phone --org 1
'
test_expect_code 2 'a note with a terminal escape is refused' '
	mado book --date 2026-11-26 --start 10:00 --channel phone --org 1 --note "$(printf "a\033[2Jb")"
'
test_expect_code 2 'invalid UTF-8 is refused' '
	mado book --date 2026-11-26 --start 10:00 --channel phone --org 1 --note "$(printf "\377\376")"
'
test_expect_success 'nothing was stored by the refusals' '
	[ "$(sql "SELECT count(*) FROM appointment")" = 3 ]
'
test_expect_success 'move keeps the uid and raises the sequence' '
	uid=$(sql "SELECT uid FROM appointment WHERE id = 1") &&
	mado move 1 --date 2026-11-26 --start 14:00 &&
	[ "$(sql "SELECT uid, date, start_min, sequence FROM appointment WHERE id = 1")" = "$uid|2026-11-26|840|1" ]
'
test_expect_code 1 'a move onto a taken slot is refused' '
	mado book --date 2026-11-27 --start 11:00 --channel phone --org 1 --staff "山田 花子" &&
	mado move 1 --date 2026-11-27 --start 11:00
'
test_expect_success 'cancel frees the slot' '
	mado cancel 1 &&
	[ "$(sql "SELECT status FROM appointment WHERE id = 1")" = cancelled ] &&
	mado book --date 2026-11-26 --start 14:00 --channel phone --org 1 --staff "山田 花子"
'
test_expect_code 1 'done before the appointment has started is refused' '
	mado done 2
'
test_expect_success 'the audit log names who changed what' '
	[ "$(sql "SELECT actor FROM audit WHERE tbl = '\''appointment'\'' AND row_id = 1 AND action = '\''update'\'' LIMIT 1")" = "$(id -un)" ] &&
	sql "SELECT old, new FROM audit WHERE tbl = '\''appointment'\'' AND row_id = 1 AND action = '\''update'\''" | grep -q cancelled
'
test_expect_success 'day lists the bookings with Japanese aligned' '
	mado day --date 2026-11-25 >"$TEST_DIR/day" &&
	grep_out "2026-11-25(Wed)" <"$TEST_DIR/day" &&
	grep_out "10:30-11:00" <"$TEST_DIR/day"
'
test_expect_success 'day --tsv gives one tab-separated row per booking' '
	mado day --date 2026-11-25 --tsv >"$TEST_DIR/tsv" &&
	[ "$(wc -l <"$TEST_DIR/tsv")" = 1 ] &&
	[ "$(cut -f2,3,6 "$TEST_DIR/tsv")" = "$(printf "2026-11-25\t10:30\tvisit")" ]
'
test_expect_code 2 'an unknown command is bad usage' 'mado frobnicate'
test_expect_code 3 'a missing directory is a database problem' 'mado --db /nonexistent/dir/x.db day'
test_done
