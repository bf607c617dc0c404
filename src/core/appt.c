#include "core/appt.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/desk.h"
#include "core/extras.h"
#include "core/org.h"
#include "core/formdef.h"
#include "core/resolve.h"
#include "db/db_appt.h"
#include "db/db_extra.h"
#include "db/db_inquiry.h"
#include "db/db_org.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/mem.h"
#include "util/text.h"

int appt_topic_parse(const char *s)
{
	return model_lookup3(topic_code, topic_en, topic_ja, TOPIC_COUNT, s);
}

const char *appt_status_mark(enum appt_status st)
{
	static const char *const mark[ST_COUNT] = { "*", "✓", "x", "?" };

	return st < ST_COUNT ? mark[st] : "?";
}

void appt_describe(const struct appt *a, char *buf, size_t n)
{
	char date[DATE_STRLEN], from[6], to[6];

	snprintf(buf, n, "%s %s-%s %s", date_format(a->day, date), time_format(a->start_min, from),
		 time_format(a->start_min + a->minutes, to), a->org_name ? a->org_name : "?");
}

/* "#12 2026-11-25 10:00-10:30 団体 (staff, room)": a conflicting booking. */
static void describe_conflict(const struct appt *c, char *buf, size_t n)
{
	char what[400];

	appt_describe(c, what, sizeof what);
	snprintf(buf, n, "#%lld %s%s%s (%s)", c->id, what, c->staff_name ? ", " : "",
		 c->staff_name ? c->staff_name : "",
		 c->channel == CH_VISIT ? (c->room ? c->room : _("visit")) : _("phone"));
}

/* ---- the rules ---- */

/* Every refusal the rules give one booking: its key, field and message. */
#define MAX_REFUSALS 16
struct refusals {
	struct {
		char key[40], field[16], msg[600];
	} v[MAX_REFUSALS];
	int n;
};

static void refusal_add(struct refusals *r, const char *key, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void refusal_add(struct refusals *r, const char *key, const char *field, const char *fmt, ...)
{
	va_list ap;

	if (r->n == MAX_REFUSALS)
		return;
	snprintf(r->v[r->n].key, sizeof r->v[r->n].key, "%s", key);
	snprintf(r->v[r->n].field, sizeof r->v[r->n].field, "%s", field);
	va_start(ap, fmt);
	vsnprintf(r->v[r->n].msg, sizeof r->v[r->n].msg, fmt, ap);
	va_end(ap);
	r->n++;
}

/* Whether the word key is in the blank-separated list. */
static bool has_key(const char *list, const char *key)
{
	size_t n = strlen(key);

	for (const char *p = list ? list : ""; (p = strstr(p, key)); p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

struct conflict_ctx {
	const struct appt *a;
	struct refusals *r;
};

static int add_conflict(const struct appt *c, void *arg)
{
	struct conflict_ctx *cc = arg;
	const struct appt *a = cc->a;
	char what[600], key[40];
	bool same_staff = a->staff_id && c->staff_id == a->staff_id;

	if (a->id > 0 && c->override_reason) {
		/* the other booking was made over this one with a reason that
		 * answers this very overlap: not a new conflict for a */
		char mine[40];
		snprintf(mine, sizeof mine, "%s#%lld", same_staff ? "staff" : "room", a->id);
		if (has_key(c->override_covers, mine))
			return 0;
	}
	describe_conflict(c, what, sizeof what);
	snprintf(key, sizeof key, "%s#%lld", same_staff ? "staff" : "room", c->id);
	if (same_staff)
		refusal_add(cc->r, key, "staff", _("the staff member is already booked then: %s"), what);
	else
		refusal_add(cc->r, key, "room", _("the room is already booked then: %s"), what);
	return 0;
}

/* Check a against every rule, collecting each refusal; skip_past for a
 * status correction of a booking whose slot has gone by. */
static int check_rules(const struct desk_ctx *d, const struct appt *a, bool skip_past,
		       struct refusals *r, struct err *e)
{
	struct desk_status ds;
	char date[DATE_STRLEN], t1[6], t2[6], o1[6], o2[6];

	date_format(a->day, date);
	time_format(a->start_min, t1);
	time_format(a->start_min + a->minutes, t2);
	/* a slot in progress is not past: a walk-in can be booked for it */
	if (!skip_past && clock_from_local(a->day, a->start_min + a->minutes) <= clock_epoch(d->clock))
		refusal_add(r, "past", "start", _("%s %s-%s is in the past"), date, t1, t2);
	if (desk_day_status(d->cfg, d->db, a->day, &ds) != DESK_OPEN)
		refusal_add(r, "closed", "date", _("the desk is closed on %s (%s)"), date,
			    ds.reason);
	if (a->start_min < d->cfg->open_min || a->start_min + a->minutes > d->cfg->close_min)
		refusal_add(r, "hours", "start", _("%s-%s is outside desk hours (%s-%s)"), t1, t2,
			    time_format(d->cfg->open_min, o1), time_format(d->cfg->close_min, o2));

	struct conflict_ctx cc = { a, r };
	if (db_appt_conflicts(d->db, a->day, a->start_min, a->minutes, a->staff_id,
			      a->channel == CH_VISIT ? a->room : NULL, a->id, add_conflict, &cc, e) < 0)
		return -1;

	struct staff_block b;
	int rc = db_block_conflict(d->db, a->day, a->start_min, a->minutes, a->staff_id, &b, e);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		char key[40];
		snprintf(key, sizeof key, "block#%lld", b.id);
		refusal_add(r, key, "staff", _("%s is blocked %s-%s: %s"),
			    b.staff_name ? b.staff_name : _("the desk"), time_format(b.start_min, t1),
			    time_format(b.start_min + b.minutes, t2), b.title);
		staff_block_release(&b);
	}
	return 0;
}

/* Whether every refusal of r is in the list covers. */
static bool covered(const struct refusals *r, const char *covers)
{
	for (int i = 0; i < r->n; i++)
		if (!has_key(covers, r->v[i].key))
			return false;
	return true;
}

/* The keys of r, blank separated (into sb). */
static const char *refusal_keys(const struct refusals *r, struct strbuf *sb)
{
	for (int i = 0; i < r->n; i++)
		strbuf_addf(sb, "%s%s", i ? " " : "", r->v[i].key);
	return strbuf_str(sb);
}

/* The refusal as an error: the refusals covers does not answer first
 * (their field is the error's), then the rest; e->refusal lists every
 * key, which an override then answers. */
static int refuse(const struct refusals *r, const char *covers, struct err *e)
{
	struct strbuf msg = STRBUF_INIT, keys = STRBUF_INIT;
	const char *field = NULL;

	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < r->n; i++) {
			bool old = has_key(covers, r->v[i].key);
			if (old != (pass == 1))
				continue;
			if (!field)
				field = r->v[i].field;
			strbuf_addf(&msg, "%s%s", msg.len ? "; " : "", r->v[i].msg);
		}
	err_set_field(e, ERR_RULE, field, "%s", strbuf_str(&msg));
	snprintf(e->refusal, sizeof e->refusal, "%s", refusal_keys(r, &keys));
	strbuf_release(&msg);
	strbuf_release(&keys);
	return -1;
}

static void set_str(char **dst, const char *s)
{
	free(*dst);
	*dst = s && *s ? xstrdup(s) : NULL;
}

/* Decide a's override.  old_reason/old_covers: what the stored booking
 * had (NULL for a new one); recheck: the slot changed or the booking
 * comes back, so the rules run again. */
static int apply_rules(const struct desk_ctx *d, struct appt *a, const struct appt_req *r,
		       const char *old_reason, const char *old_covers, bool skip_past, struct err *e)
{
	struct refusals rf;
	struct strbuf keys = STRBUF_INIT;
	int rc = -1;

	rf.n = 0;
	if (check_rules(d, a, skip_past, &rf, e) < 0)
		goto out;
	const char *reason = r ? r->override : NULL;
	if (rf.n == 0) {
		/* nothing to override: no reason is kept */
		set_str(&a->override_reason, NULL);
		set_str(&a->override_covers, NULL);
		rc = 0;
	} else if (reason && *reason) {
		if (r->override_for && !covered(&rf, r->override_for)) {
			/* refused again for something the reason was not given for */
			rc = refuse(&rf, r->override_for, e);
			goto out;
		}
		set_str(&a->override_reason, reason);
		set_str(&a->override_covers, refusal_keys(&rf, &keys));
		rc = 0;
	} else if (old_reason && *old_reason && covered(&rf, old_covers)) {
		/* the old reason still answers every refusal */
		set_str(&a->override_reason, old_reason);
		set_str(&a->override_covers, refusal_keys(&rf, &keys));
		rc = 0;
	} else {
		rc = refuse(&rf, old_reason && *old_reason ? old_covers : NULL, e);
	}
out:
	strbuf_release(&keys);
	return rc;
}

/* ---- resolving a request ---- */

static bool same_str(const char *x, const char *y)
{
	return !strcmp(x ? x : "", y ? y : "");
}

/* The configured rooms, trimmed; *n of them. */
static char **rooms_list(const struct config *cfg, size_t *n)
{
	char *all = xstrdup(cfg->rooms ? cfg->rooms : ""), *save = NULL;
	char **v = NULL;

	*n = 0;
	for (char *t = strtok_r(all, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		t = text_trim(t);
		if (!*t)
			continue;
		v = xrealloc(v, (*n + 1) * sizeof *v);
		v[(*n)++] = xstrdup(t);
	}
	free(all);
	return v;
}

static void rooms_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static int count_one(const struct appt *a, void *arg)
{
	(void)a;
	++*(int *)arg;
	return 1;
}

/* Whether room is free for a's time (no other live visit in it). */
static int room_free(const struct desk_ctx *d, const struct appt *a, const char *room, struct err *e)
{
	int busy = 0;

	if (db_appt_conflicts(d->db, a->day, a->start_min, a->minutes, 0, room, a->id, count_one,
			      &busy, e) < 0)
		return -1;
	return busy ? 0 : 1;
}

/* A visit's room: the one asked for, else the stored one (a change
 * keeps its room), else the first free room.  A busy room is refused
 * by the rules (with the free rooms named). */
static int resolve_room(const struct desk_ctx *d, struct appt *a, const char *asked,
			const char *stored, struct err *e)
{
	size_t n;
	char **rooms = rooms_list(d->cfg, &n);
	int rc = -1;

	if (a->channel != CH_VISIT) {
		if (asked && *asked) {
			err_set_field(e, ERR_INPUT, "room", _("a room is for visits only"));
			goto out;
		}
		set_str(&a->room, NULL);
		rc = 0;
		goto out;
	}
	if (asked && *asked) {
		/* a room of the list, or one the site has not listed (a visit
		 * elsewhere): the rules check it is free */
		set_str(&a->room, asked);
		rc = 0;
		goto out;
	}
	if (stored && *stored) {
		/* a change keeps its room; the rules say if it is still free */
		set_str(&a->room, stored);
		rc = 0;
		goto out;
	}
	set_str(&a->room, NULL);
	for (size_t i = 0; i < n; i++) {
		int f = room_free(d, a, rooms[i], e);
		if (f < 0)
			goto out;
		if (f) {
			set_str(&a->room, rooms[i]);
			break;
		}
	}
	if (n && !a->room) {
		err_set_field(e, ERR_RULE, "room", _("no room is free then (%s)"), d->cfg->rooms);
		goto out;
	}
	rc = 0;
out:
	rooms_free(rooms, n);
	return rc;
}

/* When a room is refused as busy, name the rooms that are free. */
static void add_free_rooms(const struct desk_ctx *d, const struct appt *a, struct err *e)
{
	size_t n;
	char **rooms = rooms_list(d->cfg, &n);
	struct strbuf sb = STRBUF_INIT;
	struct err ignore;

	for (size_t i = 0; i < n; i++)
		if (room_free(d, a, rooms[i], &ignore) == 1)
			strbuf_addf(&sb, "%s%s", sb.len ? ", " : "", rooms[i]);
	if (sb.len) {
		size_t l = strlen(e->msg);
		snprintf(e->msg + l, sizeof e->msg - l, _(" (free rooms: %s)"), strbuf_str(&sb));
	} else if (n) {
		size_t l = strlen(e->msg);
		snprintf(e->msg + l, sizeof e->msg - l, "%s", _(" (no room is free then)"));
	}
	strbuf_release(&sb);
	rooms_free(rooms, n);
}

/* Text fields: checked here, with their keys, before anything is written. */
static int check_text(const char *key, const char *label, const char *s, enum text_kind kind,
		      size_t max, struct err *e)
{
	char msg[512];

	if (s && *s && text_check(label, s, kind, max, msg, sizeof msg) < 0)
		return err_set_field(e, ERR_INPUT, key, "%s", msg);
	return 0;
}

static const char *const channel_ja[CH_COUNT] = { "電話相談", "来所相談" };
static const char *const channel_ja2[CH_COUNT] = { "電話", "来所" };

int appt_channel_parse(const char *s)
{
	return model_lookup3(channel_code, channel_ja2, channel_ja, CH_COUNT, s);
}
static const char *const via_ja[VIA_COUNT] = { "電話", "メール", "窓口" };

/* Fill a (a copy of the stored booking, or a new one) from what r
 * says; inq: the inquiry a new booking answers, or NULL. */
static int resolve_appt(const struct desk_ctx *d, const struct appt_req *r, struct appt *a,
			const struct inquiry *inq, struct err *e)
{
	int k;

	if (r->date && resolve_date(d, r->date, "date", false, &a->day, e) < 0)
		return -1;
	if (r->start && resolve_time(r->start, "start", &a->start_min, e) < 0)
		return -1;
	if (r->minutes && resolve_minutes(r->minutes, "minutes", &a->minutes, e) < 0)
		return -1;
	if (a->start_min + a->minutes > 24 * 60)
		return err_set_field(e, ERR_INPUT, "minutes", _("the appointment must end by 24:00"));
	if (!r->channel && inq && !a->id) {
		/* a booking from an inquiry follows how it came in */
		a->channel = inq->channel == IQ_VISIT ? CH_VISIT : CH_PHONE;
		a->booked_via = inq->channel == IQ_EMAIL ? VIA_EMAIL
			      : inq->channel == IQ_VISIT ? VIA_IN_PERSON : VIA_PHONE;
	}
	if (r->channel) {
		k = appt_channel_parse(r->channel);
		if (k < 0)
			return err_set_field(e, ERR_INPUT, "channel", _("channel: '%s' is not phone or visit"),
					     r->channel);
		a->channel = (enum channel)k;
	}
	if (r->via && *r->via) {
		k = model_lookup3(booked_via_code, NULL, via_ja, VIA_COUNT, r->via);
		if (k < 0)
			return err_set_field(e, ERR_INPUT, "via",
					     _("booked via: '%s' is not phone, email or in-person"), r->via);
		a->booked_via = (enum booked_via)k;
	}
	if (r->org && resolve_org(d, r->org, "org", &a->org_id, e) < 0)
		return -1;
	if (!a->org_id && inq)
		a->org_id = inq->org_id;
	if (!a->org_id && inq)
		return err_set_field(e, ERR_INPUT, "org",
			_("inquiry #%lld names no organization; give one for the appointment"), inq->id);
	if (!a->org_id)
		return err_set_field(e, ERR_INPUT, "org", _("organization: required"));
	if (r->staff && resolve_staff(d, r->staff, "staff", true, &a->staff_id, e) < 0)
		return -1;
	if (!r->staff && inq && !a->id)
		a->staff_id = inq->staff_id;
	if (r->topics && resolve_topics(r->topics, "topics", &a->topics, e) < 0)
		return -1;
	if (!r->topics && inq && !a->id) {
		k = model_lookup(topic_code, TOPIC_COUNT, inq->topic);
		if (k >= 0)
			a->topics = 1u << k;
	}
	if (r->note) {
		if (check_text("note", _("note"), r->note, TEXT_MULTI, 4000, e) < 0)
			return -1;
		set_str(&a->note, r->note);
	} else if (inq && !a->id && inq->summary) {
		set_str(&a->note, inq->summary);
	}
	if (r->override && check_text("override", _("override reason"), r->override, TEXT_LINE, 500, e) < 0)
		return -1;
	if (check_text("contact", _("contact"), r->contact, TEXT_NAME, 100, e) < 0 ||
	    check_text("phone", _("phone"), r->phone, TEXT_LINE, 40, e) < 0 ||
	    check_text("email", _("e-mail"), r->email, TEXT_LINE, 254, e) < 0)
		return -1;
	return extras_check(r->form, r->extras, e);
}

/* The contact: by name within the organization (made or updated in
 * the transaction); a phone or e-mail needs a name. */
static int write_contact(const struct desk_ctx *d, const struct appt_req *r, struct appt *a,
			 const struct inquiry *inq, long long old_org, struct err *e)
{
	if ((r->contact && *r->contact) || (r->phone && *r->phone) || (r->email && *r->email))
		/* made or found; a phone or e-mail without a name is refused */
		return org_contact_ensure(d, a->org_id, r->contact, r->phone, r->email, &a->contact_id, e);
	if (r->contact)		/* given empty: no contact */
		a->contact_id = 0;
	else if (inq && !a->id && a->org_id == inq->org_id)
		a->contact_id = inq->contact_id;
	else if (a->org_id != old_org)
		a->contact_id = 0;	/* a contact belongs to its organization */
	return 0;
}

static bool slot_changed(const struct appt *x, const struct appt *y)
{
	return x->day != y->day || x->start_min != y->start_min || x->minutes != y->minutes ||
	       x->staff_id != y->staff_id || x->channel != y->channel || !same_str(x->room, y->room);
}

static bool record_changed(const struct appt *x, const struct appt *y)
{
	return slot_changed(x, y) || x->booked_via != y->booked_via || x->org_id != y->org_id ||
	       x->contact_id != y->contact_id || x->topics != y->topics || x->status != y->status ||
	       x->inquiry_id != y->inquiry_id || !same_str(x->note, y->note) ||
	       !same_str(x->override_reason, y->override_reason) ||
	       !same_str(x->override_covers, y->override_covers);
}


/* The request r (im: another desk's appointment coming in, else NULL)
 * inside the caller's transaction, up to its site fields: the booking
 * resolved, checked and written; *a the result.  stored: the booking
 * r->id as the caller has just read it, or NULL to read it here. */
static int apply_request(const struct desk_ctx *d, const struct appt_req *r,
			 const struct appt_import *im, const struct appt *stored, struct appt *a,
			 struct err *e)
{
	struct appt old;
	struct inquiry inq;
	bool have_inq = false;
	long long inquiry_id = 0;
	int rc = -1;

	memset(&old, 0, sizeof old);
	memset(&inq, 0, sizeof inq);
	if (r->inquiry && *r->inquiry &&
	    resolve_id(r->inquiry, "inquiry", _("inquiry"), &inquiry_id, e) < 0)
		return -1;
	if (r->id > 0) {
		if (stored) {
			appt_copy(&old, stored);
		} else if (db_appt_get(d->db, r->id, &old, e) < 0) {
			snprintf(e->field, sizeof e->field, "id");
			goto out;
		}
		if (old.status == ST_CANCELLED && !im) {
			err_set_field(e, ERR_RULE, "id",
				      _("appointment #%lld is cancelled; set it back to booked first (rebook, or B on the screen)"),
				      r->id);
			goto out;
		}
		appt_copy(a, &old);
	} else if (r->id < 0) {
		err_set_field(e, ERR_INPUT, "id", _("appointment: '%lld' is not an id"), r->id);
		goto out;
	} else {
		a->minutes = d->cfg->slot;
		a->channel = CH_PHONE;
		a->status = ST_BOOKED;
		if (!r->date || !r->start) {
			err_set_field(e, ERR_INPUT, !r->date ? "date" : "start",
				      !r->date ? _("date: required") : _("start: required"));
			goto out;
		}
	}
	if (inquiry_id) {
		if (db_inquiry_get(d->db, inquiry_id, &inq, e) < 0) {
			if (e->code != ERR_DB)
				err_set_field(e, ERR_INPUT, "inquiry", _("there is no inquiry #%lld"), inquiry_id);
			goto out;
		}
		have_inq = true;
		a->inquiry_id = inquiry_id;
	}
	if (resolve_appt(d, r, a, have_inq ? &inq : NULL, e) < 0)
		goto out;
	if (resolve_room(d, a, r->room, r->id > 0 && old.channel == CH_VISIT ? old.room : NULL, e) < 0)
		goto out;
	if (write_contact(d, r, a, have_inq ? &inq : NULL, old.org_id, e) < 0)
		goto out;
	if (im) {
		/* another desk's record: its status as it is there; what went
		 * by there is no new booking here (no "past"), and a cancelled
		 * one holds no time */
		a->status = im->status;
		if (a->status == ST_CANCELLED) {
			rc = r->id == 0 ? db_appt_insert(d->db, a, e)
			   : record_changed(a, &old) ? db_appt_update(d->db, a, e) : 0;
			goto out;
		}
	}
	bool recheck = r->id == 0 || slot_changed(a, &old) || (r->override && *r->override) ||
		       (im && old.status == ST_CANCELLED);
	if (recheck && apply_rules(d, a, r, old.override_reason, old.override_covers, im != NULL,
				   e) < 0) {
		if (!strcmp(e->field, "room"))
			add_free_rooms(d, a, e);
		goto out;
	}
	if (r->id == 0) {
		if (db_appt_insert(d->db, a, e) < 0)
			goto out;
	} else if (record_changed(a, &old)) {
		if (db_appt_update(d->db, a, e) < 0)
			goto out;
	}
	rc = 0;
out:
	if (have_inq)
		inquiry_release(&inq);
	appt_release(&old);
	return rc;
}

int appt_request(const struct desk_ctx *d, const struct appt_req *r, struct appt_result *res,
		 struct err *e)
{
	struct appt a;
	int rc = -1;

	memset(&a, 0, sizeof a);
	memset(res, 0, sizeof *res);
	if (db_begin(d->db, e) < 0)
		return -1;
	long long changes = db_total_changes(d->db);
	if (apply_request(d, r, NULL, NULL, &a, e) < 0)
		goto out;
	if (extras_commit(d->db, "appointment", a.id, r->form, r->extras, changes, &res->changed, e) < 0)
		goto out;
	res->id = a.id;
	res->sequence = a.sequence;
	rc = 0;
out:
	if (rc < 0)
		db_rollback(d->db);
	appt_release(&a);
	return rc;
}

int appt_import(const struct desk_ctx *d, const struct appt_import *im, int *result,
		struct err *e)
{
	struct appt old, a;
	struct appt_req r = im->req;
	int rc;

	memset(&a, 0, sizeof a);
	memset(&old, 0, sizeof old);
	*result = 0;
	long long changes = db_total_changes(d->db);
	if ((rc = db_appt_find_uid(d->db, im->uid, &old, e)) < 0)
		return -1;
	if (rc == 0) {
		r.id = old.id;
		if (im->sequence < old.sequence) {	/* this desk has a later version */
			*result = 3;
			appt_release(&old);
			return 0;
		}
		a.uid = NULL;
	} else {
		r.id = 0;
		a.uid = xstrdup(im->uid);
	}
	rc = apply_request(d, &r, im, r.id ? &old : NULL, &a, e);
	if (rc == 0 && a.id)
		rc = db_appt_raise_sequence(d->db, a.id, im->sequence, e);
	if (rc == 0)
		*result = r.id == 0 ? 1 : db_total_changes(d->db) != changes ? 2 : 0;
	appt_release(&old);
	appt_release(&a);
	return rc;
}

int appt_set_status(const struct desk_ctx *d, long long id, enum appt_status st,
		    struct err *e)
{
	static const char *const word[ST_COUNT] = {
		N_("booked"), N_("done"), N_("cancelled"), N_("no-show")
	};
	struct appt a, was;
	int rc = -1;

	memset(&a, 0, sizeof a);
	memset(&was, 0, sizeof was);
	if (id <= 0)
		return err_set_field(e, ERR_INPUT, "id", _("appointment: '%lld' is not an id"), id);
	if (db_begin(d->db, e) < 0)
		return -1;
	if (db_appt_get(d->db, id, &a, e) < 0) {
		snprintf(e->field, sizeof e->field, "id");
		goto out;
	}
	if (a.status == st) {
		err_set_field(e, ERR_RULE, "status", _("appointment #%lld is already %s"), id, _(word[st]));
		goto out;
	}
	if ((st == ST_DONE || st == ST_NO_SHOW) &&
	    clock_from_local(a.day, a.start_min) > clock_epoch(d->clock)) {
		err_set_field(e, ERR_RULE, "status", st == ST_DONE
			? _("appointment #%lld has not started yet; it cannot be done")
			: _("appointment #%lld has not started yet; it cannot be a no-show"), id);
		goto out;
	}
	if (a.status == ST_CANCELLED && st != ST_BOOKED) {
		err_set_field(e, ERR_RULE, "status",
			      _("appointment #%lld is cancelled; set it back to booked first (rebook, or B on the screen)"), id);
		goto out;
	}
	if (a.status == ST_CANCELLED) {
		/* back from cancelled: only when its slot is still free */
		appt_copy(&was, &a);
		a.status = st;
		if (apply_rules(d, &a, NULL, was.override_reason, was.override_covers, true, e) < 0)
			goto out;
	}
	a.status = st;
	if (db_appt_update(d->db, &a, e) < 0 || db_commit(d->db, e) < 0)
		goto out;
	rc = 0;
out:
	if (rc < 0)
		db_rollback(d->db);
	appt_release(&a);
	appt_release(&was);
	return rc;
}
