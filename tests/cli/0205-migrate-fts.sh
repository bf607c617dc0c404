#!/bin/sh
# A database made by schema version 1 only (before the full-text index)
# is brought up to date when the program opens it: the data is kept and
# the inquiries and notes it already held become searchable.
. "$(dirname "$0")/../lib.sh"

latest=$(ls "$SRC_DIR"/db/[0-9][0-9][0-9]_*.sql | wc -l)

# The schema of version 1 with the program's SQL functions replaced by
# constants, and a few records, as an old program left them.
make_v1() {
	sed -e "s/mado_now()/'2026-01-05T01:00:00Z'/g" -e "s/mado_actor()/'old'/g" \
		"$SRC_DIR/db/001_init.sql" >"$TEST_DIR/v1.sql" &&
	sqlite3 -batch "$MADOGUCHI_DB" <"$TEST_DIR/v1.sql" &&
	sqlite3 -batch "$MADOGUCHI_DB" <<-\EOF
	INSERT INTO staff (name) VALUES ('山田 花子');
	INSERT INTO organization (name, kana, type, municipality) VALUES ('小平市 地域包括ケア推進課', 'こだいらし', 'municipality', '小平市');
	INSERT INTO inquiry (received_at, channel, org_id, topic, summary, status, due_date, staff_id) VALUES
	  ('2026-01-05T10:00', 'phone', 1, 'plan', '伴走支援事業の申込方法について問い合わせ。', 'open', '2026-01-09', 1),
	  ('2026-01-06T11:00', 'email', NULL, 'other', 'ライフシフトプログラムの日程', 'closed', NULL, NULL);
	INSERT INTO inquiry_note (inquiry_id, at, staff_id, text) VALUES
	  (1, '2026-01-05T10:30', 1, '要項をメールで送付。締切日を念押し。'),
	  (2, '2026-01-06T11:10', NULL, 'Life Shift seminar: 3331 Arts Chiyoda');
	PRAGMA user_version = 1;
	EOF
}

test_expect_success 'make a version-1 database with sqlite3 alone' '
	make_v1 &&
	chmod 600 "$MADOGUCHI_DB" &&
	[ "$(sql "PRAGMA user_version")" = 1 ] &&
	[ "$(sql "SELECT count(*) FROM sqlite_schema WHERE name = '\''inquiry_fts'\''")" = 0 ] &&
	[ "$(sql "SELECT count(*) FROM inquiry")" = 2 ]
'
test_expect_success 'opening it migrates to the latest schema' '
	mado inquiry list --search 締切日を念押し --tsv >"$TEST_DIR/hits" &&
	[ "$(sql "PRAGMA user_version")" = "$latest" ] &&
	[ "$latest" -ge 2 ] &&
	[ "$(sql "SELECT count(*) FROM sqlite_schema WHERE name IN ('\''inquiry_fts'\'', '\''inquiry_note_fts'\'')")" = 2 ]
'
test_expect_success 'the old note was found through the index' '
	[ "$(cut -f1 "$TEST_DIR/hits")" = 1 ]
'
test_expect_success 'the data is kept' '
	[ "$(sql "SELECT count(*) FROM inquiry")" = 2 ] &&
	[ "$(sql "SELECT count(*) FROM inquiry_note")" = 2 ] &&
	[ "$(sql "SELECT summary, due_date FROM inquiry WHERE id = 1")" = "伴走支援事業の申込方法について問い合わせ。|2026-01-09" ] &&
	[ "$(sql "SELECT count(*) FROM audit WHERE actor = '\''old'\''")" -gt 0 ]
'
test_expect_success 'old summaries and notes are searchable: Japanese, ASCII, short words' '
	[ "$(mado inquiry list --search 申込方法 --tsv | cut -f1)" = 1 ] &&
	[ "$(mado inquiry list --search "arts chiyoda" --tsv | cut -f1)" = 2 ] &&
	[ "$(mado inquiry list --search 日程 --tsv | cut -f1)" = 2 ] &&
	[ "$(sql "SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH '\''\"ライフシフト\"'\''")" = 2 ] &&
	[ "$(sql "SELECT rowid FROM inquiry_note_fts WHERE inquiry_note_fts MATCH '\''\"メールで送付\"'\''")" = 1 ]
'
test_expect_success 'the index follows new notes after the migration' '
	mado inquiry note 2 "再度の問い合わせ: 第2回の会場" &&
	[ "$(mado inquiry list --search 第2回の会場 --tsv | cut -f1)" = 2 ]
'
test_expect_success 'the index stays consistent (FTS5 integrity-check)' '
	sql "INSERT INTO inquiry_fts (inquiry_fts) VALUES ('\''integrity-check'\'')" &&
	sql "INSERT INTO inquiry_note_fts (inquiry_note_fts) VALUES ('\''integrity-check'\'')"
'
test_expect_success 'opening again does not migrate twice' '
	mado inquiry list >/dev/null &&
	[ "$(sql "PRAGMA user_version")" = "$latest" ] &&
	[ "$(sql "SELECT count(*) FROM inquiry_fts WHERE inquiry_fts MATCH '\''\"申込方法\"'\''")" = 1 ]
'
test_done
