#ifndef MADO_PRINT_H
#define MADO_PRINT_H
/* The printed daily schedule: plain text that fits 80 columns (display
 * width; cells wrapped at word and Japanese line-break boundaries, never
 * cut, numbers never split; pages of 60 lines with page numbers, form
 * feeds between pages) or an A4 PDF (cairo + pango, Noto Sans CJK JP):
 * the list (portrait, columns sized to their content) or the timetable
 * (landscape, slots as rows, staff as columns).  Sends it to the print
 * command (lp) with a job title and the configured printer, and keeps
 * the schedule in a file when the printer cannot take it.  Reads
 * appointments through db_appt_each; no terminal, never writes the
 * database. */

#include <stdbool.h>
#include <stdio.h>
#include "core/appt.h"

enum print_format { PRINT_TEXT, PRINT_PDF };
enum print_layout { PRINT_LIST, PRINT_TIMETABLE };

struct print_opts {
	int day;		/* date.h day number */
	long long staff_id;	/* 0: everyone */
	bool per_staff;		/* each staff member on pages of their own */
	bool no_personal;	/* leave out names, phones, e-mails, notes */
	enum print_format format;
	enum print_layout layout;	/* PRINT_TIMETABLE: PDF only */
	int page_lines;		/* text lines a page; 0: 60 */
};
void print_opts_init(struct print_opts *o, int day);
/* "text" or "pdf"; 0 or -1. */
int print_format_parse(const char *s, enum print_format *f);
/* "list" or "timetable"; 0 or -1. */
int print_layout_parse(const char *s, enum print_layout *l);

/* What happened to a job sent to the print command. */
struct print_result {
	int pages;
	char dest[128];		/* the printer it went to ("" when not known) */
	char request_id[128];	/* what lp answered ("DeskPDF-7"), or "" */
	char saved[1024];	/* on failure: where the schedule was kept, or "" */
};

/* Write the schedule to out; returns the number of pages or -1. */
int print_schedule(const struct desk_ctx *d, const struct print_opts *o, FILE *out,
		   struct err *e);
/* Write it to path (mode 0600). */
int print_schedule_to(const struct desk_ctx *d, const struct print_opts *o, const char *path,
		      struct err *e);
/* Send it to the configured print command (cfg->print_command, lp by
 * default) with the job's title and cfg->printer (-t/-d for lp, -T/-P
 * for lpr).  For lp and lpr the queue is asked first (lpstat): a
 * stopped, refusing or unknown printer is not sent to.  The command's
 * output is read, never shown on the terminal; lp's request id goes to
 * r.  On any failure the schedule is saved to ~/madoguchi-DATE.pdf (or
 * .txt; -2, -3 ... when taken), e says why and where (ERR_UNAVAILABLE)
 * and -1 is returned; else the number of pages. */
int print_schedule_send(const struct desk_ctx *d, const struct print_opts *o,
			struct print_result *r, struct err *e);
/* The job title: the day and the desk ("madoguchi 2026-11-25 (Wed)
 * daily schedule"), into buf. */
char *print_job_title(const struct print_opts *o, char *buf, size_t len);

#endif
