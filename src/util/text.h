#ifndef MADO_TEXT_H
#define MADO_TEXT_H
/* UTF-8 text: validation of what may be stored, display width from
 * wcwidth(), fitting and wrapping by columns without ever cutting a
 * character, and making stored text safe to show on a terminal.
 * Needs setlocale(LC_CTYPE) with a UTF-8 locale for wcwidth(). */

#include <stdbool.h>
#include <stddef.h>
#include "util/mem.h"

/* Length in bytes of the valid UTF-8 sequence at s (at most n bytes):
 * 1..4, or 0 if the bytes there are not valid UTF-8 (overlong forms,
 * surrogates and code points above U+10FFFF are invalid).  *cp gets the
 * code point when cp is not NULL. */
size_t text_utf8_decode(const char *s, size_t n, unsigned *cp);
bool text_utf8_valid(const char *s, size_t n);
/* Whether s is a plain e-mail address: local@domain.tld, ASCII, no
 * blanks, quotes, brackets, commas or a second @ (what a mail command
 * may be given as an argument and a header may carry). */
bool text_email_ok(const char *s);

enum text_kind {
	TEXT_LINE,	/* one line: no control characters at all */
	TEXT_MULTI,	/* notes and summaries: newline and tab allowed */
	TEXT_NAME,	/* a name people pick from a list: one line, and no
			 * invisible character (zero-width, soft hyphen,
			 * fillers), so no two names look alike */
};

/* Check text before it is stored: valid UTF-8, no control characters
 * (C0, DEL, C1, and the bidi overrides that can disguise text), at most
 * max_chars characters (0: no limit).  On failure writes a message for
 * people, naming the field, into err and returns -1. */
int text_check(const char *field, const char *s, enum text_kind kind,
	       size_t max_chars, char *err, size_t errlen);

/* Number of characters (code points). */
size_t text_chars(const char *s);

/* Display width in terminal columns; invalid bytes count as one column
 * each (they are shown as U+FFFD), control characters as their
 * placeholder's width. */
int text_width(const char *s);

/* How much of s fits in cols columns: returns the columns used and sets
 * *bytes to the bytes that fit.  Never splits a character, never leaves
 * a combining mark behind its base. */
int text_fit(const char *s, int cols, size_t *bytes);

/* Append s to sb made safe for a terminal or printout: control
 * characters become caret notation (^[), C1 and bidi controls become
 * <U+XXXX>, invalid bytes become U+FFFD.  With keep_nl, newlines and
 * tabs pass; otherwise they become spaces. */
void text_sanitize(struct strbuf *sb, const char *s, bool keep_nl);
/* Same for n bytes that may hold NUL (shown as ^@). */
void text_sanitize_n(struct strbuf *sb, const char *s, size_t n, bool keep_nl);
/* Same, into a new string. */
char *text_safe(const char *s);


/* Append s (sanitized) fitted into exactly cols columns: cut at a
 * character boundary (with "…" when cut and ellipsis is set) and padded
 * with spaces on the right, or on the left when right_align. */
void text_pad(struct strbuf *sb, const char *s, int cols, bool ellipsis,
	      bool right_align);

/* Wrap s (sanitized, newlines honoured) into lines of at most cols
 * columns.  Breaks at a space when the line holds one in its last
 * third, else at any character (as Japanese text wraps).  Returns the
 * number of lines; *lines gets a NULL-terminated array of new strings
 * (free with text_lines_free). */
size_t text_wrap(const char *s, int cols, char ***lines);
void text_lines_free(char **lines);

/* Strip leading and trailing ASCII blanks in place. */
char *text_trim(char *s);

#endif
