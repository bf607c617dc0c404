/* The schema refuses bad text in every TEXT column of every table, as
 * the program's text_check() does (db/006_text_triggers.sql): another
 * program writing through SQLite with our functions, e.g. an old or
 * buggy tool, cannot store escapes, C1 or bidi controls or invalid
 * UTF-8.  Real database file, the demo desk's rows. */
#include <sqlite3.h>
#include "core/demo.h"
#include "db/db_internal.h"
#include "tap.h"
#include "testdb.h"

static int one_int(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

int main(void)
{
	static const struct {
		const char *what, *sql;
	} bad[] = {
		{ "ESC", "char(27) || '[2J'" },
		{ "a C1 control", "'a' || char(155) || 'b'" },
		{ "U+202E", "'abc' || char(8238) || 'exe'" },
		{ "invalid UTF-8", "CAST(X'61FF62' AS TEXT)" },
		{ "DEL", "'a' || char(127)" },
	};
	struct testdb t;
	struct desk_ctx d;
	struct err e = { 0 };
	sqlite3_stmt *cols;
	int checked = 0, tables = 0;

	if (testdb_open(&t, &d, "texttrig", "2026-11-24T10:15", &e) < 0 || demo_fill(&d, &e) < 0) {
		printf("Bail out! %s\n", e.msg);
		return 1;
	}
	sqlite3 *h = t.db->h;
	/* a row in every table that has none (the demo leaves a few empty) */
	db_exec(t.db, "INSERT INTO closed_day (date, reason) VALUES ('2026-12-01', '棚卸し');"
		      "INSERT INTO staff_block (uid, staff_id, date, start_min, minutes, title)"
		      " VALUES ('b1@x', 1, '2026-11-25', 600, 30, '不在');"
		      "INSERT INTO setting (key, value) VALUES ('k', 'v');"
		      "INSERT INTO extra_field (tbl, row_id, key, value) VALUES ('appointment', 1, 'x', 'y');"
		      "INSERT INTO desk_setting (key, value) VALUES ('lead_group', 'desk-lead');"
		      "INSERT INTO mail_letter (appt_id, kind, sequence, to_addr, subject, body, ics,"
		      " status, error, created_at, sent_at, claimed_at) VALUES (1, 'booked', 0,"
		      " 'a@example.jp', '件名', '本文', 'BEGIN:VCALENDAR', 'queued', 'x',"
		      " '2026-11-24T01:15:00Z', '2026-11-24T01:15:00Z', '2026-11-24T01:15:00Z');",
		&e);
	ok(sqlite3_prepare_v2(h,
			      "SELECT m.name, p.name FROM sqlite_schema m, pragma_table_info(m.name) p"
			      " WHERE m.type = 'table' AND m.name NOT LIKE '%fts%' AND p.type = 'TEXT'"
			      /* written only by the audit and search triggers, from checked values */
			      " AND m.name NOT IN ('audit', 'inquiry_search')"
			      " ORDER BY 1, 2", -1, &cols, NULL) == SQLITE_OK, "list the TEXT columns");
	while (sqlite3_step(cols) == SQLITE_ROW) {
		const char *tbl = (const char *)sqlite3_column_text(cols, 0);
		const char *col = (const char *)sqlite3_column_text(cols, 1);
		char sql[512];
		int refused = 0;

		snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\"", tbl);
		if (one_int(h, sql) < 1) {
			ok(0, "%s has a row to update", tbl);
			continue;
		}
		for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			snprintf(sql, sizeof sql,
				 "UPDATE \"%s\" SET \"%s\" = %s WHERE rowid = (SELECT min(rowid) FROM \"%s\")",
				 tbl, col, bad[i].sql, tbl);
			int rc = sqlite3_exec(h, sql, NULL, NULL, NULL);
			refused += rc != SQLITE_OK;
			if (rc == SQLITE_OK)
				diag("%s.%s took %s", tbl, col, bad[i].what);
		}
		ok(refused == (int)(sizeof bad / sizeof bad[0]), "%s.%s refuses all bad text", tbl, col);
		checked++;
	}
	sqlite3_finalize(cols);
	ok(checked >= 65, "every TEXT column was tried (%d)", checked);
	tables = one_int(h, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'text_ok_%'");
	ok(tables >= 32, "text triggers on every table (%d)", tables);

	/* the same on insert, and good text still goes in */
	is_int(sqlite3_exec(h, "INSERT INTO closed_day (date, reason) VALUES ('2026-12-02', char(27))", NULL, NULL,
			    NULL) != SQLITE_OK, 1, "an insert with ESC is refused");
	is_int(db_exec(t.db, "INSERT INTO closed_day (date, reason) VALUES ('2026-12-02', '臨時休業')", &e), 0,
	       "an insert of good Japanese text works");
	is_int(db_exec(t.db, "UPDATE appointment SET note = '資料' || char(9) || '持参' || char(10) || 'です'"
			     " WHERE id = 1", &e), 0, "a note keeps tab and newline");
	is_int(sqlite3_exec(h, "UPDATE appointment SET room = 'A' || char(9) WHERE id = 1", NULL, NULL, NULL) !=
		       SQLITE_OK, 1, "a one-line column refuses a tab");
	is_int(db_check(t.db, &e), 0, "quick_check is ok");
	testdb_close(&t);
	return done_testing();
}
