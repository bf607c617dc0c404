#include "core/setup.h"

#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/i18n.h"

int setup_shared_folder(const char *dir, const char *group, struct err *e)
{
	struct group *gr = group && *group ? getgrnam(group) : NULL;
	char path[1024];
	struct stat st;

	if (!gr)
		return err_set_field(e, ERR_INPUT, "group",
				     _("there is no group '%s': make it first (groupadd %s) and add the staff accounts (usermod -aG %s NAME)"),
				     group ? group : "", group ? group : "", group ? group : "");
	if (!dir || !*dir)
		return err_set_field(e, ERR_INPUT, "dir", _("setup needs the folder of the shared desk"));
	snprintf(path, sizeof path, "%s", dir);
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0755) < 0 && errno != EEXIST)
			return err_set(e, ERR_DB, _("cannot create the folder %s: %s"), path, strerror(errno));
		*p = '/';
	}
	if (mkdir(path, 0770) < 0 && errno != EEXIST)
		return err_set(e, ERR_DB, _("cannot create the folder %s: %s"), path, strerror(errno));
	if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode))
		return err_set(e, ERR_DB, _("%s is not a folder"), path);
	if (chown(path, (uid_t)-1, gr->gr_gid) < 0)
		return err_set(e, ERR_DB, _("cannot give %s to the group %s: %s (run setup as root or as the folder's owner in that group)"),
			       path, group, strerror(errno));
	if (chmod(path, 02770) < 0)
		return err_set(e, ERR_DB, _("cannot set the mode of %s: %s"), path, strerror(errno));
	return 0;
}
