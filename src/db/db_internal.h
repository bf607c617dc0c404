#ifndef MADO_DB_INTERNAL_H
#define MADO_DB_INTERNAL_H
/* Shared by the src/db/ files only: the connection, the statement
 * cache and the binding helpers.  Nothing outside src/db includes it. */

#include <sqlite3.h>
#include "db/db.h"
#include "db/model.h"
#include "util/date.h"

struct db {
	sqlite3 *h;
	char *path;
	bool readonly;
	bool settled;		/* db_settle() done: the schema is read */
	time_t pinned;
	char actor[64];
	struct db_cached {
		const char *sql;
		sqlite3_stmt *stmt;
	} *cache;		/* grows; statements live as long as the connection */
	int n_cache, cap_cache;
};

/* A prepared statement for sql, kept for the connection's life and
 * reset for reuse.  sql must be a string literal (cached by address). */
sqlite3_stmt *db_stmt(struct db *db, const char *sql, struct err *e);
/* Turn an sqlite result into a message for people in e; returns -1.
 * Constraint failures raised as 'rule: ...' become ERR_RULE, other
 * CHECK failures ERR_INPUT, everything else ERR_DB. */
int db_fail(struct db *db, int rc, const char *what, struct err *e);

/* Bind helpers: text is checked (valid UTF-8, no control characters)
 * before it is bound; NULL or "" binds NULL for optional fields. */
int db_bind_text(struct db *db, sqlite3_stmt *st, int i, const char *field,
		 const char *s, bool multiline, size_t max, struct err *e);
int db_bind_opt_text(struct db *db, sqlite3_stmt *st, int i, const char *field,
		     const char *s, bool multiline, size_t max, struct err *e);
/* A name (organization, contact, staff, program): one line and no
 * invisible characters, so look-alike names cannot be made. */
int db_bind_name(struct db *db, sqlite3_stmt *st, int i, const char *field,
		 const char *s, size_t max, struct err *e);
int db_bind_int(struct db *db, sqlite3_stmt *st, int i, long long v, struct err *e);
int db_bind_opt_id(struct db *db, sqlite3_stmt *st, int i, long long id, struct err *e);
/* A column as a new string (NULL when SQL NULL). */
char *db_col_str(sqlite3_stmt *st, int i);
/* A date column as a day number; 0 when NULL or not a date. */
static inline int db_col_day(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	int day;

	return s && date_parse(s, &day) == 0 ? day : 0;
}
/* An optional integer column (a cap, a minute); -1 when NULL. */
static inline int db_col_opt_int(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int(st, i);
}
/* Step a statement that returns no rows; resets it. */
int db_step_done(struct db *db, sqlite3_stmt *st, const char *what, struct err *e);

/* The statement of sql (one ? for the id) stepped onto the row of id,
 * for the caller to read and then sqlite3_reset(); NULL with e set when
 * there is no such row (missing: "no appointment #%lld", ERR_INPUT) or
 * on failure (what names the record in the message). */
sqlite3_stmt *db_row_by_id(struct db *db, const char *sql, long long id,
			   const char *missing, const char *what, struct err *e);

/* End a read of st whose last sqlite3_step gave rc (SQLITE_ROW when the
 * caller stopped early or read a single row): resets st and returns n,
 * or -1 with the failure in e when rc is an error. */
static inline int db_rows_done(struct db *db, sqlite3_stmt *st, int rc, int n,
			       const char *what, struct err *e)
{
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, rc, what, e);
	return n;
}

#endif
