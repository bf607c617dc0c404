#ifndef MADO_DEADLINE_H
#define MADO_DEADLINE_H
/* Every coming deadline of the desk, sorted by date: programs'
 * application deadlines, inquiry follow-ups (overdue ones too),
 * events' registration deadlines and missing application documents,
 * each with the days left counted in calendar days and in desk days.
 * Reads "today" from the desk's clock; no terminal. */

#include <stdbool.h>
#include "core/appt.h"

enum deadline_kind {
	DL_PROGRAM,	/* a program's application deadline */
	DL_FOLLOWUP,	/* an open or waiting inquiry's follow-up due date */
	DL_EVENT,	/* an event's registration deadline */
	DL_DOCUMENT,	/* a checklist item an application still lacks */
	DL_KIND_COUNT
};
extern const char *const deadline_kind_code[DL_KIND_COUNT];

struct deadline {
	enum deadline_kind kind;
	int day;
	int days_left;		/* calendar days from today; negative: overdue */
	int desk_days_left;	/* desk days from today (desk_days_between);
				 * negative: desk days overdue */
	bool overdue;		/* before today */
	long long id;		/* program, inquiry, event or application id */
	long long program_id;	/* 0 for follow-ups */
	char *title;		/* program name, inquiry summary (first line),
				 * event title, organization name */
	char *detail;		/* follow-ups: organization and staff; events:
				 * program; documents: item and program (in
				 * English the item's code, as one types it) */
	char *detail_shown;	/* documents: detail with the item's name
				 * (form by e-mail), for screens; else NULL */	/* what a calendar needs of a program's or an event's deadline */
	char *program_name;	/* programs and events: the program's name */
	char *uid;		/* events: the event's UID; else NULL */
	char *updated_at;	/* events: the event's last change; else NULL */
	int sequence;		/* events: the event's SEQUENCE; else 0 */
};

/* Deadlines from day `from` to from + within (inclusive), with every
 * overdue follow-up before them, in date order (kinds in the order of
 * the enum on the same day).  cb gets each in turn (non-zero stops).
 * Returns the number or -1. */
int deadline_collect(const struct desk_ctx *d, int from, int within,
		     int (*cb)(const struct deadline *dl, void *arg), void *arg,
		     struct err *e);

/* The deadlines a calendar carries: programs' application deadlines
 * (DL_PROGRAM) and events' registration deadlines (DL_EVENT) dated
 * from..to (inclusive; 0 = open), in deadline_collect()'s order.  What
 * differs from deadline_collect() on purpose: follow-ups and missing
 * documents stay out (the desk's own work, not dates to publish),
 * overdue ones are not carried forward, and desk days are not counted
 * (desk_days_left is 0; days_left and overdue are set).  Returns the
 * number or -1. */
int deadline_each_dated(const struct desk_ctx *d, int from, int to,
			int (*cb)(const struct deadline *dl, void *arg), void *arg,
			struct err *e);

/* Desk days from a to b: desk_days_between(a, b) when b >= a, else
 * minus desk_days_between(b, a). */
int deadline_desk_days(const struct desk_ctx *d, int a, int b);

#endif
