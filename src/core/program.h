#ifndef MADO_PROGRAM_H
#define MADO_PROGRAM_H
/* Programs, their events and applications, and the desk's rules on
 * them: an organization outside Tokyo cannot apply (unless the program
 * says outside_ok), a program never selects more than its cap, the
 * checklist holds form_email, papers_post and the program's own items.
 * Each change runs in one BEGIN IMMEDIATE transaction, so two
 * terminals cannot select past the cap together. */

#include "core/appt.h"
#include "db/db_program.h"

/* Add a program and its extra checklist items in one write. */
int program_add(const struct desk_ctx *d, struct program *p, const char *const *items,
		size_t n_items, struct err *e);
/* A program by id ("12", "#12"), exact name, or a unique part of its
 * name.  Sets *id. */
int program_resolve(const struct desk_ctx *d, const char *s, long long *id, struct err *e);
/* Add an event: end after start, registration deadline not after the
 * event.  Sets ev->id and ev->uid. */
int program_event_add(const struct desk_ctx *d, struct program_event *ev, struct err *e);

/* Record an application (a->program_id, a->org_id; received, status,
 * inquiry_id and note optional).  Refused (ERR_RULE) for an
 * organization outside Tokyo, a second application of the same
 * organization to the program, or status selected beyond the cap. */
int program_apply(const struct desk_ctx *d, struct application *a, struct err *e);
/* Change an application's status; selected beyond the program's cap is
 * refused (ERR_RULE), the message names the cap and those selected. */
int application_set_status(const struct desk_ctx *d, long long id, enum app_status st,
			   struct err *e);
/* Tick (done) or untick a checklist item; an item not on the
 * application's checklist is bad input naming the valid ones. */
int application_check(const struct desk_ctx *d, long long id, const char *item, bool done,
		      struct err *e);

/* When an event is on day, as the day lists show it: "all day" (an
 * all-day event, or a day inside one over several days), "-HH:MM"
 * (ending that day), "HH:MM-" (going on after it), "HH:MM-HH:MM" or
 * "HH:MM"; first..last the days it spans, minutes as struct
 * program_event's.  Into buf (32 bytes are enough). */
const char *program_event_when(int day, int first, int last, int start_min, int end_min,
			       int end_day_min, char *buf, size_t n);

#endif
