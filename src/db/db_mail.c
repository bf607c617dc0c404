#include "db/db_mail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db_internal.h"
#include "util/i18n.h"

const char *const mail_kind_code[MAIL_KIND_COUNT] = { "booked", "changed", "cancelled",
						       "reminder" };
const char *const mail_status_code[MS_COUNT] = { "queued", "sending", "sent", "failed" };

void mail_letter_release(struct mail_letter *l)
{
	free(l->to_addr);
	free(l->subject);
	free(l->body);
	free(l->ics);
	free(l->error);
	free(l->created_at);
	free(l->sent_at);
	memset(l, 0, sizeof *l);
}

#define LETTER_COLS \
	"id, appt_id, kind, sequence, to_addr, subject, body, ics, status, error, attempts," \
	" created_at, sent_at"

static void read_row(sqlite3_stmt *st, struct mail_letter *l)
{
	int k, s;

	memset(l, 0, sizeof *l);
	l->id = sqlite3_column_int64(st, 0);
	l->appt_id = sqlite3_column_int64(st, 1);
	k = model_lookup(mail_kind_code, MAIL_KIND_COUNT, (const char *)sqlite3_column_text(st, 2));
	l->kind = k < 0 ? MAIL_BOOKED : (enum mail_kind)k;
	l->sequence = sqlite3_column_int(st, 3);
	l->to_addr = db_col_str(st, 4);
	l->subject = db_col_str(st, 5);
	l->body = db_col_str(st, 6);
	l->ics = db_col_str(st, 7);
	s = model_lookup(mail_status_code, MS_COUNT, (const char *)sqlite3_column_text(st, 8));
	l->status = s < 0 ? MS_FAILED : (enum mail_status)s;
	l->error = db_col_str(st, 9);
	l->attempts = sqlite3_column_int(st, 10);
	l->created_at = db_col_str(st, 11);
	l->sent_at = db_col_str(st, 12);
}

int db_mail_find(struct db *db, long long appt_id, int sequence, enum mail_kind kind,
		 struct mail_letter *l, struct err *e)
{
	static const char sql[] = "SELECT " LETTER_COLS " FROM mail_letter"
				  " WHERE appt_id = ? AND sequence = ? AND kind = ?";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, appt_id);
	sqlite3_bind_int(st, 2, sequence);
	sqlite3_bind_text(st, 3, mail_kind_code[kind], -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_row(st, l);
		sqlite3_reset(st);
		return 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, _("reading letters"), e);
	return 1;
}

int db_mail_insert(struct db *db, struct mail_letter *l, struct err *e)
{
	static const char sql[] =
		"INSERT INTO mail_letter (appt_id, kind, sequence, to_addr, subject, body, ics,"
		" status, attempts, created_at) VALUES (?,?,?,?,?,?,?,'queued',0,mado_now())";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, l->appt_id);
	sqlite3_bind_text(st, 2, mail_kind_code[l->kind], -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, l->sequence);
	if (db_bind_text(db, st, 4, "to", l->to_addr, false, 254, e) < 0 ||
	    db_bind_text(db, st, 5, "subject", l->subject, false, 1000, e) < 0 ||
	    db_bind_text(db, st, 6, "body", l->body, true, 100000, e) < 0) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return -1;
	}
	if (db_bind_text(db, st, 7, "ics", l->ics, true, 100000, e) < 0) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return -1;
	}
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE || (rc & 0xff) == SQLITE_CONSTRAINT) {
		if (sqlite3_extended_errcode(db->h) == SQLITE_CONSTRAINT_UNIQUE)
			return err_set_field(e, ERR_RULE, "mail",
					     _("this letter was already written for appointment #%lld"),
					     l->appt_id);
	}
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, _("saving the letter"), e);
	l->id = sqlite3_last_insert_rowid(db->h);
	l->status = MS_QUEUED;
	return 0;
}

int db_mail_claim(struct db *db, long long id, struct err *e)
{
	static const char sql[] = "UPDATE mail_letter SET status = 'sending', attempts = attempts + 1,"
				  " claimed_at = mado_now() WHERE id = ? AND status = 'queued'";
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (db_step_done(db, st, _("saving the letter"), e) < 0)
		return -1;
	return sqlite3_changes(db->h) == 1 ? 0 : 1;
}

int db_mail_finish(struct db *db, long long id, enum mail_status status, const char *error,
		   struct err *e)
{
	static const char sql[] =
		"UPDATE mail_letter SET status = ?, error = ?,"
		" sent_at = CASE WHEN ? = 'sent' THEN mado_now() ELSE sent_at END WHERE id = ?";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	char why[1001];

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, mail_status_code[status], -1, SQLITE_STATIC);
	if (error && *error) {
		snprintf(why, sizeof why, "%s", error);
		sqlite3_bind_text(st, 2, why, -1, SQLITE_TRANSIENT);
	} else {
		sqlite3_bind_null(st, 2);
	}
	sqlite3_bind_text(st, 3, mail_status_code[status], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, id);
	return db_step_done(db, st, _("saving the letter"), e);
}

int db_mail_each(struct db *db, long long appt_id, int status,
		 int (*cb)(const struct mail_letter *l, void *arg), void *arg, struct err *e)
{
	static const char by_appt[] = "SELECT " LETTER_COLS " FROM mail_letter WHERE appt_id = ?"
				      " ORDER BY id";
	static const char by_status[] = "SELECT " LETTER_COLS " FROM mail_letter"
					" WHERE status = ? ORDER BY id";
	sqlite3_stmt *st = db_stmt(db, appt_id ? by_appt : by_status, e);
	int rc, n = 0;

	if (!st)
		return -1;
	if (appt_id)
		sqlite3_bind_int64(st, 1, appt_id);
	else
		sqlite3_bind_text(st, 1, mail_status_code[status < 0 || status >= MS_COUNT ? 0 : status],
				  -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mail_letter l;
		read_row(st, &l);
		n++;
		int stop = cb(&l, arg);
		mail_letter_release(&l);
		if (stop)
			break;
	}
	return db_rows_done(db, st, rc, n, _("reading letters"), e);
}

int db_mail_last_status(struct db *db, long long appt_id, struct err *e)
{
	static const char sql[] = "SELECT status FROM mail_letter WHERE appt_id = ? ORDER BY id DESC LIMIT 1";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc, status = -1;

	if (!st)
		return -2;
	sqlite3_bind_int64(st, 1, appt_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);
		for (int k = 0; k < MS_COUNT; k++)
			if (s && !strcmp(s, mail_status_code[k]))
				status = k;
	}
	return db_rows_done(db, st, rc, 0, _("reading letters"), e) < 0 ? -2 : status;
}

int db_mail_requeue_stuck(struct db *db, int minutes, struct err *e)
{
	static const char sql[] =
		"UPDATE mail_letter SET status = 'queued', error = ?"
		" WHERE status = 'sending' AND (claimed_at IS NULL OR claimed_at <"
		" strftime('%Y-%m-%dT%H:%M:%SZ', mado_now(), '-' || ? || ' minutes'))";
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, _("the send was interrupted"), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, minutes);
	if (db_step_done(db, st, _("saving the letter"), e) < 0)
		return -1;
	return sqlite3_changes(db->h);
}
