/* The desk's main loop: terminal setup and restore on every exit path,
 * the screen stack, header/status/footer, key dispatch, polling the
 * database for other terminals' changes, and the appointment actions
 * the screens share. */
#include "ui/ui.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "core/role.h"
#include "core/desk.h"
#include "db/db_appt.h"
#include "ui/dialog.h"
#include "ui/paste.h"
#include "ui/ui_internal.h"
#include "ui/ui_mail.h"
#include "export/mail.h"
#include "core/resolve.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/jdate.h"
#include "util/mem.h"
#include "util/text.h"

#define POLL_MS 500

/* Set by the signal handler, read by the loops: the one global the
 * signal path needs. */
static volatile sig_atomic_t quit_signal;

static void on_signal(int sig)
{
	quit_signal = sig;
}

bool ui_quit_requested(void)
{
	return quit_signal != 0;
}

static bool curses_up;

static void restore_terminal(void)
{
	if (curses_up && !isendwin())
		endwin();
	if (curses_up)
		paste_mode(false);
	curses_up = false;
}

static const struct ui_screen *const screens[SCR_COUNT] = {
	[SCR_DAY] = &ui_day_screen,
	[SCR_WEEK] = &ui_week_screen,
	[SCR_MONTH] = &ui_month_screen,
	[SCR_AGENDA] = &ui_agenda_screen,
	[SCR_LIST_APPT] = &ui_list_appt_screen,
	[SCR_LIST_ORG] = &ui_list_org_screen,
	[SCR_LIST_STAFF] = &ui_list_staff_screen,
	[SCR_ORG] = &ui_org_screen,
	[SCR_INQ_LIST] = &ui_inq_list_screen,
	[SCR_INQ] = &ui_inq_screen,
	[SCR_DEADLINES] = &ui_deadline_screen,
	[SCR_PROGRAMS] = &ui_programs_screen,
	[SCR_PROGRAM] = &ui_program_screen,
	[SCR_REPORT] = &ui_report_screen,
};

const struct ui_screen *ui_cur(const struct ui *ui)
{
	return screens[ui->screen];
}

void ui_status(struct ui *ui, bool warn, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->status, sizeof ui->status, fmt, ap);
	va_end(ap);
	ui->status_warn = warn;
	ui->dirty = true;
}

bool ui_writable(struct ui *ui)
{
	if (db_readonly(ui->app->db)) {
		ui_status(ui, true, "%s", _("The database is read-only: viewing only"));
		return false;
	}
	return true;
}

/* Whether a screen of kind s is on the stack at or below depth d. */
static bool on_stack(const struct ui *ui, enum ui_screen_id s, int d)
{
	for (int i = 0; i <= d && i < UI_STACK; i++)
		if (ui->stack[i].id == s)
			return true;
	return false;
}

/* Take the top frame off: its state goes with it when a screen of its
 * kind is still below (that one's state comes back), else it stays as
 * the kind's last state. */
static void drop_top(struct ui *ui)
{
	struct ui_frame *f = &ui->stack[ui->depth];

	if (ui->depth > 0 && on_stack(ui, f->id, ui->depth - 1) && ui->priv[f->id]) {
		screens[f->id]->release(ui);
		ui->priv[f->id] = NULL;
	}
	f->priv = NULL;
}

/* The frame at ui->depth becomes the screen shown. */
static void show_top(struct ui *ui)
{
	struct ui_frame *f = &ui->stack[ui->depth];

	ui->screen = f->id;
	if (f->priv)
		ui->priv[f->id] = f->priv;
	f->priv = NULL;
	ui->org_id = f->org_id;
	ui->staff_id = f->staff_id;
	ui->reload = true;
}

static void put_top(struct ui *ui, enum ui_screen_id s)
{
	struct ui_frame *f = &ui->stack[ui->depth];

	/* a second screen of a kind already below starts from nothing */
	if (ui->depth > 0 && on_stack(ui, s, ui->depth - 1))
		ui->priv[s] = NULL;
	f->id = s;
	f->priv = NULL;
	f->org_id = ui->org_id;
	f->staff_id = ui->staff_id;
	ui->screen = s;
	ui->reload = true;
}

void ui_push(struct ui *ui, enum ui_screen_id s)
{
	if (ui->depth >= UI_STACK - 1) {	/* full: the new one replaces the top */
		ui_switch(ui, s);
		return;
	}
	ui->stack[ui->depth].priv = ui->priv[ui->screen];
	ui->depth++;
	ui->stack[ui->depth].id = SCR_COUNT;
	put_top(ui, s);
}

void ui_switch(struct ui *ui, enum ui_screen_id s)
{
	drop_top(ui);
	put_top(ui, s);
}

void ui_back(struct ui *ui)
{
	if (ui->depth > 0) {
		drop_top(ui);
		ui->depth--;
		show_top(ui);
	}
}

/* At the end: every state, on the stack or kept by kind, released once. */
static void release_all(struct ui *ui)
{
	struct {
		enum ui_screen_id id;
		void *p;
	} all[UI_STACK + SCR_COUNT];
	int n = 0;

	for (int d = 0; d < ui->depth; d++)
		if (ui->stack[d].priv)
			all[n].id = ui->stack[d].id, all[n++].p = ui->stack[d].priv;
	for (int s = 0; s < SCR_COUNT; s++)
		if (ui->priv[s])
			all[n].id = s, all[n++].p = ui->priv[s];
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			if (all[j].p == all[i].p)
				all[j].p = NULL;	/* the same state twice */
	for (int i = 0; i < n; i++) {
		if (!all[i].p || !screens[all[i].id]->release)
			continue;
		ui->priv[all[i].id] = all[i].p;
		screens[all[i].id]->release(ui);
		ui->priv[all[i].id] = NULL;
	}
}

static const char *const wdays[7] = {
	N_("Sun"), N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat")
};

const char *ui_wday(int day)
{
	return _(wdays[date_wday(day)]);
}

void ui_closed_reason(const struct desk_status *ds, char *buf, size_t n)
{
	if (i18n_japanese() || !strcmp(ds->reason, ds->reason_en))
		snprintf(buf, n, "%s", ds->reason);
	else
		snprintf(buf, n, "%s (%s)", ds->reason_en, ds->reason);
}

/* A date as typed: core's reading of dates (words, +N), empty is today. */
static int parse_date(struct ui *ui, const char *s, int *day)
{
	struct err e;

	return resolve_date(&ui->app->desk, s, "date", true, day, &e);
}

int ui_ask_date(struct ui *ui, int *day)
{
	char buf[64] = "";

	date_format(ui->day, buf);
	ui->dirty = true;
	if (!ui_prompt(ui->app, _("Go to date"), _("Date (YYYY-MM-DD, today, +N):"), buf, sizeof buf))
		return -1;
	text_trim(buf);
	if (parse_date(ui, buf, day) < 0) {
		ui_status(ui, true, _("Not a date: %s"), buf);
		return -1;
	}
	return 0;
}

/* ---- the shared appointment actions ---- */

static void after_write(struct ui *ui)
{
	ui->reload = true;
	ui->change_counter = db_change_counter(ui->app->db);
}

bool ui_appt_action(struct ui *ui, enum ui_action act, long long id)
{
	struct err e = { 0 };
	char q[700], what[512];
	enum appt_status st;
	struct appt a;

	switch (act) {
	case ACT_EDIT:
	case ACT_CANCEL:
	case ACT_DONE:
	case ACT_NOSHOW:
	case ACT_REBOOK:
	case ACT_MOVE:
		break;
	default:
		return false;
	}
	if (!id) {
		ui_status(ui, false, "%s", _("No booking here"));
		return true;
	}
	if (!ui_writable(ui))
		return true;
	switch (act) {
	case ACT_EDIT:
		ui->dirty = true;
		if (ui_edit_dialog(ui->app, id))
			ui_status(ui, false, _("#%lld saved"), id);
		after_write(ui);
		return true;
	case ACT_MOVE:
		ui_move_start(ui, id);
		return true;
	case ACT_CANCEL:
		st = ST_CANCELLED;
		break;
	case ACT_DONE:
		st = ST_DONE;
		break;
	case ACT_REBOOK:
		st = ST_BOOKED;
		break;
	default:
		st = ST_NO_SHOW;
		break;
	}
	/* the question names the booking, so the clerk sees which one */
	if (db_appt_get(ui->app->db, id, &a, &e) < 0) {
		ui_status(ui, true, "%s", e.msg);
		return true;
	}
	appt_describe(&a, what, sizeof what);
	appt_release(&a);
	snprintf(q, sizeof q,
		 st == ST_CANCELLED ? _("Cancel booking #%lld, %s?")
		 : st == ST_DONE ? _("Mark booking #%lld, %s, done?")
		 : st == ST_BOOKED ? _("Set booking #%lld, %s, back to booked?")
		 : _("Mark booking #%lld, %s, a no-show?"), id, what);
	ui->dirty = true;
	if (!ui_confirm(ui->app, q)) {
		ui_status(ui, false, "%s", _("Nothing changed"));
		return true;
	}
	char letter[128] = "", done[160];
	if (appt_set_status(&ui->app->desk, id, st, &e) < 0) {
		ui_status(ui, true, "%s", e.msg);
	} else {
		snprintf(done, sizeof done,
			 st == ST_CANCELLED ? _("#%lld cancelled (B sets it back)")
			 : st == ST_DONE ? _("#%lld marked done")
			 : st == ST_BOOKED ? _("#%lld is booked again")
			 : _("#%lld marked no-show"), id);
		ui_mail_offer(ui->app, id, mail_kind_for_status(st), letter, sizeof letter);
		ui_status(ui, false, letter[0] ? "%s; %s" : "%s", done, letter);
	}
	after_write(ui);
	return true;
}

void ui_move_start(struct ui *ui, long long id)
{
	struct appt a;
	struct err e = { 0 };
	char t[6];

	if (!ui_writable(ui))
		return;
	if (db_appt_get(ui->app->db, id, &a, &e) < 0) {
		ui_status(ui, true, "%s", e.msg);
		return;
	}
	ui->moving = id;
	ui->move_refused = false;
	ui->move_from_day = a.day;
	snprintf(ui->move_desc, sizeof ui->move_desc, "#%lld %s %s", id, time_format(a.start_min, t),
		 a.org_name ? a.org_name : "");
	ui->day = a.day;
	ui->slot_min = a.start_min;
	appt_release(&a);
	if (ui->screen != SCR_DAY)
		ui_push(ui, SCR_DAY);
	ui->reload = true;
	ui_status(ui, false, _("Moving %s: pick a slot, Enter drops it, Esc stops"), ui->move_desc);
}

/* ---- header, footer, status ---- */

static void draw_header(struct ui *ui)
{
	char date[DATE_STRLEN], now[6];
	const struct ui_screen *s = ui_cur(ui);
	attr_t a = draw_attr(UC_HEADER);
	int w = COLS;
	char right[320];

	draw_blank(stdscr, 0, 0, w, a);
	/* who is signed in: the staff name linked to the account (on a
	 * shared desk, else the login); read once */
	if (!ui->who_read) {
		ui->who_read = true;
		struct strbuf sb = STRBUF_INIT;
		role_whoami(&ui->app->desk, true, &sb);
		size_t bytes;
		text_fit(strbuf_str(&sb), 20, &bytes);
		snprintf(ui->who, sizeof ui->who, "%.*s", (int)bytes, strbuf_str(&sb));
		strbuf_release(&sb);
	}
	ui->shown_minute = clock_minute(&ui->app->clock);
	/* Japanese: 2026年11月24日(火); otherwise 2026-11-24 (Tue). */
	char when[JDATE_STRLEN], left[256];
	if (i18n_japanese())
		jdate_long(ui->day, when, sizeof when);
	else
		snprintf(when, sizeof when, "%s (%s)", date_format(ui->day, date), ui_wday(ui->day));
	snprintf(left, sizeof left, " %s  %s  %s%s", _("Desk"), when, _(s->title),
		 db_readonly(ui->app->db) ? _("  [read-only]") : "");
	/* the title first, then who is signed in, the clock, the menu and
	 * help hints (the footer has those too) as room allows */
	time_format(ui->shown_minute, now);
	for (int k = 0; k < 3; k++) {
		const char *gap = ui->who[0] ? "  " : "";
		if (k == 0)
			snprintf(right, sizeof right, "%s%s%s %s  %s F9  %s F1 ", ui->who, gap, _("now"), now,
				 _("Menu"), _("Help"));
		else if (k == 1)
			snprintf(right, sizeof right, "%s%s%s %s ", ui->who, gap, _("now"), now);
		else
			snprintf(right, sizeof right, "%s %s ", _("now"), now);
		if (text_width(left) + text_width(right) + 1 <= w)
			break;
	}
	int rw = text_width(right);
	draw_text(stdscr, 0, 0, w - rw - 1, left, a, false);
	draw_text(stdscr, 0, w - rw, rw, right, a, false);
}

static void draw_footer(struct ui *ui)
{
	const struct ui_screen *s = ui_cur(ui);
	attr_t a = draw_attr(UC_FOOTER);
	struct strbuf sb = STRBUF_INIT;
	char keys[64];
	int w = COLS;

	static const enum ui_action always[] = { ACT_HELP, ACT_MENU, ACT_QUIT };
	enum ui_action list[40];
	int n = 0;

	for (int i = 0; i < 3; i++)
		list[n++] = always[i];
	for (const enum ui_action *p = s->footer; *p && n < 39; p++)
		if (*p != ACT_HELP && *p != ACT_MENU && *p != ACT_QUIT)
			list[n++] = *p;
	list[n] = ACT_NONE;
	draw_blank(stdscr, LINES - 1, 0, w, a);
	for (const enum ui_action *p = list; *p; p++) {
		if (ui->moving && (*p == ACT_BOOK || *p == ACT_MOVE))
			continue;
		if (*p == ACT_BACK && ui->depth > 0)	/* q says Back already */
			continue;
		ui_keys_text(ui, *p, keys, sizeof keys);
		char *sp = strchr(keys, ' ');	/* the first key only */
		if (sp)
			*sp = '\0';
		if (!*keys)
			continue;
		strbuf_addf(&sb, "%s%s %s", sb.len ? " " : "", keys,
			    *p == ACT_QUIT && ui->depth > 0 ? ui_action_label(ACT_BACK)
							    : ui_action_label(*p));
	}
	if (ui->moving) {
		ui_keys_text(ui, ACT_OVERRIDE, keys, sizeof keys);
		strbuf_addf(&sb, " %s %s", keys, ui_action_label(ACT_OVERRIDE));
	}
	draw_text(stdscr, LINES - 1, 0, w, strbuf_str(&sb), a, true);
	strbuf_release(&sb);
}

#define STATUS_LINES 4	/* a longer message opens in a window */

/* The status line.  A message wider than the screen is never cut: it
 * wraps upwards over the screen (the next key clears it), and one that
 * needs more than STATUS_LINES lines opens in a message window. */
static void draw_status(struct ui *ui)
{
	int y = LINES - 2;
	attr_t at = ui->status_warn ? draw_attr(UC_WARN) : A_NORMAL;
	char **lines;
	size_t n;

	draw_blank(stdscr, y, 0, COLS, A_NORMAL);
	if (!ui->status[0])
		return;
	if (text_width(ui->status) <= COLS) {
		draw_text(stdscr, y, 0, COLS, ui->status, at, false);
		return;
	}
	n = text_wrap(ui->status, COLS, &lines);
	if (n > STATUS_LINES || (int)n > LINES - 3) {
		text_lines_free(lines);
		ui->status_long = true;	/* draw_all opens the window */
		draw_text(stdscr, y, 0, COLS, _("The message is long: it opens in a window"), at,
			  false);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		int row = y - (int)(n - 1 - i);
		draw_blank(stdscr, row, 0, COLS, at);
		draw_text(stdscr, row, 0, COLS, lines[i], at, false);
	}
	text_lines_free(lines);
}

static bool too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS;
}

static void draw_all(struct ui *ui)
{
	erase();
	if (too_small()) {
		char msg[200];
		snprintf(msg, sizeof msg, _("The terminal is too small: %dx%d; the desk needs %dx%d."),
			 COLS, LINES, UI_MIN_COLS, UI_MIN_ROWS);
		draw_text(stdscr, 0, 0, COLS, msg, draw_attr(UC_WARN), false);
		draw_text(stdscr, 1, 0, COLS, _("Enlarge the window, or press q to quit."), A_NORMAL,
			  false);
		refresh();
		return;
	}
	draw_header(ui);
	ui_cur(ui)->draw(ui);
	draw_status(ui);
	draw_footer(ui);
	refresh();
	if (ui->status_long) {
		ui->status_long = false;
		ui_message(ui->app, _("Message"), ui->status);
		ui->status[0] = '\0';
		draw_all(ui);	/* the screen under the window, at once */
	}
}

/* ---- dispatch ---- */

static void go_screen(struct ui *ui, enum ui_screen_id s)
{
	if (ui->screen == s)
		return;
	if (s == SCR_DAY && ui->depth > 0 && ui->stack[0].id == SCR_DAY) {
		while (ui->depth > 0)
			ui_back(ui);
		return;
	}
	ui_push(ui, s);
}

static void global_action(struct ui *ui, enum ui_action act)
{
	int day;

	switch (act) {
	case ACT_QUIT:
	case ACT_EXIT:
		ui->quit = true;
		break;
	case ACT_HELP:
		ui_help_run(ui);
		ui->dirty = true;
		break;
	case ACT_MENU: {
		enum ui_action a = ui_menu_run(ui);
		ui->dirty = true;
		if (a != ACT_NONE && a != ACT_MENU)
			ui_dispatch(ui, a, 0);
		break;
	}
	case ACT_REFRESH:
		ui->reload = true;
		clearok(curscr, TRUE);
		break;
	case ACT_TODAY:
		ui->day = clock_today(&ui->app->clock);
		ui->slot_min = -1;
		go_screen(ui, SCR_DAY);
		ui->reload = true;
		break;
	case ACT_GOTO:
		if (ui_ask_date(ui, &day) == 0) {
			ui->day = day;
			ui->reload = true;
		}
		break;
	case ACT_DAY:
		go_screen(ui, SCR_DAY);
		break;
	case ACT_WEEK:
		go_screen(ui, SCR_WEEK);
		break;
	case ACT_MONTH:
		go_screen(ui, SCR_MONTH);
		break;
	case ACT_AGENDA:
		go_screen(ui, SCR_AGENDA);
		break;
	case ACT_LIST_APPT:
		ui->staff_id = 0;
		go_screen(ui, SCR_LIST_APPT);
		break;
	case ACT_LIST_ORG:
		go_screen(ui, SCR_LIST_ORG);
		break;
	case ACT_LIST_STAFF:
		go_screen(ui, SCR_LIST_STAFF);
		break;
	case ACT_LIST_INQ:
		go_screen(ui, SCR_INQ_LIST);
		break;
	case ACT_DEADLINES:
		go_screen(ui, SCR_DEADLINES);
		break;
	case ACT_PROGRAMS:
		go_screen(ui, SCR_PROGRAMS);
		break;
	case ACT_REPORT:
		go_screen(ui, SCR_REPORT);
		break;
	case ACT_QUICKLOG:
		ui_quicklog(ui, 0);
		break;
	case ACT_EXPORT:
		ui_export_dialog(ui);
		break;
	case ACT_IMPORT:
		ui_import_dialog(ui);
		break;
	case ACT_PRINT:
		ui_print_dialog(ui);
		break;
	case ACT_SEARCH: {
		char buf[sizeof ui->search];
		snprintf(buf, sizeof buf, "%s", ui->search);
		ui->dirty = true;
		if (ui_prompt(ui->app, _("Search appointments"),
			      _("Organization, reading, contact or note:"), buf, sizeof buf)) {
			snprintf(ui->search, sizeof ui->search, "%s", text_trim(buf));
			ui->staff_id = 0;
			go_screen(ui, SCR_LIST_APPT);
			ui->reload = true;
		}
		break;
	}
	case ACT_NEW_ORG:
		if (!ui_writable(ui))
			break;
		ui->dirty = true;
		if (ui_org_dialog(ui->app, 0))
			ui_status(ui, false, "%s", _("Organization saved"));
		after_write(ui);
		break;
	case ACT_SHOW_CANCELLED:
		ui->show_cancelled = !ui->show_cancelled;
		ui_status(ui, false, "%s", ui->show_cancelled ? _("Showing cancelled bookings")
							      : _("Hiding cancelled bookings"));
		ui->reload = true;
		break;
	case ACT_BACK:
		if (ui->depth > 0)
			ui_back(ui);
		break;
	case ACT_NONE:
		break;
	default:
		ui_status(ui, false, "%s", _("That key does nothing here; F1 lists the keys"));
		break;
	}
}

void ui_dispatch(struct ui *ui, enum ui_action act, int key)
{
	/* q goes back one screen, as Esc does (and ends a move); only on
	 * the first screen, the day, does it quit.  Forms ask themselves
	 * before anything typed is lost, so nothing is pending here. */
	if (act == ACT_QUIT && (ui->depth > 0 || ui->moving))
		act = ACT_BACK;
	if (ui_cur(ui)->key(ui, act, key))
		return;
	global_action(ui, act);
}

/* ---- the loop ---- */

static void die_hook(void)
{
	restore_terminal();
}

static void install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: a blocked read returns */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);	/* leave the alternate screen too */
}

static void load(struct ui *ui)
{
	ui->reload = false;
	ui->dirty = true;
	ui_cur(ui)->load(ui);
}

int ui_run(struct app *app)
{
	struct ui *ui;
	int rc = 0;

	const char *term = getenv("TERM");

	/* The desk reads keys from a terminal: with input from a file or
	 * a pipe it would spin on end-of-file; without TERM initscr()
	 * exits 1 (our "refused by a rule").  Say why instead, before
	 * anything is opened or created. */
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "madoguchi: %s\n",
			_("the full-screen desk needs a terminal for its input and output; give a command for scripts (see madoguchi --help)"));
		return 2;
	}
	if (!term || !*term) {
		fprintf(stderr, "madoguchi: %s\n",
			_("TERM is not set, so the terminal is unknown; set it (for example TERM=xterm-256color)"));
		return 2;
	}
	if (!ui_term_known(term)) {
		fprintf(stderr, "madoguchi: %s (TERM=%s)\n", _("cannot start the terminal"), term);
		return 2;
	}
	/* a damaged schema is refused before the screen starts; the day
	 * view reads the schema next anyway */
	if (app_open_db(app, DB_CREATE) < 0 || db_ready(app->db, &app->err) < 0) {
		fprintf(stderr, "madoguchi: %s\n", app->err.msg);
		return app->err.code ? (int)app->err.code : 3;
	}
	ui = xcalloc(1, sizeof *ui);
	ui->app = app;
	ui->day = clock_today(&app->clock);
	ui->slot_min = -1;
	ui->screen = SCR_DAY;
	ui->stack[0].id = SCR_DAY;
	ui_keys_init(ui);

	mem_die_hook = die_hook;
	install_signals();
	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	/* newterm(), unlike initscr(), returns instead of exiting on an
	 * unknown terminal */
	if (!newterm(NULL, stdout, stdin)) {
		fprintf(stderr, "madoguchi: %s (TERM=%s)\n", _("cannot start the terminal"), term);
		mem_die_hook = NULL;
		free(ui);
		return 2;
	}
	curses_up = true;
	/* a paste arrives marked, so that it is text, never keys */
	paste_mode(true);
	set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	draw_init_colors();
	timeout(POLL_MS);

	ui->change_counter = db_change_counter(app->db);
	ui_dialog_start_hook(app);
	if (db_readonly(app->db))
		ui_status(ui, true, "%s", _("The database is read-only: viewing only"));
	ui->reload = true;

	while (!ui->quit && !quit_signal) {
		if (ui->reload)
			load(ui);
		if (ui->dirty) {
			ui->dirty = false;
			draw_all(ui);
		}
		int key = ui_read_key();
		if (quit_signal)
			break;
		if (key == 0) {
			long long c = db_change_counter(app->db);
			if (c != ui->change_counter) {
				ui->change_counter = c;
				ui->reload = true;
			}
			/* the clock in the header follows the minute */
			ui->dirty = ui->dirty || ui->reload ||
				    clock_minute(&app->clock) != ui->shown_minute;
			continue;
		}
		if (key == (UI_KEYCODE | KEY_RESIZE)) {
			ui->dirty = true;
			continue;
		}
		ui->status[0] = '\0';
		ui->dirty = true;
		if (key == (UI_KEYCODE | PASTE_KEY)) {
			ui_status(ui, true, "%s",
				  _("A paste goes into a text field only: nothing was done"));
			continue;
		}
		enum ui_action act = ui_keys_lookup(ui, key);
		if (too_small()) {
			if (act == ACT_QUIT || act == ACT_EXIT)
				ui->quit = true;
			continue;
		}
		ui_dispatch(ui, act, key);
	}

	restore_terminal();
	mem_die_hook = NULL;
	release_all(ui);
	free(ui);
	return rc;
}
