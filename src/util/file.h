#ifndef MADO_FILE_H
#define MADO_FILE_H
/* Output files that may hold personal data (exports, printouts,
 * backups): regular files are private (0600); a device or pipe named on
 * the command line (/dev/stdout, /dev/null, a FIFO) is written as it is,
 * never replaced or re-moded. */

#include <stdbool.h>

enum file_kind {
	FILE_NONE,	/* does not exist yet */
	FILE_REGULAR,
	FILE_SPECIAL,	/* character device, FIFO or socket */
	FILE_OTHER,	/* directory, block device ... */
};

/* What is at path now. */
enum file_kind file_kind(const char *path);

/* Open path for writing: a regular file is created or truncated and
 * made 0600; a special file is opened as it is.  A directory is
 * refused (errno EISDIR).  Returns the descriptor or -1 with errno. */
int file_open_private(const char *path);

/* Whether writing path would write the database at db_path or one of
 * the files SQLite keeps beside it (-wal, -shm, -journal): the same
 * file by any name (symlink, hard link, ../), or the name such a file
 * would have in the database's directory even while it does not
 * exist. */
bool file_is_database(const char *path, const char *db_path);

#endif
