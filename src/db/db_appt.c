#include "db/db_appt.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "db/db_internal.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/kana.h"
#include "util/mem.h"

void appt_filter_init(struct appt_filter *f)
{
	memset(f, 0, sizeof *f);
	f->status = -1;
}

char *db_new_uid(void)
{
	unsigned char r[16];
	char buf[64];
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	ssize_t got = fd >= 0 ? read(fd, r, sizeof r) : -1;

	if (fd >= 0)
		close(fd);
	if (got != (ssize_t)sizeof r) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		unsigned long long x = (unsigned long long)ts.tv_nsec ^ ((unsigned long long)ts.tv_sec << 20) ^
				       (unsigned long long)getpid() << 40;
		for (size_t i = 0; i < sizeof r; i++) {
			x = x * 6364136223846793005ULL + 1442695040888963407ULL;
			r[i] = (unsigned char)(x >> 56);
		}
	}
	r[6] = (r[6] & 0x0F) | 0x40;
	r[8] = (r[8] & 0x3F) | 0x80;
	snprintf(buf, sizeof buf,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x@madoguchi",
		 r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12],
		 r[13], r[14], r[15]);
	return xstrdup(buf);
}

#define APPT_SELECT \
	"SELECT a.id, a.uid, a.date, a.start_min, a.minutes, a.channel, a.booked_via," \
	" a.org_id, coalesce(a.contact_id, 0), coalesce(a.staff_id, 0), a.room, a.status, a.note," \
	" a.override_reason, coalesce(a.inquiry_id, 0), a.sequence, a.created_at, a.updated_at," \
	" a.override_covers," \
	" o.name, o.kana, o.municipality, o.type, c.name, c.phone, c.email, s.name," \
	" (SELECT group_concat(topic) FROM appointment_topic t WHERE t.appt_id = a.id)" \
	" FROM appointment a JOIN organization o ON o.id = a.org_id" \
	" LEFT JOIN contact c ON c.id = a.contact_id LEFT JOIN staff s ON s.id = a.staff_id"

static void appt_from_row(sqlite3_stmt *st, struct appt *a)
{
	const char *d = (const char *)sqlite3_column_text(st, 2);
	int k;

	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(st, 0);
	a->uid = db_col_str(st, 1);
	if (date_parse(d, &a->day) < 0)
		a->day = 0;
	a->start_min = sqlite3_column_int(st, 3);
	a->minutes = sqlite3_column_int(st, 4);
	k = model_lookup(channel_code, CH_COUNT, (const char *)sqlite3_column_text(st, 5));
	a->channel = k < 0 ? CH_PHONE : (enum channel)k;
	k = model_lookup(booked_via_code, VIA_COUNT, (const char *)sqlite3_column_text(st, 6));
	a->booked_via = k < 0 ? VIA_PHONE : (enum booked_via)k;
	a->org_id = sqlite3_column_int64(st, 7);
	a->contact_id = sqlite3_column_int64(st, 8);
	a->staff_id = sqlite3_column_int64(st, 9);
	a->room = db_col_str(st, 10);
	k = model_lookup(appt_status_code, ST_COUNT, (const char *)sqlite3_column_text(st, 11));
	a->status = k < 0 ? ST_BOOKED : (enum appt_status)k;
	a->note = db_col_str(st, 12);
	a->override_reason = db_col_str(st, 13);
	a->inquiry_id = sqlite3_column_int64(st, 14);
	a->sequence = sqlite3_column_int(st, 15);
	a->created_at = db_col_str(st, 16);
	a->updated_at = db_col_str(st, 17);
	a->override_covers = db_col_str(st, 18);
	a->org_name = db_col_str(st, 19);
	a->org_kana = db_col_str(st, 20);
	a->municipality = db_col_str(st, 21);
	k = model_lookup(org_type_code, ORG_TYPE_COUNT, (const char *)sqlite3_column_text(st, 22));
	a->org_type = k < 0 ? ORG_LOCAL : (enum org_type)k;
	a->contact_name = db_col_str(st, 23);
	a->contact_phone = db_col_str(st, 24);
	a->contact_email = db_col_str(st, 25);
	a->staff_name = db_col_str(st, 26);
	const char *topics = (const char *)sqlite3_column_text(st, 27);
	if (topics) {
		char *copy = xstrdup(topics), *save = NULL;
		for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
			k = model_lookup(topic_code, TOPIC_COUNT, t);
			if (k >= 0)
				a->topics |= 1u << k;
		}
		free(copy);
	}
}

static int bind_appt(struct db *db, sqlite3_stmt *st, const struct appt *a, struct err *e)
{
	char date[DATE_STRLEN];

	if (db_bind_text(db, st, 1, _("date"), date_format(a->day, date), false, 10, e) < 0 ||
	    db_bind_int(db, st, 2, a->start_min, e) < 0 ||
	    db_bind_int(db, st, 3, a->minutes, e) < 0 ||
	    db_bind_text(db, st, 4, _("channel"), channel_code[a->channel], false, 0, e) < 0 ||
	    db_bind_text(db, st, 5, _("booked via"), booked_via_code[a->booked_via], false, 0, e) < 0 ||
	    db_bind_int(db, st, 6, a->org_id, e) < 0 ||
	    db_bind_opt_id(db, st, 7, a->contact_id, e) < 0 ||
	    db_bind_opt_id(db, st, 8, a->staff_id, e) < 0 ||
	    db_bind_opt_text(db, st, 9, _("room"), a->channel == CH_VISIT ? a->room : NULL, false, 60, e) < 0 ||
	    db_bind_text(db, st, 10, _("status"), appt_status_code[a->status], false, 0, e) < 0 ||
	    db_bind_opt_text(db, st, 11, _("note"), a->note, true, 4000, e) < 0 ||
	    db_bind_opt_text(db, st, 12, _("override reason"), a->override_reason, false, 500, e) < 0 ||
	    db_bind_opt_id(db, st, 13, a->inquiry_id, e) < 0 ||
	    db_bind_opt_text(db, st, 14, _("override reason"),
			     a->override_reason ? a->override_covers : NULL, false, 500, e) < 0)
		return -1;
	return 0;
}

static int write_topics(struct db *db, long long id, unsigned topics, struct err *e)
{
	static const char del[] = "DELETE FROM appointment_topic WHERE appt_id = ? AND"
				  " ((1 << (CASE topic WHEN 'meeting' THEN 0 WHEN 'workshop' THEN 1"
				  " WHEN 'plan' THEN 2 WHEN 'direct' THEN 3 ELSE 4 END)) & ?) = 0";
	static const char ins[] = "INSERT OR IGNORE INTO appointment_topic (appt_id, topic) VALUES (?, ?)";
	sqlite3_stmt *st = db_stmt(db, del, e);

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, topics);
	if (db_step_done(db, st, _("topics"), e) < 0)
		return -1;
	for (int t = 0; t < TOPIC_COUNT; t++) {
		if (!(topics & (1u << t)))
			continue;
		if (!(st = db_stmt(db, ins, e)))
			return -1;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, topic_code[t], -1, SQLITE_STATIC);
		if (db_step_done(db, st, _("topics"), e) < 0)
			return -1;
	}
	return 0;
}

int db_appt_insert(struct db *db, struct appt *a, struct err *e)
{
	static const char sql[] =
		"INSERT INTO appointment (date, start_min, minutes, channel, booked_via, org_id,"
		" contact_id, staff_id, room, status, note, override_reason, inquiry_id,"
		" override_covers, uid) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (!st || bind_appt(db, st, a, e) < 0)
		return -1;
	if (!a->uid)
		a->uid = db_new_uid();
	if (db_bind_text(db, st, 15, _("uid"), a->uid, false, 200, e) < 0)
		return -1;
	if (db_step_done(db, st, _("appointment"), e) < 0)
		return -1;
	a->id = sqlite3_last_insert_rowid(db->h);
	return write_topics(db, a->id, a->topics, e);
}

int db_appt_update(struct db *db, struct appt *a, struct err *e)
{
	static const char sql[] =
		"UPDATE appointment SET date = ?, start_min = ?, minutes = ?, channel = ?,"
		" booked_via = ?, org_id = ?, contact_id = ?, staff_id = ?, room = ?, status = ?,"
		" note = ?, override_reason = ?, inquiry_id = ?, override_covers = ?,"
		" sequence = sequence + 1,"
		" updated_at = mado_now() WHERE id = ?";
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (!st || bind_appt(db, st, a, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 15, a->id);
	if (db_step_done(db, st, _("appointment"), e) < 0)
		return -1;
	if (sqlite3_changes(db->h) == 0)
		return err_set(e, ERR_INPUT, _("no appointment #%lld"), a->id);
	a->sequence++;
	return write_topics(db, a->id, a->topics, e);
}

int db_appt_get(struct db *db, long long id, struct appt *a, struct err *e)
{
	static const char sql[] = APPT_SELECT " WHERE a.id = ?";
	sqlite3_stmt *st = db_row_by_id(db, sql, id, _("no appointment #%lld"), _("appointment"), e);

	if (!st)
		return -1;
	appt_from_row(st, a);
	sqlite3_reset(st);
	return 0;
}

int db_appt_find_uid(struct db *db, const char *uid, struct appt *a, struct err *e)
{
	static const char sql[] = APPT_SELECT " WHERE a.uid = ?";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, uid, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		appt_from_row(st, a);
	return db_rows_done(db, st, rc, rc == SQLITE_DONE, _("appointment"), e);
}

int db_appt_raise_sequence(struct db *db, long long id, int seq, struct err *e)
{
	static const char sql[] = "UPDATE appointment SET sequence = ?1 WHERE id = ?2 AND sequence < ?1";
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, seq);
	sqlite3_bind_int64(st, 2, id);
	return db_step_done(db, st, _("appointment"), e);
}

int db_appt_each(struct db *db, const struct appt_filter *f,
		 int (*cb)(const struct appt *a, void *arg), void *arg, struct err *e)
{
	static const char sql[] = APPT_SELECT
		" WHERE a.date >= ?1 AND a.date <= ?2 AND (?3 = 0 OR a.staff_id = ?3)"
		" AND (?4 = 0 OR a.org_id = ?4) AND (?5 OR a.status <> 'cancelled')"
		" AND (?6 IS NULL OR a.status = ?6)"
		" AND (?7 IS NULL OR instr(o.name_key, ?7) OR instr(o.kana_key, ?7)"
		"      OR instr(mado_fold(coalesce(c.name, '')), ?7) OR instr(mado_fold(coalesce(a.note, '')), ?7))"
		" ORDER BY a.date, a.start_min, s.name, a.id";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	char from[DATE_STRLEN], to[DATE_STRLEN];
	int rc, n = 0;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, f->from_day ? date_format(f->from_day, from) : "0000", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, f->to_day ? date_format(f->to_day, to) : "9999", -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, f->staff_id);
	sqlite3_bind_int64(st, 4, f->org_id);
	sqlite3_bind_int(st, 5, f->include_cancelled);
	if (f->status >= 0 && f->status < ST_COUNT)
		sqlite3_bind_text(st, 6, appt_status_code[f->status], -1, SQLITE_STATIC);
	if (f->search && *f->search)	/* folded as every search is (kana_fold()) */
		sqlite3_bind_text(st, 7, kana_fold(f->search), -1, free);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct appt a;
		appt_from_row(st, &a);
		n++;
		int stop = cb ? cb(&a, arg) : 0;
		appt_release(&a);
		if (stop)
			break;
	}
	return db_rows_done(db, st, rc, n, _("appointments"), e);
}

int db_appt_count_days(struct db *db, int from_day, int to_day, int *counts, struct err *e)
{
	static const char sql[] =
		"SELECT date, count(*) FROM appointment WHERE date >= ? AND date <= ?"
		" AND status <> 'cancelled' GROUP BY date";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	char from[DATE_STRLEN], to[DATE_STRLEN];
	int rc;

	if (!st)
		return -1;
	memset(counts, 0, sizeof *counts * (size_t)(to_day - from_day + 1));
	sqlite3_bind_text(st, 1, date_format(from_day, from), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, date_format(to_day, to), -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int day;
		if (date_parse((const char *)sqlite3_column_text(st, 0), &day) == 0 &&
		    day >= from_day && day <= to_day)
			counts[day - from_day] = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, _("counting appointments"), e);
	return 0;
}

int db_appt_conflicts(struct db *db, int day, int start_min, int minutes,
		      long long staff_id, const char *room, long long exclude_id,
		      int (*cb)(const struct appt *a, void *arg), void *arg, struct err *e)
{
	static const char sql[] = APPT_SELECT
		" WHERE a.date = ?1 AND a.status IN ('booked','done') AND a.id <> ?2"
		" AND a.start_min < ?3 + ?4 AND ?3 < a.start_min + a.minutes"
		" AND ((?5 <> 0 AND a.staff_id = ?5) OR (?6 IS NOT NULL AND a.channel = 'visit' AND a.room = ?6))"
		" ORDER BY a.start_min, a.id";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	char date[DATE_STRLEN];
	int rc, n = 0;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, date_format(day, date), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, exclude_id);
	sqlite3_bind_int(st, 3, start_min);
	sqlite3_bind_int(st, 4, minutes);
	sqlite3_bind_int64(st, 5, staff_id);
	if (room && *room)
		sqlite3_bind_text(st, 6, room, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct appt a;
		appt_from_row(st, &a);
		n++;
		int stop = cb(&a, arg);
		appt_release(&a);
		if (stop)
			break;
	}
	return db_rows_done(db, st, rc, n, _("checking for overlaps"), e);
}

void staff_block_release(struct staff_block *b)
{
	free(b->uid);
	free(b->title);
	free(b->staff_name);
	memset(b, 0, sizeof *b);
}

static void block_from_row(sqlite3_stmt *st, struct staff_block *b)
{
	memset(b, 0, sizeof *b);
	b->id = sqlite3_column_int64(st, 0);
	b->uid = db_col_str(st, 1);
	b->staff_id = sqlite3_column_int64(st, 2);
	date_parse((const char *)sqlite3_column_text(st, 3), &b->day);
	b->start_min = sqlite3_column_int(st, 4);
	b->minutes = sqlite3_column_int(st, 5);
	b->title = db_col_str(st, 6);
	b->sequence = sqlite3_column_int(st, 7);
	b->staff_name = db_col_str(st, 8);
}

#define BLOCK_SELECT \
	"SELECT b.id, b.uid, coalesce(b.staff_id, 0), b.date, b.start_min, b.minutes, b.title," \
	" b.sequence, s.name FROM staff_block b LEFT JOIN staff s ON s.id = b.staff_id"

int db_block_conflict(struct db *db, int day, int start_min, int minutes,
		      long long staff_id, struct staff_block *b, struct err *e)
{
	static const char sql[] = BLOCK_SELECT
		" WHERE b.date = ?1 AND b.start_min < ?2 + ?3 AND ?2 < b.start_min + b.minutes"
		" AND (b.staff_id IS NULL OR b.staff_id = ?4) ORDER BY b.start_min LIMIT 1";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	char date[DATE_STRLEN];
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, date_format(day, date), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, start_min);
	sqlite3_bind_int(st, 3, minutes);
	sqlite3_bind_int64(st, 4, staff_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		block_from_row(st, b);
	return db_rows_done(db, st, rc, rc == SQLITE_DONE, _("checking staff blocks"), e);
}

int db_block_each(struct db *db, int from_day, int to_day,
		  int (*cb)(const struct staff_block *b, void *arg), void *arg, struct err *e)
{
	static const char sql[] = BLOCK_SELECT
		" WHERE b.date >= ? AND b.date <= ? ORDER BY b.date, b.start_min, b.id";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	char from[DATE_STRLEN], to[DATE_STRLEN];
	int rc, n = 0;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, date_format(from_day, from), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, date_format(to_day, to), -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct staff_block b;
		block_from_row(st, &b);
		n++;
		int stop = cb ? cb(&b, arg) : 0;
		staff_block_release(&b);
		if (stop)
			break;
	}
	return db_rows_done(db, st, rc, n, _("staff blocks"), e);
}

char *db_closed_day(struct db *db, int day, struct err *e)
{
	static const char sql[] = "SELECT reason FROM closed_day WHERE date = ?";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	char date[DATE_STRLEN];
	char *r = NULL;

	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, date_format(day, date), -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		r = db_col_str(st, 0);
	sqlite3_reset(st);
	return r;
}

int db_closed_days_range(struct db *db, int from, int to,
			 int (*cb)(int day, const char *reason, void *arg), void *arg,
			 struct err *e)
{
	static const char sql[] =
		"SELECT date, reason FROM closed_day WHERE date >= ? AND date <= ? ORDER BY date";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	char d1[DATE_STRLEN], d2[DATE_STRLEN];
	int n = 0, rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, date_format(from, d1), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, date_format(to, d2), -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *date = (const char *)sqlite3_column_text(st, 0);
		const char *reason = (const char *)sqlite3_column_text(st, 1);
		int day;
		if (!date || date_parse(date, &day) < 0)
			continue;
		n++;
		if (cb && cb(day, reason ? reason : "", arg))
			break;
	}
	return db_rows_done(db, st, rc, n, _("closed days"), e);
}

int db_closed_day_set(struct db *db, int day, const char *reason, struct err *e)
{
	static const char ins[] = "INSERT OR REPLACE INTO closed_day (date, reason) VALUES (?, ?)";
	static const char del[] = "DELETE FROM closed_day WHERE date = ?";
	char date[DATE_STRLEN];
	sqlite3_stmt *st = db_stmt(db, reason ? ins : del, e);

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, date_format(day, date), -1, SQLITE_TRANSIENT);
	if (reason && db_bind_text(db, st, 2, _("reason"), reason, false, 100, e) < 0)
		return -1;
	return db_step_done(db, st, _("closed day"), e);
}
