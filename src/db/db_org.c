#include "db/db_org.h"

#include <stdlib.h>
#include <string.h>
#include "db/db_internal.h"
#include "util/i18n.h"
#include "util/kana.h"
#include "util/mem.h"


/* The stored search and sort keys (db/004_org_search_keys.sql) of the
 * name ?1 and reading ?2, through the functions of db.c that wrap
 * kana_fold() and kana_sort_key(); an empty reading sorts last. */
#define ORG_KEY_COLS "name_key, kana_key, sort_key"
#define ORG_KEY_VALUES \
	"mado_fold(?1), mado_fold(?2), " SORT_KEY_OF("?2")
#define SORT_KEY_OF(kana) "CASE WHEN " kana " = '' THEN X'FF' ELSE mado_sortkey(" kana ") END"

static void org_from_row(sqlite3_stmt *st, struct org *o)
{
	memset(o, 0, sizeof *o);
	o->id = sqlite3_column_int64(st, 0);
	o->name = db_col_str(st, 1);
	o->kana = db_col_str(st, 2);
	int t = model_lookup(org_type_code, ORG_TYPE_COUNT, (const char *)sqlite3_column_text(st, 3));
	o->type = t < 0 ? ORG_LOCAL : (enum org_type)t;
	o->municipality = db_col_str(st, 4);
	o->phone = db_col_str(st, 5);
	o->email = db_col_str(st, 6);
	o->address = db_col_str(st, 7);
	o->note = db_col_str(st, 8);
}

static int bind_org(struct db *db, sqlite3_stmt *st, const struct org *o, struct err *e)
{
	if (db_bind_name(db, st, 1, _("name"), o->name, 200, e) < 0 ||
	    db_bind_name(db, st, 2, _("reading"), o->kana ? o->kana : "", 200, e) < 0 ||
	    db_bind_text(db, st, 3, _("type"), org_type_code[o->type], false, 0, e) < 0 ||
	    db_bind_text(db, st, 4, _("municipality"), o->municipality, false, 20, e) < 0 ||
	    db_bind_opt_text(db, st, 5, _("phone"), o->phone, false, 40, e) < 0 ||
	    db_bind_opt_text(db, st, 6, _("e-mail"), o->email, false, 254, e) < 0 ||
	    db_bind_opt_text(db, st, 7, _("address"), o->address, false, 300, e) < 0 ||
	    db_bind_opt_text(db, st, 8, _("note"), o->note, true, 4000, e) < 0)
		return -1;
	if (!*o->name)
		return err_set(e, ERR_INPUT, _("name: required"));
	return 0;
}

int db_municipality_valid(struct db *db, const char *name, struct err *e)
{
	static const char sql[] = "SELECT 1 FROM municipality WHERE name = ?";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name ? name : "", -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, _("municipality"), e);
	return err_set(e, ERR_INPUT,
		       _("municipality: '%s' is not one of Tokyo's 62 municipalities (write %s for an organization outside Tokyo)"),
		       name ? name : "", OUTSIDE_TOKYO);
}

int db_org_insert(struct db *db, struct org *o, struct err *e)
{
	static const char sql[] =
		"INSERT INTO organization (name, kana, type, municipality, phone, email, address, note,"
		" " ORG_KEY_COLS ") VALUES (?1,?2,?3,?4,?5,?6,?7,?8, " ORG_KEY_VALUES ")";
	sqlite3_stmt *st;

	if (db_municipality_valid(db, o->municipality, e) < 0)
		return -1;
	if (!(st = db_stmt(db, sql, e)) || bind_org(db, st, o, e) < 0)
		return -1;
	if (db_step_done(db, st, _("organization"), e) < 0)
		return -1;
	o->id = sqlite3_last_insert_rowid(db->h);
	return 0;
}

int db_org_update(struct db *db, const struct org *o, struct err *e)
{
	static const char sql[] =
		"UPDATE organization SET name = ?1, kana = ?2, type = ?3, municipality = ?4, phone = ?5,"
		" email = ?6, address = ?7, note = ?8, updated_at = mado_now(),"
		" (" ORG_KEY_COLS ") = (" ORG_KEY_VALUES ") WHERE id = ?9";
	sqlite3_stmt *st;

	if (db_municipality_valid(db, o->municipality, e) < 0)
		return -1;
	if (!(st = db_stmt(db, sql, e)) || bind_org(db, st, o, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 9, o->id);
	if (db_step_done(db, st, _("organization"), e) < 0)
		return -1;
	if (sqlite3_changes(db->h) == 0)
		return err_set(e, ERR_INPUT, _("no organization #%lld"), o->id);
	return 0;
}

int db_org_get(struct db *db, long long id, struct org *o, struct err *e)
{
	static const char sql[] =
		"SELECT id, name, kana, type, municipality, phone, email, address, note"
		" FROM organization WHERE id = ?";
	sqlite3_stmt *st = db_row_by_id(db, sql, id, _("no organization #%lld"), _("organization"), e);

	if (!st)
		return -1;
	org_from_row(st, o);
	sqlite3_reset(st);
	return 0;
}

int db_org_find(struct db *db, const char *name, struct org *o, struct err *e)
{
	return db_org_find_in(db, name, NULL, o, e);
}

int db_org_find_in(struct db *db, const char *name, const char *municipality, struct org *o,
		   struct err *e)
{
	static const char sql[] =
		"SELECT id, name, kana, type, municipality, phone, email, address, note"
		" FROM organization WHERE name = ?1 ORDER BY municipality IS NOT ?2, id LIMIT 1";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, municipality ? municipality : "", -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		org_from_row(st, o);
	return db_rows_done(db, st, rc, rc == SQLITE_DONE, _("organization"), e);
}

int db_org_search(struct db *db, const char *query, int limit,
		  int (*cb)(const struct org *o, void *arg), void *arg, struct err *e)
{
	static const char sql[] =
		"SELECT id, name, kana, type, municipality, phone, email, address, note"
		" FROM organization"
		" WHERE ?1 = '' OR instr(name_key, ?1) > 0 OR instr(kana_key, ?1) > 0"
		" ORDER BY sort_key, name, name_key, kana_key, id LIMIT ?2";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	char *key;
	int rc, n = 0;

	if (!st)
		return -1;
	key = kana_fold(query ? query : "");
	sqlite3_bind_text(st, 1, key, -1, free);
	sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct org o;
		org_from_row(st, &o);
		n++;
		int stop = cb ? cb(&o, arg) : 0;
		org_release(&o);
		if (stop)
			break;
	}
	return db_rows_done(db, st, rc, n, _("searching organizations"), e);
}

int db_contact_ensure(struct db *db, long long org_id, const char *name,
		      const char *phone, const char *email, long long *id, struct err *e)
{
	static const char sel[] = "SELECT id FROM contact WHERE org_id = ? AND name = ?";
	static const char ins[] =
		"INSERT INTO contact (org_id, name, phone, email) VALUES (?,?,?,?)";
	static const char upd[] =
		"UPDATE contact SET phone = coalesce(?, phone), email = coalesce(?, email)"
		" WHERE id = ? AND (coalesce(phone,'') IS NOT coalesce(?, phone, '')"
		" OR coalesce(email,'') IS NOT coalesce(?, email, ''))";
	sqlite3_stmt *st = db_stmt(db, sel, e);
	int rc;

	if (!st)
		return -1;
	if (db_bind_int(db, st, 1, org_id, e) < 0 ||
	    db_bind_name(db, st, 2, _("contact"), name, 100, e) < 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if ((phone && *phone) || (email && *email)) {
			if (!(st = db_stmt(db, upd, e)) ||
			    db_bind_opt_text(db, st, 1, _("phone"), phone, false, 40, e) < 0 ||
			    db_bind_opt_text(db, st, 2, _("e-mail"), email, false, 254, e) < 0 ||
			    db_bind_int(db, st, 3, *id, e) < 0 ||
			    db_bind_opt_text(db, st, 4, _("phone"), phone, false, 40, e) < 0 ||
			    db_bind_opt_text(db, st, 5, _("e-mail"), email, false, 254, e) < 0)
				return -1;
			return db_step_done(db, st, _("contact"), e);
		}
		return 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, _("contact"), e);
	if (!(st = db_stmt(db, ins, e)) || db_bind_int(db, st, 1, org_id, e) < 0 ||
	    db_bind_name(db, st, 2, _("contact"), name, 100, e) < 0 ||
	    db_bind_opt_text(db, st, 3, _("phone"), phone, false, 40, e) < 0 ||
	    db_bind_opt_text(db, st, 4, _("e-mail"), email, false, 254, e) < 0)
		return -1;
	if (db_step_done(db, st, _("contact"), e) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->h);
	return 0;
}

static void staff_from_row(sqlite3_stmt *st, struct staff *s)
{
	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(st, 0);
	s->name = db_col_str(st, 1);
	s->kana = db_col_str(st, 2);
	s->desk = db_col_str(st, 3);
	s->active = sqlite3_column_int(st, 4) != 0;
}

int db_staff_insert(struct db *db, struct staff *s, struct err *e)
{
	static const char sql[] = "INSERT INTO staff (name, kana, desk, active, sort_key)"
		" VALUES (?1,?2,?3,?4, " SORT_KEY_OF("?2") ")";
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (!st || db_bind_name(db, st, 1, _("staff name"), s->name, 60, e) < 0 ||
	    db_bind_text(db, st, 2, _("reading"), s->kana ? s->kana : "", false, 60, e) < 0 ||
	    db_bind_text(db, st, 3, _("desk"), s->desk ? s->desk : "general", false, 20, e) < 0 ||
	    db_bind_int(db, st, 4, s->active, e) < 0)
		return -1;
	if (!*s->name)
		return err_set(e, ERR_INPUT, _("staff name: required"));
	if (db_step_done(db, st, _("staff"), e) < 0)
		return -1;
	s->id = sqlite3_last_insert_rowid(db->h);
	return 0;
}

int db_staff_find(struct db *db, const char *name, struct staff *s, struct err *e)
{
	static const char sql[] =
		"SELECT id, name, kana, desk, active FROM staff WHERE name = ?1"
		" OR (?1 GLOB '[0-9]*' AND id = CAST(?1 AS INTEGER)) ORDER BY name <> ?1 LIMIT 1";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		staff_from_row(st, s);
	return db_rows_done(db, st, rc, rc == SQLITE_DONE, _("staff"), e);
}

int db_staff_set_active(struct db *db, long long id, bool active, struct err *e)
{
	static const char sql[] = "UPDATE staff SET active = ? WHERE id = ?";
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, active);
	sqlite3_bind_int64(st, 2, id);
	return db_step_done(db, st, _("staff"), e);
}

int db_staff_list(struct db *db, bool active_only,
		  int (*cb)(const struct staff *s, void *arg), void *arg, struct err *e)
{
	static const char sql[] =
		"SELECT id, name, kana, desk, active FROM staff WHERE active OR ?1 = 0"
		" ORDER BY active DESC, sort_key, name";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc, n = 0;

	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, active_only);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct staff s;
		staff_from_row(st, &s);
		n++;
		int stop = cb ? cb(&s, arg) : 0;
		staff_release(&s);
		if (stop)
			break;
	}
	return db_rows_done(db, st, rc, n, _("staff"), e);
}

int db_org_fill_keys(struct db *db, struct err *e)
{
	return db_exec(db,
		       "UPDATE organization SET (" ORG_KEY_COLS ") = (mado_fold(name), mado_fold(kana), "
		       SORT_KEY_OF("kana") ") WHERE sort_key IS NULL OR name_key IS NULL;"
		       " UPDATE staff SET sort_key = " SORT_KEY_OF("kana") " WHERE sort_key IS NULL;",
		       e);
}
