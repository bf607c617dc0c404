#ifndef MADO_DIALOG_H
#define MADO_DIALOG_H
/* The modal dialogs of the desk: booking and editing an appointment,
 * an organization, a one-line prompt, a yes/no question and a message.
 * Forms come from forms/NAME.form (core/formdef.h) drawn by ui/form.h.
 * They never redraw the screen below them: the caller does. */

#include <stddef.h>

struct app;
struct appt;
struct err;
struct form;

/* All are modal: they draw in their own panel over the screen, run their own key loop, and return; the caller then redraws. They handle KEY_RESIZE themselves. */
int ui_book_dialog(struct app *app, struct appt *prefill);   /* new booking prefilled (day, start_min, staff_id, channel...); 1 saved (prefill->id set), 0 cancelled */
int ui_edit_dialog(struct app *app, long long appt_id);      /* 1 saved, 0 cancelled */
int ui_org_dialog(struct app *app, long long org_id);        /* new (0) or edit organization; returns id or 0 */
int ui_prompt(struct app *app, const char *title, const char *label, char *buf, size_t n); /* one-line input, our line editor; 1 ok 0 cancel */
int ui_confirm(struct app *app, const char *question);        /* 1 yes 0 no */
void ui_message(struct app *app, const char *title, const char *text); /* wait for a key */

/* Log a new inquiry (問い合わせ) with forms/inquiry.form, received now,
 * for org_id when > 0; returns the new inquiry's id or 0. */
long long ui_inquiry_dialog(struct app *app, long long org_id);

/* Save an inquiry form (forms/inquiry.form: the quick-log, or the
 * inquiry screen's edit of id > 0) through core's inquiry_request: 1
 * saved (*saved_id set when not NULL), 0 refused with the message at
 * the field its key names. */
int ui_inquiry_save(struct form *fm, long long id, long long *saved_id);
/* Fill a form's site fields with what is stored for tbl/id. */
void ui_form_load_extras(struct form *fm, const char *tbl, long long id);

/* A hidden start hook for tests and scripted runs: with
 * MADOGUCHI_UI_START=book (or book:YYYY-MM-DD:HH:MM, edit:ID, org,
 * org:ID, inquiry) it opens that dialog once, after curses is up and before the
 * first screen.  ui_run() calls it; returns 1 when it ran a dialog,
 * 0 when the variable is unset. */
int ui_dialog_start_hook(struct app *app);

#endif
