#include "core/extras.h"

#include <stdio.h>
#include "util/i18n.h"
#include "util/text.h"

int extras_check(const struct formdef *form, const struct extra_list *l, struct err *e)
{
	if (!l)
		return 0;
	for (size_t i = 0; i < l->n; i++) {
		const struct extra_pair *p = &l->v[i];
		const struct formdef_field *f = form ? formdef_field(form, p->key) : NULL;
		char msg[512];
		if (!f || !f->site)
			return err_set_field(e, ERR_INPUT, p->key, _("the form has no field %s"), p->key);
		if (*p->value && text_check(formdef_label(f, i18n_japanese()), p->value,
					    f->type == FT_MULTILINE ? TEXT_MULTI : TEXT_LINE,
					    f->max ? f->max : 4000, msg, sizeof msg) < 0)
			return err_set_field(e, ERR_INPUT, p->key, "%s", msg);
	}
	return 0;
}

static int extras_write(struct db *db, const char *tbl, long long id, const struct formdef *form,
		 const struct extra_list *l, struct err *e)
{
	if (!l)
		return 0;
	for (size_t i = 0; i < l->n; i++) {
		const struct formdef_field *f = form ? formdef_field(form, l->v[i].key) : NULL;
		if (db_extra_set(db, tbl, id, l->v[i].key, l->v[i].value,
				 f && f->type == FT_MULTILINE, f && f->max ? f->max : 4000, e) < 0) {
			snprintf(e->field, sizeof e->field, "%s", l->v[i].key);
			return -1;
		}
	}
	return 0;
}

int extras_commit(struct db *db, const char *tbl, long long id, const struct formdef *form,
		  const struct extra_list *l, long long changes_before, bool *changed,
		  struct err *e)
{
	if (extras_write(db, tbl, id, form, l, e) < 0)
		return -1;
	*changed = db_total_changes(db) != changes_before;
	return db_commit(db, e);
}
