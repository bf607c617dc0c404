#!/bin/sh
# The print dialog through the real spooler, as a desk prints: a private
# cupsd (tests/cups-lib.sh) whose default destination is a cups-pdf
# queue, no print settings at all.  Ctrl-P and F2 with the dialog's
# defaults send the A4 PDF (not CUPS's text filter, which has no
# Japanese), the status line gives lp's request id, and the PDF
# cups-pdf writes holds the day's Japanese names, rooms and notes.  A
# stopped queue is a message window saying so and where the schedule
# was saved; nothing is queued.
. "$(dirname "$0")/../lib.sh"
. "$SRC_DIR/tests/cups-lib.sh"

if ! cups_can_run; then
	echo "1..0 # SKIP needs root, cups, printer-driver-cups-pdf and unshare"
	exit 0
fi
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$SRC_DIR/tests/ical/lsan-cairo.supp"
PY=/usr/bin/python3
DAY=2026-11-24
Q=DeskPDF

cups_start >"$TEST_DIR/cups-start.log" 2>&1
UI_ENV="LSAN_OPTIONS='$LSAN_OPTIONS' CUPS_SERVER='${CUPS_SERVER:-}'"

test_expect_success 'a private cupsd, a cups-pdf queue as the default, a day with long notes' '
	cat "$TEST_DIR/cups-start.log" && [ -S "$CUPS_SERVER" ] &&
	cups_add_pdf_queue $Q && lpadmin -d $Q &&
	mado demo >/dev/null &&
	mado staff link 鈴木 --account "$(id -un)" &&
	o=$(mado org add --name "特定非営利活動法人 みんなの居場所づくりネットワーク世田谷" --type local --municipality 世田谷区) &&
	mado book --date $DAY --start 15:00 --channel visit --room 相談室A --org "$o" --contact "佐々木 健太郎" \
		--phone 03-5555-7788 --topic plan --topic workshop --staff "鈴木 美咲" \
		--note "居場所の立ち上げ計画について、前回の打合せの続き（地域包括支援センターも同席予定）。資料は当日持参。" >/dev/null &&
	sql "SELECT o.name FROM appointment a JOIN organization o ON o.id = a.org_id WHERE a.date = '\''$DAY'\''
	     UNION SELECT s.name FROM appointment a JOIN staff s ON s.id = a.staff_id WHERE a.date = '\''$DAY'\''
	     UNION SELECT room FROM appointment WHERE date = '\''$DAY'\'' AND channel = '\''visit'\'' AND room <> '\'''\''
	     UNION SELECT note FROM appointment WHERE date = '\''$DAY'\'' AND note <> '\'''\''" >"$TEST_DIR/texts" &&
	[ "$(wc -l <"$TEST_DIR/texts")" -ge 6 ]
'

ui_start
test_expect_success 'Ctrl-P: the dialog with its defaults (the A4 PDF, the list, to lp)' '
	ui_wait "Day schedule" && ui_keys C-p && ui_wait "Print the daily schedule" &&
	ui_wait "Left/Right: the A4 PDF" && ui_screen >"$TEST_DIR/dialog" &&
	cat >"$TEST_DIR/dialog.want" <<-\EOF2 &&
	 Desk  2026-11-24 (Tue)  Day schedule    鈴木 美咲  now 10:15  Menu F9  Help F1
	Desk open 10:00-17:00, 4 booked
	Time │佐藤 健                │鈴木 美咲              │山田 花子              │
	┌─ Print the daily schedule ───────────────────────────────────────────────────┐
	│ Date               2026-11-24                                                │
	│ Format *           < PDF (A4) >                                              │
	│ Layout *           < List (portrait) >                                       │
	│ Staff              < (everyone) >                                            │
	│ Page per staff *   < No >                                                    │
	│ No personal data * < No >                                                    │
	│ To file                                                                      │
	│                                                                              │
	│                                                                              │
	│                                                                              │
	│                                                                              │
	│                                                                              │
	│                                                                              │
	│                                                                              │
	│ Left/Right: the A4 PDF, or 80-column text (for a UTF-8 text printer)         │
	└─ F2 Save  Esc Cancel  Tab Next ──────────────────────────────────────────────┘
	Deadlines within 7 days: 6
	11-25 follow-up: ライフシフトプログラムの次回日程を知りたい。
	
	F1 Help F9 Menu q Quit b Book M Move c Cancel n Next p Prev w Week m Month
	EOF2
	test_cmp "$TEST_DIR/dialog.want" "$TEST_DIR/dialog"
'
test_expect_success 'F2: sent to the default queue, the request id on the status line' '
	ui_keys F2 && ui_wait "pages sent to $Q, request id $Q-1" &&
	ui_wait_gone "Print the daily schedule" &&
	cups_wait_job $Q-1 &&
	f=$(ls "$CUPS_PDF_OUT"/*-job_1.pdf) && cp "$f" "$TEST_DIR/ui.pdf" &&
	pdfinfo "$TEST_DIR/ui.pdf" | grep -q "^Page size: *595 x 842 pts (A4)" &&
	$PY "$SRC_DIR/tests/ical/texts_in_pdf.py" "$TEST_DIR/texts" "$TEST_DIR/ui.pdf" --letters --min 6 &&
	$PY "$SRC_DIR/tests/ical/pdf_words.py" "$TEST_DIR/ui.pdf" 20 &&
	pdftoppm -r 60 -f 1 -l 1 -png "$TEST_DIR/ui.pdf" "$TEST_DIR/ui-page" && [ -s "$TEST_DIR/ui-page-1.png" ] &&
	if [ -n "${MADOGUCHI_KEEP_PRINTS:-}" ]; then cp "$TEST_DIR/ui-page-1.png" "$TEST_DIR/ui.pdf" "$MADOGUCHI_KEEP_PRINTS/"; fi
'
test_expect_success 'a stopped queue: a message window says so and where the schedule went' '
	cupsdisable -r "out of paper" $Q &&
	ui_keys C-p && ui_wait "Print the daily schedule" && ui_keys F2 &&
	ui_wait "is stopped" && ui_screen | sed -e "s|$HOME/|~/|" -e "s/  *│/ │/g" >"$TEST_DIR/stopped" &&
	cat >"$TEST_DIR/stopped.want" <<-\EOF2 &&
	 Desk  2026-11-24 (Tue)  Day schedule    鈴木 美咲  now 10:15  Menu F9  Help F1
	Desk open 10:00-17:00, 4 booked
	Time │佐藤 健 │鈴木 美咲 │山田 花子 │
	┌─ Print the daily schedule ───────────────────────────────────────────────────┐
	│ Date               2026-11-24 │
	│ Format *           < PDF (A4) > │
	│ Layout *           < List (portrait) > │
	│ Staff              < (everyone) > │
	│ Pag┌─ Print ────────────────────────────────────────────────────────────┐ │
	│ No │ printer DeskPDF is stopped: out of paper (cupsenable DeskPDF │ │
	│ To │ starts it). Nothing was printed; the schedule was saved to │ │
	│ │ ~/madoguchi-2026-11-24.pdf │ │
	│ │ │ │
	│ │ Press any key │ │
	│    └────────────────────────────────────────────────────────────────────┘ │
	│ │
	│ │
	│ │
	│ Left/Right: the A4 PDF, or 80-column text (for a UTF-8 text printer) │
	└─ F2 Save  Esc Cancel  Tab Next ──────────────────────────────────────────────┘
	Deadlines within 7 days: 6
	11-25 follow-up: ライフシフトプログラムの次回日程を知りたい。
	1 pages sent to DeskPDF, request id DeskPDF-1
	F1 Help F9 Menu q Quit b Book M Move c Cancel n Next p Prev w Week m Month
	EOF2
	test_cmp "$TEST_DIR/stopped.want" "$TEST_DIR/stopped" &&
	[ "$(stat -c %a "$HOME/madoguchi-$DAY.pdf")" = 600 ] &&
	$PY "$SRC_DIR/tests/ical/texts_in_pdf.py" "$TEST_DIR/texts" "$HOME/madoguchi-$DAY.pdf" --min 6 &&
	[ -z "$(lpstat -o $Q)" ] &&
	ui_keys Enter && ui_wait_gone "Press any key" && ui_keys Escape && ui_wait_gone "Print the daily schedule" &&
	cupsenable $Q
'
ui_stop
test_done
