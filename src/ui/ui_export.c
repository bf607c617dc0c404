/* Calendars out and in, and the printed daily schedule, from the
 * screens: the export, import and print dialogs with the same choices as
 * `madoguchi export`, `import` and `print`.  The forms are built here
 * (their labels are translated strings, not a forms/ file: a site has
 * nothing to add to them) and run by the form engine (ui/form.h); the
 * work is done by export/ical.h, ical_import.h and print.h. */
#include "ui/ui_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "export/ical.h"
#include "export/ical_import.h"
#include "export/print.h"
#include "ui/dialog.h"
#include "ui/form.h"
#include "core/resolve.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/mem.h"
#include "util/text.h"

#define PATH_MAX_CHARS 1000

/* ---- building a form ---- */

static struct formdef_field *add_field(struct formdef *fd, const char *name,
				       enum formdef_type type, const char *label,
				       const char *help, const char *def)
{
	struct formdef_field *f;

	fd->fields = xrealloc(fd->fields, (fd->n + 1) * sizeof *fd->fields);
	f = &fd->fields[fd->n++];
	memset(f, 0, sizeof *f);
	f->name = xstrdup(name);
	f->type = type;
	f->label = xstrdup(label);
	f->help = xstrdup(help);
	f->def = def ? xstrdup(def) : NULL;
	f->file = xstrdup("(built in)");
	return f;
}

static void set_choices(struct formdef_field *f, const char *const *codes,
			const char *const *labels, size_t n)
{
	f->choices = xcalloc(n, sizeof *f->choices);
	f->choice_labels = xcalloc(n, sizeof *f->choice_labels);
	for (size_t i = 0; i < n; i++) {
		f->choices[i] = xstrdup(codes[i]);
		f->choice_labels[i] = xstrdup(labels[i]);
	}
	f->n_choices = n;
	f->required = true;	/* no empty option */
}

static void add_yes_no(struct formdef *fd, const char *name, const char *label, const char *help,
		       bool yes)
{
	static const char *const codes[] = { "no", "yes" };
	const char *labels[] = { _("No"), _("Yes") };
	struct formdef_field *f = add_field(fd, name, FT_CHOICE, label, help, yes ? "yes" : "no");

	set_choices(f, codes, labels, 2);
}

static bool yes(struct form *fm, const char *name)
{
	return !strcmp(form_choice(fm, name), "yes");
}

/* The staff field's empty option says what it means here. */
static void staff_none_label(struct form *fm, const char *label)
{
	struct form_field *f = form_get(fm, "staff");

	if (f && f->n_opts && !f->opts[0][0]) {
		free(f->opt_labels[0]);
		f->opt_labels[0] = xstrdup(label);
	}
}

/* An optional date field: 0 and *day (0 when empty), -1 with a message. */
static int opt_date(struct form *fm, const char *name, int *day)
{
	const char *s = form_text(fm, name);

	*day = 0;
	if (!*s)
		return 0;
	struct err e;
	if (resolve_date(&fm->app->desk, s, name, false, day, &e) < 0) {
		form_set_msg(fm, name, e.msg);
		return -1;
	}
	return 0;
}

/* The path typed in field name, "~/" expanded, into a new string; NULL
 * (with a message) when empty or not a line of text. */
static char *form_path(struct form *fm, const char *name, bool required)
{
	char *s = xstrdup(form_text(fm, name)), *p = text_trim(s), *out = NULL;
	char msg[300];

	if (!*p) {
		if (required)
			form_set_msg(fm, name, _("a file name is required"));
		goto done;
	}
	if (text_check(_("File"), p, TEXT_LINE, PATH_MAX_CHARS, msg, sizeof msg) < 0) {
		form_set_msg(fm, name, msg);
		goto done;
	}
	if (p[0] == '~' && (p[1] == '/' || !p[1])) {
		const char *home = getenv("HOME");
		if (!home || !*home) {
			form_set_msg(fm, name, _("HOME is not set: give the whole path"));
			goto done;
		}
		out = xasprintf("%s%s", home, p + 1);
	} else {
		out = xstrdup(p);
	}
done:
	free(s);
	return out;
}

/* A path to write: not a directory; asks before replacing a file.
 * 0 to go on, -1 to stay in the form. */
static int may_write(struct form *fm, const char *field, const char *path)
{
	struct stat sb;

	if (stat(path, &sb) < 0)
		return 0;
	if (S_ISDIR(sb.st_mode)) {
		form_set_msg(fm, field, _("that is a directory: give a file name"));
		return -1;
	}
	char *q = xasprintf(_("%s exists. Replace it?"), path);
	int ok = ui_confirm(fm->app, q);
	free(q);
	return ok ? 0 : -1;
}

/* A refusal in full: the form's status line is one row, and the
 * message names the file and the line it failed at. */
static void show_refusal(struct form *fm, const char *title, const struct err *e)
{
	form_status(fm, true, "%s", e->msg);
	ui_message(fm->app, title, e->msg);
}

/* ---- export ---- */

struct export_run {
	int n;
	char *path;
};

static int save_export(struct form *fm, const char *override, bool *refused, void *arg)
{
	struct export_run *r = arg;
	struct ical_export_opts o;
	struct err e;
	char *path;

	(void)override;
	(void)refused;
	form_clear_msgs(fm);
	ical_export_opts_init(&o);
	if (opt_date(fm, "from", &o.from_day) < 0 || opt_date(fm, "to", &o.to_day) < 0)
		return 0;
	if (o.from_day && o.to_day && o.to_day < o.from_day) {
		form_set_msg(fm, "to", _("the last day is before the first"));
		return 0;
	}
	o.staff_id = form_staff(fm, "staff");
	o.what = (yes(fm, "appointments") ? ICAL_APPOINTMENTS : 0) |
		 (yes(fm, "events") ? ICAL_EVENTS | ICAL_BLOCKS : 0) | (yes(fm, "deadlines") ? ICAL_DEADLINES : 0);
	if (!o.what) {
		form_status(fm, true, "%s", _("Choose appointments, program events or deadlines"));
		return 0;
	}
	o.no_personal = yes(fm, "no_personal");
	if (!(path = form_path(fm, "path", true)))
		return 0;
	if (may_write(fm, "path", path) < 0) {
		free(path);
		return 0;
	}
	err_clear(&e);
	r->n = ical_export_file(&fm->app->desk, &o, path, &e);
	if (r->n < 0) {
		show_refusal(fm, _("Export"), &e);
		free(path);
		return 0;
	}
	r->path = path;
	return 1;
}

void ui_export_dialog(struct ui *ui)
{
	static const char *const what_help = N_("Left/Right: include them or not");
	struct formdef fd;
	struct form fm;
	struct export_run r = { 0, NULL };
	char today[DATE_STRLEN], *def;

	formdef_init(&fd);
	fd.title = xstrdup(_("Export calendar (.ics)"));
	add_field(&fd, "from", FT_DATE, _("From"), _("First day, YYYY-MM-DD; empty: from the first record"),
		  NULL);
	add_field(&fd, "to", FT_DATE, _("To"), _("Last day, YYYY-MM-DD; empty: to the last record"), NULL);
	add_field(&fd, "staff", FT_STAFF, _("Staff"),
		  _("Left/Right: the appointments of one staff member, or everyone's"), NULL);
	add_yes_no(&fd, "appointments", _("Appointments"), _(what_help), true);
	add_yes_no(&fd, "events", _("Program events"), _(what_help), true);
	add_yes_no(&fd, "deadlines", _("Deadlines"), _(what_help), true);
	add_yes_no(&fd, "no_personal", _("No personal data"),
		   _("Yes: leave out names, phone numbers, e-mails and notes"), false);
	def = xasprintf("~/madoguchi-%s.ics", date_format(clock_today(&ui->app->clock), today));
	struct formdef_field *p = add_field(&fd, "path", FT_TEXT, _("File"),
					    _("Where to write the calendar (mode 0600); F2 exports"), def);
	p->width = 50;
	p->max = PATH_MAX_CHARS;
	p->required = true;
	free(def);

	form_init(&fm, ui->app, &fd, save_export, &r);
	staff_none_label(&fm, _("(everyone)"));
	form_focus(&fm, "from");
	ui->dirty = true;
	if (form_run(&fm) == 1 && r.path) {
		ui_status(ui, false, _("%d calendar entries written to %s"), r.n, r.path);
	}
	free(r.path);
	form_release(&fm);
	formdef_release(&fd);
}

/* ---- import ---- */

struct import_run {
	struct ical_import_result res;
	char *path;
};

static int save_import(struct form *fm, const char *override, bool *refused, void *arg)
{
	struct import_run *r = arg;
	struct ical_import_opts o = { ICAL_IMPORT_AUTO, 0, ical_import_horizon(clock_today(&fm->app->clock)) };
	const char *as = form_choice(fm, "as");
	struct err e;
	char *path;

	(void)override;
	(void)refused;
	form_clear_msgs(fm);
	if (db_readonly(fm->app->db)) {
		form_status(fm, true, "%s", _("The database is read-only: viewing only"));
		return 0;
	}
	if (!strcmp(as, "events"))
		o.as = ICAL_IMPORT_EVENTS;
	else if (!strcmp(as, "blocks"))
		o.as = ICAL_IMPORT_BLOCKS;
	o.staff_id = form_staff(fm, "staff");
	if (!(path = form_path(fm, "path", true)))
		return 0;
	err_clear(&e);
	if (ical_import_file(&fm->app->desk, path, &o, &r->res, &e) < 0) {
		show_refusal(fm, _("Import refused"), &e);
		free(path);
		return 0;
	}
	r->path = path;
	return 1;
}

void ui_import_dialog(struct ui *ui)
{
	static const char *const as_codes[] = { "auto", "events", "blocks" };
	const char *as_labels[] = { _("Automatic"), _("Program events"), _("Staff blocks") };
	struct formdef fd;
	struct form fm;
	struct import_run r;

	if (!ui_writable(ui))
		return;
	memset(&r, 0, sizeof r);
	formdef_init(&fd);
	fd.title = xstrdup(_("Import calendar (.ics)"));
	struct formdef_field *p = add_field(&fd, "path", FT_TEXT, _("File"),
					    _("The .ics file to read; the same file again updates, never duplicates"),
					    NULL);
	p->width = 50;
	p->max = PATH_MAX_CHARS;
	p->required = true;
	set_choices(add_field(&fd, "as", FT_CHOICE, _("As"),
			      _("Left/Right: automatic (blocks when the file marks them), events or blocks"),
			      "auto"),
		    as_codes, as_labels, 3);
	add_field(&fd, "staff", FT_STAFF, _("Staff"),
		  _("Left/Right: make every event a block of this staff member"), NULL);

	form_init(&fm, ui->app, &fd, save_import, &r);
	staff_none_label(&fm, _("(from the file)"));
	form_focus(&fm, "path");
	ui->dirty = true;
	if (form_run(&fm) == 1 && r.path) {
		struct strbuf st = STRBUF_INIT;
		strbuf_addf(&st, _("imported %s: %d events new, %d updated, %d unchanged; %d blocks new, %d updated; %d removed; %d older ignored; %d skipped"),
			    r.path, r.res.events_created, r.res.events_updated, r.res.events_unchanged,
			    r.res.blocks_created, r.res.blocks_updated, r.res.removed, r.res.older, r.res.skipped);
		if (r.res.appts_created || r.res.appts_updated || r.res.appts_refused)
			strbuf_addf(&st, _("; appointments %d booked, %d changed, %d as events"),
				    r.res.appts_created, r.res.appts_updated,
				    r.res.appts_refused + r.res.appointments);
		ui_status(ui, false, "%s", strbuf_str(&st));
		strbuf_release(&st);
		if (r.res.n_notes) {	/* each event left out, with its line and reason */
			struct strbuf sb = STRBUF_INIT;
			for (size_t i = 0; i < r.res.n_notes && i < 10; i++)
				strbuf_addf(&sb, "%s%s", i ? "\n" : "", r.res.notes[i]);
			if (r.res.n_notes > 10)
				strbuf_addf(&sb, _("\n... and %d more"), (int)r.res.n_notes - 10);
			ui_message(ui->app, _("Imported: notes on some events"), strbuf_str(&sb));
			strbuf_release(&sb);
		}
		ui->reload = true;
	}
	ical_import_result_release(&r.res);
	free(r.path);
	form_release(&fm);
	formdef_release(&fd);
}

/* ---- print ---- */

struct print_run {
	int n;
	char *path;	/* NULL: the print command */
	struct print_result res;
};

static int save_print(struct form *fm, const char *override, bool *refused, void *arg)
{
	struct print_run *r = arg;
	struct print_opts o;
	struct err e;
	char *path = NULL;
	int day;

	(void)override;
	(void)refused;
	form_clear_msgs(fm);
	if (opt_date(fm, "date", &day) < 0)
		return 0;
	if (!day) {
		form_set_msg(fm, "date", _("a date is required"));
		return 0;
	}
	print_opts_init(&o, day);
	o.format = !strcmp(form_choice(fm, "format"), "pdf") ? PRINT_PDF : PRINT_TEXT;
	o.layout = !strcmp(form_choice(fm, "layout"), "timetable") ? PRINT_TIMETABLE : PRINT_LIST;
	if (o.layout == PRINT_TIMETABLE && o.format != PRINT_PDF) {
		form_set_msg(fm, "format", _("the timetable is printed as a PDF"));
		return 0;
	}
	o.staff_id = form_staff(fm, "staff");
	o.per_staff = yes(fm, "per_staff");
	o.no_personal = yes(fm, "no_personal");
	if (*form_text(fm, "output")) {
		if (!(path = form_path(fm, "output", false)))
			return 0;
		if (may_write(fm, "output", path) < 0) {
			free(path);
			return 0;
		}
	} else if (!fm->app->cfg.print_command[0]) {
		form_set_msg(fm, "output", _("no print command is configured: give a file"));
		return 0;
	}
	err_clear(&e);
	if (path)
		r->n = print_schedule_to(&fm->app->desk, &o, path, &e);
	else
		r->n = print_schedule_send(&fm->app->desk, &o, &r->res, &e);
	if (r->n < 0) {
		/* the print command ran beside curses: make sure the screen is ours */
		clearok(curscr, TRUE);
		show_refusal(fm, _("Print"), &e);
		free(path);
		return 0;
	}
	r->path = path;
	return 1;
}

void ui_print_dialog(struct ui *ui)
{
	static const char *const fmt_codes[] = { "pdf", "text" };
	static const char *const layout_codes[] = { "list", "timetable" };
	const char *fmt_labels[] = { _("PDF (A4)"), _("Text") };
	const char *layout_labels[] = { _("List (portrait)"), _("Timetable (landscape)") };
	const struct config *cfg = &ui->app->cfg;
	struct formdef fd;
	struct form fm;
	struct print_run r;
	char day[DATE_STRLEN], *help;

	memset(&r, 0, sizeof r);
	formdef_init(&fd);
	fd.title = xstrdup(_("Print the daily schedule"));
	add_field(&fd, "date", FT_DATE, _("Date"), _("The day to print, YYYY-MM-DD"),
		  date_format(ui->day, day));
	set_choices(add_field(&fd, "format", FT_CHOICE, _("Format"),
			      _("Left/Right: the A4 PDF, or 80-column text (for a UTF-8 text printer)"),
			      strcmp(cfg->print_format, "text") ? "pdf" : "text"),
		    fmt_codes, fmt_labels, 2);
	set_choices(add_field(&fd, "layout", FT_CHOICE, _("Layout"),
			      _("Left/Right: a list of the bookings, or the day's slots by staff member (PDF)"),
			      "list"),
		    layout_codes, layout_labels, 2);
	add_field(&fd, "staff", FT_STAFF, _("Staff"),
		  _("Left/Right: one staff member's appointments, or everyone's"), NULL);
	add_yes_no(&fd, "per_staff", _("Page per staff"),
		   _("Yes: each staff member on pages of their own"), false);
	add_yes_no(&fd, "no_personal", _("No personal data"),
		   _("Yes: leave out names, phone numbers, e-mails and notes"), false);
	if (cfg->printer[0])
		help = xasprintf(_("Empty: send it to printer %s (%s); or a file to write (mode 0600). F2 prints"),
				 cfg->printer, cfg->print_command[0] ? cfg->print_command : "-");
	else
		help = xasprintf(_("Empty: send it to the print command (%s); or a file to write (mode 0600). F2 prints"),
				 cfg->print_command[0] ? cfg->print_command : "-");
	struct formdef_field *p = add_field(&fd, "output", FT_TEXT, _("To file"), help, NULL);
	p->width = 50;
	p->max = PATH_MAX_CHARS;
	free(help);

	form_init(&fm, ui->app, &fd, save_print, &r);
	staff_none_label(&fm, _("(everyone)"));
	form_focus(&fm, "format");
	ui->dirty = true;
	if (form_run(&fm) == 1) {
		const char *to = r.res.dest[0] ? r.res.dest : cfg->print_command;
		/* one page is "1 page" (no plural forms in the catalog) */
		if (r.path && r.n == 1)
			ui_status(ui, false, _("1 page written to %s"), r.path);
		else if (r.path)
			ui_status(ui, false, _("%d pages written to %s"), r.n, r.path);
		else if (r.res.request_id[0] && r.n == 1)
			ui_status(ui, false, _("1 page sent to %s, request id %s"), to, r.res.request_id);
		else if (r.res.request_id[0])
			ui_status(ui, false, _("%d pages sent to %s, request id %s"), r.n, to, r.res.request_id);
		else if (r.n == 1)
			ui_status(ui, false, _("1 page sent to %s"), to);
		else
			ui_status(ui, false, _("%d pages sent to %s"), r.n, to);
	}
	free(r.path);
	form_release(&fm);
	formdef_release(&fd);
	/* the print command ran beside curses: make sure the screen is ours */
	clearok(curscr, TRUE);
}
