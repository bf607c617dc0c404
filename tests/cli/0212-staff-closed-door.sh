#!/bin/sh
# staff, closed days and the operator's commands through core: refusals
# name what is wrong, exit 2 (or 1 for a rule) and write nothing.
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup' '
	mado init >/dev/null &&
	[ "$(mado staff add "山田 花子" --kana "やまだ はなこ")" = 1 ]
'
test_expect_code 2 'staff add with a desk that is not general or content' '
	mado staff add 佐藤 --desk reception
'
test_expect_code 2 'staff add with a control character in the name' '
	mado staff add "$(printf "a\033b")"
'
test_expect_success 'staff retire takes a unique part of the name' '
	mado staff retire 山田 &&
	[ "$(sql "SELECT active FROM staff WHERE id = 1")" = 0 ]
'
test_expect_code 1 'retiring a retired member is refused by a rule' '
	mado staff retire "山田 花子" 2>"$TEST_DIR/err"
'
test_expect_success '... saying so' '
	grep_out "山田 花子 is already retired" <"$TEST_DIR/err"
'
test_expect_success 'staff return by id' '
	mado staff return 1 && [ "$(sql "SELECT active FROM staff WHERE id = 1")" = 1 ]
'
test_expect_code 2 'an unknown staff member' '
	mado staff retire 鈴木
'
test_expect_success 'closed add takes date words' '
	mado closed add tomorrow 研修日 &&
	[ "$(sql "SELECT date, reason FROM closed_day")" = "2026-11-25|研修日" ]
'
test_expect_code 2 'closed add of a day that does not exist' '
	mado closed add 2026-02-30 x
'
test_expect_code 2 'closed add with a reason of two lines' '
	mado closed add 2026-11-30 "$(printf "a\nb")"
'
test_expect_success 'closed remove opens the day again' '
	mado closed remove 2026-11-25 && [ "$(sql "SELECT count(*) FROM closed_day")" = 0 ]
'
test_expect_code 2 'closed remove of a day that is not closed' '
	mado closed remove 2026-11-25 2>"$TEST_DIR/err"
'
test_expect_success '... saying so' '
	grep_out "2026-11-25 is not one of the desk'"'"'s own closed days" <"$TEST_DIR/err"
'
test_expect_code 2 'retention with both an age and a date' '
	mado retention --older-than 30 --before 2026-01-01
'
test_expect_success 'backup and check through core' '
	mado backup "$TEST_DIR/copy.db" | grep_out "mode 0600" &&
	mado check | grep_out "passes the integrity check"
'
test_done
