#!/bin/sh
# Repeating events from a partner's calendar: a staff member's weekly
# meeting imported with --staff blocks every occurrence (and none that
# the file took out), moved and cancelled occurrences included; a second
# import updates by UID, counts what it removed, and never lets an older
# copy overwrite a newer one; blocks over several days cover every day.
. "$(dirname "$0")/../lib.sh"

crlf() { sed 's/$/\r/'; }

test_expect_success 'a desk with staff' '
	mado init >/dev/null &&
	mado staff add "山田 花子" >/dev/null && mado staff add "佐藤 健" >/dev/null &&
	mado org add --name "墨田区社会福祉協議会" --type council --municipality 墨田区 >/dev/null
'
# Wednesdays 14:00-15:00 in Tokyo, no end; not on 12/16 (EXDATE); 1/13
# moved to 16:00; 1/20 cancelled.
meeting() { # SEQUENCE [extra EXDATE line] [STATUS line]
	crlf <<EOF2
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//partner//test//EN
BEGIN:VEVENT
UID:weekly-meeting@partner.example
DTSTAMP:20261101T000000Z
SEQUENCE:$1
DTSTART;TZID=Asia/Tokyo:20261202T140000
DTEND;TZID=Asia/Tokyo:20261202T150000
RRULE:FREQ=WEEKLY;BYDAY=WE
EXDATE;TZID=Asia/Tokyo:20261216T140000
${2:-X-NOTHING:1}
${3:-X-NOTHING:2}
SUMMARY:定例会議
END:VEVENT
BEGIN:VEVENT
UID:weekly-meeting@partner.example
DTSTAMP:20261101T000000Z
SEQUENCE:$1
RECURRENCE-ID;TZID=Asia/Tokyo:20270113T140000
DTSTART;TZID=Asia/Tokyo:20270113T160000
DTEND;TZID=Asia/Tokyo:20270113T170000
SUMMARY:定例会議 (時間変更)
END:VEVENT
BEGIN:VEVENT
UID:weekly-meeting@partner.example
DTSTAMP:20261101T000000Z
SEQUENCE:$1
RECURRENCE-ID;TZID=Asia/Tokyo:20270120T140000
DTSTART;TZID=Asia/Tokyo:20270120T140000
STATUS:CANCELLED
END:VEVENT
END:VCALENDAR
EOF2
}
meeting 1 >"$TEST_DIR/meeting.ics"
book() { # DATE TIME [STAFF]
	mado book --date "$1" --start "$2" --channel phone --org 1 --staff "${3:-山田 花子}"
}

test_expect_success 'import --staff: a block for every occurrence up to the horizon' '
	mado import --staff "山田 花子" "$TEST_DIR/meeting.ics" >"$TEST_DIR/out" &&
	grep_out "0 removed; 0 older copies ignored; 0 skipped" <"$TEST_DIR/out" &&
	grep_out "repeating events are stored up to 2028-11-23" <"$TEST_DIR/out" &&
	[ "$(sql "SELECT count(*), min(date), max(date) FROM staff_block WHERE src_uid = '\''weekly-meeting@partner.example'\''")" = \
	  "102|2026-12-02|2028-11-22" ]
'
for d in 2026-12-02 2026-12-09 2026-12-23 2027-01-06 2027-01-27 2027-06-02 2028-11-22; do
	test_expect_code 1 "booking at 14:00 on $d is refused by the meeting" "
		book $d 14:00 2>&1 | grep -F '定例会議' >&2; book $d 14:00
	"
done
test_expect_success 'the other staff member is free at every meeting' '
	book 2026-12-09 14:00 "佐藤 健" >/dev/null
'
test_expect_success 'booking on the EXDATE-d Wednesday is allowed' '
	book 2026-12-16 14:00 >/dev/null
'
test_expect_success 'the moved occurrence blocks its new time, not its old one' '
	book 2027-01-13 14:00 >/dev/null &&
	{ book 2027-01-13 16:00 2>"$TEST_DIR/err"; [ $? = 1 ]; } && grep_out "定例会議 (時間変更)" <"$TEST_DIR/err"
'
test_expect_success 'the cancelled occurrence blocks nothing' '
	book 2027-01-20 14:00 >/dev/null
'
test_expect_success 'the same file again changes nothing' '
	mado import --staff "山田 花子" "$TEST_DIR/meeting.ics" >"$TEST_DIR/out" &&
	grep_out "0 blocks new, 0 updated, 102 unchanged; 0 removed" <"$TEST_DIR/out"
'
test_expect_success 'a newer copy with one more EXDATE removes that occurrence and says so' '
	meeting 2 "EXDATE;TZID=Asia/Tokyo:20261223T140000" >"$TEST_DIR/meeting2.ics" &&
	mado import --staff "山田 花子" "$TEST_DIR/meeting2.ics" >"$TEST_DIR/out" &&
	grep_out "; 1 removed;" <"$TEST_DIR/out" &&
	book 2026-12-23 14:00 >/dev/null
'
test_expect_success 'an older copy (lower SEQUENCE) changes nothing and is counted' '
	mado import --staff "山田 花子" "$TEST_DIR/meeting.ics" >"$TEST_DIR/out" 2>"$TEST_DIR/err" &&
	grep_out "1 older copies ignored" <"$TEST_DIR/out" &&
	grep_out "an older copy of '\''weekly-meeting@partner.example'\'' (SEQUENCE 1) than the one stored (SEQUENCE 2)" <"$TEST_DIR/err" &&
	[ "$(sql "SELECT count(*) FROM staff_block WHERE date = '\''2026-12-23'\''")" = 0 ]
'
test_expect_success 'at the same SEQUENCE the later LAST-MODIFIED wins' '
	meeting 2 "EXDATE;TZID=Asia/Tokyo:20261223T140000" "LAST-MODIFIED:20261105T000000Z" >"$TEST_DIR/m3.ics" &&
	sed "s/^LAST-MODIFIED:20261105T000000Z/LAST-MODIFIED:20261104T000000Z/; s/^SUMMARY:定例会議\r/SUMMARY:古い会議\r/" "$TEST_DIR/m3.ics" >"$TEST_DIR/m4.ics" &&
	mado import --staff "山田 花子" "$TEST_DIR/m3.ics" >/dev/null &&
	mado import --staff "山田 花子" "$TEST_DIR/m4.ics" >"$TEST_DIR/out" 2>/dev/null &&
	grep_out "1 older copies ignored" <"$TEST_DIR/out" &&
	[ "$(sql "SELECT count(*) FROM staff_block WHERE title = '\''古い会議'\''")" = 0 ]
'
test_expect_success 'STATUS:CANCELLED on the series removes every occurrence, counted' '
	meeting 3 "" "STATUS:CANCELLED" >"$TEST_DIR/gone.ics" &&
	mado import --staff "山田 花子" "$TEST_DIR/gone.ics" >"$TEST_DIR/out" &&
	{ grep_out "; 101 removed;" <"$TEST_DIR/out" || cat "$TEST_DIR/out"; } &&
	[ "$(sql "SELECT count(*) FROM staff_block")" = 0 ] &&
	book 2027-01-27 14:00 >/dev/null
'
crlf >"$TEST_DIR/away.ics" <<'EOF2'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//partner//test//EN
BEGIN:VEVENT
UID:trip@partner.example
DTSTAMP:20261101T000000Z
DTSTART;VALUE=DATE:20270201
DTEND;VALUE=DATE:20270204
SUMMARY:出張
END:VEVENT
BEGIN:VEVENT
UID:overnight@partner.example
DTSTAMP:20261101T000000Z
DTSTART;TZID=Asia/Tokyo:20270208T160000
DTEND;TZID=Asia/Tokyo:20270209T113000
SUMMARY:研修 (泊まり)
END:VEVENT
END:VCALENDAR
EOF2
test_expect_success 'blocks over several days cover every day they span' '
	mado import --staff "佐藤 健" "$TEST_DIR/away.ics" >/dev/null &&
	for d in 2027-02-01 2027-02-02 2027-02-03; do
		{ book $d 10:00 "佐藤 健" 2>/dev/null; [ $? = 1 ]; } || return 1
	done &&
	book 2027-02-04 10:00 "佐藤 健" >/dev/null &&
	{ book 2027-02-08 16:00 "佐藤 健" 2>/dev/null; [ $? = 1 ]; } &&
	{ book 2027-02-09 11:00 "佐藤 健" 2>/dev/null; [ $? = 1 ]; } &&
	book 2027-02-09 11:30 "佐藤 健" >/dev/null
'
crlf >"$TEST_DIR/far.ics" <<'EOF2'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//partner//test//EN
BEGIN:VEVENT
UID:far-once@partner.example
DTSTAMP:20261101T000000Z
DTSTART;TZID=Asia/Tokyo:20310606T100000
DTEND;TZID=Asia/Tokyo:20310606T110000
SUMMARY:遠い先の一回
END:VEVENT
BEGIN:VEVENT
UID:far-series@partner.example
DTSTAMP:20261101T000000Z
DTSTART;TZID=Asia/Tokyo:20300101T100000
RRULE:FREQ=DAILY
SUMMARY:遠い先の連続
END:VEVENT
END:VCALENDAR
EOF2
test_expect_success 'the horizon bounds repeat rules only: a single event far ahead is kept, a late series keeps its first day' '
	mado import "$TEST_DIR/far.ics" >/dev/null &&
	[ "$(sql "SELECT group_concat(date || '\'' '\'' || title, '\'';'\'') FROM (SELECT * FROM program_event WHERE src_uid LIKE '\''far-%'\'' ORDER BY date)")" = \
	  "2030-01-01 遠い先の連続;2031-06-06 遠い先の一回" ]
'
test_done
