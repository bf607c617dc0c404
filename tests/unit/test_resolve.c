/* core/resolve: the readers the screens and the command line share
 * (pure functions and reads; each check on its own fresh database where
 * it needs one). */
#include <string.h>
#include "tap.h"
#include "testdb.h"
#include "core/resolve.h"
#include "core/org.h"

static struct testdb t;
static struct desk_ctx d;
static struct err e;

static void test_topics_text(void)
{
	struct strbuf sb = STRBUF_INIT;
	unsigned bits = (1u << TOPIC_MEETING) | (1u << TOPIC_PLAN);

	resolve_topics_str(bits, false, ",", &sb);
	is_str(strbuf_str(&sb), "meeting,plan", "resolve_topics_str: codes");
	strbuf_reset(&sb);
	resolve_topics_str(bits, true, "・", &sb);
	is_str(strbuf_str(&sb), "打合せ・会議運営支援・プラン策定支援", "resolve_topics_str: Japanese names");
	strbuf_reset(&sb);
	resolve_topics_names(bits, false, ", ", &sb);
	is_str(strbuf_str(&sb), "meeting support, plan drafting", "resolve_topics_names: English names");
	strbuf_reset(&sb);
	resolve_topics_names(0, true, ",", &sb);
	is_str(strbuf_str(&sb), "", "no topics: nothing");
	strbuf_release(&sb);
}

static void test_menu(void)
{
	const char *name = NULL, *code;
	int n = 0;

	for (; (code = resolve_topic_menu(n, true, &name)); n++)
		;
	is_int(n, TOPIC_COUNT, "resolve_topic_menu lists the five topics of the support menu");
	ok(!strcmp(resolve_topic_menu(4, true, &name), "other") && !strcmp(name, "その他"),
	   "the last is other (その他)");
	ok(resolve_topic_menu(-1, false, &name) == NULL, "nothing before the first");
}

static void test_channel(void)
{
	ok(resolve_channel_is_visit("visit") && resolve_channel_is_visit("来所相談") &&
	   !resolve_channel_is_visit("phone") && !resolve_channel_is_visit("") &&
	   !resolve_channel_is_visit(NULL), "resolve_channel_is_visit");
	/* every name booking takes (appt_channel_parse), the short ones too */
	ok(resolve_channel_is_visit("来所") && !resolve_channel_is_visit("電話") &&
	   appt_channel_parse("来所") == CH_VISIT && appt_channel_parse("電話相談") == CH_PHONE,
	   "the room follows the channel by the names booking takes");
}

static void test_status_mark(void)
{
	ok(!strcmp(appt_status_mark(ST_BOOKED), "*") && !strcmp(appt_status_mark(ST_DONE), "✓") &&
	   !strcmp(appt_status_mark(ST_CANCELLED), "x") && !strcmp(appt_status_mark(ST_NO_SHOW), "?"),
	   "appt_status_mark: one mark per status for every screen and command");
}

static void test_date_words(void)
{
	int day = 0, today;

	err_clear(&e);
	if (testdb_open(&t, &d, "resolve", "2026-11-24T10:15", &e) < 0)
		return (void)ok(0, "open: %s", e.msg);
	today = clock_today(d.clock);
	ok(resolve_date(&d, "明日", "date", false, &day, &e) == 0 && day == today + 1 &&
	   resolve_date(&d, "+7", "date", false, &day, &e) == 0 && day == today + 7 &&
	   resolve_date(&d, "", "date", true, &day, &e) == 0 && day == today,
	   "resolve_date: words, +N, empty as today");
	ok(resolve_date(&d, "", "due", false, &day, &e) < 0 && !strcmp(e.field, "due"),
	   "an empty date when one is needed, at its key");
	testdb_close(&t);
}

static void test_staff_match(void)
{
	long long id = 0, a = 0, b = 0;

	err_clear(&e);
	if (testdb_open(&t, &d, "resolve", "2026-11-24T10:15", &e) < 0)
		return (void)ok(0, "open: %s", e.msg);
	staff_add(&d, "山田 花子", "やまだ はなこ", NULL, &a, &e);
	staff_add(&d, "山田 太郎", "やまだ たろう", NULL, &b, &e);
	ok(resolve_staff(&d, "やまだ は", "staff", false, &id, &e) == 0 && id == a,
	   "resolve_staff: the one whose reading matches");
	ok(resolve_staff(&d, "山田", "staff", false, &id, &e) < 0 && strstr(e.msg, "#1") &&
	   strstr(e.msg, "#2"), "several matches are listed: %s", e.msg);
	testdb_close(&t);
}

int main(void)
{
	test_topics_text();
	test_menu();
	test_channel();
	test_status_mark();
	test_date_words();
	test_staff_match();
	return done_testing();
}
