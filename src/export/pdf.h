#ifndef MADO_PDF_H
#define MADO_PDF_H
/* The PDF renderer (cairo and pango), built as a plugin of its own,
 * madoguchi-pdf.so, that print.c loads with dlopen() only when a PDF is
 * printed: no other command loads cairo, pango, harfbuzz, fontconfig,
 * freetype or glib (issue 17: they were most of every start-up).  It
 * knows nothing of the desk and links nothing of the program: it lays
 * out and draws the tables it is handed, whose text is already made
 * safe (text_sanitize()) and whose strings are already translated. */

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define PDF_PLUGIN_NAME "madoguchi-pdf.so"
#define PDF_RENDER_SYMBOL "mado_pdf_render"
#define PDF_ABI 1		/* what the structs below look like */
#define PDF_MAX_COLS 40

/* A row: its cells, the note drawn under it across the table (or NULL),
 * its group (a new group starts a page). */
struct pdf_trow {
	char **cell;
	char *note;
	size_t group;
};

/* A table: column names, rows, a label per group ("Staff: 山田 花子" or
 * ""); w[] is the renderer's (column widths in points). */
struct pdf_table {
	int ncol;
	char **head;
	struct pdf_trow *rows;
	size_t n;
	char **group_label;
	size_t n_groups;
	double w[PDF_MAX_COLS];
};

struct pdf_doc {
	bool timetable;		/* landscape, the first column a time, the rest equal */
	const char *title;	/* on every page, and the PDF's title */
	const char *hours;	/* under the title, or "" */
	const char *page_fmt;	/* "page %d/%d", translated: the page, the pages */
	const char *empty;	/* "(no appointments)", translated */
	struct pdf_table *tabs;	/* drawn one after the other, pages numbered on */
	size_t n_tabs;
};

/* Write d as a PDF to out.  Returns the number of pages, or -1 with a
 * message (in English; the caller translates what it reports) in err.
 * abi must be PDF_ABI. */
typedef int pdf_render_fn(int abi, const struct pdf_doc *d, FILE *out, char *err, size_t errlen);
pdf_render_fn mado_pdf_render;

#endif
