#ifndef MADO_DESK_H
#define MADO_DESK_H
/* The desk calendar: which days the desk is open and why not, its
 * hours and slots.  Reads the config, the holiday rules and the
 * database's own closed days; no terminal. */

#include <stdbool.h>
#include "core/config.h"
#include "db/db.h"

enum desk_day {
	DESK_OPEN,
	DESK_SATURDAY,
	DESK_SUNDAY,
	DESK_HOLIDAY,	/* national holiday; reason is its name */
	DESK_CLOSED,	/* the desk's own closed day; reason given */
};

struct desk_status {
	enum desk_day kind;
	char reason[128];	/* Japanese: 土曜, 日曜, the holiday's name, or the desk's reason */
	char reason_en[128];
};

/* db may be NULL (then only config and holidays count). */
enum desk_day desk_day_status(const struct config *c, struct db *db, int day,
			      struct desk_status *out);
bool desk_is_open(const struct config *c, struct db *db, int day);

/* Whether each day from first to last (inclusive) is open: open[i]
 * for day first + i (last - first + 1 entries).  Weekends, holidays
 * and the config by arithmetic, the database's closed days of the
 * range in one read.  0, or -1 when that read failed (its days then
 * count as open, as desk_day_status counts them). */
int desk_open_days(const struct config *c, struct db *db, int first, int last, bool *open);

/* Desk days strictly after from up to and including to (0 when to <= from). */
int desk_days_between(const struct config *c, struct db *db, int from, int to);

struct desk_ctx;
/* The desk's own closed days, as typed: a date (words too) and a
 * reason (one line, at most 100 characters); an existing day gets the
 * new reason.  Removing a day that is not one of them is refused.
 * Field keys date, reason. */
int desk_closed_add(const struct desk_ctx *d, const char *date, const char *reason,
		    struct err *e);
int desk_closed_remove(const struct desk_ctx *d, const char *date, struct err *e);

#endif
