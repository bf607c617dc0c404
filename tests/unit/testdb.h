#ifndef MADO_TESTDB_H
#define MADO_TESTDB_H
/* A desk on a fresh database file, for the unit tests that run the
 * core rules on a real sqlite file (test_appt.c, test_deadline.c):
 *
 *   static struct testdb t;
 *   if (testdb_open(&t, &d, "appt", "2026-11-24T10:15", &e) < 0) ...
 *   ... d.db, t.db, t.cfg (default config), t.clk (pinned at NOW) ...
 *   testdb_close(&t);     closes and removes the file and its -wal, -shm
 *
 * Sets the locale to C.UTF-8 and MADOGUCHI_NOW to now; the clock is
 * Asia/Tokyo.  (The Makefile rebuilds a test when tap.h changes, not
 * this file: make clean after changing it.) */

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "core/clock.h"
#include "core/config.h"
#include "core/appt.h"	/* struct desk_ctx */
#include "db/db.h"

struct testdb {
	struct config cfg;
	struct clock clk;
	struct db *db;
	char path[64];
};

__attribute__((unused))
static int testdb_open(struct testdb *t, struct desk_ctx *d, const char *name, const char *now,
		       struct err *e)
{
	int fd;

	snprintf(t->path, sizeof t->path, "/tmp/mado-test-%s-XXXXXX", name);
	fd = mkstemp(t->path);
	setlocale(LC_ALL, "C.UTF-8");
	close(fd);
	unlink(t->path);
	setenv("MADOGUCHI_NOW", now, 1);
	config_defaults(&t->cfg);
	if (clock_init(&t->clk, "Asia/Tokyo", e) < 0 || db_open(&t->db, t->path, DB_CREATE, e) < 0)
		return -1;
	db_set_clock(t->db, t->clk.pinned_at);
	d->db = t->db;
	d->cfg = &t->cfg;
	d->clock = &t->clk;
	return 0;
}

__attribute__((unused))
static void testdb_close(struct testdb *t)
{
	char side[sizeof t->path + 4];

	db_close(t->db);
	config_release(&t->cfg);
	unlink(t->path);
	snprintf(side, sizeof side, "%s-wal", t->path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", t->path);
	unlink(side);
}

#endif
