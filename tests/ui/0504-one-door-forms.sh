#!/bin/sh
# The organization and inquiry forms in Japanese: core's refusal is shown
# next to the field its key names (not found by matching English text),
# the cursor on it, and nothing is saved; the inquiry's topic is a picker
# of the support menu.
. "$(dirname "$0")/../lib.sh"

ui_log="$TEST_DIR/ui-stderr.$$"
ja_start() {
	LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 ui_start "$@"
}
# The screen row just under the row holding TEXT (a field's message).
row_after() {
	ui_screen | grep -F -A1 -- "$1" | sed -n 2p
}

test_expect_success 'fixture' '
	mado init >/dev/null &&
	mado staff add "山田 花子" --kana "やまだ はなこ" >/dev/null &&
	mado org add --name "杉並区地域包括支援センター ケア24成田" --kana "けあ24なりた" \
		--type center --municipality 杉並区 --phone 03-0000-0000 >/dev/null
'

UI_ENV="MADOGUCHI_UI_START=org:1"
ja_start
test_expect_success 'a municipality outside the 62 is refused under its field, in Japanese' '
	ui_wait "区市町村" &&
	ui_keys Tab Tab Tab C-u && ui_type "横浜市" && ui_keys F2 &&
	ui_wait "「横浜市」" &&
	row_after "区市町村 * 横浜市" | grep -qF "「横浜市」は東京都の62区市町村" &&
	sql_is "SELECT municipality FROM organization WHERE id = 1" 杉並区
'
ui_stop
sleep 0.2

UI_ENV="MADOGUCHI_UI_START=inquiry"
ja_start
test_expect_success 'the topic is a picker of the support menu, starting at その他' '
	ui_wait "内容" &&
	row_of "件名" | grep -qF "その他" &&
	ui_keys Tab Tab Tab Right && ui_wait "打合せ・会議運営支援"
'
test_expect_success 'a received time in the future is refused at the time field, nothing saved' '
	ui_keys Tab && ui_type "要約" && ui_keys BTab BTab BTab BTab BTab BTab C-u &&
	ui_type "23:00" && ui_keys F2 &&
	ui_wait "未来" &&
	row_after "23:00" | grep -qF "未来" &&
	[ "$(sql "SELECT count(*) FROM inquiry")" = 0 ]
'
test_expect_success 'corrected, it is saved with the picked topic' '
	ui_keys C-u && ui_type "10:00" && ui_keys F2 &&
	sql_is "SELECT received_at, topic, summary FROM inquiry" "2026-11-24T10:00|meeting|要約"
'
ui_stop
sleep 0.2

# An inquiry whose topic was stored as free text before the support menu
# (written by SQL past the program's trigger functions).
test_expect_success 'an inquiry with a free-text topic of old' '
	mado inquiry add --channel phone --org 1 --topic other --summary "古い件名の問い合わせ" \
		--received 2026-11-20T09:00 >/dev/null &&
	sqlite3 -batch -cmd ".dbconfig enable_trigger off" "$MADOGUCHI_DB" \
		"UPDATE inquiry SET topic = '"'"'ウェブサイト'"'"' WHERE id = 2" &&
	[ "$(sql "SELECT topic FROM inquiry WHERE id = 2")" = ウェブサイト ]
'
UI_ENV=
ui_start
test_expect_success 'its edit form shows the old topic as stored' '
	ui_wait "Today" 2>/dev/null || ui_wait "Desk" &&
	ui_keys i && ui_wait "Inquiries: 2" &&
	ui_keys / && ui_wait "Search summaries and notes:" && ui_type "古い件名" &&
	ui_wait "Inquiries: 1" && ui_keys Enter && ui_wait_gone "Search summaries" &&
	ui_keys Enter && ui_wait "Follow up by" &&
	ui_keys e && ui_wait "Summary *" &&
	row_of "Topic" | grep -qF "ウェブサイト"
'
test_expect_success 'an edit that leaves the topic as it is is saved, topic kept' '
	ui_keys Tab C-u && ui_type "2026-11-30" && ui_keys F2 &&
	ui_wait "Inquiry #2 saved" &&
	sql_is "SELECT topic, due_date FROM inquiry WHERE id = 2" "ウェブサイト|2026-11-30"
'
ui_stop
test_done
