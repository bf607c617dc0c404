#include "core/program.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/role.h"
#include "db/db_org.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/mem.h"
#include "util/text.h"

int program_add(const struct desk_ctx *d, struct program *p, const char *const *items,
		size_t n_items, struct err *e)
{
	if (role_require_lead(d, _("adding a program"), e) < 0)
		return -1;
	if (!p->name || !*text_trim(p->name))
		return err_set_field(e, ERR_INPUT, "name", _("program name: required"));
	if (p->desk_from && p->desk_to && p->desk_to < p->desk_from)
		return err_set_field(e, ERR_INPUT, "desk_to", _("the desk period ends before it starts"));
	if (db_begin(d->db, e) < 0)
		return -1;
	if (db_program_insert(d->db, p, e) < 0)
		goto fail;
	for (size_t i = 0; i < n_items; i++) {
		char *item = xstrdup(items[i]);
		int rc = *text_trim(item) ? db_program_item_add(d->db, p->id, item, e)
					  : err_set_field(e, ERR_INPUT, "item", _("item: required"));
		free(item);
		if (rc < 0)
			goto fail;
	}
	if (db_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	db_rollback(d->db);
	p->id = 0;
	return -1;
}

struct prog_match {
	const char *part;
	int n;
	long long id;
	struct strbuf names;
};

static int match_program(const struct program *p, void *arg)
{
	struct prog_match *m = arg;

	if (!strstr(p->name, m->part))
		return 0;
	m->n++;
	m->id = p->id;
	if (m->n <= 5)
		strbuf_addf(&m->names, "%s#%lld %s", m->n > 1 ? ", " : "", p->id, p->name);
	return 0;
}

int program_resolve(const struct desk_ctx *d, const char *s, long long *id, struct err *e)
{
	struct program p;
	int rc;

	if (!s || !*s)
		return err_set_field(e, ERR_INPUT, "program", _("program: required"));
	const char *digits = *s == '#' ? s + 1 : s;
	if (*digits && strspn(digits, "0123456789") == strlen(digits)) {
		long long v = strtoll(digits, NULL, 10);
		if (v <= 0 || db_program_get(d->db, v, &p, e) < 0)
			return err_set_field(e, ERR_INPUT, "program", _("no program #%s (see madoguchi program list)"), digits);
		*id = p.id;
		program_release(&p);
		return 0;
	}
	rc = db_program_find(d->db, s, &p, e);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		*id = p.id;
		program_release(&p);
		return 0;
	}
	struct prog_match m = { s, 0, 0, STRBUF_INIT };
	if (db_program_each(d->db, match_program, &m, e) < 0) {
		strbuf_release(&m.names);
		return -1;
	}
	if (m.n == 1)
		*id = m.id;
	else if (m.n == 0)
		err_set_field(e, ERR_INPUT, "program", _("no program matches '%s' (see madoguchi program list)"), s);
	else
		err_set_field(e, ERR_INPUT, "program", _("'%s' matches several programs: %s%s; give the id"), s,
			strbuf_str(&m.names), m.n > 5 ? ", ..." : "");
	strbuf_release(&m.names);
	return m.n == 1 ? 0 : -1;
}

int program_event_add(const struct desk_ctx *d, struct program_event *ev, struct err *e)
{
	char t1[6], t2[6];

	if (role_require_lead(d, _("adding a program event"), e) < 0)
		return -1;
	if (!ev->title || !*text_trim(ev->title))
		return err_set_field(e, ERR_INPUT, "title", _("event title: required"));
	if (ev->day <= 0)
		return err_set_field(e, ERR_INPUT, "date", _("event date: required"));
	if ((ev->start_min >= 0) != (ev->end_min >= 0))
		return err_set_field(e, ERR_INPUT, "end", _("give both the start and the end time, or neither"));
	if (ev->start_min >= 0 && ev->end_min <= ev->start_min)
		return err_set_field(e, ERR_INPUT, "end", _("the event ends (%s) before it starts (%s)"),
			       time_format(ev->end_min, t2), time_format(ev->start_min, t1));
	if (ev->reg_deadline && ev->reg_deadline > ev->day)
		return err_set_field(e, ERR_INPUT, "reg_deadline", _("the registration deadline is after the event"));
	if (db_begin(d->db, e) < 0)
		return -1;
	if (db_event_insert(d->db, ev, e) < 0 || db_commit(d->db, e) < 0) {
		db_rollback(d->db);
		return -1;
	}
	return 0;
}

struct selected {
	int n;
	struct strbuf names;
};

static int collect_selected(const struct application *a, void *arg)
{
	struct selected *s = arg;

	s->n++;
	strbuf_addf(&s->names, "%s#%lld %s", s->n > 1 ? ", " : "", a->id, a->org_name);
	return 0;
}

/* Within a transaction: refuse one more selection when the program has
 * already selected as many as its cap. */
static int check_cap(const struct desk_ctx *d, long long program_id, struct err *e)
{
	struct program p;
	struct app_filter f;
	struct selected s = { 0, STRBUF_INIT };
	int rc = -1;

	if (db_program_get(d->db, program_id, &p, e) < 0)
		return -1;
	if (p.cap < 0) {
		rc = 0;
		goto out;
	}
	app_filter_init(&f);
	f.program_id = program_id;
	f.status = AS_SELECTED;
	if (db_application_each(d->db, &f, collect_selected, &s, e) < 0)
		goto out;
	if (s.n >= p.cap) {
		err_set_field(e, ERR_RULE, "status",
			_("%s selects at most %d (its cap) and has selected %d already: %s; set one of them to not_selected or withdrawn first"),
			p.name, p.cap, s.n, s.n ? strbuf_str(&s.names) : _("none"));
		goto out;
	}
	rc = 0;
out:
	strbuf_release(&s.names);
	program_release(&p);
	return rc;
}

static int check_can_apply(const struct desk_ctx *d, const struct application *a, struct err *e)
{
	struct program p;
	struct org o;
	int rc = -1;

	if (db_program_get(d->db, a->program_id, &p, e) < 0)
		return -1;
	if (db_org_get(d->db, a->org_id, &o, e) < 0) {
		program_release(&p);
		return -1;
	}
	if (!p.outside_ok && o.municipality && !strcmp(o.municipality, OUTSIDE_TOKYO)) {
		err_set_field(e, ERR_RULE, "org",
			_("%s is outside Tokyo: organizations outside Tokyo cannot apply to %s; they may still make inquiries"),
			o.name, p.name);
		goto out;
	}
	struct app_filter f;
	app_filter_init(&f);
	f.program_id = a->program_id;
	f.org_id = a->org_id;
	int n = db_application_each(d->db, &f, NULL, NULL, e);
	if (n < 0)
		goto out;
	if (n > 0) {
		err_set_field(e, ERR_RULE, "org", _("%s has applied to %s already; change that application instead"),
			o.name, p.name);
		goto out;
	}
	rc = 0;
out:
	org_release(&o);
	program_release(&p);
	return rc;
}

int program_apply(const struct desk_ctx *d, struct application *a, struct err *e)
{
	if (a->program_id <= 0)
		return err_set_field(e, ERR_INPUT, "program", _("program: required"));
	if (a->org_id <= 0)
		return err_set_field(e, ERR_INPUT, "org", _("organization: required"));
	if (a->received && a->received > clock_today(d->clock))
		return err_set_field(e, ERR_INPUT, "received", _("the application cannot be received in the future"));
	if (db_begin(d->db, e) < 0)
		return -1;
	if (check_can_apply(d, a, e) < 0 ||
	    (a->status == AS_SELECTED && check_cap(d, a->program_id, e) < 0) ||
	    db_application_insert(d->db, a, e) < 0 || db_commit(d->db, e) < 0) {
		db_rollback(d->db);
		a->id = 0;
		return -1;
	}
	return 0;
}

int application_set_status(const struct desk_ctx *d, long long id, enum app_status st,
			   struct err *e)
{
	struct application a;
	int rc = -1;

	memset(&a, 0, sizeof a);
	if (db_begin(d->db, e) < 0)
		return -1;
	if (db_application_get(d->db, id, &a, e) < 0) {
		snprintf(e->field, sizeof e->field, "id");
		goto out;
	}
	if (a.status == st) {
		err_set_field(e, ERR_RULE, "status", _("application #%lld is already %s"), id, app_status_code[st]);
		goto out;
	}
	if (st == AS_SELECTED && check_cap(d, a.program_id, e) < 0)
		goto out;
	if (db_application_set_status(d->db, id, st, e) < 0 || db_commit(d->db, e) < 0)
		goto out;
	rc = 0;
out:
	if (rc < 0)
		db_rollback(d->db);
	application_release(&a);
	return rc;
}

struct item_find {
	const char *item;
	bool found, done;
	struct strbuf names;
};

static int find_item(const struct app_item *it, void *arg)
{
	struct item_find *f = arg;

	if (!strcmp(it->item, f->item)) {
		f->found = true;
		f->done = it->done;
	}
	strbuf_addf(&f->names, "%s%s", f->names.len ? ", " : "", it->item);
	return 0;
}

int application_check(const struct desk_ctx *d, long long id, const char *item, bool done,
		      struct err *e)
{
	struct item_find f = { item, false, false, STRBUF_INIT };
	struct application a;
	int rc = -1;

	memset(&a, 0, sizeof a);
	if (!item || !*item)
		return err_set_field(e, ERR_INPUT, "item", _("item: required"));
	if (db_begin(d->db, e) < 0)
		return -1;
	if (db_application_get(d->db, id, &a, e) < 0) {
		snprintf(e->field, sizeof e->field, "id");
		goto out;
	}
	if (db_application_items(d->db, id, find_item, &f, e) < 0)
		goto out;
	if (!f.found) {
		err_set_field(e, ERR_INPUT, "item", _("'%s' is not on the checklist of application #%lld (%s)"),
			item, id, strbuf_str(&f.names));
		goto out;
	}
	if (db_application_item_set(d->db, id, item, done, clock_today(d->clock), e) < 0 ||
	    db_commit(d->db, e) < 0)
		goto out;
	rc = 0;
out:
	if (rc < 0)
		db_rollback(d->db);
	strbuf_release(&f.names);
	application_release(&a);
	return rc;
}

const char *program_event_when(int day, int first, int last, int start_min, int end_min,
			       int end_day_min, char *buf, size_t n)
{
	char t1[6], t2[6];

	if (start_min < 0 || (first < day && last > day))
		snprintf(buf, n, "%s", _("all day"));
	else if (first < day)		/* ends that day */
		snprintf(buf, n, "-%s", time_format(end_day_min, t2));
	else if (last > day)		/* goes on after it */
		snprintf(buf, n, "%s-", time_format(start_min, t1));
	else if (end_min > start_min)
		snprintf(buf, n, "%s-%s", time_format(start_min, t1), time_format(end_min, t2));
	else
		snprintf(buf, n, "%s", time_format(start_min, t1));
	return buf;
}
