#!/bin/sh
# A stored value holding a character the line editor refuses (a tab in
# a note, a code point wcwidth() does not know in a contact name) is
# shown with a visible replacement, and F2 writes it back unchanged
# unless the clerk edits it (it was shown empty and saved as NULL).
. "$(dirname "$0")/../lib.sh"

TAB=$(printf '\t')
UNK=$(printf '\315\270')		# U+0378, unassigned: wcwidth() -1
FFFD=$(printf '\357\277\275')
test_expect_success 'a booking whose note and contact the editor cannot hold as they are' '
	mado init >/dev/null && mado staff add 山田 &&
	mado org add --name "墨田区 太壱みまもりネットワーク" --type local --municipality 墨田区 >/dev/null &&
	mado book --date 2026-11-25 --start 10:00 --channel phone --org 1 --staff 山田 \
		--contact "中村${UNK}翔" --note "資料${TAB}持参
です" >/dev/null &&
	sql "SELECT quote(appointment.note) || quote(contact.name) FROM appointment JOIN contact ON contact.id = contact_id" >"$TEST_DIR/before"
'
test_expect_success 'the booking form shows them with U+FFFD, not empty' '
	ui_start && ui_wait "2026" 15 && ui_keys n && ui_wait "2026-11-25" && ui_keys Enter &&
	ui_wait "Booking #1" && ui_screen >"$TEST_DIR/form" &&
	grep -q "Note           資料${FFFD}持参" "$TEST_DIR/form" && grep -q "^│                です" "$TEST_DIR/form" &&
	grep -q "Contact        中村${FFFD}翔" "$TEST_DIR/form" || { cat "$TEST_DIR/form"; exit 1; }
'
test_expect_success 'F2 without an edit writes both back as they were' '
	ui_keys F2 && ui_wait_gone "Booking #1" &&
	sql "SELECT quote(appointment.note) || quote(contact.name) FROM appointment JOIN contact ON contact.id = contact_id" >"$TEST_DIR/after" &&
	test_cmp "$TEST_DIR/before" "$TEST_DIR/after" &&
	[ "$(sql "SELECT count(*) FROM appointment WHERE note IS NULL")" = 0 ]
'
ui_stop
test_done
