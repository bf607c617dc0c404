#!/bin/sh
# The printed daily schedule: 80 columns by display width, wrapped not
# cut, numbered pages; the PDF rendered and read back; the print command.
. "$(dirname "$0")/../lib.sh"

PY=/usr/bin/python3
# cairo and fontconfig leak a few blocks of their own when a PDF is made
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$SRC_DIR/tests/ical/lsan-cairo.supp"
ICAL="$SRC_DIR/tests/ical"
DAY=2026-11-25
rows() { # FILE: the rows read back, white space removed
	$PY "$ICAL/print_check.py" "$1" | awk -F'\t' -v OFS='\t' '{ for (i = 2; i <= NF; i++) gsub(/[ \t]/, "", $i); print }'
}

test_expect_success 'a busy day with long Japanese names and notes' '
	mado demo >/dev/null &&
	org=$(mado org add --name "社会福祉法人 東京都中央区まちづくり地域福祉推進協議会 ボランティア活動支援センター分室" \
		--type council --municipality 中央区) &&
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22; do
		mado book --date $DAY --start 16:00 --channel phone --org "$org" --contact "長谷川 まゆみ$i" \
			--phone "03-5555-98$i" --topic plan --topic workshop \
			--note "とても長い注意書きがここに続きます。番号$i の相談では資料を事前に送付し、当日は担当者が折り返し電話する予定。" \
			>/dev/null || exit 1
	done &&
	[ "$(sql "SELECT count(*) FROM appointment WHERE date = '\''$DAY'\'' AND status <> '\''cancelled'\''")" -ge 25 ]
'
test_expect_success 'text: every line fits 80 columns, pages of at most 60 lines numbered 1/N..N/N' '
	mado print --date $DAY -o "$TEST_DIR/day.txt" &&
	[ "$(stat -c %a "$TEST_DIR/day.txt")" = 600 ] &&
	$PY "$ICAL/print_check.py" "$TEST_DIR/day.txt" >/dev/null &&
	pages=$(grep -c "page [0-9]*/[0-9]*$" "$TEST_DIR/day.txt") &&
	[ "$pages" -ge 3 ] &&
	[ "$(tr -cd "\f" <"$TEST_DIR/day.txt" | wc -c)" = $((pages - 1)) ] &&
	head -1 "$TEST_DIR/day.txt" | grep -q "^Daily schedule 2026-11-25 (Wed) .*page 1/$pages$"
'
test_expect_success 'the checker catches a wide line and a wrong page number' '
	printf "Daily schedule x  page 1/1\n%s\n" "$(printf "%041d" 0 | sed "s/0/予/g")" >"$TEST_DIR/wide.txt" &&
	! $PY "$ICAL/print_check.py" "$TEST_DIR/wide.txt" >/dev/null &&
	printf "Daily schedule x  page 1/2\n" >"$TEST_DIR/num.txt" &&
	! $PY "$ICAL/print_check.py" "$TEST_DIR/num.txt" >/dev/null
'
test_expect_success 'every appointment of the day is there, long fields whole (wrapped, not cut)' '
	$PY "$ICAL/print_expect.py" "$MADOGUCHI_DB" $DAY >"$TEST_DIR/want" &&
	rows "$TEST_DIR/day.txt" >"$TEST_DIR/got" &&
	test_cmp "$TEST_DIR/want" "$TEST_DIR/got" &&
	grep -q "社会福祉法人東京都中央区まちづくり地域福祉推進協議会ボランティア活動支援センター分室" "$TEST_DIR/got"
'
test_expect_success 'a holiday is named in the header' '
	mado print --date 2026-11-23 -o - >"$TEST_DIR/hol.txt" &&
	head -1 "$TEST_DIR/hol.txt" | grep -q "^Daily schedule 2026-11-23 (Mon)  Labor Thanksgiving Day .*page 1/1$" &&
	LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 mado print --date 2026-11-23 -o - | head -1 | grep -q "勤労感謝の日" &&
	grep -qx "(no appointments)" "$TEST_DIR/hol.txt"
'
test_expect_success '--no-personal: no name, phone or note; organization type instead' '
	mado print --date $DAY --no-personal -o "$TEST_DIR/np.txt" &&
	$PY "$ICAL/print_expect.py" "$MADOGUCHI_DB" $DAY --no-personal >"$TEST_DIR/want.np" &&
	rows "$TEST_DIR/np.txt" >"$TEST_DIR/got.np" &&
	test_cmp "$TEST_DIR/want.np" "$TEST_DIR/got.np" &&
	! grep -q -e "長谷川" -e "03-5555" -e "注意書き" -e "山田" -e "まちづくり" "$TEST_DIR/np.txt"
'
test_expect_success '--per-staff starts each staff member on a page of their own' '
	mado print --date $DAY --per-staff -o - >"$TEST_DIR/ps.txt" &&
	$PY "$ICAL/print_check.py" "$TEST_DIR/ps.txt" >/dev/null &&
	for s in "山田 花子" "鈴木 美咲"; do
		grep -qx "Staff: $s" "$TEST_DIR/ps.txt" || exit 1
	done &&
	grep -qx "Staff: (unassigned)" "$TEST_DIR/ps.txt" &&
	awk "BEGIN { RS = \"\f\" } { n = split(\$0, l, \"\n\"); print l[2] }" "$TEST_DIR/ps.txt" >"$TEST_DIR/labels" &&
	[ "$(sort -u "$TEST_DIR/labels" | wc -l)" -ge 3 ]
'
test_expect_success 'PDF: A4, rendered to PNG, its text holds the organizations' '
	mado print --date $DAY --format pdf -o "$TEST_DIR/day.pdf" &&
	pdfinfo "$TEST_DIR/day.pdf" | grep -q "^Page size: *595.276 x 841.89 pts (A4)" &&
	pdftoppm -r 50 -png "$TEST_DIR/day.pdf" "$TEST_DIR/page" &&
	[ -s "$TEST_DIR/page-1.png" ] &&
	pdftotext -raw "$TEST_DIR/day.pdf" - | tr -d " \n" >"$TEST_DIR/pdf.txt" &&
	sql "SELECT DISTINCT o.name FROM appointment a JOIN organization o ON o.id = a.org_id WHERE a.date = '\''$DAY'\'' AND a.status <> '\''cancelled'\''" >"$TEST_DIR/orgs" &&
	[ "$(wc -l <"$TEST_DIR/orgs")" -ge 3 ] &&
	while IFS= read -r o; do
		grep -qF -- "$(printf %s "$o" | tr -d " ")" "$TEST_DIR/pdf.txt" || { echo "missing in PDF: $o"; exit 1; }
	done <"$TEST_DIR/orgs" &&
	grep -qF "長谷川まゆみ22" "$TEST_DIR/pdf.txt" &&
	pages=$(pdfinfo "$TEST_DIR/day.pdf" | sed -n "s/^Pages: *//p") && [ "$pages" -ge 2 ] &&
	grep -qF "page$pages/$pages" "$TEST_DIR/pdf.txt"
'
test_expect_success 'PDF --per-staff: a page per staff member, each named' '
	mado print --date $DAY --format pdf --per-staff -o "$TEST_DIR/ps.pdf" &&
	n=$(sql "SELECT count(DISTINCT coalesce(staff_id, 0)) FROM appointment WHERE date = '\''$DAY'\'' AND status <> '\''cancelled'\''") &&
	pages=$(pdfinfo "$TEST_DIR/ps.pdf" | sed -n "s/^Pages: *//p") &&
	[ "$pages" -ge "$n" ] &&
	pdftotext -f 1 -l 1 "$TEST_DIR/ps.pdf" - | grep -q "Staff: " &&
	pdftotext "$TEST_DIR/ps.pdf" - | grep -q "Staff: 山田 花子"
'
test_expect_success 'without -o the print command gets the A4 PDF, with a job title' '
	mkdir -p "$XDG_CONFIG_HOME/madoguchi" &&
	cat >"$TEST_DIR/lp.sh" <<-EOF2 &&
	#!/bin/sh
	cat >"$TEST_DIR/printed"
	printf "%s\n" "\$@" >"$TEST_DIR/printed.args"
	echo "\$MADOGUCHI_PRINT_TITLE" >"$TEST_DIR/printed.title"
	echo "request id is counter-42 (1 file(s))"
	EOF2
	chmod +x "$TEST_DIR/lp.sh" &&
	echo "print_command = $TEST_DIR/lp.sh -d counter" >"$XDG_CONFIG_HOME/madoguchi/config" &&
	mado print --date $DAY 2>"$TEST_DIR/msg" &&
	[ "$(head -c 5 "$TEST_DIR/printed")" = "%PDF-" ] &&
	pdfinfo "$TEST_DIR/printed" | grep -q "^Page size: *595.276 x 841.89 pts (A4)" &&
	[ "$(cat "$TEST_DIR/printed.args")" = "-d
counter" ] &&
	grep -q "pages sent to counter, request id counter-42" "$TEST_DIR/msg" &&
	[ "$(cat "$TEST_DIR/printed.title")" = "madoguchi 2026-11-25 (Wed) daily schedule" ]
'
test_expect_success 'print_format = text sends the 80-column text' '
	printf "print_command = %s\nprint_format = text\n" "$TEST_DIR/lp.sh -d counter" >"$XDG_CONFIG_HOME/madoguchi/config" &&
	mado print --date $DAY 2>"$TEST_DIR/msg" &&
	cmp "$TEST_DIR/printed" "$TEST_DIR/day.txt"
'
test_expect_success 'lp gets -t with the day and the desk, and -d from the printer setting' '
	mkdir -p "$TEST_DIR/bin" &&
	cp "$TEST_DIR/lp.sh" "$TEST_DIR/bin/lp" &&
	printf "#!/bin/sh\necho \"\$*\" >>\"$TEST_DIR/lpstat.args\"\n" >"$TEST_DIR/bin/lpstat" &&
	chmod +x "$TEST_DIR/bin/lpstat" &&
	printf "print_command = lp\nprinter = Counter_2\n" >"$XDG_CONFIG_HOME/madoguchi/config" &&
	PATH="$TEST_DIR/bin:$PATH" mado print --date $DAY 2>"$TEST_DIR/msg" &&
	printf "%s\n" -t "madoguchi 2026-11-25 (Wed) daily schedule" -d Counter_2 >"$TEST_DIR/want.args" &&
	test_cmp "$TEST_DIR/want.args" "$TEST_DIR/printed.args" &&
	grep -qx -- "-p Counter_2 -a Counter_2" "$TEST_DIR/lpstat.args" &&
	grep -q "pages sent to Counter_2, request id counter-42" "$TEST_DIR/msg" &&
	PATH="$TEST_DIR/bin:$PATH" LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 mado print --date $DAY --printer Other 2>/dev/null &&
	printf "%s\n" -t "madoguchi 令和8年11月25日(水) 日程表" -d Other >"$TEST_DIR/want.args" &&
	test_cmp "$TEST_DIR/want.args" "$TEST_DIR/printed.args"
'
test_expect_code 2 'a printer name with blanks is refused' 'mado print --date $DAY --printer "a b"'
test_expect_code 3 'a failing print command is reported, the schedule kept' '
	rm -f "$HOME"/madoguchi-*.pdf &&
	echo "print_command = false" >"$XDG_CONFIG_HOME/madoguchi/config" &&
	mado print --date $DAY 2>"$TEST_DIR/msg"; rc=$?
	cat "$TEST_DIR/msg" &&
	grep -q "the print command .false. failed (exit 1)" "$TEST_DIR/msg" &&
	grep -q "Nothing was printed; the schedule was saved to $HOME/madoguchi-2026-11-25.pdf" "$TEST_DIR/msg" &&
	[ "$(stat -c %a "$HOME/madoguchi-2026-11-25.pdf")" = 600 ] &&
	pdftotext "$HOME/madoguchi-2026-11-25.pdf" - | grep -q "長谷川 まゆみ22" &&
	exit $rc
'
test_expect_code 3 'a missing lp says so and how to fix it; a second failure does not overwrite' '
	printf "print_command = lp\n" >"$XDG_CONFIG_HOME/madoguchi/config" &&
	PATH=/nonexistent mado print --date $DAY 2>"$TEST_DIR/msg"; rc=$?
	cat "$TEST_DIR/msg" &&
	grep -q "'\''lp'\'' not found: install cups-client or set print_command" "$TEST_DIR/msg" &&
	! grep -q 32512 "$TEST_DIR/msg" &&
	grep -q "saved to $HOME/madoguchi-2026-11-25-2.pdf" "$TEST_DIR/msg" &&
	[ -s "$HOME/madoguchi-2026-11-25.pdf" ] && [ -s "$HOME/madoguchi-2026-11-25-2.pdf" ] &&
	exit $rc
'
test_expect_success 'text words and numbers are never split: a phone, a topic, a room' '
	org=$(sql "SELECT id FROM organization WHERE name LIKE '\''社会福祉法人 東京都中央区%'\''") &&
	mado book --date $DAY --start 11:00 --channel visit --room 相談室A --org "$org" --contact "田中 一郎" \
		--phone 090-5555-1001 --topic meeting >/dev/null &&
	mado print --date $DAY --format text -o "$TEST_DIR/w.txt" &&
	grep -q "090-5555-1001" "$TEST_DIR/w.txt" && grep -q "相談室A" "$TEST_DIR/w.txt" &&
	grep -q "meeting" "$TEST_DIR/w.txt" && grep -q "support" "$TEST_DIR/w.txt" &&
	! grep -q "suppor$" "$TEST_DIR/w.txt" && ! grep -q "090-5555-100 *$" "$TEST_DIR/w.txt"
'
test_expect_success 'PDF words and numbers are never split either' '
	mado print --date $DAY --format pdf -o "$TEST_DIR/w.pdf" &&
	pdftotext -layout "$TEST_DIR/w.pdf" - >"$TEST_DIR/w.pdf.txt" &&
	grep -q "090-5555-1001" "$TEST_DIR/w.pdf.txt" && grep -q "相談室A" "$TEST_DIR/w.pdf.txt" &&
	grep -q "10:00-10:30" "$TEST_DIR/w.pdf.txt" && grep -q "03-5555-9822" "$TEST_DIR/w.pdf.txt"
'
test_expect_success 'Japanese line breaking: no line starts with closing punctuation or a small kana' '
	mado print --date $DAY --format text -o "$TEST_DIR/k.txt" &&
	grep -q "。" "$TEST_DIR/k.txt" &&
	! grep -E "^ *[、。，．・：；？！）」』】ーぁぃぅぇぉっゃゅょァィゥェォッャュョ]" "$TEST_DIR/k.txt" &&
	! grep -E "^ {12}[、。）」ー]" "$TEST_DIR/k.txt"
'
test_expect_success 'the timetable: landscape A4, slots as rows, staff as columns' '
	mado print --date $DAY --layout timetable -o "$TEST_DIR/tt.pdf" &&
	pdfinfo "$TEST_DIR/tt.pdf" | grep -q "^Page size: *841.89 x 595.276 pts (A4)" &&
	pdftotext -layout "$TEST_DIR/tt.pdf" - >"$TEST_DIR/tt.txt" &&
	grep -q "^ *Time *佐藤 健 *鈴木 美咲 *山田 花子" "$TEST_DIR/tt.txt" &&
	for t in 10:00 10:30 13:00 16:30; do grep -q "^ *$t" "$TEST_DIR/tt.txt" || exit 1; done &&
	grep -q "(continued)" "$TEST_DIR/tt.txt"
'
test_expect_code 2 'the timetable is a PDF layout' 'mado print --date $DAY --layout timetable --format text -o -'
test_expect_success 'a pipeline as the print command gets no lp options, the title in its environment' '
	mkdir -p "$TEST_DIR/bin2" && cp "$TEST_DIR/lp.sh" "$TEST_DIR/bin2/lp" &&
	printf "print_command = lp -d counter | cat\nprinter = Counter_2\n" >"$XDG_CONFIG_HOME/madoguchi/config" &&
	PATH="$TEST_DIR/bin2:$PATH" mado print --date $DAY 2>"$TEST_DIR/msg" &&
	[ "$(cat "$TEST_DIR/printed.args")" = "-d
counter" ] &&
	[ "$(cat "$TEST_DIR/printed.title")" = "madoguchi 2026-11-25 (Wed) daily schedule" ] &&
	rm "$XDG_CONFIG_HOME/madoguchi/config"
'
test_expect_code 2 'an unknown format is bad usage' 'mado print --format docx -o -'
test_done
