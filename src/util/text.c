#include "util/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "util/i18n.h"

size_t text_utf8_decode(const char *str, size_t n, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c;
	size_t len;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		c = s[0];
		len = 1;
	} else if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		c = s[0] & 0x1F;
		len = 2;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		c = s[0] & 0x0F;
		len = 3;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		c = s[0] & 0x07;
		len = 4;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	if (cp)
		*cp = c;
	return len;
}

bool text_utf8_valid(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t l = text_utf8_decode(s + i, n - i, NULL);
		if (!l)
			return false;
		i += l;
	}
	return true;
}

static bool is_bidi_control(unsigned c)
{
	return c == 0x061C || c == 0x200E || c == 0x200F ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Characters that show nothing (or next to nothing) but make two
 * names differ: zero-width spaces and joiners, the soft hyphen,
 * fillers, invisible operators, tags, the BOM. */
static bool is_invisible(unsigned c)
{
	return c == 0x00AD || c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 ||
	       c == 0x17B5 || (c >= 0x180B && c <= 0x180F) || (c >= 0x200B && c <= 0x200F) ||
	       (c >= 0x2060 && c <= 0x206F) || c == 0x2800 || c == 0x3164 || c == 0xFEFF ||
	       c == 0xFFA0 || (c >= 0xFFF0 && c <= 0xFFFB) || (c >= 0x1D173 && c <= 0x1D17A) ||
	       (c >= 0xE0000 && c <= 0xE007F);
}

static bool is_control(unsigned c)
{
	return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

int text_check(const char *field, const char *s, enum text_kind kind,
	       size_t max_chars, char *err, size_t errlen)
{
	size_t n = strlen(s), i = 0, chars = 0;

	while (i < n) {
		unsigned c;
		size_t l = text_utf8_decode(s + i, n - i, &c);

		if (!l) {
			snprintf(err, errlen,
				 _("%s: not valid UTF-8 text (bad byte 0x%02X at byte %zu); nothing was saved"),
				 field, (unsigned char)s[i], i + 1);
			return -1;
		}
		chars++;
		if (is_control(c) && !(kind == TEXT_MULTI && (c == '\n' || c == '\t'))) {
			snprintf(err, errlen,
				 kind == TEXT_LINE && (c == '\n' || c == '\t')
					 ? _("%s: control character U+%04X at character %zu is not allowed (one line only)")
					 : _("%s: control character U+%04X at character %zu is not allowed"),
				 field, c, chars);
			return -1;
		}
		if (is_bidi_control(c)) {
			snprintf(err, errlen,
				 _("%s: bidirectional control U+%04X at character %zu is not allowed"),
				 field, c, chars);
			return -1;
		}
		if (kind == TEXT_NAME && is_invisible(c)) {
			snprintf(err, errlen,
				 _("%s: invisible character U+%04X at character %zu is not allowed in a name"),
				 field, c, chars);
			return -1;
		}
		i += l;
	}
	if (max_chars && chars > max_chars) {
		snprintf(err, errlen, _("%s: too long (%zu characters, at most %zu)"),
			 field, chars, max_chars);
		return -1;
	}
	return 0;
}

size_t text_chars(const char *s)
{
	size_t n = strlen(s), i = 0, chars = 0;

	while (i < n) {
		size_t l = text_utf8_decode(s + i, n - i, NULL);
		i += l ? l : 1;
		chars++;
	}
	return chars;
}

/* One display unit: the bytes it takes in s, the text shown for it
 * (NULL: the bytes themselves) and its width. */
struct unit {
	size_t len;
	const char *shown;
	char buf[16];
	int width;
};

static void next_unit(const char *s, size_t n, bool keep_nl, struct unit *u)
{
	unsigned c;
	size_t l = text_utf8_decode(s, n, &c);

	u->shown = NULL;
	if (!l) {
		u->len = 1;
		u->shown = "\xEF\xBF\xBD";
		u->width = 1;
		return;
	}
	u->len = l;
	if ((c == '\n' || c == '\t') && keep_nl) {
		u->width = c == '\t' ? 1 : 0;
		return;
	}
	if (c == '\n' || c == '\t') {
		u->shown = " ";
		u->width = 1;
	} else if (c < 0x20 || c == 0x7F) {
		snprintf(u->buf, sizeof u->buf, "^%c", c == 0x7F ? '?' : (char)(c + '@'));
		u->shown = u->buf;
		u->width = 2;
	} else if (is_control(c) || is_bidi_control(c)) {
		snprintf(u->buf, sizeof u->buf, "<U+%04X>", c);
		u->shown = u->buf;
		u->width = (int)strlen(u->buf);
	} else {
		int w = wcwidth((wchar_t)c);
		u->width = w < 0 ? 1 : w;
		if (w < 0) {
			u->shown = "\xEF\xBF\xBD";
		}
	}
}

int text_width(const char *s)
{
	size_t n = strlen(s), i = 0;
	int w = 0;
	struct unit u;

	while (i < n) {
		next_unit(s + i, n - i, false, &u);
		w += u.width;
		i += u.len;
	}
	return w;
}

int text_fit(const char *s, int cols, size_t *bytes)
{
	size_t n = strlen(s), i = 0;
	int w = 0;
	struct unit u;

	while (i < n) {
		next_unit(s + i, n - i, false, &u);
		if (w + u.width > cols)
			break;
		w += u.width;
		i += u.len;
	}
	*bytes = i;
	return w;
}

void text_sanitize(struct strbuf *sb, const char *s, bool keep_nl)
{
	text_sanitize_n(sb, s, strlen(s), keep_nl);
}

void text_sanitize_n(struct strbuf *sb, const char *s, size_t n, bool keep_nl)
{
	size_t i = 0;
	struct unit u;

	while (i < n) {
		next_unit(s + i, n - i, keep_nl, &u);
		if (u.shown)
			strbuf_adds(sb, u.shown);
		else
			strbuf_add(sb, s + i, u.len);
		i += u.len;
	}
}

char *text_safe(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	text_sanitize(&sb, s ? s : "", false);
	return sb.buf ? sb.buf : xstrdup("");
}

void text_pad(struct strbuf *sb, const char *s, int cols, bool ellipsis,
	      bool right_align)
{
	struct strbuf safe = STRBUF_INIT;
	size_t bytes;
	int w;

	if (cols <= 0)
		return;
	text_sanitize(&safe, s ? s : "", false);
	const char *t = strbuf_str(&safe);
	w = text_width(t);
	if (w > cols) {
		w = text_fit(t, ellipsis ? cols - 1 : cols, &bytes);
		strbuf_add(sb, t, bytes);
		if (ellipsis) {
			strbuf_adds(sb, "\xE2\x80\xA6"); /* … */
			w++;
		}
		for (; w < cols; w++)
			strbuf_addf(sb, " ");
	} else {
		if (right_align)
			for (int i = w; i < cols; i++)
				strbuf_add(sb, " ", 1);
		strbuf_adds(sb, t);
		if (!right_align)
			for (; w < cols; w++)
				strbuf_add(sb, " ", 1);
	}
	strbuf_release(&safe);
}

size_t text_wrap(const char *s, int cols, char ***lines)
{
	struct strbuf safe = STRBUF_INIT;
	size_t count = 0, cap = 4;
	char **out = xmalloc(cap * sizeof *out);

	if (cols < 2)
		cols = 2;
	text_sanitize(&safe, s ? s : "", true);
	const char *t = strbuf_str(&safe);

	for (;;) {
		const char *nl = strchr(t, '\n');
		size_t para_len = nl ? (size_t)(nl - t) : strlen(t);
		char *para = xstrndup(t, para_len);
		const char *p = para;

		for (char *q = para; *q; q++)
			if (*q == '\t')
				*q = ' ';
		do {
			size_t bytes, brk;
			text_fit(p, cols, &bytes);
			brk = bytes;
			if (p[bytes] != '\0') {
				/* prefer a space in the last third of the line */
				for (size_t k = bytes; k > bytes * 2 / 3; k--)
					if (p[k - 1] == ' ') {
						brk = k;
						break;
					}
				if (brk == 0) /* a character wider than cols */
					brk = text_utf8_decode(p, strlen(p), NULL) ? text_utf8_decode(p, strlen(p), NULL) : 1;
			}
			if (count + 2 > cap) {
				cap *= 2;
				out = xrealloc(out, cap * sizeof *out);
			}
			size_t keep = brk;
			while (keep > 0 && p[keep - 1] == ' ' && p[brk] != '\0')
				keep--;
			out[count++] = xstrndup(p, keep);
			p += brk;
		} while (*p);
		free(para);
		if (!nl)
			break;
		t = nl + 1;
	}
	out[count] = NULL;
	strbuf_release(&safe);
	*lines = out;
	return count;
}

void text_lines_free(char **lines)
{
	if (!lines)
		return;
	for (char **l = lines; *l; l++)
		free(*l);
	free(lines);
}

char *text_trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

bool text_email_ok(const char *s)
{
	const char *at = s ? strchr(s, '@') : NULL;
	size_t n = s ? strlen(s) : 0;

	if (!at || at == s || !at[1] || n > 254 || strchr(at + 1, '@') || !strchr(at + 1, '.'))
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= ' ' || *p >= 0x7f || strchr("\"<>(),;:[]\\", *p))
			return false;
	return true;
}
