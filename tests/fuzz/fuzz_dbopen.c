/* Fuzz opening a database: a real madoguchi database (made once per
 * run) gets the input's schema version and page damage, is written to
 * a file and opened as every command opens it; when the open succeeds
 * the integrity check and a few reads run.  Nothing may crash, and a
 * refused open must say why.
 *
 * Input: 4 bytes user_version (big-endian, stored in the header as
 * is), 1 byte flags (1: open read-only, 2: cut the file after the page
 * in the next byte, 4: keep the template's own version, so the seeds
 * stay current when a migration is added), then patches of (2 bytes page, 2 bytes offset,
 * 1 byte length, that many bytes) until the input ends. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "db/db.h"
#include "db/db_admin.h"
#include "db/db_org.h"
#include "fuzz.h"
#include "util/mem.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)
#define PAGE 4096

static unsigned char *tmpl;
static size_t tmpl_len;

static int count_staff(const struct staff *s, void *arg)
{
	(void)s;
	++*(int *)arg;
	return 0;
}

static void no_problem(const char *line, void *arg)
{
	(void)line;
	(void)arg;
}

static void make_template(const char *path)
{
	struct db *db;
	struct err e = { 0 };
	struct staff s = { 0 };
	FILE *f;
	struct strbuf sb = STRBUF_INIT;
	char buf[PAGE];
	size_t n;

	unlink(path);
	if (db_open(&db, path, DB_CREATE, &e) < 0)
		die("fuzz: cannot make the template database: %s", e.msg);
	s.name = "山田";
	s.kana = "やまだ";
	s.desk = "general";
	s.active = true;
	if (db_staff_insert(db, &s, &e) < 0)
		die("fuzz: %s", e.msg);
	db_exec(db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE", &e);
	db_close(db);
	if (!(f = fopen(path, "rb")))
		die("fuzz: cannot read the template");
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	tmpl_len = sb.len;
	tmpl = xmalloc(tmpl_len);
	memcpy(tmpl, strbuf_str(&sb), tmpl_len);
	strbuf_release(&sb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[512], side[530];
	unsigned char *img;
	size_t len, i = 5;
	struct db *db = NULL;
	struct err e = { 0 };
	int fd, flags = 0;

	snprintf(path, sizeof path, "%s/desk.db", fuzz_tmpdir());
	if (!tmpl)
		make_template(path);
	if (size < 5)
		return 0;
	img = xmalloc(tmpl_len);
	memcpy(img, tmpl, tmpl_len);
	len = tmpl_len;
	if (!(data[4] & 4))
		memcpy(img + 60, data, 4);	/* user_version */
	if (data[4] & 1)
		flags = DB_READONLY;
	if ((data[4] & 2) && size > 5) {
		size_t keep = (size_t)data[5] * PAGE;
		if (keep < len)
			len = keep;
		i = 6;
	}
	while (i + 5 <= size) {
		size_t page = (size_t)(data[i] << 8 | data[i + 1]) % (tmpl_len / PAGE);
		size_t off = (size_t)(data[i + 2] << 8 | data[i + 3]) % PAGE;
		size_t n = data[i + 4];
		i += 5;
		if (n > size - i)
			n = size - i;
		if (n > PAGE - off)
			n = PAGE - off;
		memcpy(img + page * PAGE + off, data + i, n);
		i += n;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(write(fd, img, len) == (ssize_t)len);
	close(fd);
	free(img);
	for (const char *const *sfx = (const char *const[]){ "-wal", "-shm", "-journal", NULL }; *sfx; sfx++) {
		snprintf(side, sizeof side, "%s%s", path, *sfx);
		unlink(side);
	}

	if (db_open(&db, path, flags, &e) == 0) {
		int v = db_schema_version(db), n = 0;
		CHECK(v == db_schema_latest());
		if (db_check(db, &e) < 0)
			CHECK(e.msg[0]);
		if (db_integrity(db, no_problem, NULL, &e) < 0)
			CHECK(e.msg[0]);
		if (db_staff_list(db, false, count_staff, &n, &e) < 0)
			CHECK(e.msg[0]);
		db_close(db);
		if (getenv("FUZZ_VERBOSE"))
			fprintf(stderr, "opened, schema %d, %d staff\n", v, n);
	} else {
		CHECK(e.msg[0]);
		if (getenv("FUZZ_VERBOSE"))
			fprintf(stderr, "refused: %s\n", e.msg);
	}
	return 0;
}
