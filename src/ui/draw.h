#ifndef MADO_DRAW_H
#define MADO_DRAW_H
/* Drawing primitives shared by every screen and dialog: colours that
 * honour NO_COLOR and monochrome terminals, and text drawn by display
 * width, sanitized, never cutting a character. */

#include <curses.h>
#include <stdbool.h>

enum ui_color {
	UC_NORMAL,
	UC_HEADER,	/* top bar */
	UC_FOOTER,	/* key hints */
	UC_SELECT,	/* cursor row / selected cell */
	UC_CLOSED,	/* closed day */
	UC_BOOKED,
	UC_DONE,
	UC_CANCELLED,
	UC_NOSHOW,
	UC_WARN,	/* overdue, refusal */
	UC_DIM,
	UC_TITLE,	/* dialog titles, section heads */
	UC_FIELD,	/* input field */
	UC_COUNT
};

/* After initscr(): set up colour pairs unless NO_COLOR is set or the
 * terminal has none. */
void draw_init_colors(void);
/* The attribute for a role; in monochrome, bold/reverse/underline. */
attr_t draw_attr(enum ui_color c);
bool draw_has_color(void);

/* Draw s at (y, x) in at most cols columns, sanitized (control chars
 * become visible placeholders), padded with blanks to cols when pad.
 * Returns the columns drawn. */
int draw_text(WINDOW *w, int y, int x, int cols, const char *s, attr_t attr, bool pad);
/* printf into draw_text. */
int draw_textf(WINDOW *w, int y, int x, int cols, attr_t attr, bool pad, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
/* Fill cols blanks. */
void draw_blank(WINDOW *w, int y, int x, int cols, attr_t attr);
/* A box with a title drawn by width. */
void draw_box_title(WINDOW *w, const char *title, attr_t attr);

#endif
