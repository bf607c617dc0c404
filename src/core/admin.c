#include "core/admin.h"

#include <stdlib.h>
#include "core/resolve.h"
#include "core/role.h"
#include "util/date.h"
#include "util/i18n.h"

int admin_backup(const struct desk_ctx *d, const char *path, struct err *e)
{
	if (!path || !*path)
		return err_set_field(e, ERR_INPUT, "file", _("one backup file name is required"));
	return db_backup(d->db, path, e);
}

/* Open path read-only with its schema read: NULL when it cannot be. */
static struct db *open_readable(const char *path)
{
	struct db *db = NULL;
	struct err ignore;

	if (db_open(&db, path, DB_READONLY, &ignore) < 0)
		return NULL;
	if (db_ready(db, &ignore) < 0) {	/* a sound header, a damaged schema */
		db_close(db);
		return NULL;
	}
	return db;
}

/* Whether the account may restore over db_path: the desk in place says
 * who leads (a damaged one cannot: then the copy to restore says). */
static int may_restore(const char *db_path, const char *file, struct err *e)
{
	struct db *db;
	int rc;

	if (!(db = open_readable(db_path)) && !(db = open_readable(file)))
		return 0;	/* neither can say: nothing to protect */
	rc = role_require_lead_db(db, _("restoring a backup"), e);
	db_close(db);
	return rc;
}

int admin_restore(const char *db_path, const char *file, const char *keep, struct err *e)
{
	if (!file || !*file)
		return err_set_field(e, ERR_INPUT, "file", _("one backup file name is required"));
	if (may_restore(db_path, file, e) < 0)
		return -1;
	return db_restore(db_path, file, keep, e);
}

int admin_retention(const struct desk_ctx *d, const char *older_than, const char *before,
		    bool dry_run, struct db_retention *r, char *before_out, struct err *e)
{
	int today = clock_today(d->clock), cutoff;
	long days = -1;

	if (role_require_lead(d, _("a retention run"), e) < 0)
		return -1;

	if (before && older_than)
		return err_set_field(e, ERR_INPUT, "before",
				     _("give --older-than or --before, not both"));
	if (older_than) {
		char *end;
		days = strtol(older_than, &end, 10);
		if (!*older_than || *end || days < 1 || days > 36500)
			return err_set_field(e, ERR_INPUT, "older-than",
					     _("--older-than: '%s' is not a number of days 1-36500"),
					     older_than);
	}
	if (before) {
		if (resolve_date(d, before, "before", false, &cutoff, e) < 0)
			return -1;
	} else {
		if (days < 0)
			days = d->cfg->retention_days;
		if (days <= 0)
			return err_set_field(e, ERR_INPUT, "older-than",
					     _("give --older-than DAYS or --before DATE, or set retention_days in the config"));
		cutoff = today - (int)days;
	}
	date_format(cutoff, before_out);
	if (cutoff > today)
		return err_set_field(e, ERR_INPUT, "before",
				     _("--before %s is in the future; retention only removes the past"),
				     before_out);
	return db_retention(d->db, before_out, dry_run, r, e);
}

int admin_check(const struct desk_ctx *d, void (*cb)(const char *line, void *arg), void *arg,
		struct err *e)
{
	return db_integrity(d->db, cb, arg, e);
}

int admin_schema_version(const struct desk_ctx *d)
{
	return db_schema_version(d->db);
}
