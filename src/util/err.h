#ifndef MADO_ERR_H
#define MADO_ERR_H
/* An error for people: a message and its class, which is also the
 * command line's exit code.  Functions return -1 and fill a struct err
 * passed by the caller; the status line or stderr shows err.msg. */

enum err_code {
	ERR_NONE = 0,
	ERR_RULE = 1,	/* refused by a desk rule; the message says which */
	ERR_INPUT = 2,	/* bad usage or bad input */
	ERR_DB = 3,	/* database problem */
	ERR_UNAVAILABLE = 3,	/* a service is not there (a stopped printer): exit 3 too */
};

struct err {
	enum err_code code;
	char msg[1024];
	char field[32];	/* the input field the error is about, or "" */
	char refusal[256];	/* ERR_RULE: the keys of every refusal (core/appt.h) */
};

int err_set(struct err *e, enum err_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Same, naming the field (a form key: date, start, staff, room ...) so
 * a form can show the message next to it. */
int err_set_field(struct err *e, enum err_code code, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void err_clear(struct err *e);

#endif
