/* core/role and util/account: the desk lead role, by group, read from
 * the desk's own setting; each check on its own fresh desk. */
#include <grp.h>
#include <string.h>
#include <unistd.h>
#include "tap.h"
#include "testdb.h"
#include "core/role.h"
#include "util/account.h"

static struct testdb t;
static struct desk_ctx d;

static int fresh(void)
{
	static bool open;
	struct err e = { 0 };

	if (open)
		testdb_close(&t);
	open = testdb_open(&t, &d, "role", "2026-11-24T10:15", &e) == 0;
	if (!open)
		ok(0, "fresh desk: %s", e.msg);
	return open ? 0 : -1;
}

int main(void)
{
	struct err e = { 0 };
	struct group *mine = getgrgid(getegid());
	struct strbuf sb = STRBUF_INIT;

	ok(account_login()[0] != '\0', "the account has a login name: %s", account_login());
	ok(mine && account_in_group(mine->gr_name), "the account is in its own primary group");
	ok(!account_in_group("no-such-group-madoguchi"), "and not in a group that does not exist");

	if (fresh() == 0) {
		ok(role_require_lead(&d, "x", &e) == 0, "without a lead group everyone leads");
		role_whoami(&d, false, &sb);
		is_str(strbuf_str(&sb), account_login(), "whoami is the login when no staff is linked");
	}
	if (fresh() == 0 && mine) {
		ok(role_set_lead_group(&d, mine->gr_name, &e) == 0, "set the lead group to one we are in");
		ok(role_require_lead(&d, "x", &e) == 0, "then we lead");
	}
	if (fresh() == 0) {
		ok(role_set_lead_group(&d, "nosuchgroup9", &e) == 0, "set a lead group we are not in");
		ok(role_require_lead(&d, "restoring", &e) < 0 && e.code == ERR_RULE &&
		   !strcmp(e.field, "role") && strstr(e.msg, "nosuchgroup9") && strstr(e.msg, account_login()),
		   "then a lead operation is refused, naming the group and the account: %s", e.msg);
		ok(role_set_lead_group(&d, "", &e) < 0 && e.code == ERR_RULE,
		   "and only a lead may change the lead group");
	}
	if (fresh() == 0)
		ok(role_set_lead_group(&d, "Bad Name", &e) < 0 && !strcmp(e.field, "lead"),
		   "a group name that groupadd would refuse is refused");
	strbuf_release(&sb);
	testdb_close(&t);
	return done_testing();
}
