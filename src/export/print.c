#include "export/print.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <fcntl.h>
#include <pango/pangocairo.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/desk.h"
#include "db/db_appt.h"
#include "util/date.h"
#include "util/file.h"
#include "util/i18n.h"
#include "util/text.h"

#define TEXT_COLS 80
#define NCOL 8	/* time, channel, organization, contact, topic, staff, room, note */

void print_opts_init(struct print_opts *o, int day)
{
	memset(o, 0, sizeof *o);
	o->day = day;
	o->format = PRINT_TEXT;
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

/* ---- the model: the day's rows, grouped by staff on request ---- */

struct prow {
	char *cell[NCOL];
	long long staff_id;
	char *staff_name;
};

struct model {
	const struct print_opts *o;
	struct prow *rows;
	size_t n, cap;
	char title[256];	/* date, weekday, holiday */
};

static const char *wday_label(int wd)
{
	static const char *const ja[] = { "日", "月", "火", "水", "木", "金", "土" };
	return i18n_japanese() ? ja[wd] : date_wday_name(wd);
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
	for (int t = 0; t < TOPIC_COUNT; t++)
		if (a->topics & (1u << t)) {
			if (sb.len)
				strbuf_adds(&sb, "・");
			strbuf_adds(&sb, i18n_japanese() ? topic_ja[t] : topic_en[t]);
		}
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
}

static int model_build(const struct desk_ctx *d, const struct print_opts *o, struct model *m,
		       struct err *e)
{
	struct appt_filter f;
	struct desk_status ds;
	char date[DATE_STRLEN];

	memset(m, 0, sizeof *m);
	m->o = o;
	appt_filter_init(&f);
	f.from_day = f.to_day = o->day;
	f.staff_id = o->staff_id;
	if (db_appt_each(d->db, &f, collect, m, e) < 0)
		return -1;
	if (o->per_staff && m->n > 1)
		qsort(m->rows, m->n, sizeof *m->rows, cmp_staff);
	snprintf(m->title, sizeof m->title, _("Daily schedule %s (%s)"), date_format(o->day, date),
		 wday_label(date_wday(o->day)));
	if (desk_day_status(d->cfg, d->db, o->day, &ds) != DESK_OPEN) {
		size_t l = strlen(m->title);
		snprintf(m->title + l, sizeof m->title - l, "  %s",
			 i18n_japanese() || !ds.reason_en[0] ? ds.reason : ds.reason_en);
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
		n[k] = text_wrap(r->cell[k], text_w[k], &w[k]);
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
		size_t nn = text_wrap(label, TEXT_COLS - NOTE_INDENT, &nl);
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
		text_pad(&sb, m->title, TEXT_COLS - rw - 1, true, false);
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

#define A4_W 595.276
#define A4_H 841.890
#define MARGIN 36.0
#define PAD 3.0
#define FONT "Noto Sans CJK JP"

static const double pdf_w[NCOL] = { 70, 40, 100, 74, 72, 54, 40, 73.276 };

struct pdf {
	cairo_t *cr;
	PangoFontDescription *font, *bold, *big;
	int page, pages;
};

static PangoLayout *cell_layout(struct pdf *p, const char *text, double width,
				PangoFontDescription *font)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);
	char *safe = text_safe(text);

	pango_layout_set_font_description(l, font);
	pango_layout_set_width(l, (int)((width - 2 * PAD) * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, safe, -1);
	free(safe);
	return l;
}

static double row_height(struct pdf *p, char *const *cells, PangoFontDescription *font)
{
	double h = 0;

	for (int k = 0; k < NCOL; k++) {
		PangoLayout *l = cell_layout(p, cells[k], pdf_w[k], font);
		int lw, lh;
		pango_layout_get_size(l, &lw, &lh);
		if ((double)lh / PANGO_SCALE > h)
			h = (double)lh / PANGO_SCALE;
		g_object_unref(l);
	}
	return h + 2 * PAD;
}

static void draw_row(struct pdf *p, char *const *cells, double y, double h,
		     PangoFontDescription *font, bool shade)
{
	double x = MARGIN;

	if (shade) {
		cairo_set_source_rgb(p->cr, 0.9, 0.9, 0.9);
		cairo_rectangle(p->cr, MARGIN, y, A4_W - 2 * MARGIN, h);
		cairo_fill(p->cr);
	}
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	for (int k = 0; k < NCOL; k++) {
		PangoLayout *l = cell_layout(p, cells[k], pdf_w[k], font);
		cairo_move_to(p->cr, x + PAD, y + PAD);
		pango_cairo_show_layout(p->cr, l);
		g_object_unref(l);
		cairo_rectangle(p->cr, x, y, pdf_w[k], h);
		x += pdf_w[k];
	}
	cairo_set_line_width(p->cr, 0.5);
	cairo_stroke(p->cr);
}

static void draw_text(struct pdf *p, const char *s, double x, double y,
		      PangoFontDescription *font, bool right)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);
	char *safe = text_safe(s);
	int w, h;

	pango_layout_set_font_description(l, font);
	pango_layout_set_text(l, safe, -1);
	pango_layout_get_size(l, &w, &h);
	cairo_move_to(p->cr, right ? x - (double)w / PANGO_SCALE : x, y);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
	free(safe);
}

/* Lay out (draw false: only count pages) or draw the whole schedule. */
static int pdf_pass(struct pdf *p, const struct model *m, bool draw)
{
	char *head[NCOL];
	size_t from = 0, to = 0;
	double bottom = A4_H - MARGIN - 18, y = 0;

	for (int k = 0; k < NCOL; k++)
		head[k] = (char *)col_name(k);
	p->page = 0;
	double hh = row_height(p, head, p->bold);
	while (next_group(m, &from, &to)) {
		bool new_page = true;
		size_t i = from;
		do {
			if (new_page) {
				if (draw && p->page > 0)
					cairo_show_page(p->cr);
				p->page++;
				y = MARGIN;
				if (draw) {
					struct strbuf lbl = STRBUF_INIT, pg = STRBUF_INIT;
					cairo_set_source_rgb(p->cr, 0, 0, 0);
					draw_text(p, m->title, MARGIN, y, p->big, false);
					group_label(m, from, &lbl);
					if (lbl.len)
						draw_text(p, strbuf_str(&lbl), A4_W - MARGIN, y + 4, p->font, true);
					strbuf_addf(&pg, _("page %d/%d"), p->page, p->pages);
					draw_text(p, strbuf_str(&pg), A4_W / 2, A4_H - MARGIN - 10, p->font, false);
					strbuf_release(&lbl);
					strbuf_release(&pg);
				}
				y += 28;
				if (draw)
					draw_row(p, head, y, hh, p->bold, true);
				y += hh;
				new_page = false;
			}
			if (m->n == 0) {
				if (draw) {
					cairo_set_source_rgb(p->cr, 0, 0, 0);
					draw_text(p, _("(no appointments)"), MARGIN + PAD, y + PAD, p->font, false);
				}
				break;
			}
			double h = row_height(p, m->rows[i].cell, p->font);
			if (y + h > bottom && y > MARGIN + 28 + hh + 0.5) {
				new_page = true;
				continue;
			}
			if (draw)
				draw_row(p, m->rows[i].cell, y, h, p->font, false);
			y += h;
			i++;
		} while (i < to);
	}
	return p->page;
}

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static int print_pdf(const struct model *m, FILE *out, struct err *e)
{
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_out, out, A4_W, A4_H);
	struct pdf p;
	int rc = -1;

	memset(&p, 0, sizeof p);
	p.cr = cairo_create(s);
	p.font = pango_font_description_from_string(FONT " 8");
	p.bold = pango_font_description_from_string(FONT " Bold 8");
	p.big = pango_font_description_from_string(FONT " Bold 13");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, m->title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "madoguchi");
	p.pages = pdf_pass(&p, m, false);
	pdf_pass(&p, m, true);
	cairo_show_page(p.cr);
	pango_font_description_free(p.font);
	pango_font_description_free(p.bold);
	pango_font_description_free(p.big);
	cairo_destroy(p.cr);
	cairo_surface_finish(s);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		err_set(e, ERR_INPUT, _("could not write the PDF: %s"),
			cairo_status_to_string(cairo_surface_status(s)));
	else
		rc = p.pages;
	cairo_surface_destroy(s);
	/* drop pango's font map and cairo's caches: nothing stays behind */
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	return rc;
}

int print_schedule(const struct desk_ctx *d, const struct print_opts *o, FILE *out,
		   struct err *e)
{
	struct model m;
	int n;

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
	int n, st;

	if (path) {
		if (db_refuse_own_file(d->db, path, e) < 0)
			return -1;
		int fd = file_open_private(path);
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
	if (!d->cfg->print_command[0])
		return err_set(e, ERR_INPUT, _("no print command is configured (print_command)"));
	fflush(NULL);
	char *cmd = o->quiet ? xasprintf("(%s) >/dev/null 2>&1", d->cfg->print_command)
			     : xstrdup(d->cfg->print_command);
	f = popen(cmd, "w");
	free(cmd);
	if (!f)
		return err_set(e, ERR_INPUT, _("cannot run the print command '%s': %s"),
			       d->cfg->print_command, strerror(errno));
	/* a print command that exits early must give an error, not SIGPIPE */
	struct sigaction ign, old;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old);
	n = print_schedule(d, o, f, e);
	st = pclose(f);
	sigaction(SIGPIPE, &old, NULL);
	if (n >= 0 && st != 0)
		n = err_set(e, ERR_INPUT, _("the print command '%s' failed (status %d)"),
			    d->cfg->print_command, st);
	return n;
}
