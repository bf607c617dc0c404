#ifndef MADO_DB_DESK_H
#define MADO_DB_DESK_H
/* The shared desk: settings of the desk itself (the lead group), the
 * link from a staff record to an operating-system account, and reading
 * the audit log.  Plain reads and writes: core/role and core/desk say
 * who may change them. */

#include "db/db.h"

/* A desk setting's value (caller frees), NULL when unset. */
int db_desk_setting(struct db *db, const char *key, char **value, struct err *e);
/* Set (or with NULL/"" remove) a desk setting. */
int db_desk_setting_set(struct db *db, const char *key, const char *value, struct err *e);

/* The name of the staff member linked to account, NULL when none. */
int db_staff_name_of_account(struct db *db, const char *account, char **name, struct err *e);
/* Link staff_id to account (NULL: unlink). */
int db_staff_set_account(struct db *db, long long staff_id, const char *account, struct err *e);

struct audit_row {
	long long id, row_id;
	const char *at, *actor, *actor_name, *tbl, *action, *old, *new_;
};
/* Audit rows, newest first (tbl, row_id 0 for any; limit <= 0: all). */
int db_audit_each(struct db *db, const char *tbl, long long row_id, int limit,
		  int (*cb)(const struct audit_row *r, void *arg), void *arg, struct err *e);

#endif
