/* bench_table.c: how fast the enterprise register screen is on a million
 * enterprises, against the register's speed goals.  Not a test: it prints
 * figures beside the goals and never fails on them.
 *
 *   bench_table [ROWS]      (default 1000000; run by `make bench`)
 *
 * With BENCH_TABLE_DB=path the database is kept there and used again by
 * the next run (made first if the file is missing), to save the minutes
 * it takes to make; otherwise it is made afresh in a temporary folder.
 *
 * It makes a database in a temporary folder (one INSERT ... SELECT over a
 * recursive CTE, in one transaction), then drives the real frame and
 * register screen headless (curses on /dev/null, 80x24) and times:
 *   - opening the database to the first full screen;
 *   - keystrokes: PgDn, G, g, s (sort by name), s again (reverse), f with
 *     typed conditions, / with typed text, Esc;
 * each the median of several runs, with ratios to a reference measured
 * in the same run: a plain SELECT count(*) of the table and one page of
 * 22 rows with the sqlite3 library on the same file.  Then the resident
 * memory of an idle session after its first screen (a fresh process).
 *
 * Two times for each: "screen", from the key to the screen updated after
 * it, which is what the clerk waits for; and "result", until the work the
 * key started between keys (the exact count, the search) is done and
 * shown, the frame's idle slices run one after another as frame_run runs
 * them when no key comes.  A key that comes during a slice waits for the
 * rest of it: the longest slice is printed too. */
#include "config.h"

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "core/dataset.h"
#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/pack.h"
#include "core/util.h"
#include "core/width.h"
#include "tui/frame.h"
#include "tui/keys.h"
#include "tui/regscreen.h"

#define RUNS 7

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void die(const char *what, char *err)
{
	fprintf(stderr, "bench_table: %s: %s\n", what, err ? err : "failed");
	exit(1);
}

/* --- the database ------------------------------------------------------ */

static void make_db(const char *path, long rows)
{
	struct db *db = NULL;
	char *err = NULL;
	if (db_open(path, DB_CREATE | DB_MUSTNEW, &db, &err) != ST_OK)
		die("create", err);
	if (pack_load(db, "jingdezhen", &err) != ST_OK)
		die("pack", err);
	char *sql = xasprintf(
	    "BEGIN IMMEDIATE;"
	    "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < %ld)"
	    " INSERT INTO enterprise (uscc, name, region_id, industry, tier, hte_cert_date, updated_at)"
	    " SELECT printf('91360200MA%%08d', i),"
	    "  substr('景德镇昌南浮梁乐平珠山昌江瑶里三宝', 1 + 2 * (i %% 8), 2)"
	    "  || substr('华兴宏盛瑞达恒信鼎新汇金永泰嘉禾', 1 + 2 * ((i / 8) %% 8), 2)"
	    "  || substr('陶瓷航空医药电子材料机械化工光伏', 1 + 2 * ((i / 64) %% 8), 2)"
	    "  || '有限公司' || (i / 512),"
	    "  (SELECT min(id) FROM region) + i %% (SELECT count(*) FROM region),"
	    "  substr('先进陶瓷航空制造生物医药电子信息新型材料智能装备精细化工新能源X', 1 + 4 * (i %% 8), 4),"
	    "  CASE i %% 5 WHEN 0 THEN 'none' WHEN 1 THEN 'tech_sme' WHEN 2 THEN 'high_tech'"
	    "   WHEN 3 THEN 'gazelle' ELSE 'unicorn' END,"
	    "  CASE WHEN i %% 5 = 2 THEN date('2015-01-01', '+' || (i %% 3650) || ' days') END,"
	    "  datetime('2024-01-01', '+' || i || ' minutes')"
	    " FROM k;"
	    "COMMIT;", rows);
	if (db_exec(db, sql, &err) != ST_OK)
		die("insert", err);
	free(sql);
	db_close(db);
}

/* --- the reference: the sqlite3 library alone --------------------------- */

static double ref_query(const char *path, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	double t0 = now_ms();
	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		die("reference open", NULL);
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		die("reference prepare", xstrdup(sqlite3_errmsg(h)));
	while (sqlite3_step(st) == SQLITE_ROW)
		;
	sqlite3_finalize(st);
	sqlite3_close(h);
	return now_ms() - t0;
}

static double ref_median(const char *path, const char *sql)
{
	double t[RUNS];
	for (int i = 0; i < RUNS; i++)
		t[i] = ref_query(path, sql);
	return median(t, RUNS);
}

/* --- a session: the frame with the enterprise register ------------------ */

struct session {
	struct db *db;
	void *reg;
	struct section sec;
	struct frame *f;
};

/* Open the database and show the first screen. */
static void session_open(struct session *s, const char *path)
{
	char *err = NULL;
	if (db_open(path, 0, &s->db, &err) != ST_OK)
		die("open", err);
	s->reg = regscreen_new(s->db, "enterprises");
	s->sec = (struct section){ regscreen_ops("enterprises"), s->reg, NULL };
	s->f = frame_new(&s->sec, 1);
	frame_start(s->f);
	frame_paint(s->f);
}

static void session_close(struct session *s)
{
	frame_free(s->f);
	regscreen_free(s->reg);
	db_close(s->db);
}

static double slice_max;   /* the longest idle slice, with its paint */

/* One key, and the screen updated after it. */
static double key_ms(struct session *s, int key)
{
	double t0 = now_ms();
	frame_key(s->f, key);
	frame_paint(s->f);
	return now_ms() - t0;
}

/* The work the last key left, slice by slice, each slice painted, until
 * none is left: how long it took. */
static double idle_ms(struct session *s)
{
	double t0 = now_ms();
	for (;;) {
		double t1 = now_ms();
		int more = frame_idle(s->f);
		frame_paint(s->f);
		double t = now_ms() - t1;
		if (t > slice_max)
			slice_max = t;
		if (!more)
			break;
	}
	return now_ms() - t0;
}

/* One key: the screen time into *screen, and the time until its result
 * (the screen time included) is returned. */
static double key_result_ms(struct session *s, int key, double *screen)
{
	*screen = key_ms(s, key);
	return *screen + idle_ms(s);
}

/* Type text into the open prompt (untimed). */
static void type(struct session *s, const char *text)
{
	mbstate_t mb = { 0 };
	wchar_t wc;
	size_t n;
	while (*text && (n = mbrtowc(&wc, text, strlen(text), &mb)) > 0 && n < (size_t)-2) {
		key_ms(s, (int)wc);
		text += n;
	}
}

/* Each character of text typed into the open prompt, timed, each one's
 * search let finish before the next (a clerk who pauses): the slowest
 * screen into *screen, the slowest result returned. */
static double type_ms(struct session *s, const char *text, double *screen)
{
	mbstate_t mb = { 0 };
	wchar_t wc;
	size_t n;
	double worst = 0;
	*screen = 0;
	while (*text && (n = mbrtowc(&wc, text, strlen(text), &mb)) > 0 && n < (size_t)-2) {
		double sc, t = key_result_ms(s, (int)wc, &sc);
		if (t > worst)
			worst = t;
		if (sc > *screen)
			*screen = sc;
		text += n;
	}
	return worst;
}

/* The same typed fast: one slice of work between two characters (a clerk
 * typing faster than the search): the slowest screen. */
static double type_fast_ms(struct session *s, const char *text)
{
	mbstate_t mb = { 0 };
	wchar_t wc;
	size_t n;
	double worst = 0;
	while (*text && (n = mbrtowc(&wc, text, strlen(text), &mb)) > 0 && n < (size_t)-2) {
		double t = key_ms(s, (int)wc);
		if (t > worst)
			worst = t;
		frame_idle(s->f);
		frame_paint(s->f);
		text += n;
	}
	return worst;
}

enum { M_FIRST, M_PGDN, M_G, M_HOME, M_SORT, M_REVERSE, M_FILTER_TEXT, M_TEXT_PGDN,
       M_TEXT_G, M_FILTER_DATE, M_FILTER_REGION, M_CLEAR, M_SEARCH, M_SEARCH_FAST, M_NEXT,
       M_PREV, M_SEARCH_NONE, M_COUNT };

static const struct { const char *what; double goal; } measures[M_COUNT] = {
	[M_FIRST]         = { "open to first screen", 100 },
	[M_PGDN]          = { "PgDn", 50 },
	[M_G]             = { "G (last row)", 50 },
	[M_HOME]          = { "g (first row)", 50 },
	[M_SORT]          = { "s (sort by name)", 50 },
	[M_REVERSE]       = { "s again (reverse)", 50 },
	[M_FILTER_TEXT]   = { "f 陶瓷 Enter (name contains)", 50 },
	[M_TEXT_PGDN]     = { "  then PgDn", 50 },
	[M_TEXT_G]        = { "  then G at once", 50 },
	[M_FILTER_DATE]   = { "f >=2020-01-01 Enter (certified)", 50 },
	[M_FILTER_REGION] = { "f =乐平市 Enter (region)", 50 },
	[M_CLEAR]         = { "Esc (clear filters)", 50 },
	[M_SEARCH]        = { "/ 鼎新光伏 (slowest character)", 50 },
	[M_SEARCH_FAST]   = { "  typed fast (a slice apart)", 50 },
	[M_NEXT]          = { "n (next match)", 50 },
	[M_PREV]          = { "N (previous match)", 50 },
	[M_SEARCH_NONE]   = { "/ 无 (no match anywhere)", 50 },
};

/* A filter on the current column: f, Ctrl-U, the condition (untimed),
 * then Enter (timed, screen and result). */
static double filter_ms(struct session *s, const char *cond, double *screen)
{
	key_ms(s, 'f');
	key_ms(s, KC_CTRL('u'));
	type(s, cond);
	return key_result_ms(s, '\n', screen);
}

/* Move the column cursor from column *at to the enterprise column `key`
 * (its place comes from the register's description), untimed. */
static void to_col(struct session *s, int *at, const char *key)
{
	char *err = NULL;
	struct dataset *ds = dataset_open(s->db, "enterprises", &err);
	if (ds == NULL)
		die("columns", err);
	int want = dataset_col_index(ds, key);
	dataset_close(ds);
	for (; *at < want; (*at)++)
		key_ms(s, 'l');
	for (; *at > want; (*at)--)
		key_ms(s, 'h');
}

/* One session's run of every measure: what the clerk waits for in sc[],
 * until the result in rs[]. */
static void run_once(const char *path, double *sc, double *rs)
{
	struct session s;
	double t0 = now_ms();
	session_open(&s, path);
	sc[M_FIRST] = now_ms() - t0;
	rs[M_FIRST] = sc[M_FIRST] + idle_ms(&s);
	double pg[5], pr[5];
	for (int i = 0; i < 5; i++)
		pr[i] = key_result_ms(&s, KC_KEY(KEY_NPAGE), &pg[i]);
	sc[M_PGDN] = median(pg, 5);
	rs[M_PGDN] = median(pr, 5);
	rs[M_G] = key_result_ms(&s, 'G', &sc[M_G]);
	rs[M_HOME] = key_result_ms(&s, 'g', &sc[M_HOME]);
	int col = 0;
	to_col(&s, &col, "name");
	rs[M_SORT] = key_result_ms(&s, 's', &sc[M_SORT]);
	rs[M_REVERSE] = key_result_ms(&s, 's', &sc[M_REVERSE]);
	key_ms(&s, 's');
	idle_ms(&s);
	/* the text filter, then PgDn and G before its count is known */
	key_ms(&s, 'f');
	key_ms(&s, KC_CTRL('u'));
	type(&s, "陶瓷");
	sc[M_FILTER_TEXT] = key_ms(&s, '\n');
	sc[M_TEXT_PGDN] = key_ms(&s, KC_KEY(KEY_NPAGE));
	rs[M_TEXT_PGDN] = sc[M_TEXT_PGDN];
	rs[M_TEXT_G] = key_result_ms(&s, 'G', &sc[M_TEXT_G]);
	rs[M_FILTER_TEXT] = sc[M_FILTER_TEXT] + sc[M_TEXT_PGDN] + rs[M_TEXT_G];
	rs[M_CLEAR] = key_result_ms(&s, KC_ESC, &sc[M_CLEAR]);
	key_ms(&s, 'g');
	to_col(&s, &col, "hte_cert_date");
	rs[M_FILTER_DATE] = filter_ms(&s, ">=2020-01-01", &sc[M_FILTER_DATE]);
	key_ms(&s, KC_ESC);
	idle_ms(&s);
	to_col(&s, &col, "region");
	rs[M_FILTER_REGION] = filter_ms(&s, "=乐平市", &sc[M_FILTER_REGION]);
	key_ms(&s, KC_ESC);
	idle_ms(&s);
	key_ms(&s, 'g');
	key_ms(&s, '/');
	sc[M_SEARCH_FAST] = type_fast_ms(&s, "鼎新光伏");
	idle_ms(&s);
	rs[M_SEARCH_FAST] = 0;
	key_ms(&s, KC_ESC);
	key_ms(&s, '/');
	rs[M_SEARCH] = type_ms(&s, "鼎新光伏", &sc[M_SEARCH]);
	key_ms(&s, '\n');
	rs[M_NEXT] = key_result_ms(&s, 'n', &sc[M_NEXT]);
	rs[M_PREV] = key_result_ms(&s, 'N', &sc[M_PREV]);
	key_ms(&s, '/');
	rs[M_SEARCH_NONE] = type_ms(&s, "无", &sc[M_SEARCH_NONE]);
	key_ms(&s, KC_ESC);
	session_close(&s);
}

/* VmRSS of this process, in KiB. */
static long rss_kib(void)
{
	FILE *fp = fopen("/proc/self/status", "r");
	char line[256];
	long kib = -1;
	while (fp != NULL && fgets(line, sizeof line, fp) != NULL)
		if (sscanf(line, "VmRSS: %ld", &kib) == 1)
			break;
	if (fp != NULL)
		fclose(fp);
	return kib;
}

/* Resident memory of a fresh session after its first screen, measured in
 * a child so that nothing of the runs before counts. */
static long idle_rss(const char *path)
{
	int fd[2];
	long kib = -1;
	if (pipe(fd) != 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		struct session s;
		session_open(&s, path);
		kib = rss_kib();
		if (write(fd[1], &kib, sizeof kib) != sizeof kib)
			_exit(1);
		_exit(0);
	}
	close(fd[1]);
	if (read(fd[0], &kib, sizeof kib) != sizeof kib)
		kib = -1;
	close(fd[0]);
	waitpid(pid, NULL, 0);
	return kib;
}

static void report(double sc[M_COUNT][RUNS], double rs[M_COUNT][RUNS], double ref_count,
                   double ref_page)
{
	printf("\n%-36s %9s %7s %8s %10s\n", "measure (median of 7, ms)", "screen", "goal", "/page",
	       "result");
	for (int i = 0; i < M_COUNT; i++) {
		double v = median(sc[i], RUNS), r = median(rs[i], RUNS);
		char res[32] = "";
		if (r > 0)
			snprintf(res, sizeof res, "%10.2f", r);
		printf("%-*s %9.2f %5.0f %s %7.1fx %s\n",
		       36 + (int)(strlen(measures[i].what) - width_str(measures[i].what)),
		       measures[i].what, v, measures[i].goal, v < measures[i].goal ? "ok" : "!!",
		       v / ref_page, res);
	}
	printf("\nscreen: from the key to the screen updated after it (what the clerk waits for)\n"
	       "result: until the work it started between keys is done and shown (the exact\n"
	       "        count, the row found); keys typed meanwhile are answered between slices\n"
	       "longest slice of that work (a key pressed during it waits this much more):"
	       " %.2f ms\n", slice_max);
	(void)ref_count;
}

int main(int argc, char **argv)
{
	long rows = argc > 1 ? atol(argv[1]) : 1000000;
	char dir[] = "/tmp/innotrack-bench.XXXXXX";
	if (rows < 1 || mkdtemp(dir) == NULL) {
		fprintf(stderr, "usage: bench_table [ROWS]\n");
		return 2;
	}
	setlocale(LC_ALL, "C.UTF-8");
	setlocale(LC_NUMERIC, "C");
	i18n_set(LANG_ZH);
	const char *keep = getenv("BENCH_TABLE_DB");
	char *path = keep && *keep ? xstrdup(keep) : xasprintf("%s/bench.db", dir);
	double t0 = now_ms();
	if (keep && *keep && access(keep, F_OK) == 0) {
		printf("innotrack table benchmark: the database %s made before\n", path);
	} else {
		make_db(path, rows);
		printf("innotrack table benchmark: %ld enterprises in %s (made in %.1f s)\n",
		       rows, path, (now_ms() - t0) / 1e3);
	}

	double ref_count = ref_median(path, "SELECT count(*) FROM enterprise");
	double ref_page = ref_median(path, "SELECT id, uscc, name, region_id, industry, tier,"
	                             " hte_cert_date, updated_at FROM enterprise ORDER BY id LIMIT 22");
	printf("reference, sqlite3 library alone (open, query, close; median of %d):\n"
	       "  SELECT count(*) FROM enterprise         %8.2f ms\n"
	       "  one page of 22 rows                     %8.2f ms\n", RUNS, ref_count, ref_page);

	setenv("LINES", "24", 1);
	setenv("COLUMNS", "80", 1);
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *scr = newterm("xterm-256color", out, in);
	if (scr == NULL)
		die("newterm", NULL);
	set_term(scr);
	long kib = idle_rss(path);

	static double sc[M_COUNT][RUNS], rs[M_COUNT][RUNS];
	for (int r = 0; r < RUNS; r++) {
		double one[M_COUNT], res[M_COUNT];
		run_once(path, one, res);
		for (int i = 0; i < M_COUNT; i++) {
			sc[i][r] = one[i];
			rs[i][r] = res[i];
		}
	}
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	report(sc, rs, ref_count, ref_page);
	printf("\nidle session after its first screen: VmRSS %.1f MiB (goal < 8 MiB) %s\n",
	       kib / 1024.0, kib >= 0 && kib < 8 * 1024 ? "ok" : "!!");
	printf("(80x24, curses writing to /dev/null, warm file cache; \"!!\" marks a missed goal)\n");

	char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm", path);
	if (!(keep && *keep)) {
		unlink(path);
		unlink(wal);
		unlink(shm);
	}
	rmdir(dir);
	free(wal);
	free(shm);
	free(path);
	return 0;
}
