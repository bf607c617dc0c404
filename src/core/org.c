#include "core/org.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/extras.h"
#include "core/formdef.h"
#include "core/resolve.h"
#include "core/role.h"
#include "db/db_extra.h"
#include "db/db_org.h"
#include "util/i18n.h"
#include "util/mem.h"
#include "util/text.h"

static bool same_str(const char *x, const char *y)
{
	return !strcmp(x ? x : "", y ? y : "");
}

/* dst = s trimmed ("" as NULL for optional fields); s NULL keeps dst. */
static void take(char **dst, const char *s, bool keep_empty)
{
	if (!s)
		return;
	char *t = xstrdup(s);
	const char *v = text_trim(t);
	free(*dst);
	*dst = *v || keep_empty ? xstrdup(v) : NULL;
	free(t);
}

/* A text field: checked with its key, before anything is written. */
static int check_text(const char *key, const char *label, const char *s, enum text_kind kind,
		      size_t max, struct err *e)
{
	char msg[512];

	if (s && *s && text_check(label, s, kind, max, msg, sizeof msg) < 0)
		return err_set_field(e, ERR_INPUT, key, "%s", msg);
	return 0;
}

static int check_org(const struct desk_ctx *d, const struct org *o, struct err *e)
{
	if (!o->name || !*o->name)
		return err_set_field(e, ERR_INPUT, "name", _("name: required"));
	if (!o->municipality || !*o->municipality)
		return err_set_field(e, ERR_INPUT, "municipality", _("municipality: required"));
	if (check_text("name", _("name"), o->name, TEXT_NAME, 200, e) < 0 ||
	    check_text("kana", _("reading"), o->kana, TEXT_NAME, 200, e) < 0 ||
	    check_text("municipality", _("municipality"), o->municipality, TEXT_LINE, 20, e) < 0 ||
	    check_text("phone", _("phone"), o->phone, TEXT_LINE, 40, e) < 0 ||
	    check_text("email", _("e-mail"), o->email, TEXT_LINE, 254, e) < 0 ||
	    check_text("address", _("address"), o->address, TEXT_LINE, 300, e) < 0 ||
	    check_text("note", _("note"), o->note, TEXT_MULTI, 4000, e) < 0)
		return -1;
	if (db_municipality_valid(d->db, o->municipality, e) < 0) {
		if (e->code != ERR_DB)
			snprintf(e->field, sizeof e->field, "municipality");
		return -1;
	}
	return 0;
}

static bool org_changed(const struct org *x, const struct org *y)
{
	return x->type != y->type || !same_str(x->name, y->name) || !same_str(x->kana, y->kana) ||
	       !same_str(x->municipality, y->municipality) || !same_str(x->phone, y->phone) ||
	       !same_str(x->email, y->email) || !same_str(x->address, y->address) ||
	       !same_str(x->note, y->note);
}

static void org_dup(struct org *dst, const struct org *src)
{
	memset(dst, 0, sizeof *dst);
	dst->id = src->id;
	dst->type = src->type;
#define DUP(f) dst->f = src->f ? xstrdup(src->f) : NULL
	DUP(name); DUP(kana); DUP(municipality); DUP(phone); DUP(email); DUP(address); DUP(note);
#undef DUP
}

int org_import_ensure(const struct desk_ctx *d, const char *name, const char *type,
		      const char *municipality, long long *id, bool *created, struct err *e)
{
	struct org o;
	int rc = db_org_find_in(d->db, name, municipality, &o, e);

	*created = false;
	if (rc < 0)
		return -1;
	if (rc == 0) {
		*id = o.id;
		org_release(&o);
		return 0;
	}
	memset(&o, 0, sizeof o);
	int k = type ? model_lookup(org_type_code, ORG_TYPE_COUNT, type) : -1;
	o.type = k < 0 ? ORG_LOCAL : (enum org_type)k;
	take(&o.name, name, true);
	take(&o.municipality, municipality, true);
	rc = check_org(d, &o, e) < 0 || db_org_insert(d->db, &o, e) < 0 ? -1 : 0;
	*id = o.id;
	*created = rc == 0;
	org_release(&o);
	return rc;
}

int org_request(const struct desk_ctx *d, const struct org_req *r, struct org_result *res,
		struct err *e)
{
	struct org old, o;
	int rc = -1;

	memset(&old, 0, sizeof old);
	memset(&o, 0, sizeof o);
	memset(res, 0, sizeof *res);
	if (r->id < 0)
		return err_set_field(e, ERR_INPUT, "id", _("organization: '%lld' is not an id"), r->id);
	if (db_begin(d->db, e) < 0)
		return -1;
	long long changes = db_total_changes(d->db);
	if (r->id > 0) {
		if (db_org_get(d->db, r->id, &old, e) < 0) {
			snprintf(e->field, sizeof e->field, "id");
			goto out;
		}
		org_dup(&o, &old);
	} else {
		o.type = ORG_LOCAL;
	}
	take(&o.name, r->name, true);
	take(&o.kana, r->kana, false);
	take(&o.municipality, r->municipality, true);
	take(&o.phone, r->phone, false);
	take(&o.email, r->email, false);
	take(&o.address, r->address, false);
	take(&o.note, r->note, false);
	if (r->type && (*r->type || r->id == 0)) {
		char *t = xstrdup(r->type);
		int k = model_lookup3(org_type_code, org_type_en, org_type_ja, ORG_TYPE_COUNT,
				      text_trim(t));
		free(t);
		if (k < 0) {
			err_set_field(e, ERR_INPUT, "type",
				      _("type: '%s' is not one of municipality, council, center, intermediary, local, individual"),
				      r->type);
			goto out;
		}
		o.type = (enum org_type)k;
	}
	if (check_org(d, &o, e) < 0 || extras_check(r->form, r->extras, e) < 0)
		goto out;
	if (r->id == 0) {
		if (db_org_insert(d->db, &o, e) < 0)
			goto out;
	} else if (org_changed(&o, &old)) {
		if (db_org_update(d->db, &o, e) < 0)
			goto out;
	}
	if (extras_commit(d->db, "organization", o.id, r->form, r->extras, changes, &res->changed, e) < 0)
		goto out;
	res->id = o.id;
	rc = 0;
out:
	if (rc < 0)
		db_rollback(d->db);
	org_release(&old);
	org_release(&o);
	return rc;
}

int org_contact_ensure(const struct desk_ctx *d, long long org_id, const char *name,
		       const char *phone, const char *email, long long *id, struct err *e)
{
	*id = 0;
	if (!name || !*name) {
		if ((phone && *phone) || (email && *email))
			return err_set_field(e, ERR_INPUT, phone && *phone ? "phone" : "email",
					     _("a phone number or e-mail belongs to a contact: give the name"));
		return 0;
	}
	if (!org_id)
		return err_set_field(e, ERR_INPUT, "contact",
				     _("a contact belongs to an organization: give one"));
	if (check_text("contact", _("contact"), name, TEXT_NAME, 100, e) < 0 ||
	    check_text("phone", _("phone"), phone, TEXT_LINE, 40, e) < 0 ||
	    check_text("email", _("e-mail"), email, TEXT_LINE, 254, e) < 0)
		return -1;
	if (db_contact_ensure(d->db, org_id, name, phone && *phone ? phone : NULL,
			      email && *email ? email : NULL, id, e) < 0) {
		if (!e->field[0])
			snprintf(e->field, sizeof e->field, "contact");
		return -1;
	}
	return 0;
}

int staff_add(const struct desk_ctx *d, const char *name, const char *kana, const char *desk,
	      long long *id, struct err *e)
{
	struct staff s = { 0, NULL, NULL, NULL, true };
	char *n = xstrdup(name ? name : ""), *k = xstrdup(kana ? kana : "");
	int rc = -1;

	if (role_require_lead(d, _("changing staff"), e) < 0)
		goto out;
	s.name = text_trim(n);
	s.kana = text_trim(k);
	s.desk = (char *)(desk && *desk ? desk : "general");
	if (!*s.name) {
		err_set_field(e, ERR_INPUT, "name", _("staff name: required"));
		goto out;
	}
	if (check_text("name", _("staff name"), s.name, TEXT_NAME, 60, e) < 0 ||
	    check_text("kana", _("reading"), s.kana, TEXT_LINE, 60, e) < 0)
		goto out;
	if (strcmp(s.desk, "general") && strcmp(s.desk, "content")) {
		err_set_field(e, ERR_INPUT, "desk", _("--desk: general or content"));
		goto out;
	}
	if (db_begin(d->db, e) < 0)
		goto out;
	if (db_staff_insert(d->db, &s, e) < 0 || db_commit(d->db, e) < 0) {
		db_rollback(d->db);
		if (!e->field[0])
			snprintf(e->field, sizeof e->field, "name");
		goto out;
	}
	*id = s.id;
	rc = 0;
out:
	free(n);
	free(k);
	return rc;
}

int staff_set_active(const struct desk_ctx *d, const char *who, bool active, struct err *e)
{
	struct staff s;
	long long id;
	char num[32];
	int rc = -1;

	if (role_require_lead(d, _("changing staff"), e) < 0)
		return -1;
	if (db_begin(d->db, e) < 0)
		return -1;
	if (resolve_staff(d, who, "staff", false, &id, e) < 0)
		goto out;
	snprintf(num, sizeof num, "%lld", id);
	if (db_staff_find(d->db, num, &s, e) != 0) {
		if (e->code != ERR_DB)
			err_set_field(e, ERR_INPUT, "staff", _("there is no staff member #%lld"), id);
		goto out;
	}
	bool was = s.active;
	if (was == active) {
		err_set_field(e, ERR_RULE, "staff", active ? _("%s is already active")
							 : _("%s is already retired"), s.name);
		staff_release(&s);
		goto out;
	}
	staff_release(&s);
	if (db_staff_set_active(d->db, id, active, e) < 0 || db_commit(d->db, e) < 0)
		goto out;
	rc = 0;
out:
	if (rc < 0)
		db_rollback(d->db);
	return rc;
}

int org_get(const struct desk_ctx *d, long long id, struct org *o, struct err *e)
{
	return db_org_get(d->db, id, o, e);
}

int org_search(const struct desk_ctx *d, const char *query, int limit,
	       int (*cb)(const struct org *o, void *arg), void *arg, struct err *e)
{
	return db_org_search(d->db, query, limit, cb, arg, e);
}

int staff_list(const struct desk_ctx *d, bool active_only,
	       int (*cb)(const struct staff *s, void *arg), void *arg, struct err *e)
{
	return db_staff_list(d->db, active_only, cb, arg, e);
}

int staff_get(const struct desk_ctx *d, long long id, struct staff *s, struct err *e)
{
	char num[32];

	snprintf(num, sizeof num, "%lld", id);
	int rc = db_staff_find(d->db, num, s, e);
	if (rc == 0 && s->id != id) {
		staff_release(s);
		return 1;
	}
	return rc;
}
