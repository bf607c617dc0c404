#!/bin/sh
# The monthly and yearly report against a database built here: exact
# counts by channel, organization type, municipality, topic and status,
# the month's edges, and CSV that a CSV reader parses back.
. "$(dirname "$0")/../lib.sh"

# Write a topic as stored before the support menu (free text), past the
# program's SQL functions that the triggers call.
sql_old() {
	sqlite3 -batch -cmd ".dbconfig enable_trigger off" "$MADOGUCHI_DB" "$1" >/dev/null
}

test_expect_success 'organizations, inquiries around October and appointments in it' '
	mado init >/dev/null &&
	mado org add --name "小平市 地域包括ケア推進課" --type municipality --municipality 小平市 >/dev/null &&
	mado org add --name "大田区社会福祉協議会" --type council --municipality 大田区 >/dev/null &&
	mado org add --name "太壱みまもりネットワーク" --type local --municipality 墨田区 >/dev/null &&
	mado org add --name "川崎市社会福祉協議会" --type council --municipality 東京都外 >/dev/null &&
	mado inquiry add --channel phone --org 1 --topic plan --summary i1 --received 2026-10-01T09:00 >/dev/null &&
	mado inquiry add --channel email --org 2 --topic meeting --summary i2 --received 2026-10-15T14:00 --status waiting >/dev/null &&
	mado inquiry add --channel phone --org 4 --topic other --summary i3 --received 2026-10-31T23:59 --status closed >/dev/null &&
	mado inquiry add --channel post --topic other --summary i4 --received 2026-10-20T10:00 >/dev/null &&
	mado inquiry add --channel phone --org 1 --topic plan --summary i5 --received 2026-11-01T00:00 >/dev/null &&
	mado inquiry add --channel visit --org 3 --topic plan --summary i6 --received 2026-09-30T23:59 >/dev/null &&
	mado inquiry add --channel visit --org 3 --topic other --summary i7 --received 2026-10-10T10:00 --status closed >/dev/null &&
	sql_old "UPDATE inquiry SET topic = CASE id WHEN 4 THEN '"'"'相談, \"特別\"'"'"' ELSE '"'"'=SUM(A1)'"'"' END WHERE id IN (4, 7)" &&
	export MADOGUCHI_NOW=2026-09-30T10:00 &&
	mado book --date 2026-10-01 --start 10:00 --channel phone --org 1 --topic plan --topic meeting >/dev/null &&
	a2=$(mado book --date 2026-10-02 --start 11:00 --channel visit --room 相談室A --org 2 --topic workshop) &&
	mado book --date 2026-10-30 --start 14:00 --channel phone --org 3 >/dev/null &&
	mado book --date 2026-11-02 --start 10:00 --channel phone --org 1 >/dev/null &&
	mado cancel "$a2" >/dev/null
'
test_expect_success 'the October CSV has exactly the expected rows' '
	mado report --month 2026-10 --csv >"$TEST_DIR/csv" &&
	cat >"$TEST_DIR/want" <<-\EOF &&
	dimension|value|label|inquiries|appointments
	total|||5|3
	channel|phone|phone|2|2
	channel|email|e-mail|1|0
	channel|visit|visit|1|1
	channel|post|post|1|0
	org_type|municipality|municipality|1|1
	org_type|council|social welfare council|2|1
	org_type|local|local welfare organization|1|1
	org_type||(none)|1|0
	municipality|墨田区|墨田区|1|1
	municipality|大田区|大田区|1|1
	municipality|小平市|小平市|1|1
	municipality|東京都外|東京都外|1|0
	municipality||(none)|1|0
	topic|meeting|meeting support|1|1
	topic|workshop|workshop support|0|1
	topic|plan|plan drafting|1|1
	topic|other|other|1|0
	topic|'"'"'=SUM(A1)|'"'"'=SUM(A1)|1|0
	topic|相談, "特別"|相談, "特別"|1|0
	topic||(none)|0|1
	status|open|open|2|0
	status|waiting|waiting|1|0
	status|closed|closed|2|0
	status|booked|booked|0|2
	status|cancelled|cancelled|0|1
	EOF
	python3 -c "
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline=\"\", encoding=\"utf-8\"), strict=True))
assert all(len(r) == 5 for r in rows), rows
for r in rows: print(\"|\".join(r))
" "$TEST_DIR/csv" >"$TEST_DIR/got" &&
	test_cmp "$TEST_DIR/want" "$TEST_DIR/got"
'
test_expect_success 'CSV is RFC 4180: CRLF line ends, quotes doubled inside quoted fields' '
	[ "$(grep -c "$(printf "\r")\$" "$TEST_DIR/csv")" = "$(wc -l <"$TEST_DIR/csv")" ] &&
	grep -qF "\"相談, \"\"特別\"\"\"" "$TEST_DIR/csv"
'
test_expect_success 'the table for people shows the same numbers' '
	mado report --month 2026-10 >"$TEST_DIR/table" &&
	grep_out "Report 2026-10-01 to 2026-10-31" <"$TEST_DIR/table" &&
	grep -q "^Total  *5  *3\$" "$TEST_DIR/table" &&
	grep -q "^  東京都外  *1  *0\$" "$TEST_DIR/table" &&
	grep -q "^  cancelled  *0  *1\$" "$TEST_DIR/table"
'
test_expect_success 'a year and a fiscal year count everything in them' '
	[ "$(mado report --year 2026 --csv | sed -n 2p)" = "$(printf "total,,,7,4\r")" ] &&
	[ "$(mado report --fiscal-year 2026 --csv | sed -n 2p)" = "$(printf "total,,,7,4\r")" ] &&
	[ "$(mado report --month 2026-11 --csv | sed -n 2p)" = "$(printf "total,,,1,1\r")" ] &&
	[ "$(mado report --year 2025 --csv | sed -n 2p)" = "$(printf "total,,,0,0\r")" ]
'
test_expect_code 2 'a period is required' 'mado report --csv'
test_expect_code 2 'an impossible month is bad usage' 'mado report --month 2026-13'
test_done
