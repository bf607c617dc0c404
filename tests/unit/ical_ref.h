#ifndef MADO_ICAL_REF_H
#define MADO_ICAL_REF_H
/* The reference for test_ical_fast.c (and only for it): every kind of
 * VEVENT the export writes, built as libical components from the same
 * rows the export reads and written property by property with libical's
 * own value and parameter text, as the export did before it had a
 * serializer of its own.  Labels come from the locale in use (set it to
 * the letter's language for an invitation).  Not production code: it
 * is slow, and it is the yardstick, not the tool. */

#include <libical/ical.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "core/deadline.h"
#include "db/db_appt.h"
#include "db/db_export.h"
#include "db/db_org.h"
#include "db/db_program.h"
#include "export/ical.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/text.h"
#include "version.h"

#define REF_TZID "Asia/Tokyo"

struct ref {
	const struct desk_ctx *d;
	const struct ical_export_opts *o;
	FILE *out;
	struct strbuf buf, line, name;
	struct icaltimetype stamp;
	int n;
};

/* ---- writing a component: libical's text for each value and
 * parameter, lines folded by ical_fold_line() ---- */

static void ref_property(struct strbuf *out, struct strbuf *ln, icalproperty *p)
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
		/* what the export does with stored control characters, bidi
		 * controls and bad bytes: visible placeholders */
		struct strbuf safe = STRBUF_INIT;
		text_sanitize(&safe, vs, true);
		strbuf_adds(ln, strbuf_str(&safe));
		strbuf_release(&safe);
		icalmemory_free_buffer(vs);
	}
	ical_fold_line(out, ln->buf, ln->len);
}

/* BEGIN, properties, subcomponents; END unless open. */
static void ref_component(struct strbuf *out, struct strbuf *ln, icalcomponent *c, bool open)
{
	const char *name = icalcomponent_kind_to_string(icalcomponent_isa(c));

	strbuf_addf(out, "BEGIN:%s\r\n", name);
	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_ANY_PROPERTY); p;
	     p = icalcomponent_get_next_property(c, ICAL_ANY_PROPERTY))
		ref_property(out, ln, p);
	for (icalcomponent *sub = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); sub;
	     sub = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
		ref_component(out, ln, sub, false);
	if (!open)
		strbuf_addf(out, "END:%s\r\n", name);
}

/* Write c (then free it) to r->out, or append it to r->buf when no out;
 * a closed component counts as one event. */
static int ref_emit(struct ref *r, icalcomponent *c, bool open)
{
	struct strbuf one = STRBUF_INIT;

	ref_component(&one, &r->line, c, open);
	icalcomponent_free(c);
	if (r->out)
		fwrite(one.buf, 1, one.len, r->out);
	else
		strbuf_add(&r->buf, one.buf, one.len);
	strbuf_release(&one);
	if (!open)
		r->n++;
	return 0;
}

/* ---- the parts ---- */

static struct icaltimetype ref_local(int day, int minute)
{
	struct icaltimetype t = icaltime_null_time();
	int y, m, dd;

	day += minute / 1440;	/* 24:00 is the next day's 00:00 */
	date_to_ymd(day, &y, &m, &dd);
	t.year = y;
	t.month = m;
	t.day = dd;
	t.hour = minute % 1440 / 60;
	t.minute = minute % 60;
	return t;
}

static struct icaltimetype ref_date(int day)
{
	struct icaltimetype t = icaltime_null_date();

	date_to_ymd(day, &t.year, &t.month, &t.day);
	t.is_date = 1;
	return t;
}

static void ref_add_local(icalcomponent *c, icalproperty *p)
{
	icalproperty_add_parameter(p, icalparameter_new_tzid(REF_TZID));
	icalcomponent_add_property(c, p);
}

static void ref_add_x(icalcomponent *c, const char *name, const char *value)
{
	icalproperty *p;

	if (!value || !*value)
		return;
	p = icalproperty_new(ICAL_X_PROPERTY);
	icalproperty_set_x_name(p, name);
	icalproperty_set_value(p, icalvalue_new_text(value));
	icalcomponent_add_property(c, p);
}

static void ref_line(struct strbuf *sb, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	strbuf_addf(sb, "%s%s%s", sb->len ? "\n" : "", label, value);
}

static icalcomponent *ref_event_new(struct ref *r, const char *uid, int sequence,
				    const char *updated_at, const char *kind)
{
	icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	int y, mo, d, h, mi, se;

	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(r->stamp));
	icalcomponent_add_property(ev, icalproperty_new_sequence(sequence));
	if (updated_at && sscanf(updated_at, "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &se) == 6 &&
	    date_valid_ymd(y, mo, d) && h <= 23 && mi <= 59 && se <= 60) {
		struct icaltimetype lm = icaltime_null_time();
		lm.year = y;
		lm.month = mo;
		lm.day = d;
		lm.hour = h;
		lm.minute = mi;
		lm.second = se;
		lm.zone = icaltimezone_get_utc_timezone();
		icalcomponent_add_property(ev, icalproperty_new_lastmodified(lm));
	}
	ref_add_x(ev, "X-MADOGUCHI-KIND", kind);
	return ev;
}

/* ---- each kind ---- */

static const char *ref_org_type(enum org_type t)
{
	return i18n_japanese() ? org_type_ja[t] : org_type_en[t];
}

static const char *ref_topic(int t)
{
	return i18n_japanese() ? topic_ja[t] : topic_en[t];
}

static icalcomponent *ref_appt(struct ref *r, const struct appt *a)
{
	bool np = r->o->no_personal;
	icalcomponent *ev = ref_event_new(r, a->uid, a->sequence, a->updated_at, "appointment");
	struct strbuf sum = STRBUF_INIT, desc = STRBUF_INIT, topics = STRBUF_INIT, s = STRBUF_INIT;
	struct strbuf cats = STRBUF_INIT;

	for (int t = 0; t < TOPIC_COUNT; t++)
		if (a->topics & (1u << t)) {
			strbuf_addf(&topics, "%s%s", topics.len ? "・" : "", ref_topic(t));
			strbuf_addf(&cats, "%s%s", cats.len ? "," : "", ref_topic(t));
		}
	ref_add_local(ev, icalproperty_new_dtstart(ref_local(a->day, a->start_min)));
	ref_add_local(ev, icalproperty_new_dtend(ref_local(a->day, a->start_min + a->minutes)));

	strbuf_addf(&sum, "%s: ", a->channel == CH_VISIT ? _("Visit consultation") : _("Phone consultation"));
	if (np) {
		strbuf_adds(&sum, ref_org_type(a->org_type));
		if (topics.len)
			strbuf_addf(&sum, " / %s", strbuf_str(&topics));
	} else {
		strbuf_adds(&sum, a->org_name ? a->org_name : "");
		if (a->contact_name && *a->contact_name)
			strbuf_addf(&sum, " (%s)", a->contact_name);
	}
	icalcomponent_add_property(ev, icalproperty_new_summary(strbuf_str(&sum)));
	icalcomponent_add_property(ev, icalproperty_new_location(
		a->channel == CH_VISIT && a->room && *a->room ? a->room : _("phone")));

	if (!np) {
		strbuf_addf(&s, "%s (%s, %s)", a->org_name ? a->org_name : "",
			    a->municipality ? a->municipality : "", ref_org_type(a->org_type));
		ref_line(&desc, _("Organization: "), strbuf_str(&s));
		strbuf_reset(&s);
		if (a->contact_name && *a->contact_name) {
			strbuf_adds(&s, a->contact_name);
			if (a->contact_phone && *a->contact_phone)
				strbuf_addf(&s, ", %s", a->contact_phone);
			if (a->contact_email && *a->contact_email)
				strbuf_addf(&s, ", %s", a->contact_email);
		}
		ref_line(&desc, _("Contact: "), strbuf_str(&s));
		ref_line(&desc, _("Staff: "), a->staff_name);
	} else {
		ref_line(&desc, _("Organization type: "), ref_org_type(a->org_type));
		ref_line(&desc, _("Municipality: "), a->municipality);
	}
	ref_line(&desc, _("Topics: "), strbuf_str(&topics));
	ref_line(&desc, _("Booked by: "), booked_via_code[a->booked_via]);
	if (a->status != ST_BOOKED)
		ref_line(&desc, _("Status: "), appt_status_code[a->status]);
	if (!np && !r->o->letter) {
		ref_line(&desc, _("Override: "), a->override_reason);
		ref_line(&desc, _("Note: "), a->note);
	}
	if (desc.len)
		icalcomponent_add_property(ev, icalproperty_new_description(strbuf_str(&desc)));
	if (cats.len)	/* one value per topic, in one CATEGORIES property */
		icalcomponent_add_property(ev, icalproperty_new_categories(strbuf_str(&cats)));
	icalcomponent_add_property(ev, icalproperty_new_status(
		a->status == ST_CANCELLED ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
	ref_add_x(ev, "X-MADOGUCHI-CHANNEL", channel_code[a->channel]);
	ref_add_x(ev, "X-MADOGUCHI-STATUS", appt_status_code[a->status]);
	if (!np)
		ref_add_x(ev, "X-MADOGUCHI-STAFF", a->staff_name);
	if (!r->o->letter) {	/* what another desk needs to book it again */
		strbuf_reset(&s);
		for (int t = 0; t < TOPIC_COUNT; t++)
			if (a->topics & (1u << t))
				strbuf_addf(&s, "%s%s", s.len ? " " : "", topic_code[t]);
		ref_add_x(ev, "X-MADOGUCHI-TOPICS", strbuf_str(&s));
		ref_add_x(ev, "X-MADOGUCHI-VIA", booked_via_code[a->booked_via]);
		ref_add_x(ev, "X-MADOGUCHI-ORG-TYPE", org_type_code[a->org_type]);
		ref_add_x(ev, "X-MADOGUCHI-MUNICIPALITY", a->municipality);
		ref_add_x(ev, "X-MADOGUCHI-ORG", np ? NULL : a->org_name);
		ref_add_x(ev, "X-MADOGUCHI-CONTACT", np ? NULL : a->contact_name);
		ref_add_x(ev, "X-MADOGUCHI-PHONE", np ? NULL : a->contact_phone);
		ref_add_x(ev, "X-MADOGUCHI-EMAIL", np ? NULL : a->contact_email);
		ref_add_x(ev, "X-MADOGUCHI-OVERRIDE", np ? NULL : a->override_reason);
		ref_add_x(ev, "X-MADOGUCHI-NOTE", np ? NULL : a->note);
	}
	strbuf_release(&sum);
	strbuf_release(&desc);
	strbuf_release(&topics);
	strbuf_release(&cats);
	strbuf_release(&s);
	return ev;
}

static int ref_appt_cb(const struct appt *a, void *arg)
{
	struct ref *r = arg;

	return ref_emit(r, ref_appt(r, a), false);
}

static int ref_event_cb(const struct program_event *pe, void *arg)
{
	struct ref *r = arg;
	icalcomponent *ev = ref_event_new(r, pe->uid, pe->sequence, pe->updated_at, "event");
	struct strbuf desc = STRBUF_INIT;
	char date[DATE_STRLEN], cap[16];

	snprintf(cap, sizeof cap, "%d", pe->capacity);
	date_format(pe->reg_deadline, date);
	if (pe->start_min < 0) {
		int last = pe->end_day > pe->day ? pe->end_day : pe->day;
		icalcomponent_add_property(ev, icalproperty_new_dtstart(ref_date(pe->day)));
		icalcomponent_add_property(ev, icalproperty_new_dtend(ref_date(last + 1)));
	} else {
		ref_add_local(ev, icalproperty_new_dtstart(ref_local(pe->day, pe->start_min)));
		if (pe->end_day > pe->day && pe->end_day_min > 0)
			ref_add_local(ev, icalproperty_new_dtend(ref_local(pe->end_day, pe->end_day_min)));
		else if (pe->end_min > pe->start_min)
			ref_add_local(ev, icalproperty_new_dtend(ref_local(pe->day, pe->end_min)));
	}
	icalcomponent_add_property(ev, icalproperty_new_summary(pe->title));
	if (pe->place && *pe->place)
		icalcomponent_add_property(ev, icalproperty_new_location(pe->place));
	ref_line(&desc, _("Program: "), pe->program_name);
	ref_line(&desc, _("Capacity: "), pe->capacity >= 0 ? cap : NULL);
	ref_line(&desc, _("Registration deadline: "), pe->reg_deadline ? date : NULL);
	ref_line(&desc, _("Note: "), r->o->no_personal ? NULL : pe->note);
	if (desc.len)
		icalcomponent_add_property(ev, icalproperty_new_description(strbuf_str(&desc)));
	if (pe->program_name && *pe->program_name && !strchr(pe->program_name, ','))
		icalcomponent_add_property(ev, icalproperty_new_categories(pe->program_name));
	icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
	ref_add_x(ev, "X-MADOGUCHI-PROGRAM", pe->program_name);
	ref_add_x(ev, "X-MADOGUCHI-CAPACITY", pe->capacity >= 0 ? cap : NULL);
	ref_add_x(ev, "X-MADOGUCHI-REG-DEADLINE", pe->reg_deadline ? date : NULL);
	ref_add_x(ev, "X-MADOGUCHI-NOTE", r->o->no_personal ? NULL : pe->note);
	strbuf_release(&desc);
	return ref_emit(r, ev, false);
}

static int ref_block_cb(const struct staff_block *b, void *arg)
{
	struct ref *r = arg;
	icalcomponent *ev;

	if (r->o->staff_id && b->staff_id && b->staff_id != r->o->staff_id)
		return 0;
	ev = ref_event_new(r, b->uid, b->sequence, NULL, "block");
	ref_add_local(ev, icalproperty_new_dtstart(ref_local(b->day, b->start_min)));
	ref_add_local(ev, icalproperty_new_dtend(ref_local(b->day, b->start_min + b->minutes)));
	icalcomponent_add_property(ev, icalproperty_new_summary(
		r->o->no_personal || !b->title || !*b->title ? _("(busy)") : b->title));
	icalcomponent_add_property(ev, icalproperty_new_categories("block"));
	icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
	icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
	if (!b->staff_id)
		ref_add_x(ev, "X-MADOGUCHI-SCOPE", "desk");
	else if (!r->o->no_personal)
		ref_add_x(ev, "X-MADOGUCHI-STAFF", b->staff_name);
	return ref_emit(r, ev, false);
}

static int ref_deadline_cb(const struct deadline *dl, void *arg)
{
	struct ref *r = arg;
	struct strbuf uid = STRBUF_INIT, sum = STRBUF_INIT, desc = STRBUF_INIT;
	icalcomponent *ev;
	int days = r->d->cfg->deadline_alarm_days;

	if (dl->kind == DL_EVENT) {
		strbuf_addf(&uid, "deadline-%s", dl->uid);
		strbuf_addf(&sum, _("Registration deadline: %s"), dl->title);
		ref_line(&desc, _("Program: "), dl->program_name);
	} else {
		strbuf_addf(&uid, "deadline-program-%lld@madoguchi", dl->id);
		strbuf_addf(&sum, _("Deadline: %s"), dl->title);
	}
	ev = ref_event_new(r, strbuf_str(&uid), dl->sequence, dl->updated_at, "deadline");
	icalcomponent_add_property(ev, icalproperty_new_dtstart(ref_date(dl->day)));
	icalcomponent_add_property(ev, icalproperty_new_dtend(ref_date(dl->day + 1)));
	icalcomponent_add_property(ev, icalproperty_new_summary(strbuf_str(&sum)));
	if (desc.len)
		icalcomponent_add_property(ev, icalproperty_new_description(strbuf_str(&desc)));
	icalcomponent_add_property(ev, icalproperty_new_categories(_("deadline")));
	icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
	if (days > 0) {
		icalcomponent *alarm = icalcomponent_new(ICAL_VALARM_COMPONENT);
		struct icaltriggertype trig;
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
	strbuf_release(&desc);
	return ref_emit(r, ev, false);
}

/* The name of the staff member whose calendar it is, after the desk's. */
static int ref_staff_cb(const struct staff *st, void *arg)
{
	struct ref *r = arg;

	if (st->id == r->o->staff_id)
		strbuf_addf(&r->name, " - %s", st->name);
	return st->id == r->o->staff_id;
}

/* The calendar's head (no END), its VTIMEZONE built from libical's zone. */
static void ref_header(struct ref *r, icalproperty_method method)
{
	icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	icaltimezone *tz = icaltimezone_get_builtin_timezone(REF_TZID);
	time_t now = clock_epoch(r->d->clock);

	r->stamp = icaltime_from_timet_with_zone(now, 0, icaltimezone_get_utc_timezone());
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//madoguchi//madoguchi " MADO_VERSION "//EN"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(cal, icalproperty_new_method(method));
	strbuf_reset(&r->name);
	strbuf_adds(&r->name, _("Consultation desk"));
	if (!r->o->no_personal && r->o->staff_id) {	/* one person's: "desk - name" */
		struct err e;
		db_staff_list(r->d->db, false, ref_staff_cb, r, &e);
	}
	ref_add_x(cal, "X-WR-CALNAME", strbuf_str(&r->name));
	ref_add_x(cal, "X-WR-TIMEZONE", REF_TZID);
	if (tz) {
		icalcomponent *vtz = icalcomponent_new_clone(icaltimezone_get_component(tz));
		icalproperty_set_tzid(icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY), REF_TZID);
		icalcomponent_add_component(cal, vtz);
	}
	ref_emit(r, cal, true);
}

/* The whole calendar as ical_export() writes it; appointments in
 * db_appt_each() order (staff name before id within one start time).
 * Returns the number of VEVENTs or -1. */
static int ref_export(const struct desk_ctx *d, const struct ical_export_opts *o, FILE *out,
		      struct err *e)
{
	struct ref r = { .d = d, .o = o, .out = out, .buf = STRBUF_INIT, .line = STRBUF_INIT,
			 .name = STRBUF_INIT };
	struct appt_filter f;
	int rc = -1;

	ref_header(&r, ICAL_METHOD_PUBLISH);
	appt_filter_init(&f);
	f.from_day = o->from_day;
	f.to_day = o->to_day;
	f.staff_id = o->staff_id;
	f.include_cancelled = true;
	if ((o->what & ICAL_APPOINTMENTS) && db_appt_each(d->db, &f, ref_appt_cb, &r, e) < 0)
		goto out;
	if ((o->what & ICAL_EVENTS) &&
	    db_event_range(d->db, o->from_day, o->to_day, ref_event_cb, &r, e) < 0)
		goto out;
	if ((o->what & ICAL_BLOCKS) &&
	    db_block_each(d->db, o->from_day ? o->from_day : date_from_ymd(1900, 1, 1),
			  o->to_day ? o->to_day : date_from_ymd(2199, 12, 31), ref_block_cb, &r, e) < 0)
		goto out;
	if ((o->what & ICAL_DEADLINES) &&
	    deadline_each_dated(d, o->from_day, o->to_day, ref_deadline_cb, &r, e) < 0)
		goto out;
	fputs("END:VCALENDAR\r\n", out);
	rc = r.n;
out:
	strbuf_release(&r.buf);
	strbuf_release(&r.line);
	strbuf_release(&r.name);
	return rc;
}

/* One appointment as an invitation, as ical_invite() writes it, labels
 * in the locale's language. */
static void ref_invite(const struct desk_ctx *d, const struct appt *a, bool cancel,
		       const char *organizer, const char *attendee, struct strbuf *out)
{
	struct ical_export_opts o;
	struct ref r = { .d = d, .o = &o, .buf = STRBUF_INIT, .line = STRBUF_INIT, .name = STRBUF_INIT };
	icalcomponent *ev;

	ical_export_opts_init(&o);
	o.letter = true;
	ref_header(&r, cancel ? ICAL_METHOD_CANCEL : ICAL_METHOD_REQUEST);
	ev = ref_appt(&r, a);
	if (organizer && *organizer) {
		char *to = xasprintf("mailto:%s", organizer);
		icalcomponent_add_property(ev, icalproperty_new_organizer(to));
		free(to);
	}
	if (attendee && *attendee) {
		char *to = xasprintf("mailto:%s", attendee);
		icalproperty *p = icalproperty_new_attendee(to);
		icalproperty_add_parameter(p, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
		icalproperty_add_parameter(p, icalparameter_new_rsvp(ICAL_RSVP_FALSE));
		icalcomponent_add_property(ev, p);
		free(to);
	}
	ref_emit(&r, ev, false);
	strbuf_add(out, r.buf.buf, r.buf.len);
	strbuf_adds(out, "END:VCALENDAR\r\n");
	strbuf_release(&r.buf);
	strbuf_release(&r.line);
	strbuf_release(&r.name);
}

#endif
