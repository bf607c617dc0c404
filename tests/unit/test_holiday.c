/* Japanese national holidays against two reference lists in tests/data:
 * jp_holidays.tsv (2016-2030, dates and names) and the Cabinet Office's
 * syukujitsu.csv (dates 2000-2027; names where it gives the reason). */
#include "core/holiday.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "util/date.h"

#define MAX_ROWS 2048
#define NAME_LEN 128

struct row {
	int day;
	char name[NAME_LEN];
};

struct table {
	struct row r[MAX_ROWS];
	size_t n;
};

static struct table tsv, csv;

static FILE *open_data(const char *name)
{
	const char *src = getenv("MADOGUCHI_SRC");
	char path[4096];

	snprintf(path, sizeof(path), "%s%stests/data/%s",
		 src && *src ? src : "", src && *src ? "/" : "", name);
	return fopen(path, "r");
}

/* Read "date<sep>name" lines; lines whose date does not parse (the
 * CSV header) are skipped.  Returns 0 or -1. */
static int load(const char *file, char sep, struct table *t)
{
	FILE *f = open_data(file);
	char line[512];

	if (!f) {
		diag("cannot open tests/data/%s (run from the repo root or set MADOGUCHI_SRC)",
		     file);
		return -1;
	}
	t->n = 0;
	while (fgets(line, sizeof(line), f)) {
		char *p = strchr(line, sep);
		size_t len;
		int day;

		if (!p)
			continue;
		*p++ = '\0';
		len = strcspn(p, "\r\n");
		p[len] = '\0';
		if (date_parse(line, &day) < 0 || t->n == MAX_ROWS)
			continue;
		t->r[t->n].day = day;
		snprintf(t->r[t->n].name, NAME_LEN, "%s", p);
		t->n++;
	}
	fclose(f);
	return 0;
}

static int year_of(int day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return y;
}

/* The CSV writes only 休日 for 振替休日, 国民の休日 and the two 2019
 * days; those names are not compared. */
static const char *csv_name(const char *name)
{
	if (strcmp(name, "休日") == 0 ||
	    strcmp(name, "休日（祝日扱い）") == 0)
		return NULL;
	/* 2019: the list anticipates the 2020 rename. */
	if (strcmp(name, "体育の日（スポーツの日）") == 0)
		return "体育の日";
	return name;
}

/*
 * Compare year y with the reference rows of t for that year, both ways:
 * every reference day must be a holiday (with the same name where
 * names are compared), and every day of the year that holiday_name()
 * calls a holiday must be in the reference.  One TAP line per year.
 */
static void check_year(const struct table *t, int y, bool csv_names,
		       const char *what)
{
	int first = date_from_ymd(y, 1, 1), last = date_from_ymd(y, 12, 31);
	char buf[DATE_STRLEN];
	int bad = 0, want = 0;

	for (size_t i = 0; i < t->n; i++) {
		const struct row *r = &t->r[i];
		const char *got, *exp;

		if (r->day < first || r->day > last)
			continue;
		want++;
		got = holiday_name(r->day);
		exp = csv_names ? csv_name(r->name) : r->name;
		if (!got) {
			diag("%s: %s %s missing", what,
			     date_format(r->day, buf), r->name);
			bad++;
		} else if (exp && strcmp(got, exp) != 0) {
			diag("%s: %s named '%s', expected '%s'", what,
			     date_format(r->day, buf), got, exp);
			bad++;
		}
	}
	for (int d = first; d <= last; d++) {
		const char *got = holiday_name(d);
		bool found = false;

		if (!got)
			continue;
		for (size_t i = 0; i < t->n && !found; i++)
			found = t->r[i].day == d;
		if (!found) {
			diag("%s: %s %s is not in the reference", what,
			     date_format(d, buf), got);
			bad++;
		}
	}
	ok(bad == 0 && want > 0, "%s %d: %d holidays match", what, y, want);
}

/* holiday_year() agrees with holiday_name()/holiday_name_en() day by
 * day, is in date order and counts what the reference counts. */
static void check_holiday_year(void)
{
	struct holiday h[64];
	char buf[DATE_STRLEN];
	int bad = 0;

	for (int y = 2000; y <= 2099; y++) {
		size_t n = holiday_year(y, h, 64);
		int first = date_from_ymd(y, 1, 1);
		int last = date_from_ymd(y, 12, 31);
		size_t k = 0;

		if (n < 15 || n > 25) {
			diag("%d: %zu holidays", y, n);
			bad++;
		}
		for (int d = first; d <= last; d++) {
			const char *ja = holiday_name(d);
			const char *en = holiday_name_en(d);

			if (!ja != !en) {
				diag("%s: ja '%s' en '%s'", date_format(d, buf),
				     ja ? ja : "(null)", en ? en : "(null)");
				bad++;
			}
			if (!ja)
				continue;
			if (k >= n || h[k].day != d ||
			    strcmp(h[k].name, ja) != 0 ||
			    !en || strcmp(h[k].name_en, en) != 0) {
				diag("%s %s: holiday_year() disagrees",
				     date_format(d, buf), ja);
				bad++;
			}
			k++;
		}
		if (k != n) {
			diag("%d: holiday_year() gives %zu, holiday_name() %zu",
			     y, n, k);
			bad++;
		}
	}
	ok(bad == 0, "holiday_year() matches holiday_name() for 2000-2099");

	for (int y = 2016; y <= 2030; y++) {
		size_t want = 0;

		for (size_t i = 0; i < tsv.n; i++)
			want += year_of(tsv.r[i].day) == y;
		if (holiday_year(y, h, 64) != want) {
			diag("%d: holiday_year() %zu, jp_holidays.tsv %zu", y,
			     holiday_year(y, h, 64), want);
			bad++;
		}
	}
	ok(bad == 0, "holiday_year() counts match jp_holidays.tsv");

	is_int(holiday_year(2019, h, 64), 22, "2019 has 22 holidays");
	is_int(holiday_year(2019, h, 5), 5, "holiday_year() stops at max");
	is_str(h[4].name, "昭和の日", "the fifth of 2019 is 昭和の日");
	is_int(holiday_year(2019, h, 0), 0, "max 0 gives 0");
}

static void check_day(int y, int m, int d, const char *ja, const char *en)
{
	int day = date_from_ymd(y, m, d);
	const char *got = holiday_name(day);

	if (!ja) {
		ok(!got, "%04d-%02d-%02d is not a holiday", y, m, d);
		if (got)
			diag("got '%s'", got);
		return;
	}
	is_str(got, ja, "%04d-%02d-%02d is %s", y, m, d, ja);
	if (en)
		is_str(holiday_name_en(day), en, "%04d-%02d-%02d in English",
		       y, m, d);
}

static void check_rules(void)
{
	/* Before 2007: 4/29 みどりの日, 5/4 国民の休日, substitutes only
	 * on the Monday. */
	check_day(2000, 4, 29, "みどりの日", "Greenery Day");
	check_day(2005, 5, 4, "国民の休日", "Citizens' Holiday");
	check_day(2003, 5, 4, NULL, NULL);	/* a Sunday */
	check_day(2000, 7, 20, "海の日", NULL);
	check_day(2002, 9, 15, "敬老の日", NULL);
	check_day(2003, 7, 21, "海の日", NULL);
	check_day(2003, 9, 15, "敬老の日", NULL);
	check_day(2006, 1, 2, "振替休日", "Substitute Holiday");
	/* From 2007: 昭和の日, みどりの日 on 5/4, substitutes move on. */
	check_day(2007, 4, 29, "昭和の日", "Showa Day");
	check_day(2008, 5, 6, "振替休日", NULL);
	check_day(2009, 5, 6, "振替休日", NULL);
	check_day(2009, 9, 22, "国民の休日", NULL);
	check_day(2015, 9, 22, "国民の休日", NULL);
	check_day(2015, 8, 11, NULL, NULL);
	check_day(2016, 8, 11, "山の日", "Mountain Day");
	/* The Emperor's birthday moves; none in 2019. */
	check_day(2018, 12, 23, "天皇誕生日", NULL);
	check_day(2018, 12, 24, "振替休日", NULL);
	check_day(2019, 12, 23, NULL, NULL);
	check_day(2019, 2, 23, NULL, NULL);
	check_day(2020, 2, 23, "天皇誕生日", NULL);
	check_day(2019, 5, 1, "天皇の即位の日", "Enthronement Day");
	check_day(2019, 10, 22, "即位礼正殿の儀の行われる日",
		  "Enthronement Ceremony Day");
	check_day(2019, 10, 14, "体育の日", "Health and Sports Day");
	check_day(2020, 7, 24, "スポーツの日", "Sports Day");
	check_day(2020, 10, 12, NULL, NULL);
	check_day(2021, 8, 9, "振替休日", NULL);
	check_day(2022, 10, 10, "スポーツの日", NULL);
	check_day(2099, 3, 20, "春分の日", NULL);
	check_day(2099, 9, 23, "秋分の日", NULL);
}

static void check_range(void)
{
	struct holiday h[64];

	ok(!holiday_name(date_from_ymd(1999, 1, 1)), "1999-01-01 is out of range");
	ok(!holiday_name_en(date_from_ymd(1999, 12, 23)),
	   "1999-12-23 is out of range in English too");
	ok(!holiday_name(date_from_ymd(2100, 1, 1)), "2100-01-01 is out of range");
	ok(holiday_name(date_from_ymd(2099, 1, 1)) != NULL, "2099-01-01 is in range");
	is_int(holiday_year(1999, h, 64), 0, "holiday_year(1999) is 0");
	is_int(holiday_year(2100, h, 64), 0, "holiday_year(2100) is 0");
	is_int(holiday_year(-5, h, 64), 0, "holiday_year(-5) is 0");
}

int main(void)
{
	bool have_tsv = load("jp_holidays.tsv", '\t', &tsv) == 0;
	bool have_csv = load("syukujitsu.csv", ',', &csv) == 0;

	ok(have_tsv && tsv.n > 250, "jp_holidays.tsv loaded (%zu rows)", tsv.n);
	ok(have_csv && csv.n > 1000, "syukujitsu.csv loaded (%zu rows)", csv.n);

	if (have_tsv)
		for (int y = 2016; y <= 2030; y++)
			check_year(&tsv, y, false, "jp_holidays.tsv");
	if (have_csv)
		for (int y = 2000; y <= 2027; y++)
			check_year(&csv, y, true, "syukujitsu.csv");

	check_holiday_year();
	check_rules();
	check_range();
	return done_testing();
}
