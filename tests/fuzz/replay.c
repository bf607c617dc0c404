/* Replays inputs through a fuzz harness without libFuzzer:
 *   replay_TARGET FILE|DIR...
 * Each file is one input; a directory means every file in it.  A crash
 * or a sanitizer report ends the run with an error, so `make check`
 * fails on any input that ever crashed a harness. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "fuzz.h"
#include "util/mem.h"

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;

	if (!f) {
		perror(path);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	/* an exact-size heap copy, so ASan sees reads past the end */
	uint8_t *data = xmalloc(sb.len ? sb.len : 1);
	memcpy(data, strbuf_str(&sb), sb.len);
	LLVMFuzzerTestOneInput(data, sb.len);
	free(data);
	strbuf_release(&sb);
	return 0;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	int n = 0, bad = 0;

	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) < 0) {
			perror(argv[i]);
			return 2;
		}
		if (!S_ISDIR(st.st_mode)) {
			bad |= replay_file(argv[i]) < 0;
			n++;
			continue;
		}
		DIR *d = opendir(argv[i]);
		struct dirent *de;
		char **names = NULL;
		size_t k = 0;
		while (d && (de = readdir(d))) {
			if (de->d_name[0] == '.')
				continue;
			names = xrealloc(names, (k + 1) * sizeof *names);
			names[k++] = xasprintf("%s/%s", argv[i], de->d_name);
		}
		if (d)
			closedir(d);
		if (k)
			qsort(names, k, sizeof *names, cmp);
		for (size_t j = 0; j < k; j++) {
			bad |= replay_file(names[j]) < 0;
			n++;
			free(names[j]);
		}
		free(names);
	}
	fprintf(stderr, "replayed %d inputs\n", n);
	return bad ? 1 : 0;
}
