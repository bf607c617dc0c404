#ifndef MADO_ICAL_H
#define MADO_ICAL_H
/* The desk calendar as RFC 5545 iCalendar: appointments, program events
 * and deadlines as VEVENTs, local times with TZID=Asia/Tokyo and its
 * VTIMEZONE, CRLF lines folded at 75 octets on UTF-8 character
 * boundaries.  libical builds the calendar frame (header properties,
 * the VTIMEZONE), program events and deadlines; appointments, the bulk,
 * are written by our own serializer straight from borrowed row text
 * into a reused buffer, byte for byte what libical would write.
 * Streams, so memory stays flat.  Reads through db_export.h (and
 * db_appt.h for the reference path); never writes the database. */

#include <stdbool.h>
#include <stdio.h>
#include "core/appt.h"
#include "util/mem.h"

enum ical_what {
	ICAL_APPOINTMENTS = 1,
	ICAL_EVENTS = 2,
	ICAL_DEADLINES = 4,
	ICAL_BLOCKS = 8,	/* staff blocks (imported or not): "busy" under no_personal */
	ICAL_ALL = 15,
};

struct ical_export_opts {
	int from_day, to_day;	/* inclusive date.h day numbers; 0 = open */
	long long staff_id;	/* appointments of one staff member; 0 = all */
	unsigned what;		/* enum ical_what bits */
	bool no_personal;	/* leave out names, phones, e-mails, notes */
	bool letter;		/* for the contact: no internal note or override */
};
/* Everything, all staff, with personal data. */
void ical_export_opts_init(struct ical_export_opts *o);
/* "appointments,events,deadlines,blocks" (any subset, also "all") into bits;
 * 0 or -1 with a message in e. */
int ical_what_parse(const char *s, unsigned *what, struct err *e);

/* Write the calendar to out.  Returns the number of VEVENTs or -1 with
 * e set (ERR_DB for the database, ERR_INPUT for a write error). */
int ical_export(const struct desk_ctx *d, const struct ical_export_opts *o, FILE *out,
		struct err *e);
/* The same calendar with every appointment built as a libical
 * component and written from it, as ical_export() did before it got
 * its own serializer: the reference that tests/unit/test_ical_fast.c
 * holds the serializer to, byte for byte.  Not for production use (about
 * seven times slower).  Appointments come in db_appt_each() order (staff
 * name before id within one start time), ical_export()'s in index order
 * (id). */
int ical_export_libical(const struct desk_ctx *d, const struct ical_export_opts *o, FILE *out,
			struct err *e);
/* Same into a new file of mode 0600 (written beside it, then renamed). */
int ical_export_file(const struct desk_ctx *d, const struct ical_export_opts *o,
		     const char *path, struct err *e);

/* One appointment as an iTIP invitation for a letter to its contact
 * (RFC 5546): METHOD:REQUEST, or METHOD:CANCEL when cancel, the
 * appointment's own UID and SEQUENCE, ORGANIZER and ATTENDEE as mailto:
 * addresses (NULL: left out), labels in Japanese or English, without the desk's internal note and
 * override reason; appended to out.  0 or -1 with e set. */
int ical_invite(const struct desk_ctx *d, const struct appt *a, bool cancel, bool japanese,
		const char *organizer, const char *attendee, struct strbuf *out, struct err *e);

/* Append one unfolded content line s (n bytes, no line end) to out,
 * folded so that no line is longer than 75 octets and never inside a
 * UTF-8 character, every line ending CRLF. */
void ical_fold_line(struct strbuf *out, const char *s, size_t n);

#endif
