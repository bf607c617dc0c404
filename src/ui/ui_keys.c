/* The key map: each action's default keys, replaced by the config's
 * key.<action> = KEY [KEY...] lines; key names for help and footer. */
#include "ui/ui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>
#include "ui/paste.h"
#include "util/i18n.h"
#include "util/text.h"

struct action_def {
	const char *name;	/* config key.<name> */
	const char *keys;	/* default keys */
	const char *label;	/* footer, N_() */
	const char *help;	/* help screen, N_() */
};

static const struct action_def defs[ACT_COUNT] = {
	[ACT_NONE] = { "none", "", "", "" },
	[ACT_UP] = { "up", "Up k", N_("Up"), N_("move up (earlier slot, previous row)") },
	[ACT_DOWN] = { "down", "Down j", N_("Down"), N_("move down (later slot, next row)") },
	[ACT_LEFT] = { "left", "Left h", N_("Left"), N_("move left (previous staff column or day)") },
	[ACT_RIGHT] = { "right", "Right l", N_("Right"), N_("move right (next staff column or day)") },
	[ACT_PAGE_UP] = { "page_up", "PgUp", N_("PgUp"), N_("one page up") },
	[ACT_PAGE_DOWN] = { "page_down", "PgDn", N_("PgDn"), N_("one page down") },
	[ACT_FIRST] = { "first", "Home", N_("First"), N_("go to the first row") },
	[ACT_LAST] = { "last", "End", N_("Last"), N_("go to the last row") },
	[ACT_OPEN] = { "open", "Enter", N_("Open"), N_("open: book a free slot, edit a booking, show a day or record") },
	[ACT_BACK] = { "back", "Esc", N_("Back"), N_("back out: end a move, return to the previous screen") },
	[ACT_NEXT] = { "next", "n ]", N_("Next"), N_("next day (week, month in those views)") },
	[ACT_PREV] = { "prev", "p [", N_("Prev"), N_("previous day (week, month in those views)") },
	[ACT_TODAY] = { "today", "t", N_("Today"), N_("today's schedule") },
	[ACT_GOTO] = { "goto", "g", N_("Go to"), N_("go to a date (YYYY-MM-DD, today, +N)") },
	[ACT_DAY] = { "day", "D", N_("Day"), N_("day view of the current date") },
	[ACT_WEEK] = { "week", "w", N_("Week"), N_("week view") },
	[ACT_MONTH] = { "month", "m", N_("Month"), N_("month overview with bookings per day") },
	[ACT_AGENDA] = { "agenda", "a", N_("Agenda"), N_("agenda: bookings of the next two weeks") },
	[ACT_LIST_APPT] = { "appointments", "A", N_("Appts"), N_("list of all appointments (searchable)") },
	[ACT_LIST_ORG] = { "organizations", "O", N_("Orgs"), N_("list of organizations (searchable)") },
	[ACT_LIST_STAFF] = { "staff", "S", N_("Staff"), N_("list of desk staff") },
	[ACT_SEARCH] = { "search", "/", N_("Search"), N_("search by organization, reading, contact or note") },
	[ACT_NEXT_HERE] = { "next_here", "Tab", N_("Next here"), N_("next booking in the same cell (a cell can hold several)") },
	[ACT_BOOK] = { "book", "b", N_("Book"), N_("book the slot under the cursor") },
	[ACT_EDIT] = { "edit", "e", N_("Edit"), N_("edit the booking under the cursor") },
	[ACT_MOVE] = { "move", "M", N_("Move"), N_("move the booking: pick a slot, Enter drops it") },
	[ACT_OVERRIDE] = { "override", "o", N_("Override"), N_("while moving: drop anyway, giving a reason") },
	[ACT_CANCEL] = { "cancel", "c", N_("Cancel"), N_("cancel the booking (asks first)") },
	[ACT_DONE] = { "done", "d", N_("Done"), N_("mark the booking done") },
	[ACT_NOSHOW] = { "no_show", "x", N_("No-show"), N_("mark the booking a no-show") },
	[ACT_REBOOK] = { "rebook", "B", N_("Rebook"), N_("set the booking back to booked (undo done, no-show, cancel)") },
	[ACT_NEW_ORG] = { "new_org", "N", N_("New org"), N_("add a new organization") },
	[ACT_SHOW_CANCELLED] = { "show_cancelled", "z", N_("Cancelled"), N_("show or hide cancelled bookings") },
	[ACT_REFRESH] = { "refresh", "C-l", N_("Redraw"), N_("reread and redraw the screen") },
	[ACT_HELP] = { "help", "F1 ?", N_("Help"), N_("the keys of this screen") },
	[ACT_MENU] = { "menu", "F9 F10", N_("Menu"), N_("the menu bar: every action") },
	[ACT_QUIT] = { "quit", "q", N_("Quit"), N_("quit the desk") },
	[ACT_LIST_INQ] = { "inquiries", "i", N_("Inquiries"), N_("the inquiry log: filters and full-text search") },
	[ACT_QUICKLOG] = { "quick_log", "L", N_("Log call"), N_("quick-log a new inquiry (call, e-mail, visit, post)") },
	[ACT_DEADLINES] = { "deadlines", "E", N_("Deadlines"), N_("every coming deadline with days left") },
	[ACT_PROGRAMS] = { "programs", "P", N_("Programs"), N_("programs, their events and applications") },
	[ACT_REPORT] = { "report", "R", N_("Report"), N_("monthly and yearly counts") },
	[ACT_NOTE] = { "note", "r", N_("Note"), N_("add a dated note to the inquiry") },
	[ACT_STATUS] = { "status", "s", N_("Status"), N_("change the status of the inquiry or application") },
	[ACT_APPLY] = { "apply", "u", N_("Apply"), N_("start an application from the inquiry") },
	[ACT_FILTER] = { "filter", "f", N_("Filter"), N_("filter the list (status, channel, staff, dates...)") },
	[ACT_CHECK] = { "check", "Space", N_("Check"), N_("tick or untick the checklist item") },
	[ACT_YEAR] = { "year", "y", N_("Year"), N_("switch between the month and the year") },
	[ACT_EXPORT] = { "export", "X", N_("Export"), N_("export the calendar to an .ics file") },
	[ACT_IMPORT] = { "import", "I", N_("Import"), N_("import a partner's .ics calendar as events or blocks") },
	[ACT_PRINT] = { "print", "C-p", N_("Print"), N_("print the daily schedule of the day shown") },
};

static const struct {
	const char *name;
	int key;
} named[] = {
	{ "Enter", UI_KEY_ENTER }, { "Esc", UI_KEY_ESC }, { "Tab", '\t' }, { "Space", ' ' },
	{ "Up", UI_KEYCODE | KEY_UP }, { "Down", UI_KEYCODE | KEY_DOWN },
	{ "Left", UI_KEYCODE | KEY_LEFT }, { "Right", UI_KEYCODE | KEY_RIGHT },
	{ "PgUp", UI_KEYCODE | KEY_PPAGE }, { "PgDn", UI_KEYCODE | KEY_NPAGE },
	{ "Home", UI_KEYCODE | KEY_HOME }, { "End", UI_KEYCODE | KEY_END },
	{ "Backspace", UI_KEYCODE | KEY_BACKSPACE }, { "Delete", UI_KEYCODE | KEY_DC },
	{ "Insert", UI_KEYCODE | KEY_IC }, { "BackTab", UI_KEYCODE | KEY_BTAB },
};

int ui_key_parse(const char *s)
{
	size_t len = strlen(s);
	unsigned cp;

	if (!len)
		return 0;
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (!strcasecmp(s, named[i].name))
			return named[i].key;
	if (!strcasecmp(s, "PageUp"))
		return UI_KEYCODE | KEY_PPAGE;
	if (!strcasecmp(s, "PageDown"))
		return UI_KEYCODE | KEY_NPAGE;
	if ((s[0] == 'F' || s[0] == 'f') && len >= 2 && len <= 3) {
		int n = atoi(s + 1);
		if (n >= 1 && n <= 12)
			return UI_KEYCODE | KEY_F(n);
	}
	if ((!strncasecmp(s, "C-", 2) && len == 3) || (s[0] == '^' && len == 2)) {
		char c = s[len - 1];
		if (c >= 'a' && c <= 'z')
			return c - 'a' + 1;
		if (c >= 'A' && c <= 'Z')
			return c - 'A' + 1;
		return 0;
	}
	if (text_utf8_decode(s, len, &cp) == len && cp >= 0x21 && cp != 0x7f &&
	    !(cp >= 0x80 && cp < 0xa0))
		return (int)cp;
	return 0;
}

static void keyname_of(int key, char *buf, size_t n)
{
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (named[i].key == key) {
			snprintf(buf, n, "%s", named[i].name);
			return;
		}
	if (key & UI_KEYCODE) {
		int code = key & ~UI_KEYCODE;
		if (code >= KEY_F(1) && code <= KEY_F(12))
			snprintf(buf, n, "F%d", code - KEY_F0);
		else
			snprintf(buf, n, "#%d", code);
	} else if (key > 0 && key < 32) {
		snprintf(buf, n, "C-%c", key - 1 + 'a');
	} else {
		char mb[8] = "";
		wchar_t wc = (wchar_t)key;
		mbstate_t st;
		memset(&st, 0, sizeof st);
		size_t k = wcrtomb(mb, wc, &st);
		if (k == (size_t)-1)
			k = 0;
		mb[k] = '\0';
		snprintf(buf, n, "%s", mb);
	}
}

static void set_keys(struct ui *ui, enum ui_action a, const char *list)
{
	char *copy = xstrdup(list), *save = NULL;

	ui->nkeys[a] = 0;
	for (char *t = strtok_r(copy, " \t,", &save); t; t = strtok_r(NULL, " \t,", &save)) {
		int k = ui_key_parse(t);
		if (k && ui->nkeys[a] < UI_MAX_KEYS)
			ui->keys[a][ui->nkeys[a]++] = k;
	}
	free(copy);
}

void ui_keys_init(struct ui *ui)
{
	char cfgkey[64];

	for (int a = 1; a < ACT_COUNT; a++) {
		set_keys(ui, a, defs[a].keys);
		snprintf(cfgkey, sizeof cfgkey, "key.%s", defs[a].name);
		const char *v = config_get(&ui->app->cfg, cfgkey);
		if (v)
			set_keys(ui, a, v);
	}
}

enum ui_action ui_keys_lookup(const struct ui *ui, int key)
{
	/* A key the config gave to an action wins over a default:
	 * lookup goes in action order, so check config-set ones first. */
	char cfgkey[64];

	for (int pass = 0; pass < 2; pass++)
		for (int a = 1; a < ACT_COUNT; a++) {
			snprintf(cfgkey, sizeof cfgkey, "key.%s", defs[a].name);
			bool configured = config_get(&ui->app->cfg, cfgkey) != NULL;
			if (pass == 0 && !configured)
				continue;
			for (int i = 0; i < ui->nkeys[a]; i++)
				if (ui->keys[a][i] == key)
					return a;
		}
	return ACT_NONE;
}

const char *ui_action_name(enum ui_action a)
{
	return defs[a].name;
}

const char *ui_action_label(enum ui_action a)
{
	return _(defs[a].label);
}

const char *ui_action_help(enum ui_action a)
{
	return _(defs[a].help);
}

char *ui_keys_text(const struct ui *ui, enum ui_action a, char *buf, size_t n)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < ui->nkeys[a] && len + 1 < n; i++) {
		char k[32];
		keyname_of(ui->keys[a][i], k, sizeof k);
		len += (size_t)snprintf(buf + len, n - len, "%s%s", i ? " " : "", k);
		if (len >= n)
			len = n - 1;
	}
	return buf;
}

int ui_read_key(void)
{
	return ui_read_key_paste(NULL);
}

int ui_read_key_paste(struct strbuf *paste)
{
	wint_t wc;
	int r = get_wch(&wc);

	if (r == ERR)
		return 0;
	if (r == KEY_CODE_YES && wc == PASTE_KEY) {
		paste_read(stdscr, paste);
		return UI_KEYCODE | PASTE_KEY;
	}
	if (r == KEY_CODE_YES) {
		if (wc == KEY_ENTER)
			return UI_KEY_ENTER;
		if (wc == KEY_BACKSPACE)
			return UI_KEYCODE | KEY_BACKSPACE;
		return UI_KEYCODE | (int)wc;
	}
	if (wc == '\r')
		return UI_KEY_ENTER;
	if (wc == 127 || wc == 8)
		return UI_KEYCODE | KEY_BACKSPACE;
	return (int)wc;
}
