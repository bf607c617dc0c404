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
test_done
