/* ical_export()'s own appointment serializer against the libical path
 * it replaced (ical_export_libical()): on a real database full of
 * awkward text, with and without personal data, per staff member, per
 * date range, in English and Japanese labels, both must write the same
 * bytes.  Within one start time the fast path orders by id, the libical
 * path by staff name: where those differ, the events must still be the
 * same bytes, only in id order. */
#include "export/ical.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "testdb.h"
#include "util/date.h"
#include "util/i18n.h"

/* the first byte where a and b differ, shown with a little context */
static void show_diff(const char *a, const char *b)
{
	size_t i = 0;

	while (a[i] && a[i] == b[i])
		i++;
	size_t from = i > 60 ? i - 60 : 0;
	diag("first difference at byte %zu", i);
	diag("fast:    ...%.*s", 120, a + from);
	diag("libical: ...%.*s", 120, b + from);
}

static char *run(struct desk_ctx *d, const struct ical_export_opts *o, bool fast, int *n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct err e;

	*n = fast ? ical_export(d, o, f, &e) : ical_export_libical(d, o, f, &e);
	if (*n < 0)
		diag("export failed: %s", e.msg);
	fclose(f);
	return buf;
}

static int compare(struct desk_ctx *d, const struct ical_export_opts *o, const char *what)
{
	int nf, nl;
	char *fast = run(d, o, true, &nf), *lib = run(d, o, false, &nl);
	int same = nf >= 0 && nf == nl && !strcmp(fast, lib);

	ok(same, "%s: byte for byte the libical output (%d events, %zu bytes)", what, nf,
	   strlen(fast));
	if (!same)
		show_diff(fast, lib);
	free(fast);
	free(lib);
	return nf;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The VEVENTs of a calendar (cut in place), sorted; returns how many. */
static int events_sorted(char *cal, char **ev, int max)
{
	int n = 0;
	char *p = strstr(cal, "BEGIN:VEVENT\r\n");

	while (p && n < max) {
		char *next = strstr(p + 1, "BEGIN:VEVENT\r\n");
		ev[n++] = p;
		if (next)
			next[-1] = '\0';	/* the LF ending the previous END:VEVENT */
		p = next;
	}
	qsort(ev, (size_t)n, sizeof *ev, cmp_str);
	return n;
}

#define EXEC(sql) do { if (!ok(db_exec(t.db, sql, &e) == 0, "test data (line %d)", __LINE__)) diag("%s", e.msg); } while (0)

static const char long_note[] =
	"長いメモ：地域包括支援センターとの打ち合わせ、社会福祉協議会の担当者も同席。"
	"議題；見守り活動\\ボランティア募集、一、二、三。\n"
	"二行目😀é予、さらに続く長い文章で折り返しが多バイト文字の境界に来るように"
	"何度も何度も書き足していきます。東京都社会福祉協議会東京都社会福祉協議会";

int main(void)
{
	static struct testdb t;
	struct desk_ctx d;
	struct err e;
	struct ical_export_opts o;
	char sql[4096];
	/* "UID:" and this make 76 octets, one more than a line may hold */
	const char *uid72 = "u6-0123456789-0123456789-0123456789-0123456789-0123456789-@madoguchi.jp1";
	int n;

	if (testdb_open(&t, &d, "icalfast", "2026-11-24T10:15", &e) < 0) {
		ok(0, "open: %s", e.msg);
		return done_testing();
	}
	t.cfg.deadline_alarm_days = 3;

	/* staff ids in name order, so that the two orders agree at first */
	EXEC("INSERT INTO staff (id, name, kana) VALUES (1, 'A, Ann; \\ x', 'え'),"
	     " (2, '佐藤 花子', 'さとう'), (3, '山田 太郎', 'やまだ'),"
	     /* X-MADOGUCHI-STAFF: and this name make a line of 76 octets */
	     " (5, 'Staff member with a name of exactly fifty-eight octets....', 'す')");
	EXEC("INSERT INTO organization (id, name, kana, type, municipality, phone, email) VALUES"
	     " (1, '千代田区社会福祉協議会', 'ちよだ', 'council', '千代田区', NULL, NULL),"
	     " (2, 'NPO法人 まちづくり, 未来; 研究所\\東京', 'えぬぴーおー', 'intermediary', '中央区', NULL, NULL),"
	     " (3, '" "東京都地域包括支援センター東京都地域包括支援センター東京都地域包括支援センター"
	     "東京都地域包括支援センター東京都地域包括支援センター', 'とうきょう', 'center', '千代田区', NULL, NULL),"
	     " (4, 'Plain Org', 'ぷれーん', 'individual', '中央区', NULL, NULL)");
	EXEC("INSERT INTO contact (id, org_id, name, phone, email) VALUES"
	     " (1, 1, '鈴木 一郎', '03-1234-5678', 'suzuki@example.jp'),"
	     " (2, 2, 'O''Brien, Pat; \\B', NULL, 'pat@example.org'),"
	     " (3, 3, '高橋', '090-0000-0000', NULL)");
	snprintf(sql, sizeof sql,
		 "INSERT INTO appointment (id, uid, date, start_min, minutes, channel, booked_via,"
		 " org_id, contact_id, staff_id, room, status, note, override_reason, sequence,"
		 " updated_at) VALUES"
		 " (1, 'u1@madoguchi', '2026-11-24', 600, 60, 'visit', 'phone', 1, 1, 1, '面談室1',"
		 "  'booked', '%s', NULL, 0, '2026-11-20T01:02:03Z'),"
		 " (2, 'u2,semi;back\\slash@x', '2026-11-24', 600, 30, 'phone', 'email', 2, 2, 2, NULL,"
		 "  'cancelled', 'a\\b,c;d', 'closed day; chief said, ok\\yes', 3, '2026-1-5T1:2:3Z'),"
		 " (3, 'u3@madoguchi', '2026-11-24', 600, 90, 'visit', 'in_person', 3, 3, 3, NULL,"
		 "  'done', NULL, 'outside hours', 12, 'garbage'),"
		 " (4, 'u4@madoguchi', '2026-11-25', 1380, 60, 'phone', 'phone', 4, NULL, NULL, NULL,"
		 "  'no_show', '', NULL, 1, '2026-02-30T00:00:00Z'),"
		 " (5, 'u5@madoguchi', '2026-11-26', 540, 45, 'visit', 'phone', 3, 3, 2, '相談室A, 2階',"
		 "  'booked', '%s', NULL, 0, '2026-11-24T01:15:00Z'),"
		 " (6, '%s', '2026-12-01', 780, 30, 'phone', 'email', 2, NULL, 5, NULL,"
		 "  'done', 'line one\nline two\n\nline four', NULL, 2, '2026-11-30T23:59:59Z')",
		 long_note, long_note, uid72);
	EXEC(sql);
	{	/* a note of 3,850 characters: a DESCRIPTION of more than 64 folded lines */
		struct strbuf big = STRBUF_INIT;
		strbuf_adds(&big, "INSERT INTO appointment (id, uid, date, start_min, minutes, channel,"
			    " org_id, contact_id, staff_id, status, note) VALUES (9, 'u9@madoguchi',"
			    " '2026-12-03', 600, 30, 'phone', 1, 1, 1, 'booked', '");
		for (int i = 0; i < 350; i++)
			strbuf_adds(&big, i % 7 ? "東京都社会福祉協議会、" : "a;b,c\\d\n😀");
		strbuf_adds(&big, "')");
		EXEC(strbuf_str(&big));
		strbuf_release(&big);
	}
	EXEC("INSERT INTO appointment_topic (appt_id, topic) VALUES (1, 'meeting'), (1, 'plan'),"
	     " (1, 'other'), (2, 'workshop'), (3, 'direct'), (5, 'meeting'), (5, 'workshop'),"
	     " (5, 'plan'), (5, 'direct'), (5, 'other'), (6, 'other')");
	EXEC("INSERT INTO program (id, name, deadline) VALUES (1, '見守り, 研修; 2026', '2026-11-28')");
	EXEC("INSERT INTO program_event (id, program_id, uid, title, date, start_min, end_min, place,"
	     " capacity, reg_deadline, note, sequence, updated_at) VALUES"
	     " (1, 1, 'ev1@madoguchi', '研修会：第1回, 見守り; 基礎', '2026-11-27', 780, 900,"
	     "  '区民ホール\\3F', 40, '2026-11-25', 'メモ\n二行目', 1, '2026-11-01T00:00:00Z'),"
	     " (2, NULL, 'ev2@madoguchi', 'All day', '2026-11-29', NULL, NULL, NULL, NULL, NULL,"
	     "  NULL, 0, '2026-11-01T00:00:00Z')");

	for (int ja = 0; ja < 2; ja++) {
		const char *lang = ja ? "Japanese labels" : "English labels";
		if (ja && !setlocale(LC_MESSAGES, "ja_JP.UTF-8") && !setlocale(LC_MESSAGES, "ja_JP.utf8")) {
			ok(1, "# SKIP no ja_JP locale");
			break;
		}
		ok(i18n_japanese() == ja, "%s in use", lang);
		for (int np = 0; np < 2; np++) {
			char what[160];
			ical_export_opts_init(&o);
			o.no_personal = np;
			snprintf(what, sizeof what, "%s, %s, everything", lang,
				 np ? "no personal data" : "personal data");
			n = compare(&d, &o, what);
			is_int(n, 7 + 2 + 2, "%s: 7 appointments, 2 events, 2 deadlines", what);
			o.what = ICAL_APPOINTMENTS;
			o.from_day = 0;
			date_parse("2026-11-24", &o.from_day);
			date_parse("2026-11-25", &o.to_day);
			snprintf(what, sizeof what, "%s, %s, appointments of two days", lang,
				 np ? "no personal data" : "personal data");
			is_int(compare(&d, &o, what), 4, "%s: 4 appointments", what);
			ical_export_opts_init(&o);
			o.no_personal = np;
			o.staff_id = 2;
			snprintf(what, sizeof what, "%s, %s, one staff member", lang,
				 np ? "no personal data" : "personal data");
			is_int(compare(&d, &o, what), 2 + 2 + 2, "%s: 2 appointments", what);
		}
	}
	setlocale(LC_MESSAGES, "C.UTF-8");

	/* the fast output really holds the awkward parts (read unfolded) */
	{
		int nf;
		ical_export_opts_init(&o);
		char *cal = run(&d, &o, true, &nf), *w = cal;
		for (char *r = cal; *r; r++) {
			if (r[0] == '\r' && r[1] == '\n' && r[2] == ' ')
				r += 2;
			else
				*w++ = *r;
		}
		*w = '\0';
		ok(strstr(cal, "UID:u2\\,semi\\;back\\\\slash@x\r\n") != NULL, "UID escaped");
		ok(strstr(cal, "LAST-MODIFIED:20260105T010203Z\r\n") != NULL,
		   "a loosely written last-modified time is read as before");
		ok(strstr(cal, "UID:u3@madoguchi\r\nDTSTAMP:20261124T011500Z\r\nSEQUENCE:12\r\n"
			       "X-MADOGUCHI-KIND:") != NULL,
		   "no LAST-MODIFIED from a malformed time; two-digit sequence");
		ok(strstr(cal, "DTSTART;TZID=Asia/Tokyo:20261125T230000\r\n"
			       "DTEND;TZID=Asia/Tokyo:20261126T000000\r\n") != NULL,
		   "an end at 24:00 is the next day's 00:00");
		ok(strstr(cal, "STATUS:CANCELLED\r\n") != NULL, "a cancelled appointment says so");
		ok(strstr(cal, "Override: closed day\\; chief said\\, ok\\\\yes") != NULL,
		   "override reason escaped");
		ok(strstr(cal, "line two\\n\\nline four") != NULL, "newlines as \\n");
		ok(strstr(cal, "CATEGORIES:meeting support,workshop support,plan drafting,"
			       "direct support in implementation,other\r\n") != NULL,
		   "five topics as five CATEGORIES values");
		free(cal);
	}

	/* two appointments at one time whose staff names sort against their ids */
	EXEC("INSERT INTO staff (id, name, kana) VALUES (4, 'Aaron', 'あ')");
	EXEC("INSERT INTO appointment (id, uid, date, start_min, minutes, channel, org_id, staff_id,"
	     " status) VALUES (7, 'u7@madoguchi', '2026-12-02', 600, 30, 'phone', 1, 3, 'booked'),"
	     " (8, 'u8@madoguchi', '2026-12-02', 600, 30, 'phone', 4, 4, 'booked')");
	{
		int nf, nl;
		char *ef[64], *el[64];
		ical_export_opts_init(&o);
		char *fast = run(&d, &o, true, &nf), *lib = run(&d, &o, false, &nl);
		char *u7 = strstr(fast, "UID:u7@"), *u8 = strstr(fast, "UID:u8@");
		char *l7 = strstr(lib, "UID:u7@"), *l8 = strstr(lib, "UID:u8@");
		ok(u7 && u8 && u7 < u8, "same start time: the fast path writes them in id order");
		ok(l7 && l8 && l8 < l7, "same start time: the libical path in staff name order");
		int kf = events_sorted(fast, ef, 64), kl = events_sorted(lib, el, 64);
		int same = kf == kl && kf == nf && nf == 13;
		for (int i = 0; same && i < kf; i++)
			same = !strcmp(ef[i], el[i]);
		ok(same, "and otherwise the same %d events, byte for byte", kf);
		free(fast);
		free(lib);
	}

	testdb_close(&t);
	return done_testing();
}
