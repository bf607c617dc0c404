#ifndef MADO_DB_H
#define MADO_DB_H
/* The desk database: opening (mode 0600, WAL, synchronous FULL, busy
 * timeout, foreign keys), the numbered migrations, transactions and
 * errors.  Knows SQL and nothing of desk rules or screens; the record
 * functions live in db_*.h beside it. */

#include <stdbool.h>
#include <time.h>
#include "util/err.h"

struct db;

enum db_open_flags {
	DB_CREATE = 1,		/* create the file if missing */
	DB_READONLY = 2,	/* open for viewing only */
};

/* Open (and create, with DB_CREATE) the database at path and bring its
 * schema up to date.  A database from a newer program, a foreign or
 * damaged file or a missing directory fails with a message in e
 * (ERR_DB).  A file the user cannot write opens read-only:
 * db_readonly() tells.  When the file is current, the open reads only
 * its header (PRAGMA user_version); the schema is read by the first
 * statement, which reports a damaged schema as any statement does. */
int db_open(struct db **out, const char *path, int flags, struct err *e);
/* Read the schema now (what the first statement would do): a damaged
 * schema is refused here, before a screen starts. */
int db_ready(struct db *db, struct err *e);
void db_close(struct db *db);
bool db_readonly(const struct db *db);
const char *db_path(const struct db *db);
/* Refuse (ERR_INPUT, -1) an output file that is the database or its
 * -wal, -shm or -journal by any name; 0 when path is another file. */
int db_refuse_own_file(const struct db *db, const char *path, struct err *e);
/* The schema version the file has, and the one this program knows. */
int db_schema_version(struct db *db);
int db_schema_latest(void);

/* Who is at the desk (audit log) and the pinned clock (epoch; 0 for
 * the system clock), read by the SQL functions mado_actor/mado_now. */
void db_set_actor(struct db *db, const char *actor);
void db_set_clock(struct db *db, time_t pinned);

/* BEGIN IMMEDIATE: the write lock is taken before any check, so a
 * check and the write that follows it cannot interleave with another
 * terminal's. */
int db_begin(struct db *db, struct err *e);
int db_commit(struct db *db, struct err *e);
void db_rollback(struct db *db);
/* Inside a transaction: one item of a larger change (an imported
 * event), undone alone when it is refused while the rest goes on.
 * db_item_end(db, false) rolls back to db_item_begin() and keeps the
 * transaction open. */
int db_item_begin(struct db *db, struct err *e);
int db_item_end(struct db *db, bool keep, struct err *e);
/* Rows written by this connection so far (sqlite3_total_changes): a
 * change that writes nothing leaves it as it was. */
long long db_total_changes(struct db *db);

/* A number that changes whenever any connection commits a change:
 * screens poll it to redraw what other terminals did. */
long long db_change_counter(struct db *db);

/* Run a whole SQL script (used by tests and migrations). */
int db_exec(struct db *db, const char *sql, struct err *e);

/* Online backup of the open database to path (sqlite backup API): one
 * consistent moment even while others write, written to a private
 * temporary file beside path (mode 0600), synced, then renamed over
 * path.  The copy is a single file in rollback-journal mode. */
int db_backup(struct db *db, const char *path, struct err *e);
/* fsync the directory holding path (after a rename into it). */
void db_sync_dir(const char *path);
/* PRAGMA quick_check; 0 when it says ok. */
int db_check(struct db *db, struct err *e);

#endif
