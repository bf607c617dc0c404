/* The form definition parser: good files, every error path with its
 * file:line, site additions, the limits, and the shipped forms. */
#include "core/formdef.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tap.h"
#include "util/mem.h"

static const char good[] =
	"# a comment\n"
	"title Booking\n"
	"title.ja 相談予約\n"
	"\n"
	"field date\n"
	"label Date\n"
	"label.ja 日付\n"
	"type date\n"
	"width 10\n"
	"required yes\n"
	"help YYYY-MM-DD\r\n"
	"field channel\n"
	"  label   Channel  \n"
	"\ttype\tchoice\n"
	"choices phone, visit\n"
	"choices.label Phone,Visit\n"
	"choices.label.ja 電話相談,来所相談\n"
	"default visit\n"
	"field note\n"
	"label Note\n"
	"type multiline\n"
	"height 3\n"
	"max 4000";	/* no newline at the end */

/* Parse text as a base form into a fresh fd; returns rc, message in e. */
static int parse(const char *text, size_t len, struct err *e)
{
	struct formdef fd;
	int rc;

	formdef_init(&fd);
	err_clear(e);
	rc = formdef_parse(&fd, text, len, "t.form", false, e);
	formdef_release(&fd);
	return rc;
}

/* The parse must fail with a message starting with "t.form:LINE: " and
 * containing what. */
static void refuse(const char *text, int line, const char *what, const char *desc)
{
	struct err e;
	char want[64];
	int rc = parse(text, strlen(text), &e);

	snprintf(want, sizeof want, "t.form:%d: ", line);
	ok(rc < 0 && !strncmp(e.msg, want, strlen(want)) && strstr(e.msg, what),
	   "refused: %s", desc) ||
		(diag("rc %d, message '%s', want '%s...%s'", rc, e.msg, want, what), 0);
}

/* formdef_parse of a string literal (len 0 means strlen). */
static int parse_s(struct formdef *fd, const char *text, size_t len, const char *file, bool site,
		   struct err *e)
{
	return formdef_parse(fd, text, len ? len : strlen(text), file, site, e);
}

static void test_good(void)
{
	struct formdef fd;
	struct err e;
	const struct formdef_field *f;

	formdef_init(&fd);
	is_int(formdef_parse(&fd, good, strlen(good), "t.form", false, &e), 0, "a good file parses") ||
		(diag("%s", e.msg), 0);
	is_int(fd.n, 3, "three fields");
	is_str(formdef_title(&fd, false), "Booking", "title");
	is_str(formdef_title(&fd, true), "相談予約", "Japanese title");
	f = formdef_field(&fd, "date");
	ok(f && f->type == FT_DATE && f->width == 10 && f->required && !f->site, "date field");
	is_str(formdef_help(f, false), "YYYY-MM-DD", "CR before LF is dropped");
	is_str(formdef_label(f, true), "日付", "Japanese label");
	is_int(f->line, 5, "the field remembers its line");
	f = formdef_field(&fd, "channel");
	ok(f && f->type == FT_CHOICE && f->n_choices == 2, "choice field with two choices");
	is_str(f->choices[1], "visit", "choices are trimmed");
	is_str(formdef_label(f, false), "Channel", "blanks and tabs around keys and values");
	is_str(formdef_choice_label(f, 1, true), "来所相談", "Japanese choice label");
	is_str(formdef_choice_label(f, 0, false), "Phone", "English choice label");
	is_int(formdef_choice(f, "visit"), 1, "choice lookup");
	is_int(formdef_choice(f, "mail"), -1, "unknown choice");
	is_str(f->def, "visit", "default");
	f = formdef_field(&fd, "note");
	ok(f && f->type == FT_MULTILINE && f->height == 3 && f->max == 4000,
	   "last line without a newline counts");
	is_str(formdef_help(f, false), "", "no help is empty");
	is_str(formdef_label(f, true), "Note", "no Japanese label falls back to English");
	ok(formdef_field(&fd, "nothing") == NULL, "unknown field is NULL");
	formdef_release(&fd);
}

static void test_errors(void)
{
	refuse("field a\nlabel A\nbogus x\n", 3, "unknown key 'bogus'", "unknown key");
	refuse("label A\n", 1, "before the first field", "field key before a field");
	refuse("field a\n", 1, "has no label", "field without label");
	refuse("field a\nlabel A\nfield b\n", 3, "has no label", "last field without label");
	refuse("field A\nlabel x\n", 1, "field name", "upper-case name");
	refuse("field 1a\nlabel x\n", 1, "field name", "name starting with a digit");
	refuse("field a-b\nlabel x\n", 1, "field name", "name with a dash");
	refuse("field aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\nlabel x\n", 1, "field name",
	       "name of 33 characters");
	refuse("field a\nlabel A\nfield a\nlabel B\n", 3, "defined twice", "duplicate field");
	refuse("field a\nlabel A\nlabel B\n", 3, "given twice", "duplicate key");
	refuse("field a\nlabel\n", 2, "a value is required", "key without value");
	refuse("field a\nlabel A\ntype colour\n", 3, "type: 'colour'", "unknown type");
	refuse("field a\nlabel A\nwidth 0\n", 3, "from 1 to 200", "width 0");
	refuse("field a\nlabel A\nwidth 201\n", 3, "from 1 to 200", "width too large");
	refuse("field a\nlabel A\nwidth 10x\n", 3, "from 1 to 200", "width with junk");
	refuse("field a\nlabel A\nwidth -1\n", 3, "not a number", "negative width");
	refuse("field a\nlabel A\nwidth 99999999999999999999999\n", 3, "from 1 to 200",
	       "overflowing number");
	refuse("field a\nlabel A\nmax 4001\n", 3, "from 1 to 4000", "max too large");
	refuse("field a\nlabel A\ntype multiline\nheight 11\n", 4, "from 1 to 10", "height too large");
	refuse("field a\nlabel A\nheight 2\n", 1, "height is only for type multiline",
	       "height on a text field");
	refuse("field a\nlabel A\nrequired maybe\n", 3, "yes or no", "required neither yes nor no");
	refuse("field a\nlabel A\ntype choice\n", 1, "needs choices", "choice without choices");
	refuse("field a\nlabel A\nchoices x,y\n", 1, "only for type choice", "choices on text");
	refuse("field a\nlabel A\ntype choice\nchoices x,,y\n", 4, "empty item", "empty choice");
	refuse("field a\nlabel A\ntype choice\nchoices x,y,x\n", 4, "given twice", "repeated choice");
	refuse("field a\nlabel A\ntype choice\nchoices x,y\nchoices.label X\n", 5,
	       "not as many items", "labels do not match choices");
	refuse("field a\nlabel A\ntype choice\nchoices.label X\n", 4, "must follow choices",
	       "labels before choices");
	refuse("field a\nlabel A\ntype choice\nchoices x,y\ndefault z\n", 1,
	       "default is not one of the choices", "default not a choice");
	refuse("field a\nlabel A\ntitle T\n", 3, "before the first field", "title after a field");
	refuse("field a\nlabel A\nafter b\n", 3, "after is for site forms", "after in a base form");
	refuse("# nothing\n\n", 2, "no fields", "a form without fields");

	/* bytes */
	static const char nul[] = "field a\nlabel A\0B\n";
	struct err e;
	ok(parse(nul, sizeof nul - 1, &e) < 0 && strstr(e.msg, "t.form:2: a NUL byte"),
	   "a NUL byte is refused with its line") || (diag("%s", e.msg), 0);
	refuse("field a\nlabel \xff\xfe\n", 2, "invalid UTF-8", "invalid UTF-8");
	refuse("field a\nlabel \xe3\x81\n", 2, "invalid UTF-8", "truncated UTF-8");
	refuse("field a\nlabel \xc0\xaf\n", 2, "invalid UTF-8", "overlong UTF-8");
	refuse("field a\nlabel \xed\xa0\x80\n", 2, "invalid UTF-8", "surrogate");
	refuse("field a\nlabel a\033[2Jb\n", 2, "control character", "an escape sequence");
	refuse("field a\nlabel a\rb\n", 2, "control character", "a lone CR");
	refuse("field a\nlabel a\xc2\x9b" "b\n", 2, "label", "a C1 control");
	refuse("field a\nlabel a\xe2\x80\xae" "b\n", 2, "label", "a bidi override");

	/* limits */
	struct strbuf sb = STRBUF_INIT;
	strbuf_adds(&sb, "field a\nlabel ");
	for (int i = 0; i < 2000; i++)
		strbuf_adds(&sb, "x");
	strbuf_adds(&sb, "\n");
	refuse(strbuf_str(&sb), 2, "longer than 1000 bytes", "a huge line");
	strbuf_reset(&sb);
	strbuf_adds(&sb, "field a\nlabel ");
	for (int i = 0; i < 61; i++)
		strbuf_adds(&sb, "あ");
	strbuf_adds(&sb, "\n");
	refuse(strbuf_str(&sb), 2, "label", "a label over 60 characters");
	strbuf_reset(&sb);
	for (int i = 0; i < 65; i++)
		strbuf_addf(&sb, "field f%d\nlabel F\n", i);
	refuse(strbuf_str(&sb), 129, "more than 64 fields", "65 fields");
	strbuf_reset(&sb);
	strbuf_adds(&sb, "field a\nlabel A\ntype choice\nchoices c0");
	for (int i = 1; i < 33; i++)
		strbuf_addf(&sb, ",c%d", i);
	strbuf_adds(&sb, "\n");
	refuse(strbuf_str(&sb), 4, "more than 32", "33 choices");
	strbuf_reset(&sb);
	while (sb.len <= FORMDEF_MAX_FILE)
		strbuf_adds(&sb, "# padding padding padding padding padding padding\n");
	refuse(strbuf_str(&sb), 0, "larger than 256 KiB", "a file over 256 KiB");
	strbuf_release(&sb);

	/* a failed parse leaves the definition as it was */
	struct formdef fd;
	formdef_init(&fd);
	parse_s(&fd, "field a\nlabel A\n", 0, "t.form", false, &e);
	ok(parse_s(&fd, "field b\nlabel B\nwidth x\n", 0, "u.form", true, &e) < 0 &&
	   fd.n == 1 && !formdef_field(&fd, "b"), "a failed parse changes nothing");
	formdef_release(&fd);
}

/* Every byte value at every place of a small file: never crashes,
 * never accepts a control character or invalid UTF-8. */
static void test_noise(void)
{
	char buf[64];
	struct err e;
	int bad = 0;
	const char *base = "field a\nlabel A\ntype text\n";
	size_t n = strlen(base);

	for (size_t at = 0; at < n; at++)
		for (int c = 0; c < 256; c++) {
			memcpy(buf, base, n);
			buf[at] = (char)c;
			int rc = parse(buf, n, &e);
			if (rc == 0 && ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
					c == 0x7f || c >= 0x80))
				bad++;
			if (rc < 0 && !strstr(e.msg, "t.form:"))
				bad++;
		}
	is_int(bad, 0, "every single-byte change is parsed or refused with file:line");
	srand(4);
	bad = 0;
	for (int round = 0; round < 2000; round++) {
		size_t len = (size_t)(rand() % 63);
		for (size_t i = 0; i < len; i++)
			buf[i] = (char)(rand() % 4 ? "fieldlabeltypechoices \n,x"[rand() % 25] : rand());
		if (parse(buf, len, &e) < 0 && !strstr(e.msg, "t.form:"))
			bad++;
	}
	is_int(bad, 0, "random bytes never crash and errors name the file");
}

static void test_site(void)
{
	struct formdef fd;
	struct err e;

	formdef_init(&fd);
	formdef_parse(&fd, good, strlen(good), "base.form", false, &e);
	is_int(parse_s(&fd, "field referral\nlabel Referred by\nlabel.ja 紹介元\n"
			     "after date\nfield level\nlabel Level\ntype choice\nchoices 初回,継続\n", 0, "site.form", true, &e), 0,
	       "a site file adds fields") || (diag("%s", e.msg), 0);
	is_int(fd.n, 5, "five fields after the merge");
	ok(fd.n == 5 && !strcmp(fd.fields[1].name, "referral"), "after places the field");
	ok(fd.n == 5 && !strcmp(fd.fields[4].name, "level"), "others are appended");
	const struct formdef_field *f = formdef_field(&fd, "referral");
	ok(f && f->site && !strcmp(f->file, "site.form") && f->line == 1, "a site field is marked");
	ok(!formdef_field(&fd, "date")->site, "base fields are not site fields");
	is_str(formdef_field(&fd, "level")->choices[1], "継続", "Japanese choice codes");

	ok(parse_s(&fd, "\nfield note\nlabel N\n", 0, "site.form", true, &e) < 0 &&
	   strstr(e.msg, "site.form:2: field note is already in the form"),
	   "a site file cannot redefine a field") || (diag("%s", e.msg), 0);
	ok(parse_s(&fd, "field who\nlabel W\ntype staff\n", 0, "site.form", true, &e) < 0 &&
	   strstr(e.msg, "site.form:1:") && strstr(e.msg, "plain") == NULL &&
	   strstr(e.msg, "text, multiline"), "a site field has a plain type") || (diag("%s", e.msg), 0);
	ok(parse_s(&fd, "title X\n", 0, "site.form", true, &e) < 0 &&
	   strstr(e.msg, "site.form:1: a site form cannot set the title"), "a site cannot retitle");
	ok(parse_s(&fd, "field x\nlabel X\nafter nothing\n", 0, "site.form", true, &e) < 0 &&
	   strstr(e.msg, "after names no field"), "after must name a field") || (diag("%s", e.msg), 0);
	ok(parse_s(&fd, "", 0, "site.form", true, &e) == 0 && fd.n == 5,
	   "an empty site file adds nothing");
	is_int(fd.n, 5, "refused site files changed nothing");
	formdef_release(&fd);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

/* The shipped forms parse, and the search order for them. */
static void test_files(void)
{
	char dir[] = "/tmp/formdef-test.XXXXXX", path[1200], found[1200], cwd[1024];
	struct formdef fd;
	struct err e;
	const char *src = getenv("MADOGUCHI_SRC");
	static const char *const names[] = { "appointment", "organization", "inquiry" };

	if (!getcwd(cwd, sizeof cwd))
		cwd[0] = '\0';
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/forms/%s.form", src && *src ? src : ".", names[i]);
		formdef_init(&fd);
		is_int(formdef_parse_file(&fd, path, false, &e), 0, "shipped %s.form parses", names[i]) ||
			(diag("%s", e.msg), 0);
		formdef_release(&fd);
	}
	formdef_init(&fd);
	ok(formdef_load(&fd, "appointment", NULL, &e) == 0 && formdef_field(&fd, "org") &&
	   formdef_field(&fd, "org")->type == FT_ORG && formdef_field(&fd, "topics"),
	   "the appointment form has org and topics");
	formdef_release(&fd);

	if (!mkdtemp(dir))
		return;
	snprintf(path, sizeof path, "%s/forms", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/site", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/site/forms", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/forms/appointment.form", dir);
	write_file(path, "title Mine\nfield date\nlabel D\ntype date\n");

	setenv("MADOGUCHI_FORMS", path, 1);	/* a file, not a directory: skipped */
	snprintf(path, sizeof path, "%s/forms", dir);
	setenv("MADOGUCHI_FORMS", path, 1);
	ok(formdef_find("appointment", found, sizeof found) == 0 && strstr(found, dir),
	   "MADOGUCHI_FORMS comes first");
	ok(formdef_find("../appointment", found, sizeof found) < 0, "a form name is not a path");
	unsetenv("MADOGUCHI_FORMS");
	setenv("MADOGUCHI_SRC", dir, 1);
	ok(formdef_find("appointment", found, sizeof found) == 0 && strstr(found, dir) &&
	   strstr(found, "/forms/appointment.form"), "then $MADOGUCHI_SRC/forms");
	formdef_init(&fd);
	snprintf(path, sizeof path, "%s/site/forms/appointment.form", dir);
	write_file(path, "field extra_x\nlabel X\n");
	snprintf(path, sizeof path, "%s/site", dir);
	ok(formdef_load(&fd, "appointment", path, &e) == 0 && fd.n == 2 &&
	   formdef_field(&fd, "extra_x")->site && !strcmp(fd.title, "Mine"),
	   "load reads the base then the site's additions") || (diag("%s", e.msg), 0);
	formdef_release(&fd);
	snprintf(path, sizeof path, "%s/site/forms/appointment.form", dir);
	write_file(path, "field extra_x\nlabel X\nwidth lots\n");
	snprintf(path, sizeof path, "%s/site", dir);
	formdef_init(&fd);
	ok(formdef_load(&fd, "appointment", path, &e) < 0 && fd.n == 1 &&
	   strstr(e.msg, "site/forms/appointment.form:3:"),
	   "a broken site file is named and the base form stays") || (diag("%s", e.msg), 0);
	formdef_release(&fd);

	/* nothing anywhere: never ./forms unasked (issue 16), then the
	 * built-in copy */
	setenv("MADOGUCHI_SRC", "/nonexistent", 1);
	if (chdir(dir) == 0) {
		ok(formdef_find("appointment", found, sizeof found) < 0 ||
		   strcmp(found, "forms/appointment.form"), "not ./forms of the current directory");
		if (chdir("/") == 0) {
			/* the installed data dir may hold forms; only check when not */
			if (formdef_find("appointment", found, sizeof found) < 0) {
				formdef_init(&fd);
				ok(formdef_load(&fd, "inquiry", NULL, &e) == 0 &&
				   formdef_field(&fd, "summary"), "the built-in copy is the last resort");
				formdef_release(&fd);
			} else {
				ok(1, "# SKIP forms are installed at %s", found);
			}
		}
		if (chdir(cwd) != 0)
			diag("cannot return to %s", cwd);
	}
	formdef_init(&fd);
	ok(formdef_load(&fd, "nosuchform", NULL, &e) < 0, "an unknown form is an error");
	formdef_release(&fd);
	if (src)
		setenv("MADOGUCHI_SRC", src, 1);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	if (system(path) != 0)
		diag("cleanup failed");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_good();
	test_errors();
	test_noise();
	test_site();
	test_files();
	return done_testing();
}
