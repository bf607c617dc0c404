#!/bin/sh
# Names people pick from a list (organizations, their readings,
# contacts, staff, programs) refuse invisible characters, so a
# look-alike of an organization cannot be made; notes keep them.
. "$(dirname "$0")/../lib.sh"

test_expect_success 'a desk' '
	mado init >/dev/null && mado staff add 山田 &&
	mado org add --name "墨田区 太壱みまもりネットワーク" --type local --municipality 墨田区 >/dev/null
'
for cp in e2808b e2808c e2808d e281a0 efbbbf c2ad e385a4 efbea0 f3a08081; do
	ch=$(perl -e 'print pack("H*", $ARGV[0])' $cp)
	test_expect_code 2 "an organization name with U+$cp is refused" '
		mado org add --name "墨田区 太壱みまもり${ch}ネットワーク" --type local --municipality 墨田区 2>"$TEST_DIR/err"; rc=$?
		grep -q "invisible character" "$TEST_DIR/err" || { cat "$TEST_DIR/err"; exit 9; }; exit $rc
	'
	test_expect_code 2 "a reading with U+$cp is refused" '
		mado org add --name "別の会" --kana "べつ${ch}のかい" --type local --municipality 墨田区
	'
	test_expect_code 2 "a staff name with U+$cp is refused" 'mado staff add "山${ch}田"'
	test_expect_code 2 "a contact name with U+$cp is refused" '
		mado book --date 2026-11-25 --start 10:00 --channel phone --org 1 --contact "中村${ch}翔"
	'
	test_expect_code 2 "a program name with U+$cp is refused" 'mado program add --name "公開${ch}講座"'
done
test_expect_success 'nothing of it was stored' '
	[ "$(sql "SELECT count(*) FROM organization")" = 1 ] && [ "$(sql "SELECT count(*) FROM staff")" = 1 ] &&
	[ "$(sql "SELECT count(*) FROM appointment")" = 0 ] && [ "$(sql "SELECT count(*) FROM program")" = 0 ]
'
test_expect_success 'ordinary Japanese names, with the ideographic space, are taken' '
	mado org add --name "ＮＰＯ法人　風のやすみば" --kana "かぜのやすみば" --type local --municipality 墨田区 >/dev/null &&
	mado staff add "佐藤　健" && mado program add --name "ライフシフト・セミナー" >/dev/null
'
test_expect_success 'a note may still hold a zero-width joiner (emoji sequences)' '
	mado book --date 2026-11-25 --start 10:00 --channel phone --org 1 \
		--note "$(printf "家族\342\200\215連絡")" >/dev/null
'
test_done
