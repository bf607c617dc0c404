/* Letters to a booking's contact from the command line. */
#include "cli/cli_mail.h"

#include <string.h>
#include "cli/cli.h"
#include "cli/cli_cmds.h"
#include "db/db_appt.h"
#include "export/mail.h"
#include "util/date.h"
#include "util/i18n.h"

int cli_mail_flag(struct app *app, const char *cmd, int *argc, char **argv,
		  enum cli_mail_flag *flag)
{
	int k = 1;

	*flag = CLI_MAIL_DEFAULT;
	for (int i = 1; i < *argc; i++) {
		if (!strcmp(argv[i], "--"))	/* the rest is not options */
			for (; i < *argc; i++)
				argv[k++] = argv[i];
		else if (!strcmp(argv[i], "--mail"))
			*flag = CLI_MAIL_YES;
		else if (!strcmp(argv[i], "--no-mail"))
			*flag = CLI_MAIL_NO;
		else
			argv[k++] = argv[i];
	}
	*argc = k;
	argv[k] = NULL;
	if (*flag == CLI_MAIL_YES && mail_ready(&app->cfg, &app->err) < 0) {
		cli_usage(app, cmd, "--mail: %s", app->err.msg);
		return -1;
	}
	return 0;
}

static const char *kind_label(int kind)
{
	switch (kind) {
	case MAIL_BOOKED: return _("confirmation");
	case MAIL_CHANGED: return _("notice of the change");
	case MAIL_CANCELLED: return _("notice of the cancellation");
	default: return _("reminder");
	}
}

static void say(long long id, int kind, int outcome, const struct err *e)
{
	switch (outcome) {
	case MAIL_SENT:
		printf(_("#%lld: %s sent to the contact\n"), id, kind_label(kind));
		break;
	case MAIL_ALREADY:
		printf(_("#%lld: %s was sent before; not sent again\n"), id, kind_label(kind));
		break;
	case MAIL_STALE:
	case MAIL_QUEUED:
	default:
		fprintf(stderr, _("madoguchi: #%lld: %s not sent: %s\n"), id, kind_label(kind),
			e->msg);
		break;
	}
}

void cli_mail_after(struct app *app, long long id, int kind, enum cli_mail_flag flag)
{
	struct mail_letter l = { 0 };
	struct err e = { 0 };
	int rc;

	if (kind < 0 || flag == CLI_MAIL_NO || app->cfg.mail == CONFIG_MAIL_NEVER)
		return;
	if (flag == CLI_MAIL_DEFAULT && app->cfg.mail != CONFIG_MAIL_ALWAYS) {
		/* ask: the command line sends only when told */
		if (mail_ready(&app->cfg, &e) == 0 && mail_prepare(&app->desk, id, kind, &l, &e) == 0)
			fprintf(stderr, _("madoguchi: #%lld: no letter sent (--mail sends the %s)\n"), id,
				kind_label(kind));
		mail_letter_release(&l);
		return;
	}
	if (mail_ready(&app->cfg, &e) < 0) {
		if (flag == CLI_MAIL_YES)
			fprintf(stderr, "madoguchi: %s\n", e.msg);
		return;
	}
	rc = mail_prepare(&app->desk, id, kind, &l, &e);
	if (rc == 0)
		rc = mail_send(&app->desk, &l, &e);
	else if (rc == 1) {	/* no address */
		if (flag == CLI_MAIL_YES)
			fprintf(stderr, _("madoguchi: #%lld: no letter sent: %s\n"), id, e.msg);
		mail_letter_release(&l);
		return;
	}
	if (rc < 0)
		fprintf(stderr, _("madoguchi: #%lld: no letter sent: %s\n"), id, e.msg);
	else
		say(id, kind, rc, &e);
	mail_letter_release(&l);
}

static const char *status_label(enum mail_status s)
{
	switch (s) {
	case MS_SENT: return _("sent");
	case MS_QUEUED: return _("queued");
	case MS_SENDING: return _("sending");
	default: return _("not sent");
	}
}

static int history_row(const struct mail_letter *l, void *arg)
{
	(void)arg;
	printf(_("  letter:     %s (version %d) %s %s"), kind_label(l->kind), l->sequence,
	       status_label(l->status), l->sent_at ? l->sent_at : l->created_at);
	printf(_(" to "));
	cli_put(stdout, l->to_addr);
	if (l->error && l->status != MS_SENT) {
		printf(": ");
		cli_put(stdout, l->error);
	}
	putchar('\n');
	return 0;
}

void cli_mail_history(struct app *app, long long id)
{
	struct err e;

	db_mail_each(app->db, id, -1, history_row, NULL, &e);
}

static void report(const struct mail_letter *l, int outcome, const struct err *e, void *arg)
{
	int *failed = arg;

	if (outcome != MAIL_SENT)
		(*failed)++;
	say(l->appt_id, l->kind, outcome, e);
}

static int mail_retry_cmd(struct app *app, int argc, char **argv)
{
	int failed = 0, n;

	(void)argv;
	if (argc != 1)
		return cli_usage(app, "mail", _("mail retry takes no arguments"));
	if ((n = mail_retry(&app->desk, report, &failed, &app->err)) < 0)
		return cli_fail(app);
	printf(_("letters sent: %d, not sent: %d\n"), n, failed);
	return failed ? 3 : 0;
}

/* the letter the booking calls for now: cancelled, booked at first,
 * changed after */
static int kind_now(struct app *app, long long id, const char *given, int *kind)
{
	struct appt a;

	if (given) {
		*kind = model_lookup(mail_kind_code, MAIL_KIND_COUNT, given);
		if (*kind < 0)
			return cli_usage(app, "mail",
					 _("--kind: '%s' is not booked, changed, cancelled or reminder"), given);
		return 0;
	}
	if (db_appt_get(app->db, id, &a, &app->err) < 0)
		return cli_fail(app);
	*kind = a.status == ST_CANCELLED ? MAIL_CANCELLED : a.sequence == 0 ? MAIL_BOOKED : MAIL_CHANGED;
	appt_release(&a);
	return 0;
}

static int mail_one(struct app *app, int argc, char **argv, bool send)
{
	static const struct option opts[] = { { "kind", required_argument, NULL, 'k' },
					       { NULL, 0, NULL, 0 } };
	const char *given = NULL;
	struct mail_letter l = { 0 };
	long long id;
	int c, kind = MAIL_BOOKED, rc;

	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		if (c != 'k')
			return 2;
		given = optarg;
	}
	if (optind + 1 != argc)
		return cli_usage(app, "mail", _("one appointment id is required"));
	if (cli_id(app, argv[optind], _("appointment"), &id) < 0)
		return cli_fail(app);
	if ((rc = kind_now(app, id, given, &kind)))
		return rc;
	if (send && mail_ready(&app->cfg, &app->err) < 0)
		return cli_fail(app);
	if ((rc = mail_prepare(&app->desk, id, kind, &l, &app->err)) != 0) {
		mail_letter_release(&l);
		return cli_fail(app);
	}
	if (!send) {
		struct strbuf sb = STRBUF_INIT;
		mail_text(&l, &sb);
		fputs(strbuf_str(&sb), stdout);
		strbuf_release(&sb);
		mail_letter_release(&l);
		return 0;
	}
	rc = mail_send(&app->desk, &l, &app->err);
	mail_letter_release(&l);
	if (rc < 0)
		return cli_fail(app);
	say(id, kind, rc, &app->err);
	return rc == MAIL_SENT || rc == MAIL_ALREADY ? 0 : 3;
}

static int mail_send_cmd(struct app *app, int argc, char **argv)
{
	return mail_one(app, argc, argv, true);
}

static int mail_preview_cmd(struct app *app, int argc, char **argv)
{
	return mail_one(app, argc, argv, false);
}

static int list_row(const struct mail_letter *l, void *arg)
{
	(void)arg;
	printf("#%lld\t%s\t%d\t%s\t%s\n", l->appt_id, mail_kind_code[l->kind], l->sequence,
	       mail_status_code[l->status], l->sent_at ? l->sent_at : l->created_at);
	return 0;
}

static int mail_queue_cmd(struct app *app, int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		return cli_usage(app, "mail", _("mail queue takes no arguments"));
	if (db_mail_each(app->db, 0, MS_QUEUED, list_row, NULL, &app->err) < 0)
		return cli_fail(app);
	return 0;
}

int cli_mail(struct app *app, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "retry", mail_retry_cmd }, { "send", mail_send_cmd },
		{ "preview", mail_preview_cmd }, { "queue", mail_queue_cmd }, { NULL, NULL }
	};
	return cli_dispatch(app, "mail", subs, argc, argv);
}

int cli_remind(struct app *app, int argc, char **argv)
{
	char date[DATE_STRLEN];
	int failed = 0, n, day;

	(void)argv;
	if (argc != 1)
		return cli_usage(app, "remind", _("unexpected argument '%s'"), argv[1]);
	/* the queue first: what failed before goes out with the reminders */
	if ((n = mail_retry(&app->desk, report, &failed, &app->err)) < 0)
		return cli_fail(app);
	if (n || failed)
		printf(_("letters sent: %d, not sent: %d\n"), n, failed);
	int before = failed;
	if ((n = mail_remind(&app->desk, &day, report, &failed, &app->err)) < 0)
		return cli_fail(app);
	printf(_("%s: reminders sent: %d, not sent: %d\n"), date_format(day, date), n, failed - before);
	return failed ? 3 : 0;
}
