#include "util/file.h"

#include <errno.h>
#include <fcntl.h>
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
