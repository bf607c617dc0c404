#!/bin/sh
# Every coming deadline by date, with days left in calendar days and in
# desk days, over a weekend, a national holiday (2026-11-23 勤労感謝の日),
# the desk's own closed days and the year-end closing.
. "$(dirname "$0")/../lib.sh"
export MADOGUCHI_NOW=2026-11-20T10:00	# a Friday

test_expect_success 'set up programs, applications, inquiries and an event' '
	mado init >/dev/null &&
	mado org add --name "小平市社会福祉協議会" --type council --municipality 小平市 >/dev/null &&
	mado org add --name "大田区社会福祉協議会" --type council --municipality 大田区 >/dev/null &&
	mado program add --name "伴走支援事業" --deadline 2026-11-24 --cap 5 >/dev/null &&
	mado program add --name "次年度募集" --deadline 2027-01-05 >/dev/null &&
	mado program add --name "終了した募集" --deadline 2026-11-19 >/dev/null &&
	app=$(mado application add --program 伴走支援事業 --org 1 --status applied) &&
	mado application check $app form_email >/dev/null &&
	mado application add --program 伴走支援事業 --org 2 --status selected >/dev/null &&
	mado application add --program 終了した募集 --org 1 >/dev/null &&
	mado inquiry add --channel phone --org 1 --topic other --summary "折り返し A" --due 2026-11-25 >/dev/null &&
	mado inquiry add --channel phone --org 1 --topic other --summary "折り返し B" --due 2026-11-18 \
		--received 2026-11-17T10:00 >/dev/null &&
	mado inquiry add --channel phone --topic other --summary "完了済み C" --due 2026-11-19 \
		--received 2026-11-17T11:00 --status closed >/dev/null &&
	mado inquiry add --channel email --topic other --summary "回答待ち D" --due 2026-11-30 \
		--status waiting >/dev/null &&
	mado program event add 伴走支援事業 --title "説明会" --date 2026-12-02 --reg-deadline 2026-11-26 >/dev/null
'
test_expect_success 'deadlines in date order with calendar and desk days' '
	mado deadlines --tsv | cut -f1-5 >"$TEST_DIR/got" &&
	cat >"$TEST_DIR/want" <<-EOF &&
	2026-11-18	follow_up	-2	-2	1
	2026-11-24	program	4	1	0
	2026-11-24	document	4	1	0
	2026-11-25	follow_up	5	2	0
	2026-11-26	event_registration	6	3	0
	2026-11-30	follow_up	10	5	0
	EOF
	test_cmp "$TEST_DIR/want" "$TEST_DIR/got"
'
test_expect_success 'the rows name what is due' '
	mado deadlines --tsv >"$TEST_DIR/tsv" &&
	[ "$(sed -n 1p "$TEST_DIR/tsv" | cut -f8)" = "折り返し B" ] &&
	[ "$(sed -n 2p "$TEST_DIR/tsv" | cut -f8)" = "伴走支援事業" ] &&
	sed -n 3p "$TEST_DIR/tsv" | cut -f9 | grep_out "papers_post missing" &&
	[ "$(sed -n 5p "$TEST_DIR/tsv" | cut -f8)" = "説明会" ] &&
	[ "$(sed -n 6p "$TEST_DIR/tsv" | cut -f8)" = "回答待ち D" ]
'
test_expect_success 'for people: overdue marked first, desk days shown' '
	mado deadlines >"$TEST_DIR/out" &&
	head -n 1 "$TEST_DIR/out" | grep -q "^! 2026-11-18(Wed) 2 days overdue (2 desk days)" &&
	grep_out "2026-11-24(Tue) 4 days (1 desk day)" <"$TEST_DIR/out" &&
	[ "$(grep -c "^!" "$TEST_DIR/out")" = 1 ]
'
test_expect_success '--within narrows the window; overdue follow-ups stay' '
	[ "$(mado deadlines --within 3 --tsv | cut -f1,2 | tr "\t\n" ", ")" = "2026-11-18,follow_up " ]
'
test_expect_success 'a longer window crosses the year-end closing' '
	[ "$(mado deadlines --within 60 --tsv | tail -n 1 | cut -f1-4)" = "$(printf "2027-01-05\tprogram\t46\t27")" ]
'
test_expect_success 'the desk s own closed day counts too' '
	mado closed add 2026-11-26 "研修日" &&
	[ "$(mado deadlines --tsv | grep event_registration | cut -f3,4)" = "$(printf "6\t2")" ] &&
	[ "$(mado deadlines --tsv | tail -n 1 | cut -f3,4)" = "$(printf "10\t4")" ]
'
test_expect_success 'checking the last document removes it from the list' '
	mado application check 1 papers_post >/dev/null &&
	[ "$(mado deadlines --tsv | grep -c document)" = 0 ]
'
test_expect_success 'as the clock moves past the deadline, it is no longer coming' '
	[ "$(MADOGUCHI_NOW=2026-11-25T09:00 mado deadlines --tsv | grep -c program)" = 0 ] &&
	[ "$(MADOGUCHI_NOW=2026-11-26T09:00 mado deadlines --tsv | grep follow_up | cut -f1,3,5 | head -n 2 | tr "\t\n" ", ")" = "2026-11-18,-8,1 2026-11-25,-1,1 " ]
'
test_expect_code 2 'a bad window is bad usage' 'mado deadlines --within -1'
test_done
