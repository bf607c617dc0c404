#!/bin/sh
# The fuzz harnesses (tests/fuzz/) without libFuzzer: each replays its
# seed corpus and every input that once crashed it (tests/fuzz/crashes/)
# under the sanitizers of this build.  `make fuzz` does the fuzzing.
. "$(dirname "$0")/../lib.sh"
for t in text config cli dbopen formdef ical_import; do
	bin="$MADOGUCHI_BUILD/tests/fuzz/replay_$t"
	if [ ! -x "$bin" ]; then
		echo "# skipped $t: $bin not built (its module is missing)"
		continue
	fi
	test_expect_success "fuzz harness $t replays its corpus and past crashes" '
		"$bin" "$SRC_DIR/tests/fuzz/corpus/$t" "$SRC_DIR/tests/fuzz/crashes/$t" >"$TEST_DIR/$t.out" 2>&1 ||
			{ tail -30 "$TEST_DIR/$t.out"; exit 1; }
		grep -q "replayed [1-9]" "$TEST_DIR/$t.out"
	'
done
test_expect_success 'an input that makes a harness fail is noticed' '
	printf "x" >"$TEST_DIR/in" &&
	! MADOGUCHI_BIN=/nonexistent "$MADOGUCHI_BUILD/tests/fuzz/replay_text" "$TEST_DIR/missing-file" 2>/dev/null
'
test_done
