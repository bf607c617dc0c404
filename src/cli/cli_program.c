/* Programs, their events, and applications on the command line:
 * program add|list|show|event add, application add|list|show|status|check. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>
#include "cli/cli_cmds.h"
#include "core/program.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/jdate.h"
#include "util/text.h"

static const struct option no_opts[] = { { NULL, 0, NULL, 0 } };

static int parse_count(struct app *app, const char *cmd, const char *opt, const char *s, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (!*s || *end || v < 0 || v > 1000000)
		return cli_usage(app, cmd, _("%s: '%s' is not a number 0-1000000"), opt, s);
	*out = (int)v;
	return 0;
}

int cli_app_status(struct app *app, const char *cmd, const char *s, enum app_status *out)
{
	static const char *const ja[AS_COUNT] = { "相談中", "申込済", "審査中", "選定", "不選定", "辞退" };
	int k = model_lookup3(app_status_code, NULL, ja, AS_COUNT, s);

	if (k < 0)
		return cli_usage(app, cmd,
				 _("'%s' is not a status (consulting, applied, screening, selected, not_selected, withdrawn)"),
				 s ? s : "");
	*out = (enum app_status)k;
	return 0;
}

static char *day_str(int day, char *buf)
{
	if (!day) {
		strcpy(buf, "-");
		return buf;
	}
	return date_format(day, buf);
}

static int program_add_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' }, { "kind", required_argument, NULL, 'k' },
		{ "desk-from", required_argument, NULL, 'f' }, { "desk-to", required_argument, NULL, 't' },
		{ "deadline", required_argument, NULL, 'd' }, { "cap", required_argument, NULL, 'c' },
		{ "item", required_argument, NULL, 'i' }, { "note", required_argument, NULL, 'N' },
		{ "outside-ok", no_argument, NULL, 'o' }, { NULL, 0, NULL, 0 }
	};
	const char *from = NULL, *to = NULL, *deadline = NULL;
	const char **items = NULL;
	size_t n_items = 0;
	struct program p;
	int c, rc = 2;

	memset(&p, 0, sizeof p);
	p.cap = -1;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'n': free(p.name); p.name = xstrdup(optarg); break;
		case 'k': free(p.kind); p.kind = xstrdup(optarg); break;
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		case 'd': deadline = optarg; break;
		case 'c':
			if ((rc = parse_count(app, "program", "--cap", optarg, &p.cap)))
				goto out;
			break;
		case 'i':
			items = xrealloc(items, (n_items + 1) * sizeof *items);
			items[n_items++] = optarg;
			break;
		case 'N': free(p.note); p.note = xstrdup(optarg); break;
		case 'o': p.outside_ok = true; break;
		default: rc = 2; goto out;
		}
	}
	rc = 2;
	if (optind < argc) {
		rc = cli_usage(app, "program", _("unexpected argument '%s'"), argv[optind]);
		goto out;
	}
	if (!p.name) {
		rc = cli_usage(app, "program", _("program add needs --name"));
		goto out;
	}
	if ((from && cli_date(app, from, &p.desk_from) < 0) || (to && cli_date(app, to, &p.desk_to) < 0) ||
	    (deadline && cli_date(app, deadline, &p.deadline) < 0) ||
	    program_add(&app->desk, &p, items, n_items, &app->err) < 0) {
		rc = cli_fail(app);
		goto out;
	}
	printf("%lld\n", p.id);
	rc = 0;
out:
	free(items);
	program_release(&p);
	return rc;
}

static int print_program(const struct program *p, void *arg)
{
	bool tsv = *(bool *)arg;
	char d1[DATE_STRLEN], d2[DATE_STRLEN], d3[DATE_STRLEN];
	char cap[16];

	if (p->cap >= 0)
		snprintf(cap, sizeof cap, "%d", p->cap);
	else
		strcpy(cap, tsv ? "" : "-");
	if (tsv) {
		printf("%lld\t", p->id);
		cli_put(stdout, p->name);
		putchar('\t');
		cli_put(stdout, p->kind);
		printf("\t%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\n", p->desk_from ? date_format(p->desk_from, d1) : "",
		       p->desk_to ? date_format(p->desk_to, d2) : "",
		       p->deadline ? date_format(p->deadline, d3) : "", cap, p->n_applications,
		       p->n_selected, p->n_events, p->outside_ok);
		return 0;
	}
	printf("#%-4lld ", p->id);
	cli_pad(stdout, p->name, 44);
	printf(_(" deadline %s  selected %d/%s  applications %d  events %d\n"),
	       day_str(p->deadline, d3), p->n_selected, cap, p->n_applications, p->n_events);
	return 0;
}

static int program_list_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = { { "tsv", no_argument, NULL, 'T' }, { NULL, 0, NULL, 0 } };
	bool tsv = false;
	int c, n;

	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		if (c != 'T')
			return 2;
		tsv = true;
	}
	if (optind < argc)
		return cli_usage(app, "program", _("unexpected argument '%s'"), argv[optind]);
	if ((n = db_program_each(app->db, print_program, &tsv, &app->err)) < 0)
		return cli_fail(app);
	if (!tsv && n == 0)
		printf(_("no programs\n"));
	return 0;
}

static int print_event(const struct program_event *ev, void *arg)
{
	char d[DATE_STRLEN], t1[6], t2[6];

	(void)arg;
	printf("  #%-4lld %s(%s) ", ev->id, date_format(ev->day, d), jdate_wday(date_wday(ev->day)));
	if (ev->start_min >= 0)
		printf("%s-%s ", time_format(ev->start_min, t1), time_format(ev->end_min, t2));
	cli_put(stdout, ev->title);
	if (ev->place) {
		fputs(" @ ", stdout);
		cli_put(stdout, ev->place);
	}
	if (ev->capacity >= 0)
		printf(_(", capacity %d"), ev->capacity);
	if (ev->reg_deadline)
		printf(_(", register by %s"), date_format(ev->reg_deadline, d));
	putchar('\n');
	return 0;
}

static int print_app_line(const struct application *a, void *arg)
{
	char d[DATE_STRLEN];

	(void)arg;
	printf("  #%-4lld ", a->id);
	cli_pad(stdout, a->org_name, 32);
	printf(" %-12s %s  %d/%d\n", app_status_code[a->status], day_str(a->received, d), a->n_done,
	       a->n_items);
	return 0;
}

static int print_item_name(const char *item, void *arg)
{
	int *n = arg;

	printf("%s", (*n)++ ? ", " : "");
	cli_put(stdout, item);
	return 0;
}

static int program_show_cmd(struct app *app, int argc, char **argv)
{
	struct program p;
	struct app_filter f;
	long long id;
	char d1[DATE_STRLEN], d2[DATE_STRLEN];
	int n = 0;

	if (cli_getopt(argc, argv, no_opts, NULL) != -1)
		return 2;
	if (optind + 1 != argc)
		return cli_usage(app, "program", _("program show ID|NAME"));
	if (program_resolve(&app->desk, argv[optind], &id, &app->err) < 0 ||
	    db_program_get(app->db, id, &p, &app->err) < 0)
		return cli_fail(app);
	printf(_("program #%lld "), p.id);
	cli_put(stdout, p.name);
	printf(" (%s)\n", p.kind);
	if (p.desk_from || p.desk_to)
		printf(_("  desk period: %s to %s\n"), day_str(p.desk_from, d1), day_str(p.desk_to, d2));
	if (p.deadline) {
		int left = p.deadline - clock_today(&app->clock);
		printf(_("  deadline:    %s"), date_format(p.deadline, d1));
		if (left >= 0)
			printf(_(" (%d days left)"), left);
		putchar('\n');
	}
	if (p.cap >= 0)
		printf(_("  selected:    %d of %d (cap)\n"), p.n_selected, p.cap);
	else
		printf(_("  selected:    %d (no cap)\n"), p.n_selected);
	if (p.outside_ok)
		printf(_("  organizations outside Tokyo may apply\n"));
	printf(_("  checklist:   %s, %s"), APP_ITEM_FORM, APP_ITEM_PAPERS);
	n = 2;
	if (db_program_item_each(app->db, p.id, print_item_name, &n, &app->err) < 0)
		goto fail;
	putchar('\n');
	if (p.note && *p.note) {
		printf(_("  note:\n"));
		struct strbuf sb = STRBUF_INIT;
		text_sanitize(&sb, p.note, true);
		printf("    %s\n", strbuf_str(&sb));
		strbuf_release(&sb);
	}
	printf(_("events (%d):\n"), p.n_events);
	if (db_event_each(app->db, p.id, print_event, NULL, &app->err) < 0)
		goto fail;
	printf(_("applications (%d):\n"), p.n_applications);
	app_filter_init(&f);
	f.program_id = p.id;
	if (db_application_each(app->db, &f, print_app_line, NULL, &app->err) < 0)
		goto fail;
	program_release(&p);
	return 0;
fail:
	program_release(&p);
	return cli_fail(app);
}

static int program_event_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "title", required_argument, NULL, 'T' }, { "date", required_argument, NULL, 'd' },
		{ "start", required_argument, NULL, 's' }, { "end", required_argument, NULL, 'e' },
		{ "place", required_argument, NULL, 'p' }, { "capacity", required_argument, NULL, 'c' },
		{ "reg-deadline", required_argument, NULL, 'r' }, { "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	const char *date = NULL, *start = NULL, *end = NULL, *reg = NULL;
	struct program_event ev;
	int c, rc = 2;

	memset(&ev, 0, sizeof ev);
	ev.start_min = ev.end_min = ev.capacity = -1;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'T': free(ev.title); ev.title = xstrdup(optarg); break;
		case 'd': date = optarg; break;
		case 's': start = optarg; break;
		case 'e': end = optarg; break;
		case 'p': free(ev.place); ev.place = xstrdup(optarg); break;
		case 'c':
			if ((rc = parse_count(app, "program", "--capacity", optarg, &ev.capacity)))
				goto out;
			break;
		case 'r': reg = optarg; break;
		case 'n': free(ev.note); ev.note = xstrdup(optarg); break;
		default: rc = 2; goto out;
		}
	}
	rc = 2;
	/* program event add PROGRAM ... */
	if (optind + 2 != argc || strcmp(argv[optind], "add")) {
		rc = cli_usage(app, "program", _("program event add PROGRAM --title T --date D ..."));
		goto out;
	}
	if (!ev.title || !date) {
		rc = cli_usage(app, "program", _("program event add needs --title and --date"));
		goto out;
	}
	if (program_resolve(&app->desk, argv[optind + 1], &ev.program_id, &app->err) < 0 ||
	    cli_date(app, date, &ev.day) < 0 ||
	    (start && cli_time(app, start, &ev.start_min) < 0) ||
	    (reg && cli_date(app, reg, &ev.reg_deadline) < 0)) {
		rc = cli_fail(app);
		goto out;
	}
	if (end && (time_parse(end, &ev.end_min, true) < 0 || ev.end_min == 0)) {
		err_set(&app->err, ERR_INPUT, _("'%s' is not a time of day (HH:MM, 00:01-24:00)"), end);
		rc = cli_fail(app);
		goto out;
	}
	if (program_event_add(&app->desk, &ev, &app->err) < 0) {
		rc = cli_fail(app);
		goto out;
	}
	printf("%lld\n", ev.id);
	rc = 0;
out:
	program_event_release(&ev);
	return rc;
}

int cli_program(struct app *app, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", program_add_cmd }, { "list", program_list_cmd },
		{ "show", program_show_cmd }, { "event", program_event_cmd }, { NULL, NULL }
	};

	return cli_dispatch(app, "program", subs, argc, argv);
}

static int application_add_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "program", required_argument, NULL, 'P' }, { "org", required_argument, NULL, 'o' },
		{ "received", required_argument, NULL, 'r' }, { "status", required_argument, NULL, 'x' },
		{ "inquiry", required_argument, NULL, 'i' }, { "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	const char *program = NULL, *org = NULL, *received = NULL;
	struct application a;
	int c, rc = 2;

	memset(&a, 0, sizeof a);
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'P': program = optarg; break;
		case 'o': org = optarg; break;
		case 'r': received = optarg; break;
		case 'x':
			if ((rc = cli_app_status(app, "application", optarg, &a.status)))
				goto out;
			break;
		case 'i':
			if (cli_id(app, optarg, "--inquiry", &a.inquiry_id) < 0) {
				rc = cli_fail(app);
				goto out;
			}
			break;
		case 'n': free(a.note); a.note = xstrdup(optarg); break;
		default: rc = 2; goto out;
		}
	}
	rc = 2;
	if (optind < argc) {
		rc = cli_usage(app, "application", _("unexpected argument '%s'"), argv[optind]);
		goto out;
	}
	if (!program || !org) {
		rc = cli_usage(app, "application", _("application add needs --program and --org"));
		goto out;
	}
	if (program_resolve(&app->desk, program, &a.program_id, &app->err) < 0 ||
	    cli_org(app, org, &a.org_id) < 0 ||
	    (received && cli_date(app, received, &a.received) < 0) ||
	    program_apply(&app->desk, &a, &app->err) < 0) {
		rc = cli_fail(app);
		goto out;
	}
	printf("%lld\n", a.id);
	rc = 0;
out:
	application_release(&a);
	return rc;
}

static int print_application(const struct application *a, void *arg)
{
	bool tsv = *(bool *)arg;
	char d[DATE_STRLEN];

	if (tsv) {
		printf("%lld\t%lld\t", a->id, a->program_id);
		cli_put(stdout, a->program_name);
		printf("\t%lld\t", a->org_id);
		cli_put(stdout, a->org_name);
		printf("\t%s\t%s\t%s\t%d\t%d\t", a->municipality ? a->municipality : "",
		       a->received ? date_format(a->received, d) : "", app_status_code[a->status],
		       a->n_done, a->n_items);
		if (a->inquiry_id)
			printf("%lld", a->inquiry_id);
		putchar('\n');
		return 0;
	}
	printf("#%-4lld ", a->id);
	cli_pad(stdout, a->program_name, 36);
	putchar(' ');
	cli_pad(stdout, a->org_name, 30);
	printf(" %-12s %s  %d/%d\n", app_status_code[a->status], day_str(a->received, d),
	       a->n_done, a->n_items);
	return 0;
}

static int application_list_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "program", required_argument, NULL, 'P' }, { "status", required_argument, NULL, 'x' },
		{ "org", required_argument, NULL, 'o' }, { "tsv", no_argument, NULL, 'T' },
		{ NULL, 0, NULL, 0 }
	};
	const char *program = NULL, *org = NULL;
	struct app_filter f;
	bool tsv = false;
	int c, n, rc;
	enum app_status st;

	app_filter_init(&f);
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'P': program = optarg; break;
		case 'o': org = optarg; break;
		case 'x':
			if ((rc = cli_app_status(app, "application", optarg, &st)))
				return rc;
			f.status = st;
			break;
		case 'T': tsv = true; break;
		default: return 2;
		}
	}
	if (optind < argc)
		return cli_usage(app, "application", _("unexpected argument '%s'"), argv[optind]);
	if ((program && program_resolve(&app->desk, program, &f.program_id, &app->err) < 0) ||
	    (org && cli_org(app, org, &f.org_id) < 0))
		return cli_fail(app);
	if ((n = db_application_each(app->db, &f, print_application, &tsv, &app->err)) < 0)
		return cli_fail(app);
	if (!tsv && n == 0)
		printf(_("no applications\n"));
	return 0;
}

static int print_item(const struct app_item *it, void *arg)
{
	char d[DATE_STRLEN];

	(void)arg;
	printf("  [%s] ", it->done ? "x" : " ");
	cli_put(stdout, it->item);
	if (it->done && it->done_on)
		printf(" (%s)", date_format(it->done_on, d));
	putchar('\n');
	return 0;
}

static int application_id(struct app *app, int argc, char **argv, long long *id)
{
	if (optind >= argc)
		return cli_usage(app, "application", _("an application id is required"));
	if (cli_id(app, argv[optind], _("application"), id) < 0)
		return cli_fail(app);
	optind++;
	return 0;
}

static int application_show_cmd(struct app *app, int argc, char **argv)
{
	struct application a;
	long long id;
	char d[DATE_STRLEN];
	int rc;

	if (cli_getopt(argc, argv, no_opts, NULL) != -1)
		return 2;
	if ((rc = application_id(app, argc, argv, &id)))
		return rc;
	if (optind < argc)
		return cli_usage(app, "application", _("unexpected argument '%s'"), argv[optind]);
	if (db_application_get(app->db, id, &a, &app->err) < 0)
		return cli_fail(app);
	printf(_("application #%lld [%s]\n"), a.id, app_status_code[a.status]);
	printf(_("  program:  #%lld "), a.program_id);
	cli_put(stdout, a.program_name);
	if (a.program_deadline)
		printf(_(" (deadline %s)"), date_format(a.program_deadline, d));
	printf(_("\n  org:      #%lld "), a.org_id);
	cli_put(stdout, a.org_name);
	printf(" (%s, %s)\n", a.municipality ? a.municipality : "", org_type_ja[a.org_type]);
	printf(_("  received: %s\n"), day_str(a.received, d));
	if (a.inquiry_id)
		printf(_("  inquiry:  #%lld\n"), a.inquiry_id);
	if (a.note && *a.note) {
		fputs(_("  note:     "), stdout);
		cli_put(stdout, a.note);
		putchar('\n');
	}
	printf(_("checklist (%d of %d):\n"), a.n_done, a.n_items);
	rc = db_application_items(app->db, id, print_item, NULL, &app->err);
	application_release(&a);
	return rc < 0 ? cli_fail(app) : 0;
}

static int application_status_cmd(struct app *app, int argc, char **argv)
{
	enum app_status st;
	long long id;
	int rc;

	if (cli_getopt(argc, argv, no_opts, NULL) != -1)
		return 2;
	if ((rc = application_id(app, argc, argv, &id)))
		return rc;
	if (optind + 1 != argc)
		return cli_usage(app, "application", _("application status ID STATUS"));
	if ((rc = cli_app_status(app, "application", argv[optind], &st)))
		return rc;
	if (application_set_status(&app->desk, id, st, &app->err) < 0)
		return cli_fail(app);
	printf(_("application #%lld is %s\n"), id, app_status_code[st]);
	return 0;
}

static int application_check_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = { { "undo", no_argument, NULL, 'u' }, { NULL, 0, NULL, 0 } };
	bool undo = false;
	long long id;
	int c, rc;

	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		if (c != 'u')
			return 2;
		undo = true;
	}
	if ((rc = application_id(app, argc, argv, &id)))
		return rc;
	if (optind + 1 != argc)
		return cli_usage(app, "application", _("application check ID ITEM [--undo]"));
	if (application_check(&app->desk, id, argv[optind], !undo, &app->err) < 0)
		return cli_fail(app);
	printf(undo ? _("application #%lld: %s not done\n") : _("application #%lld: %s done\n"), id,
	       argv[optind]);
	return 0;
}

int cli_application(struct app *app, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", application_add_cmd }, { "list", application_list_cmd },
		{ "show", application_show_cmd }, { "status", application_status_cmd },
		{ "check", application_check_cmd }, { NULL, NULL }
	};

	return cli_dispatch(app, "application", subs, argc, argv);
}
