#include "db/db_export.h"

#include <stdlib.h>
#include <string.h>
#include "db/db_internal.h"
#include "util/date.h"
#include "util/mem.h"

void prog_event_release(struct prog_event *ev)
{
	free(ev->uid);
	free(ev->title);
	free(ev->place);
	free(ev->note);
	free(ev->program_name);
	free(ev->updated_at);
	memset(ev, 0, sizeof *ev);
}

void deadline_row_release(struct deadline_row *d)
{
	free(d->uid);
	free(d->title);
	free(d->program_name);
	free(d->updated_at);
	memset(d, 0, sizeof *d);
}

static void bind_range(sqlite3_stmt *st, int from_day, int to_day)
{
	char from[DATE_STRLEN], to[DATE_STRLEN];

	sqlite3_bind_text(st, 1, from_day ? date_format(from_day, from) : "0000", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, to_day ? date_format(to_day, to) : "9999", -1, SQLITE_TRANSIENT);
}

int db_export_events(struct db *db, int from_day, int to_day,
		     int (*cb)(const struct prog_event *ev, void *arg), void *arg,
		     struct err *e)
{
	static const char sql[] =
		"SELECT e.id, coalesce(e.program_id, 0), e.uid, e.title, e.date, e.start_min,"
		" e.end_min, e.place, e.capacity, e.reg_deadline, e.note, e.sequence, e.updated_at,"
		" p.name FROM program_event e LEFT JOIN program p ON p.id = e.program_id"
		" WHERE e.date >= ?1 AND e.date <= ?2 ORDER BY e.date, e.start_min, e.id";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc, n = 0;

	if (!st)
		return -1;
	bind_range(st, from_day, to_day);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct prog_event ev;
		memset(&ev, 0, sizeof ev);
		ev.id = sqlite3_column_int64(st, 0);
		ev.program_id = sqlite3_column_int64(st, 1);
		ev.uid = db_col_str(st, 2);
		ev.title = db_col_str(st, 3);
		ev.day = db_col_day(st, 4);
		ev.start_min = db_col_opt_int(st, 5);
		ev.end_min = db_col_opt_int(st, 6);
		ev.place = db_col_str(st, 7);
		ev.capacity = db_col_opt_int(st, 8);
		ev.reg_deadline = db_col_day(st, 9);
		ev.note = db_col_str(st, 10);
		ev.sequence = sqlite3_column_int(st, 11);
		ev.updated_at = db_col_str(st, 12);
		ev.program_name = db_col_str(st, 13);
		n++;
		int stop = cb ? cb(&ev, arg) : 0;
		prog_event_release(&ev);
		if (stop)
			break;
	}
	return db_rows_done(db, st, rc, n, "program events", e);
}

int db_export_deadlines(struct db *db, int from_day, int to_day,
			int (*cb)(const struct deadline_row *d, void *arg), void *arg,
			struct err *e)
{
	static const char sql[] =
		"SELECT 0, p.id, NULL, p.name, NULL, NULL, p.deadline, 0 FROM program p"
		" WHERE p.deadline >= ?1 AND p.deadline <= ?2"
		" UNION ALL"
		" SELECT 1, e.id, e.uid, e.title, p.name, e.updated_at, e.reg_deadline, e.sequence"
		" FROM program_event e LEFT JOIN program p ON p.id = e.program_id"
		" WHERE e.reg_deadline >= ?1 AND e.reg_deadline <= ?2"
		" ORDER BY 7, 1, 2";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc, n = 0;

	if (!st)
		return -1;
	bind_range(st, from_day, to_day);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct deadline_row d;
		memset(&d, 0, sizeof d);
		d.kind = sqlite3_column_int(st, 0) ? DEADLINE_EVENT : DEADLINE_PROGRAM;
		d.id = sqlite3_column_int64(st, 1);
		d.uid = db_col_str(st, 2);
		d.title = db_col_str(st, 3);
		d.program_name = db_col_str(st, 4);
		d.updated_at = db_col_str(st, 5);
		d.day = db_col_day(st, 6);
		d.sequence = sqlite3_column_int(st, 7);
		n++;
		int stop = cb ? cb(&d, arg) : 0;
		deadline_row_release(&d);
		if (stop)
			break;
	}
	return db_rows_done(db, st, rc, n, "deadlines", e);
}

static int bind_opt_int(sqlite3_stmt *st, int i, int v, int none)
{
	return v == none ? sqlite3_bind_null(st, i) : sqlite3_bind_int(st, i, v);
}

int db_export_event_upsert(struct db *db, struct prog_event *ev, int *result, struct err *e)
{
	static const char sel[] = "SELECT id FROM program_event WHERE uid = ?";
	static const char ins[] =
		"INSERT INTO program_event (title, date, start_min, end_min, place, capacity,"
		" reg_deadline, note, sequence, updated_at, uid, program_id)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, coalesce(?10, mado_now()), ?11, ?12)";
	static const char upd[] =
		"UPDATE program_event SET title = ?1, date = ?2, start_min = ?3, end_min = ?4,"
		" place = ?5, capacity = ?6, reg_deadline = ?7, note = ?8,"
		" sequence = max(sequence + 1, ?9), updated_at = coalesce(?10, mado_now()),"
		" program_id = coalesce(?12, program_id)"
		" WHERE uid = ?11 AND (title IS NOT ?1 OR date IS NOT ?2 OR start_min IS NOT ?3"
		" OR end_min IS NOT ?4 OR place IS NOT ?5 OR capacity IS NOT ?6"
		" OR reg_deadline IS NOT ?7 OR note IS NOT ?8"
		" OR (?12 IS NOT NULL AND program_id IS NOT ?12))";
	char date[DATE_STRLEN], reg[DATE_STRLEN];
	sqlite3_stmt *st = db_stmt(db, sel, e);
	bool exists;
	int rc;

	if (!st || db_bind_text(db, st, 1, "uid", ev->uid, false, 200, e) < 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		ev->id = sqlite3_column_int64(st, 0);
	if (db_rows_done(db, st, rc, 0, "program event", e) < 0)
		return -1;
	exists = rc == SQLITE_ROW;
	if (!(st = db_stmt(db, exists ? upd : ins, e)) ||
	    db_bind_text(db, st, 1, "title", ev->title, false, 200, e) < 0 ||
	    db_bind_text(db, st, 2, "date", date_format(ev->day, date), false, 10, e) < 0 ||
	    db_bind_opt_text(db, st, 5, "place", ev->place, false, 200, e) < 0 ||
	    db_bind_opt_text(db, st, 8, "note", ev->note, true, 4000, e) < 0 ||
	    db_bind_int(db, st, 9, ev->sequence, e) < 0 ||
	    db_bind_opt_text(db, st, 10, "last modified", ev->updated_at, false, 40, e) < 0 ||
	    db_bind_text(db, st, 11, "uid", ev->uid, false, 200, e) < 0 ||
	    db_bind_opt_id(db, st, 12, ev->program_id, e) < 0)
		return -1;
	bind_opt_int(st, 3, ev->start_min, -1);
	bind_opt_int(st, 4, ev->end_min, -1);
	bind_opt_int(st, 6, ev->capacity, -1);
	if (ev->reg_deadline)
		sqlite3_bind_text(st, 7, date_format(ev->reg_deadline, reg), -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 7);
	if (db_step_done(db, st, "program event", e) < 0)
		return -1;
	if (!exists) {
		ev->id = sqlite3_last_insert_rowid(db->h);
		*result = 1;
	} else {
		*result = sqlite3_changes(db->h) ? 2 : 0;
	}
	return 0;
}

int db_export_remove_uid(struct db *db, const char *uid, struct err *e)
{
	static const char del_ev[] = "DELETE FROM program_event WHERE uid = ?1";
	static const char del_bl[] =
		"DELETE FROM staff_block WHERE uid = ?1 OR substr(uid, 1, length(?1) + 1) = ?1 || '#'";
	sqlite3_stmt *st;
	int n = 0;

	if (!(st = db_stmt(db, del_ev, e)) || db_bind_text(db, st, 1, "uid", uid, false, 200, e) < 0 ||
	    db_step_done(db, st, "program event", e) < 0)
		return -1;
	n += sqlite3_changes(db->h);
	if (!(st = db_stmt(db, del_bl, e)) || db_bind_text(db, st, 1, "uid", uid, false, 200, e) < 0 ||
	    db_step_done(db, st, "staff block", e) < 0)
		return -1;
	n += sqlite3_changes(db->h);
	return n;
}

int db_export_program_ensure(struct db *db, const char *name, long long *id, struct err *e)
{
	static const char sel[] = "SELECT id FROM program WHERE name = ?";
	static const char ins[] = "INSERT INTO program (name) VALUES (?)";
	sqlite3_stmt *st = db_stmt(db, sel, e);
	int rc;

	if (!st || db_bind_text(db, st, 1, "program", name, false, 200, e) < 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	if (db_rows_done(db, st, rc, 0, "program", e) < 0)
		return -1;
	if (rc == SQLITE_ROW)
		return 0;
	if (!(st = db_stmt(db, ins, e)) || db_bind_text(db, st, 1, "program", name, false, 200, e) < 0 ||
	    db_step_done(db, st, "program", e) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->h);
	return 1;
}
