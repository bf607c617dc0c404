#include "app.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "util/account.h"
#include "util/i18n.h"

static int mkdir_p(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) < 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return mkdir(path, 0700) < 0 && errno != EEXIST ? -1 : 0;
}

static bool default_path;

int app_init(struct app *app, const char *db_opt)
{
	const char *env = getenv("MADOGUCHI_DB");
	char dir[1024], path[1100];

	memset(app, 0, sizeof *app);
	config_defaults(&app->cfg);
	/* Without a home the program would take its settings (and so the
	 * print command it runs) and its data from wherever it was
	 * started: refuse instead. */
	if (!config_dir(dir, sizeof dir))
		return err_set(&app->err, ERR_INPUT,
			       _("neither HOME nor XDG_CONFIG_HOME is set to an absolute path, so there is no place for the settings; set HOME (nothing is read from the current directory)"));
	snprintf(path, sizeof path, "%s/config", dir);
	if (config_load(&app->cfg, path, &app->err) < 0)
		return -1;
	if (clock_init(&app->clock, app->cfg.timezone, &app->err) < 0)
		return -1;
	default_path = false;
	if (db_opt && *db_opt) {
		snprintf(app->db_path, sizeof app->db_path, "%s", db_opt);
	} else if (env && *env) {
		snprintf(app->db_path, sizeof app->db_path, "%s", env);
	} else {
		if (!config_data_dir(dir, sizeof dir))
			return err_set(&app->err, ERR_INPUT,
				       _("neither HOME nor XDG_DATA_HOME is set to an absolute path, so there is no place for the database; set HOME or give --db PATH"));
		snprintf(app->db_path, sizeof app->db_path, "%.1000s/desk.db", dir);
		default_path = true;
	}
	app->desk.cfg = &app->cfg;
	app->desk.clock = &app->clock;
	return 0;
}

int app_open_db(struct app *app, int flags)
{
	if (default_path && (flags & DB_CREATE)) {
		char dir[1024];
		snprintf(dir, sizeof dir, "%s", app->db_path);
		char *slash = strrchr(dir, '/');
		if (slash && slash != dir) {
			*slash = '\0';
			if (mkdir_p(dir) < 0)
				return err_set(&app->err, ERR_DB, _("cannot create the directory %s: %s"),
					       dir, strerror(errno));
		}
	}
	if (db_open(&app->db, app->db_path, flags, &app->err) < 0)
		return -1;
	/* the account that runs the program, never $USER or a setting */
	db_set_actor(app->db, account_login());
	db_set_clock(app->db, app->clock.pinned ? app->clock.pinned_at : 0);
	app->desk.db = app->db;
	return 0;
}

void app_release(struct app *app)
{
	db_close(app->db);
	app->db = NULL;
	config_release(&app->cfg);
}
