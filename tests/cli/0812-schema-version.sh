#!/bin/sh
# A database whose PRAGMA user_version is no version madoguchi writes
# (negative, or newer than this program) is refused and left byte for
# byte as it was; a negative one once indexed the migrations array out
# of bounds (UBSan; a segfault at -100000).
. "$(dirname "$0")/../lib.sh"

test_expect_success 'a desk' 'mado init >/dev/null && mado staff add 山田'
for v in -1 -4 -100000 -2147483648 2147483647 99; do
	test_expect_code 3 "user_version $v is refused" '
		cp "$MADOGUCHI_DB" "$TEST_DIR/v.db" &&
		sqlite3 "$TEST_DIR/v.db" "PRAGMA user_version = $v" &&
		sum=$(sha256sum <"$TEST_DIR/v.db") &&
		mado --db "$TEST_DIR/v.db" staff list 2>"$TEST_DIR/err"; rc=$?
		cat "$TEST_DIR/err"
		grep -q "not touched" "$TEST_DIR/err" || exit 9
		[ "$(sha256sum <"$TEST_DIR/v.db")" = "$sum" ] || { echo "the file changed"; exit 8; }
		[ ! -e "$TEST_DIR/v.db-wal" ] || { echo "a -wal appeared"; exit 7; }
		exit $rc
	'
	test_expect_code 3 "user_version $v: the desk refuses it too (no crash)" '
		TERM=xterm script -qec "\"$MADOGUCHI_BIN\" --db \"$TEST_DIR/v.db\"" /dev/null >"$TEST_DIR/tty" 2>&1 </dev/null; rc=$?
		grep -q "not touched\|newer madoguchi" "$TEST_DIR/tty" || { cat "$TEST_DIR/tty"; exit 9; }; exit $rc
	'
	test_expect_code 3 "user_version $v: restore refuses the copy" '
		mado restore "$TEST_DIR/v.db"
	'
done
test_expect_success 'the desk itself is unchanged and fine' '
	mado check | grep -q "^ok" && mado staff list | grep -q 山田
'
test_done
