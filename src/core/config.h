#ifndef MADO_CONFIG_H
#define MADO_CONFIG_H
/* The desk's settings, read from $XDG_CONFIG_HOME/madoguchi/config
 * (else ~/.config/madoguchi/config): `key = value` lines, # comments.
 * Knows the desk's keys; keeps key.* and other sections' entries as
 * plain pairs for the screens to read.  No database, no terminal. */

#include <stdbool.h>
#include <stddef.h>
#include "util/err.h"

#define CONFIG_MAX_CLOSED 32

struct config_closed {	/* a yearly closed period, month/day to month/day */
	int from_m, from_d, to_m, to_d;
};

struct config_pair {
	char *key, *value;
};

struct config {
	int open_min, close_min;	/* desk hours, minutes after midnight */
	int slot;			/* slot length in minutes */
	char timezone[64];
	char print_command[256];
	char print_format[8];		/* what goes to the print command: "pdf" or "text" */
	char printer[128];		/* the destination (lp -d, lpr -P); "": the default */
	int deadline_alarm_days;	/* VALARM this many days before a deadline */
	int retention_days;		/* `retention` default age; 0: not set */
	/* letters to a booking's contact (export/mail.h) */
	enum config_mail { CONFIG_MAIL_ASK, CONFIG_MAIL_ALWAYS, CONFIG_MAIL_NEVER } mail;
	char mail_command[256];		/* sendmail-compatible, reads the message on stdin */
	char mail_from[256];		/* the desk's address (From:, ORGANIZER) */
	int mail_timeout;		/* seconds the mail command may take */
	struct config_closed closed[CONFIG_MAX_CLOSED];
	int n_closed;
	char *rooms;			/* comma separated list of visit rooms */
	struct config_pair *extra;	/* key.*, form.* and others */
	size_t n_extra;
	char path[1024];		/* the file read, or "" */
};

/* Defaults: weekdays 10:00-17:00, 30-minute slots, closed 12/29-1/3,
 * Asia/Tokyo, print the PDF with lp to the default printer. */
void config_defaults(struct config *c);
/* Read a config file if it exists (a missing file is not an error). */
int config_load(struct config *c, const char *path, struct err *e);
/* Parse a buffer of config text; file names the source in messages. */
int config_parse(struct config *c, const char *buf, size_t len,
		 const char *file, struct err *e);
/* Set one key; used by the parser and by `--set`-like callers. */
int config_set(struct config *c, const char *key, const char *value, struct err *e);
/* An extra pair's value, or NULL. */
const char *config_get(const struct config *c, const char *key);
/* Path of the config directory: $XDG_CONFIG_HOME/madoguchi or
 * $HOME/.config/madoguchi (buf of size n); NULL (and buf "") when
 * neither variable holds an absolute path: never the current
 * directory. */
char *config_dir(char *buf, size_t n);
/* The data directory, the same way: $XDG_DATA_HOME/madoguchi or
 * $HOME/.local/share/madoguchi; NULL when neither is usable. */
char *config_data_dir(char *buf, size_t n);
void config_release(struct config *c);

/* Whether month/day falls in one of the desk's own closed periods. */
bool config_closed_on(const struct config *c, int month, int day);

#endif
