#include "db/db_desk.h"

#include <stdlib.h>
#include <string.h>
#include "db/db_internal.h"
#include "util/i18n.h"

int db_desk_setting(struct db *db, const char *key, char **value, struct err *e)
{
	static const char sql[] = "SELECT value FROM desk_setting WHERE key = ?";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc;

	*value = NULL;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*value = db_col_str(st, 0);
	return db_rows_done(db, st, rc, 0, _("reading the desk's settings"), e) < 0 ? -1 : 0;
}

int db_desk_setting_set(struct db *db, const char *key, const char *value, struct err *e)
{
	static const char del[] = "DELETE FROM desk_setting WHERE key = ?";
	static const char set[] = "INSERT INTO desk_setting (key, value) VALUES (?, ?)"
				  " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
				  " WHERE value IS NOT excluded.value";
	sqlite3_stmt *st = db_stmt(db, value && *value ? set : del, e);

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	if (value && *value && db_bind_text(db, st, 2, key, value, false, 32, e) < 0) {
		sqlite3_reset(st);
		return -1;
	}
	return db_step_done(db, st, _("the desk's settings"), e);
}

int db_staff_name_of_account(struct db *db, const char *account, char **name, struct err *e)
{
	static const char sql[] = "SELECT name FROM staff WHERE account = ?";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc;

	*name = NULL;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, account, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*name = db_col_str(st, 0);
	return db_rows_done(db, st, rc, 0, _("staff"), e) < 0 ? -1 : 0;
}

int db_staff_set_account(struct db *db, long long staff_id, const char *account, struct err *e)
{
	static const char sql[] = "UPDATE staff SET account = ? WHERE id = ? AND account IS NOT ?";
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (!st)
		return -1;
	if (db_bind_opt_text(db, st, 1, _("account"), account && *account ? account : NULL, false, 32, e) < 0) {
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_bind_int64(st, 2, staff_id);
	if (account && *account)
		sqlite3_bind_text(st, 3, account, -1, SQLITE_TRANSIENT);
	if (db_step_done(db, st, _("staff"), e) < 0)
		return err_set_field(e, e->code, "account", "%s", e->msg);
	return 0;
}

int db_audit_each(struct db *db, const char *tbl, long long row_id, int limit,
		  int (*cb)(const struct audit_row *r, void *arg), void *arg, struct err *e)
{
	static const char sql[] =
		"SELECT a.id, a.at, a.actor, s.name, a.tbl, a.row_id, a.action, a.old, a.new"
		" FROM audit a LEFT JOIN staff s ON s.account = a.actor"
		" WHERE (?1 IS NULL OR a.tbl = ?1) AND (?2 = 0 OR a.row_id = ?2)"
		" ORDER BY a.id DESC LIMIT ?3";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc, n = 0;

	if (!st)
		return -1;
	if (tbl && *tbl)
		sqlite3_bind_text(st, 1, tbl, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, row_id);
	sqlite3_bind_int(st, 3, limit > 0 ? limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct audit_row r = {
			sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 5),
			(const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2),
			(const char *)sqlite3_column_text(st, 3), (const char *)sqlite3_column_text(st, 4),
			(const char *)sqlite3_column_text(st, 6), (const char *)sqlite3_column_text(st, 7),
			(const char *)sqlite3_column_text(st, 8),
		};
		n++;
		if (cb(&r, arg))
			break;
	}
	return db_rows_done(db, st, rc, n, _("reading the audit log"), e);
}
