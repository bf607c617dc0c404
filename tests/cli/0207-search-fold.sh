#!/bin/sh
# One normalization and one search behaviour for every list (issue 14
# item 4, issue 17): inquiry search folds kana and width as organization
# search does (ぼらんてぃあ and ﾎﾞﾗﾝﾃｨｱ find ボランティア), finds terms of one
# and two characters, finds an inquiry by its organization's name and
# reading; appointment search folds the same way; and a database made
# before the search index gets it for the rows it already holds.
. "$(dirname "$0")/../lib.sh"

ids() {
	mado inquiry list --tsv "$@" | cut -f1 | tr '\n' ' ' | sed 's/ $//'
}

test_expect_success 'set up organizations and inquiries' '
	mado init >/dev/null &&
	mado staff add "山田 花子" &&
	mado org add --name "田中町会" --kana "たなかちょうかい" --type local --municipality 中野区 >/dev/null &&
	mado org add --name "ＮＰＯ法人ひまわり" --kana "ヒマワリ" --type local --municipality 中野区 >/dev/null &&
	mado inquiry add --channel phone --topic other --org 田中町会 --summary "ボランティア募集の相談" \
		--received 2026-11-20T10:00 >/dev/null &&
	mado inquiry add --channel email --topic other --summary "助成金の申込方法" --received 2026-11-21T10:00 >/dev/null &&
	mado inquiry add --channel phone --topic other --org ＮＰＯ法人ひまわり --summary "チラシ制作について" \
		--received 2026-11-22T10:00 >/dev/null
'
for q in ボランティア ぼらんてぃあ ﾎﾞﾗﾝﾃｨｱ ぼら ボ 田中 たなか ﾀﾅｶ 町会; do
	test_expect_success "inquiry search $q finds #1 only" "
		[ \"\$(ids --search '$q')\" = 1 ]
	"
done
test_expect_success 'one and two kanji; nothing for characters found nowhere' '
	[ "$(ids --search 助成)" = 2 ] &&
	[ "$(ids --search 助)" = 2 ] &&
	[ -z "$(ids --search 猫犬)" ] &&
	[ -z "$(ids --search 猫)" ]
'
test_expect_success 'letters and digits of either width, either case' '
	[ "$(ids --search npo)" = 3 ] &&
	[ "$(ids --search ＮＰＯ)" = 3 ] &&
	[ "$(ids --search ひまわり)" = 3 ]
'
test_expect_success 'a note is found by one character, folded' '
	mado inquiry note 2 "ｹｱﾏﾈｼﾞｬｰに確認" &&
	[ "$(ids --search けあまね)" = 2 ] &&
	[ "$(ids --search 確)" = 2 ]
'
test_expect_success 'a common character: every inquiry that holds it, newest first' '
	[ "$(ids --search の)" = "2 1" ]
'
test_expect_success 'appointment search folds the same way' '
	mado book --date 2026-11-25 --start 10:00 --channel phone --org ＮＰＯ法人ひまわり \
		--staff "山田 花子" --note "ﾁﾗｼ持参" >/dev/null &&
	mado agenda --from 2026-11-25 --to 2026-11-25 --search npo --tsv >"$TEST_DIR/a" &&
	[ "$(wc -l <"$TEST_DIR/a")" = 1 ] &&
	mado agenda --from 2026-11-25 --to 2026-11-25 --search ちらし --tsv >"$TEST_DIR/b" &&
	[ "$(wc -l <"$TEST_DIR/b")" = 1 ] &&
	mado agenda --from 2026-11-25 --to 2026-11-25 --search 猫 --tsv >"$TEST_DIR/c" &&
	[ "$(wc -l <"$TEST_DIR/c")" = 0 ]
'

# (renaming an organization: tests/unit/test_inquiry_search.c, since no
# command renames one)

# A version-1 database, as an old program left it: opening it builds the
# search docs and the index for what it holds.
make_v1() {
	sed -e "s/mado_now()/'2026-01-05T01:00:00Z'/g" -e "s/mado_actor()/'old'/g" \
		"$SRC_DIR/db/001_init.sql" >"$TEST_DIR/v1.sql" &&
	sqlite3 -batch "$1" <"$TEST_DIR/v1.sql" &&
	sqlite3 -batch "$1" <<-\EOF
	INSERT INTO organization (name, kana, type, municipality) VALUES ('小平市 地域包括ケア推進課', 'こだいらし', 'municipality', '小平市');
	INSERT INTO inquiry (received_at, channel, org_id, topic, summary, status) VALUES
	  ('2026-01-05T10:00', 'phone', 1, 'plan', 'ボランティア養成講座', 'open'),
	  ('2026-01-06T11:00', 'email', NULL, 'other', '日程', 'closed');
	INSERT INTO inquiry_note (inquiry_id, at, text) VALUES (2, '2026-01-06T11:10', 'ｶﾞｲﾄﾞを送付');
	PRAGMA user_version = 1;
	EOF
}
test_expect_success 'an old database gets the index for its rows' '
	db=$TEST_DIR/v1.db &&
	make_v1 "$db" &&
	chmod 600 "$db" &&
	[ "$(mado --db "$db" inquiry list --search ﾎﾞﾗﾝﾃｨｱ --tsv | cut -f1)" = 1 ] &&
	[ "$(mado --db "$db" inquiry list --search こだいら --tsv | cut -f1)" = 1 ] &&
	[ "$(mado --db "$db" inquiry list --search がいど --tsv | cut -f1)" = 2 ] &&
	[ "$(mado --db "$db" inquiry list --search 日 --tsv | cut -f1)" = 2 ] &&
	[ "$(sqlite3 "$db" "SELECT count(*) FROM inquiry_search")" = 2 ]
'
test_done
