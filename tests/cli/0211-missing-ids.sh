#!/bin/sh
# A missing id, on every command that takes one, is a clear message and
# exit 2 (bad input), never a crash and never a database error.
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup: one program, nothing else' '
	mado init >/dev/null &&
	mado program add --name 公開講座 >/dev/null
'

# missing ID-WORD EXPECTED-MESSAGE COMMAND...
missing() {
	msg=$1
	shift
	test_expect_code 2 "$* (missing)" "mado $* 2>\"\$TEST_DIR/err\""
	test_expect_success "... says: $msg" "grep_out \"$msg\" <\"\$TEST_DIR/err\""
}

missing "no organization #99" org show 99
missing "no inquiry #99" inquiry show 99
missing "no inquiry #99" inquiry note 99 メモ
missing "no inquiry #99" inquiry edit 99 --summary x
missing "no inquiry #99" inquiry status 99 closed
missing "no inquiry #99" inquiry close 99
missing "no inquiry #99" inquiry book 99 --date 2026-11-25 --start 10:00
missing "no inquiry #99" inquiry apply 99 --program 1
missing "no program #99" program show 99
missing "no application #99" application show 99
missing "no application #99" application status 99 applied
missing "no application #99" application check 99 申込書
missing "'x' is not an id" inquiry show x

test_expect_success 'nothing was written' '
	[ "$(sql "SELECT count(*) FROM inquiry") $(sql "SELECT count(*) FROM application")" = "0 0" ]
'
test_done
