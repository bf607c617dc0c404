#!/bin/sh
# Every imported calendar item is visible where the clerk looks: `day`
# lists the day's events (also one that began the day before, and each
# occurrence of a series) and staff blocks; `export` writes staff blocks
# (only "busy" under --no-personal); a madoguchi export imported into
# another desk brings its appointments back as events, and its staff
# blocks as blocks where the staff member works there.
. "$(dirname "$0")/../lib.sh"

crlf() { sed 's/$/\r/'; }

test_expect_success 'a desk with staff' '
	mado init >/dev/null &&
	mado staff add "山田 花子" >/dev/null &&
	mado org add --name "墨田区社会福祉協議会" --type council --municipality 墨田区 >/dev/null
'
crlf >"$TEST_DIR/partner.ics" <<'EOF2'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//partner//test//EN
BEGIN:VEVENT
UID:overnight@partner.example
DTSTAMP:20261101T000000Z
DTSTART;TZID=Asia/Tokyo:20261201T200000
DTEND;TZID=Asia/Tokyo:20261202T013000
SUMMARY:夜間ボランティア説明会
LOCATION:港区役所
END:VEVENT
BEGIN:VEVENT
UID:fair@partner.example
DTSTAMP:20261101T000000Z
DTSTART;VALUE=DATE:20261207
DTEND;VALUE=DATE:20261210
SUMMARY:地域福祉フェア
END:VEVENT
BEGIN:VEVENT
UID:monthly@partner.example
DTSTAMP:20261101T000000Z
DTSTART;TZID=Asia/Tokyo:20261203T100000
DTEND;TZID=Asia/Tokyo:20261203T113000
RRULE:FREQ=MONTHLY;BYMONTHDAY=3
SUMMARY:月例連絡会
END:VEVENT
BEGIN:VEVENT
UID:study@partner.example
DTSTAMP:20261101T000000Z
DTSTART;TZID=Asia/Tokyo:20261202T130000
DTEND;TZID=Asia/Tokyo:20261202T150000
SUMMARY:研修 (外部)
X-MADOGUCHI-STAFF:山田 花子
END:VEVENT
END:VCALENDAR
EOF2
test_expect_success 'import' 'mado import "$TEST_DIR/partner.ics" >/dev/null'

test_expect_success 'day: the events of the day and the staff blocks' '
	mado day --date 2026-12-02 >"$TEST_DIR/d" &&
	test_cmp - "$TEST_DIR/d" <<-\EOF2
	2026-12-02(Wed)
	  no appointments
	  events:
	  -01:30       夜間ボランティア説明会 @ 港区役所 (12-01 to 12-02)
	  staff blocks:
	  13:00-15:00  山田 花子  研修 (外部)
	EOF2
'
test_expect_success 'day: an event over several days on its middle day, a series on a later month' '
	mado day --date 2026-12-08 | grep_out "  all day      地域福祉フェア (12-07 to 12-09)" &&
	mado day --date 2027-05-03 | grep_out "  10:00-11:30  月例連絡会" &&
	mado day --date 2026-12-01 | grep_out "  20:00-       夜間ボランティア説明会 @ 港区役所 (12-01 to 12-02)"
'
test_expect_success 'export writes staff blocks with their staff member' '
	mado export --what blocks -o "$TEST_DIR/b.ics" 2>/dev/null &&
	grep -q "^SUMMARY:研修 (外部)" "$TEST_DIR/b.ics" &&
	grep -q "^X-MADOGUCHI-STAFF:山田 花子" "$TEST_DIR/b.ics" &&
	grep -q "^DTSTART;TZID=Asia/Tokyo:20261202T130000" "$TEST_DIR/b.ics" &&
	grep -q "^DTEND;TZID=Asia/Tokyo:20261202T150000" "$TEST_DIR/b.ics"
'
test_expect_success 'export --no-personal: a block is only busy' '
	mado export --what blocks --no-personal -o "$TEST_DIR/bn.ics" 2>/dev/null &&
	grep -q "^SUMMARY:(busy)" "$TEST_DIR/bn.ics" &&
	! grep -q "研修\|山田\|X-MADOGUCHI-STAFF" "$TEST_DIR/bn.ics"
'
test_expect_success 'a madoguchi export into another desk: an appointment of its staff member is booked, said so' '
	mado book --date 2026-12-04 --start 10:00 --channel phone --org 1 --staff "山田 花子" >/dev/null &&
	mado export -o "$TEST_DIR/all.ics" 2>/dev/null &&
	export MADOGUCHI_DB="$TEST_DIR/other.db" &&
	mado init >/dev/null && mado staff add "山田 花子" >/dev/null &&
	mado import "$TEST_DIR/all.ics" >"$TEST_DIR/out" &&
	grep_out "appointments of another desk: 1 booked, 0 changed, 0 unchanged; 0 refused" <"$TEST_DIR/out" &&
	[ "$(sql "SELECT count(*) FROM appointment")" = 1 ] &&
	mado day --date 2026-12-04 | grep_out "* 10:00-10:30 " &&
	[ "$(sql "SELECT s.name, b.date, b.start_min, b.minutes FROM staff_block b JOIN staff s ON s.id = b.staff_id")" = "山田 花子|2026-12-02|780|120" ]
'
test_done
