#!/bin/sh
# The letter after a change on the screen: the preview window (whole
# screen), e edits the text in $EDITOR, s sends it through msmtp to a
# private SMTP server, n sends nothing.
. "$(dirname "$0")/../lib.sh"

PY=/usr/bin/python3
MAILT="$SRC_DIR/tests/mail"
OUT="$TEST_DIR/received"
mkdir -p "$OUT"
$PY "$MAILT/smtpd.py" "$OUT" >"$TEST_DIR/smtpd.out" 2>"$TEST_DIR/smtpd.err" </dev/null &
SMTPD=$!
trap 'kill $SMTPD 2>/dev/null; cleanup' EXIT
i=0
while [ ! -s "$OUT/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
printf 'defaults\nauth off\ntls off\naccount default\nhost 127.0.0.1\nport %s\nfrom desk@example.jp\n' \
	"$(cat "$OUT/port")" >"$TEST_DIR/msmtprc"
chmod 600 "$TEST_DIR/msmtprc"
mkdir -p "$XDG_CONFIG_HOME/madoguchi"
cat >"$XDG_CONFIG_HOME/madoguchi/config" <<EOC
mail_command = msmtp -C $TEST_DIR/msmtprc -t
mail_from = desk@example.jp
letter.desk = 東京ホームタウンプロジェクト 相談窓口
letter.phone = 03-1234-5678
EOC
# the clerk's editor: a script that adds a line to the letter
cat >"$TEST_DIR/editor" <<'EOS'
#!/bin/sh
sed -i 's/^ご予約の内容を下記のとおり変更しました。$/ご予約の内容を下記のとおり変更しました。担当は田中です。/' "$1"
EOS
chmod +x "$TEST_DIR/editor"
received() { ls "$OUT" | grep -c '\.eml$'; }

test_expect_success 'a demo desk and a phone booking whose contact has an address' '
	mado demo >/dev/null &&
	mado book --date 2026-11-25 --start 16:00 --channel phone --org 要町 --contact "田中 一郎" \
		--email tanaka@example.org --staff "佐藤 健" --no-mail >"$TEST_DIR/id" &&
	[ -s "$TEST_DIR/id" ]
'
ID=$(cat "$TEST_DIR/id")

UI_ENV="MADOGUCHI_UI_START=edit:$ID EDITOR=$TEST_DIR/editor TMPDIR=$TEST_DIR"
ui_start
test_expect_success 'moving it in the form and saving shows the letter before it goes' '
	ui_wait "#$ID" && ui_keys C-u && ui_type "2026-11-26" && ui_keys F2 &&
	ui_wait "s: send   e: edit" &&
	[ "$(sql "SELECT date FROM appointment WHERE id = $ID")" = 2026-11-26 ] &&
	[ "$(received)" = 0 ]
'
cat >"$TEST_DIR/want" <<'EOW'
 ┌─ Letter to the contact: booking #70 ───────────────────────────────────────┐
 │ To: tanaka@example.org                                                     │
 │ Subject: 【相談予約の変更】2026年11月26日(木) 16:00〜 電話相談             │
 │                                                                            │
 │ 田中 一郎 様                                                               │
 │ （要町あさやけ子ども食堂）                                                 │
 │                                                                            │
 │ 東京ホームタウンプロジェクト 相談窓口です。                                │
 │ ご予約の内容を下記のとおり変更しました。                                   │
 │                                                                            │
 │   日時：令和8年11月26日(木) 16:00〜16:30（30分）                           │
 │   方法：電話相談                                                           │
 │   当日、窓口からお電話します。                                             │
 │   予約番号：70                                                             │
 │                                                                            │
 │ 予定表に取り込める招待状（.ics）を添付しました。                           │
 │ 日時の変更・取り消しは、下記までご連絡ください。                           │
 │                                                                            │
 │ 東京ホームタウンプロジェクト 相談窓口                                      │
 │ 03-1234-5678                                                               │
 │                                                                            │
 │ s: send   e: edit   n or Esc: don't send   Up/Down: scroll                 │
 └────────────────────────────────────────────────────────────────────────────┘

EOW
test_expect_success 'the preview window, whole screen: to, subject, the letter, the keys' '
	ui_screen >"$TEST_DIR/screen" &&
	test_cmp "$TEST_DIR/want" "$TEST_DIR/screen"
'
test_expect_success 'e opens the editor; the edited letter is shown again' '
	ui_keys e && ui_wait "担当は田中です。" && ui_wait "s: send   e: edit" &&
	[ -z "$(ls "$TEST_DIR" | grep madoguchi-letter)" ]
'
test_expect_success 's sends it: one letter, the edited text, SEQUENCE 1' '
	ui_keys s && ui_wait_gone "s: send   e: edit" &&
	i=0; while [ "$(received)" != 1 ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done;
	[ "$(received)" = 1 ] &&
	$PY "$MAILT/readmail.py" "$OUT/001.eml" >"$TEST_DIR/m1" &&
	grep_out "body: ご予約の内容を下記のとおり変更しました。担当は田中です。" <"$TEST_DIR/m1" &&
	grep_out "SEQUENCE: 1" <"$TEST_DIR/m1" &&
	grep_out "METHOD: REQUEST" <"$TEST_DIR/m1" &&
	[ "$(sql "SELECT kind, sequence, status FROM mail_letter WHERE appt_id = $ID")" = "changed|1|sent" ]
'
test_expect_success 'the day screen marks the booking: letter sent' '
	ui_wait "Day schedule" && ui_keys g && ui_wait "Go to" && ui_keys C-u && ui_type "2026-11-26" && ui_keys Enter &&
	ui_wait "2026-11-26 (Thu)" && ui_keys j j j j j j j j j j j j &&
	ui_wait "16:00-16:30 Ph #$ID 要町あさやけ子ども食堂 [letter sent] / 田中 一郎"
'
test_expect_success 'c cancels it after asking, then offers the notice of the cancellation; s sends it' '
	ui_keys c && ui_wait "Cancel booking #$ID" && ui_keys y &&
	ui_wait "Subject: 【相談予約の取り消し】2026年11月26日(木) 16:00〜 電話相談" &&
	ui_keys s && ui_wait "#$ID cancelled (B sets it back); letter sent" &&
	[ "$(received)" = 2 ] &&
	$PY "$MAILT/readmail.py" "$OUT/002.eml" >"$TEST_DIR/m2" &&
	grep_out "METHOD: CANCEL" <"$TEST_DIR/m2" && grep_out "SEQUENCE: 2" <"$TEST_DIR/m2" &&
	ui_keys z && ui_wait "xPh 要町" && ui_keys B && ui_wait "back to booked" && ui_keys y &&
	ui_wait "Subject: 【相談予約の確認】" && ui_keys Escape &&
	ui_wait "#$ID is booked again; no letter sent" && [ "$(received)" = 2 ]
'
ui_stop

TMUX_SOCK="$TMUX_SOCK-2"	# a fresh server, not the one just told to end
ui_start
test_expect_success 'again: n sends nothing; the change stays' '
	ui_wait "#$ID" && ui_keys C-u && ui_type "2026-11-27" && ui_keys F2 &&
	ui_wait "s: send   e: edit" && ui_keys n && ui_wait_gone "s: send   e: edit" &&
	[ "$(sql "SELECT date FROM appointment WHERE id = $ID")" = 2026-11-27 ] &&
	sleep 0.5 && [ "$(received)" = 2 ] &&
	[ "$(sql "SELECT count(*) FROM mail_letter")" = 2 ]
'
ui_stop

TMUX_SOCK="$TMUX_SOCK-3"
ui_start
test_expect_success 'the server away: s keeps the change, says why in a message, the letter waits' '
	kill $SMTPD && wait $SMTPD;
	ui_wait "#$ID" && ui_keys C-u && ui_type "2026-11-30" && ui_keys F2 &&
	ui_wait "s: send   e: edit" && ui_keys s &&
	ui_wait "Letter not sent" && ui_wait "Connection refused" &&
	! ui_screen | grep -q "tanaka@" &&
	[ "$(sql "SELECT date FROM appointment WHERE id = $ID")" = 2026-11-30 ] &&
	[ "$(sql "SELECT kind, sequence, status FROM mail_letter WHERE appt_id = $ID ORDER BY id DESC LIMIT 1")" = "changed|5|queued" ] &&
	ui_keys Enter && ui_wait_gone "Letter not sent"
'
ui_stop
test_done
