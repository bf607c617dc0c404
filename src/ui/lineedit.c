#include "ui/lineedit.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "util/text.h"

struct lineedit_char {
	size_t off;		/* byte offset in text */
	int width;		/* wcwidth(); 0 for newline */
	bool mark;		/* width 0, not a newline: joins the unit before */
	bool nl;
};

void lineedit_init(struct lineedit *le, bool multiline, size_t max_chars,
		   int max_cols)
{
	memset(le, 0, sizeof *le);
	le->text = (struct strbuf)STRBUF_INIT;
	le->multiline = multiline;
	le->max_chars = max_chars;
	le->max_cols = max_cols > 0 ? max_cols : 0;
	le->goal = -1;
	le->chars_cap = 16;
	le->chars = xmalloc(le->chars_cap * sizeof *le->chars);
	le->chars[0].off = 0;
	le->chars[0].width = 0;
	le->chars[0].mark = le->chars[0].nl = false;
	strbuf_add(&le->text, "", 0);
}

void lineedit_release(struct lineedit *le)
{
	free(le->stored);
	strbuf_release(&le->text);
	free(le->chars);
	free(le->rows);
	memset(le, 0, sizeof *le);
}

/* --- the character table --- */

/* Recompute the per-character table from the text (already checked). */
static void index_text(struct lineedit *le)
{
	const char *s = strbuf_str(&le->text);
	size_t n = le->text.len, i = 0, k = 0;

	while (i < n) {
		unsigned c;
		size_t l = text_utf8_decode(s + i, n - i, &c);
		int w;

		if (!l) {	/* cannot happen: inserts are checked */
			l = 1;
			c = 0xFFFD;
		}
		if (k + 2 > le->chars_cap) {
			le->chars_cap *= 2;
			le->chars = xrealloc(le->chars, le->chars_cap * sizeof *le->chars);
		}
		w = c == '\n' ? 0 : wcwidth((wchar_t)c);
		le->chars[k].off = i;
		le->chars[k].width = w < 0 ? 1 : w;
		le->chars[k].nl = c == '\n';
		le->chars[k].mark = w == 0 && c != '\n' && k > 0 &&
				    !le->chars[k - 1].nl;
		k++;
		i += l;
	}
	le->chars[k].off = n;
	le->chars[k].width = 0;
	le->chars[k].mark = le->chars[k].nl = false;
	le->nchars = k;
}

static size_t unit_next(const struct lineedit *le, size_t i)
{
	if (i >= le->nchars)
		return le->nchars;
	i++;
	while (i < le->nchars && le->chars[i].mark)
		i++;
	return i;
}

static size_t unit_prev(const struct lineedit *le, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && le->chars[i].mark)
		i--;
	return i;
}

static size_t unit_start(const struct lineedit *le, size_t i)
{
	if (i > le->nchars)
		i = le->nchars;
	while (i > 0 && i < le->nchars && le->chars[i].mark)
		i--;
	return i;
}

/* Columns of characters [a, b). */
static int cols_between(const struct lineedit *le, size_t a, size_t b)
{
	int w = 0;

	for (size_t i = a; i < b && i < le->nchars; i++)
		w += le->chars[i].width;
	return w;
}

int lineedit_text_cols(const struct lineedit *le)
{
	return cols_between(le, 0, le->nchars);
}

const char *lineedit_text(const struct lineedit *le)
{
	/* a value shown with replacements goes back as it was stored
	 * until the clerk edits it */
	if (le->stored && !le->changed)
		return le->stored;
	return strbuf_str(&le->text);
}

bool lineedit_replaced(const struct lineedit *le)
{
	return le->stored && !le->changed;
}

/* --- checking what goes in --- */

static bool is_line_start(const struct lineedit *le, size_t i)
{
	return i == 0 || le->chars[i - 1].nl;
}

/* Check s (n bytes, NUL-terminated) for insertion where the previous
 * character is a newline or nothing (at_start): sets the characters and
 * columns it adds.  -1 if it may not be stored. */
static int check_insert(const struct lineedit *le, const char *s, size_t n,
			bool at_start, size_t *nchars, int *ncols)
{
	char err[160];
	size_t i = 0, k = 0;
	long w = 0;

	if (strlen(s) != n)	/* an embedded NUL */
		return -1;
	if (text_check("", s, le->multiline ? TEXT_MULTI : TEXT_LINE, 0,
		       err, sizeof err) < 0)
		return -1;
	while (i < n) {
		unsigned c;
		size_t l = text_utf8_decode(s + i, n - i, &c);
		int cw;

		if (!l || c == '\t')
			return -1;
		cw = c == '\n' ? 0 : wcwidth((wchar_t)c);
		if (cw < 0)
			return -1;
		if (cw == 0 && c != '\n' && at_start)
			return -1;	/* a mark with no base */
		at_start = c == '\n';
		w += cw;
		if (w > INT_MAX / 2)
			return -1;
		k++;
		i += l;
	}
	*nchars = k;
	*ncols = (int)w;
	return 0;
}

/* Replace characters [a, b) with the n bytes at s (already checked). */
static void splice(struct lineedit *le, size_t a, size_t b, const char *s,
		   size_t n)
{
	struct strbuf nb = STRBUF_INIT;
	const char *t = strbuf_str(&le->text);
	size_t ba = le->chars[a].off, bb = le->chars[b].off;

	strbuf_add(&nb, t, ba);
	strbuf_add(&nb, s, n);
	strbuf_add(&nb, t + bb, le->text.len - bb);
	strbuf_release(&le->text);
	le->text = nb;
	index_text(le);
	le->changed = true;
	le->goal = -1;
}

static int insert_bytes(struct lineedit *le, const char *s, size_t n)
{
	size_t add_chars;
	int add_cols;

	le->cursor = unit_start(le, le->cursor);
	if (check_insert(le, s, n, is_line_start(le, le->cursor),
			 &add_chars, &add_cols) < 0)
		return -1;
	if (le->max_chars && le->nchars + add_chars > le->max_chars)
		return -1;
	if (le->max_cols && (long)lineedit_text_cols(le) + add_cols > le->max_cols)
		return -1;
	/* the character after the cursor starts a unit, so no mark is
	 * orphaned; marks inserted here join the unit before */
	splice(le, le->cursor, le->cursor, s, n);
	le->cursor += add_chars;
	return 0;
}

int lineedit_insert_str(struct lineedit *le, const char *s)
{
	struct strbuf nb = STRBUF_INIT;
	int rc;

	if (!s)
		return -1;
	if (!le->multiline || !strchr(s, '\r'))
		return insert_bytes(le, s, strlen(s));
	for (const char *p = s; *p; p++) {
		if (*p == '\r') {
			strbuf_add(&nb, "\n", 1);
			if (p[1] == '\n')
				p++;
		} else {
			strbuf_add(&nb, p, 1);
		}
	}
	rc = insert_bytes(le, strbuf_str(&nb), nb.len);
	strbuf_release(&nb);
	return rc;
}

static size_t utf8_encode(unsigned c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	} else if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	} else if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	} else if (c <= 0x10FFFF) {
		out[0] = (char)(0xF0 | (c >> 18));
		out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[3] = (char)(0x80 | (c & 0x3F));
		return 4;
	}
	return 0;
}

int lineedit_insert_wc(struct lineedit *le, wchar_t wc)
{
	char buf[5];
	size_t n;

	if (wc <= 0)
		return -1;
	if (wc == L'\r' && le->multiline)
		wc = L'\n';
	n = utf8_encode((unsigned)wc, buf);
	if (!n)
		return -1;
	buf[n] = '\0';
	return insert_bytes(le, buf, n);
}

/* s with every character the editor may not hold (invalid bytes,
 * control and bidi characters, tab, newline in a single-line field,
 * characters wcwidth() calls unprintable, a mark with no base) shown
 * as U+FFFD. */
static void replace_refused(const struct lineedit *le, const char *s, struct strbuf *out)
{
	size_t n = strlen(s), i = 0;
	bool at_start = true;

	while (i < n) {
		unsigned c = 0;
		size_t l = text_utf8_decode(s + i, n - i, &c);
		char one[5], err[160];
		bool ok = l != 0;

		if (ok) {
			memcpy(one, s + i, l);
			one[l] = '\0';
			int cw = c == '\n' ? 0 : wcwidth((wchar_t)c);
			ok = c != '\t' && cw >= 0 && !(cw == 0 && c != '\n' && at_start) &&
			     text_check("", one, le->multiline ? TEXT_MULTI : TEXT_LINE, 0,
					err, sizeof err) == 0;
		}
		if (ok) {
			strbuf_add(out, s + i, l);
			at_start = c == '\n';
		} else {
			strbuf_adds(out, "\xEF\xBF\xBD");
			at_start = false;
		}
		i += l ? l : 1;
	}
}

int lineedit_set_text(struct lineedit *le, const char *s)
{
	struct strbuf shown = STRBUF_INIT;
	size_t add_chars, n;
	int add_cols;

	if (!s)
		s = "";
	n = strlen(s);
	free(le->stored);
	le->stored = NULL;
	/* A stored value the editor cannot hold as it is is shown with
	 * visible replacements and kept aside, never shown empty; a value
	 * over the field's limits is shown whole (nothing is cut), and
	 * only deleting then fits it. */
	if (check_insert(le, s, n, true, &add_chars, &add_cols) < 0) {
		replace_refused(le, s, &shown);
		le->stored = xstrdup(s);
		s = strbuf_str(&shown);
		n = shown.len;
	}
	strbuf_reset(&le->text);
	strbuf_add(&le->text, s, n);
	strbuf_release(&shown);
	index_text(le);
	le->cursor = le->nchars;
	le->scroll = 0;
	le->top = 0;
	le->goal = -1;
	le->changed = false;
	return 0;
}

/* --- motion and editing --- */

static size_t line_begin(const struct lineedit *le, size_t i)
{
	if (!le->multiline)
		return 0;
	while (i > 0 && !le->chars[i - 1].nl)
		i--;
	return i;
}

static size_t line_end(const struct lineedit *le, size_t i)
{
	if (!le->multiline)
		return le->nchars;
	while (i < le->nchars && !le->chars[i].nl)
		i++;
	return i;
}

static int move_to(struct lineedit *le, size_t to)
{
	le->goal = -1;
	if (to == le->cursor)
		return -1;
	le->cursor = to;
	return 0;
}

int lineedit_left(struct lineedit *le)
{
	return move_to(le, unit_prev(le, le->cursor));
}

int lineedit_right(struct lineedit *le)
{
	return move_to(le, unit_next(le, le->cursor));
}

int lineedit_home(struct lineedit *le)
{
	return move_to(le, line_begin(le, le->cursor));
}

int lineedit_end(struct lineedit *le)
{
	return move_to(le, line_end(le, le->cursor));
}

enum { CLS_SPACE, CLS_PUNCT, CLS_HIRA, CLS_KATA, CLS_KANJI, CLS_WORD };

/* Rough word classes, so that 山田さん splits into 山田|さん. */
static int char_class(const struct lineedit *le, size_t i)
{
	unsigned c = 0;
	const char *s = strbuf_str(&le->text) + le->chars[i].off;

	text_utf8_decode(s, le->text.len - le->chars[i].off, &c);
	if (c == ' ' || c == '\n' || c == 0x3000)
		return CLS_SPACE;
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
		       (c >= 'a' && c <= 'z') || c == '_' ? CLS_WORD : CLS_PUNCT;
	if ((c >= 0x3001 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) ||
	    (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
	    (c >= 0xFF5B && c <= 0xFF65) || c == 0x30FB)
		return CLS_PUNCT;
	if (c >= 0x3041 && c <= 0x309F)
		return CLS_HIRA;
	if ((c >= 0x30A0 && c <= 0x30FF) || (c >= 0xFF66 && c <= 0xFF9F) ||
	    (c >= 0x31F0 && c <= 0x31FF))
		return CLS_KATA;
	if ((c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0x20000 && c <= 0x3FFFF) || c == 0x3005)
		return CLS_KANJI;
	return CLS_WORD;
}

int lineedit_word_right(struct lineedit *le)
{
	size_t i = le->cursor;
	int cls;

	while (i < le->nchars && char_class(le, i) == CLS_SPACE)
		i = unit_next(le, i);
	if (i < le->nchars) {
		cls = char_class(le, i);
		while (i < le->nchars && char_class(le, i) == cls)
			i = unit_next(le, i);
	}
	return move_to(le, i);
}

int lineedit_word_left(struct lineedit *le)
{
	size_t i = le->cursor;
	int cls;

	while (i > 0 && char_class(le, unit_prev(le, i)) == CLS_SPACE)
		i = unit_prev(le, i);
	if (i > 0) {
		cls = char_class(le, unit_prev(le, i));
		while (i > 0 && char_class(le, unit_prev(le, i)) == cls)
			i = unit_prev(le, i);
	}
	return move_to(le, i);
}

static int delete_range(struct lineedit *le, size_t a, size_t b)
{
	if (a >= b)
		return -1;
	splice(le, a, b, "", 0);
	le->cursor = a;
	return 0;
}

int lineedit_backspace(struct lineedit *le)
{
	return delete_range(le, unit_prev(le, le->cursor), le->cursor);
}

int lineedit_delete(struct lineedit *le)
{
	return delete_range(le, le->cursor, unit_next(le, le->cursor));
}

int lineedit_kill_end(struct lineedit *le)
{
	size_t e = line_end(le, le->cursor);

	if (e == le->cursor && e < le->nchars)	/* on a newline: join */
		e++;
	return delete_range(le, le->cursor, e);
}

int lineedit_kill_line(struct lineedit *le)
{
	return delete_range(le, line_begin(le, le->cursor),
			    line_end(le, le->cursor));
}

/* --- layout --- */

static void add_row(struct lineedit *le, size_t first, size_t last, int cols)
{
	struct lineedit_row *r;

	if (le->nrows + 1 > le->rows_cap) {
		le->rows_cap = le->rows_cap ? le->rows_cap * 2 : 8;
		le->rows = xrealloc(le->rows, (size_t)le->rows_cap * sizeof *le->rows);
	}
	r = &le->rows[le->nrows++];
	r->first = first;
	r->last = last;
	r->start = le->chars[first].off;
	r->end = le->chars[last].off;
	r->cols = cols;
}

/* Multi-line: wrap the whole text into le->rows at width columns.  A
 * newline and the end of the text need one free cell for the cursor. */
static void wrap(struct lineedit *le, int width)
{
	size_t s = 0, i = 0;
	int cols = 0;

	le->nrows = 0;
	while (i < le->nchars) {
		size_t j = unit_next(le, i);
		int w = le->chars[i].nl ? 1 : cols_between(le, i, j);

		if (cols > 0 && cols + w > width) {
			add_row(le, s, i, cols);
			s = i;
			cols = 0;
		}
		if (le->chars[i].nl) {
			add_row(le, s, i, cols);
			s = j;
			cols = 0;
		} else {
			cols += w;
		}
		i = j;
	}
	if (cols > 0 && cols + 1 > width) {
		add_row(le, s, le->nchars, cols);
		s = le->nchars;
		cols = 0;
	}
	add_row(le, s, le->nchars, cols);
}

/* The row holding the cursor: the last one starting at or before it (a
 * position at a soft wrap belongs to the next row). */
static int cursor_row(const struct lineedit *le)
{
	int r = 0;

	while (r + 1 < le->nrows && le->rows[r + 1].first <= le->cursor)
		r++;
	return r;
}

static int wrap_width(const struct lineedit *le)
{
	if (le->width <= 0)
		return INT_MAX / 4;
	return le->width < 2 ? 2 : le->width;
}

static void layout_multi(struct lineedit *le, int width, int height,
			 struct lineedit_view *v)
{
	int row;

	if (width < 2)
		width = 2;
	if (height < 1)
		height = 1;
	le->width = width;
	le->height = height;
	wrap(le, width);
	row = cursor_row(le);
	if (row < le->top)
		le->top = row;
	if (row >= le->top + height)
		le->top = row - height + 1;
	if (le->top > le->nrows - height)
		le->top = le->nrows - height > 0 ? le->nrows - height : 0;
	v->rows = le->rows + le->top;
	v->nrows = le->nrows - le->top < height ? le->nrows - le->top : height;
	v->cur_row = row - le->top;
	v->cur_col = cols_between(le, le->rows[row].first, le->cursor);
}

static void layout_single(struct lineedit *le, int width,
			  struct lineedit_view *v)
{
	size_t s, i;
	int cur_w, cols;

	if (width < 0)
		width = 0;
	le->width = width;
	le->height = 1;
	le->cursor = unit_start(le, le->cursor);
	s = unit_start(le, le->scroll);
	if (s > le->cursor)
		s = le->cursor;
	cur_w = le->cursor < le->nchars ?
		cols_between(le, le->cursor, unit_next(le, le->cursor)) : 1;
	if (cur_w < 1)
		cur_w = 1;
	/* scroll right until the unit under the cursor fits */
	cols = cols_between(le, s, le->cursor);
	while (s < le->cursor && cols + cur_w > width) {
		cols -= le->chars[s].width;	/* marks after it are 0 */
		s = unit_next(le, s);
	}
	/* scroll back left while everything from there on still fits */
	cols = cols_between(le, s, le->nchars);
	while (s > 0) {
		size_t p = unit_prev(le, s);
		int w = cols_between(le, p, s);
		if (cols + w + 1 > width)
			break;
		cols += w;
		s = p;
	}
	le->scroll = s;
	cols = 0;
	i = s;
	while (i < le->nchars) {
		size_t j = unit_next(le, i);
		int w = cols_between(le, i, j);
		if (cols + w > width)
			break;
		cols += w;
		i = j;
	}
	le->nrows = 0;
	add_row(le, s, i, cols);
	v->rows = le->rows;
	v->nrows = 1;
	v->cur_row = 0;
	v->cur_col = cols_between(le, s, le->cursor);
	if (v->cur_col >= width)	/* only when width < 1 */
		v->cur_col = width > 0 ? width - 1 : 0;
}

void lineedit_layout(struct lineedit *le, int width, int height,
		     struct lineedit_view *v)
{
	if (le->multiline)
		layout_multi(le, width, height, v);
	else
		layout_single(le, width, v);
}

/* Up/Down: move to the unit of row r under the goal column. */
static int move_row(struct lineedit *le, int dir)
{
	int row, goal;
	size_t i;
	int cols = 0;
	const struct lineedit_row *r;

	if (!le->multiline)
		return -1;
	wrap(le, wrap_width(le));
	row = cursor_row(le);
	goal = le->goal >= 0 ? le->goal :
	       cols_between(le, le->rows[row].first, le->cursor);
	row += dir;
	if (row < 0 || row >= le->nrows)
		return -1;
	r = &le->rows[row];
	i = r->first;
	while (i < r->last) {
		size_t j = unit_next(le, i);
		int w = cols_between(le, i, j);
		if (cols + w > goal)
			break;
		cols += w;
		i = j;
	}
	/* a soft-wrapped row's end position belongs to the next row */
	if (i == r->last && row + 1 < le->nrows && le->rows[row + 1].first == i &&
	    i > r->first)
		i = unit_prev(le, i);
	le->cursor = i;
	le->goal = goal;
	return 0;
}

int lineedit_up(struct lineedit *le)
{
	return move_row(le, -1);
}

int lineedit_down(struct lineedit *le)
{
	return move_row(le, 1);
}

/* --- curses --- */

int lineedit_draw(WINDOW *w, int y, int x, int width, int height,
		  struct lineedit *le, attr_t attr)
{
	struct lineedit_view v;
	attr_t old_attr;
	short old_pair;
	const char *t = strbuf_str(&le->text);	/* what is shown */
	int rc = 0;

	if (!le->multiline)
		height = 1;
	if (width < 1 || height < 1)
		return -1;
	lineedit_layout(le, width, height, &v);
	wattr_get(w, &old_attr, &old_pair, NULL);
	wattrset(w, (int)attr);
	for (int r = 0; r < height; r++) {
		int cols = 0;

		if (wmove(w, y + r, x) == ERR) {
			rc = -1;
			continue;
		}
		if (r < v.nrows && v.rows[r].cols <= width) {
			const struct lineedit_row *row = &v.rows[r];
			if (row->end > row->start)
				mvwaddnstr(w, y + r, x, t + row->start,
					   (int)(row->end - row->start));
			cols = row->cols;
		}
		/* rewrite the cells after the text, even where a wide
		 * character that did not fit would have gone */
		if (wmove(w, y + r, x + cols) == ERR)
			continue;
		for (; cols < width; cols++)
			waddch(w, ' ');
	}
	wattr_set(w, old_attr, old_pair, NULL);
	if (wmove(w, y + v.cur_row, x + v.cur_col) == ERR)
		rc = -1;
	return rc;
}

#define CTRL(c) ((c) & 0x1F)

enum lineedit_key_result lineedit_key(struct lineedit *le, int ch,
				      int is_key_code)
{
	if (is_key_code) {
		switch (ch) {
		case KEY_LEFT:
			lineedit_left(le);
			return LINEEDIT_KEY_DONE;
		case KEY_RIGHT:
			lineedit_right(le);
			return LINEEDIT_KEY_DONE;
		case KEY_SLEFT:
			lineedit_word_left(le);
			return LINEEDIT_KEY_DONE;
		case KEY_SRIGHT:
			lineedit_word_right(le);
			return LINEEDIT_KEY_DONE;
		case KEY_HOME:
			lineedit_home(le);
			return LINEEDIT_KEY_DONE;
		case KEY_END:
			lineedit_end(le);
			return LINEEDIT_KEY_DONE;
		case KEY_BACKSPACE:
			lineedit_backspace(le);
			return LINEEDIT_KEY_DONE;
		case KEY_DC:
			lineedit_delete(le);
			return LINEEDIT_KEY_DONE;
		case KEY_UP:
			return lineedit_up(le) == 0 ? LINEEDIT_KEY_DONE :
			       LINEEDIT_KEY_IGNORED;
		case KEY_DOWN:
			return lineedit_down(le) == 0 ? LINEEDIT_KEY_DONE :
			       LINEEDIT_KEY_IGNORED;
		case KEY_ENTER:
			if (!le->multiline)
				return LINEEDIT_KEY_IGNORED;
			return lineedit_insert_wc(le, L'\n') == 0 ?
			       LINEEDIT_KEY_DONE : LINEEDIT_KEY_REFUSED;
		default:
			return LINEEDIT_KEY_IGNORED;
		}
	}
	switch (ch) {
	case CTRL('A'):
		lineedit_home(le);
		return LINEEDIT_KEY_DONE;
	case CTRL('E'):
		lineedit_end(le);
		return LINEEDIT_KEY_DONE;
	case CTRL('K'):
		lineedit_kill_end(le);
		return LINEEDIT_KEY_DONE;
	case CTRL('U'):
		lineedit_kill_line(le);
		return LINEEDIT_KEY_DONE;
	case CTRL('H'):
	case 0x7F:
		lineedit_backspace(le);
		return LINEEDIT_KEY_DONE;
	case '\r':
	case '\n':
		if (!le->multiline)
			return LINEEDIT_KEY_IGNORED;
		return lineedit_insert_wc(le, L'\n') == 0 ?
		       LINEEDIT_KEY_DONE : LINEEDIT_KEY_REFUSED;
	default:
		break;
	}
	if (ch < 0x20 || (ch >= 0x80 && ch <= 0x9F))
		return LINEEDIT_KEY_IGNORED;
	return lineedit_insert_wc(le, (wchar_t)ch) == 0 ? LINEEDIT_KEY_DONE :
	       LINEEDIT_KEY_REFUSED;
}
