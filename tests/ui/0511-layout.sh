#!/bin/sh
# Layout items of issue 14 (item 12), on the demo desk at 80x24: the A
# list opens at today, PgDn in the report stops at the last page, the
# Japanese day title is not 本日の予定 on another date and Japanese
# dates are not zero-padded, two rounds of a program do not show the
# same cut name.  (1 page written: 0551; the panel under the
# grid at 120x40 and the rest of every screen: the golden captures.)
. "$(dirname "$0")/../lib.sh"

test_expect_success 'demo desk' 'mado demo >/dev/null'

ui_start

test_expect_success 'A opens with today'"'"'s first booking on the first row' '
	ui_wait "Help F1" && ui_keys A && ui_wait "All appointments:" &&
	ui_screen | sed -n 4p | grep -q "^2026-11-24 Tue \\* 10:00-10:30"
'

test_expect_success 'PgDn in the report stops with the last line at the bottom' '
	ui_keys R && ui_wait "Report 2026-11-01 to 2026-11-30" &&
	for i in 1 2 3 4 5 6 7 8; do ui_keys PgDn; done && sleep 0.5 &&
	ui_screen >page1 && ui_keys PgDn && sleep 0.5 && ui_screen >page2 &&
	test_cmp page1 page2 &&
	sed -n 21p page1 | grep -q "^  no-show " &&
	[ "$(grep -c "^ *$" page1)" -le 2 ] &&
	ui_keys PgUp && sleep 0.3 && ! ui_screen | cmp -s - page1
'
test_expect_success 'two rounds of a program do not show the same cut name' '
	ui_keys P && ui_wait "Programs: 9" &&
	ui_screen | grep "^#9 " | grep -qF "中間支援力強化の…加募集)" &&
	ui_screen | grep "^#1 " | grep -qF "中間支援力強化の…28年度)" &&
	ui_screen | grep "^#4 " | grep -qF "ライフシフトプロ…31年度)" &&
	ui_screen | grep "^#3 " | grep -qF "ライフシフトセミ…31年度)"
'
ui_stop

export LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8
TMUX_SOCK="$TMUX_SOCK-ja"
ui_start

test_expect_success 'the Japanese day title on another date is not 本日の予定' '
	ui_wait "F1" && ui_keys n && ui_wait "2026年11月25日(水)" &&
	ui_screen | head -n 1 | grep -qF "日別の予定" &&
	! ui_screen | grep -qF "本日"
'

test_expect_success 'Japanese dates without zero padding: the report and the week' '
	ui_keys R && ui_wait "2026年11月" &&
	! ui_screen | grep -q "年0[1-9]月" &&
	ui_screen | sed -n 2p | grep -qF "2026年11月の集計" &&
	ui_keys g && ui_wait "日付" && ui_type "2027-01-04" && ui_keys Enter &&
	ui_keys w && ui_wait "2027年1月4日からの週"
'
test_done
