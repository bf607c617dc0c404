#include "util/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "util/text.h"

/* A message may quote stored or typed text, and it goes to a terminal:
 * make it safe here, once for every caller (escapes, bidi controls and
 * bad bytes shown as text_sanitize() does). */
static void make_safe(struct err *e)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n;

	text_sanitize(&sb, e->msg, true);
	n = sb.len;
	if (n >= sizeof e->msg) {
		n = sizeof e->msg - 1;
		while (n > 0 && ((unsigned char)sb.buf[n] & 0xc0) == 0x80)
			n--;	/* cut before a character, never inside one */
	}
	memcpy(e->msg, strbuf_str(&sb), n);
	e->msg[n] = '\0';
	strbuf_release(&sb);
}

int err_set(struct err *e, enum err_code code, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return -1;
	e->code = code;
	e->field[0] = '\0';
	e->refusal[0] = '\0';
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	make_safe(e);
	return -1;
}

int err_set_field(struct err *e, enum err_code code, const char *field, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return -1;
	e->code = code;
	snprintf(e->field, sizeof e->field, "%s", field ? field : "");
	e->refusal[0] = '\0';
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	make_safe(e);
	return -1;
}

void err_clear(struct err *e)
{
	e->code = ERR_NONE;
	e->msg[0] = '\0';
	e->field[0] = '\0';
	e->refusal[0] = '\0';
}
