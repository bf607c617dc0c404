#include "core/resolve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db_org.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/kana.h"
#include "util/mem.h"
#include "util/text.h"

/* Words for days, relative to today. */
static const struct {
	const char *word;
	int offset;
} day_words[] = {
	{ "today", 0 }, { "tomorrow", 1 }, { "yesterday", -1 },
	{ "今日", 0 }, { "本日", 0 }, { "明日", 1 }, { "昨日", -1 },
};

int resolve_date(const struct desk_ctx *d, const char *s, const char *key, bool empty_today,
		 int *day, struct err *e)
{
	int today = clock_today(d->clock);
	char *end;

	if (!s || !*s) {
		if (!empty_today)
			return err_set_field(e, ERR_INPUT, key, _("date: required"));
		*day = today;
		return 0;
	}
	for (size_t i = 0; i < sizeof day_words / sizeof day_words[0]; i++)
		if (!strcmp(s, day_words[i].word) || !strcmp(s, _(day_words[i].word))) {
			*day = today + day_words[i].offset;
			return 0;
		}
	if ((s[0] == '+' || s[0] == '-') && s[1] >= '0' && s[1] <= '9') {
		long n = strtol(s, &end, 10);
		if (*end == '\0' && n > -100000 && n < 100000) {
			*day = today + (int)n;
			return 0;
		}
	}
	if (date_parse(s, day) < 0)
		return err_set_field(e, ERR_INPUT, key,
				     _("'%s' is not a date (YYYY-MM-DD, a day that exists, 1900-2199)"), s);
	return 0;
}

int resolve_time(const char *s, const char *key, int *min, struct err *e)
{
	if (!s || !*s)
		return err_set_field(e, ERR_INPUT, key, _("start: required"));
	if (time_parse(s, min, false) < 0)
		return err_set_field(e, ERR_INPUT, key,
				     _("'%s' is not a time of day (HH:MM, 00:00-23:59)"), s);
	return 0;
}

int resolve_minutes(const char *s, const char *key, int *minutes, struct err *e)
{
	char *end;
	long m;

	if (!s || !*s)
		return err_set_field(e, ERR_INPUT, key, _("minutes: required"));
	m = strtol(s, &end, 10);
	if (end == s || *end || m < 5 || m > 720)
		return err_set_field(e, ERR_INPUT, key, _("minutes: '%s' is not between 5 and 720"), s);
	*minutes = (int)m;
	return 0;
}

/* s is a record id: digits, or '#' and digits. */
static bool is_id(const char *s)
{
	if (*s == '#')
		s++;
	return *s && strspn(s, "0123456789") == strlen(s);
}

int resolve_id(const char *s, const char *key, const char *what, long long *id, struct err *e)
{
	char *end;
	long long v;

	if (!s || !*s)
		return err_set_field(e, ERR_INPUT, key, _("%s: an id is required"), what);
	if (*s == '#')
		s++;
	v = strtoll(s, &end, 10);
	if (end == s || *end || v <= 0)
		return err_set_field(e, ERR_INPUT, key, _("%s: '%s' is not an id"), what, s);
	*id = v;
	return 0;
}

/* Matches of a name search, for "several match" refusals. */
struct matches {
	int n;
	long long id;
	struct strbuf names;
};

static void match_add(struct matches *m, long long id, const char *name)
{
	m->n++;
	m->id = id;
	if (m->n <= 5)
		strbuf_addf(&m->names, "%s#%lld %s", m->n > 1 ? ", " : "", id, name);
}

static int collect_org(const struct org *o, void *arg)
{
	match_add(arg, o->id, o->name);
	return 0;
}

int resolve_org(const struct desk_ctx *d, const char *s, const char *key, long long *id,
		struct err *e)
{
	struct org o;
	int rc;

	if (!s || !*s)
		return err_set_field(e, ERR_INPUT, key, _("organization: required"));
	if (is_id(s)) {
		if (resolve_id(s, key, _("organization"), id, e) < 0)
			return -1;
		if (db_org_get(d->db, *id, &o, e) < 0)
			return e->code == ERR_DB ? -1 : err_set_field(e, ERR_INPUT, key,
				_("there is no organization #%lld"), *id);
		org_release(&o);
		return 0;
	}
	rc = db_org_find(d->db, s, &o, e);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		*id = o.id;
		org_release(&o);
		return 0;
	}
	struct matches m = { 0, 0, STRBUF_INIT };
	if (db_org_search(d->db, s, 6, collect_org, &m, e) < 0) {
		strbuf_release(&m.names);
		return -1;
	}
	if (m.n == 1)
		*id = m.id;
	else if (m.n == 0)
		err_set_field(e, ERR_INPUT, key,
			      _("no organization matches '%s'; add it with 'madoguchi org add'"), s);
	else
		err_set_field(e, ERR_INPUT, key, _("'%s' matches several organizations: %s%s; give the id"),
			      s, strbuf_str(&m.names), m.n > 5 ? ", ..." : "");
	strbuf_release(&m.names);
	return m.n == 1 ? 0 : -1;
}

struct staff_search {
	const char *exact;
	char *key;		/* kana_fold of what was typed */
	long long exact_id;
	struct matches m;
};

static int match_staff(const struct staff *st, void *arg)
{
	struct staff_search *ss = arg;

	if (!strcmp(st->name, ss->exact)) {
		ss->exact_id = st->id;
		return 1;
	}
	char *name = kana_fold(st->name), *kana = kana_fold(st->kana ? st->kana : "");
	if (strstr(name, ss->key) || (*kana && strstr(kana, ss->key)))
		match_add(&ss->m, st->id, st->name);
	free(name);
	free(kana);
	return 0;
}

int resolve_staff(const struct desk_ctx *d, const char *s, const char *key, bool none_ok,
		  long long *id, struct err *e)
{
	if (!s || !*s || !strcmp(s, "-")) {
		if (!none_ok)
			return err_set_field(e, ERR_INPUT, key, _("staff: required"));
		*id = 0;
		return 0;
	}
	if (is_id(s)) {
		struct staff st;
		char num[32];
		if (resolve_id(s, key, _("staff"), id, e) < 0)
			return -1;
		snprintf(num, sizeof num, "%lld", *id);
		int rc = db_staff_find(d->db, num, &st, e);
		if (rc < 0)
			return -1;
		if (rc == 0 && st.id == *id) {
			staff_release(&st);
			return 0;
		}
		if (rc == 0)
			staff_release(&st);
		return err_set_field(e, ERR_INPUT, key, _("there is no staff member #%lld"), *id);
	}
	struct staff_search ss = { s, kana_fold(s), 0, { 0, 0, STRBUF_INIT } };
	int rc = db_staff_list(d->db, false, match_staff, &ss, e);
	free(ss.key);
	if (rc < 0) {
		strbuf_release(&ss.m.names);
		return -1;
	}
	rc = -1;
	if (ss.exact_id) {
		*id = ss.exact_id;
		rc = 0;
	} else if (ss.m.n == 1) {
		*id = ss.m.id;
		rc = 0;
	} else if (ss.m.n == 0) {
		err_set_field(e, ERR_INPUT, key, _("no staff member '%s' (see madoguchi staff list)"), s);
	} else {
		err_set_field(e, ERR_INPUT, key, _("'%s' matches several staff members: %s%s; give the id"),
			      s, strbuf_str(&ss.m.names), ss.m.n > 5 ? ", ..." : "");
	}
	strbuf_release(&ss.m.names);
	return rc;
}

int resolve_choice(const char *const *codes, const char *const *ja, int n, const char *s,
		   const char *key, int *out, struct err *e)
{
	int k = model_lookup3(codes, NULL, ja, n, s);

	if (k < 0) {
		struct strbuf sb = STRBUF_INIT;
		for (int i = 0; i < n; i++)
			strbuf_addf(&sb, "%s%s", i ? ", " : "", codes[i]);
		err_set_field(e, ERR_INPUT, key, _("%s: '%s' is not one of %s"), key, s ? s : "",
			      strbuf_str(&sb));
		strbuf_release(&sb);
		return -1;
	}
	*out = k;
	return 0;
}

int resolve_topics(const char *s, const char *key, unsigned *bits, struct err *e)
{
	char *copy = xstrdup(s ? s : ""), *p = copy;
	int rc = 0;

	*bits = 0;
	/* the Japanese comma separates too (・ is part of the names) */
	for (char *q; (q = strstr(p, "、"));) {
		*q = ',';
		memmove(q + 1, q + 3, strlen(q + 3) + 1);
	}
	char *save = NULL;
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		t = text_trim(t);
		if (!*t)
			continue;
		int k = model_lookup3(topic_code, topic_en, topic_ja, TOPIC_COUNT, t);
		if (k < 0) {
			rc = err_set_field(e, ERR_INPUT, key,
					   _("topic: '%s' is not one of meeting, workshop, plan, direct, other"), t);
			break;
		}
		*bits |= 1u << k;
	}
	free(copy);
	return rc;
}

/* The topics of bits from names[], joined by sep. */
static void join_topics(unsigned bits, const char *const *names, const char *sep,
			struct strbuf *out)
{
	bool first = true;

	for (int t = 0; t < TOPIC_COUNT; t++)
		if (bits & (1u << t)) {
			if (!first)
				strbuf_adds(out, sep);
			strbuf_adds(out, names[t]);
			first = false;
		}
}

void resolve_topics_str(unsigned bits, bool ja, const char *sep, struct strbuf *out)
{
	join_topics(bits, ja ? topic_ja : topic_code, sep, out);
}

void resolve_topics_names(unsigned bits, bool ja, const char *sep, struct strbuf *out)
{
	join_topics(bits, ja ? topic_ja : topic_en, sep, out);
}

bool resolve_channel_is_visit(const char *channel)
{
	return appt_channel_parse(channel) == CH_VISIT;
}

const char *resolve_topic_menu(int i, bool ja, const char **name)
{
	if (i < 0 || i >= TOPIC_COUNT)
		return NULL;
	if (name)
		*name = ja ? topic_ja[i] : _(topic_en[i]);
	return topic_code[i];
}
