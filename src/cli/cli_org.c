/* Commands on organizations and desk staff. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>
#include "cli/cli_cmds.h"
#include "core/org.h"
#include "db/db_appt.h"
#include "db/db_org.h"
#include "util/i18n.h"
#include "util/text.h"

struct org_list {
	bool tsv;
	int n;
};

static int print_org(const struct org *o, void *arg)
{
	struct org_list *l = arg;

	if (l->tsv) {
		printf("%lld\t", o->id);
		const char *f[] = { o->name, o->kana, org_type_code[o->type], o->municipality,
				    o->phone, o->email };
		for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
			cli_put(stdout, f[i] ? f[i] : "");
			putchar(i + 1 < sizeof f / sizeof f[0] ? '\t' : '\n');
		}
	} else {
		printf("#%-5lld ", o->id);
		cli_pad(stdout, o->name, 34);
		putchar(' ');
		cli_pad(stdout, o->municipality, 10);
		putchar(' ');
		cli_put(stdout, org_type_ja[o->type]);
		putchar('\n');
	}
	l->n++;
	return 0;
}

static int org_add(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' }, { "kana", required_argument, NULL, 'k' },
		{ "type", required_argument, NULL, 't' }, { "municipality", required_argument, NULL, 'm' },
		{ "phone", required_argument, NULL, 'p' }, { "email", required_argument, NULL, 'e' },
		{ "address", required_argument, NULL, 'a' }, { "note", required_argument, NULL, 'N' },
		{ NULL, 0, NULL, 0 }
	};
	struct org_req r = { 0 };
	struct org_result res;
	int c;

	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'n': r.name = optarg; break;
		case 'k': r.kana = optarg; break;
		case 't': r.type = optarg; break;
		case 'm': r.municipality = optarg; break;
		case 'p': r.phone = optarg; break;
		case 'e': r.email = optarg; break;
		case 'a': r.address = optarg; break;
		case 'N': r.note = optarg; break;
		default: return 2;
		}
	}
	if (optind < argc)
		return cli_usage(app, "org", _("unexpected argument '%s'"), argv[optind]);
	if (!r.name || !r.type || !r.municipality)
		return cli_usage(app, "org", _("--name, --type and --municipality are required"));
	if (org_request(&app->desk, &r, &res, &app->err) < 0)
		return cli_fail(app);
	printf("%lld\n", res.id);
	return 0;
}

static int org_show(struct app *app, const char *s)
{
	struct org o;
	long long id;
	struct appt_filter f;

	if (cli_org(app, s, &id) < 0 || db_org_get(app->db, id, &o, &app->err) < 0)
		return cli_fail(app);
	printf(_("organization #%lld\n"), o.id);
	const struct { const char *label, *value; } rows[] = {
		{ _("  name:         "), o.name }, { _("  reading:      "), o.kana },
		{ _("  type:         "), org_type_ja[o.type] },
		{ _("  municipality: "), o.municipality }, { _("  phone:        "), o.phone },
		{ _("  e-mail:       "), o.email }, { _("  address:      "), o.address },
		{ _("  note:         "), o.note },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		if (rows[i].value && *rows[i].value) {
			fputs(rows[i].label, stdout);
			cli_put(stdout, rows[i].value);
			putchar('\n');
		}
	appt_filter_init(&f);
	f.org_id = o.id;
	f.include_cancelled = true;
	int n = db_appt_each(app->db, &f, NULL, NULL, &app->err);
	if (n >= 0)
		printf(_("  appointments: %d\n"), n);
	org_release(&o);
	return n < 0 ? cli_fail(app) : 0;
}

int cli_org_cmd(struct app *app, int argc, char **argv)
{
	struct org_list l = { false, 0 };
	const char *query = NULL;

	if (argc < 2)
		return cli_usage(app, "org", _("org add|list|search|show"));
	if (!strcmp(argv[1], "add"))
		return org_add(app, argc - 1, argv + 1);
	if (!strcmp(argv[1], "show")) {
		if (argc != 3)
			return cli_usage(app, "org", _("org show ID|NAME"));
		return org_show(app, argv[2]);
	}
	if (strcmp(argv[1], "list") && strcmp(argv[1], "search"))
		return cli_usage(app, "org", _("unknown org command '%s'"), argv[1]);
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--tsv"))
			l.tsv = true;
		else if (!query && !strcmp(argv[1], "search"))
			query = argv[i];
		else
			return cli_usage(app, "org", _("unexpected argument '%s'"), argv[i]);
	}
	if (!strcmp(argv[1], "search") && !query)
		return cli_usage(app, "org", _("org search TEXT"));
	if (db_org_search(app->db, query ? query : "", 0, print_org, &l, &app->err) < 0)
		return cli_fail(app);
	if (!l.tsv && l.n == 0)
		printf(_("no organizations\n"));
	return 0;
}

static int print_staff(const struct staff *s, void *arg)
{
	bool tsv = *(bool *)arg;

	if (tsv) {
		printf("%lld\t", s->id);
		cli_put(stdout, s->name);
		printf("\t");
		cli_put(stdout, s->kana);
		printf("\t%s\t%s\n", s->desk, s->active ? "active" : "retired");
	} else {
		printf("#%-3lld ", s->id);
		cli_pad(stdout, s->name, 16);
		printf(" %-8s %s\n", s->desk, s->active ? "" : _("(not active)"));
	}
	return 0;
}

int cli_staff_cmd(struct app *app, int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "add")) {
		static const struct option opts[] = {
			{ "kana", required_argument, NULL, 'k' }, { "desk", required_argument, NULL, 'd' },
			{ NULL, 0, NULL, 0 }
		};
		const char *kana = "", *desk = "general";
		long long id;
		int c;

		argc--;
		argv++;
		while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
			switch (c) {
			case 'k': kana = optarg; break;
			case 'd': desk = optarg; break;
			default: return 2;
			}
		}
		if (optind + 1 != argc)
			return cli_usage(app, "staff", _("staff add NAME"));
		if (staff_add(&app->desk, argv[optind], kana, desk, &id, &app->err) < 0)
			return cli_fail(app);
		printf("%lld\n", id);
		return 0;
	}
	if (argc >= 2 && !strcmp(argv[1], "link"))
		return cli_staff_link(app, argc - 1, argv + 1);
	if (argc == 3 && (!strcmp(argv[1], "retire") || !strcmp(argv[1], "return"))) {
		if (staff_set_active(&app->desk, argv[2], !strcmp(argv[1], "return"), &app->err) < 0)
			return cli_fail(app);
		return 0;
	}
	if (argc >= 2 && !strcmp(argv[1], "list")) {
		bool tsv = false, all = false;
		for (int i = 2; i < argc; i++) {
			if (!strcmp(argv[i], "--tsv"))
				tsv = true;
			else if (!strcmp(argv[i], "--all"))
				all = true;
			else
				return cli_usage(app, "staff", _("unexpected argument '%s'"), argv[i]);
		}
		if (db_staff_list(app->db, !all, print_staff, &tsv, &app->err) < 0)
			return cli_fail(app);
		return 0;
	}
	return cli_usage(app, "staff", _("staff add|list|retire|return"));
}
