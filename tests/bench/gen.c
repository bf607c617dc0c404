/* tests/bench/gen: a deterministic desk database for the benchmark.
 *
 * Ten years of a busy desk by default: 5,000 organizations with Japanese
 * names and kana readings, 20 staff, 150,000 appointments on open desk
 * days (no two of one staff member, or of one room, overlap), 300,000
 * inquiries with notes, 200 programs with events and applications.  The
 * same seed gives the same database (clock pinned, UIDs derived from the
 * seed), so runs compare.  Organizations, staff, contacts and
 * appointments go through the project's db layer (db_org_insert,
 * db_appt_insert, ...); inquiries, programs and events are plain
 * prepared INSERTs on the same connection, in the same transaction.
 *
 *   gen --db PATH [--seed N] [--years Y] [--first-year Y] [--orgs N] [--staff N]
 *       [--appts N] [--inquiries N] [--programs N] [--tiny]
 *   gen --ics FILE [--events N] [--seed N]    an .ics of partner events
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/config.h"
#include "core/desk.h"
#include "db/db.h"
#include "db/db_appt.h"
#include "db/db_internal.h"
#include "db/db_org.h"
#include "util/date.h"
#include "util/mem.h"

#define GEN_VERSION 1

/* ---- deterministic random numbers (splitmix64) ---- */
static unsigned long long rng_state;

static unsigned long long rnd64(void)
{
	unsigned long long z = (rng_state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static int rnd(int n)	/* 0..n-1 */
{
	return n <= 1 ? 0 : (int)(rnd64() % (unsigned long long)n);
}

static int chance(int percent)
{
	return rnd(100) < percent;
}

/* Skewed towards small numbers: a few organizations call often. */
static int rnd_skew(int n)
{
	double u = (double)(rnd64() >> 11) / 9007199254740992.0;
	int k = (int)(u * u * u * n);
	return k >= n ? n - 1 : k;
}

#define PICK(arr) (arr)[rnd((int)(sizeof(arr) / sizeof((arr)[0])))]

struct word {
	const char *w, *k;
};

static const struct word areas[] = {
	{ "本町", "ほんちょう" }, { "中央", "ちゅうおう" }, { "駅前", "えきまえ" }, { "東", "ひがし" },
	{ "西", "にし" }, { "南", "みなみ" }, { "北", "きた" }, { "桜台", "さくらだい" },
	{ "緑が丘", "みどりがおか" }, { "若葉", "わかば" }, { "旭町", "あさひちょう" },
	{ "栄町", "さかえちょう" }, { "大和町", "やまとちょう" }, { "富士見", "ふじみ" },
	{ "松原", "まつばら" }, { "高松", "たかまつ" }, { "泉", "いずみ" }, { "青葉", "あおば" },
	{ "成田", "なりた" }, { "和田", "わだ" }, { "上町", "かみまち" }, { "新町", "しんまち" },
	{ "宮前", "みやまえ" }, { "清水", "しみず" }, { "平和台", "へいわだい" },
	{ "緑町", "みどりちょう" }, { "柳沢", "やなぎさわ" }, { "梅園", "うめぞの" },
	{ "弥生", "やよい" }, { "千歳", "ちとせ" }, { "幸町", "さいわいちょう" }, { "日吉", "ひよし" },
	{ "向台", "むこうだい" }, { "元町", "もとまち" }, { "八幡", "やわた" }, { "白山", "はくさん" },
	{ "高砂", "たかさご" }, { "本郷", "ほんごう" }, { "中里", "なかざと" }, { "大原", "おおはら" },
	{ "田端", "たばた" }, { "三軒茶屋", "さんげんぢゃや" }, { "下井草", "しもいぐさ" },
	{ "久我山", "くがやま" }, { "一之江", "いちのえ" }, { "篠崎", "しのざき" },
	{ "赤羽", "あかばね" }, { "王子", "おうじ" }, { "大泉", "おおいずみ" }, { "光が丘", "ひかりがおか" },
};

static const struct word words[] = {
	{ "みまもり", "みまもり" }, { "ささえあい", "ささえあい" }, { "ふれあい", "ふれあい" },
	{ "いきいき", "いきいき" }, { "ひだまり", "ひだまり" }, { "たすけあい", "たすけあい" },
	{ "結", "ゆい" }, { "縁側", "えんがわ" }, { "居場所", "いばしょ" },
	{ "子ども食堂", "こどもしょくどう" }, { "サロン", "さろん" }, { "健康体操", "けんこうたいそう" },
	{ "茶話会", "さわかい" }, { "多世代", "たせだい" }, { "農園", "のうえん" },
	{ "配食", "はいしょく" }, { "ケア", "けあ" }, { "なかま", "なかま" }, { "つどい", "つどい" },
	{ "あおぞら", "あおぞら" }, { "コスモス", "こすもす" }, { "ひまわり", "ひまわり" },
	{ "さくら", "さくら" }, { "もみじ", "もみじ" }, { "きずな", "きずな" }, { "わかば", "わかば" },
	{ "ほっと", "ほっと" }, { "まちづくり", "まちづくり" }, { "地域の茶の間", "ちいきのちゃのま" },
	{ "シニア", "しにあ" }, { "カフェ", "かふぇ" }, { "散歩", "さんぽ" },
};

static const struct word local_suffix[] = {
	{ "ネットワーク", "ねっとわーく" }, { "の会", "のかい" }, { "クラブ", "くらぶ" },
	{ "サポートセンター", "さぽーとせんたー" }, { "プロジェクト", "ぷろじぇくと" },
	{ "ボランティアの会", "ぼらんてぃあのかい" }, { "協議会", "きょうぎかい" },
	{ "サークル", "さーくる" }, { "ひろば", "ひろば" }, { "食堂", "しょくどう" },
};

static const struct word sections[] = {
	{ "高齢福祉課", "こうれいふくしか" }, { "介護保険課", "かいごほけんか" },
	{ "地域包括ケア推進課", "ちいきほうかつけあすいしんか" }, { "福祉政策課", "ふくしせいさくか" },
	{ "地域振興課", "ちいきしんこうか" }, { "健康推進課", "けんこうすいしんか" },
	{ "介護予防係", "かいごよぼうがかり" }, { "生活支援体制整備担当", "せいかつしえんたいせいせいびたんとう" },
};

static const struct word families[] = {
	{ "佐藤", "さとう" }, { "鈴木", "すずき" }, { "高橋", "たかはし" }, { "田中", "たなか" },
	{ "伊藤", "いとう" }, { "渡辺", "わたなべ" }, { "山本", "やまもと" }, { "中村", "なかむら" },
	{ "小林", "こばやし" }, { "加藤", "かとう" }, { "吉田", "よしだ" }, { "山田", "やまだ" },
	{ "佐々木", "ささき" }, { "山口", "やまぐち" }, { "松本", "まつもと" }, { "井上", "いのうえ" },
	{ "木村", "きむら" }, { "林", "はやし" }, { "斎藤", "さいとう" }, { "清水", "しみず" },
	{ "山崎", "やまざき" }, { "森", "もり" }, { "池田", "いけだ" }, { "橋本", "はしもと" },
	{ "阿部", "あべ" }, { "石川", "いしかわ" }, { "山下", "やました" }, { "中島", "なかじま" },
	{ "小川", "おがわ" }, { "前田", "まえだ" }, { "岡田", "おかだ" }, { "長谷川", "はせがわ" },
};

static const struct word givens[] = {
	{ "花子", "はなこ" }, { "健", "けん" }, { "翔", "しょう" }, { "美咲", "みさき" },
	{ "大輔", "だいすけ" }, { "陽子", "ようこ" }, { "誠", "まこと" }, { "由美", "ゆみ" },
	{ "浩", "ひろし" }, { "恵子", "けいこ" }, { "拓也", "たくや" }, { "直美", "なおみ" },
	{ "隆", "たかし" }, { "真由美", "まゆみ" }, { "聡", "さとし" }, { "裕子", "ゆうこ" },
	{ "修", "おさむ" }, { "智子", "ともこ" }, { "亮", "りょう" }, { "麻衣", "まい" },
	{ "和夫", "かずお" }, { "久美子", "くみこ" }, { "剛", "つよし" }, { "綾", "あや" },
};

static const char *const support_items[] = {
	"ウェブサイト作成", "ウェブサイト改善点整理", "マーケティング基礎調査", "事業計画立案",
	"事業評価", "営業資料作成", "運営マニュアル作成", "業務効率改善", "業務フロー設計",
	"印刷物制作", "チラシ制作", "パンフレット制作", "映像制作", "プレゼンテーション資料作成",
	"課題整理ワークショップ", "スペース活用ワークショップ", "Facebook・SNS活用法提案",
	"クラウドツール活用法提案", "クラウドファンディング", "多世代交流プログラムの開発",
};

static const char *const program_bases[] = {
	"公開講座", "ライフシフトセミナー", "ライフシフトプログラム", "ホームタウン・プロボノ",
	"プロボノ1DAYチャレンジ", "スタディツアー", "総括イベント", "伴走支援事業",
	"地域づくり講座", "多世代交流ワークショップ",
};

static const char *const places[] = {
	"3331 Arts Chiyoda", "東京都社会福祉協議会 飯田橋セントラルプラザ", "都庁第一本庁舎 会議室",
	"オンライン", "東京ボランティア・市民活動センター", "区民会館 集会室",
};

static const char *const rooms[] = { "相談室A", "相談室B", "相談室C", "面談室1" };
#define N_ROOMS 4

static const char *const inq_openers[] = {
	"%sの申込方法について問い合わせ", "%sの支援内容を知りたい", "%sの事例を教えてほしい",
	"%sについて相談したい", "%sの締切を確認したい", "%sの費用について",
	"%sを地域で始めたいが進め方がわからない", "%sの資料を送ってほしい",
};
static const char *const inq_subjects[] = {
	"伴走支援", "ライフシフトセミナー", "プロボノ", "モデル地区の選定", "申込書の書き方",
	"見守り活動", "子ども食堂の立ち上げ", "居場所づくり", "多世代交流", "ボランティア募集",
	"ウェブサイト作成", "チラシ制作", "クラウドファンディング", "事業計画", "会議の運営",
	"ワークショップの進行", "スタディツアー", "公開講座", "助成金", "生活支援コーディネーター",
};
static const char *const note_texts[] = {
	"折り返し電話。担当者不在のため明日再度連絡する。",
	"申込書の様式をメールで送付した。",
	"内容の相談はコミュニティビジネスサポートセンターへ引き継いだ。",
	"来所相談の予約を受け付けた。資料持参とのこと。",
	"締切までに補足資料を郵送するとのこと。",
	"前回の打合せ内容を確認。次回はワークショップの進め方について。",
	"区の担当課と調整中。回答待ち。",
	"対応完了。お礼の連絡あり。",
	"チラシ案をPDFで受領。修正点を返信した。",
	"モデル地区の選定結果について説明した。",
	"ウェブサイトの改善点を整理して送付予定。",
	"電話がつながらず、メールで連絡した。",
};
static const char *const appt_notes[] = {
	"資料持参", "前回の続き", "申込書の確認", "2名で来所予定", "オンライン希望の可能性あり",
	"プラン案を持参", "ワークショップの進め方", "区の担当者も同席",
};

/* ---- a set of names already used ---- */
struct nameset {
	char **slot;
	size_t cap;
};

static unsigned long str_hash(const char *s)
{
	unsigned long h = 5381;
	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static int nameset_add(struct nameset *ns, const char *s)	/* 1 added, 0 present */
{
	size_t i = str_hash(s) & (ns->cap - 1);
	while (ns->slot[i]) {
		if (!strcmp(ns->slot[i], s))
			return 0;
		i = (i + 1) & (ns->cap - 1);
	}
	ns->slot[i] = xstrdup(s);
	return 1;
}

static void nameset_free(struct nameset *ns)
{
	for (size_t i = 0; i < ns->cap; i++)
		free(ns->slot[i]);
	free(ns->slot);
}

struct muni {
	char *name, *kana;
};

struct opts {
	const char *db, *ics;
	unsigned long long seed;
	int years, first_year, orgs, staff, appts, inquiries, programs, events, series;
};

static void fail(const char *what, const struct err *e)
{
	fprintf(stderr, "gen: %s: %s\n", what, e->msg);
	exit(3);
}

static void sql_ok(struct db *db, int rc, const char *what)
{
	if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
		fprintf(stderr, "gen: %s: %s\n", what, sqlite3_errmsg(db->h));
		exit(3);
	}
}

static sqlite3_stmt *prep(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	sql_ok(db, sqlite3_prepare_v2(db->h, sql, -1, &st, NULL), sql);
	return st;
}

static void step_done(struct db *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "gen: %s: %s\n", what, sqlite3_errmsg(db->h));
		exit(3);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

static void bind_str(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static int load_munis(struct db *db, struct muni *m, int max)
{
	sqlite3_stmt *st = prep(db, "SELECT name, kana FROM municipality WHERE kind <> 'outside' ORDER BY ord");
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW && n < max) {
		m[n].name = xstrdup((const char *)sqlite3_column_text(st, 0));
		m[n].kana = xstrdup((const char *)sqlite3_column_text(st, 1));
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

/* One organization's name, reading and type. */
static void make_org(const struct muni *munis, int n_munis, struct org *o, char *name, char *kana,
		     size_t size)
{
	const struct muni *m = &munis[rnd(n_munis)];
	const struct word *a = &PICK(areas), *w = &PICK(words), *w2 = &PICK(words), *sfx = &PICK(local_suffix);
	int r = rnd(100);

	o->municipality = m->name;
	if (r < 30) {
		o->type = ORG_CENTER;
		if (chance(20)) {
			snprintf(name, size, "%s%sあんしんすこやかセンター", m->name, a->w);
			snprintf(kana, size, "%s%sあんしんすこやかせんたー", m->kana, a->k);
		} else {
			snprintf(name, size, "%s地域包括支援センター%s", m->name, a->w);
			snprintf(kana, size, "%sちいきほうかつしえんせんたー%s", m->kana, a->k);
		}
	} else if (r < 35) {
		o->type = ORG_COUNCIL;
		snprintf(name, size, "%s社会福祉協議会 %s地区", m->name, a->w);
		snprintf(kana, size, "%sしゃかいふくしきょうぎかい %sちく", m->kana, a->k);
	} else if (r < 40) {
		const struct word *s = &PICK(sections);
		o->type = ORG_MUNICIPALITY;
		snprintf(name, size, "%s%s", m->name, s->w);
		snprintf(kana, size, "%s%s", m->kana, s->k);
	} else if (r < 45) {
		o->type = ORG_INTERMEDIARY;
		if (chance(50)) {
			snprintf(name, size, "%sボランティア・市民活動センター %s", m->name, a->w);
			snprintf(kana, size, "%sぼらんてぃあ・しみんかつどうせんたー %s", m->kana, a->k);
		} else {
			snprintf(name, size, "%sNPO支援センター %s", m->name, a->w);
			snprintf(kana, size, "%sえぬぴーおーしえんせんたー %s", m->kana, a->k);
		}
	} else if (r < 90) {
		o->type = ORG_LOCAL;
		switch (rnd(5)) {
		case 0:
			snprintf(name, size, "NPO法人%s%s%s", w->w, w2->w, sfx->w);
			snprintf(kana, size, "えぬぴーおーほうじん%s%s%s", w->k, w2->k, sfx->k);
			break;
		case 1:
			snprintf(name, size, "%s%s町会 %s部", m->name, a->w, w->w);
			snprintf(kana, size, "%s%sちょうかい %sぶ", m->kana, a->k, w->k);
			break;
		case 2:
			snprintf(name, size, "%s%s%s", a->w, w->w, sfx->w);
			snprintf(kana, size, "%s%s%s", a->k, w->k, sfx->k);
			break;
		case 3:
			snprintf(name, size, "一般社団法人%s%s", w->w, w2->w);
			snprintf(kana, size, "いっぱんしゃだんほうじん%s%s", w->k, w2->k);
			break;
		default:
			snprintf(name, size, "%s%s%s%s", m->name, w->w, w2->w, sfx->w);
			snprintf(kana, size, "%s%s%s%s", m->kana, w->k, w2->k, sfx->k);
			break;
		}
		if (chance(2))
			o->municipality = OUTSIDE_TOKYO;
	} else {
		const struct word *f = &PICK(families), *g = &PICK(givens);
		o->type = ORG_INDIVIDUAL;
		snprintf(name, size, "%s %s", f->w, g->w);
		snprintf(kana, size, "%s %s", f->k, g->k);
	}
}

static void usage(void)
{
	fputs("usage: gen --db PATH [--seed N] [--years Y] [--first-year Y] [--orgs N] [--staff N] [--appts N]\n"
	      "           [--inquiries N] [--programs N] [--tiny]\n"
	      "       gen --ics FILE [--events N] [--series N] [--seed N]\n", stderr);
	exit(2);
}

static long argnum(const char *s)
{
	char *end;
	long v;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v < 0)
		usage();
	return v;
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- an .ics of partner events, for the import benchmark ---- */
static void ics_line(FILE *f, const char *s)
{
	/* fold at 75 octets, never inside a UTF-8 character */
	size_t len = strlen(s), pos = 0, lim = 75;
	while (len - pos > lim) {
		size_t cut = pos + lim;
		while (cut > pos && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
		fwrite(s + pos, 1, cut - pos, f);
		fputs("\r\n ", f);
		pos = cut;
		lim = 74;
	}
	fputs(s + pos, f);
	fputs("\r\n", f);
}

static int write_ics(const struct opts *op)
{
	int fd = open(op->ics, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	char line[512], d[DATE_STRLEN];
	int day0 = date_from_ymd(2027, 1, 4);

	if (!f) {
		fprintf(stderr, "gen: %s: %s\n", op->ics, strerror(errno));
		return 3;
	}
	ics_line(f, "BEGIN:VCALENDAR");
	ics_line(f, "VERSION:2.0");
	ics_line(f, "PRODID:-//Tokyo Hometown Project partner desk//bench generator//JA");
	ics_line(f, "CALSCALE:GREGORIAN");
	ics_line(f, "METHOD:PUBLISH");
	ics_line(f, "BEGIN:VTIMEZONE");
	ics_line(f, "TZID:Asia/Tokyo");
	ics_line(f, "BEGIN:STANDARD");
	ics_line(f, "TZOFFSETFROM:+0900");
	ics_line(f, "TZOFFSETTO:+0900");
	ics_line(f, "TZNAME:JST");
	ics_line(f, "DTSTART:19700101T000000");
	ics_line(f, "END:STANDARD");
	ics_line(f, "END:VTIMEZONE");
	for (int i = 0; i < op->events; i++) {
		int day = day0 + i / 8, y, m, dd;
		int start = 9 * 60 + rnd(18) * 30, len = 30 + rnd(4) * 30;
		date_to_ymd(day, &y, &m, &dd);
		(void)d;
		ics_line(f, "BEGIN:VEVENT");
		snprintf(line, sizeof line, "UID:bench-partner-%06d@example.jp", i);
		ics_line(f, line);
		ics_line(f, "DTSTAMP:20261124T011500Z");
		snprintf(line, sizeof line, "DTSTART;TZID=Asia/Tokyo:%04d%02d%02dT%02d%02d00", y, m, dd,
			 start / 60, start % 60);
		ics_line(f, line);
		snprintf(line, sizeof line, "DTEND;TZID=Asia/Tokyo:%04d%02d%02dT%02d%02d00", y, m, dd,
			 (start + len) / 60, (start + len) % 60);
		ics_line(f, line);
		snprintf(line, sizeof line, "SUMMARY:%s %s 第%d回", PICK(program_bases),
			 PICK(inq_subjects), 1 + i % 9);
		ics_line(f, line);
		snprintf(line, sizeof line, "LOCATION:%s", PICK(places));
		ics_line(f, line);
		snprintf(line, sizeof line,
			 "DESCRIPTION:パートナー団体の予定です。%s\\n参加申込は前週まで。定員は%d名。",
			 PICK(note_texts), 20 + rnd(60));
		ics_line(f, line);
		ics_line(f, "SEQUENCE:0");
		ics_line(f, "STATUS:CONFIRMED");
		ics_line(f, "END:VEVENT");
	}
	/* repeating series: weekly staff blocks (CATEGORIES:block) and
	 * monthly or weekly events; a third without an end, a third
	 * COUNT=20, a third UNTIL the end of 2027 */
	for (int i = 0; i < op->series; i++) {
		int day = date_from_ymd(2025, 1, 6) + i % 600, y, m, dd;
		int start = 9 * 60 + rnd(16) * 30, len = 30 + rnd(4) * 30;
		static const char *const ends[] = { "", ";COUNT=20", ";UNTIL=20271231T150000Z" };
		static const char *const wd[] = { "MO", "TU", "WE", "TH", "FR" };
		date_to_ymd(day, &y, &m, &dd);
		ics_line(f, "BEGIN:VEVENT");
		snprintf(line, sizeof line, "UID:bench-series-%05d@example.jp", i);
		ics_line(f, line);
		ics_line(f, "DTSTAMP:20261124T011500Z");
		snprintf(line, sizeof line, "DTSTART;TZID=Asia/Tokyo:%04d%02d%02dT%02d%02d00", y, m, dd,
			 start / 60, start % 60);
		ics_line(f, line);
		snprintf(line, sizeof line, "DTEND;TZID=Asia/Tokyo:%04d%02d%02dT%02d%02d00", y, m, dd,
			 (start + len) / 60, (start + len) % 60);
		ics_line(f, line);
		if (i % 2 == 0) {
			snprintf(line, sizeof line, "RRULE:FREQ=WEEKLY;BYDAY=%s%s", wd[date_wday(day) % 5],
				 ends[i / 2 % 3]);
			ics_line(f, line);
			ics_line(f, "CATEGORIES:block");
			snprintf(line, sizeof line, "SUMMARY:%s (定例)", PICK(inq_subjects));
		} else {
			snprintf(line, sizeof line, "RRULE:FREQ=%s%s", i % 4 == 1 ? "MONTHLY" : "WEEKLY",
				 ends[i / 2 % 3]);
			ics_line(f, line);
			snprintf(line, sizeof line, "SUMMARY:%s 連絡会", PICK(program_bases));
		}
		ics_line(f, line);
		ics_line(f, "SEQUENCE:0");
		ics_line(f, "END:VEVENT");
	}
	ics_line(f, "END:VCALENDAR");
	if (fclose(f) != 0) {
		fprintf(stderr, "gen: %s: %s\n", op->ics, strerror(errno));
		return 3;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct opts op = { .seed = 20161019, .years = 10, .first_year = 2017, .orgs = 5000,
			   .staff = 20, .appts = 150000, .inquiries = 300000, .programs = 200,
			   .events = 20000 };
	struct err e = { 0 };
	struct db *db;
	struct config cfg;
	double t0 = now_s();

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--tiny")) {
			op.years = 1;
			op.first_year = 2026;
			op.orgs = 60;
			op.staff = 4;
			op.appts = 600;
			op.inquiries = 300;
			op.programs = 4;
			op.events = 50;
			continue;
		}
		if (!v)
			usage();
		i++;
		if (!strcmp(a, "--db"))
			op.db = v;
		else if (!strcmp(a, "--ics"))
			op.ics = v;
		else if (!strcmp(a, "--series"))
			op.series = (int)argnum(v);
		else if (!strcmp(a, "--seed"))
			op.seed = (unsigned long long)argnum(v);
		else if (!strcmp(a, "--years"))
			op.years = (int)argnum(v);
		else if (!strcmp(a, "--first-year"))
			op.first_year = (int)argnum(v);
		else if (!strcmp(a, "--orgs"))
			op.orgs = (int)argnum(v);
		else if (!strcmp(a, "--staff"))
			op.staff = (int)argnum(v);
		else if (!strcmp(a, "--appts"))
			op.appts = (int)argnum(v);
		else if (!strcmp(a, "--inquiries"))
			op.inquiries = (int)argnum(v);
		else if (!strcmp(a, "--programs"))
			op.programs = (int)argnum(v);
		else if (!strcmp(a, "--events"))
			op.events = (int)argnum(v);
		else
			usage();
	}
	rng_state = op.seed;
	if (op.ics)
		return write_ics(&op);
	if (!op.db || op.years < 1 || op.years > 50 || op.first_year < 2000 ||
	    op.first_year + op.years > 2099 || op.orgs < 1 || op.staff < 1 || op.staff > 60)
		usage();

	umask(077);
	config_defaults(&cfg);
	setenv("TZ", "Asia/Tokyo", 1);
	tzset();
	if (db_open(&db, op.db, DB_CREATE, &e) < 0)
		fail("opening", &e);
	/* the clock of the bench: 2026-11-24 10:15 JST */
	db_set_clock(db, 1795482900);
	db_set_actor(db, "bench");
	/* one big transaction into a new file: no journal needed until the end */
	db_exec(db, "PRAGMA cache_size = -262144; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", &e);
	if (db_begin(db, &e) < 0)
		fail("begin", &e);

	/* ---- staff ---- */
	long long *staff_ids = xcalloc((size_t)op.staff, sizeof *staff_ids);
	struct nameset staffnames = { xcalloc(256, sizeof(char *)), 256 };
	for (int i = 0; i < op.staff; i++) {
		char name[64], kana[96];
		struct staff s = { 0 };
		const struct word *f, *g;
		do {
			f = &PICK(families);
			g = &PICK(givens);
			snprintf(name, sizeof name, "%s %s", f->w, g->w);
		} while (!nameset_add(&staffnames, name));
		snprintf(kana, sizeof kana, "%s %s", f->k, g->k);
		s.name = name;
		s.kana = kana;
		s.desk = (char *)(i % 4 == 3 ? "content" : "general");
		s.active = true;
		if (db_staff_insert(db, &s, &e) < 0)
			fail("staff", &e);
		staff_ids[i] = s.id;
	}
	nameset_free(&staffnames);

	/* ---- organizations and their contacts ---- */
	struct muni munis[80];
	int n_munis = load_munis(db, munis, 80);
	long long *org_ids = xcalloc((size_t)op.orgs, sizeof *org_ids);
	long long *contact_ids = xcalloc((size_t)op.orgs * 2, sizeof *contact_ids);
	bool *org_outside = xcalloc((size_t)op.orgs, sizeof *org_outside);
	size_t cap = 16;
	while (cap < (size_t)op.orgs * 4)
		cap <<= 1;
	struct nameset orgnames = { xcalloc(cap, sizeof(char *)), cap };
	for (int i = 0; i < op.orgs; i++) {
		char name[400], kana[400], phone[32], email[64], cname[64];
		struct org o = { 0 };
		int tries = 0;
		for (;;) {
			memset(&o, 0, sizeof o);
			make_org(munis, n_munis, &o, name, kana, sizeof name);
			if (nameset_add(&orgnames, name))
				break;
			if (++tries > 8) {	/* rare: number it */
				size_t l = strlen(name), lk = strlen(kana);
				snprintf(name + l, sizeof name - l, " 第%d", i);
				snprintf(kana + lk, sizeof kana - lk, " だい%d", i);
				nameset_add(&orgnames, name);
				break;
			}
		}
		snprintf(phone, sizeof phone, "0%d-%04d-%04d", o.type == ORG_INDIVIDUAL ? 90 : 3,
			 rnd(10000), rnd(10000));
		snprintf(email, sizeof email, "desk%05d@example.jp", i);
		o.name = name;
		o.kana = kana;
		o.phone = phone;
		o.email = chance(60) ? email : NULL;
		if (db_org_insert(db, &o, &e) < 0)
			fail("organization", &e);
		org_ids[i] = o.id;
		org_outside[i] = !strcmp(o.municipality, OUTSIDE_TOKYO);
		for (int c = 0; c < 2; c++) {
			const struct word *f = &PICK(families), *g = &PICK(givens);
			contact_ids[i * 2 + c] = 0;
			if (c == 1 && chance(50))
				continue;
			snprintf(cname, sizeof cname, "%s %s", f->w, g->w);
			snprintf(phone, sizeof phone, "03-%04d-%04d", rnd(10000), rnd(10000));
			if (db_contact_ensure(db, o.id, cname, phone, NULL, &contact_ids[i * 2 + c], &e) < 0)
				fail("contact", &e);
		}
		if (!contact_ids[i * 2 + 1])
			contact_ids[i * 2 + 1] = contact_ids[i * 2];
	}
	nameset_free(&orgnames);

	/* ---- open desk days ---- */
	int first = date_from_ymd(op.first_year, 1, 1);
	int last = date_from_ymd(op.first_year + op.years, 1, 1) - 1;
	int today = date_from_ymd(2026, 11, 24);
	int *open_days = xcalloc((size_t)(last - first + 1), sizeof *open_days), n_open = 0;
	for (int d = first; d <= last; d++)
		if (desk_is_open(&cfg, db, d))
			open_days[n_open++] = d;

	/* ---- appointments: per open day, no overlaps per staff or room ---- */
	int slots = (cfg.close_min - cfg.open_min) / 30;
	unsigned long long *staff_busy = xcalloc((size_t)op.staff, sizeof *staff_busy);
	unsigned long long room_busy[N_ROOMS];
	long long appt_n = 0;
	for (int di = 0; di < n_open; di++) {
		int day = open_days[di];
		long long lo = (long long)di * op.appts / n_open, hi = (long long)(di + 1) * op.appts / n_open;
		memset(staff_busy, 0, sizeof *staff_busy * (size_t)op.staff);
		memset(room_busy, 0, sizeof room_busy);
		for (long long k = lo; k < hi; k++) {
			struct appt a = { 0 };
			char uid[64];
			int len = chance(50) ? 1 : chance(80) ? 2 : 3;
			int visit = chance(35), staff = -1, slot = -1, room = -1;
			for (int t = 0; t < 60 && staff < 0; t++) {
				int s = rnd(op.staff), sl = rnd(slots - len + 1);
				unsigned long long mask = ((1ULL << len) - 1) << sl;
				if (staff_busy[s] & mask)
					continue;
				if (visit) {
					int r = rnd(N_ROOMS);
					if (room_busy[r] & mask)
						continue;
					room = r;
					room_busy[r] |= mask;
				}
				staff = s;
				slot = sl;
				staff_busy[s] |= mask;
			}
			if (staff < 0) {	/* crowded: the first free half hour, by phone */
				visit = 0;
				len = 1;
				for (int s = 0; s < op.staff && staff < 0; s++)
					for (int sl = 0; sl < slots; sl++)
						if (!(staff_busy[s] & (1ULL << sl))) {
							staff = s;
							slot = sl;
							staff_busy[s] |= 1ULL << sl;
							break;
						}
				if (staff < 0) {
					fprintf(stderr, "gen: %d appointments do not fit on one day with %d staff\n",
						(int)(hi - lo), op.staff);
					exit(2);	/* not return: what main holds stays reachable */
				}
			}
			int oi = rnd_skew(op.orgs);
			snprintf(uid, sizeof uid, "bench-%07lld-%llu@madoguchi", ++appt_n, op.seed);
			a.uid = uid;
			a.day = day;
			a.start_min = cfg.open_min + slot * 30;
			a.minutes = len * 30;
			a.channel = visit ? CH_VISIT : CH_PHONE;
			a.booked_via = visit ? (chance(70) ? VIA_PHONE : VIA_EMAIL) : VIA_PHONE;
			a.org_id = org_ids[oi];
			a.contact_id = chance(85) ? contact_ids[oi * 2 + rnd(2)] : 0;
			a.staff_id = staff_ids[staff];
			a.room = visit ? (char *)rooms[room] : NULL;
			a.note = chance(40) ? (char *)PICK(appt_notes) : NULL;
			if (day < today) {
				int r = rnd(100);
				a.status = r < 85 ? ST_DONE : r < 90 ? ST_NO_SHOW : ST_CANCELLED;
			} else {
				a.status = chance(92) ? ST_BOOKED : ST_CANCELLED;
			}
			a.topics = 1u << rnd(TOPIC_COUNT);
			if (chance(30))
				a.topics |= 1u << rnd(TOPIC_COUNT);
			if (db_appt_insert(db, &a, &e) < 0)
				fail("appointment", &e);
		}
	}
	double t_appt = now_s();

	/* ---- inquiries with notes ----
	 * The full-text indexes are filled once at the end ('rebuild', as
	 * the migration does for existing rows) rather than row by row by
	 * their triggers: the same index, built three times faster. */
	char **fts_triggers = NULL;
	int n_fts_triggers = 0;
	if (!getenv("BENCH_GEN_FTS_TRIGGERS")) {
		sqlite3_stmt *tq = prep(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'"
					" AND tbl_name IN ('inquiry', 'inquiry_note') AND sql LIKE '%_fts%'");
		while (sqlite3_step(tq) == SQLITE_ROW) {
			char *drop = xasprintf("DROP TRIGGER \"%s\"", (const char *)sqlite3_column_text(tq, 0));
			fts_triggers = xrealloc(fts_triggers, sizeof *fts_triggers * (size_t)(n_fts_triggers + 1));
			fts_triggers[n_fts_triggers++] = xstrdup((const char *)sqlite3_column_text(tq, 1));
			sql_ok(db, sqlite3_exec(db->h, drop, NULL, NULL, NULL), drop);
			free(drop);
		}
		sqlite3_finalize(tq);
	}
	sqlite3_stmt *iq = prep(db,
		"INSERT INTO inquiry (received_at, channel, org_id, contact_id, topic, summary, status,"
		" due_date, staff_id, referred_to) VALUES (?,?,?,?,?,?,?,?,?,?)");
	sqlite3_stmt *nt = prep(db, "INSERT INTO inquiry_note (inquiry_id, at, staff_id, text) VALUES (?,?,?,?)");
	long long n_notes = 0;
	/* received up to today, not after it */
	int n_days = (today < last ? today : last) - first + 1, n_open_past = 0;
	while (n_open_past < n_open && open_days[n_open_past] <= today)
		n_open_past++;
	if (n_open_past == 0 || n_days < 1) {
		fprintf(stderr, "gen: the years must start before 2026-11-24\n");
		exit(2);
	}
	for (int i = 0; i < op.inquiries; i++) {
		char at[32], due[DATE_STRLEN], summary[600], sub[300], d[DATE_STRLEN];
		/* received in date order, mostly on open days */
		int day = chance(90) ? open_days[(long long)i * n_open_past / op.inquiries]
				     : first + (int)((long long)i * n_days / op.inquiries);
		int minute = 9 * 60 + rnd(9 * 60);
		int oi = rnd_skew(op.orgs);
		if (day == today && minute > 10 * 60 + 15)	/* never after the bench's "now" */
			minute = 9 * 60 + minute % 75;
		snprintf(at, sizeof at, "%sT%02d:%02d", date_format(day, d), minute / 60, minute % 60);
		snprintf(sub, sizeof sub, PICK(inq_openers), PICK(inq_subjects));
		snprintf(summary, sizeof summary, "%s。%s", sub, chance(50) ? PICK(support_items) : "詳細は折り返し確認");
		const char *status;
		int due_day = 0;
		/* the older, the likelier closed; a few forgotten ones stay
		 * open for years (overdue follow-ups the desk must see) */
		int age = today - day, closed_pm = age > 60 ? 999 : 300 + age * 50;
		if (closed_pm > 990 && age <= 60)
			closed_pm = 990;
		if (rnd(1000) < closed_pm) {
			status = "closed";
			if (chance(40))
				due_day = day + 3 + rnd(18);
		} else {
			status = chance(60) ? "open" : "waiting";
			due_day = day + 3 + rnd(25);
		}
		sqlite3_bind_text(iq, 1, at, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(iq, 2, inq_channel_code[rnd(100) < 55 ? IQ_PHONE : chance(65) ? IQ_EMAIL
							 : chance(70) ? IQ_VISIT : IQ_POST], -1, SQLITE_STATIC);
		if (chance(92)) {
			sqlite3_bind_int64(iq, 3, org_ids[oi]);
			if (chance(50))
				sqlite3_bind_int64(iq, 4, contact_ids[oi * 2]);
		}
		sqlite3_bind_text(iq, 5, topic_code[rnd(TOPIC_COUNT)], -1, SQLITE_STATIC);
		sqlite3_bind_text(iq, 6, summary, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(iq, 7, status, -1, SQLITE_STATIC);
		if (due_day)
			bind_str(iq, 8, date_format(due_day, due));
		sqlite3_bind_int64(iq, 9, staff_ids[rnd(op.staff)]);
		if (chance(10))
			bind_str(iq, 10, "コミュニティビジネスサポートセンター");
		step_done(db, iq, "inquiry");
		long long id = sqlite3_last_insert_rowid(db->h);
		int notes = rnd(4);	/* 0..3, 1.5 on average */
		for (int k = 0; k < notes; k++) {
			int m2 = minute + 30 + k * 90;
			snprintf(at, sizeof at, "%sT%02d:%02d", date_format(day + m2 / 1440 + k, d),
				 (m2 % 1440) / 60, m2 % 60);
			sqlite3_bind_int64(nt, 1, id);
			sqlite3_bind_text(nt, 2, at, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(nt, 3, staff_ids[rnd(op.staff)]);
			sqlite3_bind_text(nt, 4, PICK(note_texts), -1, SQLITE_STATIC);
			step_done(db, nt, "inquiry note");
			n_notes++;
		}
	}
	sqlite3_finalize(iq);
	sqlite3_finalize(nt);
	if (n_fts_triggers) {
		sqlite3_stmt *fq = prep(db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
					" AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'");
		for (int i = 0; i < n_fts_triggers; i++) {
			sql_ok(db, sqlite3_exec(db->h, fts_triggers[i], NULL, NULL, NULL), fts_triggers[i]);
			free(fts_triggers[i]);
		}
		free(fts_triggers);
		while (sqlite3_step(fq) == SQLITE_ROW) {
			const char *t = (const char *)sqlite3_column_text(fq, 0);
			char *sql = xasprintf("INSERT INTO \"%s\" (\"%s\") VALUES ('rebuild')", t, t);
			sql_ok(db, sqlite3_exec(db->h, sql, NULL, NULL, NULL), sql);
			free(sql);
		}
		sqlite3_finalize(fq);
	}
	double t_inq = now_s();

	/* ---- programs, their events, applications ---- */
	sqlite3_stmt *pg = prep(db,
		"INSERT INTO program (name, kind, desk_from, desk_to, deadline, cap, note) VALUES (?,?,?,?,?,?,?)");
	sqlite3_stmt *pi = prep(db, "INSERT INTO program_item (program_id, item) VALUES (?,?)");
	sqlite3_stmt *ev = prep(db,
		"INSERT INTO program_event (program_id, uid, title, date, start_min, end_min, place,"
		" capacity, reg_deadline, note) VALUES (?,?,?,?,?,?,?,?,?,?)");
	sqlite3_stmt *ap = prep(db,
		"INSERT INTO application (program_id, org_id, received, status, note) VALUES (?,?,?,?,?)");
	sqlite3_stmt *ai = prep(db,
		"INSERT INTO application_item (application_id, item, done, done_on) VALUES (?,?,?,?)");
	int n_events = 0, n_apps = 0;
	int per_year = op.programs / op.years + (op.programs % op.years ? 1 : 0);
	for (int p = 0; p < op.programs; p++) {
		int year = op.first_year + p / (per_year ? per_year : 1);
		int k = p % per_year;
		char name[256], d1[DATE_STRLEN], d2[DATE_STRLEN], d3[DATE_STRLEN], uid[64];
		int from = date_from_ymd(year, 4, 1) + (k * 17) % 200, to = from + 30 + rnd(60);
		int deadline = to;
		const char *base = program_bases[k % (int)(sizeof program_bases / sizeof program_bases[0])];
		snprintf(name, sizeof name, "%d年度 %s 第%d期", year, base, 1 + k / 10);
		sqlite3_bind_text(pg, 1, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(pg, 2, k % 10 == 7 ? "support" : "event", -1, SQLITE_STATIC);
		bind_str(pg, 3, date_format(from, d1));
		bind_str(pg, 4, date_format(to, d2));
		bind_str(pg, 5, date_format(deadline, d3));
		sqlite3_bind_int(pg, 6, 5);
		bind_str(pg, 7, "モデル地区は最大5地区。支援期間は4〜8か月程度。");
		step_done(db, pg, "program");
		long long pid = sqlite3_last_insert_rowid(db->h);
		for (int it = 0; it < 3; it++) {
			sqlite3_bind_int64(pi, 1, pid);
			bind_str(pi, 2, support_items[(k * 3 + it) % 20]);
			step_done(db, pi, "program item");
		}
		int events = 1 + rnd(5);
		for (int x = 0; x < events; x++) {
			int day = to + 7 + x * 14 + rnd(5);
			int evening = chance(50);
			snprintf(uid, sizeof uid, "bench-event-%05d-%llu@madoguchi", ++n_events, op.seed);
			sqlite3_bind_int64(ev, 1, pid);
			bind_str(ev, 2, uid);
			snprintf(name, sizeof name, "%s 第%d回", base, x + 1);
			bind_str(ev, 3, name);
			bind_str(ev, 4, date_format(day, d1));
			sqlite3_bind_int(ev, 5, evening ? 18 * 60 + 30 : 13 * 60 + 30);
			sqlite3_bind_int(ev, 6, evening ? 21 * 60 : 16 * 60);
			bind_str(ev, 7, PICK(places));
			sqlite3_bind_int(ev, 8, 40 + rnd(20));
			bind_str(ev, 9, date_format(day - 7, d2));
			bind_str(ev, 10, chance(50) ? "年齢40〜60歳の会社員が対象" : NULL);
			step_done(db, ev, "program event");
		}
		/* applications: 5-30 organizations in Tokyo, at most cap selected */
		int napp = 5 + rnd(26), selected = 0;
		for (int x = 0; x < napp; x++) {
			int oi = (int)(((long long)p * 7919 + x * 104729) % op.orgs);
			if (org_outside[oi])
				continue;
			const char *st = x % 3 == 0 && selected < 5 ? (selected++, "selected")
					 : x % 3 == 1 ? "applied" : "consulting";
			sqlite3_bind_int64(ap, 1, pid);
			sqlite3_bind_int64(ap, 2, org_ids[oi]);
			bind_str(ap, 3, date_format(from + rnd(to - from + 1), d1));
			bind_str(ap, 4, st);
			bind_str(ap, 5, NULL);
			int rc = sqlite3_step(ap);
			sqlite3_reset(ap);
			sqlite3_clear_bindings(ap);
			if (rc == SQLITE_CONSTRAINT || (rc & 0xff) == SQLITE_CONSTRAINT)
				continue;	/* the same organization twice */
			sql_ok(db, rc, "application");
			long long aid = sqlite3_last_insert_rowid(db->h);
			n_apps++;
			for (int it = 0; it < 2; it++) {
				int done = to < today && chance(70);
				sqlite3_bind_int64(ai, 1, aid);
				bind_str(ai, 2, it ? "補足資料" : "申込書");
				sqlite3_bind_int(ai, 3, done);
				bind_str(ai, 4, done ? date_format(to - rnd(10), d2) : NULL);
				step_done(db, ai, "application item");
			}
		}
	}
	sqlite3_finalize(pg);
	sqlite3_finalize(pi);
	sqlite3_finalize(ev);
	sqlite3_finalize(ap);
	sqlite3_finalize(ai);

	if (db_commit(db, &e) < 0)
		fail("commit", &e);
	db_exec(db, "PRAGMA journal_mode = WAL", &e);
	db_close(db);
	fprintf(stderr,
		"gen v%d seed %llu: %d staff, %d organizations, %lld appointments on %d open days"
		" (%s..), %d inquiries with %lld notes, %d programs with %d events and %d applications"
		" in %.1f s (appointments %.1f s, inquiries %.1f s)\n",
		GEN_VERSION, op.seed, op.staff, op.orgs, appt_n, n_open, date_format(first, (char[DATE_STRLEN]){ 0 }),
		op.inquiries, n_notes, op.programs, n_events, n_apps, now_s() - t0, t_appt - t0, t_inq - t_appt);
	for (int i = 0; i < n_munis; i++) {
		free(munis[i].name);
		free(munis[i].kana);
	}
	free(staff_ids);
	free(org_ids);
	free(contact_ids);
	free(org_outside);
	free(open_days);
	free(staff_busy);
	config_release(&cfg);
	return 0;
}
