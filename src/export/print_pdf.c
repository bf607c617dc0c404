/* The PDF renderer, a plugin of its own (madoguchi-pdf.so): see pdf.h.
 * Only libc, cairo and pango; nothing of the program. */
#include "export/pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <string.h>

#define A4_W 595.276
#define A4_H 841.890
#define MARGIN 36.0
#define PAD 3.0
#define FONT "Noto Sans CJK JP"

struct pdf {
	cairo_t *cr;
	PangoFontDescription *font, *bold, *big;
	double pw, ph;	/* the page */
	int page, pages;
};

static PangoLayout *text_layout(struct pdf *p, const char *text, PangoFontDescription *font)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);

	/* the caller made the text safe (text_sanitize()) */
	pango_layout_set_font_description(l, font);
	pango_layout_set_text(l, text ? text : "", -1);
	return l;
}

static PangoLayout *cell_layout(struct pdf *p, const char *text, double width,
				PangoFontDescription *font)
{
	PangoLayout *l = text_layout(p, text, font);

	pango_layout_set_width(l, (int)((width - 2 * PAD) * PANGO_SCALE));
	/* word and Japanese line-break boundaries; inside a word only when
	 * the word alone is wider than the cell */
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	return l;
}

/* The widest unbreakable piece of text (its longest word, a phone
 * number, a time) and its width on one line, in points. */
static void measure(struct pdf *p, const char *text, PangoFontDescription *font, double *minw,
		    double *prefw)
{
	PangoLayout *l = text_layout(p, text, font);
	PangoRectangle r;

	pango_layout_get_extents(l, NULL, &r);
	*prefw = (double)r.width / PANGO_SCALE;
	pango_layout_set_width(l, 1);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	*minw = 0;
	for (int i = 0; i < pango_layout_get_line_count(l); i++) {
		pango_layout_line_get_extents(pango_layout_get_line_readonly(l, i), NULL, &r);
		if ((double)r.width / PANGO_SCALE > *minw)
			*minw = (double)r.width / PANGO_SCALE;
	}
	g_object_unref(l);
}

/* Column widths from the content: every column at least its widest
 * word (so a number or a word is never split), narrow columns as wide
 * as their longest line, the rest shared by the wide ones in proportion
 * to their text. */
static void size_columns(struct pdf *p, struct pdf_table *t, double avail)
{
	double minw[PDF_MAX_COLS], pref[PDF_MAX_COLS], sum_min = 0;
	bool fixed[PDF_MAX_COLS];
	int nc = t->ncol;

	for (int k = 0; k < nc; k++) {
		measure(p, t->head[k], p->bold, &minw[k], &pref[k]);
		for (size_t i = 0; i < t->n; i++) {
			double mn, pf;
			measure(p, t->rows[i].cell[k], p->font, &mn, &pf);
			if (mn > minw[k])
				minw[k] = mn;
			if (pf > pref[k])
				pref[k] = pf;
		}
		minw[k] += 2 * PAD + 1;
		pref[k] += 2 * PAD + 1;
		sum_min += minw[k];
		fixed[k] = false;
	}
	if (sum_min >= avail) {	/* too many long words: scale down (last resort) */
		for (int k = 0; k < nc; k++)
			t->w[k] = minw[k] * avail / sum_min;
		return;
	}
	/* columns whose whole text fits their fair share get it */
	double left = avail;
	int nleft = nc;
	for (bool again = true; again && nleft > 0;) {
		again = false;
		for (int k = 0; k < nc; k++)
			if (!fixed[k] && pref[k] <= left / nleft) {
				t->w[k] = pref[k];
				fixed[k] = true;
				left -= pref[k];
				nleft--;
				again = true;
			}
	}
	if (!nleft) {	/* everything fits: the spare room to the widest text */
		int widest = 0;
		for (int k = 1; k < nc; k++)
			if (pref[k] > pref[widest])
				widest = k;
		t->w[widest] += left;
		return;
	}
	/* the others: their minimum, and the rest in proportion to their text */
	double extra = left, want = 0;
	for (int k = 0; k < nc; k++)
		if (!fixed[k]) {
			t->w[k] = minw[k];
			extra -= minw[k];
			want += pref[k] - minw[k];
		}
	for (int k = 0; k < nc; k++)
		if (!fixed[k] && want > 0)
			t->w[k] += extra * (pref[k] - minw[k]) / want;
}

static double table_width(const struct pdf_table *t)
{
	double w = 0;

	for (int k = 0; k < t->ncol; k++)
		w += t->w[k];
	return w;
}

/* The height of the note under a row (0: none). */
static double note_height(struct pdf *p, const struct pdf_table *t, const char *note)
{
	PangoLayout *l;
	int lw, lh;

	if (!note)
		return 0;
	l = cell_layout(p, note, table_width(t), p->font);
	pango_layout_get_size(l, &lw, &lh);
	g_object_unref(l);
	return (double)lh / PANGO_SCALE + 2 * PAD;
}

static double row_height(struct pdf *p, const struct pdf_table *t, char *const *cells,
			 PangoFontDescription *font)
{
	double h = 0;

	for (int k = 0; k < t->ncol; k++) {
		PangoLayout *l = cell_layout(p, cells[k], t->w[k], font);
		int lw, lh;
		pango_layout_get_size(l, &lw, &lh);
		if ((double)lh / PANGO_SCALE > h)
			h = (double)lh / PANGO_SCALE;
		g_object_unref(l);
	}
	return h + 2 * PAD;
}

static void draw_row(struct pdf *p, const struct pdf_table *t, char *const *cells, double y, double h,
		     PangoFontDescription *font, bool shade)
{
	double x = MARGIN, total = table_width(t);

	if (shade) {
		cairo_set_source_rgb(p->cr, 0.9, 0.9, 0.9);
		cairo_rectangle(p->cr, MARGIN, y, total, h);
		cairo_fill(p->cr);
	}
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	for (int k = 0; k < t->ncol; k++) {
		PangoLayout *l = cell_layout(p, cells[k], t->w[k], font);
		cairo_move_to(p->cr, x + PAD, y + PAD);
		pango_cairo_show_layout(p->cr, l);
		g_object_unref(l);
		cairo_rectangle(p->cr, x, y, t->w[k], h);
		x += t->w[k];
	}
	cairo_set_line_width(p->cr, 0.5);
	cairo_stroke(p->cr);
}

static void draw_note(struct pdf *p, const struct pdf_table *t, const char *note, double y, double h)
{
	PangoLayout *l = cell_layout(p, note, table_width(t), p->font);

	cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_move_to(p->cr, MARGIN + PAD, y + PAD);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
	cairo_rectangle(p->cr, MARGIN, y, table_width(t), h);
	cairo_set_line_width(p->cr, 0.5);
	cairo_stroke(p->cr);
}

static void draw_text(struct pdf *p, const char *s, double x, double y,
		      PangoFontDescription *font, int align)	/* -1 left, 0 centre, 1 right */
{
	PangoLayout *l = text_layout(p, s, font);
	int w, h;

	pango_layout_get_size(l, &w, &h);
	cairo_move_to(p->cr, align > 0 ? x - (double)w / PANGO_SCALE
				       : align == 0 ? x - (double)w / PANGO_SCALE / 2 : x, y);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
}

/* Lay out (draw false: only count pages) or draw the whole table. */
static int pdf_pass(struct pdf *p, const struct pdf_doc *m, const struct pdf_table *t, int page0,
		    bool draw)
{
	double bottom = p->ph - MARGIN - 18, y = 0, top;
	double hh = row_height(p, t, t->head, p->bold);
	size_t i = 0;
	bool new_page = true;

	p->page = page0;
	top = MARGIN + 42;
	do {
		if (new_page) {
			if (draw && p->page > 0)
				cairo_show_page(p->cr);
			p->page++;
			if (draw) {
				char pg[64];
				const char *lbl = t->n ? t->group_label[t->rows[i].group] : "";
				cairo_set_source_rgb(p->cr, 0, 0, 0);
				draw_text(p, m->title, MARGIN, MARGIN, p->big, -1);
				if (m->hours[0])
					draw_text(p, m->hours, MARGIN, MARGIN + 24, p->font, -1);
				if (lbl[0])
					draw_text(p, lbl, p->pw - MARGIN, MARGIN + 24, p->bold, 1);
				snprintf(pg, sizeof pg, m->page_fmt, p->page, p->pages);
				draw_text(p, pg, p->pw / 2, p->ph - MARGIN - 10, p->font, 0);
			}
			y = top;
			if (draw)
				draw_row(p, t, t->head, y, hh, p->bold, true);
			y += hh;
			new_page = false;
		}
		if (t->n == 0) {
			if (draw) {
				cairo_set_source_rgb(p->cr, 0, 0, 0);
				draw_text(p, m->empty, MARGIN + PAD, y + PAD, p->font, -1);
			}
			break;
		}
		if (i > 0 && t->rows[i].group != t->rows[i - 1].group && y > top + hh + 0.5) {
			new_page = true;
			continue;
		}
		double h = row_height(p, t, t->rows[i].cell, p->font);
		double nh = note_height(p, t, t->rows[i].note);
		if (y + h + nh > bottom && y > top + hh + 0.5) {
			new_page = true;
			continue;
		}
		if (draw) {
			draw_row(p, t, t->rows[i].cell, y, h, p->font, false);
			if (nh > 0)
				draw_note(p, t, t->rows[i].note, y + h, nh);
		}
		y += h + nh;
		i++;
	} while (i < t->n);
	return p->page - page0;
}


static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

int mado_pdf_render(int abi, const struct pdf_doc *d, FILE *out, char *err, size_t errlen)
{
	bool tt = d->timetable;
	double pw = tt ? A4_H : A4_W, ph = tt ? A4_W : A4_H;
	cairo_surface_t *s;
	struct pdf p;
	int rc = -1;

	if (abi != PDF_ABI) {
		snprintf(err, errlen, "%s is of another version (%d, not %d)", PDF_PLUGIN_NAME, PDF_ABI, abi);
		return -1;
	}
	s = cairo_pdf_surface_create_for_stream(write_out, out, pw, ph);
	memset(&p, 0, sizeof p);
	p.pw = pw;
	p.ph = ph;
	p.cr = cairo_create(s);
	p.font = pango_font_description_from_string(tt ? FONT " 7" : FONT " 8");
	p.bold = pango_font_description_from_string(tt ? FONT " Bold 7" : FONT " Bold 8");
	p.big = pango_font_description_from_string(FONT " Bold 13");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, d->title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "madoguchi");
	for (size_t i = 0; i < d->n_tabs; i++) {
		struct pdf_table *t = &d->tabs[i];
		if (!tt) {
			size_columns(&p, t, pw - 2 * MARGIN);
			continue;
		}
		/* the time, then the staff side by side in equal columns */
		double tw, mn, pf;
		measure(&p, "00:00", p.bold, &mn, &pf);
		t->w[0] = pf + 2 * PAD + 2;
		tw = pw - 2 * MARGIN - t->w[0];
		for (int k = 1; k < t->ncol; k++)
			t->w[k] = tw / (t->ncol - 1);
	}
	int total = 0;
	for (size_t i = 0; i < d->n_tabs; i++)
		total += pdf_pass(&p, d, &d->tabs[i], total, false);
	p.pages = total;
	for (size_t i = 0, done = 0; i < d->n_tabs; i++)	/* page numbers go on across the tables */
		done += (size_t)pdf_pass(&p, d, &d->tabs[i], (int)done, true);
	cairo_show_page(p.cr);
	pango_font_description_free(p.font);
	pango_font_description_free(p.bold);
	pango_font_description_free(p.big);
	cairo_destroy(p.cr);
	cairo_surface_finish(s);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		snprintf(err, errlen, "%s", cairo_status_to_string(cairo_surface_status(s)));
	else
		rc = total;
	cairo_surface_destroy(s);
	/* drop pango's font map and cairo's caches: nothing stays behind */
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	return rc;
}
