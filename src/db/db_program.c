#include "db/db_program.h"

#include <stdlib.h>
#include <string.h>
#include "db/db_appt.h"
#include "db/db_internal.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/mem.h"

void program_release(struct program *p)
{
	free(p->name);
	free(p->kind);
	free(p->note);
	memset(p, 0, sizeof *p);
}

void program_event_release(struct program_event *ev)
{
	free(ev->uid);
	free(ev->title);
	free(ev->place);
	free(ev->note);
	free(ev->program_name);
	free(ev->updated_at);
	memset(ev, 0, sizeof *ev);
}

void application_release(struct application *a)
{
	free(a->note);
	free(a->program_name);
	free(a->org_name);
	free(a->municipality);
	memset(a, 0, sizeof *a);
}

void app_filter_init(struct app_filter *f)
{
	memset(f, 0, sizeof *f);
	f->status = -1;
}

static int bind_opt_day(struct db *db, sqlite3_stmt *st, int i, const char *field, int day,
			struct err *e)
{
	char buf[DATE_STRLEN];

	return db_bind_opt_text(db, st, i, field, day ? date_format(day, buf) : NULL, false, 10, e);
}

static int bind_opt_int(sqlite3_stmt *st, int i, int v)
{
	if (v < 0)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_int(st, i, v);
}

/* Every row of a statement through cb; returns the count or -1. */
#define EACH_ROW(st, decl, fill, release, cb, arg, what, e) \
	do { \
		int rc_, n_ = 0; \
		while ((rc_ = sqlite3_step(st)) == SQLITE_ROW) { \
			decl; \
			fill; \
			n_++; \
			int stop_ = cb ? cb(&row_, arg) : 0; \
			release; \
			if (stop_) \
				break; \
		} \
		return db_rows_done(db, st, rc_, n_, what, e); \
	} while (0)

#define PROGRAM_SELECT \
	"SELECT p.id, p.name, p.kind, p.note, p.desk_from, p.desk_to, p.deadline, p.cap, p.outside_ok," \
	" (SELECT count(*) FROM application a WHERE a.program_id = p.id)," \
	" (SELECT count(*) FROM application a WHERE a.program_id = p.id AND a.status = 'selected')," \
	" (SELECT count(*) FROM program_event ev WHERE ev.program_id = p.id) FROM program p"

static void program_from_row(sqlite3_stmt *st, struct program *p)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->name = db_col_str(st, 1);
	p->kind = db_col_str(st, 2);
	p->note = db_col_str(st, 3);
	p->desk_from = db_col_day(st, 4);
	p->desk_to = db_col_day(st, 5);
	p->deadline = db_col_day(st, 6);
	p->cap = db_col_opt_int(st, 7);
	p->outside_ok = sqlite3_column_int(st, 8) != 0;
	p->n_applications = sqlite3_column_int(st, 9);
	p->n_selected = sqlite3_column_int(st, 10);
	p->n_events = sqlite3_column_int(st, 11);
}

int db_program_insert(struct db *db, struct program *p, struct err *e)
{
	static const char sql[] =
		"INSERT INTO program (name, kind, desk_from, desk_to, deadline, cap, outside_ok, note)"
		" VALUES (?,?,?,?,?,?,?,?)";
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (!st || db_bind_name(db, st, 1, _("name"), p->name, 200, e) < 0 ||
	    db_bind_text(db, st, 2, _("kind"), p->kind && *p->kind ? p->kind : "support", false, 60, e) < 0 ||
	    bind_opt_day(db, st, 3, _("desk from"), p->desk_from, e) < 0 ||
	    bind_opt_day(db, st, 4, _("desk to"), p->desk_to, e) < 0 ||
	    bind_opt_day(db, st, 5, _("deadline"), p->deadline, e) < 0 ||
	    db_bind_opt_text(db, st, 8, _("note"), p->note, true, 4000, e) < 0)
		return -1;
	bind_opt_int(st, 6, p->cap);
	sqlite3_bind_int(st, 7, p->outside_ok);
	if (db_step_done(db, st, _("program"), e) < 0)
		return -1;
	p->id = sqlite3_last_insert_rowid(db->h);
	return 0;
}

int db_program_get(struct db *db, long long id, struct program *p, struct err *e)
{
	static const char sql[] = PROGRAM_SELECT " WHERE p.id = ?";
	sqlite3_stmt *st = db_row_by_id(db, sql, id, _("no program #%lld"), _("program"), e);

	if (!st)
		return -1;
	program_from_row(st, p);
	sqlite3_reset(st);
	return 0;
}

int db_program_find(struct db *db, const char *name, struct program *p, struct err *e)
{
	static const char sql[] = PROGRAM_SELECT " WHERE p.name = ?";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name ? name : "", -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		program_from_row(st, p);
	return db_rows_done(db, st, rc, rc == SQLITE_DONE, _("program"), e);
}

int db_program_each(struct db *db, int (*cb)(const struct program *p, void *arg), void *arg,
		    struct err *e)
{
	static const char sql[] = PROGRAM_SELECT
		" ORDER BY p.deadline IS NULL, p.deadline DESC, p.id DESC";
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (!st)
		return -1;
	EACH_ROW(st, struct program row_, program_from_row(st, &row_), program_release(&row_),
		 cb, arg, "programs", e);
}

int db_program_deadlines(struct db *db, int from_day, int to_day,
			 int (*cb)(const struct program *p, void *arg), void *arg, struct err *e)
{
	static const char sql[] = PROGRAM_SELECT
		" WHERE p.deadline >= ? AND p.deadline <= ? ORDER BY p.deadline, p.id";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	char d1[DATE_STRLEN], d2[DATE_STRLEN];

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, date_format(from_day, d1), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, date_format(to_day, d2), -1, SQLITE_TRANSIENT);
	EACH_ROW(st, struct program row_, program_from_row(st, &row_), program_release(&row_),
		 cb, arg, "programs", e);
}

int db_program_item_add(struct db *db, long long program_id, const char *item, struct err *e)
{
	static const char sql[] = "INSERT OR IGNORE INTO program_item (program_id, item) VALUES (?, ?)";
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (!st || db_bind_int(db, st, 1, program_id, e) < 0 ||
	    db_bind_text(db, st, 2, _("item"), item, false, 100, e) < 0)
		return -1;
	if (!*item)
		return err_set(e, ERR_INPUT, _("item: required"));
	return db_step_done(db, st, _("program item"), e);
}

int db_program_item_each(struct db *db, long long program_id,
			 int (*cb)(const char *item, void *arg), void *arg, struct err *e)
{
	static const char sql[] =
		"SELECT item FROM program_item WHERE program_id = ? AND item NOT IN (?, ?) ORDER BY rowid";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc, n = 0;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_text(st, 2, APP_ITEM_FORM, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, APP_ITEM_PAPERS, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		n++;
		if (cb && cb((const char *)sqlite3_column_text(st, 0), arg))
			break;
	}
	return db_rows_done(db, st, rc, n, _("program items"), e);
}

#define EVENT_SELECT \
	"SELECT ev.id, coalesce(ev.program_id, 0), ev.uid, ev.title, ev.place, ev.note, ev.date," \
	" ev.start_min, ev.end_min, ev.capacity, ev.reg_deadline, ev.sequence, p.name," \
	" ev.updated_at, ev.end_date, ev.end_date_min" \
	" FROM program_event ev LEFT JOIN program p ON p.id = ev.program_id"

static void event_from_row(sqlite3_stmt *st, struct program_event *ev)
{
	memset(ev, 0, sizeof *ev);
	ev->id = sqlite3_column_int64(st, 0);
	ev->program_id = sqlite3_column_int64(st, 1);
	ev->uid = db_col_str(st, 2);
	ev->title = db_col_str(st, 3);
	ev->place = db_col_str(st, 4);
	ev->note = db_col_str(st, 5);
	ev->day = db_col_day(st, 6);
	ev->start_min = db_col_opt_int(st, 7);
	ev->end_min = db_col_opt_int(st, 8);
	ev->capacity = db_col_opt_int(st, 9);
	ev->reg_deadline = db_col_day(st, 10);
	ev->sequence = sqlite3_column_int(st, 11);
	ev->program_name = db_col_str(st, 12);
	ev->updated_at = db_col_str(st, 13);
	ev->end_day = sqlite3_column_type(st, 14) == SQLITE_NULL ? 0 : db_col_day(st, 14);
	ev->end_day_min = db_col_opt_int(st, 15);
}

int db_event_insert(struct db *db, struct program_event *ev, struct err *e)
{
	static const char sql[] =
		"INSERT INTO program_event (program_id, uid, title, date, start_min, end_min, place,"
		" capacity, reg_deadline, note) VALUES (?,?,?,?,?,?,?,?,?,?)";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	char day[DATE_STRLEN];

	if (!st)
		return -1;
	if (!ev->uid)
		ev->uid = db_new_uid();
	if (db_bind_opt_id(db, st, 1, ev->program_id, e) < 0 ||
	    db_bind_text(db, st, 2, _("uid"), ev->uid, false, 200, e) < 0 ||
	    db_bind_text(db, st, 3, _("title"), ev->title, false, 200, e) < 0 ||
	    db_bind_text(db, st, 4, _("date"), date_format(ev->day, day), false, 10, e) < 0 ||
	    db_bind_opt_text(db, st, 7, _("place"), ev->place, false, 200, e) < 0 ||
	    bind_opt_day(db, st, 9, _("registration deadline"), ev->reg_deadline, e) < 0 ||
	    db_bind_opt_text(db, st, 10, _("note"), ev->note, true, 4000, e) < 0)
		return -1;
	if (!*ev->title)
		return err_set(e, ERR_INPUT, _("title: required"));
	bind_opt_int(st, 5, ev->start_min);
	bind_opt_int(st, 6, ev->end_min);
	bind_opt_int(st, 8, ev->capacity);
	if (db_step_done(db, st, _("event"), e) < 0)
		return -1;
	ev->id = sqlite3_last_insert_rowid(db->h);
	return 0;
}

int db_event_each(struct db *db, long long program_id,
		  int (*cb)(const struct program_event *ev, void *arg), void *arg, struct err *e)
{
	/* one program's through its index (an OR with "all" would read
	 * every event of the desk, the imported ones too, for each) */
	static const char one[] = EVENT_SELECT
		" WHERE ev.program_id = ?1 ORDER BY ev.date, ev.start_min, ev.id";
	static const char all[] = EVENT_SELECT
		" WHERE ?1 = 0 ORDER BY ev.date, ev.start_min, ev.id";
	sqlite3_stmt *st = db_stmt(db, program_id ? one : all, e);

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, program_id);
	EACH_ROW(st, struct program_event row_, event_from_row(st, &row_),
		 program_event_release(&row_), cb, arg, "events", e);
}

int db_event_range(struct db *db, int from_day, int to_day,
		   int (*cb)(const struct program_event *ev, void *arg), void *arg,
		   struct err *e)
{
	static const char sql[] =
		EVENT_SELECT " WHERE ev.date >= ?1 AND ev.date <= ?2"
		" UNION ALL " EVENT_SELECT
		" WHERE ev.end_date IS NOT NULL AND ev.end_date >= ?1 AND +ev.date < ?1"
		" ORDER BY 7, 8, 1";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	char d1[DATE_STRLEN], d2[DATE_STRLEN];

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, from_day ? date_format(from_day, d1) : "0000", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, to_day ? date_format(to_day, d2) : "9999", -1, SQLITE_TRANSIENT);
	EACH_ROW(st, struct program_event row_, event_from_row(st, &row_),
		 program_event_release(&row_), cb, arg, "events", e);
}

int db_event_reg_deadlines(struct db *db, int from_day, int to_day,
			   int (*cb)(const struct program_event *ev, void *arg), void *arg,
			   struct err *e)
{
	static const char sql[] = EVENT_SELECT
		" WHERE ev.reg_deadline >= ? AND ev.reg_deadline <= ? ORDER BY ev.reg_deadline, ev.id";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	char d1[DATE_STRLEN], d2[DATE_STRLEN];

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, date_format(from_day, d1), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, date_format(to_day, d2), -1, SQLITE_TRANSIENT);
	EACH_ROW(st, struct program_event row_, event_from_row(st, &row_),
		 program_event_release(&row_), cb, arg, "events", e);
}

/* The checklist of each application: the two standard items and the
 * program's own. */
#define CHECKLIST_CTE \
	"WITH checklist(program_id, item, ord) AS (" \
	" SELECT p.id, 'form_email', 0 FROM program p UNION ALL" \
	" SELECT p.id, 'papers_post', 1 FROM program p UNION ALL" \
	" SELECT program_id, item, 2 FROM program_item WHERE item NOT IN ('form_email', 'papers_post')) "

#define APP_SELECT \
	"SELECT a.id, a.program_id, a.org_id, coalesce(a.inquiry_id, 0), a.received, a.status, a.note," \
	" p.name, o.name, o.municipality, o.type, p.deadline," \
	" 2 + (SELECT count(*) FROM program_item pi WHERE pi.program_id = a.program_id" \
	"      AND pi.item NOT IN ('form_email', 'papers_post'))," \
	" (SELECT count(*) FROM application_item ai WHERE ai.application_id = a.id AND ai.done" \
	"  AND (ai.item IN ('form_email', 'papers_post') OR ai.item IN" \
	"       (SELECT item FROM program_item pi WHERE pi.program_id = a.program_id)))" \
	" FROM application a JOIN program p ON p.id = a.program_id" \
	" JOIN organization o ON o.id = a.org_id"

static void app_from_row(sqlite3_stmt *st, struct application *a)
{
	int k;

	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(st, 0);
	a->program_id = sqlite3_column_int64(st, 1);
	a->org_id = sqlite3_column_int64(st, 2);
	a->inquiry_id = sqlite3_column_int64(st, 3);
	a->received = db_col_day(st, 4);
	k = model_lookup(app_status_code, AS_COUNT, (const char *)sqlite3_column_text(st, 5));
	a->status = k < 0 ? AS_CONSULTING : (enum app_status)k;
	a->note = db_col_str(st, 6);
	a->program_name = db_col_str(st, 7);
	a->org_name = db_col_str(st, 8);
	a->municipality = db_col_str(st, 9);
	k = model_lookup(org_type_code, ORG_TYPE_COUNT, (const char *)sqlite3_column_text(st, 10));
	a->org_type = k < 0 ? ORG_LOCAL : (enum org_type)k;
	a->program_deadline = db_col_day(st, 11);
	a->n_items = sqlite3_column_int(st, 12);
	a->n_done = sqlite3_column_int(st, 13);
}

int db_application_insert(struct db *db, struct application *a, struct err *e)
{
	static const char sql[] =
		"INSERT INTO application (program_id, org_id, received, status, inquiry_id, note)"
		" VALUES (?,?,?,?,?,?)";
	static const char items[] =
		CHECKLIST_CTE "INSERT OR IGNORE INTO application_item (application_id, item, done)"
		" SELECT ?1, item, 0 FROM checklist WHERE program_id = ?2 ORDER BY ord";
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (!st || db_bind_int(db, st, 1, a->program_id, e) < 0 ||
	    db_bind_int(db, st, 2, a->org_id, e) < 0 ||
	    bind_opt_day(db, st, 3, _("received"), a->received, e) < 0 ||
	    db_bind_text(db, st, 4, _("status"), app_status_code[a->status], false, 0, e) < 0 ||
	    db_bind_opt_id(db, st, 5, a->inquiry_id, e) < 0 ||
	    db_bind_opt_text(db, st, 6, _("note"), a->note, true, 4000, e) < 0)
		return -1;
	if (db_step_done(db, st, _("application"), e) < 0)
		return -1;
	a->id = sqlite3_last_insert_rowid(db->h);
	if (!(st = db_stmt(db, items, e)))
		return -1;
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_int64(st, 2, a->program_id);
	return db_step_done(db, st, _("application checklist"), e);
}

int db_application_get(struct db *db, long long id, struct application *a, struct err *e)
{
	static const char sql[] = APP_SELECT " WHERE a.id = ?";
	sqlite3_stmt *st = db_row_by_id(db, sql, id, _("no application #%lld"), _("application"), e);

	if (!st)
		return -1;
	app_from_row(st, a);
	sqlite3_reset(st);
	return 0;
}

int db_application_each(struct db *db, const struct app_filter *f,
			int (*cb)(const struct application *a, void *arg), void *arg,
			struct err *e)
{
	static const char sql[] = APP_SELECT
		" WHERE (?1 = 0 OR a.program_id = ?1) AND (?2 = 0 OR a.org_id = ?2)"
		" AND (?3 = 0 OR a.inquiry_id = ?3) AND (?4 IS NULL OR a.status = ?4)"
		" ORDER BY p.deadline IS NULL, p.deadline DESC, a.program_id DESC,"
		" a.received IS NULL, a.received, a.id";
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, f->program_id);
	sqlite3_bind_int64(st, 2, f->org_id);
	sqlite3_bind_int64(st, 3, f->inquiry_id);
	if (f->status >= 0 && f->status < AS_COUNT)
		sqlite3_bind_text(st, 4, app_status_code[f->status], -1, SQLITE_STATIC);
	EACH_ROW(st, struct application row_, app_from_row(st, &row_), application_release(&row_),
		 cb, arg, "applications", e);
}

int db_application_set_status(struct db *db, long long id, enum app_status s, struct err *e)
{
	static const char sql[] =
		"UPDATE application SET status = ?, updated_at = mado_now() WHERE id = ?";
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, app_status_code[s], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	if (db_step_done(db, st, _("application"), e) < 0)
		return -1;
	if (sqlite3_changes(db->h) == 0)
		return err_set(e, ERR_INPUT, _("no application #%lld"), id);
	return 0;
}

int db_application_items(struct db *db, long long app_id,
			 int (*cb)(const struct app_item *it, void *arg), void *arg, struct err *e)
{
	static const char sql[] = CHECKLIST_CTE
		"SELECT c.item, coalesce(ai.done, 0), ai.done_on FROM application a"
		" JOIN checklist c ON c.program_id = a.program_id"
		" LEFT JOIN application_item ai ON ai.application_id = a.id AND ai.item = c.item"
		" WHERE a.id = ? ORDER BY c.ord, c.item";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc, n = 0;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, app_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct app_item it;
		it.item = (const char *)sqlite3_column_text(st, 0);
		it.done = sqlite3_column_int(st, 1) != 0;
		it.done_on = db_col_day(st, 2);
		n++;
		if (cb && cb(&it, arg))
			break;
	}
	return db_rows_done(db, st, rc, n, _("checklist"), e);
}

int db_application_item_set(struct db *db, long long app_id, const char *item, bool done,
			    int day, struct err *e)
{
	static const char sql[] =
		"INSERT INTO application_item (application_id, item, done, done_on) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT (application_id, item) DO UPDATE SET done = ?3, done_on = ?4";
	static const char touch[] =
		"UPDATE application SET updated_at = mado_now() WHERE id = ?";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	char d[DATE_STRLEN];

	if (!st || db_bind_int(db, st, 1, app_id, e) < 0 ||
	    db_bind_text(db, st, 2, _("item"), item, false, 100, e) < 0)
		return -1;
	sqlite3_bind_int(st, 3, done);
	if (done && day)
		sqlite3_bind_text(st, 4, date_format(day, d), -1, SQLITE_TRANSIENT);
	if (db_step_done(db, st, _("checklist"), e) < 0)
		return -1;
	if (!(st = db_stmt(db, touch, e)))
		return -1;
	sqlite3_bind_int64(st, 1, app_id);
	return db_step_done(db, st, _("application"), e);
}

int db_application_missing(struct db *db, int from_day, int to_day,
			   int (*cb)(const struct application *a, const char *item, void *arg),
			   void *arg, struct err *e)
{
	static const char sql[] = CHECKLIST_CTE
		"SELECT a.id, a.program_id, a.org_id, coalesce(a.inquiry_id, 0), a.received, a.status,"
		" a.note, p.name, o.name, o.municipality, o.type, p.deadline, 0, 0, c.item"
		" FROM program p JOIN application a ON a.program_id = p.id"
		" JOIN organization o ON o.id = a.org_id"
		" JOIN checklist c ON c.program_id = p.id"
		" LEFT JOIN application_item ai ON ai.application_id = a.id AND ai.item = c.item"
		" WHERE p.deadline >= ? AND p.deadline <= ? AND a.status IN ('consulting', 'applied')"
		" AND coalesce(ai.done, 0) = 0"
		" ORDER BY p.deadline, a.id, c.ord, c.item";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	char d1[DATE_STRLEN], d2[DATE_STRLEN];
	int rc, n = 0;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, date_format(from_day, d1), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, date_format(to_day, d2), -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct application a;
		app_from_row(st, &a);
		n++;
		int stop = cb ? cb(&a, (const char *)sqlite3_column_text(st, 14), arg) : 0;
		application_release(&a);
		if (stop)
			break;
	}
	return db_rows_done(db, st, rc, n, _("checklists"), e);
}
