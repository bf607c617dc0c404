#!/bin/sh
# The inquiry log on screen: quick-log a call in Japanese by keys, find
# it by the per-keystroke search, add a note, book an appointment from
# it (linked both ways in the database), and see the overdue mark once
# the pinned clock passes the follow-up date.
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup' '
	mado init >/dev/null &&
	mado staff add "山田 花子" >/dev/null &&
	mado org add --name "杉並区地域包括支援センター ケア24成田" --kana "けあ24なりた" \
		--type center --municipality 杉並区 >/dev/null &&
	mado inquiry add --channel email --topic other --summary "公開講座の会場について" \
		--received 2026-11-20T09:00 >/dev/null
'

ui_start
test_expect_success 'L opens the quick-log from the day screen, received now' '
	ui_wait "Today" 2>/dev/null || ui_wait "Desk" &&
	ui_keys L && ui_wait "Summary *" &&
	row_of "Time *" | grep -qF "10:15"
'

summary="伴走支援の申込方法を確認したいとの電話。明日折り返す。"
test_expect_success 'a call logged by keys in Japanese is stored as typed' '
	ui_type "けあ" && ui_wait "(けあ24なりた)" && ui_keys Enter && ui_keys Tab &&
	ui_type "田中 一郎" && ui_keys Tab Tab && row_of "Topic" | grep -qF "other" &&
	ui_keys Right && ui_wait "meeting support" && ui_keys Tab &&
	ui_type "$summary" && ui_keys Tab && ui_type "2026-11-25" && ui_keys Tab Right &&
	ui_keys Tab && ui_type "区の福祉課" && ui_keys F2 &&
	ui_wait "Inquiry #2 logged" &&
	sql_is "SELECT received_at, channel, org_id, topic, summary, due_date, staff_id, referred_to FROM inquiry WHERE id = 2" \
		"2026-11-24T10:15|phone|1|meeting|$summary|2026-11-25|1|区の福祉課" &&
	sql_is "SELECT name FROM contact WHERE id = (SELECT contact_id FROM inquiry WHERE id = 2)" "田中 一郎"
'

test_expect_success 'the list shows it, not overdue yet' '
	ui_keys i && ui_wait "Inquiries: 2" &&
	row_of "#2 " | grep -qF "11-25" &&
	! row_of "#2 " | grep -q "^!"
'

test_expect_success 'the search narrows the list on every keystroke' '
	ui_keys / && ui_wait "Search summaries and notes:" &&
	ui_type "公開" && ui_wait "Inquiries: 1" && row_of "#1 " | grep -qF "公開講座" &&
	! ui_screen | grep -qF "#2 " &&
	ui_keys BSpace BSpace && ui_wait "Inquiries: 2" &&
	ui_type "伴走支援" && ui_wait "Inquiries: 1" && ui_screen | grep -qF "#2 " &&
	ui_keys Enter && ui_wait_gone "Search summaries"
'

note="来週火曜に来所したいとのこと。資料を送ると約束。"
test_expect_success 'Enter opens the inquiry; r adds a dated note' '
	ui_keys Enter && ui_wait "Follow up by: 2026-11-25" &&
	ui_screen | grep -qF "田中 一郎" &&
	ui_keys r && ui_wait "Note *" && ui_type "$note" && ui_keys F2 &&
	ui_wait "Note added to inquiry #2" && ui_wait "$note" &&
	ui_screen | grep -qF "2026-11-24 10:15 山田 花子" &&
	sql_is "SELECT inquiry_id, at, staff_id, text FROM inquiry_note" "2|2026-11-24T10:15|1|$note"
'

test_expect_success 'b books an appointment prefilled from the inquiry, linked both ways' '
	ui_keys b && ui_wait "Booking" &&
	row_of "Date *" | grep -qF "2026-11-25" &&
	row_of "Contact" | grep -qF "田中 一郎" &&
	row_of "Note" | grep -qF "伴走支援の申込方法" &&
	ui_keys F2 && ui_wait "for inquiry #2" &&
	ui_wait "2026-11-25 Wed * 10:00-10:30" &&
	sql_is "SELECT a.id, a.inquiry_id, i.appt_id = a.id, a.org_id, a.staff_id FROM appointment a JOIN inquiry i ON i.id = a.inquiry_id" "1|2|1|1|1" &&
	sql_is "SELECT topic FROM appointment_topic WHERE appt_id = 1" meeting
'

test_expect_success 'the command line sees the same record' '
	mado inquiry show 2 >"$TEST_DIR/out" &&
	grep_out "$note" <"$TEST_DIR/out" && grep_out "#1" <"$TEST_DIR/out"
'
ui_stop
sleep 0.2

MADOGUCHI_NOW=2026-11-26T09:00
ui_start
test_expect_success 'a day after the due date the list marks it overdue' '
	ui_keys i && ui_wait "Inquiries: 2" &&
	row_of "#2 " | grep -q "^! #2 .*11-25!"
'

# the row's own colours, with the cursor on the other row
row_sgr() {
	tmux -L "$TMUX_SOCK" capture-pane -p -e | grep -F -- "$1" | head -n 1 |
		python3 "$SRC_DIR/tests/ui/sgr.py" | head -n 1
}
test_expect_success 'the overdue row stands out in colour; a plain open one does not' '
	ui_keys Down && sleep 0.3 && [ "$(row_sgr "#2 ")" = colour ] &&
	ui_keys Up && sleep 0.3 && [ "$(row_sgr "#1 ")" = mono ]
'

test_expect_success 'the overdue filter keeps only the overdue one, Esc clears it' '
	ui_keys f && ui_wait "Overdue only" && ui_keys Up Right && ui_keys F2 &&
	ui_wait "Inquiries: 1 [overdue]" && ui_screen | grep -qF "#2 " &&
	ui_keys Escape && ui_wait "Filters cleared" && ui_wait "Inquiries: 2"
'

test_expect_success 'the inquiry shows by how much it is overdue; closing it clears the mark' '
	ui_keys / && ui_type "伴走" && ui_keys Enter Enter && ui_wait "OVERDUE by 1 days" &&
	ui_keys s && ui_wait "Inquiry status" && ui_keys Right Right && ui_keys Enter &&
	ui_wait "is now closed" && ui_wait_gone "OVERDUE" &&
	sql_is "SELECT status FROM inquiry WHERE id = 2" closed
'

test_expect_success 'e edits the inquiry in its form; the rest is kept' '
	ui_keys e && ui_wait "Follow up by" && ui_wait "Summary *" &&
	ui_screen | grep -F "Summary *" | grep -qF "伴走支援の申込方法" &&
	ui_keys Tab C-u && ui_type "2026-11-30" && ui_keys F2 &&
	ui_wait "Inquiry #2 saved" && ui_wait "Follow up by: 2026-11-30" &&
	sql_is "SELECT due_date, status, appt_id, summary FROM inquiry WHERE id = 2" \
		"2026-11-30|closed|1|$summary"
'
ui_stop

test_done
