/* core/admin: the operator's wrappers (backup, check, retention, schema
 * version).  Each check opens its own fresh database. */
#include <string.h>
#include <sys/stat.h>
#include "tap.h"
#include "testdb.h"
#include "core/admin.h"

static struct testdb t;
static struct desk_ctx d;
static struct err e;

static int setup(void)
{
	err_clear(&e);
	if (testdb_open(&t, &d, "admin", "2026-11-24T10:15", &e) < 0) {
		diag("open: %s", e.msg);
		return -1;
	}
	return 0;
}

static void test_backup(void)
{
	char path[sizeof t.path + 8];
	struct stat sb;

	if (setup() < 0)
		return (void)ok(0, "backup: setup");
	snprintf(path, sizeof path, "%s.bak", t.path);
	ok(admin_backup(&d, path, &e) == 0 && stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600,
	   "admin_backup writes a copy, mode 0600");
	unlink(path);
	ok(admin_backup(&d, "", &e) < 0 && !strcmp(e.field, "file"), "a file name is required");
	testdb_close(&t);
}

static void test_restore(void)
{
	char bak[sizeof t.path + 8], target[sizeof t.path + 8];
	struct db *db2 = NULL;

	if (setup() < 0)
		return (void)ok(0, "restore: setup");
	snprintf(bak, sizeof bak, "%s.bak", t.path);
	snprintf(target, sizeof target, "%s.new", t.path);
	ok(admin_backup(&d, bak, &e) == 0 && admin_restore(target, bak, NULL, &e) == 0 &&
	   db_open(&db2, target, 0, &e) == 0 && db_schema_version(db2) == db_schema_latest(),
	   "admin_restore puts a verified copy in place: %s", e.msg);
	if (db2)
		db_close(db2);
	ok(admin_restore(target, "/nonexistent/copy.db", NULL, &e) < 0, "a missing copy is refused: %s",
	   e.msg);
	ok(admin_restore(target, "", NULL, &e) < 0 && !strcmp(e.field, "file"), "a file name is required");
	unlink(bak);
	unlink(target);
	testdb_close(&t);
}

static void count_line(const char *line, void *arg)
{
	(void)line;
	++*(int *)arg;
}

static void test_check(void)
{
	int n = 0;

	if (setup() < 0)
		return (void)ok(0, "check: setup");
	ok(admin_check(&d, count_line, &n, &e) == 0 && n == 0, "a new database passes the check");
	ok(admin_schema_version(&d) == db_schema_latest(), "its schema is the latest");
	testdb_close(&t);
}

static void test_retention(void)
{
	struct db_retention r;
	char before[16];

	if (setup() < 0)
		return (void)ok(0, "retention: setup");
	ok(admin_retention(&d, "365", NULL, true, &r, before, &e) == 0 &&
	   !strcmp(before, "2025-11-24"), "--older-than 365 cuts at a year ago");
	ok(admin_retention(&d, NULL, "2026-12-01", true, &r, before, &e) < 0 &&
	   !strcmp(e.field, "before"), "a cutoff in the future is refused: %s", e.msg);
	ok(admin_retention(&d, "0", NULL, true, &r, before, &e) < 0 && !strcmp(e.field, "older-than"),
	   "days out of range are refused");
	ok(admin_retention(&d, NULL, NULL, true, &r, before, &e) < 0 && !strcmp(e.field, "older-than"),
	   "without an age or retention_days it is refused");
	ok(admin_retention(&d, "30", "2026-01-01", true, &r, before, &e) < 0,
	   "both an age and a date is refused");
	testdb_close(&t);
}

int main(void)
{
	test_backup();
	test_restore();
	test_check();
	test_retention();
	return done_testing();
}
