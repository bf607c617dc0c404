#include "ui/paste.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#define PASTE_START "\033[200~"
#define PASTE_END "\033[201~"
#define PASTE_MAX (1 << 20)	/* bytes kept of one paste */

void paste_mode(bool on)
{
	static bool defined;
	const char *seq = on ? "\033[?2004h" : "\033[?2004l";
	ssize_t r;

	if (on && !defined) {
		define_key(PASTE_START, PASTE_KEY);
		defined = true;
	}
	if (!isatty(STDOUT_FILENO))
		return;
	r = write(STDOUT_FILENO, seq, strlen(seq));
	(void)r;
}

static void add_wc(struct strbuf *out, wint_t wc)
{
	char mb[MB_LEN_MAX];
	mbstate_t st;
	size_t k;

	if (!out || out->len > PASTE_MAX)
		return;
	memset(&st, 0, sizeof st);
	k = wcrtomb(mb, (wchar_t)wc, &st);
	if (k == (size_t)-1) {
		strbuf_add(out, "\xef\xbf\xbd", 3);	/* U+FFFD */
		return;
	}
	strbuf_add(out, mb, k);
}

bool paste_read(WINDOW *w, struct strbuf *out)
{
	const size_t endlen = strlen(PASTE_END);
	int delay = wgetdelay(w);
	bool kp = is_keypad(w), ok = true;
	size_t matched = 0;	/* bytes of PASTE_END seen so far */

	/* raw characters: curses must not turn a pasted ESC [ A into a
	 * key, so the end mark is matched here */
	keypad(w, FALSE);
	wtimeout(w, 1000);
	for (;;) {
		wint_t wc;
		int r = wget_wch(w, &wc);

		if (r == ERR) {
			ok = false;
			break;
		}
		if (r == KEY_CODE_YES)
			continue;
		if (wc == (wint_t)(unsigned char)PASTE_END[matched]) {
			if (++matched == endlen)
				break;
			continue;
		}
		/* not the end mark after all: what matched was pasted */
		for (size_t i = 0; i < matched; i++)
			add_wc(out, (unsigned char)PASTE_END[i]);
		matched = 0;
		if (wc == 0x1b) {
			matched = 1;
			continue;
		}
		add_wc(out, wc);
	}
	keypad(w, kp);
	wtimeout(w, delay);
	return ok;
}
