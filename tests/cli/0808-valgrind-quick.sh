#!/bin/sh
# One quick memcheck run of the commands that touch the database file as
# a whole, on the plain build ($MADOGUCHI_PLAIN_BIN, which make check
# builds; valgrind cannot run a sanitized program).  The whole suite
# under valgrind is `make valgrind-check`.
. "$(dirname "$0")/../lib.sh"
bin=${MADOGUCHI_PLAIN_BIN:-$MADOGUCHI_BIN}
if ! command -v valgrind >/dev/null; then
	echo "# skipped: valgrind is not installed (tools/deps.sh check installs it)"
	test_done
fi
if [ ! -x "$bin" ] || grep -q __asan_init "$bin"; then
	echo "# skipped: no plain build to run under valgrind (make check passes MADOGUCHI_PLAIN_BIN)"
	test_done
fi
vg() {
	valgrind -q --error-exitcode=97 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
		--suppressions="$SRC_DIR/tests/robust/valgrind.supp" "$bin" "$@"
}
test_expect_success 'init, staff, organization and a booking under valgrind' '
	vg init >/dev/null && vg staff add 山田 &&
	vg org add --name "墨田区 太壱みまもりネットワーク" --type local --municipality 墨田区 >/dev/null &&
	vg book --date 2026-11-25 --start 10:00 --channel visit --org 1 --staff 山田 \
		--contact "中村 翔" --phone 03-5555-1004 --note "資料持参" >/dev/null
'
test_expect_success 'day, show, move and cancel under valgrind' '
	vg day --date 2026-11-25 >/dev/null && vg show 1 >/dev/null &&
	vg move 1 --date 2026-11-26 --start 11:00 >/dev/null && vg cancel 1 >/dev/null
'
test_expect_success 'backup, check and retention under valgrind' '
	vg backup "$TEST_DIR/b.db" >/dev/null && vg check >/dev/null &&
	vg retention --older-than 30 --dry-run >/dev/null
'
test_expect_success 'restore under valgrind' '
	vg restore "$TEST_DIR/b.db" >/dev/null
'
test_expect_code 3 'a refused command under valgrind exits as it should (3), not 97' '
	vg --db "$TEST_DIR/nodir/x.db" day 2>/dev/null
'
test_done
