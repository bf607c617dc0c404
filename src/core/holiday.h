#ifndef MADO_HOLIDAY_H
#define MADO_HOLIDAY_H
/* Japanese national holidays, computed by rule for 2000-2099: fixed
 * days, Happy Monday days, the equinoxes, 振替休日, 国民の休日 and the
 * one-off changes of 2019, 2020 and 2021.  Pure: no clock, no database. */

#include <stddef.h>

/* The Japanese name of the holiday on day (a date.h day number), or
 * NULL when the day is not a national holiday or lies outside
 * 2000..2099. */
const char *holiday_name(int day);

/* English name of the same holiday, for the English interface. */
const char *holiday_name_en(int day);

struct holiday {
	int day;
	const char *name;	/* Japanese */
	const char *name_en;
};

/* Fill out with the holidays of year (in date order); returns how many
 * (at most max).  0 for years outside 2000..2099. */
size_t holiday_year(int year, struct holiday *out, size_t max);

#endif
