/* Inquiry search through the index of single characters and pairs
 * (db/010_search_grams.sql): the same kana and width folding as
 * organization search, terms of one and two characters, an inquiry found
 * by its organization's name and reading, newest first with a limit, the
 * capped count, and an index that follows every change (FTS5
 * integrity-check against the stored docs). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "testdb.h"
#include "core/inquiry.h"
#include "db/db_inquiry.h"
#include "db/db_org.h"
#include "util/kana.h"
#include "util/mem.h"

static struct desk_ctx d;

static long long add(const char *received, long long org_id, const char *summary)
{
	struct inquiry_req r = { 0 };
	struct inquiry_result res;
	struct err e = { 0 };
	char org[32];

	snprintf(org, sizeof org, "#%lld", org_id);
	r.received = received;
	r.channel = "phone";
	r.topic = "other";
	r.summary = summary;
	r.org = org_id ? org : "";
	if (inquiry_request(&d, &r, &res, &e) < 0) {
		diag("inquiry_request: %s", e.msg);
		return -1;
	}
	return res.id;
}

struct ids {
	int n;
	long long v[64];
};

static int take(const struct inquiry *q, void *arg)
{
	struct ids *s = arg;

	if (s->n < 64)
		s->v[s->n] = q->id;
	s->n++;
	return 0;
}

/* The ids a search finds (newest first, limit), as "3 1"; "-" for none. */
static const char *found(const char *text, int limit)
{
	static char out[512];
	struct ids s = { 0 };
	struct err e = { 0 };
	size_t len = 0;

	if (inquiry_search(&d, text, limit, take, &s, &e) < 0) {
		snprintf(out, sizeof out, "error: %.400s", e.msg);
		return out;
	}
	out[0] = '\0';
	for (int i = 0; i < s.n && i < 64; i++)
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%lld", i ? " " : "", s.v[i]);
	return s.n ? out : "-";
}

static long long count(const char *text, int cap)
{
	struct inquiry_filter f;
	struct err e = { 0 };
	long long n = -1;

	inquiry_filter_init(&f);
	f.search = text;
	if (db_inquiry_count(d.db, &f, cap, &n, &e) < 0)
		diag("count: %s", e.msg);
	return n;
}

static int index_ok(void)
{
	struct err e = { 0 };
	int rc = db_exec(d.db, "INSERT INTO inquiry_gram (inquiry_gram) VALUES ('integrity-check')", &e);

	if (rc < 0)
		diag("integrity-check: %s", e.msg);
	return rc == 0;
}

static long long org(const char *name, const char *kana)
{
	struct org o = { 0 };
	struct err e = { 0 };

	o.name = (char *)name;
	o.kana = (char *)kana;
	o.type = ORG_LOCAL;
	o.municipality = (char *)"中野区";
	if (db_org_insert(d.db, &o, &e) < 0) {
		diag("org: %s", e.msg);
		return -1;
	}
	return o.id;
}

int main(void)
{
	struct testdb t;
	struct err e = { 0 };
	char *g;

	g = kana_grams("ぼら ん");
	is_str(g, "u307c u3089 w307cx3089 u3093", "grams: characters and pairs, none across a blank");
	free(g);
	{
		struct strbuf q = STRBUF_INIT;
		kana_gram_query(&q, "ぼ");
		kana_gram_query(&q, "ぼらん");
		is_str(strbuf_str(&q), "u307c w307cx3089 w3089x3093", "query: one token or the pairs");
		strbuf_release(&q);
	}

	if (testdb_open(&t, &d, "inqsearch", "2026-11-24T10:15", &e) < 0) {
		diag("%s", e.msg);
		return 1;
	}
	long long tanaka = org("田中町会", "たなかちょうかい");
	long long npo = org("ＮＰＯ法人ひまわり", "ヒマワリ");
	long long a = add("2026-11-20T10:00", tanaka, "ボランティア募集の相談");
	long long b = add("2026-11-21T10:00", 0, "助成金の申込方法");
	long long c = add("2026-11-22T10:00", npo, "チラシ制作について");
	ok(a > 0 && b > 0 && c > 0, "three inquiries");

	/* one normalization: hiragana, katakana, half-width all find it */
	is_str(found("ボランティア", 50), "1", "katakana finds katakana");
	is_str(found("ぼらんてぃあ", 50), "1", "hiragana finds katakana");
	is_str(found("ﾎﾞﾗﾝﾃｨｱ", 50), "1", "half-width katakana finds katakana");
	is_str(found("ぼら", 50), "1", "two folded characters");
	is_str(found("ぼ", 50), "1", "one folded character");
	/* short terms */
	is_str(found("助成", 50), "2", "two kanji");
	is_str(found("助", 50), "2", "one kanji");
	is_str(found("猫犬", 50), "-", "two characters found nowhere");
	is_str(found("猫", 50), "-", "one character found nowhere");
	is_str(found("の", 50), "2 1", "a common character: all that hold it, newest first");
	/* longer words are checked as a whole, not as pairs anywhere */
	is_str(found("申込方法", 50), "2", "a longer word");
	is_str(found("方法申込", 50), "-", "its pairs in another order do not match");
	is_str(found("募集 相談", 50), "1", "two words, both needed");
	is_str(found("募集 助成", 50), "-", "two words in different inquiries");
	/* the organization's name and reading */
	is_str(found("田中", 50), "1", "an organization's name finds its inquiries");
	is_str(found("たなか", 50), "1", "its reading too");
	is_str(found("ﾀﾅｶ", 50), "1", "its reading in half-width katakana");
	is_str(found("npo", 50), "3", "full-width letters from half-width lower case");
	is_str(found("ひまわり", 50), "3", "a katakana reading from hiragana");
	ok(index_ok(), "index consistent after inserts");

	/* notes */
	long long note = 0;
	ok(inquiry_note_add(&d, b, "", "ｹｱﾏﾈｼﾞｬｰに確認", &note, &e) == 0, "a note");
	is_str(found("けあまね", 50), "2", "a note is found, folded");
	is_str(found("確", 50), "2", "one character of a note");
	ok(index_ok(), "index consistent after a note");

	/* renaming the organization moves its inquiries */
	{
		struct org o;
		ok(db_org_get(d.db, tanaka, &o, &e) == 0, "get the organization");
		free(o.name);
		o.name = xstrdup("鈴木自治会");
		free(o.kana);
		o.kana = xstrdup("すずきじちかい");
		ok(db_org_update(d.db, &o, &e) == 0, "rename it");
		org_release(&o);
	}
	is_str(found("田中", 50), "-", "the old name no longer finds it");
	is_str(found("すずき", 50), "1", "the new reading does");
	ok(index_ok(), "index consistent after a rename");

	/* editing the summary */
	{
		struct inquiry_req r = { 0 };
		struct inquiry_result res;
		r.id = c;
		r.summary = "パンフレット制作";
		ok(inquiry_request(&d, &r, &res, &e) == 0 && res.changed, "edit its summary");
	}
	is_str(found("チラシ", 50), "-", "the old summary no longer finds it");
	is_str(found("ぱんふ", 50), "3", "the new one does");
	ok(index_ok(), "index consistent after an edit");

	/* many: newest first, limit, count with a cap */
	long long last = 0;
	for (int i = 0; i < 40; i++) {
		char when[20];
		snprintf(when, sizeof when, "2026-11-23T09:%02d", i);
		last = add(when, 0, i % 2 ? "相談会の日程" : "見守り活動の相談");
	}
	is_int(count("相談", 0), 41, "count of a two-character term");
	is_int(count("相談", 100), 41, "under the cap: exact");
	is_int(count("相談", 10), 11, "over the cap: cap + 1");
	is_int(count("見守り活動", 0), 20, "count of a longer word (checked)");
	is_int(count("猫", 0), 0, "count of nothing");
	{
		struct ids s = { 0 };
		ok(inquiry_search(&d, "相談", 5, take, &s, &e) == 5, "a limit of 5 gives 5");
		is_int(s.v[0], last, "newest received first");
		is_int(s.v[4], last - 4, "down to the fifth newest");
		s.n = 0;
		ok(inquiry_search(&d, "相談", 50, take, &s, &e) == 41, "a limit above the count gives all");
		is_int(s.v[40], a, "the oldest last");
	}
	{
		struct inquiry_filter f;
		long long n = 0;
		inquiry_filter_init(&f);
		f.search = "相談";
		f.from_day = 0;
		f.status = IS_OPEN;
		ok(db_inquiry_count(d.db, &f, 0, &n, &e) == 0 && n == 41, "count with another filter");
	}
	{
		/* the inquiry screen's load: the rows and the count from one
		 * read of the index; the same as a search and a count */
		struct inquiry_filter f;
		struct ids s = { 0 };
		long long total = -1;
		inquiry_filter_init(&f);
		f.search = "相談";
		f.limit = 5;
		is_int(db_inquiry_page(d.db, &f, 10, &total, take, &s, &e), 5, "page: limit 5 of 41");
		is_int(total, 11, "page: more than the cap of 10 counts cap + 1");
		is_int(s.v[0], last, "page: newest received first");
		is_int(s.v[4], last - 4, "page: down to the fifth newest");
		s.n = 0;
		is_int(db_inquiry_page(d.db, &f, 100, &total, take, &s, &e), 5, "page: under the cap");
		is_int(total, 41, "page: the exact count");
		s.n = 0;
		f.limit = 50;
		is_int(db_inquiry_page(d.db, &f, 100, &total, take, &s, &e), 41, "page: fewer than the limit");
		is_int(total, 41, "page: all of them counted");
		is_int(s.v[40], a, "page: the oldest last");
		s.n = 0;
		f.search = "見守り活動";
		f.limit = 5;
		is_int(db_inquiry_page(d.db, &f, 10, &total, take, &s, &e), 5, "page: a longer word (checked)");
		is_int(total, 11, "page: its count capped");
		is_int(s.v[0], last - 1, "page: its newest first");
		s.n = 0;
		long long aia = add("2026-11-23T12:00", 0, "あいあう");
		f.search = "いあい";	/* both its pairs occur there, the word nowhere */
		is_int(db_inquiry_page(d.db, &f, 10, &total, take, &s, &e), 0, "page: pairs but no word");
		is_int(total, 0, "page: counted 0");
		f.search = "あいあ";
		is_int(db_inquiry_page(d.db, &f, 10, &total, take, &s, &e), 1, "page: the word itself");
		is_int(s.v[0], aia, "page: found");
		s.n = 0;
		f.search = "猫";
		is_int(db_inquiry_page(d.db, &f, 10, &total, take, &s, &e), 0, "page: nothing");
		is_int(total, 0, "page: nothing counted");
		s.n = 0;
		f.search = "相談";
		f.status = IS_OPEN;	/* another filter: a search and a count */
		is_int(db_inquiry_page(d.db, &f, 10, &total, take, &s, &e), 5, "page with a filter: 5");
		is_int(total, 11, "page with a filter: the count capped too");
		is_int(s.v[0], last, "page with a filter: newest first");
		s.n = 0;
		f.status = IS_CLOSED;
		is_int(db_inquiry_page(d.db, &f, 10, &total, take, &s, &e), 0, "page with a filter: none");
		is_int(total, 0, "page with a filter: 0");
	}
	{
		/* entered late, received long ago: among the newest by entry,
		 * shown in the order of receipt */
		long long old = add("2026-01-05T10:00", 0, "古い相談の記録");
		struct inquiry_filter f;
		struct ids s = { 0 };
		long long total = -1;
		inquiry_filter_init(&f);
		f.search = "相談";
		f.limit = 3;
		is_int(db_inquiry_page(d.db, &f, 100, &total, take, &s, &e), 3, "late entry: 3 rows");
		is_int(total, 42, "late entry: counted");
		is_int(s.v[0], last, "late entry: the newest received first");
		is_int(s.v[2], old, "late entry: shown by its date, last");
	}
	ok(index_ok(), "index consistent at the end");
	testdb_close(&t);
	return done_testing();
}
