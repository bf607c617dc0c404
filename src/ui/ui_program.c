/* Programs on screen: the list of programs (desk period, deadline,
 * selection cap, applications, events) and one program with its events
 * and applications, each application with its checklist.  Space ticks
 * an item, s changes an application's status, u records a new one; the
 * desk's refusals (beyond the cap, outside Tokyo) come from
 * core/program.h and are shown in the status line. */
#include "ui/ui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/program.h"
#include "db/db_org.h"
#include "db/db_program.h"
#include "ui/dialog.h"
#include "ui/form.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/text.h"

const char *ui_app_status_label(enum app_status st)
{
	static const char *const en[AS_COUNT] = {
		N_("consulting"), N_("applied"), N_("screening"), N_("selected"),
		N_("not selected"), N_("withdrawn")
	};
	return _(en[st]);
}

static const char *item_label(const char *item)
{
	if (!strcmp(item, APP_ITEM_FORM))
		return _("form by e-mail");
	if (!strcmp(item, APP_ITEM_PAPERS))
		return _("papers by post");
	return item;
}

static void after_write(struct ui *ui)
{
	ui->reload = true;
	ui->change_counter = db_change_counter(ui->app->db);
}

/* "2026-11-01..11-30", the year once when both ends share it. */
static void period(struct strbuf *sb, int from, int to)
{
	char d1[DATE_STRLEN], d2[DATE_STRLEN];

	if (!from && !to) {
		strbuf_adds(sb, "-");
		return;
	}
	if (from)
		date_format(from, d1);
	if (to)
		date_format(to, d2);
	bool same = from && to && !strncmp(d1, d2, 4);
	strbuf_addf(sb, "%s..%s", from ? d1 : "", to ? d2 + (same ? 5 : 0) : "");
}

/* ---- the list of programs ---- */

struct prog_list {
	struct ui_rows rows;
};

static struct prog_list *list_state(struct ui *ui)
{
	if (!ui->priv[SCR_PROGRAMS])
		ui->priv[SCR_PROGRAMS] = xcalloc(1, sizeof(struct prog_list));
	return ui->priv[SCR_PROGRAMS];
}

struct list_fill {
	struct ui *ui;
	struct ui_rows *r;
};

/* s in exactly cols columns; a name too long keeps its start and its
 * end around an ellipsis, so that 中間支援力強化のための伴走支援事業 and
 * its (追加募集) round do not show as the same cut name. */
static void pad_middle(struct strbuf *sb, const char *s, int cols)
{
	int tailw = cols / 3, w = text_width(s);
	size_t i = 0, n = strlen(s), head;

	if (w <= cols || cols < 8) {
		text_pad(sb, s, cols, true, false);
		return;
	}
	/* the start keeps two thirds (names differ there first), the end a
	 * third (the round, the year: 追加募集, 28年度) */
	while (i < n && text_width(s + i) > tailw) {
		unsigned cp;
		size_t l = text_utf8_decode(s + i, n - i, &cp);
		i += l ? l : 1;
	}
	int used = text_fit(s, cols - 1 - text_width(s + i), &head);
	struct strbuf t = STRBUF_INIT;
	strbuf_add(&t, s, head);
	strbuf_adds(&t, "…");
	strbuf_adds(&t, s + i);
	(void)used;
	text_pad(sb, strbuf_str(&t), cols, true, false);
	strbuf_release(&t);
}

static int collect_program(const struct program *p, void *arg)
{
	struct list_fill *lf = arg;
	struct strbuf sb = STRBUF_INIT, per = STRBUF_INIT;
	char d[DATE_STRLEN], cap[32];
	int today = clock_today(&lf->ui->app->clock);

	strbuf_addf(&sb, "#%-4lld ", p->id);
	int namew = COLS - 55;
	pad_middle(&sb, p->name, namew < 16 ? 16 : namew);
	strbuf_adds(&sb, " ");
	period(&per, p->desk_from, p->desk_to);
	text_pad(&sb, strbuf_str(&per), 16, true, false);
	strbuf_addf(&sb, " %s ", p->deadline ? date_format(p->deadline, d) : "          ");
	if (p->cap >= 0)
		snprintf(cap, sizeof cap, "%d/%d", p->n_selected, p->cap);
	else
		snprintf(cap, sizeof cap, "%d/-", p->n_selected);
	text_pad(&sb, cap, 7, false, true);
	strbuf_addf(&sb, " %5d %6d", p->n_applications, p->n_events);
	enum ui_color c = p->deadline && p->deadline < today ? UC_DIM
			: p->deadline && p->deadline - today <= 7 ? UC_WARN : UC_NORMAL;
	ui_rows_add(lf->r, p->id, 0, c, strbuf_str(&sb));
	strbuf_release(&per);
	strbuf_release(&sb);
	return 0;
}

static void list_load(struct ui *ui)
{
	struct prog_list *st = list_state(ui);
	struct list_fill lf = { ui, &st->rows };
	struct err e = { 0 };
	int cur = st->rows.cur;

	ui_rows_clear(&st->rows);
	if (db_program_each(ui->app->db, collect_program, &lf, &e) < 0)
		ui_status(ui, true, "%s", e.msg);
	st->rows.cur = cur;
}

static void list_draw(struct ui *ui)
{
	struct prog_list *st = list_state(ui);
	struct strbuf sb = STRBUF_INIT;
	char title[100];
	int namew = COLS - 55;

	snprintf(title, sizeof title, _("Programs: %zu"), st->rows.n);
	draw_text(stdscr, 1, 0, COLS, title, draw_attr(UC_TITLE), true);
	text_pad(&sb, _("#id"), 6, false, false);
	text_pad(&sb, _("name"), (namew < 16 ? 16 : namew) + 1, false, false);
	text_pad(&sb, _("desk period"), 17, true, false);
	text_pad(&sb, _("deadline"), 11, true, false);
	text_pad(&sb, _("sel/cap"), 7, true, true);
	text_pad(&sb, _("apps"), 6, true, true);
	text_pad(&sb, _("events"), 7, true, true);
	draw_text(stdscr, 2, 0, COLS, strbuf_str(&sb), draw_attr(UC_DIM), true);
	strbuf_release(&sb);
	if (!st->rows.n)
		draw_text(stdscr, 3, 2, COLS - 2,
			  _("No programs yet: add them with `madoguchi program add`."), A_NORMAL, false);
	ui_rows_draw(&st->rows, 3, LINES - 2);
}

static bool list_key(struct ui *ui, enum ui_action act, int key)
{
	struct prog_list *st = list_state(ui);

	(void)key;
	if (ui_rows_key(&st->rows, act, LINES - 5))
		return true;
	if (act == ACT_OPEN) {
		if (ui_rows_id(&st->rows))
			ui_program_open(ui, ui_rows_id(&st->rows));
		return true;
	}
	return false;
}

static void list_release(struct ui *ui)
{
	struct prog_list *st = ui->priv[SCR_PROGRAMS];

	if (!st)
		return;
	ui_rows_clear(&st->rows);
	free(st->rows.v);
	free(st);
	ui->priv[SCR_PROGRAMS] = NULL;
}

static const enum ui_action list_actions[] = {
	ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST, ACT_OPEN, ACT_BACK,
	ACT_DEADLINES, ACT_LIST_INQ, ACT_REPORT, ACT_TODAY, ACT_REFRESH, ACT_HELP, ACT_MENU,
	ACT_QUIT, ACT_NONE
};
static const enum ui_action list_footer[] = {
	ACT_OPEN, ACT_DEADLINES, ACT_LIST_INQ, ACT_BACK, ACT_NONE
};

const struct ui_screen ui_programs_screen = {
	N_("Programs"), list_actions, list_footer,
	list_load, list_draw, list_key, list_release,
};

/* ---- one program ---- */

enum { ROW_EVENT = 1, ROW_APP, ROW_ITEM };	/* kept in ui_row.day */

struct row_extra {
	char *item;		/* ROW_ITEM: the checklist item */
	bool done;
};

struct prog_view {
	struct ui_rows rows;
	struct row_extra *x;	/* one per row */
	size_t nx, capx;
	long long id;
	struct program p;
	bool have;
};

static struct prog_view *view_state(struct ui *ui)
{
	if (!ui->priv[SCR_PROGRAM])
		ui->priv[SCR_PROGRAM] = xcalloc(1, sizeof(struct prog_view));
	return ui->priv[SCR_PROGRAM];
}

void ui_program_open(struct ui *ui, long long id)
{
	/* a screen of its own: Esc comes back to the one below */
	ui_push(ui, SCR_PROGRAM);
	struct prog_view *v = view_state(ui);

	v->id = id;
	v->rows.cur = v->rows.top = 0;
}

static void view_clear(struct prog_view *v)
{
	for (size_t i = 0; i < v->nx; i++)
		free(v->x[i].item);
	v->nx = 0;
	ui_rows_clear(&v->rows);
}

static void view_add(struct prog_view *v, long long id, int kind, enum ui_color c,
		     const char *text, const char *item, bool done)
{
	if (v->nx == v->capx) {
		v->capx = v->capx ? v->capx * 2 : 32;
		v->x = xrealloc(v->x, v->capx * sizeof *v->x);
	}
	v->x[v->nx].item = item ? xstrdup(item) : NULL;
	v->x[v->nx].done = done;
	v->nx++;
	ui_rows_add(&v->rows, id, kind, c, text);
}

static int view_event(const struct program_event *ev, void *arg)
{
	struct prog_view *v = arg;
	struct strbuf sb = STRBUF_INIT;
	char d[DATE_STRLEN], t1[6], t2[6];

	strbuf_addf(&sb, "  %s ", date_format(ev->day, d));
	text_pad(&sb, ui_wday(ev->day), 3, false, false);
	if (ev->start_min >= 0)
		strbuf_addf(&sb, " %s-%s ", time_format(ev->start_min, t1),
			    ev->end_min >= 0 ? time_format(ev->end_min, t2) : "");
	else
		strbuf_adds(&sb, "             ");
	text_pad(&sb, ev->title ? ev->title : "", 24, true, false);
	strbuf_adds(&sb, " ");
	text_pad(&sb, ev->place ? ev->place : "", 14, true, false);
	if (ev->capacity >= 0)
		strbuf_addf(&sb, " %s %d", _("cap."), ev->capacity);
	if (ev->reg_deadline)
		strbuf_addf(&sb, " %s %s", _("reg. by"), date_format(ev->reg_deadline, d));
	view_add(v, ev->id, ROW_EVENT, UC_NORMAL, strbuf_str(&sb), NULL, false);
	strbuf_release(&sb);
	return 0;
}

struct app_fill {
	struct prog_view *v;
	long long app_id;
};

static int view_item(const struct app_item *it, void *arg)
{
	struct app_fill *af = arg;
	struct strbuf sb = STRBUF_INIT;
	char d[DATE_STRLEN];

	strbuf_addf(&sb, "        [%s] %s", it->done ? "x" : " ", item_label(it->item));
	if (it->done && it->done_on)
		strbuf_addf(&sb, "  %s", date_format(it->done_on, d));
	view_add(af->v, af->app_id, ROW_ITEM, it->done ? UC_DONE : UC_NORMAL, strbuf_str(&sb),
		 it->item, it->done);
	strbuf_release(&sb);
	return 0;
}

struct apps_fill {
	struct ui *ui;
	struct prog_view *v;
	long long *ids;
	size_t n, cap;
};

static int view_app(const struct application *a, void *arg)
{
	struct apps_fill *f = arg;
	struct strbuf sb = STRBUF_INIT;
	char d[DATE_STRLEN];

	strbuf_addf(&sb, "  #%-5lld ", a->id);
	text_pad(&sb, a->org_name ? a->org_name : "", 28, true, false);
	strbuf_adds(&sb, " ");
	text_pad(&sb, a->municipality ? a->municipality : "", 10, true, false);
	strbuf_adds(&sb, " ");
	text_pad(&sb, ui_app_status_label(a->status), 12, true, false);
	strbuf_addf(&sb, " %s %d/%d", a->received ? date_format(a->received, d) : "-         ",
		    a->n_done, a->n_items);
	if (a->inquiry_id)
		strbuf_addf(&sb, "  %s #%lld", _("inquiry"), a->inquiry_id);
	view_add(f->v, a->id, ROW_APP,
		 a->status == AS_SELECTED ? UC_DONE
		 : a->status == AS_NOT_SELECTED || a->status == AS_WITHDRAWN ? UC_DIM : UC_TITLE,
		 strbuf_str(&sb), NULL, false);
	strbuf_release(&sb);
	/* the checklist after it; read once the application cursor is done */
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 16;
		f->ids = xrealloc(f->ids, f->cap * sizeof *f->ids);
	}
	f->ids[f->n++] = a->id;
	return 0;
}

static void view_load(struct ui *ui)
{
	struct prog_view *v = view_state(ui);
	struct err e = { 0 };
	int cur = v->rows.cur;
	char title[200];

	view_clear(v);
	if (v->have)
		program_release(&v->p);
	v->have = false;
	if (db_program_get(ui->app->db, v->id, &v->p, &e) < 0) {
		ui_status(ui, true, "%s", e.msg);
		return;
	}
	v->have = true;
	snprintf(title, sizeof title, _("Events: %d"), v->p.n_events);
	view_add(v, 0, 0, UC_TITLE, title, NULL, false);
	if (db_event_each(ui->app->db, v->id, view_event, v, &e) < 0)
		ui_status(ui, true, "%s", e.msg);
	snprintf(title, sizeof title, _("Applications: %d (Space ticks an item, s sets the status)"),
		 v->p.n_applications);
	view_add(v, 0, 0, UC_TITLE, title, NULL, false);

	/* applications first into a list of ids, then each with its items
	 * (one statement at a time: the reads share cached statements) */
	struct app_filter af;
	struct apps_fill f = { ui, v, NULL, 0, 0 };
	app_filter_init(&af);
	af.program_id = v->id;
	struct prog_view tmp;
	memset(&tmp, 0, sizeof tmp);
	f.v = &tmp;
	if (db_application_each(ui->app->db, &af, view_app, &f, &e) < 0)
		ui_status(ui, true, "%s", e.msg);
	for (size_t i = 0; i < f.n; i++) {
		/* the application's row, then its items */
		view_add(v, tmp.rows.v[i].id, ROW_APP, tmp.rows.v[i].color, tmp.rows.v[i].text, NULL,
			 false);
		struct app_fill itf = { v, f.ids[i] };
		if (db_application_items(ui->app->db, f.ids[i], view_item, &itf, &e) < 0)
			ui_status(ui, true, "%s", e.msg);
	}
	view_clear(&tmp);
	free(tmp.rows.v);
	free(tmp.x);
	free(f.ids);
	v->rows.cur = cur;
}

static void view_draw(struct ui *ui)
{
	struct prog_view *v = view_state(ui);
	const struct program *p = &v->p;
	struct strbuf sb = STRBUF_INIT;
	char d[DATE_STRLEN];
	int y = 1, today = clock_today(&ui->app->clock);

	if (!v->have) {
		draw_text(stdscr, y, 0, COLS, _("No such program; Esc goes back."), draw_attr(UC_WARN),
			  false);
		return;
	}
	draw_textf(stdscr, y++, 0, COLS, draw_attr(UC_TITLE), true, "#%lld %s%s%s%s", p->id, p->name,
		   p->kind && *p->kind ? " (" : "", p->kind && *p->kind ? p->kind : "",
		   p->kind && *p->kind ? ")" : "");
	strbuf_addf(&sb, "%s ", _("Desk period:"));
	period(&sb, p->desk_from, p->desk_to);
	if (p->deadline)
		strbuf_addf(&sb, "   %s %s (%+d)", _("Deadline:"), date_format(p->deadline, d),
			    p->deadline - today);
	draw_text(stdscr, y++, 0, COLS, strbuf_str(&sb), A_NORMAL, true);
	strbuf_reset(&sb);
	if (p->cap >= 0)
		strbuf_addf(&sb, _("Selected %d of a cap of %d"), p->n_selected, p->cap);
	else
		strbuf_addf(&sb, _("Selected %d (no cap)"), p->n_selected);
	strbuf_addf(&sb, "   %s", p->outside_ok ? _("organizations outside Tokyo may apply")
					      : _("Tokyo organizations only"));
	draw_text(stdscr, y++, 0, COLS, strbuf_str(&sb),
		  p->cap >= 0 && p->n_selected >= p->cap ? draw_attr(UC_WARN) : A_NORMAL, true);
	strbuf_release(&sb);
	ui_rows_draw(&v->rows, y, LINES - 2);
}

/* s: an application's status. */
static const char app_status_form[] =
	"title Application status\ntitle.ja 申込の状況\n"
	"field status\nlabel Status\nlabel.ja 状況\ntype choice\nrequired yes\n"
	"choices consulting,applied,screening,selected,not_selected,withdrawn\n"
	"choices.label Consulting,Applied,Screening,Selected,Not selected,Withdrawn\n"
	"choices.label.ja 相談中,申込済,審査中,選定,不選定,辞退\n"
	"help Left/Right chooses; Enter saves\nhelp.ja 左右で選択、Enter で保存\n";

struct status_arg {
	int cur, chosen;
};

static int save_app_status(struct form *fm, const char *override, bool *refused, void *arg)
{
	struct status_arg *sa = arg;
	int k = model_lookup(app_status_code, AS_COUNT, form_choice(fm, "status"));

	(void)override;
	(void)refused;
	if (k < 0)
		return 0;
	sa->chosen = k;
	return 1;
}

static void prefill_app_status(struct form *fm, void *arg)
{
	struct status_arg *sa = arg;

	form_set_choice(fm, "status", app_status_code[sa->cur]);
}

static void app_status(struct ui *ui, long long app_id)
{
	struct application a;
	struct err e = { 0 };
	struct status_arg sa = { 0, -1 };

	if (!app_id || !ui_writable(ui))
		return;
	if (db_application_get(ui->app->db, app_id, &a, &e) < 0) {
		ui_status(ui, true, "%s", e.msg);
		return;
	}
	sa.cur = a.status;
	application_release(&a);
	if (!ui_text_form(ui, app_status_form, save_app_status, &sa, prefill_app_status) ||
	    sa.chosen < 0 || sa.chosen == sa.cur)
		return;
	/* the refusal (beyond the cap) goes to the status line, in full */
	if (application_set_status(&ui->app->desk, app_id, (enum app_status)sa.chosen, &e) < 0)
		ui_status(ui, true, _("Refused: %s"), e.msg);
	else
		ui_status(ui, false, _("Application #%lld is now %s"), app_id,
			  ui_app_status_label((enum app_status)sa.chosen));
	after_write(ui);
}

static void app_check(struct ui *ui, struct prog_view *v)
{
	struct err e = { 0 };
	int i = v->rows.cur;

	if (!v->rows.n || i < 0 || (size_t)i >= v->nx || v->rows.v[i].day != ROW_ITEM) {
		ui_status(ui, false, "%s", _("Put the cursor on a checklist item to tick it"));
		return;
	}
	if (!ui_writable(ui))
		return;
	long long app_id = v->rows.v[i].id;
	bool done = !v->x[i].done;
	if (application_check(&ui->app->desk, app_id, v->x[i].item, done, &e) < 0)
		ui_status(ui, true, "%s", e.msg);
	else
		ui_status(ui, false, done ? _("#%lld: %s ticked") : _("#%lld: %s unticked"), app_id,
			  item_label(v->x[i].item));
	after_write(ui);
}

struct org_pick {
	long long id;
	int n;
	const char *exact;
	long long exact_id;
};

static int pick_org(const struct org *o, void *arg)
{
	struct org_pick *op = arg;

	op->id = o->id;
	op->n++;
	if (!strcmp(o->name, op->exact))
		op->exact_id = o->id;
	return 0;
}

/* u: record an application to this program for an organization. */
static void app_add(struct ui *ui, struct prog_view *v)
{
	char buf[200] = "";
	struct org_pick op = { 0, 0, buf, 0 };
	struct application a;
	struct err e = { 0 };

	if (!v->have || !ui_writable(ui))
		return;
	ui->dirty = true;
	if (!ui_prompt(ui->app, _("New application"), _("Organization (name, reading or #id):"), buf,
		       sizeof buf))
		return;
	text_trim(buf);
	if (!*buf)
		return;
	if (buf[0] == '#' || strspn(buf, "0123456789") == strlen(buf)) {
		struct org o;
		if (db_org_get(ui->app->db, strtoll(buf + (buf[0] == '#'), NULL, 10), &o, &e) < 0) {
			ui_status(ui, true, "%s", e.msg);
			return;
		}
		op.exact_id = o.id;
		org_release(&o);
	} else if (db_org_search(ui->app->db, buf, 50, pick_org, &op, &e) < 0) {
		ui_status(ui, true, "%s", e.msg);
		return;
	}
	long long org_id = op.exact_id ? op.exact_id : op.n == 1 ? op.id : 0;
	if (!org_id) {
		if (op.n)
			ui_status(ui, true, _("%d organizations match \"%s\": give more of the name"), op.n,
				  buf);
		else
			ui_status(ui, true, _("No organization matches \"%s\""), buf);
		return;
	}
	memset(&a, 0, sizeof a);
	a.program_id = v->id;
	a.org_id = org_id;
	a.received = clock_today(&ui->app->clock);
	a.status = AS_CONSULTING;
	if (program_apply(&ui->app->desk, &a, &e) < 0)
		ui_status(ui, true, _("Refused: %s"), e.msg);
	else
		ui_status(ui, false, _("Application #%lld recorded"), a.id);
	application_release(&a);
	after_write(ui);
}

static bool view_key(struct ui *ui, enum ui_action act, int key)
{
	struct prog_view *v = view_state(ui);
	int i = v->rows.cur;
	int kind = v->rows.n && i >= 0 && (size_t)i < v->rows.n ? v->rows.v[i].day : 0;
	long long id = ui_rows_id(&v->rows);

	(void)key;
	if (ui_rows_key(&v->rows, act, LINES - 6))
		return true;
	switch (act) {
	case ACT_CHECK:
		app_check(ui, v);
		return true;
	case ACT_OPEN:
		if (kind == ROW_ITEM)
			app_check(ui, v);
		else if (kind == ROW_APP)
			app_status(ui, id);
		return true;
	case ACT_STATUS:
		if (kind == ROW_APP || kind == ROW_ITEM)
			app_status(ui, id);
		else
			ui_status(ui, false, "%s", _("Put the cursor on an application"));
		return true;
	case ACT_APPLY:
		app_add(ui, v);
		return true;
	default:
		return false;
	}
}

static void view_release(struct ui *ui)
{
	struct prog_view *v = ui->priv[SCR_PROGRAM];

	if (!v)
		return;
	view_clear(v);
	free(v->rows.v);
	free(v->x);
	if (v->have)
		program_release(&v->p);
	free(v);
	ui->priv[SCR_PROGRAM] = NULL;
}

static const enum ui_action view_actions[] = {
	ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST, ACT_CHECK, ACT_OPEN,
	ACT_STATUS, ACT_APPLY, ACT_BACK, ACT_PROGRAMS, ACT_DEADLINES, ACT_TODAY, ACT_REFRESH,
	ACT_HELP, ACT_MENU, ACT_QUIT, ACT_NONE
};
static const enum ui_action view_footer[] = {
	ACT_CHECK, ACT_STATUS, ACT_APPLY, ACT_BACK, ACT_NONE
};

const struct ui_screen ui_program_screen = {
	N_("Program"), view_actions, view_footer,
	view_load, view_draw, view_key, view_release,
};
