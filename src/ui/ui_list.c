/* Lists with search: appointments, organizations (each with its
 * history), staff; and the row widget the agenda shares. */
#include "ui/ui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db_appt.h"
#include "db/db_inquiry.h"
#include "db/db_program.h"
#include "db/db_org.h"
#include "ui/dialog.h"
#include "util/date.h"
#include "util/i18n.h"
#include "core/resolve.h"
#include "util/text.h"

/* ---- marks and colours ---- */

const char *ui_status_mark(enum appt_status st)
{
	return appt_status_mark(st);
}

enum ui_color ui_status_color(enum appt_status st)
{
	static const enum ui_color c[ST_COUNT] = { UC_BOOKED, UC_DONE, UC_CANCELLED, UC_NOSHOW };
	return c[st];
}

const char *ui_channel_mark(enum channel c)
{
	return c == CH_VISIT ? _("Vi") : _("Ph");
}

void ui_topics(struct strbuf *sb, unsigned topics, const char *sep)
{
	resolve_topics_names(topics, i18n_japanese(), sep, sb);
}

/* Column widths of an appointment line: organization and topics share
 * what the fixed columns leave. */
static void appt_widths(bool with_date, int width, int *orgw, int *topw)
{
	int rem = width - (with_date ? 15 : 0) - 14 - 3 - 6 - 22;

	*orgw = rem >= 50 ? 28 : rem > 12 ? rem : 12;
	*topw = rem - *orgw - 1;
}

void ui_appt_line(struct strbuf *sb, const struct appt *a, bool with_date, int width)
{
	char d[DATE_STRLEN], t1[6], t2[6];
	struct strbuf tp = STRBUF_INIT;
	int orgw, topw;

	appt_widths(with_date, width, &orgw, &topw);
	if (with_date) {
		strbuf_addf(sb, "%s ", date_format(a->day, d));
		text_pad(sb, ui_wday(a->day), 3, false, false);
		strbuf_adds(sb, " ");
	}
	strbuf_addf(sb, "%s %s-%s ", ui_status_mark(a->status), time_format(a->start_min, t1),
		    time_format(a->start_min + a->minutes, t2));
	text_pad(sb, ui_channel_mark(a->channel), 3, false, false);
	strbuf_addf(sb, "#%-5lld", a->id);
	text_pad(sb, a->org_name, orgw, true, false);
	strbuf_adds(sb, " ");
	text_pad(sb, a->contact_name ? a->contact_name : "", 10, true, false);
	strbuf_adds(sb, " ");
	text_pad(sb, a->staff_name ? a->staff_name : "", 10, true, false);
	if (topw > 0) {
		strbuf_adds(sb, " ");
		ui_topics(&tp, a->topics, "・");
		text_pad(sb, strbuf_str(&tp), topw, true, false);
	}
	strbuf_release(&tp);
}

/* The column heads matching ui_appt_line(). */
static void appt_heads(struct strbuf *sb, bool with_date, int width)
{
	int orgw, topw;

	appt_widths(with_date, width, &orgw, &topw);
	if (with_date)
		text_pad(sb, _("date"), 15, false, false);
	text_pad(sb, _("st time"), 14, false, false);
	text_pad(sb, _("ch"), 3, false, false);
	text_pad(sb, _("#id"), 6, false, false);
	text_pad(sb, _("organization"), orgw + 1, false, false);
	text_pad(sb, _("contact"), 11, false, false);
	text_pad(sb, _("staff"), 10, false, false);
	if (topw > 0) {
		strbuf_adds(sb, " ");
		text_pad(sb, _("topics"), topw, false, false);
	}
}

/* ---- the row widget ---- */

void ui_rows_clear(struct ui_rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].text);
	r->n = 0;
}

void ui_rows_add(struct ui_rows *r, long long id, int day, enum ui_color color, const char *text)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->v = xrealloc(r->v, r->cap * sizeof *r->v);
	}
	r->v[r->n].id = id;
	r->v[r->n].day = day;
	r->v[r->n].color = color;
	r->v[r->n].text = xstrdup(text);
	r->n++;
}

static void rows_fix(struct ui_rows *r, int h)
{
	if (r->n == 0) {
		r->cur = r->top = 0;
		return;
	}
	if (r->cur >= (int)r->n)
		r->cur = (int)r->n - 1;
	if (r->cur < 0)
		r->cur = 0;
	/* land on a selectable row if there is one */
	if (!r->v[r->cur].id) {
		int i;
		for (i = r->cur; i < (int)r->n && !r->v[i].id; i++)
			;
		if (i < (int)r->n)
			r->cur = i;
	}
	if (h > 0) {
		if (r->cur < r->top)
			r->top = r->cur;
		if (r->cur >= r->top + h)
			r->top = r->cur - h + 1;
		/* keep a heading above the first row in view */
		if (r->top > 0 && r->top == r->cur && !r->v[r->top - 1].id)
			r->top--;
	}
}

void ui_rows_draw(struct ui_rows *r, int y0, int y1)
{
	int h = y1 - y0;

	rows_fix(r, h);
	for (int i = 0; i < h; i++) {
		int k = r->top + i;
		if (k >= (int)r->n)
			break;
		const struct ui_row *row = &r->v[k];
		attr_t a = k == r->cur && row->id ? draw_attr(UC_SELECT) : draw_attr(row->color);
		draw_text(stdscr, y0 + i, 0, COLS, row->text, a, k == r->cur && row->id);
	}
}

bool ui_rows_key(struct ui_rows *r, enum ui_action act, int page)
{
	int step = 0, i;

	switch (act) {
	case ACT_UP: step = -1; break;
	case ACT_DOWN: step = 1; break;
	case ACT_PAGE_UP: step = -(page > 1 ? page - 1 : 1); break;
	case ACT_PAGE_DOWN: step = page > 1 ? page - 1 : 1; break;
	case ACT_FIRST:
		r->cur = 0;
		rows_fix(r, 0);
		return true;
	case ACT_LAST:
		for (i = (int)r->n - 1; i > 0 && !r->v[i].id; i--)
			;
		r->cur = i < 0 ? 0 : i;
		return true;
	default:
		return false;
	}
	if (r->n == 0)
		return true;
	i = r->cur + step;
	if (i < 0)
		i = 0;
	if (i >= (int)r->n)
		i = (int)r->n - 1;
	/* skip headings in the direction of travel */
	int d = step < 0 ? -1 : 1;
	while (i >= 0 && i < (int)r->n && !r->v[i].id)
		i += d;
	if (i < 0 || i >= (int)r->n)
		return true;
	r->cur = i;
	return true;
}

long long ui_rows_id(const struct ui_rows *r)
{
	if (r->n == 0 || r->cur < 0 || r->cur >= (int)r->n)
		return 0;
	return r->v[r->cur].id;
}

static struct ui_rows *rows_of(struct ui *ui, enum ui_screen_id s)
{
	if (!ui->priv[s])
		ui->priv[s] = xcalloc(1, sizeof(struct ui_rows));
	return ui->priv[s];
}

static void rows_release(struct ui *ui, enum ui_screen_id s)
{
	struct ui_rows *r = ui->priv[s];

	if (!r)
		return;
	ui_rows_clear(r);
	free(r->v);
	free(r);
	ui->priv[s] = NULL;
}

static int list_height(void)
{
	return LINES - 2 - 3;	/* header, title, column heads; status and footer */
}

static void draw_heading(const char *title, const char *cols)
{
	draw_text(stdscr, 1, 0, COLS, title, draw_attr(UC_TITLE), true);
	draw_text(stdscr, 2, 0, COLS, cols, draw_attr(UC_DIM), true);
}

/* ---- appointments ---- */

struct collect {
	struct ui_rows *r;
	bool with_date;
	int last_day;
	bool group;
};

static int collect_appt(const struct appt *a, void *arg)
{
	struct collect *c = arg;
	struct strbuf sb = STRBUF_INIT;

	if (c->group && a->day != c->last_day) {
		char d[DATE_STRLEN];
		strbuf_addf(&sb, "%s (%s)", date_format(a->day, d), ui_wday(a->day));
		ui_rows_add(c->r, 0, a->day, UC_TITLE, strbuf_str(&sb));
		strbuf_reset(&sb);
		c->last_day = a->day;
	}
	strbuf_adds(&sb, c->group ? "  " : "");
	ui_appt_line(&sb, a, c->with_date, COLS - (c->group ? 2 : 0));
	ui_rows_add(c->r, a->id, a->day, ui_status_color(a->status), strbuf_str(&sb));
	strbuf_release(&sb);
	return 0;
}

static void list_appt_load(struct ui *ui)
{
	struct ui_rows *r = rows_of(ui, SCR_LIST_APPT);
	struct appt_filter f;
	struct collect c = { r, true, 0, false };
	struct err e = { 0 };
	bool first = r->n == 0;
	int cur = r->cur;

	ui_rows_clear(r);
	appt_filter_init(&f);
	f.include_cancelled = ui->show_cancelled;
	f.search = ui->search[0] ? ui->search : NULL;
	f.staff_id = ui->staff_id;
	if (db_appt_each(ui->app->db, &f, collect_appt, &c, &e) < 0)
		ui_status(ui, true, "%s", e.msg);
	/* start near today */
	int today = clock_today(&ui->app->clock);
	r->cur = cur;
	if (!first)
		return;
	r->cur = 0;
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].day >= today) {
			r->cur = (int)i;
			break;
		}
}

static void list_appt_draw(struct ui *ui)
{
	struct ui_rows *r = rows_of(ui, SCR_LIST_APPT);
	char title[400];

	if (ui->search[0])
		snprintf(title, sizeof title, _("Appointments matching \"%s\": %zu"), ui->search, r->n);
	else
		snprintf(title, sizeof title, _("All appointments: %zu"), r->n);
	struct strbuf heads = STRBUF_INIT;
	appt_heads(&heads, true, COLS);
	draw_heading(title, strbuf_str(&heads));
	strbuf_release(&heads);
	if (r->n == 0)
		draw_text(stdscr, 3, 2, COLS - 2, _("No appointments. / searches, Esc goes back."),
			  A_NORMAL, false);
	ui_rows_draw(r, 3, 3 + list_height());
}

static bool appt_keys(struct ui *ui, struct ui_rows *r, enum ui_action act)
{
	if (ui_rows_key(r, act, list_height())) {
		return true;
	}
	if (act == ACT_OPEN)
		act = ACT_EDIT;
	return ui_appt_action(ui, act, ui_rows_id(r));
}

static bool list_appt_key(struct ui *ui, enum ui_action act, int key)
{
	struct ui_rows *r = rows_of(ui, SCR_LIST_APPT);

	(void)key;
	if (act == ACT_BACK && ui->search[0] && ui->depth == 0) {
		ui->search[0] = '\0';
		ui->reload = true;
		return true;
	}
	if (act == ACT_BACK)
		ui->search[0] = '\0';
	return appt_keys(ui, r, act);
}

static void list_appt_release(struct ui *ui)
{
	rows_release(ui, SCR_LIST_APPT);
}

static const enum ui_action appt_actions[] = {
	ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST, ACT_OPEN, ACT_EDIT,
	ACT_MOVE, ACT_CANCEL, ACT_DONE, ACT_NOSHOW, ACT_REBOOK, ACT_SEARCH, ACT_SHOW_CANCELLED, ACT_BACK,
	ACT_TODAY, ACT_WEEK, ACT_MONTH, ACT_AGENDA, ACT_LIST_ORG, ACT_LIST_STAFF, ACT_REFRESH,
	ACT_HELP, ACT_MENU, ACT_QUIT, ACT_NONE
};
static const enum ui_action appt_footer[] = {
	ACT_HELP, ACT_OPEN, ACT_MOVE, ACT_CANCEL, ACT_DONE, ACT_SEARCH, ACT_BACK, ACT_MENU, ACT_QUIT,
	ACT_NONE
};

const struct ui_screen ui_list_appt_screen = {
	N_("Appointments"), appt_actions, appt_footer,
	list_appt_load, list_appt_draw, list_appt_key, list_appt_release,
};

/* ---- organizations ---- */

/* The type column has 8 columns left at 80: short names (the full ones
 * cut "区市町村社会福祉協議会" to "区市町村", the municipality's own). */
static const char *const org_type_short[ORG_TYPE_COUNT] = {
	/* TRANSLATORS: organization types in the 8-column type column of the
	 * organization list (municipality, social welfare council, community
	 * support center, NPO support center, local group, individual). */
	N_("municip"), N_("council"), N_("center"), N_("NPO sup"), N_("local"), N_("person"),
};

static int collect_org(const struct org *o, void *arg)
{
	struct ui_rows *r = arg;
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "#%-5lld ", o->id);
	text_pad(&sb, o->name, 36, true, false);
	strbuf_adds(&sb, " ");
	text_pad(&sb, o->kana ? o->kana : "", 16, true, false);
	strbuf_adds(&sb, " ");
	text_pad(&sb, o->municipality ? o->municipality : "", 10, true, false);
	strbuf_adds(&sb, " ");
	strbuf_adds(&sb, _(org_type_short[o->type]));
	ui_rows_add(r, o->id, 0, UC_NORMAL, strbuf_str(&sb));
	strbuf_release(&sb);
	return 0;
}

static void list_org_load(struct ui *ui)
{
	struct ui_rows *r = rows_of(ui, SCR_LIST_ORG);
	struct err e = { 0 };
	int cur = r->cur;

	ui_rows_clear(r);
	if (db_org_search(ui->app->db, ui->search, 0, collect_org, r, &e) < 0)
		ui_status(ui, true, "%s", e.msg);
	r->cur = cur;
}

static void list_org_draw(struct ui *ui)
{
	struct ui_rows *r = rows_of(ui, SCR_LIST_ORG);
	char title[400];

	if (ui->search[0])
		snprintf(title, sizeof title, _("Organizations matching \"%s\": %zu"), ui->search, r->n);
	else
		snprintf(title, sizeof title, _("Organizations: %zu"), r->n);
	draw_heading(title, _("#id    name                                 reading          municipality type"));
	if (r->n == 0)
		draw_text(stdscr, 3, 2, COLS - 2, _("No organizations. N adds one, / searches."),
			  A_NORMAL, false);
	ui_rows_draw(r, 3, 3 + list_height());
}

static bool list_org_key(struct ui *ui, enum ui_action act, int key)
{
	struct ui_rows *r = rows_of(ui, SCR_LIST_ORG);
	char buf[sizeof ui->search];

	(void)key;
	if (ui_rows_key(r, act, list_height()))
		return true;
	switch (act) {
	case ACT_OPEN:
		if (ui_rows_id(r)) {
			ui->org_id = ui_rows_id(r);
			ui_push(ui, SCR_ORG);
		}
		return true;
	case ACT_EDIT:
		if (ui_rows_id(r) && ui_writable(ui)) {
			ui->dirty = true;
			if (ui_org_dialog(ui->app, ui_rows_id(r)))
				ui_status(ui, false, "%s", _("Organization saved"));
			ui->reload = true;
		}
		return true;
	case ACT_SEARCH:
		snprintf(buf, sizeof buf, "%s", ui->search);
		ui->dirty = true;
		if (ui_prompt(ui->app, _("Search organizations"), _("Name or reading (kana):"), buf,
			      sizeof buf)) {
			snprintf(ui->search, sizeof ui->search, "%s", text_trim(buf));
			r->cur = 0;
			ui->reload = true;
		}
		return true;
	case ACT_BACK:
		if (ui->search[0]) {
			ui->search[0] = '\0';
			ui->reload = true;
			return true;
		}
		return false;
	default:
		return false;
	}
}

static void list_org_release(struct ui *ui)
{
	rows_release(ui, SCR_LIST_ORG);
}

static const enum ui_action org_actions[] = {
	ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST, ACT_OPEN, ACT_EDIT,
	ACT_NEW_ORG, ACT_SEARCH, ACT_BACK, ACT_TODAY, ACT_LIST_APPT, ACT_LIST_STAFF, ACT_REFRESH,
	ACT_HELP, ACT_MENU, ACT_QUIT, ACT_NONE
};
static const enum ui_action org_footer[] = {
	ACT_HELP, ACT_OPEN, ACT_EDIT, ACT_NEW_ORG, ACT_SEARCH, ACT_BACK, ACT_MENU, ACT_QUIT, ACT_NONE
};

const struct ui_screen ui_list_org_screen = {
	N_("Organizations"), org_actions, org_footer,
	list_org_load, list_org_draw, list_org_key, list_org_release,
};

/* ---- one organization and its history ---- */

static int org_inq(const struct inquiry *q, void *arg)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "  %s #%lld [%s] %s: ", q->received, q->id, inq_status_code[q->status],
		    q->topic ? q->topic : "");
	strbuf_adds(&sb, q->summary ? q->summary : "");
	ui_rows_add(arg, 0, 0, UC_NORMAL, strbuf_str(&sb));
	strbuf_release(&sb);
	return 0;
}

static int org_app(const struct application *a, void *arg)
{
	struct strbuf sb = STRBUF_INIT;
	char d[DATE_STRLEN];

	strbuf_addf(&sb, "  %s #%lld [%s] %s (%d/%d)", a->received ? date_format(a->received, d) : "-",
		    a->id, app_status_code[a->status], a->program_name ? a->program_name : "",
		    a->n_done, a->n_items);
	ui_rows_add(arg, 0, 0, UC_NORMAL, strbuf_str(&sb));
	strbuf_release(&sb);
	return 0;
}

static void org_load(struct ui *ui)
{
	struct ui_rows *r = rows_of(ui, SCR_ORG);
	struct appt_filter f;
	struct collect c = { r, true, 0, false };
	struct err e = { 0 };

	ui_rows_clear(r);
	appt_filter_init(&f);
	f.org_id = ui->org_id;
	f.include_cancelled = true;
	if (db_appt_each(ui->app->db, &f, collect_appt, &c, &e) < 0)
		ui_status(ui, true, "%s", e.msg);
	struct inquiry_filter qf;
	inquiry_filter_init(&qf);
	qf.org_id = ui->org_id;
	ui_rows_add(r, 0, 0, UC_TITLE, _("Inquiries"));
	if (db_inquiry_each(ui->app->db, &qf, org_inq, r, &e) < 0)
		ui_status(ui, true, "%s", e.msg);
	struct app_filter af;
	app_filter_init(&af);
	af.org_id = ui->org_id;
	ui_rows_add(r, 0, 0, UC_TITLE, _("Applications"));
	if (db_application_each(ui->app->db, &af, org_app, r, &e) < 0)
		ui_status(ui, true, "%s", e.msg);
}

static void org_draw(struct ui *ui)
{
	struct ui_rows *r = rows_of(ui, SCR_ORG);
	struct org o;
	struct err e = { 0 };
	int y = 1;

	if (db_org_get(ui->app->db, ui->org_id, &o, &e) < 0) {
		draw_text(stdscr, y, 0, COLS, e.msg, draw_attr(UC_WARN), false);
		return;
	}
	draw_textf(stdscr, y++, 0, COLS, draw_attr(UC_TITLE), true, "#%lld %s  %s", o.id, o.name,
		   o.kana ? o.kana : "");
	draw_textf(stdscr, y++, 0, COLS, A_NORMAL, true, "%s / %s   %s %s   %s %s",
		   o.municipality ? o.municipality : "",
		   i18n_japanese() ? org_type_ja[o.type] : org_type_en[o.type], _("phone:"),
		   o.phone ? o.phone : "-", _("e-mail:"), o.email ? o.email : "-");
	if (o.note && *o.note)
		draw_textf(stdscr, y++, 0, COLS, draw_attr(UC_DIM), true, "%s %s", _("note:"), o.note);
	org_release(&o);
	draw_textf(stdscr, y++, 0, COLS, draw_attr(UC_TITLE), true, "%s",
		   _("History: appointments, inquiries, applications"));
	ui_rows_draw(r, y, LINES - 2);
}

static bool org_key(struct ui *ui, enum ui_action act, int key)
{
	struct ui_rows *r = rows_of(ui, SCR_ORG);

	(void)key;
	if (act == ACT_NEW_ORG || (act == ACT_EDIT && !ui_rows_id(r))) {
		if (ui_writable(ui)) {
			ui->dirty = true;
			ui_org_dialog(ui->app, ui->org_id);
			ui->reload = true;
		}
		return true;
	}
	if (act == ACT_BOOK) {
		struct appt a;
		if (!ui_writable(ui))
			return true;
		memset(&a, 0, sizeof a);
		a.day = ui->day;
		a.start_min = ui->app->cfg.open_min;
		a.minutes = ui->app->cfg.slot;
		a.org_id = ui->org_id;
		ui->dirty = true;
		if (ui_book_dialog(ui->app, &a))
			ui_status(ui, false, _("Booked #%lld"), a.id);
		appt_release(&a);
		ui->reload = true;
		return true;
	}
	return appt_keys(ui, r, act);
}

static void org_release_scr(struct ui *ui)
{
	rows_release(ui, SCR_ORG);
}

static const enum ui_action orgh_actions[] = {
	ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_OPEN, ACT_EDIT, ACT_BOOK, ACT_NEW_ORG,
	ACT_MOVE, ACT_CANCEL, ACT_DONE, ACT_NOSHOW, ACT_REBOOK, ACT_BACK, ACT_TODAY, ACT_REFRESH, ACT_HELP,
	ACT_MENU, ACT_QUIT, ACT_NONE
};
static const enum ui_action orgh_footer[] = {
	ACT_HELP, ACT_OPEN, ACT_BOOK, ACT_MOVE, ACT_CANCEL, ACT_BACK, ACT_MENU, ACT_QUIT, ACT_NONE
};

const struct ui_screen ui_org_screen = {
	N_("Organization"), orgh_actions, orgh_footer,
	org_load, org_draw, org_key, org_release_scr,
};

/* ---- staff ---- */

static int collect_staff(const struct staff *s, void *arg)
{
	struct ui_rows *r = arg;
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "#%-4lld ", s->id);
	text_pad(&sb, s->name, 20, true, false);
	strbuf_adds(&sb, " ");
	text_pad(&sb, s->kana ? s->kana : "", 20, true, false);
	strbuf_adds(&sb, " ");
	text_pad(&sb, s->desk && !strcmp(s->desk, "content") ? _("content desk") : _("general desk"),
		 14, false, false);
	strbuf_adds(&sb, s->active ? "" : _("retired"));
	ui_rows_add(r, s->id, 0, s->active ? UC_NORMAL : UC_DIM, strbuf_str(&sb));
	strbuf_release(&sb);
	return 0;
}

static void list_staff_load(struct ui *ui)
{
	struct ui_rows *r = rows_of(ui, SCR_LIST_STAFF);
	struct err e = { 0 };

	ui_rows_clear(r);
	if (db_staff_list(ui->app->db, false, collect_staff, r, &e) < 0)
		ui_status(ui, true, "%s", e.msg);
}

static void list_staff_draw(struct ui *ui)
{
	struct ui_rows *r = rows_of(ui, SCR_LIST_STAFF);
	char title[100];

	snprintf(title, sizeof title, _("Desk staff: %zu"), r->n);
	draw_heading(title, _("#id   name                 reading              desk"));
	if (r->n == 0)
		draw_text(stdscr, 3, 2, COLS - 2,
			  _("No staff yet: add them with `madoguchi staff add NAME`."), A_NORMAL, false);
	ui_rows_draw(r, 3, 3 + list_height());
}

static bool list_staff_key(struct ui *ui, enum ui_action act, int key)
{
	struct ui_rows *r = rows_of(ui, SCR_LIST_STAFF);

	(void)key;
	if (ui_rows_key(r, act, list_height()))
		return true;
	if (act == ACT_OPEN && ui_rows_id(r)) {
		ui->staff_id = ui_rows_id(r);
		ui->search[0] = '\0';
		ui_push(ui, SCR_LIST_APPT);
		return true;
	}
	return false;
}

static void list_staff_release(struct ui *ui)
{
	rows_release(ui, SCR_LIST_STAFF);
}

static const enum ui_action staff_actions[] = {
	ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST, ACT_OPEN, ACT_BACK,
	ACT_TODAY, ACT_LIST_APPT, ACT_LIST_ORG, ACT_REFRESH, ACT_HELP, ACT_MENU, ACT_QUIT, ACT_NONE
};
static const enum ui_action staff_footer[] = {
	ACT_HELP, ACT_OPEN, ACT_BACK, ACT_TODAY, ACT_MENU, ACT_QUIT, ACT_NONE
};

const struct ui_screen ui_list_staff_screen = {
	N_("Staff"), staff_actions, staff_footer,
	list_staff_load, list_staff_draw, list_staff_key, list_staff_release,
};
