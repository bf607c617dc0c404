#!/bin/sh
# Letters by e-mail through real parts: msmtp delivers to an SMTP
# server this test starts on loopback (python3-aiosmtpd), every message
# is read back with python3's email package and python3-icalendar.
. "$(dirname "$0")/../lib.sh"

PY=/usr/bin/python3	# Debian's, with python3-aiosmtpd and python3-icalendar
MAILT="$SRC_DIR/tests/mail"
OUT="$TEST_DIR/received"
mkdir -p "$OUT"

smtpd_start() {	# [PORT]
	rm -f "$OUT/port"
	# its own output to files: a test runs in $(...), which would wait
	# for a server holding its pipe
	$PY "$MAILT/smtpd.py" "$OUT" ${1:-} >"$TEST_DIR/smtpd.out" 2>"$TEST_DIR/smtpd.err" </dev/null &
	echo $! >"$TEST_DIR/smtpd.pid"
	i=0
	while [ ! -s "$OUT/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	[ -s "$OUT/port" ]
}
smtpd_stop() {
	[ -s "$TEST_DIR/smtpd.pid" ] || return 0
	pid=$(cat "$TEST_DIR/smtpd.pid")
	kill "$pid" 2>/dev/null
	i=0	# (maybe not our child: started inside another test)
	while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	rm -f "$TEST_DIR/smtpd.pid"
}
trap 'smtpd_stop; cleanup' EXIT
received() { ls "$OUT" | grep -c '\.eml$'; }
readmail() { $PY "$MAILT/readmail.py" "$OUT/$1.eml"; }
uid_of() { sql "SELECT uid FROM appointment WHERE id = $1"; }

smtpd_start || { echo "not ok 1 - the SMTP server did not start"; cat "$TEST_DIR/smtpd.err"; exit 1; }
PORT=$(cat "$OUT/port")
printf 'defaults\nauth off\ntls off\nlogfile -\naccount default\nhost 127.0.0.1\nport %s\nfrom desk@example.jp\n' \
	"$PORT" >"$TEST_DIR/msmtprc"
chmod 600 "$TEST_DIR/msmtprc"
mkdir -p "$XDG_CONFIG_HOME/madoguchi"
CONF="$XDG_CONFIG_HOME/madoguchi/config"
cat >"$CONF" <<EOC
mail_command = msmtp -C $TEST_DIR/msmtprc -t
mail_from = desk@example.jp
letter.desk = 東京ホームタウンプロジェクト 相談窓口
letter.phone = 03-1234-5678
letter.place = 千代田区飯田橋3-5-1 東京区政会館
letter.access = JR飯田橋駅 東口から徒歩5分
letter.bring = 団体の資料（あれば）
EOC

test_expect_success 'a desk with an organization whose contact has an address' '
	mado init >/dev/null &&
	mado org add --name "墨田区 太壱みまもりネットワーク" --type local --municipality 墨田区 >/dev/null &&
	mado org add --name "立川市 見守りネット・結サポートセンター" --type local --municipality 立川市 >/dev/null
'

test_expect_success 'book --mail: the booking and exactly one letter' '
	mado book --date 2026-11-25 --start 10:00 --channel visit --org 1 --contact "山田 花子" \
		--email hanako@example.org --note "NOTE-SECRET 内部メモ" --mail >"$TEST_DIR/o" 2>"$TEST_DIR/e" &&
	[ "$(head -1 "$TEST_DIR/o")" = 1 ] &&
	grep_out "#1: confirmation sent to the contact" <"$TEST_DIR/o" &&
	[ ! -s "$TEST_DIR/e" ] &&
	[ "$(received)" = 1 ] &&
	[ "$(cat "$OUT/001.eml.rcpt")" = hanako@example.org ]
'

test_expect_success 'the letter read back: headers, Japanese subject and body, the invitation' '
	readmail 001 >"$TEST_DIR/m1" &&
	cat >"$TEST_DIR/want" <<-EOW &&
	from-name: 東京ホームタウンプロジェクト 相談窓口
	from-addr: desk@example.jp
	to: hanako@example.org
	subject: 【相談予約の確認】2026年11月25日(水) 10:00〜 来所相談
	date: Tue, 24 Nov 2026 10:15:00 +0900
	auto-submitted: None
	mime: multipart/mixed
	bare-lf: 0
	long-lines: 0
	8bit-headers: 0
	charset: utf-8
	body: 山田 花子 様
	body: （墨田区 太壱みまもりネットワーク）
	body: 
	body: 東京ホームタウンプロジェクト 相談窓口です。
	body: 下記のとおりご予約を承りました。
	body: 
	body:   日時：令和8年11月25日(水) 10:00〜10:30（30分）
	body:   方法：来所相談
	body:   場所：千代田区飯田橋3-5-1 東京区政会館 相談室A
	body:   交通：JR飯田橋駅 東口から徒歩5分
	body:   持ち物：団体の資料（あれば）
	body:   予約番号：1
	body: 
	body: 予定表に取り込める招待状（.ics）を添付しました。
	body: 日時の変更・取り消しは、下記までご連絡ください。
	body: 
	body: 東京ホームタウンプロジェクト 相談窓口
	body: 03-1234-5678
	body: desk@example.jp
	calendar-method-param: REQUEST
	METHOD: REQUEST
	UID: $(uid_of 1)
	SEQUENCE: 0
	STATUS: CONFIRMED
	DTSTART: 2026-11-25T10:00:00+09:00
	ORGANIZER: mailto:desk@example.jp
	ATTENDEE: mailto:hanako@example.org
	SUMMARY: 来所相談: 墨田区 太壱みまもりネットワーク (山田 花子)
	DESCRIPTION-has-note: False
	EOW
	test_cmp "$TEST_DIR/want" "$TEST_DIR/m1"
'

test_expect_success 'the letter is recorded with the appointment and shown in its history' '
	[ "$(sql "SELECT kind, sequence, status, to_addr, error IS NULL FROM mail_letter")" = "booked|0|sent|hanako@example.org|1" ] &&
	mado show 1 >"$TEST_DIR/show" &&
	grep_out "  letter:     confirmation (version 0) sent 2026-11-24T01:15:00Z to hanako@example.org" <"$TEST_DIR/show"
'

test_expect_success 'move --mail: one letter, the same UID, SEQUENCE 1, the new time' '
	mado move 1 --start 13:00 --mail >"$TEST_DIR/o" &&
	grep_out "#1: notice of the change sent" <"$TEST_DIR/o" &&
	[ "$(received)" = 2 ] &&
	readmail 002 >"$TEST_DIR/m2" &&
	grep_out "subject: 【相談予約の変更】2026年11月25日(水) 13:00〜 来所相談" <"$TEST_DIR/m2" &&
	grep_out "body:   日時：令和8年11月25日(水) 13:00〜13:30（30分）" <"$TEST_DIR/m2" &&
	grep_out "METHOD: REQUEST" <"$TEST_DIR/m2" &&
	grep_out "UID: $(uid_of 1)" <"$TEST_DIR/m2" &&
	grep_out "SEQUENCE: 1" <"$TEST_DIR/m2" &&
	grep_out "DTSTART: 2026-11-25T13:00:00+09:00" <"$TEST_DIR/m2"
'

test_expect_success 'cancel --mail: one letter, METHOD:CANCEL, SEQUENCE 2' '
	mado cancel 1 --mail >"$TEST_DIR/o" &&
	grep_out "#1: notice of the cancellation sent" <"$TEST_DIR/o" &&
	[ "$(received)" = 3 ] &&
	readmail 003 >"$TEST_DIR/m3" &&
	grep_out "subject: 【相談予約の取り消し】2026年11月25日(水) 13:00〜 来所相談" <"$TEST_DIR/m3" &&
	grep_out "calendar-method-param: CANCEL" <"$TEST_DIR/m3" &&
	grep_out "METHOD: CANCEL" <"$TEST_DIR/m3" &&
	grep_out "UID: $(uid_of 1)" <"$TEST_DIR/m3" &&
	grep_out "SEQUENCE: 2" <"$TEST_DIR/m3" &&
	grep_out "STATUS: CANCELLED" <"$TEST_DIR/m3"
'

test_expect_success 'the same letter is never sent twice' '
	mado mail send 1 --kind cancelled >"$TEST_DIR/o" &&
	grep_out "was sent before; not sent again" <"$TEST_DIR/o" &&
	[ "$(received)" = 3 ] &&
	[ "$(sql "SELECT count(*) FROM mail_letter")" = 3 ]
'

test_expect_success 'without --mail (mail = ask) or with --no-mail, no letter; the command says so' '
	mado book --date 2026-11-25 --start 11:00 --channel visit --org 2 --contact 佐藤 \
		--email sato@example.org >"$TEST_DIR/o" 2>"$TEST_DIR/e" &&
	grep_out "no letter sent (--mail sends the confirmation)" <"$TEST_DIR/e" &&
	mado book --date 2026-11-25 --start 14:00 --channel phone --org 2 --contact 佐藤 \
		--email sato@example.org --no-mail >/dev/null 2>"$TEST_DIR/e" &&
	[ ! -s "$TEST_DIR/e" ] &&
	mado book --date 2026-11-25 --start 15:00 --channel visit --org 2 --contact 鈴木 >/dev/null &&
	[ "$(received)" = 3 ] && [ "$(sql "SELECT count(*) FROM mail_letter")" = 3 ]
'

test_expect_success 'remind: one reminder for the booked visit with an address, none for phone or no address' '
	mado remind >"$TEST_DIR/o" &&
	grep_out "2026-11-25: reminders sent: 1, not sent: 0" <"$TEST_DIR/o" &&
	[ "$(received)" = 4 ] &&
	readmail 004 >"$TEST_DIR/m4" &&
	grep_out "to: sato@example.org" <"$TEST_DIR/m4" &&
	grep_out "subject: 【明日のご相談】2026年11月25日(水) 11:00〜 来所相談" <"$TEST_DIR/m4" &&
	grep_out "auto-submitted: auto-generated" <"$TEST_DIR/m4" &&
	grep_out "UID: $(uid_of 2)" <"$TEST_DIR/m4" &&
	grep_out "SEQUENCE: 0" <"$TEST_DIR/m4" &&
	! grep -q "sato@\|佐藤" "$TEST_DIR/o"
'

test_expect_success 'remind again (cron runs twice): nothing is sent' '
	mado remind >"$TEST_DIR/o" &&
	grep_out "reminders sent: 0, not sent: 0" <"$TEST_DIR/o" &&
	[ "$(received)" = 4 ]
'

test_expect_success 'remind skips the weekend and holidays: on Friday it reminds of Monday' '
	mado book --date 2026-11-30 --start 10:00 --channel visit --org 2 --contact 佐藤 \
		--email sato@example.org --no-mail >/dev/null &&
	MADOGUCHI_NOW=2026-11-27T17:30 mado remind >"$TEST_DIR/o" &&
	grep_out "2026-11-30: reminders sent: 1" <"$TEST_DIR/o" &&
	[ "$(received)" = 5 ]
'

test_expect_success 'a refused send: the booking stays, the command says why, the letter is queued' '
	smtpd_stop &&
	mado book --date 2026-11-26 --start 10:00 --channel visit --org 2 --contact 佐藤 \
		--email sato@example.org --mail >"$TEST_DIR/o" 2>"$TEST_DIR/e" &&
	id=$(head -1 "$TEST_DIR/o") &&
	[ "$(sql "SELECT status FROM appointment WHERE id = $id")" = booked ] &&
	grep_out "#$id: confirmation not sent: the letter is queued" <"$TEST_DIR/e" &&
	grep_out "Connection refused" <"$TEST_DIR/e" &&
	! grep -q "sato@" "$TEST_DIR/e" &&
	[ "$(sql "SELECT status, attempts, error LIKE '\''%refused%'\'' FROM mail_letter WHERE appt_id = $id")" = "queued|1|1" ] &&
	mado show "$id" | grep_out "confirmation (version 0) queued"
'

test_expect_code 3 'retry while the server is still away: still queued, exit 3' '
	mado mail retry
'

test_expect_success 'the server is back: retry delivers the letter once, a second retry nothing' '
	smtpd_start "$PORT" &&
	mado mail retry >"$TEST_DIR/o" &&
	grep_out "letters sent: 1, not sent: 0" <"$TEST_DIR/o" &&
	[ "$(received)" = 6 ] &&
	readmail 006 | grep_out "subject: 【相談予約の確認】2026年11月26日(木) 10:00〜 来所相談" &&
	mado mail retry >"$TEST_DIR/o" &&
	grep_out "letters sent: 0, not sent: 0" <"$TEST_DIR/o" &&
	[ "$(received)" = 6 ] &&
	[ "$(sql "SELECT count(*) FROM mail_letter WHERE status <> '\''sent'\''")" = 0 ]
'

test_expect_success 'a queued letter whose booking changed since is given up, not sent stale' '
	smtpd_stop &&
	id=$(mado book --date 2026-11-26 --start 11:00 --channel visit --org 2 --contact 佐藤 \
		--email sato@example.org --mail 2>/dev/null | head -1) &&
	mado move "$id" --start 15:00 --no-mail >/dev/null &&
	smtpd_start "$PORT" &&
	mado mail retry >"$TEST_DIR/o" 2>"$TEST_DIR/e";
	grep_out "the booking changed since this letter was written" <"$TEST_DIR/e" &&
	[ "$(received)" = 6 ] &&
	mado mail send "$id" >"$TEST_DIR/o" &&
	grep_out "notice of the change sent" <"$TEST_DIR/o" &&
	[ "$(received)" = 7 ] &&
	readmail 007 | grep_out "SEQUENCE: 1"
'

test_expect_success 'mail = always sends without --mail; --no-mail still holds it back' '
	echo "mail = always" >>"$CONF" &&
	mado book --date 2026-11-26 --start 13:00 --channel phone --org 2 --contact 佐藤 \
		--email sato@example.org >"$TEST_DIR/o" &&
	grep_out "confirmation sent" <"$TEST_DIR/o" &&
	[ "$(received)" = 8 ] &&
	readmail 008 | grep_out "body:   当日、窓口からお電話します。" &&
	! readmail 008 | grep -q "場所：" &&
	mado book --date 2026-11-26 --start 13:30 --channel phone --org 2 --contact 佐藤 \
		--email sato@example.org --no-mail >/dev/null &&
	[ "$(received)" = 8 ]
'

test_expect_success 'remind sends the queue first: a letter that failed in the day goes out with it' '
	smtpd_stop &&
	id=$(mado book --date 2026-11-27 --start 10:00 --channel phone --org 2 --contact 佐藤 \
		--email sato@example.org 2>/dev/null | head -1) &&
	[ "$(sql "SELECT status FROM mail_letter WHERE appt_id = $id")" = queued ] &&
	smtpd_start "$PORT" &&
	mado remind >"$TEST_DIR/o" &&
	grep_out "#$id: confirmation sent to the contact" <"$TEST_DIR/o" &&
	grep_out "letters sent: 1, not sent: 0" <"$TEST_DIR/o" &&
	grep_out "2026-11-25: reminders sent: 0, not sent: 0" <"$TEST_DIR/o" &&
	[ "$(received)" = 9 ]
'

test_expect_success 'a letter left half-sent by a killed run goes back to the queue after 15 minutes' '
	cp "$CONF" "$TEST_DIR/conf.saved" &&
	sed -i "s|^mail_command = .*|mail_command = sleep 30|" "$CONF" &&
	id=$(mado book --date 2026-11-27 --start 13:00 --channel phone --org 2 --contact 佐藤 \
		--email sato@example.org --no-mail | head -1) &&
	{ setsid "$MADOGUCHI_BIN" mail send "$id" >/dev/null 2>&1 & } &&
	pid=$! &&
	sql_is "SELECT status FROM mail_letter WHERE appt_id = $id" sending &&
	child=$(pgrep -P "$pid") &&
	/bin/kill -KILL -- "-$pid" "-$child" && cp "$TEST_DIR/conf.saved" "$CONF" &&
	MADOGUCHI_NOW=2026-11-24T10:25 mado mail retry >"$TEST_DIR/o" &&
	grep_out "letters sent: 0, not sent: 0" <"$TEST_DIR/o" &&
	[ "$(sql "SELECT status FROM mail_letter WHERE appt_id = $id")" = sending ] &&
	MADOGUCHI_NOW=2026-11-24T10:31 mado mail retry >"$TEST_DIR/o" &&
	grep_out "letters sent: 1, not sent: 0" <"$TEST_DIR/o" &&
	[ "$(received)" = 10 ] &&
	[ "$(sql "SELECT status, attempts FROM mail_letter WHERE appt_id = $id")" = "sent|2" ]
'

test_expect_success 'a mail command that never finishes is ended after mail_timeout; the letter waits' '
	cp "$CONF" "$TEST_DIR/conf.saved" &&
	sed -i "s|^mail_command = .*|mail_command = sleep 31; true|" "$CONF" && echo "mail_timeout = 1" >>"$CONF" &&
	id=$(mado book --date 2026-11-27 --start 11:00 --channel phone --org 2 --contact 佐藤 \
		--email sato@example.org --mail 2>"$TEST_DIR/e" | head -1) &&
	grep_out "the mail command did not finish in 1 seconds" <"$TEST_DIR/e" &&
	! pgrep -f "^sleep 31\$" >/dev/null &&
	[ "$(sql "SELECT status FROM mail_letter WHERE appt_id = $id")" = queued ] &&
	cp "$TEST_DIR/conf.saved" "$CONF" &&
	mado mail retry | grep_out "letters sent: 1, not sent: 0" &&
	[ "$(received)" = 11 ]
'

test_expect_code 2 'mail = never turns mail off: --mail is refused before anything is booked' '
	echo "mail = never" >>"$CONF" &&
	n=$(sql "SELECT count(*) FROM appointment") &&
	mado book --date 2026-11-26 --start 16:00 --channel phone --org 2 --email sato@example.org --mail 2>"$TEST_DIR/e";
	rc=$?;
	grep_out "mail is turned off (mail = never)" <"$TEST_DIR/e" &&
	[ "$(sql "SELECT count(*) FROM appointment")" = "$n" ] || exit 99; exit $rc
'

test_expect_success 'mail = never: remind sends nothing and says why' '
	! mado remind 2>"$TEST_DIR/e" &&
	grep_out "mail is turned off" <"$TEST_DIR/e" &&
	[ "$(received)" = 11 ]
'

test_expect_success 'English letters (letter.lang = en) and a site template in the config dir' '
	sed -i "/^mail = /d" "$CONF" && echo "letter.lang = en" >>"$CONF" &&
	mado mail preview 2 --kind reminder >"$TEST_DIR/o" &&
	grep_out "Subject: Your consultation tomorrow: Wed 25 Nov 2026 11:00 (visit to the desk)" <"$TEST_DIR/o" &&
	grep_out "  Where:     千代田区飯田橋3-5-1 東京区政会館 相談室A" <"$TEST_DIR/o" &&
	mkdir -p "$XDG_CONFIG_HOME/madoguchi/mail" &&
	printf "Subject: #{id} {org}\n\nHello {contact}.\nBring: {bring}\n[phone]Only on the phone\n{nosuch}\n" \
		>"$XDG_CONFIG_HOME/madoguchi/mail/booked.txt" &&
	mado mail preview 2 --kind booked >"$TEST_DIR/o" &&
	printf "Subject: #2 立川市 見守りネット・結サポートセンター\n\nHello 佐藤.\nBring: 団体の資料（あれば）\n{nosuch}\n" >"$TEST_DIR/want" &&
	test_cmp "$TEST_DIR/want" "$TEST_DIR/o"
'

test_expect_success 'retention removes the address and text of old letters, keeps that they went' '
	[ "$(sql "SELECT count(*) FROM mail_letter WHERE appt_id = 1")" = 3 ] &&
	MADOGUCHI_NOW=2026-12-10T10:00 mado retention --before 2026-11-26 >/dev/null &&
	[ "$(sql "SELECT count(*) FROM mail_letter WHERE appt_id = 1 AND to_addr = '\''(removed)'\'' AND body = '\'''\'' AND ics = '\'''\''")" = 3 ] &&
	[ "$(sql "SELECT group_concat(kind || sequence || status) FROM mail_letter WHERE appt_id = 1")" = "booked0sent,changed1sent,cancelled2sent" ] &&
	[ "$(sql "SELECT count(*) FROM mail_letter WHERE body LIKE '\''%山田%'\'' OR to_addr = '\''hanako@example.org'\''")" = 0 ] &&
	[ "$(sql "SELECT count(*) FROM mail_letter WHERE to_addr = '\''sato@example.org'\''")" -gt 0 ] &&
	mado show 1 | grep_out "  letter:     confirmation (version 0) sent 2026-11-24T01:15:00Z to (removed)"
'

test_expect_success 'letters stay out of the audit log; mail_from must be an address' '
	[ "$(sql "SELECT count(*) FROM audit WHERE tbl = '\''mail_letter'\''")" = 0 ] &&
	echo "mail_from = Desk <desk@example.jp>" >>"$CONF" &&
	! mado day 2>"$TEST_DIR/e" && grep_out "mail_from" <"$TEST_DIR/e"
'

test_done
