/* The operator's commands on the database as a whole: backup, restore,
 * retention of personal data, and the integrity check. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli/cli_cmds.h"
#include "db/db_admin.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/mem.h"

int cli_backup(struct app *app, int argc, char **argv)
{
	struct stat sb;

	if (argc != 2 || !*argv[1])
		return cli_usage(app, "backup", _("one backup file name is required"));
	if (db_backup(app->db, argv[1], &app->err) < 0)
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
	if (db_restore(app->db_path, argv[1], had ? keep : NULL, &app->err) < 0) {
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
	       db_schema_version(app->db));
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
	const char *before = NULL;
	long days = -1;
	bool dry = false;
	int c, today = clock_today(&app->clock), cutoff;
	char date[DATE_STRLEN];
	struct db_retention r;

	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'o': {
			char *end;
			days = strtol(optarg, &end, 10);
			if (!*optarg || *end || days < 1 || days > 36500)
				return cli_usage(app, "retention", _("--older-than: '%s' is not a number of days 1-36500"),
						 optarg);
			break;
		}
		case 'b': before = optarg; break;
		case 'n': dry = true; break;
		default: return 2;
		}
	}
	if (optind < argc)
		return cli_usage(app, "retention", _("unexpected argument '%s'"), argv[optind]);
	if (before && days >= 0)
		return cli_usage(app, "retention", _("give --older-than or --before, not both"));
	if (before) {
		if (cli_date(app, before, &cutoff) < 0)
			return cli_fail(app);
	} else {
		if (days < 0)
			days = app->cfg.retention_days;
		if (days <= 0)
			return cli_usage(app, "retention",
					 _("give --older-than DAYS or --before DATE, or set retention_days in the config"));
		cutoff = today - (int)days;
	}
	if (cutoff > today)
		return cli_usage(app, "retention", _("--before %s is in the future; retention only removes the past"),
				 date_format(cutoff, date));
	date_format(cutoff, date);
	if (db_retention(app->db, date, dry, &r, &app->err) < 0)
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
	printf(_("  audit rows of those deleted:   %lld\n"), r.audit_rows);
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
	n = db_integrity(app->db, print_problem, &shown, &app->err);
	if (n < 0)
		return cli_fail(app);
	if (n > 0) {
		fprintf(stderr, _("madoguchi: %s is damaged (%d problems); restore a backup with 'madoguchi restore FILE'\n"),
			app->db_path, n);
		return 3;
	}
	printf(_("ok: %s passes the integrity check (schema %d)\n"), app->db_path,
	       db_schema_version(app->db));
	return 0;
}
