#include "db/db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "db/db_internal.h"
#include "migrations.h"
#include "util/kana.h"
#include "util/mem.h"
#include "util/text.h"

int db_schema_latest(void)
{
	return migrations_COUNT;
}

int db_fail(struct db *db, int rc, const char *what, struct err *e)
{
	const char *msg = db && db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(e, ERR_DB,
			       "%s: the database is busy (another desk is writing, or a program holds a lock); nothing was changed, try again",
			       what);
	case SQLITE_FULL:
		return err_set(e, ERR_DB,
			       "%s: the disk is full; nothing was saved, what was saved before is intact",
			       what);
	case SQLITE_READONLY:
		return err_set(e, ERR_DB,
			       "%s: the database is read-only (%s); nothing was changed",
			       what, db && db->path ? db->path : "?");
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return err_set(e, ERR_DB,
			       "%s: the database file is damaged or not a madoguchi database (%s); restore it from a backup (madoguchi restore FILE)",
			       what, msg);
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		return err_set(e, ERR_DB, "%s: cannot read or write the database file (%s)", what, msg);
	case SQLITE_CONSTRAINT:
		if (!strncmp(msg, "rule: ", 6))
			return err_set(e, ERR_RULE, "%s", msg + 6);
		if ((rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY))
			return err_set(e, ERR_INPUT, "%s: already exists (%s)", what, msg);
		if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
			return err_set(e, ERR_INPUT, "%s: refers to a record that does not exist", what);
		return err_set(e, ERR_INPUT, "%s: a value is not allowed (%s)", what, msg);
	default:
		return err_set(e, ERR_DB, "%s: database error: %s", what, msg);
	}
}

static void fn_now(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct db *db = sqlite3_user_data(ctx);
	time_t t = db->pinned ? db->pinned : time(NULL);
	struct tm tm;
	char buf[32];

	(void)argc;
	(void)argv;
	gmtime_r(&t, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

static void fn_actor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct db *db = sqlite3_user_data(ctx);

	(void)argc;
	(void)argv;
	sqlite3_result_text(ctx, db->actor, -1, SQLITE_TRANSIENT);
}

/* mado_fold(text): the search key of kana_fold(), for readings. */
static void fn_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *s = sqlite3_value_text(argv[0]);
	char *f;

	(void)argc;
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	f = kana_fold((const char *)s);
	sqlite3_result_text(ctx, f, -1, free);
}

void db_set_actor(struct db *db, const char *actor)
{
	snprintf(db->actor, sizeof db->actor, "%s", actor && *actor ? actor : "desk");
}

void db_set_clock(struct db *db, time_t pinned)
{
	db->pinned = pinned;
}

bool db_readonly(const struct db *db)
{
	return db->readonly;
}

const char *db_path(const struct db *db)
{
	return db->path;
}

int db_exec(struct db *db, const char *sql, struct err *e)
{
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return db_fail(db, rc, "database", e);
	return 0;
}

static int pragma_int(struct db *db, const char *sql, int *out, struct err *e)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return db_fail(db, rc, "opening the database", e);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_fail(db, rc, "opening the database", e);
	}
	*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

int db_schema_version(struct db *db)
{
	int v = -1;
	struct err e;

	pragma_int(db, "PRAGMA user_version", &v, &e);
	return v;
}

static int migrate(struct db *db, struct err *e)
{
	int version, tables;

	if (pragma_int(db, "PRAGMA user_version", &version, e) < 0)
		return -1;
	if (version > migrations_COUNT)
		return err_set(e, ERR_DB,
			       "%s was made by a newer madoguchi (schema %d; this program knows up to %d); it was not touched. Use the newer program.",
			       db->path, version, migrations_COUNT);
	if (version == migrations_COUNT)
		return 0;
	if (version == 0) {
		if (pragma_int(db, "SELECT count(*) FROM sqlite_schema", &tables, e) < 0)
			return -1;
		if (tables > 0)
			return err_set(e, ERR_DB,
				       "%s is an SQLite database but not a madoguchi one; it was not touched",
				       db->path);
	}
	if (db->readonly)
		return err_set(e, ERR_DB,
			       "%s needs its schema upgraded (%d to %d) but is read-only",
			       db->path, version, migrations_COUNT);
	if (db_begin(db, e) < 0)
		return -1;
	/* another terminal may have migrated while we waited for the lock */
	if (pragma_int(db, "PRAGMA user_version", &version, e) < 0)
		goto fail;
	for (int i = version; i < migrations_COUNT; i++) {
		char *errmsg = NULL;
		int rc = sqlite3_exec(db->h, migrations[i], NULL, NULL, &errmsg);
		if (rc != SQLITE_OK) {
			err_set(e, ERR_DB, "upgrading the schema to version %d failed: %s",
				i + 1, errmsg ? errmsg : sqlite3_errstr(rc));
			sqlite3_free(errmsg);
			goto fail;
		}
	}
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", migrations_COUNT);
	if (db_exec(db, sql, e) < 0)
		goto fail;
	if (db_commit(db, e) < 0)
		goto fail;
	return 0;
fail:
	db_rollback(db);
	return -1;
}

int db_open(struct db **out, const char *path, int flags, struct err *e)
{
	struct db *db;
	struct stat stbuf;
	int rc, oflags;
	char *dir, *slash;

	*out = NULL;
	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	if (slash) {
		*slash = '\0';
		if (*dir && stat(dir, &stbuf) < 0) {
			err_set(e, ERR_DB, "the directory %s does not exist (database %s)", dir, path);
			free(dir);
			return -1;
		}
	}
	free(dir);

	if (stat(path, &stbuf) < 0) {
		if (errno != ENOENT || !(flags & DB_CREATE))
			return err_set(e, ERR_DB, "no database at %s (%s); create one with 'madoguchi init'",
				       path, strerror(errno));
		/* create the file private before sqlite opens it */
		int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			return err_set(e, ERR_DB, "cannot create %s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
	} else if (S_ISDIR(stbuf.st_mode)) {
		return err_set(e, ERR_DB, "%s is a directory, not a database", path);
	}

	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	db_set_actor(db, NULL);
	db->readonly = (flags & DB_READONLY) || access(path, W_OK) < 0;
	oflags = db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	rc = sqlite3_open_v2(path, &db->h, oflags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		db_fail(db, rc, "opening the database", e);
		goto fail;
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, 5000);
	sqlite3_create_function(db->h, "mado_now", 0, SQLITE_UTF8, db, fn_now, NULL, NULL);
	sqlite3_create_function(db->h, "mado_actor", 0, SQLITE_UTF8, db, fn_actor, NULL, NULL);
	sqlite3_create_function(db->h, "mado_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, db,
				fn_fold, NULL, NULL);

	/* Reading anything tells a damaged or foreign file early. */
	int n;
	if (pragma_int(db, "SELECT count(*) FROM sqlite_schema", &n, e) < 0)
		goto fail;
	if (db_exec(db, "PRAGMA foreign_keys = ON", e) < 0)
		goto fail;
	if (!db->readonly) {
		if (db_exec(db, "PRAGMA journal_mode = WAL", e) < 0)
			goto fail;
	}
	if (db_exec(db, "PRAGMA synchronous = FULL", e) < 0)
		goto fail;
	if (migrate(db, e) < 0)
		goto fail;
	*out = db;
	return 0;
fail:
	db_close(db);
	return -1;
}

void db_close(struct db *db)
{
	if (!db)
		return;
	for (int i = 0; i < db->n_cache; i++)
		sqlite3_finalize(db->cache[i].stmt);
	if (db->h)
		sqlite3_close(db->h);
	free(db->path);
	free(db);
}

sqlite3_stmt *db_stmt(struct db *db, const char *sql, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	for (int i = 0; i < db->n_cache; i++)
		if (db->cache[i].sql == sql) {
			sqlite3_reset(db->cache[i].stmt);
			sqlite3_clear_bindings(db->cache[i].stmt);
			return db->cache[i].stmt;
		}
	rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK) {
		db_fail(db, rc, "preparing a query", e);
		return NULL;
	}
	if (db->n_cache < DB_STMT_CACHE) {
		db->cache[db->n_cache].sql = sql;
		db->cache[db->n_cache].stmt = st;
		db->n_cache++;
	} else {
		die("statement cache full: raise DB_STMT_CACHE");
	}
	return st;
}

int db_begin(struct db *db, struct err *e)
{
	if (db->readonly)
		return err_set(e, ERR_DB, "the database %s is open read-only; nothing can be changed",
			       db->path);
	int rc = sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "starting a change", e);
	return 0;
}

int db_commit(struct db *db, struct err *e)
{
	int rc = sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);

	if (rc != SQLITE_OK) {
		db_fail(db, rc, "saving", e);
		db_rollback(db);
		return -1;
	}
	return 0;
}

void db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

long long db_change_counter(struct db *db)
{
	int v = 0;
	struct err e;

	if (pragma_int(db, "PRAGMA data_version", &v, &e) < 0)
		return -1;
	return v;
}

int db_bind_text(struct db *db, sqlite3_stmt *st, int i, const char *field,
		 const char *s, bool multiline, size_t max, struct err *e)
{
	char msg[512];
	int rc;

	if (!s)
		return err_set(e, ERR_INPUT, "%s: required", field);
	if (text_check(field, s, multiline ? TEXT_MULTI : TEXT_LINE, max, msg, sizeof msg) < 0)
		return err_set(e, ERR_INPUT, "%s", msg);
	rc = sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, field, e);
	return 0;
}

int db_bind_opt_text(struct db *db, sqlite3_stmt *st, int i, const char *field,
		     const char *s, bool multiline, size_t max, struct err *e)
{
	if (!s || !*s) {
		sqlite3_bind_null(st, i);
		return 0;
	}
	return db_bind_text(db, st, i, field, s, multiline, max, e);
}

int db_bind_int(struct db *db, sqlite3_stmt *st, int i, long long v, struct err *e)
{
	int rc = sqlite3_bind_int64(st, i, v);

	if (rc != SQLITE_OK)
		return db_fail(db, rc, "binding", e);
	return 0;
}

int db_bind_opt_id(struct db *db, sqlite3_stmt *st, int i, long long id, struct err *e)
{
	if (id <= 0) {
		sqlite3_bind_null(st, i);
		return 0;
	}
	return db_bind_int(db, st, i, id, e);
}

char *db_col_str(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s ? xstrdup((const char *)s) : NULL;
}

int db_step_done(struct db *db, sqlite3_stmt *st, const char *what, struct err *e)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, what, e);
	return 0;
}

int db_backup(struct db *db, const char *path, struct err *e)
{
	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	int rc, fd;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return err_set(e, ERR_DB, "cannot create %s: %s", path, strerror(errno));
	fchmod(fd, 0600);
	close(fd);
	rc = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		err_set(e, ERR_DB, "cannot open %s: %s", path, sqlite3_errstr(rc));
		sqlite3_close(dst);
		return -1;
	}
	b = sqlite3_backup_init(dst, "main", db->h, "main");
	if (!b) {
		err_set(e, ERR_DB, "backup to %s failed: %s", path, sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return -1;
	}
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		err_set(e, ERR_DB, "backup to %s failed: %s", path, sqlite3_errstr(rc));
		sqlite3_close(dst);
		return -1;
	}
	sqlite3_close(dst);
	return 0;
}

int db_check(struct db *db, struct err *e)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "PRAGMA quick_check", -1, &st, NULL);

	if (rc != SQLITE_OK)
		return db_fail(db, rc, "checking the database", e);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_fail(db, rc, "checking the database", e);
	}
	const char *r = (const char *)sqlite3_column_text(st, 0);
	if (!r || strcmp(r, "ok")) {
		err_set(e, ERR_DB, "the database is damaged: %s", r ? r : "?");
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}
