#ifndef MADO_APP_H
#define MADO_APP_H
/* The one context of a run: settings, clock, database, the last error.
 * Made in main(), passed first to cli_ and ui_ functions. */

#include "core/appt.h"
#include "core/clock.h"
#include "core/config.h"
#include "db/db.h"
#include "util/err.h"

struct app {
	struct config cfg;
	struct clock clock;
	struct db *db;
	char db_path[1024];
	struct desk_ctx desk;	/* db, cfg and clock for the rules */
	struct err err;
};

/* Settings and clock from the environment and the config file;
 * db_path from --db (may be NULL), $MADOGUCHI_DB or the XDG default. */
int app_init(struct app *app, const char *db_opt);
/* Open the database (DB_CREATE/DB_READONLY flags); creates the default
 * data directory (mode 0700) when the default path is used. */
int app_open_db(struct app *app, int flags);
void app_release(struct app *app);

#endif
