#!/bin/sh
# Start-up loads only what every command needs (issue 17): the program
# does not link cairo, pango, harfbuzz, fontconfig, freetype, glib or X11;
# the PDF renderer is a plugin beside it (madoguchi-pdf.so) that only a
# PDF print loads.  Without the plugin, a PDF print says what is missing
# and how to do without, and everything else works.
. "$(dirname "$0")/../lib.sh"

export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$SRC_DIR/tests/ical/lsan-cairo.supp"
PDF_LIBS='libcairo|libpango|libharfbuzz|libfontconfig|libfreetype|libglib|libgobject|libX11|libxcb|libpixman|libpng'
BIN_DIR=$(dirname "$MADOGUCHI_BIN")

test_expect_success 'the program links none of the PDF libraries' '
	ldd "$MADOGUCHI_BIN" >"$TEST_DIR/ldd" &&
	grep -q libsqlite3 "$TEST_DIR/ldd" &&
	! grep -E "$PDF_LIBS" "$TEST_DIR/ldd" &&
	if [ -n "${MADOGUCHI_PLAIN_BIN:-}" ]; then ! ldd "$MADOGUCHI_PLAIN_BIN" | grep -E "$PDF_LIBS"; fi
'
test_expect_success 'the PDF renderer is a plugin beside it that links them' '
	[ -f "$BIN_DIR/madoguchi-pdf.so" ] &&
	ldd "$BIN_DIR/madoguchi-pdf.so" | grep -q libcairo &&
	ldd "$BIN_DIR/madoguchi-pdf.so" | grep -q libpangocairo
'
test_expect_success 'a command that prints no PDF loads none of them' '
	mado demo >/dev/null &&
	LD_DEBUG=files mado day --date 2026-11-25 >/dev/null 2>"$TEST_DIR/ld" &&
	grep -q "file=libsqlite3" "$TEST_DIR/ld" &&
	! grep -E "file=($PDF_LIBS)" "$TEST_DIR/ld" &&
	! grep -q "madoguchi-pdf" "$TEST_DIR/ld" &&
	LD_DEBUG=files mado print --date 2026-11-25 -o "$TEST_DIR/day.txt" >/dev/null 2>"$TEST_DIR/ld2" &&
	! grep -E "file=($PDF_LIBS)" "$TEST_DIR/ld2"
'
test_expect_success 'a PDF print loads the plugin and writes the PDF' '
	LD_DEBUG=files mado print --date 2026-11-25 --format pdf -o "$TEST_DIR/day.pdf" 2>"$TEST_DIR/ld3" &&
	grep -q "madoguchi-pdf.so" "$TEST_DIR/ld3" &&
	grep -q "file=libcairo" "$TEST_DIR/ld3" &&
	[ "$(head -c 5 "$TEST_DIR/day.pdf")" = "%PDF-" ]
'
# A copy of the program in a folder of its own, without the plugin (an
# installed plugin, if this machine has one, would be found: then only
# the text print is checked).
test_expect_success 'without the plugin a PDF print says what is missing and how to do without' '
	mkdir "$TEST_DIR/alone" && cp "$MADOGUCHI_BIN" "$TEST_DIR/alone/madoguchi" &&
	{ "$TEST_DIR/alone/madoguchi" print --date 2026-11-25 --format pdf -o "$TEST_DIR/x.pdf" \
		>"$TEST_DIR/out" 2>&1; echo $? >"$TEST_DIR/rc"; } &&
	if grep -q "could not be loaded" "$TEST_DIR/out"; then
		echo "# $(cat "$TEST_DIR/out")" &&
		[ "$(cat "$TEST_DIR/rc")" = 2 ] &&
		grep_out "madoguchi-pdf.so" <"$TEST_DIR/out" &&
		grep_out "$TEST_DIR/alone/madoguchi-pdf.so" <"$TEST_DIR/out" &&
		grep_out "format text" <"$TEST_DIR/out" &&
		[ ! -e "$TEST_DIR/x.pdf" ]
	else
		echo "# an installed plugin was found: $(cat "$TEST_DIR/out")"
	fi &&
	"$TEST_DIR/alone/madoguchi" print --date 2026-11-25 -o "$TEST_DIR/alone.txt" &&
	grep -q "2026-11-25" "$TEST_DIR/alone.txt" &&
	"$TEST_DIR/alone/madoguchi" day --date 2026-11-25 >/dev/null
'
test_done
