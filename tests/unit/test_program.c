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
#include "db/db_program.h"
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

struct seen_ev {
	char line[8][96];
	int n;
};

static int see_event(const struct program_event *ev, void *arg)
{
	struct seen_ev *s = arg;
	char d1[DATE_STRLEN], d2[DATE_STRLEN];

	if (s->n < 8)
		snprintf(s->line[s->n], sizeof s->line[0], "%s %s %s %d %d %s", ev->title,
			 date_format(ev->day, d1), ev->end_day ? date_format(ev->end_day, d2) : "-",
			 ev->start_min, ev->end_day_min, ev->updated_at ? ev->updated_at : "(null)");
	s->n++;
	return 0;
}

/* db_event_range(): the one reader of events by date (the export, the
 * screens and `day` use it): an event over several days shows on the
 * days it goes on or ends, in date order, with its end. */
static void test_event_range(void)
{
	struct seen_ev s = { 0 };
	int from = 0, to = 0;

	if (setup() < 0)
		return (void)ok(0, "range: setup");
	ok(db_exec(t.db, "INSERT INTO program_event (id, program_id, uid, title, date, start_min,"
		   " end_min, end_date, end_date_min, updated_at) VALUES"
		   " (1, 1, 'a@x', 'camp', '2026-11-20', 600, NULL, '2026-11-25', 720, '2026-11-01T00:00:00Z'),"
		   " (2, NULL, 'b@x', 'fair', '2026-11-24', NULL, NULL, '2026-11-24', NULL, '2026-11-02T00:00:00Z'),"
		   " (3, 1, 'c@x', 'talk', '2026-11-23', 540, 600, NULL, NULL, '2026-11-03T00:00:00Z'),"
		   " (4, 1, 'd@x', 'later', '2026-11-27', NULL, NULL, NULL, NULL, '2026-11-04T00:00:00Z')",
		   &e) == 0, "four events, one over six days: %s", e.msg);
	date_parse("2026-11-24", &from);
	date_parse("2026-11-25", &to);
	is_int(db_event_range(t.db, from, to, see_event, &s, &e), 2, "two touch 11-24..11-25");
	is_str(s.line[0], "camp 2026-11-20 2026-11-25 600 720 2026-11-01T00:00:00Z",
	       "the one that began before the range, with its last day and end minute");
	is_str(s.line[1], "fair 2026-11-24 2026-11-24 -1 -1 2026-11-02T00:00:00Z",
	       "an all-day event of the day");
	s.n = 0;
	is_int(db_event_range(t.db, 0, 0, see_event, &s, &e), 4, "an open range: all four");
	is_str(s.line[1], "talk 2026-11-23 - 540 -1 2026-11-03T00:00:00Z", "in date order");
	s.n = 0;
	date_parse("2026-11-26", &from);
	is_int(db_event_range(t.db, from, from, see_event, &s, &e), 0,
	       "none the day after the long one ended");
	testdb_close(&t);
}

int main(void)
{
	test_add_resolve();
	test_event();
	test_apply_status_check();
	test_event_range();
	return done_testing();
}
