#!/bin/sh
# Round trip of program events: export, import into an empty database,
# export again gives the same events (and the appointments as events),
# field by field -- evening times,
# places and capacities, registration deadlines, Japanese text with
# commas, semicolons, backslashes, newlines and spaces at either end.
. "$(dirname "$0")/../lib.sh"

PY=/usr/bin/python3
ICAL="$SRC_DIR/tests/ical"
crlf() { sed 's/$/\r/'; }
# every field of every program event, and its program's name
# (appointments that came in as events left out: they are the desk's own)
rows() {
	sqlite3 -batch -noheader "$1" "ATTACH '$MADOGUCHI_DB' AS src; SELECT e.uid, quote(e.title), e.date, quote(e.start_min), quote(e.end_min),
		quote(e.place), quote(e.capacity), quote(e.reg_deadline), quote(e.note), e.sequence, e.updated_at,
		quote(p.name) FROM program_event e LEFT JOIN program p ON p.id = e.program_id
		WHERE e.uid NOT IN (SELECT uid FROM src.appointment) ORDER BY e.uid"
}

test_expect_success 'the demo desk with evening events added' '
	mado demo >/dev/null &&
	p=$(mado program list --tsv | head -1 | cut -f1) &&
	mado program event add "$p" --title "夜の交流会、第2回; 申込制, 定員あり" --date 2026-12-10 \
		--start 18:30 --end 21:00 --place "港区 区民センター, 3F; 会議室A" --capacity 30 \
		--reg-deadline 2026-12-03 \
		--note "$(printf "持ち物: 名刺, 筆記用具; 上履き\n二行目\\\\バックスラッシュ\\\\n\n\t字下げ  ")" >/dev/null &&
	mado program event add "$p" --title " 年越し相談会 " --date 2026-12-31 --start 22:00 --end 24:00 \
		--place "  墨田区 まちづくり会館" --capacity 30 --reg-deadline 2026-12-20 \
		--note "  先頭と末尾に空白  " >/dev/null &&
	[ "$(sql "SELECT count(*) FROM program_event WHERE capacity = 30 AND reg_deadline IS NOT NULL")" = 2 ]
'
test_expect_code 2 'an event cannot end after midnight on the command line' '
	mado program event add "$(mado program list --tsv | head -1 | cut -f1)" --title 夜 --date 2026-12-11 --start 22:00 --end 01:00
'
crlf >"$TEST_DIR/partner.ics" <<'EOF2'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//partner//test//EN
BEGIN:VEVENT
UID:late-night@partner.example
DTSTAMP:20261101T000000Z
LAST-MODIFIED:20261101T090000Z
DTSTART:20261211T110000Z
DTEND:20261211T163000Z
SUMMARY:夜間ボランティア説明会\, 港区
LOCATION: 港区役所\; 9階 
DESCRIPTION:持ち物\, 筆記用具\;\n終わりは翌1時半 
X-MADOGUCHI-CAPACITY:30
X-MADOGUCHI-REG-DEADLINE:2026-12-05
SEQUENCE:3
END:VEVENT
END:VCALENDAR
EOF2
test_expect_success 'a partner event over midnight ends the next day, spaces and escapes kept' '
	mado import "$TEST_DIR/partner.ics" >/dev/null &&
	[ "$(sql "SELECT date, start_min, end_min, end_date, end_date_min, title, place, capacity, reg_deadline, note, sequence FROM program_event WHERE uid = '\''late-night@partner.example'\''")" = \
	  "$(printf "2026-12-11|1200||2026-12-12|90|夜間ボランティア説明会, 港区| 港区役所; 9階 |30|2026-12-05|持ち物, 筆記用具;\n終わりは翌1時半 |3")" ]
'
test_expect_success 'export, import into an empty database, export again: the same events' '
	mado export --what events -o "$TEST_DIR/rt1.ics" 2>/dev/null &&
	mado export -o "$TEST_DIR/all.ics" 2>/dev/null &&
	rows "$MADOGUCHI_DB" >"$TEST_DIR/rows1" &&
	MADOGUCHI_DB="$TEST_DIR/empty.db" mado init >/dev/null &&
	MADOGUCHI_DB="$TEST_DIR/empty.db" mado import "$TEST_DIR/all.ics" >"$TEST_DIR/rt.out" &&
	MADOGUCHI_DB="$TEST_DIR/empty.db" mado export --what events -o "$TEST_DIR/rt2.ics" 2>/dev/null &&
	n_appt=$(sed -n "s/^\([0-9]*\) appointments of another desk came in as program events:.*$/\1/p" "$TEST_DIR/rt.out") &&
	[ "$n_appt" -gt 0 ] &&
	[ "$($PY "$SRC_DIR/tests/cli/ics_subset.py" "$TEST_DIR/rt1.ics" "$TEST_DIR/rt2.ics")" = "$n_appt" ] &&
	[ "$(grep -c "^BEGIN:VEVENT" "$TEST_DIR/rt1.ics")" = 12 ]
'
test_expect_success 'every field of every event is the same in both databases' '
	rows "$TEST_DIR/empty.db" >"$TEST_DIR/rows2" &&
	test_cmp "$TEST_DIR/rows1" "$TEST_DIR/rows2" &&
	grep -qF "'\''  墨田区 まちづくり会館'\''" "$TEST_DIR/rows2" &&
	grep -qF "'\''  先頭と末尾に空白  '\''" "$TEST_DIR/rows2"
'
test_expect_success 'the exported bytes are valid (CRLF, folds, escapes)' '
	$PY "$ICAL/check_bytes.py" "$TEST_DIR/rt2.ics" &&
	grep -q "^LOCATION:港区 区民センター\\\\, 3F\\\\; 会議室A" "$TEST_DIR/rt2.ics" &&
	grep -q "^DTSTART;TZID=Asia/Tokyo:20261210T183000" "$TEST_DIR/rt2.ics" &&
	grep -q "^DTEND;TZID=Asia/Tokyo:20270101T000000" "$TEST_DIR/rt2.ics" &&
	grep -q "^X-MADOGUCHI-CAPACITY:30" "$TEST_DIR/rt2.ics" &&
	grep -q "^X-MADOGUCHI-REG-DEADLINE:2026-12-03" "$TEST_DIR/rt2.ics"
'
test_expect_success 'importing the export again changes nothing' '
	MADOGUCHI_DB="$TEST_DIR/empty.db" mado import "$TEST_DIR/all.ics" >"$TEST_DIR/again" &&
	grep_out "0 events new, 0 updated, $((12 + $(sed -n "s/^\([0-9]*\) appointments of another desk.*/\1/p" "$TEST_DIR/rt.out"))) unchanged" <"$TEST_DIR/again" &&
	rows "$TEST_DIR/empty.db" >"$TEST_DIR/rows3" && test_cmp "$TEST_DIR/rows1" "$TEST_DIR/rows3"
'
test_expect_success 'a second generation is the same too' '
	MADOGUCHI_DB="$TEST_DIR/third.db" mado init >/dev/null &&
	MADOGUCHI_DB="$TEST_DIR/third.db" mado import "$TEST_DIR/rt2.ics" >/dev/null &&
	MADOGUCHI_DB="$TEST_DIR/third.db" mado export --what events -o "$TEST_DIR/rt3.ics" 2>/dev/null &&
	test_cmp "$TEST_DIR/rt2.ics" "$TEST_DIR/rt3.ics"
'
test_done
