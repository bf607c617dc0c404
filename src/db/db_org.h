#ifndef MADO_DB_ORG_H
#define MADO_DB_ORG_H
/* Organizations, their contacts, and desk staff. */

#include "db/db.h"
#include "db/model.h"

int db_org_insert(struct db *db, struct org *o, struct err *e);
int db_org_update(struct db *db, const struct org *o, struct err *e);
int db_org_get(struct db *db, long long id, struct org *o, struct err *e);
/* Find by exact name; 0 found, 1 not found, -1 error. */
int db_org_find(struct db *db, const char *name, struct org *o, struct err *e);
/* The same, among organizations of that exact name the one in
 * municipality first (another desk's organization coming in). */
int db_org_find_in(struct db *db, const char *name, const char *municipality, struct org *o,
		   struct err *e);
/* Search by name or reading: the query is folded (kana_fold) and
 * matched anywhere in the name or the reading (its stored keys); results
 * in reading order (its stored sort key, through an index).
 * Calls cb for each, up to limit (0: no limit); cb returning non-zero
 * stops.  Returns the count or -1. */
int db_org_search(struct db *db, const char *query, int limit,
		  int (*cb)(const struct org *o, void *arg), void *arg, struct err *e);
/* Whether name is one of Tokyo's 62 municipalities or OUTSIDE_TOKYO. */
int db_municipality_valid(struct db *db, const char *name, struct err *e);

/* Contact by name at an organization, created when missing (phone and
 * email then stored, or filled in if the contact had none).  Sets *id. */
int db_contact_ensure(struct db *db, long long org_id, const char *name,
		      const char *phone, const char *email, long long *id, struct err *e);

/* Fill the stored search and sort keys (db/004_org_search_keys.sql) of
 * organizations and staff written without them (by SQL of the demo or
 * of another tool).  0 or -1. */
int db_org_fill_keys(struct db *db, struct err *e);

int db_staff_insert(struct db *db, struct staff *s, struct err *e);
/* 0 found, 1 not found, -1 error; by name, or by id when name is a number. */
int db_staff_find(struct db *db, const char *name, struct staff *s, struct err *e);
int db_staff_set_active(struct db *db, long long id, bool active, struct err *e);
int db_staff_list(struct db *db, bool active_only,
		  int (*cb)(const struct staff *s, void *arg), void *arg, struct err *e);

#endif
