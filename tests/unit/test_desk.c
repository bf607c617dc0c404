/* core/desk: the desk's own closed days as typed (desk_closed_add,
 * desk_closed_remove).  Each check opens its own fresh database. */
#include <string.h>
#include "tap.h"
#include "testdb.h"
#include "core/desk.h"
#include "util/date.h"

static struct testdb t;
static struct desk_ctx d;
static struct err e;

static int setup(void)
{
	err_clear(&e);
	if (testdb_open(&t, &d, "desk", "2026-11-24T10:15", &e) < 0) {
		diag("open: %s", e.msg);
		return -1;
	}
	return 0;
}

static void test_add(void)
{
	int day = 0;

	if (setup() < 0)
		return (void)ok(0, "add: setup");
	date_parse("2026-11-26", &day);
	ok(desk_closed_add(&d, "2026-11-26", "研修日", &e) == 0 && !desk_is_open(&t.cfg, t.db, day),
	   "desk_closed_add closes a day");
	ok(desk_closed_add(&d, "明日", "所内研修", &e) == 0 && !desk_is_open(&t.cfg, t.db, day - 1),
	   "a date word is taken");
	ok(desk_closed_add(&d, "2026-02-30", "x", &e) < 0 && !strcmp(e.field, "date"),
	   "a day that does not exist is refused at date: %s", e.msg);
	ok(desk_closed_add(&d, "2026-11-27", "", &e) < 0 && !strcmp(e.field, "reason"),
	   "a reason is required");
	ok(desk_closed_add(&d, "2026-11-27", "a\nb", &e) < 0 && !strcmp(e.field, "reason"),
	   "the reason is one line");
	testdb_close(&t);
}

static void test_remove(void)
{
	int day = 0;

	if (setup() < 0)
		return (void)ok(0, "remove: setup");
	date_parse("2026-11-26", &day);
	ok(desk_closed_add(&d, "2026-11-26", "研修日", &e) == 0 &&
	   desk_closed_remove(&d, "2026-11-26", &e) == 0 && desk_is_open(&t.cfg, t.db, day),
	   "desk_closed_remove opens the day again");
	ok(desk_closed_remove(&d, "2026-11-26", &e) < 0 && e.code == ERR_INPUT &&
	   !strcmp(e.field, "date"), "removing a day that is not closed is refused: %s", e.msg);
	testdb_close(&t);
}

int main(void)
{
	test_add();
	test_remove();
	return done_testing();
}
