/* ical_fold_line(): 75-octet lines, CRLF, never inside a UTF-8 character,
 * and unfolding gives the line back. */
#include "export/ical.h"

#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "util/text.h"

static int check(const char *line, const char *what)
{
	struct strbuf out = STRBUF_INIT, back = STRBUF_INIT;
	const char *p;
	int good = 1, n = 0;

	ical_fold_line(&out, line, strlen(line));
	p = strbuf_str(&out);
	while (*p) {
		const char *crlf = strstr(p, "\r\n");
		if (!crlf) {
			good = 0;
			break;
		}
		size_t len = (size_t)(crlf - p);
		if (len > 75 || !text_utf8_valid(p, len) || (n > 0 && p[0] != ' '))
			good = 0;
		strbuf_add(&back, n > 0 ? p + 1 : p, n > 0 ? len - 1 : len);
		p = crlf + 2;
		n++;
	}
	ok(good, "%s: every line ends CRLF, <= 75 octets, whole UTF-8 (%d lines)", what, n);
	is_str(strbuf_str(&back), line, "%s: unfolding gives the line back", what);
	strbuf_release(&out);
	strbuf_release(&back);
	return n;
}

int main(void)
{
	struct strbuf s = STRBUF_INIT;

	is_int(check("SUMMARY:short", "short ASCII"), 1, "a short line stays one line");
	strbuf_adds(&s, "SUMMARY:");
	while (s.len < 67)
		strbuf_adds(&s, "x");
	is_int(check(strbuf_str(&s), "exactly 75 octets"), 1, "75 octets is not folded");
	strbuf_reset(&s);
	strbuf_adds(&s, "DESCRIPTION:");
	for (int i = 0; i < 60; i++)
		strbuf_adds(&s, "東京都社会福祉協議会");	/* 3-octet characters */
	check(strbuf_str(&s), "three-octet characters at every offset");
	for (int shift = 0; shift < 4; shift++) {
		strbuf_reset(&s);
		strbuf_adds(&s, "X:");
		for (int i = 0; i < shift; i++)
			strbuf_adds(&s, "a");
		for (int i = 0; i < 40; i++)
			strbuf_adds(&s, "😀é予");	/* 4, 2 and 3 octets */
		check(strbuf_str(&s), "mixed 2/3/4-octet characters");
	}
	strbuf_release(&s);
	return done_testing();
}
