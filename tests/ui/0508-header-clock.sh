#!/bin/sh
# The header clock follows the minute without a keypress (issue 14,
# item 11).  MADOGUCHI_NOW with a trailing + starts the clock at that
# moment and lets it run, so the test sees 10:15 turn into 10:16.
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup' 'mado init >/dev/null'

MADOGUCHI_NOW=2026-11-24T10:15:57+
ui_start

test_expect_success 'the header shows 10:15 at start' '
	ui_wait "now 10:15" &&
	ui_screen | head -n 1 >actual &&
	echo " Desk  2026-11-24 (Tue)  Day schedule               now 10:15  Menu F9  Help F1" >expect &&
	test_cmp expect actual
'

test_expect_success 'and 10:16 a few seconds later, with no key pressed' '
	ui_wait "now 10:16" 8 &&
	ui_screen | head -n 1 >actual &&
	echo " Desk  2026-11-24 (Tue)  Day schedule               now 10:16  Menu F9  Help F1" >expect &&
	test_cmp expect actual
'

test_expect_success 'a pin without + stays where it was put' '
	MADOGUCHI_NOW=2026-11-24T10:15:58 mado day >/dev/null &&
	! MADOGUCHI_NOW=2026-11-24T10:15:58++ mado day 2>/dev/null
'
test_done
