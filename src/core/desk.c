#include "core/desk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/holiday.h"
#include "db/db_appt.h"
#include "util/date.h"

enum desk_day desk_day_status(const struct config *c, struct db *db, int day,
			      struct desk_status *out)
{
	struct desk_status tmp;
	const char *h;
	int y, m, d, wd = date_wday(day);

	if (!out)
		out = &tmp;
	memset(out, 0, sizeof *out);
	date_to_ymd(day, &y, &m, &d);
	if ((h = holiday_name(day))) {
		out->kind = DESK_HOLIDAY;
		snprintf(out->reason, sizeof out->reason, "%s", h);
		snprintf(out->reason_en, sizeof out->reason_en, "%s", holiday_name_en(day));
	} else if (wd == 0) {
		out->kind = DESK_SUNDAY;
		snprintf(out->reason, sizeof out->reason, "日曜");
		snprintf(out->reason_en, sizeof out->reason_en, "Sunday");
	} else if (wd == 6) {
		out->kind = DESK_SATURDAY;
		snprintf(out->reason, sizeof out->reason, "土曜");
		snprintf(out->reason_en, sizeof out->reason_en, "Saturday");
	} else if (config_closed_on(c, m, d)) {
		out->kind = DESK_CLOSED;
		if ((m == 12 && d >= 29) || (m == 1 && d <= 3)) {
			snprintf(out->reason, sizeof out->reason, "年末年始休業");
			snprintf(out->reason_en, sizeof out->reason_en, "New Year closing");
		} else {
			snprintf(out->reason, sizeof out->reason, "窓口休業日");
			snprintf(out->reason_en, sizeof out->reason_en, "desk closed");
		}
	} else {
		char *r = db ? db_closed_day(db, day, NULL) : NULL;
		if (r) {
			out->kind = DESK_CLOSED;
			snprintf(out->reason, sizeof out->reason, "%s", r);
			snprintf(out->reason_en, sizeof out->reason_en, "%s", r);
			free(r);
		} else {
			out->kind = DESK_OPEN;
		}
	}
	return out->kind;
}

bool desk_is_open(const struct config *c, struct db *db, int day)
{
	return desk_day_status(c, db, day, NULL) == DESK_OPEN;
}

int desk_days_between(const struct config *c, struct db *db, int from, int to)
{
	int n = 0;

	for (int d = from + 1; d <= to; d++)
		if (desk_is_open(c, db, d))
			n++;
	return n;
}
