#include "export/ical.h"

#include <errno.h>
#include <fcntl.h>
#include <libical/ical.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "db/db_appt.h"
#include "db/db_export.h"
#include "db/db_org.h"
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

/* ---- writing: libical gives each value and parameter its escaped
 * text; lines are put together and folded here, once (libical 3.0's own
 * folding works a character at a time and is most of the cost). ---- */

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

static void write_property(struct strbuf *out, struct strbuf *ln, icalproperty *p)
{
	icalproperty_kind k = icalproperty_isa(p);
	icalvalue *v = icalproperty_get_value(p);
	char *vs;

	strbuf_reset(ln);
	strbuf_adds(ln, k == ICAL_X_PROPERTY ? icalproperty_get_x_name(p) : icalproperty_kind_to_string(k));
	for (icalparameter *par = icalproperty_get_first_parameter(p, ICAL_ANY_PARAMETER); par;
	     par = icalproperty_get_next_parameter(p, ICAL_ANY_PARAMETER)) {
		char *ps = icalparameter_as_ical_string_r(par);
		if (ps) {
			strbuf_adds(ln, ";");
			strbuf_adds(ln, ps);
			icalmemory_free_buffer(ps);
		}
	}
	if (v) {
		icalvalue_kind vk = icalvalue_isa(v);
		icalvalue_kind def = k == ICAL_X_PROPERTY ? ICAL_TEXT_VALUE : icalproperty_kind_to_value_kind(k);
		if (vk != def && !(vk == ICAL_DATETIME_VALUE && def == ICAL_DATETIMEDATE_VALUE) &&
		    !(vk == ICAL_X_VALUE && k == ICAL_X_PROPERTY)) {
			strbuf_adds(ln, ";VALUE=");
			strbuf_adds(ln, icalvalue_kind_to_string(vk));
		} else if (vk == ICAL_DATE_VALUE && def == ICAL_DATETIMEDATE_VALUE) {
			strbuf_adds(ln, ";VALUE=DATE");
		}
	}
	strbuf_adds(ln, ":");
	if (v && (vs = icalvalue_as_ical_string_r(v))) {
		if (vs[strcspn(vs, SUSPECT)])
			text_sanitize(ln, vs, true);	/* see put_escs() */
		else
			strbuf_adds(ln, vs);
		icalmemory_free_buffer(vs);
	}
	ical_fold_line(out, ln->buf, ln->len);
}

/* BEGIN, properties, subcomponents; END unless open (the calendar's
 * END follows the streamed events). */
static void write_component(struct strbuf *out, struct strbuf *ln, icalcomponent *c, bool open)
{
	const char *name = icalcomponent_kind_to_string(icalcomponent_isa(c));

	strbuf_adds(out, "BEGIN:");
	strbuf_adds(out, name);
	strbuf_adds(out, "\r\n");
	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_ANY_PROPERTY); p;
	     p = icalcomponent_get_next_property(c, ICAL_ANY_PROPERTY))
		write_property(out, ln, p);
	for (icalcomponent *sub = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); sub;
	     sub = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
		write_component(out, ln, sub, false);
	if (!open) {
		strbuf_adds(out, "END:");
		strbuf_adds(out, name);
		strbuf_adds(out, "\r\n");
	}
}

/* ---- building blocks ---- */

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
	FILE *out;
	struct strbuf buf, line;
	struct icaltimetype stamp;
	int n;
	bool failed;
	/* the serializer's: output not yet written, where the current
	 * line began in it, DTSTAMP's text, topic labels by set of topics */
	struct strbuf pend;
	size_t line_start;
	char stamp_s[24];
	char *topic_dot[1u << TOPIC_COUNT], *topic_comma[1u << TOPIC_COUNT];
	char *topic_codes[1u << TOPIC_COUNT];	/* "direct plan" */
	struct { const char *src; char *esc; size_t n; } memo[MEMO_SIZE];
	int n_memo;
};

static struct icaltimetype local_time(int day, int minute)
{
	struct icaltimetype t = icaltime_null_time();
	int y, m, dd;

	if (minute >= 1440) {	/* 24:00 is the next day's 00:00 */
		day += minute / 1440;
		minute %= 1440;
	}
	date_to_ymd(day, &y, &m, &dd);
	t.year = y;
	t.month = m;
	t.day = dd;
	t.hour = minute / 60;
	t.minute = minute % 60;
	t.is_date = 0;
	return t;
}

static struct icaltimetype date_only(int day)
{
	struct icaltimetype t = icaltime_null_date();
	int y, m, dd;

	date_to_ymd(day, &y, &m, &dd);
	t.year = y;
	t.month = m;
	t.day = dd;
	t.is_date = 1;
	return t;
}

static void add_local(icalcomponent *c, icalproperty *p)
{
	icalproperty_add_parameter(p, icalparameter_new_tzid(DESK_TZID));
	icalcomponent_add_property(c, p);
}

/* "YYYY-MM-DDTHH:MM:SSZ" as a UTC DATE-TIME; false when malformed. */
static bool utc_from_iso(const char *s, struct icaltimetype *t)
{
	int y, mo, d, h, mi, se;

	if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &se) != 6 ||
	    !date_valid_ymd(y, mo, d) || h > 23 || mi > 59 || se > 60)
		return false;
	*t = icaltime_null_time();
	t->year = y;
	t->month = mo;
	t->day = d;
	t->hour = h;
	t->minute = mi;
	t->second = se;
	t->zone = icaltimezone_get_utc_timezone();
	return true;
}

static void add_x(icalcomponent *c, const char *name, const char *value)
{
	icalproperty *p;

	if (!value || !*value)
		return;
	p = icalproperty_new(ICAL_X_PROPERTY);
	icalproperty_set_x_name(p, name);
	icalproperty_set_value(p, icalvalue_new_text(value));
	icalcomponent_add_property(c, p);
}

static icalcomponent *new_event(struct exp *x, const char *uid, int sequence,
				const char *updated_at, const char *kind)
{
	icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	struct icaltimetype lm;

	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(x->stamp));
	icalcomponent_add_property(ev, icalproperty_new_sequence(sequence));
	if (utc_from_iso(updated_at, &lm))
		icalcomponent_add_property(ev, icalproperty_new_lastmodified(lm));
	add_x(ev, "X-MADOGUCHI-KIND", kind);
	return ev;
}

static int emit(struct exp *x, icalcomponent *c)
{
	strbuf_reset(&x->buf);
	write_component(&x->buf, &x->line, c, false);
	icalcomponent_free(c);
	if (x->buf.len && fwrite(x->buf.buf, 1, x->buf.len, x->out) != x->buf.len) {
		x->failed = true;
		return 1;
	}
	x->n++;
	return 0;
}

static void line(struct strbuf *sb, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	if (sb->len)
		strbuf_adds(sb, "\n");
	strbuf_adds(sb, label);
	strbuf_adds(sb, value);
}

/* ---- appointments ---- */

/* One appointment as a VEVENT component (the caller frees it). */
static icalcomponent *build_appt(struct exp *x, const struct appt *a)
{
	bool np = x->o->no_personal;
	icalcomponent *ev = new_event(x, a->uid, a->sequence, a->updated_at, "appointment");
	struct strbuf sum = STRBUF_INIT, desc = STRBUF_INIT, topics = STRBUF_INIT, s = STRBUF_INIT;
	icalproperty *cat = NULL;

	for (int t = 0; t < TOPIC_COUNT; t++)
		if (a->topics & (1u << t)) {
			if (topics.len)
				strbuf_adds(&topics, "・");
			strbuf_adds(&topics, x->L.topic[t]);
		}

	add_local(ev, icalproperty_new_dtstart(local_time(a->day, a->start_min)));
	add_local(ev, icalproperty_new_dtend(local_time(a->day, a->start_min + a->minutes)));

	strbuf_adds(&sum, a->channel == CH_VISIT ? x->L.visit_c : x->L.phone_c);
	strbuf_adds(&sum, ": ");
	if (np) {
		strbuf_adds(&sum, x->L.org_type[a->org_type]);
		if (topics.len)
			strbuf_addf(&sum, " / %s", strbuf_str(&topics));
	} else {
		strbuf_adds(&sum, a->org_name ? a->org_name : "");
		if (a->contact_name && *a->contact_name)
			strbuf_addf(&sum, " (%s)", a->contact_name);
	}
	icalcomponent_add_property(ev, icalproperty_new_summary(strbuf_str(&sum)));

	icalcomponent_add_property(ev, icalproperty_new_location(
		a->channel == CH_VISIT && a->room && *a->room ? a->room : x->L.phone));

	if (!np) {
		strbuf_addf(&s, "%s (%s, %s)", a->org_name ? a->org_name : "",
			    a->municipality ? a->municipality : "", x->L.org_type[a->org_type]);
		line(&desc, x->L.org, strbuf_str(&s));
		strbuf_reset(&s);
		if (a->contact_name && *a->contact_name) {
			strbuf_adds(&s, a->contact_name);
			if (a->contact_phone && *a->contact_phone)
				strbuf_addf(&s, ", %s", a->contact_phone);
			if (a->contact_email && *a->contact_email)
				strbuf_addf(&s, ", %s", a->contact_email);
		}
		line(&desc, x->L.contact, strbuf_str(&s));
		line(&desc, x->L.staff, a->staff_name);
	} else {
		line(&desc, x->L.org_type_lbl, x->L.org_type[a->org_type]);
		line(&desc, x->L.muni, a->municipality);
	}
	line(&desc, x->L.topics, strbuf_str(&topics));
	line(&desc, x->L.booked, booked_via_code[a->booked_via]);
	if (a->status != ST_BOOKED)
		line(&desc, x->L.status, appt_status_code[a->status]);
	if (!np && !x->o->letter) {
		line(&desc, x->L.override, a->override_reason);
		line(&desc, x->L.note, a->note);
	}
	if (desc.len)
		icalcomponent_add_property(ev, icalproperty_new_description(strbuf_str(&desc)));

	for (int t = 0; t < TOPIC_COUNT; t++)
		if (a->topics & (1u << t)) {
			/* one value per topic, in one CATEGORIES property */
			if (!cat) {
				cat = icalproperty_new_categories(x->L.topic[t]);
			} else {
				strbuf_reset(&s);
				strbuf_addf(&s, "%s,%s", icalproperty_get_categories(cat), x->L.topic[t]);
				icalproperty_set_categories(cat, strbuf_str(&s));
			}
		}
	if (cat)
		icalcomponent_add_property(ev, cat);
	icalcomponent_add_property(ev, icalproperty_new_status(
		a->status == ST_CANCELLED ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
	add_x(ev, "X-MADOGUCHI-CHANNEL", channel_code[a->channel]);
	add_x(ev, "X-MADOGUCHI-STATUS", appt_status_code[a->status]);
	if (!np)
		add_x(ev, "X-MADOGUCHI-STAFF", a->staff_name);
	if (!x->o->letter) {	/* what another desk needs to book it again */
		strbuf_reset(&s);
		for (int t = 0; t < TOPIC_COUNT; t++)
			if (a->topics & (1u << t))
				strbuf_addf(&s, "%s%s", s.len ? " " : "", topic_code[t]);
		add_x(ev, "X-MADOGUCHI-TOPICS", strbuf_str(&s));
		add_x(ev, "X-MADOGUCHI-VIA", booked_via_code[a->booked_via]);
		add_x(ev, "X-MADOGUCHI-ORG-TYPE", org_type_code[a->org_type]);
		add_x(ev, "X-MADOGUCHI-MUNICIPALITY", a->municipality);
		if (!np) {
			add_x(ev, "X-MADOGUCHI-ORG", a->org_name);
			add_x(ev, "X-MADOGUCHI-CONTACT", a->contact_name);
			add_x(ev, "X-MADOGUCHI-PHONE", a->contact_phone);
			add_x(ev, "X-MADOGUCHI-EMAIL", a->contact_email);
			add_x(ev, "X-MADOGUCHI-OVERRIDE", a->override_reason);
			add_x(ev, "X-MADOGUCHI-NOTE", a->note);
		}
	}

	strbuf_release(&sum);
	strbuf_release(&desc);
	strbuf_release(&topics);
	strbuf_release(&s);
	return ev;
}

static int appt_cb(const struct appt *a, void *arg)
{
	struct exp *x = arg;

	return emit(x, build_appt(x, a));
}

/* ---- appointments, serialized here ----
 *
 * The same bytes libical 3.0 writes for these properties (the unit test
 * test_ical_fast.c holds this to the libical path, byte for byte),
 * without building a component per row: each line goes straight into
 * one output buffer, its value escaped as icalvalue_as_ical_string_r()
 * does; only a line longer than 75 octets is copied out and folded back
 * by ical_fold_line().  The buffer is written in large pieces and
 * reused, so memory stays flat. */

enum esc { ESC_TEXT, ESC_LIST };

/* libical's escaping of a TEXT value: backslash as \\, newline as \n,
 * and \b, \f, \r dropped in every one; ';' and ',' as \; and \, only
 * in TEXT proper (ESC_TEXT), not in CATEGORIES and X- properties
 * (ESC_LIST), where they stay as they are. */

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
 * text_sanitize() (SUSPECT_BIT).  NUL has every bit, so a scan stops at
 * the end.  A table, not strcspn(): the scan runs over every value of
 * every event, and strcspn() with a long reject set rebuilds its own
 * table on each call. */
enum { ESC_TEXT_BIT = 1, ESC_LIST_BIT = 2, SUSPECT_BIT = 4 };
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
	unsigned mask = (how == ESC_LIST ? ESC_LIST_BIT : ESC_TEXT_BIT) | (check ? SUSPECT_BIT : 0);

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

/* NAME:value (name with its colon), as add_x() and
 * icalproperty_new_*() with a TEXT value write it. */
static void prop_text(struct exp *x, const char *name, size_t nn, const char *v, enum esc how)
{
	line_begin(x, name, nn);
	put_escs(x, v, how);
	line_end(x);
}

#define PROP_TEXT(x, lit, v, how) prop_text((x), lit ":", sizeof(lit ":") - 1, (v), (how))
/* An X- property, left out when empty, as add_x() does. */
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

/* NAME;TZID=Asia/Tokyo:local time, as add_local() writes it (short:
 * never folded). */
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
		struct icaltimetype t = local_time(day, minute);
		put_datetime(x, t.year, t.month, t.day, t.hour, t.minute, 0, false);
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
	struct icaltimetype t;

	if (!s)
		return;
	if (strlen(s) == 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' &&
	    s[16] == ':' && s[19] == 'Z' && digits(s, 4) && digits(s + 5, 2) && digits(s + 8, 2) &&
	    digits(s + 11, 2) && digits(s + 14, 2) && digits(s + 17, 2)) {
		t = icaltime_null_time();
		t.year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		t.month = (s[5] - '0') * 10 + (s[6] - '0');
		t.day = (s[8] - '0') * 10 + (s[9] - '0');
		t.hour = (s[11] - '0') * 10 + (s[12] - '0');
		t.minute = (s[14] - '0') * 10 + (s[15] - '0');
		t.second = (s[17] - '0') * 10 + (s[18] - '0');
		if (!date_valid_ymd(t.year, t.month, t.day) || t.hour > 23 || t.minute > 59 ||
		    t.second > 60)
			return;
	} else if (!utc_from_iso(s, &t)) {	/* any other layout sscanf takes */
		return;
	}
	PUTS(x, "LAST-MODIFIED:");
	put_datetime(x, t.year, t.month, t.day, t.hour, t.minute, t.second, true);
	PUTS(x, "\r\n");
}

static int flush_pending(struct exp *x)
{
	if (x->pend.len && fwrite(x->pend.buf, 1, x->pend.len, x->out) != x->pend.len) {
		x->failed = true;
		return -1;
	}
	x->pend.len = 0;
	return 0;
}

/* One line of the description, as line() adds it: the DESCRIPTION line
 * begins with the first, later ones follow an escaped newline. */
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

static int appt_fast_cb(const struct export_appt *a, void *arg)
{
	struct exp *x = arg;
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
		for (int t = 0; t < TOPIC_COUNT; t++)
			if (tb & (1u << t))
				strbuf_addf(&sb, "%s%s", sb.len ? " " : "", topic_code[t]);
		x->topic_codes[tb] = xstrdup(strbuf_str(&sb));
		strbuf_release(&sb);
	}
	topics = x->topic_dot[tb];
	cats = x->topic_comma[tb];

	/* new_event() */
	PUTS(x, "BEGIN:VEVENT\r\n");
	PROP_TEXT(x, "UID", a->uid ? a->uid : "", ESC_TEXT);
	PUTS(x, "DTSTAMP:");
	put(x, x->stamp_s, strlen(x->stamp_s));
	PUTS(x, "\r\nSEQUENCE:");
	if (a->sequence >= 0 && a->sequence < 10) {
		char c = (char)('0' + a->sequence);
		put(x, &c, 1);
	} else {
		char num[16];
		put(x, num, (size_t)snprintf(num, sizeof num, "%d", a->sequence));
	}
	PUTS(x, "\r\n");
	prop_lastmod(x, a->updated_at);
	PUTS(x, "X-MADOGUCHI-KIND:appointment\r\n");

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

	/* the description, line by line as appt_cb() puts it together */
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
	if (!np) {
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
	/* what another desk needs to book it again (topic codes space
	 * separated: one X- value, no list) */
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
	PUTS(x, "END:VEVENT\r\n");
	x->n++;
	if (x->pend.len >= PEND_FLUSH)
		return flush_pending(x) < 0;
	return 0;
}

/* ---- program events ---- */

static int event_cb(const struct prog_event *pe, void *arg)
{
	struct exp *x = arg;
	icalcomponent *ev = new_event(x, pe->uid, pe->sequence, pe->updated_at, "event");
	struct strbuf desc = STRBUF_INIT, s = STRBUF_INIT;
	char date[DATE_STRLEN];

	if (pe->start_min < 0) {
		int last = pe->end_day > pe->day ? pe->end_day : pe->day;
		icalcomponent_add_property(ev, icalproperty_new_dtstart(date_only(pe->day)));
		icalcomponent_add_property(ev, icalproperty_new_dtend(date_only(last + 1)));
	} else {
		add_local(ev, icalproperty_new_dtstart(local_time(pe->day, pe->start_min)));
		if (pe->end_day > pe->day && pe->end_day_min > 0)
			add_local(ev, icalproperty_new_dtend(local_time(pe->end_day, pe->end_day_min)));
		else if (pe->end_min > pe->start_min)
			add_local(ev, icalproperty_new_dtend(local_time(pe->day, pe->end_min)));
	}
	icalcomponent_add_property(ev, icalproperty_new_summary(pe->title));
	if (pe->place && *pe->place)
		icalcomponent_add_property(ev, icalproperty_new_location(pe->place));
	line(&desc, _("Program: "), pe->program_name);
	if (pe->capacity >= 0) {
		strbuf_addf(&s, "%d", pe->capacity);
		line(&desc, _("Capacity: "), strbuf_str(&s));
	}
	if (pe->reg_deadline)
		line(&desc, _("Registration deadline: "), date_format(pe->reg_deadline, date));
	if (!x->o->no_personal)
		line(&desc, _("Note: "), pe->note);
	if (desc.len)
		icalcomponent_add_property(ev, icalproperty_new_description(strbuf_str(&desc)));
	if (pe->program_name && *pe->program_name && !strchr(pe->program_name, ','))
		icalcomponent_add_property(ev, icalproperty_new_categories(pe->program_name));
	icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
	add_x(ev, "X-MADOGUCHI-PROGRAM", pe->program_name);
	if (pe->capacity >= 0) {
		strbuf_reset(&s);
		strbuf_addf(&s, "%d", pe->capacity);
		add_x(ev, "X-MADOGUCHI-CAPACITY", strbuf_str(&s));
	}
	if (pe->reg_deadline)
		add_x(ev, "X-MADOGUCHI-REG-DEADLINE", date_format(pe->reg_deadline, date));
	if (!x->o->no_personal)
		add_x(ev, "X-MADOGUCHI-NOTE", pe->note);	/* the note alone, for a re-import */
	strbuf_release(&desc);
	strbuf_release(&s);
	return emit(x, ev);
}

/* ---- staff blocks ---- */

/* A staff block as a busy time: its title and staff member (to come
 * back as a block where that person works), only "busy" under
 * no_personal; a whole-desk block says so (X-MADOGUCHI-SCOPE:desk). */
static int block_cb(const struct staff_block *b, void *arg)
{
	struct exp *x = arg;
	icalcomponent *ev;

	if (x->o->staff_id && b->staff_id && b->staff_id != x->o->staff_id)
		return 0;
	ev = new_event(x, b->uid, b->sequence, NULL, "block");
	add_local(ev, icalproperty_new_dtstart(local_time(b->day, b->start_min)));
	add_local(ev, icalproperty_new_dtend(local_time(b->day, b->start_min + b->minutes)));
	icalcomponent_add_property(ev, icalproperty_new_summary(x->o->no_personal || !b->title || !*b->title
								 ? _("(busy)") : b->title));
	icalcomponent_add_property(ev, icalproperty_new_categories("block"));
	icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
	icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
	if (!b->staff_id)
		add_x(ev, "X-MADOGUCHI-SCOPE", "desk");
	else if (!x->o->no_personal)
		add_x(ev, "X-MADOGUCHI-STAFF", b->staff_name);
	return emit(x, ev);
}

/* ---- deadlines ---- */

static int deadline_cb(const struct deadline_row *dl, void *arg)
{
	struct exp *x = arg;
	struct strbuf uid = STRBUF_INIT, sum = STRBUF_INIT;
	icalcomponent *ev, *alarm;
	struct icaltriggertype trig;
	int days = x->d->cfg->deadline_alarm_days;

	if (dl->kind == EXPORT_DEADLINE_EVENT) {
		strbuf_addf(&uid, "deadline-%s", dl->uid);
		strbuf_addf(&sum, _("Registration deadline: %s"), dl->title);
	} else {
		strbuf_addf(&uid, "deadline-program-%lld@madoguchi", dl->id);
		strbuf_addf(&sum, _("Deadline: %s"), dl->title);
	}
	ev = new_event(x, strbuf_str(&uid), dl->sequence, dl->updated_at, "deadline");
	icalcomponent_add_property(ev, icalproperty_new_dtstart(date_only(dl->day)));
	icalcomponent_add_property(ev, icalproperty_new_dtend(date_only(dl->day + 1)));
	icalcomponent_add_property(ev, icalproperty_new_summary(strbuf_str(&sum)));
	if (dl->program_name && *dl->program_name) {
		struct strbuf desc = STRBUF_INIT;
		line(&desc, _("Program: "), dl->program_name);
		icalcomponent_add_property(ev, icalproperty_new_description(strbuf_str(&desc)));
		strbuf_release(&desc);
	}
	icalcomponent_add_property(ev, icalproperty_new_categories(_("deadline")));
	icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
	if (days > 0) {
		alarm = icalcomponent_new(ICAL_VALARM_COMPONENT);
		icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
		icalcomponent_add_property(alarm, icalproperty_new_description(strbuf_str(&sum)));
		memset(&trig, 0, sizeof trig);
		trig.time = icaltime_null_time();
		trig.duration = icaldurationtype_null_duration();
		trig.duration.is_neg = 1;
		trig.duration.days = (unsigned)days;
		icalcomponent_add_property(alarm, icalproperty_new_trigger(trig));
		icalcomponent_add_component(ev, alarm);
	}
	strbuf_release(&uid);
	strbuf_release(&sum);
	return emit(x, ev);
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

static int write_header(struct exp *x, icalproperty_method method)
{
	icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	icaltimezone *tz = icaltimezone_get_builtin_timezone(DESK_TZID);
	icalproperty *p;
	struct strbuf name = STRBUF_INIT;

	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//madoguchi//madoguchi " MADO_VERSION "//EN"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(cal, icalproperty_new_method(method));
	strbuf_adds(&name, _("Consultation desk"));
	if (!x->o->no_personal && x->o->staff_id) {
		struct staff st;
		char id[32];
		snprintf(id, sizeof id, "%lld", x->o->staff_id);
		struct err e;
		if (db_staff_find(x->d->db, id, &st, &e) == 0) {
			strbuf_addf(&name, " - %s", st.name);
			staff_release(&st);
		}
	}
	add_x(cal, "X-WR-CALNAME", strbuf_str(&name));
	add_x(cal, "X-WR-TIMEZONE", DESK_TZID);
	strbuf_release(&name);
	if (tz) {
		icalcomponent *vtz = icalcomponent_new_clone(icaltimezone_get_component(tz));
		p = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
		if (p)
			icalproperty_set_tzid(p, DESK_TZID);
		icalcomponent_add_component(cal, vtz);
	}
	strbuf_reset(&x->buf);
	write_component(&x->buf, &x->line, cal, true);
	icalcomponent_free(cal);
	if (x->out && fwrite(x->buf.buf, 1, x->buf.len, x->out) != x->buf.len)
		x->failed = true;
	return 0;
}

/* The whole calendar: the frame, program events and deadlines built
 * with libical; appointments serialized here, or (reference) built
 * with libical from db_appt_each() as before the serializer existed. */
static int export_run(const struct desk_ctx *d, const struct ical_export_opts *o, FILE *out,
		      bool reference, struct err *e)
{
	struct exp x = { .d = d, .o = o, .out = out, .buf = STRBUF_INIT, .line = STRBUF_INIT,
			 .stamp = icaltime_null_time(), .pend = STRBUF_INIT };
	int rc = -1;

	labels_init(&x.L);
	x.stamp = icaltime_from_timet_with_zone(clock_epoch(d->clock), 0,
						 icaltimezone_get_utc_timezone());
	{	/* DTSTAMP's text, as libical writes it, once */
		icalproperty *p = icalproperty_new_dtstamp(x.stamp);
		char *v = icalvalue_as_ical_string_r(icalproperty_get_value(p));
		snprintf(x.stamp_s, sizeof x.stamp_s, "%s", v ? v : "");
		icalmemory_free_buffer(v);
		icalproperty_free(p);
	}
	if (write_header(&x, ICAL_METHOD_PUBLISH) < 0) {
		err_set(e, ERR_DB, _("could not build the calendar"));
		goto cleanup;
	}
	if (!x.failed && (o->what & ICAL_APPOINTMENTS)) {
		if (reference) {
			struct appt_filter f;
			appt_filter_init(&f);
			f.from_day = o->from_day;
			f.to_day = o->to_day;
			f.staff_id = o->staff_id;
			f.include_cancelled = true;
			if (db_appt_each(d->db, &f, appt_cb, &x, e) < 0)
				goto cleanup;
		} else {
			if (db_export_appts(d->db, o->from_day, o->to_day, o->staff_id, appt_fast_cb,
					    &x, e) < 0)
				goto cleanup;
			if (!x.failed)
				flush_pending(&x);
		}
	}
	if (!x.failed && (o->what & ICAL_EVENTS) &&
	    db_export_events(d->db, o->from_day, o->to_day, event_cb, &x, e) < 0)
		goto cleanup;
	if (!x.failed && (o->what & ICAL_BLOCKS) &&
	    db_block_each(d->db, o->from_day ? o->from_day : date_from_ymd(1900, 1, 1),
			  o->to_day ? o->to_day : date_from_ymd(2199, 12, 31), block_cb, &x, e) < 0)
		goto cleanup;
	if (!x.failed && (o->what & ICAL_DEADLINES) &&
	    db_export_deadlines(d->db, o->from_day, o->to_day, deadline_cb, &x, e) < 0)
		goto cleanup;
	if (!x.failed && fputs("END:VCALENDAR\r\n", out) == EOF)
		x.failed = true;
	if (x.failed || fflush(out) == EOF || ferror(out)) {
		err_set(e, ERR_INPUT, _("could not write the calendar: %s"), strerror(errno));
		goto cleanup;
	}
	rc = x.n;
cleanup:
	strbuf_release(&x.buf);
	strbuf_release(&x.line);
	strbuf_release(&x.pend);
	for (unsigned i = 0; i < 1u << TOPIC_COUNT; i++) {
		free(x.topic_dot[i]);
		free(x.topic_comma[i]);
		free(x.topic_codes[i]);
	}
	for (int i = 0; i < MEMO_SIZE; i++)
		free(x.memo[i].esc);
	return rc;
}

int ical_export(const struct desk_ctx *d, const struct ical_export_opts *o, FILE *out,
		struct err *e)
{
	return export_run(d, o, out, false, e);
}

int ical_export_libical(const struct desk_ctx *d, const struct ical_export_opts *o, FILE *out,
			struct err *e)
{
	return export_run(d, o, out, true, e);
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

int ical_invite(const struct desk_ctx *d, const struct appt *a, bool cancel, bool japanese,
		const char *organizer, const char *attendee, struct strbuf *out, struct err *e)
{
	struct ical_export_opts o;
	struct exp x = { .d = d, .o = &o, .buf = STRBUF_INIT, .line = STRBUF_INIT,
			 .stamp = icaltime_null_time(), .pend = STRBUF_INIT };
	icalcomponent *ev;
	icalproperty *p;
	char *mailto;

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
	x.stamp = icaltime_from_timet_with_zone(clock_epoch(d->clock), 0,
						 icaltimezone_get_utc_timezone());
	write_header(&x, cancel ? ICAL_METHOD_CANCEL : ICAL_METHOD_REQUEST);
	strbuf_add(out, x.buf.buf, x.buf.len);
	ev = build_appt(&x, a);
	if (organizer && *organizer) {
		mailto = xasprintf("mailto:%s", organizer);
		icalcomponent_add_property(ev, icalproperty_new_organizer(mailto));
		free(mailto);
	}
	if (attendee && *attendee) {
		mailto = xasprintf("mailto:%s", attendee);
		p = icalproperty_new_attendee(mailto);
		icalproperty_add_parameter(p, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
		icalproperty_add_parameter(p, icalparameter_new_rsvp(ICAL_RSVP_FALSE));
		icalcomponent_add_property(ev, p);
		free(mailto);
	}
	strbuf_reset(&x.buf);
	write_component(&x.buf, &x.line, ev, false);
	icalcomponent_free(ev);
	strbuf_add(out, x.buf.buf, x.buf.len);
	strbuf_adds(out, "END:VCALENDAR\r\n");
	strbuf_release(&x.buf);
	strbuf_release(&x.line);
	strbuf_release(&x.pend);
	(void)e;
	return 0;
}
