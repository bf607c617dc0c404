#ifndef MADO_UI_INTERNAL_H
#define MADO_UI_INTERNAL_H
/* The screen framework of the desk, shared by the src/ui/ui_*.c files
 * only: the ui context (app, current screen, status line, key map),
 * the screen vtable (draw/key pairs as ncdu's browse_draw/browse_key),
 * the actions keys map to, and helpers every screen uses.  Screens read
 * through core/ and db/ and draw only through ui/draw.h. */

#include <curses.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include "app.h"
#include "core/desk.h"
#include "ui/draw.h"
#include "util/mem.h"

#define UI_MIN_COLS 80
#define UI_MIN_ROWS 24

/* Every action a key can trigger: ACT_<ID> for each entry of the one
 * action list in ui_actions.h. */
#include "ui/ui_actions.h"
#define UI_ACT_ENUM_(id, name, keys, label, help, menu, where) ACT_##id,
enum ui_action {
	ACT_NONE = 0,
	UI_ACTIONS(UI_ACT_ENUM_)
	ACT_COUNT
};

/* Keys as ints: characters are their code point, curses key codes
 * (KEY_UP, F1...) carry UI_KEYCODE. */
#define UI_KEYCODE 0x40000000
#define UI_KEY_ENTER '\n'
#define UI_KEY_ESC 27

enum ui_screen_id {
	SCR_DAY, SCR_WEEK, SCR_MONTH, SCR_AGENDA,
	SCR_LIST_APPT, SCR_LIST_ORG, SCR_LIST_STAFF, SCR_ORG,
	SCR_INQ_LIST, SCR_INQ, SCR_DEADLINES, SCR_PROGRAMS, SCR_PROGRAM, SCR_REPORT,
	SCR_COUNT
};

struct ui;

struct ui_screen {
	const char *title;		/* N_() */
	const enum ui_action *actions;	/* what works here (help), ACT_NONE ends */
	const enum ui_action *footer;	/* the hints in the footer, ACT_NONE ends */
	void (*load)(struct ui *ui);	/* (re)read the data shown */
	void (*draw)(struct ui *ui);	/* draw rows 1 .. LINES-3 */
	bool (*key)(struct ui *ui, enum ui_action act, int key); /* true: handled */
	void (*release)(struct ui *ui);
};

#define UI_MAX_KEYS 6
#define UI_STACK 16

/* One screen on the stack: which, and its own state while another
 * screen is on top (tig's views keep theirs), so going back restores
 * what was there, list position included. */
struct ui_frame {
	enum ui_screen_id id;
	void *priv;			/* saved ui->priv[id] */
	long long org_id, staff_id;	/* what it was opened for */
};

struct ui {
	struct app *app;
	char who[128];			/* who is signed in (header), set once */
	bool who_read;
	enum ui_screen_id screen;
	struct ui_frame stack[UI_STACK];	/* q and Esc go back */
	int depth;
	/* The state of the screen on top, by screen; a screen's functions
	 * find theirs here.  When the same kind of screen is opened again
	 * above itself (inquiry #6, deadlines, inquiry #2) the new one
	 * starts from nothing and the one below keeps its state in its
	 * frame.  A kind not on the stack keeps its last state here. */
	void *priv[SCR_COUNT];

	int day;			/* the date the date screens show */
	int slot_min;			/* cursor time in day/week views, -1 none */
	long long staff_id;		/* filter of the appointment list, 0 all */
	long long org_id;		/* organization shown by SCR_ORG */
	char search[200];		/* filter of the lists */
	bool show_cancelled;

	long long moving;		/* appointment being moved, 0 none */
	char move_desc[200];
	int move_from_day;		/* the target tried last, for override */
	int move_try_day, move_try_min;
	long long move_try_staff;
	bool move_refused;
	char move_refusal[256];	/* the refusal keys an override answers */

	char status[1024];
	bool status_warn;
	bool status_long;		/* too long for the status lines */
	bool dirty;			/* redraw everything */
	bool reload;			/* reread data, then redraw */
	bool quit;
	long long change_counter;
	int shown_minute;		/* the header clock as drawn */

	int keys[ACT_COUNT][UI_MAX_KEYS];	/* 0 ends */
	int nkeys[ACT_COUNT];
	/* the key map, built once: keys the config set first */
	struct ui_keymap {
		int key;
		enum ui_action act;
	} map[ACT_COUNT * UI_MAX_KEYS];
	int nmap;
};

/* ui.c */
void ui_status(struct ui *ui, bool warn, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* False (and says so in the status line) when the database is read-only. */
bool ui_writable(struct ui *ui);
void ui_push(struct ui *ui, enum ui_screen_id s);
void ui_switch(struct ui *ui, enum ui_screen_id s);	/* replace the top */
void ui_back(struct ui *ui);
/* Run an action as if its key had been pressed (menu). */
void ui_dispatch(struct ui *ui, enum ui_action act, int key);
const struct ui_screen *ui_cur(const struct ui *ui);
/* The appointment actions shared by every screen listing bookings:
 * edit, cancel, done, no-show.  Returns true when act was one. */
bool ui_appt_action(struct ui *ui, enum ui_action act, long long id);
/* Start moving appointment id: go to its day in the day view. */
void ui_move_start(struct ui *ui, long long id);
/* "Tue" or its translation. */
const char *ui_wday(int day);
/* Ask for a date (g); 0 and *day set, -1 cancelled or bad. */
int ui_ask_date(struct ui *ui, int *day);
/* The closed-day reason for people: Japanese, with the English name
 * in an English interface. */
void ui_closed_reason(const struct desk_status *ds, char *buf, size_t n);
bool ui_quit_requested(void);

/* ui_keys.c */
void ui_keys_init(struct ui *ui);	/* defaults, then key.<action> from the config */
enum ui_action ui_keys_lookup(const struct ui *ui, int key);
const char *ui_action_name(enum ui_action a);
const char *ui_action_label(enum ui_action a);	/* short, translated */
const char *ui_action_help(enum ui_action a);	/* one line, translated */
enum ui_menu_id ui_action_menu(enum ui_action a);
enum ui_action_where ui_action_where(enum ui_action a);
/* The keys of action a as the config sets them (key.<name>), else its
 * defaults; how many went into keys (at most max).  Forms use it. */
int ui_keys_of(const struct config *cfg, enum ui_action a, int *keys, int max);
/* The same as text ("F2 C-s"). */
char *ui_keys_of_text(const struct config *cfg, enum ui_action a, char *buf, size_t n);
/* The keys of an action as text ("n ]"), into buf. */
char *ui_keys_text(const struct ui *ui, enum ui_action a, char *buf, size_t n);
/* Parse one key name ("q", "Enter", "F9", "C-l", "PgDn"); 0 if bad. */
int ui_key_parse(const char *name);
/* Read one key: the encoded key, 0 on timeout, KEY_RESIZE|UI_KEYCODE.
 * A bracketed paste is read whole and gives PASTE_KEY|UI_KEYCODE, its
 * bytes in *paste (ui_read_key() throws them away), so that nothing
 * pasted ever acts as a key. */
int ui_read_key(void);
int ui_read_key_paste(struct strbuf *paste);
/* A modal window's key (dialog.c): wget_wch on w, -1 when the desk is
 * asked to quit; a bracketed paste is read whole and thrown away (it
 * comes back as KEY_CODE_YES PASTE_KEY), so no pasted byte acts as a key. */
int ui_dialog_key(WINDOW *w, wint_t *wc);

/* ui_menu.c: the menu bar (F9/F10); returns the action chosen or ACT_NONE. */
enum ui_action ui_menu_run(struct ui *ui);
/* ui_help.c: every key of the current screen. */
void ui_help_run(struct ui *ui);

/* Screens. */
extern const struct ui_screen ui_day_screen, ui_week_screen, ui_month_screen,
	ui_agenda_screen, ui_list_appt_screen, ui_list_org_screen, ui_list_staff_screen,
	ui_org_screen;
/* ui_inquiry.c, ui_deadline.c, ui_program.c, ui_report.c */
extern const struct ui_screen ui_inq_list_screen, ui_inq_screen, ui_deadline_screen,
	ui_programs_screen, ui_program_screen, ui_report_screen;
/* Show inquiry id (pushes its screen). */
void ui_inquiry_open(struct ui *ui, long long id);
/* Show program id with its events and applications. */
void ui_program_open(struct ui *ui, long long id);
/* ui_quicklog.c: log a new inquiry (for org_id when > 0); its id or 0. */
long long ui_quicklog(struct ui *ui, long long org_id);
/* ui_export.c: the export, import and print dialogs (madoguchi export,
 * import and print); print starts at ui->day. */
void ui_export_dialog(struct ui *ui);
void ui_import_dialog(struct ui *ui);
void ui_print_dialog(struct ui *ui);
/* A small form from its definition text (core/formdef.h format), run
 * with save as its save callback (see ui/form.h); prefill may be NULL.
 * 1 saved, 0 cancelled. */
struct form;
int ui_text_form(struct ui *ui, const char *deftext,
		 int (*save)(struct form *fm, const char *override, bool *refused, void *arg),
		 void *arg, void (*prefill)(struct form *fm, void *arg));
/* An application status for people ("selected", 選定). */
const char *ui_app_status_label(enum app_status st);

/* A row-list widget the agenda and the lists share (ui_list.c). */
struct ui_row {
	long long id;		/* record id; 0 for a heading row */
	int day;
	enum ui_color color;
	char *text;		/* already laid out (columns padded by width) */
};
struct ui_rows {
	struct ui_row *v;
	size_t n, cap;
	int cur, top;
};
void ui_rows_clear(struct ui_rows *r);
void ui_rows_add(struct ui_rows *r, long long id, int day, enum ui_color color, const char *text);
/* Draw rows in [y0, y1) with the cursor; keeps it visible. */
void ui_rows_draw(struct ui_rows *r, int y0, int y1);
/* Cursor motion over selectable rows; true when act moved it. */
bool ui_rows_key(struct ui_rows *r, enum ui_action act, int page);
/* The id under the cursor, 0 when none. */
long long ui_rows_id(const struct ui_rows *r);
/* One appointment as a list line (date shown when with_date). */
void ui_appt_line(struct strbuf *sb, const struct appt *a, bool with_date, int width);
const char *ui_status_mark(enum appt_status st);
enum ui_color ui_status_color(enum appt_status st);
const char *ui_channel_mark(enum channel c);
/* Topics as "打合せ・会議運営支援・…" (or English). */
void ui_topics(struct strbuf *sb, unsigned topics, const char *sep);

/* Whether TERM names a terminal this system describes (ui_term.c). */
bool ui_term_known(const char *term);

/* Calendar events (program events and imported calendars) of a range
 * of days, for the day, week, month and agenda screens (ui_events.c). */
struct ui_event {
	int day, last;			/* first and last day */
	int start_min, end_min, end_day_min;	/* as struct program_event */
	char *title, *place;
};
struct ui_events {
	struct ui_event *v;
	size_t n, cap;
};
/* Every event touching from..to; -1 with the message in e. */
int ui_events_load(struct ui *ui, int from, int to, struct ui_events *ev, struct err *e);
void ui_events_release(struct ui_events *ev);
/* How many events touch day. */
int ui_events_on(const struct ui_events *ev, int day);
/* "18:30-21:00 title @ place" as the event shows on day. */
void ui_event_line(struct strbuf *sb, const struct ui_event *e, int day);

#endif
