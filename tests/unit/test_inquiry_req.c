/* core/inquiry: inquiry_request(), inquiry_note_add(),
 * inquiry_set_status() and booking from an inquiry, on a real database
 * file.  Each check opens its own fresh database (testdb.h), so one
 * failing check leaves the others' state alone. */
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "testdb.h"
#include "core/inquiry.h"
#include "core/org.h"
#include "core/program.h"
#include "db/db_appt.h"
#include "db/db_inquiry.h"
#include "db/db_org.h"

static struct testdb t;
static struct desk_ctx d;
static struct err e;

/* A fresh desk (now 2026-11-24 10:15) with organization #1 and staff
 * #1 山田 花子. */
static int setup(void)
{
	struct org_req o = { 0 };
	struct org_result res;
	struct staff s = { 0, "山田 花子", "やまだ はなこ", "general", true };

	err_clear(&e);
	if (testdb_open(&t, &d, "inq", "2026-11-24T10:15", &e) < 0) {
		diag("open: %s", e.msg);
		return -1;
	}
	o.name = "多摩市 高齢支援課";
	o.type = "municipality";
	o.municipality = "多摩市";
	if (org_request(&d, &o, &res, &e) < 0 || db_staff_insert(t.db, &s, &e) < 0) {
		diag("setup: %s", e.msg);
		testdb_close(&t);
		return -1;
	}
	return 0;
}

static long long add(const char *topic, const char *summary)
{
	struct inquiry_req r = { 0 };
	struct inquiry_result res;

	r.channel = "phone";
	r.org = "1";
	r.topic = topic;
	r.summary = summary;
	err_clear(&e);
	return inquiry_request(&d, &r, &res, &e) < 0 ? 0 : res.id;
}

static void test_add(void)
{
	struct inquiry_req r = { 0 };
	struct inquiry_result res;
	struct inquiry q = { 0 };

	if (setup() < 0)
		return (void)ok(0, "add: setup");
	r.channel = "メール";
	r.org = "多摩市";
	r.contact = "加藤 大輔";
	r.phone = "042-555-0101";
	r.topic = "プラン策定支援";
	r.summary = "追加募集の締切について";
	r.due = "明日";
	r.staff = "山田";
	ok(inquiry_request(&d, &r, &res, &e) == 0 && res.changed &&
	   db_inquiry_get(t.db, res.id, &q, &e) == 0 && q.channel == IQ_EMAIL && q.org_id == 1 &&
	   q.contact_id > 0 && !strcmp(q.topic, "plan") && q.staff_id == 1 &&
	   !strcmp(q.received, "2026-11-24T10:15") && q.status == IS_OPEN &&
	   q.contact_phone && !strcmp(q.contact_phone, "042-555-0101"),
	   "inquiry_request logs from strings: channel, org and staff by name, topic by Japanese name, date word, contact made, received now: %s",
	   e.msg);
	inquiry_release(&q);
	testdb_close(&t);
}

static void test_refusals(void)
{
	static const struct {
		const char *what, *received, *channel, *org, *contact, *phone, *topic, *summary,
			   *due, *staff, *field;
	} cases[] = {
		{ "free-text topic", NULL, "phone", NULL, NULL, NULL, "ウェブサイト", "s", NULL, NULL, "topic" },
		{ "several topics", NULL, "phone", NULL, NULL, NULL, "meeting,plan", "s", NULL, NULL, "topic" },
		{ "empty summary", NULL, "phone", NULL, NULL, NULL, "other", "  ", NULL, NULL, "summary" },
		{ "future", "2026-11-24T10:16", "phone", NULL, NULL, NULL, "other", "s", NULL, NULL, "received" },
		{ "bad received", "2026-11-24 25:00", "phone", NULL, NULL, NULL, "other", "s", NULL, NULL, "received" },
		{ "due before", "2026-11-20T10:00", "phone", NULL, NULL, NULL, "other", "s", "2026-11-19", NULL, "due" },
		{ "bad due", NULL, "phone", NULL, NULL, NULL, "other", "s", "2026-02-30", NULL, "due" },
		{ "channel", NULL, "fax", NULL, NULL, NULL, "other", "s", NULL, NULL, "channel" },
		{ "org", NULL, "phone", "どこにもない", NULL, NULL, "other", "s", NULL, NULL, "org" },
		{ "staff", NULL, "phone", NULL, NULL, NULL, "other", "s", NULL, "鈴木", "staff" },
		{ "contact without org", NULL, "phone", NULL, "加藤", NULL, "other", "s", NULL, NULL, "contact" },
		{ "phone without contact", NULL, "phone", "1", NULL, "03", "other", "s", NULL, NULL, "phone" },
		{ "summary escape", NULL, "phone", NULL, NULL, NULL, "other", "a\033[2Jb", NULL, NULL, "summary" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct inquiry_req r = { 0 };
		struct inquiry_result res;
		if (setup() < 0) {
			ok(0, "refusal %s: setup", cases[i].what);
			continue;
		}
		r.received = cases[i].received;
		r.channel = cases[i].channel;
		r.org = cases[i].org;
		r.contact = cases[i].contact;
		r.phone = cases[i].phone;
		r.topic = cases[i].topic;
		r.summary = cases[i].summary;
		r.due = cases[i].due;
		r.staff = cases[i].staff;
		long long before = db_total_changes(t.db);
		ok(inquiry_request(&d, &r, &res, &e) < 0 && e.code == ERR_INPUT &&
		   !strcmp(e.field, cases[i].field) && db_total_changes(t.db) == before,
		   "%s: refused at %s, nothing written: %s", cases[i].what, cases[i].field, e.msg);
		if (strcmp(e.field, cases[i].field))
			diag("field '%s'", e.field);
		testdb_close(&t);
	}
}

static void test_program_name_topic(void)
{
	struct program p = { 0 };

	if (setup() < 0)
		return (void)ok(0, "program topic: setup");
	p.name = strdup("公開講座");
	ok(program_add(&d, &p, NULL, 0, &e) == 0 && add("公開講座", "s") == 0 &&
	   !strcmp(e.field, "topic") && add("#1", "s") == 0 && !strcmp(e.field, "topic"),
	   "a program's name or id is not a topic of the menu: %s", e.msg);
	program_release(&p);
	testdb_close(&t);
}

static void test_contact_same_transaction(void)
{
	struct inquiry_req r = { 0 };
	struct inquiry_result res;

	if (setup() < 0)
		return (void)ok(0, "contact: setup");
	r.channel = "phone";
	r.org = "1";
	r.contact = "田中 一郎";
	r.topic = "other";
	r.summary = "";	/* refused after the contact was resolved */
	long long before = db_total_changes(t.db);
	ok(inquiry_request(&d, &r, &res, &e) < 0 && db_total_changes(t.db) == before,
	   "a refused inquiry leaves no contact behind");
	r.summary = "s";
	struct inquiry q = { 0 };
	ok(inquiry_request(&d, &r, &res, &e) == 0 && db_inquiry_get(t.db, res.id, &q, &e) == 0 &&
	   q.contact_name && !strcmp(q.contact_name, "田中 一郎"),
	   "the contact is made with the inquiry");
	inquiry_release(&q);
	testdb_close(&t);
}

static void test_edit(void)
{
	struct inquiry_req r = { 0 };
	struct inquiry_result res;
	struct inquiry q = { 0 };

	if (setup() < 0)
		return (void)ok(0, "edit: setup");
	long long id = add("meeting", "最初の要約");
	r.id = id;
	r.date = "2026-11-24";
	r.time = "10:15";
	r.channel = "phone";
	r.org = "#1";
	r.contact = "";
	r.phone = "";
	r.topic = "meeting";
	r.summary = "最初の要約";
	r.due = "";
	r.staff = "";
	r.referred_to = "";
	long long before = db_total_changes(t.db);
	ok(id && inquiry_request(&d, &r, &res, &e) == 0 && !res.changed &&
	   db_total_changes(t.db) == before,
	   "an edit with every field as stored writes nothing: %s", e.msg);
	r.summary = "直した要約";
	r.time = "09:00";
	ok(inquiry_request(&d, &r, &res, &e) == 0 && res.changed &&
	   db_inquiry_get(t.db, id, &q, &e) == 0 && !strcmp(q.summary, "直した要約") &&
	   !strcmp(q.received, "2026-11-24T09:00") && !strcmp(q.topic, "meeting"),
	   "an edit writes what changed");
	inquiry_release(&q);
	r.time = "10:16";
	ok(inquiry_request(&d, &r, &res, &e) < 0 && !strcmp(e.field, "time"),
	   "a received time in the future is refused at the time field: %s", e.msg);
	testdb_close(&t);
}

static void test_legacy_topic(void)
{
	struct inquiry_req r = { 0 };
	struct inquiry_result res;
	struct inquiry q = { 0 };

	if (setup() < 0)
		return (void)ok(0, "legacy: setup");
	long long id = add("other", "s");
	/* a topic stored before the menu */
	ok(db_inquiry_get(t.db, id, &q, &e) == 0, "read");
	free(q.topic);
	q.topic = strdup("ウェブサイト");
	ok(db_inquiry_update(t.db, &q, &e) == 0, "a free-text topic of old");
	inquiry_release(&q);
	r.id = id;
	r.topic = "ウェブサイト";
	r.summary = "要約を直す";
	ok(inquiry_request(&d, &r, &res, &e) == 0 && db_inquiry_get(t.db, id, &q, &e) == 0 &&
	   !strcmp(q.topic, "ウェブサイト") && !strcmp(q.summary, "要約を直す"),
	   "an edit that leaves an old free-text topic as it is is accepted: %s", e.msg);
	inquiry_release(&q);
	r.topic = "ホームページ";
	ok(inquiry_request(&d, &r, &res, &e) < 0 && !strcmp(e.field, "topic"),
	   "changing it to other free text is refused");
	r.topic = "workshop";
	ok(inquiry_request(&d, &r, &res, &e) == 0 && db_inquiry_get(t.db, id, &q, &e) == 0 &&
	   !strcmp(q.topic, "workshop"), "changing it to a topic of the menu is fine");
	inquiry_release(&q);
	testdb_close(&t);
}

static void test_missing(void)
{
	struct inquiry_req r = { 0 };
	struct inquiry_result res;

	if (setup() < 0)
		return (void)ok(0, "missing: setup");
	r.id = 99;
	r.summary = "x";
	ok(inquiry_request(&d, &r, &res, &e) < 0 && e.code == ERR_INPUT && !strcmp(e.field, "id") &&
	   strstr(e.msg, "#99"), "an edit of a missing inquiry: %s", e.msg);
	testdb_close(&t);
}

static void test_note(void)
{
	long long note = 0;

	if (setup() < 0)
		return (void)ok(0, "note: setup");
	long long id = add("other", "s");
	ok(inquiry_note_add(&d, id, "山田", "資料を送付", &note, &e) == 0 && note > 0,
	   "inquiry_note_add takes the staff by name: %s", e.msg);
	ok(inquiry_note_add(&d, id, "鈴木", "x", &note, &e) < 0 && !strcmp(e.field, "staff"),
	   "an unknown staff member is refused at staff");
	ok(inquiry_note_add(&d, id, NULL, "", &note, &e) < 0 && !strcmp(e.field, "note"),
	   "an empty note is refused at note");
	ok(inquiry_note_add(&d, 99, NULL, "x", &note, &e) < 0 && e.code == ERR_INPUT &&
	   !strcmp(e.field, "id"), "a note on a missing inquiry: %s", e.msg);
	testdb_close(&t);
}

static void test_status(void)
{
	struct inquiry q = { 0 };

	if (setup() < 0)
		return (void)ok(0, "status: setup");
	long long id = add("other", "s");
	ok(inquiry_set_status(&d, id, "waiting", &e) == 0 && db_inquiry_get(t.db, id, &q, &e) == 0 &&
	   q.status == IS_WAITING, "inquiry_set_status takes the status as typed");
	inquiry_release(&q);
	ok(inquiry_set_status(&d, id, "waiting", &e) < 0 && e.code == ERR_RULE,
	   "the same status again is refused");
	ok(inquiry_set_status(&d, id, "done", &e) < 0 && e.code == ERR_INPUT &&
	   !strcmp(e.field, "status"), "an unknown status: %s", e.msg);
	ok(inquiry_set_status(&d, 99, "closed", &e) < 0 && e.code == ERR_INPUT &&
	   !strcmp(e.field, "id"), "a missing inquiry: %s", e.msg);
	testdb_close(&t);
}

static void test_book_carries_topic(void)
{
	struct appt_req r = { 0 };
	struct appt_result res;
	struct appt a = { 0 };

	if (setup() < 0)
		return (void)ok(0, "book: setup");
	long long id = add("workshop", "ワークショップの進め方");
	char inq[32];
	snprintf(inq, sizeof inq, "%lld", id);
	r.date = "2026-11-25";
	r.start = "10:00";
	r.inquiry = inq;
	ok(appt_request(&d, &r, &res, &e) == 0 && db_appt_get(t.db, res.id, &a, &e) == 0 &&
	   a.topics == 1u << TOPIC_WORKSHOP && a.inquiry_id == id && a.org_id == 1,
	   "booking from an inquiry carries its topic over: %s", e.msg);
	appt_release(&a);
	testdb_close(&t);
}

static void test_apply(void)
{
	struct program p = { 0 };
	struct application a = { 0 };
	struct inquiry_req r = { 0 };
	struct inquiry_result res;

	if (setup() < 0)
		return (void)ok(0, "apply: setup");
	p.name = strdup("伴走支援事業");
	p.cap = -1;
	ok(program_add(&d, &p, NULL, 0, &e) == 0, "a program");
	long long id = add("plan", "申込の相談");
	ok(inquiry_apply(&d, id, p.id, &a, &e) == 0 && a.id > 0 && a.inquiry_id == id && a.org_id == 1,
	   "inquiry_apply starts an application for the inquiry's organization: %s", e.msg);
	application_release(&a);
	memset(&a, 0, sizeof a);
	r.channel = "phone";
	r.topic = "other";
	r.summary = "団体なし";
	ok(inquiry_request(&d, &r, &res, &e) == 0 && inquiry_apply(&d, res.id, p.id, &a, &e) < 0 &&
	   !strcmp(e.field, "org"), "an inquiry with no organization: refused at org");
	application_release(&a);
	memset(&a, 0, sizeof a);
	ok(inquiry_apply(&d, 99, p.id, &a, &e) < 0 && e.code == ERR_INPUT && !strcmp(e.field, "id"),
	   "a missing inquiry: refused at id");
	application_release(&a);
	program_release(&p);
	testdb_close(&t);
}

int main(void)
{
	test_add();
	test_refusals();
	test_program_name_topic();
	test_contact_same_transaction();
	test_edit();
	test_legacy_topic();
	test_missing();
	test_note();
	test_status();
	test_book_carries_topic();
	test_apply();
	return done_testing();
}
