#!/bin/sh
# The booking form in tmux at 80x24: organization search by kana with
# the popup, Japanese editing, save, a rule refusal shown next to the
# field with the booking named, override with a reason, discard asking.
# Opened with the hidden start hook MADOGUCHI_UI_START, so it does not
# depend on the screens around it.
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup' '
	mado init >/dev/null &&
	mado staff add "山田 花子" --kana "やまだ はなこ" >/dev/null &&
	mado org add --name "杉並区地域包括支援センター ケア24成田" --kana "けあ24なりた" \
		--type center --municipality 杉並区 >/dev/null &&
	mado org add --name "小平市 地域包括ケア推進課" --kana "こだいらしちいきほうかつけあすいしんか" \
		--type municipality --municipality 小平市 >/dev/null &&
	mado org add --name "太壱みまもりネットワーク" --kana "たいちみまもりねっとわーく" \
		--type local --municipality 墨田区 >/dev/null
'

# the terminal cursor column: the note field starts at column 17, and
# each of these kanji and kana takes two columns
cursor_x() {
	tmux -L "$TMUX_SOCK" display -p "#{cursor_x}"
}

UI_ENV="MADOGUCHI_UI_START=book:2026-11-25:10:00"
ui_start

test_expect_success 'the booking form opens prefilled with date and time' '
	ui_wait "Booking" &&
	row_of "Date *" | grep -qF "2026-11-25" &&
	row_of "Start *" | grep -qF "10:00" &&
	row_of "Minutes *" | grep -qF "30"
'

test_expect_success 'typing a kana reading lists both matching organizations' '
	ui_type "けあ" &&
	ui_wait "(けあ24なりた)" &&
	ui_wait "小平市 地域包括ケア推進課 (こだいら" &&
	! ui_screen | grep -qF "太壱"
'

test_expect_success 'picking from the popup fills the organization' '
	ui_keys Down Enter &&
	ui_wait_gone "(けあ24なりた)" &&
	row_of "Organization *" | grep -qF "小平市 地域包括ケア推進課" &&
	row_of "Organization *" | grep -qF "✓"
'

test_expect_success 'contact, staff and topics' '
	ui_keys Tab && ui_type "中村 翔" && ui_keys Tab && ui_type "03-5555-1004" &&
	ui_keys Tab Right && ui_wait "< 山田 花子 >" &&
	ui_keys Tab Space Right Right Space &&
	ui_wait "[x] plan drafting"
'

test_expect_success 'a Japanese note: cursor movement and backspace over wide characters' '
	ui_keys Tab &&
	ui_type "資料持参" && ui_wait "資料持参" &&
	[ "$(cursor_x)" = 25 ] &&
	ui_keys Left BSpace && ui_wait "資料参" &&
	[ "$(cursor_x)" = 21 ] &&
	ui_type "を持" &&
	ui_wait "資料を持参" &&
	[ "$(cursor_x)" = 25 ] &&
	ui_keys End && ui_type "、地図も" && ui_keys Home && ui_keys Delete &&
	ui_wait "料を持参、地図も"
'

test_expect_success 'Japanese rows keep the frame aligned at 80 columns' '
	for label in "Organization *" "Contact" "Staff" "Note"; do
		w=$(row_of "$label" | wc -L) &&
		[ "$w" -eq 80 ] || { echo "$label row is $w wide"; row_of "$label"; return 1; }
	done
'

test_expect_success 'F2 saves the booking to the database' '
	ui_keys F2 &&
	ui_wait_gone "Booking" &&
	sql_is "SELECT a.date, a.start_min, a.minutes, a.channel, o.name, c.name, c.phone, s.name, a.note
		FROM appointment a JOIN organization o ON o.id = a.org_id
		LEFT JOIN contact c ON c.id = a.contact_id LEFT JOIN staff s ON s.id = a.staff_id" \
	  "2026-11-25|600|30|phone|小平市 地域包括ケア推進課|中村 翔|03-5555-1004|山田 花子|料を持参、地図も" &&
	sql_is "SELECT group_concat(topic) FROM (SELECT topic FROM appointment_topic ORDER BY topic)" "meeting,plan"
'
ui_stop
sleep 0.2

ui_start
test_expect_success 'the same slot for the same staff member is refused next to the staff field' '
	ui_wait "Booking" &&
	ui_type "ｹｱ24" && ui_wait "(けあ24なりた)" && ui_keys Enter &&
	ui_keys Tab Tab Tab Right && ui_wait "< 山田 花子 >" &&
	ui_keys F2 &&
	ui_wait "already booked then: #1 2026-11-25" && ui_wait "10:00-10:30 小平市" &&
	ui_wait "F8 Override" &&
	ui_screen | grep -A1 -F "< 山田 花子 >" | tail -n 1 | grep -qF "! the staff member is already booked" &&
	sql_is "SELECT count(*) FROM appointment" 1
'

test_expect_success 'override asks for a reason and stores it' '
	ui_keys F8 &&
	ui_wait "Reason:" &&
	ui_type "先方の都合で同時刻" && ui_keys Enter &&
	ui_wait_gone "Booking" &&
	sql_is "SELECT org_id, override_reason FROM appointment WHERE id = 2" "1|先方の都合で同時刻"
'
ui_stop
sleep 0.2

UI_ENV="MADOGUCHI_UI_START=book:2026-11-28:10:00"
ui_start
test_expect_success 'a Saturday is refused next to the date with the day named' '
	ui_wait "Booking" &&
	ui_type "たいち" && ui_wait "(たいちみまもりねっとわーく)" && ui_keys Enter &&
	ui_keys F2 && ui_wait "the desk is closed" &&
	ui_screen | grep -A1 -F "Date *" | tail -n 1 | grep -qF "the desk is closed on 2026-11-28 (土曜)"
'

test_expect_success 'Esc after typing asks before discarding; n keeps the form' '
	ui_keys Escape &&
	ui_wait "Discard what you typed?" &&
	ui_keys n &&
	ui_wait_gone "Discard what you typed?" &&
	ui_wait "Booking"
'

test_expect_success 'y discards and nothing is stored' '
	ui_keys Escape && ui_wait "Discard what you typed?" && ui_keys y &&
	ui_wait_gone "Booking" &&
	sql_is "SELECT count(*) FROM appointment" 2
'
ui_stop
sleep 0.2

UI_ENV="MADOGUCHI_UI_START=book:2026-11-26:11:00"
ui_start
test_expect_success 'Esc on an untouched form closes without asking' '
	ui_wait "Booking" &&
	ui_keys Escape &&
	ui_wait_gone "Booking" &&
	! ui_screen | grep -qF "Discard"
'
ui_stop
sleep 0.2

ui_start
test_expect_success 'a bad time is shown next to the field and nothing is saved' '
	ui_wait "Booking" &&
	ui_type "たいち" && ui_wait "(たいちみまもりねっとわーく)" && ui_keys Enter &&
	ui_keys BTab BTab BTab BTab && ui_keys C-u && ui_type "25:00" && ui_keys F2 &&
	ui_wait "is not a time of day (HH:MM" &&
	sql_is "SELECT count(*) FROM appointment" 2
'

test_expect_success 'F4 creates an organization without leaving the form' '
	ui_keys C-u && ui_type "11:00" && ui_wait_gone "not a time" &&
	ui_keys Tab Tab Tab Tab C-u && ui_type "みなとまち" &&
	ui_keys F4 &&
	ui_wait "Organization" && ui_wait "Municipality" &&
	ui_type "港町サロン" && ui_keys Tab Tab Tab && ui_type "港区" && ui_keys F2 &&
	ui_wait_gone "Municipality" &&
	ui_wait "港町サロン" &&
	row_of "Organization *" | grep -qF "港町サロン" &&
	sql_is "SELECT name, kana, municipality FROM organization WHERE name = '\''港町サロン'\''" "港町サロン|みなとまち|港区"
'

test_expect_success 'and the booking saves with it' '
	ui_keys C-s && ui_wait_gone "Booking" &&
	sql_is "SELECT o.name, a.start_min FROM appointment a JOIN organization o ON o.id = a.org_id WHERE a.id = 3" "港町サロン|660"
'
ui_stop
sleep 0.2

test_expect_success 'a visit without a room takes the first free room, as the field says' '
	mado book --date 2026-11-26 --start 14:00 --channel visit --room 相談室A --org 1 >/dev/null &&
	UI_ENV="MADOGUCHI_UI_START=book:2026-11-26:14:00" ui_start &&
	ui_wait "Booking" &&
	row_of "Room" | grep -qF -- "-" &&
	ui_type "たいち" && ui_wait "(たいちみまもりねっとわーく)" && ui_keys Enter &&
	ui_keys BTab BTab Right && ui_wait "< Visit >" &&
	row_of "Room" | grep -qF "< (first free room) >" &&
	ui_keys F2 &&
	sql_is "SELECT room FROM appointment WHERE id = 5" "相談室B"
'
test_expect_success 'a taken room asked for is refused next to the room field, naming the free rooms' '
	UI_ENV="MADOGUCHI_UI_START=book:2026-11-26:14:00" ui_start &&
	ui_wait "Booking" &&
	ui_type "たいち" && ui_wait "(たいちみまもりねっとわーく)" && ui_keys Enter &&
	ui_keys BTab BTab Right && ui_wait "< Visit >" &&
	ui_keys Down Down Down Down Down Down Right && ui_wait "< 相談室A >" &&
	ui_keys F2 && ui_wait "the room is already booked" &&
	ui_screen | grep -A1 -F "< 相談室A >" | tail -n 1 | grep -qF "! the room is already booked then: #4" &&
	sql_is "SELECT count(*) FROM appointment" 5
'
ui_stop

test_done
