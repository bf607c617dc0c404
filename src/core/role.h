#ifndef MADO_ROLE_H
#define MADO_ROLE_H
/* Who is at the desk, and two roles by group membership: desk staff,
 * and the desk lead (the group the desk's own setting names, set by
 * `madoguchi setup --lead`), who alone may restore, run retention,
 * change closed days, staff, programs and their caps.  Checked here,
 * in core, by every operation that needs it, so no screen or command
 * can skip it.  A desk without a lead group is a desk of one: everyone
 * leads.  The account is the effective uid's (util/account.h). */

#include "core/appt.h"
#include "util/text.h"

/* 0 when the account running the program may do what (a phrase:
 * "restoring a backup"); -1 with ERR_RULE (field "role") naming the
 * group and the account. */
int role_require_lead(const struct desk_ctx *d, const char *what, struct err *e);
/* The same for a database not (yet) in a desk context. */
int role_require_lead_db(struct db *db, const char *what, struct err *e);
/* The desk lead group, "" when none (into buf of n). */
int role_lead_group(const struct desk_ctx *d, char *buf, size_t n, struct err *e);
/* Set the desk lead group ("" removes it); a lead only, once one is set. */
int role_set_lead_group(const struct desk_ctx *d, const char *group, struct err *e);
/* Who is signed in: "山田 花子 (yamada)" when a staff record is linked
 * to the account, else the login; short: only the name when linked
 * (the screen's header). */
void role_whoami(const struct desk_ctx *d, bool short_form, struct strbuf *out);
/* Link the staff member (by id, name or unique match) to an account
 * (a login name that exists on this machine; "" unlinks).  Lead only. */
int role_link_staff(const struct desk_ctx *d, const char *staff, const char *account, struct err *e);

#endif
