#ifndef MADO_ADMIN_H
#define MADO_ADMIN_H
/* The operator's work on the database as a whole, for the command line:
 * backup, restore, retention of personal data and the integrity check.
 * Thin over db/db_admin.h, so that no command starts a write or a
 * transaction itself (tools/check-layers.sh); what was typed (days, a
 * date) is resolved here, refusals carry a field key (file,
 * older-than, before).  No terminal. */

#include <stdbool.h>
#include "core/appt.h"
#include "db/db_admin.h"

/* A consistent copy of the open database to path (mode 0600). */
int admin_backup(const struct desk_ctx *d, const char *path, struct err *e);
/* Put the verified copy file in place of the database at db_path
 * (every desk closed); the replaced file is kept as keep when set. */
int admin_restore(const char *db_path, const char *file, const char *keep, struct err *e);
/* Remove (or count, on a dry run) the personal data of records dated
 * before a cutoff: --before (a date, words too) or --older-than (days,
 * 1-36500), else the config's retention_days.  *before_out gets the
 * cutoff as YYYY-MM-DD (DATE_STRLEN bytes). */
int admin_retention(const struct desk_ctx *d, const char *older_than, const char *before,
		    bool dry_run, struct db_retention *r, char *before_out, struct err *e);
/* The integrity check: problem lines to cb; the number of problems or -1. */
int admin_check(const struct desk_ctx *d, void (*cb)(const char *line, void *arg), void *arg,
		struct err *e);
/* The schema version of the open database. */
int admin_schema_version(const struct desk_ctx *d);

#endif
