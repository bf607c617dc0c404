#ifndef MADO_MODEL_H
#define MADO_MODEL_H
/* The desk's records as C structs, and the names of their enumerated
 * values as stored.  Strings in records are owned by the record and
 * freed by its *_release(). */

#include <stdbool.h>
#include <stddef.h>

enum org_type {
	ORG_MUNICIPALITY, ORG_COUNCIL, ORG_CENTER, ORG_INTERMEDIARY, ORG_LOCAL,
	ORG_INDIVIDUAL, ORG_TYPE_COUNT
};
enum channel { CH_PHONE, CH_VISIT, CH_COUNT };
enum booked_via { VIA_PHONE, VIA_EMAIL, VIA_IN_PERSON, VIA_COUNT };
enum appt_status { ST_BOOKED, ST_DONE, ST_CANCELLED, ST_NO_SHOW, ST_COUNT };
enum topic { TOPIC_MEETING, TOPIC_WORKSHOP, TOPIC_PLAN, TOPIC_DIRECT, TOPIC_OTHER, TOPIC_COUNT };
enum inq_channel { IQ_PHONE, IQ_EMAIL, IQ_VISIT, IQ_POST, IQ_COUNT };
enum inq_status { IS_OPEN, IS_WAITING, IS_CLOSED, IS_COUNT };
enum app_status {
	AS_CONSULTING, AS_APPLIED, AS_SCREENING, AS_SELECTED, AS_NOT_SELECTED,
	AS_WITHDRAWN, AS_COUNT
};

/* Stored (code) names, English names and Japanese names. */
extern const char *const org_type_code[ORG_TYPE_COUNT];
extern const char *const org_type_en[ORG_TYPE_COUNT];
extern const char *const org_type_ja[ORG_TYPE_COUNT];
extern const char *const channel_code[CH_COUNT];
extern const char *const booked_via_code[VIA_COUNT];
extern const char *const appt_status_code[ST_COUNT];
extern const char *const topic_code[TOPIC_COUNT];
extern const char *const topic_ja[TOPIC_COUNT];
extern const char *const topic_en[TOPIC_COUNT];
extern const char *const inq_channel_code[IQ_COUNT];
extern const char *const inq_status_code[IS_COUNT];
extern const char *const app_status_code[AS_COUNT];

/* Index of name in a table of n codes (also accepting the English and
 * Japanese names where given, and '-' for '_'), or -1. */
int model_lookup(const char *const *codes, int n, const char *name);
int model_lookup3(const char *const *codes, const char *const *en,
		  const char *const *ja, int n, const char *name);

#define OUTSIDE_TOKYO "東京都外"

struct org {
	long long id;
	char *name, *kana, *municipality, *phone, *email, *address, *note;
	enum org_type type;
};

struct staff {
	long long id;
	char *name, *kana, *desk;
	bool active;
};

struct appt {
	long long id;
	char *uid;
	int day, start_min, minutes;
	enum channel channel;
	enum booked_via booked_via;
	long long org_id, contact_id, staff_id, inquiry_id;	/* 0: none */
	char *room, *note, *override_reason;
	char *override_covers;	/* refusal keys the override covers */
	enum appt_status status;
	unsigned topics;	/* bit (1 << enum topic) */
	int sequence;
	char *created_at, *updated_at;	/* UTC ISO */
	/* filled by reads, for display; ignored by writes */
	char *org_name, *org_kana, *municipality, *contact_name, *contact_phone,
	     *contact_email, *staff_name;
	enum org_type org_type;
};

void org_release(struct org *o);
void staff_release(struct staff *s);
/* A deep copy of s (every string duplicated); release it with appt_release. */
void appt_copy(struct appt *dst, const struct appt *src);
void appt_release(struct appt *a);

#endif
