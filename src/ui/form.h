#ifndef MADO_FORM_H
#define MADO_FORM_H
/* A form on screen: draws a formdef (core/formdef.h) in its own panel
 * (labels, required marks, fields, a message under a field, the help
 * line of the current field) and runs its key loop.  Text is edited by
 * ui/lineedit.h; choice fields cycle with Left/Right; topics are a
 * multi-select; the org field searches organizations as you type and
 * shows a popup list under the field.  It knows nothing of what the
 * values mean and never touches the database: option lists (staff,
 * the support menu, organizations found) and the reading of dates,
 * times and minutes come from core; the dialog's save callback hands
 * the values to core, which checks and stores them.
 *
 * Keys: Tab/Down and Shift-Tab/Up move between fields; Enter moves on
 * (on the last field it saves); F2 or Ctrl-S saves; Esc cancels,
 * asking first when something was typed; F4 or Ctrl-N in an org field
 * creates an organization; after a rule refusal F8 or Ctrl-O saves
 * anyway with a reason. */

#include <curses.h>
#include <panel.h>
#include <stdbool.h>
#include "core/formdef.h"
#include "db/model.h"
#include "ui/lineedit.h"

struct app;

struct form_field {
	const struct formdef_field *def;
	struct lineedit le;		/* text, multiline, date, time, minutes, org */
	char **opts, **opt_labels;	/* choice, staff, room: codes and labels */
	long long *opt_ids;		/* staff: ids (opts[i] is the id as text) */
	size_t n_opts;
	int choice;			/* index into opts */
	unsigned bits;			/* topics: bit (1 << enum topic) */
	int item;			/* topics: highlighted item */
	long long org_id;		/* org: the picked organization, 0 none */
	char *org_name;			/* its name as picked */
	char *msg;			/* message shown under the field */
	bool disabled;			/* skipped and shown dimmed */
	int vy, vh;			/* layout: virtual row and rows used */
};

struct form;
/* Check and store the values.  override is NULL or the reason given
 * after a refusal.  Returns 1 when saved (the form closes), 0 to stay
 * (messages set with form_set_msg / form_status; set *refused when a
 * desk rule refused, so the override key works). */
typedef int (*form_save_fn)(struct form *fm, const char *override, bool *refused, void *arg);

struct form {
	struct app *app;
	const struct formdef *def;
	struct form_field *f;
	size_t n, cur;
	bool ja;		/* Japanese labels */
	bool changed;		/* something typed since the form opened */
	bool refused;		/* a rule refusal is shown */
	char status[1024];	/* the line above the help line */
	bool status_warn;
	form_save_fn save;
	void *arg;
	/* organization popup */
	struct org *pop;
	size_t npop;
	int popcur;
	bool popopen;
	/* screen */
	WINDOW *win;
	PANEL *panel;
	int top;		/* first virtual row shown */
	int label_w;
};

/* Set up a form for def (every field empty or at its default). */
void form_init(struct form *fm, struct app *app, const struct formdef *def, form_save_fn save,
	       void *arg);
void form_release(struct form *fm);

struct form_field *form_get(struct form *fm, const char *name);
/* Values by field name; missing fields are ignored (a form file may
 * leave a field out) and form_text gives "". */
const char *form_text(struct form *fm, const char *name);
int form_set_text(struct form *fm, const char *name, const char *s);
/* The code of the chosen option ("" for the empty option). */
const char *form_choice(struct form *fm, const char *name);
void form_set_choice(struct form *fm, const char *name, const char *code);
/* Staff: the chosen id, 0 for none. */
long long form_staff(struct form *fm, const char *name);
void form_set_staff(struct form *fm, const char *name, long long id);
void form_set_org(struct form *fm, const char *name, long long id, const char *org_name);
void form_set_msg(struct form *fm, const char *name, const char *msg);
void form_clear_msgs(struct form *fm);
void form_status(struct form *fm, bool warn, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Put the cursor on a field. */
void form_focus(struct form *fm, const char *name);
/* Run until saved (1) or cancelled (0).  Draws in its own panel and
 * removes it at the end; the caller redraws. */
int form_run(struct form *fm);

/* Shared by the dialogs: a centred window in a new panel, and the
 * terminal-size check. */
WINDOW *form_popup_win(int h, int w, PANEL **panel);
void form_popup_end(WINDOW *w, PANEL *panel);

#endif
