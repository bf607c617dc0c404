#!/bin/sh
# Printing through the real spooler: a private cupsd (tests/cups-lib.sh)
# with a cups-pdf queue as the default destination.  `madoguchi print`
# with no settings at all sends the A4 PDF with a job title, reports lp's
# request id, and what cups-pdf writes holds every organization, staff
# member, room and note whole, on the page.  A stopped, refusing or
# unknown queue is a clear message with exit 3, nothing is queued and
# the schedule is saved instead.
. "$(dirname "$0")/../lib.sh"
. "$SRC_DIR/tests/cups-lib.sh"

if ! cups_can_run; then
	# tools/deps.sh check installs cups; CI and make check run as root
	echo "1..0 # SKIP needs root, cups, printer-driver-cups-pdf and unshare"
	exit 0
fi
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$SRC_DIR/tests/ical/lsan-cairo.supp"
PY=/usr/bin/python3
DAY=2026-11-25
Q=DeskPDF

# the day's text as the printout must hold it: organizations, staff,
# rooms and notes, blanks removed (wrapping drops the blank it breaks at)
day_texts() {
	sql "SELECT o.name FROM appointment a JOIN organization o ON o.id = a.org_id
	     WHERE a.date = '$DAY' AND a.status <> 'cancelled'
	     UNION SELECT s.name FROM appointment a JOIN staff s ON s.id = a.staff_id
	     WHERE a.date = '$DAY' AND a.status <> 'cancelled'
	     UNION SELECT room FROM appointment WHERE date = '$DAY' AND status <> 'cancelled' AND channel = 'visit' AND room <> ''
	     UNION SELECT note FROM appointment WHERE date = '$DAY' AND status <> 'cancelled' AND note <> ''" |
		tr -d ' \t'
}
# every line of FILE is whole in the PDF (see texts_in_pdf.py)
all_in_pdf() {
	$PY "$SRC_DIR/tests/ical/texts_in_pdf.py" "$@" --min 10
}
# the title CUPS kept for job ID (its page log: printer user job [date] ... title)
job_title() {
	sed -n "s/^[^ ]* [^ ]* ${1##*-} \[[^]]*\] [^ ]* [^ ]* - [^ ]* \(.*\) - -\$/\1/p" "$CUPS_DIR/log/page_log" | head -1
}
# the one PDF cups-pdf wrote for job ID
job_pdf() {
	ls "$CUPS_PDF_OUT"/*-job_"${1##*-}".pdf 2>/dev/null | head -1
}

# in this shell, not a test's subshell: CUPS_SERVER and the pid stay
cups_start >"$TEST_DIR/cups-start.log" 2>&1
test_expect_success 'a private cupsd with a cups-pdf queue as the default printer' '
	cat "$TEST_DIR/cups-start.log" && [ -n "$CUPS_PID" ] && [ -S "$CUPS_SERVER" ] &&
	cups_add_pdf_queue $Q && lpadmin -d $Q &&
	lpstat -d | grep -q "system default destination: $Q" &&
	lpstat -p $Q | grep -q "idle"
'
test_expect_success 'a day with long Japanese organizations, contacts and notes' '
	mado demo >/dev/null &&
	o1=$(mado org add --name "社会福祉法人 東京都中央区まちづくり地域福祉推進協議会 ボランティア活動支援センター分室" \
		--type council --municipality 中央区) &&
	o2=$(mado org add --name "特定非営利活動法人 みんなの居場所づくりネットワーク世田谷" --type local --municipality 世田谷区) &&
	mado book --date $DAY --start 11:00 --minutes 60 --channel visit --room 相談室A --org "$o1" \
		--contact "長谷川 まゆみ" --phone 090-5555-2002 --topic meeting --topic direct --staff "鈴木 美咲" \
		--note "とても長い注意書きがここに続きます。資料を事前に送付し、当日は担当者が折り返し電話する予定。Please call back after 3pm about the workshop schedule." >/dev/null &&
	mado book --date $DAY --start 15:30 --channel phone --org "$o2" --contact "佐々木 健太郎" --phone 03-5555-7788 \
		--topic plan --topic workshop --topic other --staff "佐藤 健" \
		--note "居場所の立ち上げ計画について、前回の打合せの続き（地域包括支援センターも同席予定）。" >/dev/null &&
	mado book --date $DAY --start 16:00 --channel visit --room 相談室B --org "$o2" --contact "佐々木 健太郎" \
		--topic workshop >/dev/null &&
	day_texts >"$TEST_DIR/texts" && [ "$(wc -l <"$TEST_DIR/texts")" -ge 10 ]
'
test_expect_success 'print with no settings: the A4 PDF to the default queue, with its request id' '
	mado print --date $DAY 2>"$TEST_DIR/msg" &&
	cat "$TEST_DIR/msg" &&
	grep -q "^[0-9]* pages sent to $Q, request id $Q-[0-9]*$" "$TEST_DIR/msg" &&
	id=$(sed -n "s/.*request id //p" "$TEST_DIR/msg") &&
	cups_wait_job "$id" && f=$(job_pdf "$id") && [ -s "$f" ] &&
	cp "$f" "$TEST_DIR/cli.pdf" &&
	pdfinfo "$TEST_DIR/cli.pdf" >"$TEST_DIR/cli.info" &&
	grep -q "^Page size: *595 x 842 pts (A4)" "$TEST_DIR/cli.info" &&
	job_title "$id" | grep -qx "madoguchi 2026-11-25 (Wed) daily schedule"
'
test_expect_success 'the printout holds every organization, staff member, room and note, whole' '
	all_in_pdf "$TEST_DIR/texts" "$TEST_DIR/cli.pdf" --letters &&
	printf "%s\n" "Daily schedule (Wed)" "Desk hours" >"$TEST_DIR/head" &&
	$PY "$SRC_DIR/tests/ical/texts_in_pdf.py" "$TEST_DIR/head" "$TEST_DIR/cli.pdf" --letters --min 2
'
test_expect_success 'a PDF printer gets the text exactly: times and phone numbers whole' '
	cups_add_file_queue DeskFile "$CUPS_DIR/file-out/desk.pdf" &&
	mado print --date $DAY --printer DeskFile 2>"$TEST_DIR/msg" &&
	id=$(sed -n "s/.*request id //p" "$TEST_DIR/msg") && cups_wait_job "$id" &&
	cp "$CUPS_DIR/file-out/desk.pdf" "$TEST_DIR/file.pdf" &&
	all_in_pdf "$TEST_DIR/texts" "$TEST_DIR/file.pdf" &&
	printf "%s\n" "Daily schedule 2026-11-25 (Wed)" "Desk hours 10:00-17:00" "090-5555-2002" \
		"03-5555-7788" "11:00-12:00" "15:30-16:00" "長谷川 まゆみ" "佐々木 健太郎" >"$TEST_DIR/exact" &&
	$PY "$SRC_DIR/tests/ical/texts_in_pdf.py" "$TEST_DIR/exact" "$TEST_DIR/file.pdf" --min 8 &&
	$PY "$SRC_DIR/tests/ical/pdf_words.py" "$TEST_DIR/file.pdf" 20
'
test_expect_success 'no line runs off the page; a page renders' '
	$PY "$SRC_DIR/tests/ical/pdf_words.py" "$TEST_DIR/cli.pdf" 20 &&
	pdftoppm -r 60 -f 1 -l 1 -png "$TEST_DIR/cli.pdf" "$TEST_DIR/cli-page" &&
	[ -s "$TEST_DIR/cli-page-1.png" ] &&
	if [ -n "${MADOGUCHI_KEEP_PRINTS:-}" ]; then cp "$TEST_DIR"/cli-page-1.png "$TEST_DIR/cli.pdf" "$MADOGUCHI_KEEP_PRINTS/"; fi
'
test_expect_success 'the checks catch a cut: a note cut short, a word off the page' '
	printf "%s\n" "とても長い注意書きがここに続きます。資料を事前に送付し、当日は担当者が折り返し電話する予定。おわり" >"$TEST_DIR/cut" &&
	for i in 1 2 3 4 5 6 7 8 9 10; do echo "山田花子"; done >>"$TEST_DIR/cut" &&
	! all_in_pdf "$TEST_DIR/cut" "$TEST_DIR/file.pdf" >/dev/null &&
	! $PY "$SRC_DIR/tests/ical/pdf_words.py" "$TEST_DIR/cli.pdf" 290 >/dev/null
'
test_expect_success 'the landscape timetable goes through the same queue' '
	mado print --date $DAY --layout timetable 2>"$TEST_DIR/msg" &&
	id=$(sed -n "s/.*request id //p" "$TEST_DIR/msg") &&
	cups_wait_job "$id" && f=$(job_pdf "$id") &&
	pdfinfo "$f" | grep -q "^Page size: *\(842 x 595\|595 x 842\) pts (A4)" &&
	printf "%s\n" "山田 花子" "鈴木 美咲" "佐藤 健" >"$TEST_DIR/staff" &&
	$PY "$SRC_DIR/tests/ical/texts_in_pdf.py" "$TEST_DIR/staff" "$f" --letters --min 3
'
test_expect_code 3 'a stopped queue: a clear message, exit 3, nothing queued, the PDF saved' '
	cupsdisable -r "out of paper" $Q &&
	before=$(lpstat -W all -o | wc -l) &&
	mado print --date $DAY 2>"$TEST_DIR/msg"; rc=$?
	cat "$TEST_DIR/msg" &&
	grep -q "printer $Q is stopped: out of paper (cupsenable $Q starts it)" "$TEST_DIR/msg" &&
	grep -q "Nothing was printed; the schedule was saved to $HOME/madoguchi-$DAY.pdf" "$TEST_DIR/msg" &&
	! grep -q "status" "$TEST_DIR/msg" &&
	[ "$(lpstat -W all -o | wc -l)" = "$before" ] &&
	[ "$(stat -c %a "$HOME/madoguchi-$DAY.pdf")" = 600 ] &&
	all_in_pdf "$TEST_DIR/texts" "$HOME/madoguchi-$DAY.pdf" &&
	printf "%s\n" 090-5555-2002 >"$TEST_DIR/phone" &&
	$PY "$SRC_DIR/tests/ical/texts_in_pdf.py" "$TEST_DIR/phone" "$HOME/madoguchi-$DAY.pdf" &&
	cupsenable $Q &&
	exit $rc
'
test_expect_code 3 'a queue that refuses jobs' '
	cupsreject -r "desk closed for moving" $Q &&
	mado print --date $DAY 2>"$TEST_DIR/msg"; rc=$?
	cupsaccept $Q
	cat "$TEST_DIR/msg" &&
	grep -q "printer $Q is not accepting jobs: desk closed for moving" "$TEST_DIR/msg" &&
	exit $rc
'
test_expect_code 3 'an unknown printer in the settings' '
	mkdir -p "$XDG_CONFIG_HOME/madoguchi" &&
	echo "printer = Nowhere" >"$XDG_CONFIG_HOME/madoguchi/config" &&
	mado print --date $DAY 2>"$TEST_DIR/msg"; rc=$?
	rm "$XDG_CONFIG_HOME/madoguchi/config"
	cat "$TEST_DIR/msg" &&
	grep -q "printer Nowhere does not exist" "$TEST_DIR/msg" &&
	exit $rc
'
test_expect_success 'the printer setting sends to that queue (lp -d), in Japanese too' '
	cups_add_pdf_queue Counter2 &&
	echo "printer = Counter2" >"$XDG_CONFIG_HOME/madoguchi/config" &&
	LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 mado print --date $DAY 2>"$TEST_DIR/msg" &&
	cat "$TEST_DIR/msg" &&
	grep -q "Counter2 に送りました (リクエスト ID Counter2-[0-9]*)" "$TEST_DIR/msg" &&
	id=$(sed -n "s/.*リクエスト ID \(Counter2-[0-9]*\).*/\1/p" "$TEST_DIR/msg") &&
	cups_wait_job "$id" && f=$(job_pdf "$id") &&
	job_title "$id" | grep -qx "madoguchi 令和8年11月25日(水) 日程表" &&
	echo "日程表 令和年月日水" >"$TEST_DIR/ja" &&
	$PY "$SRC_DIR/tests/ical/texts_in_pdf.py" "$TEST_DIR/ja" "$f" --letters &&
	rm "$XDG_CONFIG_HOME/madoguchi/config"
'
test_expect_code 3 'CUPS not running: said so' '
	cups_stop &&
	mado print --date $DAY 2>"$TEST_DIR/msg"; rc=$?
	cat "$TEST_DIR/msg" &&
	grep -q "the print service (CUPS) is not running" "$TEST_DIR/msg" &&
	exit $rc
'
test_done
