#ifndef MADO_DATE_H
#define MADO_DATE_H
/* Calendar dates as day numbers (days since 1970-01-01, proleptic
 * Gregorian) and times of day as minutes after midnight.  Pure
 * arithmetic: no time zones, no clock (core/clock owns "now"). */

#include <stdbool.h>
#include <stddef.h>

#define DATE_STRLEN 11	/* "YYYY-MM-DD" and NUL */

int date_from_ymd(int y, int m, int d);
void date_to_ymd(int day, int *y, int *m, int *d);
/* 0 = Sunday ... 6 = Saturday */
int date_wday(int day);
int date_days_in_month(int y, int m);
bool date_valid_ymd(int y, int m, int d);

/* Parse "YYYY-MM-DD" (also "YYYY/M/D"); the date must exist and lie in
 * 1900..2199.  Returns 0 or -1. */
int date_parse(const char *s, int *day);
/* Write "YYYY-MM-DD" into buf (DATE_STRLEN bytes). */
char *date_format(int day, char *buf);

/* Parse "HH:MM" (00:00..23:59; "24:00" when allow_24) into minutes. */
int time_parse(const char *s, int *min, bool allow_24);
/* Write "HH:MM" into buf (6 bytes). */
char *time_format(int min, char *buf);

/* Parse "YYYY-MM" into year and month. */
int month_parse(const char *s, int *y, int *m);

/* Short English weekday name "Mon" ... */
const char *date_wday_name(int wday);

#endif
