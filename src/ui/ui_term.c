/* Whether the terminal description exists, asked before curses starts
 * (newterm() on an unknown TERM fails but keeps memory it took).  Its
 * own file: <term.h> defines macros (lines, columns ...) the screens
 * must not see. */
#include "ui/ui_internal.h"

#include <curses.h>
#include <term.h>
#include <unistd.h>

bool ui_term_known(const char *term)
{
	int err = 0;
	TERMINAL *saved = cur_term;

	if (setupterm((char *)term, STDOUT_FILENO, &err) != OK)
		return false;
	del_curterm(cur_term);
	cur_term = saved;
	return true;
}
