#!/bin/sh
# Entering a field selects its text (issue 14, item 3): typing replaces
# the old value, arrows and Home/End keep it.  g then a date goes to
# that date (not 2026-12-072027-01-11), minutes 30 then 60 gives 60,
# / starts a new search; F1 inside a form lists the editing keys.
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup' '
	mado init >/dev/null &&
	mado staff add "山田 花子" --kana "やまだ はなこ" >/dev/null &&
	mado org add --name "小平市 地域包括ケア推進課" --kana "こだいらしちいきほうかつけあすいしんか" \
		--type municipality --municipality 小平市 >/dev/null
'

UI_ENV="MADOGUCHI_UI_START=book:2026-11-25:10:00"
ui_start

test_expect_success 'minutes 30 then 60 typed gives 60; the date typed over replaces it' '
	ui_wait "─ Booking ─" &&
	ui_type "こだいら" && ui_wait "(こだいら" && ui_keys Enter &&
	ui_wait "✓" &&
	ui_keys BTab BTab BTab && ui_wait "Length in minutes" &&
	ui_type "60" &&
	ui_wait "│ Minutes *      60 " &&
	ui_keys BTab BTab && ui_wait "Date of the consultation" &&
	ui_type "2026-11-26" &&
	ui_wait "│ Date *         2026-11-26 "
'

test_expect_success 'Home keeps the value: Delete then takes one character, typing inserts' '
	ui_keys Tab && ui_wait "Start time" &&
	ui_keys Home Delete &&
	ui_wait "│ Start *        0:00 " &&
	ui_type "1" && ui_wait "│ Start *        10:00 "
'

test_expect_success 'End keeps the value, Backspace then deletes one character' '
	ui_keys Tab && ui_wait "Length in minutes" &&
	ui_keys End BSpace &&
	ui_wait "│ Minutes *      6 " &&
	ui_type "0"
'

test_expect_success 'Backspace on an entered field empties it' '
	ui_keys Tab Tab Tab Tab && ui_wait "│ Contact " &&
	ui_type "中村" && ui_keys Tab BTab && ui_wait "│ Contact        中村" &&
	ui_keys BSpace &&
	ui_wait "│ Contact                " &&
	ui_type "中村 翔"
'

test_expect_success 'F1 in the form lists the editing keys (whole screen)' '
	ui_keys F1 && ui_wait "Keys in a form" &&
	ui_screen >actual &&
	cat >expect <<-\EOF &&
	┌─ Booking ────────────────────────────────────────────────────────────────────┐
	│ Date *         2026-11-26                                                    │
	│ Sta┌─ Keys in a form ───────────────────────────────────────────────────┐    │
	│ Min│ Entering a field selects its text: typing replaces it; Left,       │    │
	│ Cha│ Right, Home or End keep it and move.                               │    │
	│ Boo│ Left/Right  move a character; in a choice: the other options       │    │
	│ Org│ Shift-Left/Right  move by word                                     │    │
	│ Con│ Home, End (Ctrl-A, Ctrl-E)  start, end of the line                 │    │
	│ Pho│ Backspace, Delete  delete a character (the selection)              │    │
	│ Sta│ Ctrl-K  delete to the end of the line;  Ctrl-U  delete the line    │    │
	│ Roo│ Space  next option; in topics: tick or untick (1-5 too)            │    │
	│ Top│ Enter  next field (a new line in a note); on the last field: save  │    │
	│    │ Tab, Down  next field;  Shift-Tab, Up  previous field              │    │
	│ Not│ Esc  close the list, else cancel (asks when something was typed)   │    │
	│    │ F2 C-s  in a form: save                                            │    │
	│    │ F4 C-n  in a form, organization field: add a new organization      │    │
	│    │ F8 C-o  in a form, after a rule refusal: save anyway with a reason │    │
	│    │ A paste is text: it never saves or cancels.                        │    │
	│    │                                                                    │    │
	│    │ Press any key                                                      │    │
	│    └────────────────────────────────────────────────────────────────────┘    │
	│                                                                              │
	│ Name of the person at the organization                                       │
	└─ F2 Save  Esc Cancel  Tab Next  F1 Keys ─────────────────────────────────────┘
	EOF
	test_cmp expect actual
'

test_expect_success 'any key closes the list and the form is as it was' '
	ui_keys Escape && ui_wait_gone "Keys in a form" &&
	row_of "│ Contact" | grep -qF "中村 翔"
'

test_expect_success 'the booking saves with what was typed over the old values' '
	ui_keys F2 && ui_wait_gone "─ Booking ─" &&
	sql_is "SELECT date, start_min, minutes FROM appointment" "2026-11-26|600|60"
'
ui_stop

UI_ENV=
TMUX_SOCK="$TMUX_SOCK-2"
ui_start

test_expect_success 'g then a date replaces the date shown' '
	ui_wait "Help F1" &&
	ui_keys g && ui_wait "Go to date" &&
	ui_screen | grep -qF "2026-11-24" &&
	ui_type "2027-01-11" &&
	ui_wait "2027-01-11" &&
	! ui_screen | grep -qF "2026-11-242027" &&
	ui_keys Enter && ui_wait_gone "Go to date" &&
	ui_screen | head -n 1 | grep -qF "2027-01-11"
'

test_expect_success '/ twice: the second search replaces the first' '
	ui_keys / && ui_wait "Search appointments" &&
	ui_type "小平" && ui_keys Enter && ui_wait_gone "Search appointments" &&
	ui_keys / && ui_wait "Search appointments" &&
	ui_wait "小平" &&
	ui_type "山田" &&
	ui_wait "山田" && ! ui_screen | grep -qF "小平山田"
'

test_expect_success 'Esc keeps the old search; Right then adds to it' '
	ui_keys Escape && ui_wait_gone "Search appointments" &&
	ui_keys / && ui_wait "Search appointments" &&
	ui_keys Right && ui_type "x" && ui_wait "│ 小平x "
'

test_done
