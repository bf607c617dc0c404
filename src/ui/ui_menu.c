/* The menu bar (F9/F10, as in mc and htop): every action by menu.
 * Drawn by width with draw_text (libmenu cannot measure Japanese
 * labels reliably); Left/Right between menus, Up/Down within, Enter
 * runs, Esc closes. */
#include "ui/ui_internal.h"

#include <stdio.h>
#include <string.h>
#include "util/i18n.h"
#include "util/text.h"

struct menu {
	const char *title;	/* N_() */
	enum ui_action items[16];	/* ACT_NONE ends */
};

static const struct menu menus[] = {
	{ N_("Desk"), { ACT_TODAY, ACT_GOTO, ACT_NEXT, ACT_PREV, ACT_PRINT, ACT_EXPORT, ACT_IMPORT,
			ACT_REFRESH, ACT_QUIT } },
	{ N_("View"), { ACT_DAY, ACT_WEEK, ACT_MONTH, ACT_AGENDA, ACT_SHOW_CANCELLED } },
	{ N_("Booking"), { ACT_BOOK, ACT_OPEN, ACT_EDIT, ACT_MOVE, ACT_OVERRIDE, ACT_CANCEL,
			   ACT_DONE, ACT_NOSHOW, ACT_REBOOK, ACT_BACK } },
	{ N_("Lists"), { ACT_LIST_APPT, ACT_SEARCH, ACT_LIST_ORG, ACT_NEW_ORG, ACT_LIST_STAFF } },
	{ N_("Inquiries"), { ACT_QUICKLOG, ACT_LIST_INQ, ACT_FILTER, ACT_NOTE, ACT_STATUS, ACT_APPLY,
			     ACT_DEADLINES, ACT_PROGRAMS, ACT_CHECK, ACT_REPORT, ACT_YEAR } },
	{ N_("Help"), { ACT_HELP } },
};
#define NMENUS ((int)(sizeof menus / sizeof menus[0]))

static int nitems(int m)
{
	int n = 0;
	while (n < 16 && menus[m].items[n])
		n++;
	return n;
}

enum ui_action ui_menu_run(struct ui *ui)
{
	int m = 0, i = 0;

	for (;;) {
		int x = 0, mx = 0;
		char keys[64];

		draw_blank(stdscr, 0, 0, COLS, draw_attr(UC_HEADER));
		for (int k = 0; k < NMENUS; k++) {
			char t[64];
			snprintf(t, sizeof t, " %s ", _(menus[k].title));
			if (k == m)
				mx = x;
			x += draw_text(stdscr, 0, x, COLS - x, t,
				       k == m ? draw_attr(UC_SELECT) : draw_attr(UC_HEADER), false) + 1;
		}
		/* the drop-down */
		int n = nitems(m), w = 20;
		for (int k = 0; k < n; k++) {
			int lw = text_width(ui_action_help(menus[m].items[k]));
			int kw = text_width(ui_keys_text(ui, menus[m].items[k], keys, sizeof keys));
			if (lw + kw + 4 > w)
				w = lw + kw + 4;
		}
		if (w > COLS - 2)
			w = COLS - 2;
		if (mx + w + 2 > COLS)
			mx = COLS - w - 2;
		WINDOW *win = newwin(n + 2, w + 2, 1, mx);
		if (!win)
			return ACT_NONE;
		werase(win);
		box(win, 0, 0);
		for (int k = 0; k < n; k++) {
			enum ui_action a = menus[m].items[k];
			attr_t at = k == i ? draw_attr(UC_SELECT) : A_NORMAL;
			ui_keys_text(ui, a, keys, sizeof keys);
			int kw = text_width(keys);
			draw_text(win, k + 1, 1, w - kw - 1, ui_action_help(a), at, true);
			draw_text(win, k + 1, w - kw, kw + 1, keys, at | A_BOLD, true);
		}
		refresh();
		wrefresh(win);
		int key = ui_read_key();
		delwin(win);
		touchwin(stdscr);
		if (ui_quit_requested())
			return ACT_NONE;
		if (key == 0)
			continue;
		if (key == (UI_KEYCODE | KEY_RESIZE)) {
			erase();
			continue;
		}
		enum ui_action a = ui_keys_lookup(ui, key);
		if (key == UI_KEY_ENTER)
			return menus[m].items[i];
		switch (a) {
		case ACT_LEFT:
			m = (m + NMENUS - 1) % NMENUS;
			i = 0;
			break;
		case ACT_RIGHT:
			m = (m + 1) % NMENUS;
			i = 0;
			break;
		case ACT_UP:
			i = (i + n - 1) % n;
			break;
		case ACT_DOWN:
			i = (i + 1) % n;
			break;
		case ACT_BACK:
		case ACT_MENU:
			return ACT_NONE;
		default:
			/* a key of an item runs it */
			for (int k = 0; k < n; k++)
				if (menus[m].items[k] == a)
					return a;
			if (a == ACT_QUIT)
				return ACT_NONE;
			break;
		}
	}
}
