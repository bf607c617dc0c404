#ifndef MADO_DB_EXTRA_H
#define MADO_DB_EXTRA_H
/* Extra fields: values of the fields a site adds to a form, stored per
 * record (appointment, organization, inquiry) as key and value.  Knows
 * nothing of the forms: callers pass the names and limits. */

#include <stdbool.h>
#include <stddef.h>
#include "db/db.h"

struct extra_pair {
	char *key, *value;
};

struct extra_list {
	struct extra_pair *v;
	size_t n;
};

void extra_list_add(struct extra_list *l, const char *key, const char *value);
/* The value of key, or NULL. */
const char *extra_list_get(const struct extra_list *l, const char *key);
void extra_list_release(struct extra_list *l);

/* The record's extra values in key order, added to out.  tbl is
 * "appointment", "organization" or "inquiry". */
int db_extra_get(struct db *db, const char *tbl, long long row_id, struct extra_list *out,
		 struct err *e);
/* Set one value (NULL or "" deletes it); the text is checked (valid
 * UTF-8, no control characters but newline and tab in multiline values,
 * at most max characters, 4000 at most). */
int db_extra_set(struct db *db, const char *tbl, long long row_id, const char *key,
		 const char *value, bool multiline, size_t max, struct err *e);
/* Every pair of l in one transaction; a pair with an empty value
 * deletes that key.  Values are checked as single lines unless their
 * key is listed in multiline_keys (NULL-terminated; may be NULL). */
int db_extra_set_all(struct db *db, const char *tbl, long long row_id,
		     const struct extra_list *l, const char *const *multiline_keys,
		     struct err *e);

#endif
