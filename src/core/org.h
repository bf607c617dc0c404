#ifndef MADO_ORG_H
#define MADO_ORG_H
/* Organizations and their contacts: the one way in for adding and
 * changing them, from the screens and the command line alike.  A
 * request holds what a person typed (strings); core checks every
 * field (with its field key: name, kana, type, municipality, phone,
 * email, address, note, or a site field's key) and writes the record
 * and the site's fields in one BEGIN IMMEDIATE transaction, so a
 * refusal leaves nothing behind and a save that changes nothing writes
 * nothing.  No terminal. */

#include "core/appt.h"

struct formdef;
struct extra_list;

/* What a person typed.  NULL: not given (a new organization takes the
 * default, a change keeps what is stored); "" clears an optional field.
 * Values are trimmed of blanks at both ends. */
struct org_req {
	long long id;		/* 0: a new organization; else the one to change */
	const char *name, *kana;
	const char *type;	/* code, English or Japanese name; new: local */
	const char *municipality;	/* one of Tokyo's 62, or 東京都外 */
	const char *phone, *email, *address, *note;
	const struct formdef *form;	/* the form whose site fields extras fill */
	const struct extra_list *extras;
};

struct org_result {
	long long id;
	bool changed;		/* false: the request changed nothing (nothing written) */
};

/* Add (r->id == 0) or change (r->id > 0) an organization.  0, or -1
 * with e set (ERR_INPUT with e->field, ERR_DB). */
int org_request(const struct desk_ctx *d, const struct org_req *r, struct org_result *res,
		struct err *e);

/* The contact named name at org_id, made when missing (phone and email
 * stored, or filled in where the contact had none).  For core's own
 * requests, inside their transaction: a name is required, a contact
 * needs an organization; field keys contact, phone, email. */
int org_contact_ensure(const struct desk_ctx *d, long long org_id, const char *name,
		       const char *phone, const char *email, long long *id, struct err *e);

/* Another desk's organization, for core's import inside its
 * transaction: the one of that exact name here (in that municipality
 * first), else added with the type (code) and municipality given.
 * *created tells which; field keys as org_request's. */
int org_import_ensure(const struct desk_ctx *d, const char *name, const char *type,
		      const char *municipality, long long *id, bool *created, struct err *e);

/* Reads for the screens' pickers (the form's organization search and
 * staff list), so no screen queries the database itself: as
 * db_org_get, db_org_search, db_staff_list, and a staff member by id
 * (0 found, 1 not found). */
int org_get(const struct desk_ctx *d, long long id, struct org *o, struct err *e);
int org_search(const struct desk_ctx *d, const char *query, int limit,
	       int (*cb)(const struct org *o, void *arg), void *arg, struct err *e);
int staff_list(const struct desk_ctx *d, bool active_only,
	       int (*cb)(const struct staff *s, void *arg), void *arg, struct err *e);
int staff_get(const struct desk_ctx *d, long long id, struct staff *s, struct err *e);

/* Desk staff: add one (name and reading one line each, at most 60
 * characters; desk general or content, default general; keys name,
 * kana, desk), or retire one and bring one back (by id, name or unique
 * match; key staff).  Retiring a retired member (or returning an
 * active one) is refused (ERR_RULE). */
int staff_add(const struct desk_ctx *d, const char *name, const char *kana, const char *desk,
	      long long *id, struct err *e);
int staff_set_active(const struct desk_ctx *d, const char *who, bool active, struct err *e);

#endif
