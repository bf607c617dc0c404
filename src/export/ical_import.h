#ifndef MADO_ICAL_IMPORT_H
#define MADO_ICAL_IMPORT_H
/* A partner's .ics into the desk: each VEVENT becomes a program event
 * (program_event, no program) or a staff block that booking respects.
 * The whole file is checked first (structure, UTF-8, control
 * characters, dates, zones) and refused with the line it fails at;
 * then everything is written in one transaction, updating by UID.
 *
 * Which VEVENT becomes what (--as auto, the default):
 *  - a block when it has X-MADOGUCHI-STAFF, or CATEGORIES naming
 *    "block" (or ブロック / 不在), or when --staff is given;
 *  - otherwise a program event;
 *  - madoguchi's own deadlines (X-MADOGUCHI-KIND:deadline) are skipped:
 *    they come from programs and events; so are madoguchi appointments
 *    (X-MADOGUCHI-KIND:appointment), which belong to the desk that
 *    booked them, unless --as names what they become.
 * An event with STATUS:CANCELLED removes what an earlier import made
 * of its UID.  A block is a time of one day; a block over several days
 * is stored as one block a day (UID, UID#1, UID#2 ...).  A program
 * event has one date: an event over several days keeps its first.
 * Times: TZID zones (from the file's VTIMEZONE, else the system zone
 * database), UTC and floating times (taken as desk time) all become
 * Asia/Tokyo local times. */

#include <stdbool.h>
#include <stddef.h>
#include "db/db.h"

enum ical_import_as { ICAL_IMPORT_AUTO, ICAL_IMPORT_EVENTS, ICAL_IMPORT_BLOCKS };

struct ical_import_opts {
	enum ical_import_as as;
	long long staff_id;	/* blocks for this staff member; 0: from the file or the whole desk */
};

struct ical_import_result {
	int events_created, events_updated, events_unchanged;
	int blocks_created, blocks_updated;
	int removed;	/* STATUS:CANCELLED events whose records were removed */
	int skipped;
};

int ical_import_buf(struct db *db, const char *buf, size_t len, const char *name,
		    const struct ical_import_opts *o, struct ical_import_result *r,
		    struct err *e);
int ical_import_file(struct db *db, const char *path, const struct ical_import_opts *o,
		     struct ical_import_result *r, struct err *e);

#endif
