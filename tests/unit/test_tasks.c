/* test_tasks.c: the task tables on real SQLite files: each counter of the
 * cooperation registers (dates inside and outside the days counted, the
 * regions below, a region's own records), the shares of innovative
 * counties and townships, completion, scoring and ranking with weights
 * and caps, the totals, and the records behind a cell. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/counter.h"
#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/pack.h"
#include "core/record.h"
#include "core/tasks.h"
#include "core/util.h"

static char tmpdir[] = "/tmp/innotrack-tasks-XXXXXX";

static struct db *fresh_db(const char *name, const char *pack)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	char *err = NULL;
	struct db *db = NULL;
	unlink(path);
	assert_int_equal(db_open(path, DB_CREATE | DB_MUSTNEW, &db, &err), ST_OK);
	if (pack != NULL) {
		int rc = pack_load(db, pack, &err);
		if (rc != ST_OK)
			fprintf(stderr, "%s\n", err);
		assert_int_equal(rc, ST_OK);
	}
	free(path);
	return db;
}

static void exec(struct db *db, const char *sql)
{
	char *err = NULL;
	int rc = db_exec(db, sql, &err);
	if (rc != ST_OK)
		fprintf(stderr, "%s: %s\n", sql, err);
	assert_int_equal(rc, ST_OK);
}

static long long region(struct db *db, const char *code)
{
	return db_scalar(db, "SELECT id FROM region WHERE code = ?1", code);
}

/* The counter's figure for a region over first..last; -1 for none. */
static double count(struct db *db, const char *key, const char *code, int own, const char *first,
                    const char *last)
{
	const struct counter *c = counter_find(key);
	double v = 0;
	int has = 0;
	char *err = NULL;
	assert_non_null(c);
	assert_int_equal(counter_value(db, c, region(db, code), own, first, last, &v, &has, &err), ST_OK);
	return has ? v : -1;
}

static void count_is(struct db *db, const char *key, const char *code, double want)
{
	assert_true(count(db, key, code, 0, "2023-01-01", "2023-12-31") == want);
}

/* A jingdezhen database with a few records of each cooperation register:
 * two in 浮梁县 in 2023, one in 2022, one in 乐平市. */
static struct db *coop_db(const char *name)
{
	struct db *db = fresh_db(name, "jingdezhen");
	exec(db, "INSERT INTO institute (id, name, kind) VALUES (1, '清华大学', 'university'),"
	         " (2, '中国科学院', 'academy'), (3, '景德镇陶瓷大学', 'university');"
	         "INSERT INTO partnership (region_id, institute_id, long_term, since) VALUES"
	         " ((SELECT id FROM region WHERE code = 'jdz-fl'), 1, 1, '2023-03-01'),"
	         " ((SELECT id FROM region WHERE code = 'jdz-fl'), 2, 0, '2023-04-01'),"
	         " ((SELECT id FROM region WHERE code = 'jdz-fl'), 3, 1, '2022-12-31'),"
	         " ((SELECT id FROM region WHERE code = 'jdz-lp'), 1, 1, '2023-05-01');"
	         /* planned, not signed: no date */
	         "INSERT INTO partnership (region_id, institute_id, long_term) VALUES"
	         " ((SELECT id FROM region WHERE code = 'jdz-lp'), 2, 1);"
	         "INSERT INTO platform (name, kind, level, region_id, institute_id, approved_on) VALUES"
	         " ('甲', '省级重点实验室', 'provincial', (SELECT id FROM region WHERE code = 'jdz-fl'), 1, '2023-06-01'),"
	         " ('乙', '技术创新中心', 'municipal', (SELECT id FROM region WHERE code = 'jdz-fl'), 2, '2023-07-01'),"
	         " ('丙', '重点实验室', 'municipal', (SELECT id FROM region WHERE code = 'jdz-fl'), 2, '2023-08-01'),"
	         " ('丁', '重点实验室', 'national', (SELECT id FROM region WHERE code = 'jdz-fl'), 2, '2024-01-01');"
	         "INSERT INTO project (title, region_id, institute_id, started_on, is_major) VALUES"
	         " ('项目一', (SELECT id FROM region WHERE code = 'jdz-fl'), 1, '2023-02-01', 1),"
	         " ('项目二', (SELECT id FROM region WHERE code = 'jdz-fl'), 1, '2023-02-02', 0),"
	         " ('项目三', (SELECT id FROM region WHERE code = 'jdz-fl'), 1, '2022-02-02', 1);"
	         "INSERT INTO event (title, held_on, region_id) VALUES"
	         " ('路演', '2023-09-09', (SELECT id FROM region WHERE code = 'jdz-fl')),"
	         " ('论坛', '2023-10-10', (SELECT id FROM region WHERE code = 'jdz')),"
	         " ('交流', '2024-01-10', (SELECT id FROM region WHERE code = 'jdz-fl'));"
	         "INSERT INTO talent (name, category, is_foreign, region_id, stage, introduced_on) VALUES"
	         " ('张', '国家级高层次科技领军人才', 0, (SELECT id FROM region WHERE code = 'jdz-fl'), 'on_duty', '2023-03-03'),"
	         " ('李', '外国专家', 1, (SELECT id FROM region WHERE code = 'jdz-fl'), 'on_duty', '2023-04-04'),"
	         " ('Smith', '青年科技人才', 1, (SELECT id FROM region WHERE code = 'jdz-fl'), 'on_duty', '2023-05-05'),"
	         " ('王', '院士团队', 0, (SELECT id FROM region WHERE code = 'jdz-fl'), 'signed', '2023-05-05'),"
	         " ('赵', '主要学科学术和技术带头人', 0, (SELECT id FROM region WHERE code = 'jdz-fl'), 'on_duty', '2022-05-05');"
	         /* on duty by the stage history in 2023, brought in in 2022 */
	         "INSERT INTO talent (name, category, region_id, stage, introduced_on) VALUES"
	         " ('钱', '院士团队', (SELECT id FROM region WHERE code = 'jdz-fl'), 'on_duty', '2022-11-11');"
	         "INSERT INTO talent_stage (talent_id, stage, on_date) VALUES"
	         " ((SELECT id FROM talent WHERE name = '钱'), 'on_duty', '2023-01-15');");
	return db;
}

static void test_counters(void **state)
{
	(void)state;
	struct db *db = coop_db("counters.db");
	count_is(db, "long_term_partners", "jdz-fl", 1);     /* not the 2022 one nor the short-term */
	count_is(db, "long_term_partners", "jdz-lp", 1);     /* not the planned one */
	count_is(db, "long_term_partners", "jdz", 2);        /* the city: the regions below it */
	count_is(db, "platforms_approved", "jdz-fl", 3);
	count_is(db, "key_labs_provincial", "jdz-fl", 1);    /* the municipal lab does not count */
	count_is(db, "major_projects", "jdz-fl", 1);
	count_is(db, "coop_projects", "jdz-fl", 2);
	count_is(db, "events_held", "jdz-fl", 1);
	count_is(db, "events_held", "jdz", 2);
	/* the city's own: its events, not the counties' */
	assert_true(count(db, "events_held", "jdz", 1, "2023-01-01", "2023-12-31") == 1);
	count_is(db, "talents_on_duty", "jdz-fl", 4);        /* 张, 李, Smith, 钱 (by its stage history) */
	count_is(db, "foreign_experts", "jdz-fl", 2);        /* 李, Smith */
	count_is(db, "high_level_talents", "jdz-fl", 2);     /* 张, 钱: 王 is only signed, 赵 came in 2022 */
	/* a span counts every year of it */
	assert_true(count(db, "platforms_approved", "jdz-fl", 0, "2023-01-01", "2025-12-31") == 4);
	/* the records behind a figure are the ones counted */
	long long *ids;
	size_t n;
	char *err = NULL;
	assert_int_equal(counter_ids(db, counter_find("key_labs_provincial"), region(db, "jdz-fl"), 0,
	                             "2023-01-01", "2023-12-31", &ids, &n, &err), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], db_scalar(db, "SELECT id FROM platform WHERE name = ?1", "甲"));
	free(ids);
	db_close(db);
}

static void test_innovative_shares(void **state)
{
	(void)state;
	struct db *db = fresh_db("nc.db", "nanchang");
	/* an empty register gives no figure for the shares of nothing */
	assert_true(count(db, "innovative_township_pct", "nc", 0, "2020-01-01", "2020-12-31") == -1);
	assert_true(count(db, "innovative_county_pct", "nc", 0, "2020-01-01", "2020-12-31") == 0);
	exec(db, "INSERT INTO region_designation (region_id, designation, level, designated_on) VALUES"
	         " ((SELECT id FROM region WHERE code = 'nc-ncx'), 'innovative_county', 'municipal', '2020-05-01'),"
	         " ((SELECT id FROM region WHERE code = 'nc-jx'), 'innovative_county', 'provincial', '2020-06-01'),"
	         " ((SELECT id FROM region WHERE code = 'nc-ay'), 'innovative_county', 'municipal', '2021-06-01');");
	/* six counties and districts in the pack; three designated by 2021 */
	assert_true(count(db, "innovative_county_count", "nc", 0, "2020-01-01", "2020-12-31") == 2);
	assert_true(count(db, "innovative_county_count", "nc", 0, "2021-01-01", "2021-12-31") == 3);
	assert_true(count(db, "innovative_county_pct", "nc", 0, "2021-01-01", "2021-12-31") == 50);
	/* townships: four under 南昌县, one designated */
	exec(db, "INSERT INTO region (code, name, kind, parent_id) SELECT 'nc-t' || n, '镇' || n, 'township',"
	         " (SELECT id FROM region WHERE code = 'nc-ncx') FROM (SELECT 1 n UNION SELECT 2 UNION SELECT 3"
	         " UNION SELECT 4);"
	         "INSERT INTO region_designation (region_id, designation, level, designated_on) VALUES"
	         " ((SELECT id FROM region WHERE code = 'nc-t1'), 'innovative_township', 'municipal', '2020-01-01');");
	assert_true(count(db, "innovative_township_pct", "nc", 0, "2020-01-01", "2020-12-31") == 25);
	assert_true(count(db, "innovative_township_pct", "nc-ncx", 0, "2020-01-01", "2020-12-31") == 25);
	/* a county has no counties below it: no share */
	assert_true(count(db, "innovative_county_pct", "nc-t1", 0, "2020-01-01", "2020-12-31") == -1);
	db_close(db);
}

static void test_completion(void **state)
{
	(void)state;
	assert_true(task_completion(">=", 5, 1) == 20);
	assert_true(task_completion(">=", 5, 10) == 200);
	assert_true(task_completion("=", 0, 0) == 100);
	assert_true(task_completion("<=", 10, 5) == 100);
	assert_true(task_completion("<=", 10, 20) == 50);
}

/* A grid of three regions and two tasks, filled by hand. */
static void grid3(struct task_grid *g, double w0, double cap0, double w1, double cap1)
{
	memset(g, 0, sizeof *g);
	g->ncol = 2;
	g->col = xcalloc(2, sizeof *g->col);
	g->col[0] = (struct task_col){ .weight = w0, .cap_pct = cap0 };
	g->col[1] = (struct task_col){ .weight = w1, .cap_pct = cap1 };
	g->nrow = 4;
	g->row = xcalloc(4, sizeof *g->row);
	/* pct per region: A 200 / 50, B 100 / 100, C 50 / 50, D (outside) 100 / 100 */
	const double pct[4][2] = { { 200, 50 }, { 100, 100 }, { 50, 50 }, { 100, 100 } };
	for (int r = 0; r < 4; r++) {
		g->row[r].c = xcalloc(2, sizeof *g->row[r].c);
		g->row[r].outside = r == 3;
		for (int i = 0; i < 2; i++)
			g->row[r].c[i] = (struct task_cell){ .has_target = 1, .has_pct = 1, .pct = pct[r][i] };
	}
}

static void grid_done(struct task_grid *g)
{
	for (size_t r = 0; r < g->nrow; r++)
		free(g->row[r].c);
	free(g->row);
	free(g->col);
}

static void test_score_and_rank(void **state)
{
	(void)state;
	struct task_grid g;
	/* capped at 100: A (100 + 50) / 2 = 75 ranks below B's 100 */
	grid3(&g, 1, 100, 1, 100);
	tasks_score(&g);
	assert_true(g.row[0].score == 75);
	assert_true(g.row[1].score == 100);
	assert_true(g.row[2].score == 50);
	assert_int_equal(g.row[1].rank, 1);
	assert_int_equal(g.row[0].rank, 2);
	assert_int_equal(g.row[2].rank, 3);
	assert_false(g.row[3].has_score);         /* outside the ranking */
	assert_int_equal(g.row[3].rank, 0);
	grid_done(&g);
	/* the year's rules let the first task count to 200: A (200 + 50) / 2 = 125 is first */
	grid3(&g, 1, 200, 1, 100);
	tasks_score(&g);
	assert_true(g.row[0].score == 125);
	assert_int_equal(g.row[0].rank, 1);
	assert_int_equal(g.row[1].rank, 2);
	grid_done(&g);
	/* weights: the second task three times the first; A (100 + 3*50) / 4 = 62.5 */
	grid3(&g, 1, 100, 3, 100);
	tasks_score(&g);
	assert_true(g.row[0].score == 62.5);
	assert_true(g.row[2].score == 50);
	grid_done(&g);
	/* ties share a rank; the next comes after both */
	grid3(&g, 1, 100, 1, 100);
	g.row[0].c[0].pct = 100;
	g.row[0].c[1].pct = 100;
	tasks_score(&g);
	assert_int_equal(g.row[0].rank, 1);
	assert_int_equal(g.row[1].rank, 1);
	assert_int_equal(g.row[2].rank, 3);
	/* a task without an actual counts 0 */
	g.row[2].c[1].has_pct = 0;
	tasks_score(&g);
	assert_true(g.row[2].score == 25);
	grid_done(&g);
}

static size_t row_of(const struct task_grid *g, const char *name, int outside)
{
	for (size_t r = 0; r < g->nrow; r++)
		if (strcmp(g->row[r].region, name) == 0 && g->row[r].outside == outside)
			return r;
	fail_msg("no row %s", name);
	return 0;
}

static size_t col_of(const struct task_grid *g, const char *code)
{
	for (size_t i = 0; i < g->ncol; i++)
		if (strcmp(g->col[i].code, code) == 0)
			return i;
	fail_msg("no task %s", code);
	return 0;
}

static void test_grid_jingdezhen(void **state)
{
	(void)state;
	struct db *db = coop_db("grid.db");
	struct task_grid g;
	char *err = NULL;
	/* 2023: the yearly duties, counted */
	assert_int_equal(tasks_load(db, 2023, 2023, 2023, &g, &err), ST_OK);
	size_t fl = row_of(&g, "浮梁县", 0), lp = row_of(&g, "乐平市", 0);
	size_t ind = col_of(&g, "industrialise"), tal = col_of(&g, "talent"), fo = col_of(&g, "foreign");
	assert_true(g.row[fl].c[ind].actual == 1 && g.row[fl].c[ind].target == 2);
	assert_true(g.row[fl].c[ind].pct == 50);
	assert_true(g.row[fl].c[ind].has_last && g.row[fl].c[ind].last == 1);   /* 项目三, 2022 */
	assert_true(g.row[fl].c[tal].actual == 2);
	assert_true(g.row[fl].c[fo].actual == 2);
	assert_false(g.row[fl].c[fo].met);
	/* 浮梁县 (50, 20, 40: 36.7) ranks above 乐平市 (0) */
	assert_true(g.row[fl].score > g.row[lp].score);
	assert_int_equal(g.row[fl].rank, 1);
	assert_int_equal(g.row[lp].rank, 2);
	assert_false(g.has_totals);            /* 000 adds nothing up */
	tasks_free(&g);
	/* the span: long-term partners signed 2023-2025, platforms approved */
	assert_int_equal(tasks_load(db, 2023, 2025, 2025, &g, &err), ST_OK);
	fl = row_of(&g, "浮梁县", 0);
	size_t ltp = col_of(&g, "ltp"), pl = col_of(&g, "platform");
	assert_true(g.row[fl].c[ltp].actual == 1);
	assert_true(g.row[fl].c[pl].actual == 4);
	assert_true(g.row[fl].c[pl].met);
	/* the records behind the cell */
	const struct profile *p;
	long long *ids;
	size_t n;
	assert_int_equal(tasks_cell_records(db, &g, fl, pl, &p, &ids, &n, &err), ST_OK);
	assert_string_equal(p->table, "platform");
	assert_int_equal(n, 4);
	free(ids);
	tasks_free(&g);
	/* a weight of the year: only the talent task counts in 2023 */
	exec(db, "INSERT INTO task_weight (task_id, year, weight) SELECT id, 2023, 0 FROM task"
	         " WHERE code IN ('industrialise', 'foreign');");
	assert_int_equal(tasks_load(db, 2023, 2023, 2023, &g, &err), ST_OK);
	fl = row_of(&g, "浮梁县", 0);
	assert_true(g.row[fl].score == 20);
	tasks_free(&g);
	db_close(db);
}

static void test_grid_kunshan(void **state)
{
	(void)state;
	struct db *db = fresh_db("ks.db", "kunshan");
	struct task_grid g;
	char *err = NULL;
	assert_int_equal(tasks_load(db, 2016, 2020, 2017, &g, &err), ST_OK);
	/* 附件2: 人才团队 counts teams, a task of its own beside 引进人才数 (persons) */
	size_t team = col_of(&g, "team"), carrier = col_of(&g, "carrier");
	assert_string_equal(g.col[team].unit, "个");
	assert_null(g.col[team].counter);           /* entered by the 区镇 */
	assert_true(g.has_totals);
	assert_true(g.tot[team].target == 40);
	assert_true(g.tot[carrier].target == 25);
	/* the city departments' row: outside the totals and the ranking */
	size_t dept = row_of(&g, "昆山市", 1);
	assert_non_null(strstr(g.row[dept].responsible, "招商中心"));
	assert_true(g.row[dept].c[team].target == 20);
	assert_false(g.row[dept].has_score);
	/* 开发区: 载体 5, of which a provincial-or-higher key lab */
	size_t kfq = row_of(&g, "开发区", 0);
	assert_string_equal(g.row[kfq].c[carrier].sub_name, "省级以上重点实验室");
	tasks_free(&g);
	/* five platforms approved but no key lab: the cell is not reached */
	exec(db, "INSERT INTO platform (name, kind, level, region_id, approved_on) SELECT '平台' || n,"
	         " '技术创新中心', 'provincial', (SELECT id FROM region WHERE code = 'ks-kfq'), '2017-05-01'"
	         " FROM (SELECT 1 n UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5);");
	assert_int_equal(tasks_load(db, 2016, 2020, 2017, &g, &err), ST_OK);
	kfq = row_of(&g, "开发区", 0);
	assert_true(g.row[kfq].c[carrier].actual == 5);
	assert_true(g.row[kfq].c[carrier].pct == 100);
	assert_false(g.row[kfq].c[carrier].met);
	tasks_free(&g);
	exec(db, "INSERT INTO platform (name, kind, level, region_id, approved_on) VALUES ('实验室',"
	         " '省级重点实验室', 'provincial', (SELECT id FROM region WHERE code = 'ks-kfq'), '2017-06-01')");
	assert_int_equal(tasks_load(db, 2016, 2020, 2017, &g, &err), ST_OK);
	kfq = row_of(&g, "开发区", 0);
	assert_true(g.row[kfq].c[carrier].met);
	assert_true(g.row[kfq].c[carrier].sub_actual == 1);
	tasks_free(&g);
	/* an entered task: the 区镇's yearly figures add up over the span */
	exec(db, "INSERT INTO task_actual (task_id, region_id, period, period_end, value) VALUES"
	         " ((SELECT id FROM task WHERE code = 'team'), (SELECT id FROM region WHERE code = 'ks-kfq'), '2016', '2016-12-31', 2),"
	         " ((SELECT id FROM task WHERE code = 'team'), (SELECT id FROM region WHERE code = 'ks-kfq'), '2017', '2017-12-31', 3),"
	         " ((SELECT id FROM task WHERE code = 'team'), (SELECT id FROM region WHERE code = 'ks-kfq'), '2018', '2018-12-31', 4);");
	assert_int_equal(tasks_load(db, 2016, 2020, 2017, &g, &err), ST_OK);
	kfq = row_of(&g, "开发区", 0);
	assert_true(g.row[kfq].c[team].actual == 5);        /* up to 2017 */
	assert_true(g.row[kfq].c[team].last == 2);          /* a year before */
	assert_true(g.tot[team].actual == 5);
	tasks_free(&g);
	db_close(db);
}

/* 003 附件1's limits, counted in characters: 简介 500, 契合情况 300, 推介计划 200 */
static void test_achievement_lengths(void **state)
{
	(void)state;
	struct db *db = fresh_db("ach.db", "jingdezhen");
	const struct profile *p = profile_find("achievements");
	const char *cols[] = { "summary", "fit", "promotion_plan" };
	const char *names[] = { "简介", "与区镇的契合情况", "推介计划" };
	const int limit[] = { 500, 300, 200 };
	i18n_set(LANG_ZH);              /* the message names the field as the form does */
	for (int k = 0; k < 3; k++) {
		struct record r;
		char *err = NULL;
		struct sbuf b = { 0 };
		int f = record_field(p, cols[k]);
		assert_true(f >= 0);
		assert_int_equal(p->f[f].maxlen, limit[k]);
		for (int i = 0; i < limit[k]; i++)
			sbuf_puts(&b, "字");
		record_init(&r, p);
		record_set(&r, (size_t)record_field(p, "name"), "陶瓷3D打印");
		record_set(&r, (size_t)f, b.s);
		assert_int_equal(record_check(db, &r, &err), ST_OK);     /* exactly the limit */
		sbuf_puts(&b, "多");
		record_set(&r, (size_t)f, b.s);
		assert_int_equal(record_check(db, &r, &err), ST_DATA);   /* one more */
		assert_non_null(strstr(err, names[k]));
		char n[16];
		snprintf(n, sizeof n, "%d", limit[k]);
		assert_non_null(strstr(err, n));
		free(err);
		sbuf_free(&b);
		record_free(&r);
	}
	i18n_set(LANG_EN);
	db_close(db);
}

/* An event's parties: the institute it names among them; an institute's
 * record lists the events it took part in (through the link table), its
 * partnerships and platforms; an event goes with its parties, an
 * institute that took part stays. */
static void test_parties_and_referring(void **state)
{
	(void)state;
	struct db *db = coop_db("parties.db");
	exec(db, "INSERT INTO event (title, held_on, region_id, institute_id) VALUES ('对接会', '2023-11-11',"
	         " (SELECT id FROM region WHERE code = 'jdz-fl'), 2);"
	         "INSERT INTO event_party (event_id, institute_id) SELECT id, 1 FROM event WHERE title = '对接会';");
	long long ev = db_scalar(db, "SELECT id FROM event WHERE title = ?1", "对接会");
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM event_party WHERE event_id = (SELECT id FROM event"
	                                " WHERE title = ?1)", "对接会"), 2);
	/* 清华大学 (1): two partnerships, a platform, three projects, the event, no more */
	struct record_ref *refs;
	size_t n;
	char *err = NULL;
	assert_int_equal(record_referring(db, profile_find("institutes"), 1, &refs, &n, &err), ST_OK);
	int part = 0, plat = 0, proj = 0, evt = 0;
	for (size_t i = 0; i < n; i++) {
		part += strcmp(refs[i].p->table, "partnership") == 0;
		plat += strcmp(refs[i].p->table, "platform") == 0;
		proj += strcmp(refs[i].p->table, "project") == 0;
		if (strcmp(refs[i].p->table, "event") == 0) {
			evt++;
			assert_int_equal(refs[i].id, ev);
		}
	}
	free(refs);
	assert_int_equal(part, 2);
	assert_int_equal(plat, 1);
	assert_int_equal(proj, 3);
	assert_int_equal(evt, 1);
	/* the institute cannot go: the event's party names it */
	struct record r;
	struct record_conflict c;
	assert_int_equal(record_read(db, profile_find("institutes"), 1, &r, &err), ST_OK);
	assert_int_equal(record_delete(db, &r, &c, &err), ST_DATA);
	free(err);
	err = NULL;
	record_free(&r);
	/* the event goes, with its parties */
	assert_int_equal(record_read(db, profile_find("events"), ev, &r, &err), ST_OK);
	assert_int_equal(record_delete(db, &r, &c, &err), ST_OK);
	record_free(&r);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM event_party", NULL), 0);
	db_close(db);
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf %s", tmpdir);
	int rc = system(cmd);
	free(cmd);
	return rc;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counters),
		cmocka_unit_test(test_innovative_shares),
		cmocka_unit_test(test_completion),
		cmocka_unit_test(test_score_and_rank),
		cmocka_unit_test(test_grid_jingdezhen),
		cmocka_unit_test(test_grid_kunshan),
		cmocka_unit_test(test_achievement_lengths),
		cmocka_unit_test(test_parties_and_referring),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
