/* bench_table.c: how fast the enterprise register screen is on a million
 * enterprises (issue 4, "Speed").  Not a test: it prints figures beside
 * the goals and never fails on them.
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
 * memory of an idle session after its first screen (a fresh process). */
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

#include "core/db.h"
#include "core/i18n.h"
#include "core/i18n_table.h"
#include "core/pack.h"
#include "core/util.h"
#include "core/width.h"
#include "tui/frame.h"
#include "tui/keys.h"
#include "tui/regscreen.h"
#include "tui/strings.h"

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
	s->sec = (struct section){ regscreen_ops("enterprises"), s->reg };
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

/* One key, and the screen updated after it. */
static double key_ms(struct session *s, int key)
{
	double t0 = now_ms();
	frame_key(s->f, key);
	frame_paint(s->f);
	return now_ms() - t0;
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

/* Each character of text typed into the open prompt, timed: the slowest. */
static double type_ms(struct session *s, const char *text)
{
	mbstate_t mb = { 0 };
	wchar_t wc;
	size_t n;
	double worst = 0;
	while (*text && (n = mbrtowc(&wc, text, strlen(text), &mb)) > 0 && n < (size_t)-2) {
		double t = key_ms(s, (int)wc);
		if (t > worst)
			worst = t;
		text += n;
	}
	return worst;
}

enum { M_FIRST, M_PGDN, M_G, M_HOME, M_SORT, M_REVERSE, M_FILTER_TEXT, M_FILTER_DATE,
       M_FILTER_REGION, M_CLEAR, M_SEARCH, M_NEXT, M_COUNT };

static const struct { const char *what; double goal; } measures[M_COUNT] = {
	[M_FIRST]         = { "open to first screen", 100 },
	[M_PGDN]          = { "PgDn", 50 },
	[M_G]             = { "G (last row)", 50 },
	[M_HOME]          = { "g (first row)", 50 },
	[M_SORT]          = { "s (sort by name)", 50 },
	[M_REVERSE]       = { "s again (reverse)", 50 },
	[M_FILTER_TEXT]   = { "f 陶瓷 Enter (name contains)", 50 },
	[M_FILTER_DATE]   = { "f >=2020-01-01 Enter (certified)", 50 },
	[M_FILTER_REGION] = { "f =乐平市 Enter (region)", 50 },
	[M_CLEAR]         = { "Esc (clear filters)", 50 },
	[M_SEARCH]        = { "/ 鼎新光伏 (slowest character)", 50 },
	[M_NEXT]          = { "n (next match)", 50 },
};

/* A filter on the current column: f, Ctrl-U, the condition (untimed),
 * then Enter (timed). */
static double filter_ms(struct session *s, const char *cond)
{
	key_ms(s, 'f');
	key_ms(s, KC_CTRL('u'));
	type(s, cond);
	return key_ms(s, '\n');
}

/* One session's run of every measure. */
static void run_once(const char *path, double *m)
{
	struct session s;
	double t0 = now_ms();
	session_open(&s, path);
	m[M_FIRST] = now_ms() - t0;
	double pg[5];
	for (int i = 0; i < 5; i++)
		pg[i] = key_ms(&s, KC_KEY(KEY_NPAGE));
	m[M_PGDN] = median(pg, 5);
	m[M_G] = key_ms(&s, 'G');
	m[M_HOME] = key_ms(&s, 'g');
	key_ms(&s, 'l');                                 /* the name column */
	m[M_SORT] = key_ms(&s, 's');
	m[M_REVERSE] = key_ms(&s, 's');
	key_ms(&s, 's');
	m[M_FILTER_TEXT] = filter_ms(&s, "陶瓷");
	m[M_CLEAR] = key_ms(&s, KC_ESC);
	for (int i = 0; i < 4; i++)
		key_ms(&s, 'l');                         /* the certified column */
	m[M_FILTER_DATE] = filter_ms(&s, ">=2020-01-01");
	key_ms(&s, KC_ESC);
	for (int i = 0; i < 3; i++)
		key_ms(&s, 'h');                         /* the region column */
	m[M_FILTER_REGION] = filter_ms(&s, "=乐平市");
	key_ms(&s, KC_ESC);
	key_ms(&s, 'g');
	key_ms(&s, '/');
	m[M_SEARCH] = type_ms(&s, "鼎新光伏");
	key_ms(&s, '\n');
	m[M_NEXT] = key_ms(&s, 'n');
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

static void report(double m[M_COUNT][RUNS], double ref_count, double ref_page)
{
	printf("\n%-36s %9s %7s %8s %8s\n", "measure (median of 7)", "ms", "goal", "/count", "/page");
	for (int i = 0; i < M_COUNT; i++) {
		double v = median(m[i], RUNS);
		printf("%-*s %9.2f %5.0f %s %7.1fx %7.1fx\n",
		       36 + (int)(strlen(measures[i].what) - width_str(measures[i].what)),
		       measures[i].what, v, measures[i].goal, v < measures[i].goal ? "ok" : "!!",
		       v / ref_count, v / ref_page);
	}
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
	i18n_add_table(tui_strings_zh);
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

	static double m[M_COUNT][RUNS];
	for (int r = 0; r < RUNS; r++) {
		double one[M_COUNT];
		run_once(path, one);
		for (int i = 0; i < M_COUNT; i++)
			m[i][r] = one[i];
	}
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	report(m, ref_count, ref_page);
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
