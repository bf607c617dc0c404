#include "util/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum file_kind file_kind(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return errno == ENOENT ? FILE_NONE : FILE_OTHER;
	if (S_ISREG(st.st_mode))
		return FILE_REGULAR;
	if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))
		return FILE_SPECIAL;
	return FILE_OTHER;
}

int file_open_private(const char *path)
{
	int fd;

	switch (file_kind(path)) {
	case FILE_SPECIAL:
		return open(path, O_WRONLY | O_CLOEXEC);
	case FILE_OTHER:
		errno = EISDIR;
		return -1;
	default:
		break;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
	/* a file that was there keeps its mode through O_TRUNC: make it as
	 * private as a new one */
	if (fd >= 0 && fchmod(fd, 0600) < 0) {
		int saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* The directory part of path into dir ("." when none) and a pointer to
 * its last component. */
static const char *split_dir(const char *path, char *dir, size_t n)
{
	const char *slash = strrchr(path, '/');

	if (!slash) {
		snprintf(dir, n, ".");
		return path;
	}
	if (slash == path)
		snprintf(dir, n, "/");
	else
		snprintf(dir, n, "%.*s", (int)(slash - path), path);
	return slash + 1;
}

bool file_is_database(const char *path, const char *db_path)
{
	static const char *const side[] = { "", "-wal", "-shm", "-journal" };
	char pdir[4096], ddir[4096], name[4200];
	struct stat ps, ds, pds, dds;
	bool p_exists = stat(path, &ps) == 0;
	const char *pbase = split_dir(path, pdir, sizeof pdir);
	const char *dbase = split_dir(db_path, ddir, sizeof ddir);
	bool same_dir = stat(pdir, &pds) == 0 && stat(ddir, &dds) == 0 && same_file(&pds, &dds);

	for (size_t i = 0; i < sizeof side / sizeof side[0]; i++) {
		snprintf(name, sizeof name, "%s%s", db_path, side[i]);
		if (p_exists && stat(name, &ds) == 0 && same_file(&ps, &ds))
			return true;
		snprintf(name, sizeof name, "%s%s", dbase, side[i]);
		if (same_dir && !strcmp(pbase, name))
			return true;
	}
	return false;
}
