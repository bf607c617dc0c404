#include "core/inquiry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/program.h"
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

	if (!topic || !*topic)
		return xstrdup(topic_code[TOPIC_OTHER]);
	if ((k = appt_topic_parse(topic)) >= 0)
		return xstrdup(topic_code[k]);
	if (text_check(_("topic"), topic, TEXT_LINE, 100, msg, sizeof msg) < 0) {
		err_set(e, ERR_INPUT, "%s", msg);
		return NULL;
	}
	/* a program by id or exact name is stored by its name */
	struct program p;
	const char *digits = *topic == '#' ? topic + 1 : topic;
	if (*digits && strspn(digits, "0123456789") == strlen(digits)) {
		struct err ignore;
		if (db_program_get(d->db, strtoll(digits, NULL, 10), &p, &ignore) == 0) {
			char *name = xstrdup(p.name);
			program_release(&p);
			if (text_chars(name) > 100) {
				free(name);
				return xstrdup(topic);
			}
			return name;
		}
		err_set(e, ERR_INPUT, _("topic: there is no program #%s"), digits);
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

/* The checks inquiry_add and inquiry_edit share: a received time not
 * in the future, a summary, a follow-up not before it, a contact only
 * with its organization; the topic normalized in place. */
static int inquiry_check(const struct desk_ctx *d, struct inquiry *q, struct err *e)
{
	int day, min;
	char *topic;

	if (parse_received(q->received, &day, &min) < 0)
		return err_set(e, ERR_INPUT, _("received: '%s' is not a time (YYYY-MM-DDTHH:MM)"),
			       q->received);
	if (clock_from_local(day, min) > clock_epoch(d->clock))
		return err_set(e, ERR_INPUT, _("received: %s is in the future"), q->received);
	if (!q->summary || !*q->summary)
		return err_set(e, ERR_INPUT, _("summary: required"));
	if (q->due_day && q->due_day < day)
		return err_set(e, ERR_INPUT, _("the follow-up is due before the inquiry was received"));
	if (q->contact_id && !q->org_id)
		return err_set(e, ERR_INPUT, _("a contact belongs to an organization"));
	if (!(topic = inquiry_topic_normalize(d, q->topic, e)))
		return -1;
	free(q->topic);
	q->topic = topic;
	return 0;
}

int inquiry_add(const struct desk_ctx *d, struct inquiry *q, struct err *e)
{
	int rc = -1;

	if (!q->received[0])
		now_local(d, q->received);
	if (inquiry_check(d, q, e) < 0)
		return -1;
	if (db_begin(d->db, e) < 0)
		return -1;
	if (db_inquiry_insert(d->db, q, e) < 0 || db_commit(d->db, e) < 0)
		goto out;
	rc = 0;
out:
	if (rc < 0) {
		db_rollback(d->db);
		q->id = 0;
	}
	return rc;
}

int inquiry_edit(const struct desk_ctx *d, struct inquiry *q, struct err *e)
{
	struct inquiry old;
	int rc = -1;

	memset(&old, 0, sizeof old);
	if (inquiry_check(d, q, e) < 0)
		return -1;
	if (db_begin(d->db, e) < 0)
		return -1;
	if (db_inquiry_get(d->db, q->id, &old, e) < 0)
		goto out;
	q->status = old.status;
	q->appt_id = old.appt_id;
	if (db_inquiry_update(d->db, q, e) < 0 || db_commit(d->db, e) < 0)
		goto out;
	rc = 0;
out:
	if (rc < 0)
		db_rollback(d->db);
	inquiry_release(&old);
	return rc;
}

int inquiry_note_add(const struct desk_ctx *d, long long id, long long staff_id,
		     const char *text, long long *note_id, struct err *e)
{
	struct inquiry q;
	struct inquiry_note n;
	int rc = -1;

	if (!text || !*text)
		return err_set(e, ERR_INPUT, _("note: required"));
	memset(&n, 0, sizeof n);
	n.inquiry_id = id;
	n.staff_id = staff_id;
	n.text = (char *)text;
	now_local(d, n.at);
	if (db_begin(d->db, e) < 0)
		return -1;
	if (db_inquiry_get(d->db, id, &q, e) < 0)
		goto out;
	inquiry_release(&q);
	if (db_inquiry_note_insert(d->db, &n, e) < 0 || db_commit(d->db, e) < 0)
		goto out;
	if (note_id)
		*note_id = n.id;
	rc = 0;
out:
	if (rc < 0)
		db_rollback(d->db);
	return rc;
}

int inquiry_set_status(const struct desk_ctx *d, long long id, enum inq_status st,
		       struct err *e)
{
	struct inquiry q;
	int rc = -1;

	memset(&q, 0, sizeof q);
	if (db_begin(d->db, e) < 0)
		return -1;
	if (db_inquiry_get(d->db, id, &q, e) < 0)
		goto out;
	if (q.status == st) {
		err_set(e, ERR_RULE, _("inquiry #%lld is already %s"), id, inq_status_code[st]);
		goto out;
	}
	q.status = st;
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

	if (db_inquiry_get(d->db, id, &q, e) < 0)
		return -1;
	if (!q.org_id) {
		inquiry_release(&q);
		return err_set(e, ERR_INPUT,
			       _("inquiry #%lld names no organization; an application needs one"), id);
	}
	a->org_id = q.org_id;
	a->program_id = program_id;
	a->inquiry_id = id;
	rc = program_apply(d, a, e);
	inquiry_release(&q);
	return rc;
}
