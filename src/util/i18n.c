#include "util/i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#ifndef MADO_LOCALEDIR
#define MADO_LOCALEDIR "/usr/local/share/locale"
#endif

void i18n_init(void)
{
	const char *dir = getenv("MADOGUCHI_LOCALEDIR");

	bindtextdomain("madoguchi", dir && *dir ? dir : MADO_LOCALEDIR);
	bind_textdomain_codeset("madoguchi", "UTF-8");
	textdomain("madoguchi");
}

int i18n_japanese(void)
{
	const char *l = setlocale(LC_MESSAGES, NULL);

	return l && !strncmp(l, "ja", 2);
}
