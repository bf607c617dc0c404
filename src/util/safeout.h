#ifndef MADO_SAFEOUT_H
#define MADO_SAFEOUT_H
/* The one sanitizing writer of the command line: stdout and stderr are
 * replaced by streams that pass every byte through text_sanitize_n()
 * (control characters, C1 and bidi controls and invalid UTF-8 become
 * visible placeholders; newline, tab and CR before LF pass), so no
 * printf of stored data or of argv can reach the terminal raw.  On a
 * terminal whose locale is not UTF-8 the text is converted to its
 * character set (ja_JP.eucJP) or, where it cannot show Japanese, left
 * UTF-8 with one message saying why.  Files and pipes get UTF-8. */

#include <stdio.h>

/* Call once after setlocale(LC_ALL, ""): makes LC_CTYPE UTF-8 for the
 * program's own work (remembering the terminal's character set) and
 * installs the streams.  The UI does not call it (curses owns the
 * terminal). */
void safeout_install(void);
/* The untouched standard output, for bytes that are a file format of
 * their own (a PDF, an .ics with CRLF, a printout with form feeds);
 * their writers sanitize the stored text in them.  Flushes stdout
 * first so the order holds. */
FILE *safeout_raw(void);
/* Put the standard streams and LC_CTYPE back as they were (before the
 * full-screen desk takes the terminal). */
void safeout_release(void);

#endif
