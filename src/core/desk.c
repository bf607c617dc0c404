#include "core/desk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/appt.h"
#include "core/holiday.h"
#include "core/resolve.h"
#include "core/role.h"
#include "db/db_appt.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/mem.h"

/* Weekends, national holidays and the config's yearly closed days:
 * pure arithmetic, no database. DESK_OPEN when none applies. */
static enum desk_day calendar_status(const struct config *c, int day,
				     struct desk_status *out)
{
	const char *h;
	int y, m, d, wd = date_wday(day);

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
		out->kind = DESK_OPEN;
	}
	return out->kind;
}

enum desk_day desk_day_status(const struct config *c, struct db *db, int day,
			      struct desk_status *out)
{
	struct desk_status tmp;

	if (!out)
		out = &tmp;
	memset(out, 0, sizeof *out);
	if (calendar_status(c, day, out) == DESK_OPEN) {
		char *r = db ? db_closed_day(db, day, NULL) : NULL;
		if (r) {
			out->kind = DESK_CLOSED;
			snprintf(out->reason, sizeof out->reason, "%s", r);
			snprintf(out->reason_en, sizeof out->reason_en, "%s", r);
			free(r);
		}
	}
	return out->kind;
}

bool desk_is_open(const struct config *c, struct db *db, int day)
{
	return desk_day_status(c, db, day, NULL) == DESK_OPEN;
}

struct open_map {
	int first;
	bool *open;
};

static int mark_closed(int day, const char *reason, void *arg)
{
	struct open_map *m = arg;

	(void)reason;
	m->open[day - m->first] = false;
	return 0;
}

int desk_open_days(const struct config *c, struct db *db, int first, int last, bool *open)
{
	struct open_map m = { first, open };
	int y0, y1, mo, dd;

	if (last < first)
		return 0;
	/* weekends and the desk's yearly closing by arithmetic, the
	 * holidays a year at a time: no per-day holiday rules */
	for (int d = first; d <= last; d++) {
		int wd = date_wday(d);
		date_to_ymd(d, &y0, &mo, &dd);
		open[d - first] = wd != 0 && wd != 6 && !config_closed_on(c, mo, dd);
	}
	date_to_ymd(first, &y0, &mo, &dd);
	date_to_ymd(last, &y1, &mo, &dd);
	for (int y = y0; y <= y1; y++) {
		struct holiday h[32];
		size_t n = holiday_year(y, h, sizeof h / sizeof h[0]);
		for (size_t i = 0; i < n; i++)
			if (h[i].day >= first && h[i].day <= last)
				open[h[i].day - first] = false;
	}
	if (db && db_closed_days_range(db, first, last, mark_closed, &m, NULL) < 0)
		return -1;
	return 0;
}

int desk_days_between(const struct config *c, struct db *db, int from, int to)
{
	bool *open;
	int n = 0;

	if (to <= from)
		return 0;
	open = xcalloc((size_t)(to - from), sizeof *open);
	desk_open_days(c, db, from + 1, to, open);
	for (int i = 0; i < to - from; i++)
		n += open[i];
	free(open);
	return n;
}

int desk_closed_add(const struct desk_ctx *d, const char *date, const char *reason,
		    struct err *e)
{
	char msg[512];
	int day;

	if (role_require_lead(d, _("changing closed days"), e) < 0)
		return -1;
	if (resolve_date(d, date, "date", false, &day, e) < 0)
		return -1;
	if (!reason || !*reason)
		return err_set_field(e, ERR_INPUT, "reason", _("reason: required"));
	if (text_check(_("reason"), reason, TEXT_LINE, 100, msg, sizeof msg) < 0)
		return err_set_field(e, ERR_INPUT, "reason", "%s", msg);
	if (db_begin(d->db, e) < 0)
		return -1;
	if (db_closed_day_set(d->db, day, reason, e) < 0 || db_commit(d->db, e) < 0) {
		db_rollback(d->db);
		return -1;
	}
	return 0;
}

int desk_closed_remove(const struct desk_ctx *d, const char *date, struct err *e)
{
	char ds[DATE_STRLEN];
	int day;

	if (role_require_lead(d, _("changing closed days"), e) < 0)
		return -1;
	if (resolve_date(d, date, "date", false, &day, e) < 0)
		return -1;
	if (db_begin(d->db, e) < 0)
		return -1;
	long long before = db_total_changes(d->db);
	if (db_closed_day_set(d->db, day, NULL, e) < 0)
		goto fail;
	if (db_total_changes(d->db) == before) {
		err_set_field(e, ERR_INPUT, "date", _("%s is not one of the desk's own closed days"),
			      date_format(day, ds));
		goto fail;
	}
	if (db_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	db_rollback(d->db);
	return -1;
}
