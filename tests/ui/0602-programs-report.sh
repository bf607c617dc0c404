#!/bin/sh
# Programs on screen: the selection cap and the outside-Tokyo rule
# refuse in the status line and change nothing; Space ticks a checklist
# item; the deadlines screen counts days; the report screen shows the
# counts of a database built here.
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup' '
	mado init >/dev/null &&
	mado staff add "山田 花子" >/dev/null &&
	mado org add --name "多摩市 高齢支援課" --type municipality --municipality 多摩市 >/dev/null &&
	mado org add --name "清瀬市社会福祉協議会" --type council --municipality 清瀬市 >/dev/null &&
	mado org add --name "川崎ささえあいネット" --kana "かわさきささえあい" --type local \
		--municipality 東京都外 >/dev/null &&
	mado program add --name "伴走支援テスト事業" --deadline 2026-11-30 --cap 1 \
		--desk-from 2026-11-01 --desk-to 2026-11-30 >/dev/null &&
	mado application add --program 1 --org 1 --status applied --received 2026-11-10 >/dev/null &&
	mado application add --program 1 --org 2 --status applied --received 2026-11-12 >/dev/null
'

ui_start
test_expect_success 'P lists the program with its cap; Enter opens it' '
	ui_keys P && ui_wait "Programs: 1" &&
	row_of "伴走支援テスト事業" | grep -qF "0/1" &&
	ui_keys Enter && ui_wait "Selected 0 of a cap of 1" &&
	ui_screen | grep -qF "多摩市 高齢支援課" && ui_screen | grep -qF "清瀬市社会福祉協議会"
'

test_expect_success 's selects the first application within the cap' '
	ui_keys s && ui_wait "Application status" && ui_keys Right Right Enter &&
	ui_wait "Application #1 is now selected" && ui_wait "Selected 1 of a cap of 1" &&
	sql_is "SELECT status FROM application WHERE id = 1" selected
'

test_expect_success 'selecting the second beyond the cap is refused in the status line' '
	ui_keys Down Down Down && ui_keys s && ui_wait "Application status" &&
	ui_keys Right Right Enter &&
	ui_wait "Refused: 伴走支援テスト事業 selects at most 1 (its cap)" &&
	sql_is "SELECT status FROM application WHERE id = 2" applied
'

test_expect_success 'an organization outside Tokyo cannot apply: refused on screen' '
	ui_keys u && ui_wait "Organization (name, reading or #id)" &&
	ui_type "かわさき" && ui_keys Enter &&
	ui_wait "Refused: 川崎ささえあいネット is outside Tokyo" &&
	sql_is "SELECT count(*) FROM application" 2
'

test_expect_success 'Space ticks the checklist item under the cursor' '
	ui_keys Down && ui_keys Space && ui_wait "#2: form by e-mail ticked" &&
	ui_wait "[x] form by e-mail  2026-11-24" &&
	sql_is "SELECT done FROM application_item WHERE application_id = 2 AND item = '\''form_email'\''" 1
'

test_expect_success 'the deadlines screen counts calendar and desk days' '
	ui_keys E && ui_wait "Deadlines of the next" &&
	row_of "伴走支援テスト事業" | grep -q "2026-11-30 Mon  *+6  *+4  application"
'
ui_stop
sleep 0.2

test_expect_success 'a month of records for the report' '
	for r in 2026-11-02T10:00 2026-11-05T11:00 2026-11-20T15:00; do
		mado inquiry add --channel phone --topic meeting --org 1 --summary "電話" --received $r >/dev/null || return 1
	done &&
	mado inquiry add --channel email --topic other --org 2 --summary "メール" --received 2026-11-06T09:00 >/dev/null &&
	mado inquiry add --channel post --topic other --summary "郵送" --received 2026-10-30T09:00 >/dev/null &&
	mado book --date 2026-11-25 --start 10:00 --channel phone --org 1 --topic meeting >/dev/null &&
	mado book --date 2026-11-26 --start 11:00 --channel visit --org 2 --topic plan >/dev/null
'

# "label  inquiries  appointments" as the screen shows a row
counts_of() {
	ui_screen | grep -E -- "^ *$1 " | head -n 1 | awk "{print \$(NF-1), \$NF}"
}

ui_start
test_expect_success 'R shows this month: totals and the counts by channel' '
	ui_keys R && ui_wait "Report for 2026-11" &&
	[ "$(counts_of Total)" = "4 2" ] &&
	[ "$(counts_of phone)" = "3 1" ] &&
	[ "$(counts_of e-mail)" = "1 0" ] &&
	[ "$(counts_of visit)" = "0 1" ] &&
	! ui_screen | grep -qE "^ *post "
'

test_expect_success 'the screen agrees with the command line report' '
	mado report --month 2026-11 --csv >csv &&
	grep -q "^total,.*,4,2" csv
'

test_expect_success 'p goes to the month before, y to the year' '
	ui_keys p && ui_wait "Report for 2026-10" &&
	[ "$(counts_of Total)" = "1 0" ] && [ "$(counts_of post)" = "1 0" ] &&
	ui_keys y && ui_wait "Report for 2026 " && [ "$(counts_of Total)" = "5 2" ]
'

test_expect_success 'by municipality the counts follow the organizations' '
	ui_keys y y && ui_wait "Report for 2026-10" && ui_keys n && ui_wait "Report for 2026-11" &&
	ui_keys Down Down Down Down Down Down Down Down Down Down Down Down &&
	ui_wait "By municipality" &&
	[ "$(counts_of 多摩市)" = "3 1" ] && [ "$(counts_of 清瀬市)" = "1 1" ]
'
ui_stop

test_done
