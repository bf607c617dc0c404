/* The operator's commands on the database as a whole: backup, restore,
 * retention of personal data, and the integrity check. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli/cli_cmds.h"
#include "core/admin.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/mem.h"

int cli_backup(struct app *app, int argc, char **argv)
{
	struct stat sb;

	if (argc != 2 || !*argv[1])
		return cli_usage(app, "backup", _("one backup file name is required"));
	if (admin_backup(&app->desk, argv[1], &app->err) < 0)
		return cli_fail(app);
	if (stat(argv[1], &sb) == 0)
		printf(_("backup written: %s (%lld bytes, mode 0600)\n"), argv[1], (long long)sb.st_size);
	return 0;
}

int cli_restore(struct app *app, int argc, char **argv)
{
	char *keep;
	struct stat sb;
	bool had = stat(app->db_path, &sb) == 0;

	if (argc != 2 || !*argv[1])
		return cli_usage(app, "restore", _("one backup file name is required"));
	keep = xasprintf("%s.before-restore", app->db_path);
	if (admin_restore(app->db_path, argv[1], had ? keep : NULL, &app->err) < 0) {
		free(keep);
		return cli_fail(app);
	}
	/* open it as every command does: an older copy is brought up to
	 * the current schema now */
	if (app_open_db(app, 0) < 0) {
		free(keep);
		return cli_fail(app);
	}
	printf(_("restored %s into %s (schema %d)\n"), argv[1], app->db_path,
	       admin_schema_version(&app->desk));
	if (had)
		printf(_("the database as it was is kept in %s (mode 0600)\n"), keep);
	free(keep);
	return 0;
}

int cli_retention(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "older-than", required_argument, NULL, 'o' }, { "before", required_argument, NULL, 'b' },
		{ "dry-run", no_argument, NULL, 'n' }, { NULL, 0, NULL, 0 }
	};
	const char *before = NULL, *older = NULL;
	bool dry = false;
	int c;
	char date[DATE_STRLEN];
	struct db_retention r;

	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'o': older = optarg; break;
		case 'b': before = optarg; break;
		case 'n': dry = true; break;
		default: return 2;
		}
	}
	if (optind < argc)
		return cli_usage(app, "retention", _("unexpected argument '%s'"), argv[optind]);
	if (admin_retention(&app->desk, older, before, dry, &r, date, &app->err) < 0)
		return cli_fail(app);
	printf(dry ? _("would remove personal data of records before %s:\n")
		   : _("removed personal data of records before %s:\n"), date);
	printf(_("  appointments (note, contact):  %lld\n"), r.appointments);
	printf(_("  inquiries (summary, contact):  %lld\n"), r.inquiries);
	printf(_("  inquiry notes:                 %lld\n"), r.inquiry_notes);
	printf(_("  application notes:             %lld\n"), r.applications);
	printf(_("  contact persons deleted:       %lld\n"), r.contacts);
	printf(_("  individuals made anonymous:    %lld\n"), r.individuals);
	printf(_("  extra form values deleted:     %lld\n"), r.extra_values);
	printf(_("dates, channels, topics, statuses and organizations stay, so reports count the same.\n"));
	return 0;
}

static void print_problem(const char *line, void *arg)
{
	int *n = arg;

	if (++*n <= 100) {
		fputs("  ", stdout);
		cli_put(stdout, line);
		putchar('\n');
	}
}

int cli_check(struct app *app, int argc, char **argv)
{
	int shown = 0, n;

	(void)argv;
	if (argc != 1)
		return cli_usage(app, "check", _("check takes no arguments"));
	n = admin_check(&app->desk, print_problem, &shown, &app->err);
	if (n < 0)
		return cli_fail(app);
	if (n > 0) {
		fprintf(stderr, _("madoguchi: %s is damaged (%d problems); restore a backup with 'madoguchi restore FILE'\n"),
			app->db_path, n);
		return 3;
	}
	printf(_("ok: %s passes the integrity check (schema %d)\n"), app->db_path,
	       admin_schema_version(&app->desk));
	return 0;
}
