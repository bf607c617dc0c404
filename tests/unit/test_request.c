/* core/resolve and core/appt's requests, one entry point at a time.
 * Every check starts from its own fresh desk (a new database file with
 * the same small fixture), so one failure never carries into the next,
 * as neomutt's test/ does per function. */
#include <sqlite3.h>
#include <string.h>
#include "tap.h"
#include "testdb.h"
#include "core/appt.h"
#include "core/resolve.h"
#include "db/db_appt.h"
#include "db/db_org.h"
#include "util/mem.h"

static struct testdb t;
static struct desk_ctx d;
static long long yamada, sato, org_id;

/* A fresh desk: an organization, two staff members, two rooms. */
static int fresh(void)
{
	static bool open;
	struct err e = { 0 };

	if (open)
		testdb_close(&t);
	open = testdb_open(&t, &d, "request", "2026-11-24T10:15", &e) == 0;
	if (!open) {
		ok(0, "fresh desk: %s", e.msg);
		return -1;
	}
	config_set(&t.cfg, "rooms", "相談室A, 相談室B", &e);
	struct org o = { 0 };
	o.name = xstrdup("杉並区地域包括支援センター ケア24成田");
	o.kana = xstrdup("けあにじゅうよんなりた");
	o.municipality = xstrdup("杉並区");
	o.type = ORG_CENTER;
	db_org_insert(t.db, &o, &e);
	org_id = o.id;
	org_release(&o);
	struct staff s1 = { 0, "山田 花子", "やまだ はなこ", "general", true };
	struct staff s2 = { 0, "佐藤 健", "さとう けん", "general", true };
	db_staff_insert(t.db, &s1, &e);
	db_staff_insert(t.db, &s2, &e);
	yamada = s1.id;
	sato = s2.id;
	return e.code == ERR_NONE ? 0 : -1;
}

static long long book(const char *date, const char *start, const char *channel, const char *staff,
		      const char *room, const char *override, struct err *e)
{
	struct appt_req r = { 0 };
	struct appt_result res;

	r.date = date;
	r.start = start;
	r.channel = channel;
	r.org = "ケア24";
	r.staff = staff;
	r.room = room;
	r.override = override;
	err_clear(e);
	return appt_request(&d, &r, &res, e) < 0 ? -1 : res.id;
}

/* A number read by a second, independent connection to the file. */
static long long count(const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	long long n = -1;

	if (sqlite3_open_v2(t.path, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return n;
}

static void test_resolve_date(void)
{
	struct err e = { 0 };
	int day = 0, today;

	if (fresh() < 0)
		return;
	today = clock_today(d.clock);
	ok(resolve_date(&d, "tomorrow", "date", false, &day, &e) == 0 && day == today + 1, "tomorrow");
	ok(resolve_date(&d, "明日", "date", false, &day, &e) == 0 && day == today + 1, "明日");
	ok(resolve_date(&d, "+7", "date", false, &day, &e) == 0 && day == today + 7, "+7");
	ok(resolve_date(&d, "", "date", true, &day, &e) == 0 && day == today, "empty is today when asked");
	ok(resolve_date(&d, "2026-02-30", "due", false, &day, &e) < 0 && e.code == ERR_INPUT &&
	   !strcmp(e.field, "due"), "an impossible date is refused at its field: %s", e.msg);
	ok(resolve_date(&d, "", "date", false, &day, &e) < 0 && !strcmp(e.field, "date"),
	   "empty is refused when a date is required");
}

static void test_resolve_time_minutes(void)
{
	struct err e = { 0 };
	int v = 0;

	ok(resolve_time("9:05", "start", &v, &e) == 0 && v == 545, "H:MM");
	ok(resolve_time("24:00", "start", &v, &e) < 0 && !strcmp(e.field, "start"), "24:00 is no start");
	ok(resolve_minutes("45", "minutes", &v, &e) == 0 && v == 45, "45 minutes");
	ok(resolve_minutes("4", "minutes", &v, &e) < 0 && !strcmp(e.field, "minutes"), "4 is too short");
	ok(resolve_minutes("721", "minutes", &v, &e) < 0, "721 is too long");
	ok(resolve_minutes("30m", "minutes", &v, &e) < 0, "30m is not a number");
}

static void test_resolve_org_staff(void)
{
	struct err e = { 0 };
	long long id = 0;

	if (fresh() < 0)
		return;
	ok(resolve_org(&d, "ケア24", "org", &id, &e) == 0 && id == org_id, "a unique part of the name");
	ok(resolve_org(&d, "けあにじゅう", "org", &id, &e) == 0 && id == org_id, "the kana reading");
	ok(resolve_org(&d, "#9999", "org", &id, &e) < 0 && e.code == ERR_INPUT && !strcmp(e.field, "org"),
	   "a missing id: %s", e.msg);
	ok(resolve_staff(&d, "山田", "staff", false, &id, &e) == 0 && id == yamada, "staff by family name");
	ok(resolve_staff(&d, "さとう", "staff", false, &id, &e) == 0 && id == sato, "staff by reading");
	struct staff s3 = { 0, "山田 太郎", "", "content", true };
	db_staff_insert(t.db, &s3, &e);
	ok(resolve_staff(&d, "山田", "staff", false, &id, &e) < 0 && strstr(e.msg, "山田 花子") &&
	   strstr(e.msg, "山田 太郎"), "several matches are listed: %s", e.msg);
	ok(resolve_staff(&d, "山田 太郎", "staff", false, &id, &e) == 0 && id == s3.id,
	   "an exact name wins over partial matches");
	ok(resolve_staff(&d, "", "staff", true, &id, &e) == 0 && id == 0, "empty is nobody");
}

static void test_resolve_topics(void)
{
	struct err e = { 0 };
	unsigned bits = 0;
	struct strbuf sb = STRBUF_INIT;

	ok(resolve_topics("meeting,プラン策定支援", "topics", &bits, &e) == 0 &&
	   bits == ((1u << TOPIC_MEETING) | (1u << TOPIC_PLAN)), "codes and Japanese names");
	ok(resolve_topics("打合せ・会議運営支援、その他", "topics", &bits, &e) == 0 &&
	   bits == ((1u << TOPIC_MEETING) | (1u << TOPIC_OTHER)), "the Japanese comma separates, ・ does not");
	ok(resolve_topics("猫", "topics", &bits, &e) < 0 && !strcmp(e.field, "topics"), "not on the menu");
	resolve_topics_str((1u << TOPIC_PLAN) | (1u << TOPIC_DIRECT), false, ",", &sb);
	is_str(strbuf_str(&sb), "plan,direct", "topics joined as codes");
	strbuf_release(&sb);
}

static void test_book(void)
{
	struct err e = { 0 };

	if (fresh() < 0)
		return;
	long long a = book("2026-11-25", "10:00", "visit", "山田", NULL, NULL, &e);
	ok(a > 0, "a visit is booked: %s", e.msg);
	struct appt got;
	ok(db_appt_get(t.db, a, &got, &e) == 0 && got.room && !strcmp(got.room, "相談室A"),
	   "a visit without a room gets the first free room");
	appt_release(&got);
	long long b = book("2026-11-25", "10:00", "visit", "佐藤", NULL, NULL, &e);
	ok(b > 0 && db_appt_get(t.db, b, &got, &e) == 0 && got.room && !strcmp(got.room, "相談室B"),
	   "the next visit then gets the second room");
	appt_release(&got);
	ok(book("2026-11-25", "10:00", "visit", "", NULL, NULL, &e) < 0 && e.code == ERR_RULE &&
	   !strcmp(e.field, "room"), "no room free: refused at the room: %s", e.msg);
	ok(book("2026-11-25", "10:00", "visit", "", "相談室A", NULL, &e) < 0 && strstr(e.msg, "#1 ") &&
	   !strcmp(e.field, "room"), "a busy room is refused naming its booking: %s", e.msg);
	ok(book("2026-11-25", "10:00", "phone", "", "相談室A", NULL, &e) < 0 && e.code == ERR_INPUT &&
	   !strcmp(e.field, "room"), "a room on a phone consultation is refused");
	is_int(count("SELECT count(*) FROM contact"), 0, "refusals left no contact behind");
}

static void test_book_contact_one_transaction(void)
{
	struct err e = { 0 };
	struct appt_req r = { 0 };
	struct appt_result res;

	if (fresh() < 0)
		return;
	book("2026-11-25", "10:00", "phone", "山田", NULL, NULL, &e);
	r.date = "2026-11-25";
	r.start = "10:00";
	r.org = "ケア24";
	r.staff = "山田";
	r.contact = "田中 一郎";
	r.phone = "03-1234-5678";
	ok(appt_request(&d, &r, &res, &e) < 0 && e.code == ERR_RULE, "refused by the overlap");
	is_int(count("SELECT count(*) FROM contact"), 0, "the contact of a refused booking is not kept");
	r.start = "11:00";
	ok(appt_request(&d, &r, &res, &e) == 0, "booked at another time");
	is_int(count("SELECT count(*) FROM contact WHERE phone = '03-1234-5678'"), 1,
	       "the contact is made with the booking");
	r.phone = "090";
	r.contact = NULL;
	r.start = "13:00";
	ok(appt_request(&d, &r, &res, &e) < 0 && !strcmp(e.field, "phone"),
	   "a phone without a contact is refused at the phone");
}

static void test_override_covers(void)
{
	struct err e = { 0 };
	struct appt_req r = { 0 };
	struct appt_result res;

	if (fresh() < 0)
		return;
	long long first = book("2026-11-25", "10:00", "visit", "山田", "相談室A", NULL, &e);
	long long over = book("2026-11-25", "10:00", "visit", "佐藤", "相談室A", "同室で対応", &e);
	ok(first > 0 && over > 0, "a room override is booked");
	r.id = over;
	r.minutes = "60";
	ok(appt_request(&d, &r, &res, &e) == 0, "longer, still only over the same booking: the reason holds");
	memset(&r, 0, sizeof r);
	r.id = over;
	r.staff = "山田";
	ok(appt_request(&d, &r, &res, &e) < 0 && e.code == ERR_RULE && !strcmp(e.field, "staff") &&
	   strstr(e.refusal, "staff#"), "a new conflict (the staff member) needs a new reason: %s", e.msg);
	r.override = "山田さんも同席";
	r.override_for = "room#999";
	ok(appt_request(&d, &r, &res, &e) < 0 && e.code == ERR_RULE,
	   "a reason given for another refusal does not cover this one");
	r.override_for = e.refusal;
	ok(appt_request(&d, &r, &res, &e) == 0, "a reason for the refusal shown books it");
	memset(&r, 0, sizeof r);
	r.id = over;
	r.staff = "佐藤";
	r.room = "相談室B";
	ok(appt_request(&d, &r, &res, &e) == 0 && res.changed, "moved to a free room");
	struct appt got;
	ok(db_appt_get(t.db, over, &got, &e) == 0 && !got.override_reason && !got.override_covers,
	   "with nothing refused, the override goes");
	appt_release(&got);
}

static void test_nothing_changed(void)
{
	struct err e = { 0 };
	struct appt_req r = { 0 };
	struct appt_result res;

	if (fresh() < 0)
		return;
	long long a = book("2026-11-25", "10:00", "phone", "山田", NULL, NULL, &e);
	long long audit = count("SELECT count(*) FROM audit");
	r.id = a;
	r.date = "2026-11-25";
	r.start = "10:00";
	r.staff = "山田";
	ok(appt_request(&d, &r, &res, &e) == 0 && !res.changed, "a save that changes nothing says so");
	is_int(count("SELECT count(*) FROM audit"), audit, "and writes no audit row");
	is_int(count("SELECT sequence FROM appointment"), 0, "and no new SEQUENCE");
}

static void test_missing_id(void)
{
	struct err e = { 0 };
	struct appt_req r = { 0 };
	struct appt_result res;

	if (fresh() < 0)
		return;
	r.id = 9999;
	r.date = "2026-11-25";
	r.start = "10:00";
	ok(appt_request(&d, &r, &res, &e) < 0 && e.code == ERR_INPUT && !strcmp(e.field, "id"),
	   "a change of a missing appointment is bad input, not a crash: %s", e.msg);
	ok(appt_set_status(&d, 9999, ST_DONE, &e) < 0 && e.code == ERR_INPUT, "a status of a missing one too");
	memset(&r, 0, sizeof r);
	r.date = "2026-11-25";
	r.start = "10:00";
	r.org = "ケア24";
	r.inquiry = "9999";
	ok(appt_request(&d, &r, &res, &e) < 0 && !strcmp(e.field, "inquiry"), "a missing inquiry");
}

static void test_status(void)
{
	struct err e = { 0 };

	if (fresh() < 0)
		return;
	long long now = book("2026-11-24", "10:00", "phone", "山田", NULL, NULL, &e);
	ok(now > 0, "the slot in progress is booked (10:00-10:30 at 10:15)");
	ok(appt_set_status(&d, now, ST_DONE, &e) == 0, "done");
	ok(appt_set_status(&d, now, ST_NO_SHOW, &e) == 0, "done -> no-show");
	ok(appt_set_status(&d, now, ST_BOOKED, &e) == 0, "no-show -> booked");
	ok(appt_set_status(&d, now, ST_BOOKED, &e) < 0 && e.code == ERR_RULE, "booked again is refused");
	ok(appt_set_status(&d, now, ST_CANCELLED, &e) == 0, "cancelled");
	ok(appt_set_status(&d, now, ST_DONE, &e) < 0 && e.code == ERR_RULE, "a cancelled one is not done");
	long long other = book("2026-11-24", "10:00", "phone", "山田", NULL, NULL, &e);
	ok(other > 0, "its slot is booked by another");
	ok(appt_set_status(&d, now, ST_BOOKED, &e) < 0 && e.code == ERR_RULE && !strcmp(e.field, "staff"),
	   "back to booked into a taken slot is refused: %s", e.msg);
	ok(appt_set_status(&d, other, ST_CANCELLED, &e) == 0 && appt_set_status(&d, now, ST_BOOKED, &e) == 0,
	   "once the slot is free it comes back (its slot has begun: not refused as past)");
}

int main(void)
{
	test_resolve_date();
	test_resolve_time_minutes();
	test_resolve_org_staff();
	test_resolve_topics();
	test_book();
	test_book_contact_one_transaction();
	test_override_covers();
	test_nothing_changed();
	test_missing_id();
	test_status();
	testdb_close(&t);
	return done_testing();
}
