#ifndef MADO_LETTER_H
#define MADO_LETTER_H
/* The ledger of letters to an appointment's contact (db/011): the one
 * way in for recording a letter and for the states it goes through
 * (queued -> sending -> sent, back to queued to retry, or given up).
 * Writing and sending the letter itself is export/mail's. */

#include "core/appt.h"
#include "db/db_mail.h"

/* Record l as queued (l->id set).  The same appointment, version and
 * kind recorded before: ERR_RULE, field "mail" (a letter goes once). */
int letter_record(const struct desk_ctx *d, struct mail_letter *l, struct err *e);

enum { LETTER_TAKEN = 0, LETTER_GONE = 1, LETTER_STALE = 2 };
/* Take the queued letter l for sending: LETTER_TAKEN when it is still
 * the booking's current version; LETTER_GONE when it is not queued (it
 * went, or another terminal has it); LETTER_STALE when the booking
 * changed since it was written (then it is given up, the reason in e,
 * field "mail"); -1 on error. */
int letter_claim(const struct desk_ctx *d, const struct mail_letter *l, struct err *e);

/* The outcome of a send: MS_SENT, MS_QUEUED (to retry; why) or
 * MS_FAILED (given up; why). */
int letter_finish(const struct desk_ctx *d, long long id, enum mail_status st, const char *why,
		  struct err *e);

/* Letters taken for sending more than minutes ago and never finished
 * (a run killed while sending) go back to the queue; how many, or -1. */
int letter_requeue_stuck(const struct desk_ctx *d, int minutes, struct err *e);

#endif
