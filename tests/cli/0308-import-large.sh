#!/bin/sh
# A calendar of any size imports, in flat memory (issue 17): the file is
# read in pieces, checked whole first, then event by event.  A 20 MB
# calendar (over the old 16 MiB limit) comes in complete; a series whose
# master is the first event and whose overrides are the last still comes
# together; one event with a 6 MB inline ATTACH and a 3 MB DESCRIPTION
# keeps its other fields; a broken structure at the very end of a large
# file stores nothing; a broken file names 10,000 events left out and
# counts the rest; and the plain build imports the 20 MB file within
# 200 MB of address space (the old reader needed about 16 times the file).
. "$(dirname "$0")/../lib.sh"

export MADOGUCHI_NOW=2026-12-07T10:00

# big.ics: the master of a weekly series (Wednesdays 14:00, 5 times),
# 2,000 events with a folded DESCRIPTION of about 10 KB each, then the
# series' overrides: 1/13 moved to 16:00, 1/20 cancelled.
gen_big() {
	awk -v n=2000 'BEGIN {
		crlf = "\r\n"
		fill = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789"
		printf "BEGIN:VCALENDAR%sVERSION:2.0%sPRODID:-//test//large//EN%s", crlf, crlf, crlf
		printf "BEGIN:VEVENT%sUID:series@far.example%s", crlf, crlf
		printf "DTSTART;TZID=Asia/Tokyo:20270106T140000%sDTEND;TZID=Asia/Tokyo:20270106T150000%s", crlf, crlf
		printf "RRULE:FREQ=WEEKLY;COUNT=5%sSUMMARY:定例会%sEND:VEVENT%s", crlf, crlf, crlf
		for (i = 0; i < n; i++) {
			printf "BEGIN:VEVENT%sUID:big-%05d@large.example%s", crlf, i, crlf
			printf "DTSTART;TZID=Asia/Tokyo:20270301T%02d0000%s", 9 + i % 8, crlf
			printf "DTEND;TZID=Asia/Tokyo:20270301T%02d3000%s", 9 + i % 8, crlf
			printf "SUMMARY:行事 %d%sDESCRIPTION:start", i, crlf
			for (k = 0; k < 130; k++)
				printf "%s %s", crlf, fill
			printf "%sEND:VEVENT%s", crlf, crlf
		}
		printf "BEGIN:VEVENT%sUID:series@far.example%s", crlf, crlf
		printf "RECURRENCE-ID;TZID=Asia/Tokyo:20270113T140000%s", crlf
		printf "DTSTART;TZID=Asia/Tokyo:20270113T160000%sDTEND;TZID=Asia/Tokyo:20270113T170000%s", crlf, crlf
		printf "SUMMARY:定例会 (時間変更)%sEND:VEVENT%s", crlf, crlf
		printf "BEGIN:VEVENT%sUID:series@far.example%s", crlf, crlf
		printf "RECURRENCE-ID;TZID=Asia/Tokyo:20270120T140000%s", crlf
		printf "DTSTART;TZID=Asia/Tokyo:20270120T140000%sSTATUS:CANCELLED%sEND:VEVENT%s", crlf, crlf, crlf
		printf "END:VCALENDAR%s", crlf
	}'
}
gen_big >"$TEST_DIR/big.ics"
size=$(wc -c <"$TEST_DIR/big.ics")

test_expect_success 'the calendar is over the old 16 MiB limit' '
	[ "$size" -gt $((16 * 1024 * 1024)) ]
'
test_expect_success 'a 20 MB calendar imports completely' '
	mado init >/dev/null &&
	mado import "$TEST_DIR/big.ics" >"$TEST_DIR/out" 2>"$TEST_DIR/err" &&
	grep_out "2004 events new" <"$TEST_DIR/out" &&
	! grep -q . "$TEST_DIR/err" &&
	[ "$(sql "SELECT count(*) FROM program_event WHERE uid LIKE '"'big-%'"'")" = 2000 ] &&
	[ "$(sql "SELECT title FROM program_event WHERE uid = '"'big-01999@large.example'"'")" = "行事 1999" ] &&
	[ "$(sql "SELECT length(note) FROM program_event WHERE uid = '"'big-00000@large.example'"'")" = 4000 ]
'
test_expect_success 'a master at the start and its overrides at the end come together' '
	sql "SELECT date, start_min, end_min, title FROM program_event
	     WHERE src_uid = '"'series@far.example'"' ORDER BY date" >"$TEST_DIR/series" &&
	cat >"$TEST_DIR/series.expected" <<-EOF &&
	2027-01-06|840|900|定例会
	2027-01-13|960|1020|定例会 (時間変更)
	2027-01-27|840|900|定例会
	2027-02-03|840|900|定例会
	EOF
	test_cmp "$TEST_DIR/series.expected" "$TEST_DIR/series"
'
test_expect_success 'a second import of the large file changes nothing' '
	mado import "$TEST_DIR/big.ics" >"$TEST_DIR/out2" &&
	grep_out "0 events new, 0 updated, 2004 unchanged" <"$TEST_DIR/out2"
'

# one event of 9 MB: a 6 MB inline ATTACH (base64, as Outlook writes
# one) and a 3 MB DESCRIPTION
{
	printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//huge//EN\r\nBEGIN:VEVENT\r\n'
	printf 'UID:huge@large.example\r\nDTSTART;TZID=Asia/Tokyo:20270105T100000\r\n'
	printf 'DTEND;TZID=Asia/Tokyo:20270105T113000\r\nSUMMARY:添付つきの打合せ\r\n'
	printf 'ATTACH;ENCODING=BASE64;VALUE=BINARY;FMTTYPE=application/pdf:\r\n'
	head -c 4500000 /dev/zero | base64 -w 74 | sed 's/^/ /; s/$/\r/'
	printf 'DESCRIPTION:'
	awk 'BEGIN { for (i = 0; i < 110000; i++) printf "説明の本文です。\\n%s\r\n ", "" ; printf "終わり\r\n" }'
	printf 'LOCATION:会議室A\r\nX-MADOGUCHI-CAPACITY:30\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
} >"$TEST_DIR/huge.ics"

test_expect_success 'one event of 9 MB imports with its other fields' '
	[ "$(wc -c <"$TEST_DIR/huge.ics")" -gt 9000000 ] &&
	mado import "$TEST_DIR/huge.ics" >"$TEST_DIR/out3" 2>"$TEST_DIR/err3" &&
	grep_out "1 events new" <"$TEST_DIR/out3" &&
	! grep -q . "$TEST_DIR/err3" &&
	[ "$(sql "SELECT date, start_min, end_min, title, place, capacity, length(note), substr(note, 1, 9), substr(note, -1)
	          FROM program_event WHERE uid = '"'huge@large.example'"'")" = "2027-01-05|600|690|添付つきの打合せ|会議室A|30|4000|説明の本文です。
|…" ]
'

# broken at the very end: the last line of the large file does not close
# the calendar, or the file is cut inside its last event
sed '$ s/END:VCALENDAR/END:VTODO/' "$TEST_DIR/big.ics" >"$TEST_DIR/bad-end.ics"
lines=$(wc -l <"$TEST_DIR/bad-end.ics")
head -c $((size - 100)) "$TEST_DIR/big.ics" >"$TEST_DIR/cut.ics"
export MADOGUCHI_DB="$TEST_DIR/fresh.db"

test_expect_success 'a broken last line of a large file: refused with its line, nothing stored' '
	mado init >/dev/null &&
	{ mado import "$TEST_DIR/bad-end.ics" >/dev/null 2>"$TEST_DIR/err4"; [ $? = 2 ]; } &&
	grep_out "line $lines: END:VTODO does not close BEGIN:VCALENDAR; nothing was imported" <"$TEST_DIR/err4" &&
	[ "$(sql "SELECT count(*) FROM program_event")" = 0 ]
'
test_expect_success 'a large file cut inside its last event: refused, nothing stored' '
	{ mado import "$TEST_DIR/cut.ics" >/dev/null 2>"$TEST_DIR/err5"; [ $? = 2 ]; } &&
	grep_out "the file ends inside BEGIN:VEVENT" <"$TEST_DIR/err5" &&
	[ "$(sql "SELECT count(*) FROM program_event")" = 0 ]
'

# a broken calendar of 10,050 events without DTSTART: the first 10,000
# are named with their lines, the rest counted (the notes are held in
# memory), and nothing else is lost
awk 'BEGIN { printf "BEGIN:VCALENDAR\r\n"
	for (i = 0; i < 10050; i++) printf "BEGIN:VEVENT\r\nUID:n%d\r\nSUMMARY:x\r\nEND:VEVENT\r\n", i
	printf "BEGIN:VEVENT\r\nUID:fine\r\nDTSTART:20270105T100000\r\nSUMMARY:fine\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" }' >"$TEST_DIR/notes.ics"
test_expect_success 'ten thousand events left out are named, the rest counted' '
	mado import "$TEST_DIR/notes.ics" >"$TEST_DIR/out7" 2>"$TEST_DIR/err7" &&
	grep_out "1 events new, 0 updated, 0 unchanged; 0 blocks new, 0 updated, 0 unchanged; 0 removed; 0 older copies ignored; 10050 skipped" <"$TEST_DIR/out7" &&
	[ "$(grep -c "an event without DTSTART; event skipped" "$TEST_DIR/err7")" = 10000 ] &&
	head -1 "$TEST_DIR/err7" | grep_out "notes.ics: line 2: an event without DTSTART" &&
	tail -1 "$TEST_DIR/err7" | grep_out "notes.ics: 50 more notes are not listed" &&
	[ "$(sql "SELECT title FROM program_event")" = fine ]
'

# Memory: the plain build (a sanitized one reserves terabytes of address
# space) in 200 MB of address space.
bin=${MADOGUCHI_PLAIN_BIN:-}
if [ -z "$bin" ] && ! nm "$MADOGUCHI_BIN" 2>/dev/null | grep -q __asan_init; then
	bin=$MADOGUCHI_BIN
fi
if [ -n "$bin" ]; then
	test_expect_success 'the plain build imports the 20 MB file in 200 MB of address space' '
		rm -f "$TEST_DIR/fresh.db"* && "$bin" init >/dev/null &&
		( ulimit -v 204800 && "$bin" import "$TEST_DIR/big.ics" >"$TEST_DIR/out6" ) &&
		grep_out "2004 events new" <"$TEST_DIR/out6"
	'
	# a two-hourly series (8,755 occurrences up to the horizon) with a
	# 4,000-character note: its rows share the one note (a copy each
	# took 130 MB)
	awk 'BEGIN {
		crlf = "\r\n"
		printf "BEGIN:VCALENDAR%sVERSION:2.0%sPRODID:-//test//series//EN%sBEGIN:VEVENT%s", crlf, crlf, crlf, crlf
		printf "UID:long-note@test%sDTSTAMP:20261101T000000Z%s", crlf, crlf
		printf "DTSTART;TZID=Asia/Tokyo:20261208T100000%sDTEND;TZID=Asia/Tokyo:20261208T101000%s", crlf, crlf
		printf "RRULE:FREQ=HOURLY;INTERVAL=2%sSUMMARY:見守りの記録%sDESCRIPTION:", crlf, crlf
		for (i = 0; i < 4000; i++)
			printf "%s%s", (i && i % 20 == 0) ? crlf " " : "", "記"
		printf "%sEND:VEVENT%sEND:VCALENDAR%s", crlf, crlf, crlf
	}' >"$TEST_DIR/series.ics"
	test_expect_success 'a long series with a long note imports in 100 MB of address space' '
		rm -f "$TEST_DIR/fresh.db"* && "$bin" --db "$TEST_DIR/fresh.db" init >/dev/null &&
		( ulimit -v 102400 && "$bin" --db "$TEST_DIR/fresh.db" import "$TEST_DIR/series.ics" >"$TEST_DIR/out7" ) &&
		grep_out "8755 events new" <"$TEST_DIR/out7" &&
		[ "$(sqlite3 "$TEST_DIR/fresh.db" "SELECT count(*), min(length(note)), max(length(note)) FROM program_event")" = "8755|4000|4000" ]
	'
else
	echo "# the address-space check needs a plain build (make check passes MADOGUCHI_PLAIN_BIN)"
fi

test_done
