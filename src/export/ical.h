#ifndef MADO_ICAL_H
#define MADO_ICAL_H
/* The desk calendar as RFC 5545 iCalendar: appointments, program events,
 * staff blocks and deadlines as VEVENTs, local times with
 * TZID=Asia/Tokyo and its VTIMEZONE, CRLF lines folded at 75 octets on
 * UTF-8 character boundaries; and one appointment as an invitation for
 * a letter.  One serializer of our own writes every line straight from
 * the rows into a reused buffer, byte for byte what libical would write
 * (tests/unit/test_ical_fast.c holds it to that); libical gives only
 * the zone's VTIMEZONE.  Streams, so memory stays flat.  Reads through
 * db_export.h, db_appt.h, db_program.h and core/deadline.h; never
 * writes the database. */

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
