#include "export/ical.h"

#include <errno.h>
#include <fcntl.h>
#include <libical/ical.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "core/deadline.h"
#include "core/resolve.h"
#include "db/db_appt.h"
#include "db/db_export.h"
#include "db/db_org.h"
#include "db/db_program.h"
#include "util/date.h"
#include "util/file.h"
#include "util/i18n.h"
#include "util/text.h"
#include "version.h"

#define DESK_TZID "Asia/Tokyo"
#define LINE_MAX_OCTETS 75

/* Bytes that may begin what text_sanitize() changes: control characters
 * (but \b \f \r, dropped by the escaping as libical does), DEL, the lead
 * bytes of C1 and bidi controls (0xE2 also begins ordinary characters
 * such as …) and bytes never valid in UTF-8. */
#define SUSPECT \
	"\x01\x02\x03\x04\x05\x06\x07\x0b\x0e\x0f" \
	"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f" \
	"\xc0\xc1\xc2\xd8\xe2\xf5\xf6\xf7\xf8\xf9\xfa\xfb\xfc\xfd\xfe\xff"

void ical_export_opts_init(struct ical_export_opts *o)
{
	memset(o, 0, sizeof *o);
	o->what = ICAL_ALL;
}

int ical_what_parse(const char *s, unsigned *what, struct err *e)
{
	char *copy = xstrdup(s), *save = NULL;
	int rc = 0;

	*what = 0;
	for (char *t = strtok_r(copy, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
		if (!strcmp(t, "appointments") || !strcmp(t, "appointment"))
			*what |= ICAL_APPOINTMENTS;
		else if (!strcmp(t, "events") || !strcmp(t, "event"))
			*what |= ICAL_EVENTS;
		else if (!strcmp(t, "deadlines") || !strcmp(t, "deadline"))
			*what |= ICAL_DEADLINES;
		else if (!strcmp(t, "blocks") || !strcmp(t, "block"))
			*what |= ICAL_BLOCKS;
		else if (!strcmp(t, "all"))
			*what |= ICAL_ALL;
		else {
			rc = err_set(e, ERR_INPUT,
				     _("--what: '%s' is not appointments, events, deadlines or blocks"), t);
			break;
		}
	}
	free(copy);
	if (rc == 0 && !*what)
		rc = err_set(e, ERR_INPUT, _("--what: name appointments, events, deadlines or blocks"));
	return rc;
}

/* ---- writing ----
 *
 * Every line of the calendar (header, appointments, program events,
 * staff blocks, deadlines with their alarm, letters' invitations) is
 * written here, by one serializer, without building libical components:
 * each line goes straight into one output buffer, its value escaped as
 * libical 3.0's icalvalue_as_ical_string_r() escapes it; only a line
 * longer than 75 octets is folded, in place.  The buffer is written in
 * large pieces and reused, so memory stays flat.  tests/unit/
 * test_ical_fast.c builds every kind as libical components from the
 * same rows and holds this writer to libical's bytes.
 *
 * libical still gives the VTIMEZONE: the zone's rules are data libical
 * has (Debian's reads the system's tz database), not ours to copy into
 * a constant; its text is generated once per calendar
 * (put_vtimezone()). */

void ical_fold_line(struct strbuf *out, const char *s, size_t n)
{
	size_t limit = LINE_MAX_OCTETS;

	for (;;) {
		size_t cut = n <= limit ? n : limit;
		/* never end a segment inside a UTF-8 sequence */
		while (cut < n && cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
		if (cut == 0)	/* not UTF-8 at all: cut by octets */
			cut = n <= limit ? n : limit;
		strbuf_add(out, s, cut);
		strbuf_add(out, "\r\n", 2);
		s += cut;
		n -= cut;
		if (n == 0)
			break;
		strbuf_add(out, " ", 1);
		limit = LINE_MAX_OCTETS - 1;
	}
}

struct labels {	/* translated once per export, not once per row */
	const char *visit_c;
	const char *phone_c;
	const char *phone;
	const char *org;
	const char *contact;
	const char *staff;
	const char *org_type_lbl;
	const char *muni;
	const char *topics;
	const char *booked;
	const char *status;
	const char *override;
	const char *note;
	const char *org_type[ORG_TYPE_COUNT], *topic[TOPIC_COUNT];
};

#define MEMO_SIZE 128	/* escaped labels; a power of two */

struct exp {
	struct labels L;
	const struct desk_ctx *d;
	const struct ical_export_opts *o;
	FILE *out;		/* NULL: the text stays in pend (a letter's) */
	struct strbuf line;	/* a line of many folds, copied out */
	int n;
	bool failed;
	/* output not yet written, where the current line began in it,
	 * DTSTAMP's text, topic labels by set of topics */
	struct strbuf pend;
	size_t line_start;
	char stamp_s[72];
	char *topic_dot[1u << TOPIC_COUNT], *topic_comma[1u << TOPIC_COUNT];
	char *topic_codes[1u << TOPIC_COUNT];	/* "direct plan" */
	struct { const char *src; char *esc; size_t n; } memo[MEMO_SIZE];
	int n_memo;
};

enum esc { ESC_TEXT, ESC_LIST, ESC_NONE };

/* libical's escaping of a TEXT value: backslash as \\, newline as \n,
 * and \b, \f, \r dropped in every one; ';' and ',' as \; and \, only
 * in TEXT proper (ESC_TEXT), not in CATEGORIES and X- properties
 * (ESC_LIST), where they stay as they are.  A CAL-ADDRESS (ESC_NONE)
 * is written as it is. */

#define PEND_FLUSH (64 * 1024)

/* Room for n more bytes (and a NUL) in x->pend. */
static inline char *pend_room(struct exp *x, size_t n)
{
	struct strbuf *sb = &x->pend;

	if (sb->len + n + 1 > sb->cap) {
		size_t cap = sb->cap ? sb->cap : PEND_FLUSH * 2;
		while (cap < sb->len + n + 1)
			cap *= 2;
		sb->buf = xrealloc(sb->buf, cap);
		sb->cap = cap;
	}
	return sb->buf + sb->len;
}

static inline void put(struct exp *x, const char *s, size_t n)
{
	memcpy(pend_room(x, n), s, n);
	x->pend.len += n;
}

#define PUTS(x, lit) put((x), (lit), sizeof(lit) - 1)

/* What each byte needs in a value: escaping in TEXT (ESC_TEXT_BIT), in
 * CATEGORIES and X- properties (ESC_LIST_BIT), or a look by
 * text_sanitize() (SUSPECT_BIT).  NUL has every bit (END_BIT in every
 * mask), so a scan stops at the end.  A table, not strcspn(): the scan runs over every value of
 * every event, and strcspn() with a long reject set rebuilds its own
 * table on each call. */
enum { ESC_TEXT_BIT = 1, ESC_LIST_BIT = 2, SUSPECT_BIT = 4, END_BIT = 8 };
static unsigned char byte_class[256];

static void byte_class_init(void)
{
	if (byte_class[0])
		return;
	for (const char *p = "\\\n\b\f\r"; *p; p++)
		byte_class[(unsigned char)*p] |= ESC_TEXT_BIT | ESC_LIST_BIT;
	byte_class[';'] |= ESC_TEXT_BIT;
	byte_class[','] |= ESC_TEXT_BIT;
	for (const char *p = SUSPECT; *p; p++)
		byte_class[(unsigned char)*p] |= SUSPECT_BIT;
	byte_class[0] = 0xff;
}

/* Append the stored value s escaped: runs of bytes that need nothing
 * are copied whole.  Stored text is checked when it is written, but a
 * database changed by another program may hold control characters, bidi
 * overrides or invalid UTF-8: from the first byte that may begin one,
 * the rest of the value is made safe (visible placeholders) first, so an
 * export never carries them.  \b, \f and \r are dropped, as libical
 * does. */
static void put_escs_(struct exp *x, const char *s, enum esc how, bool check)
{
	unsigned mask = END_BIT | (how == ESC_LIST ? ESC_LIST_BIT : how == ESC_TEXT ? ESC_TEXT_BIT : 0) |
			(check ? SUSPECT_BIT : 0);

	if (!s)
		return;
	byte_class_init();
	for (;;) {
		const char *p = s;
		while (!(byte_class[(unsigned char)*p] & mask))
			p++;
		if (p > s)
			put(x, s, (size_t)(p - s));
		s = p;
		if (!*s)
			break;
		if (check && (byte_class[(unsigned char)*s] & SUSPECT_BIT)) {
			struct strbuf safe = STRBUF_INIT;
			text_sanitize(&safe, s, true);
			put_escs_(x, strbuf_str(&safe), how, false);
			strbuf_release(&safe);
			return;
		}
		if (*s == '\n')
			PUTS(x, "\\n");
		else if (*s != '\b' && *s != '\f' && *s != '\r') {
			char two[2] = { '\\', *s };
			put(x, two, 2);
		}
		s++;
	}
}

static void put_escs(struct exp *x, const char *s, enum esc how)
{
	put_escs_(x, s, how, true);
}

/* Append one of the export's constant strings (labels, codes, topic
 * names: the same pointers every row) escaped as TEXT, escaping each
 * once and keeping the result in a small table keyed by the pointer. */
static void put_const(struct exp *x, const char *s)
{
	size_t h;

	if (!s)
		return;
	h = ((uintptr_t)s >> 3) & (MEMO_SIZE - 1);
	while (x->memo[h].src && x->memo[h].src != s)
		h = (h + 1) & (MEMO_SIZE - 1);
	if (!x->memo[h].src) {
		size_t at = x->pend.len;
		put_escs(x, s, ESC_TEXT);
		if (x->n_memo >= MEMO_SIZE * 3 / 4)	/* never here: fewer than 70 */
			return;
		x->memo[h].src = s;
		x->memo[h].n = x->pend.len - at;
		x->memo[h].esc = xmalloc(x->memo[h].n + 1);
		memcpy(x->memo[h].esc, x->pend.buf + at, x->memo[h].n);
		x->n_memo++;
		return;
	}
	put(x, x->memo[h].esc, x->memo[h].n);
}

/* A content line: begin records where it starts, end closes it with
 * CRLF, folded when longer than 75 octets. */
static void line_begin(struct exp *x, const char *name, size_t n)
{
	x->line_start = x->pend.len;
	put(x, name, n);
}

static void line_end(struct exp *x)
{
	size_t n = x->pend.len - x->line_start, end[64], pos = 0, limit = LINE_MAX_OCTETS;
	int k = 0;
	char *base;

	if (n <= LINE_MAX_OCTETS) {
		PUTS(x, "\r\n");
		return;
	}
	/* fold in place: ical_fold_line()'s cuts, then each segment moved
	 * right (the last first) to make room for the CRLF SPACE before it */
	base = x->pend.buf + x->line_start;
	while (pos < n && k < 64) {
		size_t rem = n - pos, cut = rem <= limit ? rem : limit;
		while (cut < rem && cut > 0 && ((unsigned char)base[pos + cut] & 0xC0) == 0x80)
			cut--;
		if (cut == 0)
			cut = rem <= limit ? rem : limit;
		pos += cut;
		end[k++] = pos;
		limit = LINE_MAX_OCTETS - 1;
	}
	if (pos == n) {
		pend_room(x, 3 * (size_t)k);
		base = x->pend.buf + x->line_start;
		for (int i = k - 1; i >= 0; i--) {
			size_t b = i ? end[i - 1] : 0, shift = 3 * (size_t)i;
			memmove(base + b + shift, base + b, end[i] - b);
			memcpy(base + end[i] + shift, "\r\n ", i == k - 1 ? 2 : 3);
		}
		x->pend.len = x->line_start + n + 3 * (size_t)k - 1;
		return;
	}
	/* a line of more than 64 segments: copied out and folded */
	strbuf_reset(&x->line);
	strbuf_add(&x->line, x->pend.buf + x->line_start, n);
	x->pend.len = x->line_start;
	ical_fold_line(&x->pend, x->line.buf, x->line.len);
}

#define LINE_BEGIN(x, lit) line_begin((x), (lit), sizeof(lit) - 1)

/* NAME:value (name with its colon), the value escaped as how says. */
static void prop_text(struct exp *x, const char *name, size_t nn, const char *v, enum esc how)
{
	line_begin(x, name, nn);
	put_escs(x, v, how);
	line_end(x);
}

#define PROP_TEXT(x, lit, v, how) prop_text((x), lit ":", sizeof(lit ":") - 1, (v), (how))
/* An X- property, left out when empty. */
#define PROP_X(x, lit, v) do { if ((v) && *(v)) PROP_TEXT((x), lit, (v), ESC_LIST); } while (0)

static char *put_digits(char *p, unsigned v, int width)
{
	for (int i = width - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + width;
}

/* A DATE-TIME as icaltime_as_ical_string() writes it: YYYYMMDDTHHMMSS,
 * then Z for UTC. */
static void put_datetime(struct exp *x, int y, int mo, int d, int h, int mi, int se, bool utc)
{
	char buf[48], *p = buf;

	if (y < 0 || y > 9999 || mo < 0 || mo > 99 || d < 0 || d > 99) {
		put(x, buf, (size_t)snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02d%s", y, mo,
					     d, h, mi, se, utc ? "Z" : ""));
		return;
	}
	p = put_digits(p, (unsigned)y, 4);
	p = put_digits(p, (unsigned)mo, 2);
	p = put_digits(p, (unsigned)d, 2);
	*p++ = 'T';
	p = put_digits(p, (unsigned)h, 2);
	p = put_digits(p, (unsigned)mi, 2);
	p = put_digits(p, (unsigned)se, 2);
	if (utc)
		*p++ = 'Z';
	put(x, buf, (size_t)(p - buf));
}

/* A local date and time as numbers: 24:00 (minute 1440 and on) is the
 * next day's 00:00. */
struct civil { int y, mo, d, h, mi, se; };

static struct civil local_time(int day, int minute)
{
	struct civil t = { 0 };

	if (minute >= 1440) {
		day += minute / 1440;
		minute %= 1440;
	}
	date_to_ymd(day, &t.y, &t.mo, &t.d);
	t.h = minute / 60;
	t.mi = minute % 60;
	return t;
}

/* "YYYY-MM-DDTHH:MM:SSZ" as a UTC time; false when malformed. */
static bool utc_from_iso(const char *s, struct civil *t)
{
	if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ", &t->y, &t->mo, &t->d, &t->h, &t->mi,
			 &t->se) != 6 ||
	    !date_valid_ymd(t->y, t->mo, t->d) || t->h > 23 || t->mi > 59 || t->se > 60)
		return false;
	return true;
}

/* NAME;TZID=Asia/Tokyo:local time (short: never folded); date, when
 * given, is day's "YYYY-MM-DD" text. */
static void prop_local(struct exp *x, const char *name, size_t nn, const char *date, int day,
		       int minute)
{
	put(x, name, nn);
	PUTS(x, ";TZID=" DESK_TZID ":");
	if (day && date && minute >= 0 && minute < 1440 && strlen(date) == 10) {
		/* day came from date by date_parse(), so date is YYYY-MM-DD:
		 * its digits are what date_to_ymd(day) gives back */
		char *p = pend_room(x, 16);
		memcpy(p, date, 4);
		memcpy(p + 4, date + 5, 2);
		memcpy(p + 6, date + 8, 2);
		p[8] = 'T';
		put_digits(p + 9, (unsigned)(minute / 60), 2);
		put_digits(p + 11, (unsigned)(minute % 60), 2);
		p[13] = p[14] = '0';
		x->pend.len += 15;
	} else {
		struct civil t = local_time(day, minute);
		put_datetime(x, t.y, t.mo, t.d, t.h, t.mi, 0, false);
	}
	PUTS(x, "\r\n");
}

static bool digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* LAST-MODIFIED from the stored UTC time when it is one (utc_from_iso's
 * rule; its usual fixed layout read without sscanf). */
static void prop_lastmod(struct exp *x, const char *s)
{
	struct civil t;

	if (!s)
		return;
	if (strlen(s) == 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' &&
	    s[16] == ':' && s[19] == 'Z' && digits(s, 4) && digits(s + 5, 2) && digits(s + 8, 2) &&
	    digits(s + 11, 2) && digits(s + 14, 2) && digits(s + 17, 2)) {
		t.y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		t.mo = (s[5] - '0') * 10 + (s[6] - '0');
		t.d = (s[8] - '0') * 10 + (s[9] - '0');
		t.h = (s[11] - '0') * 10 + (s[12] - '0');
		t.mi = (s[14] - '0') * 10 + (s[15] - '0');
		t.se = (s[17] - '0') * 10 + (s[18] - '0');
		if (!date_valid_ymd(t.y, t.mo, t.d) || t.h > 23 || t.mi > 59 || t.se > 60)
			return;
	} else if (!utc_from_iso(s, &t)) {	/* any other layout sscanf takes */
		return;
	}
	PUTS(x, "LAST-MODIFIED:");
	put_datetime(x, t.y, t.mo, t.d, t.h, t.mi, t.se, true);
	PUTS(x, "\r\n");
}

/* NAME;VALUE=DATE:YYYYMMDD, an all-day date. */
static void prop_date(struct exp *x, const char *name, size_t nn, int day)
{
	int y, mo, d;
	char buf[32];

	date_to_ymd(day, &y, &mo, &d);
	put(x, name, nn);
	PUTS(x, ";VALUE=DATE:");
	put(x, buf, (size_t)snprintf(buf, sizeof buf, "%04d%02d%02d", y, mo, d));
	PUTS(x, "\r\n");
}

/* Write what is pending (a letter keeps it: no out). */
static int flush_pending(struct exp *x)
{
	if (!x->out)
		return 0;
	if (x->pend.len && fwrite(x->pend.buf, 1, x->pend.len, x->out) != x->pend.len) {
		x->failed = true;
		return -1;
	}
	x->pend.len = 0;
	return 0;
}

/* A description is lines of a label and a value, those with an empty
 * value left out: the first line begins the DESCRIPTION property, each
 * later one follows an escaped newline; *open says which. */
static void desc_label(struct exp *x, bool *open, const char *label)
{
	if (*open) {
		PUTS(x, "\\n");
	} else {
		LINE_BEGIN(x, "DESCRIPTION:");
		*open = true;
	}
	put_const(x, label);
}

static void desc_line(struct exp *x, bool *open, const char *label, const char *value)
{
	if (value && *value) {
		desc_label(x, open, label);
		put_escs(x, value, ESC_TEXT);
	}
}

/* The same with a constant value (put_const()). */
static void desc_const(struct exp *x, bool *open, const char *label, const char *value)
{
	if (value && *value) {
		desc_label(x, open, label);
		put_const(x, value);
	}
}

/* The topic labels of a set of topics, joined by sep. */
static void topics_join(struct strbuf *sb, const struct labels *L, unsigned bits, const char *sep)
{
	strbuf_reset(sb);
	for (int t = 0; t < TOPIC_COUNT; t++)
		if (bits & (1u << t)) {
			if (sb->len)
				strbuf_adds(sb, sep);
			strbuf_adds(sb, L->topic[t]);
		}
}

/* ---- the parts every VEVENT has ---- */

static void put_int(struct exp *x, int v)
{
	if (v >= 0 && v < 10) {
		char c = (char)('0' + v);
		put(x, &c, 1);
	} else {
		char num[16];
		put(x, num, (size_t)snprintf(num, sizeof num, "%d", v));
	}
}

/* BEGIN:VEVENT, UID, DTSTAMP, SEQUENCE, LAST-MODIFIED (when updated_at
 * is a UTC time) and X-MADOGUCHI-KIND. */
static void event_begin(struct exp *x, const char *uid, int sequence, const char *updated_at,
			const char *kind, size_t kind_n)
{
	PUTS(x, "BEGIN:VEVENT\r\n");
	PROP_TEXT(x, "UID", uid ? uid : "", ESC_TEXT);
	PUTS(x, "DTSTAMP:");
	put(x, x->stamp_s, strlen(x->stamp_s));
	PUTS(x, "\r\nSEQUENCE:");
	put_int(x, sequence);
	PUTS(x, "\r\n");
	prop_lastmod(x, updated_at);
	PUTS(x, "X-MADOGUCHI-KIND:");
	put(x, kind, kind_n);
	PUTS(x, "\r\n");
}

#define EVENT_BEGIN(x, uid, seq, upd, lit) event_begin((x), (uid), (seq), (upd), lit, sizeof(lit) - 1)

/* END:VEVENT; the output written once enough is pending.  Non-zero
 * (stop) when the write failed. */
static int event_end(struct exp *x)
{
	PUTS(x, "END:VEVENT\r\n");
	x->n++;
	if (x->pend.len >= PEND_FLUSH)
		return flush_pending(x) < 0;
	return 0;
}

/* ---- appointments ---- */

/* An appointment's VEVENT up to its last property (no END): a letter
 * adds ORGANIZER and ATTENDEE.  Under o->letter the desk's internal
 * note and override reason stay out. */
static void appt_put(struct exp *x, const struct export_appt *a)
{
	bool np = x->o->no_personal, open = false;
	unsigned tb = a->topics & ((1u << TOPIC_COUNT) - 1);
	const char *topics, *cats;

	if (!x->topic_dot[tb]) {	/* made once per set of topics */
		struct strbuf sb = STRBUF_INIT;
		topics_join(&sb, &x->L, tb, "・");
		x->topic_dot[tb] = xstrdup(strbuf_str(&sb));
		topics_join(&sb, &x->L, tb, ",");
		x->topic_comma[tb] = xstrdup(strbuf_str(&sb));
		strbuf_reset(&sb);
		resolve_topics_str(tb, false, " ", &sb);
		x->topic_codes[tb] = xstrdup(strbuf_str(&sb));
		strbuf_release(&sb);
	}
	topics = x->topic_dot[tb];
	cats = x->topic_comma[tb];

	EVENT_BEGIN(x, a->uid, a->sequence, a->updated_at, "appointment");
	prop_local(x, "DTSTART", 7, a->date, a->day, a->start_min);
	prop_local(x, "DTEND", 5, a->date, a->day, a->start_min + a->minutes);

	LINE_BEGIN(x, "SUMMARY:");
	put_const(x, a->channel == CH_VISIT ? x->L.visit_c : x->L.phone_c);
	PUTS(x, ": ");
	if (np) {
		put_const(x, x->L.org_type[a->org_type]);
		if (*topics) {
			PUTS(x, " / ");
			put_const(x, topics);
		}
	} else {
		put_escs(x, a->org_name, ESC_TEXT);
		if (a->contact_name && *a->contact_name) {
			PUTS(x, " (");
			put_escs(x, a->contact_name, ESC_TEXT);
			PUTS(x, ")");
		}
	}
	line_end(x);
	LINE_BEGIN(x, "LOCATION:");
	if (a->channel == CH_VISIT && a->room && *a->room)
		put_escs(x, a->room, ESC_TEXT);
	else
		put_const(x, x->L.phone);
	line_end(x);

	if (!np) {
		/* "Organization: NAME (MUNICIPALITY, TYPE)", never empty */
		desc_label(x, &open, x->L.org);
		put_escs(x, a->org_name, ESC_TEXT);
		PUTS(x, " (");
		put_escs(x, a->municipality, ESC_TEXT);
		PUTS(x, "\\, ");
		put_const(x, x->L.org_type[a->org_type]);
		PUTS(x, ")");
		if (a->contact_name && *a->contact_name) {
			desc_line(x, &open, x->L.contact, a->contact_name);
			if (a->contact_phone && *a->contact_phone) {
				PUTS(x, "\\, ");
				put_escs(x, a->contact_phone, ESC_TEXT);
			}
			if (a->contact_email && *a->contact_email) {
				PUTS(x, "\\, ");
				put_escs(x, a->contact_email, ESC_TEXT);
			}
		}
		desc_line(x, &open, x->L.staff, a->staff_name);
	} else {
		desc_const(x, &open, x->L.org_type_lbl, x->L.org_type[a->org_type]);
		desc_line(x, &open, x->L.muni, a->municipality);
	}
	desc_const(x, &open, x->L.topics, topics);
	desc_const(x, &open, x->L.booked, booked_via_code[a->booked_via]);
	if (a->status != ST_BOOKED)
		desc_const(x, &open, x->L.status, appt_status_code[a->status]);
	if (!np && !x->o->letter) {
		desc_line(x, &open, x->L.override, a->override_reason);
		desc_line(x, &open, x->L.note, a->note);
	}
	if (open)
		line_end(x);

	/* one value per topic, in one CATEGORIES property */
	if (*cats)
		PROP_TEXT(x, "CATEGORIES", cats, ESC_LIST);
	if (a->status == ST_CANCELLED)
		PUTS(x, "STATUS:CANCELLED\r\n");
	else
		PUTS(x, "STATUS:CONFIRMED\r\n");
	PROP_X(x, "X-MADOGUCHI-CHANNEL", channel_code[a->channel]);
	PROP_X(x, "X-MADOGUCHI-STATUS", appt_status_code[a->status]);
	if (!np)
		PROP_X(x, "X-MADOGUCHI-STAFF", a->staff_name);
	if (!x->o->letter) {	/* what another desk needs to book it again (topic
				 * codes space separated: one X- value, no list) */
		if (tb)
			PROP_X(x, "X-MADOGUCHI-TOPICS", x->topic_codes[tb]);
		PROP_X(x, "X-MADOGUCHI-VIA", booked_via_code[a->booked_via]);
		PROP_X(x, "X-MADOGUCHI-ORG-TYPE", org_type_code[a->org_type]);
		PROP_X(x, "X-MADOGUCHI-MUNICIPALITY", a->municipality);
		if (!np) {
			PROP_X(x, "X-MADOGUCHI-ORG", a->org_name);
			PROP_X(x, "X-MADOGUCHI-CONTACT", a->contact_name);
			PROP_X(x, "X-MADOGUCHI-PHONE", a->contact_phone);
			PROP_X(x, "X-MADOGUCHI-EMAIL", a->contact_email);
			PROP_X(x, "X-MADOGUCHI-OVERRIDE", a->override_reason);
			PROP_X(x, "X-MADOGUCHI-NOTE", a->note);
		}
	}
}

static int appt_cb(const struct export_appt *a, void *arg)
{
	struct exp *x = arg;

	appt_put(x, a);
	return event_end(x);
}

/* ---- program events ---- */

static int event_cb(const struct program_event *pe, void *arg)
{
	struct exp *x = arg;
	char date[DATE_STRLEN], cap[16];
	bool open = false;

	EVENT_BEGIN(x, pe->uid, pe->sequence, pe->updated_at, "event");
	if (pe->start_min < 0) {	/* all day, over every day it spans */
		int last = pe->end_day > pe->day ? pe->end_day : pe->day;
		prop_date(x, "DTSTART", 7, pe->day);
		prop_date(x, "DTEND", 5, last + 1);
	} else {
		prop_local(x, "DTSTART", 7, NULL, pe->day, pe->start_min);
		if (pe->end_day > pe->day && pe->end_day_min > 0)
			prop_local(x, "DTEND", 5, NULL, pe->end_day, pe->end_day_min);
		else if (pe->end_min > pe->start_min)
			prop_local(x, "DTEND", 5, NULL, pe->day, pe->end_min);
	}
	PROP_TEXT(x, "SUMMARY", pe->title, ESC_TEXT);
	if (pe->place && *pe->place)
		PROP_TEXT(x, "LOCATION", pe->place, ESC_TEXT);
	snprintf(cap, sizeof cap, "%d", pe->capacity);
	if (pe->reg_deadline)
		date_format(pe->reg_deadline, date);
	desc_line(x, &open, _("Program: "), pe->program_name);
	if (pe->capacity >= 0)
		desc_line(x, &open, _("Capacity: "), cap);
	if (pe->reg_deadline)
		desc_line(x, &open, _("Registration deadline: "), date);
	if (!x->o->no_personal)
		desc_line(x, &open, _("Note: "), pe->note);
	if (open)
		line_end(x);
	if (pe->program_name && *pe->program_name && !strchr(pe->program_name, ','))
		PROP_TEXT(x, "CATEGORIES", pe->program_name, ESC_LIST);
	PUTS(x, "STATUS:CONFIRMED\r\n");
	PROP_X(x, "X-MADOGUCHI-PROGRAM", pe->program_name);
	if (pe->capacity >= 0)
		PROP_TEXT(x, "X-MADOGUCHI-CAPACITY", cap, ESC_LIST);
	if (pe->reg_deadline)
		PROP_TEXT(x, "X-MADOGUCHI-REG-DEADLINE", date, ESC_LIST);
	if (!x->o->no_personal)
		PROP_X(x, "X-MADOGUCHI-NOTE", pe->note);	/* the note alone, for a re-import */
	return event_end(x);
}

/* ---- staff blocks ---- */

/* A staff block as a busy time: its title and staff member (to come
 * back as a block where that person works), only "busy" under
 * no_personal; a whole-desk block says so (X-MADOGUCHI-SCOPE:desk). */
static int block_cb(const struct staff_block *b, void *arg)
{
	struct exp *x = arg;

	if (x->o->staff_id && b->staff_id && b->staff_id != x->o->staff_id)
		return 0;
	EVENT_BEGIN(x, b->uid, b->sequence, NULL, "block");
	prop_local(x, "DTSTART", 7, NULL, b->day, b->start_min);
	prop_local(x, "DTEND", 5, NULL, b->day, b->start_min + b->minutes);
	PROP_TEXT(x, "SUMMARY", x->o->no_personal || !b->title || !*b->title ? _("(busy)") : b->title,
		  ESC_TEXT);
	PUTS(x, "CATEGORIES:block\r\nTRANSP:OPAQUE\r\nSTATUS:CONFIRMED\r\n");
	if (!b->staff_id)
		PUTS(x, "X-MADOGUCHI-SCOPE:desk\r\n");
	else if (!x->o->no_personal)
		PROP_X(x, "X-MADOGUCHI-STAFF", b->staff_name);
	return event_end(x);
}

/* ---- deadlines ---- */

/* A program's application deadline or an event's registration deadline
 * (core's deadline_each_dated()) as an all-day VEVENT with an alarm
 * deadline_alarm_days before it.  An event's deadline names its
 * program; a program's needs no line saying which it is. */
static int deadline_cb(const struct deadline *dl, void *arg)
{
	struct exp *x = arg;
	struct strbuf uid = STRBUF_INIT, sum = STRBUF_INIT;
	int days = x->d->cfg->deadline_alarm_days;
	bool open = false;

	if (dl->kind == DL_EVENT) {
		strbuf_addf(&uid, "deadline-%s", dl->uid ? dl->uid : "");
		strbuf_addf(&sum, _("Registration deadline: %s"), dl->title);
	} else {
		strbuf_addf(&uid, "deadline-program-%lld@madoguchi", dl->id);
		strbuf_addf(&sum, _("Deadline: %s"), dl->title);
	}
	EVENT_BEGIN(x, strbuf_str(&uid), dl->sequence, dl->updated_at, "deadline");
	prop_date(x, "DTSTART", 7, dl->day);
	prop_date(x, "DTEND", 5, dl->day + 1);
	PROP_TEXT(x, "SUMMARY", strbuf_str(&sum), ESC_TEXT);
	if (dl->kind == DL_EVENT)
		desc_line(x, &open, _("Program: "), dl->program_name);
	if (open)
		line_end(x);
	PROP_TEXT(x, "CATEGORIES", _("deadline"), ESC_LIST);
	PUTS(x, "TRANSP:TRANSPARENT\r\nSTATUS:CONFIRMED\r\n");
	if (days > 0) {
		PUTS(x, "BEGIN:VALARM\r\nACTION:DISPLAY\r\n");
		PROP_TEXT(x, "DESCRIPTION", strbuf_str(&sum), ESC_TEXT);
		PUTS(x, "TRIGGER:-P");
		put_int(x, days);
		PUTS(x, "D\r\nEND:VALARM\r\n");
	}
	strbuf_release(&uid);
	strbuf_release(&sum);
	return event_end(x);
}

/* ---- the calendar ---- */

static void labels_init(struct labels *L)
{
	bool ja = i18n_japanese();

	L->visit_c = _("Visit consultation");
	L->phone_c = _("Phone consultation");
	L->phone = _("phone");
	L->org = _("Organization: ");
	L->contact = _("Contact: ");
	L->staff = _("Staff: ");
	L->org_type_lbl = _("Organization type: ");
	L->muni = _("Municipality: ");
	L->topics = _("Topics: ");
	L->booked = _("Booked by: ");
	L->status = _("Status: ");
	L->override = _("Override: ");
	L->note = _("Note: ");
	for (int i = 0; i < ORG_TYPE_COUNT; i++)
		L->org_type[i] = ja ? org_type_ja[i] : org_type_en[i];
	for (int i = 0; i < TOPIC_COUNT; i++)
		L->topic[i] = ja ? topic_ja[i] : topic_en[i];
}

/* DTSTAMP's text: the desk clock's now in UTC. */
static void stamp_init(struct exp *x)
{
	time_t now = clock_epoch(x->d->clock);
	struct tm tm;

	if (!gmtime_r(&now, &tm))
		memset(&tm, 0, sizeof tm);
	snprintf(x->stamp_s, sizeof x->stamp_s, "%04d%02d%02dT%02d%02d%02dZ", tm.tm_year + 1900,
		 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* The desk zone's VTIMEZONE as libical has it, written by libical (its
 * lines are short: nothing to fold), its TZID renamed Asia/Tokyo (see NOTES.md: libical's own name
 * carries a prefix readers reject).  Left out when libical lacks the
 * zone. */
static void put_vtimezone(struct exp *x)
{
	icaltimezone *tz = icaltimezone_get_builtin_timezone(DESK_TZID);
	icalcomponent *vtz;
	icalproperty *p;
	char *s;

	if (!tz || !icaltimezone_get_component(tz))
		return;
	vtz = icalcomponent_new_clone(icaltimezone_get_component(tz));
	if ((p = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY)))
		icalproperty_set_tzid(p, DESK_TZID);
	if ((s = icalcomponent_as_ical_string_r(vtz))) {
		put(x, s, strlen(s));
		icalmemory_free_buffer(s);
	}
	icalcomponent_free(vtz);
}

/* The calendar's head (no END: the events follow): its properties,
 * METHOD:method, the calendar's name (a staff member's name added for
 * one person's calendar with personal data) and the VTIMEZONE. */
static void write_header(struct exp *x, const char *method)
{
	struct strbuf name = STRBUF_INIT;

	PUTS(x, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
	PROP_TEXT(x, "PRODID", "-//madoguchi//madoguchi " MADO_VERSION "//EN", ESC_TEXT);
	PUTS(x, "CALSCALE:GREGORIAN\r\nMETHOD:");
	put(x, method, strlen(method));
	PUTS(x, "\r\n");
	strbuf_adds(&name, _("Consultation desk"));
	if (!x->o->no_personal && x->o->staff_id) {
		struct staff st;
		char id[32];
		struct err e;
		snprintf(id, sizeof id, "%lld", x->o->staff_id);
		if (db_staff_find(x->d->db, id, &st, &e) == 0) {
			strbuf_addf(&name, " - %s", st.name);
			staff_release(&st);
		}
	}
	PROP_X(x, "X-WR-CALNAME", strbuf_str(&name));
	PUTS(x, "X-WR-TIMEZONE:" DESK_TZID "\r\n");
	strbuf_release(&name);
	put_vtimezone(x);
}

static void exp_release(struct exp *x)
{
	strbuf_release(&x->line);
	strbuf_release(&x->pend);
	for (unsigned i = 0; i < 1u << TOPIC_COUNT; i++) {
		free(x->topic_dot[i]);
		free(x->topic_comma[i]);
		free(x->topic_codes[i]);
	}
	for (int i = 0; i < MEMO_SIZE; i++)
		free(x->memo[i].esc);
}

/* The whole calendar, streamed: the head, then each kind o->what asks
 * for, read from the database (deadlines through core). */
int ical_export(const struct desk_ctx *d, const struct ical_export_opts *o, FILE *out,
		struct err *e)
{
	struct exp x = { .d = d, .o = o, .out = out, .line = STRBUF_INIT, .pend = STRBUF_INIT };
	int rc = -1;

	labels_init(&x.L);
	stamp_init(&x);
	write_header(&x, "PUBLISH");
	if ((o->what & ICAL_APPOINTMENTS) &&
	    db_export_appts(d->db, o->from_day, o->to_day, o->staff_id, appt_cb, &x, e) < 0)
		goto cleanup;
	if (!x.failed && (o->what & ICAL_EVENTS) &&
	    db_event_range(d->db, o->from_day, o->to_day, event_cb, &x, e) < 0)
		goto cleanup;
	if (!x.failed && (o->what & ICAL_BLOCKS) &&
	    db_block_each(d->db, o->from_day ? o->from_day : date_from_ymd(1900, 1, 1),
			  o->to_day ? o->to_day : date_from_ymd(2199, 12, 31), block_cb, &x, e) < 0)
		goto cleanup;
	if (!x.failed && (o->what & ICAL_DEADLINES) &&
	    deadline_each_dated(d, o->from_day, o->to_day, deadline_cb, &x, e) < 0)
		goto cleanup;
	if (!x.failed) {
		PUTS(&x, "END:VCALENDAR\r\n");
		flush_pending(&x);
	}
	if (x.failed || fflush(out) == EOF || ferror(out)) {
		err_set(e, ERR_INPUT, _("could not write the calendar: %s"), strerror(errno));
		goto cleanup;
	}
	rc = x.n;
cleanup:
	exp_release(&x);
	return rc;
}

int ical_export_file(const struct desk_ctx *d, const struct ical_export_opts *o,
		     const char *path, struct err *e)
{
	enum file_kind kind = file_kind(path);
	FILE *f;
	int fd, n;

	if (db_refuse_own_file(d->db, path, e) < 0)
		return -1;
	if (kind == FILE_OTHER)
		return err_set(e, ERR_INPUT, _("cannot write %s: %s"), path, strerror(EISDIR));
	if (kind == FILE_SPECIAL) {
		/* /dev/stdout, a pipe: write to it, never replace it */
		if ((fd = file_open_private(path)) < 0 || !(f = fdopen(fd, "w"))) {
			if (fd >= 0)
				close(fd);
			return err_set(e, ERR_INPUT, _("cannot write %s: %s"), path, strerror(errno));
		}
		n = ical_export(d, o, f, e);
		if (fclose(f) != 0 && n >= 0)
			n = err_set(e, ERR_INPUT, _("cannot write %s: %s"), path, strerror(errno));
		return n;
	}
	/* a regular file: write beside it and rename, so a reader sees the
	 * old calendar or the whole new one */
	char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0) {
		err_set(e, ERR_INPUT, _("cannot write %s: %s"), path, strerror(errno));
		free(tmp);
		return -1;
	}
	f = fdopen(fd, "w");
	if (!f) {
		close(fd);
		unlink(tmp);
		free(tmp);
		return err_set(e, ERR_INPUT, _("cannot write %s: %s"), path, strerror(errno));
	}
	n = ical_export(d, o, f, e);
	if (fclose(f) != 0 && n >= 0)
		n = err_set(e, ERR_INPUT, _("cannot write %s: %s"), path, strerror(errno));
	if (n >= 0 && rename(tmp, path) < 0)
		n = err_set(e, ERR_INPUT, _("cannot write %s: %s"), path, strerror(errno));
	if (n < 0)
		unlink(tmp);
	free(tmp);
	return n;
}

/* An appointment's fields as the serializer reads them (borrowed; date
 * holds the day's text). */
static void appt_as_row(const struct appt *a, struct export_appt *r, char *date)
{
	memset(r, 0, sizeof *r);
	r->uid = a->uid;
	r->date = date_format(a->day, date);
	r->room = a->room;
	r->note = a->note;
	r->override_reason = a->override_reason;
	r->updated_at = a->updated_at;
	r->org_name = a->org_name;
	r->municipality = a->municipality;
	r->contact_name = a->contact_name;
	r->contact_phone = a->contact_phone;
	r->contact_email = a->contact_email;
	r->staff_name = a->staff_name;
	r->day = a->day;
	r->start_min = a->start_min;
	r->minutes = a->minutes;
	r->sequence = a->sequence;
	r->channel = a->channel;
	r->booked_via = a->booked_via;
	r->status = a->status;
	r->org_type = a->org_type;
	r->topics = a->topics;
}

int ical_invite(const struct desk_ctx *d, const struct appt *a, bool cancel, bool japanese,
		const char *organizer, const char *attendee, struct strbuf *out, struct err *e)
{
	struct ical_export_opts o;
	struct exp x = { .d = d, .o = &o, .line = STRBUF_INIT, .pend = STRBUF_INIT };
	struct export_appt row;
	char date[DATE_STRLEN];

	ical_export_opts_init(&o);
	o.letter = true;
	labels_init(&x.L);
	if (japanese != (bool)i18n_japanese()) {	/* the letter's language, not the desk's */
		static const struct labels ja = {
			"来所相談", "電話相談", "電話相談", "団体: ", "先方担当: ", "窓口担当: ",
			"団体の種別: ", "区市町村: ", "相談内容: ", "予約の受付: ", "状態: ",
			"例外理由: ", "メモ: ", { NULL }, { NULL } };
		static const struct labels en = {
			"Visit consultation", "Phone consultation", "phone", "Organization: ",
			"Contact: ", "Staff: ", "Organization type: ", "Municipality: ", "Topics: ",
			"Booked by: ", "Status: ", "Override: ", "Note: ", { NULL }, { NULL } };
		x.L = japanese ? ja : en;
		for (int i = 0; i < ORG_TYPE_COUNT; i++)
			x.L.org_type[i] = japanese ? org_type_ja[i] : org_type_en[i];
		for (int i = 0; i < TOPIC_COUNT; i++)
			x.L.topic[i] = japanese ? topic_ja[i] : topic_en[i];
	}
	stamp_init(&x);
	write_header(&x, cancel ? "CANCEL" : "REQUEST");
	appt_as_row(a, &row, date);
	appt_put(&x, &row);
	if (organizer && *organizer) {
		LINE_BEGIN(&x, "ORGANIZER:mailto:");
		put_escs(&x, organizer, ESC_NONE);
		line_end(&x);
	}
	if (attendee && *attendee) {
		LINE_BEGIN(&x, "ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:");
		put_escs(&x, attendee, ESC_NONE);
		line_end(&x);
	}
	PUTS(&x, "END:VEVENT\r\nEND:VCALENDAR\r\n");
	strbuf_add(out, x.pend.buf, x.pend.len);
	exp_release(&x);
	(void)e;
	return 0;
}
