/* core/appt and core/desk: the booking rules on a real database file. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tap.h"
#include "testdb.h"
#include "core/appt.h"
#include "core/desk.h"
#include "db/db_appt.h"
#include "db/db_export.h"
#include "db/db_org.h"
#include "util/date.h"
#include "util/mem.h"

static struct desk_ctx d;
static long long org, staff1, staff2;

static int day(const char *s)
{
	int v = 0;

	date_parse(s, &v);
	return v;
}

static int book(const char *date, const char *start, int minutes, enum channel ch,
		long long staff, const char *room, const char *override, struct err *e)
{
	struct appt_req r = { 0 };
	struct appt_result res;
	char m[16], o[32], st[32];

	snprintf(m, sizeof m, "%d", minutes);
	snprintf(o, sizeof o, "#%lld", org);
	snprintf(st, sizeof st, "#%lld", staff);
	r.date = date;
	r.start = start;
	r.minutes = m;
	r.channel = channel_code[ch];
	r.org = o;
	r.staff = staff ? st : "";
	r.room = room;
	r.override = override;
	err_clear(e);
	return appt_request(&d, &r, &res, e) < 0 ? -1 : (int)res.id;
}

static int move(long long id, const char *date, const char *start, struct err *e)
{
	struct appt_req r = { 0 };
	struct appt_result res;

	r.id = id;
	r.date = date;
	r.start = start;
	err_clear(e);
	return appt_request(&d, &r, &res, e);
}

int main(void)
{
	static struct testdb t;
	struct err e = { 0 };

	if (testdb_open(&t, &d, "appt", "2026-11-24T10:15", &e) < 0) {
		ok(0, "open: %s", e.msg);
		return done_testing();
	}
	struct db *db = t.db;
	struct config *cfg = &t.cfg;

	struct org o = { 0 };
	o.name = xstrdup("大田区社会福祉協議会");
	o.kana = xstrdup("おおたくしゃかいふくしきょうぎかい");
	o.type = ORG_COUNCIL;
	o.municipality = xstrdup("大田区");
	ok(db_org_insert(db, &o, &e) == 0, "an organization is stored");
	org = o.id;
	org_release(&o);
	o.name = xstrdup("どこか");
	o.municipality = xstrdup("横浜市");
	ok(db_org_insert(db, &o, &e) < 0 && e.code == ERR_INPUT,
	   "a municipality outside the 62 is refused: %s", e.msg);
	org_release(&o);

	struct staff s1 = { 0, "山田 花子", "", "general", true }, s2 = { 0, "佐藤 健", "", "general", true };
	db_staff_insert(db, &s1, &e);
	db_staff_insert(db, &s2, &e);
	staff1 = s1.id;
	staff2 = s2.id;

	int a1 = book("2026-11-25", "10:00", 60, CH_VISIT, staff1, "相談室A", NULL, &e);
	ok(a1 > 0, "a visit in desk hours is booked");
	ok(book("2026-11-25", "10:30", 30, CH_PHONE, staff1, NULL, NULL, &e) < 0 && e.code == ERR_RULE &&
	   strstr(e.msg, "#1 "), "an overlap for the same staff member is refused naming #1: %s", e.msg);
	ok(book("2026-11-25", "11:00", 30, CH_PHONE, staff1, NULL, NULL, &e) > 0,
	   "back to back is not an overlap");
	ok(book("2026-11-25", "10:30", 30, CH_VISIT, staff2, "相談室A", NULL, &e) < 0 &&
	   strstr(e.msg, "room"), "the same room is refused for another staff member: %s", e.msg);
	ok(book("2026-11-25", "10:30", 30, CH_PHONE, staff2, NULL, NULL, &e) > 0,
	   "another staff member by phone at the same time is fine");
	ok(book("2026-11-28", "10:00", 30, CH_PHONE, staff1, NULL, NULL, &e) < 0 &&
	   strstr(e.msg, "土曜"), "Saturday is closed: %s", e.msg);
	ok(book("2026-11-29", "10:00", 30, CH_PHONE, staff1, NULL, NULL, &e) < 0 &&
	   strstr(e.msg, "日曜"), "Sunday is closed");
	ok(book("2027-01-11", "10:00", 30, CH_PHONE, staff1, NULL, NULL, &e) < 0 &&
	   strstr(e.msg, "成人の日"), "a Happy Monday holiday is closed: %s", e.msg);
	ok(book("2026-12-30", "10:00", 30, CH_PHONE, staff1, NULL, NULL, &e) < 0 &&
	   strstr(e.msg, "年末年始"), "the year-end closing: %s", e.msg);
	ok(book("2026-11-25", "09:30", 30, CH_PHONE, staff1, NULL, NULL, &e) < 0 &&
	   strstr(e.msg, "desk hours"), "before opening is refused");
	ok(book("2026-11-25", "16:45", 30, CH_PHONE, staff2, NULL, NULL, &e) < 0,
	   "running past closing is refused");
	ok(book("2026-11-24", "10:00", 10, CH_PHONE, staff2, NULL, NULL, &e) < 0 &&
	   strstr(e.msg, "past"), "a slot that has ended is refused (now is 10:15)");
	ok(book("2026-11-24", "10:00", 30, CH_PHONE, staff1, NULL, NULL, &e) > 0,
	   "the slot in progress (10:00-10:30 at 10:15) can be booked for a walk-in");
	ok(book("2026-11-24", "10:30", 30, CH_PHONE, staff2, NULL, NULL, &e) > 0,
	   "later today is fine");
	int ov = book("2026-11-28", "13:00", 60, CH_VISIT, staff1, "相談室A", "個別対応", &e);
	ok(ov > 0, "an override with a reason books a Saturday");

	struct appt got;
	ok(db_appt_get(db, ov, &got, &e) == 0 && got.override_reason &&
	   !strcmp(got.override_reason, "個別対応"), "the override reason is stored");
	appt_release(&got);

	struct import_block b = { 0 };
	int stored;
	b.uid = "block-1@test";
	b.title = "研修";
	b.staff_id = staff2;
	b.day = day("2026-11-26");
	b.start_min = 13 * 60;
	b.minutes = 120;
	ok(db_export_block_upsert(db, &b, &stored, &e) == 0 && stored == 1, "a staff block is stored");
	ok(book("2026-11-26", "14:00", 30, CH_PHONE, staff2, NULL, NULL, &e) < 0 &&
	   strstr(e.msg, "研修"), "a booking over a staff block is refused: %s", e.msg);
	ok(book("2026-11-26", "14:00", 30, CH_PHONE, staff1, NULL, NULL, &e) > 0,
	   "another staff member is free then");

	ok(move(a1, "2026-11-25", "10:30", &e) < 0,
	   "a move onto an own later booking is refused (11:00 is taken)");
	ok(move(a1, "2026-11-25", "10:00", &e) == 0,
	   "a move to its own slot does not conflict with itself");
	ok(db_appt_get(db, a1, &got, &e) == 0 && got.sequence == 0,
	   "a move to where it is changes nothing (the sequence stays)");
	appt_release(&got);
	ok(move(a1, "2026-11-25", "13:00", &e) == 0 && db_appt_get(db, a1, &got, &e) == 0 &&
	   got.sequence == 1, "a real move raises the sequence");
	appt_release(&got);
	ok(move(a1, "2026-11-25", "10:00", &e) == 0 && db_appt_get(db, a1, &got, &e) == 0 &&
	   got.sequence == 2, "and back");
	appt_release(&got);
	ok(appt_set_status(&d, a1, ST_DONE, &e) < 0 && e.code == ERR_RULE,
	   "done before the appointment started is refused");
	ok(appt_set_status(&d, a1, ST_CANCELLED, &e) == 0, "cancel");
	ok(book("2026-11-25", "10:00", 30, CH_VISIT, staff2, "相談室A", NULL, &e) > 0,
	   "a cancelled booking frees the room");
	ok(appt_set_status(&d, a1, ST_BOOKED, &e) < 0 && e.code == ERR_RULE &&
	   !strcmp(e.field, "room"),
	   "reviving the cancelled booking into a taken room is refused at the room: %s", e.msg);

	is_int(desk_days_between(cfg, db, day("2026-11-20"), day("2026-11-27")), 4,
	       "desk days Fri to next Fri skip the weekend and 勤労感謝の日");
	{
		/* the fast range count agrees with the day-by-day status */
		int from = day("2018-12-01"), to = day("2021-12-31"), bad = 0;
		bool *open = xcalloc((size_t)(to - from + 1), sizeof *open);
		struct err de = { 0 };
		ok(db_closed_day_set(db, day("2020-06-10"), "研修日", &de) == 0, "a closed day of the desk's own");
		desk_open_days(cfg, db, from, to, open);
		for (int dd = from; dd <= to; dd++)
			if (open[dd - from] != desk_is_open(cfg, db, dd)) {
				char ds[DATE_STRLEN];
				if (bad++ < 5)
					diag("disagree on %s", date_format(dd, ds));
			}
		is_int(bad, 0, "desk_open_days agrees with desk_is_open on every day 2018-12..2021 (2019-2021 one-offs, the desk's own day)");
		free(open);
	}
	struct err ce = { 0 };
	ok(config_set(cfg, "closed", "08-13..08-15, 12-28..01-04", &ce) == 0 &&
	   config_closed_on(cfg, 8, 14) && config_closed_on(cfg, 1, 4) && !config_closed_on(cfg, 12, 29) == 0,
	   "closed periods, also across the new year");
	ok(config_set(cfg, "hours", "09:00-18:00", &ce) == 0 && cfg->open_min == 540 && cfg->close_min == 1080,
	   "desk hours are configurable");
	ok(config_set(cfg, "hours", "18:00-09:00", &ce) < 0, "hours that end before they start are refused");
	ok(config_set(cfg, "slot", "7", &ce) < 0, "a slot that does not divide the day is refused");

	testdb_close(&t);
	return done_testing();
}
