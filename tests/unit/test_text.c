/* util/text: validation, display width, fitting, sanitizing, wrapping. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "util/text.h"

int main(void)
{
	char err[256];
	size_t bytes;
	struct strbuf sb = STRBUF_INIT;

	setlocale(LC_ALL, "C.UTF-8");

	is_int(text_width("予約"), 4, "予約 is 4 columns");
	is_int(text_width("ｹｱ24ﾅﾘﾀ"), 7, "half-width katakana is 1 column each");
	is_int(text_width("a\033b"), 4, "ESC counts as its 2-column placeholder");
	is_int(text_width("\xff"), 1, "an invalid byte is one column (U+FFFD)");
	is_int(text_width("か\xe3\x82\x99"), 2, "a combining mark takes no column");

	is_int(text_fit("予約受付", 5, &bytes), 4, "fit stops before a wide char would overflow");
	is_int(bytes, 6, "and never splits a character");
	is_int(text_fit("か\xe3\x82\x99き", 2, &bytes), 2, "the combining mark stays with its base");
	is_int(bytes, 6, "base and mark are kept together");

	ok(text_check("note", "メモ\n二行目\tタブ", TEXT_MULTI, 0, err, sizeof err) == 0,
	   "notes may hold newlines and tabs");
	ok(text_check("name", "a\nb", TEXT_LINE, 0, err, sizeof err) < 0,
	   "a name may not hold a newline");
	ok(text_check("name", "a\033[2Jb", TEXT_LINE, 0, err, sizeof err) < 0 &&
	   strstr(err, "U+001B"), "a terminal escape is refused and named: %s", err);
	ok(text_check("name", "abc\xe2\x80\xae", TEXT_LINE, 0, err, sizeof err) < 0,
	   "a bidi override is refused");
	ok(text_check("name", "\xc2\x85", TEXT_LINE, 0, err, sizeof err) < 0,
	   "a C1 control is refused");
	ok(text_check("name", "\xe3\x81", TEXT_LINE, 0, err, sizeof err) < 0 &&
	   strstr(err, "UTF-8"), "truncated UTF-8 is refused: %s", err);
	ok(text_check("name", "\xc0\xaf", TEXT_LINE, 0, err, sizeof err) < 0,
	   "an overlong form is refused");
	ok(text_check("name", "\xed\xa0\x80", TEXT_LINE, 0, err, sizeof err) < 0,
	   "a surrogate is refused");
	ok(text_check("name", "あいうえお", TEXT_LINE, 4, err, sizeof err) < 0 &&
	   strstr(err, "at most 4"), "the length limit counts characters: %s", err);
	ok(text_check("name", "あいうえ", TEXT_LINE, 4, err, sizeof err) == 0,
	   "exactly at the limit is fine");

	text_sanitize(&sb, "a\033[31mb\xe2\x80\xae" "c\xff", false);
	is_str(strbuf_str(&sb), "a^[[31mb<U+202E>c\xef\xbf\xbd", "sanitize makes escapes visible");
	strbuf_reset(&sb);

	text_pad(&sb, "杉並区地域包括支援センター", 12, true, false);
	is_int(text_width(strbuf_str(&sb)), 12, "pad with an ellipsis fills exactly the columns");
	is_str(strbuf_str(&sb), "杉並区地域\xe2\x80\xa6 ", "a wide char that does not fit leaves a blank");
	strbuf_reset(&sb);
	text_pad(&sb, "ab", 4, true, true);
	is_str(strbuf_str(&sb), "  ab", "right alignment");
	strbuf_release(&sb);

	char **lines;
	size_t n = text_wrap("伴走支援事業の申込方法について案内した", 10, &lines);
	int widest = 0;
	for (size_t i = 0; i < n; i++)
		if (text_width(lines[i]) > widest)
			widest = text_width(lines[i]);
	ok(n == 4 && widest <= 10, "Japanese wraps at any character within the width (%zu lines)", n);
	text_lines_free(lines);
	n = text_wrap("one two three four five", 10, &lines);
	is_str(lines[0], "one two", "English wraps at a space");
	text_lines_free(lines);
	n = text_wrap("a\n\nb", 10, &lines);
	ok(n == 3 && lines[1][0] == '\0', "blank lines are kept");
	text_lines_free(lines);

	return done_testing();
}
