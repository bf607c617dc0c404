#ifndef MADO_DB_PROGRAM_H
#define MADO_DB_PROGRAM_H
/* Programs, their events and checklist items, applications and their
 * checklists.  Plain reads and writes: the cap and outside-Tokyo rules
 * are core/program's (the schema's triggers hold them as well). */

#include "db/db.h"
#include "db/model.h"

/* Checklist items every application has; programs may add more. */
#define APP_ITEM_FORM "form_email"
#define APP_ITEM_PAPERS "papers_post"

struct program {
	long long id;
	char *name, *kind, *note;
	int desk_from, desk_to, deadline;	/* 0: none */
	int cap;				/* -1: no cap */
	bool outside_ok;
	/* filled by reads */
	int n_applications, n_selected, n_events;
};

struct program_event {
	long long id, program_id;
	char *uid, *title, *place, *note;
	int day;
	int start_min, end_min;	/* -1: none (all day) */
	int end_day;		/* filled by reads: 0 ends on day, else its last day */
	int end_day_min;	/* filled by reads: end minute on end_day (1..1440), -1: all day */
	int capacity;		/* -1: none */
	int reg_deadline;	/* 0: none */
	int sequence;
	char *program_name;	/* filled by reads */
	char *updated_at;	/* filled by reads: UTC ISO */
};

struct application {
	long long id, program_id, org_id, inquiry_id;	/* inquiry 0: none */
	int received;		/* 0: none */
	enum app_status status;
	char *note;
	/* filled by reads */
	char *program_name, *org_name, *municipality;
	enum org_type org_type;
	int program_deadline;	/* 0: none */
	int n_items, n_done;
};

struct app_item {
	const char *item;
	bool done;
	int done_on;		/* 0: not recorded */
};

void program_release(struct program *p);
void program_event_release(struct program_event *ev);
void application_release(struct application *a);

int db_program_insert(struct db *db, struct program *p, struct err *e);
int db_program_get(struct db *db, long long id, struct program *p, struct err *e);
/* By exact name: 0 found, 1 not found, -1 error. */
int db_program_find(struct db *db, const char *name, struct program *p, struct err *e);
/* All programs, newest deadline first (no deadline last). */
int db_program_each(struct db *db, int (*cb)(const struct program *p, void *arg), void *arg,
		    struct err *e);
int db_program_item_add(struct db *db, long long program_id, const char *item, struct err *e);
/* The program's own items (beyond form_email and papers_post). */
int db_program_item_each(struct db *db, long long program_id,
			 int (*cb)(const char *item, void *arg), void *arg, struct err *e);
/* Programs with a deadline from..to inclusive, by deadline. */
int db_program_deadlines(struct db *db, int from_day, int to_day,
			 int (*cb)(const struct program *p, void *arg), void *arg, struct err *e);

int db_event_insert(struct db *db, struct program_event *ev, struct err *e);
/* Events of one program (0: all), by date. */
int db_event_each(struct db *db, long long program_id,
		  int (*cb)(const struct program_event *ev, void *arg), void *arg, struct err *e);
/* Events touching from..to (inclusive; 0 = open) in date order: those
 * dated in the range, and one over several days (end_day) also when it
 * only ends or goes on in it.  Each day costs its own rows (an index
 * each), not the past's. */
int db_event_range(struct db *db, int from_day, int to_day,
		   int (*cb)(const struct program_event *ev, void *arg), void *arg,
		   struct err *e);
/* Events whose registration deadline lies from..to inclusive. */
int db_event_reg_deadlines(struct db *db, int from_day, int to_day,
			   int (*cb)(const struct program_event *ev, void *arg), void *arg,
			   struct err *e);

struct app_filter {
	long long program_id, org_id, inquiry_id;	/* 0 = any */
	int status;					/* -1 = any */
};
void app_filter_init(struct app_filter *f);

int db_application_insert(struct db *db, struct application *a, struct err *e);
int db_application_get(struct db *db, long long id, struct application *a, struct err *e);
int db_application_each(struct db *db, const struct app_filter *f,
			int (*cb)(const struct application *a, void *arg), void *arg,
			struct err *e);
int db_application_set_status(struct db *db, long long id, enum app_status st, struct err *e);
/* The checklist of an application: form_email, papers_post and the
 * program's items, each with its state. */
int db_application_items(struct db *db, long long app_id,
			 int (*cb)(const struct app_item *it, void *arg), void *arg, struct err *e);
/* Mark an item done (on day) or not done. */
int db_application_item_set(struct db *db, long long app_id, const char *item, bool done,
			    int day, struct err *e);
/* Unchecked items of applications in consulting or applied whose
 * program deadline lies from..to, by deadline. */
int db_application_missing(struct db *db, int from_day, int to_day,
			   int (*cb)(const struct application *a, const char *item, void *arg),
			   void *arg, struct err *e);

#endif
