#include "core/demo.h"

#include <stdio.h>
#include "core/desk.h"
#include "db/db_demo.h"
#include "util/date.h"

int demo_fill(const struct desk_ctx *d, struct err *e)
{
	int days[21], today = clock_today(d->clock), k;
	char now[20];

	/* today or the next open day is n = 0; ten open days either side */
	int first = today;
	while (!desk_is_open(d->cfg, NULL, first))
		first++;
	days[10] = first;
	k = 9;
	for (int day = first - 1; k >= 0; day--)
		if (desk_is_open(d->cfg, NULL, day))
			days[k--] = day;
	k = 11;
	for (int day = first + 1; k <= 20; day++)
		if (desk_is_open(d->cfg, NULL, day))
			days[k++] = day;
	clock_local_iso(d->clock, now);
	return db_demo_load(d->db, days, 21, -10, today, now, e);
}
