#include "export/ical.h"

#include <errno.h>
#include <fcntl.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "db/db_appt.h"
#include "db/db_export.h"
#include "db/db_org.h"
#include "util/date.h"
#include "util/i18n.h"
#include "version.h"

#define DESK_TZID "Asia/Tokyo"
#define LINE_MAX_OCTETS 75

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
		else if (!strcmp(t, "all"))
			*what |= ICAL_ALL;
		else {
			rc = err_set(e, ERR_INPUT,
				     _("--what: '%s' is not appointments, events or deadlines"), t);
			break;
		}
	}
	free(copy);
	if (rc == 0 && !*what)
		rc = err_set(e, ERR_INPUT, _("--what: name appointments, events or deadlines"));
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

struct exp {
	struct labels L;
	const struct desk_ctx *d;
	const struct ical_export_opts *o;
	FILE *out;
	struct strbuf buf, line;
	struct icaltimetype stamp;
	int n;
	bool failed;
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

static int appt_cb(const struct appt *a, void *arg)
{
	struct exp *x = arg;
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
	if (!np) {
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

	strbuf_release(&sum);
	strbuf_release(&desc);
	strbuf_release(&topics);
	strbuf_release(&s);
	return emit(x, ev);
}

/* ---- program events ---- */

static int event_cb(const struct prog_event *pe, void *arg)
{
	struct exp *x = arg;
	icalcomponent *ev = new_event(x, pe->uid, pe->sequence, pe->updated_at, "event");
	struct strbuf desc = STRBUF_INIT, s = STRBUF_INIT;
	char date[DATE_STRLEN];

	if (pe->start_min < 0) {
		icalcomponent_add_property(ev, icalproperty_new_dtstart(date_only(pe->day)));
		icalcomponent_add_property(ev, icalproperty_new_dtend(date_only(pe->day + 1)));
	} else {
		add_local(ev, icalproperty_new_dtstart(local_time(pe->day, pe->start_min)));
		if (pe->end_min > pe->start_min)
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

/* ---- deadlines ---- */

static int deadline_cb(const struct deadline_row *dl, void *arg)
{
	struct exp *x = arg;
	struct strbuf uid = STRBUF_INIT, sum = STRBUF_INIT;
	icalcomponent *ev, *alarm;
	struct icaltriggertype trig;
	int days = x->d->cfg->deadline_alarm_days;

	if (dl->kind == DEADLINE_EVENT) {
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

static int write_header(struct exp *x)
{
	icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	icaltimezone *tz = icaltimezone_get_builtin_timezone(DESK_TZID);
	icalproperty *p;
	struct strbuf name = STRBUF_INIT;

	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//madoguchi//madoguchi " MADO_VERSION "//EN"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
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
	if (fwrite(x->buf.buf, 1, x->buf.len, x->out) != x->buf.len)
		x->failed = true;
	return 0;
}

int ical_export(const struct desk_ctx *d, const struct ical_export_opts *o, FILE *out,
		struct err *e)
{
	struct exp x = { { 0 }, d, o, out, STRBUF_INIT, STRBUF_INIT, icaltime_null_time(), 0, false };
	int rc = -1;

	labels_init(&x.L);
	x.stamp = icaltime_from_timet_with_zone(clock_epoch(d->clock), 0,
						 icaltimezone_get_utc_timezone());
	if (write_header(&x) < 0) {
		err_set(e, ERR_DB, _("could not build the calendar"));
		goto cleanup;
	}
	if (!x.failed && (o->what & ICAL_APPOINTMENTS)) {
		struct appt_filter f;
		appt_filter_init(&f);
		f.from_day = o->from_day;
		f.to_day = o->to_day;
		f.staff_id = o->staff_id;
		f.include_cancelled = true;
		if (db_appt_each(d->db, &f, appt_cb, &x, e) < 0)
			goto cleanup;
	}
	if (!x.failed && (o->what & ICAL_EVENTS) &&
	    db_export_events(d->db, o->from_day, o->to_day, event_cb, &x, e) < 0)
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
	return rc;
}

int ical_export_file(const struct desk_ctx *d, const struct ical_export_opts *o,
		     const char *path, struct err *e)
{
	char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	FILE *f;
	int n;

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
