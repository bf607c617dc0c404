#ifndef MADO_ACCOUNT_H
#define MADO_ACCOUNT_H
/* Who runs the program: the operating-system account of the effective
 * uid (never $USER or a setting, which anyone can change), and its
 * groups.  Used for the audit log's actor and the desk lead role. */

#include <stdbool.h>

/* The login name of the effective uid ("uid 1234" when it has none). */
const char *account_login(void);
/* Whether the effective account belongs to group (by name): its
 * primary group or a supplementary one.  false for an unknown group. */
bool account_in_group(const char *group);

#endif
