#!/bin/sh
# org add through core's org_request: every refusal names its field,
# exits 2 and leaves nothing behind; a missing id is a clear exit 2.
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup' '
	mado init >/dev/null
'
test_expect_success 'org add stores what was typed, trimmed' '
	mado org add --name " 大地ネット " --kana だいちねっと --type 地域福祉の担い手団体 \
		--municipality 中野区 --phone 03-1234-5678 >"$TEST_DIR/out" &&
	[ "$(cat "$TEST_DIR/out")" = 1 ] &&
	[ "$(sql "SELECT name, type, municipality, phone FROM organization")" = "大地ネット|local|中野区|03-1234-5678" ]
'
test_expect_code 2 'an unknown type is refused' '
	mado org add --name a --type company --municipality 中野区 2>"$TEST_DIR/err"
'
test_expect_success '... naming the field and the choices' '
	grep_out "type: '\''company'\'' is not one of municipality, council" <"$TEST_DIR/err"
'
test_expect_code 2 'a municipality outside the 62 is refused' '
	mado org add --name a --type local --municipality 横浜市 2>"$TEST_DIR/err"
'
test_expect_success '... saying how to write one outside Tokyo' '
	grep_out "東京都外" <"$TEST_DIR/err"
'
test_expect_code 2 'an e-mail with a control character is refused' '
	mado org add --name a --type local --municipality 中野区 --email "$(printf "a\033b")"
'
test_expect_success 'the refusals left nothing behind' '
	[ "$(sql "SELECT count(*) FROM organization")" = 1 ]
'
test_expect_code 2 'org show of a missing id' '
	mado org show 99 2>"$TEST_DIR/err"
'
test_expect_success '... says so' '
	grep_out "no organization #99" <"$TEST_DIR/err"
'
test_done
