#include "ui/dialog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "core/appt.h"
#include "core/config.h"
#include "core/resolve.h"
#include "core/formdef.h"
#include "core/inquiry.h"
#include "core/org.h"
#include "db/db_appt.h"
#include "db/db_extra.h"
#include "db/db_org.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lineedit.h"
#include "ui/paste.h"
#include "ui/ui_internal.h"
#include "ui/ui_mail.h"
#include "db/db_mail.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/mem.h"
#include "util/text.h"

long long ui_org_dialog_new(struct app *app, const char *name);

/* ---- small dialogs ---- */

/* A bracketed paste is read whole (into paste, or thrown away) and
 * comes back as KEY_CODE_YES PASTE_KEY: no pasted byte acts as a key. */
static int read_key_paste(WINDOW *w, wint_t *wc, struct strbuf *paste)
{
	for (;;) {
		int r = wget_wch(w, wc);
		if (ui_quit_requested())
			return -1;
		if (r == KEY_CODE_YES && *wc == PASTE_KEY)
			paste_read(w, paste);
		if (r != ERR)
			return r;
	}
}

int ui_dialog_key(WINDOW *w, wint_t *wc)
{
	return read_key_paste(w, wc, NULL);
}

/* Wrap text into lines of cols columns (at most max lines). */
static size_t wrap(const char *text, int cols, char ***lines)
{
	return text_wrap(text ? text : "", cols < 4 ? 4 : cols, lines);
}

void ui_message(struct app *app, const char *title, const char *text)
{
	(void)app;
	for (;;) {
		int w = COLS - 4 < 70 ? COLS - 4 : 70;
		char **lines;
		size_t n = wrap(text, w - 4, &lines);
		int h = (int)n + 4;
		PANEL *p;
		WINDOW *win = form_popup_win(h, w, &p);
		if (!win) {
			text_lines_free(lines);
			return;
		}
		curs_set(0);
		draw_box_title(win, title, draw_attr(UC_TITLE));
		for (size_t i = 0; i < n && (int)i + 1 < getmaxy(win) - 2; i++)
			draw_text(win, 1 + (int)i, 2, w - 4, lines[i], draw_attr(UC_NORMAL), true);
		draw_text(win, getmaxy(win) - 2, 2, w - 4, _("Press any key"), draw_attr(UC_DIM), true);
		text_lines_free(lines);
		update_panels();
		doupdate();
		wint_t wc;
		int r = ui_dialog_key(win, &wc);
		form_popup_end(win, p);
		if (r == KEY_CODE_YES && (wc == KEY_RESIZE || wc == PASTE_KEY))
			continue;
		return;
	}
}

int ui_confirm(struct app *app, const char *question)
{
	(void)app;
	for (;;) {
		int w = COLS - 4 < 64 ? COLS - 4 : 64;
		char **lines;
		size_t n = wrap(question, w - 4, &lines);
		PANEL *p;
		WINDOW *win = form_popup_win((int)n + 4, w, &p);
		if (!win) {
			text_lines_free(lines);
			return 0;
		}
		curs_set(0);
		draw_box_title(win, _("Confirm"), draw_attr(UC_TITLE));
		for (size_t i = 0; i < n && (int)i + 1 < getmaxy(win) - 2; i++)
			draw_text(win, 1 + (int)i, 2, w - 4, lines[i], draw_attr(UC_NORMAL), true);
		draw_text(win, getmaxy(win) - 2, 2, w - 4, _("y: yes   n or Esc: no"),
			  draw_attr(UC_FOOTER), false);
		text_lines_free(lines);
		update_panels();
		doupdate();
		wint_t wc;
		int r = ui_dialog_key(win, &wc);
		form_popup_end(win, p);
		if (r < 0)
			return 0;
		if (r == KEY_CODE_YES) {
			if (wc == KEY_RESIZE)
				continue;
			continue;
		}
		if (wc == 'y' || wc == 'Y' || wc == L'ｙ')
			return 1;
		if (wc == 'n' || wc == 'N' || wc == 27 || wc == L'ｎ')
			return 0;
	}
}

int ui_prompt(struct app *app, const char *title, const char *label, char *buf, size_t n)
{
	struct lineedit le;
	int rc = 0, prev = curs_set(1);
	char msg[200] = "";

	(void)app;
	if (!buf || n == 0)
		return 0;
	lineedit_init(&le, false, 0, 0);
	if (*buf)
		lineedit_set_text(&le, buf);
	lineedit_select_all(&le);	/* typing replaces the old answer */
	for (bool again = true; again;) {
		again = false;
		int w = COLS - 4 < 70 ? COLS - 4 : 70;
		PANEL *p;
		WINDOW *win = form_popup_win(6, w, &p);
		if (!win)
			break;
		for (;;) {
			werase(win);
			draw_box_title(win, title, draw_attr(UC_TITLE));
			draw_text(win, 1, 2, w - 4, label, draw_attr(UC_NORMAL), true);
			draw_text(win, 3, 2, w - 4, msg[0] ? msg : _("Enter: OK   Esc: cancel"),
				  msg[0] ? draw_attr(UC_WARN) : draw_attr(UC_DIM), true);
			lineedit_draw(win, 2, 2, w - 4, 1, &le, draw_attr(UC_FIELD));
			int cy, cx;
			getyx(win, cy, cx);
			wnoutrefresh(win);
			update_panels();
			wmove(win, cy, cx);
			wnoutrefresh(win);
			doupdate();
			wint_t wc;
			struct strbuf paste = STRBUF_INIT;
			int r = read_key_paste(win, &wc, &paste), dropped = 0;
			if (r == KEY_CODE_YES && wc == PASTE_KEY) {
				if (lineedit_paste(&le, paste.buf, paste.len, &dropped) < 0)
					snprintf(msg, sizeof msg, "%s", _("The paste does not fit here: nothing was added"));
				else if (dropped)
					snprintf(msg, sizeof msg, _("Paste: %d not-text parts left out"), dropped);
				else
					msg[0] = '\0';
				strbuf_release(&paste);
				continue;
			}
			strbuf_release(&paste);
			if (r < 0)
				break;
			bool kc = r == KEY_CODE_YES;
			if (kc && wc == KEY_RESIZE) {
				again = true;
				break;
			}
			if (!kc && wc == 27)
				break;
			if ((!kc && (wc == '\r' || wc == '\n')) || (kc && wc == KEY_ENTER)) {
				const char *t = lineedit_text(&le);
				if (strlen(t) >= n) {
					snprintf(msg, sizeof msg, "%s", _("That is too long"));
					continue;
				}
				memcpy(buf, t, strlen(t) + 1);
				rc = 1;
				break;
			}
			msg[0] = '\0';
			if (lineedit_key(&le, (int)wc, kc) == LINEEDIT_KEY_REFUSED)
				beep();
		}
		form_popup_end(win, p);
	}
	lineedit_release(&le);
	curs_set(prev < 0 ? 0 : prev);
	return rc;
}

/* ---- forms ---- */

/* Load form NAME with the site's additions; a broken site file is
 * reported and the form works without it. */
static int load_form(struct app *app, const char *name, struct formdef *fd)
{
	char dir[1024];
	struct err e;

	err_clear(&e);
	config_dir(dir, sizeof dir);
	if (formdef_load(fd, name, dir, &e) < 0) {
		ui_message(app, _("Form definition"), e.msg);
		if (!fd->n) {
			formdef_release(fd);
			return -1;
		}
	}
	return 0;
}

/* Site fields: their values into an extra_list. */
static void collect_extras(struct form *fm, struct extra_list *l)
{
	for (size_t i = 0; i < fm->n; i++) {
		const struct formdef_field *d = fm->f[i].def;
		if (d->site)
			extra_list_add(l, d->name, d->type == FT_CHOICE ? form_choice(fm, d->name)
									: form_text(fm, d->name));
	}
}

static void load_extras(struct form *fm, const char *tbl, long long id)
{
	struct extra_list l = { NULL, 0 };
	struct err e;

	if (db_extra_get(fm->app->db, tbl, id, &l, &e) < 0)
		return;
	for (size_t i = 0; i < l.n; i++) {
		struct form_field *f = form_get(fm, l.v[i].key);
		if (!f || !f->def->site)
			continue;
		if (f->def->type == FT_CHOICE)
			form_set_choice(fm, l.v[i].key, l.v[i].value);
		else
			form_set_text(fm, l.v[i].key, l.v[i].value);
	}
	extra_list_release(&l);
}

/* Show a refusal from core at the field its key names (the cursor on
 * it), else in the status line. */
static void show_refusal(struct form *fm, const struct err *e)
{
	if (e->field[0] && form_get(fm, e->field)) {
		form_set_msg(fm, e->field, e->msg);
		form_focus(fm, e->field);
	} else {
		form_status(fm, true, "%s", e->msg);
	}
}

struct appt_dialog {
	struct appt a;		/* the record edited (edit) or the prefill (book) */
	bool editing;
	const struct formdef *fd;
	char refusal[256];	/* the refusal shown, which an override answers */
	bool changed;		/* the save wrote something (a letter may follow) */
};

/* A form value for a request: NULL when the form has no such field. */
static const char *form_value(struct form *fm, const char *name)
{
	struct form_field *f = form_get(fm, name);

	if (!f || f->disabled)
		return f ? "" : NULL;
	enum formdef_type t = f->def->type;

	return t == FT_CHOICE || t == FT_ROOM || t == FT_TOPIC ? form_choice(fm, name)
							       : form_text(fm, name);
}

/* An id as a request names it: "#ID" (into buf). */
static const char *id_ref(char *buf, size_t n, long long id)
{
	snprintf(buf, n, "#%lld", id);
	return buf;
}

/* The organization field for a request: "#ID" when one was picked,
 * else the text typed (core finds it); when the form has no such
 * field, dflt (> 0) or NULL. */
static const char *org_value(struct form *fm, char *buf, size_t n, long long dflt)
{
	struct form_field *of = form_get(fm, "org");

	if (!of)
		return dflt > 0 ? id_ref(buf, n, dflt) : NULL;
	return of->org_id > 0 ? id_ref(buf, n, of->org_id) : lineedit_text(&of->le);
}

/* The staff field for a request: "#ID", "" for nobody; when the form
 * has no such field, dflt (> 0) or NULL. */
static const char *staff_value(struct form *fm, char *buf, size_t n, long long dflt)
{
	long long sid;

	if (!form_get(fm, "staff"))
		return dflt > 0 ? id_ref(buf, n, dflt) : NULL;
	sid = form_staff(fm, "staff");
	buf[0] = '\0';
	return sid > 0 ? id_ref(buf, n, sid) : buf;
}

static int save_appt(struct form *fm, const char *override, bool *refused, void *arg)
{
	struct appt_dialog *ad = arg;
	struct app *app = fm->app;
	struct appt_req r = { 0 };
	struct appt_result res;
	struct extra_list extras = { NULL, 0 };
	struct strbuf topics = STRBUF_INIT;
	char org[32], staff[32];
	struct err e;
	int rc = 0;

	err_clear(&e);
	if (db_readonly(app->db)) {
		form_status(fm, true, "%s", _("The database is read-only: viewing only"));
		return 0;
	}
	r.id = ad->editing ? ad->a.id : 0;
	r.date = form_value(fm, "date");
	r.start = form_value(fm, "start");
	r.minutes = form_value(fm, "minutes");
	r.channel = form_value(fm, "channel");
	r.via = form_value(fm, "via");
	/* a field the site's form leaves out keeps what the booking was given */
	r.org = org_value(fm, org, sizeof org, ad->editing ? 0 : ad->a.org_id);
	r.contact = form_value(fm, "contact");
	r.phone = form_value(fm, "phone");
	r.staff = staff_value(fm, staff, sizeof staff, ad->editing ? 0 : ad->a.staff_id);
	r.room = form_value(fm, "room");
	struct form_field *tf = form_get(fm, "topics");
	if (tf) {
		resolve_topics_str(tf->bits, false, ",", &topics);
		r.topics = strbuf_str(&topics);
	}
	r.note = form_value(fm, "note");
	char inquiry[32];
	if (!ad->editing && ad->a.inquiry_id > 0) {
		snprintf(inquiry, sizeof inquiry, "%lld", ad->a.inquiry_id);
		r.inquiry = inquiry;
	}
	if (override) {
		r.override = override;
		r.override_for = ad->refusal;
	}
	collect_extras(fm, &extras);
	r.form = ad->fd;
	r.extras = &extras;
	if (appt_request(&app->desk, &r, &res, &e) < 0) {
		show_refusal(fm, &e);
		if (e.code == ERR_RULE) {
			*refused = true;
			snprintf(ad->refusal, sizeof ad->refusal, "%s", e.refusal);
			form_status(fm, true, "%s", _("Refused by a desk rule: F8 books anyway with a reason"));
		}
		goto out;
	}
	ad->a.id = res.id;
	ad->changed = res.changed;
	rc = 1;
out:
	extra_list_release(&extras);
	strbuf_release(&topics);
	return rc;
}

static void appt_to_form(struct form *fm, const struct appt *a, struct app *app)
{
	char buf[DATE_STRLEN];

	if (a->day > 0)
		form_set_text(fm, "date", date_format(a->day, buf));
	if (a->start_min >= 0 && (a->day > 0 || a->start_min > 0))
		form_set_text(fm, "start", time_format(a->start_min, buf));
	snprintf(buf, sizeof buf, "%d", a->minutes > 0 ? a->minutes : app->cfg.slot);
	form_set_text(fm, "minutes", buf);
	form_set_choice(fm, "channel", channel_code[a->channel]);
	form_set_choice(fm, "via", booked_via_code[a->booked_via]);
	if (a->org_id > 0) {
		struct org o;
		struct err e;
		if (db_org_get(app->db, a->org_id, &o, &e) == 0) {
			form_set_org(fm, "org", o.id, o.name);
			org_release(&o);
		}
	}
	if (a->contact_name)
		form_set_text(fm, "contact", a->contact_name);
	if (a->contact_phone)
		form_set_text(fm, "phone", a->contact_phone);
	if (a->staff_id > 0)
		form_set_staff(fm, "staff", a->staff_id);
	if (a->room)
		form_set_choice(fm, "room", a->room);
	struct form_field *t = form_get(fm, "topics");
	if (t)
		t->bits = a->topics;
	if (a->note)
		form_set_text(fm, "note", a->note);
}

static int appt_dialog(struct app *app, struct appt_dialog *ad)
{
	struct formdef fd;
	struct form fm;
	int rc;

	if (load_form(app, "appointment", &fd) < 0)
		return 0;
	ad->fd = &fd;
	form_init(&fm, app, &fd, save_appt, ad);
	appt_to_form(&fm, &ad->a, app);
	if (ad->editing) {
		load_extras(&fm, "appointment", ad->a.id);
		char title[200];
		snprintf(title, sizeof title, "%s #%lld", formdef_title(&fd, fm.ja), ad->a.id);
		free(fd.title_ja);
		free(fd.title);
		fd.title = xstrdup(title);
		fd.title_ja = NULL;
	} else {
		/* the first field still to fill */
		form_focus(&fm, ad->a.org_id > 0 ? "contact" : "org");
		if (ad->a.day <= 0)
			form_focus(&fm, "date");
	}
	rc = form_run(&fm);
	form_release(&fm);
	formdef_release(&fd);
	return rc;
}

int ui_book_dialog(struct app *app, struct appt *prefill)
{
	struct appt_dialog ad;
	int rc;

	memset(&ad, 0, sizeof ad);
	if (prefill) {
		ad.a.day = prefill->day;
		ad.a.start_min = prefill->start_min;
		ad.a.minutes = prefill->minutes;
		ad.a.channel = prefill->channel;
		ad.a.booked_via = prefill->booked_via;
		ad.a.org_id = prefill->org_id;
		ad.a.staff_id = prefill->staff_id;
		ad.a.inquiry_id = prefill->inquiry_id;
		ad.a.topics = prefill->topics;
		ad.a.room = prefill->room;	/* borrowed; not freed here */
		ad.a.note = prefill->note;
		ad.a.contact_name = prefill->contact_name;	/* borrowed too */
		ad.a.contact_phone = prefill->contact_phone;
	}
	if (ad.a.minutes <= 0)
		ad.a.minutes = app->cfg.slot;
	rc = appt_dialog(app, &ad);
	if (rc == 1 && prefill)
		prefill->id = ad.a.id;
	if (rc == 1)
		ui_mail_offer(app, ad.a.id, MAIL_BOOKED, NULL, 0);
	return rc;
}

int ui_edit_dialog(struct app *app, long long appt_id)
{
	struct appt_dialog ad;
	struct err e;
	int rc;

	memset(&ad, 0, sizeof ad);
	if (db_appt_get(app->db, appt_id, &ad.a, &e) < 0) {
		ui_message(app, _("Edit"), e.msg);
		return 0;
	}
	ad.editing = true;
	rc = appt_dialog(app, &ad);
	if (rc == 1 && ad.changed)
		ui_mail_offer(app, appt_id, MAIL_CHANGED, NULL, 0);
	appt_release(&ad.a);
	return rc;
}

/* ---- organizations ---- */

struct org_dialog {
	long long id;
};

static int save_org(struct form *fm, const char *override, bool *refused, void *arg)
{
	struct org_dialog *od = arg;
	struct app *app = fm->app;
	struct org_req r = { 0 };
	struct org_result res;
	struct extra_list extras = { NULL, 0 };
	struct err e;
	int rc = 0;

	(void)override;
	(void)refused;
	err_clear(&e);
	if (db_readonly(app->db)) {
		form_status(fm, true, "%s", _("The database is read-only: viewing only"));
		return 0;
	}
	r.id = od->id;
	r.name = form_value(fm, "name");
	r.kana = form_value(fm, "kana");
	r.type = form_value(fm, "type");
	r.municipality = form_value(fm, "municipality");
	r.phone = form_value(fm, "phone");
	r.email = form_value(fm, "email");
	r.address = form_value(fm, "address");
	r.note = form_value(fm, "note");
	collect_extras(fm, &extras);
	r.form = fm->def;
	r.extras = &extras;
	if (org_request(&app->desk, &r, &res, &e) < 0) {
		show_refusal(fm, &e);
		goto out;
	}
	od->id = res.id;
	rc = 1;
out:
	extra_list_release(&extras);
	return rc;
}

static long long org_dialog(struct app *app, long long org_id, const char *name)
{
	struct formdef fd;
	struct form fm;
	struct org_dialog od = { org_id };
	int rc;

	if (load_form(app, "organization", &fd) < 0)
		return 0;
	form_init(&fm, app, &fd, save_org, &od);
	if (org_id > 0) {
		struct org o;
		struct err e;
		if (db_org_get(app->db, org_id, &o, &e) < 0) {
			ui_message(app, _("Organization"), e.msg);
			form_release(&fm);
			formdef_release(&fd);
			return 0;
		}
		form_set_text(&fm, "name", o.name);
		form_set_text(&fm, "kana", o.kana);
		form_set_choice(&fm, "type", org_type_code[o.type]);
		form_set_text(&fm, "municipality", o.municipality);
		form_set_text(&fm, "phone", o.phone);
		form_set_text(&fm, "email", o.email);
		form_set_text(&fm, "address", o.address);
		form_set_text(&fm, "note", o.note);
		org_release(&o);
		load_extras(&fm, "organization", org_id);
	} else if (name && *name) {
		/* what was typed in a search: a name, or a kana reading */
		bool kana = true;
		for (const char *s = name; *s;) {
			unsigned cp;
			size_t l = text_utf8_decode(s, strlen(s), &cp);
			if (!l)
				break;
			if (!((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xFF66 && cp <= 0xFF9F)))
				kana = false;
			s += l;
		}
		form_set_text(&fm, kana ? "kana" : "name", name);
		form_focus(&fm, kana ? "name" : "kana");
	}
	rc = form_run(&fm);
	form_release(&fm);
	formdef_release(&fd);
	return rc == 1 ? od.id : 0;
}

long long ui_org_dialog_new(struct app *app, const char *name)
{
	return org_dialog(app, 0, name);
}

int ui_org_dialog(struct app *app, long long org_id)
{
	return (int)org_dialog(app, org_id, NULL);
}

/* ---- inquiries ---- */

void ui_form_load_extras(struct form *fm, const char *tbl, long long id)
{
	load_extras(fm, tbl, id);
}

int ui_inquiry_save(struct form *fm, long long id, long long *saved_id)
{
	struct app *app = fm->app;
	struct inquiry_req r = { 0 };
	struct inquiry_result res;
	struct extra_list extras = { NULL, 0 };
	char org[32], staff[32];
	struct err e;
	int rc = 0;

	err_clear(&e);
	if (db_readonly(app->db)) {
		form_status(fm, true, "%s", _("The database is read-only: viewing only"));
		return 0;
	}
	r.id = id;
	r.date = form_value(fm, "date");
	r.time = form_value(fm, "time");
	r.channel = form_value(fm, "channel");
	r.org = org_value(fm, org, sizeof org, 0);
	r.contact = form_value(fm, "contact");
	r.phone = form_value(fm, "phone");
	r.email = form_value(fm, "email");
	r.topic = form_value(fm, "topic");
	r.summary = form_value(fm, "summary");
	r.due = form_value(fm, "due");
	r.staff = staff_value(fm, staff, sizeof staff, 0);
	r.referred_to = form_value(fm, "referred_to");
	collect_extras(fm, &extras);
	r.form = fm->def;
	r.extras = &extras;
	if (inquiry_request(&app->desk, &r, &res, &e) < 0) {
		show_refusal(fm, &e);
		goto out;
	}
	if (saved_id)
		*saved_id = res.id;
	rc = 1;
out:
	extra_list_release(&extras);
	return rc;
}

struct inq_dialog {
	long long id;
};

static int save_inquiry(struct form *fm, const char *override, bool *refused, void *arg)
{
	struct inq_dialog *qd = arg;

	(void)override;
	(void)refused;
	return ui_inquiry_save(fm, 0, &qd->id);
}

long long ui_inquiry_dialog(struct app *app, long long org_id)
{
	struct formdef fd;
	struct form fm;
	struct inq_dialog qd = { 0 };
	char buf[DATE_STRLEN];
	int rc;

	if (load_form(app, "inquiry", &fd) < 0)
		return 0;
	form_init(&fm, app, &fd, save_inquiry, &qd);
	form_set_text(&fm, "date", date_format(clock_today(&app->clock), buf));
	form_set_text(&fm, "time", time_format(clock_minute(&app->clock), buf));
	if (org_id > 0) {
		struct org o;
		struct err e;
		if (db_org_get(app->db, org_id, &o, &e) == 0) {
			form_set_org(&fm, "org", o.id, o.name);
			org_release(&o);
		}
	}
	form_focus(&fm, org_id > 0 ? "contact" : "org");
	rc = form_run(&fm);
	form_release(&fm);
	formdef_release(&fd);
	return rc == 1 ? qd.id : 0;
}

/* ---- the start hook ---- */

int ui_dialog_start_hook(struct app *app)
{
	const char *s = getenv("MADOGUCHI_UI_START");

	if (!s || !*s)
		return 0;
	if (!strncmp(s, "book", 4)) {
		struct appt a;
		memset(&a, 0, sizeof a);
		a.minutes = app->cfg.slot;
		a.day = clock_today(&app->clock);
		/* book:YYYY-MM-DD:HH:MM */
		if (s[4] == ':') {
			char date[11] = "";
			snprintf(date, sizeof date, "%s", s + 5);
			if (date_parse(date, &a.day) < 0)
				a.day = clock_today(&app->clock);
			if (strlen(s + 5) > 11)
				time_parse(s + 16, &a.start_min, false);
		} else {
			a.start_min = app->cfg.open_min;
		}
		ui_book_dialog(app, &a);
	} else if (!strncmp(s, "edit:", 5)) {
		ui_edit_dialog(app, atoll(s + 5));
	} else if (!strcmp(s, "inquiry")) {
		ui_inquiry_dialog(app, 0);
	} else if (!strncmp(s, "org", 3)) {
		ui_org_dialog(app, s[3] == ':' ? atoll(s + 4) : 0);
	} else {
		return 0;
	}
	return 1;
}
