/* The inquiry log on screen: the list (filters by status, channel,
 * staff, organization, topic, dates and overdue; full-text search that
 * answers on every keystroke) and one inquiry (its fields, the dated
 * notes, the appointments and applications it led to), with the
 * actions on it: note, status, edit, book an appointment, start an
 * application.  Reads and writes through core/inquiry.h. */
#include "ui/ui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/config.h"
#include "core/inquiry.h"
#include "core/program.h"
#include "core/report.h"
#include "db/db_appt.h"
#include "db/db_org.h"
#include "ui/dialog.h"
#include "ui/form.h"
#include "ui/lineedit.h"
#include "core/resolve.h"
#include "ui/paste.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/text.h"

#define LIST_LIMIT INQ_SCREEN_LIMIT

/* ---- shared helpers ---- */

int ui_text_form(struct ui *ui, const char *deftext,
		 int (*save)(struct form *fm, const char *override, bool *refused, void *arg),
		 void *arg, void (*prefill)(struct form *fm, void *arg))
{
	struct formdef fd;
	struct form fm;
	struct err e;
	int rc;

	err_clear(&e);
	formdef_init(&fd);
	if (formdef_parse(&fd, deftext, strlen(deftext), "builtin", false, &e) < 0) {
		ui_status(ui, true, "%s", e.msg);
		formdef_release(&fd);
		return 0;
	}
	form_init(&fm, ui->app, &fd, save, arg);
	if (prefill)
		prefill(&fm, arg);
	ui->dirty = true;
	rc = form_run(&fm);
	form_release(&fm);
	formdef_release(&fd);
	return rc;
}

static const char *inq_status_label(enum inq_status st)
{
	return report_label(RD_STATUS, inq_status_code[st], i18n_japanese());
}

static const char *inq_channel_label(enum inq_channel c)
{
	return report_label(RD_CHANNEL, inq_channel_code[c], i18n_japanese());
}

static void after_write(struct ui *ui)
{
	ui->reload = true;
	ui->change_counter = db_change_counter(ui->app->db);
}

/* ---- actions on one inquiry, shared by the list and the record ---- */

struct note_arg {
	struct ui *ui;
	long long id, staff_id;
};

static void prefill_note(struct form *fm, void *arg)
{
	struct note_arg *na = arg;

	if (na->staff_id)
		form_set_staff(fm, "staff", na->staff_id);
}

static int save_note(struct form *fm, const char *override, bool *refused, void *arg)
{
	struct note_arg *na = arg;
	struct err e;

	(void)override;
	(void)refused;
	err_clear(&e);
	char staff[32];
	long long sid = form_staff(fm, "staff");
	snprintf(staff, sizeof staff, sid > 0 ? "#%lld" : "", sid);
	if (inquiry_note_add(&na->ui->app->desk, na->id, staff, form_text(fm, "note"), NULL,
			     &e) < 0) {
		form_set_msg(fm, e.field[0] ? e.field : "note", e.msg);
		return 0;
	}
	return 1;
}

static const char note_form[] =
	"title Note\ntitle.ja 対応メモ\n"
	"field note\nlabel Note\nlabel.ja メモ\ntype multiline\nwidth 50\nheight 5\nmax 4000\n"
	"required yes\nhelp What was said, what was promised; F2 saves\n"
	"help.ja 話した内容・約束したこと。F2 で保存\n"
	"field staff\nlabel Staff\nlabel.ja 記入者\ntype staff\n";

static void inq_note(struct ui *ui, long long id)
{
	struct note_arg na = { ui, id, 0 };
	struct inquiry q;
	struct err e = { 0 };

	if (!id || !ui_writable(ui))
		return;
	/* the note is by the inquiry's owner unless changed */
	if (db_inquiry_get(ui->app->db, id, &q, &e) == 0) {
		na.staff_id = q.staff_id;
		inquiry_release(&q);
	}
	if (ui_text_form(ui, note_form, save_note, &na, prefill_note))
		ui_status(ui, false, _("Note added to inquiry #%lld"), id);
	after_write(ui);
}

struct status_arg {
	struct ui *ui;
	long long id;
	int cur;
};

static int save_inq_status(struct form *fm, const char *override, bool *refused, void *arg)
{
	struct status_arg *sa = arg;
	struct err e;
	int k = model_lookup(inq_status_code, IS_COUNT, form_choice(fm, "status"));

	(void)override;
	(void)refused;
	err_clear(&e);
	if (k < 0)
		return 0;
	if (k == sa->cur)
		return 1;
	if (inquiry_set_status(&sa->ui->app->desk, sa->id, inq_status_code[k], &e) < 0) {
		form_set_msg(fm, e.field[0] ? e.field : "status", e.msg);
		return 0;
	}
	sa->cur = k;
	return 1;
}

static void prefill_inq_status(struct form *fm, void *arg)
{
	struct status_arg *sa = arg;

	form_set_choice(fm, "status", inq_status_code[sa->cur]);
}

static const char inq_status_form[] =
	"title Inquiry status\ntitle.ja 問い合わせの状況\n"
	"field status\nlabel Status\nlabel.ja 状況\ntype choice\nrequired yes\n"
	"choices open,waiting,closed\nchoices.label Open,Waiting,Closed\n"
	"choices.label.ja 対応中,回答待ち,完了\n"
	"help Left/Right chooses; Enter saves\nhelp.ja 左右で選択、Enter で保存\n";

static void inq_status(struct ui *ui, long long id)
{
	struct inquiry q;
	struct err e = { 0 };
	struct status_arg sa = { ui, id, 0 };

	if (!id || !ui_writable(ui))
		return;
	if (db_inquiry_get(ui->app->db, id, &q, &e) < 0) {
		ui_status(ui, true, "%s", e.msg);
		return;
	}
	sa.cur = q.status;
	inquiry_release(&q);
	int before = sa.cur;
	if (ui_text_form(ui, inq_status_form, save_inq_status, &sa, prefill_inq_status) &&
	    sa.cur != before)
		ui_status(ui, false, _("Inquiry #%lld is now %s"), id,
			  inq_status_label((enum inq_status)sa.cur));
	after_write(ui);
}

/* Book an appointment from inquiry id: the booking form, prefilled
 * from the inquiry; the booking names the inquiry and the inquiry
 * links back (the schema's trigger sets inquiry.appt_id). */
static void inq_book(struct ui *ui, long long id)
{
	struct inquiry q;
	struct appt a;
	struct err e = { 0 };
	int today = clock_today(&ui->app->clock);

	if (!id || !ui_writable(ui))
		return;
	if (db_inquiry_get(ui->app->db, id, &q, &e) < 0) {
		ui_status(ui, true, "%s", e.msg);
		return;
	}
	memset(&a, 0, sizeof a);
	a.day = q.due_day > today ? q.due_day : today;
	a.start_min = ui->app->cfg.open_min;
	a.minutes = ui->app->cfg.slot;
	a.channel = q.channel == IQ_VISIT ? CH_VISIT : CH_PHONE;
	a.booked_via = q.channel == IQ_EMAIL ? VIA_EMAIL : q.channel == IQ_VISIT ? VIA_IN_PERSON
										    : VIA_PHONE;
	a.org_id = q.org_id;
	a.staff_id = q.staff_id;
	a.inquiry_id = id;
	int k = model_lookup(topic_code, TOPIC_COUNT, q.topic);
	if (k >= 0)
		a.topics = 1u << k;
	a.note = q.summary;	/* borrowed by the dialog */
	a.contact_name = q.contact_name;
	a.contact_phone = q.contact_phone;
	ui->dirty = true;
	if (ui_book_dialog(ui->app, &a))
		ui_status(ui, false, _("Booked #%lld for inquiry #%lld"), a.id, id);
	else
		ui_status(ui, false, "%s", _("Not booked"));
	inquiry_release(&q);
	after_write(ui);
}

/* Start an application from inquiry id: asks for the program; the
 * desk's refusals (outside Tokyo, the cap, a second application) show
 * in the status line. */
static void inq_apply(struct ui *ui, long long id)
{
	char buf[200] = "";
	long long program_id;
	struct application a;
	struct err e = { 0 };

	if (!id || !ui_writable(ui))
		return;
	ui->dirty = true;
	if (!ui_prompt(ui->app, _("Start an application"), _("Program (name, part of it, or #id):"),
		       buf, sizeof buf))
		return;
	text_trim(buf);
	if (!*buf)
		return;
	memset(&a, 0, sizeof a);
	a.received = clock_today(&ui->app->clock);
	a.status = AS_CONSULTING;
	if (program_resolve(&ui->app->desk, buf, &program_id, &e) < 0 ||
	    inquiry_apply(&ui->app->desk, id, program_id, &a, &e) < 0) {
		ui_status(ui, true, _("Refused: %s"), e.msg);
		application_release(&a);
		return;
	}
	ui_status(ui, false, _("Application #%lld started from inquiry #%lld"), a.id, id);
	application_release(&a);
	after_write(ui);
}

/* ---- editing an inquiry: forms/inquiry.form, prefilled ---- */

struct edit_arg {
	struct ui *ui;
	struct inquiry *q;
};

static int save_edit(struct form *fm, const char *override, bool *refused, void *arg)
{
	struct edit_arg *ea = arg;

	(void)override;
	(void)refused;
	return ui_inquiry_save(fm, ea->q->id, NULL);
}

static void inq_edit(struct ui *ui, long long id)
{
	struct inquiry q;
	struct formdef fd;
	struct form fm;
	struct err e = { 0 };
	char dir[1024], buf[DATE_STRLEN];

	if (!id || !ui_writable(ui))
		return;
	if (db_inquiry_get(ui->app->db, id, &q, &e) < 0) {
		ui_status(ui, true, "%s", e.msg);
		return;
	}
	formdef_init(&fd);
	config_dir(dir, sizeof dir);
	if (formdef_load(&fd, "inquiry", dir, &e) < 0 && !fd.n) {
		ui_status(ui, true, "%s", e.msg);
		formdef_release(&fd);
		inquiry_release(&q);
		return;
	}
	struct edit_arg ea = { ui, &q };
	form_init(&fm, ui->app, &fd, save_edit, &ea);
	snprintf(buf, sizeof buf, "%.10s", q.received);
	form_set_text(&fm, "date", buf);
	form_set_text(&fm, "time", q.received + 11);
	form_set_choice(&fm, "channel", inq_channel_code[q.channel]);
	if (q.org_id)
		form_set_org(&fm, "org", q.org_id, q.org_name ? q.org_name : "");
	if (q.contact_name)
		form_set_text(&fm, "contact", q.contact_name);
	if (q.contact_phone)
		form_set_text(&fm, "phone", q.contact_phone);
	/* a topic from before the menu is shown as stored and kept */
	form_set_choice(&fm, "topic", q.topic ? q.topic : "");
	form_set_text(&fm, "summary", q.summary ? q.summary : "");
	if (q.due_day)
		form_set_text(&fm, "due", date_format(q.due_day, buf));
	else
		form_set_text(&fm, "due", "");
	if (q.staff_id)
		form_set_staff(&fm, "staff", q.staff_id);
	form_set_text(&fm, "referred_to", q.referred_to ? q.referred_to : "");
	ui_form_load_extras(&fm, "inquiry", id);
	form_focus(&fm, "summary");
	ui->dirty = true;
	if (form_run(&fm))
		ui_status(ui, false, _("Inquiry #%lld saved"), id);
	form_release(&fm);
	formdef_release(&fd);
	inquiry_release(&q);
	after_write(ui);
}

/* ---- the list ---- */

struct inq_list {
	struct ui_rows rows;
	int status;		/* enum inq_status, -1 any, IS_COUNT open or waiting */
	int channel;		/* -1 any */
	long long staff_id, org_id;
	char *topic;		/* stored form, NULL any */
	int from_day, to_day;
	bool overdue;
	char search[200];
	int found;
	long long total;	/* all matches, up to INQ_SCREEN_COUNT_CAP + 1 */
};

static struct inq_list *list_state(struct ui *ui)
{
	if (!ui->priv[SCR_INQ_LIST]) {
		struct inq_list *st = xcalloc(1, sizeof *st);
		st->status = -1;
		st->channel = -1;
		ui->priv[SCR_INQ_LIST] = st;
	}
	return ui->priv[SCR_INQ_LIST];
}

static void list_widths(int width, int *orgw, int *sumw)
{
	int rem = width - 44;

	*orgw = rem >= 60 ? 24 : rem > 40 ? rem / 2 - 4 : 16;
	*sumw = rem - *orgw - 1;
	if (*sumw < 4)
		*sumw = 4;
}

static void inq_line(struct ui *ui, struct strbuf *sb, const struct inquiry *q, int width)
{
	bool overdue = inquiry_overdue(&ui->app->desk, q);
	char due[DATE_STRLEN];
	int orgw, sumw;
	const char *nl = q->summary ? strchr(q->summary, '\n') : NULL;
	char *summary = nl ? xstrndup(q->summary, (size_t)(nl - q->summary))
			   : xstrdup(q->summary ? q->summary : "");

	list_widths(width, &orgw, &sumw);
	strbuf_addf(sb, "%s #%-5lld %.10s ", overdue ? "!" : " ", q->id, q->received);
	text_pad(sb, inq_channel_label(q->channel), 7, true, false);
	strbuf_adds(sb, " ");
	text_pad(sb, inq_status_label(q->status), 8, true, false);
	strbuf_adds(sb, " ");
	if (q->due_day)
		strbuf_addf(sb, "%s%s ", date_format(q->due_day, due) + 5, overdue ? "!" : " ");
	else
		strbuf_adds(sb, "       ");
	text_pad(sb, q->org_name ? q->org_name : "-", orgw, true, false);
	strbuf_adds(sb, " ");
	text_pad(sb, summary, sumw, true, false);
	free(summary);
}

struct list_fill {
	struct ui *ui;
	struct ui_rows *r;
};

static int collect_inq(const struct inquiry *q, void *arg)
{
	struct list_fill *lf = arg;
	struct strbuf sb = STRBUF_INIT;
	bool overdue = inquiry_overdue(&lf->ui->app->desk, q);

	inq_line(lf->ui, &sb, q, COLS);
	ui_rows_add(lf->r, q->id, 0,
		    overdue ? UC_WARN : q->status == IS_CLOSED ? UC_DIM : UC_NORMAL,
		    strbuf_str(&sb));
	strbuf_release(&sb);
	return 0;
}

static void list_load(struct ui *ui)
{
	struct inq_list *st = list_state(ui);
	struct inquiry_filter f;
	struct list_fill lf = { ui, &st->rows };
	struct err e = { 0 };
	long long keep = ui_rows_id(&st->rows);

	ui_rows_clear(&st->rows);
	inquiry_filter_init(&f);
	if (st->status == IS_COUNT)
		f.open_only = true;
	else
		f.status = st->status;
	f.channel = st->channel;
	f.staff_id = st->staff_id;
	f.org_id = st->org_id;
	f.topic = st->topic;
	f.from_day = st->from_day;
	f.to_day = st->to_day;
	if (st->overdue) {
		f.overdue_before = clock_today(&ui->app->clock);
		f.order = INQ_ORDER_DUE;
	}
	f.search = st->search[0] ? st->search : NULL;
	f.limit = LIST_LIMIT;
	st->found = db_inquiry_page(ui->app->db, &f, INQ_SCREEN_COUNT_CAP, &st->total, collect_inq,
				    &lf, &e);
	if (st->found < 0)
		ui_status(ui, true, "%s", e.msg);
	st->rows.cur = 0;
	for (size_t i = 0; keep && i < st->rows.n; i++)
		if (st->rows.v[i].id == keep)
			st->rows.cur = (int)i;
}

struct staff_find {
	long long id;
	struct strbuf *sb;
};

static int find_staff(const struct staff *s, void *arg)
{
	struct staff_find *sf = arg;

	if (s->id != sf->id)
		return 0;
	strbuf_addf(sf->sb, " [%s]", s->name);
	return 1;
}

static void filter_text(struct ui *ui, struct inq_list *st, struct strbuf *sb)
{
	struct err e = { 0 };
	char d[DATE_STRLEN];

	if (st->status == IS_COUNT)
		strbuf_addf(sb, " [%s]", _("open or waiting"));
	else if (st->status >= 0)
		strbuf_addf(sb, " [%s]", inq_status_label((enum inq_status)st->status));
	if (st->channel >= 0)
		strbuf_addf(sb, " [%s]", inq_channel_label((enum inq_channel)st->channel));
	if (st->staff_id) {
		struct staff_find sf = { st->staff_id, sb };
		db_staff_list(ui->app->db, false, find_staff, &sf, &e);
	}
	if (st->org_id) {
		struct org o;
		if (db_org_get(ui->app->db, st->org_id, &o, &e) == 0) {
			strbuf_addf(sb, " [%s]", o.name);
			org_release(&o);
		}
	}
	if (st->topic)
		strbuf_addf(sb, " [%s]", inquiry_topic_label(st->topic, i18n_japanese()));
	if (st->from_day || st->to_day) {
		strbuf_addf(sb, " [%s", st->from_day ? date_format(st->from_day, d) : "");
		strbuf_addf(sb, "..%s]", st->to_day ? date_format(st->to_day, d) : "");
	}
	if (st->overdue)
		strbuf_addf(sb, " [%s]", _("overdue"));
	if (st->search[0])
		strbuf_addf(sb, " \"%s\"", st->search);
}

static int list_height(void)
{
	return LINES - 2 - 3;
}

static void list_draw(struct ui *ui)
{
	struct inq_list *st = list_state(ui);
	struct strbuf sb = STRBUF_INIT;
	int orgw, sumw;

	if (st->found >= LIST_LIMIT && st->total > INQ_SCREEN_COUNT_CAP)
		strbuf_addf(&sb, _("Inquiries: the newest %d of more than %d"), LIST_LIMIT,
			    INQ_SCREEN_COUNT_CAP);
	else if (st->found >= LIST_LIMIT)
		strbuf_addf(&sb, _("Inquiries: the newest %d of %lld"), LIST_LIMIT, st->total);
	else
		strbuf_addf(&sb, _("Inquiries: %d"), st->found > 0 ? st->found : 0);
	filter_text(ui, st, &sb);
	draw_text(stdscr, 1, 0, COLS, strbuf_str(&sb), draw_attr(UC_TITLE), true);
	strbuf_reset(&sb);
	list_widths(COLS, &orgw, &sumw);
	strbuf_adds(&sb, "  ");
	static const struct {
		const char *head;
		int w;
	} heads[] = { { N_("#id"), 7 }, { N_("received"), 11 }, { N_("channel"), 8 },
		      { N_("status"), 9 }, { N_("due"), 7 } };
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		text_pad(&sb, _(heads[i].head), heads[i].w - 1, true, false);
		strbuf_adds(&sb, " ");
	}
	text_pad(&sb, _("organization"), orgw + 1, false, false);
	text_pad(&sb, _("summary"), sumw, false, false);
	draw_text(stdscr, 2, 0, COLS, strbuf_str(&sb), draw_attr(UC_DIM), true);
	strbuf_release(&sb);
	if (st->rows.n == 0)
		draw_text(stdscr, 3, 2, COLS - 2,
			  _("No inquiries. L logs one, f filters, / searches, Esc clears."), A_NORMAL,
			  false);
	ui_rows_draw(&st->rows, 3, 3 + list_height());
}

/* / in the list: the search line, the list following every keystroke.
 * Enter keeps the search, Esc clears it; arrows move in the list. */
static void list_search(struct ui *ui, struct inq_list *st)
{
	struct lineedit le;
	const char *label = _("Search summaries and notes:");

	lineedit_init(&le, false, 100, 0);
	lineedit_set_text(&le, st->search);
	lineedit_select_all(&le);	/* typing starts a new search */
	int prev = curs_set(1);
	for (;;) {
		for (int y = 1; y < LINES - 2; y++)
			draw_blank(stdscr, y, 0, COLS, A_NORMAL);
		list_draw(ui);
		draw_blank(stdscr, LINES - 2, 0, COLS, A_NORMAL);
		int lw = draw_text(stdscr, LINES - 2, 0, COLS, label, draw_attr(UC_TITLE), false);
		lineedit_draw(stdscr, LINES - 2, lw + 1, COLS - lw - 2, 1, &le, draw_attr(UC_FIELD));
		refresh();
		struct strbuf paste = STRBUF_INIT;
		int key = ui_read_key_paste(&paste), dropped;
		if (key == (UI_KEYCODE | PASTE_KEY)) {	/* text, never keys */
			if (lineedit_paste(&le, paste.buf, paste.len, &dropped) < 0)
				beep();
			key = 0;
			if (strcmp(lineedit_text(&le), st->search)) {
				snprintf(st->search, sizeof st->search, "%s", lineedit_text(&le));
				list_load(ui);
			}
		}
		strbuf_release(&paste);
		if (ui_quit_requested())
			break;
		if (key == 0)
			continue;
		if (key == (UI_KEYCODE | KEY_RESIZE)) {
			ui->dirty = true;
			erase();
			continue;
		}
		if (key == UI_KEY_ENTER)
			break;
		if (key == UI_KEY_ESC) {
			st->search[0] = '\0';
			list_load(ui);
			break;
		}
		if (key & UI_KEYCODE) {
			int code = key & ~UI_KEYCODE;
			enum ui_action act = code == KEY_UP ? ACT_UP : code == KEY_DOWN ? ACT_DOWN
					   : code == KEY_PPAGE ? ACT_PAGE_UP
					   : code == KEY_NPAGE ? ACT_PAGE_DOWN : ACT_NONE;
			if (act != ACT_NONE) {
				ui_rows_key(&st->rows, act, list_height());
				continue;
			}
		}
		enum lineedit_key_result r =
			key & UI_KEYCODE ? lineedit_key(&le, key & ~UI_KEYCODE, 1)
					 : lineedit_key(&le, key, 0);
		if (r == LINEEDIT_KEY_REFUSED) {
			beep();
		} else if (r == LINEEDIT_KEY_DONE && strcmp(lineedit_text(&le), st->search)) {
			snprintf(st->search, sizeof st->search, "%s", lineedit_text(&le));
			list_load(ui);
		}
	}
	curs_set(prev < 0 ? 0 : prev);
	lineedit_release(&le);
	ui->dirty = true;
}

/* f: the filter form. */
static const char filter_form[] =
	"title Filter inquiries\ntitle.ja 問い合わせの絞り込み\n"
	"field status\nlabel Status\nlabel.ja 状況\ntype choice\n"
	"choices active,open,waiting,closed\n"
	"choices.label Open or waiting,Open,Waiting,Closed\n"
	"choices.label.ja 未完了,対応中,回答待ち,完了\n"
	"help Left/Right chooses; - is any\nhelp.ja 左右で選択。- はすべて\n"
	"field channel\nlabel Channel\nlabel.ja 受付方法\ntype choice\n"
	"choices phone,email,visit,post\nchoices.label Phone,E-mail,Visit,Post\n"
	"choices.label.ja 電話,メール,来所,郵送\n"
	"field staff\nlabel Staff\nlabel.ja 窓口担当\ntype staff\n"
	"field org\nlabel Organization\nlabel.ja 団体\ntype org\nwidth 40\n"
	"help Type a name or reading and pick; empty is any\n"
	"help.ja 名称か読みを入力して選択。空はすべて\n"
	"field topic\nlabel Topic\nlabel.ja 件名\nwidth 30\nmax 100\n"
	"help A support menu item, a program, or the topic as logged\n"
	"help.ja 支援メニュー、事業名、または記録した件名\n"
	"field from\nlabel Received from\nlabel.ja 受付日から\ntype date\nwidth 10\n"
	"field to\nlabel Received to\nlabel.ja 受付日まで\ntype date\nwidth 10\n"
	"field overdue\nlabel Overdue only\nlabel.ja 期限超過のみ\ntype choice\n"
	"choices yes\nchoices.label Yes\nchoices.label.ja はい\n";

struct filter_arg {
	struct ui *ui;
	struct inq_list *st;
};

static int save_filter(struct form *fm, const char *override, bool *refused, void *arg)
{
	struct filter_arg *fa = arg;
	struct inq_list *st = fa->st;
	struct err e = { 0 };
	const char *s;
	int from = 0, to = 0;
	char *topic = NULL;

	(void)override;
	(void)refused;
	const struct desk_ctx *d = &fa->ui->app->desk;
	if ((*(s = form_text(fm, "from")) && resolve_date(d, s, "from", false, &from, &e) < 0) ||
	    (*(s = form_text(fm, "to")) && resolve_date(d, s, "to", false, &to, &e) < 0)) {
		form_set_msg(fm, e.field, e.msg);
		return 0;
	}
	if (from && to && to < from) {
		form_set_msg(fm, "to", _("before the first day"));
		return 0;
	}
	if (*(s = form_text(fm, "topic")) &&
	    !(topic = inquiry_topic_normalize(&fa->ui->app->desk, s, &e))) {
		form_set_msg(fm, "topic", e.msg);
		return 0;
	}
	s = form_choice(fm, "status");
	st->status = !strcmp(s, "active") ? IS_COUNT : model_lookup(inq_status_code, IS_COUNT, s);
	st->channel = model_lookup(inq_channel_code, IQ_COUNT, form_choice(fm, "channel"));
	st->staff_id = form_staff(fm, "staff");
	st->org_id = form_get(fm, "org") && form_get(fm, "org")->org_id > 0 ?
		     form_get(fm, "org")->org_id : 0;
	free(st->topic);
	st->topic = topic;
	st->from_day = from;
	st->to_day = to;
	st->overdue = !strcmp(form_choice(fm, "overdue"), "yes");
	return 1;
}

static void prefill_filter(struct form *fm, void *arg)
{
	struct filter_arg *fa = arg;
	struct inq_list *st = fa->st;
	char d[DATE_STRLEN];
	struct err e = { 0 };

	if (st->status == IS_COUNT)
		form_set_choice(fm, "status", "active");
	else if (st->status >= 0)
		form_set_choice(fm, "status", inq_status_code[st->status]);
	if (st->channel >= 0)
		form_set_choice(fm, "channel", inq_channel_code[st->channel]);
	if (st->staff_id)
		form_set_staff(fm, "staff", st->staff_id);
	if (st->org_id) {
		struct org o;
		if (db_org_get(fa->ui->app->db, st->org_id, &o, &e) == 0) {
			form_set_org(fm, "org", o.id, o.name);
			org_release(&o);
		}
	}
	if (st->topic)
		form_set_text(fm, "topic", st->topic);
	if (st->from_day)
		form_set_text(fm, "from", date_format(st->from_day, d));
	if (st->to_day)
		form_set_text(fm, "to", date_format(st->to_day, d));
	if (st->overdue)
		form_set_choice(fm, "overdue", "yes");
}

static bool list_key(struct ui *ui, enum ui_action act, int key)
{
	struct inq_list *st = list_state(ui);
	long long id = ui_rows_id(&st->rows);

	(void)key;
	if (ui_rows_key(&st->rows, act, list_height()))
		return true;
	switch (act) {
	case ACT_OPEN:
		if (id)
			ui_inquiry_open(ui, id);
		return true;
	case ACT_SEARCH:
		list_search(ui, st);
		return true;
	case ACT_FILTER: {
		struct filter_arg fa = { ui, st };
		if (ui_text_form(ui, filter_form, save_filter, &fa, prefill_filter))
			ui->reload = true;
		return true;
	}
	case ACT_NOTE:
		inq_note(ui, id);
		return true;
	case ACT_STATUS:
		inq_status(ui, id);
		return true;
	case ACT_EDIT:
		inq_edit(ui, id);
		return true;
	case ACT_BOOK:
		inq_book(ui, id);
		return true;
	case ACT_APPLY:
		inq_apply(ui, id);
		return true;
	case ACT_QUICKLOG:
		if (ui_quicklog(ui, st->org_id))
			st->rows.cur = 0;
		return true;
	case ACT_BACK:
		if (st->search[0] || st->status >= 0 || st->channel >= 0 || st->staff_id ||
		    st->org_id || st->topic || st->from_day || st->to_day || st->overdue) {
			st->search[0] = '\0';
			st->status = st->channel = -1;
			st->staff_id = st->org_id = 0;
			free(st->topic);
			st->topic = NULL;
			st->from_day = st->to_day = 0;
			st->overdue = false;
			ui_status(ui, false, "%s", _("Filters cleared"));
			ui->reload = true;
			return true;
		}
		return false;
	default:
		return false;
	}
}

static void list_release(struct ui *ui)
{
	struct inq_list *st = ui->priv[SCR_INQ_LIST];

	if (!st)
		return;
	ui_rows_clear(&st->rows);
	free(st->rows.v);
	free(st->topic);
	free(st);
	ui->priv[SCR_INQ_LIST] = NULL;
}

static const enum ui_action list_actions[] = {
	ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST, ACT_OPEN, ACT_SEARCH,
	ACT_FILTER, ACT_QUICKLOG, ACT_NOTE, ACT_STATUS, ACT_EDIT, ACT_BOOK, ACT_APPLY, ACT_BACK,
	ACT_DEADLINES, ACT_PROGRAMS, ACT_REPORT, ACT_TODAY, ACT_REFRESH, ACT_HELP, ACT_MENU,
	ACT_QUIT, ACT_NONE
};
static const enum ui_action list_footer[] = {
	ACT_OPEN, ACT_QUICKLOG, ACT_SEARCH, ACT_FILTER, ACT_NOTE, ACT_STATUS, ACT_BACK, ACT_NONE
};

const struct ui_screen ui_inq_list_screen = {
	N_("Inquiries"), list_actions, list_footer,
	list_load, list_draw, list_key, list_release,
};

/* ---- one inquiry ---- */

enum { ROW_NOTE = 1, ROW_APPT, ROW_APP };	/* kept in ui_row.day */

struct inq_view {
	struct ui_rows rows;
	long long id;
	struct inquiry q;
	bool have;
};

static struct inq_view *view_state(struct ui *ui)
{
	if (!ui->priv[SCR_INQ])
		ui->priv[SCR_INQ] = xcalloc(1, sizeof(struct inq_view));
	return ui->priv[SCR_INQ];
}

void ui_inquiry_open(struct ui *ui, long long id)
{
	/* a screen of its own: Esc comes back to the one below */
	ui_push(ui, SCR_INQ);
	struct inq_view *v = view_state(ui);

	v->id = id;
	v->rows.cur = v->rows.top = 0;
}

static void add_wrapped(struct ui_rows *r, long long id, int kind, enum ui_color c,
			const char *indent, const char *text, int width)
{
	char **lines;
	size_t n = text_wrap(text, width - text_width(indent), &lines);
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < n; i++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s%s", indent, lines[i]);
		/* only the first line of a record is where the cursor stops */
		ui_rows_add(r, i == 0 ? id : 0, kind, c, strbuf_str(&sb));
	}
	if (!n)
		ui_rows_add(r, id, kind, c, indent);
	strbuf_release(&sb);
	text_lines_free(lines);
}

static int view_note(const struct inquiry_note *n, void *arg)
{
	struct ui_rows *r = arg;
	struct strbuf sb = STRBUF_INIT;
	char at[INQ_TIME_LEN];

	snprintf(at, sizeof at, "%s", n->at);
	if (at[10] == 'T')
		at[10] = ' ';
	strbuf_addf(&sb, "%s %s", at, n->staff_name ? n->staff_name : "");
	ui_rows_add(r, n->id, ROW_NOTE, UC_DIM, strbuf_str(&sb));
	add_wrapped(r, 0, ROW_NOTE, UC_NORMAL, "    ", n->text ? n->text : "", COLS);
	strbuf_release(&sb);
	return 0;
}

struct view_fill {
	struct ui *ui;
	struct ui_rows *r;
};

static int view_appt(long long appt_id, void *arg)
{
	struct view_fill *vf = arg;
	struct appt a;
	struct err e = { 0 };
	struct strbuf sb = STRBUF_INIT;

	if (db_appt_get(vf->ui->app->db, appt_id, &a, &e) < 0)
		return 0;
	strbuf_adds(&sb, "  ");
	ui_appt_line(&sb, &a, true, COLS - 2);
	ui_rows_add(vf->r, a.id, ROW_APPT, ui_status_color(a.status), strbuf_str(&sb));
	strbuf_release(&sb);
	appt_release(&a);
	return 0;
}

static int view_app(const struct application *a, void *arg)
{
	struct view_fill *vf = arg;
	struct strbuf sb = STRBUF_INIT;
	char d[DATE_STRLEN];

	strbuf_addf(&sb, "  #%-5lld %s ", a->id, a->received ? date_format(a->received, d) : "-");
	text_pad(&sb, ui_app_status_label(a->status), 12, true, false);
	strbuf_addf(&sb, " %d/%d  %s", a->n_done, a->n_items, a->program_name ? a->program_name : "");
	ui_rows_add(vf->r, a->id, ROW_APP, UC_NORMAL, strbuf_str(&sb));
	strbuf_release(&sb);
	return 0;
}

static void view_load(struct ui *ui)
{
	struct inq_view *v = view_state(ui);
	struct err e = { 0 };
	struct view_fill vf = { ui, &v->rows };
	int cur = v->rows.cur;
	char title[200];

	ui_rows_clear(&v->rows);
	if (v->have)
		inquiry_release(&v->q);
	v->have = false;
	if (db_inquiry_get(ui->app->db, v->id, &v->q, &e) < 0) {
		ui_status(ui, true, "%s", e.msg);
		return;
	}
	v->have = true;
	snprintf(title, sizeof title, _("Notes: %d"), v->q.n_notes);
	ui_rows_add(&v->rows, 0, 0, UC_TITLE, title);
	if (db_inquiry_note_each(ui->app->db, v->id, view_note, &v->rows, &e) < 0)
		ui_status(ui, true, "%s", e.msg);
	ui_rows_add(&v->rows, 0, 0, UC_TITLE, _("Appointments booked from it"));
	if (db_inquiry_appt_ids(ui->app->db, v->id, view_appt, &vf, &e) < 0)
		ui_status(ui, true, "%s", e.msg);
	struct app_filter af;
	app_filter_init(&af);
	af.inquiry_id = v->id;
	ui_rows_add(&v->rows, 0, 0, UC_TITLE, _("Applications started from it"));
	if (db_application_each(ui->app->db, &af, view_app, &vf, &e) < 0)
		ui_status(ui, true, "%s", e.msg);
	v->rows.cur = cur;
}

static void view_draw(struct ui *ui)
{
	struct inq_view *v = view_state(ui);
	const struct inquiry *q = &v->q;
	bool ja = i18n_japanese();
	char when[INQ_TIME_LEN], d[DATE_STRLEN];
	int y = 1;

	if (!v->have) {
		draw_text(stdscr, y, 0, COLS, _("No such inquiry; Esc goes back."), draw_attr(UC_WARN),
			  false);
		return;
	}
	bool overdue = inquiry_overdue(&ui->app->desk, q);
	snprintf(when, sizeof when, "%s", q->received);
	if (when[10] == 'T')
		when[10] = ' ';
	int x = draw_textf(stdscr, y, 0, COLS, draw_attr(UC_TITLE), false, "#%lld  %s  %s  [%s]  ",
			   q->id, when, inq_channel_label(q->channel), inq_status_label(q->status));
	draw_text(stdscr, y++, x, COLS - x, inquiry_topic_label(q->topic, ja), draw_attr(UC_TITLE),
		  true);
	draw_textf(stdscr, y++, 0, COLS, A_NORMAL, true, "%s %s   %s %s%s%s%s", _("Organization:"),
		   q->org_name ? q->org_name : "-", _("Contact:"),
		   q->contact_name ? q->contact_name : "-", q->contact_phone ? " (" : "",
		   q->contact_phone ? q->contact_phone : "", q->contact_phone ? ")" : "");
	if (q->due_day) {
		int left = q->due_day - clock_today(&ui->app->clock);
		char days[100];
		if (overdue)
			snprintf(days, sizeof days, _("OVERDUE by %d days"), -left);
		else if (q->status == IS_CLOSED)
			days[0] = '\0';
		else
			snprintf(days, sizeof days, _("%d days left"), left);
		draw_textf(stdscr, y, 0, COLS, overdue ? draw_attr(UC_WARN) : A_NORMAL, true,
			   "%s %s %s %s   %s %s", overdue ? "!" : " ", _("Follow up by:"),
			   date_format(q->due_day, d), days, _("Staff:"),
			   q->staff_name ? q->staff_name : "-");
	} else {
		draw_textf(stdscr, y, 0, COLS, A_NORMAL, true, "  %s -   %s %s", _("Follow up by:"),
			   _("Staff:"), q->staff_name ? q->staff_name : "-");
	}
	y++;
	if (q->referred_to && *q->referred_to)
		draw_textf(stdscr, y++, 0, COLS, A_NORMAL, true, "%s %s", _("Referred to:"),
			   q->referred_to);
	/* the summary, at most four rows here */
	char **lines;
	size_t n = text_wrap(q->summary ? q->summary : "", COLS - 2, &lines);
	for (size_t i = 0; i < n && i < 4; i++)
		draw_textf(stdscr, y++, 0, COLS, A_BOLD, true, "  %s%s", lines[i],
			   i == 3 && n > 4 ? "…" : "");
	text_lines_free(lines);
	ui_rows_draw(&v->rows, y, LINES - 2);
}

static bool view_key(struct ui *ui, enum ui_action act, int key)
{
	struct inq_view *v = view_state(ui);
	int page = LINES - 10;

	(void)key;
	if (ui_rows_key(&v->rows, act, page))
		return true;
	switch (act) {
	case ACT_NOTE:
		inq_note(ui, v->id);
		return true;
	case ACT_STATUS:
		inq_status(ui, v->id);
		return true;
	case ACT_EDIT:
		inq_edit(ui, v->id);
		return true;
	case ACT_BOOK:
		inq_book(ui, v->id);
		return true;
	case ACT_APPLY:
		inq_apply(ui, v->id);
		return true;
	case ACT_OPEN: {
		long long id = ui_rows_id(&v->rows);
		int kind = v->rows.n ? v->rows.v[v->rows.cur].day : 0;
		if (id && kind == ROW_APPT)
			return ui_appt_action(ui, ACT_EDIT, id);
		if (id && kind == ROW_APP) {
			struct application a;
			struct err e = { 0 };
			if (db_application_get(ui->app->db, id, &a, &e) == 0) {
				ui_program_open(ui, a.program_id);
				application_release(&a);
			}
		}
		return true;
	}
	default:
		return false;
	}
}

static void view_release(struct ui *ui)
{
	struct inq_view *v = ui->priv[SCR_INQ];

	if (!v)
		return;
	ui_rows_clear(&v->rows);
	free(v->rows.v);
	if (v->have)
		inquiry_release(&v->q);
	free(v);
	ui->priv[SCR_INQ] = NULL;
}

static const enum ui_action view_actions[] = {
	ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_OPEN, ACT_NOTE, ACT_STATUS, ACT_EDIT,
	ACT_BOOK, ACT_APPLY, ACT_QUICKLOG, ACT_BACK, ACT_LIST_INQ, ACT_DEADLINES, ACT_TODAY,
	ACT_REFRESH, ACT_HELP, ACT_MENU, ACT_QUIT, ACT_NONE
};
static const enum ui_action view_footer[] = {
	ACT_NOTE, ACT_STATUS, ACT_EDIT, ACT_BOOK, ACT_APPLY, ACT_BACK, ACT_NONE
};

const struct ui_screen ui_inq_screen = {
	N_("Inquiry"), view_actions, view_footer,
	view_load, view_draw, view_key, view_release,
};
