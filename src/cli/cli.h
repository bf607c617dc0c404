#ifndef MADO_CLI_H
#define MADO_CLI_H
/* The command line: `madoguchi [--db PATH] COMMAND ...`.  Each command
 * does what a screen does, prints plain text for people (or --tsv for
 * scripts) and exits 0 done, 1 refused by a desk rule, 2 bad usage or
 * input, 3 database problem. */

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include "app.h"
#include "util/text.h"

/* Run argv[0] as a command; returns the exit code. */
int cli_main(struct app *app, int argc, char **argv);
/* The usage text of all commands (for --help). */
void cli_help(FILE *out);

/* For the command files: */
struct cli_cmd {
	const char *name;
	int (*run)(struct app *app, int argc, char **argv);
	int open;		/* DB_CREATE etc. to open the database; -1 none */
	const char *usage;	/* "book --date D --start HH:MM ..." */
	const char *help;	/* one line */
};

/* Print app->err (or msg) to stderr and return its exit code. */
int cli_fail(struct app *app);
/* Report bad usage of cmd: message and the command's usage; returns 2. */
int cli_usage(struct app *app, const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* getopt_long over a command's arguments; 0 at the end, '?' on error
 * (message already printed). */
int cli_getopt(int argc, char **argv, const struct option *opts, int *idx);

/* Dates: YYYY-MM-DD, today, tomorrow, yesterday, +N/-N days. */
int cli_date(struct app *app, const char *s, int *day);
int cli_time(struct app *app, const char *s, int *min);
/* An organization by id or exact name, else a unique search match. */
int cli_org(struct app *app, const char *s, long long *id);
/* A staff member by name or id. */
int cli_staff(struct app *app, const char *s, long long *id);
/* The options of `book`, shared with `inquiry book`, into r as typed
 * (repeated --topic options joined in topics, which r->topics then
 * points into).  0 or an exit code. */
int cli_book_parse(int argc, char **argv, struct appt_req *r, struct strbuf *topics);
/* Report a refused booking (with how to override a rule); exit code. */
int cli_book_refused(struct app *app);
/* A command with sub-commands (inquiry add, program list ...). */
struct cli_sub {
	const char *name;
	int (*run)(struct app *app, int argc, char **argv);
};
/* Run argv[1] from subs (NULL-terminated) with argv shifted so the
 * sub-command is argv[0]; usage errors name cmd. */
int cli_dispatch(struct app *app, const char *cmd, const struct cli_sub *subs,
		 int argc, char **argv);
/* An application status by code or Japanese name. 0 or exit code 2. */
int cli_app_status(struct app *app, const char *cmd, const char *s, enum app_status *out);
/* Parse a positive record id. */
int cli_id(struct app *app, const char *s, const char *what, long long *id);
/* Write s safe for a terminal (sanitized); for TSV, tabs and newlines
 * become spaces. */
void cli_put(FILE *out, const char *s);
/* Pad s to cols display columns (sanitized). */
void cli_pad(FILE *out, const char *s, int cols);

#endif
