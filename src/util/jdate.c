#include "util/jdate.h"

#include <stdio.h>
#include "util/date.h"
#include "util/i18n.h"

static const char *const wday_ja[] = { "日", "月", "火", "水", "木", "金", "土" };
static const char *const mon_en[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
				      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
static const char *const mon_en_long[] = { "January", "February", "March", "April",
					   "May", "June", "July", "August",
					   "September", "October", "November", "December" };

/* Era start dates, newest first.  明治 is counted from its proclamation
 * in Gregorian terms; the program never sees dates before 1900. */
static const struct {
	int y, m, d;
	const char *name;
} eras[] = {
	{ 2019, 5, 1, "令和" },
	{ 1989, 1, 8, "平成" },
	{ 1926, 12, 25, "昭和" },
	{ 1912, 7, 30, "大正" },
	{ 1868, 10, 23, "明治" },
};

const char *jdate_wday_ja(int wday)
{
	return wday_ja[((wday % 7) + 7) % 7];
}

const char *jdate_wday(int wday)
{
	return i18n_japanese() ? jdate_wday_ja(wday) : date_wday_name(wday);
}

const char *jdate_month_en(int month)
{
	return month >= 1 && month <= 12 ? mon_en[month - 1] : "???";
}

int jdate_era(int day, const char **era, int *year)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	for (size_t i = 0; i < sizeof eras / sizeof eras[0]; i++)
		if (day >= date_from_ymd(eras[i].y, eras[i].m, eras[i].d)) {
			*era = eras[i].name;
			*year = y - eras[i].y + 1;
			return 0;
		}
	return -1;
}

char *jdate_era_year(int day, char *buf, size_t len)
{
	const char *era;
	int ey;

	if (jdate_era(day, &era, &ey) < 0)
		snprintf(buf, len, "%s", "");
	else if (ey == 1)
		snprintf(buf, len, "%s元年", era);
	else
		snprintf(buf, len, "%s%d年", era, ey);
	return buf;
}

char *jdate_ja(int day, char *buf, size_t len)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	snprintf(buf, len, "%d年%d月%d日(%s)", y, m, d, jdate_wday_ja(date_wday(day)));
	return buf;
}

char *jdate_ja_era(int day, char *buf, size_t len)
{
	char ey[32];
	int y, m, d;

	jdate_era_year(day, ey, sizeof ey);
	if (!ey[0])
		return jdate_ja(day, buf, len);
	date_to_ymd(day, &y, &m, &d);
	snprintf(buf, len, "%s%d月%d日(%s)", ey, m, d, jdate_wday_ja(date_wday(day)));
	return buf;
}

char *jdate_en(int day, char *buf, size_t len)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	snprintf(buf, len, "%s %d %s %d", date_wday_name(date_wday(day)), d, jdate_month_en(m), y);
	return buf;
}

char *jdate_long(int day, char *buf, size_t len)
{
	return i18n_japanese() ? jdate_ja(day, buf, len) : jdate_en(day, buf, len);
}

char *jdate_header(int day, char *buf, size_t len)
{
	char d[JDATE_STRLEN], ey[32];

	if (!i18n_japanese())
		return jdate_en(day, buf, len);
	jdate_ja(day, d, sizeof d);
	jdate_era_year(day, ey, sizeof ey);
	snprintf(buf, len, "%s%s%s", d, ey[0] ? " " : "", ey);
	return buf;
}

char *jdate_short(int day, char *buf, size_t len)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	if (i18n_japanese())
		snprintf(buf, len, "%d月%d日(%s)", m, d, jdate_wday_ja(date_wday(day)));
	else
		snprintf(buf, len, "%s %d %s", date_wday_name(date_wday(day)), d, jdate_month_en(m));
	return buf;
}

char *jdate_month(int year, int month, int with_era, char *buf, size_t len)
{
	char ey[32] = "";

	if (month < 1 || month > 12) {
		snprintf(buf, len, "%s", "");
		return buf;
	}
	if (!i18n_japanese()) {
		snprintf(buf, len, "%s %d", mon_en_long[month - 1], year);
		return buf;
	}
	/* The era of a month is the era of its last day (2019年5月 is 令和元年). */
	if (with_era)
		jdate_era_year(date_from_ymd(year, month, date_days_in_month(year, month)), ey, sizeof ey);
	if (ey[0])
		snprintf(buf, len, "%d年(%s)%d月", year, ey, month);
	else
		snprintf(buf, len, "%d年%d月", year, month);
	return buf;
}
