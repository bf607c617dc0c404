#!/bin/sh
# A user's CFLAGS replace the optimization only: the language level,
# the warnings and the include paths stay (the Makefile's `override`).
. "$(dirname "$0")/../lib.sh"

flags() {
	make -s -n -C "$SRC_DIR" O="$TEST_DIR/o" "$@" "$TEST_DIR/o/src/util/mem.o" 2>/dev/null | grep -F "src/util/mem.c"
}
test_expect_success 'make CFLAGS=-O0 keeps -std=c17 and the warnings' '
	line=$(flags CFLAGS=-O0) &&
	echo "$line" | grep -qF -- "-O0" &&
	echo "$line" | grep -qF -- "-std=c17 -Wall -Wextra" &&
	echo "$line" | grep -qF -- "-Isrc"
'
test_expect_success 'make CPPFLAGS=-DX keeps the include paths' '
	line=$(flags CPPFLAGS=-DX) &&
	echo "$line" | grep -qF -- "-DX" && echo "$line" | grep -qF -- "-Isrc"
'
test_done
