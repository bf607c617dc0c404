#ifndef MADO_CLI_EVENTS_H
#define MADO_CLI_EVENTS_H
/* The calendar items of a day beside its appointments, for `day`:
 * program events (imported ones too, and those that began on an earlier
 * day and go on) and staff blocks.  Reads only. */

struct app;

/* Print them under the day's appointments; 0, or -1 with app->err set. */
int cli_day_events(struct app *app, int day, long long staff_id);

#endif
