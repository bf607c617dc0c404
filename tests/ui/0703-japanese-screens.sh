#!/bin/sh
# The desk in Japanese (LANG=ja_JP.UTF-8) at 80x24: the date header for a
# pinned day, screens with no English label left, kana search on the
# organization list; the same desk in English under C.UTF-8.
. "$(dirname "$0")/../lib.sh"

# ASCII words of three letters or more on the screen that are not key
# names, code words or names from the fixture: English left untranslated.
english_words() {
	ui_screen | grep -o '[A-Za-z][A-Za-z][A-Za-z]*' | grep -v -x -e '[A-Za-z][A-Za-z]\{0,1\}' \
		-e Enter -e Esc -e Tab -e PgUp -e PgDn -e Home -e End -e Up -e Down -e Left -e Right \
		-e Space -e Backspace -e Delete -e key -e YYYY -e MM -e DD -e NPO || true
}
# ui_start sets this in the subshell of a test; the later ones need it too.
ui_log="$TEST_DIR/ui-stderr.$$"
ja_start() {
	LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 ui_start "$@"
}

test_expect_success 'fixture: staff, organizations and a booking' '
	mado init >/dev/null &&
	mado staff add "山田 花子" --kana "やまだ はなこ" >/dev/null &&
	mado staff add "佐藤 健" --kana "さとう けん" >/dev/null &&
	mado staff link 山田 --account "$(id -un)" &&
	mado org add --name "杉並区地域包括支援センター ケア24成田" --kana "けあ24なりた" \
		--type center --municipality 杉並区 >/dev/null &&
	mado org add --name "大地ネット" --kana "だいちねっと" --type local --municipality 中野区 >/dev/null &&
	mado org add --name "田中町会" --kana "たなかちょうかい" --type local --municipality 中野区 >/dev/null &&
	mado book --date 2026-11-24 --start 13:00 --minutes 60 --channel visit --org 1 \
		--staff "山田 花子" --room 相談室A --topic plan >/dev/null
'
test_expect_success 'the header gives the pinned day the Japanese way, and who is signed in' '
	ja_start &&
	ui_wait "2026年11月24日(火)" &&
	ui_screen | head -1 | grep_out " 窓口  2026年11月24日(火)  本日の予定" &&
	ui_screen | head -1 | grep_out "山田 花子  現在 10:15"
'
test_expect_success 'the day screen: Japanese labels, no English left' '
	ui_wait "来" &&
	ui_screen | grep_out "受付 10:00-17:00、予約 1 件" &&
	ui_screen | grep_out "F1 ヘルプ F9 メニュー q 終了" &&
	english_words >"$TEST_DIR/en" && test_cmp /dev/null "$TEST_DIR/en"
'
test_expect_success 'the week screen has Japanese weekdays and no English' '
	ui_keys w && ui_wait "2026年11月23日からの週" &&
	ui_screen | grep_out "11/23 月" &&
	ui_screen | grep_out "勤労感謝" &&
	english_words >"$TEST_DIR/en" && test_cmp /dev/null "$TEST_DIR/en"
'
test_expect_success 'the month screen has no English' '
	ui_keys m && ui_wait "2026年11月: 予約 1 件" &&
	ui_screen | grep_out "24 今日" &&
	english_words >"$TEST_DIR/en" && test_cmp /dev/null "$TEST_DIR/en"
'
test_expect_success 'the help screen lists the keys in Japanese' '
	ui_keys F1 && ui_wait "画面のキー操作" &&
	ui_screen | grep_out "上へ（前の時間枠、前の行）" &&
	english_words >"$TEST_DIR/en" && test_cmp /dev/null "$TEST_DIR/en" &&
	ui_keys Escape && ui_wait_gone "画面のキー操作"
'
test_expect_success 'organization list: あいうえお order, Japanese headings' '
	ui_keys O && ui_wait "団体: 3 件" &&
	ui_screen | grep_out "番号   団体名" &&
	ui_screen | grep -n "けあ24なりた\|だいちねっと\|たなかちょうかい" | cut -d: -f1 | tr "\n" " " >"$TEST_DIR/order" &&
	set -- $(cat "$TEST_DIR/order") && [ "$1" -lt "$2" ] && [ "$2" -lt "$3" ] &&
	english_words >"$TEST_DIR/en" && test_cmp /dev/null "$TEST_DIR/en"
'
test_expect_success 'search with half-width katakana finds ケア24成田' '
	ui_keys / && ui_wait "団体名またはよみがな:" &&
	ui_type "ｹｱ24ﾅﾘﾀ" && ui_keys Enter &&
	ui_wait "「ｹｱ24ﾅﾘﾀ」に当てはまる団体: 1 件" &&
	ui_screen | grep_out "けあ24なりた" &&
	! ui_screen | grep -q "だいちねっと"
'
test_expect_success 'search with hiragana finds the same' '
	ui_keys / && ui_wait "団体名またはよみがな:" &&
	ui_keys C-u && ui_type "けあ２４" && ui_keys Enter &&
	ui_wait "「けあ２４」に当てはまる団体: 1 件" &&
	ui_screen | grep_out "けあ24なりた"
'
test_expect_success 'quit' '
	ui_keys q && ui_wait "[exited 0]" && ui_stop
'
test_expect_success 'an era boundary day: 令和 starts 2019-05-01, no leading zeros' '
	MADOGUCHI_NOW=2019-05-01T10:00 && export MADOGUCHI_NOW && TMUX_SOCK=$TMUX_SOCK-era &&
	ja_start && ui_wait "2019年5月1日(水)" && ui_stop
'
test_expect_success 'the same desk stays English under C.UTF-8' '
	MADOGUCHI_NOW=2026-11-24T10:15 && export MADOGUCHI_NOW && TMUX_SOCK=$TMUX_SOCK-en &&
	ui_start && ui_wait "2026-11-24 (Tue)" &&
	ui_screen | head -1 | grep_out " Desk  2026-11-24 (Tue)  Day schedule" &&
	ui_screen | grep_out "F1 Help F9 Menu q Quit" &&
	! ui_screen | grep -q "ヘルプ\|窓口\|予約" &&
	ui_stop
'
# (servers of the last two tests, if they failed before ui_stop)
tmux -L "$TMUX_SOCK-era" kill-server 2>/dev/null
tmux -L "$TMUX_SOCK-en" kill-server 2>/dev/null
test_done
