#include "export/ical_import.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "db/db_appt.h"
#include "db/db_export.h"
#include "db/db_org.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/mem.h"
#include "util/text.h"

#define DESK_TZID "Asia/Tokyo"
/* libical holds a parsed calendar at about 16 times its size: a 61 MB
 * file took 1 GB.  16 MiB (some 50,000 events) stays near 256 MB. */
#define IMPORT_MAX_BYTES (16L << 20)

enum { RAW_SUMMARY, RAW_LOCATION, RAW_DESCRIPTION, RAW_NOTE, RAW_PROGRAM, RAW_COUNT };
static const char *const raw_names[RAW_COUNT] = {
	"SUMMARY", "LOCATION", "DESCRIPTION", "X-MADOGUCHI-NOTE", "X-MADOGUCHI-PROGRAM",
};

/* Where each VEVENT's properties were in the file, for messages. */
struct ev_lines {
	int begin, uid, dtstart, dtend, duration, summary, location, description, staff;
	/* The raw (unfolded, still escaped) text values, taken from the file
	 * itself: libical's parser strips the spaces at the start and end of
	 * every value, so " 会場" or a note ending in spaces would not come
	 * back as they were exported (the round trip would change them). */
	char *raw[RAW_COUNT];
};

struct check {
	const char *name;	/* the file, for messages */
	struct ev_lines *ev;
	size_t n_ev, cap_ev;
	char **tzids;		/* TZIDs of the file's VTIMEZONEs */
	size_t n_tz;
	struct { char *tzid; int line; } *used;	/* TZIDs the events use */
	size_t n_used;
};

static void check_release(struct check *c)
{
	for (size_t i = 0; i < c->n_tz; i++)
		free(c->tzids[i]);
	for (size_t i = 0; i < c->n_used; i++)
		free(c->used[i].tzid);
	for (size_t i = 0; i < c->n_ev; i++)
		for (int k = 0; k < RAW_COUNT; k++)
			free(c->ev[i].raw[k]);
	free(c->tzids);
	free(c->used);
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

/* The value of parameter pname in the parameter part p..colon, or NULL. */
static char *param_value(const char *p, const char *colon, const char *pname)
{
	size_t pl = strlen(pname);

	while (p < colon && *p == ';') {
		const char *q = p + 1, *eq = q;
		while (eq < colon && *eq != '=' && *eq != ';')
			eq++;
		const char *v = eq < colon && *eq == '=' ? eq + 1 : eq, *ve = v;
		bool quoted = ve < colon && *ve == '"';
		if (quoted) {
			ve++;
			while (ve < colon && *ve != '"')
				ve++;
			if (ve < colon)
				ve++;
		}
		while (ve < colon && *ve != ';')
			ve++;
		if ((size_t)(eq - q) == pl && !strncasecmp(q, pname, pl)) {
			const char *s = v, *t = ve;
			if (quoted && t - s >= 2) {
				s++;
				t--;
			}
			return xstrndup(s, (size_t)(t - s));
		}
		p = ve;
	}
	return NULL;
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
			if (!text_utf8_valid(p, n)) {
				rc = fail_at(e, c, line, _("invalid UTF-8"));
				goto out;
			}
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
					if (!cur->uid) {
						rc = fail_at(e, c, cur->begin, _("an event without UID"));
						goto out;
					}
					if (!cur->dtstart) {
						rc = fail_at(e, c, cur->begin, _("an event without DTSTART"));
						goto out;
					}
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
					if (*slot && strcmp(name, "X-MADOGUCHI-STAFF")) {
						rc = fail_at(e, c, lstart, _("%s given twice in one event"), name);
						goto out;
					}
					*slot = lstart;
				}
				for (int k = 0; k < RAW_COUNT; k++)
					if (!strcmp(name, raw_names[k]) && !cur->raw[k])
						cur->raw[k] = xstrndup(v, vn);
				if (!strcmp(name, "UID") && vn == 0) {
					rc = fail_at(e, c, lstart, _("an empty UID"));
					goto out;
				}
				if (is_dt) {
					if (!valid_dt(v, vn)) {
						rc = fail_at(e, c, lstart, _("%s: '%.*s' is not a date or time (1900-2199)"),
							     name, (int)(vn < 40 ? vn : 40), v);
						goto out;
					}
					char *tzid = param_value(s + nl_len, colon, "TZID");
					if (tzid) {
						c->used = xrealloc(c->used, (c->n_used + 1) * sizeof *c->used);
						c->used[c->n_used].tzid = tzid;
						c->used[c->n_used++].line = lstart;
					}
				}
			} else if (depth == 2 && !strcmp(stack[1], "VTIMEZONE") && !strcmp(name, "TZID")) {
				c->tzids = xrealloc(c->tzids, (c->n_tz + 1) * sizeof *c->tzids);
				c->tzids[c->n_tz++] = xstrndup(v, vn);
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
	for (size_t i = 0; i < c->n_used; i++) {
		bool known = false;
		for (size_t k = 0; k < c->n_tz && !known; k++)
			known = !strcmp(c->tzids[k], c->used[i].tzid);
		if (!known && !icaltimezone_get_builtin_timezone_from_tzid(c->used[i].tzid) &&
		    !icaltimezone_get_builtin_timezone(c->used[i].tzid)) {
			rc = fail_at(e, c, c->used[i].line, _("unknown time zone '%s'"), c->used[i].tzid);
			goto out;
		}
	}
	rc = 0;
out:
	strbuf_release(&logical);
	return rc;
}

/* ---- conversion ---- */

struct item {
	bool block, cancel;
	int line;		/* the event's BEGIN line */
	struct prog_event ev;	/* program event (also holds uid, title, day, times) */
	long long staff_id;
	int end_day;		/* blocks: last day (inclusive) */
	int end_minute;		/* blocks: end on end_day, minutes (1..1440) */
};

static icaltimezone *zone_of(icalcomponent *cal, icalproperty *p)
{
	icalparameter *par = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
	const char *tzid = par ? icalparameter_get_tzid(par) : NULL;
	icaltimezone *z;

	if (!tzid)
		return NULL;
	if ((z = icalcomponent_get_timezone(cal, tzid)))
		return z;
	if ((z = icaltimezone_get_builtin_timezone_from_tzid(tzid)))
		return z;
	return icaltimezone_get_builtin_timezone(tzid);
}

/* A DTSTART/DTEND as desk local day and minute (all-day: minute -1). */
static void to_desk(icalcomponent *cal, icalproperty *p, struct icaltimetype t, int *day, int *minute)
{
	icaltimezone *tokyo = icaltimezone_get_builtin_timezone(DESK_TZID);

	if (!t.is_date) {
		icaltimezone *z = icaltime_is_utc(t) ? icaltimezone_get_utc_timezone() : zone_of(cal, p);
		if (z) {
			t.zone = z;
			t = icaltime_convert_to_zone(t, tokyo);
		}
		/* floating: desk time as it stands */
	}
	*day = date_from_ymd(t.year, t.month, t.day);
	*minute = t.is_date ? -1 : t.hour * 60 + t.minute;
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

/* An RFC 5545 TEXT value as written in the file, unescaped: \\ \; \,
 * \n \N; any other backslash pair stands for its second character.
 * Spaces at either end are kept. */
static char *text_unescape(const char *raw)
{
	char *out = xmalloc(strlen(raw) + 1), *o = out;

	for (const char *p = raw; *p; p++) {
		if (*p != '\\' || !p[1]) {
			*o++ = *p;
			continue;
		}
		p++;
		*o++ = *p == 'n' || *p == 'N' ? '\n' : *p;
	}
	*o = '\0';
	return out;
}

/* A value libical has already unescaped (the UID). */
static int text_field_plain(const struct check *c, int line, const char *field, const char *s,
			    enum text_kind kind, size_t max, char **out, struct err *e)
{
	char msg[512];

	*out = NULL;
	if (!s || !*s)
		return 0;
	if (text_check(field, s, kind, max, msg, sizeof msg) < 0)
		return fail_at(e, c, line, "%s", msg);
	*out = xstrdup(s);
	return 0;
}

/* The text field from its raw value in the file (NULL: absent). */
static int text_field(const struct check *c, int line, const char *field, const char *raw,
		      enum text_kind kind, size_t max, char **out, struct err *e)
{
	char msg[512];
	char *s;

	*out = NULL;
	if (!raw || !*raw)
		return 0;
	s = text_unescape(raw);
	if (!*s) {
		free(s);
		return 0;
	}
	if (text_check(field, s, kind, max, msg, sizeof msg) < 0) {
		free(s);
		return fail_at(e, c, line, "%s", msg);
	}
	*out = s;
	return 0;
}

static int convert(struct db *db, const struct check *c, icalcomponent *cal, icalcomponent *ev,
		   const struct ev_lines *L, const struct ical_import_opts *o, struct item *it,
		   struct err *e)
{
	static const char *const block_names[] = { "block", "blocks", "ブロック", "不在", NULL };
	const char *kind = x_value(ev, "X-MADOGUCHI-KIND");
	const char *staff = x_value(ev, "X-MADOGUCHI-STAFF");
	icalproperty *ps = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
	icalproperty *pe = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
	icalproperty *pd = icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY);
	icalproperty *p;
	struct icaltimetype ts, te;
	int sd, sm, ed, em;

	/* madoguchi's own events carry the note and program apart from the
	 * DESCRIPTION it composes for people */
	bool own_event = kind && !strcasecmp(kind, "event");

	memset(it, 0, sizeof *it);
	it->line = L->begin;
	it->ev.start_min = it->ev.end_min = it->ev.capacity = -1;
	if (kind && !strcasecmp(kind, "deadline"))
		return 1;
	if (kind && !strcasecmp(kind, "appointment") && o->as == ICAL_IMPORT_AUTO)
		return 1;
	if (o->as == ICAL_IMPORT_BLOCKS)
		it->block = true;
	else if (o->as == ICAL_IMPORT_AUTO)
		it->block = o->staff_id || (staff && *staff) || has_category(ev, block_names);

	if (text_field_plain(c, L->uid, "UID", icalcomponent_get_uid(ev), TEXT_LINE, 200, &it->ev.uid, e) < 0)
		return -1;
	if (!it->ev.uid)
		return fail_at(e, c, L->begin, _("an event without UID"));
	if ((p = icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY)) &&
	    icalproperty_get_status(p) == ICAL_STATUS_CANCELLED) {
		it->cancel = true;
		return 0;
	}
	if (text_field(c, L->summary, "SUMMARY", L->raw[RAW_SUMMARY], TEXT_LINE, 200,
		       &it->ev.title, e) < 0 ||
	    text_field(c, L->location, "LOCATION", L->raw[RAW_LOCATION], TEXT_LINE, 200,
		       &it->ev.place, e) < 0 ||
	    text_field(c, L->description, "DESCRIPTION",
		       L->raw[own_event ? RAW_NOTE : RAW_DESCRIPTION],
		       TEXT_MULTI, 4000, &it->ev.note, e) < 0 ||
	    text_field(c, L->begin, "X-MADOGUCHI-PROGRAM", own_event ? L->raw[RAW_PROGRAM] : NULL,
		       TEXT_LINE, 200, &it->ev.program_name, e) < 0)
		return -1;
	if (!it->ev.title)
		it->ev.title = xstrdup(it->block ? _("(busy)") : _("(untitled)"));
	if ((p = icalcomponent_get_first_property(ev, ICAL_SEQUENCE_PROPERTY)))
		it->ev.sequence = icalproperty_get_sequence(p) > 0 ? icalproperty_get_sequence(p) : 0;
	if ((p = icalcomponent_get_first_property(ev, ICAL_LASTMODIFIED_PROPERTY))) {
		struct icaltimetype lm = icalproperty_get_lastmodified(p);
		if (icaltime_is_utc(lm) && !icaltime_is_null_time(lm))
			it->ev.updated_at = xasprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", lm.year, lm.month,
						      lm.day, lm.hour, lm.minute, lm.second);
	}
	const char *cap = x_value(ev, "X-MADOGUCHI-CAPACITY");
	if (cap && *cap) {
		char *endp;
		long v = strtol(cap, &endp, 10);
		if (!*endp && v >= 0 && v <= 1000000)
			it->ev.capacity = (int)v;
	}
	const char *reg = x_value(ev, "X-MADOGUCHI-REG-DEADLINE");
	if (reg && *reg && date_parse(reg, &it->ev.reg_deadline) < 0)
		it->ev.reg_deadline = 0;

	/* times */
	ts = icalproperty_get_dtstart(ps);
	to_desk(cal, ps, ts, &sd, &sm);
	if (pe) {
		te = icalproperty_get_dtend(pe);
		if (te.is_date != ts.is_date)
			return fail_at(e, c, L->dtend, _("DTEND and DTSTART must both be dates or both times"));
		to_desk(cal, pe, te, &ed, &em);
	} else if (pd) {
		struct icaldurationtype du = icalproperty_get_duration(pd);
		te = icaltime_add(ts, du);
		to_desk(cal, ps, te, &ed, &em);
	} else if (ts.is_date) {
		ed = sd + 1;
		em = -1;
	} else {
		ed = sd;
		em = sm;
	}
	if (ts.is_date) {
		if (ed <= sd)
			ed = sd + 1;
		it->end_day = ed - 1;
		sm = 0;
		em = 1440;
	} else {
		if (ed < sd || (ed == sd && em < sm))
			return fail_at(e, c, L->dtend ? L->dtend : L->duration, _("the event ends before it starts"));
		if (em == 0 && ed > sd) {	/* ends at midnight: the day before at 24:00 */
			ed--;
			em = 1440;
		}
		it->end_day = ed;
	}
	it->end_minute = em;
	it->ev.day = sd;
	if (sd < date_from_ymd(1900, 1, 1) || it->end_day > date_from_ymd(2199, 12, 31))
		return fail_at(e, c, L->dtstart, _("a date outside 1900-2199"));
	if (!ts.is_date) {
		it->ev.start_min = sm;
		it->ev.end_min = ed == sd ? (em > sm ? em : -1) : 1440;
	}
	if (it->block) {
		if (o->staff_id) {
			it->staff_id = o->staff_id;
		} else if (staff && *staff) {
			struct staff st;
			struct err e2;
			int rc = db_staff_find(db, staff, &st, &e2);
			if (rc < 0)
				return err_set(e, e2.code, "%s", e2.msg);
			if (rc == 1)
				return fail_at(e, c, L->staff, _("no staff member '%s' (see madoguchi staff list)"), staff);
			it->staff_id = st.id;
			staff_release(&st);
		}
		if (!ts.is_date && it->end_day == sd && em <= sm)
			return 1;	/* a block of no time blocks nothing */
	}
	return 0;
}

static int store_item(struct db *db, const struct check *c, struct item *it,
		      struct ical_import_result *r, struct err *e)
{
	int res;

	if (it->cancel) {
		int n = db_export_remove_uid(db, it->ev.uid, e);
		if (n < 0)
			return -1;
		if (n > 0)
			r->removed++;
		else
			r->skipped++;
		return 0;
	}
	if (!it->block) {
		if (it->ev.program_name &&
		    db_export_program_ensure(db, it->ev.program_name, &it->ev.program_id, e) < 0)
			return e->code == ERR_INPUT ? fail_at(e, c, it->line, "%s", e->msg) : -1;
		if (db_export_event_upsert(db, &it->ev, &res, e) < 0)
			return e->code == ERR_INPUT ? fail_at(e, c, it->line, "%s", e->msg) : -1;
		if (res == 1)
			r->events_created++;
		else if (res == 2)
			r->events_updated++;
		else
			r->events_unchanged++;
		return 0;
	}
	for (int day = it->ev.day, k = 0; day <= it->end_day; day++, k++) {
		struct staff_block b;
		bool created;
		int from = day == it->ev.day ? (it->ev.start_min < 0 ? 0 : it->ev.start_min) : 0;
		int to = day == it->end_day ? it->end_minute : 1440;
		if (to <= from)
			continue;
		memset(&b, 0, sizeof b);
		b.uid = k ? xasprintf("%s#%d", it->ev.uid, k) : xstrdup(it->ev.uid);
		b.title = it->ev.title;
		b.staff_id = it->staff_id;
		b.day = day;
		b.start_min = from;
		b.minutes = to - from;
		int rc = db_block_upsert(db, &b, &created, e);
		free(b.uid);
		if (rc < 0)
			return e->code == ERR_INPUT ? fail_at(e, c, it->line, "%s", e->msg) : -1;
		if (k == 0) {
			if (created)
				r->blocks_created++;
			else
				r->blocks_updated++;
		}
	}
	return 0;
}

int ical_import_buf(struct db *db, const char *buf, size_t len, const char *name,
		    const struct ical_import_opts *o, struct ical_import_result *r,
		    struct err *e)
{
	struct check c;
	icalcomponent *cal = NULL;
	struct item *items = NULL;
	size_t n_items = 0;
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
		rc = fail_at(e, &c, line, _("a NUL byte"));
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
	items = xcalloc(c.n_ev ? c.n_ev : 1, sizeof *items);
	size_t k = 0;
	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), k++) {
		if (k >= c.n_ev) {
			rc = fail_at(e, &c, 1, _("libical found more events than the file holds"));
			goto out;
		}
		icalproperty *bad = icalcomponent_get_first_property(ev, ICAL_XLICERROR_PROPERTY);
		if (bad) {
			rc = fail_at(e, &c, c.ev[k].begin, _("the event does not parse: %s"),
				     icalproperty_get_xlicerror(bad));
			goto out;
		}
		int cv = convert(db, &c, cal, ev, &c.ev[k], o, &items[n_items], e);
		if (cv < 0) {
			prog_event_release(&items[n_items].ev);
			goto out;
		}
		if (cv == 1) {
			prog_event_release(&items[n_items].ev);
			r->skipped++;
			continue;
		}
		n_items++;
	}
	if (db_begin(db, e) < 0)
		goto out;
	in_tx = true;
	for (size_t i = 0; i < n_items; i++)
		if (store_item(db, &c, &items[i], r, e) < 0)
			goto out;
	if (db_commit(db, e) < 0)
		goto out;
	in_tx = false;
	rc = 0;
out:
	if (in_tx) {
		db_rollback(db);
		struct ical_import_result zero = { 0 };
		*r = zero;
	}
	for (size_t i = 0; i < n_items; i++)
		prog_event_release(&items[i].ev);
	free(items);
	if (cal)
		icalcomponent_free(cal);
	free(copy);
	check_release(&c);
	return rc;
}

int ical_import_file(struct db *db, const char *path, const struct ical_import_opts *o,
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
	rc = ical_import_buf(db, buf, n, path, o, r, e);
	free(buf);
	return rc;
}
