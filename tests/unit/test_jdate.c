/* Dates the Japanese and the English way: util/jdate. */
#include "util/jdate.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "util/date.h"
#include "util/i18n.h"

static int D(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static void era(int y, int m, int d, const char *want)
{
	char buf[JDATE_STRLEN];

	is_str(jdate_era_year(D(y, m, d), buf, sizeof buf), want,
	       "%04d-%02d-%02d is %s", y, m, d, want);
}

int main(void)
{
	char buf[JDATE_STRLEN];
	const char *name;
	int ey;

	/* weekdays, the whole week around the pinned test day */
	static const char *const week[] = { "日", "月", "火", "水", "木", "金", "土" };
	for (int i = 0; i < 7; i++) {
		int day = D(2026, 11, 22) + i;	/* a Sunday */
		is_str(jdate_wday_ja(date_wday(day)), week[i], "weekday kanji of 2026-11-%d", 22 + i);
	}
	is_str(jdate_wday_ja(-1), "土", "weekday -1 wraps to Saturday");
	is_str(jdate_wday_ja(7), "日", "weekday 7 wraps to Sunday");

	/* the Western form */
	is_str(jdate_ja(D(2026, 11, 24), buf, sizeof buf), "2026年11月24日(火)", "2026-11-24");
	is_str(jdate_ja(D(2016, 4, 19), buf, sizeof buf), "2016年4月19日(火)",
	       "desk opening day, no leading zeros");
	is_str(jdate_ja(D(2016, 6, 30), buf, sizeof buf), "2016年6月30日(木)", "application deadline");
	is_str(jdate_ja(D(2024, 2, 29), buf, sizeof buf), "2024年2月29日(木)", "leap day");
	is_str(jdate_ja(D(1970, 1, 1), buf, sizeof buf), "1970年1月1日(木)", "day 0");
	is_str(jdate_ja(D(1969, 12, 27), buf, sizeof buf), "1969年12月27日(土)",
	       "negative day number");

	/* eras and their boundaries */
	era(2026, 11, 24, "令和8年");
	era(2019, 5, 1, "令和元年");
	era(2019, 4, 30, "平成31年");
	era(2019, 12, 31, "令和元年");
	era(2020, 1, 1, "令和2年");
	era(1989, 1, 8, "平成元年");
	era(1989, 1, 7, "昭和64年");
	era(1990, 1, 1, "平成2年");
	era(2016, 4, 19, "平成28年");
	era(1926, 12, 25, "昭和元年");
	era(1926, 12, 24, "大正15年");
	era(1912, 7, 30, "大正元年");
	era(1912, 7, 29, "明治45年");
	era(2199, 12, 31, "令和181年");
	ok(jdate_era(D(1868, 10, 22), &name, &ey) == -1, "no era before 明治");
	is_str(jdate_era_year(D(1868, 1, 1), buf, sizeof buf), "", "empty era year before 明治");
	ok(jdate_era(D(2019, 5, 1), &name, &ey) == 0 && !strcmp(name, "令和") && ey == 1,
	   "jdate_era gives name and year");

	is_str(jdate_ja_era(D(2026, 11, 24), buf, sizeof buf), "令和8年11月24日(火)", "era form");
	is_str(jdate_ja_era(D(2019, 5, 1), buf, sizeof buf), "令和元年5月1日(水)",
	       "era form, first year");
	is_str(jdate_ja_era(D(2019, 4, 30), buf, sizeof buf), "平成31年4月30日(火)",
	       "era form, last day of 平成");

	/* English */
	is_str(jdate_en(D(2026, 11, 24), buf, sizeof buf), "Tue 24 Nov 2026", "English form");
	is_str(jdate_en(D(2016, 6, 5), buf, sizeof buf), "Sun 5 Jun 2016", "English, one-digit day");

	/* a small buffer is cut, never overrun */
	char small[8];
	memset(small, 'x', sizeof small);
	jdate_ja(D(2026, 11, 24), small, sizeof small);
	ok(strlen(small) < sizeof small, "small buffer stays terminated");

	/* chosen by the language of messages */
	ok(setlocale(LC_ALL, "ja_JP.UTF-8") != NULL,
	   "locale ja_JP.UTF-8 exists (sh tools/deps.sh check generates it)");
	ok(i18n_japanese(), "i18n_japanese() under ja_JP.UTF-8");
	is_str(jdate_long(D(2026, 11, 24), buf, sizeof buf), "2026年11月24日(火)", "long, Japanese");
	is_str(jdate_header(D(2026, 11, 24), buf, sizeof buf), "2026年11月24日(火) 令和8年",
	       "header, Japanese, with the era year");
	is_str(jdate_short(D(2026, 11, 24), buf, sizeof buf), "11月24日(火)", "short, Japanese");
	is_str(jdate_wday(2), "火", "weekday, Japanese");
	is_str(jdate_month(2026, 11, 0, buf, sizeof buf), "2026年11月", "month, Japanese");
	is_str(jdate_month(2026, 11, 1, buf, sizeof buf), "2026年(令和8年)11月", "month with era");
	is_str(jdate_month(2019, 5, 1, buf, sizeof buf), "2019年(令和元年)5月", "month 令和元年");
	is_str(jdate_month(2019, 4, 1, buf, sizeof buf), "2019年(平成31年)4月", "month 平成31年");

	ok(setlocale(LC_ALL, "C.UTF-8") != NULL, "back to C.UTF-8");
	ok(!i18n_japanese(), "not Japanese under C.UTF-8");
	is_str(jdate_long(D(2026, 11, 24), buf, sizeof buf), "Tue 24 Nov 2026", "long, English");
	is_str(jdate_header(D(2026, 11, 24), buf, sizeof buf), "Tue 24 Nov 2026", "header, English");
	is_str(jdate_short(D(2026, 11, 24), buf, sizeof buf), "Tue 24 Nov", "short, English");
	is_str(jdate_wday(2), "Tue", "weekday, English");
	is_str(jdate_month(2026, 11, 1, buf, sizeof buf), "November 2026", "month, English");
	is_str(jdate_month(2026, 13, 1, buf, sizeof buf), "", "impossible month gives empty");

	return done_testing();
}
