#include "ui/draw.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "util/mem.h"
#include "util/text.h"

static bool use_color;

void draw_init_colors(void)
{
	const char *nc = getenv("NO_COLOR");

	use_color = !(nc && *nc) && has_colors();
	if (!use_color)
		return;
	start_color();
	use_default_colors();
	init_pair(UC_HEADER, COLOR_WHITE, COLOR_BLUE);
	init_pair(UC_FOOTER, COLOR_BLACK, COLOR_CYAN);
	init_pair(UC_SELECT, COLOR_BLACK, COLOR_YELLOW);
	init_pair(UC_CLOSED, COLOR_RED, -1);
	init_pair(UC_BOOKED, COLOR_GREEN, -1);
	init_pair(UC_DONE, COLOR_BLUE, -1);
	init_pair(UC_CANCELLED, COLOR_MAGENTA, -1);
	init_pair(UC_NOSHOW, COLOR_YELLOW, -1);
	init_pair(UC_WARN, COLOR_WHITE, COLOR_RED);
	init_pair(UC_DIM, COLOR_CYAN, -1);
	init_pair(UC_TITLE, COLOR_YELLOW, -1);
	init_pair(UC_FIELD, COLOR_BLACK, COLOR_WHITE);
}

bool draw_has_color(void)
{
	return use_color;
}

attr_t draw_attr(enum ui_color c)
{
	if (use_color) {
		attr_t extra = (c == UC_HEADER || c == UC_TITLE || c == UC_WARN) ? A_BOLD : 0;
		return c == UC_NORMAL ? A_NORMAL : (COLOR_PAIR(c) | extra);
	}
	switch (c) {
	case UC_HEADER:
	case UC_FOOTER:
	case UC_SELECT:
		return A_REVERSE;
	case UC_WARN:
	case UC_TITLE:
	case UC_CLOSED:
		return A_BOLD;
	case UC_FIELD:
		return A_UNDERLINE;
	case UC_CANCELLED:
	case UC_DIM:
		return A_DIM;
	default:
		return A_NORMAL;
	}
}

int draw_text(WINDOW *w, int y, int x, int cols, const char *s, attr_t attr, bool pad)
{
	struct strbuf sb = STRBUF_INIT;
	size_t bytes;
	int used;

	if (cols <= 0)
		return 0;
	text_sanitize(&sb, s ? s : "", false);
	used = text_fit(strbuf_str(&sb), cols, &bytes);
	wattr_set(w, attr, PAIR_NUMBER(attr), NULL);
	wattron(w, attr);
	mvwaddnstr(w, y, x, strbuf_str(&sb), (int)bytes);
	if (pad)
		for (int i = used; i < cols; i++)
			waddch(w, ' ');
	wattrset(w, A_NORMAL);
	strbuf_release(&sb);
	return pad ? cols : used;
}

int draw_textf(WINDOW *w, int y, int x, int cols, attr_t attr, bool pad, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	int n;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	n = draw_text(w, y, x, cols, strbuf_str(&sb), attr, pad);
	strbuf_release(&sb);
	return n;
}

void draw_blank(WINDOW *w, int y, int x, int cols, attr_t attr)
{
	wattrset(w, attr);
	for (int i = 0; i < cols; i++)
		mvwaddch(w, y, x + i, ' ');
	wattrset(w, A_NORMAL);
}

void draw_box_title(WINDOW *w, const char *title, attr_t attr)
{
	int cols = getmaxx(w);

	box(w, 0, 0);
	if (title && *title && cols > 6) {
		mvwaddch(w, 0, 2, ' ');
		int n = draw_text(w, 0, 3, cols - 6, title, attr, false);
		mvwaddch(w, 0, 3 + n, ' ');
	}
}
