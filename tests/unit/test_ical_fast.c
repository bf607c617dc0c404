/* The export's serializer against libical: ical_export() and
 * ical_invite() write every line themselves; ical_ref.h builds the same
 * calendar as libical components from the same rows (the way the export
 * was written before).  On a real database full of awkward text (commas,
 * semicolons, backslashes, newlines, long Japanese lines that fold
 * between characters, empty fields), for every kind (appointments,
 * program events, staff blocks, deadlines with their alarm,
 * invitations), with and without personal data, per staff member, per
 * date range, in English and Japanese labels, both must write the same
 * bytes.  Within one start time the export orders appointments by id,
 * the reference by staff name: where those differ, the events must
 * still be the same bytes, only in id order. */
#include "export/ical.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include "db/db_appt.h"
#include "ical_ref.h"
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

	*n = fast ? ical_export(d, o, f, &e) : ref_export(d, o, f, &e);
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

/* got is the bytes of want_head up to its first VEVENT, then those of
 * want_event from its first VEVENT on. */
static bool same_letter(const char *got, const char *want_head, const char *want_event)
{
	const char *g = strstr(got, "BEGIN:VEVENT\r\n"), *h = strstr(want_head, "BEGIN:VEVENT\r\n");
	const char *ev = strstr(want_event, "BEGIN:VEVENT\r\n");

	return g && h && ev && g - got == h - want_head && !strncmp(got, want_head, (size_t)(g - got)) &&
	       !strcmp(g, ev);
}

/* Every appointment as an invitation (request and cancel; organizer and
 * attendee, either or neither, a long address that folds, one with a
 * comma and semicolon), in both languages, whatever the desk's locale:
 * the event in the bytes libical writes for the letter's language, the
 * calendar's head (its name) in the desk's, as the letters have always
 * been. */
static void invitations(struct desk_ctx *d)
{
	static const char *const who[][2] = {
		{ "desk@example.jp", "contact@example.jp" },
		{ NULL, "contact@example.jp" },
		{ "desk@example.jp", NULL },
		{ NULL, NULL },
		{ "madoguchi-consultation-desk-of-the-tokyo-hometown-project@example.jp",
		  "a-very-long-contact-address-for-a-local-welfare-group@npo.example.jp" },
		{ "desk,one;two@example.jp", "\"Suzuki, I.\"@example.jp" },
	};
	enum { NCASE = 10 * 2 * 6 };
	char *ref[2][NCASE] = { { NULL } }, *got[2][2][NCASE] = { { { NULL } } };
	bool have[2] = { false, false };
	struct err e;

	for (int loc = 0; loc < 2; loc++) {
		if (loc && !setlocale(LC_MESSAGES, "ja_JP.UTF-8") && !setlocale(LC_MESSAGES, "ja_JP.utf8"))
			break;
		have[loc] = true;
		for (long long id = 1; id <= 10; id++) {
			struct appt a;
			if (db_appt_get(d->db, id, &a, &e) < 0)
				continue;
			for (int c = 0; c < 2 * 6; c++) {
				int i = (int)(id - 1) * 12 + c;
				struct strbuf sb = STRBUF_INIT;
				ref_invite(d, &a, c & 1, who[c / 2][0], who[c / 2][1], &sb);
				ref[loc][i] = xstrdup(strbuf_str(&sb));
				strbuf_release(&sb);
				for (int ja = 0; ja < 2; ja++) {
					struct strbuf gb = STRBUF_INIT;
					if (ical_invite(d, &a, c & 1, ja, who[c / 2][0], who[c / 2][1], &gb,
							&e) < 0)
						diag("invitation %lld failed: %s", id, e.msg);
					got[loc][ja][i] = xstrdup(strbuf_str(&gb));
					strbuf_release(&gb);
				}
			}
			appt_release(&a);
		}
	}
	setlocale(LC_MESSAGES, "C.UTF-8");
	for (int loc = 0; loc < 2; loc++)
		for (int ja = 0; ja < 2; ja++) {
			int n = 0, same = 0, first = -1;
			if (!have[loc] || !have[ja]) {
				ok(1, "# SKIP no ja_JP locale");
				continue;
			}
			for (int i = 0; i < NCASE; i++) {
				if (!ref[ja][i])
					continue;
				n++;
				if (got[loc][ja][i] && same_letter(got[loc][ja][i], ref[loc][i], ref[ja][i]))
					same++;
				else if (first < 0)
					first = i;
			}
			ok(n == 9 * 12 && same == n,
			   "invitations in %s, desk in %s: %d of %d byte for byte the libical ones",
			   ja ? "Japanese" : "English", loc ? "Japanese" : "English", same, n);
			if (first >= 0)
				show_diff(got[loc][ja][first] ? got[loc][ja][first] : "", ref[ja][first]);
		}
	/* what the letters hold */
	const char *r = ref[0][0 * 12 + 1];	/* appointment 1, cancelled, both addresses */
	ok(r && strstr(r, "METHOD:CANCEL\r\n") && strstr(r, "ORGANIZER:mailto:desk@example.jp\r\n") &&
	   strstr(r, "ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:contact@example.jp\r\n") &&
	   !strstr(r, "Note:"),
	   "a cancellation letter: METHOD:CANCEL, organizer, attendee, no internal note");
	r = ref[0][1 * 12 + 0];	/* appointment 2: an override reason and a note */
	ok(r && strstr(r, "METHOD:REQUEST\r\n") && !strstr(r, "Override") && !strstr(r, "a\\\\b"),
	   "a letter leaves out the override reason and the note");
	r = ref[0][0 * 12 + 6];	/* neither address */
	ok(r && !strstr(r, "ORGANIZER") && !strstr(r, "ATTENDEE"), "no address, no ORGANIZER or ATTENDEE");
	r = got[0][0][0 * 12 + 8];	/* long addresses */
	ok(r && strstr(r, "\r\nATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:a-very-long-contact-addre"
			  "ss\r\n -for-a-local-welfare-group@npo.example.jp\r\n"),
	   "a long ATTENDEE line folds at 75 octets");
	for (int loc = 0; loc < 2; loc++)
		for (int i = 0; i < NCASE; i++) {
			free(ref[loc][i]);
			free(got[loc][0][i]);
			free(got[loc][1][i]);
		}
}

#define EXEC(sql) do { if (!ok(db_exec(t.db, sql, &e) == 0, "test data (line %d)", __LINE__)) diag("%s", e.msg); } while (0)

/* 100 characters of Japanese with the separators TEXT escapes: a title
 * or name that folds twice, between characters */
#define LONG_JA "東京都社会福祉協議会・地域福祉推進、見守り; 研修会, 第二回\\\\東京都社会福祉協議会・地域福祉推進、" \
	"見守り研修会の第二回目の長い長いお知らせ東京都社会福祉協議会・地域福祉推進の研修"

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
	{	/* the program's catalog, so that Japanese labels are the real ones */
		const char *build = getenv("MADOGUCHI_BUILD");
		char dir[4096];
		snprintf(dir, sizeof dir, "%s/locale", build && *build ? build : "build");
		setenv("MADOGUCHI_LOCALEDIR", dir, 1);
		unsetenv("LANGUAGE");
		i18n_init();
	}

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
	EXEC("INSERT INTO program (id, name, deadline) VALUES (1, '見守り, 研修; 2026', '2026-11-28'),"
	     " (2, 'Program; with\\ semicolon', NULL),"
	     " (3, '" LONG_JA "', '2026-12-10')");
	EXEC("INSERT INTO program_event (id, program_id, uid, title, date, start_min, end_min, place,"
	     " capacity, reg_deadline, note, sequence, updated_at, end_date, end_date_min) VALUES"
	     " (1, 1, 'ev1@madoguchi', '研修会：第1回, 見守り; 基礎', '2026-11-27', 780, 900,"
	     "  '区民ホール\\3F', 40, '2026-11-25', 'メモ\n二行目', 1, '2026-11-01T00:00:00Z', NULL, NULL),"
	     " (2, NULL, 'ev2@madoguchi', 'All day', '2026-11-29', NULL, NULL, NULL, NULL, NULL,"
	     "  NULL, 0, '2026-11-01T00:00:00Z', NULL, NULL),"
	     /* three days, from 10:00 to the third day's 12:00, a long title and note */
	     " (3, 2, 'ev3,semi;@x', '" LONG_JA "', '2026-11-30', 600, NULL, '', 0, '2026-11-26',"
	     "  '" LONG_JA "\n\n;,\\', 12, 'garbage', '2026-12-02', 720),"
	     /* all day over three days; its program's name goes into CATEGORIES as it is */
	     " (4, 2, 'ev4@madoguchi', 'Camp', '2026-12-05', NULL, NULL, 'Mt. Takao, hut', NULL, NULL,"
	     "  '', 0, '2026-12-01T09:00:00Z', '2026-12-07', NULL),"
	     /* a start and no end; a program with a long Japanese name */
	     " (5, 3, 'ev5@madoguchi', '夜の会', '2026-11-24', 1080, NULL, NULL, 5, '2026-11-24',"
	     "  NULL, 3, '2026-11-20T10:00:00Z', NULL, NULL)");
	/* staff blocks: one person's, the whole desk's, to 24:00, one under a long title */
	EXEC("INSERT INTO staff_block (id, uid, staff_id, date, start_min, minutes, title, sequence) VALUES"
	     " (1, 'blk1@madoguchi', 1, '2026-11-24', 540, 60, 'Team meeting, weekly; room \\2', 0),"
	     " (2, 'blk2@madoguchi', NULL, '2026-11-25', 720, 60, '昼休み', 2),"
	     " (3, 'blk3,;\\@madoguchi', 2, '2026-11-26', 0, 1440, '" LONG_JA "', 1),"
	     " (4, 'blk4@madoguchi', 5, '2026-12-01', 1380, 60, 'Late call', 0)");

	for (int ja = 0; ja < 2; ja++) {
		const char *lang = ja ? "Japanese labels" : "English labels";
		if (ja && !setlocale(LC_MESSAGES, "ja_JP.UTF-8") && !setlocale(LC_MESSAGES, "ja_JP.utf8")) {
			ok(1, "# SKIP no ja_JP locale");
			break;
		}
		ok(i18n_japanese() == ja, "%s in use", lang);
		is_str(_("Visit consultation"), ja ? "来所相談" : "Visit consultation",
		       "%s: the catalog's", lang);
		for (int np = 0; np < 2; np++) {
			char what[160];
			ical_export_opts_init(&o);
			o.no_personal = np;
			snprintf(what, sizeof what, "%s, %s, everything", lang,
				 np ? "no personal data" : "personal data");
			n = compare(&d, &o, what);
			is_int(n, 7 + 5 + 4 + 5, "%s: 7 appointments, 5 events, 4 blocks, 5 deadlines",
			       what);
			static const struct { unsigned what; const char *name; int n; } kinds[] = {
				{ ICAL_APPOINTMENTS, "appointments", 7 },
				{ ICAL_EVENTS, "program events", 5 },
				{ ICAL_BLOCKS, "staff blocks", 4 },
				{ ICAL_DEADLINES, "deadlines with their alarm", 5 },
			};
			for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
				o.what = kinds[k].what;
				snprintf(what, sizeof what, "%s, %s, %s alone", lang,
					 np ? "no personal data" : "personal data", kinds[k].name);
				is_int(compare(&d, &o, what), kinds[k].n, "%s: %d events", what, kinds[k].n);
			}
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
			is_int(compare(&d, &o, what), 2 + 5 + 2 + 5,
			       "%s: 2 appointments, every event, 2 blocks, every deadline", what);
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
		ok(strstr(cal, "SUMMARY:Team meeting\\, weekly\\; room \\\\2\r\n") != NULL,
		   "a block's title escaped");
		ok(strstr(cal, "DTSTART;TZID=Asia/Tokyo:20261126T000000\r\n"
			       "DTEND;TZID=Asia/Tokyo:20261127T000000\r\n") != NULL,
		   "a block to 24:00 ends at the next day's 00:00");
		ok(strstr(cal, "X-MADOGUCHI-KIND:block\r\nDTSTART;TZID=Asia/Tokyo:20261125T120000\r\n"
			       "DTEND;TZID=Asia/Tokyo:20261125T130000\r\nSUMMARY:昼休み\r\n"
			       "CATEGORIES:block\r\nTRANSP:OPAQUE\r\nSTATUS:CONFIRMED\r\n"
			       "X-MADOGUCHI-SCOPE:desk\r\nEND:VEVENT\r\n") != NULL,
		   "a whole-desk block says so");
		ok(strstr(cal, "DTSTART;TZID=Asia/Tokyo:20261130T100000\r\n"
			       "DTEND;TZID=Asia/Tokyo:20261202T120000\r\n") != NULL,
		   "an event over three days ends on its last day");
		ok(strstr(cal, "DTSTART;VALUE=DATE:20261205\r\nDTEND;VALUE=DATE:20261208\r\n") != NULL,
		   "an all-day event over three days ends the day after its last");
		ok(strstr(cal, "CATEGORIES:Program; with\\\\ semicolon\r\n") != NULL,
		   "a program's name in CATEGORIES keeps its semicolon");
		ok(strstr(cal, "UID:deadline-program-1@madoguchi\r\n") != NULL &&
		   strstr(cal, "BEGIN:VALARM\r\nACTION:DISPLAY\r\n"
			       "DESCRIPTION:Deadline: 見守り\\, 研修\\; 2026\r\nTRIGGER:-P3D\r\n"
			       "END:VALARM\r\nEND:VEVENT\r\n") != NULL,
		   "a program's deadline with its alarm three days before");
		ok(strstr(cal, "UID:deadline-ev3\\,semi\\;@x\r\n") != NULL &&
		   strstr(cal, "DESCRIPTION:Program: Program\\; with\\\\ semicolon\r\n") != NULL,
		   "an event's registration deadline names its program");
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
		int same = kf == kl && kf == nf && nf == 9 + 5 + 4 + 5;
		for (int i = 0; same && i < kf; i++)
			same = !strcmp(ef[i], el[i]);
		ok(same, "and otherwise the same %d events, byte for byte", kf);
		free(fast);
		free(lib);
	}

	/* the alarm: none at 0 days, a two-digit count of days */
	for (int k = 0; k < 3; k++) {
		static const int days[] = { 0, 14, 60 };
		char what[96];
		t.cfg.deadline_alarm_days = days[k];
		ical_export_opts_init(&o);
		o.what = ICAL_DEADLINES;
		snprintf(what, sizeof what, "deadlines, the alarm %d days before", days[k]);
		is_int(compare(&d, &o, what), 5, "%s: 5 deadlines", what);
	}
	t.cfg.deadline_alarm_days = 3;

	invitations(&d);

	testdb_close(&t);
	return done_testing();
}
