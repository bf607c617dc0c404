/* Calendar events for the screens: program events and imported
 * calendar events (one row per occurrence, some over several days). */
#include "ui/ui_internal.h"

#include <stdlib.h>
#include <string.h>
#include "core/program.h"
#include "db/db_program.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/mem.h"

static int add_event(const struct program_event *pe, void *arg)
{
	struct ui_events *ev = arg;
	struct ui_event *x;

	if (ev->n == ev->cap) {
		ev->cap = ev->cap ? 2 * ev->cap : 16;
		ev->v = xrealloc(ev->v, ev->cap * sizeof *ev->v);
	}
	x = &ev->v[ev->n++];
	x->day = pe->day;
	x->last = pe->end_day > pe->day ? pe->end_day : pe->day;
	x->start_min = pe->start_min;
	x->end_min = pe->end_min;
	x->end_day_min = pe->end_day_min;
	x->title = xstrdup(pe->title ? pe->title : "");
	x->place = pe->place && *pe->place ? xstrdup(pe->place) : NULL;
	return 0;
}

int ui_events_load(struct ui *ui, int from, int to, struct ui_events *ev, struct err *e)
{
	ui_events_release(ev);
	return db_event_range(ui->app->db, from, to, add_event, ev, e) < 0 ? -1 : 0;
}

void ui_events_release(struct ui_events *ev)
{
	for (size_t i = 0; i < ev->n; i++) {
		free(ev->v[i].title);
		free(ev->v[i].place);
	}
	free(ev->v);
	memset(ev, 0, sizeof *ev);
}

int ui_events_on(const struct ui_events *ev, int day)
{
	int n = 0;

	for (size_t i = 0; i < ev->n; i++)
		n += ev->v[i].day <= day && day <= ev->v[i].last;
	return n;
}

void ui_event_line(struct strbuf *sb, const struct ui_event *e, int day)
{
	char when[32];

	strbuf_addf(sb, "%s ", program_event_when(day, e->day, e->last, e->start_min, e->end_min,
						  e->end_day_min, when, sizeof when));
	strbuf_adds(sb, e->title);
	if (e->place)
		strbuf_addf(sb, " @ %s", e->place);
}
