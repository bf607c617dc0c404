/* madoguchi: the consultation desk.  Builds the app context and runs
 * the full-screen desk or a command. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "app.h"
#include "cli/cli.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/safeout.h"
#include "version.h"

int main(int argc, char **argv)
{
	struct app app;
	const char *db_opt = NULL;
	int i, rc;

	/* Records hold personal data: everything we create is private. */
	umask(077);
	setlocale(LC_ALL, "");
	/* every byte a command prints passes the sanitizer */
	safeout_install();
	i18n_init();

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			cli_help(stdout);
			return 0;
		} else if (!strcmp(argv[i], "--version")) {
			printf("madoguchi %s\n", MADO_VERSION);
			return 0;
		} else if (!strcmp(argv[i], "--db")) {
			if (i + 1 >= argc) {
				fprintf(stderr, _("madoguchi: --db needs a path\n"));
				return 2;
			}
			db_opt = argv[++i];
		} else if (!strncmp(argv[i], "--db=", 5)) {
			db_opt = argv[i] + 5;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, _("madoguchi: unknown option '%s'; see madoguchi --help\n"), argv[i]);
			return 2;
		} else {
			break;
		}
	}
	if (app_init(&app, db_opt) < 0) {
		fprintf(stderr, "madoguchi: %s\n", app.err.msg);
		config_release(&app.cfg);
		return app.err.code ? (int)app.err.code : 2;
	}
	if (i >= argc) {
		safeout_release();
		rc = ui_run(&app);
	} else
		rc = cli_main(&app, argc - i, argv + i);
	app_release(&app);
	return rc;
}
