/* db/db_extra: the values of site-added form fields on a real database
 * file: set, replace, delete, checks, and removal with their record. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tap.h"
#include "db/db_extra.h"
#include "db/db_org.h"
#include "util/mem.h"

static char *get_all(struct db *db, const char *tbl, long long id)
{
	struct extra_list l = { NULL, 0 };
	struct strbuf sb = STRBUF_INIT;
	struct err e;

	if (db_extra_get(db, tbl, id, &l, &e) < 0)
		return xstrdup("(error)");
	for (size_t i = 0; i < l.n; i++)
		strbuf_addf(&sb, "%s%s=%s", i ? ";" : "", l.v[i].key, l.v[i].value);
	extra_list_release(&l);
	char *s = xstrdup(strbuf_str(&sb));
	strbuf_release(&sb);
	return s;
}

#define IS_ALL(db, tbl, id, want, desc)                 \
	do {                                            \
		char *got_ = get_all(db, tbl, id);      \
		is_str(got_, want, desc);               \
		free(got_);                             \
	} while (0)

int main(void)
{
	char path[] = "/tmp/mado-test-extra-XXXXXX";
	int fd = mkstemp(path);
	struct db *db;
	struct err e = { 0 };

	setlocale(LC_ALL, "C.UTF-8");
	close(fd);
	unlink(path);
	if (db_open(&db, path, DB_CREATE, &e) < 0) {
		printf("Bail out! %s\n", e.msg);
		return 1;
	}
	struct org o = { 0 };
	o.name = "テスト団体";
	o.kana = "てすとだんたい";
	o.municipality = "港区";
	o.type = ORG_LOCAL;
	ok(db_org_insert(db, &o, &e) == 0, "an organization") || (diag("%s", e.msg), 0);

	ok(db_extra_set(db, "organization", o.id, "referral", "区役所の紹介", false, 0, &e) == 0,
	   "set a value");
	ok(db_extra_set(db, "organization", o.id, "area", "北部", false, 0, &e) == 0, "set another");
	IS_ALL(db, "organization", o.id, "area=北部;referral=区役所の紹介", "read back in key order");
	ok(db_extra_set(db, "organization", o.id, "area", "南部", false, 0, &e) == 0, "replace");
	IS_ALL(db, "organization", o.id, "area=南部;referral=区役所の紹介", "replaced");
	ok(db_extra_set(db, "organization", o.id, "area", "", false, 0, &e) == 0, "an empty value");
	IS_ALL(db, "organization", o.id, "referral=区役所の紹介", "deletes the key");
	IS_ALL(db, "appointment", o.id, "", "other tables are separate");

	ok(db_extra_set(db, "organization", o.id, "note2", "a\033[2Jb", false, 0, &e) < 0 &&
	   e.code == ERR_INPUT, "an escape sequence is refused");
	ok(db_extra_set(db, "organization", o.id, "note2", "\xff\xfe", false, 0, &e) < 0 &&
	   e.code == ERR_INPUT, "invalid UTF-8 is refused");
	ok(db_extra_set(db, "organization", o.id, "note2", "a\nb", false, 0, &e) < 0,
	   "a newline in a single-line value is refused");
	ok(db_extra_set(db, "organization", o.id, "note2", "a\nb", true, 0, &e) == 0,
	   "but allowed in a multiline value");
	ok(db_extra_set(db, "organization", o.id, "n", "12345", false, 4, &e) < 0,
	   "the field's limit holds");
	ok(db_extra_set(db, "organization", o.id, "Bad-Key", "x", false, 0, &e) < 0,
	   "a bad key is refused");
	ok(db_extra_set(db, "people", o.id, "a", "x", false, 0, &e) < 0, "a bad table is refused");
	ok(db_exec(db, "INSERT INTO extra_field (tbl, row_id, key, value) VALUES ('organization', 1, 'z', 'a' || char(27))", &e) < 0,
	   "the schema refuses control characters too");

	struct extra_list l = { NULL, 0 };
	extra_list_add(&l, "referral", "社協");
	extra_list_add(&l, "note2", "");
	extra_list_add(&l, "bad key", "x");
	ok(db_extra_set_all(db, "organization", o.id, &l, NULL, &e) < 0, "set_all with a bad pair fails");
	IS_ALL(db, "organization", o.id, "note2=a\nb;referral=区役所の紹介", "and changes nothing");
	free(l.v[2].key);
	l.v[2].key = xstrdup("area");
	ok(db_extra_set_all(db, "organization", o.id, &l, NULL, &e) == 0, "set_all") ||
		(diag("%s", e.msg), 0);
	IS_ALL(db, "organization", o.id, "area=x;referral=社協", "all in one go");
	is_str(extra_list_get(&l, "area"), "x", "extra_list_get");
	ok(extra_list_get(&l, "none") == NULL, "extra_list_get of a missing key");
	extra_list_release(&l);

	ok(db_exec(db, "DELETE FROM organization", &e) == 0, "delete the organization") ||
		(diag("%s", e.msg), 0);
	IS_ALL(db, "organization", o.id, "", "its extra values went with it");

	db_close(db);
	unlink(path);
	char wal[64];
	snprintf(wal, sizeof wal, "%s-wal", path);
	unlink(wal);
	snprintf(wal, sizeof wal, "%s-shm", path);
	unlink(wal);
	return done_testing();
}
