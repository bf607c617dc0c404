#!/bin/sh
# The inquiry log through the real command line on a real database:
# logging, notes, filters, overdue as the clock moves, full-text search
# in Japanese, booking and applying from an inquiry (linked both ways).
. "$(dirname "$0")/../lib.sh"

# Write a topic as stored before the support menu (free text), past the
# program's SQL functions that the triggers call.
sql_old() {
	sqlite3 -batch -cmd ".dbconfig enable_trigger off" "$MADOGUCHI_DB" "$1" >/dev/null
}

# tsv of `inquiry list ARGS...`: the ids, one per line, joined by spaces
ids() {
	mado inquiry list --tsv "$@" | cut -f1 | tr '\n' ' ' | sed 's/ $//'
}

test_expect_success 'set up staff and organizations' '
	mado init >/dev/null &&
	mado staff add "山田 花子" &&
	mado staff add "佐藤 健" &&
	mado org add --name "小平市 地域包括ケア推進課" --kana "こだいらし" --type municipality \
		--municipality 小平市 >/dev/null &&
	mado org add --name "太壱みまもりネットワーク" --kana "たいちみまもり" --type local \
		--municipality 墨田区 >/dev/null &&
	mado org add --name "川崎市社会福祉協議会" --kana "かわさき" --type council \
		--municipality 東京都外 >/dev/null
'
test_expect_success 'log a phone inquiry in Japanese; received defaults to now' '
	id=$(mado inquiry add --channel phone --org 小平市 --contact "加藤 大輔" --phone 042-555-0101 \
		--topic プラン策定支援 --summary "追加募集の締切と対象について。折り返し電話の約束。" \
		--due 2026-11-26 --staff "佐藤 健") &&
	[ "$id" = 1 ] &&
	[ "$(sql "SELECT received_at, channel, org_id, topic, status, due_date, staff_id FROM inquiry WHERE id = 1")" = "2026-11-24T10:15|phone|1|plan|open|2026-11-26|2" ] &&
	[ "$(sql "SELECT c.name, c.phone FROM inquiry i JOIN contact c ON c.id = i.contact_id WHERE i.id = 1")" = "加藤 大輔|042-555-0101" ]
'
test_expect_code 2 'a topic outside the support menu is refused' '
	mado inquiry add --channel email --topic "ウェブサイト" --summary x 2>"$TEST_DIR/err"
'
test_expect_success '... naming the menu' '
	grep_out "topic: '"'"'ウェブサイト'"'"' is not one of meeting, workshop, plan, direct, other" <"$TEST_DIR/err"
'
test_expect_code 2 'so are several topics: an inquiry has one' '
	mado inquiry add --channel email --topic meeting,plan --summary x
'
# (the inquiry below gets a free-text topic of the kind stored before the
# support menu, by SQL: such topics stay readable and filterable)
test_expect_success 'more inquiries: e-mail, post, a free topic of old, an earlier time' '
	mado inquiry add --channel email --org 太壱みまもりネットワーク --topic direct \
		--summary "ウェブサイトの更新について相談したい。" --due 2026-11-25 --staff "山田 花子" \
		--received 2026-11-20T16:10 >/dev/null &&
	mado inquiry add --channel post --org 川崎市社会福祉協議会 --topic other \
		--summary "都外の団体から申込可否の問い合わせ。" --received "2026-11-18 09:50" \
		--referred-to "神奈川県社会福祉協議会" >/dev/null &&
	mado inquiry add --channel visit --topic workshop --summary "ワークショップの進め方" \
		--status waiting --due 2026-12-01 >/dev/null &&
	sql_old "UPDATE inquiry SET topic = '"'"'ウェブサイト'"'"' WHERE id = 2" &&
	[ "$(sql "SELECT count(*) FROM inquiry")" = 4 ] &&
	[ "$(sql "SELECT topic, received_at FROM inquiry WHERE id = 2")" = "ウェブサイト|2026-11-20T16:10" ] &&
	[ "$(sql "SELECT received_at FROM inquiry WHERE id = 3")" = "2026-11-18T09:50" ]
'
test_expect_code 2 'a summary with a terminal escape is refused' '
	mado inquiry add --channel phone --topic other --summary "$(printf "a\033[2Jb")"
'
test_expect_code 2 'invalid UTF-8 is refused' '
	mado inquiry add --channel phone --topic other --summary "$(printf "\377\376")"
'
test_expect_code 2 'a received time in the future is refused' '
	mado inquiry add --channel phone --topic other --summary x --received 2026-11-24T10:16
'
test_expect_code 2 'an impossible due date is refused' '
	mado inquiry add --channel phone --topic other --summary x --due 2026-02-30
'
test_expect_code 2 'an unknown channel is bad usage' '
	mado inquiry add --channel fax --topic other --summary x
'
test_expect_success 'nothing was stored by the refusals' '
	[ "$(sql "SELECT count(*) FROM inquiry")" = 4 ]
'
test_expect_success 'notes keep a dated history' '
	mado inquiry note 1 "要項を送付。締切日を念押し。" --staff "佐藤 健" &&
	MADOGUCHI_NOW=2026-11-24T15:40 mado inquiry note 1 "$(printf "折り返し済み。\n来所予約を希望。")" &&
	[ "$(sql "SELECT count(*) FROM inquiry_note WHERE inquiry_id = 1")" = 2 ] &&
	mado inquiry show 1 >"$TEST_DIR/show" &&
	grep_out "2026-11-24 10:15 佐藤 健" <"$TEST_DIR/show" &&
	grep_out "要項を送付。締切日を念押し。" <"$TEST_DIR/show" &&
	grep_out "2026-11-24 15:40" <"$TEST_DIR/show" &&
	grep_out "来所予約を希望。" <"$TEST_DIR/show" &&
	grep_out "小平市 地域包括ケア推進課" <"$TEST_DIR/show"
'
test_expect_code 2 'a note on a missing inquiry is refused' '
	mado inquiry note 99 "x"
'
test_expect_success 'list filters: open, status, channel, staff, org, topic, dates, due-by' '
	[ "$(ids)" = "4 1 2 3" ] &&
	[ "$(ids --channel email)" = 2 ] &&
	[ "$(ids --status waiting)" = 4 ] &&
	[ "$(ids --staff "山田 花子")" = 2 ] &&
	[ "$(ids --org 川崎市社会福祉協議会)" = 3 ] &&
	[ "$(ids --topic プラン策定支援)" = 1 ] &&
	[ "$(ids --topic ウェブサイト)" = 2 ] &&
	[ "$(ids --from 2026-11-19 --to 2026-11-20)" = 2 ] &&
	[ "$(ids --due-by 2026-11-26)" = "2 1" ]
'
test_expect_success 'nothing is overdue today' '
	[ "$(ids --overdue)" = "" ] &&
	! mado inquiry list | grep -q "^!"
'
test_expect_success 'as the clock passes the due dates, the follow-ups become overdue' '
	[ "$(MADOGUCHI_NOW=2026-11-26T09:00 ids --overdue)" = 2 ] &&
	[ "$(MADOGUCHI_NOW=2026-11-27T09:00 ids --overdue)" = "2 1" ] &&
	[ "$(MADOGUCHI_NOW=2026-11-27T09:00 mado inquiry list --tsv --overdue | cut -f6 | sort -u)" = 1 ] &&
	MADOGUCHI_NOW=2026-11-27T09:00 mado inquiry list >"$TEST_DIR/list" &&
	grep -q "^! #1 " "$TEST_DIR/list" &&
	grep -q "^  #3 " "$TEST_DIR/list" &&
	MADOGUCHI_NOW=2026-11-27T09:00 mado inquiry show 1 | grep_out "OVERDUE"
'
test_expect_success 'full-text search finds a Japanese substring of a note' '
	[ "$(ids --search 締切日を念押し)" = 1 ] &&
	[ "$(ids --search 来所予約)" = 1 ]
'
test_expect_success 'search finds summaries, short words and several words' '
	[ "$(ids --search ウェブサイトの更新)" = 2 ] &&
	[ "$(ids --search 都外)" = 3 ] &&
	[ "$(ids --search "折り返し 要項")" = 1 ] &&
	[ "$(ids --search "追加募集　念押し")" = 1 ] &&
	[ "$(ids --search "ウェブサイト 念押し")" = "" ] &&
	[ "$(ids --search 存在しない言葉)" = "" ]
'
test_expect_success 'search combines with filters and takes quotes and FTS syntax literally' '
	[ "$(ids --search 問い合わせ --channel post)" = 3 ] &&
	[ "$(ids --search 問い合わせ --channel phone)" = "" ] &&
	mado inquiry list --search "\"NEAR(a b)* OR" >/dev/null &&
	mado inquiry list --search "x\"y" >/dev/null
'
test_expect_success 'book an appointment from the inquiry, linked both ways' '
	appt=$(mado inquiry book 1 --date 2026-11-25 --start 10:00 --channel visit --room 相談室A) &&
	[ "$(sql "SELECT inquiry_id, org_id, staff_id, channel, room FROM appointment WHERE id = $appt")" = "1|1|2|visit|相談室A" ] &&
	[ "$(sql "SELECT appt_id FROM inquiry WHERE id = 1")" = "$appt" ] &&
	[ "$(sql "SELECT c.name FROM appointment a JOIN contact c ON c.id = a.contact_id WHERE a.id = $appt")" = "加藤 大輔" ] &&
	[ "$(sql "SELECT topic FROM appointment_topic WHERE appt_id = $appt")" = plan ] &&
	mado inquiry show 1 | grep_out "appointment: #$appt 2026-11-25 10:00 visit" &&
	mado show "$appt" | grep_out "#1"
'
test_expect_code 1 'booking from an inquiry follows the desk rules (Saturday)' '
	mado inquiry book 2 --date 2026-11-28 --start 10:00 2>"$TEST_DIR/err";
	rc=$?; grep_out "土曜" <"$TEST_DIR/err" || exit 9;
	[ "$(sql "SELECT count(*) FROM appointment")" = 1 ] || exit 9;
	[ "$(sql "SELECT appt_id IS NULL FROM inquiry WHERE id = 2")" = 1 ] || exit 9; exit $rc
'
test_expect_code 2 'an inquiry with no organization needs --org to book' '
	mado inquiry book 4 --date 2026-11-26 --start 10:00
'
test_expect_success 'book --inquiry also links the inquiry back' '
	appt=$(mado book --date 2026-11-26 --start 11:00 --channel phone --org 2 --inquiry 2) &&
	[ "$(sql "SELECT appt_id FROM inquiry WHERE id = 2")" = "$appt" ]
'
test_expect_success 'status changes and close' '
	mado inquiry status 2 waiting &&
	[ "$(sql "SELECT status FROM inquiry WHERE id = 2")" = waiting ] &&
	mado inquiry close 2 &&
	[ "$(sql "SELECT status FROM inquiry WHERE id = 2")" = closed ] &&
	[ "$(ids --open)" = "4 1 3" ]
'
test_expect_code 1 'closing a closed inquiry is refused' 'mado inquiry close 2'
test_expect_code 2 'an unknown status is bad usage' 'mado inquiry status 1 finished'
test_expect_success 'a closed follow-up is no longer overdue' '
	[ "$(MADOGUCHI_NOW=2026-11-27T09:00 ids --overdue)" = 1 ]
'
test_expect_success 'start an application from the inquiry, linked both ways' '
	mado program add --name "伴走支援事業 (追加募集)" --deadline 2026-12-04 --cap 5 >/dev/null &&
	app=$(mado inquiry apply 1 --program 伴走支援事業) &&
	[ "$(sql "SELECT program_id, org_id, inquiry_id, status FROM application WHERE id = $app")" = "1|1|1|consulting" ] &&
	mado inquiry show 1 | grep_out "application: #$app 伴走支援事業 (追加募集) [consulting]"
'
test_expect_code 1 'an inquiry from outside Tokyo cannot become an application' '
	mado inquiry apply 3 --program 1 2>"$TEST_DIR/err";
	rc=$?; grep_out "outside Tokyo" <"$TEST_DIR/err" || exit 9;
	[ "$(sql "SELECT count(*) FROM application")" = 1 ] || exit 9; exit $rc
'
test_expect_success 'the audit log holds the inquiry changes' '
	[ "$(sql "SELECT count(*) FROM audit WHERE tbl = '\''inquiry_note'\''")" = 2 ] &&
	sql "SELECT new FROM audit WHERE tbl = '\''inquiry'\'' AND row_id = 2 AND action = '\''update'\''" | grep -q closed
'
test_done
