#include "core/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/date.h"
#include "util/i18n.h"
#include "util/text.h"

const char *const report_dim_code[RD_COUNT] = {
	"total", "channel", "org_type", "municipality", "topic", "status"
};

static const char *const dim_en[RD_COUNT] = {
	N_("Total"), N_("By channel"), N_("By organization type"), N_("By municipality"),
	N_("By topic"), N_("By status")
};
static const char *const dim_ja[RD_COUNT] = {
	"合計", "受付方法別", "団体種別", "区市町村別", "内容別", "状況別"
};

static const struct {
	const char *code, *en, *ja;
} labels[] = {
	{ "phone", N_("phone"), "電話" },
	{ "email", N_("e-mail"), "メール" },
	{ "visit", N_("visit"), "来所" },
	{ "post", N_("post"), "郵送" },
	{ "open", N_("open"), "対応中" },
	{ "waiting", N_("waiting"), "回答待ち" },
	{ "closed", N_("closed"), "完了" },
	{ "booked", N_("booked"), "予約済み" },
	{ "done", N_("done"), "実施済み" },
	{ "cancelled", N_("cancelled"), "取消" },
	{ "no_show", N_("no-show"), "無断キャンセル" },
};

const char *report_label(enum report_dim dim, const char *value, bool ja)
{
	int k;

	if (!value || !*value)
		return dim == RD_TOTAL ? "" : (ja ? "(なし)" : _("(none)"));
	switch (dim) {
	case RD_ORG_TYPE:
		k = model_lookup(org_type_code, ORG_TYPE_COUNT, value);
		if (k >= 0)
			return ja ? org_type_ja[k] : org_type_en[k];
		break;
	case RD_TOPIC:
		k = model_lookup(topic_code, TOPIC_COUNT, value);
		if (k >= 0)
			return ja ? topic_ja[k] : topic_en[k];
		break;
	case RD_CHANNEL:
	case RD_STATUS:
		for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
			if (!strcmp(labels[i].code, value))
				return ja ? labels[i].ja : _(labels[i].en);
		break;
	default:
		break;
	}
	return value;
}

void report_release(struct report *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->rows[i].value);
	free(r->rows);
	memset(r, 0, sizeof *r);
}

struct collect {
	struct report *r;
	enum report_dim dim;
};

static int add_count(const char *value, long long inquiries, long long appts, void *arg)
{
	struct collect *c = arg;
	struct report *r = c->r;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->rows = xrealloc(r->rows, r->cap * sizeof *r->rows);
	}
	struct report_row *row = &r->rows[r->n++];
	memset(row, 0, sizeof *row);
	row->dim = c->dim;
	row->value = xstrdup(value);
	row->count[RR_INQUIRY] = inquiries;
	row->count[RR_APPT] = appts;
	return 0;
}

int report_collect(const struct desk_ctx *d, int from, int to, struct report *r,
		   struct err *e)
{
	memset(r, 0, sizeof *r);
	if (from <= 0 || to < from)
		return err_set(e, ERR_INPUT, _("report: the period ends before it starts"));
	r->from_day = from;
	r->to_day = to;
	for (int dim = 0; dim < RD_COUNT; dim++) {
		struct collect c = { r, (enum report_dim)dim };
		if (db_report_count(d->db, c.dim, from, to, add_count, &c, e) < 0) {
			report_release(r);
			return -1;
		}
	}
	return 0;
}

static void csv_field(struct strbuf *out, const char *s)
{
	bool quote = strpbrk(s, ",\"\r\n") != NULL;
	bool formula = *s == '=' || *s == '+' || *s == '-' || *s == '@';

	if (quote || formula)
		strbuf_adds(out, "\"");
	if (formula)
		strbuf_adds(out, "'");
	for (; *s; s++) {
		if (*s == '"')
			strbuf_adds(out, "\"");
		strbuf_add(out, s, 1);
	}
	if (quote || formula)
		strbuf_adds(out, "\"");
}

void report_csv(const struct report *r, bool ja, struct strbuf *out)
{
	strbuf_adds(out, "dimension,value,label,inquiries,appointments\r\n");
	for (size_t i = 0; i < r->n; i++) {
		const struct report_row *row = &r->rows[i];
		csv_field(out, report_dim_code[row->dim]);
		strbuf_adds(out, ",");
		csv_field(out, row->value);
		strbuf_adds(out, ",");
		csv_field(out, report_label(row->dim, row->value, ja));
		strbuf_addf(out, ",%lld,%lld\r\n", row->count[RR_INQUIRY], row->count[RR_APPT]);
	}
}

void report_table(const struct report *r, bool ja, struct strbuf *out)
{
	char d1[DATE_STRLEN], d2[DATE_STRLEN];
	const int label_cols = 40;

	strbuf_addf(out, ja ? "集計 %s ～ %s\n" : _("Report %s to %s\n"),
		    date_format(r->from_day, d1), date_format(r->to_day, d2));
	text_pad(out, "", label_cols, false, false);
	strbuf_adds(out, "  ");
	text_pad(out, ja ? "問い合わせ" : _("inquiries"), 12, false, true);
	strbuf_adds(out, "  ");
	text_pad(out, ja ? "相談予約" : _("appointments"), 12, false, true);
	strbuf_adds(out, "\n");
	for (size_t i = 0; i < r->n; i++) {
		const struct report_row *row = &r->rows[i];
		char n1[32], n2[32];
		if (row->dim == RD_TOTAL) {
			text_pad(out, ja ? dim_ja[row->dim] : _(dim_en[row->dim]), label_cols, true, false);
		} else {
			if (i == 0 || r->rows[i - 1].dim != row->dim) {
				strbuf_adds(out, ja ? dim_ja[row->dim] : _(dim_en[row->dim]));
				strbuf_adds(out, "\n");
			}
			strbuf_adds(out, "  ");
			text_pad(out, report_label(row->dim, row->value, ja), label_cols - 2, true, false);
		}
		snprintf(n1, sizeof n1, "%lld", row->count[RR_INQUIRY]);
		snprintf(n2, sizeof n2, "%lld", row->count[RR_APPT]);
		strbuf_adds(out, "  ");
		text_pad(out, n1, 12, false, true);
		strbuf_adds(out, "  ");
		text_pad(out, n2, 12, false, true);
		strbuf_adds(out, "\n");
	}
}
