#include "core/appt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/desk.h"
#include "db/db_appt.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/i18n.h"
#include "util/mem.h"

int appt_topic_parse(const char *s)
{
	return model_lookup3(topic_code, topic_en, topic_ja, TOPIC_COUNT, s);
}

static void describe(const struct appt *c, char *buf, size_t n)
{
	char from[6], to[6], date[DATE_STRLEN];

	snprintf(buf, n, "#%lld %s %s-%s %s%s%s (%s)", c->id, date_format(c->day, date),
		 time_format(c->start_min, from), time_format(c->start_min + c->minutes, to),
		 c->org_name ? c->org_name : "?",
		 c->staff_name ? ", " : "", c->staff_name ? c->staff_name : "",
		 c->channel == CH_VISIT ? (c->room ? c->room : _("visit")) : _("phone"));
}

static bool has_override(const struct appt *a)
{
	return a->override_reason && *a->override_reason;
}

int appt_check(const struct desk_ctx *d, const struct appt *a, struct err *e)
{
	struct desk_status ds;
	char date[DATE_STRLEN], t1[6], t2[6], what[600];
	int rc;

	if (a->day <= 0)
		return err_set_field(e, ERR_INPUT, "date", _("date: required"));
	if (a->minutes < 5 || a->minutes > 720)
		return err_set_field(e, ERR_INPUT, "minutes", _("minutes: %d is not between 5 and 720"), a->minutes);
	if (a->start_min < 0 || a->start_min + a->minutes > 24 * 60)
		return err_set_field(e, ERR_INPUT, "minutes", _("the appointment must end by 24:00"));
	if (a->org_id <= 0)
		return err_set_field(e, ERR_INPUT, "org", _("organization: required"));
	date_format(a->day, date);
	if (has_override(a))
		return 0;

	time_t start = clock_from_local(a->day, a->start_min);
	if (start < clock_epoch(d->clock))
		return err_set_field(e, ERR_RULE, "start", _("%s %s is in the past"), date,
			       time_format(a->start_min, t1));
	if (desk_day_status(d->cfg, d->db, a->day, &ds) != DESK_OPEN)
		return err_set_field(e, ERR_RULE, "date", _("the desk is closed on %s (%s)"), date,
			       ds.reason);
	if (a->start_min < d->cfg->open_min || a->start_min + a->minutes > d->cfg->close_min)
		return err_set_field(e, ERR_RULE, "start", _("%s-%s is outside desk hours (%s-%s)"),
			       time_format(a->start_min, t1),
			       time_format(a->start_min + a->minutes, t2),
			       time_format(d->cfg->open_min, what), time_format(d->cfg->close_min, what + 8));

	struct appt c;
	rc = db_appt_conflict(d->db, a->day, a->start_min, a->minutes, a->staff_id,
			      a->channel == CH_VISIT ? a->room : NULL, a->id, &c, e);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		bool same_room = a->channel == CH_VISIT && c.channel == CH_VISIT && a->room && c.room &&
				 !strcmp(a->room, c.room) && !(a->staff_id && c.staff_id == a->staff_id);
		describe(&c, what, sizeof what);
		err_set_field(e, ERR_RULE, same_room ? "room" : "staff",
			same_room ? _("the room is already booked then: %s")
				  : _("the staff member is already booked then: %s"),
			what);
		appt_release(&c);
		return -1;
	}

	struct staff_block b;
	rc = db_block_conflict(d->db, a->day, a->start_min, a->minutes, a->staff_id, &b, e);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		err_set_field(e, ERR_RULE, "staff", _("%s is blocked %s-%s: %s"),
			b.staff_name ? b.staff_name : _("the desk"), time_format(b.start_min, t1),
			time_format(b.start_min + b.minutes, t2), b.title);
		staff_block_release(&b);
		return -1;
	}
	return 0;
}

int appt_book(const struct desk_ctx *d, struct appt *a, struct err *e)
{
	if (db_begin(d->db, e) < 0)
		return -1;
	a->id = 0;
	a->status = ST_BOOKED;
	if (appt_check(d, a, e) < 0 || db_appt_insert(d->db, a, e) < 0 ||
	    db_commit(d->db, e) < 0) {
		db_rollback(d->db);
		return -1;
	}
	return 0;
}

static bool same_slot(const struct appt *x, const struct appt *y)
{
	return x->day == y->day && x->start_min == y->start_min && x->minutes == y->minutes &&
	       x->staff_id == y->staff_id && x->channel == y->channel &&
	       !strcmp(x->room ? x->room : "", y->room ? y->room : "");
}

/* Within a transaction: write a's changes, checking the rules when the
 * time, staff or room changed or a cancelled booking comes back. */
static int save_locked(const struct desk_ctx *d, struct appt *a, struct err *e)
{
	struct appt old;

	if (db_appt_get(d->db, a->id, &old, e) < 0)
		return -1;
	bool revived = (old.status == ST_CANCELLED || old.status == ST_NO_SHOW) &&
		       (a->status == ST_BOOKED || a->status == ST_DONE);
	bool moved = !same_slot(&old, a);
	appt_release(&old);
	if ((moved || revived) && a->status != ST_CANCELLED && appt_check(d, a, e) < 0)
		return -1;
	return db_appt_update(d->db, a, e);
}

int appt_save(const struct desk_ctx *d, struct appt *a, struct err *e)
{
	if (db_begin(d->db, e) < 0)
		return -1;
	if (save_locked(d, a, e) < 0 || db_commit(d->db, e) < 0) {
		db_rollback(d->db);
		return -1;
	}
	return 0;
}

int appt_move(const struct desk_ctx *d, long long id, int day, int start_min,
	      long long staff_id, const char *override, struct err *e)
{
	struct appt a;
	int rc = -1;

	if (db_begin(d->db, e) < 0)
		return -1;
	if (db_appt_get(d->db, id, &a, e) < 0)
		goto out;
	if (a.status == ST_CANCELLED) {
		err_set(e, ERR_RULE, _("appointment #%lld is cancelled; book a new one instead"), id);
		goto out;
	}
	a.day = day;
	a.start_min = start_min;
	if (staff_id > 0)
		a.staff_id = staff_id;
	if (override && *override) {
		free(a.override_reason);
		a.override_reason = xstrdup(override);
	} else {
		/* an old override does not carry over to a new time */
		free(a.override_reason);
		a.override_reason = NULL;
	}
	if (save_locked(d, &a, e) < 0 || db_commit(d->db, e) < 0)
		goto out;
	rc = 0;
out:
	if (rc < 0)
		db_rollback(d->db);
	appt_release(&a);
	return rc;
}

int appt_set_status(const struct desk_ctx *d, long long id, enum appt_status st,
		    struct err *e)
{
	struct appt a;
	int rc = -1;

	memset(&a, 0, sizeof a);
	if (db_begin(d->db, e) < 0)
		return -1;
	if (db_appt_get(d->db, id, &a, e) < 0)
		goto out;
	if (a.status == st) {
		static const char *const word[ST_COUNT] = {
			N_("booked"), N_("done"), N_("cancelled"), N_("no-show")
		};
		err_set(e, ERR_RULE, _("appointment #%lld is already %s"), id, _(word[st]));
		goto out;
	}
	if ((st == ST_DONE || st == ST_NO_SHOW) &&
	    clock_from_local(a.day, a.start_min) > clock_epoch(d->clock)) {
		err_set(e, ERR_RULE, st == ST_DONE
			? _("appointment #%lld has not started yet; it cannot be done")
			: _("appointment #%lld has not started yet; it cannot be a no-show"), id);
		goto out;
	}
	a.status = st;
	if (save_locked(d, &a, e) < 0 || db_commit(d->db, e) < 0)
		goto out;
	rc = 0;
out:
	if (rc < 0)
		db_rollback(d->db);
	appt_release(&a);
	return rc;
}
