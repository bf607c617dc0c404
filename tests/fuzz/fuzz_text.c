/* Fuzz the field validators and the line editor: text_check and the
 * width functions of util/text, date/time parsing, kana folding, and
 * lineedit driven by fuzzed keys.  Oracles: what a line editor shows
 * always passes text_check, and so does its value once edited (a value
 * set with characters it cannot hold comes back unchanged until then);
 * an edit never takes it over a limit; sanitized text never holds
 * an escape or invalid UTF-8, fitting never exceeds its columns. */
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"
#include "ui/lineedit.h"
#include "util/date.h"
#include "util/kana.h"
#include "util/text.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

static void check_safe(const char *s)
{
	CHECK(text_utf8_valid(s, strlen(s)));
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		CHECK(*p != 0x1b && *p != 0x7f && (*p >= 0x20 || *p == '\n' || *p == '\t'));
	CHECK(!strstr(s, "\xe2\x80\xae") && !strstr(s, "\xc2\x9b"));
}

static void text_funcs(const char *s, int cols)
{
	char msg[256];
	size_t bytes;
	struct strbuf sb = STRBUF_INIT;
	char **lines;
	int d, m, y;

	if (text_check("field", s, TEXT_LINE, 0, msg, sizeof msg) == 0)
		CHECK(text_utf8_valid(s, strlen(s)) && !strchr(s, '\033') && !strchr(s, '\n'));
	text_check("field", s, TEXT_MULTI, 10, msg, sizeof msg);
	text_chars(s);
	CHECK(text_width(s) >= 0);
	int used = text_fit(s, cols, &bytes);
	CHECK(used <= cols && bytes <= strlen(s));
	text_sanitize(&sb, s, true);
	check_safe(strbuf_str(&sb));
	strbuf_reset(&sb);
	text_pad(&sb, s, cols, true, cols & 1);
	check_safe(strbuf_str(&sb));
	CHECK(text_width(strbuf_str(&sb)) == cols);
	strbuf_release(&sb);
	char *t = text_safe(s);
	check_safe(t);
	free(t);
	size_t n = text_wrap(s, cols ? cols : 1, &lines);
	for (size_t i = 0; i < n; i++) {
		check_safe(lines[i]);
		/* (a 2-column character cannot fit a 1-column wrap) */
		CHECK(cols < 2 || text_width(lines[i]) <= cols);
	}
	text_lines_free(lines);
	date_parse(s, &d);
	time_parse(s, &m, cols & 1);
	month_parse(s, &y, &m);
	free(kana_fold(s));
	free(kana_reading_hiragana(s));
	kana_compare(s, "かな");
}

static const int keys[] = {
	KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END, KEY_BACKSPACE, KEY_DC, KEY_UP, KEY_DOWN,
	KEY_SLEFT, KEY_SRIGHT, KEY_ENTER, 1, 5, 8, 11, 21, 127, '\n', '\t', 27,
};

static void editor(const uint8_t *data, size_t size, const char *text)
{
	struct lineedit le;
	struct lineedit_view v;
	char msg[256];
	bool multi = size > 0 && (data[0] & 1);
	size_t maxc = size > 1 ? data[1] % 64 : 0;
	int maxcols = size > 2 ? data[2] % 80 : 0;

	lineedit_init(&le, multi, maxc, maxcols);
	lineedit_set_text(&le, text);
	lineedit_insert_str(&le, text);
	size_t prev_chars = text_chars(strbuf_str(&le.text));
	int prev_cols = lineedit_text_cols(&le);
	for (size_t i = 3; i + 1 < size; i += 2) {
		int k;
		switch (data[i] % 4) {
		case 0: k = keys[data[i + 1] % (sizeof keys / sizeof keys[0])];
			lineedit_key(&le, k, k >= KEY_MIN);
			break;
		case 1: lineedit_key(&le, data[i + 1] | (data[i] & 0xf0) << 4, 0); break;
		case 2: lineedit_layout(&le, data[i + 1] % 50, 1 + data[i] / 64, &v); break;
		default: lineedit_insert_wc(&le, 0x3000 + data[i + 1] * 3 + (data[i] >> 2)); break;
		}
		CHECK(text_check("field", strbuf_str(&le.text), multi ? TEXT_MULTI : TEXT_LINE, 0,
				 msg, sizeof msg) == 0);
		if (!lineedit_replaced(&le))
			CHECK(!strcmp(lineedit_text(&le), strbuf_str(&le.text)));
		CHECK(le.cursor <= le.nchars);
		/* a value set over a limit may stay over it, never grow */
		size_t chars = text_chars(strbuf_str(&le.text));
		int cols = lineedit_text_cols(&le);
		if (maxc)
			CHECK(chars <= maxc || chars <= prev_chars);
		if (maxcols)
			CHECK(cols <= maxcols || cols <= prev_cols);
		prev_chars = chars;
		prev_cols = cols;
	}
	lineedit_layout(&le, 20, multi ? 3 : 1, &v);
	CHECK(v.nrows <= (multi ? 3 : 1));
	lineedit_release(&le);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool init;

	if (!init) {
		setlocale(LC_ALL, "C.UTF-8");
		init = true;
	}
	char *s = fuzz_cstr(data, size);
	text_funcs(s, size ? data[0] % 40 : 0);
	editor(data, size, s);
	free(s);
	return 0;
}
