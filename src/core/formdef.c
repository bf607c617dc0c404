#include "core/formdef.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "forms.h"
#include "db/model.h"
#include "util/i18n.h"
#include "util/mem.h"
#include "util/text.h"

const char *const formdef_type_name[FT_COUNT] = {
	"text", "multiline", "date", "time", "minutes", "choice", "org", "staff", "room", "topics",
	"topic",
};

void formdef_init(struct formdef *fd)
{
	memset(fd, 0, sizeof *fd);
}

static void free_list(char **v, size_t n)
{
	if (!v)
		return;
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void field_release(struct formdef_field *f)
{
	free(f->name);
	free(f->label);
	free(f->label_ja);
	free(f->help);
	free(f->help_ja);
	free(f->def);
	free(f->file);
	free_list(f->choices, f->n_choices);
	free_list(f->choice_labels, f->n_choices);
	free_list(f->choice_labels_ja, f->n_choices);
	memset(f, 0, sizeof *f);
}

void formdef_release(struct formdef *fd)
{
	for (size_t i = 0; i < fd->n; i++)
		field_release(&fd->fields[i]);
	free(fd->fields);
	free(fd->title);
	free(fd->title_ja);
	memset(fd, 0, sizeof *fd);
}

const struct formdef_field *formdef_field(const struct formdef *fd, const char *name)
{
	for (size_t i = 0; i < fd->n; i++)
		if (!strcmp(fd->fields[i].name, name))
			return &fd->fields[i];
	return NULL;
}

int formdef_choice(const struct formdef_field *f, const char *code)
{
	if (!code)
		return -1;
	for (size_t i = 0; i < f->n_choices; i++)
		if (!strcmp(f->choices[i], code))
			return (int)i;
	return -1;
}

const char *formdef_label(const struct formdef_field *f, bool japanese)
{
	return japanese && f->label_ja ? f->label_ja : f->label;
}

const char *formdef_help(const struct formdef_field *f, bool japanese)
{
	if (japanese && f->help_ja)
		return f->help_ja;
	return f->help ? f->help : "";
}

const char *formdef_choice_label(const struct formdef_field *f, size_t i, bool japanese)
{
	if (i >= f->n_choices)
		return "";
	if (japanese && f->choice_labels_ja)
		return f->choice_labels_ja[i];
	if (f->choice_labels)
		return f->choice_labels[i];
	return f->choices[i];
}

const char *formdef_title(const struct formdef *fd, bool japanese)
{
	if (japanese && fd->title_ja)
		return fd->title_ja;
	return fd->title ? fd->title : "";
}

/* The parser works on a copy of the definition so that a failure
 * leaves the caller's fd as it was. */
struct parser {
	struct formdef *fd;
	const char *file;
	int line;
	bool site;
	size_t first_new;	/* fields before this index came from earlier files */
	struct formdef_field *cur;
	char *after;		/* site: place cur after this field */
	struct err *e;
};

__attribute__((format(printf, 2, 3)))
static int fail(struct parser *p, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return err_set(p->e, ERR_INPUT, "%s:%d: %s", p->file, p->line, msg);
}

static bool valid_name(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > FORMDEF_MAX_NAME || s[0] < 'a' || s[0] > 'z')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return false;
	return true;
}

/* Text shown to people: one line, at most max characters. */
static int check_text(struct parser *p, const char *key, const char *v, size_t max)
{
	char msg[256];

	if (!*v)
		return fail(p, _("%s: a value is required"), key);
	if (text_check(key, v, TEXT_LINE, max, msg, sizeof msg) < 0)
		return fail(p, "%s", msg);
	return 0;
}

static int set_str(struct parser *p, char **dst, const char *key, const char *v, size_t max)
{
	if (*dst)
		return fail(p, _("%s is given twice"), key);
	if (check_text(p, key, v, max) < 0)
		return -1;
	*dst = xstrdup(v);
	return 0;
}

static int parse_int(struct parser *p, const char *key, const char *v, long lo, long hi, long *out)
{
	char *end;
	long n;

	errno = 0;
	if (*v < '0' || *v > '9')
		return fail(p, _("%s: not a number"), key);
	n = strtol(v, &end, 10);
	if (*end || errno || n < lo || n > hi)
		return fail(p, _("%s: must be a number from %ld to %ld"), key, lo, hi);
	*out = n;
	return 0;
}

/* Split a comma list into trimmed items; empty items are an error. */
static int split_list(struct parser *p, const char *key, const char *v, char ***out, size_t *n)
{
	char *copy = xstrdup(v), *s = copy, *comma;
	char **items = NULL;
	size_t k = 0;
	int rc = -1;

	for (;;) {
		comma = strchr(s, ',');
		if (comma)
			*comma = '\0';
		s = text_trim(s);
		if (!*s) {
			fail(p, _("%s: an empty item"), key);
			goto out;
		}
		if (k >= FORMDEF_MAX_CHOICES) {
			fail(p, _("%s: more than 32 items"), key);
			goto out;
		}
		if (check_text(p, key, s, 60) < 0)
			goto out;
		items = xrealloc(items, (k + 1) * sizeof *items);
		items[k++] = xstrdup(s);
		if (!comma)
			break;
		s = comma + 1;
	}
	*out = items;
	*n = k;
	items = NULL;
	rc = 0;
out:
	free_list(items, k);
	free(copy);
	return rc;
}

static int set_labels(struct parser *p, struct formdef_field *f, char ***dst, const char *key,
		      const char *v)
{
	char **items;
	size_t n;

	if (*dst)
		return fail(p, _("%s is given twice"), key);
	if (!f->choices)
		return fail(p, _("%s must follow choices"), key);
	if (split_list(p, key, v, &items, &n) < 0)
		return -1;
	if (n != f->n_choices) {
		free_list(items, n);
		return fail(p, _("%s: not as many items as choices"), key);
	}
	*dst = items;
	return 0;
}

static bool plain_type(enum formdef_type t)
{
	return t == FT_TEXT || t == FT_MULTILINE || t == FT_DATE || t == FT_TIME ||
	       t == FT_MINUTES || t == FT_CHOICE;
}

/* A field is complete: check what depends on several keys. */
static int finish_field(struct parser *p)
{
	struct formdef_field *f = p->cur;
	int line = p->line;

	if (!f)
		return 0;
	p->line = f->line;
	if (!f->label) {
		fail(p, _("field %s has no label"), f->name);
		goto bad;
	}
	if (f->type == FT_CHOICE && !f->n_choices) {
		fail(p, _("field %s: a choice field needs choices"), f->name);
		goto bad;
	}
	if (f->type != FT_CHOICE && f->n_choices) {
		fail(p, _("field %s: choices are only for type choice"), f->name);
		goto bad;
	}
	if (f->height && f->type != FT_MULTILINE) {
		fail(p, _("field %s: height is only for type multiline"), f->name);
		goto bad;
	}
	if (f->type == FT_TOPIC && f->def && model_lookup3(topic_code, topic_en, topic_ja, TOPIC_COUNT, f->def) < 0) {
		fail(p, _("field %s: the default is not a topic of the support menu"), f->name);
		goto bad;
	}
	if (f->type == FT_CHOICE && f->def && formdef_choice(f, f->def) < 0) {
		fail(p, _("field %s: the default is not one of the choices"), f->name);
		goto bad;
	}
	if (p->site && !plain_type(f->type)) {
		fail(p, _("field %s: a site form can add fields of type text, multiline, date, time, minutes or choice only"),
		     f->name);
		goto bad;
	}
	if (p->after) {
		/* move the new field right after the named one */
		size_t at = p->fd->n, cur = (size_t)(f - p->fd->fields);
		for (size_t i = 0; i < p->fd->n; i++)
			if (i != cur && !strcmp(p->fd->fields[i].name, p->after))
				at = i + 1;
		if (at == p->fd->n) {
			fail(p, _("field %s: after names no field"), p->after);
			goto bad;
		}
		struct formdef_field tmp = *f;
		memmove(&p->fd->fields[at + 1], &p->fd->fields[at], (cur - at) * sizeof tmp);
		p->fd->fields[at] = tmp;
		free(p->after);
		p->after = NULL;
	}
	p->line = line;
	p->cur = NULL;
	return 0;
bad:
	p->line = line;
	return -1;
}

static int new_field(struct parser *p, const char *name)
{
	if (finish_field(p) < 0)
		return -1;
	if (!valid_name(name))
		return fail(p, _("field name '%s' must be a-z, 0-9 and _ (starting with a letter, at most 32)"),
			    text_utf8_valid(name, strlen(name)) ? name : "?");
	for (size_t i = 0; i < p->fd->n; i++)
		if (!strcmp(p->fd->fields[i].name, name)) {
			if (p->site && i < p->first_new)
				return fail(p, _("field %s is already in the form; a site form can only add fields"),
					    name);
			return fail(p, _("field %s is defined twice"), name);
		}
	if (p->fd->n >= FORMDEF_MAX_FIELDS)
		return fail(p, _("more than 64 fields"));
	p->fd->fields = xrealloc(p->fd->fields, (p->fd->n + 1) * sizeof *p->fd->fields);
	p->cur = &p->fd->fields[p->fd->n++];
	memset(p->cur, 0, sizeof *p->cur);
	p->cur->name = xstrdup(name);
	p->cur->file = xstrdup(p->file);
	p->cur->line = p->line;
	p->cur->site = p->site;
	return 0;
}

static int key_value(struct parser *p, const char *key, const char *v)
{
	struct formdef_field *f = p->cur;
	long n;

	if (!strcmp(key, "field"))
		return new_field(p, v);
	if (!strcmp(key, "title") || !strcmp(key, "title.ja")) {
		if (p->site)
			return fail(p, _("a site form cannot set the title"));
		if (f)
			return fail(p, _("%s belongs before the first field"), key);
		return set_str(p, key[5] ? &p->fd->title_ja : &p->fd->title, key, v, 100);
	}
	static const char *const field_keys[] = {
		"label", "label.ja", "help", "help.ja", "type", "width", "height", "max",
		"required", "choices", "choices.label", "choices.label.ja", "default", "after",
	};
	size_t k;
	for (k = 0; k < sizeof field_keys / sizeof field_keys[0]; k++)
		if (!strcmp(key, field_keys[k]))
			break;
	if (k == sizeof field_keys / sizeof field_keys[0])
		return fail(p, _("unknown key '%s'"), text_utf8_valid(key, strlen(key)) ? key : "?");
	if (!f)
		return fail(p, _("%s before the first field line"), key);
	if (!strcmp(key, "label"))
		return set_str(p, &f->label, key, v, 60);
	if (!strcmp(key, "label.ja"))
		return set_str(p, &f->label_ja, key, v, 60);
	if (!strcmp(key, "help"))
		return set_str(p, &f->help, key, v, 200);
	if (!strcmp(key, "help.ja"))
		return set_str(p, &f->help_ja, key, v, 200);
	if (!strcmp(key, "default"))
		return set_str(p, &f->def, key, v, 200);
	if (!strcmp(key, "type")) {
		int t;
		for (t = 0; t < FT_COUNT; t++)
			if (!strcmp(v, formdef_type_name[t]))
				break;
		if (t == FT_COUNT)
			return fail(p, _("type: '%s' is not text, multiline, date, time, minutes, choice, org, staff, room, topics or topic"),
				    text_utf8_valid(v, strlen(v)) ? v : "?");
		f->type = (enum formdef_type)t;
		return 0;
	}
	if (!strcmp(key, "width")) {
		if (parse_int(p, key, v, 1, 200, &n) < 0)
			return -1;
		f->width = (int)n;
		return 0;
	}
	if (!strcmp(key, "height")) {
		if (parse_int(p, key, v, 1, 10, &n) < 0)
			return -1;
		f->height = (int)n;
		return 0;
	}
	if (!strcmp(key, "max")) {
		if (parse_int(p, key, v, 1, 4000, &n) < 0)
			return -1;
		f->max = (size_t)n;
		return 0;
	}
	if (!strcmp(key, "required")) {
		if (!strcmp(v, "yes"))
			f->required = true;
		else if (!strcmp(v, "no"))
			f->required = false;
		else
			return fail(p, _("required: say yes or no"));
		return 0;
	}
	if (!strcmp(key, "choices")) {
		if (f->choices)
			return fail(p, _("choices is given twice"));
		if (split_list(p, key, v, &f->choices, &f->n_choices) < 0)
			return -1;
		for (size_t i = 0; i < f->n_choices; i++)
			for (size_t j = 0; j < i; j++)
				if (!strcmp(f->choices[i], f->choices[j]))
					return fail(p, _("choices: '%s' is given twice"), f->choices[i]);
		return 0;
	}
	if (!strcmp(key, "choices.label"))
		return set_labels(p, f, &f->choice_labels, key, v);
	if (!strcmp(key, "choices.label.ja"))
		return set_labels(p, f, &f->choice_labels_ja, key, v);
	/* after */
	if (!p->site)
		return fail(p, _("after is for site forms"));
	if (p->after)
		return fail(p, _("after is given twice"));
	if (!valid_name(v))
		return fail(p, _("after: not a field name"));
	p->after = xstrdup(v);
	return 0;
}

static int parse_line(struct parser *p, char *s, size_t len)
{
	if (memchr(s, '\0', len))
		return fail(p, _("a NUL byte"));
	if (len && s[len - 1] == '\r')
		s[--len] = '\0';
	if (!text_utf8_valid(s, len))
		return fail(p, _("invalid UTF-8"));
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return fail(p, _("a control character"));
	}
	text_trim(s);
	/* tabs count as blanks too */
	while (*s == '\t' || *s == ' ')
		s++;
	if (!*s || *s == '#')
		return 0;
	char *key = s, *v = s;
	while (*v && *v != ' ' && *v != '\t')
		v++;
	if (*v)
		*v++ = '\0';
	while (*v == ' ' || *v == '\t')
		v++;
	char *end = v + strlen(v);
	while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	if (!*v)
		return fail(p, _("%s: a value is required"), text_utf8_valid(key, strlen(key)) ? key : "?");
	return key_value(p, key, v);
}

static void formdef_copy(struct formdef *dst, const struct formdef *src)
{
	formdef_init(dst);
	dst->title = src->title ? xstrdup(src->title) : NULL;
	dst->title_ja = src->title_ja ? xstrdup(src->title_ja) : NULL;
	if (!src->n)
		return;
	dst->fields = xcalloc(src->n, sizeof *dst->fields);
	dst->n = src->n;
	for (size_t i = 0; i < src->n; i++) {
		const struct formdef_field *s = &src->fields[i];
		struct formdef_field *d = &dst->fields[i];
		*d = *s;
#define DUP(x) d->x = s->x ? xstrdup(s->x) : NULL
		DUP(name); DUP(label); DUP(label_ja); DUP(help); DUP(help_ja); DUP(def); DUP(file);
#undef DUP
		char **lists[3] = { s->choices, s->choice_labels, s->choice_labels_ja };
		char ***out[3] = { &d->choices, &d->choice_labels, &d->choice_labels_ja };
		for (int l = 0; l < 3; l++) {
			*out[l] = NULL;
			if (!lists[l])
				continue;
			*out[l] = xcalloc(s->n_choices, sizeof(char *));
			for (size_t c = 0; c < s->n_choices; c++)
				(*out[l])[c] = xstrdup(lists[l][c]);
		}
	}
}

int formdef_parse(struct formdef *fd, const char *buf, size_t len, const char *file,
		  bool site, struct err *e)
{
	struct formdef work;
	struct parser p;
	int rc = -1;

	formdef_copy(&work, fd);
	memset(&p, 0, sizeof p);
	p.fd = &work;
	p.file = file ? file : "(form)";
	p.site = site;
	p.first_new = work.n;
	p.e = e;
	if (len > FORMDEF_MAX_FILE) {
		p.line = 0;
		fail(&p, _("the file is larger than 256 KiB"));
		goto out;
	}
	size_t pos = 0;
	char *line = xmalloc(FORMDEF_MAX_LINE + 1);
	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (buf + pos)) : len - pos;
		p.line++;
		if (n > FORMDEF_MAX_LINE) {
			fail(&p, _("the line is longer than 1000 bytes"));
			free(line);
			goto out;
		}
		memcpy(line, buf + pos, n);
		line[n] = '\0';
		if (parse_line(&p, line, n) < 0) {
			free(line);
			goto out;
		}
		pos += n + (nl ? 1 : 0);
	}
	free(line);
	if (finish_field(&p) < 0)
		goto out;
	if (!site && work.n == 0) {
		fail(&p, _("the form has no fields"));
		goto out;
	}
	formdef_release(fd);
	*fd = work;
	formdef_init(&work);
	rc = 0;
out:
	free(p.after);
	formdef_release(&work);
	return rc;
}

int formdef_parse_file(struct formdef *fd, const char *path, bool site, struct err *e)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[8192];
	ssize_t got;
	int fd_in, rc;

	fd_in = open(path, O_RDONLY | O_CLOEXEC);
	if (fd_in < 0)
		return err_set(e, ERR_INPUT, _("cannot read the form %s: %s"), path, strerror(errno));
	while ((got = read(fd_in, buf, sizeof buf)) > 0) {
		strbuf_add(&sb, buf, (size_t)got);
		if (sb.len > FORMDEF_MAX_FILE)
			break;
	}
	if (got < 0) {
		rc = err_set(e, ERR_INPUT, _("cannot read the form %s: %s"), path, strerror(errno));
	} else {
		rc = formdef_parse(fd, sb.buf ? sb.buf : "", sb.len, path, site, e);
	}
	close(fd_in);
	strbuf_release(&sb);
	return rc;
}

static bool is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int formdef_find(const char *name, char *buf, size_t n)
{
	const char *forms = getenv("MADOGUCHI_FORMS"), *src = getenv("MADOGUCHI_SRC");
	char path[1100];

	if (!valid_name(name))
		return -1;
	if (forms && *forms) {
		snprintf(path, sizeof path, "%s/%s.form", forms, name);
		if (is_file(path))
			goto found;
	}
	if (src && *src) {
		snprintf(path, sizeof path, "%s/forms/%s.form", src, name);
		if (is_file(path))
			goto found;
	}
#ifdef MADO_DATADIR
	snprintf(path, sizeof path, "%s/forms/%s.form", MADO_DATADIR, name);
	if (is_file(path))
		goto found;
#endif
	/* never forms/ of the current directory unasked: an uninstalled
	 * build is pointed at its tree with MADOGUCHI_SRC (make run) */
	return -1;
found:
	if (strlen(path) >= n)
		return -1;
	memcpy(buf, path, strlen(path) + 1);
	return 0;
}

static const char *builtin_form(const char *name)
{
	if (!strcmp(name, "appointment"))
		return form_appointment[0];
	if (!strcmp(name, "organization"))
		return form_organization[0];
	if (!strcmp(name, "inquiry"))
		return form_inquiry[0];
	return NULL;
}

int formdef_load(struct formdef *fd, const char *name, const char *config_dir, struct err *e)
{
	char path[1100];

	formdef_init(fd);
	if (formdef_find(name, path, sizeof path) == 0) {
		if (formdef_parse_file(fd, path, false, e) < 0)
			return -1;
	} else {
		const char *b = builtin_form(name);
		char label[64];
		if (!b)
			return err_set(e, ERR_INPUT, _("no form named %s"), name);
		snprintf(label, sizeof label, "(built-in)/%s.form", name);
		if (formdef_parse(fd, b, strlen(b), label, false, e) < 0)
			return -1;
	}
	if (config_dir && *config_dir) {
		snprintf(path, sizeof path, "%s/forms/%s.form", config_dir, name);
		if (is_file(path) && formdef_parse_file(fd, path, true, e) < 0)
			return -1;
	}
	return 0;
}
