#ifndef MADO_REPORT_H
#define MADO_REPORT_H
/* The desk's numbers for a month or a year: inquiries (by the day
 * received) and appointments (by their date) counted by channel,
 * organization type, municipality, topic and status.  Builds the
 * table for people and RFC 4180 CSV as text; no terminal, no files. */

#include <stdbool.h>
#include "core/appt.h"
#include "db/db_inquiry.h"
#include "util/mem.h"

struct report_row {
	enum report_dim dim;
	char *value;			/* stored code or name; "" for none */
	long long count[RR_COUNT];	/* inquiries, appointments */
};

struct report {
	int from_day, to_day;
	struct report_row *rows;	/* by dimension, then value order */
	size_t n, cap;
};

extern const char *const report_dim_code[RD_COUNT];

/* Count everything from..to inclusive.  Appointments of every status
 * count (the status rows tell them apart); an appointment with several
 * topics counts once under each. */
int report_collect(const struct desk_ctx *d, int from, int to, struct report *r,
		   struct err *e);
void report_release(struct report *r);

/* A value for people: Japanese names of codes when ja, "(none)" for "". */
const char *report_label(enum report_dim dim, const char *value, bool ja);

/* CSV, RFC 4180: CRLF line ends, fields with a comma, quote, CR or LF
 * quoted with quotes doubled; a field that a spreadsheet would take
 * for a formula (= + - @ at the start) gets a leading apostrophe.
 * Header: dimension,value,label,inquiries,appointments. */
void report_csv(const struct report *r, bool ja, struct strbuf *out);
/* A table for people, by display width. */
void report_table(const struct report *r, bool ja, struct strbuf *out);

#endif
