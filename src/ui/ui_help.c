/* F1 and ?: every key of the current screen, with what it does: the
 * screen's own actions, then every action that works on all screens
 * (ui_actions.h), each with its keys from the key map. */
#include "ui/ui_internal.h"

#include <stdio.h>
#include "util/i18n.h"
#include "util/text.h"

void ui_help_run(struct ui *ui)
{
	const struct ui_screen *s = ui_cur(ui);
	enum ui_action list[ACT_COUNT];
	bool listed[ACT_COUNT] = { false };
	int n = 0, top = 0;

	for (const enum ui_action *p = s->actions; *p && n < ACT_COUNT; p++)
		if (!listed[*p]) {
			listed[*p] = true;
			list[n++] = *p;
		}
	for (int a = 1; a < ACT_COUNT; a++)
		if (ui_action_where(a) == A_ALL && !listed[a]) {
			listed[a] = true;
			list[n++] = a;
		}
	for (;;) {
		int h = LINES - 3;
		char keys[64], title[200];

		erase();
		snprintf(title, sizeof title, _("Keys of the %s screen (Esc, q or Enter closes)"),
			 _(s->title));
		draw_text(stdscr, 0, 0, COLS, title, draw_attr(UC_HEADER), true);
		for (int i = 0; i < h && top + i < n; i++) {
			enum ui_action a = list[top + i];
			ui_keys_text(ui, a, keys, sizeof keys);
			draw_text(stdscr, 1 + i, 1, 14, keys, A_BOLD, true);
			draw_text(stdscr, 1 + i, 16, COLS - 16, ui_action_help(a), A_NORMAL, false);
		}
		draw_text(stdscr, LINES - 2, 0, COLS,
			  _("Keys are set in the config file: key.<action> = KEY ... (see the manual)"),
			  draw_attr(UC_DIM), true);
		draw_text(stdscr, LINES - 1, 0, COLS,
			  n > h ? _("Up/Down scroll  Esc close") : _("Esc close"), draw_attr(UC_FOOTER),
			  true);
		refresh();
		int k = ui_read_key();
		if (ui_quit_requested())
			return;
		if (k == 0 || k == (UI_KEYCODE | KEY_RESIZE))
			continue;
		enum ui_action a = ui_keys_lookup(ui, k);
		if (a == ACT_DOWN && top + h < n)
			top++;
		else if (a == ACT_UP && top > 0)
			top--;
		else if (a == ACT_PAGE_DOWN && top + h < n)
			top += h;
		else if (a == ACT_PAGE_UP)
			top = top > h ? top - h : 0;
		else if (a == ACT_DOWN || a == ACT_UP || a == ACT_PAGE_DOWN || a == ACT_PAGE_UP)
			;
		else
			return;
	}
}
