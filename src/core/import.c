#include "core/import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/org.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/mem.h"

int import_begin(const struct desk_ctx *d, struct err *e)
{
	return db_begin(d->db, e);
}

int import_commit(const struct desk_ctx *d, struct err *e)
{
	return db_commit(d->db, e);
}

void import_rollback(const struct desk_ctx *d)
{
	db_rollback(d->db);
}

int import_src_version(const struct desk_ctx *d, const char *src_uid, int *seq, char **stamp,
		       struct err *e)
{
	return db_export_src_version(d->db, src_uid, seq, stamp, e);
}

int import_src_keys(const struct desk_ctx *d, const char *src_uid,
		    int (*cb)(const char *uid, void *arg), void *arg, struct err *e)
{
	return db_export_src_keys(d->db, src_uid, cb, arg, e);
}

int import_event_put(const struct desk_ctx *d, struct prog_event *ev, int *result,
		     struct err *e)
{
	if (ev->program_name && db_export_program_ensure(d->db, ev->program_name, &ev->program_id, e) < 0)
		return -1;
	return db_export_event_upsert(d->db, ev, result, e);
}

int import_block_put(const struct desk_ctx *d, const struct import_block *b, int *result,
		     struct err *e)
{
	return db_export_block_upsert(d->db, b, result, e);
}

int import_remove(const struct desk_ctx *d, const char *key, struct err *e)
{
	return db_export_remove_key(d->db, key, e);
}

int import_appt_put(const struct desk_ctx *d, const struct import_appt *a, int *result,
		    bool *org_added, struct err *e)
{
	char date[DATE_STRLEN], start[6], minutes[16], org[32], staff[32];
	struct appt_import im;
	long long org_id;
	int st = a->status ? model_lookup(appt_status_code, ST_COUNT, a->status) : ST_BOOKED;

	*org_added = false;
	*result = 0;
	if (!a->org || !*a->org)
		return err_set_field(e, ERR_INPUT, "org", "%s",
				     _("no organization in the file (exported with --no-personal?)"));
	if (st < 0)
		return err_set_field(e, ERR_INPUT, "status", _("status: '%s' is not booked, done, cancelled or no_show"),
				     a->status);
	if (db_item_begin(d->db, e) < 0)
		return -1;
	memset(&im, 0, sizeof im);
	im.uid = a->uid;
	im.sequence = a->sequence;
	im.status = (enum appt_status)st;
	int rc = org_import_ensure(d, a->org, a->org_type, a->municipality, &org_id, org_added, e);
	if (rc == 0) {
		char *topics = xstrdup(a->topics ? a->topics : "");
		for (char *p = topics; *p; p++)
			if (*p == ' ')
				*p = ',';
		snprintf(org, sizeof org, "#%lld", org_id);
		snprintf(staff, sizeof staff, "#%lld", a->staff_id);
		snprintf(minutes, sizeof minutes, "%d", a->minutes);
		im.req.date = date_format(a->day, date);
		im.req.start = time_format(a->start_min, start);
		im.req.minutes = minutes;
		im.req.channel = a->channel;
		im.req.via = a->via;
		im.req.org = org;
		im.req.staff = a->staff_id ? staff : "";
		im.req.contact = a->contact ? a->contact : "";
		im.req.phone = a->phone;
		im.req.email = a->email;
		im.req.room = a->room;
		im.req.topics = topics;
		im.req.note = a->note ? a->note : "";
		/* the other desk's reason answers its own desk's hours and
		 * closed days, never a booking or block of this desk */
		im.req.override = a->override;
		im.req.override_for = "closed hours";
		rc = appt_import(d, &im, result, e);
		free(topics);
	}
	struct err e2;
	if (rc < 0 && e->code == ERR_DB) {
		db_item_end(d->db, false, &e2);
		return -1;
	}
	if (db_item_end(d->db, rc == 0, &e2) < 0) {
		*e = e2;
		return -1;
	}
	if (rc < 0)
		*org_added = false;
	return rc;
}
