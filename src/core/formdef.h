#ifndef MADO_FORMDEF_H
#define MADO_FORMDEF_H
/* Form definitions: the fields of the desk's forms (booking,
 * organization, inquiry) read from forms/NAME.form, plus the fields a
 * site adds in its config dir.  Parses untrusted bytes; no terminal, no
 * database.  ui/form.h draws a formdef, db/db_extra.h stores the values
 * of fields the program does not know ("extra" fields).
 *
 * File format (UTF-8 text, one `key value` per line):
 *
 *   # a comment (only at the start of a line)
 *   title Booking              # the form's title (before the first field)
 *   title.ja 相談予約
 *   field note                 # starts a field; the name is [a-z][a-z0-9_]*
 *   label Note                 # required for every field
 *   label.ja メモ
 *   type multiline             # text multiline date time minutes choice
 *                              #   org staff room topics (several of
 *                              #   the support menu) topic (one of it)
 *                              #   (default text)
 *   width 40                   # columns of the input (1-200)
 *   height 3                   # rows of a multiline field (1-10)
 *   max 4000                   # characters (1-4000)
 *   required yes               # yes or no
 *   choices phone,visit        # codes stored for a choice field
 *   choices.label Phone,Visit  # what is shown, in the same order
 *   choices.label.ja 電話,来所
 *   default phone              # initial value
 *   help Free text for the staff
 *   help.ja 自由記入
 *   after note                 # site files: place the field after this one
 *
 * Blank lines are ignored; keys and values are separated by blanks; the
 * value runs to the end of the line, trimmed.  Lines end in LF (a CR
 * before it is dropped).  Limits: a file of at most 256 KiB, lines of
 * at most 1000 bytes, 64 fields, 32 choices.  A NUL byte, invalid UTF-8,
 * a control character, an unknown key, a duplicate field, a value out
 * of range or a choice field without choices is an error that names
 * the file and line.
 *
 * A site file (the config dir's forms/NAME.form) may only add fields,
 * with new names and of the plain types text, multiline, date, time,
 * minutes or choice; such fields are marked site (their values are
 * extra fields).  It may not set the title. */

#include <stdbool.h>
#include <stddef.h>
#include "util/err.h"

enum formdef_type {
	FT_TEXT, FT_MULTILINE, FT_DATE, FT_TIME, FT_MINUTES, FT_CHOICE,
	FT_ORG, FT_STAFF, FT_ROOM, FT_TOPICS, FT_TOPIC, FT_COUNT
};
extern const char *const formdef_type_name[FT_COUNT];

#define FORMDEF_MAX_FIELDS 64
#define FORMDEF_MAX_CHOICES 32
#define FORMDEF_MAX_LINE 1000
#define FORMDEF_MAX_FILE (256 * 1024)
#define FORMDEF_MAX_NAME 32

struct formdef_field {
	char *name;
	char *label, *label_ja, *help, *help_ja, *def;
	enum formdef_type type;
	int width;		/* 0: the form decides */
	int height;		/* multiline rows; 0: the form decides */
	size_t max;		/* characters; 0: the type's own limit */
	bool required;
	bool site;		/* added by a site file: an extra field */
	char **choices;		/* codes */
	char **choice_labels, **choice_labels_ja;	/* NULL or n_choices */
	size_t n_choices;
	char *file;		/* where it was defined */
	int line;
};

struct formdef {
	char *title, *title_ja;
	struct formdef_field *fields;
	size_t n;
};

void formdef_init(struct formdef *fd);
void formdef_release(struct formdef *fd);

/* Parse a buffer (len bytes, NUL bytes included) named file in
 * messages, adding its fields to fd.  With site set, the rules of a
 * site file apply.  On an error fd keeps what it had before the call
 * and e says "FILE:LINE: what" (ERR_INPUT). */
int formdef_parse(struct formdef *fd, const char *buf, size_t len, const char *file,
		  bool site, struct err *e);
/* Read and parse one file; a missing file is an error. */
int formdef_parse_file(struct formdef *fd, const char *path, bool site, struct err *e);

/* Where NAME.form is looked for, in order: $MADOGUCHI_FORMS,
 * $MADOGUCHI_SRC/forms, the installed MADO_DATADIR/forms
 * (never ./forms unasked).
 * Writes the first existing path into buf; -1 when none exists. */
int formdef_find(const char *name, char *buf, size_t n);
/* Load form NAME: the first file formdef_find() gives (or, when there
 * is none, the copy built into the program), then the site's additions
 * from config_dir/forms/NAME.form if that file exists.  config_dir may
 * be NULL.  On a site-file error fd holds the base form and -1 is
 * returned with the message, so callers can warn and go on. */
int formdef_load(struct formdef *fd, const char *name, const char *config_dir, struct err *e);

const struct formdef_field *formdef_field(const struct formdef *fd, const char *name);
/* Index of code among f's choices, or -1. */
int formdef_choice(const struct formdef_field *f, const char *code);

/* The text for people: label.ja (help.ja, choices.label.ja) when
 * japanese and given, else the English. */
const char *formdef_label(const struct formdef_field *f, bool japanese);
const char *formdef_help(const struct formdef_field *f, bool japanese);
const char *formdef_choice_label(const struct formdef_field *f, size_t i, bool japanese);
const char *formdef_title(const struct formdef *fd, bool japanese);

#endif
