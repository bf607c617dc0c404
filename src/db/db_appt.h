#ifndef MADO_DB_APPT_H
#define MADO_DB_APPT_H
/* Appointments, their topics, staff blocks and the desk's own closed
 * days.  Plain reads and writes: the rules are core/appt's. */

#include "db/db.h"
#include "db/model.h"

struct appt_filter {
	int from_day, to_day;	/* inclusive; 0 = open */
	long long staff_id;	/* 0 = everyone */
	long long org_id;	/* 0 = any */
	bool include_cancelled;
	int status;		/* -1 = any */
	const char *search;	/* organization, contact or note contains; NULL = any */
};
void appt_filter_init(struct appt_filter *f);

int db_appt_insert(struct db *db, struct appt *a, struct err *e);
/* Writes every field of a (by a->id), bumps sequence and updated_at. */
int db_appt_update(struct db *db, struct appt *a, struct err *e);
int db_appt_get(struct db *db, long long id, struct appt *a, struct err *e);
/* By its UID: 0 found, 1 none, -1 error. */
int db_appt_find_uid(struct db *db, const char *uid, struct appt *a, struct err *e);
/* Raise the appointment's SEQUENCE to at least seq (an imported copy
 * keeps the version its desk gave it). */
int db_appt_raise_sequence(struct db *db, long long id, int seq, struct err *e);
/* Appointments in date and time order; cb returning non-zero stops.
 * Streams: one row in memory at a time.  Returns the count or -1. */
int db_appt_each(struct db *db, const struct appt_filter *f,
		 int (*cb)(const struct appt *a, void *arg), void *arg, struct err *e);
/* Bookings per day (not cancelled) from..to, into counts[to-from+1]. */
int db_appt_count_days(struct db *db, int from_day, int to_day, int *counts, struct err *e);

/* Every live booking (booked or done) on day overlapping
 * [start, start+minutes) for the same staff member, or for visits the
 * same room, other than exclude_id, in time order; cb returning
 * non-zero stops.  Returns how many were given to cb, or -1. */
int db_appt_conflicts(struct db *db, int day, int start_min, int minutes,
		      long long staff_id, const char *room, long long exclude_id,
		      int (*cb)(const struct appt *a, void *arg), void *arg, struct err *e);

struct staff_block {
	long long id, staff_id;	/* staff_id 0: the whole desk */
	char *uid, *title, *staff_name;
	int day, start_min, minutes, sequence;
};
void staff_block_release(struct staff_block *b);
/* The first block overlapping the time for that staff member (or a
 * whole-desk block): 0 found, 1 none, -1 error. */
int db_block_conflict(struct db *db, int day, int start_min, int minutes,
		      long long staff_id, struct staff_block *b, struct err *e);
int db_block_each(struct db *db, int from_day, int to_day,
		  int (*cb)(const struct staff_block *b, void *arg), void *arg, struct err *e);

/* The desk's own closed days stored in the database (beyond the
 * yearly ones of the config): reason or NULL (caller frees). */
char *db_closed_day(struct db *db, int day, struct err *e);
int db_closed_day_set(struct db *db, int day, const char *reason, struct err *e);
/* The same for every day from from to to (inclusive), in one read:
 * cb(day, reason) for each stored closed day, in date order, until cb
 * returns nonzero.  Returns the number given to cb, -1 on error. */
int db_closed_days_range(struct db *db, int from, int to,
			 int (*cb)(int day, const char *reason, void *arg), void *arg,
			 struct err *e);

/* A new UID for an appointment or event: random, stable for its life. */
char *db_new_uid(void);

#endif
