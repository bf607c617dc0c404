#ifndef MADO_CLOCK_H
#define MADO_CLOCK_H
/* "Now" and "today" for every rule, in the desk's time zone.  A test
 * pins it with MADOGUCHI_NOW=YYYY-MM-DDTHH:MM[:SS] (desk local time);
 * a trailing + (2026-11-24T10:15:58+) starts there and then runs;
 * otherwise it follows the system clock.  The only place that reads
 * the time. */

#include <stdbool.h>
#include <time.h>
#include "util/err.h"

struct clock {
	bool pinned;
	time_t pinned_at;	/* epoch of the pinned moment */
	time_t started;		/* running pin: the real time it was read */
	bool running;		/* pinned start, then the clock runs */
};

/* Sets TZ to the desk's zone (e.g. "Asia/Tokyo") for the whole process
 * and reads MADOGUCHI_NOW.  Fails on a malformed MADOGUCHI_NOW. */
int clock_init(struct clock *c, const char *tz, struct err *e);

time_t clock_epoch(const struct clock *c);
/* Today's date (date.h day number) and minutes after midnight, local. */
int clock_today(const struct clock *c);
int clock_minute(const struct clock *c);
/* Local date and minute of an epoch. */
void clock_local(time_t t, int *day, int *minute);
/* Epoch of a local date and minute. */
time_t clock_from_local(int day, int minute);
/* "YYYY-MM-DDTHH:MM:SSZ" of now, in UTC (buf >= 21 bytes). */
char *clock_utc_iso(const struct clock *c, char *buf);
/* "YYYY-MM-DDTHH:MM" of now, desk local time (buf >= 17 bytes). */
char *clock_local_iso(const struct clock *c, char *buf);

#endif
