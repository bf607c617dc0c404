#include "core/config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/date.h"
#include "util/i18n.h"
#include "util/mem.h"
#include "util/text.h"

void config_defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->open_min = 10 * 60;
	c->close_min = 17 * 60;
	c->slot = 30;
	c->deadline_alarm_days = 3;
	c->mail_timeout = 60;
	snprintf(c->timezone, sizeof c->timezone, "Asia/Tokyo");
	snprintf(c->print_command, sizeof c->print_command, "lp");
	snprintf(c->print_format, sizeof c->print_format, "pdf");
	c->closed[0] = (struct config_closed){ 12, 29, 12, 31 };
	c->closed[1] = (struct config_closed){ 1, 1, 1, 3 };
	c->n_closed = 2;
	c->rooms = xstrdup("相談室A,相談室B");
}

/* An XDG base directory variable counts only when it is an absolute
 * path (the XDG spec); so does HOME here: a relative or empty one would
 * make the current directory the place of settings and data. */
static const char *abs_env(const char *name)
{
	const char *v = getenv(name);

	return v && v[0] == '/' ? v : NULL;
}

char *config_dir(char *buf, size_t n)
{
	const char *x = abs_env("XDG_CONFIG_HOME");
	const char *home = abs_env("HOME");

	buf[0] = '\0';
	if (x)
		snprintf(buf, n, "%s/madoguchi", x);
	else if (home)
		snprintf(buf, n, "%s/.config/madoguchi", home);
	else
		return NULL;
	return buf;
}

char *config_data_dir(char *buf, size_t n)
{
	const char *x = abs_env("XDG_DATA_HOME");
	const char *home = abs_env("HOME");

	buf[0] = '\0';
	if (x)
		snprintf(buf, n, "%s/madoguchi", x);
	else if (home)
		snprintf(buf, n, "%s/.local/share/madoguchi", home);
	else
		return NULL;
	return buf;
}

/* A zone name the system knows: a TZif file under $TZDIR or
 * /usr/share/zoneinfo.  A misspelled name would make the C library
 * fall back to UTC silently. */
static bool zone_known(const char *v)
{
	const char *dir = getenv("TZDIR");
	char path[600], magic[4];
	FILE *f;
	bool ok;

	if (!*v || strlen(v) > 200 || v[0] == '/' || strstr(v, "..") ||
	    strspn(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_+-") != strlen(v))
		return false;
	snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", v);
	if (!(f = fopen(path, "rb")))
		return false;
	ok = fread(magic, 1, 4, f) == 4 && !memcmp(magic, "TZif", 4);
	fclose(f);
	return ok;
}

static int parse_md(const char *s, int *m, int *d)
{
	char extra;

	if (sscanf(s, "%d-%d%c", m, d, &extra) != 2)
		return -1;
	if (*m < 1 || *m > 12 || *d < 1 || *d > date_days_in_month(2000, *m))
		return -1;
	return 0;
}

/* "12-29..01-03, 08-13..08-15, 05-01" */
static int parse_closed(struct config *c, const char *v, struct err *e)
{
	char *copy = xstrdup(v), *save = NULL;
	int n = 0, rc = -1;

	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *t = text_trim(tok), *dots = strstr(t, "..");
		struct config_closed cl;

		if (!*t)
			continue;
		if (n >= CONFIG_MAX_CLOSED) {
			err_set(e, ERR_INPUT, _("closed: at most %d periods"), CONFIG_MAX_CLOSED);
			goto out;
		}
		if (dots) {
			*dots = '\0';
			if (parse_md(text_trim(t), &cl.from_m, &cl.from_d) < 0 ||
			    parse_md(text_trim(dots + 2), &cl.to_m, &cl.to_d) < 0)
				goto bad;
		} else {
			if (parse_md(t, &cl.from_m, &cl.from_d) < 0)
				goto bad;
			cl.to_m = cl.from_m;
			cl.to_d = cl.from_d;
		}
		/* a period across the new year is two periods */
		if (cl.to_m * 100 + cl.to_d < cl.from_m * 100 + cl.from_d) {
			if (n + 1 >= CONFIG_MAX_CLOSED) {
				err_set(e, ERR_INPUT, _("closed: at most %d periods"), CONFIG_MAX_CLOSED);
				goto out;
			}
			c->closed[n++] = (struct config_closed){ cl.from_m, cl.from_d, 12, 31 };
			c->closed[n++] = (struct config_closed){ 1, 1, cl.to_m, cl.to_d };
		} else {
			c->closed[n++] = cl;
		}
	}
	c->n_closed = n;
	rc = 0;
	goto out;
bad:
	err_set(e, ERR_INPUT, _("closed: '%s' is not MM-DD or MM-DD..MM-DD"), v);
out:
	free(copy);
	return rc;
}

static int parse_hours(struct config *c, const char *v, struct err *e)
{
	char a[8], b[8];
	int from, to;

	if (sscanf(v, "%7[0-9:]-%7[0-9:]", a, b) != 2 || time_parse(a, &from, false) < 0 ||
	    time_parse(b, &to, true) < 0 || from >= to)
		return err_set(e, ERR_INPUT, _("hours: '%s' is not HH:MM-HH:MM"), v);
	c->open_min = from;
	c->close_min = to;
	return 0;
}

static int set_str(char *dst, size_t n, const char *key, const char *v, struct err *e)
{
	if (strlen(v) >= n)
		return err_set(e, ERR_INPUT, _("%s: too long"), key);
	snprintf(dst, n, "%s", v);
	return 0;
}

int config_set(struct config *c, const char *key, const char *v, struct err *e)
{
	char msg[256];

	if (text_check(key, v, TEXT_LINE, 1000, msg, sizeof msg) < 0)
		return err_set(e, ERR_INPUT, "%s", msg);
	if (!strcmp(key, "hours"))
		return parse_hours(c, v, e);
	if (!strcmp(key, "slot")) {
		char *end;
		long n = strtol(v, &end, 10);
		if (*end || n < 5 || n > 240 || 1440 % n)
			return err_set(e, ERR_INPUT, _("slot: '%s' must be minutes that divide a day, 5-240"), v);
		c->slot = (int)n;
		return 0;
	}
	if (!strcmp(key, "deadline_alarm_days")) {
		char *end;
		long n = strtol(v, &end, 10);
		if (*end || n < 0 || n > 60)
			return err_set(e, ERR_INPUT, _("deadline_alarm_days: '%s' must be 0-60"), v);
		c->deadline_alarm_days = (int)n;
		return 0;
	}
	if (!strcmp(key, "retention_days")) {
		char *end;
		long n = strtol(v, &end, 10);
		if (!*v || *end || n < 0 || n > 36500)
			return err_set(e, ERR_INPUT, _("retention_days: '%s' must be 0-36500 (0: not set)"), v);
		c->retention_days = (int)n;
		return 0;
	}
	if (!strcmp(key, "closed"))
		return parse_closed(c, v, e);
	if (!strcmp(key, "timezone")) {
		if (!zone_known(v))
			return err_set(e, ERR_INPUT,
				       _("timezone: '%s' is not a zone this system knows (a name like Asia/Tokyo, see /usr/share/zoneinfo)"),
				       v);
		return set_str(c->timezone, sizeof c->timezone, key, v, e);
	}
	if (!strcmp(key, "print_command"))
		return set_str(c->print_command, sizeof c->print_command, key, v, e);
	if (!strcmp(key, "print_format")) {
		if (strcmp(v, "pdf") && strcmp(v, "text"))
			return err_set(e, ERR_INPUT, _("print_format: '%s' is not pdf or text"), v);
		return set_str(c->print_format, sizeof c->print_format, key, v, e);
	}
	if (!strcmp(key, "printer")) {
		/* a CUPS queue name: no blanks, quotes or slashes (lpadmin's rule) */
		for (const char *q = v; *q; q++)
			if (*q == ' ' || *q == '\t' || *q == '/' || *q == '#' || *q == '\'' || *q == '"' || *q == '\\')
				return err_set(e, ERR_INPUT, _("printer: '%s' is not a printer name (no blanks, quotes, / or #)"), v);
		return set_str(c->printer, sizeof c->printer, key, v, e);
	}
	if (!strcmp(key, "mail")) {
		if (!strcmp(v, "ask"))
			c->mail = CONFIG_MAIL_ASK;
		else if (!strcmp(v, "always"))
			c->mail = CONFIG_MAIL_ALWAYS;
		else if (!strcmp(v, "never"))
			c->mail = CONFIG_MAIL_NEVER;
		else
			return err_set(e, ERR_INPUT, _("mail: '%s' is not ask, always or never"), v);
		return 0;
	}
	if (!strcmp(key, "mail_timeout")) {
		char *end;
		long n = strtol(v, &end, 10);
		if (!*v || *end || n < 1 || n > 600)
			return err_set(e, ERR_INPUT, _("mail_timeout: '%s' must be seconds, 1-600"), v);
		c->mail_timeout = (int)n;
		return 0;
	}
	if (!strcmp(key, "mail_command"))
		return set_str(c->mail_command, sizeof c->mail_command, key, v, e);
	if (!strcmp(key, "mail_from")) {
		/* a bare address, as every address a letter carries */
		if (*v && !text_email_ok(v))
			return err_set(e, ERR_INPUT, _("mail_from: '%s' is not an e-mail address like desk@example.jp"), v);
		return set_str(c->mail_from, sizeof c->mail_from, key, v, e);
	}
	if (!strcmp(key, "user"))
		/* anyone can write a name here: the audit names the account */
		return err_set_field(e, ERR_INPUT, key,
				     _("user is not a setting: the audit log names the account that runs madoguchi; remove the line"));
	if (!strcmp(key, "rooms")) {
		free(c->rooms);
		c->rooms = xstrdup(v);
		return 0;
	}
	if (strchr(key, '.')) {
		for (size_t i = 0; i < c->n_extra; i++)
			if (!strcmp(c->extra[i].key, key)) {
				free(c->extra[i].value);
				c->extra[i].value = xstrdup(v);
				return 0;
			}
		if (c->n_extra >= 1000)
			return err_set(e, ERR_INPUT, _("too many settings"));
		c->extra = xrealloc(c->extra, (c->n_extra + 1) * sizeof *c->extra);
		c->extra[c->n_extra].key = xstrdup(key);
		c->extra[c->n_extra].value = xstrdup(v);
		c->n_extra++;
		return 0;
	}
	return err_set(e, ERR_INPUT, _("unknown setting '%s'"), key);
}

int config_parse(struct config *c, const char *buf, size_t len, const char *file,
		 struct err *e)
{
	size_t pos = 0;
	int lineno = 0;

	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t l = nl ? (size_t)(nl - (buf + pos)) : len - pos;
		char *line, *t, *eq;

		lineno++;
		if (l > 4000) {
			return err_set(e, ERR_INPUT, _("%s:%d: line too long"), file, lineno);
		}
		line = xstrndup(buf + pos, l);
		pos += l + (nl ? 1 : 0);
		if (memchr(buf + pos - l - (nl ? 1 : 0), '\0', l)) {
			free(line);
			return err_set(e, ERR_INPUT, _("%s:%d: NUL byte in the file"), file, lineno);
		}
		t = text_trim(line);
		if (*t == '#' || *t == '\0') {
			free(line);
			continue;
		}
		eq = strchr(t, '=');
		if (!eq) {
			free(line);
			return err_set(e, ERR_INPUT, _("%s:%d: expected key = value"), file, lineno);
		}
		*eq = '\0';
		char *key = text_trim(t), *val = text_trim(eq + 1);
		struct err sub = { 0 };
		if (config_set(c, key, val, &sub) < 0) {
			err_set(e, ERR_INPUT, "%s:%d: %s", file, lineno, sub.msg);
			free(line);
			return -1;
		}
		free(line);
	}
	return 0;
}

int config_load(struct config *c, const char *path, struct err *e)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char chunk[4096];
	size_t n;
	int rc;

	if (!f) {
		if (errno == ENOENT)
			return 0;
		return err_set(e, ERR_INPUT, _("cannot read %s: %s"), path, strerror(errno));
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		strbuf_add(&sb, chunk, n);
		if (sb.len > 1 << 20) {
			fclose(f);
			strbuf_release(&sb);
			return err_set(e, ERR_INPUT, _("%s: larger than 1 MiB"), path);
		}
	}
	fclose(f);
	snprintf(c->path, sizeof c->path, "%s", path);
	rc = config_parse(c, strbuf_str(&sb), sb.len, path, e);
	strbuf_release(&sb);
	return rc;
}

const char *config_get(const struct config *c, const char *key)
{
	for (size_t i = 0; i < c->n_extra; i++)
		if (!strcmp(c->extra[i].key, key))
			return c->extra[i].value;
	return NULL;
}

bool config_closed_on(const struct config *c, int month, int day)
{
	int md = month * 100 + day;

	for (int i = 0; i < c->n_closed; i++) {
		const struct config_closed *cl = &c->closed[i];
		if (md >= cl->from_m * 100 + cl->from_d && md <= cl->to_m * 100 + cl->to_d)
			return true;
	}
	return false;
}

void config_release(struct config *c)
{
	for (size_t i = 0; i < c->n_extra; i++) {
		free(c->extra[i].key);
		free(c->extra[i].value);
	}
	free(c->extra);
	free(c->rooms);
	c->extra = NULL;
	c->rooms = NULL;
	c->n_extra = 0;
}
