#!/bin/sh
# The inquiry quick-log and the organization form in tmux; a pasted
# long Japanese text; resizing a form, a small terminal that scrolls the
# form, and the terminal given back after the dialogs.
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup' '
	mado init >/dev/null &&
	mado staff add "山田 花子" >/dev/null &&
	mado org add --name "杉並区地域包括支援センター ケア24成田" --kana "けあ24なりた" \
		--type center --municipality 杉並区 --phone 03-0000-0000 >/dev/null
'

UI_ENV="MADOGUCHI_UI_START=inquiry"
ui_start
test_expect_success 'the inquiry form opens with the time received' '
	ui_wait "Inquiry" &&
	row_of "Date *" | grep -qF "2026-11-24" &&
	row_of "Time *" | grep -qF "10:15"
'

test_expect_success 'the summary is required' '
	ui_type "けあ" && ui_wait "(けあ24なりた)" && ui_keys Enter &&
	ui_keys F2 && ui_wait "! required" &&
	ui_screen | grep -A3 -F "Summary *" | grep -qF "! required" &&
	sql_is "SELECT count(*) FROM inquiry" 0
'

# 120 characters of Japanese, pasted in one go
long="モデル地区の申込について、会議運営支援の内容と書類の送り方を確認したいとのこと。"
long="$long$long$long"
test_expect_success 'a long pasted Japanese summary wraps and is stored whole' '
	ui_type "$long" &&
	ui_wait "モデル地区の申込" &&
	ui_keys F2 && ui_wait_gone "Inquiry" &&
	sql_is "SELECT summary FROM inquiry" "$long" &&
	sql_is "SELECT received_at, channel, org_id, topic FROM inquiry" "2026-11-24T10:15|phone|1|other"
'
ui_stop
sleep 0.2

UI_ENV="MADOGUCHI_UI_START=org:1"
ui_start
test_expect_success 'the organization form shows the record' '
	ui_wait "Organization" &&
	row_of "Name *" | grep -qF "杉並区地域包括支援センター ケア24成田" &&
	row_of "Type *" | grep -qF "Community support center" &&
	row_of "Phone" | grep -qF "03-0000-0000"
'

test_expect_success 'it redraws when the terminal is resized' '
	ui_resize 100 30 &&
	ui_wait "Reading" &&
	[ "$(ui_screen | grep -F "Name *" | wc -L)" -le 100 ] &&
	ui_resize 80 24 && ui_wait "Reading"
'

test_expect_success 'a bad municipality is shown next to the field' '
	ui_keys Tab Tab Tab C-u && ui_type "横浜市" && ui_keys F2 &&
	ui_wait "is not one of Tokyo" &&
	sql_is "SELECT municipality FROM organization WHERE id = 1" 杉並区
'

test_expect_success 'edits are saved' '
	ui_keys C-u && ui_type "杉並区" && ui_keys Tab C-u && ui_type "03-1111-2222" &&
	ui_keys F2 && ui_wait_gone "Reading" &&
	sql_is "SELECT municipality, phone FROM organization WHERE id = 1" "杉並区|03-1111-2222"
'
ui_stop
sleep 0.2

UI_ENV="MADOGUCHI_UI_START=book:2026-11-25:10:00"
ui_start -x 60 -y 16
test_expect_success 'a form taller than the terminal scrolls to the field' '
	ui_wait "Booking" &&
	! ui_screen | grep -qF "Note" &&
	ui_keys Tab Tab Tab Tab Tab && ui_wait "Note" &&
	ui_type "見える" && ui_wait "見える"
'
ui_stop
sleep 0.2

test_expect_success 'the terminal is given back after a dialog and exit' '
	UI_ENV="MADOGUCHI_UI_START=book" ui_start &&
	ui_wait "Booking" && ui_keys Escape && ui_wait_gone "Booking" &&
	ui_keys q && ui_wait "[exited 0]" &&
	[ "$(tmux -L "$TMUX_SOCK" display -p "#{alternate_on}")" = 0 ] || { ui_screen; false; }
'
ui_stop

test_done
