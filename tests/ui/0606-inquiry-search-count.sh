#!/bin/sh
# The inquiry screen's search at a size where the count matters: a
# desk of 1,300 generated inquiries (tests/bench/gen).  On every
# keystroke the screen shows the newest 200 matches and how many match
# in all, counted up to 1,000 ("more than 1000"); under 200 it shows
# them all.  What the screen says is checked against SQLite's own
# count over the stored folded search text, and the first row against
# the newest of the newest 200 hits.
. "$(dirname "$0")/../lib.sh"

GEN=$MADOGUCHI_BUILD/tests/bench/gen
test_expect_success 'a desk of 1,300 inquiries' '
	"$GEN" --db "$MADOGUCHI_DB" --tiny --inquiries 1300 2>"$TEST_DIR/gen.log" &&
	[ "$(sql "SELECT count(*) FROM inquiry")" = 1300 ]
'
hits() { # WORD (folded): how many inquiries hold it
	sql "SELECT count(*) FROM inquiry_search WHERE instr(doc, '$1') > 0"
}
newest() { # WORD: the first row shown: the newest received of the newest 200 entered
	sql "SELECT id FROM inquiry WHERE id IN (SELECT id FROM inquiry_search WHERE instr(doc, '$1') > 0 ORDER BY id DESC LIMIT 200) ORDER BY received_at DESC, id DESC LIMIT 1"
}
title() {
	ui_screen | sed -n 2p | sed 's/ *$//'
}
test_expect_success 'the words: one in more than 1,000, one in 200-1,000, one in fewer' '
	[ "$(hits の)" -gt 1000 ] && [ "$(hits 区)" -gt 200 ] && [ "$(hits 区)" -le 1000 ] &&
	[ "$(hits 助成)" -gt 0 ] && [ "$(hits 助成)" -lt 200 ]
'
test_expect_success 'the command line: --search with --limit gives the newest entered, by receipt' '
	for w in の 区 助成; do
		mado inquiry list --search "$w" --limit 5 --tsv | cut -f1 >"$TEST_DIR/got" &&
		sql "SELECT id FROM inquiry WHERE id IN (SELECT id FROM inquiry_search WHERE instr(doc, '\''$w'\'') > 0 ORDER BY id DESC LIMIT 5) ORDER BY received_at DESC, id DESC" >"$TEST_DIR/want" &&
		[ "$(wc -l <"$TEST_DIR/got")" = 5 ] && test_cmp "$TEST_DIR/want" "$TEST_DIR/got" || exit 1
	done
'

ui_start
test_expect_success 'the inquiry screen, then / to search' '
	ui_wait "Desk" && ui_keys i && ui_wait "Inquiries: the newest 200 of more than 1000" &&
	ui_keys / && ui_wait "Search summaries and notes:"
'
test_expect_success 'more than 1,000 hits: the newest 200 of more than 1000' '
	ui_type "の" && ui_wait "\"の\"" &&
	[ "$(title)" = "Inquiries: the newest 200 of more than 1000 \"の\"" ] &&
	ui_screen | sed -n 4p | grep -q "^. #$(newest の) "
'
test_expect_success '200-1,000 hits: the newest 200 of the exact count' '
	ui_keys BSpace && ui_type "区" && ui_wait "\"区\"" &&
	[ "$(title)" = "Inquiries: the newest 200 of $(hits 区) \"区\"" ] &&
	ui_screen | sed -n 4p | grep -q "^. #$(newest 区) "
'
test_expect_success 'fewer than 200: all of them' '
	ui_keys BSpace && ui_type "助成" && ui_wait "\"助成\"" &&
	[ "$(title)" = "Inquiries: $(hits 助成) \"助成\"" ] &&
	ui_screen | sed -n 4p | grep -q "^. #$(newest 助成) "
'
test_expect_success 'a word found nowhere: none, at once' '
	ui_type "猫" && ui_wait "\"助成猫\"" &&
	[ "$(title)" = "Inquiries: 0 \"助成猫\"" ] &&
	ui_wait "No inquiries."
'
ui_stop
test_done
