#include "export/ical_import.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <libical/ical.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/import.h"
#include "db/db_org.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/mem.h"
#include "util/text.h"
#include "export/zone.h"

#define DESK_TZID "Asia/Tokyo"

enum {
	RAW_SUMMARY, RAW_LOCATION, RAW_DESCRIPTION, RAW_NOTE, RAW_PROGRAM,
	/* another desk's appointment (import_appt's texts) */
	RAW_ORG, RAW_MUNICIPALITY, RAW_CONTACT, RAW_PHONE, RAW_EMAIL, RAW_OVERRIDE,
	RAW_COUNT
};
static const char *const raw_names[RAW_COUNT] = {
	"SUMMARY", "LOCATION", "DESCRIPTION", "X-MADOGUCHI-NOTE", "X-MADOGUCHI-PROGRAM",
	"X-MADOGUCHI-ORG", "X-MADOGUCHI-MUNICIPALITY", "X-MADOGUCHI-CONTACT", "X-MADOGUCHI-PHONE",
	"X-MADOGUCHI-EMAIL", "X-MADOGUCHI-OVERRIDE",
};
/* An appointment's codes (X-MADOGUCHI-*), read through libical. */
enum { APC_CHANNEL, APC_STATUS, APC_VIA, APC_TOPICS, APC_ORG_TYPE, APC_COUNT };
static const char *const apc_names[APC_COUNT] = {
	"X-MADOGUCHI-CHANNEL", "X-MADOGUCHI-STATUS", "X-MADOGUCHI-VIA", "X-MADOGUCHI-TOPICS",
	"X-MADOGUCHI-ORG-TYPE",
};

/* Where each VEVENT's properties were in the file, for messages. */
struct ev_lines {
	int begin, uid, dtstart, dtend, duration, staff;
	/* The raw (unfolded, still escaped) text values, taken from the file
	 * itself: libical's parser strips the spaces at the start and end of
	 * every value, so " 会場" or a note ending in spaces would not come
	 * back as they were exported (the round trip would change them). */
	char *raw[RAW_COUNT];
	char **xlic;		/* X-LIC-ERROR values written in the file itself */
	size_t n_xlic;
	int bad_line;		/* per-event trouble: the event is skipped */
	char *bad;
};

struct check {
	const char *name;	/* the file, for messages */
	struct ev_lines *ev;
	size_t n_ev, cap_ev;
};

static void check_release(struct check *c)
{
	for (size_t i = 0; i < c->n_ev; i++) {
		for (int k = 0; k < RAW_COUNT; k++)
			free(c->ev[i].raw[k]);
		for (size_t k = 0; k < c->ev[i].n_xlic; k++)
			free(c->ev[i].xlic[k]);
		free(c->ev[i].xlic);
		free(c->ev[i].bad);
	}
	free(c->ev);
}

static int fail_at(struct err *e, const struct check *c, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int fail_at(struct err *e, const struct check *c, int line, const char *fmt, ...)
{
	char msg[700];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return err_set(e, ERR_INPUT, _("%s: line %d: %s; nothing was imported"), c->name, line, msg);
}

/* Mark an event as one to skip, with its line and reason (the first
 * reason found stays). */
static void ev_bad(struct ev_lines *ev, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void ev_bad(struct ev_lines *ev, int line, const char *fmt, ...)
{
	char msg[600];
	va_list ap;

	if (ev->bad)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ev->bad = xstrdup(msg);
	ev->bad_line = line;
}

static bool is_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* A DATE or DATE-TIME value: YYYYMMDD or YYYYMMDDTHHMMSS[Z]. */
static bool valid_dt(const char *v, size_t n)
{
	int y, m, d;

	if (n < 8 || !is_digits(v, 8))
		return false;
	y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
	m = (v[4] - '0') * 10 + (v[5] - '0');
	d = (v[6] - '0') * 10 + (v[7] - '0');
	if (y < 1900 || y > 2199 || !date_valid_ymd(y, m, d))
		return false;
	if (n == 8)
		return true;
	if ((n != 15 && n != 16) || v[8] != 'T' || !is_digits(v + 9, 6) || (n == 16 && v[15] != 'Z'))
		return false;
	return (v[9] - '0') * 10 + (v[10] - '0') <= 23 && (v[11] - '0') * 10 + (v[12] - '0') <= 59 &&
	       (v[13] - '0') * 10 + (v[14] - '0') <= 60;
}

/* An RFC 5545 TEXT value as written in the file (n bytes), unescaped:
 * \\ \; \, \n \N; any other backslash pair stands for its second
 * character.  Spaces at either end are kept. */
static char *text_unescape_n(const char *raw, size_t n)
{
	char *out = xmalloc(n + 1), *o = out;

	for (size_t i = 0; i < n; i++) {
		if (raw[i] != '\\' || i + 1 == n) {
			*o++ = raw[i];
			continue;
		}
		i++;
		*o++ = raw[i] == 'n' || raw[i] == 'N' ? '\n' : raw[i];
	}
	*o = '\0';
	return out;
}

#define MAX_DEPTH 8

/* ---- reading the file in pieces ----
 *
 * The file is read twice, a piece at a time, and never held whole: the
 * first pass checks every byte (UTF-8, control characters, line syntax,
 * nesting) and notes where each VEVENT is; the second reads the events
 * back one UID at a time.  Of each logical line, the part before the
 * colon and the value are kept up to LINE_KEEP bytes each: more than any
 * field the desk stores (4000 characters), so the checks and the text
 * of an event come out as from the whole line, and a value of many
 * megabytes (Outlook's inline ATTACH, a pasted DESCRIPTION) costs no
 * more memory than a short one. */
#define READ_CHUNK (256 << 10)
#define LINE_KEEP (64 << 10)

/* Where the bytes come from: a file (fd >= 0) or memory. */
struct src {
	int fd;
	const char *buf;
	uint64_t len;
};

static ssize_t src_read(const struct src *s, uint64_t off, char *dst, size_t n)
{
	if (s->fd < 0) {
		if (off >= s->len)
			return 0;
		if (n > s->len - off)
			n = (size_t)(s->len - off);
		memcpy(dst, s->buf + off, n);
		return (ssize_t)n;
	}
	for (;;) {
		ssize_t got = pread(s->fd, dst, n, (off_t)off);
		if (got >= 0 || errno != EINTR)
			return got;
	}
}

/* UTF-8 checked as it streams by, across folds (RFC 5545 3.1 lets a
 * fold split a character), as text_utf8_valid() checks a whole line. */
struct u8state {
	unsigned char c[4];
	int n, need;
	bool bad;
};

static int u8_need(unsigned char b)
{
	return b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
}

static void u8_feed(struct u8state *u, const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0;

	while (!u->bad && u->n && i < n) {
		if ((s[i] & 0xC0) != 0x80) {
			u->bad = true;
		} else {
			u->c[u->n++] = s[i++];
			if (u->n == u->need) {
				u->bad = !text_utf8_decode((const char *)u->c, (size_t)u->n, NULL);
				u->n = 0;
			}
		}
	}
	while (!u->bad && i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		int need = u8_need(s[i]);
		if (!need) {
			u->bad = true;
		} else if (i + (size_t)need > n) {
			/* the rest of the character comes with the next piece */
			u->need = need;
			for (; i < n && !u->bad; i++) {
				u->bad = u->n && (s[i] & 0xC0) != 0x80;
				u->c[u->n++] = s[i];
			}
		} else {
			u->bad = !text_utf8_decode(p + i, (size_t)need, NULL);
			i += (size_t)need;
		}
	}
}

/* One logical (unfolded) line. */
struct lline {
	struct strbuf head, val;	/* before the first colon (not in quotes), after it */
	size_t head_len, val_len;	/* their whole lengths (the strbufs keep LINE_KEEP) */
	size_t name_len;		/* the name: letters, digits and '-' */
	char after_name;		/* the byte after the name ('\0' at the end) */
	bool in_name, colon, quoted, any;
	struct u8state u8;
	int line;			/* its first physical line */
	uint64_t off;			/* where that line starts */
};

static void ll_reset(struct lline *l)
{
	strbuf_reset(&l->head);
	strbuf_reset(&l->val);
	l->head_len = l->val_len = l->name_len = 0;
	l->after_name = '\0';
	l->in_name = true;
	l->colon = l->quoted = l->any = false;
	memset(&l->u8, 0, sizeof l->u8);
}

static void keep_add(struct strbuf *sb, const char *s, size_t n)
{
	if (sb->len < LINE_KEEP)
		strbuf_add(sb, s, n < LINE_KEEP - sb->len ? n : LINE_KEEP - sb->len);
}

static void ll_add(struct lline *l, const char *s, size_t n)
{
	size_t i = 0;

	if (!n)
		return;
	l->any = true;
	u8_feed(&l->u8, s, n);
	if (!l->colon) {
		for (; i < n; i++) {
			char ch = s[i];
			if (l->in_name && (isalnum((unsigned char)ch) || ch == '-')) {
				l->name_len++;
			} else if (l->in_name) {
				l->in_name = false;
				l->after_name = ch;
			}
			if (ch == '"') {
				l->quoted = !l->quoted;
			} else if (ch == ':' && !l->quoted) {
				l->colon = true;
				break;
			}
		}
		keep_add(&l->head, s, i);
		l->head_len += i;
		if (!l->colon)
			return;
		i++;	/* the colon */
	}
	keep_add(&l->val, s + i, n - i);
	l->val_len += n - i;
}

/* One VEVENT of the file, as the first pass found it: where it is and
 * the hash of its UID (not the UID itself): 24 bytes an event.  len is
 * UINT32_MAX for an event of 4 GiB or more: it is then read up to its
 * END wherever that is. */
struct ix {
	uint64_t hash, off;
	uint32_t len;
	int line;
};

enum scan_mode { SCAN_FILE, SCAN_EVENT };

struct scan {
	enum scan_mode mode;
	struct check *c;		/* the file's name; SCAN_EVENT: the events read back */
	char stack[MAX_DEPTH][32];
	int stack_line[MAX_DEPTH];
	int depth, line;
	bool done;			/* after END:VCALENDAR */
	/* the physical line being read */
	bool in_phys, phys_first, cont, orphan, pending_cr;
	uint64_t phys_off;
	size_t nls;			/* newlines read so far */
	struct lline ll[2], *cur, *nxt;	/* the logical line pending, the next */
	struct strbuf lib;		/* a line for libical */
	/* SCAN_FILE: the events found, and the calendar's own properties and
	 * time zones as a VCALENDAR of their own */
	struct ix *ix, ev;
	size_t n_ix, cap_ix;
	bool in_ev, ev_uid, mismatch, in_zone;
	icalparser *zp;
	icalcomponent *zones;
	/* SCAN_EVENT: the event being read and what libical makes of it */
	struct ev_lines *cur_ev;
	icalparser *ep;
	icalcomponent *comp;
};

static void scan_init(struct scan *sc, struct check *c, enum scan_mode mode)
{
	memset(sc, 0, sizeof *sc);
	sc->mode = mode;
	sc->c = c;
	sc->cur = &sc->ll[0];
	sc->nxt = &sc->ll[1];
	ll_reset(sc->cur);
	ll_reset(sc->nxt);
}

static void scan_release(struct scan *sc)
{
	for (int i = 0; i < 2; i++) {
		strbuf_release(&sc->ll[i].head);
		strbuf_release(&sc->ll[i].val);
	}
	strbuf_release(&sc->lib);
	free(sc->ix);
	if (sc->zp)
		icalparser_free(sc->zp);
	if (sc->zones)
		icalcomponent_free(sc->zones);
	if (sc->ep)
		icalparser_free(sc->ep);
	if (sc->comp)
		icalcomponent_free(sc->comp);
}

/* A hash of a UID as libical reads it (blanks at both ends stripped,
 * escapes undone: \n \t \r \b \f are white space, \X of any other X a
 * space, \; \, \" \\ the character), blind to all white space: UIDs
 * libical holds equal hash equal.  Unequal UIDs that hash equal are
 * parted when the events are read back. */
static uint64_t hash_byte(uint64_t h, unsigned char ch)
{
	return (h ^ ch) * 1099511628211ULL;	/* FNV-1a */
}

static bool is_blank_byte(unsigned char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\v' || ch == '\f' || ch == '\r' || ch == '\b';
}

static uint64_t uid_hash_raw(const char *v, size_t n)
{
	uint64_t h = 14695981039346656037ULL;

	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)v[i];
		if (ch == '\\') {
			if (++i == n)
				break;
			ch = (unsigned char)v[i];
			if (ch != ';' && ch != ',' && ch != '"' && ch != '\\')
				continue;
		} else if (is_blank_byte(ch)) {
			continue;
		}
		h = hash_byte(h, ch);
	}
	return h;
}

static uint64_t uid_hash_str(const char *u)
{
	uint64_t h = 14695981039346656037ULL;

	for (; u && *u; u++)
		if (!is_blank_byte((unsigned char)*u))
			h = hash_byte(h, (unsigned char)*u);
	return h;
}

/* The line for libical: as in the file, less the blanks at its end (as
 * libical's own line reader leaves them).  A line longer than what was
 * kept is shortened at a character (at a comma for a list), or, when
 * drop is set and the import reads nothing of it, left out. */
static char *lib_line(struct scan *sc, const struct lline *l, const char *name, bool drop)
{
	static const char *const used[] = {
		"BEGIN", "END", "UID", "DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE",
		"RECURRENCE-ID", "STATUS", "SEQUENCE", "LAST-MODIFIED", "DTSTAMP", "CATEGORIES", NULL,
	};
	size_t vk = l->val.len;

	if (l->head_len > l->head.len || l->val_len > vk) {
		bool need = !strncmp(name, "X-MADOGUCHI-", 12);
		for (const char *const *u = used; *u && !need; u++)
			need = !strcmp(name, *u);
		if (drop && !need)
			return NULL;
		if (l->val_len > vk)
			while (vk && ((unsigned char)l->val.buf[vk] & 0xC0) == 0x80)
				vk--;
		if (!strcmp(name, "RDATE") || !strcmp(name, "EXDATE") || !strcmp(name, "CATEGORIES")) {
			const char *comma = vk ? memrchr(l->val.buf, ',', vk) : NULL;
			if (comma)
				vk = (size_t)(comma - l->val.buf);
		}
	}
	strbuf_reset(&sc->lib);
	strbuf_add(&sc->lib, strbuf_str(&l->head), l->head.len);
	strbuf_add(&sc->lib, ":", 1);
	strbuf_add(&sc->lib, strbuf_str(&l->val), vk);
	while (sc->lib.len && is_blank_byte((unsigned char)sc->lib.buf[sc->lib.len - 1]) &&
	       sc->lib.buf[sc->lib.len - 1] != '\b')
		sc->lib.buf[--sc->lib.len] = '\0';
	return sc->lib.buf;
}

/* How libical names the component of a BEGIN line: it reads the text
 * after "BEGIN" and its separator (parameters and all), and takes any
 * name that starts with a component's name, in any case. */
static bool lib_begins(const struct lline *l, const char *kind)
{
	char t[16];
	size_t k = strlen(kind), n = 0;

	if (l->after_name == ';')
		for (size_t i = l->name_len + 1; i < l->head.len && n < k; i++)
			t[n++] = l->head.buf[i];
	if (l->after_name == ';' && n < k)
		t[n++] = ':';
	for (size_t i = 0; i < l->val.len && n < k; i++)
		t[n++] = l->val.buf[i];
	return n == k && !strncasecmp(t, kind, k);
}

static void zone_feed(struct scan *sc, const struct lline *l, const char *name)
{
	icalcomponent *root;

	if (!sc->zp)
		sc->zp = icalparser_new();
	root = icalparser_add_line(sc->zp, lib_line(sc, l, name, false));
	if (root && !sc->zones)
		sc->zones = root;
	else if (root)
		icalcomponent_free(root);
}

/* A logical line is complete (next_off: where the file goes on after
 * it): check it as a line of a calendar and take from it what the pass
 * needs. */
static int on_line(struct scan *sc, struct lline *l, uint64_t next_off, struct err *e)
{
	struct check *c = sc->c;
	struct ev_lines *cur = sc->cur_ev;
	int lstart = l->line;
	const char *s = strbuf_str(&l->head);

	if (l->u8.n)
		l->u8.bad = true;	/* a character cut at the end */
	if (l->u8.bad)
		return fail_at(e, c, lstart, _("invalid UTF-8"));
	if (!l->colon || l->name_len == 0 || (l->after_name != ':' && l->after_name != ';'))
		return fail_at(e, c, lstart, _("not a content line (NAME:value)"));
	const char *v = strbuf_str(&l->val);
	size_t vn = l->val_len, vk = l->val.len;
	char name[64];
	snprintf(name, sizeof name, "%.*s", (int)(l->name_len < 63 ? l->name_len : 63), s);
	for (char *q = name; *q; q++)
		*q = (char)toupper((unsigned char)*q);
	if (sc->done)
		return fail_at(e, c, lstart, _("text after END:VCALENDAR"));
	if (sc->depth == 0 && !(strcmp(name, "BEGIN") == 0 && vn == 9 && !strncasecmp(v, "VCALENDAR", 9)))
		return fail_at(e, c, lstart, _("the file must start with BEGIN:VCALENDAR"));
	bool zone_line = sc->mode == SCAN_FILE && (sc->depth <= 1 || sc->in_zone);
	bool ev_line = sc->mode == SCAN_EVENT && sc->depth >= 2;
	if (!strcmp(name, "BEGIN")) {
		if (sc->depth == MAX_DEPTH || vn == 0 || vn >= 32)
			return fail_at(e, c, lstart, _("BEGIN nested too deep or without a name"));
		snprintf(sc->stack[sc->depth], 32, "%.*s", (int)vn, v);
		for (char *q = sc->stack[sc->depth]; *q; q++)
			*q = (char)toupper((unsigned char)*q);
		sc->stack_line[sc->depth] = lstart;
		sc->depth++;
		if (sc->depth == 2) {
			bool vevent = !strcmp(sc->stack[1], "VEVENT");
			if (sc->mode == SCAN_FILE) {
				/* what libical takes for an event is one: a
				 * BEGIN;X=Y:VEVENT it does not take for one is
				 * left out as it always was */
				if (lib_begins(l, "VEVENT") && !vevent)
					sc->mismatch = true;
				vevent = vevent && lib_begins(l, "VEVENT");
				sc->in_zone = lib_begins(l, "VTIMEZONE");
				zone_line = sc->in_zone;
				if (vevent) {
					memset(&sc->ev, 0, sizeof sc->ev);
					sc->ev.off = l->off;
					sc->ev.line = lstart;
					sc->ev.hash = uid_hash_raw("", 0);
					sc->in_ev = true;
					sc->ev_uid = false;
				}
			} else if (vevent) {
				if (c->n_ev == c->cap_ev) {
					c->cap_ev = c->cap_ev ? 2 * c->cap_ev : 16;
					c->ev = xrealloc(c->ev, c->cap_ev * sizeof *c->ev);
				}
				cur = sc->cur_ev = &c->ev[c->n_ev++];
				memset(cur, 0, sizeof *cur);
				cur->begin = lstart;
				ev_line = true;
			}
		}
	} else if (!strcmp(name, "END")) {
		char want[32];
		snprintf(want, sizeof want, "%.*s", (int)(vn < 31 ? vn : 31), v);
		for (char *q = want; *q; q++)
			*q = (char)toupper((unsigned char)*q);
		if (sc->depth == 0 || strcmp(sc->stack[sc->depth - 1], want))
			return fail_at(e, c, lstart, _("END:%s does not close BEGIN:%s"), want,
				       sc->depth ? sc->stack[sc->depth - 1] : "-");
		sc->depth--;
		if (sc->depth == 1 && cur) {
			if (!cur->uid)
				ev_bad(cur, cur->begin, _("an event without UID"));
			if (!cur->dtstart)
				ev_bad(cur, cur->begin, _("an event without DTSTART"));
			sc->cur_ev = NULL;
		}
		if (sc->depth == 1 && sc->in_ev) {
			sc->ev.len = next_off - sc->ev.off < UINT32_MAX ? (uint32_t)(next_off - sc->ev.off) : UINT32_MAX;
			if (!sc->ev_uid)	/* no UID: an event on its own */
				sc->ev.hash = hash_byte(uid_hash_raw("", 0) ^ sc->ev.off, 0xff);
			if (sc->n_ix == sc->cap_ix) {
				sc->cap_ix = sc->cap_ix ? 2 * sc->cap_ix : 1024;
				sc->ix = xrealloc(sc->ix, sc->cap_ix * sizeof *sc->ix);
			}
			sc->ix[sc->n_ix++] = sc->ev;
			sc->in_ev = false;
		}
		if (sc->depth == 1 && sc->in_zone) {
			sc->in_zone = false;
			zone_line = true;
		}
		if (sc->depth == 0)
			sc->done = true;
	} else if (sc->depth == 2 && sc->in_ev && !sc->ev_uid && !strcmp(name, "UID")) {
		/* the first UID, as libical reads it */
		sc->ev_uid = true;
		if (l->after_name == ':') {
			sc->ev.hash = uid_hash_raw(v, vk);
		} else {
			/* parameters: let libical itself read the line */
			icalparser *p = icalparser_new();
			icalcomponent *x;
			icalparser_add_line(p, (char[]){ "BEGIN:VEVENT" });
			icalparser_add_line(p, lib_line(sc, l, name, false));
			x = icalparser_add_line(p, (char[]){ "END:VEVENT" });
			sc->ev.hash = uid_hash_str(x ? icalcomponent_get_uid(x) : NULL);
			if (x)
				icalcomponent_free(x);
			icalparser_free(p);
		}
	} else if (sc->depth == 2 && cur) {
		int *slot = NULL;
		bool is_dt = false;
		if (!strcmp(name, "UID")) slot = &cur->uid;
		else if (!strcmp(name, "DTSTART")) { slot = &cur->dtstart; is_dt = true; }
		else if (!strcmp(name, "DTEND")) { slot = &cur->dtend; is_dt = true; }
		else if (!strcmp(name, "DURATION")) slot = &cur->duration;
		else if (!strcmp(name, "X-MADOGUCHI-STAFF")) slot = &cur->staff;
		if (slot) {
			if (*slot && slot != &cur->staff)
				ev_bad(cur, lstart, _("%s given twice in one event"), name);
			if (!*slot)
				*slot = lstart;
		}
		if (!strcmp(name, "X-LIC-ERROR")) {
			cur->xlic = xrealloc(cur->xlic, (cur->n_xlic + 1) * sizeof *cur->xlic);
			cur->xlic[cur->n_xlic++] = text_unescape_n(v, vk);
		}
		for (int k = 0; k < RAW_COUNT; k++)
			if (!strcmp(name, raw_names[k]) && !cur->raw[k])
				cur->raw[k] = xstrndup(v, vk);
		if (!strcmp(name, "UID") && vn == 0)
			ev_bad(cur, lstart, _("an empty UID"));
		if (is_dt && !valid_dt(v, vn))
			ev_bad(cur, lstart, _("%s: '%.*s' is not a date or time (1900-2199)"),
			       name, (int)(vn < 40 ? vn : 40), v);
	}
	if (zone_line)
		zone_feed(sc, l, name);
	if (ev_line) {
		char *line = lib_line(sc, l, name, true);
		icalcomponent *root;
		if (!sc->ep)
			sc->ep = icalparser_new();
		if (line && (root = icalparser_add_line(sc->ep, line))) {
			if (sc->comp)
				icalcomponent_free(sc->comp);
			sc->comp = root;
		}
	}
	return 0;
}

/* The physical line being read has ended: a line that continues the
 * pending logical line is part of it; any other completes it. */
static int phys_end(struct scan *sc, struct err *e)
{
	struct lline *t;

	sc->in_phys = false;
	sc->pending_cr = false;	/* a CR before LF (or at the end of the file) */
	if (sc->cont)
		return 0;
	if (sc->cur->any && on_line(sc, sc->cur, sc->phys_off, e) < 0)
		return -1;
	if (sc->orphan)
		return fail_at(e, sc->c, sc->line, _("a continuation line with nothing to continue"));
	ll_reset(sc->cur);
	t = sc->cur;
	sc->cur = sc->nxt;
	sc->nxt = t;
	return 0;
}

/* Bytes of the physical line being read (no newline among them). */
static int phys_bytes(struct scan *sc, const char *s, size_t n, struct err *e)
{
	if (n && sc->pending_cr) {
		sc->pending_cr = false;
		if (phys_bytes(sc, "\r", 1, e) < 0)
			return -1;
	}
	if (n && s[n - 1] == '\r') {
		sc->pending_cr = true;	/* the line's end, if LF follows */
		n--;
	}
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if ((ch < 0x20 && ch != '\t') || ch == 0x7f)
			return fail_at(e, sc->c, sc->line, _("control character 0x%02x"), ch);
	}
	if (sc->phys_first) {
		bool blank = s[0] == ' ' || s[0] == '\t';
		sc->phys_first = false;
		sc->cont = blank && sc->cur->any;
		sc->orphan = blank && !sc->cont;
		if (sc->cont) {
			s++;
			n--;
		} else {
			sc->nxt->line = sc->line;
			sc->nxt->off = sc->phys_off;
		}
	}
	ll_add(sc->cont ? sc->cur : sc->nxt, s, n);
	return 0;
}

static size_t count_nl(const char *p, const char *end)
{
	size_t n = 0;

	while (p < end && (p = memchr(p, '\n', (size_t)(end - p)))) {
		n++;
		p++;
	}
	return n;
}

/* Read bytes [start, end) of src through the scanner, its first line
 * numbered line0.  The whole file (SCAN_FILE) also skips a byte-order
 * mark, refuses NUL bytes anywhere (before any other trouble: a UTF-16
 * file), and checks that the calendar ends. */
static int scan_range(struct scan *sc, const struct src *src, uint64_t start, uint64_t end,
		      int line0, struct err *e)
{
	bool whole = sc->mode == SCAN_FILE, failed = false;
	char *buf = xmalloc(end - start < READ_CHUNK ? (size_t)(end - start) + 1 : READ_CHUNK);
	uint64_t pos = start;
	struct err first;
	int rc = -1;

	sc->line = line0 - 1;
	while (pos < end) {
		size_t want = end - pos < READ_CHUNK ? (size_t)(end - pos) : READ_CHUNK;
		ssize_t got = src_read(src, pos, buf, want);
		const char *p = buf, *q, *z;
		if (got < 0) {
			err_set(e, ERR_INPUT, _("cannot read %s: %s"), sc->c->name, strerror(errno));
			goto out;
		}
		if (got == 0 && whole)
			break;
		if (got == 0) {
			err_set(e, ERR_INPUT, _("%s changed while it was read; nothing was imported"), sc->c->name);
			goto out;
		}
		q = buf + got;
		if (whole && (z = memchr(buf, '\0', (size_t)got))) {
			fail_at(e, sc->c, (int)(sc->nls + count_nl(buf, z) + 1),
				_("a NUL byte (is it UTF-16? save the calendar as UTF-8)"));
			goto out;
		}
		if (failed) {	/* only looking for a NUL byte now */
			sc->nls += count_nl(p, q);
			pos += (uint64_t)got;
			continue;
		}
		if (whole && pos == 0 && got >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
			p += 3;	/* a byte-order mark: tolerated */
		while (p < q) {
			if (!sc->in_phys) {
				sc->in_phys = sc->phys_first = true;
				sc->cont = sc->orphan = false;
				sc->line++;
				sc->phys_off = pos + (uint64_t)(p - buf);
			}
			const char *nl = memchr(p, '\n', (size_t)(q - p));
			const char *rest = NULL;
			if (phys_bytes(sc, p, (size_t)((nl ? nl : q) - p), e) < 0)
				rest = p;
			else if (nl && (sc->nls++, phys_end(sc, e) < 0))
				rest = nl + 1;
			if (!rest && sc->mode == SCAN_EVENT && sc->comp) {
				/* the event is complete: what follows is not its */
				goto done;
			}
			if (rest) {
				if (!whole)
					goto out;
				failed = true;
				first = *e;
				sc->nls += count_nl(rest, q);
				break;
			}
			p = nl ? nl + 1 : q;
		}
		pos += (uint64_t)got;
	}
	if (failed) {
		*e = first;
		goto out;
	}
	if (sc->in_phys && phys_end(sc, e) < 0)
		goto out;
	if (sc->cur->any && on_line(sc, sc->cur, pos, e) < 0)
		goto out;
	ll_reset(sc->cur);
	if (whole && sc->depth > 0) {
		fail_at(e, sc->c, sc->line ? sc->line : 1, _("the file ends inside BEGIN:%s of line %d"),
			sc->stack[sc->depth - 1], sc->stack_line[sc->depth - 1]);
		goto out;
	}
	if (whole && !sc->done) {
		fail_at(e, sc->c, sc->line ? sc->line : 1, _("no calendar in the file"));
		goto out;
	}
done:
	rc = 0;
out:
	free(buf);
	return rc;
}

/* ---- time zones ---- */

static icaltimezone *iana_zone(const char *name);

/* A TZID: an IANA name from the zone database (libical's), else the
 * file's own VTIMEZONE (Outlook's "Osaka, Sapporo, Tokyo", custom zones),
 * else a Windows zone name through ICU's CLDR mapping.  The database
 * comes first for IANA names: some writers' VTIMEZONEs hold only the
 * rules from a recent year on, and libical reads a time before their
 * first onset with the wrong offset. */
static icaltimezone *find_zone(icalcomponent *cal, const char *tzid)
{
	icaltimezone *z;
	char iana[128];

	if (!tzid || !*tzid)
		return NULL;
	if (strchr(tzid, '/') && (z = iana_zone(tzid)))
		return z;
	if ((z = icalcomponent_get_timezone(cal, tzid)))
		return z;
	if ((z = icaltimezone_get_builtin_timezone_from_tzid(tzid)))
		return z;
	if ((z = icaltimezone_get_builtin_timezone(tzid)))
		return z;
	if (zone_windows_to_iana(tzid, iana, sizeof iana) == 0)
		return icaltimezone_get_builtin_timezone(iana);
	return NULL;
}

/* An IANA zone by name, its case as written or not ("Europe/lisbon"),
 * or by an old alias ("US/Pacific"); NULL if none. */
static icaltimezone *iana_zone(const char *name)
{
	icaltimezone *z = icaltimezone_get_builtin_timezone(name);
	icalarray *all;
	char canon[128];

	if (z)
		return z;
	all = icaltimezone_get_builtin_timezones();
	for (size_t i = 0; all && i < all->num_elements; i++) {
		icaltimezone *x = icalarray_element_at(all, i);
		const char *loc = icaltimezone_get_location(x);
		if (loc && !strcasecmp(loc, name))
			return x;
	}
	if (zone_canonical(name, canon, sizeof canon) == 0 && strcmp(canon, name))
		return icaltimezone_get_builtin_timezone(canon);
	return NULL;
}

/* The calendar's own zone (X-WR-TIMEZONE, as Google and Apple write
 * it), or NULL. */
static const char *x_value(icalcomponent *ev, const char *name);

static icaltimezone *calendar_zone(icalcomponent *cal)
{
	const char *v = x_value(cal, "X-WR-TIMEZONE");
	return v && *v ? find_zone(cal, v) : NULL;
}

/* The time of property p with its zone attached: UTC, the TZID's zone,
 * or floating (zone NULL).  A calendar with X-WR-TIMEZONE has its
 * floating and UTC times in that zone (so a repeating UTC event keeps
 * its hour in that zone's summer and winter).  An empty TZID is a
 * floating time.  -1 for a TZID nobody knows. */
static int prop_time(icalcomponent *cal, icalproperty *p, struct icaltimetype *t)
{
	icalparameter *par = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
	const char *tzid = par ? icalparameter_get_tzid(par) : NULL;

	if (t->is_date) {
		t->zone = NULL;
		return 0;
	}
	if (icaltime_is_utc(*t)) {
		icaltimezone *cz = calendar_zone(cal);
		t->zone = icaltimezone_get_utc_timezone();
		if (cz)
			*t = icaltime_convert_to_zone(*t, cz);
		return 0;
	}
	t->zone = NULL;
	if (tzid && *tzid) {
		icaltimezone *z = find_zone(cal, tzid);
		if (!z)
			return -1;
		t->zone = z;
	} else if (!tzid) {
		t->zone = calendar_zone(cal);
	}
	return 0;
}

static const char *prop_tzid(icalproperty *p)
{
	icalparameter *par = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
	return par ? icalparameter_get_tzid(par) : "";
}

/* A time as desk local day and minute (all-day: minute -1); floating
 * times are desk time as they stand. */
static void to_desk(struct icaltimetype t, int *day, int *minute)
{
	/* libical's built-in zones live as long as the process: look the
	 * desk's up once, not per occurrence (a search of 400 names) */
	static icaltimezone *tokyo;

	if (!t.is_date && t.zone) {
		if (!tokyo)
			tokyo = icaltimezone_get_builtin_timezone(DESK_TZID);
		t = icaltime_convert_to_zone(t, tokyo);
	}
	*day = date_from_ymd(t.year, t.month, t.day);
	*minute = t.is_date ? -1 : t.hour * 60 + t.minute;
}

/* An instant to compare occurrences by: seconds, floating times and
 * dates taken as UTC. */
static time_t instant(struct icaltimetype t)
{
	if (t.is_date || !t.zone)
		return icaltime_as_timet_with_zone(t, icaltimezone_get_utc_timezone());
	return icaltime_as_timet_with_zone(t, (icaltimezone *)t.zone);
}

/* ---- text ---- */

/* Control characters of a field become spaces (a newline stays in a
 * multi-line field); a value over max characters is shortened to
 * max - 1 and ends with "…".  Never cuts a character. */
static char *text_fit_field(const char *s, bool multi, size_t max)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = strlen(s), i = 0, chars = 0;

	while (i < n) {
		unsigned cp;
		size_t l = text_utf8_decode(s + i, n - i, &cp);
		if (!l) {
			strbuf_adds(&sb, "\xEF\xBF\xBD");
			i++;
		} else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f)) {
			strbuf_add(&sb, multi && (cp == '\n' || cp == '\t') ? s + i : " ", 1);
			i += l;
		} else if (cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
			   (cp >= 0x2066 && cp <= 0x2069)) {
			i += l;
			continue;
		} else {
			strbuf_add(&sb, s + i, l);
			i += l;
		}
		if (++chars == max - 1 && i < n) {
			/* more than max characters may follow: look */
			size_t rest = 0;
			for (size_t k = i; k < n && rest < 2; k++)
				rest += ((unsigned char)s[k] & 0xC0) != 0x80;
			if (rest >= 2) {
				strbuf_adds(&sb, "…");
				break;
			}
		}
	}
	char *out = xstrdup(strbuf_str(&sb));
	strbuf_release(&sb);
	return out;
}

/* The text field from its raw value in the file (NULL: absent or empty). */
static char *text_field(const char *raw, bool multi, size_t max)
{
	char *s, *t;

	if (!raw || !*raw)
		return NULL;
	s = text_unescape_n(raw, strlen(raw));
	t = text_fit_field(s, multi, max);
	free(s);
	if (!*t || (!multi && !t[strspn(t, " ")])) {
		free(t);
		return NULL;
	}
	return t;
}

/* ---- conversion ---- */

/* One VEVENT of the file. */
struct vev {
	icalcomponent *c;
	size_t k;		/* index into check.ev */
	const char *uid;	/* libical's, borrowed */
	bool override;		/* has RECURRENCE-ID */
	bool bad;
	/* its texts and values, made once for all the rows it gives (a
	 * series of thousands borrows one note): vev_texts() */
	bool has_texts, has_appt;
	struct prog_event tx;	/* title (NULL: none), place, note, program_name,
				 * updated_at, sequence, capacity, reg_deadline */
	char *text[RAW_COUNT];	/* an appointment's: RAW_NOTE, RAW_ORG .. RAW_OVERRIDE */
	char *code[APC_COUNT];
};

static void vev_release(struct vev *v)
{
	if (v->c)
		icalcomponent_free(v->c);
	prog_event_release(&v->tx);
	for (int k = 0; k < RAW_COUNT; k++)
		free(v->text[k]);
	for (int k = 0; k < APC_COUNT; k++)
		free(v->code[k]);
}

/* One occurrence: a row (or a row a day, for blocks) of the desk. */
struct occ {
	struct icaltimetype orig;	/* its start in the series (RECURRENCE-ID) */
	struct icaltimetype start, end;
	size_t src;			/* the vev it takes its text from */
	time_t at;			/* instant(orig) */
	bool gone;
};

struct group {
	struct occ *o;
	size_t n, cap;
};

static void occ_push(struct group *g, struct icaltimetype orig, struct icaltimetype s,
		     struct icaltimetype e, size_t src)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 8;
		g->o = xrealloc(g->o, g->cap * sizeof *g->o);
	}
	g->o[g->n].orig = orig;
	g->o[g->n].start = s;
	g->o[g->n].end = e;
	g->o[g->n].src = src;
	g->o[g->n].gone = false;
	g->o[g->n].at = instant(orig);
	g->n++;
}

/* Does occurrence start a match RECURRENCE-ID (or EXDATE) r? */
static bool same_start(struct icaltimetype a, struct icaltimetype r)
{
	if (a.is_date || r.is_date)	/* the dates as written */
		return a.year == r.year && a.month == r.month && a.day == r.day;
	return instant(a) == instant(r);
}

static int occ_cmp(const void *a, const void *b)
{
	const struct occ *x = a, *y = b;
	time_t ix = x->at, iy = y->at;

	if (ix != iy)
		return ix < iy ? -1 : 1;
	if (x->orig.is_date != y->orig.is_date)
		return x->orig.is_date - y->orig.is_date;
	return x->gone - y->gone;	/* the EXDATE'd copy last, never first */
}

static struct icaltimetype add_dur(struct icaltimetype t, struct icaldurationtype du);

#define SERIES_MAX 200000	/* occurrences of one series, a guard against FREQ=SECONDLY */
#define FILE_MAX 1000000	/* occurrences of one file */

/* The end of an occurrence starting at s, from the event's DTEND,
 * DURATION or the defaults (a day for a date, none for a time). */
static int event_span(icalcomponent *cal, icalcomponent *ev, struct icaltimetype ts,
		      struct icaldurationtype *du, bool *has_end, struct icaltimetype *end,
		      const struct ev_lines *L, char *why, size_t whylen, int *why_line)
{
	icalproperty *pe = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
	icalproperty *pd = icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY);

	*has_end = true;
	*du = icaldurationtype_null_duration();
	*end = icaltime_null_time();
	if (pe) {
		struct icaltimetype te = icalproperty_get_dtend(pe);
		if (prop_time(cal, pe, &te) < 0) {
			snprintf(why, whylen, _("unknown time zone '%s'"), prop_tzid(pe));
			*why_line = L->dtend;
			return -1;
		}
		if (te.is_date != ts.is_date) {
			snprintf(why, whylen, "%s", _("DTEND and DTSTART must both be dates or both times"));
			*why_line = L->dtend;
			return -1;
		}
		if (instant(te) < instant(ts)) {
			snprintf(why, whylen, "%s",
				 !ts.is_date && !ts.zone != !te.zone
					 ? _("the event ends before it starts (DTSTART and DTEND mix a floating time with one in a zone)")
					 : _("the event ends before it starts"));
			*why_line = L->dtend;
			return -1;
		}
		*end = te;
		if (te.zone == ts.zone) {
			/* one zone: the difference on the clock, so that each
			 * occurrence ends at the same hour across a DST change */
			struct icaltimetype a = ts, b = te;
			a.zone = b.zone = NULL;
			*du = icaldurationtype_from_int((int)(instant(b) - instant(a)));
		} else {
			*du = icaldurationtype_from_int((int)(instant(te) - instant(ts)));
		}
	} else if (pd) {
		*du = icalproperty_get_duration(pd);
		if (du->is_neg) {
			snprintf(why, whylen, "%s", _("the event ends before it starts"));
			*why_line = L->duration;
			return -1;
		}
	} else if (ts.is_date) {
		du->days = 1;
	} else {
		*has_end = false;
	}
	if (*has_end && icaltime_is_null_time(*end))
		*end = add_dur(ts, *du);
	return 0;
}

static struct icaltimetype add_dur(struct icaltimetype t, struct icaldurationtype du)
{
	const icaltimezone *z = t.zone;
	struct icaltimetype r = icaltime_add(t, du);
	r.zone = z;
	return r;
}

static int desk_day_of(struct icaltimetype t)
{
	int d, m;
	to_desk(t, &d, &m);
	return d;
}

/* Expand one master VEVENT into g: DTSTART, every RRULE occurrence
 * before the horizon, every RDATE, less the EXDATEs. */
static int expand_master(icalcomponent *cal, icalcomponent *ev, size_t src, const struct ev_lines *L,
			 int horizon, struct group *g, bool *truncated, char *why, size_t whylen,
			 int *why_line)
{
	icalproperty *ps = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY), *p;
	struct icaltimetype ts = icalproperty_get_dtstart(ps), te;
	struct icaldurationtype du;
	bool has_end;
	size_t first = g->n;

	if (prop_time(cal, ps, &ts) < 0) {
		snprintf(why, whylen, _("unknown time zone '%s'"), prop_tzid(ps));
		*why_line = L->dtstart;
		return -1;
	}
	if (event_span(cal, ev, ts, &du, &has_end, &te, L, why, whylen, why_line) < 0)
		return -1;
	occ_push(g, ts, ts, has_end ? te : ts, src);	/* always: the horizon bounds rules only */
	for (p = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_RRULE_PROPERTY)) {
		struct icalrecurrencetype rr = icalproperty_get_rrule(p);
		icalrecur_iterator *it = icalrecur_iterator_new(rr, ts);
		size_t n = 0;
		if (!it) {
			snprintf(why, whylen, "%s", _("a repeat rule (RRULE) that cannot be expanded"));
			*why_line = L->begin;
			return -1;
		}
		for (;;) {
			struct icaltimetype t = icalrecur_iterator_next(it);
			if (icaltime_is_null_time(t))
				break;
			t.zone = ts.zone;
			t.is_date = ts.is_date;
			if (desk_day_of(t) >= horizon)
				break;
			if (++n > SERIES_MAX) {
				*truncated = true;
				break;
			}
			occ_push(g, t, t, has_end ? add_dur(t, du) : t, src);
		}
		icalrecur_iterator_free(it);
	}
	for (p = icalcomponent_get_first_property(ev, ICAL_RDATE_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_RDATE_PROPERTY)) {
		struct icaldatetimeperiodtype dp = icalproperty_get_rdate(p);
		struct icaltimetype s, e;
		if (!icaltime_is_null_time(dp.time)) {
			s = dp.time;
			if (prop_time(cal, p, &s) < 0)
				continue;
			e = has_end ? add_dur(s, du) : s;
		} else if (!icaltime_is_null_time(dp.period.start)) {
			s = dp.period.start;
			if (prop_time(cal, p, &s) < 0)
				continue;
			if (!icaltime_is_null_time(dp.period.end)) {
				e = dp.period.end;
				e.zone = s.zone;
				if (icaltime_is_utc(dp.period.end))
					e.zone = icaltimezone_get_utc_timezone();
			} else {
				e = add_dur(s, dp.period.duration);
			}
		} else {
			continue;
		}
		occ_push(g, s, s, e, src);	/* a finite list: all of it */
	}
	for (p = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_EXDATE_PROPERTY)) {
		struct icaltimetype x = icalproperty_get_exdate(p);
		if (prop_time(cal, p, &x) < 0)
			continue;
		for (size_t i = first; i < g->n; i++)
			if (!g->o[i].gone && same_start(g->o[i].orig, x))
				g->o[i].gone = true;
	}
	/* the same start twice (DTSTART is also the rule's first) */
	if (g->n > first)
		qsort(g->o + first, g->n - first, sizeof *g->o, occ_cmp);
	for (size_t i = first + 1; i < g->n; i++)
		if (g->o[i].at == g->o[i - 1].at &&
		    g->o[i].orig.is_date == g->o[i - 1].orig.is_date)
			g->o[i].gone = true;
	return 0;
}

static bool has_category(icalcomponent *ev, const char *const *names)
{
	for (icalproperty *p = icalcomponent_get_first_property(ev, ICAL_CATEGORIES_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_CATEGORIES_PROPERTY)) {
		const char *v = icalproperty_get_categories(p);
		if (!v)
			continue;
		char *copy = xstrdup(v), *save = NULL;
		bool hit = false;
		for (char *t = strtok_r(copy, ",", &save); t && !hit; t = strtok_r(NULL, ",", &save))
			for (const char *const *n = names; *n && !hit; n++)
				hit = !strcasecmp(text_trim(t), *n);
		free(copy);
		if (hit)
			return true;
	}
	return false;
}

static const char *x_value(icalcomponent *ev, const char *name)
{
	for (icalproperty *p = icalcomponent_get_first_property(ev, ICAL_X_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_X_PROPERTY)) {
		const char *n = icalproperty_get_x_name(p);
		if (n && !strcasecmp(n, name)) {
			const char *v = icalproperty_get_x(p);
			return v ? v : icalproperty_get_value_as_string(p);
		}
	}
	return NULL;
}

static bool is_cancelled(icalcomponent *ev)
{
	icalproperty *p = icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY);
	return p && icalproperty_get_status(p) == ICAL_STATUS_CANCELLED;
}

/* One row (a block: a row a day) to store. */
struct row {
	char *key;		/* the row's own; every string below is borrowed
				 * (from its vev, its group, or key) */
	bool block;
	long long staff_id;
	struct prog_event ev;	/* uid (= key), title, place, note, times */
	int last_day, last_min;	/* blocks: last day and the minute it ends there */
	/* another desk's appointment, to be booked here (ev: the event it
	 * becomes when this desk's rules refuse it) */
	bool appt;
	int line;
	char *const *text;	/* its vev's: RAW_NOTE, RAW_ORG .. RAW_OVERRIDE */
	char *const *code;
};

/* What one UID of the file gives. */
struct gout {
	char *uid;
	int line;		/* its first BEGIN:VEVENT */
	int seq;
	char stamp[20];		/* YYYYMMDDTHHMMSSZ or "" */
	struct row *rows;
	size_t n, cap;
	bool skip;		/* trouble: what is stored stays as it is */
};

static void gout_release(struct gout *g)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->rows[i].key);
	free(g->rows);
	free(g->uid);
}

static void note_add(struct ical_import_result *r, const char *name, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void note_add(struct ical_import_result *r, const char *name, int line, const char *fmt, ...)
{
	char msg[700];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	r->notes = xrealloc(r->notes, (r->n_notes + 1) * sizeof *r->notes);
	r->notes[r->n_notes++] = xasprintf(_("%s: line %d: %s"), name, line, msg);
}

void ical_import_result_release(struct ical_import_result *r)
{
	for (size_t i = 0; i < r->n_notes; i++)
		free(r->notes[i]);
	free(r->notes);
	r->notes = NULL;
	r->n_notes = 0;
}

static void fmt_orig(char *buf, size_t n, struct icaltimetype t)
{
	if (t.is_date)
		snprintf(buf, n, "%04d%02d%02d", t.year, t.month, t.day);
	else
		snprintf(buf, n, "%04d%02d%02dT%02d%02d%02d%s", t.year, t.month, t.day, t.hour,
			 t.minute, t.second, icaltime_is_utc(t) ? "Z" : "");
}

/* The version of a VEVENT: SEQUENCE, and LAST-MODIFIED else DTSTAMP. */
static void ev_version(icalcomponent *ev, int *seq, char stamp[20])
{
	icalproperty *p;
	struct icaltimetype t = icaltime_null_time();

	*seq = 0;
	stamp[0] = '\0';
	if ((p = icalcomponent_get_first_property(ev, ICAL_SEQUENCE_PROPERTY)))
		*seq = icalproperty_get_sequence(p) > 0 ? icalproperty_get_sequence(p) : 0;
	if ((p = icalcomponent_get_first_property(ev, ICAL_LASTMODIFIED_PROPERTY)))
		t = icalproperty_get_lastmodified(p);
	if (icaltime_is_null_time(t) && (p = icalcomponent_get_first_property(ev, ICAL_DTSTAMP_PROPERTY)))
		t = icalproperty_get_dtstamp(p);
	if (!icaltime_is_null_time(t))
		snprintf(stamp, 20, "%04d%02d%02dT%02d%02d%02dZ", t.year, t.month, t.day, t.hour,
			 t.minute, t.second);
}

struct conv {
	const struct desk_ctx *d;
	const struct check *c;
	icalcomponent *cal;
	const struct ical_import_opts *o;
	struct ical_import_result *r;
	struct vev *v;
	int horizon;
	size_t total;		/* occurrences made so far, against FILE_MAX */
};

/* cv->v[i] with its texts and values made (once). */
static const struct vev *vev_texts(struct conv *cv, size_t i)
{
	struct vev *v = &cv->v[i];
	const struct ev_lines *L = &cv->c->ev[v->k];
	struct prog_event *tx = &v->tx;

	if (v->has_texts)
		return v;
	v->has_texts = true;
	const char *kind = x_value(v->c, "X-MADOGUCHI-KIND");
	bool own_event = kind && !strcasecmp(kind, "event");
	tx->capacity = -1;
	tx->title = text_field(L->raw[RAW_SUMMARY], false, 200);
	tx->place = text_field(L->raw[RAW_LOCATION], false, 200);
	tx->note = text_field(L->raw[own_event ? RAW_NOTE : RAW_DESCRIPTION], true, 4000);
	tx->program_name = own_event ? text_field(L->raw[RAW_PROGRAM], false, 200) : NULL;
	icalproperty *p = icalcomponent_get_first_property(v->c, ICAL_SEQUENCE_PROPERTY);
	if (p)
		tx->sequence = icalproperty_get_sequence(p) > 0 ? icalproperty_get_sequence(p) : 0;
	if ((p = icalcomponent_get_first_property(v->c, ICAL_LASTMODIFIED_PROPERTY))) {
		struct icaltimetype lm = icalproperty_get_lastmodified(p);
		if (icaltime_is_utc(lm) && !icaltime_is_null_time(lm))
			tx->updated_at = xasprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", lm.year,
						   lm.month, lm.day, lm.hour, lm.minute, lm.second);
	}
	const char *cap = x_value(v->c, "X-MADOGUCHI-CAPACITY");
	if (cap && *cap) {
		char *endp;
		long n = strtol(cap, &endp, 10);
		if (!*endp && n >= 0 && n <= 1000000)
			tx->capacity = (int)n;
	}
	const char *reg = x_value(v->c, "X-MADOGUCHI-REG-DEADLINE");
	if (reg && *reg && date_parse(reg, &tx->reg_deadline) < 0)
		tx->reg_deadline = 0;
	return v;
}

/* The row of occurrence oc of group g (text from its source event). */
static int occ_row(struct conv *cv, struct gout *g, const struct occ *oc, const char *key,
		   bool block, long long staff_id, char *why, size_t whylen)
{
	const struct vev *v = vev_texts(cv, oc->src);
	int sd, sm, ed, em, last;
	struct row *rw;

	to_desk(oc->start, &sd, &sm);
	to_desk(oc->end, &ed, &em);
	if (oc->start.is_date) {
		if (ed <= sd)
			ed = sd + 1;
		last = ed - 1;
	} else {
		if (ed < sd || (ed == sd && em < sm)) {
			snprintf(why, whylen, "%s", _("the event ends before it starts"));
			return -1;
		}
		if (em == 0 && ed > sd) {	/* ends at midnight: the day before at 24:00 */
			ed--;
			em = 1440;
		}
		last = ed;
	}
	if (sd < date_from_ymd(1900, 1, 1) || last > date_from_ymd(2199, 12, 31)) {
		snprintf(why, whylen, "%s", _("a date outside 1900-2199"));
		return -1;
	}
	if (block && !oc->start.is_date && last == sd && em <= sm)
		return 0;	/* a block of no time blocks nothing */
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 8;
		g->rows = xrealloc(g->rows, g->cap * sizeof *g->rows);
	}
	rw = &g->rows[g->n++];
	memset(rw, 0, sizeof *rw);
	rw->key = xstrdup(key);
	rw->block = block;
	rw->staff_id = staff_id;
	rw->ev = v->tx;		/* its texts and values, borrowed */
	rw->ev.uid = rw->key;
	if (!rw->ev.title)
		rw->ev.title = (char *)(block ? _("(busy)") : _("(untitled)"));
	rw->ev.src_uid = g->uid;
	rw->ev.src_seq = g->seq;
	rw->ev.src_stamp = g->stamp[0] ? g->stamp : NULL;
	rw->ev.start_min = rw->ev.end_min = rw->ev.end_day_min = -1;
	rw->ev.day = sd;
	if (oc->start.is_date) {
		rw->ev.end_day = last > sd ? last : 0;
		rw->last_day = last;
		rw->last_min = 1440;
	} else {
		rw->ev.start_min = sm;
		if (ed == sd) {
			rw->ev.end_min = em > sm ? em : -1;
		} else {
			rw->ev.end_day = ed;
			rw->ev.end_day_min = em;
		}
		rw->last_day = ed;
		rw->last_min = em;
	}
	return 0;
}

/* An appointment row's texts and codes, from its VEVENT. */
static void appt_fields(struct conv *cv, struct row *rw, const struct occ *oc)
{
	struct vev *v = &cv->v[oc->src];
	const struct ev_lines *L = &cv->c->ev[v->k];
	static const size_t max[RAW_COUNT] = {
		[RAW_ORG] = 200, [RAW_MUNICIPALITY] = 20, [RAW_CONTACT] = 100, [RAW_PHONE] = 40,
		[RAW_EMAIL] = 254, [RAW_OVERRIDE] = 500,
	};

	rw->appt = true;
	rw->line = L->begin;
	rw->text = v->text;
	rw->code = v->code;
	if (v->has_appt)
		return;	/* made for an earlier row */
	v->has_appt = true;
	for (int k = RAW_ORG; k < RAW_COUNT; k++)
		v->text[k] = text_field(L->raw[k], false, max[k]);
	v->text[RAW_NOTE] = text_field(L->raw[RAW_NOTE], true, 4000);
	for (int k = 0; k < APC_COUNT; k++) {
		const char *x = x_value(v->c, apc_names[k]);
		v->code[k] = x && *x ? xstrdup(x) : NULL;
	}
}

/* Which row key an occurrence gets: the UID itself for a lone event
 * (as madoguchi's own exports round-trip), else UID/its start. */
static char *occ_key(const char *uid, bool lone, const struct occ *oc)
{
	char t[32];

	if (lone)
		return xstrdup(uid);
	fmt_orig(t, sizeof t, oc->orig);
	return xasprintf("%s/%s", uid, t);
}

/* Every VEVENT of one UID (v[idx[0..n-1]], in file order) into g. */
static int convert_group(struct conv *cv, const size_t *idx, size_t n, struct gout *g,
			 struct err *e)
{
	static const char *const block_names[] = { "block", "blocks", "ブロック", "不在", NULL };
	const struct check *c = cv->c;
	struct group occs = { 0 };
	size_t n_master = 0, first_master = SIZE_MAX;
	bool truncated = false, repeating = false, ruled = false, block = false, failed = false;
	bool appt = false;	/* another desk's appointment whose staff member works here */
	long long staff_id = 0;
	char why[600];
	int why_line = 0;

	g->line = c->ev[cv->v[idx[0]].k].begin;
	g->uid = xstrdup(cv->v[idx[0]].uid);
	for (size_t i = 0; i < n; i++) {
		struct vev *v = &cv->v[idx[i]];
		int s;
		char st[20];
		ev_version(v->c, &s, st);
		if (s > g->seq)
			g->seq = s;
		if (strcmp(st, g->stamp) > 0)
			memcpy(g->stamp, st, sizeof st);
		if (!v->override) {
			n_master++;
			if (first_master == SIZE_MAX)
				first_master = idx[i];
			if (icalcomponent_get_first_property(v->c, ICAL_RRULE_PROPERTY))
				ruled = true;
			if (ruled || icalcomponent_get_first_property(v->c, ICAL_RDATE_PROPERTY))
				repeating = true;
			if (v->bad)
				g->skip = true;
		}
	}
	if (g->skip) {	/* a master in trouble (told already): the series stays as stored */
		for (size_t i = 0; i < n; i++)
			cv->r->skipped += !cv->v[idx[i]].bad;
		return 0;
	}
	/* what the series becomes: from its (first) master, else its first event */
	{
		const struct vev *m = &cv->v[first_master != SIZE_MAX ? first_master : idx[0]];
		const char *kind = x_value(m->c, "X-MADOGUCHI-KIND");
		const char *staff = x_value(m->c, "X-MADOGUCHI-STAFF");
		const char *scope = x_value(m->c, "X-MADOGUCHI-SCOPE");
		bool own_block = kind && !strcasecmp(kind, "block");
		bool own_appt = kind && !strcasecmp(kind, "appointment");
		bool desk_wide = own_block && scope && !strcasecmp(scope, "desk");
		if (kind && !strcasecmp(kind, "deadline")) {
			/* deadlines come from the programs and events themselves */
			cv->r->skipped += (int)n;
			g->skip = true;
			return 0;
		}
		if (cv->o->as == ICAL_IMPORT_BLOCKS)
			block = true;
		else if (cv->o->as == ICAL_IMPORT_AUTO && own_appt)
			block = false;	/* another desk's appointment: a calendar item here */
		else if (cv->o->as == ICAL_IMPORT_AUTO && own_block)
			block = cv->o->staff_id || (staff && *staff) || desk_wide;
		else if (cv->o->as == ICAL_IMPORT_AUTO)
			block = cv->o->staff_id || (staff && *staff) || has_category(m->c, block_names);
		if (own_appt && !block && cv->o->as == ICAL_IMPORT_AUTO && staff && *staff) {
			struct staff stf;
			struct err e2;
			int rc = db_staff_find(cv->d->db, staff, &stf, &e2);
			if (rc < 0)
				return err_set(e, e2.code, "%s", e2.msg);
			if (rc == 0) {
				appt = true;	/* booked here, by this desk's rules */
				staff_id = stf.id;
				staff_release(&stf);
			}
		}
		if (own_appt && !block && !appt && !is_cancelled(m->c))
			cv->r->appointments++;
		if (block && cv->o->staff_id) {
			staff_id = cv->o->staff_id;
		} else if (block && staff && *staff) {
			struct staff stf;
			struct err e2;
			int rc = db_staff_find(cv->d->db, staff, &stf, &e2);
			if (rc < 0)
				return err_set(e, e2.code, "%s", e2.msg);
			if (rc == 1 && own_block) {
				block = false;	/* a madoguchi block of someone not here: an event */
			} else if (rc == 1) {
				note_add(cv->r, c->name, c->ev[m->k].staff,
					 _("no staff member '%s' (see madoguchi staff list); event skipped"), staff);
				cv->r->skipped += (int)n;
				g->skip = true;
				return 0;
			} else {
				staff_id = stf.id;
				staff_release(&stf);
			}
		}
	}
	/* the occurrences of every master */
	for (size_t i = 0; i < n; i++) {
		struct vev *v = &cv->v[idx[i]];
		if (v->override || (is_cancelled(v->c) && !appt))
			continue;
		if (expand_master(cv->cal, v->c, idx[i], &c->ev[v->k], cv->horizon, &occs, &truncated,
				  why, sizeof why, &why_line) < 0) {
			note_add(cv->r, c->name, why_line, _("%s; event skipped"), why);
			cv->r->skipped += (int)n;
			g->skip = true;
			goto out;
		}
	}
	if (truncated)
		note_add(cv->r, c->name, g->line, _("more than %d occurrences of one series: the rest were left out"),
			 SERIES_MAX);
	cv->total += occs.n;
	if (cv->total > FILE_MAX) {
		note_add(cv->r, c->name, g->line,
			 _("the file makes more than %d occurrences: this series was left out"), FILE_MAX);
		cv->r->skipped += (int)n;
		g->skip = true;
		goto out;
	}
	/* RECURRENCE-ID: an occurrence moved, changed or cancelled (none
	 * of the series is left when the series itself is cancelled) */
	size_t n_live = 0;
	for (size_t i = 0; i < n; i++)
		n_live += !cv->v[idx[i]].override && (appt || !is_cancelled(cv->v[idx[i]].c));
	for (size_t i = 0; i < n && (n_live || !n_master); i++) {
		struct vev *v = &cv->v[idx[i]];
		const struct ev_lines *L = &c->ev[v->k];
		if (!v->override)
			continue;
		if (v->bad) {
			note_add(cv->r, c->name, L->bad_line, _("%s; event skipped"), L->bad);
			cv->r->skipped++;
			continue;
		}
		icalproperty *pr = icalcomponent_get_first_property(v->c, ICAL_RECURRENCEID_PROPERTY);
		icalproperty *ps = icalcomponent_get_first_property(v->c, ICAL_DTSTART_PROPERTY);
		struct icaltimetype rid = icalproperty_get_recurrenceid(pr), ts = icalproperty_get_dtstart(ps);
		struct icaldurationtype du;
		bool has_end;
		if (prop_time(cv->cal, pr, &rid) < 0)
			rid.zone = NULL;	/* an unknown zone: match as written */
		if (prop_time(cv->cal, ps, &ts) < 0) {
			note_add(cv->r, c->name, L->dtstart, _("unknown time zone '%s'; event skipped"),
				 prop_tzid(ps));
			cv->r->skipped++;
			continue;
		}
		struct icaltimetype te;
		if (event_span(cv->cal, v->c, ts, &du, &has_end, &te, L, why, sizeof why, &why_line) < 0) {
			note_add(cv->r, c->name, why_line, _("%s; event skipped"), why);
			cv->r->skipped++;
			continue;
		}
		size_t hit = SIZE_MAX;
		for (size_t j = 0; j < occs.n && hit == SIZE_MAX; j++)
			if (!occs.o[j].gone && same_start(occs.o[j].orig, rid))
				hit = j;
		if (hit == SIZE_MAX) {
			if (is_cancelled(v->c))
				continue;
			/* the rule's occurrences stop at the horizon: so do its changed ones */
			if (ruled && desk_day_of(rid) >= cv->horizon && desk_day_of(ts) >= cv->horizon)
				continue;
			occ_push(&occs, rid, ts, has_end ? te : ts, idx[i]);
			continue;
		}
		if (is_cancelled(v->c)) {
			occs.o[hit].gone = true;
			continue;
		}
		occs.o[hit].start = ts;
		occs.o[hit].end = has_end ? te : ts;
		occs.o[hit].src = idx[i];
	}
	/* the rows */
	bool lone = n == 1 && n_master == 1 && !repeating;
	if (appt && !lone) {	/* an appointment never repeats: no madoguchi export */
		appt = false;
		cv->r->appointments++;
	}
	for (size_t j = 0; j < occs.n; j++) {
		if (occs.o[j].gone)
			continue;
		char *key = occ_key(g->uid, lone, &occs.o[j]);
		if (n_master > 1) {	/* a UID used twice: keep both */
			char *base = occ_key(g->uid, false, &occs.o[j]);
			for (int dup = 2; ; dup++) {
				bool clash = false;
				for (size_t q = 0; q < g->n && !clash; q++)
					clash = !strcmp(g->rows[q].key, key);
				if (!clash)
					break;
				free(key);
				key = xasprintf("%s/%d", base, dup);
			}
			free(base);
		}
		if (strlen(g->uid) > 170 || strlen(key) > 200) {
			note_add(cv->r, c->name, g->line, "%s", _("a UID over 170 characters; event skipped"));
			free(key);
			cv->r->skipped += (int)n;
			g->skip = true;
			goto out;
		}
		int rc = occ_row(cv, g, &occs.o[j], key, block, staff_id, why, sizeof why);
		free(key);
		if (rc == 0 && appt)
			appt_fields(cv, &g->rows[g->n - 1], &occs.o[j]);
		if (rc < 0) {
			note_add(cv->r, c->name, c->ev[cv->v[occs.o[j].src].k].begin, _("%s; event skipped"), why);
			cv->r->skipped++;
			failed = true;
		}
	}
	if (failed && g->n == 0)
		g->skip = true;	/* leave what an earlier import stored */
out:
	free(occs.o);
	return 0;
}

/* ---- storing ---- */

struct keyset {
	char **k;
	size_t n, cap;
};

static void keyset_add(struct keyset *s, const char *k)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->k = xrealloc(s->k, s->cap * sizeof *s->k);
	}
	s->k[s->n++] = xstrdup(k);
}

static int keyset_collect(const char *uid, void *arg)
{
	keyset_add(arg, uid);
	return 0;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void keyset_release(struct keyset *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->k[i]);
	free(s->k);
	memset(s, 0, sizeof *s);
}

/* Book another desk's appointment rw here (core/import); 1 when
 * this desk's rules refuse it (told in the notes: it becomes an event),
 * 0 done, -1 on a database error. */
static int store_appt(const struct desk_ctx *d, const struct check *c, const struct gout *g,
		      const struct row *rw, struct ical_import_result *r, struct err *e)
{
	struct import_appt a = {
		.uid = rw->key, .sequence = g->seq, .day = rw->ev.day, .start_min = rw->ev.start_min,
		.staff_id = rw->staff_id, .channel = rw->code[APC_CHANNEL],
		.status = rw->code[APC_STATUS], .via = rw->code[APC_VIA],
		.topics = rw->code[APC_TOPICS], .org = rw->text[RAW_ORG],
		.org_type = rw->code[APC_ORG_TYPE], .municipality = rw->text[RAW_MUNICIPALITY],
		.contact = rw->text[RAW_CONTACT], .phone = rw->text[RAW_PHONE],
		.email = rw->text[RAW_EMAIL], .note = rw->text[RAW_NOTE],
		.override = rw->text[RAW_OVERRIDE],
	};
	char date[DATE_STRLEN], t[6];
	bool org_added;
	int res;

	a.minutes = rw->ev.end_min > rw->ev.start_min ? rw->ev.end_min - rw->ev.start_min : 0;
	a.room = a.channel && !strcmp(a.channel, "visit") ? rw->ev.place : NULL;
	if (rw->ev.start_min < 0 || rw->ev.end_day) {
		err_set_field(e, ERR_INPUT, "start", "%s", _("not a time of one day"));
	} else if (import_appt_put(d, &a, &res, &org_added, e) == 0) {
		r->orgs_created += org_added;
		if (res == 1)
			r->appts_created++;
		else if (res == 2)
			r->appts_updated++;
		else if (res == 3)
			r->older++;
		else
			r->appts_unchanged++;
		return 0;
	} else if (e->code == ERR_DB) {
		return -1;
	}
	note_add(r, c->name, rw->line, _("appointment %s %s %s: %s; stored as an event"),
		 date_format(rw->ev.day, date), time_format(rw->ev.start_min < 0 ? 0 : rw->ev.start_min, t),
		 a.org ? a.org : "", e->msg);
	r->appts_refused++;
	return 1;
}

static int store_group(const struct desk_ctx *d, const struct check *c, struct gout *g,
		       struct ical_import_result *r, struct err *e)
{
	struct keyset old = { 0 }, made = { 0 };
	char *stamp = NULL;
	int seq, rc = -1, res;

	int have = import_src_version(d, g->uid, &seq, &stamp, e);
	if (have < 0)
		goto out;
	if (have == 1 && (seq > g->seq || (seq == g->seq && stamp && g->stamp[0] && strcmp(stamp, g->stamp) > 0))) {
		note_add(r, c->name, g->line,
			 _("an older copy of '%s' (SEQUENCE %d) than the one stored (SEQUENCE %d); event skipped"),
			 g->uid, g->seq, seq);
		r->older++;
		rc = 0;
		goto out;
	}
	if (import_src_keys(d, g->uid, keyset_collect, &old, e) < 0)
		goto out;
	for (size_t i = 0; i < g->n; i++) {
		struct row *rw = &g->rows[i];
		if (rw->appt) {
			int arc = store_appt(d, c, g, rw, r, e);
			if (arc < 0)
				goto out;
			if (arc == 0)
				continue;	/* booked: an event stored before goes (removed) */
			if (rw->code[APC_STATUS] && !strcmp(rw->code[APC_STATUS], "cancelled"))
				continue;	/* a cancelled one refused: nothing to show */
		}
		if (!rw->block) {
			if (import_event_put(d, &rw->ev, &res, e) < 0)
				goto fail_input;
			keyset_add(&made, rw->key);
			if (res == 1)
				r->events_created++;
			else if (res == 2)
				r->events_updated++;
			else
				r->events_unchanged++;
			continue;
		}
		bool any_new = false, any_upd = false;
		for (int day = rw->ev.day, k = 0; day <= rw->last_day; day++, k++) {
			struct import_block b;
			int from = day == rw->ev.day ? (rw->ev.start_min < 0 ? 0 : rw->ev.start_min) : 0;
			int to = day == rw->last_day ? rw->last_min : 1440;
			if (to <= from)
				continue;
			char *uid = k ? xasprintf("%s#%d", rw->key, k) : xstrdup(rw->key);
			memset(&b, 0, sizeof b);
			b.uid = uid;
			b.title = rw->ev.title;
			b.src_uid = g->uid;
			b.src_stamp = rw->ev.src_stamp;
			b.src_seq = g->seq;
			b.staff_id = rw->staff_id;
			b.day = day;
			b.start_min = from;
			b.minutes = to - from;
			int brc = import_block_put(d, &b, &res, e);
			if (brc == 0)
				keyset_add(&made, uid);
			free(uid);
			if (brc < 0)
				goto fail_input;
			any_new |= res == 1;
			any_upd |= res == 2;
		}
		if (any_new)
			r->blocks_created++;
		else if (any_upd)
			r->blocks_updated++;
		else
			r->blocks_unchanged++;
	}
	if (made.n)
		qsort(made.k, made.n, sizeof *made.k, str_cmp);
	for (size_t i = 0; i < old.n; i++) {
		if (made.n && bsearch(&old.k[i], made.k, made.n, sizeof *made.k, str_cmp))
			continue;
		int n = import_remove(d, old.k[i], e);
		if (n < 0)
			goto out;
		r->removed += n > 0;
	}
	rc = 0;
	goto out;
fail_input:
	if (e->code == ERR_INPUT)
		fail_at(e, c, g->line, "%s", e->msg);
out:
	free(stamp);
	keyset_release(&old);
	keyset_release(&made);
	return rc;
}

/* libical's own complaints about a VEVENT: an empty value (which RFC
 * 5545 allows: Google writes DESCRIPTION: in every event) and the
 * X-LIC-ERROR lines another libical-based program wrote into the file
 * say nothing against it; anything else means a value it could not
 * read.  Returns that message or NULL. */
static const char *parse_trouble(icalcomponent *ev, const struct ev_lines *L)
{
	bool used[64] = { false };

	for (icalproperty *p = icalcomponent_get_first_property(ev, ICAL_XLICERROR_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_XLICERROR_PROPERTY)) {
		const char *m = icalproperty_get_xlicerror(p);
		bool in_file = false;
		if (!m || !strncmp(m, "No value for ", 13))
			continue;
		for (size_t i = 0; i < L->n_xlic && i < 64 && !in_file; i++)
			if (!used[i] && !strcmp(L->xlic[i], m))
				in_file = used[i] = true;
		if (!in_file)
			return m;
	}
	return NULL;
}

struct uid_ix {
	const char *uid;
	size_t i;
};

static int uid_cmp(const void *a, const void *b)
{
	const struct uid_ix *x = a, *y = b;
	int d = strcmp(x->uid, y->uid);
	return d ? d : (x->i > y->i) - (x->i < y->i);
}

/* One VEVENT as libical read it, with the trouble found in it: an
 * event in trouble is told (an override with its series) and left out. */
static void vev_prepare(struct vev *x, icalcomponent *ev, struct ev_lines *L, size_t k,
			struct ical_import_result *r, const char *name)
{
	const char *trouble;

	x->c = ev;
	x->k = k;
	x->uid = icalcomponent_get_uid(ev);
	x->override = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY) != NULL;
	if (!L->bad && (trouble = parse_trouble(ev, L)))
		ev_bad(L, L->begin, _("a value libical cannot read: %s"), trouble);
	if (!L->bad && (!x->uid || !*x->uid))
		ev_bad(L, L->begin, "%s", _("an event without UID"));
	if (!L->bad && !icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY))
		ev_bad(L, L->begin, "%s", _("an event without DTSTART"));
	if (L->bad) {
		x->bad = true;
		if (!x->override || !x->uid || !*x->uid) {
			/* an override's trouble is told with its series */
			note_add(r, name, L->bad_line, _("%s; event skipped"), L->bad);
			r->skipped++;
		}
		if (!x->uid)
			x->uid = "";
	}
}

/* The notes come in one order whatever order the UIDs are read in: the
 * events left out on their own first, in file order; then what each
 * series gave, by UID; then what storing found, by UID. */
struct note_tag {
	int phase;
	uint64_t off;
	char *uid;
	size_t seq;
};

struct note_tags {
	struct note_tag *t;
	size_t n, cap;
	size_t dropped;		/* notes beyond NOTES_KEEP: counted, not kept */
};

/* The notes listed: a broken file of a million events must not hold a
 * million messages in memory. */
#define NOTES_KEEP 10000

static void notes_sort(struct note_tags *nt, struct ical_import_result *r, size_t keep);

static void notes_tag(struct note_tags *nt, struct ical_import_result *r, int phase, uint64_t off,
		      const char *uid)
{
	for (; nt->n < r->n_notes; nt->n++) {
		if (nt->n == nt->cap) {
			nt->cap = nt->cap ? 2 * nt->cap : 16;
			nt->t = xrealloc(nt->t, nt->cap * sizeof *nt->t);
		}
		nt->t[nt->n] = (struct note_tag){ phase, off, uid ? xstrdup(uid) : NULL, nt->n };
	}
	if (nt->n >= 2 * NOTES_KEEP)
		notes_sort(nt, r, NOTES_KEEP);
}

static int tag_cmp(const void *a, const void *b)
{
	const struct note_tag *x = a, *y = b;
	int d;

	if (x->phase != y->phase)
		return x->phase - y->phase;
	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	if (x->uid && y->uid && (d = strcmp(x->uid, y->uid)))
		return d;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Put the notes in their order and keep the first keep of them. */
static void notes_sort(struct note_tags *nt, struct ical_import_result *r, size_t keep)
{
	char **sorted;

	if (nt->n != r->n_notes)
		return;
	if (nt->n >= 2) {
		qsort(nt->t, nt->n, sizeof *nt->t, tag_cmp);
		sorted = xmalloc(nt->n * sizeof *sorted);
		for (size_t i = 0; i < nt->n; i++)
			sorted[i] = r->notes[nt->t[i].seq];
		memcpy(r->notes, sorted, nt->n * sizeof *sorted);
		free(sorted);
	}
	for (size_t i = 0; i < nt->n; i++)
		nt->t[i].seq = i;
	if (nt->n > keep) {
		for (size_t i = keep; i < nt->n; i++) {
			free(r->notes[i]);
			free(nt->t[i].uid);
		}
		nt->dropped += nt->n - keep;
		nt->n = r->n_notes = keep;
	}
}

static void notes_release(struct note_tags *nt)
{
	for (size_t i = 0; i < nt->n; i++)
		free(nt->t[i].uid);
	free(nt->t);
}

static bool ix_less(const struct ix *x, const struct ix *y)
{
	return x->hash != y->hash ? x->hash < y->hash : x->off < y->off;
}

static void ix_sift(struct ix *a, size_t i, size_t n)
{
	for (size_t c; (c = 2 * i + 1) < n; i = c) {
		if (c + 1 < n && ix_less(&a[c], &a[c + 1]))
			c++;
		if (!ix_less(&a[i], &a[c]))
			break;
		struct ix t = a[i];
		a[i] = a[c];
		a[c] = t;
	}
}

/* By UID hash, then file order; in place (glibc's qsort would copy the
 * index, doubling the import's largest allocation). */
static void ix_sort(struct ix *a, size_t n)
{
	for (size_t i = n / 2; i-- > 0;)
		ix_sift(a, i, n);
	for (size_t k = n; k-- > 1;) {
		struct ix t = a[0];
		a[0] = a[k];
		a[k] = t;
		ix_sift(a, 0, k);
	}
}

/* The events of one UID hash (ix[0..n-1], in file order): read back and
 * parsed one at a time, parted by UID, each UID converted and stored,
 * and all of it freed before the next hash. */
static int import_hash_group(struct conv *cv, const struct src *src, const char *name,
			     const struct ix *ix, size_t n, struct note_tags *nt, struct err *e)
{
	struct check c = { .name = name };
	struct vev *v = xcalloc(n, sizeof *v);
	struct uid_ix *order = xcalloc(n, sizeof *order);
	size_t *idx = xcalloc(n, sizeof *idx), n_ok = 0;
	int rc = -1;

	for (size_t i = 0; i < n; i++) {
		struct scan sc;
		icalcomponent *comp;
		int src_rc;

		scan_init(&sc, &c, SCAN_EVENT);
		sc.depth = 1;
		strcpy(sc.stack[0], "VCALENDAR");
		src_rc = scan_range(&sc, src, ix[i].off, ix[i].len == UINT32_MAX ? src->len : ix[i].off + ix[i].len,
				    ix[i].line, e);
		comp = sc.comp;
		sc.comp = NULL;
		scan_release(&sc);
		if (src_rc < 0 || c.n_ev != i + 1 || !comp || icalcomponent_isa(comp) != ICAL_VEVENT_COMPONENT) {
			if (comp)
				icalcomponent_free(comp);
			if (src_rc == 0)
				err_set(e, ERR_INPUT, _("%s changed while it was read; nothing was imported"), name);
			goto out;
		}
		vev_prepare(&v[i], comp, &c.ev[i], i, cv->r, name);
		notes_tag(nt, cv->r, 0, ix[i].off, NULL);
		if (*v[i].uid) {
			order[n_ok].uid = v[i].uid;
			order[n_ok++].i = i;
		}
	}
	/* group by UID, each group in file order */
	if (n_ok)
		qsort(order, n_ok, sizeof *order, uid_cmp);
	cv->c = &c;
	cv->v = v;
	for (size_t i = 0; i < n_ok;) {
		struct gout g;
		size_t j = i;
		int grc;
		while (j < n_ok && !strcmp(order[j].uid, order[i].uid)) {
			idx[j] = order[j].i;
			j++;
		}
		memset(&g, 0, sizeof g);
		grc = convert_group(cv, idx + i, j - i, &g, e);
		notes_tag(nt, cv->r, 1, 0, order[i].uid);
		if (grc == 0 && !g.skip)
			grc = store_group(cv->d, &c, &g, cv->r, e);
		notes_tag(nt, cv->r, 2, 0, order[i].uid);
		gout_release(&g);
		if (grc < 0)
			goto out;
		i = j;
	}
	rc = 0;
out:
	cv->c = NULL;
	cv->v = NULL;
	for (size_t i = 0; i < n; i++)
		vev_release(&v[i]);
	free(v);
	free(order);
	free(idx);
	check_release(&c);
	return rc;
}

/* The import of a file or buffer: the first pass checks it all and
 * finds the events (nothing is written when the file is no calendar);
 * the second reads the events back by UID hash, so that a series'
 * master and its overrides come together wherever they are in the
 * file, and writes them in one transaction. */
static int import_src(const struct desk_ctx *d, const struct src *src, const char *name,
		      const struct ical_import_opts *o, struct ical_import_result *r, struct err *e)
{
	struct check c = { .name = name };
	struct scan sc;
	struct note_tags nt = { 0 };
	icalerrorstate es = icalerror_get_error_state(ICAL_MALFORMEDDATA_ERROR);
	int rc = -1;
	bool in_tx = false;

	memset(r, 0, sizeof *r);
	icalerror_set_errors_are_fatal(0);
	icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, ICAL_ERROR_NONFATAL);
	scan_init(&sc, &c, SCAN_FILE);
	if (scan_range(&sc, src, 0, src->len, 1, e) < 0)
		goto out;
	if (!sc.zones || icalcomponent_isa(sc.zones) != ICAL_VCALENDAR_COMPONENT) {
		rc = fail_at(e, &c, 1, _("libical could not read the calendar"));
		goto out;
	}
	if (sc.mismatch) {
		rc = fail_at(e, &c, 1, _("libical found more events than the file holds"));
		goto out;
	}
	if (sc.n_ix)
		ix_sort(sc.ix, sc.n_ix);
	struct conv cv = { d, NULL, sc.zones, o, r, NULL,
			   o->horizon_day ? o->horizon_day : date_from_ymd(2199, 12, 31), 0 };
	if (import_begin(d, e) < 0)
		goto out;
	in_tx = true;
	for (size_t i = 0; i < sc.n_ix;) {
		size_t j = i + 1;
		while (j < sc.n_ix && sc.ix[j].hash == sc.ix[i].hash)
			j++;
		if (import_hash_group(&cv, src, name, sc.ix + i, j - i, &nt, e) < 0)
			goto out;
		i = j;
	}
	notes_sort(&nt, r, NOTES_KEEP);
	if (nt.dropped) {
		r->notes = xrealloc(r->notes, (r->n_notes + 1) * sizeof *r->notes);
		r->notes[r->n_notes++] = xasprintf(_("%s: %zu more notes are not listed"), name, nt.dropped);
	}
	if (import_commit(d, e) < 0)
		goto out;
	in_tx = false;
	rc = 0;
out:
	if (in_tx)
		import_rollback(d);
	if (rc < 0) {
		ical_import_result_release(r);
		memset(r, 0, sizeof *r);
	}
	notes_release(&nt);
	scan_release(&sc);
	check_release(&c);
	icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, es);
	return rc;
}

int ical_import_buf(const struct desk_ctx *d, const char *buf, size_t len, const char *name,
		    const struct ical_import_opts *o, struct ical_import_result *r,
		    struct err *e)
{
	struct src s = { -1, buf, len };

	return import_src(d, &s, name, o, r, e);
}

int ical_import_file(const struct desk_ctx *d, const char *path, const struct ical_import_opts *o,
		     struct ical_import_result *r, struct err *e)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat sb;
	int rc;

	memset(r, 0, sizeof *r);
	if (fd < 0)
		return err_set(e, ERR_INPUT, _("cannot read %s: %s"), path, strerror(errno));
	if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return err_set(e, ERR_INPUT, _("%s is not a regular file; give a calendar file (.ics)"), path);
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	/* read once through, then event by event: the page cache, not this
	 * process, holds the file */
	posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	struct src s = { fd, NULL, (uint64_t)sb.st_size };
	rc = import_src(d, &s, path, o, r, e);
	close(fd);
	return rc;
}

int ical_import_horizon(int today)
{
	int y, m, d;

	date_to_ymd(today, &y, &m, &d);
	return date_from_ymd(y + 2, m, m == 2 && d == 29 ? 28 : d);
}
