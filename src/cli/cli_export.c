/* Calendars out and in, and the printed daily schedule. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "cli/cli_cmds.h"
#include "export/ical.h"
#include "export/ical_import.h"
#include "export/print.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/safeout.h"

int cli_export(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' }, { "to", required_argument, NULL, 't' },
		{ "staff", required_argument, NULL, 'S' }, { "what", required_argument, NULL, 'w' },
		{ "no-personal", no_argument, NULL, 'N' }, { "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	struct ical_export_opts o;
	const char *from = NULL, *to = NULL, *staff = NULL, *what = NULL, *out = NULL;
	int c, n;

	ical_export_opts_init(&o);
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (c) {
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		case 'S': staff = optarg; break;
		case 'w': what = optarg; break;
		case 'N': o.no_personal = true; break;
		case 'o': out = optarg; break;
		default: return 2;
		}
	}
	if (optind < argc)
		return cli_usage(app, "export", _("unexpected argument '%s'"), argv[optind]);
	if ((from && cli_date(app, from, &o.from_day) < 0) || (to && cli_date(app, to, &o.to_day) < 0) ||
	    (staff && cli_staff(app, staff, &o.staff_id) < 0) ||
	    (what && ical_what_parse(what, &o.what, &app->err) < 0))
		return cli_fail(app);
	if (o.from_day && o.to_day && o.to_day < o.from_day)
		return cli_usage(app, "export", _("--to is before --from"));
	/* standard output appended to the database (>> desk.db) is the
	 * database too */
	if ((!out || !strcmp(out, "-")) && db_refuse_own_file(app->db, "/dev/stdout", &app->err) < 0)
		return cli_fail(app);
	if (out && strcmp(out, "-"))
		n = ical_export_file(&app->desk, &o, out, &app->err);
	else
		n = ical_export(&app->desk, &o, safeout_raw(), &app->err);	/* CRLF lines; values sanitized */
	if (n < 0)
		return cli_fail(app);
	if (out && strcmp(out, "-"))
		fprintf(stderr, _("%d calendar entries written to %s\n"), n, out);
	return 0;
}

int cli_import(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "as", required_argument, NULL, 'a' }, { "staff", required_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 }
	};
	struct ical_import_opts o = { ICAL_IMPORT_AUTO, 0, ical_import_horizon(clock_today(&app->clock)) };
	struct ical_import_result r;
	const char *staff = NULL;
	int c;

	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (!strcmp(optarg, "events"))
				o.as = ICAL_IMPORT_EVENTS;
			else if (!strcmp(optarg, "blocks"))
				o.as = ICAL_IMPORT_BLOCKS;
			else if (!strcmp(optarg, "auto"))
				o.as = ICAL_IMPORT_AUTO;
			else
				return cli_usage(app, "import", _("--as: '%s' is not events or blocks"), optarg);
			break;
		case 'S': staff = optarg; break;
		default: return 2;
		}
	}
	if (optind + 1 != argc)
		return cli_usage(app, "import", _("one .ics file is required"));
	if (staff && cli_staff(app, staff, &o.staff_id) < 0)
		return cli_fail(app);
	if (ical_import_file(&app->desk, argv[optind], &o, &r, &app->err) < 0)
		return cli_fail(app);
	for (size_t i = 0; i < r.n_notes; i++)
		fprintf(stderr, "madoguchi: %s\n", r.notes[i]);
	printf(_("imported %s: %d events new, %d updated, %d unchanged; %d blocks new, %d updated,"
		 " %d unchanged; %d removed; %d older copies ignored; %d skipped\n"),
	       argv[optind], r.events_created, r.events_updated, r.events_unchanged,
	       r.blocks_created, r.blocks_updated, r.blocks_unchanged, r.removed, r.older, r.skipped);
	if (r.appts_created || r.appts_updated || r.appts_unchanged || r.appts_refused)
		printf(_("appointments of another desk: %d booked, %d changed, %d unchanged;"
			 " %d refused by this desk's rules came in as program events (see above);"
			 " %d organizations added\n"),
		       r.appts_created, r.appts_updated, r.appts_unchanged, r.appts_refused,
		       r.orgs_created);
	if (r.appointments)
		printf(_("%d appointments of another desk came in as program events: their staff member"
			 " does not work here or the file leaves names out (add the staff member and import again)\n"),
		       r.appointments);
	{
		char d[DATE_STRLEN];
		printf(_("repeating events are stored up to %s (two years ahead); import the file again later for the rest\n"),
		       date_format(o.horizon_day - 1, d));
	}
	ical_import_result_release(&r);
	return 0;
}

int cli_print(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' }, { "staff", required_argument, NULL, 'S' },
		{ "format", required_argument, NULL, 'F' }, { "per-staff", no_argument, NULL, 'P' },
		{ "no-personal", no_argument, NULL, 'N' }, { "output", required_argument, NULL, 'o' },
		{ "layout", required_argument, NULL, 'L' }, { "printer", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	struct print_opts o;
	struct print_result r;
	const char *date = "today", *staff = NULL, *out = NULL, *printer = NULL;
	bool format_given = false;
	int c, day, n;

	print_opts_init(&o, 0);
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (c) {
		case 'd': date = optarg; break;
		case 'S': staff = optarg; break;
		case 'F':
			if (print_format_parse(optarg, &o.format) < 0)
				return cli_usage(app, "print", _("--format: '%s' is not text or pdf"), optarg);
			format_given = true;
			break;
		case 'L':
			if (print_layout_parse(optarg, &o.layout) < 0)
				return cli_usage(app, "print", _("--layout: '%s' is not list or timetable"), optarg);
			break;
		case 'P': o.per_staff = true; break;
		case 'N': o.no_personal = true; break;
		case 'o': out = optarg; break;
		case 'p': printer = optarg; break;
		default: return 2;
		}
	}
	if (optind < argc)
		return cli_usage(app, "print", _("unexpected argument '%s'"), argv[optind]);
	if (printer && config_set(&app->cfg, "printer", printer, &app->err) < 0)
		return cli_usage(app, "print", "--%s", app->err.msg);
	if (cli_date(app, date, &day) < 0 || (staff && cli_staff(app, staff, &o.staff_id) < 0))
		return cli_fail(app);
	o.day = day;
	/* what the desk renders itself (the PDF) unless told: the print
	 * command gets print_format, a file named .pdf a PDF, others text */
	if (!format_given) {
		size_t l = out ? strlen(out) : 0;
		if (o.layout == PRINT_TIMETABLE)
			o.format = PRINT_PDF;
		else if (!out)
			o.format = strcmp(app->cfg.print_format, "text") ? PRINT_PDF : PRINT_TEXT;
		else
			o.format = l > 4 && !strcasecmp(out + l - 4, ".pdf") ? PRINT_PDF : PRINT_TEXT;
	}
	if (o.layout == PRINT_TIMETABLE && o.format != PRINT_PDF)
		return cli_usage(app, "print", _("the timetable is printed as a PDF (--format pdf)"));
	if (out && !strcmp(out, "-") && db_refuse_own_file(app->db, "/dev/stdout", &app->err) < 0)
		return cli_fail(app);
	if (out && !strcmp(out, "-"))
		n = print_schedule(&app->desk, &o, safeout_raw(), &app->err);	/* PDF, form feeds */
	else if (out)
		n = print_schedule_to(&app->desk, &o, out, &app->err);
	else
		n = print_schedule_send(&app->desk, &o, &r, &app->err);
	if (n < 0)
		return cli_fail(app);
	if (!out) {
		const char *to = r.dest[0] ? r.dest : app->cfg.print_command;
		if (r.request_id[0])
			fprintf(stderr, _("%d pages sent to %s, request id %s\n"), n, to, r.request_id);
		else
			fprintf(stderr, _("%d pages sent to %s\n"), n, to);
	}
	return 0;
}
