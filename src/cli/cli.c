#include "cli/cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli_cmds.h"
#include "core/resolve.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/text.h"

#define RW DB_CREATE

static const struct cli_cmd commands[] = {
	{ "init", cli_init, RW, "init", N_("create the database (or bring its schema up to date)") },
	{ "demo", cli_demo, RW, "demo", N_("fill the database with a living demo desk around today") },
	{ "book", cli_book, 0,
	  "book --date D --start HH:MM [--minutes N] --channel phone|visit --org NAME|ID\n"
	  "         [--via phone|email|in-person] [--contact NAME] [--phone TEL] [--email ADDR]\n"
	  "         [--staff NAME] [--room R] [--topic T]... [--note TEXT] [--inquiry ID]\n"
	  "         [--override REASON] [--mail|--no-mail]",
	  N_("book an appointment; prints its id") },
	{ "day", cli_day, 0, "day [--date D] [--staff NAME] [--tsv]", N_("list a day's appointments") },
	{ "agenda", cli_agenda, 0,
	  "agenda [--from D] [--to D] [--staff NAME] [--org NAME|ID] [--search TEXT] [--all] [--tsv]",
	  N_("list appointments of a date range") },
	{ "show", cli_show, 0, "show ID", N_("show one appointment in full") },
	{ "move", cli_move, 0,
	  "move ID [--date D] [--start HH:MM] [--minutes N] [--staff NAME] [--room R]\n"
	  "         [--channel phone|visit] [--override REASON] [--mail|--no-mail]",
	  N_("move an appointment to another slot, staff member, room or channel") },
	{ "edit", cli_edit, 0, "edit ID [any option of book] [--mail|--no-mail]",
	  N_("change an appointment: what is given changes, the rules are checked again") },
	{ "cancel", cli_cancel, 0, "cancel ID [--mail|--no-mail]", N_("cancel an appointment") },
	{ "done", cli_done, 0, "done ID", N_("mark an appointment done") },
	{ "no-show", cli_noshow, 0, "no-show ID", N_("mark an appointment a no-show") },
	{ "rebook", cli_rebook, 0, "rebook ID [--mail|--no-mail]",
	  N_("set an appointment back to booked (a wrong done, no-show or cancel)") },
	{ "org", cli_org_cmd, 0,
	  "org add --name NAME [--kana READING] --type TYPE --municipality M [--phone TEL]\n"
	  "         [--email ADDR] [--address A] [--note TEXT]\n"
	  "    org list [--tsv] | org search TEXT [--tsv] | org show ID",
	  N_("organizations: add, list, search (name or kana reading), show") },
	{ "staff", cli_staff_cmd, 0,
	  "staff add NAME [--kana READING] [--desk general|content] | staff list [--all] [--tsv]\n"
	  "    staff retire NAME | staff return NAME | staff link NAME --account LOGIN",
	  N_("desk staff") },
	{ "holidays", cli_holidays, -1, "holidays [--year Y] [--tsv]",
	  N_("Japanese national holidays of a year, date and name per line") },
	{ "closed", cli_closed, 0, "closed [--from D] [--to D] | closed add D REASON | closed remove D",
	  N_("days the desk is closed, and the desk's own closed days") },
	{ "inquiry", cli_inquiry, 0,
	  "inquiry add --channel phone|email|visit|post [--org NAME|ID] [--contact NAME]\n"
	  "         [--phone TEL] [--email ADDR] --topic meeting|workshop|plan|direct|other\n"
	  "         --summary TEXT [--due D] [--staff NAME]\n"
	  "         [--referred-to TEXT] [--received YYYY-MM-DDTHH:MM] [--status S]\n"
	  "    inquiry list [--open] [--status S] [--channel C] [--staff NAME] [--org NAME|ID]\n"
	  "         [--topic T] [--from D] [--to D] [--due-by D] [--overdue] [--search TEXT]\n"
	  "         [--limit N] [--tsv]\n"
	  "    inquiry show ID | inquiry note ID TEXT [--staff NAME]\n"
	  "    inquiry edit ID [--summary T] [--topic T] [--due D] [--staff NAME] [add options]\n"
	  "    inquiry status ID open|waiting|closed | inquiry close ID\n"
	  "    inquiry book ID --date D --start HH:MM [book options]\n"
	  "    inquiry apply ID --program NAME|ID [--received D] [--status S]",
	  N_("the inquiry log: calls, e-mails, visits, letters and their follow-ups") },
	{ "program", cli_program, 0,
	  "program add --name N [--kind K] [--desk-from D --desk-to D] [--deadline D] [--cap N]\n"
	  "         [--item ITEM]... [--outside-ok] [--note TEXT]\n"
	  "    program list [--tsv] | program show ID|NAME\n"
	  "    program event add PROGRAM --title T --date D [--start HH:MM --end HH:MM]\n"
	  "         [--place P] [--capacity N] [--reg-deadline D]",
	  N_("programs, their deadlines, caps and events") },
	{ "application", cli_application, 0,
	  "application add --program P --org O [--received D] [--status S] [--inquiry ID]\n"
	  "    application list [--program P] [--org O] [--status S] [--tsv]\n"
	  "    application show ID | application status ID STATUS\n"
	  "    application check ID ITEM [--undo]",
	  N_("applications to programs: cap and outside-Tokyo rules, document checklist") },
	{ "deadlines", cli_deadlines, 0, "deadlines [--within DAYS] [--from D] [--tsv]",
	  N_("every coming deadline by date, days left in calendar and desk days") },
	{ "report", cli_report, 0, "report --month YYYY-MM | --year YYYY | --fiscal-year YYYY [--csv]",
	  N_("counts of inquiries and appointments by channel, type, municipality, topic, status") },
	{ "backup", cli_backup, 0, "backup FILE",
	  N_("copy the database to FILE (mode 0600) while the desk keeps working") },
	{ "restore", cli_restore, -1, "restore FILE",
	  N_("check the copy FILE, then put it in place of the database (all desks closed)") },
	{ "retention", cli_retention, 0, "retention [--older-than DAYS | --before D] [--dry-run]",
	  N_("remove personal data of records older than DAYS (config retention_days); counts stay") },
	{ "check", cli_check, 0, "check", N_("check the database file for damage") },
	{ "setup", cli_setup, -1, "setup --group GROUP [--lead GROUP] DIR",
	  N_("make DIR a desk its staff share: the group's folder (2770), its database 0660") },
	{ "whoami", cli_whoami, 0, "whoami", N_("the account at the desk, its staff record and role") },
	{ "audit", cli_audit, 0, "audit [--table T] [--id N] [--limit N] [--tsv]",
	  N_("who changed what, newest first (accounts shown with their staff names)") },
	{ "export", cli_export, 0,
	  "export [--from D] [--to D] [--staff NAME] [--what appointments,events,deadlines,blocks]\n"
	  "         [--no-personal] [-o FILE]",
	  N_("write the desk calendar as iCalendar (.ics) to FILE or stdout") },
	{ "import", cli_import, 0, "import FILE.ics [--as events|blocks] [--staff NAME]",
	  N_("take a partner's calendar: its events become program events or staff blocks") },
	{ "print", cli_print, 0,
	  "print [--date D] [--staff NAME] [--format pdf|text] [--layout list|timetable]\n"
	  "         [--per-staff] [--no-personal] [--printer NAME] [-o FILE]",
	  N_("print a day's schedule (the A4 PDF to lp, or to FILE; -o - for stdout)") },
	{ "mail", cli_mail, 0,
	  "mail retry | mail queue | mail preview ID [--kind K] | mail send ID [--kind K]",
	  N_("letters to a booking's contact: send the queue again, list it, show or send one") },
	{ "remind", cli_remind, 0, "remind",
	  N_("e-mail a reminder for every booked visit of the next desk day (for cron)") },
};

void cli_help(FILE *out)
{
	fputs(_("Usage: madoguchi [--db PATH] [COMMAND [ARGS]]\n\n"
		"Without a command, opens the full-screen desk.\n\n"
		"Options:\n"
		"  --db PATH     the database (default $MADOGUCHI_DB, else\n"
		"                $XDG_DATA_HOME/madoguchi/desk.db)\n"
		"  --help        show this help\n"
		"  --version     show the version\n\n"
		"Commands:\n"), out);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  %s\n        %s\n", commands[i].usage, _(commands[i].help));
	fputs(_("\nExit codes: 0 done, 1 refused by a desk rule, 2 bad usage or input,\n"
		"3 database problem or the printer could not take the job.  Dates are YYYY-MM-DD\n"
		"(or today, tomorrow, +N).\n"), out);
}

int cli_fail(struct app *app)
{
	fprintf(stderr, "madoguchi: %s\n", app->err.msg[0] ? app->err.msg : _("failed"));
	return app->err.code ? (int)app->err.code : 3;
}

static const struct cli_cmd *find_cmd(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

int cli_usage(struct app *app, const char *cmd, const char *fmt, ...)
{
	const struct cli_cmd *c = find_cmd(cmd);
	va_list ap;

	(void)app;
	fputs("madoguchi: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (c)
		fprintf(stderr, _("usage: madoguchi %s\n"), c->usage);
	return 2;
}

int cli_getopt(int argc, char **argv, const struct option *opts, int *idx)
{
	return getopt_long(argc, argv, "", opts, idx);
}

int cli_main(struct app *app, int argc, char **argv)
{
	const struct cli_cmd *c = find_cmd(argv[0]);
	int rc;

	if (!c) {
		fprintf(stderr, _("madoguchi: unknown command '%s'; see madoguchi --help\n"),
			argv[0]);
		return 2;
	}
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			printf(_("usage: madoguchi %s\n  %s\n"), c->usage, _(c->help));
			return 0;
		}
	if (c->open >= 0 && app_open_db(app, c->open) < 0)
		return cli_fail(app);
	optind = 0;
	opterr = 1;
	rc = c->run(app, argc, argv);
	return rc;
}

int cli_dispatch(struct app *app, const char *cmd, const struct cli_sub *subs,
		 int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(app, cmd, _("%s needs a sub-command"), cmd);
	for (const struct cli_sub *s = subs; s->name; s++)
		if (!strcmp(s->name, argv[1])) {
			optind = 0;
			return s->run(app, argc - 1, argv + 1);
		}
	return cli_usage(app, cmd, _("unknown %s command '%s'"), cmd, argv[1]);
}

/* The command line's readers of typed values are core's (core/resolve.h),
 * so a value means the same here as on the screens. */
int cli_date(struct app *app, const char *s, int *day)
{
	if (!s)
		return err_set(&app->err, ERR_INPUT, _("a date is required"));
	return resolve_date(&app->desk, s, "date", false, day, &app->err);
}

int cli_time(struct app *app, const char *s, int *min)
{
	return resolve_time(s, "start", min, &app->err);
}

int cli_id(struct app *app, const char *s, const char *what, long long *id)
{
	return resolve_id(s, "id", what, id, &app->err);
}

int cli_org(struct app *app, const char *s, long long *id)
{
	return resolve_org(&app->desk, s, "org", id, &app->err);
}

int cli_staff(struct app *app, const char *s, long long *id)
{
	return resolve_staff(&app->desk, s, "staff", false, id, &app->err);
}

void cli_put(FILE *out, const char *s)
{
	char *t = text_safe(s ? s : "");

	fputs(t, out);
	free(t);
}

void cli_pad(FILE *out, const char *s, int cols)
{
	struct strbuf sb = STRBUF_INIT;

	text_pad(&sb, s ? s : "", cols, true, false);
	fputs(strbuf_str(&sb), out);
	strbuf_release(&sb);
}
