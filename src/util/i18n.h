#ifndef MADO_I18N_H
#define MADO_I18N_H
/* gettext for every user-visible string: _("English") in the source,
 * translations in po/.  N_() marks a string translated later. */

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Bind the text domain: $MADOGUCHI_LOCALEDIR, else the installed
 * locale directory.  Call after setlocale(). */
void i18n_init(void);
/* Whether the messages are Japanese (LC_MESSAGES is ja*). */
int i18n_japanese(void);

#endif
