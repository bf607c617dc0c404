#include "core/inquiry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/extras.h"
#include "core/org.h"
#include "core/program.h"
#include "core/resolve.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/mem.h"
#include "util/text.h"

/* "YYYY-MM-DDTHH:MM" of a real date and time: day and minute out. */
static int parse_received(const char *s, int *day, int *min)
{
	char date[DATE_STRLEN];

	if (strlen(s) != 16 || s[10] != 'T')
		return -1;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (date_parse(date, day) < 0 || time_parse(s + 11, min, false) < 0)
		return -1;
	/* date_parse also takes YYYY/M/D: insist on the stored form */
	char back[DATE_STRLEN];
	return strcmp(date_format(*day, back), date) ? -1 : 0;
}

static void now_local(const struct desk_ctx *d, char *buf)
{
	clock_local_iso(d->clock, buf);
	buf[16] = '\0';
}

char *inquiry_topic_normalize(const struct desk_ctx *d, const char *topic, struct err *e)
{
	char msg[512];
	int k;

	(void)d;
	if (!topic || !*topic)
		return xstrdup(topic_code[TOPIC_OTHER]);
	if ((k = appt_topic_parse(topic)) >= 0)
		return xstrdup(topic_code[k]);
	if (text_check(_("topic"), topic, TEXT_LINE, 100, msg, sizeof msg) < 0) {
		err_set_field(e, ERR_INPUT, "topic", "%s", msg);
		return NULL;
	}
	char *t = xstrdup(topic);
	text_trim(t);
	if (!*t) {
		free(t);
		return xstrdup(topic_code[TOPIC_OTHER]);
	}
	return t;
}

const char *inquiry_topic_label(const char *topic, bool ja)
{
	int k = model_lookup(topic_code, TOPIC_COUNT, topic);

	if (k >= 0 && ja)
		return topic_ja[k];
	return topic ? topic : "";
}

/* ---- inquiry_request ---- */

static bool same_str(const char *x, const char *y)
{
	return !strcmp(x ? x : "", y ? y : "");
}

static void set_str(char **dst, const char *s)
{
	free(*dst);
	*dst = s && *s ? xstrdup(s) : NULL;
}

static int check_text(const char *key, const char *label, const char *s, enum text_kind kind,
		      size_t max, struct err *e)
{
	char msg[512];

	if (s && *s && text_check(label, s, kind, max, msg, sizeof msg) < 0)
		return err_set_field(e, ERR_INPUT, key, "%s", msg);
	return 0;
}

/* The topic of r: one topic of the support menu; a stored topic from
 * before the menu stays when given unchanged. */
static int resolve_inq_topic(const struct inquiry_req *r, const struct inquiry *old,
			     struct inquiry *q, struct err *e)
{
	unsigned bits;
	char *t = xstrdup(r->topic);
	const char *v = text_trim(t);
	int rc = -1, n = 0;

	if (old && old->topic && !strcmp(v, old->topic)) {
		rc = 0;		/* as stored, even a free-text topic of old */
		goto out;
	}
	if (!*v) {
		set_str(&q->topic, topic_code[TOPIC_OTHER]);
		rc = 0;
		goto out;
	}
	if (resolve_topics(v, "topic", &bits, e) < 0)
		goto out;
	for (int k = 0; k < TOPIC_COUNT; k++)
		if (bits & (1u << k))
			n++;
	if (n != 1) {
		err_set_field(e, ERR_INPUT, "topic",
			      _("topic: an inquiry has one topic, one of meeting, workshop, plan, direct, other"));
		goto out;
	}
	for (int k = 0; k < TOPIC_COUNT; k++)
		if (bits & (1u << k))
			set_str(&q->topic, topic_code[k]);
	rc = 0;
out:
	free(t);
	return rc;
}

/* When it came in: received (YYYY-MM-DDTHH:MM), or date and time. */
static int resolve_received(const struct desk_ctx *d, const struct inquiry_req *r,
			    struct inquiry *q, const char **key, struct err *e)
{
	char buf[INQ_TIME_LEN], ds[DATE_STRLEN], ts[6];
	int day, min;

	*key = "received";
	if (r->received && *r->received) {
		snprintf(buf, sizeof buf, "%s", r->received);
		if (strlen(r->received) == 16 && buf[10] == ' ')
			buf[10] = 'T';
		if (strlen(r->received) != 16 || parse_received(buf, &day, &min) < 0)
			return err_set_field(e, ERR_INPUT, "received",
					     _("received: '%s' is not a time (YYYY-MM-DDTHH:MM)"), r->received);
		memcpy(q->received, buf, sizeof buf);
		return 0;
	}
	if (r->date || r->time) {
		*key = r->time ? "time" : "date";
		if (parse_received(q->received, &day, &min) < 0) {
			day = clock_today(d->clock);
			min = clock_minute(d->clock);
		}
		if (r->date && resolve_date(d, r->date, "date", false, &day, e) < 0)
			return -1;
		if (r->time && resolve_time(r->time, "time", &min, e) < 0)
			return -1;
		snprintf(q->received, sizeof q->received, "%sT%s", date_format(day, ds),
			 time_format(min, ts));
		return 0;
	}
	if (!q->received[0])
		now_local(d, q->received);
	return 0;
}

int inquiry_channel_parse(const char *s)
{
	static const char *const ja[IQ_COUNT] = { "電話", "メール", "来所", "郵送" };
	int k = model_lookup3(inq_channel_code, NULL, ja, IQ_COUNT, s);

	return k < 0 && s && !strcmp(s, "e-mail") ? IQ_EMAIL : k;
}

/* Fill q (a copy of the stored inquiry, or a new one) from r. */
static int resolve_inquiry(const struct desk_ctx *d, const struct inquiry_req *r,
			   const struct inquiry *old, struct inquiry *q, struct err *e)
{
	const char *rkey;
	int day, min, k;

	if (resolve_received(d, r, q, &rkey, e) < 0)
		return -1;
	parse_received(q->received, &day, &min);
	if (clock_from_local(day, min) > clock_epoch(d->clock))
		return err_set_field(e, ERR_INPUT, rkey, _("received: %s is in the future"), q->received);
	if (r->channel) {
		k = inquiry_channel_parse(r->channel);
		if (k < 0)
			return err_set_field(e, ERR_INPUT, "channel",
					     _("channel: '%s' is not phone, email, visit or post"), r->channel);
		q->channel = (enum inq_channel)k;
	}
	if (r->status) {
		if (resolve_choice(inq_status_code, NULL, IS_COUNT, r->status, "status", &k, e) < 0)
			return -1;
		q->status = (enum inq_status)k;
	}
	if (r->org) {
		long long org = 0;
		if (*r->org && resolve_org(d, r->org, "org", &org, e) < 0)
			return -1;
		if (org != q->org_id)
			q->contact_id = 0;	/* a contact belongs to its organization */
		q->org_id = org;
	}
	if (r->staff && resolve_staff(d, r->staff, "staff", true, &q->staff_id, e) < 0)
		return -1;
	if (r->due) {
		q->due_day = 0;
		if (*r->due && strcmp(r->due, "none") &&
		    resolve_date(d, r->due, "due", false, &q->due_day, e) < 0)
			return -1;
	}
	if (q->due_day && q->due_day < day)
		return err_set_field(e, ERR_INPUT, "due",
				     _("the follow-up is due before the inquiry was received"));
	if (r->topic && resolve_inq_topic(r, old, q, e) < 0)
		return -1;
	if (!q->topic)
		set_str(&q->topic, topic_code[TOPIC_OTHER]);
	if (r->summary) {
		if (check_text("summary", _("summary"), r->summary, TEXT_MULTI, 4000, e) < 0)
			return -1;
		set_str(&q->summary, r->summary);
	}
	if (!q->summary || !q->summary[strspn(q->summary, " \t\r\n")])
		return err_set_field(e, ERR_INPUT, "summary", _("summary: required"));
	if (r->referred_to) {
		if (check_text("referred_to", _("referred to"), r->referred_to, TEXT_LINE, 200, e) < 0)
			return -1;
		set_str(&q->referred_to, r->referred_to);
	}
	return extras_check(r->form, r->extras, e);
}

/* The contact: made or found within the organization, in the
 * transaction; "" clears it. */
static int write_contact(const struct desk_ctx *d, const struct inquiry_req *r,
			 struct inquiry *q, struct err *e)
{
	if (r->contact && *r->contact)
		return org_contact_ensure(d, q->org_id, r->contact, r->phone, r->email, &q->contact_id,
					  e);
	if ((r->phone && *r->phone) || (r->email && *r->email))
		return err_set_field(e, ERR_INPUT, r->phone && *r->phone ? "phone" : "email",
				     _("a phone number or e-mail belongs to a contact: give the name"));
	if (r->contact)
		q->contact_id = 0;
	return 0;
}

static bool inquiry_changed(const struct inquiry *x, const struct inquiry *y)
{
	return strcmp(x->received, y->received) || x->channel != y->channel ||
	       x->org_id != y->org_id || x->contact_id != y->contact_id ||
	       x->staff_id != y->staff_id || x->status != y->status || x->due_day != y->due_day ||
	       !same_str(x->topic, y->topic) || !same_str(x->summary, y->summary) ||
	       !same_str(x->referred_to, y->referred_to);
}

/* A copy of the fields a write uses. */
static void inquiry_dup(struct inquiry *dst, const struct inquiry *src)
{
	memset(dst, 0, sizeof *dst);
	dst->id = src->id;
	memcpy(dst->received, src->received, sizeof dst->received);
	dst->channel = src->channel;
	dst->org_id = src->org_id;
	dst->contact_id = src->contact_id;
	dst->staff_id = src->staff_id;
	dst->appt_id = src->appt_id;
	dst->status = src->status;
	dst->due_day = src->due_day;
	set_str(&dst->topic, src->topic);
	set_str(&dst->summary, src->summary);
	set_str(&dst->referred_to, src->referred_to);
}

int inquiry_request(const struct desk_ctx *d, const struct inquiry_req *r,
		    struct inquiry_result *res, struct err *e)
{
	struct inquiry old, q;
	int rc = -1;

	memset(&old, 0, sizeof old);
	memset(&q, 0, sizeof q);
	memset(res, 0, sizeof *res);
	if (r->id < 0)
		return err_set_field(e, ERR_INPUT, "id", _("inquiry: '%lld' is not an id"), r->id);
	if (db_begin(d->db, e) < 0)
		return -1;
	long long changes = db_total_changes(d->db);
	if (r->id > 0) {
		if (db_inquiry_get(d->db, r->id, &old, e) < 0) {
			snprintf(e->field, sizeof e->field, "id");
			goto out;
		}
		inquiry_dup(&q, &old);
	} else {
		q.channel = IQ_PHONE;
		q.status = IS_OPEN;
	}
	if (resolve_inquiry(d, r, r->id > 0 ? &old : NULL, &q, e) < 0)
		goto out;
	if (write_contact(d, r, &q, e) < 0)
		goto out;
	if (r->id == 0) {
		if (db_inquiry_insert(d->db, &q, e) < 0)
			goto out;
	} else if (inquiry_changed(&q, &old)) {
		if (db_inquiry_update(d->db, &q, e) < 0)
			goto out;
	}
	if (extras_commit(d->db, "inquiry", q.id, r->form, r->extras, changes, &res->changed, e) < 0)
		goto out;
	res->id = q.id;
	rc = 0;
out:
	if (rc < 0)
		db_rollback(d->db);
	inquiry_release(&old);
	inquiry_release(&q);
	return rc;
}

int inquiry_note_add(const struct desk_ctx *d, long long id, const char *staff,
		     const char *text, long long *note_id, struct err *e)
{
	struct inquiry q;
	struct inquiry_note n;
	int rc = -1;

	if (!text || !*text)
		return err_set_field(e, ERR_INPUT, "note", _("note: required"));
	if (check_text("note", _("note"), text, TEXT_MULTI, 4000, e) < 0)
		return -1;
	memset(&n, 0, sizeof n);
	n.inquiry_id = id;
	n.text = (char *)text;
	now_local(d, n.at);
	if (db_begin(d->db, e) < 0)
		return -1;
	if (db_inquiry_get(d->db, id, &q, e) < 0) {
		snprintf(e->field, sizeof e->field, "id");
		goto out;
	}
	inquiry_release(&q);
	if (resolve_staff(d, staff, "staff", true, &n.staff_id, e) < 0)
		goto out;
	if (db_inquiry_note_insert(d->db, &n, e) < 0) {
		if (!e->field[0])
			snprintf(e->field, sizeof e->field, "note");
		goto out;
	}
	if (db_commit(d->db, e) < 0)
		goto out;
	if (note_id)
		*note_id = n.id;
	rc = 0;
out:
	if (rc < 0)
		db_rollback(d->db);
	return rc;
}

int inquiry_set_status(const struct desk_ctx *d, long long id, const char *status,
		       struct err *e)
{
	struct inquiry q;
	int rc = -1, st;

	if (resolve_choice(inq_status_code, NULL, IS_COUNT, status, "status", &st, e) < 0)
		return -1;
	memset(&q, 0, sizeof q);
	if (db_begin(d->db, e) < 0)
		return -1;
	if (db_inquiry_get(d->db, id, &q, e) < 0) {
		snprintf(e->field, sizeof e->field, "id");
		goto out;
	}
	if ((int)q.status == st) {
		err_set_field(e, ERR_RULE, "status", _("inquiry #%lld is already %s"), id,
			      inq_status_code[st]);
		goto out;
	}
	q.status = (enum inq_status)st;
	if (db_inquiry_update(d->db, &q, e) < 0 || db_commit(d->db, e) < 0)
		goto out;
	rc = 0;
out:
	if (rc < 0)
		db_rollback(d->db);
	inquiry_release(&q);
	return rc;
}

bool inquiry_overdue(const struct desk_ctx *d, const struct inquiry *q)
{
	return q->status != IS_CLOSED && q->due_day && q->due_day < clock_today(d->clock);
}

int inquiry_list(const struct desk_ctx *d, const struct inquiry_filter *f,
		 int (*cb)(const struct inquiry *q, void *arg), void *arg, struct err *e)
{
	return db_inquiry_each(d->db, f, cb, arg, e);
}

int inquiry_search(const struct desk_ctx *d, const char *text, int limit,
		   int (*cb)(const struct inquiry *q, void *arg), void *arg, struct err *e)
{
	struct inquiry_filter f;

	inquiry_filter_init(&f);
	f.search = text;
	f.limit = limit;
	return db_inquiry_each(d->db, &f, cb, arg, e);
}

int inquiry_apply(const struct desk_ctx *d, long long id, long long program_id,
		  struct application *a, struct err *e)
{
	struct inquiry q;
	int rc;

	if (db_inquiry_get(d->db, id, &q, e) < 0) {
		snprintf(e->field, sizeof e->field, "id");
		return -1;
	}
	if (!q.org_id) {
		inquiry_release(&q);
		return err_set_field(e, ERR_INPUT, "org",
				     _("inquiry #%lld names no organization; an application needs one"), id);
	}
	a->org_id = q.org_id;
	a->program_id = program_id;
	a->inquiry_id = id;
	rc = program_apply(d, a, e);
	inquiry_release(&q);
	return rc;
}
