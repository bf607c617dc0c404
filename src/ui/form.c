#include "ui/form.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "core/resolve.h"
#include "core/org.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/ui_internal.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/mem.h"
#include "util/text.h"

#define POPUP_ROWS 6
#define KEY_CTRL(c) ((c) & 0x1f)

/* Defined in dialog.c: a new organization, name prefilled. */
long long ui_org_dialog_new(struct app *app, const char *name);

static bool is_text_type(enum formdef_type t)
{
	return t == FT_TEXT || t == FT_MULTILINE || t == FT_DATE || t == FT_TIME ||
	       t == FT_MINUTES || t == FT_ORG;
}

static bool is_choice_type(enum formdef_type t)
{
	return t == FT_CHOICE || t == FT_STAFF || t == FT_ROOM || t == FT_TOPIC;
}

static size_t type_max(const struct formdef_field *d)
{
	if (d->max)
		return d->max;
	switch (d->type) {
	case FT_DATE: return 10;
	case FT_TIME: return 5;
	case FT_MINUTES: return 3;
	case FT_MULTILINE: return 4000;
	default: return 200;
	}
}

static int type_width(const struct formdef_field *d)
{
	if (d->width)
		return d->width;
	switch (d->type) {
	case FT_DATE: return 10;
	case FT_TIME: return 5;
	case FT_MINUTES: return 4;
	case FT_MULTILINE: return 50;
	case FT_ORG: return 40;
	default: return 30;
	}
}

static void add_opt(struct form_field *f, const char *code, const char *label, long long id)
{
	f->opts = xrealloc(f->opts, (f->n_opts + 1) * sizeof *f->opts);
	f->opt_labels = xrealloc(f->opt_labels, (f->n_opts + 1) * sizeof *f->opt_labels);
	f->opt_ids = xrealloc(f->opt_ids, (f->n_opts + 1) * sizeof *f->opt_ids);
	f->opts[f->n_opts] = xstrdup(code);
	f->opt_labels[f->n_opts] = xstrdup(label);
	f->opt_ids[f->n_opts] = id;
	f->n_opts++;
}

static int add_staff(const struct staff *s, void *arg)
{
	struct form_field *f = arg;
	char id[32];

	snprintf(id, sizeof id, "%lld", s->id);
	add_opt(f, id, s->name, s->id);
	return 0;
}

static void fill_options(struct form *fm, struct form_field *f)
{
	const struct formdef_field *d = f->def;

	switch (d->type) {
	case FT_CHOICE:
		if (!d->required)
			add_opt(f, "", "-", 0);
		for (size_t i = 0; i < d->n_choices; i++)
			add_opt(f, d->choices[i], formdef_choice_label(d, i, fm->ja), 0);
		if (d->def)
			form_set_choice(fm, d->name, d->def);
		break;
	case FT_TOPIC: {
		/* one topic of the support menu, as core lists it */
		const char *code, *name;
		for (int i = 0; (code = resolve_topic_menu(i, fm->ja, &name)); i++)
			add_opt(f, code, name, 0);
		if (d->def)
			form_set_choice(fm, d->name, d->def);
		break;
	}
	case FT_STAFF: {
		struct err e;
		add_opt(f, "", _("(none)"), 0);
		if (fm->app->db)
			staff_list(&fm->app->desk, true, add_staff, f, &e);
		break;
	}
	case FT_ROOM: {
		/* empty: core gives a visit the first room free then */
		add_opt(f, "", fm->app->cfg.rooms && *fm->app->cfg.rooms ? _("(first free room)")
									: _("(none)"), 0);
		char *rooms = xstrdup(fm->app->cfg.rooms ? fm->app->cfg.rooms : "");
		for (char *s = rooms, *comma; s; s = comma ? comma + 1 : NULL) {
			comma = strchr(s, ',');
			if (comma)
				*comma = '\0';
			char *r = text_trim(s);
			if (*r)
				add_opt(f, r, r, 0);
		}
		free(rooms);
		break;
	}
	default:
		break;
	}
}

void form_init(struct form *fm, struct app *app, const struct formdef *def, form_save_fn save,
	       void *arg)
{
	memset(fm, 0, sizeof *fm);
	fm->app = app;
	fm->def = def;
	fm->save = save;
	fm->arg = arg;
	fm->ja = i18n_japanese();
	fm->n = def->n;
	fm->f = xcalloc(def->n ? def->n : 1, sizeof *fm->f);
	for (size_t i = 0; i < def->n; i++) {
		struct form_field *f = &fm->f[i];
		f->def = &def->fields[i];
		lineedit_init(&f->le, f->def->type == FT_MULTILINE, type_max(f->def), 0);
		fill_options(fm, f);
		if (is_text_type(f->def->type) && f->def->def)
			lineedit_set_text(&f->le, f->def->def);
	}
}

static void popup_clear(struct form *fm)
{
	for (size_t i = 0; i < fm->npop; i++)
		org_release(&fm->pop[i]);
	free(fm->pop);
	fm->pop = NULL;
	fm->npop = 0;
	fm->popopen = false;
	fm->popcur = 0;
}

void form_release(struct form *fm)
{
	for (size_t i = 0; i < fm->n; i++) {
		struct form_field *f = &fm->f[i];
		lineedit_release(&f->le);
		for (size_t k = 0; k < f->n_opts; k++) {
			free(f->opts[k]);
			free(f->opt_labels[k]);
		}
		free(f->opts);
		free(f->opt_labels);
		free(f->opt_ids);
		free(f->org_name);
		free(f->msg);
	}
	free(fm->f);
	popup_clear(fm);
	memset(fm, 0, sizeof *fm);
}

struct form_field *form_get(struct form *fm, const char *name)
{
	for (size_t i = 0; i < fm->n; i++)
		if (!strcmp(fm->f[i].def->name, name))
			return &fm->f[i];
	return NULL;
}

const char *form_text(struct form *fm, const char *name)
{
	struct form_field *f = form_get(fm, name);

	return f ? lineedit_text(&f->le) : "";
}

int form_set_text(struct form *fm, const char *name, const char *s)
{
	struct form_field *f = form_get(fm, name);

	if (!f)
		return 0;
	return lineedit_set_text(&f->le, s ? s : "");
}

const char *form_choice(struct form *fm, const char *name)
{
	struct form_field *f = form_get(fm, name);

	if (!f || !f->n_opts || f->disabled)
		return "";
	return f->opts[f->choice];
}

void form_set_choice(struct form *fm, const char *name, const char *code)
{
	struct form_field *f = form_get(fm, name);

	if (!f || !code)
		return;
	for (size_t i = 0; i < f->n_opts; i++)
		if (!strcmp(f->opts[i], code)) {
			f->choice = (int)i;
			return;
		}
	/* a stored value the form does not offer (a room no longer in
	 * the config, a choice removed from the form): keep it */
	if (*code) {
		add_opt(f, code, code, 0);
		f->choice = (int)f->n_opts - 1;
	}
}

long long form_staff(struct form *fm, const char *name)
{
	struct form_field *f = form_get(fm, name);

	if (!f || !f->n_opts)
		return 0;
	return f->opt_ids[f->choice];
}

void form_set_staff(struct form *fm, const char *name, long long id)
{
	struct form_field *f = form_get(fm, name);

	if (!f)
		return;
	for (size_t i = 0; i < f->n_opts; i++)
		if (f->opt_ids[i] == id) {
			f->choice = (int)i;
			return;
		}
	if (id > 0 && fm->app->db) {
		/* an inactive staff member still holds the booking */
		struct staff s;
		struct err e;
		char num[32];
		snprintf(num, sizeof num, "%lld", id);
		if (staff_get(&fm->app->desk, id, &s, &e) == 0) {
			add_opt(f, num, s.name, s.id);
			f->choice = (int)f->n_opts - 1;
			staff_release(&s);
		}
	}
}

void form_set_org(struct form *fm, const char *name, long long id, const char *org_name)
{
	struct form_field *f = form_get(fm, name);

	if (!f)
		return;
	f->org_id = id;
	free(f->org_name);
	f->org_name = org_name ? xstrdup(org_name) : NULL;
	lineedit_set_text(&f->le, org_name ? org_name : "");
}

void form_set_msg(struct form *fm, const char *name, const char *msg)
{
	struct form_field *f = form_get(fm, name);

	if (!f) {
		form_status(fm, true, "%s", msg ? msg : "");
		return;
	}
	free(f->msg);
	f->msg = msg && *msg ? xstrdup(msg) : NULL;
}

void form_clear_msgs(struct form *fm)
{
	for (size_t i = 0; i < fm->n; i++) {
		free(fm->f[i].msg);
		fm->f[i].msg = NULL;
	}
	fm->status[0] = '\0';
	fm->status_warn = false;
}

void form_status(struct form *fm, bool warn, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(fm->status, sizeof fm->status, fmt, ap);
	va_end(ap);
	fm->status_warn = warn;
}

void form_focus(struct form *fm, const char *name)
{
	for (size_t i = 0; i < fm->n; i++)
		if (!strcmp(fm->f[i].def->name, name) && !fm->f[i].disabled)
			fm->cur = i;
}

/* ---- windows ---- */

WINDOW *form_popup_win(int h, int w, PANEL **panel)
{
	if (h > LINES)
		h = LINES;
	if (w > COLS)
		w = COLS;
	if (h < 1)
		h = 1;
	if (w < 1)
		w = 1;
	WINDOW *win = newwin(h, w, (LINES - h) / 2, (COLS - w) / 2);
	if (!win)
		return NULL;
	keypad(win, TRUE);
	wtimeout(win, 500);
	wbkgdset(win, ' ' | draw_attr(UC_NORMAL));
	*panel = new_panel(win);
	return win;
}

void form_popup_end(WINDOW *w, PANEL *panel)
{
	if (panel)
		del_panel(panel);
	if (w)
		delwin(w);
	/* the panels below (and stdscr) get back what this one covered */
	update_panels();
	doupdate();
}

/* ---- layout and drawing ---- */

static int win_h(const struct form *fm)
{
	return getmaxy(fm->win);
}

static int win_w(const struct form *fm)
{
	return getmaxx(fm->win);
}

static const char *label_of(const struct form *fm, const struct form_field *f)
{
	return formdef_label(f->def, fm->ja);
}

/* Field column and usable width. */
static int field_x(const struct form *fm)
{
	return 2 + fm->label_w + 1;
}

static int field_room(const struct form *fm)
{
	int r = win_w(fm) - field_x(fm) - 2;
	return r < 4 ? 4 : r;
}

static int field_w(const struct form *fm, const struct form_field *f)
{
	/* one cell more than the text, for the cursor after it */
	int w = type_width(f->def) + (f->def->type == FT_MULTILINE ? 0 : 1);
	int room = field_room(fm);

	return w > room ? room : w;
}

/* Topics flow over rows: the row and column of item i. */
static int topics_layout(const struct form *fm, int *row, int *col, int upto)
{
	int room = field_room(fm), r = 0, c = 0;

	for (int t = 0; t < TOPIC_COUNT; t++) {
		const char *name;
		resolve_topic_menu(t, fm->ja, &name);
		int w = 4 + text_width(name);
		if (c > 0 && c + w > room) {
			r++;
			c = 0;
		}
		if (t == upto) {
			*row = r;
			*col = c;
			return 0;
		}
		c += w + 1;
	}
	return r + 1;
}

static int msg_lines(const struct form *fm, const struct form_field *f, char ***lines)
{
	if (!f->msg) {
		*lines = NULL;
		return 0;
	}
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "! %s", f->msg);
	int n = (int)text_wrap(strbuf_str(&sb), win_w(fm) - field_x(fm) - 2, lines);
	strbuf_release(&sb);
	return n;
}

static void layout(struct form *fm)
{
	int lw = 0;

	for (size_t i = 0; i < fm->n; i++) {
		int w = text_width(label_of(fm, &fm->f[i])) + (fm->f[i].def->required ? 2 : 0);
		if (w > lw)
			lw = w;
	}
	if (lw > win_w(fm) / 3)
		lw = win_w(fm) / 3;
	fm->label_w = lw;
	int y = 0;
	for (size_t i = 0; i < fm->n; i++) {
		struct form_field *f = &fm->f[i];
		int h = 1;
		if (f->def->type == FT_MULTILINE)
			h = f->def->height ? f->def->height : 3;
		else if (f->def->type == FT_TOPICS)
			h = topics_layout(fm, NULL, NULL, -1);
		char **lines;
		int m = msg_lines(fm, f, &lines);
		text_lines_free(lines);
		f->vy = y;
		f->vh = h + m;
		y += h + m;
	}
}

static int area_h(const struct form *fm)
{
	int h = win_h(fm) - 4;
	return h < 1 ? 1 : h;
}

static void scroll_to_cur(struct form *fm)
{
	if (!fm->n)
		return;
	struct form_field *f = &fm->f[fm->cur];
	int a = area_h(fm), extra = 0;

	if (f->def->type == FT_ORG && fm->popopen)
		extra = (int)(fm->npop < POPUP_ROWS ? fm->npop : POPUP_ROWS);
	if (f->vy + f->vh + extra > fm->top + a)
		fm->top = f->vy + f->vh + extra - a;
	if (f->vy < fm->top)
		fm->top = f->vy;
	if (fm->top < 0)
		fm->top = 0;
}

static void draw_choice(struct form *fm, struct form_field *f, int y, bool cur)
{
	int x = field_x(fm), w = field_w(fm, f);
	attr_t a = cur ? draw_attr(UC_SELECT) : draw_attr(UC_FIELD);

	if (w < 12)
		w = 12;
	if (w > field_room(fm))
		w = field_room(fm);
	if (f->disabled) {
		draw_text(fm->win, y, x, w, "-", draw_attr(UC_DIM), true);
		return;
	}
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "< %s >", f->n_opts ? f->opt_labels[f->choice] : "");
	draw_text(fm->win, y, x, w, strbuf_str(&sb), a, true);
	strbuf_release(&sb);
}

static void draw_topics(struct form *fm, struct form_field *f, int y, bool cur)
{
	int x = field_x(fm);

	for (int t = 0; t < TOPIC_COUNT; t++) {
		int r = 0, c = 0;
		topics_layout(fm, &r, &c, t);
		const char *name;
		resolve_topic_menu(t, fm->ja, &name);
		char buf[200];
		snprintf(buf, sizeof buf, "[%s] %s", f->bits & (1u << t) ? "x" : " ", name);
		attr_t a = cur && f->item == t ? draw_attr(UC_SELECT) : draw_attr(UC_NORMAL);
		draw_text(fm->win, y + r, x + c, text_width(buf), buf, a, false);
	}
}

static void draw_popup(struct form *fm, struct form_field *f, int y)
{
	int x = field_x(fm), w = field_room(fm), bottom = win_h(fm) - 3;

	for (size_t i = 0; i < fm->npop && i < POPUP_ROWS && y + (int)i < bottom; i++) {
		struct org *o = &fm->pop[i];
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, " %s", o->name);
		if (o->kana && *o->kana)
			strbuf_addf(&sb, " (%s)", o->kana);
		if (o->municipality)
			strbuf_addf(&sb, " %s", o->municipality);
		attr_t a = (int)i == fm->popcur ? draw_attr(UC_SELECT) : draw_attr(UC_TITLE);
		draw_text(fm->win, y + (int)i, x, w, strbuf_str(&sb), a, true);
		strbuf_release(&sb);
	}
	(void)f;
}

static void draw(struct form *fm)
{
	int W = win_w(fm), H = win_h(fm), a = area_h(fm);
	int cy = -1, cx = -1;
	bool show_cursor = false;

	werase(fm->win);
	if (W < 30 || H < 8) {
		draw_text(fm->win, 0, 0, W, _("The terminal is too small"), draw_attr(UC_WARN), true);
		wnoutrefresh(fm->win);
		update_panels();
		doupdate();
		return;
	}
	layout(fm);
	scroll_to_cur(fm);
	wattrset(fm->win, draw_attr(UC_NORMAL));
	draw_box_title(fm->win, formdef_title(fm->def, fm->ja), draw_attr(UC_TITLE));
	struct form_field *org_open = NULL;
	int org_y = 0;
	for (size_t i = 0; i < fm->n; i++) {
		struct form_field *f = &fm->f[i];
		int y = 1 + f->vy - fm->top;
		bool cur = i == fm->cur;
		int fh = f->vh;
		char **lines;
		int m = msg_lines(fm, f, &lines);
		fh -= m;
		if (f->vy < fm->top || f->vy + fh > fm->top + a) {
			text_lines_free(lines);
			continue;
		}
		struct strbuf lab = STRBUF_INIT;
		strbuf_adds(&lab, label_of(fm, f));
		if (f->def->required)
			strbuf_adds(&lab, " *");
		draw_text(fm->win, y, 2, fm->label_w, strbuf_str(&lab),
			  cur ? draw_attr(UC_TITLE) : f->disabled ? draw_attr(UC_DIM) : draw_attr(UC_NORMAL),
			  true);
		strbuf_release(&lab);
		if (is_text_type(f->def->type)) {
			int w = field_w(fm, f);
			lineedit_draw(fm->win, y, field_x(fm), w, fh, &f->le, draw_attr(UC_FIELD));
			if (cur) {
				getyx(fm->win, cy, cx);
				show_cursor = true;
			}
			if (f->def->type == FT_ORG) {
				int after = field_x(fm) + w + 1;
				if (f->org_id > 0 && after < W - 3)
					draw_text(fm->win, y, after, W - 1 - after, "✓", draw_attr(UC_DONE), false);
				if (cur && fm->popopen) {
					org_open = f;
					org_y = y + 1;
				}
			}
		} else if (is_choice_type(f->def->type)) {
			draw_choice(fm, f, y, cur);
		} else if (f->def->type == FT_TOPICS) {
			draw_topics(fm, f, y, cur);
		}
		for (int k = 0; k < m; k++)
			if (y + fh + k < H - 3)
				draw_text(fm->win, y + fh + k, field_x(fm), W - field_x(fm) - 2, lines[k],
					  draw_attr(UC_WARN), true);
		text_lines_free(lines);
	}
	if (org_open)
		draw_popup(fm, org_open, org_y);
	/* scroll marks */
	if (fm->top > 0)
		draw_text(fm->win, 1, W - 2, 1, "↑", draw_attr(UC_DIM), false);
	if (fm->n && fm->f[fm->n - 1].vy + fm->f[fm->n - 1].vh > fm->top + a)
		draw_text(fm->win, a, W - 2, 1, "↓", draw_attr(UC_DIM), false);
	/* status and help lines */
	if (fm->status[0])
		draw_text(fm->win, H - 3, 2, W - 4, fm->status,
			  fm->status_warn ? draw_attr(UC_WARN) : draw_attr(UC_NORMAL), true);
	if (fm->n)
		draw_text(fm->win, H - 2, 2, W - 4, formdef_help(fm->f[fm->cur].def, fm->ja),
			  draw_attr(UC_DIM), true);
	struct strbuf keys = STRBUF_INIT;
	strbuf_addf(&keys, " %s ", _("F2 Save  Esc Cancel  Tab Next"));
	if (fm->n && fm->f[fm->cur].def->type == FT_ORG)
		strbuf_addf(&keys, "%s ", _("F4 New organization"));
	if (fm->refused)
		strbuf_addf(&keys, "%s ", _("F8 Override"));
	int kw = text_width(strbuf_str(&keys));
	if (kw > W - 4)
		kw = W - 4;
	draw_text(fm->win, H - 1, 2, kw, strbuf_str(&keys), draw_attr(UC_FOOTER), false);
	strbuf_release(&keys);
	if (show_cursor && cy >= 0) {
		wmove(fm->win, cy, cx);
		curs_set(1);
	} else {
		curs_set(0);
	}
	wnoutrefresh(fm->win);
	update_panels();
	doupdate();
	if (show_cursor && cy >= 0) {
		/* update_panels may leave the cursor on another window */
		wmove(fm->win, cy, cx);
		wnoutrefresh(fm->win);
		doupdate();
	}
}

static void make_window(struct form *fm)
{
	int w = COLS < 84 ? COLS : 84;
	int h = LINES;

	if (fm->panel)
		del_panel(fm->panel);
	if (fm->win)
		delwin(fm->win);
	fm->win = newwin(h, w, 0, (COLS - w) / 2);
	keypad(fm->win, TRUE);
	wtimeout(fm->win, 500);
	wbkgdset(fm->win, ' ' | draw_attr(UC_NORMAL));
	fm->panel = new_panel(fm->win);
	/* a short form gets a shorter window */
	layout(fm);
	int need = fm->n ? fm->f[fm->n - 1].vy + fm->f[fm->n - 1].vh + 4 + POPUP_ROWS : 8;
	if (need < h) {
		del_panel(fm->panel);
		delwin(fm->win);
		fm->win = newwin(need, w, (LINES - need) / 2, (COLS - w) / 2);
		keypad(fm->win, TRUE);
		wtimeout(fm->win, 500);
		wbkgdset(fm->win, ' ' | draw_attr(UC_NORMAL));
		fm->panel = new_panel(fm->win);
	}
}

/* ---- behaviour ---- */

static int collect_org(const struct org *o, void *arg)
{
	struct form *fm = arg;

	fm->pop = xrealloc(fm->pop, (fm->npop + 1) * sizeof *fm->pop);
	struct org *c = &fm->pop[fm->npop++];
	memset(c, 0, sizeof *c);
	c->id = o->id;
	c->name = xstrdup(o->name ? o->name : "");
	c->kana = o->kana ? xstrdup(o->kana) : NULL;
	c->municipality = o->municipality ? xstrdup(o->municipality) : NULL;
	c->type = o->type;
	return 0;
}

static void org_popup_search(struct form *fm, struct form_field *f)
{
	const char *q = lineedit_text(&f->le);
	struct err e;

	popup_clear(fm);
	if (f->org_name && !strcmp(q, f->org_name))
		return;
	f->org_id = 0;
	if (!*q || !fm->app->db)
		return;
	if (org_search(&fm->app->desk, q, 20, collect_org, fm, &e) < 0) {
		form_status(fm, true, "%s", e.msg);
		return;
	}
	fm->popopen = fm->npop > 0;
}

static void org_pick(struct form *fm, struct form_field *f, size_t i)
{
	if (i >= fm->npop)
		return;
	char *name = xstrdup(fm->pop[i].name);
	form_set_org(fm, f->def->name, fm->pop[i].id, name);
	free(name);
	free(f->msg);
	f->msg = NULL;
	popup_clear(fm);
	fm->changed = true;
}

/* Leaving an org field with a name typed: the exact name, or the only
 * match, is taken. */
static void org_settle(struct form *fm, struct form_field *f)
{
	const char *q = lineedit_text(&f->le);

	if (f->org_id > 0 || !*q || !fm->app->db)
		return;
	if (fm->popopen && fm->npop == 1) {
		org_pick(fm, f, 0);
		return;
	}
	/* core's reading of an organization (id, exact name or the one
	 * match), the same as the command line's --org */
	struct org o;
	struct err e;
	long long id;
	if (resolve_org(&fm->app->desk, q, f->def->name, &id, &e) == 0 &&
	    org_get(&fm->app->desk, id, &o, &e) == 0) {
		form_set_org(fm, f->def->name, o.id, o.name);
		org_release(&o);
	}
	popup_clear(fm);
}

/* Check a field's value as typed: date, time, minutes, read as core
 * reads them (core/resolve.h), so the form accepts what a save takes. */
static void check_field(struct form *fm, struct form_field *f)
{
	const char *s = lineedit_text(&f->le);
	const char *key = f->def->name;
	struct err e;
	int v, rc = 0;

	if (!is_text_type(f->def->type) || !*s)
		return;
	free(f->msg);
	f->msg = NULL;
	err_clear(&e);
	if (f->def->type == FT_DATE)
		rc = resolve_date(&fm->app->desk, s, key, false, &v, &e);
	else if (f->def->type == FT_TIME)
		rc = resolve_time(s, key, &v, &e);
	else if (f->def->type == FT_MINUTES)
		rc = resolve_minutes(s, key, &v, &e);
	if (rc < 0)
		f->msg = xstrdup(e.msg);
}

static void move_focus(struct form *fm, int dir)
{
	struct form_field *f = &fm->f[fm->cur];

	if (f->def->type == FT_ORG)
		org_settle(fm, f);
	check_field(fm, f);
	popup_clear(fm);
	for (size_t k = 0; k < fm->n; k++) {
		fm->cur = (fm->cur + fm->n + (size_t)(long)dir) % fm->n;
		if (!fm->f[fm->cur].disabled)
			break;
	}
}

/* Validation before save: required fields and well-formed values.
 * Returns 0, or -1 with the first bad field focused. */
static int validate(struct form *fm)
{
	int bad = -1;

	for (size_t i = 0; i < fm->n; i++) {
		struct form_field *f = &fm->f[i];
		if (f->disabled)
			continue;
		if (f->def->type == FT_ORG)
			org_settle(fm, f);
		check_field(fm, f);
		bool empty = false;
		if (f->def->type == FT_ORG)
			empty = f->org_id <= 0;
		else if (is_text_type(f->def->type))
			empty = !*lineedit_text(&f->le);
		else if (is_choice_type(f->def->type))
			empty = !f->n_opts || !*f->opts[f->choice];
		else if (f->def->type == FT_TOPICS)
			empty = f->bits == 0;
		if (f->def->type == FT_ORG && f->org_id <= 0 && *lineedit_text(&f->le)) {
			free(f->msg);
			f->msg = xstrdup(_("pick an organization from the list, or press F4 to add it"));
		} else if (f->def->required && empty && !f->msg) {
			f->msg = xstrdup(_("required"));
		}
		if (f->msg && bad < 0)
			bad = (int)i;
	}
	if (bad >= 0) {
		fm->cur = (size_t)bad;
		form_status(fm, true, "%s", _("Please correct the marked fields"));
		return -1;
	}
	return 0;
}

static int try_save(struct form *fm, const char *override)
{
	bool refused = false;

	form_clear_msgs(fm);
	if (validate(fm) < 0)
		return 0;
	int rc = fm->save(fm, override, &refused, fm->arg);
	fm->refused = refused && rc == 0;
	if (fm->refused && !fm->status[0])
		form_status(fm, true, "%s", _("Refused by a desk rule: F8 books anyway with a reason"));
	return rc;
}

static void topics_key(struct form_field *f, int ch, bool kc, struct form *fm)
{
	if (kc && ch == KEY_LEFT && f->item > 0)
		f->item--;
	else if (kc && ch == KEY_RIGHT && f->item + 1 < TOPIC_COUNT)
		f->item++;
	else if (!kc && (ch == ' ' || ch == 'x')) {
		f->bits ^= 1u << f->item;
		fm->changed = true;
	} else if (!kc && ch >= '1' && ch < '1' + TOPIC_COUNT) {
		f->item = ch - '1';
		f->bits ^= 1u << f->item;
		fm->changed = true;
	}
}

static bool choice_key(struct form *fm, struct form_field *f, int ch, bool kc)
{
	if (!f->n_opts)
		return false;
	if ((kc && ch == KEY_RIGHT) || (!kc && ch == ' ')) {
		f->choice = (f->choice + 1) % (int)f->n_opts;
	} else if (kc && ch == KEY_LEFT) {
		f->choice = (f->choice + (int)f->n_opts - 1) % (int)f->n_opts;
	} else {
		return false;
	}
	fm->changed = true;
	return true;
}

/* A field was changed by the user: its message and any refusal go. */
static void field_changed(struct form *fm, struct form_field *f)
{
	fm->changed = true;
	fm->refused = false;
	free(f->msg);
	f->msg = NULL;
	fm->status[0] = '\0';
}

/* Called after every change: the room field follows the channel. */
static void sync_fields(struct form *fm)
{
	struct form_field *room = NULL, *channel = form_get(fm, "channel");

	for (size_t i = 0; i < fm->n; i++)
		if (fm->f[i].def->type == FT_ROOM)
			room = &fm->f[i];
	if (room && channel && channel->n_opts) {
		room->disabled = !resolve_channel_is_visit(channel->opts[channel->choice]);
	}
}

int form_run(struct form *fm)
{
	int rc = 0, prev_cursor;

	sync_fields(fm);
	if (fm->n && fm->f[fm->cur].disabled)
		move_focus(fm, 1);
	make_window(fm);
	prev_cursor = curs_set(1);
	for (;;) {
		wint_t wc;
		draw(fm);
		/* Ctrl-S reaches us instead of stopping the terminal; again
		 * each time, as a nested form ends in cbreak mode */
		raw();
		int r = wget_wch(fm->win, &wc);
		if (ui_quit_requested()) {
			rc = 0;
			break;
		}
		if (r == ERR)
			continue;
		bool kc = r == KEY_CODE_YES;
		int ch = (int)wc;
		struct form_field *f = fm->n ? &fm->f[fm->cur] : NULL;
		if (kc && ch == KEY_RESIZE) {
			make_window(fm);
			continue;
		}
		if (!f) {
			if (!kc && ch == 27)
				break;
			continue;
		}
		if ((kc && ch == KEY_F(2)) || (!kc && ch == KEY_CTRL('S'))) {
			if (try_save(fm, NULL) == 1) {
				rc = 1;
				break;
			}
			continue;
		}
		if (!kc && ch == 27) {
			if (fm->popopen) {
				popup_clear(fm);
				continue;
			}
			if (!fm->changed || ui_confirm(fm->app, _("Discard what you typed?")))
				break;
			touchwin(fm->win);
			continue;
		}
		if (fm->refused && ((kc && ch == KEY_F(8)) || (!kc && ch == KEY_CTRL('O')))) {
			char reason[501] = "";
			if (ui_prompt(fm->app, _("Override a desk rule"), _("Reason:"), reason,
				      sizeof reason) && *text_trim(reason)) {
				if (try_save(fm, text_trim(reason)) == 1) {
					rc = 1;
					break;
				}
			}
			touchwin(fm->win);
			continue;
		}
		if (f->def->type == FT_ORG &&
		    ((kc && ch == KEY_F(4)) || (!kc && ch == KEY_CTRL('N')))) {
			long long id = ui_org_dialog_new(fm->app, lineedit_text(&f->le));
			if (id > 0) {
				struct org o;
				struct err e;
				if (org_get(&fm->app->desk, id, &o, &e) == 0) {
					form_set_org(fm, f->def->name, o.id, o.name);
					org_release(&o);
					fm->changed = true;
				}
			}
			popup_clear(fm);
			touchwin(fm->win);
			continue;
		}
		bool enter = (!kc && (ch == '\r' || ch == '\n')) || (kc && ch == KEY_ENTER);
		if (f->def->type == FT_ORG && fm->popopen) {
			if (kc && ch == KEY_DOWN) {
				if (fm->popcur + 1 < (int)fm->npop && fm->popcur + 1 < POPUP_ROWS)
					fm->popcur++;
				continue;
			}
			if (kc && ch == KEY_UP) {
				if (fm->popcur > 0)
					fm->popcur--;
				else
					popup_clear(fm);
				continue;
			}
			if (enter) {
				org_pick(fm, f, (size_t)fm->popcur);
				continue;
			}
		}
		/* the field's own keys */
		if (is_text_type(f->def->type)) {
			char *before = xstrdup(lineedit_text(&f->le));
			enum lineedit_key_result k = lineedit_key(&f->le, ch, kc);
			if (k == LINEEDIT_KEY_DONE) {
				if (strcmp(before, lineedit_text(&f->le))) {
					field_changed(fm, f);
					if (f->def->type == FT_ORG)
						org_popup_search(fm, f);
				}
				free(before);
				continue;
			}
			free(before);
			if (k == LINEEDIT_KEY_REFUSED) {
				beep();
				form_status(fm, true, "%s", _("That does not fit in this field"));
				continue;
			}
		} else if (is_choice_type(f->def->type)) {
			if (choice_key(fm, f, ch, kc)) {
				field_changed(fm, f);
				sync_fields(fm);
				continue;
			}
		} else if (f->def->type == FT_TOPICS) {
			int before = f->item;
			unsigned bits = f->bits;
			topics_key(f, ch, kc, fm);
			if (bits != f->bits)
				field_changed(fm, f);
			if (before != f->item || bits != f->bits)
				continue;
		}
		/* moving between fields */
		if ((!kc && ch == '\t') || (kc && ch == KEY_DOWN)) {
			move_focus(fm, 1);
		} else if (kc && (ch == KEY_BTAB || ch == KEY_UP)) {
			move_focus(fm, -1);
		} else if (enter) {
			size_t last = fm->n - 1;
			while (last > 0 && fm->f[last].disabled)
				last--;
			if (fm->cur == last) {
				if (try_save(fm, NULL) == 1) {
					rc = 1;
					break;
				}
			} else {
				move_focus(fm, 1);
			}
		}
	}
	noraw();
	cbreak();
	curs_set(prev_cursor < 0 ? 0 : prev_cursor);
	form_popup_end(fm->win, fm->panel);
	fm->win = NULL;
	fm->panel = NULL;
	return rc;
}
