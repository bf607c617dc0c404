/* core/deadline, core/inquiry search and core/report on a real
 * database file: desk days over a weekend, a holiday and the year-end
 * closing; the order of deadlines; the full-text index following
 * updates and deletes; CSV quoting. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tap.h"
#include "testdb.h"
#include "core/deadline.h"
#include "core/inquiry.h"
#include "core/program.h"
#include "core/report.h"
#include "db/db_org.h"
#include "util/date.h"
#include "util/mem.h"

static struct desk_ctx d;

static int day(const char *s)
{
	int v = 0;

	date_parse(s, &v);
	return v;
}

static long long add_inquiry(const char *received, const char *summary, const char *due,
			     enum inq_status st, struct err *e)
{
	struct inquiry_req r = { 0 };
	struct inquiry_result res;

	r.received = received;
	r.channel = "phone";
	r.topic = "other";
	r.summary = summary;
	r.due = due;
	r.status = inq_status_code[st];
	return inquiry_request(&d, &r, &res, e) < 0 ? -1 : res.id;
}

struct seen {
	int n;
	char line[16][160];
};

static int see(const struct deadline *dl, void *arg)
{
	struct seen *s = arg;
	char date[DATE_STRLEN];

	if (s->n < 16)
		snprintf(s->line[s->n], sizeof s->line[0], "%s %s %d %d%s", date_format(dl->day, date),
			 deadline_kind_code[dl->kind], dl->days_left, dl->desk_days_left,
			 dl->overdue ? " overdue" : "");
	s->n++;
	return 0;
}

/* counts the event deadline whose fields are what the event holds */
static int event_fields(const struct deadline *dl, void *arg)
{
	struct seen *s = arg;

	if (dl->kind == DL_EVENT && dl->uid && strlen(dl->uid) > 4 && dl->program_name &&
	    !strcmp(dl->program_name, "伴走支援事業") && !strcmp(dl->title, "説明会") &&
	    dl->updated_at && !strcmp(dl->updated_at, "2026-11-20T01:00:00Z") && dl->sequence == 0)
		s->n++;
	if (dl->kind == DL_PROGRAM && (dl->uid || dl->updated_at || dl->sequence))
		s->n += 100;
	return 0;
}

static int stop_first(const struct deadline *dl, void *arg)
{
	(void)dl;
	(*(int *)arg)++;
	return 1;
}

static int count_hit(const struct inquiry *q, void *arg)
{
	(void)q;
	(*(int *)arg)++;
	return 0;
}

static int hits(const char *text, int limit)
{
	struct err e = { 0 };
	int n = 0;

	if (inquiry_search(&d, text, limit, count_hit, &n, &e) < 0)
		return -1;
	return n;
}

int main(void)
{
	static struct testdb t;
	struct err e = { 0 };

	if (testdb_open(&t, &d, "deadline", "2026-11-20T10:00", &e) < 0) {	/* a Friday */
		ok(0, "open: %s", e.msg);
		return done_testing();
	}
	struct db *db = t.db;

	/* desk days */
	is_int(deadline_desk_days(&d, day("2026-11-20"), day("2026-11-24")), 1,
	       "Fri to Tue over a weekend and 勤労感謝の日 is one desk day");
	is_int(deadline_desk_days(&d, day("2026-11-20"), day("2026-11-18")), -2,
	       "two desk days back to Wednesday");
	is_int(deadline_desk_days(&d, day("2026-11-20"), day("2026-11-20")), 0, "today is 0");
	is_int(deadline_desk_days(&d, day("2026-12-25"), day("2027-01-05")), 3,
	       "the year-end closing (12/29-1/3) and New Year's Day are not desk days");

	/* the records */
	struct org o = { 0 };
	o.name = xstrdup("小平市社会福祉協議会");
	o.kana = xstrdup("");
	o.type = ORG_COUNCIL;
	o.municipality = xstrdup("小平市");
	ok(db_org_insert(db, &o, &e) == 0, "an organization");
	org_release(&o);

	struct program p = { 0 };
	const char *items[] = { "活動計画書" };
	p.name = xstrdup("伴走支援事業");
	p.deadline = day("2026-11-24");
	p.cap = 1;
	ok(program_add(&d, &p, items, 1, &e) == 0, "a program with a cap of 1 and an extra item");

	struct application a = { 0 };
	a.program_id = p.id;
	a.org_id = 1;
	a.status = AS_APPLIED;
	ok(program_apply(&d, &a, &e) == 0, "an application");
	ok(application_check(&d, a.id, "form_email", true, &e) == 0, "form_email checked");
	ok(application_check(&d, a.id, "印鑑証明", true, &e) < 0 && e.code == ERR_INPUT,
	   "an item not on the checklist is refused: %s", e.msg);
	ok(application_set_status(&d, a.id, AS_SELECTED, &e) == 0, "selected within the cap");
	ok(application_set_status(&d, a.id, AS_APPLIED, &e) == 0, "back to applied");

	struct program_event ev = { 0 };
	ev.program_id = p.id;
	ev.title = xstrdup("説明会");
	ev.day = day("2026-12-02");
	ev.start_min = ev.end_min = ev.capacity = -1;
	ev.reg_deadline = day("2026-11-26");
	ok(program_event_add(&d, &ev, &e) == 0 && ev.uid, "an event with a registration deadline");
	program_event_release(&ev);

	ok(add_inquiry("2026-11-17T10:00", "折り返しの約束", "2026-11-18", IS_OPEN, &e) > 0,
	   "an inquiry whose follow-up is overdue");
	ok(add_inquiry("2026-11-17T11:00", "完了した件", "2026-11-19", IS_CLOSED, &e) > 0,
	   "a closed inquiry with a past due date");
	ok(add_inquiry(NULL, "回答待ちの件", "2026-11-30", IS_WAITING, &e) > 0,
	   "a waiting inquiry due in ten days");
	ok(add_inquiry("2026-11-20T10:01", "future", NULL, IS_OPEN, &e) < 0 && e.code == ERR_INPUT,
	   "an inquiry received in the future is refused");
	ok(add_inquiry("2026-11-19T10:00", "x", "2026-11-18", IS_OPEN, &e) < 0 && e.code == ERR_INPUT,
	   "a follow-up due before the inquiry was received is refused");

	struct seen s = { 0 };
	int n = deadline_collect(&d, clock_today(&t.clk), 30, see, &s, &e);
	is_int(n, 6, "six deadlines");
	const char *want[] = {
		"2026-11-18 follow_up -2 -2 overdue",
		"2026-11-24 program 4 1",
		"2026-11-24 document 4 1",	/* papers_post */
		"2026-11-24 document 4 1",	/* 活動計画書 */
		"2026-11-26 event_registration 6 3",
		"2026-11-30 follow_up 10 5",
	};
	for (int i = 0; i < 6 && i < s.n; i++)
		is_str(s.line[i], want[i], "deadline %d in date order", i + 1);

	int calls = 0;
	deadline_collect(&d, clock_today(&t.clk), 30, stop_first, &calls, &e);
	is_int(calls, 1, "a callback returning non-zero stops");
	s.n = 0;
	is_int(deadline_collect(&d, clock_today(&t.clk), 0, see, &s, &e), 1,
	       "a window of 0 days: today's, and the overdue follow-up");

	/* a calendar's deadlines: programs' and events' only, over any range,
	 * past ones too, with what the export needs of the event */
	{
		struct program old = { 0 };
		old.name = xstrdup("過去の事業");
		old.deadline = day("2016-06-30");
		old.cap = -1;
		ok(program_add(&d, &old, NULL, 0, &e) == 0, "a program whose deadline is long past");
		program_release(&old);
		struct seen c = { 0 };
		is_int(deadline_each_dated(&d, 0, 0, see, &c, &e), 3,
		       "the calendar's deadlines, open range: 2 programs and the event's");
		const char *cwant[] = {
			"2016-06-30 program -3795 0 overdue",
			"2026-11-24 program 4 0",
			"2026-11-26 event_registration 6 0",
		};
		for (int i = 0; i < 3 && i < c.n; i++)
			is_str(c.line[i], cwant[i], "calendar deadline %d: no follow-ups, documents or desk days",
			       i + 1);
		c.n = 0;
		is_int(deadline_each_dated(&d, day("2026-11-25"), day("2026-11-26"), see, &c, &e), 1,
		       "a range holds only its own");
		c.n = 0;
		is_int(deadline_each_dated(&d, day("2026-11-20"), day("2026-11-23"), see, &c, &e), 0,
		       "an empty range: none");
		is_int(deadline_each_dated(&d, 0, 0, event_fields, &c, &e), 3, "read again");
		ok(c.n == 1, "the event's deadline carries its UID, program, SEQUENCE and last change");
	}

	/* full-text search follows the records */
	is_int(hits("折り返しの約束", 0), 1, "the summary is found through the index");
	is_int(hits("約束", 0), 1, "a two-character word is found by a scan");
	struct inquiry q;
	ok(db_inquiry_get(db, 1, &q, &e) == 0, "read the inquiry back");
	free(q.summary);
	q.summary = xstrdup("電話で日程を調整済み");
	ok(db_inquiry_update(db, &q, &e) == 0, "change its summary");
	inquiry_release(&q);
	is_int(hits("折り返しの約束", 0), 0, "the old summary is gone from the index");
	is_int(hits("日程を調整", 0), 1, "the new summary is in it");
	long long note;
	ok(inquiry_note_add(&d, 1, NULL, "資料一式を郵送した", &note, &e) == 0, "a note");
	is_int(hits("資料一式", 0), 1, "the note is found");
	is_int(hits("日程を調整 資料一式", 0), 1, "words from the summary and a note together");
	ok(db_exec(db, "DELETE FROM inquiry WHERE id = 1", &e) == 0, "delete the inquiry");
	is_int(hits("資料一式", 0), 0, "its notes left the index with it");
	ok(db_exec(db, "INSERT INTO inquiry_fts (inquiry_fts) VALUES ('integrity-check');"
		       "INSERT INTO inquiry_note_fts (inquiry_note_fts) VALUES ('integrity-check')",
		   &e) == 0, "the indexes pass FTS5's integrity-check: %s", e.msg);
	for (int i = 0; i < 5; i++)
		add_inquiry(NULL, "ライフシフトセミナーの申込", NULL, IS_OPEN, &e);
	is_int(hits("ライフシフト", 3), 3, "the limit caps a keystroke search");
	is_int(hits("ライフシフト", 0), 5, "no limit finds all");
	is_int(hits("a b c d e f g h", 0), -1, "more than seven words are refused");

	/* CSV quoting */
	struct report r = { 0 };
	struct report_row rows[3] = {
		{ RD_TOTAL, (char *)"", { 2, 1 } },
		{ RD_TOPIC, (char *)"相談, \"特別\"", { 1, 0 } },
		{ RD_TOPIC, (char *)"=1+1", { 1, 1 } },
	};
	r.rows = rows;
	r.n = 3;
	struct strbuf sb = STRBUF_INIT;
	report_csv(&r, false, &sb);
	is_str(strbuf_str(&sb),
	       "dimension,value,label,inquiries,appointments\r\n"
	       "total,,,2,1\r\n"
	       "topic,\"相談, \"\"特別\"\"\",\"相談, \"\"特別\"\"\",1,0\r\n"
	       "topic,\"'=1+1\",\"'=1+1\",1,1\r\n",
	       "CSV quotes commas and quotes and defuses formulas");
	strbuf_release(&sb);

	program_release(&p);
	application_release(&a);
	testdb_close(&t);
	return done_testing();
}
