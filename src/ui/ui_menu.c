/* The menu bar (F9/F10, as in mc and htop): every action by menu.
 * Drawn by width with draw_text (libmenu cannot measure Japanese
 * labels reliably); Left/Right between menus, Up/Down within, Enter
 * runs, Esc closes. */
#include "ui/ui_internal.h"

#include <stdio.h>
#include <string.h>
#include "util/i18n.h"
#include "util/text.h"

#define MENU_MAX 16

/* The titles; each menu's items are the actions ui_actions.h places
 * in it, in that list's order. */
static const char *const titles[M_COUNT] = {
	[M_DESK] = N_("Desk"), [M_VIEW] = N_("View"), [M_BOOKING] = N_("Booking"),
	[M_LISTS] = N_("Lists"), [M_INQUIRIES] = N_("Inquiries"), [M_HELP] = N_("Help"),
};
#define NMENUS (M_COUNT - 1)

/* The items of menu m (0 the first menu); how many. */
static int items_of(int m, enum ui_action *items)
{
	int n = 0;

	for (int a = 1; a < ACT_COUNT && n < MENU_MAX; a++)
		if ((int)ui_action_menu(a) == m + 1)
			items[n++] = a;
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
			snprintf(t, sizeof t, " %s ", _(titles[k + 1]));
			if (k == m)
				mx = x;
			x += draw_text(stdscr, 0, x, COLS - x, t,
				       k == m ? draw_attr(UC_SELECT) : draw_attr(UC_HEADER), false) + 1;
		}
		/* the drop-down */
		enum ui_action items[MENU_MAX];
		int n = items_of(m, items), w = 20;
		for (int k = 0; k < n; k++) {
			int lw = text_width(ui_action_help(items[k]));
			int kw = text_width(ui_keys_text(ui, items[k], keys, sizeof keys));
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
			enum ui_action a = items[k];
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
			return items[i];
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
				if (items[k] == a)
					return a;
			if (a == ACT_QUIT)
				return ACT_NONE;
			break;
		}
	}
}
