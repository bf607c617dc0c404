#!/bin/sh
# The benchmark's generator (tests/bench/gen) at a tiny size keeps its
# promises: the counts asked for, no two bookings of one staff member
# (or one visit room) overlapping, every booking on an open desk day
# within desk hours, the full-text index filled, the same database for
# the same seed, and an .ics of partner events the import accepts.
# No timings here: those are `make bench` output, never assertions.
. "$(dirname "$0")/../lib.sh"

GEN=$MADOGUCHI_BUILD/tests/bench/gen
DB=$TEST_DIR/gen.db

test_expect_success 'the generator is built (make builds it with the tests)' '
	[ -x "$GEN" ]
'
test_expect_success 'a tiny desk is generated' '
	"$GEN" --db "$DB" --tiny 2>"$TEST_DIR/gen.log" &&
	grep_out "600 appointments" <"$TEST_DIR/gen.log" &&
	[ "$(stat -c %a "$DB")" = 600 ]
'
MADOGUCHI_DB=$DB
export MADOGUCHI_DB

test_expect_success 'the counts asked for' '
	[ "$(sql "SELECT count(*) FROM staff")" = 4 ] &&
	[ "$(sql "SELECT count(*) FROM organization")" = 60 ] &&
	[ "$(sql "SELECT count(*) FROM appointment")" = 600 ] &&
	[ "$(sql "SELECT count(*) FROM inquiry")" = 300 ] &&
	[ "$(sql "SELECT count(*) FROM program")" = 4 ] &&
	[ "$(sql "SELECT count(*) >= 4 FROM program_event")" = 1 ] &&
	[ "$(sql "SELECT count(*) > 300 FROM inquiry_note")" = 1 ] &&
	[ "$(sql "SELECT count(DISTINCT name) FROM organization")" = 60 ]
'
test_expect_success 'organizations have Japanese names, kana readings and Tokyo municipalities' '
	[ "$(sql "SELECT count(*) FROM organization WHERE kana = \"\" OR kana GLOB \"*[A-Za-z]*\" AND kana NOT GLOB \"*えぬぴ*\"")" = 0 ] &&
	[ "$(sql "SELECT count(*) FROM organization o LEFT JOIN municipality m ON m.name = o.municipality WHERE m.name IS NULL")" = 0 ] &&
	[ "$(sql "SELECT count(DISTINCT type) FROM organization")" -ge 5 ]
'
test_expect_success 'no two live bookings of one staff member overlap' '
	[ "$(sql "SELECT count(*) FROM appointment a JOIN appointment b
		ON a.staff_id = b.staff_id AND a.date = b.date AND a.id < b.id
		AND a.start_min < b.start_min + b.minutes AND b.start_min < a.start_min + a.minutes")" = 0 ]
'
test_expect_success 'no two visits share a room at the same time' '
	[ "$(sql "SELECT count(*) FROM appointment a JOIN appointment b
		ON a.channel = '\''visit'\'' AND b.channel = '\''visit'\'' AND a.room = b.room
		AND a.date = b.date AND a.id < b.id
		AND a.start_min < b.start_min + b.minutes AND b.start_min < a.start_min + a.minutes")" = 0 ]
'
test_expect_success 'every booking is within desk hours and has a staff member' '
	[ "$(sql "SELECT count(*) FROM appointment WHERE start_min < 600 OR start_min + minutes > 1020 OR staff_id IS NULL OR override_reason IS NOT NULL")" = 0 ]
'
test_expect_success 'every booking falls on a day the desk is open' '
	mado closed --from 2026-01-01 --to 2026-12-31 | cut -c1-10 | sort >"$TEST_DIR/closed" &&
	[ "$(wc -l <"$TEST_DIR/closed")" -gt 100 ] &&
	sql "SELECT DISTINCT date FROM appointment ORDER BY 1" >"$TEST_DIR/booked" &&
	[ "$(wc -l <"$TEST_DIR/booked")" -gt 200 ] &&
	[ -z "$(comm -12 "$TEST_DIR/closed" "$TEST_DIR/booked")" ]
'
test_expect_success 'past bookings are settled, future ones booked' '
	[ "$(sql "SELECT count(*) FROM appointment WHERE date < '\''2026-11-24'\'' AND status = '\''booked'\''")" = 0 ] &&
	[ "$(sql "SELECT count(*) FROM appointment WHERE date > '\''2026-11-24'\'' AND status IN ('\''done'\'','\''no_show'\'')")" = 0 ] &&
	[ "$(sql "SELECT count(*) > 0 FROM appointment WHERE date > '\''2026-11-24'\'' AND status = '\''booked'\''")" = 1 ]
'
test_expect_success 'inquiries are received up to now, open ones have a due date' '
	[ "$(sql "SELECT count(*) FROM inquiry WHERE received_at > '\''2026-11-24T10:15'\''")" = 0 ] &&
	[ "$(sql "SELECT count(*) FROM inquiry WHERE status <> '\''closed'\'' AND due_date IS NULL")" = 0 ] &&
	[ "$(sql "SELECT count(*) > 0 FROM inquiry WHERE status <> '\''closed'\''")" = 1 ]
'
test_expect_success 'the full-text indexes hold every summary and note' '
	[ "$(sql "INSERT INTO inquiry_fts (inquiry_fts) VALUES ('\''integrity-check'\'');
		INSERT INTO inquiry_note_fts (inquiry_note_fts) VALUES ('\''integrity-check'\'');
		SELECT 1")" = 1 ] &&
	a=$(sql "SELECT count(*) FROM inquiry_fts WHERE inquiry_fts MATCH '\''\"申込方法\"'\''") &&
	b=$(sql "SELECT count(*) FROM inquiry WHERE instr(summary, '\''申込方法'\'')") &&
	[ "$a" = "$b" ] && [ "$b" -gt 0 ] &&
	[ "$(sql "SELECT count(*) FROM sqlite_schema WHERE type = '\''trigger'\'' AND name LIKE '\''%fts%'\''")" -ge 4 ] &&
	[ "$(sql "PRAGMA integrity_check")" = ok ]
'
test_expect_success 'the search docs cover every inquiry, their triggers are back' '
	[ "$(sql "SELECT count(*) FROM inquiry_search")" = "$(sql "SELECT count(*) FROM inquiry")" ] &&
	[ "$(sql "SELECT count(*) FROM sqlite_schema WHERE type = '\''trigger'\'' AND name LIKE '\''inquiry_search%'\''")" = 10 ]
'
test_expect_success 'the program reads it: the day list matches the table' '
	d=$(sql "SELECT date FROM appointment WHERE status <> '\''cancelled'\'' GROUP BY date ORDER BY count(*) DESC, date LIMIT 1") &&
	n=$(sql "SELECT count(*) FROM appointment WHERE date = '\''$d'\'' AND status <> '\''cancelled'\''") &&
	[ "$(mado day --date "$d" --tsv | wc -l)" -eq "$n" ]
'
test_expect_success 'the same seed gives the same database, another seed another' '
	"$GEN" --db "$TEST_DIR/again.db" --tiny 2>/dev/null &&
	"$GEN" --db "$TEST_DIR/other.db" --tiny --seed 7 2>/dev/null &&
	q="SELECT uid, date, start_min, minutes, staff_id, org_id, status FROM appointment ORDER BY id" &&
	sql "$q" >"$TEST_DIR/one" &&
	sqlite3 "$TEST_DIR/again.db" "$q" >"$TEST_DIR/two" &&
	sqlite3 "$TEST_DIR/other.db" "$q" >"$TEST_DIR/three" &&
	test_cmp "$TEST_DIR/one" "$TEST_DIR/two" &&
	! cmp -s "$TEST_DIR/one" "$TEST_DIR/three"
'
test_expect_code 2 'a day too crowded for the staff is refused' '
	"$GEN" --db "$TEST_DIR/crowded.db" --tiny --staff 1 --appts 20000 2>/dev/null
'
test_expect_success 'the partner .ics: folded CRLF lines the import accepts' '
	"$GEN" --ics "$TEST_DIR/p.ics" --events 50 &&
	[ "$(grep -c "^BEGIN:VEVENT" "$TEST_DIR/p.ics")" = 50 ] &&
	[ "$(grep -vc "$(printf "\r")\$" "$TEST_DIR/p.ics")" = 0 ] &&
	[ "$(awk "length(\$0) > 76" "$TEST_DIR/p.ics" | wc -l)" = 0 ] &&
	MADOGUCHI_DB=$TEST_DIR/imp.db mado init >/dev/null &&
	MADOGUCHI_DB=$TEST_DIR/imp.db mado import "$TEST_DIR/p.ics" &&
	[ "$(sqlite3 "$TEST_DIR/imp.db" "SELECT count(*) FROM program_event")" = 50 ]
'
test_done
