#include "util/safeout.h"

#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util/i18n.h"
#include "util/mem.h"
#include "util/text.h"

struct sink {
	int fd;
	iconv_t cd;		/* to the terminal's character set, or (iconv_t)-1 */
	struct strbuf pend;	/* an unfinished UTF-8 sequence or a CR */
};

static struct sink sinks[2];
static FILE *raw_stdout, *raw_stderr;
static char term_codeset[64], saved_ctype[128];

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int emit(struct sink *k, const char *s, size_t n)
{
	if (k->cd == (iconv_t)-1)
		return write_all(k->fd, s, n);
	char out[1024];
	char *in = (char *)s;
	size_t left = n;
	while (left) {
		char *o = out;
		size_t room = sizeof out;
		size_t r = iconv(k->cd, &in, &left, &o, &room);
		if (o > out && write_all(k->fd, out, (size_t)(o - out)) < 0)
			return -1;
		if (r == (size_t)-1 && errno == EILSEQ) {
			/* a character the terminal's set lacks */
			size_t l = text_utf8_decode(in, left, NULL);
			if (write_all(k->fd, "?", 1) < 0)
				return -1;
			in += l ? l : 1;
			left -= l ? l : 1;
		} else if (r == (size_t)-1 && errno != E2BIG) {
			break;	/* EINVAL cannot happen: the text is whole */
		}
	}
	return 0;
}

/* Sanitize and write n complete bytes; "\r\n" stays a line end. */
static int flush_text(struct sink *k, const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	const char *end = s + n;
	int rc;

	while (s < end) {
		const char *crlf = memmem(s, (size_t)(end - s), "\r\n", 2);
		size_t seg = crlf ? (size_t)(crlf - s) : (size_t)(end - s);
		text_sanitize_n(&sb, s, seg, true);
		if (!crlf)
			break;
		strbuf_add(&sb, "\r\n", 2);
		s = crlf + 2;
	}
	rc = sb.len ? emit(k, strbuf_str(&sb), sb.len) : 0;
	strbuf_release(&sb);
	return rc;
}

/* How many bytes at the end of s[0..n) may still be completed by the
 * next write: a started UTF-8 sequence, or a CR that may meet its LF. */
static size_t open_tail(const char *s, size_t n)
{
	if (n && s[n - 1] == '\r')
		return 1;
	for (size_t back = 1; back <= 3 && back <= n; back++) {
		unsigned char c = (unsigned char)s[n - back];
		if ((c & 0xC0) == 0x80)
			continue;
		size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		return need > back ? back : 0;
	}
	return 0;
}

static ssize_t sink_write(void *cookie, const char *buf, size_t n)
{
	struct sink *k = cookie;
	size_t tail;

	strbuf_add(&k->pend, buf, n);
	tail = open_tail(k->pend.buf, k->pend.len);
	if (flush_text(k, k->pend.buf, k->pend.len - tail) < 0)
		return -1;
	memmove(k->pend.buf, k->pend.buf + k->pend.len - tail, tail);
	k->pend.len = tail;
	k->pend.buf[tail] = '\0';
	return (ssize_t)n;
}

static int sink_close(void *cookie)
{
	struct sink *k = cookie;
	int rc = k->pend.len ? flush_text(k, k->pend.buf, k->pend.len) : 0;

	strbuf_release(&k->pend);
	if (k->cd != (iconv_t)-1)
		iconv_close(k->cd);
	k->cd = (iconv_t)-1;
	return rc;
}

static FILE *open_sink(struct sink *k, int fd)
{
	cookie_io_functions_t io = { .write = sink_write, .close = sink_close };

	k->fd = fd;
	k->cd = (iconv_t)-1;
	memset(&k->pend, 0, sizeof k->pend);
	if (term_codeset[0] && isatty(fd)) {
		char to[96];
		snprintf(to, sizeof to, "%s//TRANSLIT", term_codeset);
		k->cd = iconv_open(to, "UTF-8");
	}
	return fopencookie(k, "w", io);
}

/* At exit: whatever is still pending (an unfinished sequence) goes
 * out as its placeholder. */
static void safeout_finish(void)
{
	for (int i = 0; i < 2; i++) {
		FILE *f = i ? stderr : stdout;
		if (raw_stdout && f != raw_stdout && f != raw_stderr) {
			fflush(f);
			struct sink *k = &sinks[i];
			if (k->pend.len)
				flush_text(k, k->pend.buf, k->pend.len);
			k->pend.len = 0;
		}
	}
}

void safeout_install(void)
{
	const char *cs = nl_langinfo(CODESET);
	bool ascii = false;

	snprintf(saved_ctype, sizeof saved_ctype, "%s", setlocale(LC_CTYPE, NULL));
	if (strcmp(cs, "UTF-8")) {
		snprintf(term_codeset, sizeof term_codeset, "%s", cs);
		ascii = !strcmp(cs, "ANSI_X3.4-1968") || !strcmp(cs, "ASCII");
		/* the program's own text work is UTF-8 whatever the locale:
		 * wcwidth() and the output files need it */
		if (!setlocale(LC_CTYPE, "C.UTF-8"))
			term_codeset[0] = '\0';
		if (ascii)
			term_codeset[0] = '\0';
	}
	fflush(stdout);
	fflush(stderr);
	raw_stdout = stdout;
	raw_stderr = stderr;
	FILE *o = open_sink(&sinks[0], STDOUT_FILENO);
	FILE *e = open_sink(&sinks[1], STDERR_FILENO);
	if (o) {
		setvbuf(o, NULL, isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF, BUFSIZ);
		stdout = o;
	}
	if (e) {
		setvbuf(e, NULL, _IONBF, 0);
		stderr = e;
	}
	atexit(safeout_finish);
	if (ascii && (isatty(STDOUT_FILENO) || isatty(STDERR_FILENO)))
		fprintf(stderr, _("madoguchi: the locale (%s) cannot show Japanese; writing UTF-8 anyway. Set LANG=ja_JP.UTF-8 or C.UTF-8.\n"),
			setlocale(LC_MESSAGES, NULL));
}

FILE *safeout_raw(void)
{
	fflush(stdout);
	return raw_stdout ? raw_stdout : stdout;
}

void safeout_release(void)
{
	if (!raw_stdout)
		return;
	fflush(stdout);
	fflush(stderr);
	fclose(stdout);
	fclose(stderr);
	stdout = raw_stdout;
	stderr = raw_stderr;
	raw_stdout = raw_stderr = NULL;
	setlocale(LC_CTYPE, saved_ctype);
}
