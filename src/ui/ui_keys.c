/* The key map: each action's default keys, replaced by the config's
 * key.<action> = KEY [KEY...] lines; key names for help and footer. */
#include "ui/ui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>
#include "ui/paste.h"
#include "util/i18n.h"
#include "util/text.h"

struct action_def {
	const char *name;	/* config key.<name> */
	const char *keys;	/* default keys */
	const char *label;	/* footer, N_() */
	const char *help;	/* help screen, N_() */
	enum ui_menu_id menu;
	enum ui_action_where where;
};

#define UI_ACT_DEF_(id, name, keys, label, help, menu, where) \
	[ACT_##id] = { name, keys, label, help, menu, where },
static const struct action_def defs[ACT_COUNT] = {
	[ACT_NONE] = { "none", "", "", "", M_NONE, A_SCREEN },
	UI_ACTIONS(UI_ACT_DEF_)
};

static const struct {
	const char *name;
	int key;
} named[] = {
	{ "Enter", UI_KEY_ENTER }, { "Esc", UI_KEY_ESC }, { "Tab", '\t' }, { "Space", ' ' },
	{ "Up", UI_KEYCODE | KEY_UP }, { "Down", UI_KEYCODE | KEY_DOWN },
	{ "Left", UI_KEYCODE | KEY_LEFT }, { "Right", UI_KEYCODE | KEY_RIGHT },
	{ "PgUp", UI_KEYCODE | KEY_PPAGE }, { "PgDn", UI_KEYCODE | KEY_NPAGE },
	{ "Home", UI_KEYCODE | KEY_HOME }, { "End", UI_KEYCODE | KEY_END },
	{ "Backspace", UI_KEYCODE | KEY_BACKSPACE }, { "Delete", UI_KEYCODE | KEY_DC },
	{ "Insert", UI_KEYCODE | KEY_IC }, { "BackTab", UI_KEYCODE | KEY_BTAB },
};

int ui_key_parse(const char *s)
{
	size_t len = strlen(s);
	unsigned cp;

	if (!len)
		return 0;
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (!strcasecmp(s, named[i].name))
			return named[i].key;
	if (!strcasecmp(s, "PageUp"))
		return UI_KEYCODE | KEY_PPAGE;
	if (!strcasecmp(s, "PageDown"))
		return UI_KEYCODE | KEY_NPAGE;
	if ((s[0] == 'F' || s[0] == 'f') && len >= 2 && len <= 3) {
		int n = atoi(s + 1);
		if (n >= 1 && n <= 12)
			return UI_KEYCODE | KEY_F(n);
	}
	if ((!strncasecmp(s, "C-", 2) && len == 3) || (s[0] == '^' && len == 2)) {
		char c = s[len - 1];
		if (c >= 'a' && c <= 'z')
			return c - 'a' + 1;
		if (c >= 'A' && c <= 'Z')
			return c - 'A' + 1;
		return 0;
	}
	if (text_utf8_decode(s, len, &cp) == len && cp >= 0x21 && cp != 0x7f &&
	    !(cp >= 0x80 && cp < 0xa0))
		return (int)cp;
	return 0;
}

static void keyname_of(int key, char *buf, size_t n)
{
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (named[i].key == key) {
			snprintf(buf, n, "%s", named[i].name);
			return;
		}
	if (key & UI_KEYCODE) {
		int code = key & ~UI_KEYCODE;
		if (code >= KEY_F(1) && code <= KEY_F(12))
			snprintf(buf, n, "F%d", code - KEY_F0);
		else
			snprintf(buf, n, "#%d", code);
	} else if (key > 0 && key < 32) {
		snprintf(buf, n, "C-%c", key - 1 + 'a');
	} else {
		char mb[8] = "";
		wchar_t wc = (wchar_t)key;
		mbstate_t st;
		memset(&st, 0, sizeof st);
		size_t k = wcrtomb(mb, wc, &st);
		if (k == (size_t)-1)
			k = 0;
		mb[k] = '\0';
		snprintf(buf, n, "%s", mb);
	}
}

static int parse_keys(const char *list, int *keys, int max)
{
	char *copy = xstrdup(list), *save = NULL;
	int n = 0;

	for (char *t = strtok_r(copy, " \t,", &save); t; t = strtok_r(NULL, " \t,", &save)) {
		int k = ui_key_parse(t);
		if (k && n < max)
			keys[n++] = k;
	}
	free(copy);
	return n;
}

static const char *configured(const struct config *cfg, enum ui_action a)
{
	char cfgkey[64];

	snprintf(cfgkey, sizeof cfgkey, "key.%s", defs[a].name);
	return config_get(cfg, cfgkey);
}

int ui_keys_of(const struct config *cfg, enum ui_action a, int *keys, int max)
{
	const char *v = configured(cfg, a);

	return parse_keys(v ? v : defs[a].keys, keys, max);
}

char *ui_keys_of_text(const struct config *cfg, enum ui_action a, char *buf, size_t n)
{
	int keys[UI_MAX_KEYS], k = ui_keys_of(cfg, a, keys, UI_MAX_KEYS);
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < k && len + 1 < n; i++) {
		char name[32];
		keyname_of(keys[i], name, sizeof name);
		len += (size_t)snprintf(buf + len, n - len, "%s%s", i ? " " : "", name);
		if (len >= n)
			len = n - 1;
	}
	return buf;
}

void ui_keys_init(struct ui *ui)
{
	/* each action's keys, then the map: a key the config gave to an
	 * action wins over a default key of another */
	for (int a = 1; a < ACT_COUNT; a++)
		ui->nkeys[a] = ui_keys_of(&ui->app->cfg, a, ui->keys[a], UI_MAX_KEYS);
	ui->nmap = 0;
	for (int pass = 0; pass < 2; pass++)
		for (int a = 1; a < ACT_COUNT; a++) {
			if (defs[a].where == A_FORM || (configured(&ui->app->cfg, a) != NULL) != (pass == 0))
				continue;
			for (int i = 0; i < ui->nkeys[a]; i++) {
				ui->map[ui->nmap].key = ui->keys[a][i];
				ui->map[ui->nmap++].act = a;
			}
		}
}

enum ui_action ui_keys_lookup(const struct ui *ui, int key)
{
	for (int i = 0; i < ui->nmap; i++)
		if (ui->map[i].key == key)
			return ui->map[i].act;
	return ACT_NONE;
}

enum ui_menu_id ui_action_menu(enum ui_action a)
{
	return defs[a].menu;
}

enum ui_action_where ui_action_where(enum ui_action a)
{
	return defs[a].where;
}

const char *ui_action_name(enum ui_action a)
{
	return defs[a].name;
}

const char *ui_action_label(enum ui_action a)
{
	return _(defs[a].label);
}

const char *ui_action_help(enum ui_action a)
{
	return _(defs[a].help);
}

char *ui_keys_text(const struct ui *ui, enum ui_action a, char *buf, size_t n)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < ui->nkeys[a] && len + 1 < n; i++) {
		char k[32];
		keyname_of(ui->keys[a][i], k, sizeof k);
		len += (size_t)snprintf(buf + len, n - len, "%s%s", i ? " " : "", k);
		if (len >= n)
			len = n - 1;
	}
	return buf;
}

int ui_read_key(void)
{
	return ui_read_key_paste(NULL);
}

int ui_read_key_paste(struct strbuf *paste)
{
	wint_t wc;
	int r = get_wch(&wc);

	if (r == ERR)
		return 0;
	if (r == KEY_CODE_YES && wc == PASTE_KEY) {
		paste_read(stdscr, paste);
		return UI_KEYCODE | PASTE_KEY;
	}
	if (r == KEY_CODE_YES) {
		if (wc == KEY_ENTER)
			return UI_KEY_ENTER;
		if (wc == KEY_BACKSPACE)
			return UI_KEYCODE | KEY_BACKSPACE;
		return UI_KEYCODE | (int)wc;
	}
	if (wc == '\r')
		return UI_KEY_ENTER;
	if (wc == 127 || wc == 8)
		return UI_KEYCODE | KEY_BACKSPACE;
	return (int)wc;
}
