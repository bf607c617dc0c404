/* The month overview: a calendar grid (Monday first) with the number
 * of bookings and calendar events per day and closed days marked with
 * their reason. */
#include "ui/ui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/desk.h"
#include "db/db_appt.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/text.h"

struct month {
	int y, m;
	int first;		/* day number of the 1st */
	int ndays;
	int counts[31];
	int events[31];		/* calendar events touching each day */
	struct desk_status ds[31];
};

static struct month *state(struct ui *ui)
{
	if (!ui->priv[SCR_MONTH])
		ui->priv[SCR_MONTH] = xcalloc(1, sizeof(struct month));
	return ui->priv[SCR_MONTH];
}

static void month_load(struct ui *ui)
{
	struct month *mo = state(ui);
	struct err e = { 0 };
	int d;

	date_to_ymd(ui->day, &mo->y, &mo->m, &d);
	mo->first = date_from_ymd(mo->y, mo->m, 1);
	mo->ndays = date_days_in_month(mo->y, mo->m);
	memset(mo->counts, 0, sizeof mo->counts);
	if (db_appt_count_days(ui->app->db, mo->first, mo->first + mo->ndays - 1, mo->counts, &e) < 0)
		ui_status(ui, true, "%s", e.msg);
	for (int i = 0; i < mo->ndays; i++)
		desk_day_status(&ui->app->cfg, ui->app->db, mo->first + i, &mo->ds[i]);
	{
		struct ui_events ev = { 0 };
		if (ui_events_load(ui, mo->first, mo->first + mo->ndays - 1, &ev, &e) < 0)
			ui_status(ui, true, "%s", e.msg);
		for (int i = 0; i < mo->ndays; i++)
			mo->events[i] = ui_events_on(&ev, mo->first + i);
		ui_events_release(&ev);
	}
}

static void month_draw(struct ui *ui)
{
	struct month *mo = state(ui);
	int cw = (COLS - 1) / 7;
	int lead = (date_wday(mo->first) + 6) % 7;	/* Monday first */
	int weeks = (lead + mo->ndays + 6) / 7;
	int ch = (LINES - 2 - 3) / weeks;
	int total = 0, open = 0;

	if (ch > 4)
		ch = 4;
	if (ch < 2)
		ch = 2;
	for (int i = 0; i < mo->ndays; i++) {
		total += mo->counts[i];
		open += mo->ds[i].kind == DESK_OPEN;
	}
	draw_textf(stdscr, 1, 0, COLS, draw_attr(UC_TITLE), true,
		   _("%04d-%02d: %d bookings on %d desk days"), mo->y, mo->m, total, open);
	for (int c = 0; c < 7; c++) {
		int day = mo->first - lead + c;
		draw_text(stdscr, 2, c * cw + 1, cw - 1, ui_wday(day),
			  c >= 5 ? draw_attr(UC_CLOSED) : draw_attr(UC_DIM), true);
	}
	for (int i = 0; i < mo->ndays; i++) {
		int slot = lead + i, wk = slot / 7, c = slot % 7;
		int y = 3 + wk * ch, x = c * cw;
		int day = mo->first + i;
		bool cur = day == ui->day;
		bool closed = mo->ds[i].kind != DESK_OPEN;
		bool today = day == clock_today(&ui->app->clock);
		attr_t a = cur ? draw_attr(UC_SELECT) : closed ? draw_attr(UC_CLOSED) : A_NORMAL;

		mvaddch(y, x, ACS_VLINE);
		draw_textf(stdscr, y, x + 1, cw - 1, a | (today ? A_BOLD : 0), true, "%2d%s", i + 1,
			   today ? _(" today") : "");
		for (int k = 1; k < ch; k++) {
			mvaddch(y + k, x, ACS_VLINE);
			draw_blank(stdscr, y + k, x + 1, cw - 1, cur ? draw_attr(UC_SELECT) : A_NORMAL);
		}
		if (ch > 1) {
			if (mo->counts[i])
				draw_textf(stdscr, y + 1, x + 1, cw - 1,
					   cur ? draw_attr(UC_SELECT) : draw_attr(UC_BOOKED), true,
					   _("%d booked"), mo->counts[i]);
			else if (closed)
				draw_text(stdscr, y + 1, x + 1, cw - 1, mo->ds[i].reason,
					  cur ? draw_attr(UC_SELECT) : draw_attr(UC_CLOSED), true);
		}
		if (ch > 2 && closed && mo->counts[i])
			draw_text(stdscr, y + 2, x + 1, cw - 1, mo->ds[i].reason,
				  cur ? draw_attr(UC_SELECT) : draw_attr(UC_CLOSED), true);
		if (mo->events[i]) {	/* the cell's last free line */
			int k = ch > 3 ? 3 : ch > 2 && !(closed && mo->counts[i]) ? 2
				: ch > 1 && !mo->counts[i] && !closed ? 1 : 0;
			if (k)
				draw_textf(stdscr, y + k, x + 1, cw - 1,
					   cur ? draw_attr(UC_SELECT) : draw_attr(UC_DIM), true,
					   mo->events[i] == 1 ? _("1 event") : _("%d events"), mo->events[i]);
		}
	}
	/* the chosen day in full */
	int idx = ui->day - mo->first;
	if (idx >= 0 && idx < mo->ndays) {
		char d[DATE_STRLEN], why[300] = "";
		if (mo->ds[idx].kind != DESK_OPEN)
			ui_closed_reason(&mo->ds[idx], why, sizeof why);
		if (mo->events[idx])
			draw_textf(stdscr, LINES - 3, 0, COLS, A_BOLD, true, _("%s (%s): %d booked, %d events%s%s"),
				   date_format(ui->day, d), ui_wday(ui->day), mo->counts[idx], mo->events[idx],
				   why[0] ? _("; closed: ") : "", why);
		else
			draw_textf(stdscr, LINES - 3, 0, COLS, A_BOLD, true, _("%s (%s): %d booked%s%s"),
				   date_format(ui->day, d), ui_wday(ui->day), mo->counts[idx],
				   why[0] ? _("; closed: ") : "", why);
	}
}

static bool month_key(struct ui *ui, enum ui_action act, int key)
{
	struct month *mo = state(ui);
	int y, m, d;

	(void)key;
	switch (act) {
	case ACT_LEFT: ui->day--; break;
	case ACT_RIGHT: ui->day++; break;
	case ACT_UP: ui->day -= 7; break;
	case ACT_DOWN: ui->day += 7; break;
	case ACT_NEXT:
	case ACT_PREV:
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		date_to_ymd(ui->day, &y, &m, &d);
		m += act == ACT_NEXT || act == ACT_PAGE_DOWN ? 1 : -1;
		if (m > 12)
			m = 1, y++;
		if (m < 1)
			m = 12, y--;
		if (d > date_days_in_month(y, m))
			d = date_days_in_month(y, m);
		if (y < 1900 || y > 2199)
			return true;
		ui->day = date_from_ymd(y, m, d);
		break;
	case ACT_FIRST: ui->day = mo->first; break;
	case ACT_LAST: ui->day = mo->first + mo->ndays - 1; break;
	case ACT_OPEN:
		ui_push(ui, SCR_DAY);
		return true;
	default:
		return false;
	}
	if (ui->day < mo->first || ui->day >= mo->first + mo->ndays)
		ui->reload = true;
	return true;
}

static void month_release(struct ui *ui)
{
	free(ui->priv[SCR_MONTH]);
	ui->priv[SCR_MONTH] = NULL;
}

static const enum ui_action actions[] = {
	ACT_UP, ACT_DOWN, ACT_LEFT, ACT_RIGHT, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST,
	ACT_OPEN, ACT_NEXT, ACT_PREV, ACT_TODAY, ACT_GOTO, ACT_DAY, ACT_WEEK, ACT_AGENDA,
	ACT_SEARCH, ACT_LIST_APPT, ACT_LIST_ORG, ACT_LIST_STAFF, ACT_BACK, ACT_REFRESH, ACT_HELP,
	ACT_MENU, ACT_QUIT, ACT_NONE
};
static const enum ui_action footer[] = {
	ACT_HELP, ACT_OPEN, ACT_NEXT, ACT_PREV, ACT_TODAY, ACT_WEEK, ACT_BACK, ACT_MENU, ACT_QUIT,
	ACT_NONE
};

const struct ui_screen ui_month_screen = {
	N_("Month"), actions, footer, month_load, month_draw, month_key, month_release,
};
