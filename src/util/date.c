#include "util/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Howard Hinnant's days_from_civil / civil_from_days. */
int date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_to_ymd(int z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

int date_wday(int day)
{
	return day >= -4 ? (day + 4) % 7 : (day + 5) % 7 + 6;
}

int date_days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

bool date_valid_ymd(int y, int m, int d)
{
	return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= date_days_in_month(y, m);
}

static int parse_uint(const char **p, int maxdigits, int *out)
{
	int v = 0, n = 0;

	while (**p >= '0' && **p <= '9' && n < maxdigits) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	if (n == 0)
		return -1;
	*out = v;
	return n;
}

int date_parse(const char *s, int *day)
{
	const char *p = s;
	int y, m, d;
	char sep;

	if (!s || parse_uint(&p, 4, &y) != 4)
		return -1;
	sep = *p;
	if (sep != '-' && sep != '/')
		return -1;
	p++;
	if (parse_uint(&p, 2, &m) < (sep == '-' ? 2 : 1) || *p++ != sep)
		return -1;
	if (parse_uint(&p, 2, &d) < (sep == '-' ? 2 : 1) || *p != '\0')
		return -1;
	if (!date_valid_ymd(y, m, d))
		return -1;
	*day = date_from_ymd(y, m, d);
	return 0;
}

char *date_format(int day, char *buf)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	snprintf(buf, DATE_STRLEN, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
		 (unsigned)d % 100u);
	return buf;
}

int time_parse(const char *s, int *min, bool allow_24)
{
	const char *p = s;
	int h, m;

	if (!s || parse_uint(&p, 2, &h) < 1 || *p++ != ':')
		return -1;
	if (parse_uint(&p, 2, &m) != 2 || *p != '\0')
		return -1;
	if (m > 59 || h > 24 || (h == 24 && (!allow_24 || m != 0)))
		return -1;
	*min = h * 60 + m;
	return 0;
}

char *time_format(int min, char *buf)
{
	if (min < 0)
		min = 0;
	snprintf(buf, 6, "%02u:%02u", (unsigned)(min / 60) % 100u, (unsigned)min % 60u);
	return buf;
}

int month_parse(const char *s, int *y, int *m)
{
	const char *p = s;

	if (!s || parse_uint(&p, 4, y) != 4 || *p++ != '-')
		return -1;
	if (parse_uint(&p, 2, m) != 2 || *p != '\0')
		return -1;
	if (*y < 1900 || *y > 2199 || *m < 1 || *m > 12)
		return -1;
	return 0;
}

const char *date_wday_name(int wday)
{
	static const char *const n[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };

	return n[((wday % 7) + 7) % 7];
}
