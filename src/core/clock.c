#include "core/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/date.h"

void clock_local(time_t t, int *day, int *minute)
{
	struct tm tm;

	localtime_r(&t, &tm);
	if (day)
		*day = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	if (minute)
		*minute = tm.tm_hour * 60 + tm.tm_min;
}

time_t clock_from_local(int day, int minute)
{
	struct tm tm = { 0 };
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = minute / 60;
	tm.tm_min = minute % 60;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

int clock_init(struct clock *c, const char *tz, struct err *e)
{
	const char *pin = getenv("MADOGUCHI_NOW");

	memset(c, 0, sizeof *c);
	if (tz && *tz) {
		setenv("TZ", tz, 1);
		tzset();
	}
	if (pin && *pin) {
		char date[16], buf[32];
		size_t pl = strlen(pin);

		/* a trailing +: start at the pin, then run (tests of the
		 * header clock) */
		if (pl > 1 && pl < sizeof buf && pin[pl - 1] == '+') {
			memcpy(buf, pin, pl - 1);
			buf[pl - 1] = '\0';
			pin = buf;
			c->running = true;
			c->started = time(NULL);
		}
		int day, minute, sec = 0;
		const char *t = strchr(pin, 'T');

		if (!t || t - pin > 10) {
			return err_set(e, ERR_INPUT,
				       "MADOGUCHI_NOW must look like 2026-11-24T10:15, not '%s'", pin);
		}
		memcpy(date, pin, (size_t)(t - pin));
		date[t - pin] = '\0';
		char hm[8] = "";
		size_t tl = strlen(t + 1);
		if (tl == 8 && t[6] == ':') {
			memcpy(hm, t + 1, 5);
			hm[5] = '\0';
			sec = atoi(t + 7);
		} else if (tl == 5) {
			memcpy(hm, t + 1, 6);
		}
		if (date_parse(date, &day) < 0 || time_parse(hm, &minute, false) < 0 ||
		    sec < 0 || sec > 59) {
			return err_set(e, ERR_INPUT,
				       "MADOGUCHI_NOW must look like 2026-11-24T10:15, not '%s'", pin);
		}
		c->pinned = true;
		c->pinned_at = clock_from_local(day, minute) + sec;
	}
	return 0;
}

time_t clock_epoch(const struct clock *c)
{
	if (c->pinned && c->running)
		return c->pinned_at + (time(NULL) - c->started);
	return c->pinned ? c->pinned_at : time(NULL);
}

int clock_today(const struct clock *c)
{
	int day;

	clock_local(clock_epoch(c), &day, NULL);
	return day;
}

int clock_minute(const struct clock *c)
{
	int minute;

	clock_local(clock_epoch(c), NULL, &minute);
	return minute;
}

char *clock_utc_iso(const struct clock *c, char *buf)
{
	time_t t = clock_epoch(c);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

char *clock_local_iso(const struct clock *c, char *buf)
{
	time_t t = clock_epoch(c);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(buf, 17, "%Y-%m-%dT%H:%M", &tm);
	return buf;
}
