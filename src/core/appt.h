#ifndef MADO_APPT_H
#define MADO_APPT_H
/* Booking: the one way in for every change of an appointment, from
 * the screens and the command line alike.  A request holds what a
 * person typed (strings); core resolves it (core/resolve.h), checks
 * every rule and writes what belongs together (the contact, the
 * appointment, its topics, the site's fields, the audit rows) in one
 * BEGIN IMMEDIATE transaction, so two terminals never double-book and
 * a refusal leaves nothing behind.
 *
 * The rules: an appointment may not overlap another of the same staff
 * member (or, for visits, the same room) or a staff block, lie on a
 * closed day, outside desk hours or in the past (a slot in progress is
 * not past), unless the clerk gives an override reason.  An override
 * covers only the refusals it was given for (stored as keys: past,
 * closed, hours, staff#ID, room#ID, block#ID); any change of date,
 * time, length, staff, room or channel checks every rule again, and a
 * refusal it does not cover needs a new reason. */

#include "core/clock.h"
#include "core/config.h"
#include "db/db.h"
#include "db/model.h"

struct desk_ctx {	/* what the rules need; built by main() */
	struct db *db;
	const struct config *cfg;
	const struct clock *clock;
};

struct formdef;
struct extra_list;

/* What a person typed.  NULL: not given (a new booking takes the
 * default, a change keeps what is stored); "" clears an optional
 * field.  Field keys of refusals are the member names (date, start,
 * minutes, channel, via, org, contact, phone, email, staff, room,
 * topics, note, inquiry, override, id). */
struct appt_req {
	long long id;			/* 0: a new booking; else the one to change */
	const char *date, *start, *minutes, *channel, *via;
	const char *org, *contact, *phone, *email, *staff, *room;
	const char *topics;		/* codes or names, comma separated */
	const char *note;
	const char *inquiry;		/* the inquiry it answers (id) */
	const char *override;		/* reason to book despite a refusal */
	const char *override_for;	/* the refusal it answers (err.refusal);
					 * NULL: whatever is refused now */
	const struct formdef *form;	/* the form whose site fields extras fill */
	const struct extra_list *extras;
};

struct appt_result {
	long long id;
	bool changed;		/* false: the request changed nothing (nothing written) */
	int sequence;
};

/* Book (r->id == 0) or change (r->id > 0) an appointment.  Returns 0,
 * or -1 with e set: ERR_RULE for a desk rule (e->refusal lists the
 * refusal keys an override would cover), ERR_INPUT for bad input or a
 * missing record, ERR_DB for the database; e->field names the field. */
int appt_request(const struct desk_ctx *d, const struct appt_req *r, struct appt_result *res,
		 struct err *e);

/* Another desk's appointment (from its calendar export), for core's
 * import (core/import.c), inside its transaction.  req holds it as
 * typed strings (org and staff as "#ID", resolved by the import);
 * uid and sequence are the other desk's.  Found here by UID, it is
 * changed when its sequence is not lower than the stored one (else
 * *result 3: an older copy); else booked under that UID.  The desk's
 * rules hold as for any booking, except that a slot gone by is no
 * refusal (done and no-show records come in as they were) and a
 * cancelled appointment holds no time.  *result: 1 booked, 2 changed,
 * 0 unchanged, 3 older. */
struct appt_import {
	const char *uid;
	int sequence;
	enum appt_status status;
	struct appt_req req;
};
int appt_import(const struct desk_ctx *d, const struct appt_import *im, int *result,
		struct err *e);

/* Change status.  Booked, done and no-show turn into each other (done
 * and no-show only once the slot has started); booked, done or no-show
 * may be cancelled; a cancelled booking comes back as booked when its
 * slot is still free (every rule but "past" checked again).  The same
 * status again is refused. */
int appt_set_status(const struct desk_ctx *d, long long id, enum appt_status st,
		    struct err *e);

/* One line naming an appointment for questions and messages:
 * "2026-11-25 10:00-10:30 団体名" (date, time, organization). */
void appt_describe(const struct appt *a, char *buf, size_t n);

/* The one-character mark of a status, the same on every screen and
 * command: * booked, ✓ done, x cancelled, ? no-show (none of them of
 * ambiguous width). */
const char *appt_status_mark(enum appt_status st);

/* Parse a channel given as code or Japanese name (電話, 来所相談 ...);
 * -1 if none. */
int appt_channel_parse(const char *s);
/* Parse a topic given as code, English or Japanese name; -1 if none. */
int appt_topic_parse(const char *s);

#endif
