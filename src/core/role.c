#include "core/role.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/resolve.h"
#include "db/db_desk.h"
#include "util/account.h"
#include "util/i18n.h"

static int lead_group(struct db *db, char *buf, size_t n, struct err *e)
{
	char *v = NULL;

	if (db_desk_setting(db, "lead_group", &v, e) < 0)
		return -1;
	snprintf(buf, n, "%s", v ? v : "");
	free(v);
	return 0;
}

int role_lead_group(const struct desk_ctx *d, char *buf, size_t n, struct err *e)
{
	return lead_group(d->db, buf, n, e);
}

int role_require_lead(const struct desk_ctx *d, const char *what, struct err *e)
{
	return role_require_lead_db(d->db, what, e);
}

int role_require_lead_db(struct db *db, const char *what, struct err *e)
{
	char group[64];

	if (lead_group(db, group, sizeof group, e) < 0)
		return -1;
	if (!group[0] || account_in_group(group))
		return 0;
	return err_set_field(e, ERR_RULE, "role",
			     _("%s is for the desk lead, the group %s (you are %s): ask a lead, or have an administrator add you to the group"),
			     what, group, account_login());
}

/* A group name as groupadd takes it: [a-z_][a-z0-9_-]*, at most 32. */
static bool valid_group_name(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 32 || !((*s >= 'a' && *s <= 'z') || *s == '_'))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-'))
			return false;
	return true;
}

int role_set_lead_group(const struct desk_ctx *d, const char *group, struct err *e)
{
	if (group && *group && !valid_group_name(group))
		return err_set_field(e, ERR_INPUT, "lead", _("'%s' is not a group name"), group);
	if (db_begin(d->db, e) < 0)
		return -1;
	if (role_require_lead(d, _("changing the desk lead group"), e) < 0 ||
	    db_desk_setting_set(d->db, "lead_group", group, e) < 0 || db_commit(d->db, e) < 0) {
		db_rollback(d->db);
		return -1;
	}
	return 0;
}

void role_whoami(const struct desk_ctx *d, bool short_form, struct strbuf *out)
{
	const char *login = account_login();
	char *name = NULL, group[64] = "";
	struct err e;

	if (d->db && db_staff_name_of_account(d->db, login, &name, &e) == 0 && name && short_form)
		strbuf_adds(out, name);
	else if (name)
		strbuf_addf(out, "%s (%s)", name, login);
	else if (!short_form || (d->db && role_lead_group(d, group, sizeof group, &e) == 0 && group[0]))
		strbuf_adds(out, login);	/* short: only on a shared desk (one with a lead group) */
	free(name);
}

int role_link_staff(const struct desk_ctx *d, const char *staff, const char *account, struct err *e)
{
	long long id;

	if (account && *account && !getpwnam(account))
		return err_set_field(e, ERR_INPUT, "account", _("there is no account '%s' on this machine"),
				     account);
	if (db_begin(d->db, e) < 0)
		return -1;
	if (role_require_lead(d, _("changing staff"), e) < 0 ||
	    resolve_staff(d, staff, "staff", false, &id, e) < 0 ||
	    db_staff_set_account(d->db, id, account, e) < 0 || db_commit(d->db, e) < 0) {
		db_rollback(d->db);
		return -1;
	}
	return 0;
}
