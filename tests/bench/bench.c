/* tests/bench/bench: time one row of the benchmark table.
 *
 *   bench --db PATH --row NAME [--reps N] [--ics FILE] [--bin MADOGUCHI]
 *         [--calcurse-dir DIR] [--marker TEXT]
 *
 * Each row runs in a process of its own (run.sh calls bench once per
 * row), so the peak memory printed is that row's.  It calls the same
 * functions the screens and commands call, on the same kind of
 * connection (db_open), after one warm-up run, and prints one TSV line:
 *
 *   row  reps  median_ms  p99_ms  peak_rss_kb  note
 *
 * p99 is the value at rank ceil(0.99 n) of the n sorted times (for
 * n < 100 that is the slowest run).  Rows that run another program
 * (the real binary, calcurse) report that program's peak memory from
 * wait4().  Timings are benchmark output, never test assertions. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/deadline.h"
#include "core/desk.h"
#include "core/inquiry.h"
#include "db/db.h"
#include "db/db_appt.h"
#include "db/db_inquiry.h"
#include "db/db_internal.h"
#include "db/db_org.h"
#include "db/db_program.h"
#include "export/ical.h"
#include "export/ical_import.h"
#include "export/print.h"
#include "util/date.h"
#include "util/mem.h"

#define TODAY_STR "2026-11-24T10:15"

static const char *exec_opt, *label_opt;	/* SQL run after opening: to try an index */
static const char *db_path_opt, *ics_opt, *bin_opt, *cc_dir_opt, *marker_opt = "Follow-ups";
static unsigned short pty_rows = 50, pty_cols = 160;	/* ui-first; ui-first-80x24: 24, 80 */
static int reps_opt;

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static long self_maxrss_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void report(const char *row, double *t, int n, long rss_kb, const char *note)
{
	double med, p99;
	int k;

	qsort(t, (size_t)n, sizeof *t, cmp_double);
	med = n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
	k = (99 * n + 99) / 100;	/* ceil(0.99 n) */
	p99 = t[(k < 1 ? 1 : k) - 1];
	printf("%s\t%d\t%.3f\t%.3f\t%ld\t%s\n", label_opt ? label_opt : row, n, med, p99, rss_kb, note ? note : "");
	fflush(stdout);
}

static void fail(const char *row, const struct err *e)
{
	printf("%s\t0\t-\t-\t-\tfailed: %s\n", row, e->msg);
	exit(3);
}

/* ---- the desk context, as main() builds it ---- */
struct ctx {
	struct config cfg;
	struct clock clock;
	struct db *db;
	struct desk_ctx desk;
	int today;
};

static void ctx_open(struct ctx *c, const char *row)
{
	struct err e = { 0 };

	config_defaults(&c->cfg);
	if (clock_init(&c->clock, c->cfg.timezone, &e) < 0)
		fail(row, &e);
	if (db_open(&c->db, db_path_opt, 0, &e) < 0)
		fail(row, &e);
	db_set_clock(c->db, c->clock.pinned ? c->clock.pinned_at : 0);
	c->desk.db = c->db;
	c->desk.cfg = &c->cfg;
	c->desk.clock = &c->clock;
	c->today = clock_today(&c->clock);
	if (exec_opt && db_exec(c->db, exec_opt, &e) < 0)
		fail(row, &e);
}

/* BENCH_READ_TXN=1: each timed load inside one read transaction
 * (BEGIN ... COMMIT), to measure what that design change would give. */
static void txn(struct db *db, bool begin)
{
	static int on = -1;
	if (on < 0)
		on = getenv("BENCH_READ_TXN") != NULL;
	if (on && db)
		sqlite3_exec(db->h, begin ? "BEGIN" : "COMMIT", NULL, NULL, NULL);
}

/* ---- callbacks that touch what a screen would show ---- */
static unsigned long sink;

static int cb_appt(const struct appt *a, void *arg)
{
	(void)arg;
	sink += (unsigned long)a->start_min + (a->org_name ? strlen(a->org_name) : 0);
	return 0;
}

static int cb_staff(const struct staff *s, void *arg)
{
	(void)arg;
	sink += strlen(s->name);
	return 0;
}

static int cb_block(const struct staff_block *b, void *arg)
{
	(void)arg;
	sink += (unsigned long)b->start_min;
	return 0;
}

static int cb_org(const struct org *o, void *arg)
{
	(void)arg;
	sink += strlen(o->name);
	return 0;
}

static int cb_inq(const struct inquiry *q, void *arg)
{
	(void)arg;
	sink += (unsigned long)q->id + (q->summary ? strlen(q->summary) : 0);
	return 0;
}

static int cb_prog(const struct program *p, void *arg)
{
	(void)arg;
	sink += (unsigned long)p->deadline;
	return 0;
}

static int cb_event(const struct program_event *ev, void *arg)
{
	(void)arg;
	sink += (unsigned long)ev->reg_deadline;
	return 0;
}

static int cb_cal_event(const struct program_event *ev, void *arg)
{
	(void)arg;
	sink += (unsigned long)ev->day + strlen(ev->title);
	return 0;
}

static int cb_program(const struct program *p, void *arg)
{
	(void)arg;
	sink += (unsigned long)p->id;
	return 0;
}

static int cb_deadline(const struct deadline *dl, void *arg)
{
	(void)arg;
	sink += (unsigned long)dl->day + (dl->title ? strlen(dl->title) : 0);
	return 0;
}

/* ---- the screens' loads, call for call (src/ui/ui_day.c etc.) ---- */

/* day_load(): the day's appointments, the staff columns, blocks, the
 * desk status of the day. */
static int day_data(struct ctx *c, int day, struct err *e)
{
	struct appt_filter f;
	struct desk_status ds;

	appt_filter_init(&f);
	f.from_day = f.to_day = day;
	if (db_appt_each(c->db, &f, cb_appt, NULL, e) < 0 ||
	    db_staff_list(c->db, true, cb_staff, NULL, e) < 0 ||
	    db_block_each(c->db, day, day, cb_block, NULL, e) < 0 ||
	    db_event_range(c->db, day, day, cb_cal_event, NULL, e) < 0)	/* the side panel's events */
		return -1;
	desk_day_status(&c->cfg, c->db, day, &ds);
	return 0;
}

/* side_load(): follow-ups due by today (50), deadlines within 7 days. */
static int side_data(struct ctx *c, struct err *e)
{
	struct inquiry_filter qf;

	inquiry_filter_init(&qf);
	qf.due_by = c->today;
	qf.order = INQ_ORDER_DUE;
	qf.limit = 50;
	if (db_inquiry_each(c->db, &qf, cb_inq, NULL, e) < 0 ||
	    db_program_deadlines(c->db, c->today, c->today + 7, cb_prog, NULL, e) < 0 ||
	    db_event_reg_deadlines(c->db, c->today, c->today + 7, cb_event, NULL, e) < 0)
		return -1;
	return 0;
}

static int week_data(struct ctx *c, int day, struct err *e)
{
	struct appt_filter f;
	struct desk_status ds;
	int monday = day - (date_wday(day) + 6) % 7;

	appt_filter_init(&f);
	f.from_day = monday;
	f.to_day = monday + 6;
	if (db_appt_each(c->db, &f, cb_appt, NULL, e) < 0 ||
	    db_event_range(c->db, monday, monday + 6, cb_cal_event, NULL, e) < 0)
		return -1;
	for (int i = 0; i < 7; i++)
		desk_day_status(&c->cfg, c->db, monday + i, &ds);
	return 0;
}

static int month_data(struct ctx *c, int day, struct err *e)
{
	int y, m, d, counts[31];
	struct desk_status ds;

	date_to_ymd(day, &y, &m, &d);
	int first = date_from_ymd(y, m, 1), n = date_days_in_month(y, m);
	if (db_appt_count_days(c->db, first, first + n - 1, counts, e) < 0 ||
	    db_event_range(c->db, first, first + n - 1, cb_cal_event, NULL, e) < 0)
		return -1;
	for (int i = 0; i < n; i++)
		desk_day_status(&c->cfg, c->db, first + i, &ds);
	return 0;
}

/* ---- rows ---- */
static unsigned long long rs = 88172645463325252ULL;
static int rnd(int n)
{
	rs ^= rs << 13;
	rs ^= rs >> 7;
	rs ^= rs << 17;
	return (int)(rs % (unsigned long long)n);
}

/* Days of the ten years to visit, the same list every run. */
static int pick_day(struct ctx *c)
{
	int first = date_from_ymd(2017, 1, 1), last = date_from_ymd(2026, 12, 31);
	for (;;) {
		int d = first + rnd(last - first + 1);
		if (desk_is_open(&c->cfg, c->db, d))
			return d;
	}
}

/* `program list` and the programs screen: every program with its
 * count of events. */
static int program_data(struct ctx *c, int day, struct err *e)
{
	(void)day;
	return db_program_each(c->db, cb_program, NULL, e);
}

typedef int (*day_fn)(struct ctx *c, int day, struct err *e);

static void row_days(const char *row, day_fn fn, int reps)
{
	struct ctx c;
	struct err e = { 0 };
	double *t = xcalloc((size_t)reps, sizeof *t);
	int *days;

	ctx_open(&c, row);
	days = xcalloc((size_t)reps, sizeof *days);
	for (int i = 0; i < reps; i++)
		days[i] = pick_day(&c);
	if (fn(&c, c.today, &e) < 0)	/* warm-up */
		fail(row, &e);
	for (int i = 0; i < reps; i++) {
		double t0 = now_ms();
		txn(c.db, true);
		if (fn(&c, days[i], &e) < 0)
			fail(row, &e);
		txn(c.db, false);
		t[i] = now_ms() - t0;
	}
	report(row, t, reps, self_maxrss_kb(), "random open days of the 10 years");
	db_close(c.db);
	free(days);
	free(t);
}

static int first_screen(struct ctx *c, struct err *e)
{
	if (db_open(&c->db, db_path_opt, 0, e) < 0)
		return -1;
	c->desk.db = c->db;
	txn(c->db, true);
	if (day_data(c, c->today, e) < 0 || side_data(c, e) < 0)
		return -1;
	txn(c->db, false);
	db_close(c->db);
	c->db = NULL;
	return 0;
}

static void row_open(const char *row, int reps)
{
	struct ctx c;
	struct err e = { 0 };
	double *t = xcalloc((size_t)reps, sizeof *t);

	ctx_open(&c, row);
	db_close(c.db);
	if (first_screen(&c, &e) < 0)
		fail(row, &e);
	for (int i = 0; i < reps; i++) {
		double t0 = now_ms();
		if (first_screen(&c, &e) < 0)
			fail(row, &e);
		t[i] = now_ms() - t0;
	}
	report(row, t, reps, self_maxrss_kb(), "db_open + day view + side panel of today");
	free(t);
}

/* db_open alone (header, schema version, settings) and db_close; with
 * first, one statement too (the staff list), which reads the schema:
 * what every command pays before its own work. */
static void row_db_open(const char *row, bool first, int reps)
{
	struct ctx c;
	struct err e = { 0 };
	double *t = xcalloc((size_t)reps, sizeof *t);

	ctx_open(&c, row);
	db_close(c.db);
	for (int i = -1; i < reps; i++) {	/* -1: warm-up */
		double t0 = now_ms();
		if (db_open(&c.db, db_path_opt, 0, &e) < 0 ||
		    (first && db_staff_list(c.db, true, cb_staff, NULL, &e) < 0))
			fail(row, &e);
		db_close(c.db);
		if (i >= 0)
			t[i] = now_ms() - t0;
	}
	report(row, t, reps, self_maxrss_kb(),
	       first ? "db_open + the first statement (reads the schema) + db_close"
		     : "db_open + db_close: the open's own checks");
	free(t);
}

static void row_side(const char *row, int reps)
{
	struct ctx c;
	struct err e = { 0 };
	double *t = xcalloc((size_t)reps, sizeof *t);

	ctx_open(&c, row);
	side_data(&c, &e);
	for (int i = 0; i < reps; i++) {
		double t0 = now_ms();
		txn(c.db, true);
		if (side_data(&c, &e) < 0)
			fail(row, &e);
		txn(c.db, false);
		t[i] = now_ms() - t0;
	}
	report(row, t, reps, self_maxrss_kb(), "follow-ups due (50) + deadlines within 7 days");
	db_close(c.db);
	free(t);
}

/* One keystroke: the query typed so far, 1 to 3 characters. */
static const char *const org_keys[] = {
	"す", "すぎ", "すぎな", "せ", "せた", "せたが", "ち", "ちい", "ちいき", "ね", "ねっ", "ねっと",
	"み", "みま", "みまも", "さ", "さく", "さくら", "こ", "こど", "こども", "え", "えぬ", "えぬぴ",
	"杉", "杉並", "杉並区", "ケ", "ケア", "ケア2",
};
static const char *const inq_keys[] = {
	"ウ", "ウェ", "ウェブ", "申", "申込", "申込方", "見", "見守", "見守り", "チ", "チラ", "チラシ",
	"子", "子ど", "子ども", "締", "締切", "締切を", "ワ", "ワー", "ワーク", "助", "助成", "助成金",
	"多", "多世", "多世代", "折", "折り", "折り返",
};

/* Searches that find nothing: one and two characters that occur
 * nowhere, and longer words each of whose pairs is common but which
 * occur nowhere as a whole. */
static const char *const miss_keys[] = {
	"猫", "猫犬", "犬猫", "鯨", "熊鷹", "蛸", "ぬこ", "ﾇｺ", "zq", "締切の申込方法", "子ども食堂の費用の締切",
};
/* What the inquiry screen types, of any length, kana and width variants. */
static const char *const screen_keys[] = {
	"の", "区", "ぼ", "ぼら", "ボランティア", "ﾎﾞﾗﾝﾃｨｱ", "助成", "相談", "申込", "センター",
	"世田谷区", "NPO", "ｐｄｆ", "見守り活動", "折り返し電話",
};

/* A clerk typing in the inquiry screen's search line: each keystroke
 * (or input-method commit) a new search of the text so far. */
static const char *const typing_keys[] = {
	"ぼ", "ぼら", "ぼらん", "ぼらんて", "ぼらんてぃ", "ぼらんてぃあ",
	"そ", "そう", "そうだ", "そうだん", "世田谷区", "世田谷区 ", "世田谷区 見守り",
	"世田谷区 見守り活動", "n", "np", "npo", "ね", "ねこ", "助", "助成", "助成金",
};

static void row_search(const char *row, bool inq, const char *const *keys, int nk,
		       int limit, int count_cap, int reps)
{
	struct ctx c;
	struct err e = { 0 };
	double *t = xcalloc((size_t)reps, sizeof *t);
	char note[200];

	ctx_open(&c, row);
	if (getenv("BENCH_LIMIT"))	/* to try other sizes */
		limit = atoi(getenv("BENCH_LIMIT"));
	if (getenv("BENCH_COUNT_CAP"))
		count_cap = atoi(getenv("BENCH_COUNT_CAP"));
	for (int i = 0; i < reps; i++) {
		const char *k = keys[i % nk];
		long long count = 0;
		double t0 = now_ms();
		int n;
		if (inq && count_cap) {	/* what the inquiry screen loads (ui_inquiry.c list_load) */
			struct inquiry_filter f;
			inquiry_filter_init(&f);
			f.search = k;
			f.limit = limit;
			n = db_inquiry_page(c.db, &f, count_cap, &count, cb_inq, NULL, &e);
		} else {
			n = inq ? inquiry_search(&c.desk, k, limit, cb_inq, NULL, &e)
				: db_org_search(c.db, k, limit, cb_org, NULL, &e);
		}
		if (n < 0)
			fail(row, &e);
		t[i] = now_ms() - t0;
		if (getenv("BENCH_VERBOSE") && i < nk)
			fprintf(stderr, "%s %s: %d rows (count %lld) %.3f ms\n", row, k, n, count, t[i]);
	}
	if (getenv("BENCH_VERBOSE"))	/* where the tail comes from: each key's median and slowest */
		for (int j = 0; j < nk && j < reps; j++) {
			int m = 0;
			double *kt = xcalloc((size_t)reps, sizeof *kt);
			for (int i = j; i < reps; i += nk)
				kt[m++] = t[i];
			qsort(kt, (size_t)m, sizeof *kt, cmp_double);
			fprintf(stderr, "%s %-24s runs %3d median %7.3f max %7.3f ms\n", row, keys[j], m,
				kt[m / 2], kt[m - 1]);
			free(kt);
		}
	snprintf(note, sizeof note, "%d queries, limit %d%s%s", nk, limit,
		 limit ? "" : " (all)", count_cap ? ", with the count" : "");
	report(row, t, reps, self_maxrss_kb(), note);
	db_close(c.db);
	free(t);
}
#define KEYS(a) a, (int)(sizeof a / sizeof a[0])

/* The programs screen: the list of programs, then the program with the
 * most events opened (its events listed), as ui_program.c loads them. */
static void row_programs(const char *row, int reps)
{
	struct ctx c;
	struct err e = { 0 };
	double *t = xcalloc((size_t)reps, sizeof *t);
	long long busiest = 0;
	int n_ev = 0;
	char note[200];
	sqlite3_stmt *st;

	ctx_open(&c, row);
	/* the screen shows one program's events: the busiest program's
	 * (events of no program, imported ones, are on the calendar
	 * screens, never listed here; id 0 would read every event) */
	if (sqlite3_prepare_v2(c.db->h, "SELECT program_id, count(*) FROM program_event"
			       " WHERE program_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1", -1, &st,
			       NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			busiest = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	for (int i = 0; i < reps; i++) {
		double t0 = now_ms();
		if (db_program_each(c.db, cb_prog, NULL, &e) < 0 ||
		    (busiest && (n_ev = db_event_each(c.db, busiest, cb_event, NULL, &e)) < 0))
			fail(row, &e);
		t[i] = now_ms() - t0;
	}
	snprintf(note, sizeof note, "program list + the busiest program's %d events", n_ev);
	report(row, t, reps, self_maxrss_kb(), note);
	db_close(c.db);
	free(t);
}

static void row_deadlines(const char *row, int reps)
{
	struct ctx c;
	struct err e = { 0 };
	double *t = xcalloc((size_t)reps, sizeof *t);
	int n = 0;
	char note[200];

	ctx_open(&c, row);
	deadline_collect(&c.desk, c.today, 30, cb_deadline, NULL, &e);
	for (int i = 0; i < reps; i++) {
		double t0 = now_ms();
		txn(c.db, true);
		if ((n = deadline_collect(&c.desk, c.today, 30, cb_deadline, NULL, &e)) < 0)
			fail(row, &e);
		txn(c.db, false);
		t[i] = now_ms() - t0;
	}
	snprintf(note, sizeof note, "deadline_collect(today, 30 days): %d rows", n);
	report(row, t, reps, self_maxrss_kb(), note);
	db_close(c.db);
	free(t);
}

static void row_export(const char *row, int from_day, int to_day, int reps)
{
	struct ctx c;
	struct err e = { 0 };
	struct ical_export_opts o;
	double *t = xcalloc((size_t)reps, sizeof *t);
	FILE *out = fopen("/dev/null", "w");
	int n = 0;
	char note[200];

	ctx_open(&c, row);
	ical_export_opts_init(&o);
	o.from_day = from_day;
	o.to_day = to_day;
	for (int i = 0; i < reps; i++) {
		double t0 = now_ms();
		if ((n = ical_export(&c.desk, &o, out, &e)) < 0)
			fail(row, &e);
		fflush(out);
		t[i] = now_ms() - t0;
	}
	snprintf(note, sizeof note, "ical_export to /dev/null: %d VEVENTs", n);
	report(row, t, reps, self_maxrss_kb(), note);
	fclose(out);
	db_close(c.db);
	free(t);
}

/* The floor under the export: reading every appointment through
 * db_appt_each, nothing written. */
static void row_scan(const char *row, int reps)
{
	struct ctx c;
	struct err e = { 0 };
	struct appt_filter f;
	double *t = xcalloc((size_t)reps, sizeof *t);
	int n = 0;
	char note[200];

	ctx_open(&c, row);
	appt_filter_init(&f);
	f.include_cancelled = true;
	for (int i = 0; i < reps; i++) {
		double t0 = now_ms();
		if ((n = db_appt_each(c.db, &f, cb_appt, NULL, &e)) < 0)
			fail(row, &e);
		t[i] = now_ms() - t0;
	}
	snprintf(note, sizeof note, "db_appt_each over all %d appointments, nothing written", n);
	report(row, t, reps, self_maxrss_kb(), note);
	db_close(c.db);
	free(t);
}

static void row_print(const char *row, int reps)
{
	struct ctx c;
	struct err e = { 0 };
	struct print_opts o;
	double *t = xcalloc((size_t)reps, sizeof *t);
	FILE *out = fopen("/dev/null", "w");
	int *days = xcalloc((size_t)reps, sizeof *days);

	ctx_open(&c, row);
	for (int i = 0; i < reps; i++)
		days[i] = pick_day(&c);
	for (int i = 0; i < reps; i++) {
		print_opts_init(&o, days[i]);
		o.format = PRINT_TEXT;
		double t0 = now_ms();
		if (print_schedule(&c.desk, &o, out, &e) < 0)
			fail(row, &e);
		fflush(out);
		t[i] = now_ms() - t0;
	}
	report(row, t, reps, self_maxrss_kb(), "print_schedule text, random open days");
	fclose(out);
	db_close(c.db);
	free(days);
	free(t);
}

/* Import into a fresh database each time (created, untimed, beside
 * the bench database). */
static void row_import(const char *row, int reps)
{
	struct err e = { 0 };
	struct ical_import_opts o = { ICAL_IMPORT_AUTO, 0, 0 };
	struct ical_import_result r;
	double *t = xcalloc((size_t)reps, sizeof *t);
	char path[1100], note[200];
	struct clock clk;
	struct config cfg;

	config_defaults(&cfg);
	clock_init(&clk, cfg.timezone, &e);
	o.horizon_day = ical_import_horizon(clock_today(&clk));
	if (!ics_opt) {
		printf("%s\t0\t-\t-\t-\tskipped: no --ics file\n", row);
		return;
	}
	snprintf(path, sizeof path, "%s.import.db", db_path_opt);
	for (int i = 0; i < reps; i++) {
		struct db *db;
		char wal[1200], shm[1200];
		snprintf(wal, sizeof wal, "%s-wal", path);
		snprintf(shm, sizeof shm, "%s-shm", path);
		unlink(path);
		unlink(wal);
		unlink(shm);
		if (db_open(&db, path, DB_CREATE, &e) < 0)
			fail(row, &e);
		db_set_clock(db, clk.pinned ? clk.pinned_at : 0);
		memset(&r, 0, sizeof r);
		double t0 = now_ms();
		struct desk_ctx desk = { db, &cfg, &clk };
		if (ical_import_file(&desk, ics_opt, &o, &r, &e) < 0)
			fail(row, &e);
		t[i] = now_ms() - t0;
		ical_import_result_release(&r);
		db_close(db);
		unlink(path);
		unlink(wal);
		unlink(shm);
	}
	snprintf(note, sizeof note, "ical_import_file into a new database: %d events, %d blocks",
		 r.events_created, r.blocks_created);
	report(row, t, reps, self_maxrss_kb(), note);
	free(t);
}

/* ---- other programs: wall time and their peak memory ---- */
static double run_prog(char *const argv[], const char *out_path, long *rss_kb, int *status)
{
	struct rusage ru;
	double t0 = now_ms();
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		int fd = open(out_path ? out_path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int in = open("/dev/null", O_RDONLY);
		dup2(in, 0);
		dup2(fd, 1);
		if (!getenv("BENCH_VERBOSE"))
			dup2(fd, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	wait4(pid, status, 0, &ru);
	*rss_kb = ru.ru_maxrss;
	return now_ms() - t0;
}

/* prep: a shell command run, untimed, before each run (a fresh
 * directory or database). */
static void row_prog(const char *row, char *const argv[], const char *out, int reps,
		     const char *note, const char *prep)
{
	double *t = xcalloc((size_t)reps, sizeof *t);
	long rss = 0, max_rss = 0;
	int st = 0;

	for (int i = -1; i < reps; i++) {	/* -1: warm-up */
		if (prep && system(prep) != 0) {
			printf("%s\t0\t-\t-\t-\tfailed: %s\n", row, prep);
			free(t);
			return;
		}
		double ms = run_prog(argv, out, &rss, &st);
		if (ms < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			printf("%s\t0\t-\t-\t-\tfailed: %s exited %d\n", row, argv[0],
			       WIFEXITED(st) ? WEXITSTATUS(st) : -1);
			free(t);
			return;
		}
		if (i >= 0)
			t[i] = ms;
		if (rss > max_rss)
			max_rss = rss;
	}
	report(row, t, reps, max_rss, note);
	free(t);
}

/* The machine's load (1-minute average), for the pairs' notes. */
static double loadavg(void)
{
	double l = -1;
	FILE *f = fopen("/proc/loadavg", "r");

	if (f) {
		if (fscanf(f, "%lf", &l) != 1)
			l = -1;
		fclose(f);
	}
	return l;
}

/* madoguchi (a) and calcurse (b) on the same data, run alternately
 * (a b, b a, a b, ...) so that both see the same moments of a shared
 * machine; the ratio a/b of each pair, its median and range, the
 * medians of each side and the load before and after. */
static void row_pair(const char *row, char *const a[], const char *prep_a, char *const b[],
		     const char *prep_b, int reps, const char *what)
{
	double *ta = xcalloc((size_t)reps, sizeof *ta), *tb = xcalloc((size_t)reps, sizeof *tb);
	double *r = xcalloc((size_t)reps, sizeof *r), load0 = loadavg();
	long rss = 0, rss_a = 0;
	int st = 0;

	for (int i = -1; i < reps; i++) {	/* -1: warm-up of both */
		for (int k = 0; k < 2; k++) {
			bool first_a = i < 0 || i % 2 == 0;
			bool is_a = (k == 0) == first_a;
			const char *prep = is_a ? prep_a : prep_b;
			char *const *argv = is_a ? a : b;
			if (prep && system(prep) != 0) {
				printf("%s\t0\t-\t-\t-\tfailed: %s\n", row, prep);
				goto out;
			}
			double ms = run_prog(argv, NULL, &rss, &st);
			if (ms < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
				printf("%s\t0\t-\t-\t-\tfailed: %s exited %d\n", row, argv[0],
				       WIFEXITED(st) ? WEXITSTATUS(st) : -1);
				goto out;
			}
			if (i >= 0)
				(is_a ? ta : tb)[i] = ms;
			if (is_a && rss > rss_a)
				rss_a = rss;
		}
		if (i >= 0)
			r[i] = tb[i] > 0 ? ta[i] / tb[i] : 0;
	}
	{
		char note[300];
		double load1 = loadavg();
		qsort(ta, (size_t)reps, sizeof *ta, cmp_double);
		qsort(tb, (size_t)reps, sizeof *tb, cmp_double);
		qsort(r, (size_t)reps, sizeof *r, cmp_double);
		double ma = reps % 2 ? ta[reps / 2] : (ta[reps / 2 - 1] + ta[reps / 2]) / 2;
		double mb = reps % 2 ? tb[reps / 2] : (tb[reps / 2 - 1] + tb[reps / 2]) / 2;
		double mr = reps % 2 ? r[reps / 2] : (r[reps / 2 - 1] + r[reps / 2]) / 2;
		/* the row: madoguchi's median and slowest; the note: the pairs */
		snprintf(note, sizeof note,
			 "%s: madoguchi %.1f ms, calcurse %.1f ms; ratio %.2f (pairs %.2f-%.2f); load %.2f-%.2f",
			 what, ma, mb, mr, r[0], r[reps - 1], load0, load1);
		printf("%s\t%d\t%.3f\t%.3f\t%ld\t%s\n", label_opt ? label_opt : row, reps, mr, ma, rss_a,
		       note);
		fflush(stdout);
	}
out:
	free(ta);
	free(tb);
	free(r);
}

/* Open to the first screen of the real binary: in a pseudo-terminal,
 * from exec to the moment the screen's output holds the marker (text
 * the day view draws after its data is loaded). */
static double first_screen_pty(long *rss_kb)
{
	struct winsize ws = { pty_rows, pty_cols, 0, 0 };
	int fd;
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);
	double t0 = now_ms(), found = -1;
	static char buf[1 << 20];
	size_t len = 0;
	struct rusage ru;
	int st;

	if (pid < 0)
		return -1;
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		execl(bin_opt, bin_opt, "--db", db_path_opt, (char *)NULL);
		_exit(127);
	}
	while (now_ms() - t0 < 10000) {
		struct pollfd p = { fd, POLLIN, 0 };
		if (poll(&p, 1, 100) <= 0)
			continue;
		ssize_t n = read(fd, buf + len, sizeof buf - 1 - len);
		if (n <= 0)
			break;
		len += (size_t)n;
		buf[len] = '\0';
		if (memmem(buf, len, marker_opt, strlen(marker_opt))) {
			found = now_ms() - t0;
			break;
		}
		if (len > sizeof buf - 4096)
			len = 0;
	}
	kill(pid, SIGTERM);
	/* drain so the child can exit */
	for (int i = 0; i < 50; i++) {
		char tmp[4096];
		struct pollfd p = { fd, POLLIN, 0 };
		if (poll(&p, 1, 20) <= 0)
			break;
		if (read(fd, tmp, sizeof tmp) <= 0)
			break;
	}
	wait4(pid, &st, 0, &ru);
	close(fd);
	*rss_kb = ru.ru_maxrss;
	return found;
}

static void row_ui(const char *row, int reps)
{
	double *t = xcalloc((size_t)reps, sizeof *t);
	long rss = 0, max_rss = 0;
	char note[300];

	for (int i = -1; i < reps; i++) {
		double ms = first_screen_pty(&rss);
		if (ms < 0) {
			printf("%s\t0\t-\t-\t-\tskipped: the screen never showed \"%s\"\n", row, marker_opt);
			free(t);
			return;
		}
		if (i >= 0)
			t[i] = ms;
		if (rss > max_rss)
			max_rss = rss;
	}
	snprintf(note, sizeof note, "real binary in a %dx%d pty, exec to \"%s\" drawn", pty_cols, pty_rows,
		 marker_opt);
	report(row, t, reps, max_rss, note);
	free(t);
}

/* Run every screen's load once, then print the query plan of every
 * statement the connection cached: where an index is missing, it
 * shows (SCAN rather than SEARCH, USE TEMP B-TREE FOR ORDER BY). */
static void row_plans(void)
{
	struct ctx c;
	struct err e = { 0 };
	FILE *out = fopen("/dev/null", "w");
	struct ical_export_opts eo;
	struct print_opts po;

	ctx_open(&c, "plans");
	day_data(&c, c.today, &e);
	side_data(&c, &e);
	week_data(&c, c.today, &e);
	month_data(&c, c.today, &e);
	db_org_search(c.db, "すぎ", 20, cb_org, NULL, &e);
	inquiry_search(&c.desk, "ウ", 50, cb_inq, NULL, &e);
	inquiry_search(&c.desk, "ウェブ", 50, cb_inq, NULL, &e);
	deadline_collect(&c.desk, c.today, 30, cb_deadline, NULL, &e);
	ical_export_opts_init(&eo);
	eo.from_day = c.today;
	eo.to_day = c.today + 30;
	ical_export(&c.desk, &eo, out, &e);
	print_opts_init(&po, c.today);
	print_schedule(&c.desk, &po, out, &e);
	fclose(out);
	for (int i = 0; i < c.db->n_cache; i++) {
		const char *sql = sqlite3_sql(c.db->cache[i].stmt);
		char *q = xasprintf("EXPLAIN QUERY PLAN %s", sql);
		sqlite3_stmt *st;
		printf("-- %.*s%s\n", 300, sql, strlen(sql) > 300 ? " ..." : "");
		if (sqlite3_prepare_v2(c.db->h, q, -1, &st, NULL) == SQLITE_OK) {
			while (sqlite3_step(st) == SQLITE_ROW)
				printf("   %s\n", (const char *)sqlite3_column_text(st, 3));
			sqlite3_finalize(st);
		}
		free(q);
	}
	db_close(c.db);
}

static void usage(void)
{
	fputs("usage: bench --db PATH --row NAME [--reps N] [--ics FILE] [--bin MADOGUCHI]\n"
	      "             [--calcurse-dir DIR] [--marker TEXT]\n"
	      "rows: plans (query plans, no timing) db-open db-open-first open day week month side org-search org-list org-miss\n"
	      "      inq-search inq-screen inq-typing inq-miss deadlines programs\n"
	      "      export-year export-all appt-scan print import ui-first ui-first-80x24 cli-version cli-day\n"
	      "      cli-export-year cli-export-all calcurse-import calcurse-export\n"
	      "      pair-version pair-day pair-export pair-import (madoguchi and calcurse alternately;\n"
	      "      --bin and --calcurse-dir; a row's median is the ratio of the pairs)\n", stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *row = NULL;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!v)
			usage();
		i++;
		if (!strcmp(a, "--db"))
			db_path_opt = v;
		else if (!strcmp(a, "--row"))
			row = v;
		else if (!strcmp(a, "--reps"))
			reps_opt = atoi(v);
		else if (!strcmp(a, "--ics"))
			ics_opt = v;
		else if (!strcmp(a, "--bin"))
			bin_opt = v;
		else if (!strcmp(a, "--calcurse-dir"))
			cc_dir_opt = v;
		else if (!strcmp(a, "--label"))
			label_opt = v;
		else if (!strcmp(a, "--exec"))
			exec_opt = v;
		else if (!strcmp(a, "--marker"))
			marker_opt = v;
		else
			usage();
	}
	if (!row || !db_path_opt)
		usage();
	umask(077);
	setenv("TZ", "Asia/Tokyo", 1);
	setenv("MADOGUCHI_NOW", TODAY_STR, 1);
	setenv("LANG", "C.UTF-8", 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	unsetenv("LANGUAGE");
	setenv("MADOGUCHI_DB", db_path_opt, 1);
#define REPS(n) (reps_opt > 0 ? reps_opt : (n))
	int y1 = date_from_ymd(2026, 1, 1), y2 = date_from_ymd(2026, 12, 31);
	if (!strcmp(row, "plans"))
		row_plans();
	else if (!strcmp(row, "open"))
		row_open(row, REPS(200));
	else if (!strcmp(row, "db-open") || !strcmp(row, "db-open-first"))
		row_db_open(row, !strcmp(row, "db-open-first"), REPS(300));
	else if (!strcmp(row, "day"))
		row_days(row, day_data, REPS(1000));
	else if (!strcmp(row, "week"))
		row_days(row, week_data, REPS(1000));
	else if (!strcmp(row, "month"))
		row_days(row, month_data, REPS(1000));
	else if (!strcmp(row, "program-list"))
		row_days(row, program_data, REPS(100));
	else if (!strcmp(row, "side"))
		row_side(row, REPS(1000));
	else if (!strcmp(row, "org-search"))
		row_search(row, false, KEYS(org_keys), 20, 0, REPS(600));
	else if (!strcmp(row, "org-list"))
		row_search(row, false, KEYS(org_keys), 0, 0, REPS(300));
	else if (!strcmp(row, "org-miss"))
		row_search(row, false, KEYS(miss_keys), 0, 0, REPS(300));
	else if (!strcmp(row, "inq-search"))
		row_search(row, true, KEYS(inq_keys), 50, 0, REPS(600));
	else if (!strcmp(row, "inq-screen"))
		row_search(row, true, KEYS(screen_keys), INQ_SCREEN_LIMIT, INQ_SCREEN_COUNT_CAP, REPS(300));
	else if (!strcmp(row, "inq-typing"))
		row_search(row, true, KEYS(typing_keys), INQ_SCREEN_LIMIT, INQ_SCREEN_COUNT_CAP, REPS(660));
	else if (!strcmp(row, "inq-miss"))
		row_search(row, true, KEYS(miss_keys), INQ_SCREEN_LIMIT, INQ_SCREEN_COUNT_CAP, REPS(600));
	else if (!strcmp(row, "programs"))
		row_programs(row, REPS(50));
	else if (!strcmp(row, "deadlines"))
		row_deadlines(row, REPS(300));
	else if (!strcmp(row, "export-year"))
		row_export(row, y1, y2, REPS(10));
	else if (!strcmp(row, "export-all"))
		row_export(row, 0, 0, REPS(5));
	else if (!strcmp(row, "appt-scan"))
		row_scan(row, REPS(5));
	else if (!strcmp(row, "print"))
		row_print(row, REPS(300));
	else if (!strcmp(row, "import"))
		row_import(row, REPS(5));
	else if (!strcmp(row, "ui-first")) {
		if (!bin_opt)
			usage();
		row_ui(row, REPS(20));
	} else if (!strcmp(row, "ui-first-80x24")) {
		/* the last thing the day screen draws at 80x24 */
		if (!bin_opt)
			usage();
		pty_rows = 24;
		pty_cols = 80;
		if (!strcmp(marker_opt, "Follow-ups"))
			marker_opt = "Deadlines within";
		row_ui(row, REPS(20));
	} else if (!strcmp(row, "cli-version")) {
		char *av[] = { (char *)bin_opt, "--version", NULL };
		if (!bin_opt)
			usage();
		row_prog(row, av, NULL, REPS(30), "`madoguchi --version`: start-up alone, exec to exit", NULL);
	} else if (!strcmp(row, "cli-day")) {
		char *av[] = { (char *)bin_opt, "--db", (char *)db_path_opt, "day", NULL };
		if (!bin_opt)
			usage();
		row_prog(row, av, NULL, REPS(30), "`madoguchi day` (today), exec to exit", NULL);
	} else if (!strcmp(row, "cli-export-year") || !strcmp(row, "cli-export-all")) {
		bool all = !strcmp(row, "cli-export-all");
		char *av[] = { (char *)bin_opt, "--db", (char *)db_path_opt, "export",
			       all ? NULL : "--from", "2026-01-01", "--to", "2026-12-31", NULL };
		if (!bin_opt)
			usage();
		row_prog(row, av, NULL, REPS(5),
			 all ? "`madoguchi export` (everything) > /dev/null" : "`madoguchi export` (2026) > /dev/null",
			 NULL);
	} else if (!strcmp(row, "cli-import")) {
		char path[1100], prep[6000];
		snprintf(path, sizeof path, "%s.cli-import.db", db_path_opt);
		char *av[] = { (char *)bin_opt, "--db", path, "import", (char *)ics_opt, NULL };
		if (!bin_opt || !ics_opt)
			usage();
		snprintf(prep, sizeof prep, "rm -f '%s' '%s-wal' '%s-shm' && '%s' --db '%s' init >/dev/null",
			 path, path, path, bin_opt, path);
		row_prog(row, av, NULL, REPS(3), "`madoguchi import FILE` into a new database", prep);
		snprintf(prep, sizeof prep, "rm -f '%s' '%s-wal' '%s-shm'", path, path, path);
		if (system(prep) != 0)
			return 3;
	} else if (!strncmp(row, "pair-", 5)) {
		/* madoguchi and calcurse alternately, on the same data */
		char scratch[1100], prep_a[5000], prep_b[5000];
		const char *day = "2026-11-24", *cc = cc_dir_opt;
		if (!bin_opt || !cc)
			usage();
		snprintf(scratch, sizeof scratch, "%s.pair.db", db_path_opt);
		if (!strcmp(row, "pair-version")) {
			char *a[] = { (char *)bin_opt, "--version", NULL };
			char *b[] = { "calcurse", "--version", NULL };
			row_pair(row, a, NULL, b, NULL, REPS(30), "start-up alone (--version)");
		} else if (!strcmp(row, "pair-day")) {
			char *a[] = { (char *)bin_opt, "--db", (char *)db_path_opt, "day", "--date", (char *)day, NULL };
			char *b[] = { "calcurse", "-D", (char *)cc, "--input-datefmt", "4", "-Q", "--from", (char *)day, "--days", "1", NULL };
			row_pair(row, a, NULL, b, NULL, REPS(20), "one day's appointments");
		} else if (!strcmp(row, "pair-export")) {
			char *a[] = { (char *)bin_opt, "--db", (char *)db_path_opt, "export", NULL };
			char *b[] = { "calcurse", "-D", (char *)cc, "-xical", NULL };
			row_pair(row, a, NULL, b, NULL, REPS(5), "export every event to .ics");
		} else if (!strcmp(row, "pair-import")) {
			char *a[] = { (char *)bin_opt, "--db", scratch, "import", (char *)ics_opt, NULL };
			char *b[] = { "calcurse", "-D", (char *)cc, "-i", (char *)ics_opt, NULL };
			if (!ics_opt)
				usage();
			snprintf(prep_a, sizeof prep_a, "rm -f '%s' '%s-wal' '%s-shm' && '%s' --db '%s' init >/dev/null",
				 scratch, scratch, scratch, bin_opt, scratch);
			snprintf(prep_b, sizeof prep_b, "rm -rf '%s' && mkdir -p '%s'", cc, cc);
			row_pair(row, a, prep_a, b, prep_b, REPS(3), "import the partner calendar");
		} else {
			usage();
		}
	} else if (!strcmp(row, "calcurse-import")) {
		char prep[3000];
		char *av[] = { "calcurse", "-D", (char *)cc_dir_opt, "-i", (char *)ics_opt, NULL };
		if (!cc_dir_opt || !ics_opt)
			usage();
		snprintf(prep, sizeof prep, "rm -rf '%s' && mkdir -p '%s'", cc_dir_opt, cc_dir_opt);
		row_prog(row, av, NULL, REPS(3), "`calcurse -D DIR -i FILE` into an empty DIR", prep);
	} else if (!strcmp(row, "calcurse-export")) {
		char *av[] = { "calcurse", "-D", (char *)cc_dir_opt, "-xical", NULL };
		if (!cc_dir_opt)
			usage();
		row_prog(row, av, NULL, REPS(5), "`calcurse -D DIR -xical` > /dev/null", NULL);
	} else {
		usage();
	}
	return sink == 42 ? 1 : 0;
}
