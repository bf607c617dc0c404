#!/bin/sh
# The .ics export read back by independent parsers (python3-icalendar,
# ical.js, calcurse) and compared field by field with the database.
. "$(dirname "$0")/../lib.sh"

PY=/usr/bin/python3	# Debian's, which has python3-icalendar
ICAL="$SRC_DIR/tests/ical"
NOW_UTC=2026-11-24T01:15:00Z	# MADOGUCHI_NOW 2026-11-24T10:15 in Tokyo

test_expect_success 'ical.js is installed for the tests (npm, pinned)' '
	if [ ! -d "$ICAL/node_modules/ical.js" ]; then
		(cd "$ICAL" && npm ci --no-audit --no-fund >/dev/null 2>&1 ||
			npm install --no-audit --no-fund >/dev/null)
	fi &&
	[ -f "$ICAL/node_modules/ical.js/package.json" ]
'
test_expect_success 'a demo desk with long Japanese names and awkward notes' '
	mado demo >/dev/null &&
	mado org add --name "社会福祉法人 東京都中央区まちづくり地域福祉推進協議会 ボランティア活動支援センター分室" \
		--type council --municipality 中央区 >"$TEST_DIR/org" &&
	id=$(mado book --date 2026-11-26 --start 16:00 --channel visit --room 相談室C \
		--org "$(cat "$TEST_DIR/org")" --contact "長谷川 まゆみ" --phone 03-5555-9876 \
		--email hasegawa@example.jp --topic plan --topic workshop \
		--note "$(printf "資料: 会則, 予算案; 名簿\\\\下書き\n二行目の注意書き、とても長い注意書きがここに続きます。とても長い注意書きがここに続きます。")") &&
	echo "$id" >"$TEST_DIR/id" &&
	[ "$(sql "SELECT count(*) FROM appointment_topic WHERE appt_id = $id")" = 2 ]
'
test_expect_success 'export -o writes a private file, the same bytes as stdout' '
	mado export -o "$TEST_DIR/a.ics" 2>/dev/null &&
	[ "$(stat -c %a "$TEST_DIR/a.ics")" = 600 ] &&
	mado export >"$TEST_DIR/a2.ics" &&
	cmp "$TEST_DIR/a.ics" "$TEST_DIR/a2.ics"
'
test_expect_success 'raw bytes: CRLF, <= 75 octets, whole UTF-8 at folds, no BOM, header order' '
	$PY "$ICAL/check_bytes.py" "$TEST_DIR/a.ics" &&
	grep -q "^ " "$TEST_DIR/a.ics" &&
	LC_ALL=C grep -q "^ [^ -~]" "$TEST_DIR/a.ics" || { echo "no fold before a non-ASCII character was tested"; false; }
'
test_expect_success 'the byte checker catches LF lines, long lines and split characters' '
	printf "BEGIN:VCALENDAR\nEND:VCALENDAR\n" >"$TEST_DIR/lf.ics" &&
	! $PY "$ICAL/check_bytes.py" "$TEST_DIR/lf.ics" >/dev/null &&
	$PY -c "import sys; sys.stdout.buffer.write(b\"BEGIN:VCALENDAR\r\nSUMMARY:\" + \"予\".encode()[:2] + b\"\r\n \" + \"予\".encode()[2:] + b\"\r\nX:\" + b\"a\" * 80 + b\"\r\nEND:VCALENDAR\r\n\")" >"$TEST_DIR/split.ics" &&
	$PY "$ICAL/check_bytes.py" "$TEST_DIR/split.ics" >"$TEST_DIR/split.out";
	grep -q "not whole UTF-8" "$TEST_DIR/split.out" && grep -q "82 octets" "$TEST_DIR/split.out"
'
test_expect_success 'TZID on every local time, and the VTIMEZONE is Asia/Tokyo' '
	tr -d "\r" <"$TEST_DIR/a.ics" | sed -n "/^BEGIN:VEVENT/,\$p" |
		grep -E "^(DTSTART|DTEND)" | grep -v -e ";TZID=Asia/Tokyo:" -e ";VALUE=DATE:" >"$TEST_DIR/bad" ;
	[ ! -s "$TEST_DIR/bad" ] &&
	[ "$(tr -d "\r" <"$TEST_DIR/a.ics" | grep -c "^TZID:Asia/Tokyo$")" = 1 ]
'
test_expect_success 'python3-icalendar reads back exactly what the database holds' '
	$PY "$ICAL/read_ics.py" "$TEST_DIR/a.ics" >"$TEST_DIR/py" &&
	head -1 "$TEST_DIR/py" | grep -qF "\"METHOD\":\"PUBLISH\"" &&
	head -1 "$TEST_DIR/py" | grep -qF "\"tzids\":[\"Asia/Tokyo\"]" &&
	$PY "$ICAL/expect_db.py" "$MADOGUCHI_DB" $NOW_UTC 3 >"$TEST_DIR/want" &&
	[ "$(wc -l <"$TEST_DIR/want")" -ge 90 ] &&
	tail -n +2 "$TEST_DIR/py" >"$TEST_DIR/py.ev" &&
	test_cmp "$TEST_DIR/want" "$TEST_DIR/py.ev"
'
test_expect_success 'ical.js reads back exactly the same' '
	node "$ICAL/read_ics.cjs" "$TEST_DIR/a.ics" >"$TEST_DIR/js" &&
	tail -n +2 "$TEST_DIR/js" >"$TEST_DIR/js.ev" &&
	test_cmp "$TEST_DIR/want" "$TEST_DIR/js.ev"
'
test_expect_success 'the awkward note survives escaping and folding in both readers' '
	id=$(cat "$TEST_DIR/id") &&
	uid=$(sql "SELECT uid FROM appointment WHERE id = $id") &&
	grep -F "\"uid\":\"$uid\"" "$TEST_DIR/py.ev" | grep -qF "Note: 資料: 会則, 予算案; 名簿\\\\下書き\\n二行目" &&
	grep -F "\"uid\":\"$uid\"" "$TEST_DIR/js.ev" | grep -qF "\"categories\":[\"workshop support\",\"plan drafting\"]"
'
test_expect_success 'calcurse imports every event non-interactively, in desk time' '
	mkdir "$TEST_DIR/cc" &&
	calcurse -D "$TEST_DIR/cc" -q -i "$TEST_DIR/a.ics" </dev/null >/dev/null 2>&1 &&
	n=$(grep -c "^BEGIN:VEVENT" "$TEST_DIR/a.ics") &&
	[ "$(cat "$TEST_DIR/cc/apts" | wc -l)" = "$n" ] &&
	grep -q "^06/05/2019 @ 14:00 -> 06/05/2019 @ 17:00>.*|公開講座 (第1回)$" "$TEST_DIR/cc/apts" &&
	grep -q "^11/26/2026 @ 16:00 -> 11/26/2026 @ 16:30>.*|Visit consultation: 社会福祉法人" "$TEST_DIR/cc/apts"
'
test_expect_success 'UIDs are the same in a second export' '
	mado export >"$TEST_DIR/b.ics" &&
	tr -d "\r" <"$TEST_DIR/a.ics" | grep "^UID:" >"$TEST_DIR/uid.a" &&
	tr -d "\r" <"$TEST_DIR/b.ics" | grep "^UID:" >"$TEST_DIR/uid.b" &&
	[ "$(sort -u "$TEST_DIR/uid.a" | wc -l)" = "$(wc -l <"$TEST_DIR/uid.a")" ] &&
	test_cmp "$TEST_DIR/uid.a" "$TEST_DIR/uid.b"
'
test_expect_success 'a move keeps the UID and raises SEQUENCE and the times' '
	id=$(cat "$TEST_DIR/id") &&
	uid=$(sql "SELECT uid FROM appointment WHERE id = $id") &&
	grep -F "\"uid\":\"$uid\"" "$TEST_DIR/py.ev" | grep -qF "\"sequence\":0" &&
	MADOGUCHI_NOW=2026-11-24T11:00 mado move "$id" --date 2026-11-27 --start 16:00 >/dev/null &&
	mado export >"$TEST_DIR/c.ics" &&
	$PY "$ICAL/read_ics.py" "$TEST_DIR/c.ics" | grep -F "\"uid\":\"$uid\"" >"$TEST_DIR/moved" &&
	grep -qF "\"sequence\":1" "$TEST_DIR/moved" &&
	grep -qF "\"start\":\"2026-11-27T07:00:00Z\"" "$TEST_DIR/moved" &&
	grep -qF "\"last_modified\":\"2026-11-24T02:00:00Z\"" "$TEST_DIR/moved"
'
test_expect_success 'a cancel keeps the UID and says STATUS:CANCELLED' '
	id=$(cat "$TEST_DIR/id") &&
	uid=$(sql "SELECT uid FROM appointment WHERE id = $id") &&
	mado cancel "$id" >/dev/null &&
	mado export >"$TEST_DIR/d.ics" &&
	node "$ICAL/read_ics.cjs" "$TEST_DIR/d.ics" | grep -F "\"uid\":\"$uid\"" >"$TEST_DIR/cancelled" &&
	grep -qF "\"status\":\"CANCELLED\"" "$TEST_DIR/cancelled" &&
	grep -qF "\"sequence\":2" "$TEST_DIR/cancelled"
'
test_expect_success 'after the changes both readers still match the database' '
	$PY "$ICAL/expect_db.py" "$MADOGUCHI_DB" $NOW_UTC 3 >"$TEST_DIR/want2" &&
	$PY "$ICAL/read_ics.py" "$TEST_DIR/d.ics" | tail -n +2 >"$TEST_DIR/py2" &&
	node "$ICAL/read_ics.cjs" "$TEST_DIR/d.ics" | tail -n +2 >"$TEST_DIR/js2" &&
	test_cmp "$TEST_DIR/want2" "$TEST_DIR/py2" && test_cmp "$TEST_DIR/want2" "$TEST_DIR/js2"
'
test_expect_success '--no-personal matches the database without personal fields' '
	mado export --no-personal -o "$TEST_DIR/np.ics" 2>/dev/null &&
	$PY "$ICAL/check_bytes.py" "$TEST_DIR/np.ics" &&
	$PY "$ICAL/expect_db.py" "$MADOGUCHI_DB" $NOW_UTC 3 --no-personal >"$TEST_DIR/want.np" &&
	$PY "$ICAL/read_ics.py" "$TEST_DIR/np.ics" | tail -n +2 >"$TEST_DIR/py.np" &&
	test_cmp "$TEST_DIR/want.np" "$TEST_DIR/py.np"
'
test_expect_success '--no-personal leaks no name, phone, e-mail or note of the database' '
	$PY "$ICAL/unfold.py" "$TEST_DIR/np.ics" >"$TEST_DIR/np.txt" &&
	sql "SELECT name FROM contact UNION SELECT phone FROM contact UNION SELECT email FROM contact
	     UNION SELECT name FROM staff UNION SELECT name FROM organization UNION SELECT phone FROM organization
	     UNION SELECT email FROM organization UNION SELECT note FROM organization
	     UNION SELECT note FROM appointment UNION SELECT override_reason FROM appointment
	     UNION SELECT note FROM program_event" | grep -v "^$" >"$TEST_DIR/secrets" &&
	[ "$(wc -l <"$TEST_DIR/secrets")" -ge 40 ] &&
	leaks=0 &&
	while IFS= read -r s; do
		if grep -qF -- "$s" "$TEST_DIR/np.txt"; then echo "leaked: $s"; leaks=1; fi
	done <"$TEST_DIR/secrets" &&
	[ $leaks = 0 ] &&
	$PY "$ICAL/unfold.py" "$TEST_DIR/a.ics" | grep -qF "名簿\\下書き" &&
	grep -qF "長谷川" "$TEST_DIR/a.ics" && ! grep -qF "長谷川" "$TEST_DIR/np.ics"
'
test_expect_success '--what, --from/--to and --staff choose what is written' '
	mado export --what deadlines >"$TEST_DIR/dl.ics" &&
	[ "$(tr -d "\r" <"$TEST_DIR/dl.ics" | grep -c "^X-MADOGUCHI-KIND:deadline$")" = \
	  "$(sql "SELECT (SELECT count(*) FROM program WHERE deadline IS NOT NULL) + (SELECT count(*) FROM program_event WHERE reg_deadline IS NOT NULL)")" ] &&
	[ "$(grep -c "^BEGIN:VEVENT" "$TEST_DIR/dl.ics")" = "$(grep -c "^BEGIN:VALARM" "$TEST_DIR/dl.ics")" ] &&
	grep -q "^TRIGGER:-P3D" "$TEST_DIR/dl.ics" &&
	mado export --what appointments --from 2026-11-25 --to 2026-11-25 --staff "山田 花子" >"$TEST_DIR/one.ics" &&
	[ "$(grep -c "^BEGIN:VEVENT" "$TEST_DIR/one.ics")" = \
	  "$(sql "SELECT count(*) FROM appointment a JOIN staff s ON s.id = a.staff_id WHERE a.date = '\''2026-11-25'\'' AND s.name = '\''山田 花子'\''")" ] &&
	! grep -q "KIND:event" "$TEST_DIR/one.ics"
'
test_expect_success 'deadline_alarm_days from the config sets the alarm' '
	mkdir -p "$XDG_CONFIG_HOME/madoguchi" &&
	echo "deadline_alarm_days = 7" >"$XDG_CONFIG_HOME/madoguchi/config" &&
	mado export --what deadlines >"$TEST_DIR/dl7.ics" &&
	$PY "$ICAL/expect_db.py" "$MADOGUCHI_DB" $NOW_UTC 7 --what deadlines >"$TEST_DIR/want7" &&
	node "$ICAL/read_ics.cjs" "$TEST_DIR/dl7.ics" | tail -n +2 >"$TEST_DIR/js7" &&
	test_cmp "$TEST_DIR/want7" "$TEST_DIR/js7" &&
	rm "$XDG_CONFIG_HOME/madoguchi/config"
'
test_expect_code 2 'an unknown --what is bad usage' 'mado export --what birthdays'
test_expect_code 2 '--to before --from is bad usage' 'mado export --from 2026-12-01 --to 2026-11-01'
test_expect_code 2 'an unwritable -o is refused' 'mado export -o /nonexistent/dir/x.ics'
test_done
