#ifndef MADO_APPT_H
#define MADO_APPT_H
/* Booking rules: an appointment may not overlap another of the same
 * staff member (or, for visits, the same room) or a staff block, lie
 * outside desk hours, on a closed day or in the past, unless an
 * override reason is given (and stored).  Check and write run in one
 * BEGIN IMMEDIATE transaction, so two terminals never double-book. */

#include "core/clock.h"
#include "core/config.h"
#include "db/db.h"
#include "db/model.h"

struct desk_ctx {	/* what the rules need; built by main() */
	struct db *db;
	const struct config *cfg;
	const struct clock *clock;
};

/* Check a against the rules (a->id is left out of the overlap check).
 * Returns 0 when it may be booked, -1 with the refusal in e (ERR_RULE
 * for a rule, naming the conflicting booking; ERR_INPUT for bad
 * values).  Ignores the rules a->override_reason overrides. */
int appt_check(const struct desk_ctx *d, const struct appt *a, struct err *e);

/* Book: check and insert in one transaction; sets a->id and a->uid. */
int appt_book(const struct desk_ctx *d, struct appt *a, struct err *e);
/* Move to a new date/time (and staff, when staff_id > 0), checked
 * against the rules like a new booking; override may be NULL. */
int appt_move(const struct desk_ctx *d, long long id, int day, int start_min,
	      long long staff_id, const char *override, struct err *e);
/* Save edits to an existing appointment (rules checked again). */
int appt_save(const struct desk_ctx *d, struct appt *a, struct err *e);
/* Change status: done, no-show, cancelled (or back to booked). */
int appt_set_status(const struct desk_ctx *d, long long id, enum appt_status st,
		    struct err *e);

/* Parse a topic given as code, English or Japanese name; -1 if none. */
int appt_topic_parse(const char *s);

#endif
