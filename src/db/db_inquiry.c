#include "db/db_inquiry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db_internal.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/kana.h"
#include "util/mem.h"
#include "util/text.h"

void inquiry_filter_init(struct inquiry_filter *f)
{
	memset(f, 0, sizeof *f);
	f->status = -1;
	f->channel = -1;
}

void inquiry_release(struct inquiry *q)
{
	free(q->topic);
	free(q->summary);
	free(q->referred_to);
	free(q->created_at);
	free(q->updated_at);
	free(q->org_name);
	free(q->org_kana);
	free(q->municipality);
	free(q->contact_name);
	free(q->contact_phone);
	free(q->staff_name);
	memset(q, 0, sizeof *q);
}

void inquiry_note_release(struct inquiry_note *n)
{
	free(n->text);
	free(n->staff_name);
	memset(n, 0, sizeof *n);
}

#define INQ_COLS \
	"SELECT i.id, i.received_at, i.channel, coalesce(i.org_id, 0), coalesce(i.contact_id, 0)," \
	" coalesce(i.staff_id, 0), coalesce(i.appt_id, 0), i.topic, i.summary, i.referred_to," \
	" i.status, i.due_date, i.created_at, i.updated_at, o.name, o.kana, o.municipality, o.type," \
	" c.name, c.phone, s.name," \
	" (SELECT count(*) FROM inquiry_note n WHERE n.inquiry_id = i.id)"
#define INQ_JOINS \
	" LEFT JOIN organization o ON o.id = i.org_id" \
	" LEFT JOIN contact c ON c.id = i.contact_id LEFT JOIN staff s ON s.id = i.staff_id"
#define INQ_SELECT INQ_COLS " FROM inquiry i" INQ_JOINS

static void inquiry_from_row(sqlite3_stmt *st, struct inquiry *q)
{
	const char *s;
	int k;

	memset(q, 0, sizeof *q);
	q->id = sqlite3_column_int64(st, 0);
	s = (const char *)sqlite3_column_text(st, 1);
	snprintf(q->received, sizeof q->received, "%s", s ? s : "");
	k = model_lookup(inq_channel_code, IQ_COUNT, (const char *)sqlite3_column_text(st, 2));
	q->channel = k < 0 ? IQ_PHONE : (enum inq_channel)k;
	q->org_id = sqlite3_column_int64(st, 3);
	q->contact_id = sqlite3_column_int64(st, 4);
	q->staff_id = sqlite3_column_int64(st, 5);
	q->appt_id = sqlite3_column_int64(st, 6);
	q->topic = db_col_str(st, 7);
	q->summary = db_col_str(st, 8);
	q->referred_to = db_col_str(st, 9);
	k = model_lookup(inq_status_code, IS_COUNT, (const char *)sqlite3_column_text(st, 10));
	q->status = k < 0 ? IS_OPEN : (enum inq_status)k;
	s = (const char *)sqlite3_column_text(st, 11);
	if (!s || date_parse(s, &q->due_day) < 0)
		q->due_day = 0;
	q->created_at = db_col_str(st, 12);
	q->updated_at = db_col_str(st, 13);
	q->org_name = db_col_str(st, 14);
	q->org_kana = db_col_str(st, 15);
	q->municipality = db_col_str(st, 16);
	k = model_lookup(org_type_code, ORG_TYPE_COUNT, (const char *)sqlite3_column_text(st, 17));
	q->org_type = k < 0 ? ORG_LOCAL : (enum org_type)k;
	q->contact_name = db_col_str(st, 18);
	q->contact_phone = db_col_str(st, 19);
	q->staff_name = db_col_str(st, 20);
	q->n_notes = sqlite3_column_int(st, 21);
}

static int bind_inquiry(struct db *db, sqlite3_stmt *st, const struct inquiry *q, struct err *e)
{
	char due[DATE_STRLEN];

	if (db_bind_text(db, st, 1, _("received"), q->received, false, 16, e) < 0 ||
	    db_bind_text(db, st, 2, _("channel"), inq_channel_code[q->channel], false, 0, e) < 0 ||
	    db_bind_opt_id(db, st, 3, q->org_id, e) < 0 ||
	    db_bind_opt_id(db, st, 4, q->contact_id, e) < 0 ||
	    db_bind_text(db, st, 5, _("topic"), q->topic ? q->topic : "other", false, 100, e) < 0 ||
	    db_bind_text(db, st, 6, _("summary"), q->summary, true, 4000, e) < 0 ||
	    db_bind_text(db, st, 7, _("status"), inq_status_code[q->status], false, 0, e) < 0 ||
	    db_bind_opt_text(db, st, 8, _("due date"), q->due_day ? date_format(q->due_day, due) : NULL,
			     false, 10, e) < 0 ||
	    db_bind_opt_id(db, st, 9, q->staff_id, e) < 0 ||
	    db_bind_opt_text(db, st, 10, _("referred to"), q->referred_to, false, 200, e) < 0 ||
	    db_bind_opt_id(db, st, 11, q->appt_id, e) < 0)
		return -1;
	return 0;
}

int db_inquiry_insert(struct db *db, struct inquiry *q, struct err *e)
{
	static const char sql[] =
		"INSERT INTO inquiry (received_at, channel, org_id, contact_id, topic, summary, status,"
		" due_date, staff_id, referred_to, appt_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)";
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (!st || bind_inquiry(db, st, q, e) < 0)
		return -1;
	if (db_step_done(db, st, _("inquiry"), e) < 0)
		return -1;
	q->id = sqlite3_last_insert_rowid(db->h);
	return 0;
}

int db_inquiry_update(struct db *db, const struct inquiry *q, struct err *e)
{
	static const char sql[] =
		"UPDATE inquiry SET received_at = ?, channel = ?, org_id = ?, contact_id = ?, topic = ?,"
		" summary = ?, status = ?, due_date = ?, staff_id = ?, referred_to = ?, appt_id = ?,"
		" updated_at = mado_now() WHERE id = ?";
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (!st || bind_inquiry(db, st, q, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 12, q->id);
	if (db_step_done(db, st, _("inquiry"), e) < 0)
		return -1;
	if (sqlite3_changes(db->h) == 0)
		return err_set(e, ERR_INPUT, _("no inquiry #%lld"), q->id);
	return 0;
}

int db_inquiry_get(struct db *db, long long id, struct inquiry *q, struct err *e)
{
	static const char sql[] = INQ_SELECT " WHERE i.id = ?";
	sqlite3_stmt *st = db_row_by_id(db, sql, id, _("no inquiry #%lld"), _("inquiry"), e);

	if (!st)
		return -1;
	inquiry_from_row(st, q);
	sqlite3_reset(st);
	return 0;
}

/* A word of three characters or more (?11-?17, folded, bound from ?11
 * on), checked in the doc of an inquiry the index found (the index
 * knows only that its pairs occur); with none, the index alone answers. */
#define INQ_WORD(n) " AND (?" #n " IS NULL OR instr(s.doc, ?" #n ") > 0)"

/* The inquiries whose search doc (summary, notes, organization name and
 * reading, folded: db/010_search_grams.sql) holds every word: ?18 is the
 * FTS5 query of their grams (kana_gram_query()).  The index holds an
 * inquiry under minus its id (db/012_search_newest_first.sql): in the
 * index's own order, rising rowids, the newest come first. */
#define INQ_HITS \
	"SELECT -g.rowid AS hit FROM inquiry_gram g WHERE inquiry_gram MATCH ?18" \
	" AND (?11 IS NULL OR EXISTS (SELECT 1 FROM inquiry_search s WHERE s.id = -g.rowid" \
	INQ_WORD(11) INQ_WORD(12) INQ_WORD(13) INQ_WORD(14) INQ_WORD(15) INQ_WORD(16) INQ_WORD(17) "))"

#define INQ_WHERE \
	" WHERE (?1 IS NULL OR i.status = ?1) AND (?2 = 0 OR i.status <> 'closed')" \
	" AND (?3 IS NULL OR i.channel = ?3) AND (?4 = 0 OR i.staff_id = ?4)" \
	" AND (?5 = 0 OR i.org_id = ?5) AND (?6 IS NULL OR i.topic = ?6)" \
	" AND (?7 IS NULL OR i.received_at >= ?7) AND (?8 IS NULL OR i.received_at < ?8)" \
	" AND (?9 IS NULL OR (i.status <> 'closed' AND i.due_date <= ?9))" \
	" AND (?10 IS NULL OR (i.status <> 'closed' AND i.due_date < ?10))"

/* Said when the filter already leaves closed inquiries out: the index
 * inquiry_status_due then serves the rows (status is one of three). */
#define INQ_NOT_CLOSED " AND i.status IN ('open', 'waiting')"

#define INQ_BY_RECEIVED " ORDER BY i.received_at DESC, i.id DESC"
#define INQ_BY_DUE " ORDER BY i.due_date IS NULL, i.due_date, i.received_at, i.id"

#define INQ_MATCH " AND i.id IN (" INQ_HITS ")"

/* The ids are picked, ordered and limited first, then only the rows
 * shown are joined with their organization, contact, staff and notes
 * count: a search that matches most of ten years stays quick. */
#define INQ_PICKED(where, order) \
	INQ_COLS " FROM (SELECT i.id AS pid FROM inquiry i" where order " LIMIT ?19) pick" \
	" JOIN inquiry i ON i.id = pick.pid" INQ_JOINS order

/* Split the search text into words at ASCII blanks and U+3000 and fold
 * each (kana_fold(), as organization search does). */
static int split_words(const char *s, char **words, int max, struct err *e)
{
	int n = 0;

	while (*s) {
		size_t skip = 0;
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			skip = 1;
		else if (!strncmp(s, "\xE3\x80\x80", 3))
			skip = 3;
		if (skip) {
			s += skip;
			continue;
		}
		const char *start = s;
		while (*s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r' &&
		       strncmp(s, "\xE3\x80\x80", 3))
			s++;
		if (n == max) {
			for (int i = 0; i < n; i++)
				free(words[i]);
			return err_set(e, ERR_INPUT, _("search: at most %d words"), max);
		}
		char *key = kana_fold_n(start, (size_t)(s - start));
		if (!*key) {
			free(key);
			continue;
		}
		words[n++] = key;
	}
	return n;
}

/* Whether f narrows the rows beyond the search words. */
static bool filter_narrows(const struct inquiry_filter *f)
{
	return f->status >= 0 || f->open_only || f->channel >= 0 || f->staff_id ||
		f->org_id || (f->topic && *f->topic) || f->from_day || f->to_day ||
		f->due_by || f->overdue_before;
}

/* The parsed search of a filter: folded words, the FTS5 query (?18). */
struct inq_search {
	char *words[INQ_SEARCH_MAX_TERMS];
	int n_words;
	struct strbuf query;
};

static int search_parse(const struct inquiry_filter *f, struct inq_search *q, struct err *e)
{
	char msg[512];

	memset(q, 0, sizeof *q);
	q->query = (struct strbuf)STRBUF_INIT;
	if (!f->search || !*f->search)
		return 0;
	if (text_check("search", f->search, TEXT_LINE, 200, msg, sizeof msg) < 0)
		return err_set(e, ERR_INPUT, "%s", msg);
	q->n_words = split_words(f->search, q->words, INQ_SEARCH_MAX_TERMS, e);
	if (q->n_words < 0) {
		q->n_words = 0;
		return -1;
	}
	for (int i = 0; i < q->n_words; i++)
		kana_gram_query(&q->query, q->words[i]);
	return 0;
}

static void search_release(struct inq_search *q)
{
	for (int i = 0; i < q->n_words; i++)
		free(q->words[i]);
	strbuf_release(&q->query);
}

static size_t word_chars(const char *s)
{
	size_t chars = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			chars++;
	return chars;
}

static void bind_search(sqlite3_stmt *st, const struct inq_search *q)
{
	for (int i = 0, p = 11; i < q->n_words; i++)
		if (word_chars(q->words[i]) >= 3)
			sqlite3_bind_text(st, p++, q->words[i], -1, SQLITE_TRANSIENT);
	if (q->n_words)
		sqlite3_bind_text(st, 18, strbuf_str((struct strbuf *)&q->query), -1, SQLITE_TRANSIENT);
}

/* Bind ?1-?19 of the list and search statements from f and q. */
static void bind_filter(sqlite3_stmt *st, const struct inquiry_filter *f, const struct inq_search *q)
{
	char d[DATE_STRLEN];

	if (f->status >= 0 && f->status < IS_COUNT)
		sqlite3_bind_text(st, 1, inq_status_code[f->status], -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, f->open_only);
	if (f->channel >= 0 && f->channel < IQ_COUNT)
		sqlite3_bind_text(st, 3, inq_channel_code[f->channel], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, f->staff_id);
	sqlite3_bind_int64(st, 5, f->org_id);
	if (f->topic && *f->topic)
		sqlite3_bind_text(st, 6, f->topic, -1, SQLITE_TRANSIENT);
	if (f->from_day)
		sqlite3_bind_text(st, 7, date_format(f->from_day, d), -1, SQLITE_TRANSIENT);
	if (f->to_day)
		sqlite3_bind_text(st, 8, date_format(f->to_day + 1, d), -1, SQLITE_TRANSIENT);
	if (f->due_by)
		sqlite3_bind_text(st, 9, date_format(f->due_by, d), -1, SQLITE_TRANSIENT);
	if (f->overdue_before)
		sqlite3_bind_text(st, 10, date_format(f->overdue_before, d), -1, SQLITE_TRANSIENT);
	bind_search(st, q);
	sqlite3_bind_int(st, 19, f->limit > 0 ? f->limit : -1);
}

/* The newest hits of a search alone, by the order of entry (ids): up
 * to max of them into ids, newest first.  FTS5 reads its rowids in
 * rising order (newest first), skipping through its lists, and stops
 * there, so a word found in most of ten years costs no more than a rare
 * one, and a word found nowhere little.  Returns how many, or -1. */
static int newest_ids(struct db *db, const struct inq_search *q, int max, long long *ids,
		      struct err *e)
{
	static const char sql[] = INQ_HITS " ORDER BY g.rowid LIMIT ?20";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int n = 0, rc = SQLITE_DONE;

	if (!st)
		return -1;
	bind_search(st, q);
	sqlite3_bind_int(st, 20, max);
	while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(st, 0);
	return db_rows_done(db, st, rc, n, _("inquiries"), e);
}

/* The rows of n ids, newest received first, to cb: only these rows
 * are joined with their organization, contact, staff and notes count.
 * Returns how many cb was given, or -1. */
static int rows_by_ids(struct db *db, const long long *ids, int n,
		       int (*cb)(const struct inquiry *q, void *arg), void *arg, struct err *e)
{
	static const char sql[] =
		INQ_COLS " FROM json_each(?1) pick JOIN inquiry i ON i.id = pick.value" INQ_JOINS
		INQ_BY_RECEIVED;
	struct strbuf sb = STRBUF_INIT;
	sqlite3_stmt *st;
	int rc = SQLITE_DONE, got = 0;

	if (n <= 0)
		return 0;
	if (!(st = db_stmt(db, sql, e)))
		return -1;
	strbuf_adds(&sb, "[");
	for (int i = 0; i < n; i++)
		strbuf_addf(&sb, "%s%lld", i ? "," : "", ids[i]);
	strbuf_adds(&sb, "]");
	sqlite3_bind_text(st, 1, strbuf_str(&sb), -1, SQLITE_TRANSIENT);
	strbuf_release(&sb);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct inquiry row;
		inquiry_from_row(st, &row);
		got++;
		int stop = cb ? cb(&row, arg) : 0;
		inquiry_release(&row);
		if (stop)
			break;
	}
	return db_rows_done(db, st, rc, got, _("inquiries"), e);
}

/* The search of the inquiry screen: newest first, a limit, nothing
 * else narrowing: the index alone picks the rows. */
static bool search_alone(const struct inquiry_filter *f, const struct inq_search *q)
{
	return q->n_words > 0 && f->limit > 0 && f->limit <= 1000 &&
		f->order == INQ_ORDER_RECEIVED && !filter_narrows(f);
}

int db_inquiry_each(struct db *db, const struct inquiry_filter *f,
		    int (*cb)(const struct inquiry *q, void *arg), void *arg, struct err *e)
{
	static const char list_received[] = INQ_PICKED(INQ_WHERE, INQ_BY_RECEIVED);
	static const char list_due[] = INQ_PICKED(INQ_WHERE, INQ_BY_DUE);
	static const char search_received[] = INQ_PICKED(INQ_WHERE INQ_MATCH, INQ_BY_RECEIVED);
	static const char search_due[] = INQ_PICKED(INQ_WHERE INQ_MATCH, INQ_BY_DUE);
	/* Lists that leave closed inquiries out (open only, follow-ups due,
	 * overdue): the same filter, said so that the planner reads the few
	 * open and waiting rows through inquiry_status_due instead of
	 * scanning ten years of closed ones. */
	static const char open_received[] = INQ_PICKED(INQ_WHERE INQ_NOT_CLOSED, INQ_BY_RECEIVED);
	static const char open_due[] = INQ_PICKED(INQ_WHERE INQ_NOT_CLOSED, INQ_BY_DUE);
	struct inq_search q;
	int rc, n = -1;
	sqlite3_stmt *st;

	if (search_parse(f, &q, e) < 0)
		goto out;
	bool search = q.n_words > 0;
	if (search_alone(f, &q)) {
		long long *ids = xcalloc((size_t)f->limit, sizeof *ids);
		n = newest_ids(db, &q, f->limit, ids, e);
		if (n > 0)
			n = rows_by_ids(db, ids, n, cb, arg, e);
		free(ids);
		goto out;
	}
	if (search)
		st = db_stmt(db, f->order == INQ_ORDER_DUE ? search_due : search_received, e);
	else if (f->open_only || f->due_by || f->overdue_before ||
		 (f->status >= 0 && f->status != IS_CLOSED && f->status < IS_COUNT))
		st = db_stmt(db, f->order == INQ_ORDER_DUE ? open_due : open_received, e);
	else
		st = db_stmt(db, f->order == INQ_ORDER_DUE ? list_due : list_received, e);
	if (!st)
		goto out;
	bind_filter(st, f, &q);
	n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct inquiry row;
		inquiry_from_row(st, &row);
		n++;
		int stop = cb ? cb(&row, arg) : 0;
		inquiry_release(&row);
		if (stop)
			break;
	}
	n = db_rows_done(db, st, rc, n, _("inquiries"), e);
out:
	search_release(&q);
	return n;
}

int db_inquiry_count(struct db *db, const struct inquiry_filter *f, int cap,
		     long long *count, struct err *e)
{
	/* a search and nothing else: the index alone */
	static const char hits[] = "SELECT count(*) FROM (" INQ_HITS " LIMIT ?19)";
	static const char search[] =
		"SELECT count(*) FROM (SELECT 1 FROM inquiry i" INQ_WHERE INQ_MATCH " LIMIT ?19)";
	static const char list[] =
		"SELECT count(*) FROM (SELECT 1 FROM inquiry i" INQ_WHERE " LIMIT ?19)";
	struct inquiry_filter cf = *f;
	struct inq_search q;
	sqlite3_stmt *st;
	int rc = -1;

	*count = 0;
	if (search_parse(f, &q, e) < 0)
		goto out;
	if (!(st = db_stmt(db, q.n_words == 0 ? list : filter_narrows(f) ? search : hits, e)))
		goto out;
	cf.limit = cap > 0 ? cap + 1 : -1;
	bind_filter(st, &cf, &q);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*count = sqlite3_column_int64(st, 0);
	rc = db_rows_done(db, st, rc == SQLITE_ROW ? SQLITE_DONE : rc, 1, _("inquiries"), e);
out:
	search_release(&q);
	return rc < 0 ? -1 : 0;
}

int db_inquiry_page(struct db *db, const struct inquiry_filter *f, int cap, long long *total,
		    int (*cb)(const struct inquiry *q, void *arg), void *arg, struct err *e)
{
	struct inq_search q;
	int n = -1;

	*total = 0;
	if (search_parse(f, &q, e) < 0)
		goto out;
	if (search_alone(f, &q) && cap >= f->limit) {
		/* one read of the index for the rows and the count: the ids
		 * of the newest cap + 1 hits, the rows of the first limit */
		long long *ids = xcalloc((size_t)cap + 1, sizeof *ids);
		n = newest_ids(db, &q, cap + 1, ids, e);
		if (n >= 0) {
			*total = n;
			n = rows_by_ids(db, ids, n < f->limit ? n : f->limit, cb, arg, e);
		}
		free(ids);
		goto out;
	}
	n = db_inquiry_each(db, f, cb, arg, e);
	*total = n;
	if (n >= 0 && f->limit > 0 && n >= f->limit && db_inquiry_count(db, f, cap, total, e) < 0)
		n = -1;
out:
	search_release(&q);
	return n;
}

int db_inquiry_note_insert(struct db *db, struct inquiry_note *n, struct err *e)
{
	static const char sql[] =
		"INSERT INTO inquiry_note (inquiry_id, at, staff_id, text) VALUES (?,?,?,?)";
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (!st || db_bind_int(db, st, 1, n->inquiry_id, e) < 0 ||
	    db_bind_text(db, st, 2, _("time"), n->at, false, 16, e) < 0 ||
	    db_bind_opt_id(db, st, 3, n->staff_id, e) < 0 ||
	    db_bind_text(db, st, 4, _("note"), n->text, true, 4000, e) < 0)
		return -1;
	if (db_step_done(db, st, _("note"), e) < 0)
		return -1;
	n->id = sqlite3_last_insert_rowid(db->h);
	return 0;
}

int db_inquiry_note_each(struct db *db, long long inquiry_id,
			 int (*cb)(const struct inquiry_note *n, void *arg), void *arg,
			 struct err *e)
{
	static const char sql[] =
		"SELECT n.id, n.inquiry_id, coalesce(n.staff_id, 0), n.at, n.text, s.name"
		" FROM inquiry_note n LEFT JOIN staff s ON s.id = n.staff_id"
		" WHERE n.inquiry_id = ? ORDER BY n.at, n.id";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc, count = 0;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, inquiry_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct inquiry_note n;
		const char *at = (const char *)sqlite3_column_text(st, 3);
		memset(&n, 0, sizeof n);
		n.id = sqlite3_column_int64(st, 0);
		n.inquiry_id = sqlite3_column_int64(st, 1);
		n.staff_id = sqlite3_column_int64(st, 2);
		snprintf(n.at, sizeof n.at, "%s", at ? at : "");
		n.text = db_col_str(st, 4);
		n.staff_name = db_col_str(st, 5);
		count++;
		int stop = cb ? cb(&n, arg) : 0;
		inquiry_note_release(&n);
		if (stop)
			break;
	}
	return db_rows_done(db, st, rc, count, _("notes"), e);
}

int db_inquiry_appt_ids(struct db *db, long long inquiry_id,
			int (*cb)(long long appt_id, void *arg), void *arg, struct err *e)
{
	static const char sql[] =
		"SELECT id FROM appointment WHERE inquiry_id = ?1"
		" UNION SELECT appt_id FROM inquiry WHERE id = ?1 AND appt_id IS NOT NULL"
		" ORDER BY 1";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc, count = 0;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, inquiry_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		count++;
		if (cb && cb(sqlite3_column_int64(st, 0), arg))
			break;
	}
	return db_rows_done(db, st, rc, count, _("appointments"), e);
}

/* The report's queries, one per dimension: inquiries received and
 * appointments dated ?1 <= day < ?2, counted side by side per value. */
#define RQ_IQ " FROM inquiry i LEFT JOIN organization o ON o.id = i.org_id" \
	" WHERE i.received_at >= ?1 AND i.received_at < ?2"
#define RQ_AP " FROM appointment a JOIN organization o ON o.id = a.org_id" \
	" WHERE a.date >= ?1 AND a.date < ?2"
#define RQ(iq_value, ap_value, ap_from, order) \
	"SELECT v, sum(iq), sum(ap) FROM (SELECT " iq_value " AS v, 1 AS iq, 0 AS ap" RQ_IQ \
	" UNION ALL SELECT " ap_value ", 0, 1" ap_from ") GROUP BY v ORDER BY " order

static const char *const report_sql[RD_COUNT] = {
	/* no GROUP BY: one row even when nothing happened */
	[RD_TOTAL] = "SELECT '', coalesce(sum(iq), 0), coalesce(sum(ap), 0) FROM (SELECT 1 AS iq, 0 AS ap"
		     RQ_IQ " UNION ALL SELECT 0, 1" RQ_AP ")",
	[RD_CHANNEL] = RQ("i.channel", "a.channel", RQ_AP,
			  "CASE v WHEN 'phone' THEN 0 WHEN 'email' THEN 1 WHEN 'visit' THEN 2"
			  " WHEN 'post' THEN 3 ELSE 4 END, v"),
	[RD_ORG_TYPE] = RQ("coalesce(o.type, '')", "o.type", RQ_AP,
			   "CASE v WHEN 'municipality' THEN 0 WHEN 'council' THEN 1"
			   " WHEN 'center' THEN 2 WHEN 'intermediary' THEN 3 WHEN 'local' THEN 4"
			   " WHEN 'individual' THEN 5 ELSE 6 END, v"),
	[RD_MUNICIPALITY] = RQ("coalesce(o.municipality, '')", "o.municipality", RQ_AP,
			       "coalesce((SELECT ord FROM municipality m WHERE m.name = v), 1000), v"),
	[RD_TOPIC] = RQ("i.topic", "coalesce(t.topic, '')",
			" FROM appointment a LEFT JOIN appointment_topic t ON t.appt_id = a.id"
			" WHERE a.date >= ?1 AND a.date < ?2",
			"CASE v WHEN 'meeting' THEN 0 WHEN 'workshop' THEN 1 WHEN 'plan' THEN 2"
			" WHEN 'direct' THEN 3 WHEN 'other' THEN 4 WHEN '' THEN 6 ELSE 5 END,"
			" sum(iq) + sum(ap) DESC, v"),
	[RD_STATUS] = RQ("i.status", "a.status", RQ_AP,
			 "CASE v WHEN 'open' THEN 0 WHEN 'waiting' THEN 1 WHEN 'closed' THEN 2"
			 " WHEN 'booked' THEN 3 WHEN 'done' THEN 4 WHEN 'no_show' THEN 5"
			 " WHEN 'cancelled' THEN 6 ELSE 7 END, v"),
};

int db_report_count(struct db *db, enum report_dim dim, int from_day, int to_day,
		    int (*cb)(const char *value, long long inquiries, long long appts, void *arg),
		    void *arg, struct err *e)
{
	char d1[DATE_STRLEN], d2[DATE_STRLEN];
	sqlite3_stmt *st;
	int rc, count = 0;

	if (dim < 0 || dim >= RD_COUNT)
		return err_set(e, ERR_INPUT, _("report: no such count"));
	if (!(st = db_stmt(db, report_sql[dim], e)))
		return -1;
	sqlite3_bind_text(st, 1, date_format(from_day, d1), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, date_format(to_day + 1, d2), -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		count++;
		if (cb && cb(v ? v : "", sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2), arg))
			break;
	}
	return db_rows_done(db, st, rc, count, _("report"), e);
}
