/* The deadlines screen: every coming deadline of the desk (program
 * application deadlines, follow-ups, event registrations, documents an
 * application still lacks) in date order, with the days left counted
 * in calendar days and in desk days, overdue ones marked.  The list is
 * core/deadline.h's; Enter opens the inquiry or program behind a row. */
#include "ui/ui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/deadline.h"
#include "db/db_program.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/text.h"

#define WITHIN_DAYS 92	/* three months ahead */

#define DETAIL_LINES 2	/* the row under the cursor in full, under the list */

struct dl_state {
	struct ui_rows rows;
	struct ui_rows full;	/* per row: what and who, uncut */
	int n;
};

static struct dl_state *state(struct ui *ui)
{
	if (!ui->priv[SCR_DEADLINES])
		ui->priv[SCR_DEADLINES] = xcalloc(1, sizeof(struct dl_state));
	return ui->priv[SCR_DEADLINES];
}

static const char *kind_label(enum deadline_kind k)
{
	static const char *const label[DL_KIND_COUNT] = {
		N_("application"), N_("follow-up"), N_("registration"), N_("document")
	};
	return _(label[k]);
}

struct fill {
	struct ui_rows *r, *full;
	int n;
};

static int add_row(const struct deadline *dl, void *arg)
{
	struct fill *f = arg;
	struct strbuf sb = STRBUF_INIT;
	char d[DATE_STRLEN], left[32], desk[32];

	snprintf(left, sizeof left, "%+d", dl->days_left);
	snprintf(desk, sizeof desk, "%+d", dl->desk_days_left);
	strbuf_addf(&sb, "%s %s ", dl->overdue ? "!" : " ", date_format(dl->day, d));
	text_pad(&sb, ui_wday(dl->day), 3, false, false);
	strbuf_adds(&sb, " ");
	text_pad(&sb, left, 5, false, true);
	strbuf_adds(&sb, " ");
	text_pad(&sb, desk, 5, false, true);
	strbuf_adds(&sb, "  ");
	text_pad(&sb, kind_label(dl->kind), 12, true, false);
	strbuf_adds(&sb, " ");
	int rest = COLS - 44;
	int tw = rest > 40 ? rest / 2 : rest - 12;
	text_pad(&sb, dl->title ? dl->title : "", tw, true, false);
	strbuf_adds(&sb, " ");
	const char *detail = dl->detail_shown ? dl->detail_shown : dl->detail;
	text_pad(&sb, detail ? detail : "", rest - tw - 1, true, false);
	struct strbuf whole = STRBUF_INIT;
	strbuf_addf(&whole, "%s %s: %s%s%s", date_format(dl->day, d), kind_label(dl->kind),
		    dl->title ? dl->title : "", detail && *detail ? " / " : "", detail ? detail : "");
	ui_rows_add(f->full, 0, 0, UC_NORMAL, strbuf_str(&whole));
	strbuf_release(&whole);
	/* the row's id opens: the inquiry of a follow-up, else the program */
	long long id = dl->kind == DL_FOLLOWUP ? dl->id : dl->program_id;
	ui_rows_add(f->r, id ? id : -1, dl->kind,
		    dl->overdue ? UC_WARN : dl->days_left <= 7 ? UC_TITLE : UC_NORMAL,
		    strbuf_str(&sb));
	strbuf_release(&sb);
	f->n++;
	return 0;
}

static void dl_load(struct ui *ui)
{
	struct dl_state *st = state(ui);
	struct fill f = { &st->rows, &st->full, 0 };
	struct err e = { 0 };
	int cur = st->rows.cur;

	ui_rows_clear(&st->rows);
	ui_rows_clear(&st->full);
	if (deadline_collect(&ui->app->desk, clock_today(&ui->app->clock), WITHIN_DAYS, add_row, &f,
			     &e) < 0)
		ui_status(ui, true, "%s", e.msg);
	st->n = f.n;
	st->rows.cur = cur;
}

static void dl_draw(struct ui *ui)
{
	struct dl_state *st = state(ui);
	char title[200];

	snprintf(title, sizeof title, _("Deadlines of the next %d days, and overdue follow-ups: %d"),
		 WITHIN_DAYS, st->n);
	draw_text(stdscr, 1, 0, COLS, title, draw_attr(UC_TITLE), true);
	draw_text(stdscr, 2, 0, COLS,
		  _("  date           days desk  kind         what / who"),
		  draw_attr(UC_DIM), true);
	if (!st->rows.n)
		draw_text(stdscr, 3, 2, COLS - 2, _("No deadlines ahead."), A_NORMAL, false);
	ui_rows_draw(&st->rows, 3, LINES - 2 - DETAIL_LINES);
	/* the row under the cursor, uncut: what is missing, for whom */
	if (st->rows.n && st->rows.cur >= 0 && (size_t)st->rows.cur < st->full.n) {
		char **lines;
		size_t n = text_wrap(st->full.v[st->rows.cur].text, COLS - 1, &lines);
		for (size_t i = 0; i < n && i < DETAIL_LINES; i++)
			draw_text(stdscr, LINES - 2 - DETAIL_LINES + (int)i, 0, COLS, lines[i], A_BOLD,
				  true);
		text_lines_free(lines);
	}
}

static bool dl_key(struct ui *ui, enum ui_action act, int key)
{
	struct dl_state *st = state(ui);

	(void)key;
	if (ui_rows_key(&st->rows, act, LINES - 5 - DETAIL_LINES))
		return true;
	if (act == ACT_OPEN) {
		long long id = ui_rows_id(&st->rows);
		if (id <= 0)
			return true;
		if (st->rows.v[st->rows.cur].day == DL_FOLLOWUP)
			ui_inquiry_open(ui, id);
		else
			ui_program_open(ui, id);
		return true;
	}
	return false;
}

static void dl_release(struct ui *ui)
{
	struct dl_state *st = ui->priv[SCR_DEADLINES];

	if (!st)
		return;
	ui_rows_clear(&st->rows);
	free(st->rows.v);
	ui_rows_clear(&st->full);
	free(st->full.v);
	free(st);
	ui->priv[SCR_DEADLINES] = NULL;
}

static const enum ui_action dl_actions[] = {
	ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST, ACT_OPEN, ACT_BACK,
	ACT_LIST_INQ, ACT_PROGRAMS, ACT_QUICKLOG, ACT_TODAY, ACT_REFRESH, ACT_HELP, ACT_MENU,
	ACT_QUIT, ACT_NONE
};
static const enum ui_action dl_footer[] = {
	ACT_OPEN, ACT_LIST_INQ, ACT_PROGRAMS, ACT_BACK, ACT_NONE
};

const struct ui_screen ui_deadline_screen = {
	N_("Deadlines"), dl_actions, dl_footer,
	dl_load, dl_draw, dl_key, dl_release,
};
