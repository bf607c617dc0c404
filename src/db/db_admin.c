#include "db/db_admin.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "db/db_internal.h"
#include "util/i18n.h"
#include "util/mem.h"

int db_integrity(struct db *db, void (*cb)(const char *line, void *arg), void *arg,
		 struct err *e)
{
	static const char *const checks[] = { "PRAGMA integrity_check", "PRAGMA foreign_key_check" };
	int problems = 0;

	for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		sqlite3_stmt *st = db_stmt(db, i == 0 ? "PRAGMA integrity_check"
						      : "PRAGMA foreign_key_check", e);
		int rc;

		if (!st)
			return -1;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			char line[512];
			if (i == 0) {
				const char *r = (const char *)sqlite3_column_text(st, 0);
				if (r && !strcmp(r, "ok"))
					continue;
				snprintf(line, sizeof line, "%s", r ? r : "?");
			} else {
				const char *t = (const char *)sqlite3_column_text(st, 0);
				const char *p = (const char *)sqlite3_column_text(st, 2);
				snprintf(line, sizeof line, _("%s row %lld refers to a missing %s record"),
					 t ? t : "?", (long long)sqlite3_column_int64(st, 1), p ? p : "?");
			}
			problems++;
			cb(line, arg);
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			db_fail(db, rc, checks[i], e);
			if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB) {
				cb(e->msg, arg);
				return problems + 1;
			}
			return -1;
		}
	}
	return problems;
}

static int one_text(sqlite3 *h, const char *sql, char *buf, size_t n)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);
		snprintf(buf, n, "%s", s ? s : "");
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

int db_verify_file(const char *path, int *version, struct err *e)
{
	sqlite3 *h = NULL;
	struct stat sb;
	char buf[512];
	int rc, ret = -1;

	if (stat(path, &sb) < 0)
		return err_set(e, ERR_INPUT, _("cannot read %s: %s; nothing was changed"), path, strerror(errno));
	if (!S_ISREG(sb.st_mode) || sb.st_size < 512)
		return err_set(e, ERR_DB, _("%s is not a madoguchi database (not a database file); nothing was changed"), path);
	rc = sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL);
	if (rc == SQLITE_OK)
		sqlite3_busy_timeout(h, 5000);
	if (rc == SQLITE_OK)
		rc = one_text(h, "PRAGMA integrity_check", buf, sizeof buf);
	if (rc != SQLITE_OK) {
		err_set(e, ERR_DB, _("%s is not a usable database (%s); nothing was changed"), path, sqlite3_errstr(rc));
		goto out;
	}
	if (strcmp(buf, "ok")) {
		err_set(e, ERR_DB, _("%s is damaged (integrity check: %s); nothing was changed"), path, buf);
		goto out;
	}
	if ((rc = one_text(h, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN"
			   " ('organization', 'staff', 'appointment', 'audit')", buf, sizeof buf)) != SQLITE_OK ||
	    strcmp(buf, "4")) {
		err_set(e, ERR_DB, _("%s is not a madoguchi database; nothing was changed"), path);
		goto out;
	}
	if ((rc = one_text(h, "PRAGMA user_version", buf, sizeof buf)) != SQLITE_OK) {
		err_set(e, ERR_DB, _("%s: %s; nothing was changed"), path, sqlite3_errstr(rc));
		goto out;
	}
	*version = atoi(buf);
	if (*version < 1) {
		err_set(e, ERR_DB, _("%s is not a madoguchi database (no schema version); nothing was changed"), path);
		goto out;
	}
	if (*version > db_schema_latest()) {
		err_set(e, ERR_DB,
			_("%s was made by a newer madoguchi (schema %d; this program knows up to %d); nothing was changed"),
			path, *version, db_schema_latest());
		goto out;
	}
	ret = 0;
out:
	sqlite3_close(h);
	return ret;
}

/* Copy a file's bytes to a new private file (replacing it). */
static int copy_file(const char *from, const char *to, struct err *e)
{
	char buf[65536];
	char *tmp = xasprintf("%s.tmp-XXXXXX", to);
	int in = -1, out = -1, ret = -1;
	ssize_t n;

	in = open(from, O_RDONLY | O_CLOEXEC);
	if (in < 0) {
		err_set(e, ERR_DB, _("cannot read %s: %s"), from, strerror(errno));
		goto done;
	}
	out = mkstemp(tmp);
	if (out < 0) {
		err_set(e, ERR_DB, _("cannot create %s: %s"), to, strerror(errno));
		goto done;
	}
	fchmod(out, 0600);
	while ((n = read(in, buf, sizeof buf)) > 0) {
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(out, buf + off, (size_t)(n - off));
			if (w < 0) {
				err_set(e, ERR_DB, _("writing %s failed: %s"), to, strerror(errno));
				goto done;
			}
			off += w;
		}
	}
	if (n < 0 || fsync(out) < 0) {
		err_set(e, ERR_DB, _("copying to %s failed: %s"), to, strerror(errno));
		goto done;
	}
	close(out);
	out = -1;
	if (rename(tmp, to) < 0) {
		err_set(e, ERR_DB, _("cannot write %s: %s"), to, strerror(errno));
		goto done;
	}
	ret = 0;
done:
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
	if (ret < 0)
		unlink(tmp);
	free(tmp);
	return ret;
}

/* Write a WAL-mode copy of src into a new private file in dir of
 * target; returns its name (caller frees) or NULL. */
static char *write_copy(const char *target, const char *src, struct err *e)
{
	char *tmp = xasprintf("%s.restore-XXXXXX", target);
	sqlite3 *from = NULL, *to = NULL;
	sqlite3_backup *b;
	int fd, rc;

	fd = mkstemp(tmp);
	if (fd < 0) {
		err_set(e, ERR_DB, _("cannot create a file beside %s: %s"), target, strerror(errno));
		free(tmp);
		return NULL;
	}
	fchmod(fd, 0600);
	rc = sqlite3_open_v2(src, &from, SQLITE_OPEN_READONLY, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK)
		goto fail;
	b = sqlite3_backup_init(to, "main", from, "main");
	if (!b) {
		rc = sqlite3_errcode(to);
		goto fail;
	}
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		goto fail;
	rc = sqlite3_exec(to, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		goto fail;
	/* the last connection closing checkpoints and removes the -wal */
	rc = sqlite3_close(to);
	to = NULL;
	if (rc != SQLITE_OK)
		goto fail;
	if (fsync(fd) < 0) {
		rc = SQLITE_IOERR;
		goto fail;
	}
	close(fd);
	sqlite3_close(from);
	return tmp;
fail:
	db_fail(NULL, rc, _("restore"), e);
	sqlite3_close(to);
	sqlite3_close(from);
	close(fd);
	unlink(tmp);
	free(tmp);
	return NULL;
}

static void unlink_sidecars(const char *path)
{
	char *p = xasprintf("%s-wal", path);
	unlink(p);
	free(p);
	p = xasprintf("%s-shm", path);
	unlink(p);
	free(p);
	p = xasprintf("%s-journal", path);
	unlink(p);
	free(p);
}

int db_restore(const char *target, const char *src, const char *keep, struct err *e)
{
	sqlite3 *h = NULL;
	struct stat sb;
	char mode[32] = "";
	char *copy = NULL;
	int rc, version, ret = -1;
	bool damaged = false;

	if (db_verify_file(src, &version, e) < 0)
		return -1;
	if (stat(target, &sb) == 0) {
		struct stat ss;
		if (stat(src, &ss) == 0 && ss.st_dev == sb.st_dev && ss.st_ino == sb.st_ino)
			return err_set(e, ERR_INPUT, _("%s is the database itself"), src);
		rc = sqlite3_open_v2(target, &h, SQLITE_OPEN_READWRITE, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_busy_timeout(h, 2000);
			rc = one_text(h, "PRAGMA journal_mode = DELETE", mode, sizeof mode);
		}
		if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT) {
			damaged = true;
		} else if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED ||
			   (rc == SQLITE_OK && strcmp(mode, "delete"))) {
			err_set(e, ERR_DB,
				_("%s is open in another program (a desk screen or a command); close it everywhere and try again. Nothing was changed."),
				target);
			goto out;
		} else if (rc != SQLITE_OK) {
			db_fail(NULL, rc, _("restore"), e);
			goto out;
		} else {
			/* held to the end: nobody opens it in between */
			rc = sqlite3_exec(h, "BEGIN EXCLUSIVE", NULL, NULL, NULL);
			if (rc != SQLITE_OK) {
				err_set(e, ERR_DB,
					_("%s is in use by another program; close it everywhere and try again. Nothing was changed."),
					target);
				goto out;
			}
		}
		if (keep && copy_file(target, keep, e) < 0)
			goto out;
		/* the copy kept in the desk's folder is the desk's, like the database */
		if (keep && (chown(keep, (uid_t)-1, sb.st_gid) < 0 || chmod(keep, sb.st_mode & 0660) < 0)) {
			err_set(e, ERR_DB, _("cannot give %s the database's group and mode: %s"), keep,
				strerror(errno));
			goto out;
		}
	} else if (errno != ENOENT) {
		return err_set(e, ERR_DB, _("cannot use %s: %s"), target, strerror(errno));
	}
	copy = write_copy(target, src, e);
	if (!copy)
		goto out;
	if (damaged)
		unlink_sidecars(target);
	if (h || damaged) {
		/* the desk's file keeps its group and mode (a shared desk's 0660) */
		if (chown(copy, (uid_t)-1, sb.st_gid) < 0 || chmod(copy, sb.st_mode & 0660) < 0) {
			err_set(e, ERR_DB, _("cannot give the restored copy the database's group and mode: %s"),
				strerror(errno));
			unlink(copy);
			goto out;
		}
	}
	if (rename(copy, target) < 0) {
		err_set(e, ERR_DB, _("cannot replace %s: %s"), target, strerror(errno));
		unlink(copy);
		goto out;
	}
	db_sync_dir(target);
	ret = 0;
out:
	if (h) {
		if (!sqlite3_get_autocommit(h))
			sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
		if (ret < 0 && !damaged && !strcmp(mode, "delete"))
			sqlite3_exec(h, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
		sqlite3_close(h);
	}
	free(copy);
	return ret;
}

static int run(struct db *db, sqlite3_stmt *st, const char *before, long long *changes,
	       struct err *e)
{
	if (!st)
		return -1;
	if (sqlite3_bind_parameter_count(st) >= 1 &&
	    sqlite3_bind_text(st, 1, before, -1, SQLITE_TRANSIENT) != SQLITE_OK)
		return db_fail(db, SQLITE_NOMEM, _("retention"), e);
	if (db_step_done(db, st, _("retention"), e) < 0)
		return -1;
	if (changes)
		*changes = sqlite3_changes(db->h);
	return 0;
}

/* Records that refer to a contact or an organization, old or new. */
#define OLD_REFS(col) \
	"SELECT " col " FROM appointment WHERE date < ?1 AND " col " IS NOT NULL" \
	" UNION SELECT " col " FROM inquiry WHERE received_at < ?1 AND " col " IS NOT NULL"
#define NEW_REFS(col) \
	"SELECT " col " FROM appointment WHERE date >= ?1 AND " col " IS NOT NULL" \
	" UNION SELECT " col " FROM inquiry WHERE received_at >= ?1 AND " col " IS NOT NULL"

int db_retention(struct db *db, const char *before, bool dry_run, struct db_retention *r,
		 struct err *e)
{
	memset(r, 0, sizeof *r);
	if (db_exec(db, "PRAGMA secure_delete = ON", e) < 0)
		return -1;
	if (run(db, db_stmt(db, "CREATE TEMP TABLE IF NOT EXISTS retention_gone"
			    " (tbl TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (tbl, id))", e),
		before, NULL, e) < 0)
		return -1;
	if (db_begin(db, e) < 0)
		return -1;
	if (run(db, db_stmt(db, "DELETE FROM temp.retention_gone", e), before, NULL, e) < 0 ||
	    /* contact persons only old records refer to */
	    run(db, db_stmt(db, "INSERT INTO temp.retention_gone (tbl, id)"
			    " SELECT 'contact', id FROM contact WHERE id IN (" OLD_REFS("contact_id") ")"
			    " AND id NOT IN (" NEW_REFS("contact_id") ")", e), before, NULL, e) < 0 ||
	    /* individuals only old records refer to, and their contacts */
	    run(db, db_stmt(db, "INSERT INTO temp.retention_gone (tbl, id)"
			    " SELECT 'organization', id FROM organization WHERE type = 'individual'"
			    " AND name NOT GLOB '(removed #*'"
			    " AND id IN (" OLD_REFS("org_id")
			    " UNION SELECT org_id FROM application WHERE coalesce(received, substr(created_at, 1, 10)) < ?1)"
			    " AND id NOT IN (" NEW_REFS("org_id")
			    " UNION SELECT org_id FROM application WHERE coalesce(received, substr(created_at, 1, 10)) >= ?1)",
			    e), before, NULL, e) < 0 ||
	    run(db, db_stmt(db, "INSERT OR IGNORE INTO temp.retention_gone (tbl, id)"
			    " SELECT 'contact', id FROM contact WHERE org_id IN"
			    " (SELECT id FROM temp.retention_gone WHERE tbl = 'organization')", e),
		before, NULL, e) < 0 ||
	    run(db, db_stmt(db, "DELETE FROM contact WHERE id IN"
			    " (SELECT id FROM temp.retention_gone WHERE tbl = 'contact')", e),
		before, &r->contacts, e) < 0 ||
	    run(db, db_stmt(db, "UPDATE organization SET name = '(removed #' || id || ')', kana = '',"
			    " phone = NULL, email = NULL, address = NULL, note = NULL, updated_at = mado_now(),"
			    " name_key = mado_fold('(removed #' || id || ')'), kana_key = '', sort_key = X'FF'"
			    " WHERE id IN (SELECT id FROM temp.retention_gone WHERE tbl = 'organization')", e),
		before, &r->individuals, e) < 0 ||
	    run(db, db_stmt(db, "UPDATE appointment SET note = NULL, contact_id = NULL"
			    " WHERE date < ?1 AND (note IS NOT NULL OR contact_id IS NOT NULL)", e),
		before, &r->appointments, e) < 0 ||
	    run(db, db_stmt(db, "UPDATE inquiry SET summary = '', contact_id = NULL"
			    " WHERE received_at < ?1 AND (summary <> '' OR contact_id IS NOT NULL)", e),
		before, &r->inquiries, e) < 0 ||
	    run(db, db_stmt(db, "UPDATE inquiry_note SET text = '' WHERE text <> '' AND inquiry_id IN"
			    " (SELECT id FROM inquiry WHERE received_at < ?1)", e),
		before, &r->inquiry_notes, e) < 0 ||
	    run(db, db_stmt(db, "UPDATE application SET note = NULL WHERE note IS NOT NULL"
			    " AND coalesce(received, substr(created_at, 1, 10)) < ?1", e),
		before, &r->applications, e) < 0 ||
	    /* the letters to old bookings' contacts (schema 6): what was
	     * sent, when and which version stay; address and text go */
	    run(db, db_stmt(db, "UPDATE mail_letter SET to_addr = '(removed)', subject = '', body = '',"
			    " ics = '', error = NULL WHERE to_addr <> '(removed)' AND appt_id IN"
			    " (SELECT id FROM appointment WHERE date < ?1)", e),
		before, NULL, e) < 0 ||
	    /* a site's own form fields (schema 3) may hold anything */
	    run(db, db_stmt(db, "DELETE FROM extra_field WHERE"
			    " (tbl = 'appointment' AND row_id IN (SELECT id FROM appointment WHERE date < ?1))"
			    " OR (tbl = 'inquiry' AND row_id IN (SELECT id FROM inquiry WHERE received_at < ?1))"
			    " OR (tbl = 'organization' AND row_id IN"
			    " (SELECT id FROM temp.retention_gone WHERE tbl = 'organization'))", e),
		before, &r->extra_values, e) < 0)
		goto fail;

	/* The full-text indexes (schemas 2 and 6) keep deleted terms until
	 * their segments merge: merge them now so no trigram, character or
	 * pair of a removed text stays in the file. */
	if (run(db, db_stmt(db, "INSERT INTO inquiry_fts (inquiry_fts) VALUES ('optimize')", e),
		before, NULL, e) < 0 ||
	    run(db, db_stmt(db, "INSERT INTO inquiry_note_fts (inquiry_note_fts) VALUES ('optimize')", e),
		before, NULL, e) < 0 ||
	    run(db, db_stmt(db, "INSERT INTO inquiry_gram (inquiry_gram) VALUES ('optimize')", e),
		before, NULL, e) < 0)
		goto fail;

	/* The audit log keeps old and new values: it is thinned with the
	 * records it describes.  Every audit row of a record whose personal
	 * data went above (the rows those changes just logged included)
	 * goes: their history held the same data, and it is most of the
	 * file (README, Backups and retention). */
	if (run(db, db_stmt(db, "DELETE FROM audit WHERE"
			    " (tbl IN ('appointment', 'appointment_topic')"
			    "  AND row_id IN (SELECT id FROM appointment WHERE date < ?1))"
			    " OR (tbl = 'inquiry' AND row_id IN (SELECT id FROM inquiry WHERE received_at < ?1))"
			    " OR (tbl = 'inquiry_note' AND row_id IN (SELECT id FROM inquiry_note WHERE inquiry_id IN"
			    "  (SELECT id FROM inquiry WHERE received_at < ?1)))"
			    " OR (tbl IN ('application', 'application_item') AND row_id IN (SELECT id FROM application"
			    "  WHERE coalesce(received, substr(created_at, 1, 10)) < ?1))"
			    " OR (tbl = 'extra_field' AND ("
			    "  (json_extract(coalesce(new, old), '$.tbl') = 'appointment'"
			    "   AND row_id IN (SELECT id FROM appointment WHERE date < ?1))"
			    "  OR (json_extract(coalesce(new, old), '$.tbl') = 'inquiry'"
			    "   AND row_id IN (SELECT id FROM inquiry WHERE received_at < ?1))"
			    "  OR (json_extract(coalesce(new, old), '$.tbl') = 'organization'"
			    "   AND row_id IN (SELECT id FROM temp.retention_gone WHERE tbl = 'organization'))))"
			    " OR (tbl IN ('contact', 'organization')"
			    "  AND row_id IN (SELECT id FROM temp.retention_gone WHERE tbl = audit.tbl))", e),
		before, &r->audit_rows, e) < 0)
		goto fail;

	sqlite3_stmt *st = db_stmt(db, "INSERT INTO audit (at, actor, tbl, row_id, action, new)"
				   " VALUES (mado_now(), mado_actor(), 'retention', NULL, 'update',"
				   " json_object('before', ?1, 'appointments', ?2, 'inquiries', ?3,"
				   " 'inquiry_notes', ?4, 'applications', ?5, 'contacts', ?6, 'individuals', ?7, 'extra_values', ?8,"
				   " 'audit_rows', ?9))", e);
	if (!st || db_bind_text(db, st, 1, _("before"), before, false, 10, e) < 0 ||
	    db_bind_int(db, st, 2, r->appointments, e) < 0 ||
	    db_bind_int(db, st, 3, r->inquiries, e) < 0 ||
	    db_bind_int(db, st, 4, r->inquiry_notes, e) < 0 ||
	    db_bind_int(db, st, 5, r->applications, e) < 0 ||
	    db_bind_int(db, st, 6, r->contacts, e) < 0 ||
	    db_bind_int(db, st, 7, r->individuals, e) < 0 ||
	    db_bind_int(db, st, 8, r->extra_values, e) < 0 ||
	    db_bind_int(db, st, 9, r->audit_rows, e) < 0 ||
	    db_step_done(db, st, _("retention"), e) < 0)
		goto fail;
	if (dry_run) {
		db_rollback(db);
		return 0;
	}
	if (db_commit(db, e) < 0)
		return -1;
	/* Old content may still sit in the WAL: copy it in and empty it
	 * (skipped quietly while another terminal reads). */
	sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	return 0;
fail:
	db_rollback(db);
	return -1;
}
