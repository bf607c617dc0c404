#include "db/db.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "db/db_admin.h"
#include "db/db_internal.h"
#include "migrations.h"
#include "util/file.h"
#include "util/i18n.h"
#include "util/kana.h"
#include "util/mem.h"
#include "util/text.h"

/* How long a write waits for another terminal's write to finish. */
#define DB_BUSY_MS 5000

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
			       _("%s: the database is busy (another desk is writing, or a program holds a lock); nothing was changed, try again"),
			       what);
	case SQLITE_FULL:
		return err_set(e, ERR_DB,
			       _("%s: the disk is full; nothing was saved, what was saved before is intact"),
			       what);
	case SQLITE_READONLY:
		return err_set(e, ERR_DB,
			       _("%s: the database is read-only (%s); nothing was changed"),
			       what, db && db->path ? db->path : "?");
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return err_set(e, ERR_DB,
			       _("%s: the database file is damaged or not a madoguchi database (%s); restore it from a backup (madoguchi restore FILE)"),
			       what, msg);
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		return err_set(e, ERR_DB, _("%s: cannot read or write the database file (%s)"), what, msg);
	case SQLITE_CONSTRAINT: {
		/* The schema's triggers raise 'rule: ...' in English: these
		 * marks put those texts in the catalog. */
		static const char *const rules[] = {
			N_("organizations outside Tokyo cannot apply"),
			N_("the program has selected as many as its cap"),
		};
		(void)rules;
		if (!strncmp(msg, "rule: ", 6))
			return err_set(e, ERR_RULE, "%s", _(msg + 6));
		if ((rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY))
			return err_set(e, ERR_INPUT, _("%s: already exists (%s)"), what, msg);
		if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
			return err_set(e, ERR_INPUT, _("%s: refers to a record that does not exist"), what);
		return err_set(e, ERR_INPUT, _("%s: a value is not allowed (%s)"), what, msg);
	}
	default:
		return err_set(e, ERR_DB, _("%s: database error: %s"), what, msg);
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

/* COLLATE mado_kana: readings in あいうえお order (kana_compare()). */
static int coll_kana(void *arg, int n1, const void *s1, int n2, const void *s2)
{
	char *a = xstrndup(s1, (size_t)n1), *b = xstrndup(s2, (size_t)n2);
	int c = kana_compare(a, b);

	(void)arg;
	free(a);
	free(b);
	return c;
}

/* mado_sortkey(text): kana_sort_key() as a BLOB, whose bytewise order
 * is the order of COLLATE mado_kana (for stored, indexed sort keys). */
static void fn_sortkey(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *s = sqlite3_value_text(argv[0]);
	char *k;

	(void)argc;
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	k = kana_sort_key((const char *)s);
	sqlite3_result_blob(ctx, k, (int)strlen(k), free);
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

/* mado_text_ok(v1, kind1, v2, kind2, ...): 1 when every non-NULL value
 * passes text_check() (kind 0 one line, 1 multi-line: newline and tab);
 * the text triggers of the schema (db/006) refuse a row with 0. */
static void fn_text_ok(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char err[8];

	for (int i = 0; i + 1 < argc; i += 2) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			continue;
		const char *s = (const char *)sqlite3_value_text(argv[i]);
		int n = sqlite3_value_bytes(argv[i]);
		if (!s || (int)strlen(s) != n ||	/* an embedded NUL */
		    text_check("", s, sqlite3_value_int(argv[i + 1]) ? TEXT_MULTI : TEXT_LINE, 0,
			       err, sizeof err) < 0) {
			sqlite3_result_int(ctx, 0);
			return;
		}
	}
	sqlite3_result_int(ctx, 1);
}

static void register_text_ok(sqlite3 *h)
{
	sqlite3_create_function(h, "mado_text_ok", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC |
				SQLITE_INNOCUOUS, NULL, fn_text_ok, NULL, NULL);
}

/* mado_grams(key): kana_grams() of a folded key, the tokens of the
 * search index (db/010_search_grams.sql). */
static void fn_grams(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *s = sqlite3_value_text(argv[0]);

	(void)argc;
	sqlite3_result_text(ctx, kana_grams((const char *)s), -1, free);
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

int db_refuse_own_file(const struct db *db, const char *path, struct err *e)
{
	if (db && file_is_database(path, db->path))
		return err_set(e, ERR_INPUT,
			       _("%s is the database or one of its own files (-wal, -shm, -journal); nothing was written. Give another file."),
			       path);
	return 0;
}

/* What the open leaves to the first statement: the settings whose
 * PRAGMA makes SQLite read the whole schema (synchronous, cache_size),
 * which that statement reads anyway.  Every write goes through
 * db_stmt(), db_exec() or db_begin(), so none runs before these. */
static int db_settle(struct db *db, struct err *e)
{
	/* FULL: a commit is on disk when it returns, in WAL mode too.
	 * 8 MiB of pages: a search verifies its newest 1,000 hits in
	 * the pages the last keystroke read (the default 2 MiB made each
	 * keystroke read them again). */
	static const char sql[] = "PRAGMA synchronous = FULL; PRAGMA cache_size = -8192";
	int rc;

	if (db->settled)
		return 0;
	if ((rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL)) != SQLITE_OK)
		return db_fail(db, rc, _("opening the database"), e);
	db->settled = true;
	return 0;
}

int db_ready(struct db *db, struct err *e)
{
	return db_settle(db, e);
}

int db_exec(struct db *db, const char *sql, struct err *e)
{
	if (db_settle(db, e) < 0)
		return -1;
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return db_fail(db, rc, _("database"), e);
	return 0;
}

static int pragma_int(struct db *db, const char *sql, int *out, struct err *e)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return db_fail(db, rc, _("opening the database"), e);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_fail(db, rc, _("opening the database"), e);
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

/* Bring the schema from version (read at open) to the latest. */
static int migrate(struct db *db, int version, struct err *e)
{
	int tables;

	if (version < 0)
		return err_set(e, ERR_DB, _("%s has a schema version no madoguchi writes (%d); it was not touched. Restore a backup with 'madoguchi restore FILE'"),
			       db->path, version);
	if (version > migrations_COUNT)
		return err_set(e, ERR_DB,
			       _("%s was made by a newer madoguchi (schema %d; this program knows up to %d); it was not touched. Use the newer program."),
			       db->path, version, migrations_COUNT);
	if (version == migrations_COUNT)
		return 0;
	if (version == 0) {
		if (pragma_int(db, "SELECT count(*) FROM sqlite_schema", &tables, e) < 0)
			return -1;
		if (tables > 0)
			return err_set(e, ERR_DB,
				       _("%s is an SQLite database but not a madoguchi one; it was not touched"),
				       db->path);
	}
	if (db->readonly)
		return err_set(e, ERR_DB,
			       _("%s needs its schema upgraded (%d to %d) but is read-only"),
			       db->path, version, migrations_COUNT);
	if (db_begin(db, e) < 0)
		return -1;
	/* another terminal may have migrated while we waited for the lock */
	if (pragma_int(db, "PRAGMA user_version", &version, e) < 0)
		goto fail;
	if (version < 0 || version > migrations_COUNT) {
		err_set(e, ERR_DB, _("%s has a schema version no madoguchi writes (%d); it was not touched. Restore a backup with 'madoguchi restore FILE'"),
			db->path, version);
		goto fail;
	}
	if (version == migrations_COUNT)
		goto done;
	for (int i = version; i < migrations_COUNT; i++) {
		char *errmsg = NULL;
		int rc = sqlite3_exec(db->h, migrations[i], NULL, NULL, &errmsg);
		if (rc != SQLITE_OK) {
			err_set(e, ERR_DB, _("upgrading the schema to version %d failed: %s"),
				i + 1, errmsg ? errmsg : sqlite3_errstr(rc));
			sqlite3_free(errmsg);
			goto fail;
		}
	}
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", migrations_COUNT);
	if (db_exec(db, sql, e) < 0)
		goto fail;
done:
	if (db_commit(db, e) < 0)
		goto fail;
	return 0;
fail:
	db_rollback(db);
	return -1;
}

/* What the first bytes of an existing file say, before SQLite reads
 * it: 0 fine, -1 with a message when the file is not an SQLite
 * database or is shorter than its header says (truncated).  The length
 * check is skipped while a -wal file with content exists: then SQLite
 * itself reconciles the two (a checkpoint writes page 1 before it
 * extends the file).  Order matters with other terminals writing: the
 * header first, then the -wal, then the size, which only grows.  *wal
 * tells whether the file is in WAL mode already (header bytes 18-19),
 * which never changes back once set (backups are written apart). */
static int check_header(const char *path, bool *wal_mode, struct err *e)
{
	unsigned char h[100];
	char wal[1100];
	struct stat wst, st;
	int fd;
	ssize_t n;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return err_set(e, ERR_DB, _("cannot read the database %s: %s"), path, strerror(errno));
	n = read(fd, h, sizeof h);
	if (n < (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16)) {
		close(fd);
		return err_set(e, ERR_DB,
			       _("%s is damaged or not a madoguchi database (it does not start like an SQLite file); it was not touched. Restore a backup with 'madoguchi restore FILE'"),
			       path);
	}
	unsigned pgsz = (unsigned)h[16] << 8 | h[17];
	if (pgsz == 1)
		pgsz = 65536;
	unsigned long pages = (unsigned long)h[28] << 24 | (unsigned long)h[29] << 16 |
			      (unsigned long)h[30] << 8 | h[31];
	bool valid = !memcmp(h + 24, h + 92, 4) && pages > 0;
	*wal_mode = h[18] == 2 && h[19] == 2;
	snprintf(wal, sizeof wal, "%s-wal", path);
	bool wal_empty = stat(wal, &wst) < 0 || wst.st_size == 0;
	int rc = fstat(fd, &st);
	close(fd);
	if (rc == 0 && valid && wal_empty &&
	    (unsigned long long)st.st_size < (unsigned long long)pages * pgsz)
		return err_set(e, ERR_DB,
			       _("%s is truncated (%lld bytes, its header says %llu): it was not touched. Restore a backup with 'madoguchi restore FILE'"),
			       path, (long long)st.st_size, (unsigned long long)pages * pgsz);
	return 0;
}

/* "file:PATH?immutable=1" with PATH escaped for a URI. */
static char *immutable_uri(const char *path)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, "file:");
	for (const char *p = path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			strbuf_addf(&sb, "%%%02X", (unsigned char)*p);
		else
			strbuf_add(&sb, p, 1);
	}
	strbuf_adds(&sb, "?immutable=1");
	return sb.buf;
}

static int open_handle(struct db *db, const char *name, int oflags, struct err *e)
{
	int rc = sqlite3_open_v2(name, &db->h, oflags | SQLITE_OPEN_NOMUTEX, NULL);

	if (rc != SQLITE_OK)
		return db_fail(db, rc, _("opening the database"), e);
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, DB_BUSY_MS);
	sqlite3_create_function(db->h, "mado_now", 0, SQLITE_UTF8, db, fn_now, NULL, NULL);
	sqlite3_create_function(db->h, "mado_actor", 0, SQLITE_UTF8, db, fn_actor, NULL, NULL);
	sqlite3_create_function(db->h, "mado_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, db,
				fn_fold, NULL, NULL);
	sqlite3_create_function(db->h, "mado_grams", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, db,
				fn_grams, NULL, NULL);
	sqlite3_create_function(db->h, "mado_sortkey", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, db,
				fn_sortkey, NULL, NULL);
	sqlite3_create_collation(db->h, "mado_kana", SQLITE_UTF8, NULL, coll_kana);
	register_text_ok(db->h);
	return 0;
}

/* Who may open the database file (and its -wal and -shm): never every
 * account; its group only in a shared desk folder (setgid, made by
 * `madoguchi setup`), where the file belongs to the folder's group.
 * Anything else is refused with the command that mends it. */
static int check_access(const char *path, const struct stat *dir, bool shared, struct err *e)
{
	static const char *const side[] = { "", "-wal", "-shm" };
	char file[1100];
	struct stat st;

	if (shared && (dir->st_mode & 0007))
		return err_set(e, ERR_DB, _("the desk folder of %s is open to every account (mode %04o): run chmod o-rwx on it"),
			       path, (unsigned)(dir->st_mode & 07777));
	for (size_t i = 0; i < sizeof side / sizeof side[0]; i++) {
		snprintf(file, sizeof file, "%s%s", path, side[i]);
		if (stat(file, &st) < 0)
			continue;
		if (st.st_mode & 0007)
			return err_set(e, ERR_DB, _("%s can be read by every account (mode %04o): run chmod o-rwx %s"),
				       file, (unsigned)(st.st_mode & 07777), file);
		if ((st.st_mode & 0070) && !shared)
			return err_set(e, ERR_DB, _("%s is open to its group (mode %04o) outside a shared desk folder: run chmod 600 %s, or set up a shared desk with 'madoguchi setup --group GROUP DIR'"),
				       file, (unsigned)(st.st_mode & 07777), file);
		if (shared && st.st_gid != dir->st_gid)
			return err_set(e, ERR_DB, _("%s is not in the desk folder's group: run chgrp --reference=%s %s"),
				       file, path, file);
	}
	return 0;
}

int db_open(struct db **out, const char *path, int flags, struct err *e)
{
	struct db *db;
	struct stat stbuf, dirst;
	int oflags, n, version;
	bool wal_mode = false;
	char *dir, *slash;

	*out = NULL;
	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	if (stat(slash ? (*dir ? dir : "/") : ".", &dirst) < 0) {
		err_set(e, ERR_DB, _("the directory %s does not exist (database %s)"), dir, path);
		free(dir);
		return -1;
	}
	free(dir);
	/* a setgid folder is a shared desk: its files are for its group.
	 * The -wal and -shm that sqlite makes there must be born 0660: with
	 * the private umask they would be 0600 until sqlite's chmod, and
	 * another account opening in between is refused. */
	bool shared = (dirst.st_mode & S_ISGID) != 0;
	if (shared)
		umask(007);

	if (stat(path, &stbuf) < 0) {
		if (errno != ENOENT || !(flags & DB_CREATE))
			return err_set(e, ERR_DB, _("no database at %s (%s); create one with 'madoguchi init'"),
				       path, strerror(errno));
		/* create the file private (or for the shared desk's group)
		 * before sqlite opens it; sqlite gives -wal and -shm its mode */
		int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			return err_set(e, ERR_DB, _("cannot create %s: %s"), path, strerror(errno));
		if (fd >= 0) {
			if (shared)
				fchmod(fd, 0660);
			close(fd);
		}
	} else if (S_ISDIR(stbuf.st_mode)) {
		return err_set(e, ERR_DB, _("%s is a directory, not a database"), path);
	} else if (!S_ISREG(stbuf.st_mode)) {
		/* a FIFO or a device would block the open or read forever */
		return err_set(e, ERR_DB, _("%s is not a regular file, not a database; it was not touched"), path);
	} else if (stbuf.st_size == 0 && !(flags & DB_CREATE)) {
		return err_set(e, ERR_DB, _("%s is empty, not a madoguchi database; create one with 'madoguchi init' or restore a backup"),
			       path);
	} else if (check_header(path, &wal_mode, e) < 0) {
		return -1;
	}
	if (check_access(path, &dirst, shared, e) < 0)
		return -1;

	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	db_set_actor(db, NULL);
	db->readonly = (flags & DB_READONLY) || access(path, W_OK) < 0;
	oflags = db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (open_handle(db, path, oflags, e) < 0)
		goto fail;

	/* The one read of the open is the schema version in the header:
	 * it tells a foreign or damaged first page, a newer or a negative
	 * version, and needs no parse of the schema (which costs ten times
	 * more at ten years and which the first statement reads anyway,
	 * db_settle()).  A read-only WAL database whose -shm cannot be
	 * created (read-only directory or medium) opens immutable: nobody
	 * can write it. */
	if (pragma_int(db, "PRAGMA user_version", &version, e) < 0) {
		int rc = sqlite3_extended_errcode(db->h) & 0xff;
		if (rc != SQLITE_CANTOPEN && rc != SQLITE_READONLY && rc != SQLITE_IOERR &&
		    rc != SQLITE_FULL)
			goto fail;
		sqlite3_close(db->h);
		db->h = NULL;
		/* A writable file whose -wal or -shm cannot be made (a
		 * read-only directory, a full disk) still opens for viewing. */
		if (!db->readonly) {
			db->readonly = true;
			if (open_handle(db, path, SQLITE_OPEN_READONLY, e) < 0)
				goto fail;
			if (pragma_int(db, "PRAGMA user_version", &version, e) == 0)
				goto opened;
			rc = sqlite3_extended_errcode(db->h) & 0xff;
			if (rc != SQLITE_CANTOPEN && rc != SQLITE_READONLY && rc != SQLITE_IOERR &&
			    rc != SQLITE_FULL)
				goto fail;
			sqlite3_close(db->h);
			db->h = NULL;
		}
		char *uri = immutable_uri(path);
		int crc = open_handle(db, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, e);
		free(uri);
		if (crc < 0 || pragma_int(db, "PRAGMA user_version", &version, e) < 0)
			goto fail;
	}
opened:
	/* Refuse a newer or a foreign file before anything writes to it
	 * (even switching it to WAL would change its bytes). */
	if (version < 0) {
		err_set(e, ERR_DB,
			_("%s has a schema version no madoguchi writes (%d); it was not touched. Restore a backup with 'madoguchi restore FILE'"),
			db->path, version);
		goto fail;
	}
	if (version > migrations_COUNT) {
		err_set(e, ERR_DB,
			_("%s was made by a newer madoguchi (schema %d; this program knows up to %d); it was not touched. Use the newer program."),
			db->path, version, migrations_COUNT);
		goto fail;
	}
	/* version 0: a new file, or some other program's database */
	if (version == 0 && pragma_int(db, "SELECT count(*) FROM sqlite_schema", &n, e) < 0)
		goto fail;
	if (version == 0 && n > 0) {
		err_set(e, ERR_DB, _("%s is an SQLite database but not a madoguchi one; it was not touched"),
			db->path);
		goto fail;
	}
	/* (sqlite3_exec: db_exec would settle the connection now) */
	int frc = sqlite3_exec(db->h, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	if (frc != SQLITE_OK && db_fail(db, frc, _("database"), e) < 0)
		goto fail;
	/* switching to WAL reads the schema: only a file not in WAL yet */
	if (!db->readonly && !wal_mode) {
		int rc = sqlite3_exec(db->h, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) & 0xff;
		/* no room or no right to make the -wal (a full disk, a
		 * read-only directory): the file still opens for viewing */
		if (rc == SQLITE_FULL || rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN ||
		    rc == SQLITE_IOERR)
			db->readonly = true;
		else if (rc != SQLITE_OK && db_fail(db, rc, _("database"), e) < 0)
			goto fail;
	}
	if (version != migrations_COUNT && migrate(db, version, e) < 0)
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
	free(db->cache);
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
	if (db_settle(db, e) < 0)
		return NULL;
	rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK) {
		db_fail(db, rc, _("preparing a query"), e);
		return NULL;
	}
	if (db->n_cache == db->cap_cache) {
		db->cap_cache = db->cap_cache ? db->cap_cache * 2 : 64;
		db->cache = xrealloc(db->cache, (size_t)db->cap_cache * sizeof *db->cache);
	}
	db->cache[db->n_cache].sql = sql;
	db->cache[db->n_cache].stmt = st;
	db->n_cache++;
	return st;
}

int db_begin(struct db *db, struct err *e)
{
	int rc;

	if (db->readonly)
		return err_set(e, ERR_DB, _("the database %s is open read-only; nothing can be changed"),
			       db->path);
	if (db_settle(db, e) < 0)
		return -1;
	/* The busy handler waits up to the busy timeout for the write
	 * lock.  Some BUSY results skip the handler (a WAL recovery or
	 * a checkpoint by the last connection closing): retry those for
	 * a while too, so a person never sees a "busy" a retry would
	 * have avoided. */
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		rc = sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		if ((rc & 0xff) != SQLITE_BUSY)
			break;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if ((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000 >= DB_BUSY_MS)
			break;
		sqlite3_sleep(20);
	}
	if (rc != SQLITE_OK)
		return db_fail(db, rc, _("starting a change"), e);
	return 0;
}

int db_commit(struct db *db, struct err *e)
{
	int rc = sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);

	if (rc != SQLITE_OK) {
		db_fail(db, rc, _("saving"), e);
		db_rollback(db);
		return -1;
	}
	return 0;
}

int db_item_begin(struct db *db, struct err *e)
{
	int rc = sqlite3_exec(db->h, "SAVEPOINT mado_item", NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : db_fail(db, rc, _("starting a change"), e);
}

int db_item_end(struct db *db, bool keep, struct err *e)
{
	int rc = SQLITE_OK;

	if (!keep)
		rc = sqlite3_exec(db->h, "ROLLBACK TO mado_item", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db->h, "RELEASE mado_item", NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : db_fail(db, rc, _("saving"), e);
}

long long db_total_changes(struct db *db)
{
	return sqlite3_total_changes64(db->h);
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

static int bind_checked(struct db *db, sqlite3_stmt *st, int i, const char *field,
			const char *s, enum text_kind kind, size_t max, struct err *e)
{
	char msg[512];
	int rc;

	if (!s)
		return err_set(e, ERR_INPUT, _("%s: required"), field);
	if (text_check(field, s, kind, max, msg, sizeof msg) < 0)
		return err_set(e, ERR_INPUT, "%s", msg);
	rc = sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, field, e);
	return 0;
}

int db_bind_text(struct db *db, sqlite3_stmt *st, int i, const char *field,
		 const char *s, bool multiline, size_t max, struct err *e)
{
	return bind_checked(db, st, i, field, s, multiline ? TEXT_MULTI : TEXT_LINE, max, e);
}

int db_bind_name(struct db *db, sqlite3_stmt *st, int i, const char *field,
		 const char *s, size_t max, struct err *e)
{
	return bind_checked(db, st, i, field, s, TEXT_NAME, max, e);
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
		return db_fail(db, rc, _("binding"), e);
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

sqlite3_stmt *db_row_by_id(struct db *db, const char *sql, long long id,
			   const char *missing, const char *what, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc;

	if (!st)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return st;
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		err_set(e, ERR_INPUT, missing, id);
	else
		db_fail(db, rc, what, e);
	return NULL;
}

int db_step_done(struct db *db, sqlite3_stmt *st, const char *what, struct err *e)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, what, e);
	return 0;
}

/* Remove PATH.tmp-PID-XXXXXX files of backups whose process is gone
 * (killed with SIGKILL, or the machine went down). */
static void remove_stale_tmp(const char *path)
{
	char dir[4096], *slash;
	const char *base;
	DIR *d;
	struct dirent *de;

	snprintf(dir, sizeof dir, "%s", path);
	slash = strrchr(dir, '/');
	if (slash) {
		*slash = '\0';
		base = path + (slash - dir) + 1;
		if (!*dir)
			snprintf(dir, sizeof dir, "/");
	} else {
		snprintf(dir, sizeof dir, ".");
		base = path;
	}
	size_t bl = strlen(base);
	if (!(d = opendir(dir)))
		return;
	while ((de = readdir(d))) {
		char *end;
		if (strncmp(de->d_name, base, bl) || strncmp(de->d_name + bl, ".tmp-", 5))
			continue;
		long pid = strtol(de->d_name + bl + 5, &end, 10);
		if (pid <= 0 || *end != '-' || strlen(end) != 7)
			continue;
		if (kill((pid_t)pid, 0) < 0 && errno == ESRCH) {
			char full[8300];
			snprintf(full, sizeof full, "%s/%s", dir, de->d_name);
			unlink(full);
		}
	}
	closedir(d);
}

int db_backup(struct db *db, const char *path, struct err *e)
{
	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	char *tmp = NULL;
	int rc, fd = -1, ret = -1;

	if (db_refuse_own_file(db, path, e) < 0)
		return -1;
	if (file_kind(path) != FILE_NONE && file_kind(path) != FILE_REGULAR)
		return err_set(e, ERR_INPUT, _("%s is not a regular file; give a file to back up to"), path);
	remove_stale_tmp(path);
	/* Write a private temporary file beside the target, then rename:
	 * a reader of path sees the old backup or the whole new one.  The
	 * signals that end a run wait until the file is renamed or
	 * removed; one left by kill -9 carries its pid, so the next backup
	 * removes it. */
	sigset_t block, old_mask;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGQUIT);
	sigprocmask(SIG_BLOCK, &block, &old_mask);
	tmp = xasprintf("%s.tmp-%ld-XXXXXX", path, (long)getpid());
	fd = mkstemp(tmp);
	if (fd < 0) {
		err_set(e, ERR_DB, _("cannot create %s: %s"), path, strerror(errno));
		free(tmp);
		sigprocmask(SIG_SETMASK, &old_mask, NULL);
		return -1;
	}
	fchmod(fd, 0600);
	rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		err_set(e, ERR_DB, _("cannot open %s: %s"), tmp, sqlite3_errstr(rc));
		goto out;
	}
	b = sqlite3_backup_init(dst, "main", db->h, "main");
	if (!b) {
		err_set(e, ERR_DB, _("backup to %s failed: %s"), path, sqlite3_errmsg(dst));
		goto out;
	}
	/* All pages in one step: one read transaction, so the copy is one
	 * consistent moment even while others write (WAL readers do not
	 * block writers, and a copy in steps would restart on every
	 * change another process commits). */
	for (int tries = 0;; tries++) {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_DONE || (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || tries > 250)
			break;
		sqlite3_sleep(20);
	}
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		db_fail(NULL, rc, _("backup"), e);
		goto out;
	}
	/* One self-contained file, no -wal beside it. */
	rc = sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		db_fail(NULL, rc, _("backup"), e);
		goto out;
	}
	sqlite3_close(dst);
	dst = NULL;
	if (fsync(fd) < 0 || close(fd) < 0) {
		fd = -1;
		err_set(e, ERR_DB, _("writing %s failed: %s"), path, strerror(errno));
		goto out;
	}
	fd = -1;
	/* a copy that restore would refuse is no backup */
	int version;
	struct err ve = { 0 };
	if (db_verify_file(tmp, &version, &ve) < 0) {
		err_set(e, ERR_DB, _("the database is damaged, so no usable backup can be made (%s); nothing was written to %s. Run 'madoguchi check'."),
			ve.msg, path);
		goto out;
	}
	if (rename(tmp, path) < 0) {
		err_set(e, ERR_DB, _("cannot write %s: %s"), path, strerror(errno));
		goto out;
	}
	db_sync_dir(path);
	ret = 0;
out:
	if (dst)
		sqlite3_close(dst);
	if (fd >= 0)
		close(fd);
	if (ret < 0)
		unlink(tmp);
	free(tmp);
	sigprocmask(SIG_SETMASK, &old_mask, NULL);
	return ret;
}

void db_sync_dir(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int fd;

	if (slash == dir)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	else
		strcpy(dir, ".");
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

int db_check(struct db *db, struct err *e)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "PRAGMA quick_check", -1, &st, NULL);

	if (rc != SQLITE_OK)
		return db_fail(db, rc, _("checking the database"), e);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_fail(db, rc, _("checking the database"), e);
	}
	const char *r = (const char *)sqlite3_column_text(st, 0);
	if (!r || strcmp(r, "ok")) {
		err_set(e, ERR_DB, _("the database is damaged: %s"), r ? r : "?");
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}
