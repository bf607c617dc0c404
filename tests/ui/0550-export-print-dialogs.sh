#!/bin/sh
# The calendar and print actions of the screens in tmux at 80x24 with
# the demo desk: X exports (the same file as `madoguchi export`, mode
# 0600, valid bytes; no personal data when asked), I imports, Ctrl-P
# prints the day shown (the A4 PDF by default) through the configured
# print command without a stray character on the screen, or to a file.
. "$(dirname "$0")/../lib.sh"

PY=/usr/bin/python3
# cairo and fontconfig keep caches to the end (the PDF printout)
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$SRC_DIR/tests/ical/lsan-cairo.supp"
UI_ENV="LSAN_OPTIONS='$LSAN_OPTIONS'"
ICAL="$SRC_DIR/tests/ical"
DAY=2026-11-24
ICS="$HOME/madoguchi-$DAY.ics"

wait_file() {	# until FILE exists and is not empty
	i=0
	while [ $i -lt 100 ] && ! [ -s "$1" ]; do sleep 0.1; i=$((i + 1)); done
	[ -s "$1" ] || { echo "no file $1"; ui_screen; return 1; }
}
wait_same() {	# until FILE B has the bytes of FILE A (written by the desk)
	i=0
	while [ $i -lt 100 ] && ! cmp -s "$1" "$2"; do sleep 0.1; i=$((i + 1)); done
	cmp "$1" "$2"
}
# the screen without its status line (row 23 of 24) and the clock
screen_body() {
	ui_screen | sed '23d'
}

test_expect_success 'the demo desk and a print command that talks' '
	mado demo >/dev/null &&
	mkdir -p "$XDG_CONFIG_HOME/madoguchi" &&
	cat >"$TEST_DIR/lp.sh" <<-EOF2 &&
	#!/bin/sh
	cat >"$TEST_DIR/printed.tmp"
	echo "request id is counter-42 (1 file(s))"
	echo "lp: STRAY-STDERR" >&2
	# and later, after the screen has been redrawn
	(sleep 1; echo "STRAY-LATE"; echo "STRAY-LATE-ERR" >&2) &
	mv "$TEST_DIR/printed.tmp" "$TEST_DIR/printed"
	EOF2
	chmod +x "$TEST_DIR/lp.sh" &&
	echo "print_command = $TEST_DIR/lp.sh -d counter" >"$XDG_CONFIG_HOME/madoguchi/config" &&
	mado print --date $DAY -o "$TEST_DIR/day.txt" &&
	grep -q "2026-11-24" "$TEST_DIR/day.txt" &&
	[ "$(sql "SELECT count(*) FROM appointment WHERE date = '\''$DAY'\''")" -gt 0 ]
'

ui_start
test_expect_success 'X opens the export dialog with the choices of madoguchi export' '
	ui_wait "Day schedule" &&
	ui_keys X && ui_wait "Export calendar" &&
	ui_wait "From" && ui_wait "Staff" && ui_wait "(everyone)" && ui_wait "Appointments" &&
	ui_wait "Program events" && ui_wait "Deadlines" && ui_wait "No personal data" &&
	ui_wait "~/madoguchi-$DAY.ics"
'
test_expect_success 'F2 writes the same calendar as the command line, mode 0600' '
	ui_keys F2 && ui_wait "calendar entries written to $HOME/madoguchi-20" &&
	ui_wait_gone "Export calendar" && wait_file "$ICS" &&
	[ "$(stat -c %a "$ICS")" = 600 ] &&
	$PY "$ICAL/check_bytes.py" "$ICS" &&
	mado export -o "$TEST_DIR/cli.ics" 2>/dev/null &&
	cmp "$TEST_DIR/cli.ics" "$ICS" &&
	grep -q "^X-MADOGUCHI-KIND:appointment" "$ICS" && grep -q "^X-MADOGUCHI-KIND:event" "$ICS" &&
	grep -q "^X-MADOGUCHI-KIND:deadline" "$ICS"
'
test_expect_success 'no personal data, one kind, a range and a file typed in the dialog' '
	ui_keys X && ui_wait "Export calendar" &&
	ui_type "2026-11-01" && ui_keys Tab && ui_type "2026-12-31" && ui_keys Tab &&
	ui_keys Tab && ui_keys Tab && ui_keys Right && ui_keys Tab && ui_keys Right && ui_keys Tab &&
	ui_keys Right && ui_keys Tab && ui_wait "< Yes >" &&
	ui_keys C-u && ui_type "$TEST_DIR/np.ics" && ui_keys F2 &&
	ui_wait "calendar entries written to" && wait_file "$TEST_DIR/np.ics" &&
	[ "$(stat -c %a "$TEST_DIR/np.ics")" = 600 ] &&
	$PY "$ICAL/check_bytes.py" "$TEST_DIR/np.ics" &&
	mado export --from 2026-11-01 --to 2026-12-31 --what appointments --no-personal -o "$TEST_DIR/np-cli.ics" 2>/dev/null &&
	cmp "$TEST_DIR/np-cli.ics" "$TEST_DIR/np.ics" &&
	grep -q "^BEGIN:VEVENT" "$TEST_DIR/np.ics" && ! grep -q "^X-MADOGUCHI-KIND:event" "$TEST_DIR/np.ics"
'
test_expect_success 'the no-personal file leaks no name, phone, e-mail or note' '
	$PY "$ICAL/unfold.py" "$TEST_DIR/np.ics" >"$TEST_DIR/np.txt" &&
	sql "SELECT name FROM contact UNION SELECT phone FROM contact UNION SELECT email FROM contact
	     UNION SELECT name FROM staff UNION SELECT name FROM organization UNION SELECT phone FROM organization
	     UNION SELECT email FROM organization UNION SELECT note FROM organization
	     UNION SELECT note FROM appointment UNION SELECT override_reason FROM appointment" |
		grep -v "^$" >"$TEST_DIR/secrets" &&
	[ "$(wc -l <"$TEST_DIR/secrets")" -ge 40 ] &&
	leaks=0 &&
	while IFS= read -r s; do
		if grep -qF -- "$s" "$TEST_DIR/np.txt"; then echo "leaked: $s"; leaks=1; fi
	done <"$TEST_DIR/secrets" &&
	[ $leaks = 0 ] &&
	[ "$(grep -c "^X-MADOGUCHI-KIND:appointment" "$TEST_DIR/np.txt")" -ge 5 ]
'
test_expect_success 'an existing file is replaced only after asking' '
	echo old >"$TEST_DIR/keep.ics" &&
	ui_keys X && ui_wait "Export calendar" &&
	ui_keys Tab Tab Tab Tab Tab Tab Tab && ui_keys C-u && ui_type "$TEST_DIR/keep.ics" && ui_keys F2 &&
	ui_wait "exists. Replace it?" && ui_keys n && ui_wait_gone "Replace it?" &&
	[ "$(cat "$TEST_DIR/keep.ics")" = old ] &&
	ui_keys F2 && ui_wait "exists. Replace it?" && ui_keys y &&
	wait_same "$TEST_DIR/cli.ics" "$TEST_DIR/keep.ics" && [ "$(stat -c %a "$TEST_DIR/keep.ics")" = 600 ]
'
test_expect_success 'Ctrl-P with its defaults sends the day shown as the A4 PDF, quietly' '
	ui_keys Escape && ui_wait_gone "Export calendar" &&
	ui_keys C-l && sleep 0.5 && screen_body >"$TEST_DIR/before" &&
	ui_keys C-p && ui_wait "Print the daily schedule" && ui_wait "$DAY" && ui_wait "< PDF (A4) >" &&
	ui_keys F2 && ui_wait "sent to counter, request id counter-42" &&
	wait_file "$TEST_DIR/printed" &&
	[ "$(head -c 5 "$TEST_DIR/printed")" = "%PDF-" ] &&
	mado print --date $DAY --format pdf -o "$TEST_DIR/day-cli.pdf" &&
	pdftotext "$TEST_DIR/printed" - >"$TEST_DIR/printed.txt" &&
	pdftotext "$TEST_DIR/day-cli.pdf" - >"$TEST_DIR/day-cli.txt" &&
	test_cmp "$TEST_DIR/day-cli.txt" "$TEST_DIR/printed.txt"
'
test_expect_success 'the screen is intact afterwards: no stray text' '
	sleep 1.5 && ui_screen >"$TEST_DIR/after.full" &&
	! grep -q "request id is" "$TEST_DIR/after.full" && ! grep -q "STRAY" "$TEST_DIR/after.full" &&
	grep -q "request id counter-42" "$TEST_DIR/after.full" &&
	screen_body >"$TEST_DIR/after" && test_cmp "$TEST_DIR/before" "$TEST_DIR/after" &&
	[ "$(wc -l <"$TEST_DIR/after.full")" = 24 ]
'
test_expect_success 'print another day to a PDF file, no personal data' '
	rm -f "$TEST_DIR/printed" && echo old >"$TEST_DIR/day.pdf" && chmod 644 "$TEST_DIR/day.pdf" &&
	ui_keys n && ui_wait "2026-11-25" &&
	ui_keys C-p && ui_wait "Print the daily schedule" && ui_wait "2026-11-25" &&
	ui_keys Tab Tab Tab Tab Right Tab && ui_type "$TEST_DIR/day.pdf" && ui_keys F2 &&
	ui_wait "exists. Replace it?" && ui_keys y &&
	ui_wait "written to $TEST_DIR/day.pdf" &&
	[ "$(stat -c %a "$TEST_DIR/day.pdf")" = 600 ] && [ "$(head -c 4 "$TEST_DIR/day.pdf")" = "%PDF" ] &&
	mado print --date 2026-11-25 --format pdf --no-personal -o "$TEST_DIR/cli.pdf" &&
	pdftotext "$TEST_DIR/day.pdf" - >"$TEST_DIR/a.txt" && pdftotext "$TEST_DIR/cli.pdf" - >"$TEST_DIR/b.txt" &&
	test_cmp "$TEST_DIR/b.txt" "$TEST_DIR/a.txt" && ! [ -e "$TEST_DIR/printed" ]
'
cat >"$TEST_DIR/partner.ics" <<'EOF2'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//partner//test//EN
BEGIN:VEVENT
UID:ui-import@partner.example
DTSTAMP:20261101T000000Z
DTSTART:20261203T100000Z
DTEND:20261203T120000Z
SUMMARY:夜の説明会\, 港区
LOCATION:港区 区民センター
END:VEVENT
END:VCALENDAR
EOF2
test_expect_success 'I imports a partner calendar' '
	ui_keys I && ui_wait "Import calendar" &&
	ui_type "$TEST_DIR/partner.ics" && ui_keys F2 &&
	ui_wait "1 events new" &&
	sql_is "SELECT date, start_min, end_min, title, place FROM program_event WHERE uid = '\''ui-import@partner.example'\''" \
		"2026-12-03|1140|1260|夜の説明会, 港区|港区 区民センター"
'
printf '%s\r\n' BEGIN:VCALENDAR VERSION:2.0 "PRODID:-//madoguchi//other desk//EN" BEGIN:VEVENT \
	UID:other-desk-1@madoguchi DTSTAMP:20261120T000000Z SEQUENCE:1 X-MADOGUCHI-KIND:appointment \
	"DTSTART;TZID=Asia/Tokyo:20261202T110000" "DTEND;TZID=Asia/Tokyo:20261202T114500" \
	"SUMMARY:Phone consultation: 他窓口の会" LOCATION:phone STATUS:CONFIRMED \
	X-MADOGUCHI-CHANNEL:phone X-MADOGUCHI-STATUS:booked "X-MADOGUCHI-STAFF:山田 花子" \
	"X-MADOGUCHI-TOPICS:plan direct" X-MADOGUCHI-VIA:email X-MADOGUCHI-ORG-TYPE:center \
	X-MADOGUCHI-MUNICIPALITY:港区 X-MADOGUCHI-ORG:他窓口の会 "X-MADOGUCHI-CONTACT:田村 誠" \
	END:VEVENT END:VCALENDAR >"$TEST_DIR/other-desk.ics"
test_expect_success 'another desk'\''s export comes in through the dialog as a booking on the day screen' '
	ui_keys I && ui_wait "Import calendar" &&
	ui_type "$TEST_DIR/other-desk.ics" && ui_keys F2 &&
	ui_wait "appointments 1 booked, 0 changed, 0 as events" &&
	sql_is "SELECT a.date, a.start_min, a.minutes, o.name, o.type, c.name, s.name FROM appointment a JOIN organization o ON o.id = a.org_id JOIN contact c ON c.id = a.contact_id JOIN staff s ON s.id = a.staff_id WHERE a.uid = '\''other-desk-1@madoguchi'\''" \
		"2026-12-02|660|45|他窓口の会|center|田村 誠|山田 花子" &&
	ui_keys g && ui_wait "Go to" && ui_type 2026-12-02 && ui_keys Enter &&
	ui_wait "2026-12-02 (Wed)" && ui_wait "他窓口の会" &&
	ui_keys t && ui_wait_gone "2026-12-02 (Wed)"
'
test_expect_success 'an event with a bad date is left out, named in a message with its line' '
	sed "s/^DTSTART:20261203T100000Z/DTSTART:20261303T100000Z/; s/ui-import@/ui-bad@/" "$TEST_DIR/partner.ics" >"$TEST_DIR/bad.ics" &&
	ui_keys I && ui_wait "Import calendar" &&
	ui_type "$TEST_DIR/bad.ics" && ui_keys F2 && ui_wait "Imported: notes on some events" && ui_wait "line 7:" &&
	ui_wait "is not a date" && ui_wait "skipped" && ui_keys Enter && ui_wait_gone "notes on some events" &&
	ui_wait "imported $TEST_DIR/bad.ics" &&
	[ "$(sql "SELECT count(*) FROM program_event WHERE uid LIKE '\''ui-bad%'\''")" = 0 ]
'
test_expect_success 'a file that is no calendar is refused in the dialog with its line; nothing stored' '
	grep -v "^END:VCALENDAR" "$TEST_DIR/partner.ics" | sed "s/ui-import@/ui-bad@/" >"$TEST_DIR/bad.ics" &&
	ui_keys I && ui_wait "Import calendar" &&
	ui_type "$TEST_DIR/bad.ics" && ui_keys F2 && ui_wait "Import refused" && ui_wait "the file ends inside" &&
	ui_wait "nothing was" && ui_keys Enter && ui_wait_gone "Import refused" &&
	ui_keys Escape && ui_wait "Discard" && ui_keys y && ui_wait_gone "Import calendar" &&
	[ "$(sql "SELECT count(*) FROM program_event WHERE uid LIKE '\''ui-bad%'\''")" = 0 ]
'
test_expect_success 'the menu bar lists export, import and print' '
	ui_keys F9 && ui_wait "export the calendar" && ui_wait "import a partner" &&
	ui_wait "print the daily schedule" && ui_keys Escape && ui_wait_gone "export the calendar"
'
ui_stop
test_done
