#include "export/print.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>
#include "core/desk.h"
#include "db/db_appt.h"
#include "db/db_org.h"
#include "core/resolve.h"
#include "export/pdf.h"
#include "util/date.h"
#include "util/file.h"
#include "util/i18n.h"
#include "util/jdate.h"
#include "util/text.h"

#define TEXT_COLS 80
#define NCOL 8	/* time, channel, organization, contact, topic, staff, room, note */

void print_opts_init(struct print_opts *o, int day)
{
	memset(o, 0, sizeof *o);
	o->day = day;
	o->format = PRINT_TEXT;
	o->layout = PRINT_LIST;
}

int print_format_parse(const char *s, enum print_format *f)
{
	if (!strcmp(s, "text") || !strcmp(s, "txt"))
		*f = PRINT_TEXT;
	else if (!strcmp(s, "pdf"))
		*f = PRINT_PDF;
	else
		return -1;
	return 0;
}

int print_layout_parse(const char *s, enum print_layout *l)
{
	if (!strcmp(s, "list"))
		*l = PRINT_LIST;
	else if (!strcmp(s, "timetable"))
		*l = PRINT_TIMETABLE;
	else
		return -1;
	return 0;
}

/* ---- the model: the day's rows, grouped by staff on request ---- */

struct prow {
	char *cell[NCOL];
	long long staff_id;
	char *staff_name;
	int start, minutes;
};

struct pstaff {	/* a column of the timetable */
	long long id;
	char *name;
};

struct model {
	const struct print_opts *o;
	const struct config *cfg;
	struct prow *rows;
	size_t n, cap;
	struct pstaff *staff;
	size_t n_staff;
	bool open;		/* a desk day */
	char title[256];	/* date, weekday, holiday */
	char hours[128];	/* "Desk hours 10:00-17:00", "" on a closed day */
};

static const char *wday_label(int wd)
{
	static const char *const ja[] = { "日", "月", "火", "水", "木", "金", "土" };
	return i18n_japanese() ? ja[wd] : date_wday_name(wd);
}

/* The date as the printout's title shows it: 令和8年11月25日(水) in
 * Japanese, 2026-11-25 (Wed) in English. */
static char *title_date(int day, char *buf, size_t len)
{
	char date[DATE_STRLEN];

	if (i18n_japanese())
		return jdate_ja_era(day, buf, len);
	snprintf(buf, len, "%s (%s)", date_format(day, date), wday_label(date_wday(day)));
	return buf;
}

char *print_job_title(const struct print_opts *o, char *buf, size_t len)
{
	char date[JDATE_STRLEN];

	snprintf(buf, len, _("madoguchi %s daily schedule"), title_date(o->day, date, sizeof date));
	return buf;
}
static int collect(const struct appt *a, void *arg)
{
	struct model *m = arg;
	bool np = m->o->no_personal;
	struct prow *r;
	struct strbuf sb = STRBUF_INIT;
	char t1[6], t2[6];

	if (a->status == ST_CANCELLED)
		return 0;
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 32;
		m->rows = xrealloc(m->rows, m->cap * sizeof *m->rows);
	}
	r = &m->rows[m->n++];
	memset(r, 0, sizeof *r);
	r->staff_id = a->staff_id;
	r->start = a->start_min;
	r->minutes = a->minutes;
	r->staff_name = xstrdup(a->staff_name ? a->staff_name : "");
	r->cell[0] = xasprintf("%s-%s", time_format(a->start_min, t1),
			       time_format(a->start_min + a->minutes, t2));
	r->cell[1] = xstrdup(a->channel == CH_VISIT ? _("visit") : _("phone"));
	if (np)
		r->cell[2] = xstrdup(i18n_japanese() ? org_type_ja[a->org_type] : org_type_en[a->org_type]);
	else
		r->cell[2] = xstrdup(a->org_name ? a->org_name : "");
	if (!np && a->contact_name && *a->contact_name) {
		strbuf_adds(&sb, a->contact_name);
		if (a->contact_phone && *a->contact_phone)
			strbuf_addf(&sb, " %s", a->contact_phone);
	}
	r->cell[3] = xstrdup(strbuf_str(&sb));
	strbuf_reset(&sb);
	resolve_topics_names(a->topics, i18n_japanese(), "・", &sb);
	r->cell[4] = xstrdup(strbuf_str(&sb));
	if (np)
		r->cell[5] = a->staff_id ? xasprintf("#%lld", a->staff_id) : xstrdup("");
	else
		r->cell[5] = xstrdup(a->staff_name ? a->staff_name : "");
	r->cell[6] = xstrdup(a->channel == CH_VISIT && a->room ? a->room : "");
	strbuf_reset(&sb);
	if (!np && a->note && *a->note)
		strbuf_adds(&sb, a->note);
	if (a->status == ST_DONE || a->status == ST_NO_SHOW) {
		if (sb.len)
			strbuf_adds(&sb, " ");
		strbuf_addf(&sb, "[%s]", a->status == ST_DONE ? _("done") : _("no-show"));
	}
	r->cell[7] = xstrdup(strbuf_str(&sb));
	strbuf_release(&sb);
	return 0;
}

static int cmp_staff(const void *pa, const void *pb)
{
	const struct prow *a = pa, *b = pb;
	int c;

	if (!a->staff_id != !b->staff_id)	/* unassigned last */
		return a->staff_id ? -1 : 1;
	if ((c = strcmp(a->staff_name, b->staff_name)))
		return c;
	return strcmp(a->cell[0], b->cell[0]);
}

static void model_release(struct model *m)
{
	for (size_t i = 0; i < m->n; i++) {
		for (int k = 0; k < NCOL; k++)
			free(m->rows[i].cell[k]);
		free(m->rows[i].staff_name);
	}
	free(m->rows);
	for (size_t i = 0; i < m->n_staff; i++)
		free(m->staff[i].name);
	free(m->staff);
}

static void add_staff(struct model *m, long long id, const char *name)
{
	for (size_t i = 0; i < m->n_staff; i++)
		if (m->staff[i].id == id)
			return;
	m->staff = xrealloc(m->staff, (m->n_staff + 1) * sizeof *m->staff);
	m->staff[m->n_staff].id = id;
	m->staff[m->n_staff].name = xstrdup(name ? name : "");
	m->n_staff++;
}

static int collect_staff(const struct staff *s, void *arg)
{
	struct model *m = arg;

	if (!m->o->staff_id || m->o->staff_id == s->id)
		add_staff(m, s->id, s->name);
	return 0;
}

static int model_build(const struct desk_ctx *d, const struct print_opts *o, struct model *m,
		       struct err *e)
{
	struct appt_filter f;
	struct desk_status ds;
	char date[JDATE_STRLEN], t1[6], t2[6];

	memset(m, 0, sizeof *m);
	m->o = o;
	m->cfg = d->cfg;
	appt_filter_init(&f);
	f.from_day = f.to_day = o->day;
	f.staff_id = o->staff_id;
	if (db_appt_each(d->db, &f, collect, m, e) < 0)
		return -1;
	if (o->per_staff && m->n > 1)
		qsort(m->rows, m->n, sizeof *m->rows, cmp_staff);
	snprintf(m->title, sizeof m->title, _("Daily schedule %s"), title_date(o->day, date, sizeof date));
	m->open = desk_day_status(d->cfg, d->db, o->day, &ds) == DESK_OPEN;
	if (!m->open) {
		size_t l = strlen(m->title);
		snprintf(m->title + l, sizeof m->title - l, "  %s",
			 i18n_japanese() || !ds.reason_en[0] ? ds.reason : ds.reason_en);
	} else {
		snprintf(m->hours, sizeof m->hours, _("Desk hours %s-%s"),
			 time_format(d->cfg->open_min, t1), time_format(d->cfg->close_min, t2));
	}
	if (o->layout == PRINT_TIMETABLE) {
		/* the columns: the active staff (as the desk's screen shows
		 * them), then anyone else booked that day, then unassigned */
		if (db_staff_list(d->db, true, collect_staff, m, e) < 0)
			return -1;
		for (size_t i = 0; i < m->n; i++)
			if (m->rows[i].staff_id)
				add_staff(m, m->rows[i].staff_id, m->rows[i].staff_name);
		for (size_t i = 0; i < m->n; i++)
			if (!m->rows[i].staff_id) {
				add_staff(m, 0, _("(unassigned)"));
				break;
			}
	}
	return 0;
}
/* Rows of group g: [*from, *to) of the rows with the same staff (all rows
 * unless per_staff). */
static bool next_group(const struct model *m, size_t *from, size_t *to)
{
	if (*to >= m->n && !(m->n == 0 && *to == 0 && *from == 0))
		return false;
	if (m->n == 0) {	/* one empty group, once */
		*from = 0;
		*to = 1;
		return true;
	}
	*from = *to;
	*to = *from + 1;
	if (!m->o->per_staff)
		*to = m->n;
	else
		while (*to < m->n && m->rows[*to].staff_id == m->rows[*from].staff_id)
			(*to)++;
	return true;
}

static void group_label(const struct model *m, size_t from, struct strbuf *sb)
{
	const struct prow *r;

	if (!m->o->per_staff || m->n == 0)
		return;
	r = &m->rows[from];	/* rows is NULL on an empty day (found by make fuzz) */
	if (!r->staff_id)
		strbuf_adds(sb, _("Staff: (unassigned)"));
	else if (m->o->no_personal)
		strbuf_addf(sb, _("Staff: #%lld"), r->staff_id);
	else
		strbuf_addf(sb, _("Staff: %s"), r->staff_name);
}

static const char *col_name(int k)
{
	switch (k) {
	case 0: return _("Time");
	case 1: return _("Ch.");
	case 2: return _("Organization");
	case 3: return _("Contact");
	case 4: return _("Topic");
	case 5: return _("Staff");
	case 6: return _("Room");
	default: return _("Note");
	}
}


/* ---- line breaking (text) ----
 * A line may break after a blank, and between two Japanese characters
 * except before closing punctuation, small kana and the long-vowel mark
 * or after an opening bracket (kinsoku).  A run of letters, digits and
 * their punctuation ("090-5555-1001", "10:00", "support", "相談室A" keeps
 * its A) is one word; a word wider than the column is the only thing
 * broken inside, as the last resort. */

static bool cp_in(unsigned cp, const unsigned *set, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (set[i] == cp)
			return true;
	return false;
}

static bool no_break_before(unsigned cp)
{
	static const unsigned set[] = {
		0x3001, 0x3002, 0xFF0C, 0xFF0E, 0x30FB, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF01, 0x30FC,
		0xFF09, 0x300D, 0x300F, 0x3011, 0x3015, 0x3009, 0x300B, 0x3017, 0x3019, 0x201D,
		0x2019, 0x309D, 0x309E, 0x30FD, 0x30FE, 0x3005, 0x301F, 0x2026, 0x2025, 0xFF5E,
		0x301C, 0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087,
		0x308E, 0x3095, 0x3096, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3,
		0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6, 0xFF67, 0xFF68, 0xFF69, 0xFF6A, 0xFF6B,
		0xFF6C, 0xFF6D, 0xFF6E, 0xFF6F, 0xFF70, 0xFF61, 0xFF63, 0xFF64, 0xFF9E, 0xFF9F,
		')', ']', '}', ',', '.', ':', ';', '!', '?', '%', 0xFF05,
	};
	return cp_in(cp, set, sizeof set / sizeof set[0]);
}

static bool no_break_after(unsigned cp)
{
	static const unsigned set[] = {
		0xFF08, 0x300C, 0x300E, 0x3010, 0x3014, 0x3008, 0x300A, 0x3016, 0x3018, 0x201C,
		0x2018, 0x301D, 0xFF62, '(', '[', '{',
	};
	return cp_in(cp, set, sizeof set / sizeof set[0]);
}

/* Letters and digits, half or full width: the stuff words are made of. */
static bool word_char(unsigned cp)
{
	return (cp < 0x80 && ((cp | 0x20) - 'a' < 26 || cp - '0' < 10)) ||
	       (cp >= 0xC0 && cp < 0x2000 && cp != 0xD7 && cp != 0xF7) ||
	       (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
	       (cp >= 0xFF41 && cp <= 0xFF5A);
}

/* Japanese (or other East Asian) text that breaks between characters. */
static bool ideographic(unsigned cp, int w)
{
	return w == 2 && !word_char(cp);
}

struct wch {
	unsigned cp;
	int w;
	size_t off, len;
};

static bool may_break(const struct wch *a, const struct wch *b)
{
	if (b->cp == ' ' || b->w == 0)
		return false;
	if (a->cp == ' ')
		return true;
	if (no_break_before(b->cp) || no_break_after(a->cp))
		return false;
	/* after Japanese punctuation (、。・）) even before a word */
	if (a->w == 2 && no_break_before(a->cp))
		return true;
	return ideographic(a->cp, a->w) && ideographic(b->cp, b->w);
}

static void wrap_para(const char *p, int cols, char ***out, size_t *count, size_t *cap)
{
	struct wch *c = NULL;
	size_t n = 0, len = strlen(p);

	c = xmalloc((len + 1) * sizeof *c);
	for (size_t off = 0; off < len;) {
		unsigned cp = 0xFFFD;
		size_t l = text_utf8_decode(p + off, len - off, &cp);
		int w;
		if (!l)
			l = 1;
		w = cp == '\t' ? 1 : wcwidth((wchar_t)cp);
		c[n++] = (struct wch){ cp == '\t' ? ' ' : cp, w < 0 ? 1 : w, off, l };
		off += l;
	}
	size_t start = 0;
	do {
		size_t i = start, brk = 0, end = n;
		int col = 0;
		while (i < n) {
			if (i > start && may_break(&c[i - 1], &c[i]))
				brk = i;
			if (col + c[i].w > cols && i > start) {
				/* a full line ends at a blank; else at the last break */
				end = c[i].cp == ' ' ? i : brk > start ? brk : i;
				break;
			}
			col += c[i].w;
			i++;
		}
		size_t keep = end;
		while (keep > start && c[keep - 1].cp == ' ')
			keep--;
		if (*count + 2 > *cap) {
			*cap *= 2;
			*out = xrealloc(*out, *cap * sizeof **out);
		}
		size_t from = start < n ? c[start].off : len;
		size_t to = keep < n ? c[keep].off : len;
		if (keep < n && keep == start)
			to = from;
		(*out)[(*count)++] = xstrndup(p + from, to - from);
		start = end;
		while (start < n && c[start].cp == ' ')	/* blanks at a break go */
			start++;
	} while (start < n);
	free(c);
}

/* Wrap s (sanitized, newlines honoured) into lines of at most cols
 * columns by the rules above; the array as text_wrap() makes it. */
static size_t wrap_words(const char *s, int cols, char ***lines)
{
	struct strbuf safe = STRBUF_INIT;
	size_t count = 0, cap = 4;
	char **out = xmalloc(cap * sizeof *out);
	const char *t;

	if (cols < 2)
		cols = 2;
	text_sanitize(&safe, s ? s : "", true);
	t = strbuf_str(&safe);
	for (;;) {
		const char *nl = strchr(t, '\n');
		char *para = xstrndup(t, nl ? (size_t)(nl - t) : strlen(t));
		wrap_para(para, cols, &out, &count, &cap);
		free(para);
		if (!nl)
			break;
		t = nl + 1;
	}
	out[count] = NULL;
	strbuf_release(&safe);
	*lines = out;
	return count;
}
/* ---- text ---- */

/* widths of time..room; the note goes on lines of its own below */
static const int text_w[NCOL - 1] = { 6, 5, 20, 13, 14, 9, 7 };
#define NOTE_INDENT 12

struct page_lines {
	char **line;
	size_t n, cap;
};

static void pl_add(struct page_lines *pl, char *s)
{
	if (pl->n == pl->cap) {
		pl->cap = pl->cap ? 2 * pl->cap : 64;
		pl->line = xrealloc(pl->line, pl->cap * sizeof *pl->line);
	}
	pl->line[pl->n++] = s;
}

/* The lines of one appointment: cells wrapped in their columns, the note below. */
static void row_lines(const struct prow *r, struct page_lines *out)
{
	char **w[NCOL - 1];
	size_t n[NCOL - 1], rows = 1;

	for (int k = 0; k < NCOL - 1; k++) {
		/* "10:00-10:30" in a narrow column: "10:00-" over "10:30",
		 * as wrap_words breaks it after the hyphen */
		n[k] = wrap_words(r->cell[k], text_w[k], &w[k]);
		if (n[k] > rows)
			rows = n[k];
	}
	for (size_t i = 0; i < rows; i++) {
		struct strbuf sb = STRBUF_INIT;
		for (int k = 0; k < NCOL - 1; k++) {
			if (k)
				strbuf_adds(&sb, " ");
			text_pad(&sb, i < n[k] ? w[k][i] : "", text_w[k], false, false);
		}
		while (sb.len && sb.buf[sb.len - 1] == ' ')
			sb.buf[--sb.len] = '\0';
		pl_add(out, xstrdup(strbuf_str(&sb)));
		strbuf_release(&sb);
	}
	for (int k = 0; k < NCOL - 1; k++)
		text_lines_free(w[k]);
	if (r->cell[7][0]) {
		char **nl, *label = xasprintf("%s: %s", col_name(7), r->cell[7]);
		size_t nn = wrap_words(label, TEXT_COLS - NOTE_INDENT, &nl);
		for (size_t i = 0; i < nn; i++)
			pl_add(out, xasprintf("%*s%s", NOTE_INDENT, "", nl[i]));
		text_lines_free(nl);
		free(label);
	}
}

struct tpage {
	size_t group_from;	/* the group's first row, for its label */
	struct page_lines body;
};

static int print_text(const struct model *m, FILE *out, int page_lines)
{
	struct tpage *pages = NULL;
	size_t np = 0, from = 0, to = 0;
	int header = 4;	/* title, group label or blank, column names, rule */
	int body_max = page_lines - header;

	if (body_max < 4)
		body_max = 4;
	while (next_group(m, &from, &to)) {
		pages = xrealloc(pages, (np + 1) * sizeof *pages);
		memset(&pages[np], 0, sizeof pages[np]);
		pages[np].group_from = from;
		np++;
		if (m->n == 0) {
			pl_add(&pages[np - 1].body, xstrdup(_("(no appointments)")));
			break;
		}
		for (size_t i = from; i < to; i++) {
			struct page_lines rl = { NULL, 0, 0 };
			row_lines(&m->rows[i], &rl);
			struct tpage *pg = &pages[np - 1];
			/* a row goes whole onto the next page when it does not fit */
			if (pg->body.n && pg->body.n + rl.n > (size_t)body_max) {
				pages = xrealloc(pages, (np + 1) * sizeof *pages);
				memset(&pages[np], 0, sizeof pages[np]);
				pages[np].group_from = from;
				np++;
			}
			for (size_t k = 0; k < rl.n; k++) {
				pg = &pages[np - 1];
				if (pg->body.n == (size_t)body_max) {	/* a row longer than a page */
					pages = xrealloc(pages, (np + 1) * sizeof *pages);
					memset(&pages[np], 0, sizeof pages[np]);
					pages[np].group_from = from;
					np++;
					pg = &pages[np - 1];
				}
				pl_add(&pg->body, rl.line[k]);
			}
			free(rl.line);
		}
	}
	for (size_t p = 0; p < np; p++) {
		struct strbuf sb = STRBUF_INIT, right = STRBUF_INIT, lbl = STRBUF_INIT;
		if (p)
			fputc('\f', out);
		strbuf_addf(&right, _("page %zu/%zu"), p + 1, np);
		int rw = text_width(strbuf_str(&right));
		char *left = m->hours[0] ? xasprintf("%s  %s", m->title, m->hours) : xstrdup(m->title);
		text_pad(&sb, left, TEXT_COLS - rw - 1, true, false);
		free(left);
		strbuf_adds(&sb, " ");
		strbuf_adds(&sb, strbuf_str(&right));
		fprintf(out, "%s\n", strbuf_str(&sb));
		group_label(m, pages[p].group_from, &lbl);
		strbuf_reset(&sb);
		text_pad(&sb, strbuf_str(&lbl), TEXT_COLS, true, false);
		while (sb.len && sb.buf[sb.len - 1] == ' ')
			sb.buf[--sb.len] = '\0';
		fprintf(out, "%s\n", strbuf_str(&sb));
		strbuf_reset(&sb);
		for (int k = 0; k < NCOL - 1; k++) {
			if (k)
				strbuf_adds(&sb, " ");
			text_pad(&sb, col_name(k), text_w[k], true, false);
		}
		while (sb.len && sb.buf[sb.len - 1] == ' ')
			sb.buf[--sb.len] = '\0';
		fprintf(out, "%s\n", strbuf_str(&sb));
		for (int k = 0; k < TEXT_COLS; k++)
			fputc('-', out);
		fputc('\n', out);
		for (size_t i = 0; i < pages[p].body.n; i++) {
			fprintf(out, "%s\n", pages[p].body.line[i]);
			free(pages[p].body.line[i]);
		}
		free(pages[p].body.line);
		strbuf_release(&sb);
		strbuf_release(&right);
		strbuf_release(&lbl);
	}
	free(pages);
	return (int)np;
}

/* ---- PDF ---- */

/* The string in sb, which is released. */
static char *strbuf_take(struct strbuf *sb)
{
	char *s = xstrdup(strbuf_str(sb));

	strbuf_release(sb);
	return s;
}

static void table_release(struct pdf_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		for (int k = 0; k < t->ncol; k++)
			free(t->rows[i].cell[k]);
		free(t->rows[i].cell);
		free(t->rows[i].note);
	}
	free(t->rows);
	for (int k = 0; k < t->ncol; k++)
		free(t->head[k]);
	free(t->head);
	for (size_t g = 0; g < t->n_groups; g++)
		free(t->group_label[g]);
	free(t->group_label);
}

static void table_add_group(struct pdf_table *t, char *label)
{
	t->group_label = xrealloc(t->group_label, (t->n_groups + 1) * sizeof *t->group_label);
	t->group_label[t->n_groups++] = label;
}

static char **table_add_row(struct pdf_table *t)
{
	t->rows = xrealloc(t->rows, (t->n + 1) * sizeof *t->rows);
	t->rows[t->n].cell = xcalloc((size_t)t->ncol, sizeof(char *));
	t->rows[t->n].note = NULL;
	t->rows[t->n].group = t->n_groups ? t->n_groups - 1 : 0;
	return t->rows[t->n++].cell;
}

/* The list: a row per appointment, a group per staff member on request. */
static void list_table(const struct model *m, struct pdf_table *t)
{
	size_t from = 0, to = 0;

	memset(t, 0, sizeof *t);
	t->ncol = NCOL - 1;	/* the note goes under its row, the page's width */
	t->head = xcalloc(NCOL - 1, sizeof *t->head);
	for (int k = 0; k < NCOL - 1; k++)
		t->head[k] = xstrdup(col_name(k));
	if (m->n == 0) {
		table_add_group(t, xstrdup(""));
		return;
	}
	while (next_group(m, &from, &to)) {
		struct strbuf lbl = STRBUF_INIT;
		group_label(m, from, &lbl);
		table_add_group(t, strbuf_take(&lbl));
		for (size_t i = from; i < to; i++) {
			char **c = table_add_row(t);
			for (int k = 0; k < NCOL - 1; k++)
				c[k] = xstrdup(m->rows[i].cell[k]);
			if (m->rows[i].cell[NCOL - 1][0])
				t->rows[t->n - 1].note = xasprintf("%s: %s", col_name(NCOL - 1),
								   m->rows[i].cell[NCOL - 1]);
		}
	}
}

/* The timetable: the day's slots as rows, the staff as columns (as the
 * desk's screen and a whiteboard show it); a booking is written whole in
 * the slot it starts in and marked in the slots it goes on through. */
static void timetable_table(const struct model *m, size_t s_from, size_t s_to, struct pdf_table *t)
{
	int slot = m->cfg->slot > 0 ? m->cfg->slot : 30;
	int first = m->cfg->open_min, last = m->cfg->close_min;
	int ns = (int)(s_to - s_from);

	memset(t, 0, sizeof *t);
	t->ncol = 1 + ns;
	t->head = xcalloc((size_t)t->ncol, sizeof *t->head);
	t->head[0] = xstrdup(col_name(0));
	for (int j = 0; j < ns; j++) {
		const struct pstaff *s = &m->staff[s_from + (size_t)j];
		t->head[1 + j] = m->o->no_personal && s->id ? xasprintf("#%lld", s->id) : xstrdup(s->name);
	}
	table_add_group(t, xstrdup(""));
	for (size_t i = 0; i < m->n; i++) {	/* bookings outside the hours widen the grid */
		if (m->rows[i].start < first)
			first = m->rows[i].start / slot * slot;
		if (m->rows[i].start + m->rows[i].minutes > last)
			last = (m->rows[i].start + m->rows[i].minutes + slot - 1) / slot * slot;
	}
	for (int tm = first; tm < last; tm += slot) {
		char **c = table_add_row(t);
		char t1[6];
		c[0] = xstrdup(time_format(tm, t1));
		for (int j = 0; j < ns; j++) {
			struct strbuf sb = STRBUF_INIT;
			long long sid = m->staff[s_from + (size_t)j].id;
			for (size_t i = 0; i < m->n; i++) {
				const struct prow *r = &m->rows[i];
				bool starts = r->start >= tm && r->start < tm + slot;
				bool covers = r->start < tm && r->start + r->minutes > tm;
				if (r->staff_id != sid || (!starts && !covers))
					continue;
				if (sb.len)
					strbuf_adds(&sb, "\n\n");
				if (covers) {
					strbuf_addf(&sb, "%s %s", _("(continued)"), r->cell[2]);
					continue;
				}
				strbuf_addf(&sb, "%s %s", r->cell[0], r->cell[1]);
				for (int k = 2; k < NCOL; k++)
					if (k != 5 && r->cell[k][0])
						strbuf_addf(&sb, "\n%s", r->cell[k]);
			}
			c[1 + j] = strbuf_take(&sb);
		}
	}
}

/* The PDF renderer, loaded on first use (pdf.h): beside the running
 * program (the build tree, or an install that keeps them together), then
 * the installed MADO_PKGLIBDIR.  It stays loaded. */
static pdf_render_fn *pdf_renderer(struct err *e)
{
	static pdf_render_fn *fn;
	char self[PATH_MAX], path[PATH_MAX + 32], tried[2 * PATH_MAX + 64] = "";
	const char *dlerr = NULL;
	ssize_t n;

	if (fn)
		return fn;
	n = readlink("/proc/self/exe", self, sizeof self - 1);
	self[n > 0 ? n : 0] = '\0';
	char *slash = strrchr(self, '/');
	for (int i = 0; i < 2 && !fn; i++) {
		if (i == 0 && !slash)
			continue;
		if (i == 0)
			snprintf(path, sizeof path, "%.*s/%s", (int)(slash - self), self, PDF_PLUGIN_NAME);
		else
			snprintf(path, sizeof path, "%s/%s", MADO_PKGLIBDIR, PDF_PLUGIN_NAME);
		snprintf(tried + strlen(tried), sizeof tried - strlen(tried), "%s%s", *tried ? ", " : "", path);
		void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
		if (!h) {
			if (access(path, F_OK) == 0)
				dlerr = dlerror();
			continue;
		}
		*(void **)&fn = dlsym(h, PDF_RENDER_SYMBOL);
		if (!fn)
			dlerr = dlerror();
	}
	if (!fn)
		err_set_field(e, ERR_INPUT, "format",
			      _("printing a PDF needs %s, which could not be loaded (%s)%s%s; install madoguchi again, or print text (--format text, or print_format = text in the config)"),
			      PDF_PLUGIN_NAME, tried, dlerr ? ": " : "", dlerr ? dlerr : "");
	return fn;
}

/* Text as the PDF shows it: made safe (text_sanitize()), lines kept. */
static char *pdf_text(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	text_sanitize(&sb, s ? s : "", true);
	return strbuf_take(&sb);
}

static void table_sanitize(struct pdf_table *t)
{
	char *s;

	for (int k = 0; k < t->ncol; k++) {
		s = pdf_text(t->head[k]);
		free(t->head[k]);
		t->head[k] = s;
	}
	for (size_t i = 0; i < t->n; i++) {
		for (int k = 0; k < t->ncol; k++) {
			s = pdf_text(t->rows[i].cell[k]);
			free(t->rows[i].cell[k]);
			t->rows[i].cell[k] = s;
		}
		if (t->rows[i].note) {
			s = pdf_text(t->rows[i].note);
			free(t->rows[i].note);
			t->rows[i].note = s;
		}
	}
	for (size_t g = 0; g < t->n_groups; g++) {
		s = pdf_text(t->group_label[g]);
		free(t->group_label[g]);
		t->group_label[g] = s;
	}
}

static int print_pdf(const struct model *m, FILE *out, struct err *e)
{
	bool tt = m->o->layout == PRINT_TIMETABLE;
	pdf_render_fn *render = pdf_renderer(e);
	struct pdf_table *tabs = NULL;
	struct pdf_doc doc;
	size_t nt = 0;
	char msg[512] = "";
	int rc;

	if (!render)
		return -1;
	if (!tt) {
		tabs = xcalloc(1, sizeof *tabs);
		list_table(m, &tabs[nt++]);
	} else {
		/* at most 8 staff a page, side by side; more go on further pages */
		size_t per = 8, ns = m->n_staff ? m->n_staff : 1;
		tabs = xcalloc((ns + per - 1) / per, sizeof *tabs);
		for (size_t f = 0; f < ns; f += per) {
			size_t to = f + per < m->n_staff ? f + per : m->n_staff;
			timetable_table(m, f, to, &tabs[nt++]);
		}
	}
	for (size_t i = 0; i < nt; i++)
		table_sanitize(&tabs[i]);
	memset(&doc, 0, sizeof doc);
	doc.timetable = tt;
	char *title = pdf_text(m->title), *hours = pdf_text(m->hours);
	doc.title = title;
	doc.hours = hours;
	doc.page_fmt = _("page %d/%d");
	doc.empty = _("(no appointments)");
	doc.tabs = tabs;
	doc.n_tabs = nt;
	rc = render(PDF_ABI, &doc, out, msg, sizeof msg);
	if (rc < 0)
		err_set(e, ERR_INPUT, _("could not write the PDF: %s"), msg);
	for (size_t i = 0; i < nt; i++)
		table_release(&tabs[i]);
	free(tabs);
	free(title);
	free(hours);
	return rc;
}

int print_schedule(const struct desk_ctx *d, const struct print_opts *o, FILE *out,
		   struct err *e)
{
	struct model m;
	int n;

	if (o->layout == PRINT_TIMETABLE && o->format != PRINT_PDF)
		return err_set_field(e, ERR_INPUT, "format", _("the timetable is printed as a PDF (--format pdf)"));
	if (model_build(d, o, &m, e) < 0) {
		model_release(&m);
		return -1;
	}
	if (o->format == PRINT_PDF)
		n = print_pdf(&m, out, e);
	else
		n = print_text(&m, out, o->page_lines > 0 ? o->page_lines : 60);
	model_release(&m);
	if (n >= 0 && (fflush(out) == EOF || ferror(out)))
		n = err_set(e, ERR_INPUT, _("could not write the schedule: %s"), strerror(errno));
	return n;
}

int print_schedule_to(const struct desk_ctx *d, const struct print_opts *o, const char *path,
		      struct err *e)
{
	FILE *f;
	int n, fd;

	if (db_refuse_own_file(d->db, path, e) < 0)
		return -1;
	/* a missing PDF renderer leaves no empty file behind */
	if (o->format == PRINT_PDF && !pdf_renderer(e))
		return -1;
	fd = file_open_private(path);
	if (fd < 0 || !(f = fdopen(fd, "w"))) {
		if (fd >= 0)
			close(fd);
		return err_set(e, ERR_INPUT, _("cannot write %s: %s"), path, strerror(errno));
	}
	n = print_schedule(d, o, f, e);
	if (fclose(f) != 0 && n >= 0)
		n = err_set(e, ERR_INPUT, _("cannot write %s: %s"), path, strerror(errno));
	return n;
}

/* ---- the print command ---- */

/* The first word of a shell command when it is a plain program name or
 * path (not an assignment, a subshell or a quote), into buf; else "". */
static const char *first_word(const char *cmd, char *buf, size_t len)
{
	size_t n = 0;

	while (*cmd == ' ' || *cmd == '\t')
		cmd++;
	for (; cmd[n] && cmd[n] != ' ' && cmd[n] != '\t'; n++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.+-/", cmd[n]))
			return buf[0] = '\0', buf;
	if (n >= len)
		n = 0;
	memcpy(buf, cmd, n);
	buf[n] = '\0';
	return buf;
}

static bool on_path(const char *name)
{
	const char *path = getenv("PATH");

	if (strchr(name, '/'))
		return access(name, X_OK) == 0;
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	while (*path) {
		const char *colon = strchr(path, ':');
		size_t l = colon ? (size_t)(colon - path) : strlen(path);
		char *f = xasprintf("%.*s%s%s", (int)l, path, l ? "/" : "", name);
		bool ok = access(f, X_OK) == 0;
		free(f);
		if (ok)
			return true;
		path += l + (colon ? 1 : 0);
	}
	return false;
}

static void shell_quote(struct strbuf *sb, const char *s)
{
	strbuf_adds(sb, "'");
	for (; *s; s++)
		if (*s == '\'')
			strbuf_adds(sb, "'\\''");
		else
			strbuf_add(sb, s, 1);
	strbuf_adds(sb, "'");
}

/* Run sh -c cmd with standard input from in_fd (-1: /dev/null); what it
 * writes, on either stream, goes to an unlinked file and then into out
 * (so nothing reaches the terminal, not even from what it leaves running).
 * English messages (we read lp's answer) in UTF-8; title, when not NULL,
 * in MADOGUCHI_PRINT_TITLE.  The environment is made before fork: pango
 * may run threads, so the child only calls what is safe after fork.
 * Returns the wait status, or -1 with errno. */
static int run_capture(const char *cmd, int in_fd, struct strbuf *out, const char *title)
{
	extern char **environ;
	FILE *log = tmpfile();
	size_t n = 0, k = 0;
	char **env, *title_var = NULL;
	pid_t pid;
	int st = -1, nullfd;

	if (!log)
		return -1;
	while (environ[n])
		n++;
	env = xcalloc(n + 3, sizeof *env);
	for (size_t i = 0; i < n; i++)
		if (strncmp(environ[i], "LC_ALL=", 7) && strncmp(environ[i], "LANGUAGE=", 9) &&
		    strncmp(environ[i], "MADOGUCHI_PRINT_TITLE=", 22))
			env[k++] = environ[i];
	env[k++] = "LC_ALL=C.UTF-8";
	if (title)
		env[k++] = title_var = xasprintf("MADOGUCHI_PRINT_TITLE=%s", title);
	env[k] = NULL;
	nullfd = in_fd >= 0 ? -1 : open("/dev/null", O_RDONLY | O_CLOEXEC);
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		int in = in_fd >= 0 ? in_fd : nullfd;
		if (in < 0 || dup2(in, 0) < 0 || dup2(fileno(log), 1) < 0 || dup2(fileno(log), 2) < 0)
			_exit(126);
		execve("/bin/sh", (char *const[]){ "sh", "-c", (char *)cmd, NULL }, env);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &st, 0) < 0)
			if (errno != EINTR) {
				st = -1;
				break;
			}
	int saved = errno;
	if (nullfd >= 0)
		close(nullfd);
	free(env);
	free(title_var);
	if (pid > 0) {
		char buf[4096];
		size_t got;
		rewind(log);
		while (out->len < 65536 && (got = fread(buf, 1, sizeof buf, log)) > 0)
			strbuf_add(out, buf, got);
	}
	fclose(log);
	errno = saved;
	return pid > 0 ? st : -1;
}

/* The first line of a command's output, cleaned for a message. */
static char *first_line(const struct strbuf *out)
{
	const char *s = strbuf_str(out);
	size_t n = strcspn(s, "\n");
	char *l = xstrndup(s, n > 300 ? 300 : n), *safe = text_safe(l);

	free(l);
	return safe;
}

/* The printer named in the command itself ("lp -d counter"). */
static void dest_in_command(const char *cmd, const char *opt, char *dest, size_t len)
{
	char *copy = xstrdup(cmd), *save = NULL;
	bool next = false;

	for (char *w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		if (next) {
			snprintf(dest, len, "%s", w);
			next = false;
		} else if (!strcmp(w, opt)) {
			next = true;
		} else if (!strncmp(w, opt, 2) && w[2]) {
			snprintf(dest, len, "%s", w + 2);
		}
	}
	free(copy);
}

/* Ask CUPS about the queue (lpstat, C locale): 0 when it takes jobs,
 * -1 with why in msg when it is stopped, refuses or does not exist.
 * Without lpstat nothing is known and lp decides. */
static int check_queue(const char *dest, char *msg, size_t len)
{
	struct strbuf cmd = STRBUF_INIT, out = STRBUF_INIT;
	int st, rc = 0;

	if (!on_path("lpstat") || !dest[0])
		return 0;
	strbuf_adds(&cmd, "lpstat -p ");
	shell_quote(&cmd, dest);
	strbuf_adds(&cmd, " -a ");
	shell_quote(&cmd, dest);
	st = run_capture(strbuf_str(&cmd), -1, &out, NULL);
	if (st == -1 || !WIFEXITED(st)) {
		rc = 0;	/* lp will say */
	} else if (WEXITSTATUS(st) != 0) {
		struct strbuf r = STRBUF_INIT;
		char *l = first_line(&out);
		if (run_capture("lpstat -r", -1, &r, NULL) == 0 && strstr(strbuf_str(&r), "not running"))
			snprintf(msg, len, _("the print service (CUPS) is not running: start it, or set CUPS_SERVER to the print server"));
		else
			snprintf(msg, len, _("printer %s does not exist (%s): check the printer setting; lpstat -p lists the printers"),
				 dest, l);
		strbuf_release(&r);
		free(l);
		rc = -1;
	} else {
		const char *s = strbuf_str(&out), *why = NULL;
		char *pfx_p = xasprintf("printer %s disabled", dest);
		char *pfx_a = xasprintf("%s not accepting", dest);
		bool stopped = false, refusing = false;
		for (const char *line = s; *line;) {
			size_t l = strcspn(line, "\n");
			if (!strncmp(line, pfx_p, strlen(pfx_p)))
				stopped = true, why = line[l] ? line + l + 1 : "";
			else if (!strncmp(line, pfx_a, strlen(pfx_a)) && !stopped)
				refusing = true, why = line[l] ? line + l + 1 : "";
			line += l + (line[l] ? 1 : 0);
		}
		if (stopped || refusing) {
			char reason[256] = "";
			if (why && *why == '\t') {
				size_t l = strcspn(why + 1, "\n");
				char *r = xstrndup(why + 1, l > 200 ? 200 : l), *safe = text_safe(r);
				snprintf(reason, sizeof reason, "%s", text_trim(safe));
				free(r);
				free(safe);
			}
			if (!reason[0])
				snprintf(reason, sizeof reason, "%s", stopped ? _("paused") : _("refusing jobs"));
			snprintf(msg, len, stopped ? _("printer %s is stopped: %s (cupsenable %s starts it)")
						   : _("printer %s is not accepting jobs: %s (cupsaccept %s)"),
				 dest, reason, dest);
			rc = -1;
		}
		free(pfx_p);
		free(pfx_a);
	}
	strbuf_release(&cmd);
	strbuf_release(&out);
	return rc;
}

/* Keep the schedule that could not be printed: copy fd to
 * ~/madoguchi-DATE.EXT (-2, -3 ... when taken), 0600.  0 with the path
 * in r->saved, or -1. */
static int save_instead(const struct print_opts *o, int fd, struct print_result *r)
{
	const char *home = getenv("HOME");
	const char *ext = o->format == PRINT_PDF ? "pdf" : "txt";
	char date[DATE_STRLEN], buf[8192];
	int out = -1;
	ssize_t n;

	if (!home || !*home)
		home = ".";
	date_format(o->day, date);
	for (int i = 1; i < 100 && out < 0; i++) {
		if (i == 1)
			snprintf(r->saved, sizeof r->saved, "%s/madoguchi-%s.%s", home, date, ext);
		else
			snprintf(r->saved, sizeof r->saved, "%s/madoguchi-%s-%d.%s", home, date, i, ext);
		out = open(r->saved, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (out < 0 && errno != EEXIST)
			break;
	}
	if (out < 0 || lseek(fd, 0, SEEK_SET) < 0)
		goto fail;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n)
			goto fail;
	if (n < 0 || fsync(out) < 0 || close(out) < 0) {
		out = -1;
		goto fail;
	}
	return 0;
fail:
	if (out >= 0) {
		close(out);
		unlink(r->saved);
	}
	r->saved[0] = '\0';
	return -1;
}

int print_schedule_send(const struct desk_ctx *d, const struct print_opts *o,
			struct print_result *r, struct err *e)
{
	const struct config *cfg = d->cfg;
	struct strbuf cmd = STRBUF_INIT, out = STRBUF_INIT;
	char prog[256], title[256], why[1200] = "";
	const char *tmpdir = getenv("TMPDIR");
	const char *base;
	bool lp, lpr;
	int fd = -1, rc = -1, st;
	FILE *f;

	memset(r, 0, sizeof *r);
	if (!cfg->print_command[0])
		return err_set_field(e, ERR_INPUT, "output", _("no print command is configured (print_command)"));
	/* the document first, in an unlinked file: nothing is left behind */
	char *tmpl = xasprintf("%s/madoguchi-print-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	fd = mkstemp(tmpl);
	if (fd >= 0)
		unlink(tmpl);
	free(tmpl);
	int fd2 = fd >= 0 ? dup(fd) : -1;
	if (fd2 < 0 || !(f = fdopen(fd2, "w"))) {
		err_set(e, ERR_INPUT, _("cannot make a temporary file: %s"), strerror(errno));
		if (fd2 >= 0)
			close(fd2);
		goto out;
	}
	r->pages = print_schedule(d, o, f, e);
	if (fclose(f) != 0 && r->pages >= 0)
		r->pages = err_set(e, ERR_INPUT, _("could not write the schedule: %s"), strerror(errno));
	if (r->pages < 0)
		goto out;
	if (lseek(fd, 0, SEEK_SET) < 0) {
		err_set(e, ERR_INPUT, _("could not write the schedule: %s"), strerror(errno));
		goto out;
	}

	first_word(cfg->print_command, prog, sizeof prog);
	base = strrchr(prog, '/') ? strrchr(prog, '/') + 1 : prog;
	/* lp's and lpr's options go at the end of a plain command, not of a
	 * pipeline or a list (there MADOGUCHI_PRINT_TITLE tells the title) */
	bool plain = !strpbrk(cfg->print_command, "|;&<>`$()\n");
	lp = plain && !strcmp(base, "lp");
	lpr = plain && !strcmp(base, "lpr");
	if (prog[0] && !on_path(prog)) {
		snprintf(why, sizeof why, _("'%s' not found: install cups-client or set print_command"), prog);
		goto failed;
	}
	if ((lp || lpr) && on_path("lpstat")) {	/* is CUPS there at all? */
		struct strbuf rout = STRBUF_INIT;
		st = run_capture("lpstat -r", -1, &rout, NULL);
		bool down = st == 0 && strstr(strbuf_str(&rout), "not running");
		strbuf_release(&rout);
		if (down) {
			snprintf(why, sizeof why, _("the print service (CUPS) is not running: start it, or set CUPS_SERVER to the print server"));
			goto failed;
		}
	}
	snprintf(r->dest, sizeof r->dest, "%s", cfg->printer);
	if (!r->dest[0] && (lp || lpr))
		dest_in_command(cfg->print_command, lp ? "-d" : "-P", r->dest, sizeof r->dest);
	if (!r->dest[0] && (lp || lpr) && on_path("lpstat")) {	/* the default printer */
		struct strbuf dout = STRBUF_INIT;
		st = run_capture("lpstat -d", -1, &dout, NULL);
		const char *s = strbuf_str(&dout), *p = strstr(s, "system default destination: ");
		if (st == 0 && p) {
			p += strlen("system default destination: ");
			snprintf(r->dest, sizeof r->dest, "%.*s", (int)strcspn(p, " \n"), p);
		}
		strbuf_release(&dout);
	}
	if ((lp || lpr) && check_queue(r->dest, why, sizeof why) < 0)
		goto failed;

	print_job_title(o, title, sizeof title);
	strbuf_adds(&cmd, cfg->print_command);
	if (lp || lpr) {
		strbuf_adds(&cmd, lp ? " -t " : " -T ");
		shell_quote(&cmd, title);
		if (cfg->printer[0]) {
			strbuf_adds(&cmd, lp ? " -d " : " -P ");
			shell_quote(&cmd, cfg->printer);
		}
	}
	st = run_capture(strbuf_str(&cmd), fd, &out, title);	/* the title for any command */
	if (st == -1) {
		snprintf(why, sizeof why, _("cannot run the print command '%s': %s"), cfg->print_command,
			 strerror(errno));
		goto failed;
	}
	if (WIFEXITED(st) && WEXITSTATUS(st) == 127 && prog[0]) {
		snprintf(why, sizeof why, _("'%s' not found: install cups-client or set print_command"), prog);
		goto failed;
	}
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		char *l = first_line(&out);
		if (WIFEXITED(st))
			snprintf(why, sizeof why, _("the print command '%s' failed (exit %d): %s"),
				 cfg->print_command, WEXITSTATUS(st), l[0] ? l : "-");
		else
			snprintf(why, sizeof why, _("the print command '%s' was killed (signal %d)"),
				 cfg->print_command, WTERMSIG(st));
		free(l);
		goto failed;
	}
	const char *rid = strstr(strbuf_str(&out), "request id is ");
	if (rid) {
		rid += strlen("request id is ");
		size_t l = strcspn(rid, " \n");
		char *id = xstrndup(rid, l < 120 ? l : 120), *safe = text_safe(id);
		snprintf(r->request_id, sizeof r->request_id, "%s", safe);
		free(id);
		free(safe);
		if (!r->dest[0] && strrchr(r->request_id, '-'))	/* "DeskPDF-7": its queue */
			snprintf(r->dest, sizeof r->dest, "%.*s",
				 (int)(strrchr(r->request_id, '-') - r->request_id), r->request_id);
	}
	rc = r->pages;
	goto out;

failed:
	for (size_t l = strlen(why); l > 0 && (why[l - 1] == '.' || why[l - 1] == ' '); l--)
		why[l - 1] = '\0';	/* the sentence goes on */
	if (save_instead(o, fd, r) == 0)
		err_set(e, ERR_UNAVAILABLE, _("%s. Nothing was printed; the schedule was saved to %s"), why,
			r->saved);
	else
		err_set(e, ERR_UNAVAILABLE, _("%s. Nothing was printed, and the schedule could not be saved in your home folder: print it with -o FILE"),
			why);
out:
	if (fd >= 0)
		close(fd);
	strbuf_release(&cmd);
	strbuf_release(&out);
	return rc;
}
