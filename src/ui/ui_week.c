/* The week view: Monday to Sunday as columns, desk slots as rows; each
 * cell shows the booking there (or how many); closed days say why; under
 * each date the day's calendar event (or how many). */
#include "ui/ui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/desk.h"
#include "db/db_appt.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/text.h"

#define TIME_W 6
#define MAX_ROWS 48

struct wappt {
	long long id;
	int day, start, minutes;
	enum appt_status status;
	enum channel channel;
	char *org;
};

struct week {
	int monday;
	struct wappt *v;
	size_t n, cap;
	struct desk_status ds[7];
	char *ev_text[7];	/* the day's calendar events: the one, or how many */
	int times[MAX_ROWS];
	int ntimes;
	int row, top;
};

static struct week *state(struct ui *ui)
{
	if (!ui->priv[SCR_WEEK])
		ui->priv[SCR_WEEK] = xcalloc(1, sizeof(struct week));
	return ui->priv[SCR_WEEK];
}

static void week_clear(struct week *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->v[i].org);
	w->n = 0;
}

static int add(const struct appt *a, void *arg)
{
	struct week *w = arg;

	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 32;
		w->v = xrealloc(w->v, w->cap * sizeof *w->v);
	}
	w->v[w->n] = (struct wappt){ a->id, a->day, a->start_min, a->minutes, a->status,
				     a->channel, xstrdup(a->org_name ? a->org_name : "") };
	w->n++;
	return 0;
}

static int slot_len(const struct ui *ui)
{
	int s = ui->app->cfg.slot;
	return s >= 5 && s <= 240 ? s : 30;
}

static int monday_of(int day)
{
	return day - (date_wday(day) + 6) % 7;
}

static void week_load(struct ui *ui)
{
	struct week *w = state(ui);
	struct appt_filter f;
	struct err e = { 0 };
	int open = ui->app->cfg.open_min, close = ui->app->cfg.close_min, slot = slot_len(ui);

	week_clear(w);
	w->monday = monday_of(ui->day);
	appt_filter_init(&f);
	f.from_day = w->monday;
	f.to_day = w->monday + 6;
	f.include_cancelled = ui->show_cancelled;
	if (db_appt_each(ui->app->db, &f, add, w, &e) < 0)
		ui_status(ui, true, "%s", e.msg);
	for (int i = 0; i < 7; i++)
		desk_day_status(&ui->app->cfg, ui->app->db, w->monday + i, &w->ds[i]);
	{
		struct ui_events ev = { 0 };
		if (ui_events_load(ui, w->monday, w->monday + 6, &ev, &e) < 0)
			ui_status(ui, true, "%s", e.msg);
		for (int i = 0; i < 7; i++) {
			int day = w->monday + i, n = ui_events_on(&ev, day);
			struct strbuf sb = STRBUF_INIT;
			free(w->ev_text[i]);
			w->ev_text[i] = NULL;
			if (w->ds[i].kind != DESK_OPEN && n)
				strbuf_addf(&sb, "%s ", w->ds[i].reason);
			if (n == 1) {
				for (size_t k = 0; k < ev.n; k++)
					if (ev.v[k].day <= day && day <= ev.v[k].last)
						ui_event_line(&sb, &ev.v[k], day);
			} else if (n > 1) {
				strbuf_addf(&sb, _("%d events"), n);	/* n > 1 */
			}
			if (n)
				w->ev_text[i] = xstrdup(strbuf_str(&sb));
			strbuf_release(&sb);
		}
		ui_events_release(&ev);
	}
	w->ntimes = 0;
	for (int t = open; t < close && w->ntimes < MAX_ROWS; t += slot)
		w->times[w->ntimes++] = t;
	if (!w->ntimes)
		w->times[w->ntimes++] = open;
	w->row = 0;
	for (int i = 0; i < w->ntimes; i++)
		if (ui->slot_min >= 0 && w->times[i] <= ui->slot_min)
			w->row = i;
}

/* Bookings of day d covering row r: how many, and the first. */
static int at(const struct ui *ui, const struct week *w, int d, int r, const struct wappt **first)
{
	int t = w->times[r], len = slot_len(ui), n = 0;

	*first = NULL;
	if (r == 0)	/* the first row also shows what starts before the desk opens */
		t = -10000, len += w->times[0] + 10000;
	if (r == w->ntimes - 1)
		len = 24 * 60 - t;
	for (size_t i = 0; i < w->n; i++) {
		const struct wappt *a = &w->v[i];
		if (a->day != w->monday + d || a->status == ST_CANCELLED)
			continue;
		if (a->start < t + len && a->start + a->minutes > t) {
			if (!*first)
				*first = a;
			n++;
		}
	}
	return n;
}

static void week_draw(struct ui *ui)
{
	struct week *w = state(ui);
	int cw = (COLS - TIME_W) / 7;
	int cur = ui->day - w->monday;
	int avail = LINES - 3 - 4;
	char t[6], why[300];
	int y, m, d;

	date_to_ymd(w->monday, &y, &m, &d);
	draw_textf(stdscr, 1, 0, COLS, draw_attr(UC_TITLE), true, _("Week of %04d-%02d-%02d"), y, m, d);
	draw_text(stdscr, 2, 0, TIME_W - 1, "", A_NORMAL, true);
	draw_text(stdscr, 3, 0, TIME_W - 1, _("Time"), draw_attr(UC_DIM), true);
	for (int i = 0; i < 7; i++) {
		int x = TIME_W - 1 + i * cw;
		int day = w->monday + i;
		bool closed = w->ds[i].kind != DESK_OPEN;
		date_to_ymd(day, &y, &m, &d);
		mvaddch(2, x, ACS_VLINE);
		mvaddch(3, x, ACS_VLINE);
		draw_textf(stdscr, 2, x + 1, cw - 1,
			   i == cur ? draw_attr(UC_SELECT) : closed ? draw_attr(UC_CLOSED) : draw_attr(UC_TITLE),
			   true, "%d/%d %s", m, d, ui_wday(day));
		if (w->ev_text[i]) {
			draw_text(stdscr, 3, x + 1, cw - 1, w->ev_text[i],
				  closed ? draw_attr(UC_CLOSED) : draw_attr(UC_DIM), true);
		} else if (closed) {
			ui_closed_reason(&w->ds[i], why, sizeof why);
			draw_text(stdscr, 3, x + 1, cw - 1, w->ds[i].reason, draw_attr(UC_CLOSED), true);
		} else {
			draw_text(stdscr, 3, x + 1, cw - 1, "", A_NORMAL, true);
		}
	}
	mvaddch(2, TIME_W - 1 + 7 * cw, ACS_VLINE);
	mvaddch(3, TIME_W - 1 + 7 * cw, ACS_VLINE);

	if (w->row < w->top)
		w->top = w->row;
	if (w->row >= w->top + avail)
		w->top = w->row - avail + 1;
	for (int i = 0; i < avail && w->top + i < w->ntimes; i++) {
		int r = w->top + i, yy = 4 + i;
		draw_text(stdscr, yy, 0, TIME_W - 1, time_format(w->times[r], t), A_NORMAL, true);
		for (int dd = 0; dd < 7; dd++) {
			int x = TIME_W - 1 + dd * cw;
			const struct wappt *a;
			int n = at(ui, w, dd, r, &a);
			struct strbuf sb = STRBUF_INIT;
			attr_t attr = A_NORMAL;
			mvaddch(yy, x, ACS_VLINE);
			if (n > 1) {
				strbuf_addf(&sb, _("%d booked"), n);
				attr = draw_attr(UC_BOOKED);
			} else if (n == 1) {
				strbuf_addf(&sb, "%s%s", ui_status_mark(a->status), a->org);
				attr = draw_attr(ui_status_color(a->status));
			} else if (w->ds[dd].kind != DESK_OPEN) {
				strbuf_adds(&sb, "·");
				attr = draw_attr(UC_DIM);
			}
			if (dd == cur && r == w->row)
				attr = draw_attr(UC_SELECT);
			draw_text(stdscr, yy, x + 1, cw - 1, strbuf_str(&sb), attr, true);
			strbuf_release(&sb);
		}
		mvaddch(yy, TIME_W - 1 + 7 * cw, ACS_VLINE);
	}
	/* the detail under the cursor */
	const struct wappt *a;
	int n = at(ui, w, cur, w->row, &a);
	if (n) {
		char t2[6];
		draw_textf(stdscr, LINES - 3, 0, COLS, A_BOLD, true, _("%s %s: %d booked, first #%lld %s-%s %s"),
			   ui_wday(ui->day), time_format(w->times[w->row], t), n, a->id,
			   time_format(a->start, t2), time_format(a->start + a->minutes, why), a->org);
	} else {
		draw_text(stdscr, LINES - 3, 0, COLS, _("Enter opens the day"), draw_attr(UC_DIM), true);
	}
}

static bool week_key(struct ui *ui, enum ui_action act, int key)
{
	struct week *w = state(ui);

	(void)key;
	switch (act) {
	case ACT_UP:
		if (w->row > 0)
			w->row--;
		break;
	case ACT_DOWN:
		if (w->row < w->ntimes - 1)
			w->row++;
		break;
	case ACT_FIRST:
		w->row = 0;
		break;
	case ACT_LAST:
		w->row = w->ntimes - 1;
		break;
	case ACT_LEFT:
	case ACT_RIGHT:
		ui->day += act == ACT_LEFT ? -1 : 1;
		if (monday_of(ui->day) != w->monday)
			ui->reload = true;
		break;
	case ACT_NEXT:
	case ACT_PREV:
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		ui->day += act == ACT_NEXT || act == ACT_PAGE_DOWN ? 7 : -7;
		ui->reload = true;
		break;
	case ACT_OPEN:
		ui->slot_min = w->times[w->row];
		ui_push(ui, SCR_DAY);
		return true;
	default:
		return false;
	}
	ui->slot_min = w->times[w->row];
	return true;
}

static void week_release(struct ui *ui)
{
	struct week *w = ui->priv[SCR_WEEK];

	week_clear(w);
	for (int i = 0; i < 7; i++)
		free(w->ev_text[i]);
	free(w->v);
	free(w);
	ui->priv[SCR_WEEK] = NULL;
}

static const enum ui_action actions[] = {
	ACT_UP, ACT_DOWN, ACT_LEFT, ACT_RIGHT, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST,
	ACT_OPEN, ACT_NEXT, ACT_PREV, ACT_TODAY, ACT_GOTO, ACT_DAY, ACT_MONTH, ACT_AGENDA,
	ACT_SEARCH, ACT_LIST_APPT, ACT_LIST_ORG, ACT_LIST_STAFF, ACT_SHOW_CANCELLED, ACT_BACK,
	ACT_REFRESH, ACT_HELP, ACT_MENU, ACT_QUIT, ACT_NONE
};
static const enum ui_action footer[] = {
	ACT_HELP, ACT_OPEN, ACT_NEXT, ACT_PREV, ACT_TODAY, ACT_MONTH, ACT_BACK, ACT_MENU, ACT_QUIT,
	ACT_NONE
};

const struct ui_screen ui_week_screen = {
	N_("Week"), actions, footer, week_load, week_draw, week_key, week_release,
};
