/* The inquiry log on the command line: inquiry add, list, show, edit,
 * note, status, close, book, apply. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>
#include "cli/cli_cmds.h"
#include "core/inquiry.h"
#include "core/program.h"
#include "core/report.h"
#include "db/db_appt.h"
#include "db/db_org.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/text.h"

#define CMD "inquiry"

static const char *channel_label(enum inq_channel c)
{
	return report_label(RD_CHANNEL, inq_channel_code[c], i18n_japanese());
}

static int parse_channel(struct app *app, const char *s, int *out)
{
	int k = inquiry_channel_parse(s);

	if (k < 0)
		return cli_usage(app, CMD, _("--channel: '%s' is not phone, email, visit or post"), s);
	*out = k;
	return 0;
}

static int parse_status(struct app *app, const char *s, int *out)
{
	int k = model_lookup(inq_status_code, IS_COUNT, s);

	if (k < 0)
		return cli_usage(app, CMD, _("'%s' is not a status (open, waiting, closed)"), s ? s : "");
	*out = k;
	return 0;
}

/* The options of inquiry add and inquiry edit, as typed. */
static const struct option field_opts[] = {
	{ "channel", required_argument, NULL, 'c' }, { "org", required_argument, NULL, 'o' },
	{ "contact", required_argument, NULL, 'C' }, { "phone", required_argument, NULL, 'p' },
	{ "email", required_argument, NULL, 'e' }, { "topic", required_argument, NULL, 't' },
	{ "summary", required_argument, NULL, 's' }, { "due", required_argument, NULL, 'd' },
	{ "staff", required_argument, NULL, 'S' }, { "referred-to", required_argument, NULL, 'r' },
	{ "received", required_argument, NULL, 'R' }, { "status", required_argument, NULL, 'x' },
	{ NULL, 0, NULL, 0 }
};

/* Read the options into r; the count of options, or -1 on a bad one. */
static int parse_fields(int argc, char **argv, struct inquiry_req *r)
{
	int c, n = 0;

	while ((c = cli_getopt(argc, argv, field_opts, NULL)) != -1) {
		n++;
		switch (c) {
		case 'c': r->channel = optarg; break;
		case 'o': r->org = optarg; break;
		case 'C': r->contact = optarg; break;
		case 'p': r->phone = optarg; break;
		case 'e': r->email = optarg; break;
		case 't': r->topic = optarg; break;
		case 's': r->summary = optarg; break;
		case 'd': r->due = optarg; break;
		case 'S': r->staff = optarg; break;
		case 'r': r->referred_to = optarg; break;
		case 'R': r->received = optarg; break;
		case 'x': r->status = optarg; break;
		default: return -1;
		}
	}
	return n;
}

static int inquiry_add_cmd(struct app *app, int argc, char **argv)
{
	struct inquiry_req r = { 0 };
	struct inquiry_result res;

	if (parse_fields(argc, argv, &r) < 0)
		return 2;
	if (optind < argc)
		return cli_usage(app, CMD, _("unexpected argument '%s'"), argv[optind]);
	if (!r.channel || !r.topic || !r.summary)
		return cli_usage(app, CMD, _("inquiry add needs --channel, --topic and --summary"));
	if (inquiry_request(&app->desk, &r, &res, &app->err) < 0)
		return cli_fail(app);
	printf("%lld\n", res.id);
	return 0;
}

struct list_ctx {
	struct app *app;
	bool tsv;
	int n;
};

static char *first_line(const char *s)
{
	const char *nl = strchr(s ? s : "", '\n');

	return nl ? xstrndup(s, (size_t)(nl - s)) : xstrdup(s ? s : "");
}

static int print_inquiry(const struct inquiry *q, void *arg)
{
	struct list_ctx *lc = arg;
	bool overdue = inquiry_overdue(&lc->app->desk, q);
	char due[DATE_STRLEN] = "";
	char *summary = first_line(q->summary);

	if (q->due_day)
		date_format(q->due_day, due);
	if (lc->tsv) {
		printf("%lld\t%s\t%s\t%s\t%s\t%d\t%lld\t", q->id, q->received,
		       inq_channel_code[q->channel], inq_status_code[q->status], due, overdue,
		       q->org_id);
		const char *fields[] = { q->org_name, q->contact_name, q->staff_name, q->topic,
					 q->summary, q->referred_to };
		for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
			struct strbuf sb = STRBUF_INIT;
			text_sanitize(&sb, fields[i] ? fields[i] : "", false);
			fputs(strbuf_str(&sb), stdout);
			strbuf_release(&sb);
			putchar('\t');
		}
		printf("%lld\t%d\n", q->appt_id, q->n_notes);
	} else {
		char when[17];
		snprintf(when, sizeof when, "%s", q->received);
		if (when[10] == 'T')
			when[10] = ' ';
		printf("%s #%-5lld %s ", overdue ? "!" : " ", q->id, when);
		cli_pad(stdout, channel_label(q->channel), 6);
		putchar(' ');
		cli_pad(stdout, inq_status_code[q->status], 7);
		putchar(' ');
		if (q->due_day)
			printf("%s%s", due, overdue ? "!" : " ");
		else
			printf("           ");
		putchar(' ');
		cli_pad(stdout, q->org_name ? q->org_name : "-", 24);
		putchar(' ');
		cli_pad(stdout, q->staff_name ? q->staff_name : "-", 10);
		putchar(' ');
		cli_pad(stdout, summary, 40);
		putchar('\n');
	}
	free(summary);
	lc->n++;
	return 0;
}

static int inquiry_list_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "open", no_argument, NULL, 'O' }, { "status", required_argument, NULL, 'x' },
		{ "channel", required_argument, NULL, 'c' }, { "staff", required_argument, NULL, 'S' },
		{ "org", required_argument, NULL, 'o' }, { "topic", required_argument, NULL, 't' },
		{ "from", required_argument, NULL, 'f' }, { "to", required_argument, NULL, 'T' },
		{ "due-by", required_argument, NULL, 'd' }, { "overdue", no_argument, NULL, 'D' },
		{ "search", required_argument, NULL, 's' }, { "tsv", no_argument, NULL, 'v' },
		{ "limit", required_argument, NULL, 'l' }, { NULL, 0, NULL, 0 }
	};
	struct inquiry_filter f;
	struct list_ctx lc = { app, false, 0 };
	const char *staff = NULL, *org = NULL, *from = NULL, *to = NULL, *due_by = NULL;
	char *topic = NULL;
	int c, k = 0, rc = 2;

	inquiry_filter_init(&f);
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'O': f.open_only = true; break;
		case 'x':
			if ((rc = parse_status(app, optarg, &k)))
				goto out;
			f.status = k;
			break;
		case 'c':
			if ((rc = parse_channel(app, optarg, &k)))
				goto out;
			f.channel = k;
			break;
		case 'S': staff = optarg; break;
		case 'o': org = optarg; break;
		case 't':
			free(topic);
			if (!(topic = inquiry_topic_normalize(&app->desk, optarg, &app->err))) {
				rc = cli_fail(app);
				goto out;
			}
			break;
		case 'f': from = optarg; break;
		case 'T': to = optarg; break;
		case 'd': due_by = optarg; break;
		case 'D': f.overdue_before = clock_today(&app->clock); f.order = INQ_ORDER_DUE; break;
		case 's': f.search = optarg; break;
		case 'v': lc.tsv = true; break;
		case 'l': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 1 || v > 1000000) {
				rc = cli_usage(app, CMD, _("--limit: '%s' is not 1-1000000"), optarg);
				goto out;
			}
			f.limit = (int)v;
			break;
		}
		default: rc = 2; goto out;
		}
	}
	rc = 2;
	if (optind < argc) {
		rc = cli_usage(app, CMD, _("unexpected argument '%s'"), argv[optind]);
		goto out;
	}
	f.topic = topic;
	if ((staff && cli_staff(app, staff, &f.staff_id) < 0) ||
	    (org && cli_org(app, org, &f.org_id) < 0) ||
	    (from && cli_date(app, from, &f.from_day) < 0) ||
	    (to && cli_date(app, to, &f.to_day) < 0) ||
	    (due_by && cli_date(app, due_by, &f.due_by) < 0)) {
		rc = cli_fail(app);
		goto out;
	}
	if (f.from_day && f.to_day && f.to_day < f.from_day) {
		rc = cli_usage(app, CMD, _("--to is before --from"));
		goto out;
	}
	if (due_by)
		f.order = INQ_ORDER_DUE;
	if (inquiry_list(&app->desk, &f, print_inquiry, &lc, &app->err) < 0) {
		rc = cli_fail(app);
		goto out;
	}
	if (!lc.tsv && lc.n == 0)
		printf(_("no inquiries\n"));
	rc = 0;
out:
	free(topic);
	return rc;
}

static const struct option no_opts[] = { { NULL, 0, NULL, 0 } };

/* The next argument as an inquiry id (after the options were read). */
static int one_id(struct app *app, int argc, char **argv, long long *id)
{
	if (optind >= argc)
		return cli_usage(app, CMD, _("an inquiry id is required"));
	if (cli_id(app, argv[optind], _("inquiry"), id) < 0)
		return cli_fail(app);
	optind++;
	return 0;
}

static void put_multi(const char *indent, const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	text_sanitize(&sb, s ? s : "", true);
	fputs(indent, stdout);
	for (const char *p = strbuf_str(&sb); *p; p++) {
		putchar(*p);
		if (*p == '\n' && p[1])
			fputs(indent, stdout);
	}
	putchar('\n');
	strbuf_release(&sb);
}

static int print_note(const struct inquiry_note *n, void *arg)
{
	char when[INQ_TIME_LEN];

	(void)arg;
	snprintf(when, sizeof when, "%s", n->at);
	if (strlen(when) > 10 && when[10] == 'T')
		when[10] = ' ';
	fputs("  ", stdout);
	cli_put(stdout, when);
	if (n->staff_name) {
		putchar(' ');
		cli_put(stdout, n->staff_name);
	}
	putchar('\n');
	put_multi("    ", n->text);
	return 0;
}

static int print_linked_appt(long long id, void *arg)
{
	struct app *app = arg;
	struct appt a;
	struct err ignore;
	char d[DATE_STRLEN], t[6];

	if (db_appt_get(app->db, id, &a, &ignore) < 0) {
		printf(_("  appointment: #%lld\n"), id);
		return 0;
	}
	printf(_("  appointment: #%lld %s %s %s [%s]\n"), a.id, date_format(a.day, d),
	       time_format(a.start_min, t), channel_code[a.channel], appt_status_code[a.status]);
	appt_release(&a);
	return 0;
}

static int print_linked_app(const struct application *a, void *arg)
{
	(void)arg;
	printf(_("  application: #%lld "), a->id);
	cli_put(stdout, a->program_name);
	printf(" [%s]\n", app_status_code[a->status]);
	return 0;
}

static int inquiry_show_cmd(struct app *app, int argc, char **argv)
{
	struct inquiry q;
	long long id;
	int rc;
	char due[DATE_STRLEN];

	if (cli_getopt(argc, argv, no_opts, NULL) != -1)
		return 2;
	if ((rc = one_id(app, argc, argv, &id)))
		return rc;
	if (optind < argc)
		return cli_usage(app, CMD, _("unexpected argument '%s'"), argv[optind]);
	if (db_inquiry_get(app->db, id, &q, &app->err) < 0)
		return cli_fail(app);
	bool overdue = inquiry_overdue(&app->desk, &q);
	printf(_("inquiry #%lld [%s]%s\n"), q.id, inq_status_code[q.status],
	       overdue ? _("  OVERDUE") : "");
	char when[INQ_TIME_LEN];
	snprintf(when, sizeof when, "%s", q.received);
	if (when[10] == 'T')
		when[10] = ' ';
	printf(_("  received:    %s (%s)\n"), when, channel_label(q.channel));
	if (q.org_id) {
		printf(_("  org:         #%lld "), q.org_id);
		cli_put(stdout, q.org_name);
		printf(" (%s, %s)\n", q.municipality ? q.municipality : "", org_type_ja[q.org_type]);
	}
	const struct { const char *label, *value; } rows[] = {
		{ _("  contact:     "), q.contact_name }, { _("  phone:       "), q.contact_phone },
		{ _("  topic:       "), inquiry_topic_label(q.topic, i18n_japanese()) },
		{ _("  staff:       "), q.staff_name }, { _("  referred to: "), q.referred_to },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		if (rows[i].value && *rows[i].value) {
			fputs(rows[i].label, stdout);
			cli_put(stdout, rows[i].value);
			putchar('\n');
		}
	if (q.due_day) {
		int left = q.due_day - clock_today(&app->clock);
		printf(_("  follow-up:   %s"), date_format(q.due_day, due));
		if (q.status != IS_CLOSED) {
			if (left < 0)
				printf(_(" (overdue by %d days)"), -left);
			else if (left == 0)
				printf(_(" (today)"));
			else
				printf(_(" (in %d days)"), left);
		}
		putchar('\n');
	}
	printf(_("  summary:\n"));
	put_multi("    ", q.summary);
	if (db_inquiry_appt_ids(app->db, id, print_linked_appt, app, &app->err) < 0)
		goto fail;
	struct app_filter af;
	app_filter_init(&af);
	af.inquiry_id = id;
	if (db_application_each(app->db, &af, print_linked_app, NULL, &app->err) < 0)
		goto fail;
	if (q.n_notes) {
		printf(_("notes:\n"));
		if (db_inquiry_note_each(app->db, id, print_note, NULL, &app->err) < 0)
			goto fail;
	}
	inquiry_release(&q);
	return 0;
fail:
	inquiry_release(&q);
	return cli_fail(app);
}

/* inquiry edit ID [--field value...]: what the inquiry screen's edit
 * does; an empty value clears an optional field. */
static int inquiry_edit_cmd(struct app *app, int argc, char **argv)
{
	struct inquiry_req r = { 0 };
	struct inquiry_result res;
	int rc, n = parse_fields(argc, argv, &r);

	if (n < 0)
		return 2;
	if ((rc = one_id(app, argc, argv, &r.id)))
		return rc;
	if (optind < argc)
		return cli_usage(app, CMD, _("unexpected argument '%s'"), argv[optind]);
	if (!n)
		return cli_usage(app, CMD, _("inquiry edit ID needs at least one --field to change"));
	if (inquiry_request(&app->desk, &r, &res, &app->err) < 0)
		return cli_fail(app);
	if (res.changed)
		printf(_("inquiry #%lld saved\n"), r.id);
	else
		printf(_("inquiry #%lld unchanged\n"), r.id);
	return 0;
}

static int inquiry_note_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "staff", required_argument, NULL, 'S' }, { NULL, 0, NULL, 0 }
	};
	const char *staff = NULL;
	long long id, note_id;
	int c, rc;

	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'S': staff = optarg; break;
		default: return 2;
		}
	}
	if ((rc = one_id(app, argc, argv, &id)))
		return rc;
	if (optind + 1 != argc)
		return cli_usage(app, CMD, _("inquiry note ID TEXT: one text is required"));
	if (inquiry_note_add(&app->desk, id, staff, argv[optind], &note_id, &app->err) < 0)
		return cli_fail(app);
	printf(_("note added to inquiry #%lld\n"), id);
	return 0;
}

static int inquiry_status_cmd(struct app *app, int argc, char **argv, const char *fixed)
{
	long long id;
	int rc;
	const char *st = fixed;

	if (cli_getopt(argc, argv, no_opts, NULL) != -1)
		return 2;
	if ((rc = one_id(app, argc, argv, &id)))
		return rc;
	if (!fixed) {
		if (optind + 1 != argc)
			return cli_usage(app, CMD, _("inquiry status ID open|waiting|closed"));
		st = argv[optind];
	} else if (optind != argc) {
		return cli_usage(app, CMD, _("unexpected argument '%s'"), argv[optind]);
	}
	if (inquiry_set_status(&app->desk, id, st, &app->err) < 0)
		return cli_fail(app);
	printf(_("inquiry #%lld is %s\n"), id, inq_status_code[model_lookup(inq_status_code, IS_COUNT, st)]);
	return 0;
}

static int inquiry_book_cmd(struct app *app, int argc, char **argv)
{
	struct appt_req r = { 0 };
	struct appt_result res;
	struct strbuf topics = STRBUF_INIT;
	int rc;

	if ((rc = cli_book_parse(argc, argv, &r, &topics)))
		goto out;
	if (optind >= argc) {
		rc = cli_usage(app, CMD, _("one inquiry id is required"));
		goto out;
	}
	r.inquiry = argv[optind];
	if (optind + 1 < argc) {
		rc = cli_usage(app, CMD, _("unexpected argument '%s'"), argv[optind + 1]);
		goto out;
	}
	if (!r.date || !r.start) {
		rc = cli_usage(app, CMD, _("inquiry book needs --date and --start"));
		goto out;
	}
	if (appt_request(&app->desk, &r, &res, &app->err) < 0) {
		rc = cli_book_refused(app);
		goto out;
	}
	printf("%lld\n", res.id);
	rc = 0;
out:
	strbuf_release(&topics);
	return rc;
}

static int inquiry_apply_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "program", required_argument, NULL, 'P' }, { "received", required_argument, NULL, 'r' },
		{ "status", required_argument, NULL, 'x' }, { "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	const char *program = NULL, *received = NULL, *status = NULL;
	struct application a;
	long long id, program_id;
	int c, rc = 2;

	memset(&a, 0, sizeof a);
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'P': program = optarg; break;
		case 'r': received = optarg; break;
		case 'x': status = optarg; break;
		case 'n': free(a.note); a.note = xstrdup(optarg); break;
		default: goto out;
		}
	}
	if ((rc = one_id(app, argc, argv, &id)))
		goto out;
	rc = 2;
	if (optind < argc) {
		rc = cli_usage(app, CMD, _("unexpected argument '%s'"), argv[optind]);
		goto out;
	}
	if (!program) {
		rc = cli_usage(app, CMD, _("inquiry apply needs --program"));
		goto out;
	}
	if (status && (rc = cli_app_status(app, CMD, status, &a.status)))
		goto out;
	if (program_resolve(&app->desk, program, &program_id, &app->err) < 0 ||
	    (received && cli_date(app, received, &a.received) < 0) ||
	    inquiry_apply(&app->desk, id, program_id, &a, &app->err) < 0) {
		rc = cli_fail(app);
		goto out;
	}
	printf("%lld\n", a.id);
	rc = 0;
out:
	application_release(&a);
	return rc;
}

static int inquiry_set_status_cmd(struct app *app, int argc, char **argv)
{
	return inquiry_status_cmd(app, argc, argv, NULL);
}

static int inquiry_close_cmd(struct app *app, int argc, char **argv)
{
	return inquiry_status_cmd(app, argc, argv, inq_status_code[IS_CLOSED]);
}

int cli_inquiry(struct app *app, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", inquiry_add_cmd }, { "list", inquiry_list_cmd }, { "show", inquiry_show_cmd },
		{ "note", inquiry_note_cmd }, { "edit", inquiry_edit_cmd },
		{ "status", inquiry_set_status_cmd }, { "close", inquiry_close_cmd },
		{ "book", inquiry_book_cmd }, { "apply", inquiry_apply_cmd }, { NULL, NULL }
	};

	return cli_dispatch(app, CMD, subs, argc, argv);
}
