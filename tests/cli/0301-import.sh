#!/bin/sh
# import FILE.ics: partner events become program events or staff blocks,
# by UID, in one transaction, with other zones converted to Tokyo time.
. "$(dirname "$0")/../lib.sh"

PY=/usr/bin/python3
crlf() { sed 's/$/\r/'; }	# the files below are written with LF, sent with CRLF

test_expect_success 'a desk with staff' '
	mado init >/dev/null &&
	mado staff add "山田 花子" >/dev/null && mado staff add "佐藤 健" >/dev/null &&
	mado org add --name "墨田区社会福祉協議会" --type council --municipality 墨田区 >/dev/null
'
crlf >"$TEST_DIR/partner.ics" <<'EOF2'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//partner//test//EN
BEGIN:VTIMEZONE
TZID:America/New_York
BEGIN:STANDARD
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
UID:ny-webinar@partner.example
DTSTAMP:20261101T000000Z
DTSTART;TZID=America/New_York:20261201T190000
DTEND;TZID=America/New_York:20261201T203000
SUMMARY:オンライン交流会\, NY支部
LOCATION:Zoom
DESCRIPTION:一行目\n二行目
SEQUENCE:2
END:VEVENT
BEGIN:VEVENT
UID:ny-summer@partner.example
DTSTAMP:20261101T000000Z
DTSTART;TZID=America/New_York:20260710T090000
DURATION:PT1H
SUMMARY:Summer call (EDT)
END:VEVENT
BEGIN:VEVENT
UID:utc-call@partner.example
DTSTAMP:20261101T000000Z
DTSTART:20261202T010000Z
DTEND:20261202T013000Z
SUMMARY:UTC call
END:VEVENT
BEGIN:VEVENT
UID:floating@partner.example
DTSTAMP:20261101T000000Z
DTSTART:20261203T140000
DTEND:20261203T150000
SUMMARY:Floating meeting
END:VEVENT
BEGIN:VEVENT
UID:festival@partner.example
DTSTAMP:20261101T000000Z
DTSTART;VALUE=DATE:20261205
DTEND;VALUE=DATE:20261206
SUMMARY:地域福祉まつり
END:VEVENT
BEGIN:VEVENT
UID:training-yamada@partner.example
DTSTAMP:20261101T000000Z
DTSTART;TZID=Asia/Tokyo:20261204T130000
DTEND;TZID=Asia/Tokyo:20261204T150000
SUMMARY:研修 (外部)
CATEGORIES:block
X-MADOGUCHI-STAFF:山田 花子
END:VEVENT
BEGIN:VEVENT
UID:away-desk@partner.example
DTSTAMP:20261101T000000Z
DTSTART;VALUE=DATE:20261208
DTEND;VALUE=DATE:20261210
SUMMARY:窓口 移転作業
CATEGORIES:BLOCK
END:VEVENT
END:VCALENDAR
EOF2

test_expect_success 'import stores events and blocks' '
	mado import "$TEST_DIR/partner.ics" >"$TEST_DIR/out" &&
	grep_out "5 events new" <"$TEST_DIR/out" && grep_out "2 blocks new" <"$TEST_DIR/out" &&
	[ "$(sql "SELECT count(*) FROM program_event")" = 5 ] &&
	[ "$(sql "SELECT count(*) FROM staff_block")" = 3 ]
'
test_expect_success 'America/New_York (EST) becomes the next morning in Tokyo' '
	[ "$(sql "SELECT date, start_min, end_min, title, place, note, sequence, program_id IS NULL FROM program_event WHERE uid = '\''ny-webinar@partner.example'\''")" = \
	  "$(printf "2026-12-02|540|630|オンライン交流会, NY支部|Zoom|一行目\n二行目|2|1")" ]
'
test_expect_success 'daylight saving time (EDT) and DURATION are converted too' '
	[ "$(sql "SELECT date, start_min, end_min FROM program_event WHERE uid = '\''ny-summer@partner.example'\''")" = "2026-07-10|1320|1380" ]
'
test_expect_success 'UTC, floating and all-day times' '
	[ "$(sql "SELECT date, start_min, end_min FROM program_event WHERE uid = '\''utc-call@partner.example'\''")" = "2026-12-02|600|630" ] &&
	[ "$(sql "SELECT date, start_min, end_min FROM program_event WHERE uid = '\''floating@partner.example'\''")" = "2026-12-03|840|900" ] &&
	[ "$(sql "SELECT date, start_min IS NULL, end_min IS NULL FROM program_event WHERE uid = '\''festival@partner.example'\''")" = "2026-12-05|1|1" ]
'
test_expect_success 'blocks: one staff member, and a whole-desk block a day' '
	[ "$(sql "SELECT b.date, b.start_min, b.minutes, b.title, s.name FROM staff_block b JOIN staff s ON s.id = b.staff_id WHERE b.uid = '\''training-yamada@partner.example'\''")" = "2026-12-04|780|120|研修 (外部)|山田 花子" ] &&
	[ "$(sql "SELECT group_concat(uid || '\'' '\'' || date || '\'' '\'' || start_min || '\'' '\'' || minutes || '\'' '\'' || coalesce(staff_id, '\''desk'\''), '\'';'\'') FROM (SELECT * FROM staff_block WHERE uid LIKE '\''away-desk%'\'' ORDER BY date)")" = \
	  "away-desk@partner.example 2026-12-08 0 1440 desk;away-desk@partner.example#1 2026-12-09 0 1440 desk" ]
'
test_expect_code 1 'booking respects an imported staff block' '
	mado book --date 2026-12-04 --start 14:00 --channel phone --org 1 --staff "山田 花子"
'
test_expect_success 'the other staff member is free then' '
	mado book --date 2026-12-04 --start 14:00 --channel phone --org 1 --staff "佐藤 健" >/dev/null
'
test_expect_code 1 'a whole-desk block refuses everyone' '
	mado book --date 2026-12-09 --start 10:00 --channel phone --org 1 --staff "佐藤 健"
'
test_expect_success 'importing the same file again duplicates nothing' '
	mado import "$TEST_DIR/partner.ics" >"$TEST_DIR/out2" &&
	grep_out "0 events new, 0 updated, 5 unchanged" <"$TEST_DIR/out2" &&
	[ "$(sql "SELECT count(*) FROM program_event")" = 5 ] &&
	[ "$(sql "SELECT count(*) FROM staff_block")" = 3 ] &&
	[ "$(sql "SELECT sequence FROM program_event WHERE uid = '\''ny-webinar@partner.example'\''")" = 2 ]
'
test_expect_success 'a changed event updates by UID and raises its sequence' '
	sed "s/^SUMMARY:UTC call/SUMMARY:UTC call (moved)/; s/^DTSTART:20261202T010000Z/DTSTART:20261202T020000Z/; s/^DTEND:20261202T013000Z/DTEND:20261202T023000Z/" \
		"$TEST_DIR/partner.ics" >"$TEST_DIR/changed.ics" &&
	mado import "$TEST_DIR/changed.ics" >"$TEST_DIR/out3" &&
	grep_out "0 events new, 1 updated, 4 unchanged" <"$TEST_DIR/out3" &&
	[ "$(sql "SELECT title, start_min, sequence, count(*) FROM program_event WHERE uid LIKE '\''utc-call%'\''")" = "UTC call (moved)|660|1|1" ]
'
test_expect_success 'STATUS:CANCELLED removes what the UID made' '
	crlf >"$TEST_DIR/cancel.ics" <<-EOF2
	BEGIN:VCALENDAR
	VERSION:2.0
	PRODID:-//partner//test//EN
	BEGIN:VEVENT
	UID:training-yamada@partner.example
	DTSTAMP:20261102T000000Z
	DTSTART;TZID=Asia/Tokyo:20261204T130000
	STATUS:CANCELLED
	END:VEVENT
	END:VCALENDAR
	EOF2
	mado import "$TEST_DIR/cancel.ics" >/dev/null &&
	[ "$(sql "SELECT count(*) FROM staff_block WHERE uid = '\''training-yamada@partner.example'\''")" = 0 ]
'
# A file whose fourth event is broken: that event is left out, named by
# its line, and the rest is stored.
bad_file() { # LINE-REPLACEMENT-SED
	sed "$1" "$TEST_DIR/partner.ics" | sed "s/ny-/new-ny-/; s/utc-call@/new-utc@/; s/floating@/new-floating@/" >"$TEST_DIR/bad.ics"
}
counts() { sql "SELECT (SELECT count(*) FROM program_event) || '/' || (SELECT count(*) FROM staff_block) || '/' || (SELECT count(*) FROM program)"; }
test_expect_success 'a malformed date leaves that event out with its line; the rest is stored' '
	bad_file "s/^DTSTART:20261203T140000/DTSTART:20261303T140000/" &&
	line=$(grep -n "^DTSTART:20261303" "$TEST_DIR/bad.ics" | cut -d: -f1) &&
	mado import "$TEST_DIR/bad.ics" >"$TEST_DIR/out" 2>"$TEST_DIR/err" &&
	grep_out "line $line: DTSTART: '\''20261303T140000'\'' is not a date or time (1900-2199); event skipped" <"$TEST_DIR/err" &&
	grep_out "; 1 skipped" <"$TEST_DIR/out" &&
	[ "$(sql "SELECT group_concat(uid, '\'' '\'') FROM (SELECT uid FROM program_event WHERE uid LIKE '\''new-%'\'' ORDER BY uid)")" = \
	  "new-ny-summer@partner.example new-ny-webinar@partner.example new-utc@partner.example" ]
'
test_expect_success 'a missing END is refused with the line where the file ends' '
	before=$(counts) &&
	grep -v "^END:VCALENDAR" "$TEST_DIR/partner.ics" | sed "s/ny-/new-ny-/" >"$TEST_DIR/bad.ics" &&
	n=$(wc -l <"$TEST_DIR/bad.ics") &&
	{ mado import "$TEST_DIR/bad.ics" 2>"$TEST_DIR/err"; rc=$?; } ;
	[ $rc = 2 ] && grep_out "line $n: the file ends inside BEGIN:VCALENDAR" <"$TEST_DIR/err" && [ "$(counts)" = "$before" ]
'
test_expect_success 'invalid UTF-8 and control characters are refused with their line' '
	before=$(counts) &&
	bad_file "s/^SUMMARY:Floating meeting/SUMMARY:Floating \xff meeting/" &&
	line=$(grep -a -n "^SUMMARY:Floating" "$TEST_DIR/bad.ics" | cut -d: -f1) && [ -n "$line" ] &&
	{ mado import "$TEST_DIR/bad.ics" 2>"$TEST_DIR/err"; rc=$?; } ;
	[ $rc = 2 ] && grep_out "line $line: invalid UTF-8" <"$TEST_DIR/err" &&
	bad_file "s/^SUMMARY:Floating meeting/SUMMARY:Floating \x1b[2J meeting/" &&
	{ mado import "$TEST_DIR/bad.ics" 2>"$TEST_DIR/err"; rc=$?; } ;
	[ $rc = 2 ] && grep_out "line $line: control character 0x1b" <"$TEST_DIR/err" &&
	[ "$(counts)" = "$before" ]
'
test_expect_success 'an unknown zone or no UID leaves that event out; END of the wrong kind refuses the file' '
	bad_file "s/TZID=America\/New_York:20260710/TZID=Mars\/Olympus:20260710/" &&
	line=$(grep -n "Mars/Olympus" "$TEST_DIR/bad.ics" | cut -d: -f1) &&
	mado import "$TEST_DIR/bad.ics" >/dev/null 2>"$TEST_DIR/err" &&
	grep_out "line $line: unknown time zone '\''Mars/Olympus'\''; event skipped" <"$TEST_DIR/err" &&
	[ "$(sql "SELECT count(*) FROM program_event WHERE uid LIKE '\''new-%'\''")" = 4 ] &&
	bad_file "/^UID:floating@/d" &&
	mado import "$TEST_DIR/bad.ics" >/dev/null 2>"$TEST_DIR/err" &&
	grep_out "an event without UID; event skipped" <"$TEST_DIR/err" &&
	before=$(counts) &&
	bad_file "s/^END:VTIMEZONE/END:VEVENT/" &&
	{ mado import "$TEST_DIR/bad.ics" 2>"$TEST_DIR/err"; rc=$?; } ; [ $rc = 2 ] && grep_out "line 20: END:VEVENT does not close BEGIN:VTIMEZONE" <"$TEST_DIR/err" &&
	grep_out "nothing was imported" <"$TEST_DIR/err" &&
	[ "$(counts)" = "$before" ]
'
test_expect_success '--as blocks --staff NAME makes every event a block of that person' '
	crlf >"$TEST_DIR/sato.ics" <<-EOF2
	BEGIN:VCALENDAR
	VERSION:2.0
	PRODID:-//partner//test//EN
	BEGIN:VEVENT
	UID:sato-visit@partner.example
	DTSTAMP:20261102T000000Z
	DTSTART;TZID=Asia/Tokyo:20261207T100000
	DTEND;TZID=Asia/Tokyo:20261207T120000
	SUMMARY:外出
	END:VEVENT
	END:VCALENDAR
	EOF2
	mado import "$TEST_DIR/sato.ics" --as blocks --staff "佐藤 健" >/dev/null &&
	[ "$(sql "SELECT s.name, b.start_min, b.minutes FROM staff_block b JOIN staff s ON s.id = b.staff_id WHERE uid = '\''sato-visit@partner.example'\''")" = "佐藤 健|600|120" ]
'
test_expect_code 2 '--as must be events or blocks' 'mado import "$TEST_DIR/sato.ics" --as appointments'
test_expect_code 2 'a missing file is bad input' 'mado import "$TEST_DIR/nope.ics"'
test_expect_success 'round trip: export, import into an empty database, export again' '
	export MADOGUCHI_DB="$TEST_DIR/demo.db" &&
	mado demo >/dev/null &&
	mado import "$TEST_DIR/partner.ics" >/dev/null &&
	mado export --what events -o "$TEST_DIR/rt1.ics" 2>/dev/null &&
	mado export -o "$TEST_DIR/all.ics" 2>/dev/null &&
	export MADOGUCHI_DB="$TEST_DIR/empty.db" &&
	mado init >/dev/null &&
	mado import "$TEST_DIR/all.ics" >"$TEST_DIR/rt.out" &&
	mado export --what events -o "$TEST_DIR/rt2.ics" 2>/dev/null &&
	n_appt=$(sed -n "s/^\([0-9]*\) appointments of another desk came in as program events:.*$/\1/p" "$TEST_DIR/rt.out") &&
	[ "$n_appt" -gt 0 ] &&
	[ "$(grep -c "^X-MADOGUCHI-KIND:block" "$TEST_DIR/all.ics")" = 3 ] &&
	n_blocks=1 &&	# 山田 花子 works at no desk here: her block is an event; the whole-desk days stay blocks
	[ "$(sqlite3 "$TEST_DIR/empty.db" "SELECT count(*) FROM staff_block WHERE staff_id IS NULL")" = 2 ] &&
	[ "$($PY "$SRC_DIR/tests/cli/ics_subset.py" "$TEST_DIR/rt1.ics" "$TEST_DIR/rt2.ics")" = $((n_appt + n_blocks)) ] &&
	[ "$(grep -c "^BEGIN:VEVENT" "$TEST_DIR/rt1.ics")" = 14 ] &&
	grep -q "^X-MADOGUCHI-NOTE:一行目\\\\n二行目" "$TEST_DIR/rt2.ics" &&
	mado import "$TEST_DIR/all.ics" >"$TEST_DIR/rt.out2" &&
	grep_out "0 events new, 0 updated, $((14 + n_appt + n_blocks)) unchanged" <"$TEST_DIR/rt.out2" &&
	[ "$(sqlite3 "$TEST_DIR/empty.db" "SELECT count(*) FROM program_event")" = $((14 + n_appt + n_blocks)) ]
'
test_done
