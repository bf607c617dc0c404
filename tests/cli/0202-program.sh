#!/bin/sh
# Programs, events and applications: the selection cap, the outside-Tokyo
# rule and the document checklist, through the real command line.
. "$(dirname "$0")/../lib.sh"

selected() {
	sql "SELECT count(*) FROM application WHERE program_id = 1 AND status = 'selected'"
}

test_expect_success 'a program with a cap, a deadline and an extra checklist item' '
	mado init >/dev/null &&
	id=$(mado program add --name "中間支援力強化のための伴走支援事業" --kind accompaniment \
		--desk-from 2026-11-02 --desk-to 2026-12-04 --deadline 2026-12-04 --cap 5 \
		--item 活動計画書) &&
	[ "$id" = 1 ] &&
	[ "$(sql "SELECT name, deadline, cap, outside_ok FROM program")" = "中間支援力強化のための伴走支援事業|2026-12-04|5|0" ] &&
	[ "$(sql "SELECT item FROM program_item")" = 活動計画書 ]
'
test_expect_success 'seven organizations in Tokyo and one outside' '
	for m in 千代田区 墨田区 八王子市 小平市 瑞穂町 檜原村 大田区; do
		mado org add --name "${m}社会福祉協議会" --type council --municipality $m >/dev/null || exit 1
	done &&
	mado org add --name "川崎市社会福祉協議会" --type council --municipality 東京都外 >/dev/null &&
	[ "$(sql "SELECT count(*) FROM organization")" = 8 ]
'
test_expect_success 'applications from six organizations, with their checklists' '
	for o in 1 2 3 4 5 6; do
		mado application add --program 1 --org $o --received 2026-11-20 --status applied >/dev/null || exit 1
	done &&
	[ "$(sql "SELECT count(*) FROM application")" = 6 ] &&
	[ "$(sql "SELECT group_concat(item) FROM (SELECT item FROM application_item WHERE application_id = 1 ORDER BY item)")" = "form_email,papers_post,活動計画書" ]
'
test_expect_code 1 'an organization outside Tokyo cannot apply' '
	mado application add --program 1 --org 川崎市社会福祉協議会 2>"$TEST_DIR/err"
'
test_expect_success 'the refusal says why, and nothing was stored' '
	grep_out "outside Tokyo" <"$TEST_DIR/err" &&
	grep_out "川崎市社会福祉協議会" <"$TEST_DIR/err" &&
	[ "$(sql "SELECT count(*) FROM application")" = 6 ]
'
test_expect_success 'an organization outside Tokyo may still make an inquiry' '
	mado inquiry add --channel phone --org 8 --topic other --summary "申込できるか" >/dev/null
'
test_expect_success 'a program that allows it takes applications from outside Tokyo' '
	mado program add --name "全国公開講座" --outside-ok >/dev/null &&
	mado application add --program 全国公開講座 --org 8 >/dev/null
'
test_expect_code 1 'the same organization cannot apply twice' '
	mado application add --program 1 --org 1
'
test_expect_success 'select five: the cap' '
	for a in 1 2 3 4 5; do mado application status $a selected >/dev/null || exit 1; done &&
	[ "$(selected)" = 5 ] &&
	mado program show 1 | grep_out "5 of 5 (cap)"
'
test_expect_success 'remember the state before the sixth' '
	sql "SELECT id, status, updated_at FROM application ORDER BY id" >"$TEST_DIR/before" &&
	sql "SELECT count(*) FROM audit" >"$TEST_DIR/audit-before"
'
test_expect_code 1 'the sixth selection is refused' '
	mado application status 6 selected 2>"$TEST_DIR/err"
'
test_expect_success 'the refusal names the cap and the selected ones' '
	grep_out "at most 5" <"$TEST_DIR/err" &&
	grep_out "#1 千代田区社会福祉協議会" <"$TEST_DIR/err" &&
	grep_out "#5 瑞穂町社会福祉協議会" <"$TEST_DIR/err"
'
test_expect_success 'and nothing changed' '
	sql "SELECT id, status, updated_at FROM application ORDER BY id" >"$TEST_DIR/after" &&
	test_cmp "$TEST_DIR/before" "$TEST_DIR/after" &&
	sql "SELECT count(*) FROM audit" >"$TEST_DIR/audit-after" &&
	test_cmp "$TEST_DIR/audit-before" "$TEST_DIR/audit-after" &&
	[ "$(selected)" = 5 ]
'
test_expect_code 1 'a new application cannot arrive selected beyond the cap' '
	mado application add --program 1 --org 7 --status selected
'
test_expect_success 'nor was it stored' '
	[ "$(sql "SELECT count(*) FROM application WHERE org_id = 7")" = 0 ]
'
test_expect_success 'after a withdrawal the sixth can be selected' '
	mado application status 2 withdrawn >/dev/null &&
	mado application status 6 selected >/dev/null &&
	[ "$(selected)" = 5 ]
'
test_expect_code 1 'the same status again is refused' 'mado application status 6 selected'
test_expect_code 2 'an unknown status is bad usage' 'mado application status 6 accepted'
test_expect_success 'check off checklist items, dated today' '
	mado application check 6 form_email >/dev/null &&
	mado application check 6 活動計画書 >/dev/null &&
	[ "$(sql "SELECT item, done, done_on FROM application_item WHERE application_id = 6 AND done = 1 ORDER BY item")" = "$(printf "form_email|1|2026-11-24\n活動計画書|1|2026-11-24")" ] &&
	mado application show 6 >"$TEST_DIR/show" &&
	grep_out "[x] form_email (2026-11-24)" <"$TEST_DIR/show" &&
	grep_out "[ ] papers_post" <"$TEST_DIR/show" &&
	grep_out "checklist (2 of 3)" <"$TEST_DIR/show"
'
test_expect_success 'undo a check' '
	mado application check 6 活動計画書 --undo >/dev/null &&
	[ "$(sql "SELECT done, done_on IS NULL FROM application_item WHERE application_id = 6 AND item = '\''活動計画書'\''")" = "0|1" ]
'
test_expect_code 2 'an item not on the checklist is refused, naming the valid ones' '
	mado application check 6 印鑑証明 2>"$TEST_DIR/err";
	rc=$?; grep_out "form_email, papers_post, 活動計画書" <"$TEST_DIR/err" || exit 9; exit $rc
'
test_expect_success 'events of a program' '
	ev=$(mado program event add 1 --title "説明会" --date 2026-12-10 --start 18:30 --end 21:00 \
		--place "3331 Arts Chiyoda" --capacity 50 --reg-deadline 2026-12-03) &&
	[ "$(sql "SELECT title, date, start_min, end_min, capacity, reg_deadline FROM program_event WHERE id = $ev")" = "説明会|2026-12-10|1110|1260|50|2026-12-03" ] &&
	[ -n "$(sql "SELECT uid FROM program_event WHERE id = $ev")" ] &&
	mado program show 1 | grep_out "18:30-21:00 説明会 @ 3331 Arts Chiyoda"
'
test_expect_code 2 'an event that ends before it starts is refused' '
	mado program event add 1 --title x --date 2026-12-10 --start 18:00 --end 17:00
'
test_expect_code 2 'a registration deadline after the event is refused' '
	mado program event add 1 --title x --date 2026-12-10 --reg-deadline 2026-12-11
'
test_expect_success 'program list and application list, plain and TSV' '
	mado program list | grep_out "中間支援力強化のための伴走支援事業" &&
	[ "$(mado program list --tsv | grep "^1	" | cut -f7,8,9)" = "$(printf "5\t6\t5")" ] &&
	[ "$(mado application list --program 1 --status selected --tsv | cut -f1 | tr "\n" " ")" = "1 3 4 5 6 " ] &&
	[ "$(mado application list --tsv | wc -l)" = 7 ]
'
test_expect_code 2 'an unknown program is bad input' 'mado application add --program 存在しない --org 1'
test_done
