#ifndef MADO_INQUIRY_H
#define MADO_INQUIRY_H
/* The inquiry log's rules: what may be logged, topics, notes, status
 * changes, what is overdue, and the links from an inquiry to an
 * appointment (booked under core/appt's rules) and to an application
 * (under core/program's).  No terminal: the screens and the command
 * line both call these. */

#include "core/appt.h"
#include "db/db_inquiry.h"
#include "db/db_program.h"

/* Log a new inquiry.  An empty q->received becomes now (the desk's
 * clock); a received time in the future, an empty summary or a
 * follow-up due before the day received are refused (ERR_INPUT).
 * Status is open unless set.  Sets q->id. */
int inquiry_add(const struct desk_ctx *d, struct inquiry *q, struct err *e);

/* The stored form of a topic: a support menu code (meeting, workshop,
 * plan, direct, other, also by English or Japanese name), else the
 * name of a program given by id or exact name, else the text itself
 * (one line, at most 100 characters).  Returns a new string or NULL
 * with e set. */
char *inquiry_topic_normalize(const struct desk_ctx *d, const char *topic, struct err *e);
/* How to show a stored topic: the support menu's Japanese name for
 * its codes (when ja), else the topic itself. */
const char *inquiry_topic_label(const char *topic, bool ja);

/* Change a logged inquiry: every field of q is written (read it with
 * db_inquiry_get first and change what changes).  The rules of
 * inquiry_add apply (received not in the future, summary required,
 * follow-up not before the day received, a contact needs an
 * organization); the status and the appointment link are kept as
 * stored, since inquiry_set_status and inquiry_book change those. */
int inquiry_edit(const struct desk_ctx *d, struct inquiry *q, struct err *e);

/* Add a dated note (now, by staff_id or 0) to an inquiry. */
int inquiry_note_add(const struct desk_ctx *d, long long id, long long staff_id,
		     const char *text, long long *note_id, struct err *e);
/* Change status; the same status again is refused (ERR_RULE). */
int inquiry_set_status(const struct desk_ctx *d, long long id, enum inq_status st,
		       struct err *e);

/* Whether the follow-up is overdue: open or waiting, due before today. */
bool inquiry_overdue(const struct desk_ctx *d, const struct inquiry *q);

/* Lists (f as in db_inquiry.h); cb returning non-zero stops. */
int inquiry_list(const struct desk_ctx *d, const struct inquiry_filter *f,
		 int (*cb)(const struct inquiry *q, void *arg), void *arg, struct err *e);
/* Full-text search for the screens: newest first, at most limit rows;
 * cheap enough to call on every keystroke (the index answers words of
 * three characters or more; shorter text scans). */
int inquiry_search(const struct desk_ctx *d, const char *text, int limit,
		   int (*cb)(const struct inquiry *q, void *arg), void *arg, struct err *e);

/* (Booking from an inquiry: appt_request with its inquiry field.) */
/* Start an application to program_id for the inquiry's organization,
 * linked to the inquiry (application.inquiry_id).  a may carry
 * received, status and note; program_apply's rules apply. */
int inquiry_apply(const struct desk_ctx *d, long long id, long long program_id,
		  struct application *a, struct err *e);

#endif
