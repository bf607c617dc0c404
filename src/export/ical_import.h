#ifndef MADO_ICAL_IMPORT_H
#define MADO_ICAL_IMPORT_H
/* A partner's .ics into the desk: each occurrence of each VEVENT
 * becomes a program event (program_event, no program) or a staff block
 * that booking respects.  A file that is no calendar (structure, UTF-8,
 * control characters) is refused with the line it fails at and nothing
 * is stored; an event in trouble (no UID, a bad date, an unknown zone)
 * is left out with its line and reason in the result's notes, and the
 * rest is written in one transaction (through core/import.h),
 * updating by UID.
 *
 * The file is never held whole: it is read in pieces, once to check it
 * all and find its events, then event by event, one UID at a time
 * (each VEVENT parsed alone by libical), so memory stays flat whatever
 * its size and there is no size limit.
 *
 * Repeating events (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides,
 * cancelled occurrences) are expanded with libical's icalrecur_iterator
 * up to opts.horizon_day: one row per occurrence, row uid UID/START
 * (START the occurrence's RECURRENCE-ID value), src_uid UID.  A second
 * import of the UID replaces its rows and removes those it no longer
 * has; an older copy (lower SEQUENCE, else older LAST-MODIFIED or
 * DTSTAMP) than the one stored changes nothing.
 *
 * Which VEVENT becomes what (--as auto, the default):
 *  - a block when it has X-MADOGUCHI-STAFF, or CATEGORIES naming
 *    "block" (or ブロック / 不在), or when --staff is given;
 *  - otherwise a program event;
 *  - madoguchi's own deadlines (X-MADOGUCHI-KIND:deadline) are skipped:
 *    they come from programs and events;
 *  - madoguchi appointments (X-MADOGUCHI-KIND:appointment) of another
 *    desk are booked here (core/import.h, this desk's rules; found by
 *    UID, changed when the file's SEQUENCE is not lower) when the staff
 *    member they name works here, with their organization (found by
 *    name, else added), contact, topics, room, note and status; one the
 *    rules refuse becomes a program event with its line and reason in
 *    the notes; without such a staff member (or without names: an
 *    export with --no-personal) they become program events (counted in
 *    .appointments);
 *  - madoguchi staff blocks (X-MADOGUCHI-KIND:block) become blocks of
 *    the staff member they name when that person works here (or of the
 *    whole desk, X-MADOGUCHI-SCOPE:desk), else program events.
 * An event with STATUS:CANCELLED removes what an earlier import made
 * of its UID.  A block is a time of one day; a block over several days
 * is stored as one block a day (KEY, KEY#1, KEY#2 ...).  A program
 * event over several days keeps its last day (end_day).  Long SUMMARY
 * and LOCATION (over 200 characters) and DESCRIPTION (over 4000) are
 * shortened and end in "…"; control characters become spaces.
 * Times: TZID zones (from the file's VTIMEZONE, else the zone database,
 * else a Windows zone name through ICU), UTC and floating times (taken
 * as desk time) all become Asia/Tokyo local times. */

#include <stdbool.h>
#include <stddef.h>
#include "core/appt.h"

enum ical_import_as { ICAL_IMPORT_AUTO, ICAL_IMPORT_EVENTS, ICAL_IMPORT_BLOCKS };

struct ical_import_opts {
	enum ical_import_as as;
	long long staff_id;	/* blocks for this staff member; 0: from the file or the whole desk */
	int horizon_day;	/* repeating events: occurrences before this day (0: no bound) */
};

/* The desk's horizon for repeating events: two years after today. */
int ical_import_horizon(int today);

struct ical_import_result {
	int events_created, events_updated, events_unchanged;	/* rows (occurrences) */
	int blocks_created, blocks_updated, blocks_unchanged;	/* occurrences */
	int removed;	/* rows an earlier import stored that the file no longer has
			 * (cancelled, an occurrence gone from a series) */
	int older;	/* events older (SEQUENCE, LAST-MODIFIED) than those stored */
	int skipped;	/* events left out: trouble (see notes), deadlines, ... */
	int appointments;	/* madoguchi appointments of another desk whose staff
				 * member does not work here: stored as events */
	int appts_created, appts_updated, appts_unchanged;	/* booked here */
	int appts_refused;	/* refused by this desk's rules: stored as events (notes) */
	int orgs_created;	/* organizations the appointments brought */
	char **notes;	/* "FILE: line N: reason" for each event left out */
	size_t n_notes;
};
void ical_import_result_release(struct ical_import_result *r);

int ical_import_buf(const struct desk_ctx *d, const char *buf, size_t len, const char *name,
		    const struct ical_import_opts *o, struct ical_import_result *r,
		    struct err *e);
int ical_import_file(const struct desk_ctx *d, const char *path, const struct ical_import_opts *o,
		     struct ical_import_result *r, struct err *e);

#endif
