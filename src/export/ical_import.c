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
/* libical holds a parsed calendar at about 16 times its size: a 61 MB
 * file took 1 GB.  16 MiB (some 50,000 events) stays near 256 MB. */
#define IMPORT_MAX_BYTES (16L << 20)

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
	int begin, uid, dtstart, dtend, duration, summary, location, description, staff;
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

/* Find the colon that ends the name and parameters (not inside quotes). */
static const char *find_colon(const char *s, size_t n)
{
	bool q = false;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			q = !q;
		else if (s[i] == ':' && !q)
			return s + i;
	}
	return NULL;
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

/* Check the raw bytes: UTF-8, control characters, line syntax, nesting,
 * the events' required properties and their date values. */
static int check_file(struct check *c, const char *buf, size_t len, struct err *e)
{
	struct strbuf logical = STRBUF_INIT;
	char stack[MAX_DEPTH][32];
	int stack_line[MAX_DEPTH];
	int depth = 0, line = 0, lstart = 0, rc = -1;
	bool done = false;	/* after END:VCALENDAR */
	const char *p = buf, *end = buf + len;
	struct ev_lines *cur = NULL;

	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;	/* a byte-order mark: tolerated */
	for (;;) {
		const char *nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
		const char *le = nl ? nl : end;
		bool eof = p >= end;
		size_t n = (size_t)(le - p);
		if (!eof) {
			line++;
			if (n && p[n - 1] == '\r')
				n--;
			for (size_t i = 0; i < n; i++) {
				unsigned char ch = (unsigned char)p[i];
				if ((ch < 0x20 && ch != '\t') || ch == 0x7f) {
					rc = fail_at(e, c, line, _("control character 0x%02x"), ch);
					goto out;
				}
			}
		}
		/* a continuation line joins the logical line */
		if (!eof && n && (p[0] == ' ' || p[0] == '\t') && logical.len) {
			strbuf_add(&logical, p + 1, n - 1);
			p = nl ? nl + 1 : end;
			continue;
		}
		/* finish the previous logical line */
		if (logical.len) {
			/* a fold may split a UTF-8 character (RFC 5545 3.1): check
			 * the joined line */
			if (!text_utf8_valid(logical.buf, logical.len)) {
				rc = fail_at(e, c, lstart, _("invalid UTF-8"));
				goto out;
			}
			const char *s = logical.buf, *colon = find_colon(s, logical.len);
			size_t nl_len = 0;
			while (nl_len < logical.len && (isalnum((unsigned char)s[nl_len]) || s[nl_len] == '-'))
				nl_len++;
			if (!colon || nl_len == 0 || (s[nl_len] != ':' && s[nl_len] != ';')) {
				rc = fail_at(e, c, lstart, _("not a content line (NAME:value)"));
				goto out;
			}
			const char *v = colon + 1;
			size_t vn = logical.len - (size_t)(v - s);
			char name[64];
			snprintf(name, sizeof name, "%.*s", (int)(nl_len < 63 ? nl_len : 63), s);
			for (char *q = name; *q; q++)
				*q = (char)toupper((unsigned char)*q);
			if (done) {
				rc = fail_at(e, c, lstart, _("text after END:VCALENDAR"));
				goto out;
			}
			if (depth == 0 && !(strcmp(name, "BEGIN") == 0 && vn == 9 && !strncasecmp(v, "VCALENDAR", 9))) {
				rc = fail_at(e, c, lstart, _("the file must start with BEGIN:VCALENDAR"));
				goto out;
			}
			if (!strcmp(name, "BEGIN")) {
				if (depth == MAX_DEPTH || vn == 0 || vn >= 32) {
					rc = fail_at(e, c, lstart, _("BEGIN nested too deep or without a name"));
					goto out;
				}
				snprintf(stack[depth], 32, "%.*s", (int)vn, v);
				for (char *q = stack[depth]; *q; q++)
					*q = (char)toupper((unsigned char)*q);
				stack_line[depth] = lstart;
				depth++;
				if (depth == 2 && !strcmp(stack[1], "VEVENT")) {
					if (c->n_ev == c->cap_ev) {
						c->cap_ev = c->cap_ev ? 2 * c->cap_ev : 16;
						c->ev = xrealloc(c->ev, c->cap_ev * sizeof *c->ev);
					}
					cur = &c->ev[c->n_ev++];
					memset(cur, 0, sizeof *cur);
					cur->begin = lstart;
				}
			} else if (!strcmp(name, "END")) {
				char want[32];
				snprintf(want, sizeof want, "%.*s", (int)(vn < 31 ? vn : 31), v);
				for (char *q = want; *q; q++)
					*q = (char)toupper((unsigned char)*q);
				if (depth == 0 || strcmp(stack[depth - 1], want)) {
					rc = fail_at(e, c, lstart, _("END:%s does not close BEGIN:%s"), want,
						     depth ? stack[depth - 1] : "-");
					goto out;
				}
				depth--;
				if (depth == 1 && cur) {
					if (!cur->uid)
						ev_bad(cur, cur->begin, _("an event without UID"));
					if (!cur->dtstart)
						ev_bad(cur, cur->begin, _("an event without DTSTART"));
					cur = NULL;
				}
				if (depth == 0)
					done = true;
			} else if (depth == 2 && cur) {
				int *slot = NULL;
				bool is_dt = false;
				if (!strcmp(name, "UID")) slot = &cur->uid;
				else if (!strcmp(name, "DTSTART")) { slot = &cur->dtstart; is_dt = true; }
				else if (!strcmp(name, "DTEND")) { slot = &cur->dtend; is_dt = true; }
				else if (!strcmp(name, "DURATION")) slot = &cur->duration;
				else if (!strcmp(name, "SUMMARY")) slot = &cur->summary;
				else if (!strcmp(name, "LOCATION")) slot = &cur->location;
				else if (!strcmp(name, "DESCRIPTION")) slot = &cur->description;
				else if (!strcmp(name, "X-MADOGUCHI-STAFF")) slot = &cur->staff;
				if (slot) {
					if (*slot && strcmp(name, "X-MADOGUCHI-STAFF") &&
					    strcmp(name, "SUMMARY") && strcmp(name, "LOCATION") &&
					    strcmp(name, "DESCRIPTION"))
						ev_bad(cur, lstart, _("%s given twice in one event"), name);
					if (!*slot)
						*slot = lstart;
				}
				if (!strcmp(name, "X-LIC-ERROR")) {
					cur->xlic = xrealloc(cur->xlic, (cur->n_xlic + 1) * sizeof *cur->xlic);
					cur->xlic[cur->n_xlic++] = text_unescape_n(v, vn);
				}
				for (int k = 0; k < RAW_COUNT; k++)
					if (!strcmp(name, raw_names[k]) && !cur->raw[k])
						cur->raw[k] = xstrndup(v, vn);
				if (!strcmp(name, "UID") && vn == 0)
					ev_bad(cur, lstart, _("an empty UID"));
				if (is_dt && !valid_dt(v, vn))
					ev_bad(cur, lstart, _("%s: '%.*s' is not a date or time (1900-2199)"),
					       name, (int)(vn < 40 ? vn : 40), v);
			}
		}
		strbuf_reset(&logical);
		if (eof)
			break;
		if (n) {
			if (p[0] == ' ' || p[0] == '\t') {
				rc = fail_at(e, c, line, _("a continuation line with nothing to continue"));
				goto out;
			}
			strbuf_add(&logical, p, n);
			lstart = line;
		}
		p = nl ? nl + 1 : end;
	}
	if (depth > 0) {
		rc = fail_at(e, c, line ? line : 1, _("the file ends inside BEGIN:%s of line %d"),
			     stack[depth - 1], stack_line[depth - 1]);
		goto out;
	}
	if (!done) {
		rc = fail_at(e, c, line ? line : 1, _("no calendar in the file"));
		goto out;
	}
	rc = 0;
out:
	strbuf_release(&logical);
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
	if (!t.is_date && t.zone) {
		icaltimezone *tokyo = icaltimezone_get_builtin_timezone(DESK_TZID);
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
};

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
	if (a.is_date || r.is_date) {
		struct icaltimetype x = a;
		if (!a.is_date && a.zone && r.is_date)
			x = a;	/* compare the dates as written in the series' zone */
		return x.year == r.year && x.month == r.month && x.day == r.day;
	}
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
	char *key;
	bool block;
	long long staff_id;
	struct prog_event ev;	/* uid (= key), title, place, note, times */
	int last_day, last_min;	/* blocks: last day and the minute it ends there */
	/* another desk's appointment, to be booked here (ev: the event it
	 * becomes when this desk's rules refuse it) */
	bool appt;
	int line;
	char *text[RAW_COUNT];	/* RAW_ORG .. RAW_OVERRIDE, unescaped */
	char *code[APC_COUNT];
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
	for (size_t i = 0; i < g->n; i++) {
		free(g->rows[i].key);
		prog_event_release(&g->rows[i].ev);
		for (int k = 0; k < RAW_COUNT; k++)
			free(g->rows[i].text[k]);
		for (int k = 0; k < APC_COUNT; k++)
			free(g->rows[i].code[k]);
	}
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

/* The row of occurrence oc of group g (text from its source event). */
static int occ_row(struct conv *cv, struct gout *g, const struct occ *oc, const char *key,
		   bool block, long long staff_id, char *why, size_t whylen)
{
	const struct vev *v = &cv->v[oc->src];
	const struct ev_lines *L = &cv->c->ev[v->k];
	const char *kind = x_value(v->c, "X-MADOGUCHI-KIND");
	bool own_event = kind && !strcasecmp(kind, "event");
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
	rw->ev.uid = xstrdup(key);
	rw->ev.start_min = rw->ev.end_min = rw->ev.capacity = rw->ev.end_day_min = -1;
	rw->ev.title = text_field(L->raw[RAW_SUMMARY], false, 200);
	if (!rw->ev.title)
		rw->ev.title = xstrdup(block ? _("(busy)") : _("(untitled)"));
	rw->ev.place = text_field(L->raw[RAW_LOCATION], false, 200);
	rw->ev.note = text_field(L->raw[own_event ? RAW_NOTE : RAW_DESCRIPTION], true, 4000);
	rw->ev.program_name = own_event ? text_field(L->raw[RAW_PROGRAM], false, 200) : NULL;
	rw->ev.src_uid = xstrdup(g->uid);
	rw->ev.src_seq = g->seq;
	rw->ev.src_stamp = g->stamp[0] ? xstrdup(g->stamp) : NULL;
	{
		icalproperty *p = icalcomponent_get_first_property(v->c, ICAL_SEQUENCE_PROPERTY);
		if (p)
			rw->ev.sequence = icalproperty_get_sequence(p) > 0 ? icalproperty_get_sequence(p) : 0;
		if ((p = icalcomponent_get_first_property(v->c, ICAL_LASTMODIFIED_PROPERTY))) {
			struct icaltimetype lm = icalproperty_get_lastmodified(p);
			if (icaltime_is_utc(lm) && !icaltime_is_null_time(lm))
				rw->ev.updated_at = xasprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", lm.year,
							      lm.month, lm.day, lm.hour, lm.minute, lm.second);
		}
		const char *cap = x_value(v->c, "X-MADOGUCHI-CAPACITY");
		if (cap && *cap) {
			char *endp;
			long n = strtol(cap, &endp, 10);
			if (!*endp && n >= 0 && n <= 1000000)
				rw->ev.capacity = (int)n;
		}
		const char *reg = x_value(v->c, "X-MADOGUCHI-REG-DEADLINE");
		if (reg && *reg && date_parse(reg, &rw->ev.reg_deadline) < 0)
			rw->ev.reg_deadline = 0;
	}
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
	const struct vev *v = &cv->v[oc->src];
	const struct ev_lines *L = &cv->c->ev[v->k];
	static const size_t max[RAW_COUNT] = {
		[RAW_ORG] = 200, [RAW_MUNICIPALITY] = 20, [RAW_CONTACT] = 100, [RAW_PHONE] = 40,
		[RAW_EMAIL] = 254, [RAW_OVERRIDE] = 500,
	};

	rw->appt = true;
	rw->line = L->begin;
	for (int k = RAW_ORG; k < RAW_COUNT; k++)
		rw->text[k] = text_field(L->raw[k], false, max[k]);
	rw->text[RAW_NOTE] = text_field(L->raw[RAW_NOTE], true, 4000);
	for (int k = 0; k < APC_COUNT; k++) {
		const char *x = x_value(v->c, apc_names[k]);
		rw->code[k] = x && *x ? xstrdup(x) : NULL;
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

int ical_import_buf(const struct desk_ctx *d, const char *buf, size_t len, const char *name,
		    const struct ical_import_opts *o, struct ical_import_result *r,
		    struct err *e)
{
	struct check c;
	icalcomponent *cal = NULL;
	struct vev *v = NULL;
	struct uid_ix *order = NULL;
	size_t *idx = NULL, n_v = 0;
	struct gout *gs = NULL;
	size_t n_g = 0;
	char *copy = NULL;
	int rc = -1;
	bool in_tx = false;

	memset(&c, 0, sizeof c);
	memset(r, 0, sizeof *r);
	c.name = name;
	if (memchr(buf, '\0', len)) {
		const char *z = memchr(buf, '\0', len);
		int line = 1;
		for (const char *q = buf; q < z; q++)
			line += *q == '\n';
		rc = fail_at(e, &c, line, _("a NUL byte (is it UTF-16? save the calendar as UTF-8)"));
		goto out;
	}
	if (check_file(&c, buf, len, e) < 0)
		goto out;
	copy = xstrndup(buf, len);
	icalerror_set_errors_are_fatal(0);
	cal = icalparser_parse_string(copy);
	if (!cal || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
		rc = fail_at(e, &c, 1, _("libical could not read the calendar"));
		goto out;
	}
	v = xcalloc(c.n_ev ? c.n_ev : 1, sizeof *v);
	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		if (n_v >= c.n_ev) {
			rc = fail_at(e, &c, 1, _("libical found more events than the file holds"));
			goto out;
		}
		struct vev *x = &v[n_v];
		struct ev_lines *L = &c.ev[n_v];
		const char *trouble;
		x->c = ev;
		x->k = n_v++;
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
	/* group by UID, each group in file order */
	order = xcalloc(n_v ? n_v : 1, sizeof *order);
	size_t n_ok = 0;
	for (size_t i = 0; i < n_v; i++)
		if (*v[i].uid) {
			order[n_ok].uid = v[i].uid;
			order[n_ok++].i = i;
		}
	if (n_ok)
		qsort(order, n_ok, sizeof *order, uid_cmp);
	gs = xcalloc(n_ok ? n_ok : 1, sizeof *gs);
	idx = xcalloc(n_ok ? n_ok : 1, sizeof *idx);
	struct conv cv = { d, &c, cal, o, r, v, o->horizon_day ? o->horizon_day : date_from_ymd(2199, 12, 31), 0 };
	for (size_t i = 0; i < n_ok;) {
		size_t j = i;
		while (j < n_ok && !strcmp(order[j].uid, order[i].uid)) {
			idx[j] = order[j].i;
			j++;
		}
		int grc = convert_group(&cv, idx + i, j - i, &gs[n_g], e);
		n_g++;
		if (grc < 0)
			goto out;
		i = j;
	}
	if (import_begin(d, e) < 0)
		goto out;
	in_tx = true;
	for (size_t i = 0; i < n_g; i++)
		if (!gs[i].skip && store_group(d, &c, &gs[i], r, e) < 0)
			goto out;
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
	for (size_t i = 0; i < n_g; i++)
		gout_release(&gs[i]);
	free(gs);
	free(order);
	free(idx);
	free(v);
	if (cal)
		icalcomponent_free(cal);
	free(copy);
	check_release(&c);
	return rc;
}

int ical_import_file(const struct desk_ctx *d, const char *path, const struct ical_import_opts *o,
		     struct ical_import_result *r, struct err *e)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat sb;
	FILE *f;
	char *buf;
	size_t n;
	int rc;

	memset(r, 0, sizeof *r);
	if (fd < 0)
		return err_set(e, ERR_INPUT, _("cannot read %s: %s"), path, strerror(errno));
	if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return err_set(e, ERR_INPUT, _("%s is not a regular file; give a calendar file (.ics)"), path);
	}
	if (sb.st_size > IMPORT_MAX_BYTES) {
		close(fd);
		return err_set(e, ERR_INPUT,
			       _("%s is too large (%lld MiB; at most %ld MiB, the parser needs about 16 times that in memory); split the calendar"),
			       path, (long long)(sb.st_size >> 20), IMPORT_MAX_BYTES >> 20);
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if (!(f = fdopen(fd, "rb"))) {
		close(fd);
		return err_set(e, ERR_INPUT, _("cannot read %s: %s"), path, strerror(errno));
	}
	buf = xmalloc((size_t)sb.st_size + 1);
	n = fread(buf, 1, (size_t)sb.st_size, f);
	fclose(f);
	rc = ical_import_buf(d, buf, n, path, o, r, e);
	free(buf);
	return rc;
}

int ical_import_horizon(int today)
{
	int y, m, d;

	date_to_ymd(today, &y, &m, &d);
	return date_from_ymd(y + 2, m, m == 2 && d == 29 ? 28 : d);
}
