/* Fuzz the command line: cli_main on a fuzzed argv (one argument per
 * line of the input) against a real database in a private directory.
 * Commands that write files or take long are kept out (backup, restore,
 * import, demo, and any path with a slash); export and print write to
 * stdout.  Exit codes must stay 0-3. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <locale.h>
#include "app.h"
#include "cli/cli.h"
#include "fuzz.h"
#include "util/mem.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)
#define MAX_ARGS 24

static char fuzz_db_path[512];

static int run(int argc, char **argv)
{
	struct app app;
	int rc;

	if (app_init(&app, fuzz_db_path) < 0) {
		config_release(&app.cfg);
		return 2;
	}
	rc = cli_main(&app, argc, argv);
	app_release(&app);
	fflush(stdout);
	return rc;
}

static void setup(void)
{
	const char *dir = fuzz_tmpdir();
	char *seed[][16] = {
		{ "init", NULL },
		{ "staff", "add", "山田", NULL },
		{ "staff", "add", "佐藤", "--desk", "content", NULL },
		{ "org", "add", "--name", "墨田区 太壱みまもりネットワーク", "--type", "local",
		  "--municipality", "墨田区", NULL },
		{ "book", "--date", "2026-11-25", "--start", "10:00", "--channel", "visit", "--org", "1",
		  "--staff", "山田", "--contact", "中村 翔", "--phone", "03-5555-1004", NULL },
		{ "inquiry", "add", "--channel", "phone", "--org", "1", "--topic", "other",
		  "--summary", "問い合わせ", NULL },
	};

	setlocale(LC_ALL, "C.UTF-8");
	setenv("HOME", dir, 1);
	setenv("XDG_CONFIG_HOME", dir, 1);
	setenv("XDG_DATA_HOME", dir, 1);
	setenv("MADOGUCHI_NOW", "2026-11-24T10:15", 1);
	setenv("USER", "fuzz", 1);
	unsetenv("MADOGUCHI_DB");
	snprintf(fuzz_db_path, sizeof fuzz_db_path, "%s/desk.db", dir);
	if (chdir(dir) < 0)
		die("fuzz: chdir");
	/* never a real printer */
	char *cfgdir = xasprintf("%s/madoguchi", dir);
	mkdir(cfgdir, 0700);
	char *cfg = xasprintf("%s/config", cfgdir);
	FILE *f = fopen(cfg, "w");
	if (!f)
		die("fuzz: cannot write %s", cfg);
	fputs("print_command = cat >/dev/null\nprint_format = text\n", f);
	fclose(f);
	free(cfg);
	free(cfgdir);
	/* what commands print is not the point; keep the run quiet */
	int fd = open("/dev/null", O_WRONLY);
	if (fd >= 0) {
		dup2(fd, 1);
		close(fd);
	}
	for (size_t i = 0; i < sizeof seed / sizeof seed[0]; i++) {
		int n = 0;
		while (seed[i][n])
			n++;
		run(n, seed[i]);
	}
}

static bool allowed(int argc, char **argv)
{
	static const char *const blocked[] = { "backup", "restore", "import", "demo", NULL };

	for (int i = 0; blocked[i]; i++)
		if (!strcmp(argv[0], blocked[i]))
			return false;
	bool out = !strcmp(argv[0], "export") || !strcmp(argv[0], "print");
	for (int i = 0; i < argc; i++) {
		if (strchr(argv[i], '/'))
			return false;
		/* -o FILE, --output (and its abbreviations) of export/print */
		if (out && (!strncmp(argv[i], "-o", 2) || !strncmp(argv[i], "--o", 3)))
			return false;
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool init;
	char *argv[MAX_ARGS + 3];
	int argc = 0, rc;

	if (!init) {
		setup();
		init = true;
	}
	if (size == 0 || size > 4096)
		return 0;
	char *s = fuzz_cstr(data, size);
	for (char *p = s, *nl; p && argc < MAX_ARGS; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		argv[argc++] = p;
	}
	if (argc == 0 || !allowed(argc, argv)) {
		free(s);
		return 0;
	}
	if (!strcmp(argv[0], "export") || !strcmp(argv[0], "print")) {
		memmove(argv + 3, argv + 1, (size_t)(argc - 1) * sizeof *argv);
		argv[1] = "-o";
		argv[2] = "-";
		argc += 2;
	}
	argv[argc] = NULL;
	rc = run(argc, argv);
	CHECK(rc >= 0 && rc <= 3);
	free(s);
	return 0;
}
