#include "db/db_extra.h"

#include <stdlib.h>
#include <string.h>
#include "db/db_internal.h"
#include "util/i18n.h"
#include "util/mem.h"
#include "util/text.h"

void extra_list_add(struct extra_list *l, const char *key, const char *value)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	l->v[l->n].key = xstrdup(key);
	l->v[l->n].value = xstrdup(value ? value : "");
	l->n++;
}

const char *extra_list_get(const struct extra_list *l, const char *key)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i].key, key))
			return l->v[i].value;
	return NULL;
}

void extra_list_release(struct extra_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].key);
		free(l->v[i].value);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static bool valid_tbl(const char *tbl)
{
	return tbl && (!strcmp(tbl, "appointment") || !strcmp(tbl, "organization") ||
		       !strcmp(tbl, "inquiry"));
}

static bool valid_key(const char *k)
{
	size_t n = k ? strlen(k) : 0;

	if (n == 0 || n > 32 || k[0] < 'a' || k[0] > 'z')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((k[i] >= 'a' && k[i] <= 'z') || (k[i] >= '0' && k[i] <= '9') || k[i] == '_'))
			return false;
	return true;
}

int db_extra_get(struct db *db, const char *tbl, long long row_id, struct extra_list *out,
		 struct err *e)
{
	static const char sql[] =
		"SELECT key, value FROM extra_field WHERE tbl = ? AND row_id = ? ORDER BY key";
	sqlite3_stmt *st;
	int rc;

	if (!valid_tbl(tbl))
		return err_set(e, ERR_INPUT, _("extra fields: no table %s"), tbl ? tbl : "");
	if (!(st = db_stmt(db, sql, e)))
		return -1;
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, row_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		extra_list_add(out, (const char *)sqlite3_column_text(st, 0),
			       (const char *)sqlite3_column_text(st, 1));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, _("reading extra fields"), e);
	return 0;
}

int db_extra_set(struct db *db, const char *tbl, long long row_id, const char *key,
		 const char *value, bool multiline, size_t max, struct err *e)
{
	static const char del[] = "DELETE FROM extra_field WHERE tbl = ? AND row_id = ? AND key = ?";
	static const char ins[] =
		"INSERT INTO extra_field (tbl, row_id, key, value) VALUES (?,?,?,?)"
		" ON CONFLICT (tbl, row_id, key) DO UPDATE SET value = excluded.value"
		" WHERE value IS NOT excluded.value";
	sqlite3_stmt *st;

	if (!valid_tbl(tbl))
		return err_set(e, ERR_INPUT, _("extra fields: no table %s"), tbl ? tbl : "");
	if (!valid_key(key))
		return err_set(e, ERR_INPUT, _("extra fields: '%s' is not a field name"),
			       key && text_utf8_valid(key, strlen(key)) ? key : "?");
	if (max == 0 || max > 4000)
		max = 4000;
	if (!value || !*value) {
		if (!(st = db_stmt(db, del, e)))
			return -1;
		sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, row_id);
		sqlite3_bind_text(st, 3, key, -1, SQLITE_TRANSIENT);
		return db_step_done(db, st, key, e);
	}
	if (!(st = db_stmt(db, ins, e)))
		return -1;
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, row_id);
	sqlite3_bind_text(st, 3, key, -1, SQLITE_TRANSIENT);
	if (db_bind_text(db, st, 4, key, value, multiline, max, e) < 0) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return -1;
	}
	return db_step_done(db, st, key, e);
}

int db_extra_set_all(struct db *db, const char *tbl, long long row_id,
		     const struct extra_list *l, const char *const *multiline_keys,
		     struct err *e)
{
	if (db_begin(db, e) < 0)
		return -1;
	for (size_t i = 0; i < l->n; i++) {
		bool multi = false;
		for (size_t k = 0; multiline_keys && multiline_keys[k]; k++)
			if (!strcmp(multiline_keys[k], l->v[i].key))
				multi = true;
		if (db_extra_set(db, tbl, row_id, l->v[i].key, l->v[i].value, multi, 4000, e) < 0) {
			db_rollback(db);
			return -1;
		}
	}
	return db_commit(db, e);
}
