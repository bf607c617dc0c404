/* Commands on appointments and the desk calendar. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>
#include "cli/cli_cmds.h"
#include "cli/cli_mail.h"
#include "cli/cli_events.h"
#include "core/admin.h"
#include "core/demo.h"
#include "core/desk.h"
#include "core/holiday.h"
#include "core/report.h"
#include "core/resolve.h"
#include "core/formdef.h"
#include "db/db_appt.h"
#include "db/db_extra.h"
#include "db/db_org.h"
#include "export/mail.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/jdate.h"
#include "util/text.h"

int cli_init(struct app *app, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf(_("database ready: %s (schema %d)\n"), app->db_path, admin_schema_version(&app->desk));
	return 0;
}

int cli_demo(struct app *app, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	if (demo_fill(&app->desk, &app->err) < 0)
		return cli_fail(app);
	printf(_("demo desk ready: %s\n"), app->db_path);
	return 0;
}

static const char *channel_label(enum channel c)
{
	return c == CH_VISIT ? _("visit") : _("phone");
}

static void topics_str(unsigned topics, struct strbuf *sb, const char *sep)
{
	resolve_topics_str(topics, i18n_japanese(), sep, sb);
}

static const struct option book_options[] = {
	{ "date", required_argument, NULL, 'd' }, { "start", required_argument, NULL, 's' },
	{ "minutes", required_argument, NULL, 'm' }, { "channel", required_argument, NULL, 'c' },
	{ "via", required_argument, NULL, 'v' }, { "org", required_argument, NULL, 'o' },
	{ "contact", required_argument, NULL, 'C' }, { "phone", required_argument, NULL, 'p' },
	{ "email", required_argument, NULL, 'e' }, { "staff", required_argument, NULL, 'S' },
	{ "room", required_argument, NULL, 'r' }, { "topic", required_argument, NULL, 't' },
	{ "note", required_argument, NULL, 'n' }, { "override", required_argument, NULL, 'O' },
	{ "inquiry", required_argument, NULL, 'i' }, { NULL, 0, NULL, 0 }
};

int cli_book_parse(int argc, char **argv, struct appt_req *r, struct strbuf *topics)
{
	int c;

	while ((c = cli_getopt(argc, argv, book_options, NULL)) != -1) {
		switch (c) {
		case 'd': r->date = optarg; break;
		case 's': r->start = optarg; break;
		case 'm': r->minutes = optarg; break;
		case 'c': r->channel = optarg; break;
		case 'v': r->via = optarg; break;
		case 'o': r->org = optarg; break;
		case 'C': r->contact = optarg; break;
		case 'p': r->phone = optarg; break;
		case 'e': r->email = optarg; break;
		case 'S': r->staff = optarg; break;
		case 'r': r->room = optarg; break;
		case 't':
			/* --topic repeats: the topics join */
			if (topics->len)
				strbuf_adds(topics, ",");
			strbuf_adds(topics, optarg);
			r->topics = strbuf_str(topics);
			break;
		case 'n': r->note = optarg; break;
		case 'O': r->override = optarg; break;
		case 'i': r->inquiry = optarg; break;
		default: return 2;
		}
	}
	return 0;
}

int cli_book_refused(struct app *app)
{
	if (app->err.code == ERR_RULE) {
		fprintf(stderr, _("madoguchi: %s; to book anyway, give a reason with --override REASON\n"),
			app->err.msg);
		return 1;
	}
	return cli_fail(app);
}

int cli_book(struct app *app, int argc, char **argv)
{
	struct appt_req r = { 0 };
	struct appt_result res;
	struct strbuf topics = STRBUF_INIT;
	enum cli_mail_flag mail;
	int rc;

	if (cli_mail_flag(app, "book", &argc, argv, &mail) < 0)
		return 2;
	if ((rc = cli_book_parse(argc, argv, &r, &topics)))
		goto out;
	if (optind < argc) {
		rc = cli_usage(app, "book", _("unexpected argument '%s'"), argv[optind]);
		goto out;
	}
	if (!r.date || !r.start || !r.channel || !r.org) {
		rc = cli_usage(app, "book", _("--date, --start, --channel and --org are required"));
		goto out;
	}
	if (appt_request(&app->desk, &r, &res, &app->err) < 0) {
		rc = cli_book_refused(app);
		goto out;
	}
	printf("%lld\n", res.id);
	fflush(stdout);
	cli_mail_after(app, res.id, MAIL_BOOKED, mail);
	rc = 0;
out:
	strbuf_release(&topics);
	return rc;
}

struct list_ctx {
	struct app *app;
	bool tsv;
	int n;
	int last_day;
	bool show_date;
};

static int print_appt(const struct appt *a, void *arg)
{
	struct list_ctx *lc = arg;
	char t1[6], t2[6], date[DATE_STRLEN];
	struct strbuf topics = STRBUF_INIT;

	topics_str(a->topics, &topics, lc->tsv ? "," : "・");
	if (lc->tsv) {
		printf("%lld\t%s\t%s\t%s\t%d\t%s\t%s\t", a->id, date_format(a->day, date),
		       time_format(a->start_min, t1), time_format(a->start_min + a->minutes, t2),
		       a->minutes, channel_code[a->channel], appt_status_code[a->status]);
		const char *fields[] = { a->org_name, a->contact_name, a->staff_name, a->room,
					 strbuf_str(&topics), a->note };
		for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
			cli_put(stdout, fields[i] ? fields[i] : "");
			putchar(i + 1 < sizeof fields / sizeof fields[0] ? '\t' : '\n');
		}
	} else {
		if (lc->show_date && a->day != lc->last_day) {
			printf("%s(%s)\n", date_format(a->day, date), jdate_wday(date_wday(a->day)));
			lc->last_day = a->day;
		}
		printf("%s %s-%s %s #%-5lld ", appt_status_mark(a->status), time_format(a->start_min, t1),
		       time_format(a->start_min + a->minutes, t2),
		       a->channel == CH_VISIT ? "来所" : "電話", a->id);
		cli_pad(stdout, a->org_name, 28);
		putchar(' ');
		cli_pad(stdout, a->contact_name ? a->contact_name : "", 10);
		putchar(' ');
		cli_pad(stdout, a->staff_name ? a->staff_name : "-", 10);
		putchar(' ');
		cli_put(stdout, strbuf_str(&topics));
		if (a->status != ST_BOOKED)
			printf(" [%s]", appt_status_code[a->status]);
		putchar('\n');
	}
	strbuf_release(&topics);
	lc->n++;
	return 0;
}

static void print_day_header(struct app *app, int day)
{
	struct desk_status ds;
	char date[DATE_STRLEN];

	printf("%s(%s)", date_format(day, date), jdate_wday(date_wday(day)));
	if (desk_day_status(&app->cfg, app->db, day, &ds) != DESK_OPEN)
		printf(_("  closed: %s"), ds.reason);
	putchar('\n');
}

int cli_day(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' }, { "staff", required_argument, NULL, 'S' },
		{ "tsv", no_argument, NULL, 'T' }, { "all", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	struct appt_filter f;
	struct list_ctx lc = { app, false, 0, 0, false };
	const char *date = "today", *staff = NULL;
	int c;

	appt_filter_init(&f);
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'd': date = optarg; break;
		case 'S': staff = optarg; break;
		case 'T': lc.tsv = true; break;
		case 'a': f.include_cancelled = true; break;
		default: return 2;
		}
	}
	if (optind < argc)
		return cli_usage(app, "day", _("unexpected argument '%s'"), argv[optind]);
	if (cli_date(app, date, &f.from_day) < 0 || (staff && cli_staff(app, staff, &f.staff_id) < 0))
		return cli_fail(app);
	f.to_day = f.from_day;
	f.include_cancelled = true;
	if (!lc.tsv)
		print_day_header(app, f.from_day);
	if (db_appt_each(app->db, &f, print_appt, &lc, &app->err) < 0)
		return cli_fail(app);
	if (!lc.tsv && lc.n == 0)
		printf(_("  no appointments\n"));
	if (!lc.tsv && cli_day_events(app, f.from_day, f.staff_id) < 0)
		return cli_fail(app);
	return 0;
}

int cli_agenda(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' }, { "to", required_argument, NULL, 't' },
		{ "staff", required_argument, NULL, 'S' }, { "org", required_argument, NULL, 'o' },
		{ "search", required_argument, NULL, 's' }, { "all", no_argument, NULL, 'a' },
		{ "tsv", no_argument, NULL, 'T' }, { NULL, 0, NULL, 0 }
	};
	struct appt_filter f;
	struct list_ctx lc = { app, false, 0, 0, true };
	const char *from = "today", *to = NULL, *staff = NULL, *org = NULL;
	int c;

	appt_filter_init(&f);
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		case 'S': staff = optarg; break;
		case 'o': org = optarg; break;
		case 's': f.search = optarg; break;
		case 'a': f.include_cancelled = true; break;
		case 'T': lc.tsv = true; break;
		default: return 2;
		}
	}
	if (optind < argc)
		return cli_usage(app, "agenda", _("unexpected argument '%s'"), argv[optind]);
	if (cli_date(app, from, &f.from_day) < 0 || (to && cli_date(app, to, &f.to_day) < 0) ||
	    (staff && cli_staff(app, staff, &f.staff_id) < 0) || (org && cli_org(app, org, &f.org_id) < 0))
		return cli_fail(app);
	if (!to)
		f.to_day = f.from_day + 13;
	if (f.to_day < f.from_day)
		return cli_usage(app, "agenda", _("--to is before --from"));
	if (db_appt_each(app->db, &f, print_appt, &lc, &app->err) < 0)
		return cli_fail(app);
	if (!lc.tsv && lc.n == 0)
		printf(_("no appointments\n"));
	return 0;
}

static int one_id(struct app *app, int argc, char **argv, const char *cmd, long long *id)
{
	if (argc != 2)
		return cli_usage(app, cmd, _("one appointment id is required"));
	if (cli_id(app, argv[1], _("appointment"), id) < 0)
		return cli_fail(app);
	return 0;
}

/* The values of fields the site added to the form (forms/NAME.form in
 * the config dir), labelled as the form labels them. */
static void show_extras(struct app *app, const char *form, long long id)
{
	struct extra_list l = { NULL, 0 };
	struct formdef fd;
	struct err e;
	char dir[1024];

	if (db_extra_get(app->db, form, id, &l, &e) < 0 || !l.n) {
		extra_list_release(&l);
		return;
	}
	config_dir(dir, sizeof dir);
	formdef_load(&fd, form, dir, &e);	/* labels only: a broken form still shows keys */
	for (size_t i = 0; i < l.n; i++) {
		const struct formdef_field *f = formdef_field(&fd, l.v[i].key);
		struct strbuf sb = STRBUF_INIT;
		text_sanitize(&sb, l.v[i].value, true);
		printf("  ");
		cli_put(stdout, f ? formdef_label(f, i18n_japanese()) : l.v[i].key);
		printf(": %s\n", strbuf_str(&sb));
		strbuf_release(&sb);
	}
	formdef_release(&fd);
	extra_list_release(&l);
}

int cli_show(struct app *app, int argc, char **argv)
{
	struct appt a;
	long long id;
	char t1[6], t2[6], date[DATE_STRLEN];
	int rc;

	if ((rc = one_id(app, argc, argv, "show", &id)))
		return rc;
	if (db_appt_get(app->db, id, &a, &app->err) < 0)
		return cli_fail(app);
	struct strbuf topics = STRBUF_INIT;
	topics_str(a.topics, &topics, ", ");
	printf(_("appointment #%lld\n"), a.id);
	printf(_("  when:       %s(%s) %s-%s (%d min)\n"), date_format(a.day, date),
	       jdate_wday(date_wday(a.day)), time_format(a.start_min, t1),
	       time_format(a.start_min + a.minutes, t2), a.minutes);
	printf(_("  channel:    %s (booked by %s)\n"), channel_label(a.channel),
	       report_label(RD_CHANNEL, booked_via_code[a.booked_via], i18n_japanese()));
	printf(_("  status:     %s\n"),
	       report_label(RD_STATUS, appt_status_code[a.status], i18n_japanese()));
	printf(_("  org:        #%lld "), a.org_id);
	cli_put(stdout, a.org_name);
	printf(" (%s, %s)\n", a.municipality ? a.municipality : "", org_type_ja[a.org_type]);
	const struct { const char *label, *value; } rows[] = {
		{ _("  contact:    "), a.contact_name }, { _("  phone:      "), a.contact_phone },
		{ _("  e-mail:     "), a.contact_email }, { _("  staff:      "), a.staff_name },
		{ _("  room:       "), a.room }, { _("  topics:     "), strbuf_str(&topics) },
		{ _("  override:   "), a.override_reason },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		if (rows[i].value && *rows[i].value) {
			fputs(rows[i].label, stdout);
			cli_put(stdout, rows[i].value);
			putchar('\n');
		}
	if (a.note && *a.note) {
		struct strbuf sb = STRBUF_INIT;
		text_sanitize(&sb, a.note, true);
		printf(_("  note:       %s\n"), strbuf_str(&sb));
		strbuf_release(&sb);
	}
	show_extras(app, "appointment", a.id);
	if (a.inquiry_id)
		printf(_("  inquiry:    #%lld\n"), a.inquiry_id);
	printf(_("  uid:        %s (sequence %d, changed %s)\n"), a.uid, a.sequence, a.updated_at);
	cli_mail_history(app, a.id);
	strbuf_release(&topics);
	appt_release(&a);
	return 0;
}

/* Change a booking: move and edit share this (edit takes every option
 * of book, move those of a new slot); core checks every rule again
 * when the slot changes. */
static int change(struct app *app, const char *cmd, int argc, char **argv, bool edit)
{
	static const struct option move_opts[] = {
		{ "date", required_argument, NULL, 'd' }, { "start", required_argument, NULL, 's' },
		{ "minutes", required_argument, NULL, 'm' }, { "staff", required_argument, NULL, 'S' },
		{ "room", required_argument, NULL, 'r' }, { "channel", required_argument, NULL, 'c' },
		{ "override", required_argument, NULL, 'O' }, { NULL, 0, NULL, 0 }
	};
	struct appt_req r = { 0 };
	struct appt_result res;
	struct strbuf topics = STRBUF_INIT;
	enum cli_mail_flag mail;
	int c, rc = 2;

	if (cli_mail_flag(app, cmd, &argc, argv, &mail) < 0)
		return 2;
	if (edit) {
		if ((rc = cli_book_parse(argc, argv, &r, &topics)))
			goto out;
		rc = 2;
	} else {
		while ((c = cli_getopt(argc, argv, move_opts, NULL)) != -1) {
			switch (c) {
			case 'd': r.date = optarg; break;
			case 's': r.start = optarg; break;
			case 'm': r.minutes = optarg; break;
			case 'S': r.staff = optarg; break;
			case 'r': r.room = optarg; break;
			case 'c': r.channel = optarg; break;
			case 'O': r.override = optarg; break;
			default: goto out;
			}
		}
	}
	if (optind + 1 != argc) {
		rc = cli_usage(app, cmd, _("one appointment id is required"));
		goto out;
	}
	if (!edit && !r.date && !r.start && !r.minutes && !r.staff && !r.room && !r.channel) {
		rc = cli_usage(app, cmd, _("say where to: --date, --start, --minutes, --staff, --room or --channel"));
		goto out;
	}
	if (cli_id(app, argv[optind], _("appointment"), &r.id) < 0) {
		rc = cli_fail(app);
		goto out;
	}
	if (appt_request(&app->desk, &r, &res, &app->err) < 0) {
		rc = cli_book_refused(app);
		goto out;
	}
	rc = 0;
	if (!res.changed) {
		printf(_("#%lld unchanged\n"), r.id);
		goto out;
	}
	struct appt a;
	if (db_appt_get(app->db, r.id, &a, &app->err) < 0) {
		rc = cli_fail(app);
		goto out;
	}
	char what[512];
	appt_describe(&a, what, sizeof what);
	printf(edit ? _("saved #%lld: ") : _("moved #%lld to "), r.id);
	cli_put(stdout, what);
	putchar('\n');
	appt_release(&a);
	cli_mail_after(app, r.id, MAIL_CHANGED, mail);
out:
	strbuf_release(&topics);
	return rc;
}

int cli_move(struct app *app, int argc, char **argv)
{
	return change(app, "move", argc, argv, false);
}

int cli_edit(struct app *app, int argc, char **argv)
{
	return change(app, "edit", argc, argv, true);
}

static int set_status(struct app *app, int argc, char **argv, const char *cmd,
		      enum appt_status st, const char *done_msg)
{
	long long id;
	enum cli_mail_flag mail;
	int rc;

	if (cli_mail_flag(app, cmd, &argc, argv, &mail) < 0)
		return 2;
	if ((rc = one_id(app, argc, argv, cmd, &id)))
		return rc;
	if (appt_set_status(&app->desk, id, st, &app->err) < 0)
		return cli_fail(app);
	printf(done_msg, id);
	cli_mail_after(app, id, mail_kind_for_status(st), mail);
	return 0;
}

int cli_cancel(struct app *app, int argc, char **argv)
{
	return set_status(app, argc, argv, "cancel", ST_CANCELLED, _("cancelled #%lld\n"));
}

int cli_done(struct app *app, int argc, char **argv)
{
	return set_status(app, argc, argv, "done", ST_DONE, _("#%lld done\n"));
}

int cli_noshow(struct app *app, int argc, char **argv)
{
	return set_status(app, argc, argv, "no-show", ST_NO_SHOW, _("#%lld marked no-show\n"));
}

int cli_rebook(struct app *app, int argc, char **argv)
{
	return set_status(app, argc, argv, "rebook", ST_BOOKED, _("#%lld is booked again\n"));
}

int cli_holidays(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' }, { "tsv", no_argument, NULL, 'T' },
		{ NULL, 0, NULL, 0 }
	};
	struct holiday h[32];
	int c, y, m, d, year;
	bool tsv = false;
	char date[DATE_STRLEN];

	date_to_ymd(clock_today(&app->clock), &y, &m, &d);
	year = y;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'y': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 2000 || v > 2099)
				return cli_usage(app, "holidays", _("--year: '%s' is not a year 2000-2099"), optarg);
			year = (int)v;
			break;
		}
		case 'T': tsv = true; break;
		default: return 2;
		}
	}
	if (optind < argc)
		return cli_usage(app, "holidays", _("unexpected argument '%s'"), argv[optind]);
	size_t n = holiday_year(year, h, sizeof h / sizeof h[0]);
	for (size_t i = 0; i < n; i++) {
		if (tsv)
			printf("%s\t%s\n", date_format(h[i].day, date), h[i].name);
		else
			printf("%s(%s) %s\n", date_format(h[i].day, date),
			       jdate_wday(date_wday(h[i].day)), h[i].name);
	}
	return 0;
}

int cli_closed(struct app *app, int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "add")) {
		if (argc != 4)
			return cli_usage(app, "closed", _("closed add DATE REASON"));
		if (desk_closed_add(&app->desk, argv[2], argv[3], &app->err) < 0)
			return cli_fail(app);
		return 0;
	}
	if (argc >= 2 && !strcmp(argv[1], "remove")) {
		if (argc != 3)
			return cli_usage(app, "closed", _("closed remove DATE"));
		if (desk_closed_remove(&app->desk, argv[2], &app->err) < 0)
			return cli_fail(app);
		return 0;
	}
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' }, { "to", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	const char *from = "today", *to = NULL;
	int c, f, t;

	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		default: return 2;
		}
	}
	if (optind < argc)
		return cli_usage(app, "closed", _("unexpected argument '%s'"), argv[optind]);
	if (cli_date(app, from, &f) < 0 || (to && cli_date(app, to, &t) < 0))
		return cli_fail(app);
	if (!to)
		t = f + 30;
	if (t - f > 3660)
		return cli_usage(app, "closed", _("at most ten years at a time"));
	for (int d = f; d <= t; d++) {
		struct desk_status ds;
		char date[DATE_STRLEN];
		if (desk_day_status(&app->cfg, app->db, d, &ds) == DESK_OPEN)
			continue;
		printf("%s(%s) %s\n", date_format(d, date), jdate_wday(date_wday(d)), ds.reason);
	}
	return 0;
}
