#!/bin/sh
# The command line in Japanese: help, error messages, dates, holidays and
# record views under LANG=ja_JP.UTF-8, English under C.UTF-8; the
# catalog built into the tree; the Japanese manual page.
. "$(dirname "$0")/../lib.sh"

ja() {
	LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 "$MADOGUCHI_BIN" "$@"
}

# Lines of a file that hold no character outside ASCII (labels left in
# English), ignoring the lines that are only command syntax.
english_lines() {
	LC_ALL=C grep -v '[^ -~]' "$1" | grep -v -e '^ *$' -e '^  [a-z-]* ' -e '^  [a-z-]*$' \
		-e '^         \[' -e '^    [a-z]* [a-z]' || true
}

test_expect_success 'the locale ja_JP.UTF-8 exists (tools/deps.sh check)' '
	locale -a | grep -qi "^ja_JP\.utf8$"
'
test_expect_success 'the Japanese catalog is built into the tree' '
	[ -s "$MADOGUCHI_LOCALEDIR/ja/LC_MESSAGES/madoguchi.mo" ]
'
test_expect_success '--help is in Japanese' '
	ja --help >"$TEST_DIR/help" &&
	grep_out "使い方: madoguchi [--db パス] [コマンド [引数]]" <"$TEST_DIR/help" &&
	grep_out "相談予約を登録し、予約番号を表示する" <"$TEST_DIR/help" &&
	grep_out "終了コード: 0 完了、1 窓口のルールにより受付不可" <"$TEST_DIR/help" &&
	! grep -q "Usage:\|Exit codes\|Commands:" "$TEST_DIR/help"
'
test_expect_success 'no English description is left in --help' '
	english_lines "$TEST_DIR/help" >"$TEST_DIR/english" &&
	test_cmp /dev/null "$TEST_DIR/english"
'
test_expect_success '--help lines fit 80 columns in Japanese (2 columns a kanji)' '
	python3 -c "
import sys, unicodedata
bad = [l for l in open(sys.argv[1], encoding=\"utf-8\").read().split(\"\\n\")
       if any(ord(c) > 127 for c in l)
       and sum(2 if unicodedata.east_asian_width(c) in \"WF\" else 1 for c in l) > 80]
print(\"\\n\".join(bad)); sys.exit(1 if bad else 0)" "$TEST_DIR/help"
'
test_expect_success 'the same help is English under C.UTF-8' '
	mado --help >"$TEST_DIR/help-en" &&
	grep_out "Usage: madoguchi [--db PATH]" <"$TEST_DIR/help-en" &&
	grep_out "book an appointment; prints its id" <"$TEST_DIR/help-en"
'
test_expect_code 2 'an unknown command is refused in Japanese' '
	ja frobnicate 2>"$TEST_DIR/err"; rc=$?
	grep_out "madoguchi: 「frobnicate」というコマンドはありません。madoguchi --help をご覧ください" <"$TEST_DIR/err" &&
	exit $rc
'
test_expect_code 2 'an unknown option is refused in Japanese' '
	ja --frob 2>"$TEST_DIR/err"; rc=$?
	grep_out "「--frob」というオプションはありません" <"$TEST_DIR/err" || exit 99; exit $rc
'
test_expect_success 'set up a database' '
	mado init >/dev/null &&
	mado staff add "山田 花子" --kana "やまだ はなこ" >/dev/null &&
	mado org add --name "杉並区地域包括支援センター ケア24成田" --kana "けあ24なりた" \
		--type center --municipality 杉並区 --phone 03-5555-0202 >/dev/null
'
test_expect_code 2 'an impossible date is refused in Japanese' '
	ja day --date 2026-02-30 2>"$TEST_DIR/err"; rc=$?
	grep_out "「2026-02-30」は日付として使えません" <"$TEST_DIR/err" || exit 99; exit $rc
'
test_expect_code 2 'a bad value says what is wrong, in Japanese' '
	ja book --date 2026-11-25 --start 10:00 --channel fax --org 1 2>"$TEST_DIR/err"; rc=$?
	grep_out "相談方法: 「fax」は使えません（phone か visit）" <"$TEST_DIR/err" || exit 99; exit $rc
'
test_expect_success 'holidays: Japanese names and weekdays' '
	ja holidays --year 2026 >"$TEST_DIR/hol" &&
	grep_out "2026-01-01(木) 元日" <"$TEST_DIR/hol" &&
	grep_out "2026-11-23(月) 勤労感謝の日" <"$TEST_DIR/hol" &&
	grep_out "2026-09-22(火) 国民の休日" <"$TEST_DIR/hol" &&
	! grep -q "(Mon)\|(Tue)\|(Wed)\|(Thu)\|(Fri)\|(Sat)\|(Sun)" "$TEST_DIR/hol"
'
test_expect_success 'holidays keep English weekdays under C.UTF-8' '
	mado holidays --year 2026 | grep_out "2026-01-01(Thu) "
'
test_expect_success 'the day list header has the Japanese weekday' '
	ja day --date 2026-11-24 >"$TEST_DIR/day" &&
	grep_out "2026-11-24(火)" <"$TEST_DIR/day" &&
	grep_out "予約はありません" <"$TEST_DIR/day"
'
test_expect_success 'a closed day gives its reason in Japanese' '
	ja day --date 2026-11-28 >"$TEST_DIR/day" &&
	grep_out "2026-11-28(土)  休業:" <"$TEST_DIR/day"
'
test_expect_success 'org show: Japanese labels aligned as the English ones' '
	ja org show 1 >"$TEST_DIR/org" &&
	grep_out "団体 #1" <"$TEST_DIR/org" &&
	grep_out "  団体名:       杉並区地域包括支援センター ケア24成田" <"$TEST_DIR/org" &&
	grep_out "  よみがな:     けあ24なりた" <"$TEST_DIR/org" &&
	grep_out "  区市町村:     杉並区" <"$TEST_DIR/org" &&
	grep_out "  予約件数:     0" <"$TEST_DIR/org" &&
	english_lines "$TEST_DIR/org" >"$TEST_DIR/english" &&
	test_cmp /dev/null "$TEST_DIR/english"
'
test_expect_success 'appointment view in Japanese: 来所相談, labels, minutes' '
	id=$(mado book --date 2026-11-25 --start 10:00 --minutes 60 --channel visit --org 1 \
		--staff "山田 花子" --room 相談室A --topic plan) &&
	ja show "$id" >"$TEST_DIR/show" &&
	grep_out "予約 #$id" <"$TEST_DIR/show" &&
	grep_out "  日時:       2026-11-25(水) 10:00-11:00（60分）" <"$TEST_DIR/show" &&
	grep_out "  相談方法:   来所相談（予約の受付: 電話）" <"$TEST_DIR/show" &&
	grep_out "  状態:       予約済み" <"$TEST_DIR/show" &&
	grep_out "  窓口担当:   山田 花子" <"$TEST_DIR/show" &&
	grep_out "  相談内容:   プラン策定支援" <"$TEST_DIR/show"
'
test_expect_success 'the Japanese manual page renders without warnings' '
	LC_ALL=ja_JP.UTF-8 groff -k -man -Tutf8 -ww "$MADOGUCHI_SRC/man/ja/madoguchi.1" \
		>"$TEST_DIR/man" 2>"$TEST_DIR/groff" &&
	head -20 "$TEST_DIR/groff" | test_cmp /dev/null - &&
	grep_out "東京ホームタウンプロジェクトの相談窓口" <"$TEST_DIR/man" &&
	grep_out "ｹｱ24ﾅﾘﾀ" <"$TEST_DIR/man"
'
test_done
