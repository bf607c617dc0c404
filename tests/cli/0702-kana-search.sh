#!/bin/sh
# Organizations found by their kana reading whichever way it is typed
# (hiragana, katakana, half-width katakana; full- or half-width digits
# and letters), and listed in あいうえお order of the reading.
. "$(dirname "$0")/../lib.sh"

ja() {
	LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 "$MADOGUCHI_BIN" "$@"
}
add() {
	mado org add --name "$1" --kana "$2" --type "$3" --municipality "$4" >/dev/null
}
# The names found by a search, one per line (TSV column 2).
names() {
	mado org search "$1" --tsv | cut -f2
}

test_expect_success 'set up organizations with readings' '
	mado init >/dev/null &&
	add "杉並区地域包括支援センター ケア24成田" "けあ24なりた" center 杉並区 &&
	add "田中町会" "たなかちょうかい" local 中野区 &&
	add "大地ネット" "ダイチネット" local 中野区 &&
	add "ＮＰＯ法人ＡＢＣ地域支援" "えぬぴーおーほうじんえーびーしー" intermediary 新宿区 &&
	add "学園通り見守り隊" "がくえんどおりみまもりたい" local 立川市 &&
	add "かなえの会" "かなえのかい" local 立川市 &&
	add "ケア24高井戸" "けあ24たかいど" center 杉並区 &&
	add "読み未登録の会" "" local 港区
'
for q in けあ24なりた ケア24ナリタ ｹｱ24ﾅﾘﾀ けあ２４なりた ｹｱ２４ﾅﾘﾀ ケア24成田 成田; do
	test_expect_success "org search $q finds ケア24成田 only" "
		names '$q' >\"\$TEST_DIR/out\" &&
		echo '杉並区地域包括支援センター ケア24成田' >\"\$TEST_DIR/want\" &&
		test_cmp \"\$TEST_DIR/want\" \"\$TEST_DIR/out\"
	"
done
test_expect_success 'ｹｱ24 finds both ケア24 centers, in reading order' '
	names ｹｱ24 >"$TEST_DIR/out" &&
	printf "%s\n" "ケア24高井戸" "杉並区地域包括支援センター ケア24成田" >"$TEST_DIR/want" &&
	test_cmp "$TEST_DIR/want" "$TEST_DIR/out"
'
test_expect_success 'half-width letters find full-width ones and the other way round' '
	[ "$(names abc)" = "ＮＰＯ法人ＡＢＣ地域支援" ] &&
	[ "$(names ＡＢＣ)" = "ＮＰＯ法人ＡＢＣ地域支援" ] &&
	[ "$(names npo)" = "ＮＰＯ法人ＡＢＣ地域支援" ]
'
test_expect_success 'full-width digits find half-width ones' '
	[ "$(names ケア２４成田)" = "杉並区地域包括支援センター ケア24成田" ]
'
test_expect_success 'a katakana reading is found from hiragana and half-width kana' '
	[ "$(names だいち)" = "大地ネット" ] &&
	[ "$(names ﾀﾞｲﾁ)" = "大地ネット" ]
'
test_expect_success 'a search that matches nothing says so' '
	mado org search ほげほげ >"$TEST_DIR/out" &&
	grep_out "no organizations" <"$TEST_DIR/out" &&
	ja org search ほげほげ | grep_out "該当する団体はありません"
'
test_expect_success 'org list is in あいうえお order of the reading, unread last' '
	mado org list --tsv | cut -f2 >"$TEST_DIR/out" &&
	cat >"$TEST_DIR/want" <<-\EOT &&
	ＮＰＯ法人ＡＢＣ地域支援
	学園通り見守り隊
	かなえの会
	ケア24高井戸
	杉並区地域包括支援センター ケア24成田
	大地ネット
	田中町会
	読み未登録の会
	EOT
	test_cmp "$TEST_DIR/want" "$TEST_DIR/out"
'
test_expect_success 'voiced kana sort with their plain letter (だいち before たなか)' '
	mado org list | grep -n "大地ネット\|田中町会" | cut -d: -f1 | tr "\n" " " >"$TEST_DIR/lines" &&
	set -- $(cat "$TEST_DIR/lines") && [ "$1" -lt "$2" ]
'
test_expect_success 'a booking finds its organization from half-width kana' '
	id=$(mado book --date 2026-11-25 --start 10:00 --channel phone --org ｹｱ24ﾅﾘﾀ) &&
	[ "$(sql "SELECT o.name FROM appointment a JOIN organization o ON o.id = a.org_id WHERE a.id = $id")" = "杉並区地域包括支援センター ケア24成田" ]
'
test_done
