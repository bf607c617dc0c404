#ifndef MADO_LINEEDIT_H
#define MADO_LINEEDIT_H
/* The text inside a form field: our own line editor, because libformw
 * cannot edit Japanese text (see NOTES.md).  Owns the value, the cursor
 * (a character index) and the scroll state; the model functions call no
 * curses, only lineedit_draw() and lineedit_key() do.  It does not move
 * focus between fields: keys it ignores are the form's. */

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>
#include <curses.h>
#include "util/mem.h"

/*
 * Width policy.  Columns come only from wcwidth() of the C library in
 * the current (UTF-8) locale.  Ambiguous-width characters such as ①, ○,
 * ※, ★ take what glibc says: 1 column.  A terminal set to draw them 2
 * columns wide will show such a field misaligned; we do not guess.
 *
 * A character of width 0 (combining mark, U+3099 dakuten, variation
 * selector, ZWJ) belongs to the character before it: base plus marks is
 * one unit for the cursor, Backspace and Delete, and is never split by
 * scrolling or wrapping.  The cursor always sits at the start of a unit.
 *
 * What is stored: valid UTF-8 only; no control characters (C0, DEL, C1,
 * tab), no bidi controls, no character wcwidth() calls unprintable, no
 * mark without a base; newline only in a multi-line field.  So the value
 * always passes text_check().  An insert or set_text that breaks a rule
 * or a limit returns -1 and leaves the text as it was; nothing is ever
 * cut to fit.
 *
 * Limits (0: none): max_chars counts code points, as text_check() does
 * (e + U+0301 is 2, a newline is 1); max_cols is the sum of the widths
 * of all characters (newlines count 0).
 */

/* One screen row of the field after lineedit_layout(). */
struct lineedit_row {
	size_t first, last;	/* characters [first, last) shown on it */
	size_t start, end;	/* the same range in bytes of the text */
	int cols;		/* columns those characters take */
};

struct lineedit_view {
	const struct lineedit_row *rows;	/* rows to show, top first */
	int nrows;		/* <= height; rows below are blank */
	int cur_row, cur_col;	/* cursor, relative to the field */
};

struct lineedit_char;

/* Fields are read-only for callers: use the functions. */
struct lineedit {
	struct strbuf text;	/* the value, NUL-terminated, no padding */
	struct lineedit_char *chars;	/* per character: offset, width */
	size_t nchars, chars_cap;
	size_t cursor;		/* character index, start of a unit */
	size_t scroll;		/* single-line: first character shown */
	int top;		/* multi-line: first row shown */
	int goal;		/* multi-line: column Up/Down aim for, -1 */
	int width, height;	/* of the last layout */
	struct lineedit_row *rows;	/* single-line: the visible part;
					 * multi-line: every wrapped row */
	int nrows, rows_cap;
	size_t max_chars;
	int max_cols;
	bool multiline;
	bool changed;		/* edited since init or set_text */
	char *stored;		/* the value as set, when the text shows
				 * replacements for what it cannot hold */
};

void lineedit_init(struct lineedit *le, bool multiline, size_t max_chars,
		   int max_cols);
void lineedit_release(struct lineedit *le);

/* Replace the value (a stored one, a default); the cursor goes to the
 * end.  A value that breaks the rules above is shown with U+FFFD for
 * each character the editor cannot hold, and kept aside as it was: until
 * the text is edited, lineedit_text() gives it back unchanged, so a
 * field the editor cannot show is never saved empty or altered.  A
 * value over a limit is shown whole.  Returns 0. */
int lineedit_set_text(struct lineedit *le, const char *s);
/* The value, exactly as typed: no padding.  Valid until the next edit.
 * Before any edit of a value shown with replacements, the value as it
 * was set. */
const char *lineedit_text(const struct lineedit *le);
/* Whether the field shows replacements for a value it keeps aside
 * (and has not been edited). */
bool lineedit_replaced(const struct lineedit *le);
/* Columns the whole value takes (newlines 0). */
int lineedit_text_cols(const struct lineedit *le);

/* Insert at the cursor and move the cursor past it.  A UTF-8 string
 * (paste, input-method commit) goes in whole or not at all; in a
 * multi-line field CR LF and CR in it become newline.  -1: refused,
 * text unchanged. */
int lineedit_insert_wc(struct lineedit *le, wchar_t wc);
int lineedit_insert_str(struct lineedit *le, const char *s);

/* Editing and motion over whole units.  -1 when there was nothing to do
 * (at the start, at the end, on the top row); the text is then
 * unchanged.  In a multi-line field Home/End and the kills work on the
 * current line between newlines; kill_end at the end of a line joins
 * the next one; kill_line empties the line (all of a single-line
 * field), keeping its newline. */
int lineedit_left(struct lineedit *le);
int lineedit_right(struct lineedit *le);
int lineedit_home(struct lineedit *le);
int lineedit_end(struct lineedit *le);
int lineedit_word_left(struct lineedit *le);
int lineedit_word_right(struct lineedit *le);
int lineedit_backspace(struct lineedit *le);
int lineedit_delete(struct lineedit *le);
int lineedit_kill_end(struct lineedit *le);
int lineedit_kill_line(struct lineedit *le);
/* Multi-line: move one wrapped row, keeping the column (as the last
 * layout wrapped the text; before any layout only newlines wrap). */
int lineedit_up(struct lineedit *le);
int lineedit_down(struct lineedit *le);

/* Compute what a field of width x height cells shows (height is 1 for a
 * single-line field) and scroll so the cursor stays visible.  No row
 * starts or ends inside a unit: a wide character that would overflow
 * the last column goes to the next row (multi-line) or is not shown
 * (single-line; the cell stays blank).  A multi-line row keeps a cell
 * free after its text when the cursor can stand there (before a newline
 * or at the end).  Multi-line width is taken as at least 2.  v->rows
 * points into le and is valid until the next call. */
void lineedit_layout(struct lineedit *le, int width, int height,
		     struct lineedit_view *v);

/* Lay out and draw the field at (y, x) of w with attr, blank-filling
 * every cell the text does not use, then move w's cursor to the
 * editing position.  Restores w's attributes.  -1 if curses failed. */
int lineedit_draw(WINDOW *w, int y, int x, int width, int height,
		  struct lineedit *le, attr_t attr);

enum lineedit_key_result {
	LINEEDIT_KEY_IGNORED = 0,	/* not ours: the form may use it */
	LINEEDIT_KEY_DONE,	/* handled */
	LINEEDIT_KEY_REFUSED,	/* ours, but refused: limit, bad character */
};

/* Handle one key from wget_wch(): is_key_code when it returned
 * KEY_CODE_YES.  Left/Right, Home/End (also Ctrl-A/E), Backspace (also
 * DEL and Ctrl-H), Delete, Ctrl-K, Ctrl-U, Shift-Left/Right by word,
 * printable characters; in a multi-line field also Up/Down (ignored on
 * the first/last row so the form can move on) and Enter (newline).
 * Tab, Enter in a single-line field and other control keys are
 * ignored. */
enum lineedit_key_result lineedit_key(struct lineedit *le, int ch,
				      int is_key_code);

#endif
