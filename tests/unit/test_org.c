/* core/org: org_request() and org_contact_ensure() on a real database
 * file.  Each check opens its own fresh database (testdb.h), so one
 * failing check leaves the others' state alone. */
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "testdb.h"
#include "core/formdef.h"
#include "core/org.h"
#include "db/db_extra.h"
#include "db/db_org.h"

static struct testdb t;
static struct desk_ctx d;
static struct err e;

static int setup(void)
{
	err_clear(&e);
	if (testdb_open(&t, &d, "org", "2026-11-24T10:15", &e) < 0) {
		diag("open: %s", e.msg);
		return -1;
	}
	return 0;
}

/* A new organization with just the required fields; its id or 0. */
static long long add(const char *name, const char *municipality)
{
	struct org_req r = { 0 };
	struct org_result res;

	r.name = name;
	r.type = "local";
	r.municipality = municipality;
	err_clear(&e);
	return org_request(&d, &r, &res, &e) < 0 ? 0 : res.id;
}

static void test_add(void)
{
	struct org_req r = { 0 };
	struct org_result res;
	struct org o = { 0 };

	if (setup() < 0)
		return (void)ok(0, "add: setup");
	r.name = "  墨田区 太壱みまもりネットワーク ";
	r.kana = "たいちみまもり";
	r.type = "地域福祉の担い手団体";
	r.municipality = "墨田区";
	r.phone = "03-1111-2222";
	ok(org_request(&d, &r, &res, &e) == 0 && res.id > 0 && res.changed &&
	   db_org_get(t.db, res.id, &o, &e) == 0 && !strcmp(o.name, "墨田区 太壱みまもりネットワーク") &&
	   o.type == ORG_LOCAL && !strcmp(o.phone, "03-1111-2222"),
	   "org_request adds an organization (name trimmed, type by Japanese name)");
	org_release(&o);
	testdb_close(&t);
}

static void test_refusals(void)
{
	static const struct {
		const char *name, *type, *municipality, *email, *field;
	} cases[] = {
		{ "", "local", "墨田区", NULL, "name" },
		{ "a", "company", "墨田区", NULL, "type" },
		{ "a", "local", "横浜市", NULL, "municipality" },
		{ "a", "local", "", NULL, "municipality" },
		{ "a", "local", "墨田区", "x\ny@example.jp", "email" },
		/* refused by core at its field, not later by the database */
		{ "ケア\u200b24", "local", "墨田区", NULL, "name" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct org_req r = { 0 };
		struct org_result res;
		if (setup() < 0) {
			ok(0, "refusal %zu: setup", i);
			continue;
		}
		r.name = cases[i].name;
		r.type = cases[i].type;
		r.municipality = cases[i].municipality;
		r.email = cases[i].email;
		long long before = db_total_changes(t.db);
		ok(org_request(&d, &r, &res, &e) < 0 && e.code == ERR_INPUT &&
		   !strcmp(e.field, cases[i].field) && db_total_changes(t.db) == before,
		   "refused at field %s, nothing written: %s", cases[i].field, e.msg);
		if (strcmp(e.field, cases[i].field))
			diag("field '%s'", e.field);
		testdb_close(&t);
	}
}

static void test_edit_unchanged(void)
{
	struct org_req r = { 0 };
	struct org_result res;

	if (setup() < 0)
		return (void)ok(0, "edit: setup");
	long long id = add("清瀬市社会福祉協議会", "清瀬市");
	r.id = id;
	r.name = "清瀬市社会福祉協議会";
	r.municipality = "清瀬市";
	long long before = db_total_changes(t.db);
	ok(id && org_request(&d, &r, &res, &e) == 0 && !res.changed &&
	   db_total_changes(t.db) == before, "an edit that changes nothing writes nothing");
	r.phone = "042-000-0000";
	struct org o = { 0 };
	ok(org_request(&d, &r, &res, &e) == 0 && res.changed && db_org_get(t.db, id, &o, &e) == 0 &&
	   o.phone && !strcmp(o.phone, "042-000-0000") && o.type == ORG_LOCAL,
	   "an edit changes what was given and keeps the rest");
	org_release(&o);
	r.phone = "";
	ok(org_request(&d, &r, &res, &e) == 0 && db_org_get(t.db, id, &o, &e) == 0 && !o.phone,
	   "an empty value clears an optional field");
	org_release(&o);
	testdb_close(&t);
}

static void test_missing_id(void)
{
	struct org_req r = { 0 };
	struct org_result res;

	if (setup() < 0)
		return (void)ok(0, "missing: setup");
	r.id = 999;
	r.name = "x";
	ok(org_request(&d, &r, &res, &e) < 0 && e.code == ERR_INPUT && !strcmp(e.field, "id"),
	   "a missing organization is refused at id: %s", e.msg);
	testdb_close(&t);
}

static void test_extras_one_transaction(void)
{
	struct formdef fd;
	struct extra_list l = { NULL, 0 };
	struct org_req r = { 0 };
	struct org_result res;
	static const char base[] = "field name\nlabel N\n";
	static const char site[] = "field members\nlabel Members\nmax 5\n";

	if (setup() < 0)
		return (void)ok(0, "extras: setup");
	formdef_init(&fd);
	if (formdef_parse(&fd, base, strlen(base), "b.form", false, &e) < 0 ||
	    formdef_parse(&fd, site, strlen(site), "s.form", true, &e) < 0) {
		ok(0, "extras: form: %s", e.msg);
		goto out;
	}
	r.name = "大地ネット";
	r.type = "local";
	r.municipality = "中野区";
	r.form = &fd;
	r.extras = &l;
	extra_list_add(&l, "members", "1234567");
	long long before = db_total_changes(t.db);
	ok(org_request(&d, &r, &res, &e) < 0 && !strcmp(e.field, "members") &&
	   db_total_changes(t.db) == before,
	   "a bad site field refuses the whole save (no organization left behind): %s", e.msg);
	extra_list_release(&l);
	extra_list_add(&l, "members", "12");
	struct extra_list got = { NULL, 0 };
	ok(org_request(&d, &r, &res, &e) == 0 &&
	   db_extra_get(t.db, "organization", res.id, &got, &e) == 0 &&
	   extra_list_get(&got, "members") && !strcmp(extra_list_get(&got, "members"), "12"),
	   "the site field is stored with the organization");
	extra_list_release(&got);
out:
	extra_list_release(&l);
	formdef_release(&fd);
	testdb_close(&t);
}

static void test_contact(void)
{
	long long id = 0, id2 = 0;

	if (setup() < 0)
		return (void)ok(0, "contact: setup");
	long long org = add("多摩市 高齢支援課", "多摩市");
	ok(org && org_contact_ensure(&d, org, "鈴木", "042-1", NULL, &id, &e) == 0 && id > 0 &&
	   org_contact_ensure(&d, org, "鈴木", NULL, NULL, &id2, &e) == 0 && id2 == id,
	   "org_contact_ensure makes a contact once and finds it again");
	ok(org_contact_ensure(&d, 0, "鈴木", NULL, NULL, &id, &e) < 0 && !strcmp(e.field, "contact"),
	   "a contact needs an organization (field contact)");
	ok(org_contact_ensure(&d, org, "", "03-1", NULL, &id, &e) < 0 && !strcmp(e.field, "phone"),
	   "a phone without a name is refused (field phone)");
	ok(org_contact_ensure(&d, org, "", NULL, NULL, &id, &e) == 0 && id == 0,
	   "no name: no contact");
	testdb_close(&t);
}

static void test_staff_add(void)
{
	long long id = 0;
	struct staff s;

	if (setup() < 0)
		return (void)ok(0, "staff add: setup");
	ok(staff_add(&d, " 山田 花子 ", "やまだ はなこ", NULL, &id, &e) == 0 && id > 0 &&
	   db_staff_find(t.db, "山田 花子", &s, &e) == 0 && !strcmp(s.desk, "general"),
	   "staff_add trims the name and defaults the desk to general");
	if (id > 0 && s.name)
		staff_release(&s);
	ok(staff_add(&d, "", NULL, NULL, &id, &e) < 0 && !strcmp(e.field, "name"),
	   "a staff member needs a name (field name)");
	ok(staff_add(&d, "佐藤", NULL, "reception", &id, &e) < 0 && !strcmp(e.field, "desk"),
	   "the desk is general or content (field desk): %s", e.msg);
	ok(staff_add(&d, "a\033b", NULL, NULL, &id, &e) < 0 && !strcmp(e.field, "name"),
	   "control characters in the name are refused");
	testdb_close(&t);
}

static void test_staff_active(void)
{
	long long id = 0;
	struct staff s;

	if (setup() < 0)
		return (void)ok(0, "staff active: setup");
	ok(staff_add(&d, "山田 花子", "やまだ はなこ", "content", &id, &e) == 0, "a staff member");
	ok(staff_set_active(&d, "山田", false, &e) == 0 && db_staff_find(t.db, "山田 花子", &s, &e) == 0 &&
	   !s.active, "staff_set_active retires a member named by a unique part of the name");
	staff_release(&s);
	ok(staff_set_active(&d, "山田 花子", false, &e) < 0 && e.code == ERR_RULE,
	   "retiring a retired member is refused: %s", e.msg);
	ok(staff_set_active(&d, "#1", true, &e) == 0, "and she returns, by id");
	ok(staff_set_active(&d, "鈴木", true, &e) < 0 && e.code == ERR_INPUT && !strcmp(e.field, "staff"),
	   "an unknown member is refused at staff: %s", e.msg);
	testdb_close(&t);
}

static int count_org(const struct org *o, void *arg)
{
	(void)o;
	++*(int *)arg;
	return 0;
}

static int count_staff(const struct staff *s, void *arg)
{
	(void)s;
	++*(int *)arg;
	return 0;
}

static void test_reads(void)
{
	struct org o = { 0 };
	struct staff s;
	long long id = 0;
	int n = 0, m = 0;

	if (setup() < 0)
		return (void)ok(0, "reads: setup");
	long long org = add("杉並区地域包括支援センター ケア24成田", "杉並区");
	ok(org && org_get(&d, org, &o, &e) == 0 && !strcmp(o.municipality, "杉並区"),
	   "org_get reads an organization");
	org_release(&o);
	ok(org_get(&d, 99, &o, &e) < 0 && e.code == ERR_INPUT, "org_get of a missing one");
	ok(org_search(&d, "ケア24", 10, count_org, &n, &e) == 1 && n == 1,
	   "org_search finds it by part of the name");
	ok(staff_add(&d, "山田 花子", "", NULL, &id, &e) == 0 && staff_set_active(&d, "山田", false, &e) == 0 &&
	   staff_list(&d, true, count_staff, &m, &e) == 0 && m == 0 &&
	   staff_list(&d, false, count_staff, &m, &e) == 1 && m == 1,
	   "staff_list lists the active ones, or all");
	ok(staff_get(&d, id, &s, &e) == 0 && !strcmp(s.name, "山田 花子") && !s.active,
	   "staff_get reads a retired member by id");
	staff_release(&s);
	ok(staff_get(&d, 99, &s, &e) == 1, "staff_get of a missing one is 1");
	testdb_close(&t);
}

int main(void)
{
	test_add();
	test_refusals();
	test_edit_unchanged();
	test_missing_id();
	test_extras_one_transaction();
	test_contact();
	test_staff_add();
	test_staff_active();
	test_reads();
	return done_testing();
}
