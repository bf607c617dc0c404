#ifndef MADO_DB_ADMIN_H
#define MADO_DB_ADMIN_H
/* The operator's work on the database file as a whole: checking it,
 * checking a copy, putting a copy in place of it (restore), and
 * removing personal data of old records (retention).  Knows SQL and
 * files; no desk rules, no terminal. */

#include <stdbool.h>
#include "db/db.h"

/* PRAGMA integrity_check and foreign_key_check on the open database:
 * each problem line goes to cb.  Returns the number of problems, or -1
 * (message in e) when the checks could not run. */
int db_integrity(struct db *db, void (*cb)(const char *line, void *arg), void *arg,
		 struct err *e);

/* Check a copy without changing it: it opens read-only, passes PRAGMA
 * integrity_check, is a madoguchi database (its tables are there) and
 * its schema is not newer than this program's.  *version gets its
 * schema version.  0 good; -1 with the reason in e. */
int db_verify_file(const char *path, int *version, struct err *e);

/* Put the verified copy src in place of the database at target:
 *  - refuses (ERR_DB) while any other program has target open: it
 *    takes target out of WAL mode first, which SQLite allows only to
 *    the last connection, and holds an exclusive lock to the end;
 *  - keeps the replaced file as keep (mode 0600) when keep is set;
 *  - writes the copy to a private temporary file in target's
 *    directory, syncs it and renames it over target, so target is at
 *    every moment either the old database or the whole new one.
 * A damaged target (unreadable) is replaced as well; its -wal and -shm
 * are removed so they cannot be replayed onto the copy. */
int db_restore(const char *target, const char *src, const char *keep, struct err *e);

/* Retention: what was (or, on a dry run, would be) made anonymous. */
struct db_retention {
	long long appointments;	/* note and contact removed */
	long long inquiries;	/* summary and contact removed */
	long long inquiry_notes;	/* text removed */
	long long applications;	/* note removed */
	long long contacts;	/* contact persons deleted */
	long long individuals;	/* organizations of type individual made anonymous */
	long long extra_values;	/* values of a site's own form fields deleted */
	long long audit_rows;	/* audit rows of those records deleted */
};

/* Remove the personal data of records dated before the day before
 * (YYYY-MM-DD): appointment notes and contact persons, inquiry
 * summaries, their notes and contacts, application notes, contact
 * persons no newer record refers to, and individuals (organizations of
 * type individual) no newer record refers to, who become "(removed
 * #ID)", the values of a site's own form fields of those records, and
 * the address and text of the letters sent about them (db_mail.h).
 * What counts needs stays: dates, times, channels, topics,
 * statuses, organizations and their types and municipalities, staff.
 * The audit log is thinned with them: every audit row of those
 * records goes (their copies held the same values), and the run itself
 * is logged (tbl 'retention', with the counts).  Deleted content is
 * overwritten (secure_delete) and the WAL truncated afterwards when no
 * one is reading.  dry_run counts and changes nothing. */
int db_retention(struct db *db, const char *before, bool dry_run, struct db_retention *r,
		 struct err *e);

#endif
