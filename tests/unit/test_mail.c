/* The message writer of export/mail.c: RFC 2047 encoded words that
 * never split a character and decode back to the subject, no header
 * injection through the subject, CRLF lines of at most 78 octets in the
 * header and 76 in base64 bodies; the address check and the editor's
 * "Subject:" text read back. */
#include "export/mail.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "util/text.h"

static int b64val(char c)
{
	const char *t = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = c ? strchr(t, c) : NULL;
	return p ? (int)(p - t) : -1;
}

static void unb64(struct strbuf *out, const char *s, size_t n)
{
	unsigned v = 0;
	int bits = 0;

	for (size_t i = 0; i < n; i++) {
		int d = b64val(s[i]);
		if (d < 0)
			continue;
		v = v << 6 | (unsigned)d;
		bits += 6;
		if (bits >= 8) {
			char c = (char)(v >> (bits - 8) & 0xff);
			strbuf_add(out, &c, 1);
			bits -= 8;
		}
	}
}

/* The Subject header's encoded words decoded and joined; *good false
 * when a word is longer than 75 characters or not whole UTF-8. */
static void decode_subject(const char *msg, struct strbuf *out, bool *good)
{
	const char *p = strstr(msg, "\r\nSubject: ");
	*good = p != NULL;
	if (!p)
		return;
	p += 11;
	for (;;) {
		if (strncmp(p, "=?UTF-8?B?", 10)) {
			*good = false;
			return;
		}
		const char *end = strstr(p + 10, "?=");
		if (!end || end + 2 - p > 75)
			*good = false;
		if (!end)
			return;
		struct strbuf w = STRBUF_INIT;
		unb64(&w, p + 10, (size_t)(end - p - 10));
		if (!text_utf8_valid(w.buf ? w.buf : "", w.len))
			*good = false;
		strbuf_add(out, w.buf ? w.buf : "", w.len);
		strbuf_release(&w);
		p = end + 2;
		if (strncmp(p, "\r\n ", 3))
			return;
		p += 3;
	}
}

static bool lines_ok(const char *s, size_t max, size_t n)
{
	const char *p = s, *end = s + n;

	while (p < end) {
		const char *crlf = strstr(p, "\r\n");
		if (!crlf || (size_t)(crlf - p) > max || memchr(p, '\n', (size_t)(crlf - p)))
			return false;
		p = crlf + 2;
	}
	return true;
}

int main(void)
{
	struct config c;
	struct mail_letter l = { 0 };
	struct strbuf msg = STRBUF_INIT, subj = STRBUF_INIT;
	char *s = NULL, *b = NULL;
	struct err e;
	bool good;

	setlocale(LC_ALL, "C.UTF-8");
	setenv("TZ", "Asia/Tokyo", 1);
	config_defaults(&c);
	snprintf(c.mail_from, sizeof c.mail_from, "desk@example.jp");
	config_set(&c, "letter.desk", "東京ホームタウンプロジェクト 相談窓口", &e);

	l.id = 7;
	l.appt_id = 12;
	l.kind = MAIL_BOOKED;
	l.to_addr = "hanako@example.org";
	l.subject = "【相談予約の確認】2026年11月25日(水) 10:00〜 来所相談 墨田区 太壱みまもりネットワーク 様";
	l.body = "山田 様\n\n本文です。\n";
	l.ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";
	mail_message(&c, &l, 1795482900, &msg);
	decode_subject(strbuf_str(&msg), &subj, &good);
	ok(good, "the subject is encoded words of at most 75 characters, whole UTF-8 each");
	is_str(strbuf_str(&subj), l.subject, "the encoded words decode to the subject");
	ok(lines_ok(msg.buf, 998, msg.len), "every line ends CRLF, no bare LF");
	const char *hdr_end = strstr(msg.buf, "\r\n\r\n");
	ok(hdr_end && lines_ok(msg.buf, 78, (size_t)(hdr_end - msg.buf) + 2),
	   "header lines are at most 78 octets");
	ok(strstr(msg.buf, "Date: Tue, 24 Nov 2026 10:15:00 +0900\r\n") != NULL, "Date in RFC 5322 form");
	ok(strstr(msg.buf, "\r\nTo: <hanako@example.org>\r\n") != NULL, "To: the contact only");
	ok(strstr(msg.buf, "method=REQUEST") != NULL, "text/calendar with method=REQUEST");
	bool ascii = true;
	for (const unsigned char *p = (const unsigned char *)msg.buf; *p; p++)
		if (*p > 0x7e)
			ascii = false;
	ok(ascii, "the whole message is 7-bit ASCII");

	strbuf_reset(&msg);
	strbuf_reset(&subj);
	l.subject = "予約\r\nBcc: evil@example.com";
	l.kind = MAIL_CANCELLED;
	mail_message(&c, &l, 1795482900, &msg);
	ok(!strstr(msg.buf, "\r\nBcc:") && !strstr(msg.buf, "\nBcc:"),
	   "a line break in the subject cannot start a header");
	decode_subject(strbuf_str(&msg), &subj, &good);
	is_str(strbuf_str(&subj), l.subject, "it is carried inside the encoded word");
	ok(strstr(msg.buf, "method=CANCEL") != NULL, "a cancellation's calendar says method=CANCEL");

	strbuf_reset(&msg);
	l.subject = "Plain ASCII subject";
	mail_message(&c, &l, 1795482900, &msg);
	ok(strstr(msg.buf, "\r\nSubject: Plain ASCII subject\r\n") != NULL, "plain ASCII stays as it is");

	strbuf_reset(&msg);
	config_set(&c, "letter.desk", "Desk, Tokyo <x@evil.example>", &e);
	mail_message(&c, &l, 1795482900, &msg);
	ok(strstr(msg.buf, "\r\nFrom: =?UTF-8?B?") && !strstr(msg.buf, "evil"),
	   "a desk name with specials is encoded, never read as an address");

	ok(text_email_ok("hanako@example.org"), "a plain address is fine");
	ok(!text_email_ok("hanako@example.org\r\nBcc: x@y.z"), "CR LF in an address is refused");
	ok(!text_email_ok("Hanako <hanako@example.org>"), "a display name is refused");
	ok(!text_email_ok("a@b@c.d") && !text_email_ok("@example.org") && !text_email_ok("a@localhost"),
	   "two @, no local part, no dot in the domain: refused");
	ok(!text_email_ok("a,b@example.org") && !text_email_ok("-oQ/tmp/x@example.org x"),
	   "commas and blanks refused");

	ok(mail_parse_text("Subject: 件名\n\n本文\n二行目\n", &s, &b, &e) == 0, "a letter text reads back");
	is_str(s, "件名", "its subject");
	is_str(b, "本文\n二行目\n", "its body");
	free(s);
	free(b);
	ok(mail_parse_text("件名なし\n本文\n", &s, &b, &e) < 0 && !strcmp(e.field, "mail"),
	   "a text without a Subject line is refused, field mail");

	strbuf_release(&msg);
	strbuf_release(&subj);
	config_release(&c);
	return done_testing();
}
