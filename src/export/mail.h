#ifndef MADO_MAIL_H
#define MADO_MAIL_H
/* Letters to an appointment's contact: a confirmation when it is
 * booked, a notice when it changes or is cancelled, a reminder the desk
 * day before a visit.  Renders the site's template
 * ($XDG_CONFIG_HOME/madoguchi/mail/KIND.txt, else the shipped
 * mail/KIND.LANG.txt), attaches the booking as an iTIP invitation
 * (ical_invite(): METHOD:REQUEST or CANCEL, its own UID and SEQUENCE),
 * writes an RFC 5322 + MIME message (RFC 2047 subject, UTF-8 body) and
 * pipes it to the configured sendmail-compatible command.  Every letter
 * is recorded (db_mail.h) before it goes; a failed send stays queued for
 * mail_retry(); one letter per appointment, sequence and kind, so
 * nothing is sent twice.  Only to the contact's own address; no address
 * or name ever reaches a message meant for a log. */

#include <stdbool.h>
#include <time.h>
#include "core/appt.h"
#include "db/db_mail.h"
#include "util/mem.h"

/* Whether letters can go: mail is not "never" and mail_command and
 * mail_from are set.  0, or -1 with why in e (ERR_INPUT, field "mail"). */
int mail_ready(const struct config *c, struct err *e);

/* The letter a status change calls for: cancelled for ST_CANCELLED,
 * booked for ST_BOOKED (a rebooking); -1 for none (done, no-show). */
int mail_kind_for_status(enum appt_status st);

/* Write the letter of kind for appointment appt_id as it stands now
 * into l (to, subject, body, invitation; not yet recorded).  Returns 0;
 * 1 when the booking's contact has no usable e-mail address (nothing
 * to send, e says so); -1 with e set. */
int mail_prepare(const struct desk_ctx *d, long long appt_id, enum mail_kind kind,
		 struct mail_letter *l, struct err *e);

enum mail_outcome {
	MAIL_SENT,		/* sent now */
	MAIL_QUEUED,		/* recorded; the command failed (e says why): retried later */
	MAIL_ALREADY,		/* this letter went before: nothing sent */
	MAIL_STALE,		/* the booking changed since it was written: given up */
};

/* Record l (if no letter of its appointment, sequence and kind is
 * there yet; a queued one is sent as it was recorded) and send it.
 * Returns an enum mail_outcome, or -1 with e set (database). */
int mail_send(const struct desk_ctx *d, struct mail_letter *l, struct err *e);

/* Send every queued letter again; report(l, outcome, e) for each.
 * Returns how many went, or -1. */
int mail_retry(const struct desk_ctx *d,
	       void (*report)(const struct mail_letter *l, int outcome, const struct err *e,
			      void *arg),
	       void *arg, struct err *e);

/* Reminders: every booked visit on the first open desk day after
 * today that has a contact address and no reminder for its current
 * version gets one.  *day is set to that desk day.  report as above.
 * Returns how many were sent, or -1. */
int mail_remind(const struct desk_ctx *d, int *day,
		void (*report)(const struct mail_letter *l, int outcome, const struct err *e,
			       void *arg),
		void *arg, struct err *e);

/* The whole message of l as the command receives it (CRLF lines). */
void mail_message(const struct config *c, const struct mail_letter *l, time_t now,
		  struct strbuf *out);

/* Subject and body of a letter file's text ("Subject: ..." first, the
 * body after it), for a letter the clerk edited: 0, or -1 with e set. */
int mail_parse_text(const char *text, char **subject, char **body, struct err *e);

/* l's subject and body as one text for an editor (mail_parse_text()
 * reads it back). */
void mail_text(const struct mail_letter *l, struct strbuf *out);


#endif
