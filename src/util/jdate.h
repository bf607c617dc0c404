#ifndef MADO_JDATE_H
#define MADO_JDATE_H
/* Dates as people read them: the Japanese way (2026年11月24日(火), the
 * era year 令和8年, weekday kanji) or the English way (Tue 24 Nov 2026),
 * chosen by i18n_japanese().  Formatting only, on date.h day numbers:
 * no clock, no parsing.  Every function writes a NUL-terminated string
 * into buf (JDATE_STRLEN bytes are always enough) and returns buf. */

#include <stddef.h>

#define JDATE_STRLEN 64

/* One-kanji weekday, 0 = Sunday: "日" "月" "火" "水" "木" "金" "土". */
const char *jdate_wday_ja(int wday);
/* The short weekday of the interface language: "火" or "Tue". */
const char *jdate_wday(int wday);
/* Short English month name, 1 = "Jan" ... 12 = "Dec". */
const char *jdate_month_en(int month);

/* The era of a day: sets *era ("令和", "平成", "昭和", "大正" or "明治")
 * and *year (1 in the era's first year) and returns 0; -1 before
 * 明治 (1868-10-23).  Boundaries: 平成 1989-01-08 .. 2019-04-30,
 * 令和 from 2019-05-01. */
int jdate_era(int day, const char **era, int *year);
/* The era year: "令和8年", "令和元年" for year 1; "" when no era. */
char *jdate_era_year(int day, char *buf, size_t len);

/* "2026年11月24日(火)" */
char *jdate_ja(int day, char *buf, size_t len);
/* "令和8年11月24日(火)" (the Western form if no era) */
char *jdate_ja_era(int day, char *buf, size_t len);
/* "Tue 24 Nov 2026" */
char *jdate_en(int day, char *buf, size_t len);

/* The long date of the interface language: jdate_ja() or jdate_en(). */
char *jdate_long(int day, char *buf, size_t len);
/* For headers and printouts: "2026年11月24日(火) 令和8年" in Japanese,
 * "Tue 24 Nov 2026" otherwise. */
char *jdate_header(int day, char *buf, size_t len);
/* Without the year, for lists and calendars: "11月24日(火)" or
 * "Tue 24 Nov". */
char *jdate_short(int day, char *buf, size_t len);
/* A month: "2026年11月" (with_era: "2026年(令和8年)11月") or
 * "November 2026". */
char *jdate_month(int year, int month, int with_era, char *buf, size_t len);

#endif
