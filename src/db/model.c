#include "db/model.h"

#include <stdlib.h>
#include <string.h>
#include "util/mem.h"

const char *const org_type_code[ORG_TYPE_COUNT] = {
	"municipality", "council", "center", "intermediary", "local", "individual"
};
const char *const org_type_en[ORG_TYPE_COUNT] = {
	"municipality", "social welfare council", "community support center",
	"intermediary (NPO support center etc.)", "local welfare organization", "individual"
};
const char *const org_type_ja[ORG_TYPE_COUNT] = {
	"区市町村", "区市町村社会福祉協議会", "地域包括支援センター",
	"その他（NPO支援センター等）", "地域福祉の担い手団体", "個人"
};
const char *const channel_code[CH_COUNT] = { "phone", "visit" };
const char *const booked_via_code[VIA_COUNT] = { "phone", "email", "in_person" };
const char *const appt_status_code[ST_COUNT] = { "booked", "done", "cancelled", "no_show" };
const char *const topic_code[TOPIC_COUNT] = { "meeting", "workshop", "plan", "direct", "other" };
const char *const topic_ja[TOPIC_COUNT] = {
	"打合せ・会議運営支援", "ワークショップ運営支援", "プラン策定支援",
	"事業実施段階における直接支援", "その他"
};
const char *const topic_en[TOPIC_COUNT] = {
	"meeting support", "workshop support", "plan drafting",
	"direct support in implementation", "other"
};
const char *const inq_channel_code[IQ_COUNT] = { "phone", "email", "visit", "post" };
const char *const inq_status_code[IS_COUNT] = { "open", "waiting", "closed" };
const char *const app_status_code[AS_COUNT] = {
	"consulting", "applied", "screening", "selected", "not_selected", "withdrawn"
};

static bool same_code(const char *code, const char *name)
{
	for (; *code && *name; code++, name++) {
		char c = *name == '-' ? '_' : *name;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != *code)
			return false;
	}
	return !*code && !*name;
}

int model_lookup3(const char *const *codes, const char *const *en,
		  const char *const *ja, int n, const char *name)
{
	if (!name)
		return -1;
	for (int i = 0; i < n; i++) {
		if (same_code(codes[i], name))
			return i;
		if (en && !strcmp(en[i], name))
			return i;
		if (ja && !strcmp(ja[i], name))
			return i;
	}
	return -1;
}

int model_lookup(const char *const *codes, int n, const char *name)
{
	return model_lookup3(codes, NULL, NULL, n, name);
}

void org_release(struct org *o)
{
	free(o->name);
	free(o->kana);
	free(o->municipality);
	free(o->phone);
	free(o->email);
	free(o->address);
	free(o->note);
	memset(o, 0, sizeof *o);
}

void staff_release(struct staff *s)
{
	free(s->name);
	free(s->kana);
	free(s->desk);
	memset(s, 0, sizeof *s);
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void appt_copy(struct appt *d, const struct appt *s)
{
	*d = *s;
	d->uid = dup_or_null(s->uid);
	d->room = dup_or_null(s->room);
	d->note = dup_or_null(s->note);
	d->override_reason = dup_or_null(s->override_reason);
	d->override_covers = dup_or_null(s->override_covers);
	d->created_at = dup_or_null(s->created_at);
	d->updated_at = dup_or_null(s->updated_at);
	d->org_name = dup_or_null(s->org_name);
	d->org_kana = dup_or_null(s->org_kana);
	d->municipality = dup_or_null(s->municipality);
	d->contact_name = dup_or_null(s->contact_name);
	d->contact_phone = dup_or_null(s->contact_phone);
	d->contact_email = dup_or_null(s->contact_email);
	d->staff_name = dup_or_null(s->staff_name);
}

void appt_release(struct appt *a)
{
	free(a->uid);
	free(a->room);
	free(a->note);
	free(a->override_reason);
	free(a->override_covers);
	free(a->created_at);
	free(a->updated_at);
	free(a->org_name);
	free(a->org_kana);
	free(a->municipality);
	free(a->contact_name);
	free(a->contact_phone);
	free(a->contact_email);
	free(a->staff_name);
	memset(a, 0, sizeof *a);
}
