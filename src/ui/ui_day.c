/* Today, the start screen: one day as a timetable of desk slots (rows)
 * by staff (columns); booking from a free slot, edit, move, cancel,
 * done and no-show on a booking; closed days say why and stay
 * browsable; a side panel of follow-ups due and deadlines near. */
#include "ui/ui_internal.h"
#include "ui/ui_mail.h"
#include "export/mail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/deadline.h"
#include "core/desk.h"
#include "core/inquiry.h"
#include "db/db_appt.h"
#include "db/db_inquiry.h"
#include "db/db_org.h"
#include "db/db_program.h"
#include "ui/dialog.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/text.h"

#define MAX_TIMES 96
#define TIME_W 6	/* "10:00" and the separator */
#define SIDE_W 34	/* side panel on the right when the screen is wide */
#define WIDE_COLS 110
#define DETAIL_LINES 3	/* the booking under the cursor wraps to at most */

struct col {
	long long staff_id;	/* 0: not assigned */
	char *name;
};

struct block {
	long long staff_id;
	int start, minutes;
	char *title;
};

struct day {
	int day;		/* loaded */
	struct appt *v;
	size_t n, cap;
	struct col *cols;
	int ncols;
	struct block *blocks;
	size_t nblocks;
	int times[MAX_TIMES];
	int ntimes;
	int row, col, top;
	long long pick;		/* the booking of the cursor cell Tab picked,
				 * 0 the first; kept by id across reloads */
	long long col_staff;	/* staff of the cursor column, kept across days */
	struct desk_status ds;
	struct ui_rows side0;	/* the day's calendar events: title first (none: empty) */
	struct ui_rows side;	/* follow-ups: title first */
	struct ui_rows side2;	/* deadlines: title first */
	bool loaded;
};

static struct day *state(struct ui *ui)
{
	if (!ui->priv[SCR_DAY])
		ui->priv[SCR_DAY] = xcalloc(1, sizeof(struct day));
	return ui->priv[SCR_DAY];
}


static void day_clear(struct day *st)
{
	for (size_t i = 0; i < st->n; i++)
		appt_release(&st->v[i]);
	st->n = 0;
	for (int i = 0; i < st->ncols; i++)
		free(st->cols[i].name);
	free(st->cols);
	st->cols = NULL;
	st->ncols = 0;
	for (size_t i = 0; i < st->nblocks; i++)
		free(st->blocks[i].title);
	free(st->blocks);
	st->blocks = NULL;
	st->nblocks = 0;
	ui_rows_clear(&st->side0);
	ui_rows_clear(&st->side);
	ui_rows_clear(&st->side2);
}

static int add_appt(const struct appt *a, void *arg)
{
	struct day *st = arg;

	if (st->n == st->cap) {
		st->cap = st->cap ? st->cap * 2 : 16;
		st->v = xrealloc(st->v, st->cap * sizeof *st->v);
	}
	appt_copy(&st->v[st->n++], a);
	return 0;
}

static int find_col(const struct day *st, long long staff_id)
{
	for (int i = 0; i < st->ncols; i++)
		if (st->cols[i].staff_id == staff_id)
			return i;
	return -1;
}

static void add_col(struct day *st, long long staff_id, const char *name)
{
	if (find_col(st, staff_id) >= 0)
		return;
	st->cols = xrealloc(st->cols, (size_t)(st->ncols + 1) * sizeof *st->cols);
	st->cols[st->ncols].staff_id = staff_id;
	st->cols[st->ncols].name = xstrdup(name ? name : "?");
	st->ncols++;
}

static int add_staff(const struct staff *s, void *arg)
{
	add_col(arg, s->id, s->name);
	return 0;
}

static int add_block(const struct staff_block *b, void *arg)
{
	struct day *st = arg;

	st->blocks = xrealloc(st->blocks, (st->nblocks + 1) * sizeof *st->blocks);
	st->blocks[st->nblocks].staff_id = b->staff_id;
	st->blocks[st->nblocks].start = b->start_min;
	st->blocks[st->nblocks].minutes = b->minutes;
	st->blocks[st->nblocks].title = xstrdup(b->title ? b->title : "");
	st->nblocks++;
	return 0;
}

static void add_time(struct day *st, int t)
{
	int i;

	for (i = 0; i < st->ntimes; i++) {
		if (st->times[i] == t)
			return;
		if (st->times[i] > t)
			break;
	}
	if (st->ntimes >= MAX_TIMES)
		return;
	memmove(&st->times[i + 1], &st->times[i], (size_t)(st->ntimes - i) * sizeof(int));
	st->times[i] = t;
	st->ntimes++;
}

static int slot_len(const struct ui *ui)
{
	int s = ui->app->cfg.slot;
	return s >= 5 && s <= 240 ? s : 30;
}

/* The side panel: follow-ups due today (and overdue), deadlines within
 * seven days. */
struct side_fill {
	struct ui_rows *r;
	int n, today;
};

static int side_inq(const struct inquiry *q, void *arg)
{
	struct side_fill *f = arg;
	struct strbuf sb = STRBUF_INIT;
	char d[DATE_STRLEN];

	strbuf_addf(&sb, "%s #%lld %s %s", q->due_day ? date_format(q->due_day, d) + 5 : "",
		    q->id, q->org_name ? q->org_name : "",
		    q->topic ? inquiry_topic_label(q->topic, i18n_japanese()) : "");
	ui_rows_add(f->r, 0, q->due_day, q->due_day && q->due_day < f->today ? UC_WARN : UC_NORMAL,
		    strbuf_str(&sb));
	strbuf_release(&sb);
	f->n++;
	return 0;
}

/* Deadlines of every kind within seven days (core/deadline.h, as the
 * deadlines screen): follow-ups due by today are the first panel's. */
static int side_deadline(const struct deadline *dl, void *arg)
{
	static const char *const label[DL_KIND_COUNT] = {
		N_("deadline:"), N_("follow-up:"), N_("registration:"), N_("missing:")
	};
	struct side_fill *f = arg;
	char d[DATE_STRLEN];
	struct strbuf sb = STRBUF_INIT;

	if (dl->kind == DL_FOLLOWUP && dl->day <= f->today)
		return 0;
	strbuf_addf(&sb, "%s %s %s", date_format(dl->day, d) + 5, _(label[dl->kind]),
		    dl->title ? dl->title : "");
	if (dl->kind == DL_DOCUMENT && (dl->detail_shown || dl->detail))
		strbuf_addf(&sb, " (%s)", dl->detail_shown ? dl->detail_shown : dl->detail);
	ui_rows_add(f->r, 0, dl->day, dl->kind == DL_PROGRAM || dl->desk_days_left <= 1
					       ? UC_WARN : UC_NORMAL, strbuf_str(&sb));
	strbuf_release(&sb);
	f->n++;
	return 0;
}

static void side_load(struct ui *ui, struct day *st)
{
	int today = clock_today(&ui->app->clock);
	struct side_fill f = { &st->side, 0, today };
	struct inquiry_filter qf;
	struct err e = { 0 };
	char title[200];

	{	/* the day's calendar events, when it has any */
		struct ui_events ev = { 0 };
		if (ui_events_load(ui, ui->day, ui->day, &ev, &e) < 0)
			ui_rows_add(&st->side0, 0, 0, UC_WARN, e.msg);
		if (ev.n) {
			snprintf(title, sizeof title, _("Events: %d"), (int)ev.n);
			ui_rows_add(&st->side0, 0, 0, UC_TITLE, title);
		}
		for (size_t i = 0; i < ev.n; i++) {
			struct strbuf sb = STRBUF_INIT;
			ui_event_line(&sb, &ev.v[i], ui->day);
			ui_rows_add(&st->side0, 0, ui->day, UC_NORMAL, strbuf_str(&sb));
			strbuf_release(&sb);
		}
		ui_events_release(&ev);
	}
	ui_rows_add(&st->side, 0, 0, UC_TITLE, "");
	inquiry_filter_init(&qf);
	qf.due_by = today;
	qf.order = INQ_ORDER_DUE;
	qf.limit = 50;
	if (db_inquiry_each(ui->app->db, &qf, side_inq, &f, &e) < 0)
		ui_rows_add(&st->side, 0, 0, UC_WARN, e.msg);
	snprintf(title, sizeof title, _("Follow-ups due by today: %d"), f.n);
	free(st->side.v[0].text);
	st->side.v[0].text = xstrdup(title);

	f.r = &st->side2;
	f.n = 0;
	ui_rows_add(&st->side2, 0, 0, UC_TITLE, "");
	if (deadline_collect(&ui->app->desk, today, 7, side_deadline, &f, &e) < 0)
		ui_rows_add(&st->side2, 0, 0, UC_WARN, e.msg);
	snprintf(title, sizeof title, _("Deadlines within 7 days: %d"), f.n);
	free(st->side2.v[0].text);
	st->side2.v[0].text = xstrdup(title);
}

static void day_load(struct ui *ui)
{
	struct day *st = state(ui);
	struct appt_filter f;
	struct err e = { 0 };
	int open = ui->app->cfg.open_min, close = ui->app->cfg.close_min, slot = slot_len(ui);

	day_clear(st);
	st->day = ui->day;
	appt_filter_init(&f);
	f.from_day = f.to_day = ui->day;
	f.include_cancelled = ui->show_cancelled;
	if (db_appt_each(ui->app->db, &f, add_appt, st, &e) < 0)
		ui_status(ui, true, "%s", e.msg);
	if (db_staff_list(ui->app->db, true, add_staff, st, &e) < 0)
		ui_status(ui, true, "%s", e.msg);
	for (size_t i = 0; i < st->n; i++)
		add_col(st, st->v[i].staff_id, st->v[i].staff_id ? st->v[i].staff_name : _("unassigned"));
	if (st->ncols == 0)
		add_col(st, 0, _("unassigned"));
	db_block_each(ui->app->db, ui->day, ui->day, add_block, st, &e);
	desk_day_status(&ui->app->cfg, ui->app->db, ui->day, &st->ds);

	st->ntimes = 0;
	for (int t = open; t < close && st->ntimes < MAX_TIMES; t += slot)
		add_time(st, t);
	for (size_t i = 0; i < st->n; i++) {
		int s = st->v[i].start_min;
		if (s < open || s >= close)
			add_time(st, s - ((s - open) % slot + slot) % slot);
	}
	if (st->ntimes == 0)
		add_time(st, open);

	/* the cursor: the time asked for, else now on today, else the top */
	int want = ui->slot_min;
	if (want < 0 && !st->loaded && ui->day == clock_today(&ui->app->clock))
		want = clock_minute(&ui->app->clock);
	if (want >= 0) {
		st->row = 0;
		for (int i = 0; i < st->ntimes; i++)
			if (st->times[i] <= want)
				st->row = i;
	}
	if (st->row >= st->ntimes)
		st->row = st->ntimes - 1;
	int c = find_col(st, st->col_staff);
	if (c >= 0)
		st->col = c;
	if (st->col >= st->ncols)
		st->col = st->ncols - 1;
	st->col_staff = st->cols[st->col].staff_id;
	ui->slot_min = st->times[st->row];
	st->loaded = true;
	side_load(ui, st);
}

/* The minutes row r stands for. */
static int row_len(const struct ui *ui, const struct day *st, int r)
{
	int len = slot_len(ui);
	if (r + 1 < st->ntimes && st->times[r + 1] - st->times[r] < len)
		len = st->times[r + 1] - st->times[r];
	return len;
}

static bool covers(const struct appt *a, int t, int len)
{
	return a->start_min < t + len && a->start_min + a->minutes > t;
}

#define CELL_MAX 32

/* Whether a should come before b in a cell at time t: live before
 * cancelled, starting in this row before going on from an earlier one,
 * then by start and id. */
static bool cell_before(const struct appt *a, const struct appt *b, int t)
{
	bool ac = a->status == ST_CANCELLED, bc = b->status == ST_CANCELLED;
	bool as = a->start_min >= t, bs = b->start_min >= t;

	if (ac != bc)
		return !ac;
	if (as != bs)
		return as;
	if (a->start_min != b->start_min)
		return a->start_min < b->start_min;
	return a->id < b->id;
}

/* Every booking in column c at row r, in the order above; the count. */
static size_t cell_list(const struct ui *ui, const struct day *st, int r, int c,
			const struct appt **out)
{
	int t = st->times[r], len = row_len(ui, st, r);
	size_t n = 0;

	for (size_t i = 0; i < st->n && n < CELL_MAX; i++) {
		const struct appt *a = &st->v[i];
		if (a->staff_id != st->cols[c].staff_id || !covers(a, t, len))
			continue;
		size_t k = n++;
		while (k > 0 && cell_before(a, out[k - 1], t)) {
			out[k] = out[k - 1];
			k--;
		}
		out[k] = a;
	}
	return n;
}

/* The booking shown in column c at row r: the one picked with Tab in
 * the cursor cell, else the first; NULL for a free cell.  *n gets how
 * many the cell holds, *idx which one is shown. */
static const struct appt *cell_at(const struct ui *ui, const struct day *st, int r, int c,
				  size_t *n, size_t *idx)
{
	const struct appt *v[CELL_MAX];
	size_t k = 0, cnt = cell_list(ui, st, r, c, v);

	if (r == st->row && c == st->col && st->pick)
		for (size_t i = 0; i < cnt; i++)
			if (v[i]->id == st->pick)
				k = i;
	if (n)
		*n = cnt;
	if (idx)
		*idx = k;
	return cnt ? v[k] : NULL;
}

static const struct appt *cell(const struct ui *ui, const struct day *st, int r, int c)
{
	return cell_at(ui, st, r, c, NULL, NULL);
}

static const struct block *block_at(const struct ui *ui, const struct day *st, int r, int c)
{
	int t = st->times[r], len = row_len(ui, st, r);

	for (size_t i = 0; i < st->nblocks; i++) {
		const struct block *b = &st->blocks[i];
		if ((b->staff_id == 0 || b->staff_id == st->cols[c].staff_id) && b->start < t + len &&
		    b->start + b->minutes > t)
			return b;
	}
	return NULL;
}

/* What a booking shows on its k-th row (0 first); rows is how many rows
 * it covers. */
static void cell_text(struct strbuf *sb, const struct appt *a, int k, int rows, int t)
{
	char tm[6];
	struct strbuf tp = STRBUF_INIT;

	ui_topics(&tp, a->topics, "・");
	if (k == 0) {
		strbuf_addf(sb, "%s%s ", ui_status_mark(a->status), ui_channel_mark(a->channel));
		if (a->start_min != t)
			strbuf_addf(sb, "%s ", time_format(a->start_min, tm));
		strbuf_adds(sb, a->org_name ? a->org_name : "");
		if (rows == 1) {
			if (a->contact_name)
				strbuf_addf(sb, " %s", a->contact_name);
			if (tp.len)
				strbuf_addf(sb, " %s", strbuf_str(&tp));
		}
	} else {
		const char *parts[4];
		int np = 0;
		if (a->contact_name && *a->contact_name)
			parts[np++] = a->contact_name;
		if (tp.len)
			parts[np++] = strbuf_str(&tp);
		if (a->channel == CH_VISIT && a->room && *a->room)
			parts[np++] = a->room;
		if (a->note && *a->note)
			parts[np++] = a->note;
		strbuf_adds(sb, "  ");
		if (k - 1 >= np) {	/* nothing more to say: still show it goes on */
			strbuf_addf(sb, _("... until %s"), time_format(a->start_min + a->minutes, tm));
		} else {
			if (k == rows - 1 && k - 1 < np - 1) {	/* last row: the rest */
				for (int i = k - 1; i < np; i++)
					strbuf_addf(sb, "%s%s", i > k - 1 ? " " : "", parts[i]);
			} else {
				strbuf_adds(sb, parts[k - 1]);
			}
		}
	}
	strbuf_release(&tp);
}

/* Where the side panel goes: on the right on a wide screen, unless the
 * whole day and the whole panel fit one above the other (then the
 * panel is not cut to a narrow column while rows stay empty); rows
 * under the grid it takes (*side_bottom). */
static bool side_right(const struct day *st, int *side_bottom)
{
	int side_rows = (int)(st->side.n + st->side2.n);

	if (COLS < WIDE_COLS) {
		*side_bottom = 4;
		return false;
	}
	if (st->ntimes + 3 + 3 + DETAIL_LINES + side_rows <= LINES) {
		*side_bottom = side_rows;
		return false;
	}
	*side_bottom = 0;
	return true;
}

static int grid_rows_avail(int side_bottom)
{
	/* rows 3 .. LINES-4 hold the grid, the detail line is LINES-3 */
	return LINES - 3 - 3 - side_bottom;
}

static void draw_rows_plain(const struct ui_rows *r, int y, int n, int x, int w)
{
	for (int i = 0; i < n && i < (int)r->n; i++)
		draw_text(stdscr, y + i, x, w, r->v[i].text, draw_attr(r->v[i].color), true);
}

/* The sections in h rows: the day's events first (at most half), then
 * follow-ups and deadlines, each with its title and a fair share. */
static void draw_side(struct day *st, int y0, int y1, int x, int w)
{
	int h = y1 - y0, n0 = (int)st->side0.n, n1 = (int)st->side.n, n2 = (int)st->side2.n;

	if (h <= 0)
		return;
	if (n0 > h / 2 && n0 > h - n1 - n2)	/* at most half, unless the rest has room */
		n0 = h / 2 > h - n1 - n2 ? h / 2 : h - n1 - n2;
	draw_rows_plain(&st->side0, y0, n0, x, w);
	y0 += n0;
	h -= n0;
	if (n1 + n2 > h) {
		int half = h / 2;
		if (n2 < half)
			n1 = h - n2;
		else if (n1 < h - half)
			n2 = h - n1;
		else
			n1 = h - half, n2 = half;
	}
	draw_rows_plain(&st->side, y0, n1, x, w);
	draw_rows_plain(&st->side2, y0 + n1, n2, x, w);
}

/* The booking under the cursor in full (false on a free slot). */
static bool day_detail(struct ui *ui, struct day *st, struct strbuf *sb)
{
	size_t many = 0, idx = 0;
	const struct appt *a = cell_at(ui, st, st->row, st->col, &many, &idx);
	char d1[6], d2[6], tab[32];

	if (!a)
		return false;
	if (many > 1)
		strbuf_addf(sb, _("[%zu of %zu, %s: next] "), idx + 1, many,
			    ui_keys_text(ui, ACT_NEXT_HERE, tab, sizeof tab));
	strbuf_addf(sb, "%s %s-%s %s #%lld %s", ui_status_mark(a->status),
		    time_format(a->start_min, d1), time_format(a->start_min + a->minutes, d2),
		    ui_channel_mark(a->channel), a->id, a->org_name ? a->org_name : "");
	if (a->override_reason && *a->override_reason)
		strbuf_addf(sb, " [%s %s]", _("override:"), a->override_reason);
	ui_mail_mark(ui->app, a->id, sb);
	if (a->contact_name)
		strbuf_addf(sb, " / %s", a->contact_name);
	if (a->contact_phone)
		strbuf_addf(sb, " %s", a->contact_phone);
	if (a->staff_name)
		strbuf_addf(sb, " / %s", a->staff_name);
	if (a->channel == CH_VISIT && a->room)
		strbuf_addf(sb, " / %s", a->room);
	if (a->topics) {
		strbuf_adds(sb, " / ");
		ui_topics(sb, a->topics, "・");
	}
	if (a->note && *a->note)
		strbuf_addf(sb, " / %s", a->note);
	return true;
}

static void day_draw(struct ui *ui)
{
	struct day *st = state(ui);
	int side_bottom;
	bool wide = side_right(st, &side_bottom);
	int side_w = wide ? SIDE_W : 0;
	int gw = COLS - side_w;
	int avail = grid_rows_avail(side_bottom);
	if (!wide && st->ntimes > 0 && avail > st->ntimes)
		avail = st->ntimes;	/* the line under the grid right under it */
	int nc = st->ncols;
	int cw = (gw - TIME_W) / nc;
	char why[300], t[6], t2[6];
	int live = 0;

	if (cw < 4)
		cw = 4;
	for (size_t i = 0; i < st->n; i++)
		live += st->v[i].status != ST_CANCELLED;

	/* the booking under the cursor in full, on up to two lines: the
	 * grid gives up a row when it needs the second */
	struct strbuf detail = STRBUF_INIT;
	bool have_detail = st->ntimes && day_detail(ui, st, &detail);
	char **dlines = NULL;
	size_t ndl = have_detail ? text_wrap(strbuf_str(&detail), COLS, &dlines) : 0;
	if (ndl > DETAIL_LINES)
		ndl = DETAIL_LINES;
	if (ndl > 1 && avail > 2 + (int)ndl)
		avail -= (int)ndl - 1;

	/* row 1: the day's state */
	if (ui->moving) {
		/* what to do first: a long name is what gets cut */
		draw_textf(stdscr, 1, 0, COLS, draw_attr(UC_WARN), true,
			   _("Pick a slot: Enter drops it, Esc stops. Moving %s"), ui->move_desc);
	} else if (st->ds.kind != DESK_OPEN) {
		ui_closed_reason(&st->ds, why, sizeof why);
		draw_textf(stdscr, 1, 0, COLS, draw_attr(UC_CLOSED), true,
			   _("Closed: %s; %d booked (booking needs an override)"), why, live);
	} else {
		draw_textf(stdscr, 1, 0, COLS, A_NORMAL, true, _("Desk open %s-%s, %d booked"),
			   time_format(ui->app->cfg.open_min, t),
			   time_format(ui->app->cfg.close_min, t2), live);
	}

	/* row 2: staff */
	draw_text(stdscr, 2, 0, TIME_W - 1, _("Time"), draw_attr(UC_DIM), true);
	for (int c = 0; c < nc; c++) {
		int x = TIME_W - 1 + c * cw;
		mvaddch(2, x, ACS_VLINE);
		draw_text(stdscr, 2, x + 1, cw - 1, st->cols[c].name, draw_attr(UC_TITLE), true);
	}
	mvaddch(2, TIME_W - 1 + nc * cw, ACS_VLINE);

	/* the grid */
	if (st->row < st->top)
		st->top = st->row;
	if (st->row >= st->top + avail)
		st->top = st->row - avail + 1;
	if (st->top > 0 && st->ntimes - st->top < avail)
		st->top = st->ntimes > avail ? st->ntimes - avail : 0;
	for (int i = 0; i < avail && st->top + i < st->ntimes; i++) {
		int r = st->top + i, y = 3 + i;
		int tm = st->times[r];
		bool outside = tm < ui->app->cfg.open_min || tm >= ui->app->cfg.close_min;
		draw_text(stdscr, y, 0, TIME_W - 1, time_format(tm, t),
			  outside || st->ds.kind != DESK_OPEN ? draw_attr(UC_DIM) : A_NORMAL, true);
		for (int c = 0; c < nc; c++) {
			int x = TIME_W - 1 + c * cw;
			bool cur = r == st->row && c == st->col;
			size_t many, idx;
			const struct appt *a = cell_at(ui, st, r, c, &many, &idx);
			struct strbuf sb = STRBUF_INIT;
			attr_t at = A_NORMAL;

			mvaddch(y, x, ACS_VLINE);
			if (a) {
				int k = 0, rows = 0;
				for (int rr = 0; rr < st->ntimes; rr++)
					if (covers(a, st->times[rr], row_len(ui, st, rr))) {
						if (rr < r)
							k++;
						rows++;
					}
				/* a cell holding several says so: [2] first, [2/3]
				 * in the cursor cell; Tab picks the next */
				if (many > 1 && cur)
					strbuf_addf(&sb, "[%zu/%zu]", idx + 1, many);
				else if (many > 1)
					strbuf_addf(&sb, "[%zu]", many);
				cell_text(&sb, a, many > 1 ? 0 : k, many > 1 ? 1 : rows, tm);
				at = draw_attr(ui_status_color(a->status));
			} else {
				const struct block *b = block_at(ui, st, r, c);
				if (b) {
					strbuf_addf(&sb, "[%s]", b->title);
					at = draw_attr(UC_DIM);
				} else if (st->ds.kind != DESK_OPEN || outside) {
					strbuf_adds(&sb, "·");
					at = draw_attr(UC_DIM);
				}
			}
			if (cur)
				at = draw_attr(UC_SELECT);
			draw_text(stdscr, y, x + 1, cw - 1, strbuf_str(&sb), at, true);
			strbuf_release(&sb);
		}
		mvaddch(y, TIME_W - 1 + nc * cw, ACS_VLINE);
	}

	/* the detail of the booking under the cursor */
	int dy = 3 + avail, dtop = dy;
	if (have_detail) {
		for (size_t i = 0; i < ndl; i++)
			draw_text(stdscr, dy + (int)i, 0, COLS, dlines[i], A_BOLD, true);
		dy += (int)ndl - 1;
	} else if (st->ntimes) {
		draw_textf(stdscr, dy, 0, COLS, draw_attr(UC_DIM), true,
			   _("Free slot %s %s: b or Enter books it"), time_format(st->times[st->row], t),
			   st->cols[st->col].name);
	}
	text_lines_free(dlines);
	strbuf_release(&detail);

	if (wide) {
		int x = TIME_W - 1 + nc * cw + 2;
		draw_side(st, 2, dtop, x, COLS - x);
	} else {
		draw_side(st, dy + 1, LINES - 2, 0, COLS);
	}
}

static void try_drop(struct ui *ui, struct day *st, const char *override)
{
	struct err e = { 0 };
	long long id = ui->moving;

	ui->move_try_day = ui->day;
	ui->move_try_min = st->times[st->row];
	ui->move_try_staff = st->cols[st->col].staff_id;
	struct appt_req r = { 0 };
	struct appt_result res;
	char date[DATE_STRLEN], start[6], staff[32];
	r.id = id;
	r.date = date_format(ui->move_try_day, date);
	r.start = time_format(ui->move_try_min, start);
	if (ui->move_try_staff > 0) {
		snprintf(staff, sizeof staff, "#%lld", ui->move_try_staff);
		r.staff = staff;
	}
	if (override) {
		r.override = override;
		r.override_for = ui->move_refusal;
	}
	if (appt_request(&ui->app->desk, &r, &res, &e) < 0) {
		char keys[64];
		ui->move_refused = e.code == ERR_RULE;
		snprintf(ui->move_refusal, sizeof ui->move_refusal, "%s", e.refusal);
		ui_keys_text(ui, ACT_OVERRIDE, keys, sizeof keys);
		if (ui->move_refused)
			ui_status(ui, true, _("Refused: %s (%s: override with a reason)"), e.msg, keys);
		else
			ui_status(ui, true, "%s", e.msg);
		return;
	}
	ui->moving = 0;
	ui->move_refused = false;
	char letter[128];
	ui->dirty = true;
	ui_mail_offer(ui->app, id, res.changed ? MAIL_CHANGED : -1, letter, sizeof letter);
	if (letter[0])
		ui_status(ui, false, _("#%lld moved; %s"), id, letter);
	else
		ui_status(ui, false, _("#%lld moved"), id);
	ui->reload = true;
	ui->change_counter = db_change_counter(ui->app->db);
}

static void book_here(struct ui *ui, struct day *st)
{
	struct appt a;

	if (!ui_writable(ui))
		return;
	memset(&a, 0, sizeof a);
	a.day = ui->day;
	a.start_min = st->times[st->row];
	a.minutes = slot_len(ui);
	a.staff_id = st->cols[st->col].staff_id;
	a.channel = CH_PHONE;
	a.booked_via = VIA_PHONE;
	ui->dirty = true;
	if (ui_book_dialog(ui->app, &a))
		ui_status(ui, false, _("Booked #%lld"), a.id);
	appt_release(&a);
	ui->reload = true;
}

static bool day_key(struct ui *ui, enum ui_action act, int key)
{
	struct day *st = state(ui);
	const struct appt *a = cell(ui, st, st->row, st->col);
	long long id = a ? a->id : 0;
	int side_bottom;
	side_right(st, &side_bottom);
	int page = grid_rows_avail(side_bottom);

	(void)key;
	switch (act) {
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
	case ACT_FIRST:
	case ACT_LAST: {
		int r = st->row;
		if (act == ACT_UP)
			r--;
		else if (act == ACT_DOWN)
			r++;
		else if (act == ACT_PAGE_UP)
			r -= page;
		else if (act == ACT_PAGE_DOWN)
			r += page;
		else if (act == ACT_FIRST)
			r = 0;
		else
			r = st->ntimes - 1;
		if (r < 0)
			r = 0;
		if (r >= st->ntimes)
			r = st->ntimes - 1;
		st->row = r;
		st->pick = 0;
		ui->slot_min = st->times[r];
		return true;
	}
	case ACT_NEXT_HERE: {
		const struct appt *v[CELL_MAX];
		size_t idx = 0, many = 0;
		cell_at(ui, st, st->row, st->col, &many, &idx);
		if (many > 1 && cell_list(ui, st, st->row, st->col, v) == many)
			st->pick = v[(idx + 1) % many]->id;
		else
			ui_status(ui, false, "%s", _("This cell holds no other booking"));
		return true;
	}
	case ACT_LEFT:
	case ACT_RIGHT:
		st->col += act == ACT_LEFT ? -1 : 1;
		st->pick = 0;
		if (st->col < 0)
			st->col = 0;
		if (st->col >= st->ncols)
			st->col = st->ncols - 1;
		st->col_staff = st->cols[st->col].staff_id;
		return true;
	case ACT_NEXT:
	case ACT_PREV:
		ui->day += act == ACT_NEXT ? 1 : -1;
		st->pick = 0;
		ui->reload = true;
		return true;
	case ACT_OPEN:
		if (ui->moving) {
			try_drop(ui, st, NULL);
			return true;
		}
		if (id)
			return ui_appt_action(ui, ACT_EDIT, id);
		book_here(ui, st);
		return true;
	case ACT_OVERRIDE:
		if (ui->moving) {
			char reason[400] = "";
			ui->dirty = true;
			if (ui_prompt(ui->app, _("Override the desk rules"), _("Reason:"), reason,
				      sizeof reason) && *text_trim(reason))
				try_drop(ui, st, reason);
			else
				ui_status(ui, false, "%s", _("Not moved: an override needs a reason"));
			return true;
		}
		return false;
	case ACT_BACK:
		if (ui->moving) {
			ui->moving = 0;
			ui_status(ui, false, "%s", _("Move stopped; nothing changed"));
			return true;
		}
		return false;
	case ACT_BOOK:
		if (ui->moving)
			return true;
		if (id) {
			ui_status(ui, false, _("This slot holds #%lld; move to a free slot to book"), id);
			return true;
		}
		book_here(ui, st);
		return true;
	case ACT_MOVE:
	case ACT_EDIT:
	case ACT_CANCEL:
	case ACT_DONE:
	case ACT_NOSHOW:
	case ACT_REBOOK:
		if (ui->moving)
			return true;
		return ui_appt_action(ui, act, id);
	default:
		return false;
	}
}

static void day_release(struct ui *ui)
{
	struct day *st = ui->priv[SCR_DAY];

	day_clear(st);
	free(st->v);
	free(st->side0.v);
	free(st->side.v);
	free(st->side2.v);
	free(st);
	ui->priv[SCR_DAY] = NULL;
}

static const enum ui_action actions[] = {
	ACT_UP, ACT_DOWN, ACT_LEFT, ACT_RIGHT, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST,
	ACT_OPEN, ACT_NEXT_HERE, ACT_BOOK, ACT_EDIT, ACT_MOVE, ACT_OVERRIDE, ACT_CANCEL, ACT_DONE, ACT_NOSHOW, ACT_REBOOK,
	ACT_NEXT, ACT_PREV, ACT_TODAY, ACT_GOTO, ACT_WEEK, ACT_MONTH, ACT_AGENDA, ACT_SEARCH,
	ACT_LIST_APPT, ACT_LIST_ORG, ACT_LIST_STAFF, ACT_NEW_ORG, ACT_SHOW_CANCELLED, ACT_BACK,
	ACT_PRINT, ACT_EXPORT, ACT_IMPORT,
	ACT_REFRESH, ACT_HELP, ACT_MENU, ACT_QUIT, ACT_NONE
};
static const enum ui_action footer[] = {
	ACT_HELP, ACT_MENU, ACT_QUIT, ACT_BOOK, ACT_MOVE, ACT_CANCEL, ACT_NEXT, ACT_PREV, ACT_WEEK,
	ACT_MONTH, ACT_NONE
};

const struct ui_screen ui_day_screen = {
	N_("Day schedule"), actions, footer, day_load, day_draw, day_key, day_release,
};
