#ifndef MADO_UI_H
#define MADO_UI_H
/* The full-screen desk (ncursesw): opened by `madoguchi` without a
 * command.  Owns the terminal from start to every exit path. */

struct app;

/* Run the desk until the user quits; returns the exit code. */
int ui_run(struct app *app);

#endif
