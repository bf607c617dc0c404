#ifndef MADO_DB_MAIL_H
#define MADO_DB_MAIL_H
/* The letters sent (or waiting to be sent) to an appointment's
 * contact: one row per appointment, sequence and kind (db/006).  Plain
 * reads and writes; rendering and sending are export/mail's. */

#include "db/db.h"

enum mail_kind { MAIL_BOOKED, MAIL_CHANGED, MAIL_CANCELLED, MAIL_REMINDER, MAIL_KIND_COUNT };
enum mail_status { MS_QUEUED, MS_SENDING, MS_SENT, MS_FAILED, MS_COUNT };
extern const char *const mail_kind_code[MAIL_KIND_COUNT];
extern const char *const mail_status_code[MS_COUNT];

struct mail_letter {
	long long id, appt_id;
	enum mail_kind kind;
	int sequence;
	char *to_addr, *subject, *body, *ics;
	enum mail_status status;
	char *error;		/* NULL: none */
	int attempts;
	char *created_at, *sent_at;	/* UTC ISO; sent_at NULL until sent */
};
void mail_letter_release(struct mail_letter *l);

/* The letter of appt_id, sequence and kind: 0 found (into l), 1 none,
 * -1 error. */
int db_mail_find(struct db *db, long long appt_id, int sequence, enum mail_kind kind,
		 struct mail_letter *l, struct err *e);
/* Record a new letter as queued (l->id set).  A letter of the same
 * appointment, sequence and kind already there: ERR_RULE, field "mail". */
int db_mail_insert(struct db *db, struct mail_letter *l, struct err *e);
/* Take a queued letter for sending (queued -> sending, attempts + 1):
 * 0 taken, 1 not queued (another desk has it, or it went), -1 error. */
int db_mail_claim(struct db *db, long long id, struct err *e);
/* The status of the appointment's latest letter; -1 when it has none,
 * -2 on error.  (One column of one row: the day screen asks it as it
 * draws.) */
int db_mail_last_status(struct db *db, long long appt_id, struct err *e);
/* Letters taken for sending more than minutes ago and never finished
 * (the program was killed while the command ran) go back to the queue.
 * Returns how many, or -1. */
int db_mail_requeue_stuck(struct db *db, int minutes, struct err *e);
/* The outcome of a send: sent (sent_at now, error cleared), queued
 * (to retry, with why) or failed (given up, with why). */
int db_mail_finish(struct db *db, long long id, enum mail_status st, const char *error,
		   struct err *e);
/* Letters of one appointment (appt_id > 0) or every letter with status
 * st (appt_id 0), oldest first; cb returning non-zero stops.  Returns
 * the count or -1. */
int db_mail_each(struct db *db, long long appt_id, int st,
		 int (*cb)(const struct mail_letter *l, void *arg), void *arg, struct err *e);

#endif
