#!/bin/sh
# An id that names no record, on every appointment command that takes
# one: a clear message and exit 2, never a crash (`move 9999` once freed
# a struct it had never filled; make check runs this under ASan).
. "$(dirname "$0")/../lib.sh"

mado demo >/dev/null
audit=$(sql "SELECT count(*) FROM audit")

for cmd in "move 9999 --date 2026-11-25 --start 10:00" "edit 9999 --note x" "show 9999" \
	"cancel 9999" "done 9999" "no-show 9999" "rebook 9999"; do
	# shellcheck disable=SC2086
	test_expect_code 2 "$cmd: no such appointment" '
		mado '"$cmd"' 2>"$TEST_DIR/err"; rc=$?
		grep_out "no appointment #9999" <"$TEST_DIR/err" || exit 99; exit $rc
	'
done
test_expect_code 2 'book --org with a missing id' '
	mado book --date 2026-11-25 --start 10:00 --channel phone --org 9999 2>"$TEST_DIR/err"; rc=$?
	grep_out "there is no organization #9999" <"$TEST_DIR/err" || exit 99; exit $rc
'
test_expect_code 2 'book --staff with a missing id' '
	mado book --date 2026-11-25 --start 10:00 --channel phone --org 1 --staff 9999 2>"$TEST_DIR/err"; rc=$?
	grep_out "there is no staff member #9999" <"$TEST_DIR/err" || exit 99; exit $rc
'
test_expect_code 2 'book --inquiry with a missing id' '
	mado book --date 2026-11-25 --start 10:00 --channel phone --org 1 --inquiry 9999 2>"$TEST_DIR/err"; rc=$?
	grep_out "there is no inquiry #9999" <"$TEST_DIR/err" || exit 99; exit $rc
'
test_expect_code 2 'inquiry book with a missing inquiry' '
	mado inquiry book 9999 --date 2026-11-25 --start 10:00 2>"$TEST_DIR/err"; rc=$?
	grep_out "there is no inquiry #9999" <"$TEST_DIR/err" || exit 99; exit $rc
'
test_expect_code 2 'an id that is not a number' '
	mado move abc --date 2026-11-25 --start 10:00 2>"$TEST_DIR/err"; rc=$?
	grep_out "is not an id" <"$TEST_DIR/err" || exit 99; exit $rc
'
test_expect_success '... and nothing was written by any of them' '
	[ "$(sql "SELECT count(*) FROM audit")" = "$audit" ]
'
test_done
