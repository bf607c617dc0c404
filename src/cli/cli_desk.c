/* The shared desk on the command line: setup, whoami, audit, and
 * linking a staff record to an account. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli/cli_cmds.h"
#include "core/role.h"
#include "core/setup.h"
#include "db/db_desk.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/text.h"

int cli_setup(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "group", required_argument, NULL, 'g' }, { "lead", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	const char *group = NULL, *lead = NULL;
	int c;

	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'g': group = optarg; break;
		case 'l': lead = optarg; break;
		default: return 2;
		}
	}
	if (!group || optind + 1 != argc)
		return cli_usage(app, "setup", _("setup needs --group GROUP and the folder"));
	const char *dir = argv[optind];
	if (setup_shared_folder(dir, group, &app->err) < 0)
		return cli_fail(app);
	snprintf(app->db_path, sizeof app->db_path, "%s/desk.db", dir);
	if (app_open_db(app, DB_CREATE) < 0)
		return cli_fail(app);
	if (lead && role_set_lead_group(&app->desk, lead, &app->err) < 0)
		return cli_fail(app);
	char lg[64] = "";
	role_lead_group(&app->desk, lg, sizeof lg, &app->err);
	printf(_("shared desk ready: %s (group %s, folder mode 2770, files 0660)\n"), app->db_path, group);
	if (lg[0])
		printf(_("desk lead group: %s\n"), lg);
	printf(_("each staff account: add `export MADOGUCHI_DB=%s` to ~/.profile\n"), app->db_path);
	return 0;
}

int cli_whoami(struct app *app, int argc, char **argv)
{
	struct strbuf sb = STRBUF_INIT;
	char lg[64] = "";

	if (argc > 1)
		return cli_usage(app, "whoami", _("unexpected argument '%s'"), argv[1]);
	role_whoami(&app->desk, false, &sb);
	if (role_lead_group(&app->desk, lg, sizeof lg, &app->err) < 0) {
		strbuf_release(&sb);
		return cli_fail(app);
	}
	cli_put(stdout, strbuf_str(&sb));
	struct err e;
	printf("  %s\n", !lg[0] ? _("desk lead (no lead group set)")
			 : role_require_lead(&app->desk, "", &e) == 0 ? _("desk lead") : _("desk staff"));
	strbuf_release(&sb);
	return 0;
}

/* "2026-11-24T01:15:00Z" (UTC) as the desk's "2026-11-24 10:15". */
static bool iso_local(const char *iso, char *buf, size_t n)
{
	struct tm tm;
	const char *end;

	memset(&tm, 0, sizeof tm);
	if (!iso || !(end = strptime(iso, "%Y-%m-%dT%H:%M:%S", &tm)))
		return false;
	time_t t = timegm(&tm);
	localtime_r(&t, &tm);
	return strftime(buf, n, "%Y-%m-%d %H:%M", &tm) > 0;
}

static int print_audit(const struct audit_row *r, void *arg)
{
	bool tsv = *(bool *)arg;
	char at[32];
	struct strbuf who = STRBUF_INIT;

	/* stored in UTC: shown in the desk's time */
	if (!iso_local(r->at, at, sizeof at))
		snprintf(at, sizeof at, "%s", r->at ? r->at : "");
	if (r->actor_name)
		strbuf_addf(&who, "%s (%s)", r->actor_name, r->actor);
	else
		strbuf_adds(&who, r->actor ? r->actor : "");
	if (tsv) {
		printf("%lld\t%s\t", r->id, at);
		cli_put(stdout, r->actor ? r->actor : "");
		putchar('\t');
		cli_put(stdout, r->actor_name ? r->actor_name : "");
		printf("\t%s\t%lld\t%s\n", r->tbl, r->row_id, r->action);
	} else {
		printf("%s  ", at);
		cli_pad(stdout, strbuf_str(&who), 24);
		printf("  %s #%lld %s\n", r->tbl, r->row_id, r->action);
	}
	strbuf_release(&who);
	return 0;
}

int cli_audit(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "table", required_argument, NULL, 't' }, { "id", required_argument, NULL, 'i' },
		{ "limit", required_argument, NULL, 'l' }, { "tsv", no_argument, NULL, 'T' },
		{ NULL, 0, NULL, 0 }
	};
	const char *tbl = NULL;
	long long id = 0;
	int c, limit = 50;
	bool tsv = false;

	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 't': tbl = optarg; break;
		case 'i':
			if (cli_id(app, optarg, "--id", &id) < 0)
				return cli_fail(app);
			break;
		case 'l': limit = atoi(optarg); break;
		case 'T': tsv = true; break;
		default: return 2;
		}
	}
	if (optind < argc)
		return cli_usage(app, "audit", _("unexpected argument '%s'"), argv[optind]);
	if (db_audit_each(app->db, tbl, id, limit, print_audit, &tsv, &app->err) < 0)
		return cli_fail(app);
	return 0;
}

int cli_staff_link(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "account", required_argument, NULL, 'a' }, { NULL, 0, NULL, 0 }
	};
	const char *account = NULL;
	int c;

	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		if (c != 'a')
			return 2;
		account = optarg;
	}
	if (!account || optind + 1 != argc)
		return cli_usage(app, "staff", _("staff link NAME --account LOGIN"));
	if (role_link_staff(&app->desk, argv[optind], account, &app->err) < 0)
		return cli_fail(app);
	return 0;
}
