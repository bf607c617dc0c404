#!/bin/sh
# Bracketed paste (issue 14, item 1): the desk turns the mode on at
# start and off at exit and on a signal; whatever arrives inside a paste
# is text.  The three pastes of the issue (ESC c y, ESC [0m yes, colour
# codes inside Japanese), and a paste holding F2, Enter, Esc and Ctrl-S,
# never save, cancel or discard; what is not text is left out with a
# message and the rest stays.  Pastes go in with tmux paste-buffer -p,
# which adds the marks only when the program asked for them.
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup' '
	mado init >/dev/null &&
	mado staff add "山田 花子" --kana "やまだ はなこ" >/dev/null &&
	mado org add --name "小平市 地域包括ケア推進課" --kana "こだいら" \
		--type municipality --municipality 小平市 >/dev/null
'

# ui_paste FORMAT: printf FORMAT into a tmux buffer and paste it
# bracketed, as a terminal does with Ctrl-Shift-V
ui_paste() {
	printf "$1" | tmux -L "$TMUX_SOCK" load-buffer -b t - &&
	tmux -L "$TMUX_SOCK" paste-buffer -p -d -b t
}

# the desk's own process (the child of the tmux pane's shell)
desk_pid() {
	pgrep -P "$(tmux -L "$TMUX_SOCK" display -p '#{pane_pid}')" -x madoguchi
}

appts() {
	sql "SELECT count(*) FROM appointment"
}

UI_AFTER=cat
UI_ENV="MADOGUCHI_UI_START=book:2026-11-25:10:00"
ui_start

test_expect_success 'colour codes inside Japanese: the text stays, the codes are left out and said so' '
	ui_wait "Booking" &&
	ui_keys Tab &&
	ui_paste "田中\033[31m赤字\033[0m太郎" &&
	ui_wait "Paste: 2 not-text parts left out" &&
	row_of "Contact" | grep -qF "田中赤字太郎"
'

test_expect_success 'ESC c y pasted does not cancel: y is text' '
	ui_keys Tab &&
	ui_paste "\033cy" &&
	ui_wait "Paste: 1 not-text parts left out" &&
	row_of "│ Phone" | grep -qF "│ Phone          y " &&
	! ui_screen | grep -qF "Discard" &&
	ui_screen | grep -qF "─ Booking ─"
'

test_expect_success 'ESC [0m yes pasted does not throw the form away' '
	ui_keys Tab Tab Tab &&
	ui_paste "\033[0myes" &&
	ui_wait "│ Note           yes" &&
	! ui_screen | grep -qF "Discard" &&
	[ "$(appts)" = 0 ]
'

test_expect_success 'F2, Ctrl-S, Enter and Esc inside a paste neither save nor cancel' '
	ui_keys BTab BTab BTab BTab BTab &&
	ui_wait "Type a name or kana reading" &&
	ui_paste "\033OQ\023\r\033\033[12~" &&
	ui_wait "Paste: 4 not-text parts left out" &&
	sleep 0.5 &&
	[ "$(appts)" = 0 ] &&
	ui_screen | grep -qF "─ Booking ─"
'

test_expect_success 'the whole form after the pastes' '
	ui_screen >actual &&
	cat >expect <<-\EOF &&
	┌─ Booking ────────────────────────────────────────────────────────────────────┐
	│ Date *         2026-11-25                                                    │
	│ Start *        10:00                                                         │
	│ Minutes *      30                                                            │
	│ Channel *      < Phone >                                                     │
	│ Booked via     < Phone >                                                     │
	│ Organization *                                                               │
	│ Contact        田中赤字太郎                                                  │
	│ Phone          y                                                             │
	│ Staff          < (none) >                                                    │
	│ Room           -                                                             │
	│ Topics         [ ] meeting support [ ] workshop support [ ] plan drafting    │
	│                [ ] direct support in implementation [ ] other                │
	│ Note           yes                                                           │
	│                                                                              │
	│                                                                              │
	│                                                                              │
	│                                                                              │
	│                                                                              │
	│                                                                              │
	│                                                                              │
	│ Paste: 4 not-text parts left out (escape sequences, control characters)      │
	│ Type a name or kana reading and pick from the list; F4 new organization      │
	└─ F2 Save  Esc Cancel  Tab Next  F1 Keys F4 New organization ─────────────────┘
	EOF
	test_cmp expect actual
'

test_expect_success 'a paste in a choice field changes nothing and says so' '
	ui_keys Up &&
	ui_wait "│ Booked via     < Phone >" &&
	ui_paste " x" &&
	ui_wait "A paste goes into a text field only" &&
	row_of "Booked via" | grep -qF "< Phone >"
'

test_expect_success 'a y pasted at the discard question does not discard' '
	ui_keys Escape &&
	ui_wait "Discard what you typed?" &&
	ui_paste "yes\r" &&
	sleep 0.5 &&
	ui_screen | grep -qF "Discard what you typed?" &&
	ui_keys n &&
	ui_wait_gone "Discard what you typed?" &&
	row_of "Contact" | grep -qF "田中赤字太郎"
'

test_expect_success 'Esc and y typed still discard, and the desk ends with the mode off' '
	ui_keys Escape && ui_wait "Discard what you typed?" && ui_keys y &&
	ui_wait_gone "─ Booking ─" &&
	ui_keys q && ui_wait "[exited 0]" &&
	ui_paste "after" && ui_wait "after" &&
	! ui_screen | grep -qF "^[[200~" &&
	[ "$(appts)" = 0 ]
'
ui_stop

UI_ENV=
TMUX_SOCK="$TMUX_SOCK-2"
ui_start

test_expect_success 'on the day screen a paste is no command: q and Esc in it do nothing' '
	ui_wait "Help F1" &&
	ui_paste "q\033q:quit\r" &&
	ui_wait "A paste goes into a text field only: nothing was done" &&
	sleep 0.5 &&
	! ui_screen | grep -qF "[exited" &&
	desk_pid >/dev/null
'

test_expect_success 'a date pasted into g, Enter in the paste is text: the clerk presses Enter' '
	ui_keys g && ui_wait "Go to date" &&
	ui_paste "2027-01-11\r" &&
	sleep 0.5 &&
	ui_screen | grep -qF "Go to date" &&
	ui_keys Enter &&
	ui_wait "2027-01-11"
'

test_expect_success 'SIGTERM ends the desk with bracketed paste off' '
	pid=$(desk_pid) && [ -n "$pid" ] &&
	kill -TERM "$pid" &&
	ui_wait "[exited" &&
	ui_paste "後で" && ui_wait "後で" &&
	! ui_screen | grep -qF "^[[200~"
'
ui_stop

test_expect_success 'the mode was on while the desk ran (the check above can fail)' '
	TMUX_SOCK="$TMUX_SOCK-3" &&
	UI_ENV= UI_AFTER="printf \"\\033[?2004h\"; cat" ui_start &&
	ui_wait "Help F1" && ui_keys q && ui_wait "[exited 0]" &&
	ui_paste "marked" && ui_wait "marked" &&
	ui_screen | grep -qF "^[[200~marked^[[201~"
'

test_done
