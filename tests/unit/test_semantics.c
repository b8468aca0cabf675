/* test_semantics.c: what an indicator's figures mean.  Pacing of stocks
 * and flows (quarters, with and without last year's share), the city's
 * figure rolled up from its counties (sum, ratio, none), a register's
 * count beside the official figure unless the register is complete, the
 * sense check of a figure, and the packs' own figures.  Real SQLite files
 * in a temp folder, loaded from the built-in packs. */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/indsem.h"
#include "core/indview.h"
#include "core/pack.h"
#include "core/period.h"
#include "core/regfull.h"
#include "core/region.h"
#include "core/util.h"

static char tmpdir[] = "/tmp/innotrack-sem-XXXXXX";

static struct db *fresh_db(const char *name, const char *pack)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	char *err = NULL;
	struct db *db = NULL;
	unlink(path);
	assert_int_equal(db_open(path, DB_CREATE | DB_MUSTNEW, &db, &err), ST_OK);
	int rc = pack_load(db, pack, &err);
	if (rc != ST_OK)
		fprintf(stderr, "%s\n", err);
	assert_int_equal(rc, ST_OK);
	free(path);
	return db;
}

static struct period per(const char *s)
{
	struct period p;
	assert_int_equal(period_parse(s, &p), 0);
	return p;
}

/* A figure of an indicator (by code) for a region (by name). */
static void put(struct db *db, const char *ind, const char *region, const char *period, double v)
{
	char end[16];
	char *sql = xasprintf("INSERT INTO observation(indicator_id, region_id, period, period_end, value)"
	                      " VALUES ((SELECT id FROM indicator WHERE code = '%s'),"
	                      " (SELECT id FROM region WHERE name = '%s'), '%s', '%s', %.17g)",
	                      ind, region, period, period_end(per(period), end, sizeof end), v);
	assert_int_equal(db_exec(db, sql, NULL), ST_OK);
	free(sql);
}

/* The row of indicator `code` for `region` at period p (loaded afresh). */
static struct ind_row *row_of(struct db *db, struct ind_set *s, const char *code,
                              const char *region, const char *period)
{
	char *err = NULL;
	long long rid = region_find(db, region);
	assert_true(rid > 0);
	assert_int_equal(indview_load(db, per(period), rid, s, &err), ST_OK);
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->rows[i].code, code) == 0)
			return &s->rows[i];
	fail_msg("no row %s for %s", code, region);
	return NULL;
}

/* --- pacing, on rows made by hand ------------------------------------ */

static struct ind_row hand_row(enum ind_nature nature, int target_year, double target,
                               int has_baseline, int baseline_year, double baseline)
{
	struct ind_row r;
	memset(&r, 0, sizeof r);
	r.sem.nature = nature;
	r.has_target = 1;
	r.target.year = target_year;
	r.target.value = target;
	snprintf(r.target.cmp, sizeof r.target.cmp, ">=");
	r.has_baseline = has_baseline;
	r.baseline_year = baseline_year;
	r.baseline = baseline;
	return r;
}

static void assess_at(struct ind_row *r, const char *period, double actual)
{
	r->has_actual = 1;
	r->actual = actual;
	snprintf(r->actual_period, sizeof r->actual_period, "%s", period);
	indview_assess(r, per(period));
}

static void test_pace_stock(void **state)
{
	(void)state;
	/* 200 in 2020 to 400 in 2025: at 2024Q2 the line says 70% */
	struct ind_row r = hand_row(IND_STOCK, 2025, 400, 1, 2020, 200);
	assess_at(&r, "2024Q2", 320);
	assert_true(r.has_expected);
	assert_true(fabs(r.expected_pct - 70.0) < 1e-9);
	assert_true(fabs(r.progress_pct - 60.0) < 1e-9);
	assert_int_equal(r.status, IND_BEHIND);
	/* a stock's level is not a share of a year: Q1 of the target year asks 85% */
	assess_at(&r, "2025Q1", 300);
	assert_true(fabs(r.expected_pct - 85.0) < 1e-9);
	assert_int_equal(r.status, IND_AT_RISK);
	assess_at(&r, "2025Q1", 380);
	assert_int_equal(r.status, IND_ON_TRACK);
	assess_at(&r, "2025Q1", 400);
	assert_int_equal(r.status, IND_MET);
	assert_false(r.has_goal);
}

static void test_pace_flow_quarters(void **state)
{
	(void)state;
	/* 技术市场合同成交额 1-9月 38.6 of a 50 target: 75% of the year gone */
	struct ind_row r = hand_row(IND_FLOW, 2025, 50, 1, 2020, 13.1);
	assess_at(&r, "2025Q3", 38.6);
	assert_true(fabs(r.expected_pct - 75.0) < 1e-9);
	assert_true(fabs(r.progress_pct - 77.2) < 1e-9);
	assert_int_equal(r.status, IND_ON_TRACK);
	assert_false(r.share_last_year);
	/* a quarter's share is a quarter of the year's goal */
	assess_at(&r, "2025Q1", 10);
	assert_true(fabs(r.expected_pct - 25.0) < 1e-9);
	assert_int_equal(r.status, IND_BEHIND);
	assess_at(&r, "2025Q2", 5);
	assert_int_equal(r.status, IND_AT_RISK);
	assess_at(&r, "2025Q4", 50);
	assert_int_equal(r.status, IND_MET);
	assess_at(&r, "2025", 45);
	assert_true(fabs(r.expected_pct - 100.0) < 1e-9);
	assert_int_equal(r.status, IND_BEHIND);
	/* a year before the target's: that year's goal on the line from the
	 * baseline, 13.1 + 36.9 * 4/5 = 42.62 for 2024 */
	assess_at(&r, "2024Q2", 20);
	assert_true(fabs(r.goal - 42.62) < 1e-9);
	assert_int_equal(r.goal_year, 2024);
	char *note = indview_note(&r);
	assert_non_null(strstr(note, "the goal for 2024 is 42.62"));
	free(note);
	assert_true(fabs(r.expected_pct - 50.0) < 1e-9);
	assert_true(fabs(r.progress_pct - 100.0 * 20 / 42.62) < 1e-9);
	assert_int_equal(r.status, IND_BEHIND);
	/* no baseline: the target is the year's goal */
	struct ind_row n = hand_row(IND_FLOW, 2023, 80, 0, 0, 0);
	assess_at(&n, "2023Q2", 41);
	assert_true(fabs(n.goal - 80) < 1e-9);
	assert_int_equal(n.status, IND_ON_TRACK);
}

static void test_pace_flow_last_year(void **state)
{
	(void)state;
	/* last year 60% of the amount came by the end of Q3: 62% is on track */
	struct ind_row r = hand_row(IND_FLOW, 2025, 50, 1, 2020, 13.1);
	r.has_last_share = 1;
	r.last_share = 0.6;
	assess_at(&r, "2025Q3", 31);
	assert_true(r.share_last_year);
	assert_true(fabs(r.expected_pct - 60.0) < 1e-9);
	assert_int_equal(r.status, IND_ON_TRACK);
	/* without it the same figure is behind the 75% of the year gone */
	r.has_last_share = 0;
	assess_at(&r, "2025Q3", 31);
	assert_false(r.share_last_year);
	assert_true(fabs(r.expected_pct - 75.0) < 1e-9);
	assert_int_equal(r.status, IND_BEHIND);
	/* a whole year's figure takes the whole year, whatever last year did */
	r.has_last_share = 1;
	assess_at(&r, "2025", 50);
	assert_true(fabs(r.expected_pct - 100.0) < 1e-9);
	assert_int_equal(r.status, IND_MET);
}

/* Last year's share read from the figures, and the flow paced by it. */
static void test_flow_share_from_figures(void **state)
{
	(void)state;
	struct db *db = fresh_db("share.db", "jingdezhen");
	struct ind_set s;
	put(db, "tech_contract", "景德镇市", "2025Q3", 38.6);
	struct ind_row *r = row_of(db, &s, "tech_contract", "景德镇市", "2025Q3");
	assert_true(fabs(r->expected_pct - 75.0) < 1e-9);
	assert_int_equal(r->status, IND_ON_TRACK);
	indview_free(&s);
	put(db, "tech_contract", "景德镇市", "2024Q3", 36);
	put(db, "tech_contract", "景德镇市", "2024", 40);
	r = row_of(db, &s, "tech_contract", "景德镇市", "2025Q3");
	assert_true(r->share_last_year);
	assert_true(fabs(r->expected_pct - 90.0) < 1e-9);
	assert_int_equal(r->status, IND_BEHIND);
	char *note = indview_note(r);
	assert_non_null(note);
	assert_non_null(strstr(note, "last year's share"));
	free(note);
	indview_free(&s);
	/* a report for the whole year paces a 1-9月 figure by its own quarter */
	r = row_of(db, &s, "tech_contract", "景德镇市", "2025");
	assert_string_equal(r->actual_period, "2025Q3");
	assert_true(fabs(r->expected_pct - 90.0) < 1e-9);
	indview_free(&s);
	db_close(db);
}

/* --- roll-up ------------------------------------------------------------ */

static void test_rollup_sum(void **state)
{
	(void)state;
	struct db *db = fresh_db("sum.db", "jingdezhen");
	struct ind_set s;
	put(db, "tech_contract", "乐平市", "2025Q3", 10);
	put(db, "tech_contract", "浮梁县", "2025Q3", 5);
	put(db, "tech_contract", "昌江区", "2025Q3", 6);
	/* one county short: no sum (a part is not the city's figure) */
	struct ind_row *r = row_of(db, &s, "tech_contract", "景德镇市", "2025Q3");
	assert_false(r->has_actual);
	assert_int_equal(r->status, IND_NO_DATA);
	indview_free(&s);
	/* every county: their sum, marked; the park lies inside them */
	put(db, "tech_contract", "珠山区", "2025Q3", 7.5);
	put(db, "tech_contract", "高新区", "2025Q3", 100);
	r = row_of(db, &s, "tech_contract", "景德镇市", "2025Q3");
	assert_true(r->has_actual);
	assert_true(r->actual_rolled);
	assert_int_equal(r->rolled_from, 4);
	assert_true(fabs(r->actual - 28.5) < 1e-9);
	assert_string_equal(r->actual_period, "2025Q3");
	assert_string_equal(indview_mark(r), "Σ");
	assert_true(fabs(r->expected_pct - 75.0) < 1e-9);
	indview_free(&s);
	/* the city's own figure stands over the sum */
	put(db, "tech_contract", "景德镇市", "2025Q3", 38.6);
	r = row_of(db, &s, "tech_contract", "景德镇市", "2025Q3");
	assert_false(r->actual_rolled);
	assert_true(fabs(r->actual - 38.6) < 1e-9);
	assert_string_equal(indview_mark(r), "");
	indview_free(&s);
	db_close(db);
}

/* A county-level city's 区镇 (zones and towns) divide it: all of them. */
static void test_rollup_sum_zones_and_towns(void **state)
{
	(void)state;
	struct db *db = fresh_db("ks.db", "kunshan");
	struct ind_set s;
	sqlite3_stmt *st = db_prepare(db, "SELECT name FROM region WHERE parent_id IS NOT NULL", NULL);
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		put(db, "joint_prov_labs", (const char *)sqlite3_column_text(st, 0), "2020", 1);
		n++;
	}
	sqlite3_finalize(st);
	assert_int_equal(n, 11);
	struct ind_row *r = row_of(db, &s, "joint_prov_labs", "昆山市", "2020");
	assert_true(r->actual_rolled);
	assert_int_equal(r->rolled_from, 11);
	assert_true(fabs(r->actual - 11) < 1e-9);
	indview_free(&s);
	db_close(db);
}

static void test_rollup_ratio_and_none(void **state)
{
	(void)state;
	struct db *db = fresh_db("ratio.db", "jingdezhen");
	struct ind_set s;
	put(db, "rd_spend", "乐平市", "2025", 5);
	put(db, "rd_spend", "浮梁县", "2025", 3);
	put(db, "rd_spend", "昌江区", "2025", 4);
	put(db, "rd_spend", "珠山区", "2025", 6);
	/* the numerator known, the denominator not: no ratio */
	struct ind_row *r = row_of(db, &s, "rd_gdp", "景德镇市", "2025");
	assert_false(r->has_actual);
	indview_free(&s);
	/* the city's GDP reported, its R&D spending summed: 18 / 1200 = 1.5% */
	put(db, "gdp", "景德镇市", "2025", 1200);
	r = row_of(db, &s, "rd_gdp", "景德镇市", "2025");
	assert_true(r->has_actual);
	assert_true(r->actual_rolled);
	assert_int_equal(r->rolled_from, 0);
	assert_true(fabs(r->actual - 1.5) < 1e-9);
	char *note = indview_note(r);
	assert_non_null(strstr(note, "全社会研发经费支出"));
	assert_non_null(strstr(note, "地区生产总值"));
	free(note);
	indview_free(&s);
	/* a per-head figure is not summed: 万人R&D人员数 stays without one */
	put(db, "rd_staff", "乐平市", "2025", 5);
	put(db, "rd_staff", "浮梁县", "2025", 3);
	put(db, "rd_staff", "昌江区", "2025", 4);
	put(db, "rd_staff", "珠山区", "2025", 6);
	r = row_of(db, &s, "rd_staff", "景德镇市", "2025");
	assert_false(r->has_actual);
	assert_int_equal(r->status, IND_NO_DATA);
	indview_free(&s);
	db_close(db);
}

/* --- a register's count beside the official figure ---------------------- */

static void add_firms(struct db *db, const char *region, int n)
{
	for (int i = 0; i < n; i++) {
		char *sql = xasprintf("INSERT INTO enterprise(uscc, name, region_id, tier, hte_cert_date)"
		                      " VALUES ('T%s%03d', '%s企业%d',"
		                      " (SELECT id FROM region WHERE name = '%s'), 'high_tech', '2024-06-01')",
		                      region, i, region, i, region);
		assert_int_equal(db_exec(db, sql, NULL), ST_OK);
		free(sql);
	}
}

static void test_register_partial_and_complete(void **state)
{
	(void)state;
	struct db *db = fresh_db("reg.db", "jingdezhen");
	struct ind_set s;
	char *err = NULL;
	add_firms(db, "乐平市", 8);
	/* eight firms of one county: the city's figure is not 8 */
	struct ind_row *r = row_of(db, &s, "hte", "景德镇市", "2025Q3");
	assert_true(r->has_counted);
	assert_true(fabs(r->counted - 8) < 1e-9);
	assert_false(r->register_full);
	assert_false(r->has_actual);
	assert_int_equal(r->status, IND_NO_DATA);
	indview_free(&s);
	/* the official figure stands, the count beside it */
	put(db, "hte", "景德镇市", "2025Q2", 262);
	r = row_of(db, &s, "hte", "景德镇市", "2025Q3");
	assert_true(fabs(r->actual - 262) < 1e-9);
	assert_false(r->actual_counted);
	assert_string_equal(indview_mark(r), "!");
	assert_true(fabs(r->progress_pct - 62.0) < 1e-9);    /* (262 - 200) / (300 - 200) */
	indview_free(&s);
	/* complete for 乐平市 only: there the count stands, not for the city */
	long long lp = region_find(db, "乐平市"), city = region_find(db, "景德镇市");
	assert_int_equal(db_begin_write(db, &err), ST_OK);
	assert_int_equal(regfull_mark(db, "enterprises", lp, "2025-01-01", 1, 0, &err), ST_OK);
	assert_int_equal(db_commit(db, &err), ST_OK);
	r = row_of(db, &s, "hte", "乐平市", "2025Q3");
	assert_true(r->actual_counted);
	assert_true(fabs(r->actual - 8) < 1e-9);
	indview_free(&s);
	r = row_of(db, &s, "hte", "景德镇市", "2025Q3");
	assert_false(r->actual_counted);
	assert_true(fabs(r->actual - 262) < 1e-9);
	indview_free(&s);
	/* before the mark's day the register was not known complete */
	r = row_of(db, &s, "hte", "乐平市", "2024Q4");
	assert_false(r->actual_counted);
	indview_free(&s);
	/* complete for the city: the count stands, the official figure noted */
	assert_int_equal(regfull_set(db, "enterprises", "景德镇市", "2025-06-30", 1, &err), ST_OK);
	r = row_of(db, &s, "hte", "景德镇市", "2025Q3");
	assert_true(r->actual_counted);
	assert_true(r->has_official);
	assert_true(fabs(r->actual - 8) < 1e-9);
	assert_string_equal(indview_mark(r), "#");
	indview_free(&s);
	/* a clerk takes it back */
	assert_int_equal(regfull_set(db, "enterprises", "景德镇市", "2025-07-01", 0, &err), ST_OK);
	r = row_of(db, &s, "hte", "景德镇市", "2025Q3");
	assert_false(r->actual_counted);
	assert_true(fabs(r->actual - 262) < 1e-9);
	indview_free(&s);
	/* every region below the city complete: the city is too */
	assert_int_equal(regfull_is(db, "enterprises", city, "2025-09-30"), 0);
	const char *kids[] = { "浮梁县", "昌江区", "珠山区", "高新区", "昌南新区" };
	for (size_t i = 0; i < sizeof kids / sizeof kids[0]; i++)
		assert_int_equal(regfull_set(db, "enterprises", kids[i], "2025-01-01", 1, &err), ST_OK);
	assert_int_equal(db_exec(db, "DELETE FROM register_complete WHERE region_id = "
	                         "(SELECT id FROM region WHERE name = '景德镇市')", NULL), ST_OK);
	assert_int_equal(regfull_is(db, "enterprises", city, "2025-09-30"), 1);
	assert_int_equal(regfull_set(db, "bogus", "景德镇市", NULL, 1, &err), ST_USAGE);
	assert_int_equal(regfull_set(db, "enterprises", "景德镇市", "2025-13-01", 1, &err), ST_USAGE);
	free(err);
	db_close(db);
}

/* --- the sense check of a figure ----------------------------------------- */

static void test_value_check(void **state)
{
	(void)state;
	struct db *db = fresh_db("check.db", "jingdezhen");
	long long hte = db_scalar(db, "SELECT id FROM indicator WHERE code = ?1", "hte");
	long long rd = db_scalar(db, "SELECT id FROM indicator WHERE code = ?1", "rd_gdp");
	long long tc = db_scalar(db, "SELECT id FROM indicator WHERE code = ?1", "tech_contract");
	long long rank = db_scalar(db, "SELECT id FROM indicator WHERE code = ?1", "sti_rank");
	char *m;
	assert_null(indicator_value_check(db, hte, 262));
	assert_non_null(m = indicator_value_check(db, hte, -5));
	free(m);
	assert_non_null(m = indicator_value_check(db, hte, 46.5));
	free(m);
	assert_null(indicator_value_check(db, rd, 2.2));
	assert_non_null(m = indicator_value_check(db, rd, 120));
	free(m);
	assert_null(indicator_value_check(db, tc, 38.6));
	assert_non_null(m = indicator_value_check(db, tc, 1e300));
	free(m);
	assert_non_null(m = indicator_value_check(db, tc, INFINITY));
	free(m);
	assert_non_null(m = indicator_value_check(db, rank, 0));
	free(m);
	/* a percent that allows more than 100 says so by its range */
	struct ind_sem sem = { .percent = 1, .has_min = 1, .min = 0, .has_max = 1, .max = 500 };
	assert_null(indsem_check(&sem, 250));
	sem.has_max = 0;
	assert_null(indsem_check(&sem, 250));
	struct ind_sem plain = { .percent = 1 };
	assert_non_null(m = indsem_check(&plain, 101));
	free(m);
	assert_non_null(m = indsem_check(&plain, -1));
	free(m);
	db_close(db);
}

/* --- the packs' own figures ---------------------------------------------- */

static void test_pack_figures(void **state)
{
	(void)state;
	struct db *db = fresh_db("packs.db", "jingdezhen");
	struct ind_set s;
	/* the 2023 plan's 高新区 targets are 高新区's */
	struct ind_row *r = row_of(db, &s, "hz_revenue", "高新区", "2025");
	assert_true(r->has_target);
	assert_true(fabs(r->target.value - 1100) < 1e-9);
	assert_int_equal(r->sem.nature, IND_FLOW);
	indview_free(&s);
	r = row_of(db, &s, "hz_rd_ratio", "高新区", "2025");
	assert_true(r->has_target);
	assert_true(fabs(r->target.value - 1.6) < 1e-9);
	indview_free(&s);
	r = row_of(db, &s, "hz_revenue", "景德镇市", "2025");
	assert_false(r->has_target);
	indview_free(&s);
	/* the plan states no 2020 baselines: 002's, named as their source */
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM target t JOIN policy_doc d"
	                           " ON d.id = t.doc_id WHERE d.code = ?1 AND t.baseline IS NOT NULL",
	                           "jk2023-plan"), 0);
	const char *codes[] = { "rd_gdp", "tech_contract", "hte", "tsme" };
	for (size_t i = 0; i < 4; i++) {
		r = row_of(db, &s, codes[i], "景德镇市", "2025");
		assert_true(r->has_baseline);
		assert_int_equal(r->baseline_year, 2020);
		assert_string_equal(r->target.source, "科技兴赣六大行动景德镇实施方案(2023)");
		assert_string_equal(r->baseline_source, "景科字〔2022〕49号");
		indview_free(&s);
	}
	/* every indicator's roll-up names indicators that exist */
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM indicator i WHERE rollup = 'ratio' AND"
	                           " (NOT EXISTS (SELECT 1 FROM indicator n WHERE i.numerator IN (n.code, n.name))"
	                           " OR NOT EXISTS (SELECT 1 FROM indicator d WHERE i.denominator IN (d.code, d.name)))",
	                           NULL), 0);
	db_close(db);
	/* Kunshan: teams (个, 附件2) and persons (人, 附件3) are two tasks */
	db = fresh_db("kunshan.db", "kunshan");
	char *unit = db_text_of(db, "SELECT unit FROM task WHERE id = ?1",
	                        db_scalar(db, "SELECT id FROM task WHERE name = ?1", "人才团队"));
	assert_string_equal(unit, "个");
	free(unit);
	unit = db_text_of(db, "SELECT unit FROM task WHERE id = ?1",
	                  db_scalar(db, "SELECT id FROM task WHERE name = ?1", "引进人才数"));
	assert_string_equal(unit, "人");
	free(unit);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM task_target t JOIN task k ON k.id = t.task_id"
	                           " WHERE k.code = ?1 AND t.year_from = 2017", "team"), 0);
	assert_int_equal(db_scalar(db, "SELECT sum(value) FROM task_target t JOIN task k ON k.id = t.task_id"
	                           " WHERE k.code = ?1 AND t.year_from = 2017", "talent"), 16);
	assert_int_equal(db_scalar(db, "SELECT sum(value) FROM task_target t JOIN task k ON k.id = t.task_id"
	                           " WHERE k.code = ?1 AND t.year_from = 2016 AND NOT t.outside_total", "team"), 40);
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
	i18n_set(LANG_EN);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pace_stock),
		cmocka_unit_test(test_pace_flow_quarters),
		cmocka_unit_test(test_pace_flow_last_year),
		cmocka_unit_test(test_flow_share_from_figures),
		cmocka_unit_test(test_rollup_sum),
		cmocka_unit_test(test_rollup_sum_zones_and_towns),
		cmocka_unit_test(test_rollup_ratio_and_none),
		cmocka_unit_test(test_register_partial_and_complete),
		cmocka_unit_test(test_value_check),
		cmocka_unit_test(test_pack_figures),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
