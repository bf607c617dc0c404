/* db_open on a real file: when the file is current the open reads its
 * header only (PRAGMA user_version: SQLite has parsed no schema when it
 * returns); the first statement reads the schema and settles the
 * connection (synchronous FULL, the page cache); a file not in WAL mode
 * yet is switched; a newer, foreign or damaged file is still refused,
 * the damaged schema by db_ready() (what the desk calls before its
 * screen starts) or by the first statement. */
#include <fcntl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tap.h"
#include "db/db.h"
#include "db/db_internal.h"
#include "db/db_org.h"

static char path[] = "/tmp/mado-test-open-XXXXXX";

static int schema_bytes(struct db *db)
{
	int cur = -1, hi;

	sqlite3_db_status(db->h, SQLITE_DBSTATUS_SCHEMA_USED, &cur, &hi, 0);
	return cur;
}

static long long pragma(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -999;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return v;
}

static const char *pragma_text(struct db *db, const char *sql)
{
	static char buf[64];
	sqlite3_stmt *st;

	snprintf(buf, sizeof buf, "?");
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	return buf;
}

/* Run sql on the file with a plain connection (as another program). */
static int raw(const char *sql)
{
	sqlite3 *h;
	int rc = sqlite3_open(path, &h);

	if (rc == SQLITE_OK)
		rc = sqlite3_exec(h, sql, NULL, NULL, NULL);
	sqlite3_close(h);
	return rc;
}

static void cleanup(void)
{
	char side[sizeof path + 8];

	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

static int count_staff(const struct staff *s, void *arg)
{
	(void)s;
	++*(int *)arg;
	return 0;
}

int main(void)
{
	struct db *db;
	struct err e = { 0 };
	struct staff s = { 0 };
	int fd = mkstemp(path), n = 0;

	setlocale(LC_ALL, "C.UTF-8");
	close(fd);
	unlink(path);

	if (db_open(&db, path, DB_CREATE, &e) < 0) {
		printf("Bail out! %s\n", e.msg);
		return 1;
	}
	s.name = "山田";
	s.kana = "やまだ";
	s.desk = "general";
	s.active = true;
	ok(db_staff_insert(db, &s, &e) == 0, "a new desk with one staff member") || (diag("%s", e.msg), 0);
	is_int(pragma(db, "PRAGMA synchronous"), 2, "a write ran with synchronous FULL");
	db_close(db);

	/* a current file: the header only */
	ok(db_open(&db, path, 0, &e) == 0, "the current file opens") || (diag("%s", e.msg), 0);
	is_int(schema_bytes(db), 0, "... and SQLite has read no schema");
	is_int(db_schema_version(db), db_schema_latest(), "... its version is the latest");
	is_int(schema_bytes(db), 0, "... which the version does not need either");
	ok(db_staff_list(db, false, count_staff, &n, &e) >= 0 && n == 1, "the first statement works");
	ok(schema_bytes(db) > 0, "... and read the schema");
	is_int(pragma(db, "PRAGMA synchronous"), 2, "... and settled synchronous FULL");
	is_int(pragma(db, "PRAGMA cache_size"), -8192, "... and the 8 MiB page cache");
	is_int(pragma(db, "PRAGMA foreign_keys"), 1, "foreign keys are on from the open");
	is_str(pragma_text(db, "PRAGMA journal_mode"), "wal", "the file is in WAL mode");
	db_close(db);

	/* db_ready: the schema read on demand */
	ok(db_open(&db, path, 0, &e) == 0 && db_ready(db, &e) == 0 && schema_bytes(db) > 0,
	   "db_ready reads the schema");
	db_close(db);

	/* a file out of WAL mode (a restored backup) is switched at open */
	ok(raw("PRAGMA journal_mode = DELETE") == SQLITE_OK, "the file set to rollback journal");
	ok(db_open(&db, path, 0, &e) == 0, "it opens") || (diag("%s", e.msg), 0);
	is_str(pragma_text(db, "PRAGMA journal_mode"), "wal", "... in WAL mode again");
	db_close(db);

	/* newer, negative, foreign: refused at open, as before */
	ok(raw("PRAGMA user_version = 99") == SQLITE_OK, "a newer version written");
	ok(db_open(&db, path, 0, &e) < 0 && strstr(e.msg, "newer"), "a newer file is refused") ||
		(diag("%s", e.msg), 0);
	ok(raw("PRAGMA user_version = -3") == SQLITE_OK, "a negative version written");
	ok(db_open(&db, path, 0, &e) < 0 && strstr(e.msg, "not touched"), "a negative one is refused");
	ok(raw("PRAGMA user_version = 0") == SQLITE_OK, "version 0 with tables: another program's file");
	ok(db_open(&db, path, 0, &e) < 0 && strstr(e.msg, "not a madoguchi"), "a foreign file is refused") ||
		(diag("%s", e.msg), 0);
	char ver[64];
	snprintf(ver, sizeof ver, "PRAGMA user_version = %d", db_schema_latest());
	ok(raw(ver) == SQLITE_OK, "the version put back");

	/* a damaged schema behind a sound first page: the version reads,
	 * the schema does not */
	fd = open(path, O_WRONLY);
	off_t size = lseek(fd, 0, SEEK_END);
	char junk[4096];
	memset(junk, 0xFF, sizeof junk);
	for (off_t at = 4096; at + (off_t)sizeof junk <= size; at += (off_t)sizeof junk)
		if (pwrite(fd, junk, sizeof junk, at) != (ssize_t)sizeof junk)
			break;
	close(fd);
	ok(size > 4096, "every page after the first overwritten");
	ok(db_open(&db, path, 0, &e) == 0, "the damaged file's header opens (it says WAL: no switch)") ||
		(diag("%s", e.msg), 0);
	memset(&e, 0, sizeof e);
	ok(db_ready(db, &e) < 0 && e.code == ERR_DB && strstr(e.msg, "damaged"),
	   "db_ready refuses it: damaged") || (diag("%s", e.msg), 0);
	memset(&e, 0, sizeof e);
	n = 0;
	ok(db_staff_list(db, false, count_staff, &n, &e) < 0 && strstr(e.msg, "damaged"),
	   "so does the first statement") || (diag("%s", e.msg), 0);
	db_close(db);
	cleanup();
	return done_testing();
}
