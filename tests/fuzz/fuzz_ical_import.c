/* Fuzz the .ics importer: ical_import_buf on any bytes into a real
 * database file.  It must refuse with a message or import; the database
 * must stay whole. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include "core/appt.h"
#include "core/clock.h"
#include "core/config.h"
#include "db/db.h"
#include "export/ical_import.h"
#include "fuzz.h"
#include "util/date.h"
#include "util/mem.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

static struct db *db;
static struct config cfg;
static struct clock clk;
static struct desk_ctx desk;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static unsigned long runs;
	/* repeating events up to a fixed horizon, as the desk sets one */
	struct ical_import_opts o = { ICAL_IMPORT_AUTO, 0, date_from_ymd(2030, 1, 1) };
	struct ical_import_result r = { 0 };
	struct err e = { 0 };

	if (!db) {
		char *path = xasprintf("%s/ical.db", fuzz_tmpdir());
		setenv("TZ", "Asia/Tokyo", 1);
		setenv("MADOGUCHI_NOW", "2026-06-01T10:00", 1);
		config_defaults(&cfg);
		if (clock_init(&clk, "Asia/Tokyo", &e) < 0 || db_open(&db, path, DB_CREATE, &e) < 0)
			die("fuzz: %s", e.msg);
		db_set_clock(db, clk.pinned_at);
		desk = (struct desk_ctx){ db, &cfg, &clk };
		/* a staff member, so another desk's appointments get booked */
		if (db_exec(db, "INSERT INTO staff (name, kana) VALUES ('山田 花子', 'やまだ はなこ')", &e) < 0)
			die("fuzz: %s", e.msg);
		free(path);
	}
	o.as = size > 0 ? (enum ical_import_as)(data[0] % 3) : ICAL_IMPORT_AUTO;
	if (ical_import_buf(&desk, (const char *)data, size, "fuzz.ics", &o, &r, &e) < 0)
		CHECK(e.msg[0] && e.code != ERR_NONE);
	ical_import_result_release(&r);
	if (++runs % 500 == 0) {
		CHECK(db_check(db, &e) == 0);
		db_exec(db, "DELETE FROM staff_block; DELETE FROM program_event; DELETE FROM appointment; DELETE FROM audit", &e);
	}
	return 0;
}
