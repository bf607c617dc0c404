#!/bin/sh
# inquiry edit: the command behind the inquiry screen's edit (e).
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup' '
	mado init >/dev/null &&
	mado staff add "山田 花子" >/dev/null &&
	mado org add --name "多摩市 高齢支援課" --type municipality --municipality 多摩市 >/dev/null &&
	mado inquiry add --channel phone --topic other --summary "最初の要約" --due 2026-11-27 \
		--received 2026-11-24T09:00 >/dev/null
'

test_expect_success 'fields change; the rest stays' '
	mado inquiry edit 1 --summary "直した要約" --org 1 --contact "田中" --staff "山田 花子" \
		--topic meeting --referred-to "区の福祉課" >"$TEST_DIR/out" &&
	grep_out "inquiry #1 saved" <"$TEST_DIR/out" &&
	[ "$(sql "SELECT summary, org_id, topic, staff_id, referred_to, due_date, received_at, status FROM inquiry")" = \
	  "直した要約|1|meeting|1|区の福祉課|2026-11-27|2026-11-24T09:00|open" ] &&
	[ "$(sql "SELECT name FROM contact WHERE id = (SELECT contact_id FROM inquiry)")" = 田中 ]
'

test_expect_success 'the full-text search finds the new summary, not the old' '
	mado inquiry list --search "直した要約" --tsv | grep -q "^1	" &&
	! mado inquiry list --search "最初の要約" --tsv | grep -q "^1	"
'

test_expect_success 'an empty value clears an optional field' '
	mado inquiry edit 1 --due "" --referred-to "" >/dev/null &&
	[ "$(sql "SELECT due_date IS NULL, referred_to IS NULL FROM inquiry")" = "1|1" ]
'

test_expect_code 2 'a follow-up before the day received is refused' '
	mado inquiry edit 1 --due 2026-11-20
'
test_expect_code 2 'an empty summary is refused' '
	mado inquiry edit 1 --summary ""
'
test_expect_code 2 'a received time in the future is refused' '
	mado inquiry edit 1 --received 2026-12-01T10:00
'
test_expect_code 2 'nothing to change is bad usage' '
	mado inquiry edit 1
'
test_expect_code 2 'control characters are refused' '
	mado inquiry edit 1 --summary "$(printf "a\033[2Jb")"
'
test_expect_success 'after the refusals the record is as it was' '
	[ "$(sql "SELECT summary, due_date IS NULL FROM inquiry")" = "直した要約|1" ]
'
test_expect_code 2 'an unknown inquiry' '
	mado inquiry edit 99 --summary x
'
test_expect_success 'an edit that changes nothing writes nothing (no audit row)' '
	n=$(sql "SELECT count(*) FROM audit") &&
	mado inquiry edit 1 --summary "直した要約" --topic meeting --org 1 --contact 田中 >"$TEST_DIR/out" &&
	grep_out "inquiry #1 unchanged" <"$TEST_DIR/out" &&
	[ "$(sql "SELECT count(*) FROM audit")" = "$n" ]
'
test_expect_success 'staff by a unique part of the name, status with the edit' '
	mado inquiry edit 1 --staff 山田 --status waiting >/dev/null &&
	[ "$(sql "SELECT staff_id, status FROM inquiry")" = "1|waiting" ]
'
test_expect_code 2 'a topic outside the menu is refused on edit too' '
	mado inquiry edit 1 --topic 申込
'

test_done
