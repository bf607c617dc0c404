#ifndef MADO_CLI_MAIL_H
#define MADO_CLI_MAIL_H
/* Letters from the command line: --mail / --no-mail on the booking
 * commands, the config default (mail = ask|always|never), `mail` and
 * `remind`.  Output names appointments by id, never a person or an
 * address (remind's runs from cron end up in logs). */

#include "app.h"

enum cli_mail_flag { CLI_MAIL_DEFAULT = -1, CLI_MAIL_NO = 0, CLI_MAIL_YES = 1 };

/* Take --mail and --no-mail out of argv (argc shrinks) before getopt;
 * the last one given counts.  -1 (with a usage message) when --mail is
 * asked for but mail is off or not set up; else the flag. */
int cli_mail_flag(struct app *app, const char *cmd, int *argc, char **argv,
		  enum cli_mail_flag *flag);
/* After a booking operation succeeded: send the letter of kind
 * (enum mail_kind, -1 none) for appointment id when flag or the config
 * says so.  Says what happened; a failed send only warns (the booking
 * stands, the letter is queued). */
void cli_mail_after(struct app *app, long long id, int kind, enum cli_mail_flag flag);
/* The letters of one appointment, for `show`. */
void cli_mail_history(struct app *app, long long id);

#endif
