/* The line editor's model: characters, units, limits, scroll and wrap.
 * No terminal: lineedit_draw() is not called here. */
#include "ui/lineedit.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "util/text.h"

static struct lineedit_view layout(struct lineedit *le, int width, int height)
{
	struct lineedit_view v;

	lineedit_layout(le, width, height, &v);
	return v;
}

/* The bytes of visible row r, as a new string in buf. */
static const char *row_text(const struct lineedit *le,
			    const struct lineedit_view *v, int r, char *buf,
			    size_t size)
{
	size_t n = v->rows[r].end - v->rows[r].start;

	if (n >= size)
		n = size - 1;
	memcpy(buf, lineedit_text(le) + v->rows[r].start, n);
	buf[n] = '\0';
	return buf;
}

/* Every cursor position at every width: the visible part is whole
 * characters, starts on a base character, fits, and shows the cursor
 * on a unit that fits.  Returns the number of failures. */
static int check_single_invariants(const char *text)
{
	struct lineedit le;
	int bad = 0;

	lineedit_init(&le, false, 0, 0);
	if (lineedit_set_text(&le, text) < 0)
		return 1;
	for (int width = 1; width <= 12; width++) {
		lineedit_home(&le);
		for (;;) {
			int before = bad;
			struct lineedit_view v = layout(&le, width, 1);
			char buf[256];
			const char *vis = row_text(&le, &v, 0, buf, sizeof buf);
			size_t n = strlen(vis);
			unsigned c = 0;
			const struct lineedit_row *r = &v.rows[0];

			if (!text_utf8_valid(vis, n))
				bad++;
			if (n && text_utf8_decode(vis, n, &c) && wcwidth((wchar_t)c) == 0)
				bad++;	/* starts with a combining mark */
			if (text_width(vis) != r->cols || r->cols > width)
				bad++;
			if (le.cursor < r->first || le.cursor > r->last)
				bad++;
			/* the unit under the cursor is shown whole, unless
			 * it is wider than the field */
			if (le.cursor == r->last && le.cursor < le.nchars && width >= 2)
				bad++;
			if (le.cursor == le.nchars && v.cur_col != r->cols)
				bad++;
			if (le.cursor == le.nchars && v.cur_col + 1 > width)
				bad++;
			if (v.cur_col < 0 || v.cur_col >= width)
				bad++;
			if (bad != before && before == 0)
				diag("width %d, cursor %zu: shows '%s', cursor column %d",
				     width, le.cursor, vis, v.cur_col);
			if (lineedit_right(&le) < 0)
				break;
		}
	}
	lineedit_release(&le);
	return bad;
}

/* Multi-line: at every width and cursor position, rows are whole
 * characters that fit, and rows joined with the newlines between them
 * give back the value exactly.  Returns the number of failures. */
static int check_multi_invariants(const char *text)
{
	struct lineedit le;
	int bad = 0;

	lineedit_init(&le, true, 0, 0);
	if (lineedit_set_text(&le, text) < 0)
		return 1;
	for (int width = 2; width <= 12; width++) {
		lineedit_set_text(&le, text);
		lineedit_home(&le);
		while (lineedit_up(&le) == 0)
			;
		for (;;) {
			struct lineedit_view v = layout(&le, width, 3);
			struct lineedit_view all;
			char joined[512] = "", buf[256];
			int before = bad;

			if (v.cur_row < 0 || v.cur_row >= 3 || v.cur_col < 0 ||
			    v.cur_col >= width)
				bad++;
			all = v;
			all.rows = v.rows - le.top;
			all.nrows = le.nrows;
			for (int r = 0; r < all.nrows; r++) {
				const char *row = row_text(&le, &all, r, buf, sizeof buf);
				unsigned c = 0;

				if (!text_utf8_valid(row, strlen(row)) ||
				    text_width(row) != all.rows[r].cols ||
				    all.rows[r].cols > width)
					bad++;
				if (*row && text_utf8_decode(row, strlen(row), &c) &&
				    wcwidth((wchar_t)c) == 0)
					bad++;
				strcat(joined, row);
				/* a row ends at a newline, or the next starts
				 * where it ends (a soft wrap) */
				if (r + 1 < all.nrows &&
				    all.rows[r + 1].start != all.rows[r].end) {
					if (all.rows[r + 1].start != all.rows[r].end + 1 ||
					    lineedit_text(&le)[all.rows[r].end] != '\n')
						bad++;
					strcat(joined, "\n");
				}
			}
			if (strcmp(joined, lineedit_text(&le)) != 0)
				bad++;
			if (bad != before && before == 0)
				diag("width %d, cursor %zu: row %d col %d, joined '%s'",
				     width, le.cursor, v.cur_row, v.cur_col, joined);
			if (lineedit_right(&le) < 0)
				break;
		}
	}
	lineedit_release(&le);
	return bad;
}

static void test_typing(void)
{
	struct lineedit le;
	struct lineedit_view v;
	const wchar_t *typed = L"予約確認";

	lineedit_init(&le, false, 0, 0);
	for (const wchar_t *p = typed; *p; p++)
		lineedit_insert_wc(&le, *p);
	is_str(lineedit_text(&le), "予約確認", "typing Japanese builds the text");
	is_int(le.cursor, 4, "cursor after 4 characters");
	is_int(lineedit_text_cols(&le), 8, "4 wide characters take 8 columns");
	v = layout(&le, 20, 1);
	is_int(v.cur_col, 8, "cursor column at the end is 8");

	lineedit_left(&le);
	v = layout(&le, 20, 1);
	is_int(le.cursor, 3, "Left moves one character");
	is_int(v.cur_col, 6, "Left moves two columns over a wide char");
	lineedit_home(&le);
	is_int(lineedit_home(&le), -1, "Home at the start has nothing to do");
	lineedit_right(&le);
	v = layout(&le, 20, 1);
	is_int(v.cur_col, 2, "Right from Home is column 2");
	is_int(lineedit_left(&le), 0, "Left back to the start");
	is_int(lineedit_left(&le), -1, "Left at the start refuses");

	lineedit_end(&le);
	lineedit_left(&le);
	lineedit_left(&le);
	lineedit_backspace(&le);
	is_str(lineedit_text(&le), "予確認", "Backspace removes the whole 約");
	is_int(le.cursor, 1, "cursor after Backspace");
	lineedit_delete(&le);
	is_str(lineedit_text(&le), "予認", "Delete removes the whole 確");
	lineedit_end(&le);
	is_int(lineedit_delete(&le), -1, "Delete at the end has nothing to do");
	lineedit_home(&le);
	is_int(lineedit_backspace(&le), -1, "Backspace at the start does nothing");
	is_str(lineedit_text(&le), "予認", "text intact");

	lineedit_insert_str(&le, "山田");
	is_str(lineedit_text(&le), "山田予認", "insert at Home");
	is_int(le.cursor, 2, "cursor after the inserted part");
	lineedit_kill_end(&le);
	is_str(lineedit_text(&le), "山田", "Ctrl-K kills to the end");
	lineedit_left(&le);
	lineedit_kill_line(&le);
	is_str(lineedit_text(&le), "", "Ctrl-U empties the field");
	is_int(le.cursor, 0, "cursor at 0 after Ctrl-U");
	ok(le.changed, "edits mark the field changed");
	lineedit_release(&le);
}

static void test_combining(void)
{
	struct lineedit le;
	struct lineedit_view v;

	lineedit_init(&le, false, 0, 0);
	lineedit_set_text(&le, "\xE3\x81\x8B\xE3\x82\x99\xE3\x81\x8D"); /* か゛き */
	is_int(le.nchars, 3, "か + U+3099 + き is 3 characters");
	is_int(lineedit_text_cols(&le), 4, "and 4 columns");
	lineedit_left(&le);
	is_int(le.cursor, 2, "Left from the end stops before き");
	lineedit_left(&le);
	is_int(le.cursor, 0, "Left again skips the dakuten with its base");
	lineedit_right(&le);
	is_int(le.cursor, 2, "Right moves over か + dakuten as one");
	v = layout(&le, 10, 1);
	is_int(v.cur_col, 2, "cursor column after か + dakuten is 2");
	lineedit_backspace(&le);
	is_str(lineedit_text(&le), "き", "Backspace removes base and mark together");

	lineedit_set_text(&le, "");
	lineedit_insert_wc(&le, L'e');
	is_int(lineedit_insert_wc(&le, 0x0301), 0, "combining acute typed after e");
	lineedit_insert_wc(&le, L't');
	is_str(lineedit_text(&le), "e\xCC\x81t", "text is e U+0301 t");
	v = layout(&le, 10, 1);
	is_int(v.cur_col, 2, "e + acute + t is 2 columns");
	lineedit_home(&le);
	lineedit_delete(&le);
	is_str(lineedit_text(&le), "t", "Delete removes e with its accent");
	lineedit_home(&le);
	is_int(lineedit_insert_wc(&le, 0x0301), -1, "a mark with no base is refused");
	is_str(lineedit_text(&le), "t", "text unchanged");

	/* a mark typed right where the view starts joins the unit before */
	lineedit_set_text(&le, "abcdefgh");
	layout(&le, 4, 1);
	lineedit_left(&le);
	lineedit_left(&le);
	lineedit_left(&le);
	layout(&le, 4, 1);
	lineedit_insert_wc(&le, 0x0301);
	v = layout(&le, 4, 1);
	{
		char buf[64];
		const char *vis = row_text(&le, &v, 0, buf, sizeof buf);
		unsigned c = 0;
		text_utf8_decode(vis, strlen(vis), &c);
		ok(wcwidth((wchar_t)c) > 0, "visible part never starts with a mark (%s)", vis);
	}
	lineedit_release(&le);
}

static void test_limits(void)
{
	struct lineedit le;

	lineedit_init(&le, false, 5, 0);
	lineedit_set_text(&le, "あいう");
	is_int(lineedit_insert_str(&le, "えおか"), -1, "insert past max_chars refused");
	is_str(lineedit_text(&le), "あいう", "text unchanged, nothing cut");
	is_int(le.cursor, 3, "cursor unchanged");
	is_int(lineedit_insert_str(&le, "えお"), 0, "insert up to the limit works");
	is_int(lineedit_insert_wc(&le, L'x'), -1, "one more character refused");
	is_int(lineedit_key(&le, 'x', 0), LINEEDIT_KEY_REFUSED, "key path reports the refusal");
	is_str(lineedit_text(&le), "あいうえお", "text kept");
	is_int(lineedit_set_text(&le, "abcdefg"), 0, "a stored value over the limit is shown");
	is_str(lineedit_text(&le), "abcdefg", "whole, nothing cut");
	is_int(lineedit_insert_wc(&le, L'x'), -1, "typing more is refused");
	is_int(lineedit_backspace(&le), 0, "deleting works");
	is_str(lineedit_text(&le), "abcdef", "one character less");
	lineedit_release(&le);

	lineedit_init(&le, false, 0, 6);
	lineedit_insert_str(&le, "あい");
	is_int(lineedit_insert_wc(&le, L'う'), 0, "6 columns fit max_cols 6");
	is_int(lineedit_insert_wc(&le, L'a'), -1, "a 7th column refused");
	lineedit_backspace(&le);
	lineedit_insert_str(&le, "ab");
	is_int(lineedit_insert_wc(&le, 0x0301), 0, "a combining mark adds no column");
	is_str(lineedit_text(&le), "あいab\xCC\x81", "text with the mark");
	is_int(lineedit_insert_wc(&le, 0xFF79), -1, "half-width ｹ would be column 7");
	lineedit_release(&le);

	lineedit_init(&le, false, 0, 0);
	is_int(lineedit_insert_wc(&le, L'\t'), -1, "tab refused");
	is_int(lineedit_insert_wc(&le, L'\n'), -1, "newline refused in a single-line field");
	is_int(lineedit_insert_wc(&le, 0x1B), -1, "ESC refused");
	is_int(lineedit_insert_wc(&le, 0x85), -1, "C1 NEL refused");
	is_int(lineedit_insert_wc(&le, 0x202E), -1, "bidi override refused");
	is_int(lineedit_insert_str(&le, "ab\xFF" "cd"), -1, "invalid UTF-8 refused");
	is_int(lineedit_insert_str(&le, "ok\nno"), -1, "paste with newline refused whole");
	is_str(lineedit_text(&le), "", "still empty");
	is_int(lineedit_set_text(&le, "a\tb"), 0, "a stored value with a tab is taken");
	is_str(strbuf_str(&le.text), "a\xEF\xBF\xBD" "b", "the tab is shown as U+FFFD");
	is_str(lineedit_text(&le), "a\tb", "unedited, the value goes back as it was");
	is_int(lineedit_replaced(&le), 1, "and the field says it shows replacements");
	is_int(lineedit_set_text(&le, "x\x1B[2J\xFFy"), 0, "escape and invalid byte");
	is_str(strbuf_str(&le.text), "x\xEF\xBF\xBD[2J\xEF\xBF\xBDy", "each refused unit is one U+FFFD");
	is_int(lineedit_insert_wc(&le, L'z'), 0, "the clerk types");
	is_str(lineedit_text(&le), "x\xEF\xBF\xBD[2J\xEF\xBF\xBDyz", "edited: the shown text is the value");
	is_int(lineedit_replaced(&le), 0, "no longer a replaced value");
	lineedit_set_text(&le, "");
	is_int(lineedit_key(&le, '\t', 0), LINEEDIT_KEY_IGNORED, "Tab is the form's key");
	is_int(lineedit_key(&le, '\r', 0), LINEEDIT_KEY_IGNORED, "Enter is the form's key");
	is_int(lineedit_key(&le, KEY_UP, 1), LINEEDIT_KEY_IGNORED, "Up is the form's key");
	lineedit_release(&le);
}

static void test_scroll(void)
{
	struct lineedit le;
	struct lineedit_view v;
	char buf[256];

	lineedit_init(&le, false, 0, 0);
	lineedit_set_text(&le, "abcあ");
	lineedit_home(&le);
	v = layout(&le, 4, 1);
	is_str(row_text(&le, &v, 0, buf, sizeof buf), "abc",
	       "a wide char overflowing the last column is not shown");
	is_int(v.rows[0].cols, 3, "the visible part takes 3 of 4 columns");
	is_int(v.cur_col, 0, "cursor at column 0");
	lineedit_right(&le);
	lineedit_right(&le);
	lineedit_right(&le);
	v = layout(&le, 4, 1);
	is_str(row_text(&le, &v, 0, buf, sizeof buf), "bcあ",
	       "cursor on the wide char scrolls it fully into view");
	is_int(v.cur_col, 2, "cursor column 2, on あ");
	is_int(v.rows[0].cols, 4, "4 columns used");
	lineedit_end(&le);
	v = layout(&le, 4, 1);
	is_str(row_text(&le, &v, 0, buf, sizeof buf), "cあ", "End leaves room for the cursor");
	is_int(v.cur_col, 3, "cursor after あ at column 3");

	lineedit_set_text(&le, "aあいう");
	lineedit_home(&le);
	v = layout(&le, 4, 1);
	is_str(row_text(&le, &v, 0, buf, sizeof buf), "aあ", "left edge: whole chars");
	lineedit_end(&le);
	v = layout(&le, 4, 1);
	is_str(row_text(&le, &v, 0, buf, sizeof buf), "う", "end: never half of い");
	is_int(v.cur_col, 2, "cursor column 2 at the end");
	lineedit_left(&le);
	lineedit_left(&le);
	v = layout(&le, 4, 1);
	is_str(row_text(&le, &v, 0, buf, sizeof buf), "いう", "Left scrolls back by whole chars");
	is_int(v.cur_col, 0, "cursor at column 0 on い");
	lineedit_backspace(&le);
	v = layout(&le, 10, 1);
	is_str(row_text(&le, &v, 0, buf, sizeof buf), "aいう", "a wider field shows everything again");
	is_int(v.cur_col, 1, "cursor column 1");

	/* End on long text */
	lineedit_set_text(&le, "東京都新宿区西新宿二丁目8番1号 都庁第一本庁舎 相談窓口 Room 32F-A");
	lineedit_home(&le);
	v = layout(&le, 20, 1);
	is_int(v.cur_col, 0, "long text: Home at column 0");
	ok(v.rows[0].cols <= 20 && v.rows[0].cols >= 19, "long text fills the field");
	lineedit_end(&le);
	v = layout(&le, 20, 1);
	is_int(v.rows[0].end, strlen(lineedit_text(&le)), "End shows the end of the text");
	is_int(v.cur_col, v.rows[0].cols, "cursor right after the last character");
	ok(v.cur_col <= 19, "cursor inside the field (column %d)", v.cur_col);
	is_int(le.cursor, le.nchars, "cursor index at the end");

	lineedit_set_text(&le, "x");
	lineedit_home(&le);
	lineedit_set_text(&le, "あいう");
	lineedit_home(&le);
	v = layout(&le, 1, 1);
	is_int(v.rows[0].cols, 0, "a 2-column char in a 1-column field is not shown");
	is_int(v.cur_col, 0, "cursor stays in the field");
	lineedit_release(&le);

	is_int(check_single_invariants("aあいう"), 0, "invariants: aあいう");
	is_int(check_single_invariants("abcあいうdeえ\xE3\x82\x99" "f"), 0, "invariants: mixed with dakuten");
	is_int(check_single_invariants("e\xCC\x81\xE3\x81\x8B\xE3\x82\x99xｹｱ24ﾅﾘﾀ①※○"), 0,
	       "invariants: marks, half-width kana, ambiguous");
}

static void test_katakana_ambiguous(void)
{
	struct lineedit le;
	struct lineedit_view v;

	lineedit_init(&le, false, 0, 0);
	lineedit_set_text(&le, "ｹｱ24ﾅﾘﾀ");
	is_int(le.nchars, 7, "ｹｱ24ﾅﾘﾀ is 7 characters");
	is_int(lineedit_text_cols(&le), 7, "and 7 columns");
	lineedit_home(&le);
	lineedit_right(&le);
	lineedit_right(&le);
	lineedit_right(&le);
	v = layout(&le, 10, 1);
	is_int(v.cur_col, 3, "three Rights: column 3");
	lineedit_backspace(&le);
	is_str(lineedit_text(&le), "ｹｱ4ﾅﾘﾀ", "Backspace removes the 2");

	lineedit_set_text(&le, "ｶﾞ");
	is_int(le.nchars, 2, "half-width ｶﾞ: the dakuten is its own character");
	lineedit_left(&le);
	is_int(le.cursor, 1, "and its own unit (wcwidth 1)");

	/* policy: ambiguous width is what glibc wcwidth says, 1 */
	lineedit_set_text(&le, "①○※");
	is_int(lineedit_text_cols(&le), 3, "①○※ is 3 columns (glibc wcwidth)");
	v = layout(&le, 10, 1);
	is_int(v.cur_col, 3, "cursor after ①○※ at column 3");
	lineedit_release(&le);
}

static void test_paste(void)
{
	struct lineedit le;
	struct lineedit_view v;
	const char *paste = "予約番号: A-1234 山田 花子様（ﾔﾏﾀﾞ ﾊﾅｺ）① 10:30〜 café ※要確認";
	char buf[256];
	const char *want;

	lineedit_init(&le, false, 60, 0);
	lineedit_set_text(&le, "メモ:");
	is_int(lineedit_insert_str(&le, paste), 0, "long mixed paste accepted");
	strcpy(buf, "メモ:");
	strcat(buf, paste);
	want = buf;
	is_str(lineedit_text(&le), want, "pasted text stored exactly");
	is_int(le.cursor, text_chars(buf), "cursor after the paste");
	v = layout(&le, 24, 1);
	is_int(v.rows[0].end, strlen(buf), "view shows the end after a paste");
	ok(v.cur_col <= 23, "cursor in the field (column %d)", v.cur_col);
	is_int(lineedit_insert_str(&le, paste), -1, "a second paste would pass 60 characters: refused");
	is_str(lineedit_text(&le), want, "text unchanged after the refused paste");
	lineedit_release(&le);
}

static void test_multiline(void)
{
	struct lineedit le;
	struct lineedit_view v;
	char buf[256];
	const char *s = "今日は相談窓口の予約を確認します。";

	lineedit_init(&le, true, 0, 0);
	lineedit_set_text(&le, s);
	v = layout(&le, 10, 5);
	is_int(v.nrows, 4, "17 wide chars wrap into 4 rows of 10 columns");
	is_str(row_text(&le, &v, 0, buf, sizeof buf), "今日は相談", "row 1");
	is_str(row_text(&le, &v, 1, buf, sizeof buf), "窓口の予約", "row 2");
	is_str(row_text(&le, &v, 3, buf, sizeof buf), "す。", "row 4");
	is_int(v.cur_row, 3, "cursor on the last row");
	is_int(v.cur_col, 4, "after 。");
	is_str(lineedit_text(&le), s, "get_text has no padding");

	v = layout(&le, 9, 5);
	is_str(row_text(&le, &v, 0, buf, sizeof buf), "今日は相", "odd width: a wide char is never split");
	is_int(v.rows[0].cols, 8, "row uses 8 of 9 columns");

	lineedit_set_text(&le, "あいうえおかきくけこさ");
	v = layout(&le, 10, 5);
	is_int(v.nrows, 3, "11 chars in rows of 5");
	is_int(lineedit_up(&le), 0, "Up");
	is_int(le.cursor, 6, "Up keeps column 2: on き");
	lineedit_up(&le);
	is_int(le.cursor, 1, "Up again: on い");
	is_int(lineedit_up(&le), -1, "Up on the first row refuses");
	is_int(lineedit_key(&le, KEY_UP, 1), LINEEDIT_KEY_IGNORED, "Up key then is the form's");
	lineedit_down(&le);
	lineedit_down(&le);
	is_int(le.cursor, 11, "Down twice: back at the end");
	is_int(lineedit_down(&le), -1, "Down on the last row refuses");

	lineedit_set_text(&le, "あいうえお");
	v = layout(&le, 10, 5);
	is_int(v.nrows, 2, "a full row leaves a row for the cursor at the end");
	is_int(v.cur_row, 1, "cursor on row 2");
	is_int(v.cur_col, 0, "column 0");
	lineedit_home(&le);
	lineedit_end(&le);
	is_int(le.cursor, 5, "End goes to the end of the line");

	lineedit_set_text(&le, "");
	lineedit_insert_str(&le, "山田様\r\n電話予約\rメモ");
	is_str(lineedit_text(&le), "山田様\n電話予約\nメモ", "CR LF and CR become newline");
	v = layout(&le, 20, 2);
	is_int(v.nrows, 2, "height 2: two rows shown");
	is_int(v.cur_row, 1, "cursor on the last visible row");
	is_int(le.top, 1, "scrolled down one row");
	is_str(row_text(&le, &v, 0, buf, sizeof buf), "電話予約", "rows never include the newline");
	lineedit_home(&le);
	lineedit_up(&le);
	lineedit_up(&le);
	v = layout(&le, 20, 2);
	is_int(le.top, 0, "Up scrolls back to the top");
	is_int(v.cur_row, 0, "cursor on the first row");
	lineedit_end(&le);
	is_int(le.cursor, 3, "End stops at the newline");
	lineedit_kill_end(&le);
	is_str(lineedit_text(&le), "山田様電話予約\nメモ", "Ctrl-K at a newline joins lines");
	lineedit_kill_line(&le);
	is_str(lineedit_text(&le), "\nメモ", "Ctrl-U empties the line, keeps its newline");
	is_int(lineedit_key(&le, '\r', 0), LINEEDIT_KEY_DONE, "Enter inserts a newline");
	is_str(lineedit_text(&le), "\n\nメモ", "newline inserted");
	is_int(lineedit_insert_wc(&le, 0x3099), -1, "a mark at a line start is refused");

	lineedit_set_text(&le, "abcdefghiあ\nxy");
	v = layout(&le, 10, 5);
	is_int(v.nrows, 3, "mixed line wraps into 3 rows");
	is_str(row_text(&le, &v, 0, buf, sizeof buf), "abcdefghi", "あ would overflow column 10: wraps");
	is_str(row_text(&le, &v, 1, buf, sizeof buf), "あ", "あ on its own row");
	is_str(row_text(&le, &v, 2, buf, sizeof buf), "xy", "then the next line");
	is_str(lineedit_text(&le), "abcdefghiあ\nxy", "value still without padding");
	lineedit_release(&le);

	is_int(check_multi_invariants("今日は相談窓口の予約を確認します。"), 0,
	       "multi-line invariants: Japanese");
	is_int(check_multi_invariants("abcdefghiあ\n\nxy ｹｱ24ﾅﾘﾀ e\xCC\x81\xE3\x81\x8B\xE3\x82\x99①※○\n"),
	       0, "multi-line invariants: mixed, empty lines, marks");
}

static void test_keys(void)
{
	struct lineedit le;

	lineedit_init(&le, false, 0, 0);
	lineedit_key(&le, L'予', 0);
	lineedit_key(&le, L'約', 0);
	lineedit_key(&le, KEY_LEFT, 1);
	lineedit_key(&le, 'X', 0);
	is_str(lineedit_text(&le), "予X約", "keys: typing and Left");
	lineedit_key(&le, KEY_BACKSPACE, 1);
	lineedit_key(&le, 1, 0);	/* Ctrl-A */
	lineedit_key(&le, KEY_DC, 1);
	is_str(lineedit_text(&le), "約", "keys: Backspace, Ctrl-A, Delete");
	lineedit_key(&le, 5, 0);	/* Ctrl-E */
	lineedit_key(&le, 0x7F, 0);
	is_str(lineedit_text(&le), "", "keys: Ctrl-E, DEL");
	lineedit_set_text(&le, "山田さん 03-1234");
	lineedit_home(&le);
	lineedit_word_right(&le);
	is_int(le.cursor, 2, "word right stops after 山田");
	lineedit_word_right(&le);
	is_int(le.cursor, 4, "then after さん");
	lineedit_end(&le);
	lineedit_word_left(&le);
	is_int(le.cursor, 8, "word left from the end: before 1234");
	is_int(lineedit_key(&le, 0x18, 0), LINEEDIT_KEY_IGNORED, "Ctrl-X is not the editor's");
	lineedit_release(&le);
}

int main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8")) {
		printf("1..0 # SKIP no C.UTF-8 locale\n");
		return 0;
	}
	test_typing();
	test_combining();
	test_limits();
	test_scroll();
	test_katakana_ambiguous();
	test_paste();
	test_multiline();
	test_keys();
	return done_testing();
}
