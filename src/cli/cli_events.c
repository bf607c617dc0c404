#include "cli/cli_events.h"

#include <stdio.h>
#include "app.h"
#include "cli/cli.h"
#include "core/program.h"
#include "db/db_appt.h"
#include "db/db_program.h"
#include "util/date.h"
#include "util/i18n.h"

struct day_fill {
	int day, n;
	long long staff_id;
};

static int print_event(const struct program_event *ev, void *arg)
{
	struct day_fill *f = arg;
	char when[32], d[DATE_STRLEN], d2[DATE_STRLEN];
	int last = ev->end_day > ev->day ? ev->end_day : ev->day;

	if (f->n++ == 0)
		printf(_("  events:\n"));
	printf("  %-11s  ", program_event_when(f->day, ev->day, last, ev->start_min, ev->end_min,
					       ev->end_day_min, when, sizeof when));
	cli_put(stdout, ev->title);
	if (ev->place && *ev->place) {
		printf(" @ ");
		cli_put(stdout, ev->place);
	}
	if (last > ev->day)
		printf(_(" (%s to %s)"), date_format(ev->day, d) + 5, date_format(last, d2) + 5);
	putchar('\n');
	return 0;
}

static int print_block(const struct staff_block *b, void *arg)
{
	struct day_fill *f = arg;
	char t1[6], t2[6];

	if (f->staff_id && b->staff_id && b->staff_id != f->staff_id)
		return 0;
	if (f->n++ == 0)
		printf(_("  staff blocks:\n"));
	printf("  %s-%s  ", time_format(b->start_min, t1), time_format(b->start_min + b->minutes, t2));
	cli_pad(stdout, b->staff_id ? (b->staff_name ? b->staff_name : "") : _("whole desk"), 10);
	putchar(' ');
	cli_put(stdout, b->title);
	putchar('\n');
	return 0;
}

int cli_day_events(struct app *app, int day, long long staff_id)
{
	struct day_fill f = { day, 0, staff_id };

	if (db_event_range(app->db, day, day, print_event, &f, &app->err) < 0)
		return -1;
	f.n = 0;
	if (db_block_each(app->db, day, day, print_block, &f, &app->err) < 0)
		return -1;
	return 0;
}
