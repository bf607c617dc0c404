/* The report screen: the desk's counts for a month, a calendar year or
 * a fiscal year (April to March) as a table, by channel, organization
 * type, municipality, topic and status; n/p step the period, y
 * switches month, year and fiscal year.  The numbers and the table are
 * core/report.h's, the same as `madoguchi report`. */
#include "ui/ui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/report.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/text.h"

enum period { PER_MONTH, PER_YEAR, PER_FISCAL, PER_COUNT };

struct rep_state {
	bool init;
	enum period per;
	int y, m;		/* the month shown; the year of it for years */
	char **lines;
	size_t n;
	int top;
};

static struct rep_state *state(struct ui *ui)
{
	if (!ui->priv[SCR_REPORT])
		ui->priv[SCR_REPORT] = xcalloc(1, sizeof(struct rep_state));
	return ui->priv[SCR_REPORT];
}

static void range(const struct rep_state *st, int *from, int *to)
{
	switch (st->per) {
	case PER_MONTH:
		*from = date_from_ymd(st->y, st->m, 1);
		*to = date_from_ymd(st->y, st->m, date_days_in_month(st->y, st->m));
		break;
	case PER_YEAR:
		*from = date_from_ymd(st->y, 1, 1);
		*to = date_from_ymd(st->y, 12, 31);
		break;
	default: {
		int fy = st->m >= 4 ? st->y : st->y - 1;
		*from = date_from_ymd(fy, 4, 1);
		*to = date_from_ymd(fy + 1, 3, 31);
		break;
	}
	}
}

static void rep_load(struct ui *ui)
{
	struct rep_state *st = state(ui);
	struct report r;
	struct strbuf sb = STRBUF_INIT;
	struct err e = { 0 };
	int from, to, d;

	if (!st->init) {
		date_to_ymd(clock_today(&ui->app->clock), &st->y, &st->m, &d);
		st->init = true;
	}
	text_lines_free(st->lines);
	st->lines = NULL;
	st->n = 0;
	range(st, &from, &to);
	memset(&r, 0, sizeof r);
	if (report_collect(&ui->app->desk, from, to, &r, &e) < 0) {
		ui_status(ui, true, "%s", e.msg);
		report_release(&r);
		return;
	}
	report_table(&r, i18n_japanese(), &sb);
	report_release(&r);
	/* one table line a row; none is wider than the screen at 80 columns */
	st->n = text_wrap(strbuf_str(&sb), 200, &st->lines);
	strbuf_release(&sb);
	if (st->top > (int)st->n)
		st->top = 0;
}

static void rep_draw(struct ui *ui)
{
	struct rep_state *st = state(ui);
	char title[200];
	static const char *const per_name[PER_COUNT] = {
		N_("month"), N_("year"), N_("fiscal year")
	};

	if (st->per == PER_MONTH)
		snprintf(title, sizeof title, _("Report for %04d-%02d (n/p: another %s, y: year)"),
			 st->y, st->m, _(per_name[st->per]));
	else if (st->per == PER_YEAR)
		snprintf(title, sizeof title, _("Report for %04d (n/p: another %s, y: fiscal year)"),
			 st->y, _(per_name[st->per]));
	else
		snprintf(title, sizeof title,
			 _("Report for fiscal year %04d (n/p: another %s, y: month)"),
			 st->m >= 4 ? st->y : st->y - 1, _(per_name[st->per]));
	draw_text(stdscr, 1, 0, COLS, title, draw_attr(UC_TITLE), true);
	int h = LINES - 2 - 2;
	for (int i = 0; i < h && st->top + i < (int)st->n; i++) {
		const char *s = st->lines[st->top + i];
		bool head = st->top + i <= 1 || (s[0] && s[0] != ' ' && !strchr(s, '\t') &&
						 text_width(s) < 40);
		draw_text(stdscr, 2 + i, 0, COLS, s, head ? A_BOLD : A_NORMAL, true);
	}
}

static void step(struct rep_state *st, int dir)
{
	if (st->per == PER_MONTH) {
		st->m += dir;
		if (st->m < 1) {
			st->m = 12;
			st->y--;
		} else if (st->m > 12) {
			st->m = 1;
			st->y++;
		}
	} else {
		st->y += dir;
	}
	if (st->y < 2000)
		st->y = 2000;
	if (st->y > 2100)
		st->y = 2100;
}

static bool rep_key(struct ui *ui, enum ui_action act, int key)
{
	struct rep_state *st = state(ui);
	int h = LINES - 4;

	(void)key;
	switch (act) {
	case ACT_NEXT:
	case ACT_PREV:
	case ACT_RIGHT:
	case ACT_LEFT:
		step(st, act == ACT_NEXT || act == ACT_RIGHT ? 1 : -1);
		ui->reload = true;
		return true;
	case ACT_YEAR:
		st->per = (st->per + 1) % PER_COUNT;
		st->top = 0;
		ui->reload = true;
		return true;
	case ACT_DOWN:
		if (st->top + h < (int)st->n)
			st->top++;
		return true;
	case ACT_UP:
		if (st->top > 0)
			st->top--;
		return true;
	case ACT_PAGE_DOWN:
		/* never past the end: the last page shows the last line at
		 * the bottom */
		if (st->top + h < (int)st->n)
			st->top += h - 1;
		if (st->top + h > (int)st->n)
			st->top = (int)st->n > h ? (int)st->n - h : 0;
		return true;
	case ACT_PAGE_UP:
		st->top = st->top > h - 1 ? st->top - (h - 1) : 0;
		return true;
	case ACT_FIRST:
		st->top = 0;
		return true;
	default:
		return false;
	}
}

static void rep_release(struct ui *ui)
{
	struct rep_state *st = ui->priv[SCR_REPORT];

	if (!st)
		return;
	text_lines_free(st->lines);
	free(st);
	ui->priv[SCR_REPORT] = NULL;
}

static const enum ui_action rep_actions[] = {
	ACT_NEXT, ACT_PREV, ACT_YEAR, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST,
	ACT_BACK, ACT_LIST_INQ, ACT_PROGRAMS, ACT_DEADLINES, ACT_TODAY, ACT_REFRESH, ACT_HELP,
	ACT_MENU, ACT_QUIT, ACT_NONE
};
static const enum ui_action rep_footer[] = {
	ACT_NEXT, ACT_PREV, ACT_YEAR, ACT_BACK, ACT_NONE
};

const struct ui_screen ui_report_screen = {
	N_("Report"), rep_actions, rep_footer,
	rep_load, rep_draw, rep_key, rep_release,
};
