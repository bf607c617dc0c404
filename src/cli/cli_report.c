/* Deadlines and the desk's report on the command line. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>
#include "cli/cli_cmds.h"
#include "core/deadline.h"
#include "core/report.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/jdate.h"
#include "util/text.h"

struct dl_ctx {
	bool tsv;
};

static const char *kind_label(enum deadline_kind k)
{
	static const char *const ja[DL_KIND_COUNT] = { "申込締切", "折り返し", "参加申込締切", "書類未着" };
	static const char *const en[DL_KIND_COUNT] = {
		N_("application"), N_("follow-up"), N_("registration"), N_("document")
	};

	return i18n_japanese() ? ja[k] : _(en[k]);
}

static int print_deadline(const struct deadline *dl, void *arg)
{
	struct dl_ctx *c = arg;
	char d[DATE_STRLEN];

	if (c->tsv) {
		printf("%s\t%s\t%d\t%d\t%d\t%lld\t%lld\t", date_format(dl->day, d),
		       deadline_kind_code[dl->kind], dl->days_left, dl->desk_days_left, dl->overdue,
		       dl->id, dl->program_id);
		cli_put(stdout, dl->title);
		putchar('\t');
		cli_put(stdout, dl->detail);
		putchar('\n');
		return 0;
	}
	char left[96], days[40], desk[40];
	int n = dl->days_left < 0 ? -dl->days_left : dl->days_left;
	int nd = dl->desk_days_left < 0 ? -dl->desk_days_left : dl->desk_days_left;
	snprintf(days, sizeof days, ngettext("%d day", "%d days", (unsigned long)n), n);
	snprintf(desk, sizeof desk, ngettext("%d desk day", "%d desk days", (unsigned long)nd), nd);
	if (dl->overdue)
		snprintf(left, sizeof left, _("%s overdue (%s)"), days, desk);
	else if (dl->days_left == 0)
		snprintf(left, sizeof left, _("today"));
	else
		/* TRANSLATORS: days left (desk days left), as "6 days (4 desk days)". */
		snprintf(left, sizeof left, _("%s (%s)"), days, desk);
	printf("%s %s(%s) ", dl->overdue ? "!" : " ", date_format(dl->day, d),
	       jdate_wday(date_wday(dl->day)));
	cli_pad(stdout, left, 28);
	putchar(' ');
	cli_pad(stdout, kind_label(dl->kind), 12);
	printf(" #%-4lld ", dl->id);
	cli_pad(stdout, dl->title, 36);
	putchar(' ');
	cli_put(stdout, dl->detail);
	putchar('\n');
	return 0;
}

int cli_deadlines(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "within", required_argument, NULL, 'w' }, { "from", required_argument, NULL, 'f' },
		{ "tsv", no_argument, NULL, 'T' }, { NULL, 0, NULL, 0 }
	};
	struct dl_ctx ctx = { false };
	const char *from = "today";
	int c, within = 30, day, n;

	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'w': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (!*optarg || *end || v < 0 || v > 3660)
				return cli_usage(app, "deadlines", _("--within: '%s' is not 0-3660 days"),
						 optarg);
			within = (int)v;
			break;
		}
		case 'f': from = optarg; break;
		case 'T': ctx.tsv = true; break;
		default: return 2;
		}
	}
	if (optind < argc)
		return cli_usage(app, "deadlines", _("unexpected argument '%s'"), argv[optind]);
	if (cli_date(app, from, &day) < 0)
		return cli_fail(app);
	if ((n = deadline_collect(&app->desk, day, within, print_deadline, &ctx, &app->err)) < 0)
		return cli_fail(app);
	if (!ctx.tsv && n == 0)
		printf(_("no deadlines in the next %d days\n"), within);
	return 0;
}

int cli_report(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "month", required_argument, NULL, 'm' }, { "year", required_argument, NULL, 'y' },
		{ "fiscal-year", required_argument, NULL, 'F' }, { "csv", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	struct report r;
	struct strbuf out = STRBUF_INIT;
	bool csv = false;
	int c, y, m, from = 0, to = 0, periods = 0;

	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'm':
			if (month_parse(optarg, &y, &m) < 0 || y < 1900 || y > 2199)
				return cli_usage(app, "report", _("--month: '%s' is not YYYY-MM"), optarg);
			from = date_from_ymd(y, m, 1);
			to = date_from_ymd(y, m, date_days_in_month(y, m));
			periods++;
			break;
		case 'y':
		case 'F': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (!*optarg || *end || v < 1900 || v > 2198)
				return cli_usage(app, "report", _("'%s' is not a year"), optarg);
			if (c == 'y') {
				from = date_from_ymd((int)v, 1, 1);
				to = date_from_ymd((int)v, 12, 31);
			} else {	/* 年度: April to March */
				from = date_from_ymd((int)v, 4, 1);
				to = date_from_ymd((int)v + 1, 3, 31);
			}
			periods++;
			break;
		}
		case 'c': csv = true; break;
		default: return 2;
		}
	}
	if (optind < argc)
		return cli_usage(app, "report", _("unexpected argument '%s'"), argv[optind]);
	if (periods != 1)
		return cli_usage(app, "report", _("give one of --month YYYY-MM, --year YYYY, --fiscal-year YYYY"));
	if (report_collect(&app->desk, from, to, &r, &app->err) < 0)
		return cli_fail(app);
	if (csv)
		report_csv(&r, i18n_japanese(), &out);
	else
		report_table(&r, i18n_japanese(), &out);
	fputs(strbuf_str(&out), stdout);
	strbuf_release(&out);
	report_release(&r);
	return 0;
}
