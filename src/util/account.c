#include "util/account.h"

#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

const char *account_login(void)
{
	static char name[64];
	struct passwd *pw;

	if (!name[0]) {
		pw = getpwuid(geteuid());
		if (pw && pw->pw_name && *pw->pw_name)
			snprintf(name, sizeof name, "%s", pw->pw_name);
		else
			snprintf(name, sizeof name, "uid %lu", (unsigned long)geteuid());
	}
	return name;
}

bool account_in_group(const char *group)
{
	struct group *gr = group && *group ? getgrnam(group) : NULL;
	gid_t *v;
	int n;
	bool in = false;

	if (!gr)
		return false;
	if (getegid() == gr->gr_gid)
		return true;
	n = getgroups(0, NULL);
	if (n <= 0)
		return false;
	v = calloc((size_t)n, sizeof *v);
	if (!v)
		return false;
	n = getgroups(n, v);
	for (int i = 0; i < n && !in; i++)
		in = v[i] == gr->gr_gid;
	free(v);
	return in;
}
