#ifndef MADO_PRINT_H
#define MADO_PRINT_H
/* The printed daily schedule: plain text that fits 80 columns (display
 * width; long fields wrapped, never cut; pages of 60 lines with page
 * numbers, form feeds between pages) or an A4 PDF with a ruled table
 * (cairo + pango, Noto Sans CJK JP).  Reads appointments through
 * db_appt_each; no terminal, never writes the database. */

#include <stdbool.h>
#include <stdio.h>
#include "core/appt.h"

enum print_format { PRINT_TEXT, PRINT_PDF };

struct print_opts {
	int day;		/* date.h day number */
	long long staff_id;	/* 0: everyone */
	bool per_staff;		/* each staff member on pages of their own */
	bool no_personal;	/* leave out names, phones, e-mails, notes */
	enum print_format format;
	int page_lines;		/* text lines a page; 0: 60 */
	bool quiet;		/* the print command's output goes to /dev/null
				 * (set it from the screens: lp's "request id"
				 * would scribble over curses) */
};
void print_opts_init(struct print_opts *o, int day);
/* "text" or "pdf"; 0 or -1. */
int print_format_parse(const char *s, enum print_format *f);

/* Write the schedule to out; returns the number of pages or -1. */
int print_schedule(const struct desk_ctx *d, const struct print_opts *o, FILE *out,
		   struct err *e);
/* Write it to path (mode 0600), or with path NULL pipe it to the
 * configured print command (cfg->print_command, default lp). */
int print_schedule_to(const struct desk_ctx *d, const struct print_opts *o, const char *path,
		      struct err *e);

#endif
