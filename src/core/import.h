#ifndef MADO_IMPORT_H
#define MADO_IMPORT_H
/* A calendar coming in: every write an import makes goes through here,
 * in one transaction for the whole file (import_begin .. import_commit),
 * so a calendar the database refuses leaves the desk as it was.  The
 * reading of the file (iCalendar, recurrences, zones) is
 * src/export/ical_import.c's; it hands over plain rows.
 *
 * Program events and staff blocks are kept by their row key (the
 * partner's UID, or UID/occurrence) and updated in place; another
 * madoguchi desk's appointments are booked through core/appt's rules
 * (appt_import), each as one item of the transaction: one the rules
 * refuse is undone alone, and the caller stores it as an event. */

#include "core/appt.h"
#include "db/db_export.h"

int import_begin(const struct desk_ctx *d, struct err *e);
int import_commit(const struct desk_ctx *d, struct err *e);
void import_rollback(const struct desk_ctx *d);

/* What an earlier import stored of the partner's UID: as
 * db_export_src_version and db_export_src_keys. */
int import_src_version(const struct desk_ctx *d, const char *src_uid, int *seq, char **stamp,
		       struct err *e);
int import_src_keys(const struct desk_ctx *d, const char *src_uid,
		    int (*cb)(const char *uid, void *arg), void *arg, struct err *e);

/* A program event by ev->uid (its program, by name, made when
 * missing), or a staff block by b->uid.  *result: 0 unchanged,
 * 1 created, 2 updated. */
int import_event_put(const struct desk_ctx *d, struct prog_event *ev, int *result,
		     struct err *e);
int import_block_put(const struct desk_ctx *d, const struct import_block *b, int *result,
		     struct err *e);
/* Remove what an earlier import stored under key (an event or block
 * the file no longer has): 1 removed, 0 none, -1 error. */
int import_remove(const struct desk_ctx *d, const char *key, struct err *e);

/* Another madoguchi desk's appointment, as its export writes it
 * (X-MADOGUCHI-* values; NULL: not in the file). */
struct import_appt {
	const char *uid;
	int sequence;
	int day, start_min, minutes;
	long long staff_id;	/* the staff member here of the file's name */
	const char *channel, *status, *via, *topics;	/* codes; topics blank separated */
	const char *org, *org_type, *municipality;
	const char *contact, *phone, *email, *room, *note, *override;
};
/* Book or change it (appt_import): *result as appt_import's;
 * *org_added when its organization was new here.  A refusal (ERR_RULE
 * or ERR_INPUT, with its field) undoes this appointment alone and
 * leaves the transaction open; ERR_DB ends the import. */
int import_appt_put(const struct desk_ctx *d, const struct import_appt *a, int *result,
		    bool *org_added, struct err *e);

#endif
