#ifndef MADO_SETUP_H
#define MADO_SETUP_H
/* The folder of a desk its staff share on one server: owned by the
 * desk's group, setgid (so every file made in it belongs to that group)
 * and open to the group only (2770).  db/db.c then creates the database
 * (and sqlite its -wal and -shm) 0660 there; personal outputs stay 0600. */

#include "util/err.h"

/* Make (or put right) dir for group: mkdir -p, chgrp, chmod 2770.
 * The group must exist; the account must own dir or be root. */
int setup_shared_folder(const char *dir, const char *group, struct err *e);

#endif
