#include "core/holiday.h"

#include <stdbool.h>

#include "util/date.h"

/*
 * The law (国民の祝日に関する法律) as it stood in each year, 2000-2099:
 *
 *   - 祝日 proper: fixed days, Happy Monday days (成人の日 and 体育の日
 *     from 2000, 海の日 and 敬老の日 from 2003), the equinoxes, plus the
 *     one-off days of 2019 and the Olympic moves of 2020 and 2021.
 *   - 振替休日 (art. 3-2): before 2007 the Monday after a 祝日 on a
 *     Sunday; from 2007 the first day after it that is not a 祝日.
 *   - 国民の休日 (art. 3-3): a day whose day before and day after are
 *     both 祝日, if it is not itself a 祝日 (before 2007 also not a
 *     Sunday and not a 振替休日).
 *
 * Each call computes the year afresh: about twenty days, no cache, no
 * mutable state.
 */

#define HOLIDAY_YEAR_MIN 2000
#define HOLIDAY_YEAR_MAX 2099
#define HOLIDAY_MAX_PER_YEAR 32

enum {
	H_GANJITSU,
	H_SEIJIN,
	H_KENKOKU,
	H_TENNO,
	H_SHUNBUN,
	H_SHOWA,
	H_KENPO,
	H_MIDORI,
	H_KODOMO,
	H_UMI,
	H_YAMA,
	H_KEIRO,
	H_SHUBUN,
	H_TAIIKU,
	H_SPORTS,
	H_BUNKA,
	H_KINRO,
	H_SOKUI,
	H_SOKUIREI,
	H_FURIKAE,
	H_KOKUMIN,
};

static const struct {
	const char *ja, *en;
} names[] = {
	[H_GANJITSU] = { "元日", "New Year's Day" },
	[H_SEIJIN] = { "成人の日", "Coming of Age Day" },
	[H_KENKOKU] = { "建国記念の日", "National Foundation Day" },
	[H_TENNO] = { "天皇誕生日", "The Emperor's Birthday" },
	[H_SHUNBUN] = { "春分の日", "Vernal Equinox Day" },
	[H_SHOWA] = { "昭和の日", "Showa Day" },
	[H_KENPO] = { "憲法記念日", "Constitution Memorial Day" },
	[H_MIDORI] = { "みどりの日", "Greenery Day" },
	[H_KODOMO] = { "こどもの日", "Children's Day" },
	[H_UMI] = { "海の日", "Marine Day" },
	[H_YAMA] = { "山の日", "Mountain Day" },
	[H_KEIRO] = { "敬老の日", "Respect for the Aged Day" },
	[H_SHUBUN] = { "秋分の日", "Autumnal Equinox Day" },
	[H_TAIIKU] = { "体育の日", "Health and Sports Day" },
	[H_SPORTS] = { "スポーツの日", "Sports Day" },
	[H_BUNKA] = { "文化の日", "Culture Day" },
	[H_KINRO] = { "勤労感謝の日", "Labor Thanksgiving Day" },
	[H_SOKUI] = { "天皇の即位の日", "Enthronement Day" },
	[H_SOKUIREI] = { "即位礼正殿の儀の行われる日",
			 "Enthronement Ceremony Day" },
	[H_FURIKAE] = { "振替休日", "Substitute Holiday" },
	[H_KOKUMIN] = { "国民の休日", "Citizens' Holiday" },
};

struct hday {
	int day;
	int kind;
};

struct hlist {
	struct hday d[HOLIDAY_MAX_PER_YEAR];
	size_t n;
};

static void add(struct hlist *l, int day, int kind)
{
	if (l->n < HOLIDAY_MAX_PER_YEAR)
		l->d[l->n++] = (struct hday){ day, kind };
}

static void add_ymd(struct hlist *l, int y, int m, int d, int kind)
{
	add(l, date_from_ymd(y, m, d), kind);
}

/* The nth Monday (1-based) of month m. */
static void add_monday(struct hlist *l, int y, int m, int nth, int kind)
{
	int first = date_from_ymd(y, m, 1);
	int off = (8 - date_wday(first)) % 7;

	add(l, first + off + 7 * (nth - 1), kind);
}

/*
 * The standard formula for the equinox days, valid 1980-2099:
 * floor(base + 0.242194 (y - 1980) - floor((y - 1980) / 4)), worked in
 * millionths so no floating point decides a day.
 */
static int equinox_mday(int y, long base_micro)
{
	long t = y - 1980;
	long v = base_micro + 242194L * t - 1000000L * (t / 4);

	return (int)(v / 1000000L);
}

static bool in_list(const struct hlist *l, int day)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->d[i].day == day)
			return true;
	return false;
}

/* 祝日 proper: every day named by the law itself. */
static void add_shukujitsu(struct hlist *l, int y)
{
	add_ymd(l, y, 1, 1, H_GANJITSU);
	add_monday(l, y, 1, 2, H_SEIJIN);
	add_ymd(l, y, 2, 11, H_KENKOKU);
	if (y <= 2018)
		add_ymd(l, y, 12, 23, H_TENNO);
	else if (y >= 2020)
		add_ymd(l, y, 2, 23, H_TENNO);
	add_ymd(l, y, 3, equinox_mday(y, 20843100L), H_SHUNBUN);
	add_ymd(l, y, 4, 29, y >= 2007 ? H_SHOWA : H_MIDORI);
	add_ymd(l, y, 5, 3, H_KENPO);
	if (y >= 2007)
		add_ymd(l, y, 5, 4, H_MIDORI);
	add_ymd(l, y, 5, 5, H_KODOMO);

	if (y == 2020)
		add_ymd(l, y, 7, 23, H_UMI);
	else if (y == 2021)
		add_ymd(l, y, 7, 22, H_UMI);
	else if (y >= 2003)
		add_monday(l, y, 7, 3, H_UMI);
	else
		add_ymd(l, y, 7, 20, H_UMI);

	if (y == 2020)
		add_ymd(l, y, 8, 10, H_YAMA);
	else if (y == 2021)
		add_ymd(l, y, 8, 8, H_YAMA);
	else if (y >= 2016)
		add_ymd(l, y, 8, 11, H_YAMA);

	if (y >= 2003)
		add_monday(l, y, 9, 3, H_KEIRO);
	else
		add_ymd(l, y, 9, 15, H_KEIRO);
	add_ymd(l, y, 9, equinox_mday(y, 23248800L), H_SHUBUN);

	if (y == 2020)
		add_ymd(l, y, 7, 24, H_SPORTS);
	else if (y == 2021)
		add_ymd(l, y, 7, 23, H_SPORTS);
	else
		add_monday(l, y, 10, 2, y >= 2020 ? H_SPORTS : H_TAIIKU);

	add_ymd(l, y, 11, 3, H_BUNKA);
	add_ymd(l, y, 11, 23, H_KINRO);

	if (y == 2019) {
		/* 天皇の即位の日及び即位礼正殿の儀の行われる日を休日とする法律
		 * (2018): both are treated as 祝日, so 4/30 and 5/2 follow
		 * as 国民の休日 by the ordinary rule. */
		add_ymd(l, y, 5, 1, H_SOKUI);
		add_ymd(l, y, 10, 22, H_SOKUIREI);
	}
}

static void sort_list(struct hlist *l)
{
	for (size_t i = 1; i < l->n; i++) {
		struct hday v = l->d[i];
		size_t j = i;

		while (j > 0 && l->d[j - 1].day > v.day) {
			l->d[j] = l->d[j - 1];
			j--;
		}
		l->d[j] = v;
	}
}

static void compute_year(int y, struct hlist *out)
{
	struct hlist s = { .n = 0 };	/* 祝日 proper */
	bool new_law = y >= 2007;

	add_shukujitsu(&s, y);
	sort_list(&s);
	*out = s;

	/* 振替休日 */
	for (size_t i = 0; i < s.n; i++) {
		int d = s.d[i].day;

		if (date_wday(d) != 0)
			continue;
		d++;
		if (new_law) {
			while (in_list(&s, d))
				d++;
		} else if (in_list(&s, d)) {
			continue;
		}
		if (!in_list(out, d))
			add(out, d, H_FURIKAE);
	}

	/* 国民の休日: s is sorted, so a sandwich is two neighbours two
	 * days apart with no 祝日 between them. */
	for (size_t i = 0; i + 1 < s.n; i++) {
		int mid = s.d[i].day + 1;

		if (s.d[i + 1].day != mid + 1)
			continue;
		if (!new_law && date_wday(mid) == 0)
			continue;
		if (!in_list(out, mid))
			add(out, mid, H_KOKUMIN);
	}

	sort_list(out);
}

static int find_kind(int day)
{
	struct hlist l;
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	if (y < HOLIDAY_YEAR_MIN || y > HOLIDAY_YEAR_MAX)
		return -1;
	compute_year(y, &l);
	for (size_t i = 0; i < l.n; i++)
		if (l.d[i].day == day)
			return l.d[i].kind;
	return -1;
}

const char *holiday_name(int day)
{
	int k = find_kind(day);

	return k < 0 ? NULL : names[k].ja;
}

const char *holiday_name_en(int day)
{
	int k = find_kind(day);

	return k < 0 ? NULL : names[k].en;
}

size_t holiday_year(int year, struct holiday *out, size_t max)
{
	struct hlist l;
	size_t n = 0;

	if (year < HOLIDAY_YEAR_MIN || year > HOLIDAY_YEAR_MAX)
		return 0;
	compute_year(year, &l);
	for (size_t i = 0; i < l.n && n < max; i++, n++) {
		out[n].day = l.d[i].day;
		out[n].name = names[l.d[i].kind].ja;
		out[n].name_en = names[l.d[i].kind].en;
	}
	return n;
}
