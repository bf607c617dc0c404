#include "db/db_export.h"

#include <stdlib.h>
#include <string.h>
#include "db/db_internal.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/mem.h"

void prog_event_release(struct prog_event *ev)
{
	free(ev->uid);
	free(ev->title);
	free(ev->place);
	free(ev->note);
	free(ev->program_name);
	free(ev->updated_at);
	free(ev->src_uid);
	free(ev->src_stamp);
	memset(ev, 0, sizeof *ev);
}

static void bind_range(sqlite3_stmt *st, int from_day, int to_day)
{
	char from[DATE_STRLEN], to[DATE_STRLEN];

	sqlite3_bind_text(st, 1, from_day ? date_format(from_day, from) : "0000", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, to_day ? date_format(to_day, to) : "9999", -1, SQLITE_TRANSIENT);
}

static const char *col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* The stored code's index (exact match first: the CHECK constraints
 * keep them exact; model_lookup() for anything else), or none. */
static int lookup(const char *const *codes, int n, const char *s, int none)
{
	int k;

	if (!s)
		return none;
	for (k = 0; k < n; k++)
		if (s[0] == codes[k][0] && !strcmp(s, codes[k]))
			return k;
	k = model_lookup(codes, n, s);
	return k < 0 ? none : k;
}

/* Names by id (organizations, contacts, staff), read once per export:
 * the appointments name a few thousand of them over and over, and a
 * join costs a b-tree descent per row.  Open addressing on the id;
 * memory grows with the records named, not with the appointments. */
struct name_entry {
	long long id;		/* 0: empty slot */
	char *f[3];
	int kind;
};
struct names {
	struct name_entry *v;
	size_t cap;		/* a power of two */
};

static struct name_entry *names_slot(struct names *t, long long id)
{
	size_t i = (size_t)((unsigned long long)id * 0x9E3779B97F4A7C15ULL) & (t->cap - 1);

	while (t->v[i].id && t->v[i].id != id)
		i = (i + 1) & (t->cap - 1);
	return &t->v[i];
}

static const struct name_entry *names_get(const struct names *t, long long id)
{
	if (!t->cap || id <= 0)
		return NULL;
	const struct name_entry *en = names_slot((struct names *)t, id);
	return en->id ? en : NULL;
}

static void names_free(struct names *t)
{
	for (size_t i = 0; i < t->cap; i++)
		for (int k = 0; k < 3; k++)
			free(t->v[i].f[k]);
	free(t->v);
	memset(t, 0, sizeof *t);
}

/* Rows of (id, up to three texts[, a code]): kind_codes names the
 * fifth column's codes when given. */
static int names_load(struct db *db, const char *count_sql, const char *sql, int ntext,
		      const char *const *kind_codes, int nkinds, struct names *t, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, count_sql, e);
	size_t n = 0;
	int rc;

	if (!st)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		n = (size_t)sqlite3_column_int64(st, 0);
	if (db_rows_done(db, st, rc, 0, _("appointments"), e) < 0)
		return -1;
	for (t->cap = 16; t->cap < 2 * n + 2; t->cap *= 2)
		;
	t->v = xcalloc(t->cap, sizeof *t->v);
	if (!(st = db_stmt(db, sql, e)))
		return -1;
	size_t loaded = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && loaded < n) {
		struct name_entry *en = names_slot(t, sqlite3_column_int64(st, 0));
		en->id = sqlite3_column_int64(st, 0);
		for (int k = 0; k < ntext; k++)
			en->f[k] = db_col_str(st, 1 + k);
		if (kind_codes)
			en->kind = lookup(kind_codes, nkinds, col(st, 1 + ntext), ORG_LOCAL);
		loaded++;
	}
	if (rc == SQLITE_ROW)	/* more rows than counted: written meanwhile */
		rc = SQLITE_DONE;
	return db_rows_done(db, st, rc, 0, _("appointments"), e);
}

int db_export_appts(struct db *db, int from_day, int to_day, long long staff_id,
		    int (*cb)(const struct export_appt *a, void *arg), void *arg,
		    struct err *e)
{
	/* Both statements walk appointment_date (date, start_min, rowid) in
	 * order, with no sort step.  The topics come from a second statement
	 * in the same order, merged here: a correlated subquery per row
	 * (group_concat on appointment_topic's key) costs twice as much as
	 * this join, as it opens its cursor again for every appointment.
	 * Names come from tables read first (struct names).  All of it runs
	 * in one read transaction, so the names match the appointments. */
	static const char sql[] =
		"SELECT a.id, a.uid, a.date, a.start_min, a.minutes, a.channel, a.booked_via, a.room,"
		" a.status, a.note, a.override_reason, a.sequence, a.updated_at,"
		" a.org_id, a.contact_id, a.staff_id"
		" FROM appointment a"
		" WHERE a.date >= ?1 AND a.date <= ?2 AND (?3 = 0 OR a.staff_id = ?3)"
		" ORDER BY a.date, a.start_min, a.id";
	/* for everyone the index covers the topics' side (no table look-up) */
	static const char topics_all[] =
		"SELECT a.id, t.topic FROM appointment a JOIN appointment_topic t ON t.appt_id = a.id"
		" WHERE a.date >= ?1 AND a.date <= ?2 ORDER BY a.date, a.start_min, a.id";
	static const char topics_staff[] =
		"SELECT a.id, t.topic FROM appointment a JOIN appointment_topic t ON t.appt_id = a.id"
		" WHERE a.date >= ?1 AND a.date <= ?2 AND a.staff_id = ?3"
		" ORDER BY a.date, a.start_min, a.id";
	static const char org_count[] = "SELECT count(*) FROM organization";
	static const char org_sql[] = "SELECT id, name, municipality, NULL, type FROM organization";
	static const char contact_count[] = "SELECT count(*) FROM contact";
	static const char contact_sql[] = "SELECT id, name, phone, email FROM contact";
	static const char staff_count[] = "SELECT count(*) FROM staff";
	static const char staff_sql[] = "SELECT id, name FROM staff";
	struct names orgs = { 0 }, contacts = { 0 }, staff = { 0 };
	sqlite3_stmt *st = NULL, *tt = NULL;
	int rc = SQLITE_DONE, trc = SQLITE_DONE, n = 0, ret = -1;
	bool txn = sqlite3_get_autocommit(db->h);

	if (txn && db_exec(db, "BEGIN", e) < 0)
		return -1;
	if (names_load(db, org_count, org_sql, 3, org_type_code, ORG_TYPE_COUNT, &orgs, e) < 0 ||
	    names_load(db, contact_count, contact_sql, 3, NULL, 0, &contacts, e) < 0 ||
	    names_load(db, staff_count, staff_sql, 1, NULL, 0, &staff, e) < 0)
		goto out;
	st = db_stmt(db, sql, e);
	if (st)
		tt = staff_id ? db_stmt(db, topics_staff, e) : db_stmt(db, topics_all, e);
	if (!st || !tt)
		goto out;
	bind_range(st, from_day, to_day);
	sqlite3_bind_int64(st, 3, staff_id);
	bind_range(tt, from_day, to_day);
	if (staff_id)
		sqlite3_bind_int64(tt, 3, staff_id);
	trc = sqlite3_step(tt);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct export_appt a;
		long long id = sqlite3_column_int64(st, 0);
		const struct name_entry *o, *c, *sf;

		a.topics = 0;
		while (trc == SQLITE_ROW && sqlite3_column_int64(tt, 0) == id) {
			int k = lookup(topic_code, TOPIC_COUNT, col(tt, 1), -1);
			if (k >= 0)
				a.topics |= 1u << k;
			trc = sqlite3_step(tt);
		}
		a.uid = col(st, 1);
		a.date = col(st, 2);
		if (!a.date || date_parse(a.date, &a.day) < 0)
			a.day = 0;
		a.start_min = sqlite3_column_int(st, 3);
		a.minutes = sqlite3_column_int(st, 4);
		a.channel = (enum channel)lookup(channel_code, CH_COUNT, col(st, 5), CH_PHONE);
		a.booked_via = (enum booked_via)lookup(booked_via_code, VIA_COUNT, col(st, 6), VIA_PHONE);
		a.room = col(st, 7);
		a.status = (enum appt_status)lookup(appt_status_code, ST_COUNT, col(st, 8), ST_BOOKED);
		a.note = col(st, 9);
		a.override_reason = col(st, 10);
		a.sequence = sqlite3_column_int(st, 11);
		a.updated_at = col(st, 12);
		o = names_get(&orgs, sqlite3_column_int64(st, 13));
		c = names_get(&contacts, sqlite3_column_int64(st, 14));
		sf = names_get(&staff, sqlite3_column_int64(st, 15));
		if (!o)		/* the foreign key makes this impossible */
			continue;
		a.org_name = o->f[0];
		a.municipality = o->f[1];
		a.org_type = (enum org_type)o->kind;
		a.contact_name = c ? c->f[0] : NULL;
		a.contact_phone = c ? c->f[1] : NULL;
		a.contact_email = c ? c->f[2] : NULL;
		a.staff_name = sf ? sf->f[0] : NULL;
		n++;
		if (cb && cb(&a, arg))
			break;
	}
	if (db_rows_done(db, tt, trc, 0, _("appointment topics"), e) < 0)
		goto out;
	ret = db_rows_done(db, st, rc, n, _("appointments"), e);
	st = NULL;
out:
	if (st)
		sqlite3_reset(st);
	if (txn)
		db_exec(db, "COMMIT", NULL);
	names_free(&orgs);
	names_free(&contacts);
	names_free(&staff);
	return ret;
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
		" reg_deadline, note, sequence, updated_at, uid, program_id, end_date, end_date_min,"
		" src_uid, src_seq, src_stamp)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, coalesce(?10, mado_now()), ?11, ?12,"
		" ?13, ?14, ?15, ?16, ?17)";
	static const char upd[] =
		"UPDATE program_event SET title = ?1, date = ?2, start_min = ?3, end_min = ?4,"
		" place = ?5, capacity = ?6, reg_deadline = ?7, note = ?8,"
		" sequence = max(sequence + 1, ?9), updated_at = coalesce(?10, mado_now()),"
		" program_id = coalesce(?12, program_id), end_date = ?13, end_date_min = ?14,"
		" src_uid = coalesce(?15, src_uid), src_seq = coalesce(?16, src_seq),"
		" src_stamp = coalesce(?17, src_stamp)"
		" WHERE uid = ?11 AND (title IS NOT ?1 OR date IS NOT ?2 OR start_min IS NOT ?3"
		" OR end_min IS NOT ?4 OR place IS NOT ?5 OR capacity IS NOT ?6"
		" OR reg_deadline IS NOT ?7 OR note IS NOT ?8"
		" OR (?12 IS NOT NULL AND program_id IS NOT ?12)"
		" OR end_date IS NOT ?13 OR end_date_min IS NOT ?14"
		" OR (?15 IS NOT NULL AND src_uid IS NOT ?15) OR (?16 IS NOT NULL AND src_seq IS NOT ?16)"
		" OR (?17 IS NOT NULL AND src_stamp IS NOT ?17))";
	char date[DATE_STRLEN], reg[DATE_STRLEN];
	sqlite3_stmt *st = db_stmt(db, sel, e);
	bool exists;
	int rc;

	if (!st || db_bind_text(db, st, 1, _("uid"), ev->uid, false, 200, e) < 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		ev->id = sqlite3_column_int64(st, 0);
	if (db_rows_done(db, st, rc, 0, _("program event"), e) < 0)
		return -1;
	exists = rc == SQLITE_ROW;
	if (!(st = db_stmt(db, exists ? upd : ins, e)) ||
	    db_bind_text(db, st, 1, _("title"), ev->title, false, 200, e) < 0 ||
	    db_bind_text(db, st, 2, _("date"), date_format(ev->day, date), false, 10, e) < 0 ||
	    db_bind_opt_text(db, st, 5, _("place"), ev->place, false, 200, e) < 0 ||
	    db_bind_opt_text(db, st, 8, _("note"), ev->note, true, 4000, e) < 0 ||
	    db_bind_int(db, st, 9, ev->sequence, e) < 0 ||
	    db_bind_opt_text(db, st, 10, _("last modified"), ev->updated_at, false, 40, e) < 0 ||
	    db_bind_text(db, st, 11, _("uid"), ev->uid, false, 200, e) < 0 ||
	    db_bind_opt_id(db, st, 12, ev->program_id, e) < 0)
		return -1;
	bind_opt_int(st, 3, ev->start_min, -1);
	bind_opt_int(st, 4, ev->end_min, -1);
	bind_opt_int(st, 6, ev->capacity, -1);
	if (ev->end_day > ev->day) {
		char endd[DATE_STRLEN];
		sqlite3_bind_text(st, 13, date_format(ev->end_day, endd), -1, SQLITE_TRANSIENT);
		bind_opt_int(st, 14, ev->end_day_min, -1);
	} else {
		sqlite3_bind_null(st, 13);
		sqlite3_bind_null(st, 14);
	}
	if (ev->src_uid) {
		sqlite3_bind_text(st, 15, ev->src_uid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 16, ev->src_seq);
		if (ev->src_stamp)
			sqlite3_bind_text(st, 17, ev->src_stamp, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(st, 17);
	} else {
		sqlite3_bind_null(st, 15);
		sqlite3_bind_null(st, 16);
		sqlite3_bind_null(st, 17);
	}
	if (ev->reg_deadline)
		sqlite3_bind_text(st, 7, date_format(ev->reg_deadline, reg), -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 7);
	if (db_step_done(db, st, _("program event"), e) < 0)
		return -1;
	if (!exists) {
		ev->id = sqlite3_last_insert_rowid(db->h);
		*result = 1;
	} else {
		*result = sqlite3_changes(db->h) ? 2 : 0;
	}
	return 0;
}

int db_export_program_ensure(struct db *db, const char *name, long long *id, struct err *e)
{
	static const char sel[] = "SELECT id FROM program WHERE name = ?";
	static const char ins[] = "INSERT INTO program (name) VALUES (?)";
	sqlite3_stmt *st = db_stmt(db, sel, e);
	int rc;

	if (!st || db_bind_text(db, st, 1, _("program"), name, false, 200, e) < 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	if (db_rows_done(db, st, rc, 0, _("program"), e) < 0)
		return -1;
	if (rc == SQLITE_ROW)
		return 0;
	if (!(st = db_stmt(db, ins, e)) || db_bind_text(db, st, 1, _("program"), name, false, 200, e) < 0 ||
	    db_step_done(db, st, _("program"), e) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->h);
	return 1;
}

int db_export_block_upsert(struct db *db, const struct import_block *b, int *result,
			   struct err *e)
{
	static const char sel[] = "SELECT id FROM staff_block WHERE uid = ?";
	static const char ins[] =
		"INSERT INTO staff_block (staff_id, date, start_min, minutes, title, uid, src_uid,"
		" src_seq, src_stamp) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	static const char upd[] =
		"UPDATE staff_block SET staff_id = ?1, date = ?2, start_min = ?3, minutes = ?4,"
		" title = ?5, src_uid = ?7, src_seq = ?8, src_stamp = ?9, sequence = sequence + 1"
		" WHERE uid = ?6 AND (staff_id IS NOT ?1 OR date IS NOT ?2 OR start_min IS NOT ?3"
		" OR minutes IS NOT ?4 OR title IS NOT ?5 OR src_uid IS NOT ?7 OR src_seq IS NOT ?8"
		" OR src_stamp IS NOT ?9)";
	char date[DATE_STRLEN];
	sqlite3_stmt *st = db_stmt(db, sel, e);
	bool exists;
	int rc;

	if (!st || db_bind_text(db, st, 1, _("uid"), b->uid, false, 200, e) < 0)
		return -1;
	rc = sqlite3_step(st);
	if (db_rows_done(db, st, rc, 0, _("staff block"), e) < 0)
		return -1;
	exists = rc == SQLITE_ROW;
	if (!(st = db_stmt(db, exists ? upd : ins, e)) ||
	    db_bind_opt_id(db, st, 1, b->staff_id, e) < 0 ||
	    db_bind_text(db, st, 2, _("date"), date_format(b->day, date), false, 10, e) < 0 ||
	    db_bind_int(db, st, 3, b->start_min, e) < 0 ||
	    db_bind_int(db, st, 4, b->minutes, e) < 0 ||
	    db_bind_text(db, st, 5, _("title"), b->title, false, 200, e) < 0 ||
	    db_bind_text(db, st, 6, _("uid"), b->uid, false, 200, e) < 0 ||
	    db_bind_opt_text(db, st, 7, _("uid"), b->src_uid, false, 1000, e) < 0 ||
	    db_bind_int(db, st, 8, b->src_seq, e) < 0 ||
	    db_bind_opt_text(db, st, 9, _("last modified"), b->src_stamp, false, 40, e) < 0)
		return -1;
	if (db_step_done(db, st, _("staff block"), e) < 0)
		return -1;
	*result = !exists ? 1 : sqlite3_changes(db->h) ? 2 : 0;
	return 0;
}

int db_export_src_version(struct db *db, const char *src_uid, int *seq, char **stamp,
			  struct err *e)
{
	static const char sql[] =
		"SELECT src_seq, src_stamp FROM program_event WHERE src_uid = ?1"
		" UNION ALL SELECT src_seq, src_stamp FROM staff_block WHERE src_uid = ?1"
		" ORDER BY 1 DESC, 2 DESC LIMIT 1";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc;

	*seq = 0;
	*stamp = NULL;
	if (!st || db_bind_text(db, st, 1, _("uid"), src_uid, false, 1000, e) < 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*seq = sqlite3_column_int(st, 0);
		*stamp = db_col_str(st, 1);
	}
	if (db_rows_done(db, st, rc, 0, _("program event"), e) < 0) {
		free(*stamp);
		*stamp = NULL;
		return -1;
	}
	return rc == SQLITE_ROW;
}

int db_export_src_keys(struct db *db, const char *src_uid,
		       int (*cb)(const char *uid, void *arg), void *arg, struct err *e)
{
	static const char sql[] =
		"SELECT uid FROM program_event WHERE src_uid = ?1 OR uid = ?1"
		" UNION SELECT uid FROM staff_block WHERE src_uid = ?1 OR uid = ?1"
		" OR (uid > ?1 || '#' AND uid < ?1 || '$' AND src_uid IS NULL)";	/* UID#N, by the uid index */
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc, n = 0;

	if (!st || db_bind_text(db, st, 1, _("uid"), src_uid, false, 1000, e) < 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		n++;
		if (cb((const char *)sqlite3_column_text(st, 0), arg))
			break;
	}
	return db_rows_done(db, st, rc, n, _("program events"), e);
}

int db_export_remove_key(struct db *db, const char *uid, struct err *e)
{
	static const char del_ev[] = "DELETE FROM program_event WHERE uid = ?1";
	static const char del_bl[] = "DELETE FROM staff_block WHERE uid = ?1";
	sqlite3_stmt *st;
	int n = 0;

	if (!(st = db_stmt(db, del_ev, e)) || db_bind_text(db, st, 1, _("uid"), uid, false, 200, e) < 0 ||
	    db_step_done(db, st, _("program event"), e) < 0)
		return -1;
	n += sqlite3_changes(db->h);
	if (!(st = db_stmt(db, del_bl, e)) || db_bind_text(db, st, 1, _("uid"), uid, false, 200, e) < 0 ||
	    db_step_done(db, st, _("staff block"), e) < 0)
		return -1;
	n += sqlite3_changes(db->h);
	return n;
}
