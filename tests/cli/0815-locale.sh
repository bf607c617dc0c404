#!/bin/sh
# Japanese survives any locale.  Under LANG=C (cron, systemd) the CLI
# output, TSV, printouts and calendars are UTF-8 with the Japanese
# intact (they once became U+FFFD with exit 0); a terminal in a
# non-UTF-8 locale gets its own character set (ja_JP.eucJP), or, where
# the set cannot hold Japanese, one message saying why.
. "$(dirname "$0")/../lib.sh"

FFFD=$(printf '\357\277\275')
test_expect_success 'a demo desk' 'mado demo >/dev/null'
mado day --date 2026-11-24 >"$TEST_DIR/day.utf8"
for loc in C POSIX; do
	test_expect_success "LC_ALL=$loc: day shows the same Japanese as in C.UTF-8" '
		LC_ALL=$loc LANG=$loc mado day --date 2026-11-24 >"$TEST_DIR/day.$loc" &&
		test_cmp "$TEST_DIR/day.utf8" "$TEST_DIR/day.$loc"
	'
	test_expect_success "LC_ALL=$loc: TSV, org list, inquiry list keep Japanese, no U+FFFD" '
		LC_ALL=$loc mado day --date 2026-11-24 --tsv >"$TEST_DIR/o1" &&
		LC_ALL=$loc mado org list >"$TEST_DIR/o2" && LC_ALL=$loc mado inquiry list >"$TEST_DIR/o3" &&
		cat "$TEST_DIR/o1" "$TEST_DIR/o2" "$TEST_DIR/o3" >"$TEST_DIR/all" &&
		! grep -q "$FFFD" "$TEST_DIR/all" && grep -q "太壱みまもりネットワーク" "$TEST_DIR/all" &&
		iconv -f UTF-8 -t UTF-8 "$TEST_DIR/all" >/dev/null
	'
	test_expect_success "LC_ALL=$loc: the text printout and the calendar are UTF-8 Japanese" '
		LC_ALL=$loc mado print --date 2026-11-24 --format text -o "$TEST_DIR/p.txt" &&
		LC_ALL=$loc mado export -o "$TEST_DIR/c.ics" 2>/dev/null &&
		! grep -q "$FFFD" "$TEST_DIR/p.txt" "$TEST_DIR/c.ics" &&
		grep -q "太壱" "$TEST_DIR/p.txt" && grep -q "太壱" "$TEST_DIR/c.ics"
	'
done
test_expect_success 'LC_ALL=C to a pipe: no message about the locale' '
	LC_ALL=C mado day --date 2026-11-24 2>"$TEST_DIR/err" >/dev/null && [ ! -s "$TEST_DIR/err" ]
'
test_expect_success 'LC_ALL=C on a terminal: UTF-8, and one message saying why' '
	LC_ALL=C script -qec "\"$MADOGUCHI_BIN\" day --date 2026-11-24" /dev/null >"$TEST_DIR/tty" &&
	[ "$(grep -c "cannot show Japanese" "$TEST_DIR/tty")" = 1 ] &&
	grep -q "太壱みまもりネットワーク" "$TEST_DIR/tty"
'
# a private ja_JP.eucJP (no root needed: LOCPATH)
mkdir -p "$TEST_DIR/loc"
if localedef -i ja_JP -f EUC-JP "$TEST_DIR/loc/ja_JP.eucJP" >/dev/null 2>&1 ||
	[ -f "$TEST_DIR/loc/ja_JP.eucJP/LC_CTYPE" ]; then
	test_expect_success 'ja_JP.eucJP on a terminal: the output is EUC-JP' '
		LOCPATH="$TEST_DIR/loc" LC_ALL=ja_JP.eucJP script -qec "\"$MADOGUCHI_BIN\" day --date 2026-11-24" /dev/null >"$TEST_DIR/euc" &&
		iconv -f EUC-JP -t UTF-8 "$TEST_DIR/euc" >"$TEST_DIR/euc.utf8" &&
		grep -q "太壱みまもりネットワーク" "$TEST_DIR/euc.utf8" && grep -q "2026-11-24(火)" "$TEST_DIR/euc.utf8" &&
		! grep -q "太壱" "$TEST_DIR/euc"
	'
	test_expect_success 'ja_JP.eucJP into a file: UTF-8' '
		LOCPATH="$TEST_DIR/loc" LC_ALL=ja_JP.eucJP mado day --date 2026-11-24 >"$TEST_DIR/euc-file" &&
		grep -q "太壱みまもりネットワーク" "$TEST_DIR/euc-file" && grep -q "2026-11-24(火)" "$TEST_DIR/euc-file"
	'
else
	test_expect_success 'localedef makes a ja_JP.eucJP locale' 'false'
fi
test_done
