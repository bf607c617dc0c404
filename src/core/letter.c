#include "core/letter.h"

#include "db/db_appt.h"
#include "util/i18n.h"

int letter_record(const struct desk_ctx *d, struct mail_letter *l, struct err *e)
{
	return db_mail_insert(d->db, l, e);
}

int letter_claim(const struct desk_ctx *d, const struct mail_letter *l, struct err *e)
{
	struct appt a;
	int rc = db_mail_claim(d->db, l->id, e);

	if (rc != 0)
		return rc < 0 ? -1 : LETTER_GONE;
	if (db_appt_get(d->db, l->appt_id, &a, e) < 0) {
		struct err e2;
		db_mail_finish(d->db, l->id, MS_QUEUED, e->msg, &e2);
		return -1;
	}
	rc = a.sequence != l->sequence;
	appt_release(&a);
	if (!rc)
		return LETTER_TAKEN;
	const char *why = _("the booking changed since this letter was written");
	if (db_mail_finish(d->db, l->id, MS_FAILED, why, e) < 0)
		return -1;
	err_set_field(e, ERR_RULE, "mail", "%s", why);
	return LETTER_STALE;
}

int letter_finish(const struct desk_ctx *d, long long id, enum mail_status st, const char *why,
		  struct err *e)
{
	return db_mail_finish(d->db, id, st, why, e);
}

int letter_requeue_stuck(const struct desk_ctx *d, int minutes, struct err *e)
{
	return db_mail_requeue_stuck(d->db, minutes, e);
}
