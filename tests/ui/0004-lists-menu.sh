#!/bin/sh
# Lists with search (appointments, organizations with their history,
# staff) and the menu bar reaching actions.
. "$(dirname "$0")/../lib.sh"

test_expect_success 'demo desk' 'mado demo >/dev/null'

ui_start
test_expect_success '/ searches appointments by organization' '
	ui_wait "Day schedule" && ui_keys / && ui_wait "Search appointments" &&
	ui_type "むべ" && ui_keys Enter &&
	ui_wait "Appointments matching \"むべ\"" && ui_wait "NPO法人 むべの会" &&
	[ -z "$(ui_screen | grep "^20" | grep -v "むべの会")" ]
'
test_expect_success 'Esc backs out of the list to the day' '
	ui_keys Escape && ui_wait "Day schedule"
'
test_expect_success 'O lists organizations in reading order' '
	ui_keys O && ui_wait "Organizations: 30" &&
	ui_screen | grep -n "新井の介護を考える会" | grep_out "4:"
'
test_expect_success '/ in the organization list searches by kana reading' '
	ui_keys / && ui_wait "Name or reading" && ui_type "たいち" && ui_keys Enter &&
	ui_wait "Organizations matching \"たいち\": 1" && ui_wait "太壱みまもりネットワーク"
'
test_expect_success 'Enter shows the organization with its history' '
	ui_keys Enter && ui_wait "History: appointments, inquiries, applications" &&
	ui_wait "墨田区" && ui_wait "#34" && ui_wait "Inquiries" && ui_wait "Applications"
'
test_expect_success 'S lists the staff, retired ones marked' '
	ui_keys S && ui_wait "Desk staff: 4" && ui_wait "田中 一郎" &&
	ui_screen | grep "田中 一郎" | grep_out "retired"
'
test_expect_success 'Enter on a staff member lists their appointments' '
	ui_keys Down Enter && ui_wait "All appointments:" &&
	[ -z "$(ui_screen | grep "^20" | grep -v "鈴木 美咲")" ] && ui_screen | grep_out "鈴木 美咲"
'
test_expect_success 'F9 opens the menu bar; Right moves to View' '
	ui_keys t && ui_wait "Day schedule" &&
	ui_keys F9 && ui_wait "today'"'"'s schedule" && ui_keys Right &&
	ui_wait "month overview with bookings per day"
'
test_expect_success 'Enter on an item runs it (Week)' '
	ui_keys Down Enter && ui_wait "Week of 2026-11-23"
'
test_expect_success 'F10 too; Esc closes the menu' '
	ui_keys F10 && ui_wait "today'"'"'s schedule" && ui_keys Escape &&
	ui_wait_gone "today'"'"'s schedule" && ui_wait "Week of"
'
test_expect_success 'the menu reaches the lists (Lists > Organizations)' '
	ui_keys F9 Right Right Right && ui_wait "list of organizations" &&
	ui_keys Down Down Enter && ui_wait "Organizations:"
'
test_expect_success 'q goes back one screen, to the week the list was opened from; Q quits' '
	ui_keys q && ui_wait "Week of 2026-11-23" && ui_wait_gone "Organizations:" &&
	ui_keys Q && ui_wait "[exited 0]"
'
ui_stop
test_done
