#ifndef MADO_DB_INQUIRY_H
#define MADO_DB_INQUIRY_H
/* Inquiries, their dated notes, search over both and over the name and
 * reading of each inquiry's organization (the FTS5 index of single
 * characters and pairs of db/010_search_grams.sql), and the counts of the
 * monthly and yearly report.  Plain reads and writes: the rules
 * (status changes, links, what is overdue) are core/inquiry's. */

#include "db/db.h"
#include "db/model.h"

#define INQ_TIME_LEN 17	/* "YYYY-MM-DDTHH:MM" and NUL */

struct inquiry {
	long long id;
	char received[INQ_TIME_LEN];	/* desk local time */
	enum inq_channel channel;
	long long org_id, contact_id, staff_id, appt_id;	/* 0: none */
	char *topic, *summary, *referred_to;
	enum inq_status status;
	int due_day;		/* follow-up due date; 0: none */
	char *created_at, *updated_at;	/* UTC ISO */
	/* filled by reads, for display; ignored by writes */
	char *org_name, *org_kana, *municipality, *contact_name, *contact_phone,
	     *staff_name;
	enum org_type org_type;
	int n_notes;
};

struct inquiry_note {
	long long id, inquiry_id, staff_id;
	char at[INQ_TIME_LEN];
	char *text, *staff_name;
};

enum inq_order {
	INQ_ORDER_RECEIVED,	/* newest first */
	INQ_ORDER_DUE,		/* follow-up due date, earliest first */
};

#define INQ_SEARCH_MAX_TERMS 7

/* The inquiry screen shows the newest INQ_SCREEN_LIMIT matches and
 * counts them up to INQ_SCREEN_COUNT_CAP ("more than 1000"): what a
 * keystroke may cost at ten years (make bench, row inq-screen). */
#define INQ_SCREEN_LIMIT 200
#define INQ_SCREEN_COUNT_CAP 1000

struct inquiry_filter {
	int status;		/* enum inq_status, -1 = any */
	bool open_only;		/* open or waiting */
	int channel;		/* enum inq_channel, -1 = any */
	long long staff_id, org_id;	/* 0 = any */
	const char *topic;	/* exact stored topic; NULL = any */
	int from_day, to_day;	/* received date, inclusive; 0 = open */
	int due_by;		/* due on or before, not closed; 0 = off */
	int overdue_before;	/* due before this day (today), not closed; 0 = off */
	const char *search;	/* words that must all occur in the summary, a note
				 * or the organization's name or reading, matched
				 * after kana_fold() (kana, width, ASCII case) */
	enum inq_order order;
	int limit;		/* 0 = no limit */
};
void inquiry_filter_init(struct inquiry_filter *f);

int db_inquiry_insert(struct db *db, struct inquiry *q, struct err *e);
/* Writes every field of q (by q->id) and updated_at. */
int db_inquiry_update(struct db *db, const struct inquiry *q, struct err *e);
int db_inquiry_get(struct db *db, long long id, struct inquiry *q, struct err *e);
/* Inquiries matching f; cb returning non-zero stops.  Streams one row
 * at a time.  Returns the count or -1.  Every search word, of any
 * length from one character, goes through the index (a word of one or
 * two characters is one token; a longer one is the AND of its pairs,
 * then checked in the inquiry's folded text).  A search with a limit
 * and no other filter, newest first (what the inquiry screen asks on
 * every keystroke), reads only the limit newest hits of the index, by
 * the order of entry (ids), and shows them newest received first; with
 * fewer hits than the limit that is all of them.  Results are newest
 * first either way; an inquiry entered long after it was received may
 * rank by its entry among the newest. */
int db_inquiry_each(struct db *db, const struct inquiry_filter *f,
		    int (*cb)(const struct inquiry *q, void *arg), void *arg, struct err *e);

/* How many inquiries match f (its limit and order are ignored), counted
 * up to cap: *count is the count, or cap + 1 when there are more (cap
 * <= 0: no cap).  A search with no other filter counts in the index
 * alone. */
int db_inquiry_count(struct db *db, const struct inquiry_filter *f, int cap,
		     long long *count, struct err *e);

/* What the inquiry screen loads: the rows of db_inquiry_each(f) and in
 * *total how many match f, as db_inquiry_count(f, cap) counts them
 * (more than the rows only when the rows reach f->limit).  A search
 * alone (no other filter, newest first, limit <= cap) reads the index
 * once for both: the newest cap + 1 hits, the rows of the first limit. */
int db_inquiry_page(struct db *db, const struct inquiry_filter *f, int cap, long long *total,
		    int (*cb)(const struct inquiry *q, void *arg), void *arg, struct err *e);

int db_inquiry_note_insert(struct db *db, struct inquiry_note *n, struct err *e);
/* Notes of one inquiry, oldest first. */
int db_inquiry_note_each(struct db *db, long long inquiry_id,
			 int (*cb)(const struct inquiry_note *n, void *arg), void *arg,
			 struct err *e);

/* Appointments that name the inquiry (appointment.inquiry_id), by date. */
int db_inquiry_appt_ids(struct db *db, long long inquiry_id,
			int (*cb)(long long appt_id, void *arg), void *arg, struct err *e);

void inquiry_release(struct inquiry *q);
void inquiry_note_release(struct inquiry_note *n);

/* The report: counts per value of one dimension, over inquiries
 * received and appointments dated from..to inclusive, side by side.
 * cb(value, inquiries, appointments): value is the stored code or
 * name, "" for none (no organization, no topic).  Values come in the
 * desk's order (channels, types and statuses as listed in model.h,
 * municipalities in their official order). */
enum report_dim {
	RD_TOTAL, RD_CHANNEL, RD_ORG_TYPE, RD_MUNICIPALITY, RD_TOPIC, RD_STATUS, RD_COUNT
};
enum report_rec { RR_INQUIRY, RR_APPT, RR_COUNT };
int db_report_count(struct db *db, enum report_dim dim, int from_day, int to_day,
		    int (*cb)(const char *value, long long inquiries, long long appts, void *arg),
		    void *arg, struct err *e);

#endif
