#ifndef MADO_PASTE_H
#define MADO_PASTE_H
/* Bracketed paste: the terminal marks a paste with ESC [200~ and
 * ESC [201~, so that what was pasted arrives as text and never as
 * keys.  This module turns the mode on and off and reads a paste whole;
 * what goes into a field is lineedit_paste()'s to decide. */

#include <curses.h>
#include <stdbool.h>
#include "util/mem.h"

/* wget_wch() gives KEY_CODE_YES with this code when a paste begins
 * (far above the codes ncurses hands out for terminfo's extended keys). */
#define PASTE_KEY 0x7a00

/* Ask the terminal for bracketed paste (on) or stop it (off); on also
 * teaches curses the start mark.  Safe to call when curses is down. */
void paste_mode(bool on);

/* After PASTE_KEY: read what follows from w up to the end mark (or a
 * second's silence) as UTF-8 into out (NULL: read and throw away).  The
 * bytes are as the terminal sent them, escape sequences included.
 * Returns false when curses reported an error before the end. */
bool paste_read(WINDOW *w, struct strbuf *out);

#endif
