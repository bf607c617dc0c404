/* core/program: the field keys of its refusals (program_add,
 * program_resolve, program_event_add, program_apply,
 * application_set_status, application_check).  Each check opens its own
 * fresh database. */
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "testdb.h"
#include "core/org.h"
#include "core/program.h"
#include "util/date.h"
#include "util/mem.h"

static struct testdb t;
static struct desk_ctx d;
static struct err e;

/* A fresh desk with program #1 (cap 1) and organizations #1 (Tokyo)
 * and #2 (outside Tokyo). */
static int setup(void)
{
	struct program p = { 0 };
	struct org_req o = { 0 };
	struct org_result res;

	err_clear(&e);
	if (testdb_open(&t, &d, "program", "2026-11-24T10:15", &e) < 0) {
		diag("open: %s", e.msg);
		return -1;
	}
	p.name = xstrdup("伴走支援事業");
	p.cap = 1;
	o.type = "council";
	o.name = "大田区社会福祉協議会";
	o.municipality = "大田区";
	int rc = program_add(&d, &p, NULL, 0, &e) < 0 || org_request(&d, &o, &res, &e) < 0 ? -1 : 0;
	o.name = "川崎市社会福祉協議会";
	o.municipality = "東京都外";
	if (rc == 0 && org_request(&d, &o, &res, &e) < 0)
		rc = -1;
	program_release(&p);
	if (rc < 0) {
		diag("setup: %s", e.msg);
		testdb_close(&t);
	}
	return rc;
}

static void test_add_resolve(void)
{
	struct program p = { 0 };
	long long id;

	if (setup() < 0)
		return (void)ok(0, "add: setup");
	p.name = xstrdup("");
	ok(program_add(&d, &p, NULL, 0, &e) < 0 && !strcmp(e.field, "name"),
	   "program_add: a name is required (field name)");
	program_release(&p);
	ok(program_resolve(&d, "#9", &id, &e) < 0 && !strcmp(e.field, "program"),
	   "program_resolve: a missing program is refused at program: %s", e.msg);
	ok(program_resolve(&d, "伴走", &id, &e) == 0 && id == 1, "a unique part of the name");
	testdb_close(&t);
}

static void test_event(void)
{
	struct program_event ev = { 0 };

	if (setup() < 0)
		return (void)ok(0, "event: setup");
	ev.program_id = 1;
	ev.title = xstrdup("説明会");
	date_parse("2026-12-05", &ev.day);
	ev.start_min = 18 * 60;
	ev.end_min = 17 * 60;
	ev.capacity = -1;
	ok(program_event_add(&d, &ev, &e) < 0 && !strcmp(e.field, "end"),
	   "program_event_add: an end before the start is refused at end: %s", e.msg);
	ev.end_min = 20 * 60;
	ok(program_event_add(&d, &ev, &e) == 0 && ev.id > 0, "a good event is added");
	program_event_release(&ev);
	testdb_close(&t);
}

static void test_apply_status_check(void)
{
	struct application a = { 0 };

	if (setup() < 0)
		return (void)ok(0, "apply: setup");
	a.program_id = 1;
	a.org_id = 2;
	ok(program_apply(&d, &a, &e) < 0 && e.code == ERR_RULE && !strcmp(e.field, "org"),
	   "program_apply: outside Tokyo is refused at org: %s", e.msg);
	a.org_id = 1;
	ok(program_apply(&d, &a, &e) == 0 && a.id > 0, "a Tokyo organization applies");
	ok(application_set_status(&d, a.id, AS_CONSULTING, &e) < 0 && !strcmp(e.field, "status"),
	   "application_set_status: the same status is refused at status");
	ok(application_set_status(&d, 99, AS_APPLIED, &e) < 0 && e.code == ERR_INPUT &&
	   !strcmp(e.field, "id"), "a missing application is refused at id: %s", e.msg);
	ok(application_check(&d, a.id, "no_such_item", true, &e) < 0 && !strcmp(e.field, "item"),
	   "application_check: an item not on the checklist is refused at item: %s", e.msg);
	ok(application_check(&d, 99, "form_email", true, &e) < 0 && !strcmp(e.field, "id"),
	   "a missing application is refused at id");
	application_release(&a);
	testdb_close(&t);
}

int main(void)
{
	test_add_resolve();
	test_event();
	test_apply_status_check();
	return done_testing();
}
