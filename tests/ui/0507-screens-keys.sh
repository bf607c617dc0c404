#!/bin/sh
# Screens and keys (issue 14, items 6, 7, 8).  q and Esc go back one
# screen, q on the day screen quits (Q from anywhere); F1 on the day
# screen lists every key that works there, from the one action list that
# also makes the menu and the footer; form keys come from the config;
# each screen on the stack keeps its own state: inquiry #6, deadlines,
# inquiry #2, Esc twice shows #6 again, and a list comes back with its
# cursor where it was.
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup: six inquiries with follow-ups this week' '
	mado init >/dev/null &&
	mado org add --name "小平市 地域包括ケア推進課" --kana "こだいら" --type municipality \
		--municipality 小平市 >/dev/null &&
	for i in 1 2 3 4 5 6; do
		mado inquiry add --channel phone --org 小平市 --topic other \
			--summary "問い合わせ$i の要旨" --due 2026-11-2$((4 + i % 5)) \
			--received 2026-11-1${i}T10:00 >/dev/null || return 1
	done
'

ui_start

# help_page: the screen with the help window, compared whole
test_expect_success 'F1 on the day screen: every key, page 1' '
	ui_wait "Help F1" && ui_keys F1 && ui_wait "Keys of the Day schedule screen" &&
	ui_screen >actual &&
	cat >expect <<-\EOF &&
	Keys of the Day schedule screen (Esc, q or Enter closes)
	 Up k           move up (earlier slot, previous row)
	 Down j         move down (later slot, next row)
	 Left h         move left (previous staff column or day)
	 Right l        move right (next staff column or day)
	 PgUp           one page up
	 PgDn           one page down
	 Home           go to the first row
	 End            go to the last row
	 Enter          open: book a free slot, edit a booking, show a day or record
	 Tab            next booking in the same cell (a cell can hold several)
	 b              book the slot under the cursor
	 e              edit the booking under the cursor
	 M              move the booking: pick a slot, Enter drops it
	 o              while moving: drop anyway, giving a reason
	 c              cancel the booking (asks first)
	 d              mark the booking done
	 x              mark the booking a no-show
	 B              set the booking back to booked (undo done, no-show, cancel)
	 n ]            next day (week, month in those views)
	 p [            previous day (week, month in those views)
	 t              today'"'"'s schedule
	Keys are set in the config file: key.<action> = KEY ... (see the manual)
	Up/Down scroll  Esc close
	EOF
	test_cmp expect actual
'

test_expect_success 'F1 on the day screen, page 2: views, lists, q and Q, D and L' '
	ui_keys PgDn && ui_wait " g              go to a date" &&
	ui_screen >actual &&
	cat >expect <<-\EOF &&
	Keys of the Day schedule screen (Esc, q or Enter closes)
	 g              go to a date (YYYY-MM-DD, today, +N)
	 w              week view
	 m              month overview with bookings per day
	 a              agenda: bookings of the next two weeks
	 /              search by organization, reading, contact or note
	 A              list of all appointments (searchable)
	 O              list of organizations (searchable)
	 S              list of desk staff
	 N              add a new organization
	 z              show or hide cancelled bookings
	 Esc            back out: end a move, return to the previous screen
	 C-p            print the daily schedule of the day shown
	 X              export the calendar to an .ics file
	 I              import a partner'"'"'s .ics calendar as events or blocks
	 C-l            reread and redraw the screen
	 F1 ?           the keys of this screen
	 F9 F10         the menu bar: every action
	 q              back one screen, as Esc; on the first screen quit the desk
	 Q              quit the desk from any screen
	 D              day view of the current date
	 L              quick-log a new inquiry (call, e-mail, visit, post)
	Keys are set in the config file: key.<action> = KEY ... (see the manual)
	Up/Down scroll  Esc close
	EOF
	test_cmp expect actual
'

test_expect_success 'F1 on the day screen, page 3: i, E, P, R' '
	ui_keys PgDn && ui_wait " i              the inquiry log" &&
	ui_screen | sed -n "1,6p" >actual &&
	cat >expect <<-\EOF &&
	Keys of the Day schedule screen (Esc, q or Enter closes)
	 i              the inquiry log: filters and full-text search
	 E              every coming deadline with days left
	 P              programs, their events and applications
	 R              monthly and yearly counts

	EOF
	test_cmp expect actual &&
	ui_keys Escape && ui_wait_gone "Keys of the Day"
'

test_expect_success 'the menu comes from the same list: Desk ends with Exit Q' '
	ui_keys F9 && ui_wait "today'"'"'s schedule" &&
	ui_screen | sed -n "2,11p" >actual &&
	cat >expect <<-\EOF &&
	┌─────────────────────────────────────────────────────────┐
	│today'"'"'s schedule                                       t │                    │
	│go to a date (YYYY-MM-DD, today, +N)                   g │                    │
	│next day (week, month in those views)                n ] │                    │
	│previous day (week, month in those views)            p [ │                    │
	│print the daily schedule of the day shown            C-p │                    │
	│export the calendar to an .ics file                    X │                    │
	│import a partner'"'"'s .ics calendar as events or blocks   I │                    │
	│reread and redraw the screen                         C-l │                    │
	│quit the desk from any screen                          Q │                    │
	EOF
	test_cmp expect actual &&
	ui_keys Escape && ui_wait_gone "today'"'"'s schedule"
'

test_expect_success 'inquiry #6, deadlines, inquiry #2: Esc twice shows #6 again' '
	ui_keys i && ui_wait "Inquiries: 6" &&
	ui_keys Enter && ui_wait "#6  2026-11-16 10:00" &&
	ui_keys E && ui_wait "Deadlines of the next" &&
	ui_keys Down Down Down && ui_keys Enter && ui_wait "#2  2026-11-12 10:00" &&
	ui_keys Escape && ui_wait "Deadlines of the next" &&
	ui_keys Escape && ui_wait "#6  2026-11-16 10:00" &&
	! ui_screen | grep -qF "#2  2026-11-12"
'

test_expect_success 'a second deadlines screen keeps its own cursor; the first comes back with its own' '
	ui_keys E && ui_wait "Deadlines of the next" &&
	ui_keys Home Down Down Down && ui_keys Enter && ui_wait "#2  2026-11-12 10:00" &&
	ui_keys E && ui_wait "Deadlines of the next" &&
	ui_keys Down && ui_keys Enter && ui_wait "#1  2026-11-11 10:00" &&
	ui_keys Escape && ui_wait "Deadlines of the next" &&
	ui_keys Enter && ui_wait "#1  2026-11-11 10:00" &&
	ui_keys Escape Escape && ui_wait "#2  2026-11-12 10:00" &&
	ui_keys Escape && ui_wait "Deadlines of the next" &&
	ui_keys Enter && ui_wait "#2  2026-11-12 10:00"
'

test_expect_success 'q goes back one screen at a time, the footer says so' '
	ui_screen | tail -n 1 | grep -qF "q Back" &&
	ui_keys q && ui_wait "Deadlines of the next" &&
	ui_keys q && ui_wait "#6  2026-11-16 10:00" &&
	ui_keys q && ui_wait "Inquiries: 6" &&
	ui_keys q && ui_wait "Desk open 10:00-17:00" &&
	ui_screen | tail -n 1 | grep -qF "q Quit"
'

test_expect_success 'q on the day screen quits at once (nothing typed is pending)' '
	ui_keys q && ui_wait "[exited 0]"
'
ui_stop

mkdir -p "$XDG_CONFIG_HOME/madoguchi"
printf '%s\n' 'key.form_save = F5' 'key.exit = C-x' >"$XDG_CONFIG_HOME/madoguchi/config"
UI_ENV="MADOGUCHI_UI_START=book:2026-11-25:10:00"
TMUX_SOCK="$TMUX_SOCK-2"
ui_start

test_expect_success 'form keys come from the config: F5 saves, F2 does nothing' '
	ui_wait "─ Booking ─" &&
	ui_screen | tail -n 1 | grep -qF "└─ F5 Save  Esc Cancel" &&
	ui_keys F2 && sleep 0.5 && ! ui_screen | grep -qF "Please correct" &&
	ui_keys F5 && ui_wait "Please correct the marked fields"
'

test_expect_success 'and F1 in the form lists F5 for save' '
	ui_keys F1 && ui_wait "Keys in a form" &&
	ui_screen | grep -qF "F5  in a form: save" &&
	ui_keys Escape && ui_wait_gone "Keys in a form"
'

test_expect_success 'Q given away in the config: C-x quits from anywhere' '
	ui_keys Escape && ui_wait_gone "─ Booking ─" &&
	ui_wait "Help F1" && ui_keys i && ui_wait "Inquiries: 6" &&
	ui_keys C-x && ui_wait "[exited 0]"
'

test_done
