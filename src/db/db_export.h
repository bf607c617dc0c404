#ifndef MADO_DB_EXPORT_H
#define MADO_DB_EXPORT_H
/* The reads and writes the calendar export and import need beyond
 * db_appt.h and db_program.h: appointments streamed for the export,
 * program events and staff blocks upserted by UID for the import
 * (program events are read through db_program.h, deadlines through
 * core/deadline.h).
 * Plain SQL; no calendar format, no rules. */

#include "db/db.h"
#include "db/model.h"

/* A program event as an import stores it (db_export_event_upsert()),
 * with what it keeps of the partner's copy; reads give struct
 * program_event (db_program.h). */
struct prog_event {
	long long id, program_id;	/* program_id 0: none */
	char *uid, *title, *place, *note, *program_name, *updated_at;
	int day;
	int start_min, end_min;		/* -1: none (all-day event / no end) */
	int capacity;			/* -1: none */
	int reg_deadline;		/* 0: none */
	int sequence;
	int end_day;			/* 0: ends on day; else its last day */
	int end_day_min;		/* end minute on end_day (1..1440), -1: all-day */
	char *src_uid;			/* imported: the partner's UID (series), else NULL */
	char *src_stamp;		/* imported: LAST-MODIFIED or DTSTAMP, YYYYMMDDTHHMMSSZ */
	int src_seq;			/* imported: SEQUENCE */
};
void prog_event_release(struct prog_event *ev);

/* One appointment as the calendar export needs it.  The strings are
 * the statement's own column text, borrowed: valid only during the
 * callback, never copied or freed (NULL when the column is NULL). */
struct export_appt {
	const char *uid, *date, *room, *note, *override_reason, *updated_at;
	const char *org_name, *municipality, *contact_name, *contact_phone,
		   *contact_email, *staff_name;
	int day, start_min, minutes, sequence;
	enum channel channel;
	enum booked_via booked_via;
	enum appt_status status;
	enum org_type org_type;
	unsigned topics;	/* bit (1 << enum topic) */
};

/* Appointments dated from..to (inclusive; 0 = open) of staff_id (0 =
 * everyone), cancelled ones too, in the order of the appointment_date
 * index: date, start time, then id (no sort step).  Streams; cb
 * returning non-zero stops.  Returns the count or -1. */
int db_export_appts(struct db *db, int from_day, int to_day, long long staff_id,
		    int (*cb)(const struct export_appt *a, void *arg), void *arg,
		    struct err *e);

/* Insert or update a program event by ev->uid.  An update changes the
 * row only when a field differs; then sequence becomes the larger of
 * the old sequence + 1 and ev->sequence.  ev->updated_at NULL: now.
 * ev->program_id 0 leaves an existing event's program as it is.
 * *result: 0 unchanged, 1 created, 2 updated. */
int db_export_event_upsert(struct db *db, struct prog_event *ev, int *result,
			   struct err *e);

/* The program named name, created (kind 'support') when missing:
 * 0 found, 1 created, -1 error; sets *id. */
int db_export_program_ensure(struct db *db, const char *name, long long *id, struct err *e);

/* An imported staff block row (one day of one occurrence). */
struct import_block {
	const char *uid, *title, *src_uid, *src_stamp;
	long long staff_id;	/* 0: the whole desk */
	int day, start_min, minutes, src_seq;
};
/* Insert or update by b->uid; *result: 0 unchanged, 1 created, 2 updated. */
int db_export_block_upsert(struct db *db, const struct import_block *b, int *result,
			   struct err *e);

/* What an earlier import stored of the partner's UID src_uid: 1 and
 * the largest SEQUENCE and its stamp in *seq, *stamp (malloc'd or
 * NULL), 0 when nothing, -1 on error. */
int db_export_src_version(struct db *db, const char *src_uid, int *seq, char **stamp,
			  struct err *e);
/* Every row key (uid) an earlier import stored for src_uid, program
 * events and staff blocks (also rows stored before src_uid existed,
 * whose uid is src_uid or src_uid#N), each passed to cb. */
int db_export_src_keys(struct db *db, const char *src_uid,
		       int (*cb)(const char *uid, void *arg), void *arg, struct err *e);
/* Remove the program event or staff block stored under exactly uid;
 * returns how many rows (0 or 1). */
int db_export_remove_key(struct db *db, const char *uid, struct err *e);

#endif
