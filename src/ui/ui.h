#ifndef MADO_UI_H
#define MADO_UI_H
/* The full-screen desk (ncursesw): opened by `madoguchi` without a
 * command.  Owns the terminal from start to every exit path. */

#include <stdbool.h>

struct app;

/* Run the desk until the user quits; returns the exit code. */
int ui_run(struct app *app);

/* True once SIGTERM, SIGHUP or SIGINT arrived: modal loops (dialogs)
 * should return at once so ui_run() can restore the terminal. */
bool ui_quit_requested(void);

#endif
