/* The agenda: every booking of a date range (two weeks from the
 * current date), grouped by day, closed days named, each day's calendar
 * events under its heading. */
#include "ui/ui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/desk.h"
#include "db/db_appt.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/text.h"

#define AGENDA_DAYS 14

struct agenda {
	struct ui_rows rows;
	struct ui_events ev;
	int from;
};

struct fill {
	struct ui *ui;
	struct ui_rows *r;
	int next_day;	/* first day not yet given a heading */
	int to;
	const struct ui_events *ev;
};

static void heading(struct fill *f, int day)
{
	struct desk_status ds;
	char d[DATE_STRLEN], why[300] = "";
	struct strbuf sb = STRBUF_INIT;

	if (desk_day_status(&f->ui->app->cfg, f->ui->app->db, day, &ds) != DESK_OPEN) {
		ui_closed_reason(&ds, why, sizeof why);
	}
	strbuf_addf(&sb, "%s (%s)%s%s%s", date_format(day, d), ui_wday(day), why[0] ? "  " : "",
		    why[0] ? _("closed: ") : "", why);
	ui_rows_add(f->r, 0, day, why[0] ? UC_CLOSED : UC_TITLE, strbuf_str(&sb));
	/* the day's calendar events under its heading, before the bookings */
	for (size_t i = 0; f->ev && i < f->ev->n; i++) {
		const struct ui_event *x = &f->ev->v[i];
		if (x->day > day || x->last < day)
			continue;
		strbuf_reset(&sb);
		strbuf_addf(&sb, "  %s ", _("event:"));
		ui_event_line(&sb, x, day);
		ui_rows_add(f->r, 0, day, UC_NORMAL, strbuf_str(&sb));
	}
	strbuf_release(&sb);
}

static void headings_until(struct fill *f, int day)
{
	for (; f->next_day <= day && f->next_day <= f->to; f->next_day++)
		heading(f, f->next_day);
}

static int add_appt(const struct appt *a, void *arg)
{
	struct fill *f = arg;
	struct strbuf sb = STRBUF_INIT;

	headings_until(f, a->day);
	strbuf_adds(&sb, "  ");
	ui_appt_line(&sb, a, false, COLS - 2);
	ui_rows_add(f->r, a->id, a->day, ui_status_color(a->status), strbuf_str(&sb));
	strbuf_release(&sb);
	return 0;
}

static struct agenda *state(struct ui *ui)
{
	if (!ui->priv[SCR_AGENDA])
		ui->priv[SCR_AGENDA] = xcalloc(1, sizeof(struct agenda));
	return ui->priv[SCR_AGENDA];
}

static void agenda_load(struct ui *ui)
{
	struct agenda *ag = state(ui);
	struct appt_filter flt;
	struct err e = { 0 };
	struct fill f = { ui, &ag->rows, ui->day, ui->day + AGENDA_DAYS - 1, &ag->ev };
	int cur = ag->rows.cur;
	bool moved = ag->from != ui->day;

	ui_rows_clear(&ag->rows);
	ag->from = ui->day;
	appt_filter_init(&flt);
	flt.from_day = f.next_day;
	flt.to_day = f.to;
	flt.include_cancelled = ui->show_cancelled;
	if (ui_events_load(ui, f.next_day, f.to, &ag->ev, &e) < 0)
		ui_status(ui, true, "%s", e.msg);
	if (db_appt_each(ui->app->db, &flt, add_appt, &f, &e) < 0)
		ui_status(ui, true, "%s", e.msg);
	headings_until(&f, f.to);
	ag->rows.cur = moved ? 0 : cur;
	if (moved)
		ag->rows.top = 0;
}

static int height(void)
{
	return LINES - 2 - 2;
}

static void agenda_draw(struct ui *ui)
{
	struct agenda *ag = state(ui);
	char d1[DATE_STRLEN], d2[DATE_STRLEN];

	draw_textf(stdscr, 1, 0, COLS, draw_attr(UC_TITLE), true, _("Agenda %s - %s"),
		   date_format(ag->from, d1), date_format(ag->from + AGENDA_DAYS - 1, d2));
	ui_rows_draw(&ag->rows, 2, 2 + height());
}

static bool agenda_key(struct ui *ui, enum ui_action act, int key)
{
	struct agenda *ag = state(ui);

	(void)key;
	if (ui_rows_key(&ag->rows, act, height()))
		return true;
	switch (act) {
	case ACT_NEXT:
		ui->day += 7;
		ui->reload = true;
		return true;
	case ACT_PREV:
		ui->day -= 7;
		ui->reload = true;
		return true;
	case ACT_OPEN:
		if (!ui_rows_id(&ag->rows)) {
			ui->day = ag->rows.n ? ag->rows.v[ag->rows.cur].day : ui->day;
			ui_push(ui, SCR_DAY);
			return true;
		}
		act = ACT_EDIT;
		break;
	case ACT_DAY:
		if (ag->rows.n)
			ui->day = ag->rows.v[ag->rows.cur].day;
		return false;
	default:
		break;
	}
	return ui_appt_action(ui, act, ui_rows_id(&ag->rows));
}

static void agenda_release(struct ui *ui)
{
	struct agenda *ag = ui->priv[SCR_AGENDA];

	ui_rows_clear(&ag->rows);
	free(ag->rows.v);
	ui_events_release(&ag->ev);
	free(ag);
	ui->priv[SCR_AGENDA] = NULL;
}

static const enum ui_action actions[] = {
	ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST, ACT_OPEN, ACT_EDIT,
	ACT_MOVE, ACT_CANCEL, ACT_DONE, ACT_NOSHOW, ACT_REBOOK, ACT_NEXT, ACT_PREV, ACT_TODAY, ACT_GOTO,
	ACT_DAY, ACT_WEEK, ACT_MONTH, ACT_SEARCH, ACT_SHOW_CANCELLED, ACT_LIST_APPT, ACT_LIST_ORG,
	ACT_LIST_STAFF, ACT_NEW_ORG, ACT_BACK, ACT_REFRESH, ACT_HELP, ACT_MENU, ACT_QUIT, ACT_NONE
};
static const enum ui_action footer[] = {
	ACT_HELP, ACT_OPEN, ACT_MOVE, ACT_CANCEL, ACT_DONE, ACT_NEXT, ACT_PREV, ACT_BACK, ACT_MENU,
	ACT_QUIT, ACT_NONE
};

const struct ui_screen ui_agenda_screen = {
	N_("Agenda"), actions, footer, agenda_load, agenda_draw, agenda_key, agenda_release,
};
