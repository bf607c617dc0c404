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

struct formdef;
struct extra_list;

/* What a person typed for an inquiry.  NULL: not given (a new inquiry
 * takes the default, a change keeps what is stored); "" clears an
 * optional field.  Field keys of refusals are the member names
 * (received, date, time, channel, org, contact, phone, email, topic,
 * summary, due, staff, referred_to, status, id) or a site field's. */
struct inquiry_req {
	long long id;			/* 0: a new inquiry; else the one to change */
	const char *received;		/* YYYY-MM-DDTHH:MM (or a blank for the T) */
	const char *date, *time;	/* or a date (words too) and HH:MM; new: now */
	const char *channel;		/* phone, email, visit, post (or Japanese); new: phone */
	const char *org;		/* id, exact name or unique match; "" none */
	const char *contact, *phone, *email;	/* the contact, made in the same transaction */
	const char *topic;		/* one topic of the support menu; new: other */
	const char *summary;		/* required */
	const char *due;		/* follow-up date; "" or none: no follow-up */
	const char *staff;		/* id, name or unique match; "" or -: nobody */
	const char *referred_to;
	const char *status;		/* open, waiting, closed; new: open */
	const struct formdef *form;	/* the form whose site fields extras fill */
	const struct extra_list *extras;
};

struct inquiry_result {
	long long id;
	bool changed;		/* false: the request changed nothing (nothing written) */
};

/* An inquiry's channel as code, Japanese name (電話, メール, 来所, 郵送)
 * or "e-mail"; -1 if none. */
int inquiry_channel_parse(const char *s);

/* Log (r->id == 0) or change (r->id > 0) an inquiry: resolve what was
 * typed, check every rule (received not in the future, a summary, a
 * follow-up not before the day received, a contact only with its
 * organization, a topic of the support menu) and write the contact,
 * the inquiry and its site fields in one BEGIN IMMEDIATE transaction.
 * A stored topic from before the menu (free text) is kept when an edit
 * leaves it as it is.  The appointment link is kept as stored.  0, or
 * -1 with e set (ERR_INPUT with e->field, ERR_DB). */
int inquiry_request(const struct desk_ctx *d, const struct inquiry_req *r,
		    struct inquiry_result *res, struct err *e);

/* The stored form of a topic for lists and filters: a support menu
 * code (meeting, workshop, plan, direct, other, also by English or
 * Japanese name), else the text itself (a topic stored before the
 * menu, one line, at most 100 characters).  Returns a new string or
 * NULL with e set. */
char *inquiry_topic_normalize(const struct desk_ctx *d, const char *topic, struct err *e);
/* How to show a stored topic: the support menu's Japanese name for
 * its codes (when ja), else the topic itself. */
const char *inquiry_topic_label(const char *topic, bool ja);

/* Add a dated note (now) to an inquiry, by staff (id, name or unique
 * match; NULL, "" or "-": nobody).  Keys: note, staff, id. */
int inquiry_note_add(const struct desk_ctx *d, long long id, const char *staff,
		     const char *text, long long *note_id, struct err *e);
/* Change status (open, waiting or closed); the
 * same status again is refused (ERR_RULE).  Keys: status, id. */
int inquiry_set_status(const struct desk_ctx *d, long long id, const char *status,
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
