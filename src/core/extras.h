#ifndef MADO_EXTRAS_H
#define MADO_EXTRAS_H
/* The values of the fields a site adds to a form (core/formdef.h),
 * checked against their definitions and written with their record, in
 * the caller's transaction.  Errors name the field's key. */

#include "core/formdef.h"
#include "db/db.h"
#include "db/db_extra.h"

/* Each value: a field the form defines as a site field, valid text of
 * its kind (one line, or several for multiline) within its limit. */
int extras_check(const struct formdef *form, const struct extra_list *l, struct err *e);
/* The end of a record's request: its site fields written (an empty
 * value removes the key; one already stored writes nothing), then the commit;
 * *changed says whether anything was written since changes_before
 * (db_total_changes at the start).  On failure the caller rolls back. */
int extras_commit(struct db *db, const char *tbl, long long id, const struct formdef *form,
		  const struct extra_list *l, long long changes_before, bool *changed,
		  struct err *e);

#endif
