#include "db/db_demo.h"

#include <stdio.h>
#include "db/db_internal.h"
#include "db/db_org.h"
#include "demo.h"
#include "util/date.h"
#include "util/i18n.h"

int db_demo_load(struct db *db, const int *days, int n_days, int first_n, int today,
		 const char *now, struct err *e)
{
	sqlite3_stmt *st = NULL;
	char date[DATE_STRLEN], *errmsg = NULL;
	int rc;

	if (db_begin(db, e) < 0)
		return -1;
	rc = sqlite3_prepare_v2(db->h, "SELECT (SELECT count(*) FROM organization) + (SELECT count(*) FROM appointment)", -1, &st, NULL);
	if (rc != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
		db_fail(db, rc, _("demo"), e);
		goto fail;
	}
	if (sqlite3_column_int(st, 0) > 0) {
		err_set(e, ERR_INPUT, _("%s already holds records; the demo needs an empty database"), db->path);
		goto fail;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (db_exec(db, "CREATE TEMP TABLE demo_day (n INTEGER PRIMARY KEY, d TEXT NOT NULL);"
			"CREATE TEMP TABLE demo_now (today TEXT, now TEXT);", e) < 0)
		goto fail;
	rc = sqlite3_prepare_v2(db->h, "INSERT INTO demo_day (n, d) VALUES (?, ?)", -1, &st, NULL);
	if (rc != SQLITE_OK) {
		db_fail(db, rc, _("demo"), e);
		goto fail;
	}
	for (int i = 0; i < n_days; i++) {
		sqlite3_bind_int(st, 1, first_n + i);
		sqlite3_bind_text(st, 2, date_format(days[i], date), -1, SQLITE_TRANSIENT);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE) {
			db_fail(db, rc, _("demo"), e);
			goto fail;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	rc = sqlite3_prepare_v2(db->h, "INSERT INTO demo_now VALUES (?, ?)", -1, &st, NULL);
	if (rc != SQLITE_OK) {
		db_fail(db, rc, _("demo"), e);
		goto fail;
	}
	sqlite3_bind_text(st, 1, date_format(today, date), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) != SQLITE_DONE) {
		db_fail(db, rc, _("demo"), e);
		goto fail;
	}
	sqlite3_finalize(st);
	st = NULL;
	for (int i = 0; i < demo_sql_COUNT; i++) {
		rc = sqlite3_exec(db->h, demo_sql[i], NULL, NULL, &errmsg);
		if (rc != SQLITE_OK) {
			err_set(e, ERR_DB, _("loading the demo failed: %s"), errmsg ? errmsg : sqlite3_errstr(rc));
			sqlite3_free(errmsg);
			goto fail;
		}
	}
	if (db_exec(db, "DROP TABLE temp.demo_day; DROP TABLE temp.demo_now;", e) < 0 ||
	    db_org_fill_keys(db, e) < 0)	/* the demo's rows are plain SQL */
		goto fail;
	return db_commit(db, e);
fail:
	sqlite3_finalize(st);
	db_rollback(db);
	db_exec(db, "DROP TABLE IF EXISTS temp.demo_day; DROP TABLE IF EXISTS temp.demo_now;", NULL);
	return -1;
}
