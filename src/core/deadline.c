#include "core/deadline.h"

#include <stdlib.h>
#include <string.h>
#include "core/desk.h"
#include "db/db_inquiry.h"
#include "db/db_program.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/mem.h"

const char *const deadline_kind_code[DL_KIND_COUNT] = {
	"program", "follow_up", "event_registration", "document"
};

int deadline_desk_days(const struct desk_ctx *d, int a, int b)
{
	if (b >= a)
		return desk_days_between(d->cfg, d->db, a, b);
	return -desk_days_between(d->cfg, d->db, b, a);
}

struct dl_list {
	struct deadline *v;
	size_t n, cap;
};

static struct deadline *dl_push(struct dl_list *l, enum deadline_kind kind, int day,
				long long id, long long program_id)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	struct deadline *dl = &l->v[l->n++];
	memset(dl, 0, sizeof *dl);
	dl->kind = kind;
	dl->day = day;
	dl->id = id;
	dl->program_id = program_id;
	return dl;
}

static int add_program(const struct program *p, void *arg)
{
	struct deadline *dl = dl_push(arg, DL_PROGRAM, p->deadline, p->id, p->id);

	dl->title = xstrdup(p->name);
	dl->program_name = xstrdup(p->name);
	if (p->cap >= 0)
		dl->detail = xasprintf(_("%d applications, %d of %d selected"), p->n_applications,
				       p->n_selected, p->cap);
	else
		dl->detail = xasprintf(_("%d applications"), p->n_applications);
	return 0;
}

static int add_followup(const struct inquiry *q, void *arg)
{
	struct deadline *dl = dl_push(arg, DL_FOLLOWUP, q->due_day, q->id, 0);
	const char *s = q->summary ? q->summary : "";
	const char *nl = strchr(s, '\n');

	dl->title = nl ? xstrndup(s, (size_t)(nl - s)) : xstrdup(s);
	dl->detail = xasprintf("%s%s%s", q->org_name ? q->org_name : "",
			       q->org_name && q->staff_name ? " / " : "",
			       q->staff_name ? q->staff_name : "");
	return 0;
}

static int add_event(const struct program_event *ev, void *arg)
{
	struct deadline *dl = dl_push(arg, DL_EVENT, ev->reg_deadline, ev->id, ev->program_id);
	char date[DATE_STRLEN];

	dl->title = xstrdup(ev->title);
	dl->detail = xasprintf(_("event on %s%s%s"), date_format(ev->day, date),
			       ev->program_name ? ", " : "",
			       ev->program_name ? ev->program_name : "");
	dl->program_name = ev->program_name ? xstrdup(ev->program_name) : NULL;
	dl->uid = ev->uid ? xstrdup(ev->uid) : NULL;
	dl->updated_at = ev->updated_at ? xstrdup(ev->updated_at) : NULL;
	dl->sequence = ev->sequence;
	return 0;
}

static int add_document(const struct application *a, const char *item, void *arg)
{
	struct deadline *dl = dl_push(arg, DL_DOCUMENT, a->program_deadline, a->id, a->program_id);
	/* Only applications in consulting or applied miss documents. */
	const char *status = a->status == AS_CONSULTING ? _("consulting")
			     : a->status == AS_APPLIED ? _("applied")
						       : app_status_code[a->status];

	/* English keeps the code one types to tick it (application check);
	 * Japanese names the document; screens always name it. */
	const char *name = !strcmp(item, APP_ITEM_FORM) ? _("form by e-mail")
			   : !strcmp(item, APP_ITEM_PAPERS) ? _("papers by post") : item;
	dl->title = xstrdup(a->org_name ? a->org_name : "");
	dl->detail = xasprintf(_("%s missing (%s, %s)"), i18n_japanese() ? name : item,
			       a->program_name ? a->program_name : "", status);
	dl->detail_shown = xasprintf(_("%s missing (%s, %s)"), name,
				     a->program_name ? a->program_name : "", status);
	return 0;
}

static int dl_cmp(const void *x, const void *y)
{
	const struct deadline *a = x, *b = y;

	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static void dl_list_release(struct dl_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].title);
		free(l->v[i].detail);
		free(l->v[i].detail_shown);
		free(l->v[i].program_name);
		free(l->v[i].uid);
		free(l->v[i].updated_at);
	}
	free(l->v);
}

/* Programs' and events' deadlines from..to into l: what screens and
 * calendars both list. */
static int add_dated(const struct desk_ctx *d, int from, int to, struct dl_list *l,
		     struct err *e)
{
	if (db_program_deadlines(d->db, from, to, add_program, l, e) < 0 ||
	    db_event_reg_deadlines(d->db, from, to, add_event, l, e) < 0)
		return -1;
	return 0;
}

static void dl_sort(struct dl_list *l)
{
	if (l->n)	/* qsort(NULL, 0) is undefined (found by make fuzz) */
		qsort(l->v, l->n, sizeof *l->v, dl_cmp);
}

/* The days left for each deadline (and its desk days when open_upto
 * counts the open days from day lo on; else 0), then each to cb in turn
 * (non-zero stops).  Returns how many there are. */
static int dl_deliver(struct dl_list *l, int today, const int *open_upto, int lo,
		      int (*cb)(const struct deadline *dl, void *arg), void *arg)
{
	for (size_t i = 0; i < l->n; i++) {
		struct deadline *dl = &l->v[i];
		dl->days_left = dl->day - today;
		dl->desk_days_left = open_upto ? open_upto[dl->day - lo] - open_upto[today - lo] : 0;
		dl->overdue = dl->day < today;
	}
	for (size_t i = 0; i < l->n; i++)
		if (cb && cb(&l->v[i], arg))
			break;
	return (int)l->n;
}

int deadline_each_dated(const struct desk_ctx *d, int from, int to,
			int (*cb)(const struct deadline *dl, void *arg), void *arg,
			struct err *e)
{
	struct dl_list l = { NULL, 0, 0 };
	int today = clock_today(d->clock), rc = -1;

	if (add_dated(d, from ? from : date_from_ymd(0, 1, 1), to ? to : date_from_ymd(9999, 12, 31),
		      &l, e) < 0)
		goto out;
	dl_sort(&l);
	rc = dl_deliver(&l, today, NULL, 0, cb, arg);
out:
	dl_list_release(&l);
	return rc;
}

int deadline_collect(const struct desk_ctx *d, int from, int within,
		     int (*cb)(const struct deadline *dl, void *arg), void *arg,
		     struct err *e)
{
	struct dl_list l = { NULL, 0, 0 };
	struct inquiry_filter f;
	int to = from + (within > 0 ? within : 0), today = clock_today(d->clock);
	int rc = -1;
	int *open_upto = NULL;

	if (within < 0 || within > 3660)
		return err_set(e, ERR_INPUT, _("within: %d is not 0-3660 days"), within);
	if (add_dated(d, from, to, &l, e) < 0)
		goto out;
	inquiry_filter_init(&f);
	f.open_only = true;
	f.due_by = to;
	f.order = INQ_ORDER_DUE;
	if (db_inquiry_each(d->db, &f, add_followup, &l, e) < 0)
		goto out;
	if (db_application_missing(d->db, from, to, add_document, &l, e) < 0)
		goto out;
	dl_sort(&l);

	/* desk days by a running count over the days the list spans, so
	 * old overdue follow-ups cost one pass, not one pass each */
	int lo = today, hi = today;
	for (size_t i = 0; i < l.n; i++) {
		if (l.v[i].day < lo)
			lo = l.v[i].day;
		if (l.v[i].day > hi)
			hi = l.v[i].day;
	}
	open_upto = xcalloc((size_t)(hi - lo + 1), sizeof *open_upto);
	bool *open = xcalloc((size_t)(hi - lo + 1), sizeof *open);
	desk_open_days(d->cfg, d->db, lo, hi, open);
	for (int day = lo + 1; day <= hi; day++)
		open_upto[day - lo] = open_upto[day - lo - 1] + (open[day - lo] ? 1 : 0);
	free(open);
	rc = dl_deliver(&l, today, open_upto, lo, cb, arg);
out:
	dl_list_release(&l);
	free(open_upto);
	return rc;
}
