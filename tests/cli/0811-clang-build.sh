#!/bin/sh
# `make fuzz` builds with Debian 12's clang 14, which is stricter than
# gcc in places (a declaration right after a case label): every source
# file and every fuzz harness must compile with it, as C17.
. "$(dirname "$0")/../lib.sh"

PKGS="ncursesw formw menuw panelw sqlite3 libical pangocairo"
flags="-std=c17 -D_GNU_SOURCE -Isrc -I$MADOGUCHI_BUILD/gen -Itests/fuzz $(pkg-config --cflags $PKGS)"
flags="$flags -DMADO_DATADIR=\"/x\" -DMADO_LOCALEDIR=\"/x\""

test_expect_success 'clang is the Debian clang' '
	clang --version | grep -q "^Debian clang version"
'
test_expect_success 'every source file and fuzz harness compiles with clang' '
	cd "$SRC_DIR" && fails=0 &&
	for f in src/*.c src/*/*.c tests/fuzz/*.c; do
		# shellcheck disable=SC2086
		clang $flags -fsyntax-only "$f" 2>>"$TEST_DIR/clang.log" || { echo "clang rejects $f"; fails=1; }
	done;
	[ $fails = 0 ] || { head -20 "$TEST_DIR/clang.log"; exit 1; }
'
test_expect_success 'the check does notice a source clang rejects' '
	printf "int f(int x) { switch (x) { case 1: int y = 2; return y; } return 0; }\n" >"$TEST_DIR/bad.c" &&
	! clang -std=c17 -fsyntax-only "$TEST_DIR/bad.c" 2>/dev/null
'
test_done
