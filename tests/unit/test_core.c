/* test_core.c: unit tests of core/ on real SQLite files in a temp folder. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/csvread.h"
#include "core/dataset.h"
#include "core/edit.h"
#include "core/db_internal.h"
#include "core/fold.h"
#include "core/i18n.h"
#include "core/i18n_table.h"
#include "core/indview.h"
#include "core/pack.h"
#include "core/period.h"
#include "core/region.h"
#include "core/util.h"

static char tmpdir[] = "/tmp/innotrack-unit-XXXXXX";

static char *tmp_path(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

/* A fresh database from a pack; NULL pack for an empty one. */
static struct db *fresh_db(const char *name, const char *pack)
{
	char *path = tmp_path(name);
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

/* --- period --------------------------------------------------------- */

static void test_period_parse(void **state)
{
	(void)state;
	struct period p;
	char buf[16];
	assert_int_equal(period_parse("2025", &p), 0);
	assert_string_equal(period_format(p, buf, sizeof buf), "2025");
	assert_int_equal(period_parse("2025Q3", &p), 0);
	assert_string_equal(period_format(p, buf, sizeof buf), "2025Q3");
	assert_int_equal(period_parse("2025年第三季度", &p), 0);
	assert_int_equal(p.quarter, 3);
	assert_int_equal(period_parse("2025-09", &p), 0);
	assert_int_equal(p.quarter, 3);
	assert_int_equal(period_parse("2025年11月", &p), 0);
	assert_int_equal(p.quarter, 4);
	assert_int_equal(period_parse("2025年", &p), 0);
	assert_int_equal(p.quarter, 0);
	assert_int_equal(period_parse("2025Q5", &p), -1);
	assert_int_equal(period_parse("25", &p), -1);
	assert_int_equal(period_parse("2025-13", &p), -1);
	assert_int_equal(period_parse("abc", &p), -1);
	period_parse("2025Q3", &p);
	assert_string_equal(period_end(p, buf, sizeof buf), "2025-09-30");
	p = period_step(p, 2);
	assert_string_equal(period_format(p, buf, sizeof buf), "2026Q1");
	p = period_step(p, -1);
	assert_string_equal(period_format(p, buf, sizeof buf), "2025Q4");
}

static void test_period_elapsed(void **state)
{
	(void)state;
	struct period p = { 2023, 0 };
	assert_true(period_elapsed(p, 2020, 2025) > 0.59 && period_elapsed(p, 2020, 2025) < 0.61);
	p.quarter = 2;
	assert_true(period_elapsed(p, 2020, 2025) > 0.49 && period_elapsed(p, 2020, 2025) < 0.51);
	p.year = 2030;
	assert_true(period_elapsed(p, 2020, 2025) == 1.0);
	p.year = 2019;
	assert_true(period_elapsed(p, 2020, 2025) == 0.0);
}

/* --- fold ----------------------------------------------------------- */

static void test_fold(void **state)
{
	(void)state;
	char *f = fold_name(" Ｒ＆Ｄ　投入 ");
	assert_string_equal(f, "r&d投入");
	assert_true(fold_match(f, "R&D投入", NULL));
	free(f);
	f = fold_name("乐平");
	assert_true(fold_match(f, "乐平市", "乐平|乐平县级市"));
	assert_false(fold_match(f, "浮梁县", "浮梁"));
	free(f);
}

/* --- csvread -------------------------------------------------------- */

struct rows {
	int  n;
	long line[8], line_end[8];
	char first[8][64];
	size_t nf[8];
};

static int collect(const struct csv_row *r, void *ctx)
{
	struct rows *rs = ctx;
	if (rs->n < 8) {
		rs->line[rs->n] = r->line;
		rs->line_end[rs->n] = r->line_end;
		snprintf(rs->first[rs->n], 64, "%s", r->f[0] ? r->f[0] : "(null)");
		rs->nf[rs->n] = r->n;
	}
	rs->n++;
	return 0;
}

static void test_csv_lines(void **state)
{
	(void)state;
	/* BOM, CRLF, a blank line, a quoted field over two lines */
	const char in[] = "\xEF\xBB\xBFname,v\r\n\r\n\"a\r\nb\",1\r\nc,\"x,y\"\r\nd,2";
	struct rows rs = { 0 };
	char *err = NULL;
	assert_int_equal(csvread_mem(in, sizeof in - 1, collect, &rs, &err), 0);
	assert_int_equal(rs.n, 4);
	assert_string_equal(rs.first[0], "name");
	assert_int_equal(rs.line[0], 1);
	assert_string_equal(rs.first[1], "a\nb");       /* CRLF inside quotes -> LF */
	assert_int_equal(rs.line[1], 3);
	assert_int_equal(rs.line_end[1], 4);
	assert_string_equal(rs.first[2], "c");
	assert_int_equal(rs.line[2], 5);
	assert_int_equal(rs.nf[2], 2);
	assert_int_equal(rs.line[3], 6);
}

static void test_csv_open_quote(void **state)
{
	(void)state;
	const char in[] = "a,b\n1,\"never closed\n2,3\n";
	struct rows rs = { 0 };
	char *err = NULL;
	assert_int_equal(csvread_mem(in, sizeof in - 1, collect, &rs, &err), -1);
	assert_non_null(err);
	assert_non_null(strstr(err, "line 2"));
	free(err);
}

/* --- db ------------------------------------------------------------- */

static void test_db_refuses_newer_schema(void **state)
{
	(void)state;
	struct db *db = fresh_db("newer.db", NULL);
	char *err = NULL;
	assert_int_equal(db_schema_version(db), db_schema_latest());
	assert_int_equal(db_exec(db, "PRAGMA user_version = 999", &err), ST_OK);
	char *path = xstrdup(db->path);
	db_close(db);
	assert_int_equal(db_open(path, 0, &db, &err), ST_DB);
	assert_non_null(strstr(err, "newer"));
	free(err);
	free(path);
}

static void test_db_settings(void **state)
{
	(void)state;
	struct db *db = fresh_db("settings.db", NULL);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db->h, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	assert_int_equal(db_scalar(db, "PRAGMA foreign_keys", NULL), 1);
	char *err = NULL;
	struct db *again = NULL;
	assert_int_equal(db_open(db->path, DB_CREATE | DB_MUSTNEW, &again, &err), ST_DB);
	assert_non_null(strstr(err, "will not overwrite"));
	free(err);
	db_close(db);
}

static void test_db_wait_minutes(void **state)
{
	(void)state;
	assert_true(db_parse_minutes("10") == 600);
	assert_true(db_parse_minutes("0.5") == 30);
	assert_true(db_parse_minutes("0") == 0);
	assert_true(db_parse_minutes("-1") < 0);
	assert_true(db_parse_minutes("ten") < 0);
	assert_true(db_parse_minutes("") < 0);
	assert_true(db_parse_minutes(NULL) < 0);
}

/* Only init makes a ledger of an empty file; a reader never writes, and
 * a file replaced under an open handle is noticed before a write. */
static void test_db_open_guards(void **state)
{
	(void)state;
	char *path = tmp_path("guard.db"), *err = NULL;
	struct db *db = NULL;
	FILE *f = fopen(path, "w");
	fclose(f);
	assert_int_equal(db_open(path, 0, &db, &err), ST_DB);
	assert_non_null(strstr(err, "empty"));
	free(err);
	err = NULL;
	assert_int_equal(db_open(path, DB_CREATE | DB_MUSTNEW, &db, &err), ST_OK);
	db_close(db);
	assert_int_equal(db_open(path, DB_READONLY, &db, &err), ST_OK);
	assert_int_equal(db_begin_write(db, &err), ST_DB);
	assert_non_null(strstr(err, "reading only"));
	free(err);
	err = NULL;
	db_close(db);
	assert_int_equal(db_open(path, 0, &db, &err), ST_OK);
	assert_int_equal(db_begin_write(db, &err), ST_OK);
	db_rollback(db);
	char *moved = tmp_path("guard-moved.db");
	assert_int_equal(rename(path, moved), 0);
	assert_int_equal(db_begin_write(db, &err), ST_DB);
	assert_non_null(strstr(err, "deleted or replaced"));
	free(err);
	assert_int_equal(rename(moved, path), 0);
	db_close(db);
	free(moved);
	free(path);
}

/* --- packs ---------------------------------------------------------- */

static void test_packs_load(void **state)
{
	(void)state;
	for (int i = 0; pack_names[i]; i++) {
		char *name = xasprintf("%s.db", pack_names[i]);
		struct db *db = fresh_db(name, pack_names[i]);
		assert_true(db_scalar(db, "SELECT count(*) FROM region", NULL) > 5);
		assert_true(region_top(db) > 0);
		db_close(db);
		free(name);
	}
}

static void test_kunshan_totals(void **state)
{
	(void)state;
	struct db *db = fresh_db("ks.db", "kunshan");
	/* 003 附件2: 300 projects, 附件3: 98 in 2017 */
	assert_int_equal(db_scalar(db, "SELECT sum(value) FROM task_target t JOIN task k ON k.id = t.task_id"
	                                " WHERE k.name LIKE '%项目%' AND year_from = 2016 AND year_to = 2020",
	                           NULL), 300);
	assert_int_equal(db_scalar(db, "SELECT count(DISTINCT region_id) FROM task_target"
	                                " WHERE outside_total = 0", NULL), 11);
	/* the city departments' row of 附件2, outside the totals */
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM task_target t JOIN region r ON r.id = t.region_id"
	                                " WHERE outside_total = 1 AND r.code = 'ks'", NULL), 3);
	db_close(db);
}

static void test_pack_bad_folder(void **state)
{
	(void)state;
	char *dir = tmp_path("badpack");
	char *cmd = xasprintf("mkdir -p %s && cp %s/assets/packs/jingdezhen/*.csv %s/ && "
	                      "printf 'gdp,R&D,%%%%,x,upward,percent,,,\\n' >> %s/indicators.csv",
	                      dir, getenv("top_srcdir") ? getenv("top_srcdir") : ".", dir, dir);
	assert_int_equal(system(cmd), 0);
	struct db *db = fresh_db("badpack.db", NULL);
	char *err = NULL;
	assert_int_equal(pack_load(db, dir, &err), ST_DATA);
	assert_non_null(strstr(err, "indicators.csv:"));
	assert_non_null(strstr(err, "column 5 direction"));
	assert_non_null(strstr(err, "upward"));
	/* nothing kept */
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM region", NULL), 0);
	free(err);
	free(cmd);
	free(dir);
	db_close(db);
}

/* A pack's file goes through the importer: its messages, nothing kept. */
static void test_pack_bad_region_kind(void **state)
{
	(void)state;
	char *dir = tmp_path("badkind");
	char *cmd = xasprintf("mkdir -p %s && cp %s/assets/packs/jingdezhen/*.csv %s/ && "
	                      "sed -i '3s/,county_city,/,metropolis,/' %s/regions.csv && "
	                      "sed -n 3p %s/regions.csv | grep -q metropolis",
	                      dir, getenv("top_srcdir") ? getenv("top_srcdir") : ".", dir, dir, dir);
	assert_int_equal(system(cmd), 0);
	struct db *db = fresh_db("badkind.db", NULL);
	char *err = NULL;
	assert_int_equal(pack_load(db, dir, &err), ST_DATA);
	assert_non_null(strstr(err, "regions.csv:3: column 3 kind: "));
	assert_non_null(strstr(err, "metropolis"));
	/* nothing kept, and no batch recorded */
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM region", NULL), 0);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM import_batch", NULL), 0);
	/* (the ledger's first admin is in the audit from its creation) */
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM audit WHERE tbl <> 'app_user'", NULL), 0);
	free(err);
	free(cmd);
	free(dir);
	db_close(db);
}

/* --- indicator view ------------------------------------------------- */

static const struct ind_row *find_row(const struct ind_set *s, const char *name)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->rows[i].name, name) == 0)
			return &s->rows[i];
	return NULL;
}

static void observe(struct db *db, const char *indicator, const char *period, double v)
{
	struct period p;
	char end[16], *err = NULL;
	assert_int_equal(period_parse(period, &p), 0);
	sqlite3_stmt *st = db_prepare(db,
	    "INSERT INTO observation(indicator_id, region_id, period, period_end, value)"
	    " VALUES ((SELECT id FROM indicator WHERE name = ?), ?, ?, ?, ?)", &err);
	assert_non_null(st);
	sqlite3_bind_text(st, 1, indicator, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, region_top(db));
	sqlite3_bind_text(st, 3, period, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, period_end(p, end, sizeof end), -1, SQLITE_TRANSIENT);
	sqlite3_bind_double(st, 5, v);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

static void test_indview_conflicts(void **state)
{
	(void)state;
	struct db *db = fresh_db("ind.db", "jingdezhen");
	struct ind_set s;
	char *err = NULL;
	struct period p = { 2025, 0 };
	assert_int_equal(indview_load(db, p, region_top(db), &s, &err), ST_OK);
	const struct ind_row *r = find_row(&s, "高新技术企业数量");
	assert_non_null(r);
	assert_true(r->has_target);
	assert_true(r->target.value == 300);           /* 001 (2023) is later than 002 (2022) */
	assert_int_equal(r->n_others, 1);
	assert_true(r->others[0].value == 400);
	assert_string_equal(r->others[0].source, "景科字〔2022〕49号");
	assert_true(r->has_baseline && r->baseline == 200 && r->baseline_year == 2020);
	char *o = indview_others_text(r);
	assert_string_equal(o, "400 (景科字〔2022〕49号)");
	free(o);
	r = find_row(&s, "R&D投入占GDP的比例");
	assert_true(r->target.value == 2.6 && r->others[0].value == 2.5);
	r = find_row(&s, "技术市场合同成交额");
	assert_true(r->target.value == 50 && r->others[0].value == 30);
	r = find_row(&s, "综合科技创新水平");
	assert_true(r->lower_better);
	assert_int_equal(r->n_others, 0);
	indview_free(&s);

	/* a clerk's choice overrides the later document */
	assert_int_equal(db_exec(db,
	    "INSERT INTO target_choice(indicator_id, region_id, year, target_id)"
	    " SELECT t.indicator_id, t.region_id, t.year, t.id FROM target t"
	    " JOIN indicator i ON i.id = t.indicator_id WHERE i.name = '高新技术企业数量' AND t.value = 400",
	    &err), ST_OK);
	assert_int_equal(indview_load(db, p, region_top(db), &s, &err), ST_OK);
	r = find_row(&s, "高新技术企业数量");
	assert_true(r->target.value == 400 && r->others[0].value == 300);
	indview_free(&s);
	db_close(db);
}

static void test_indview_progress(void **state)
{
	(void)state;
	struct db *db = fresh_db("prog.db", "jingdezhen");
	struct ind_set s;
	char *err = NULL;
	/* 2023: 3 of 5 years elapsed, so 60% expected */
	observe(db, "高新技术企业数量", "2023", 260);      /* (260-200)/(300-200) = 60% */
	observe(db, "R&D投入占GDP的比例", "2023", 2.3);    /* 0.1/0.4 = 25%: at risk */
	observe(db, "万人R&D人员数", "2023", 6.2);         /* 0.2/0.5 = 40%: behind */
	observe(db, "综合科技创新水平", "2023", 3);         /* rank worse than target 2 */
	observe(db, "每万人口高价值发明专利拥有量", "2022", 9);  /* met */
	struct period p = { 2023, 0 };
	assert_int_equal(indview_load(db, p, region_top(db), &s, &err), ST_OK);
	const struct ind_row *r = find_row(&s, "高新技术企业数量");
	assert_true(r->has_progress && r->progress_pct > 59.9 && r->progress_pct < 60.1);
	assert_true(r->expected_pct > 59.9 && r->expected_pct < 60.1);
	assert_int_equal(r->status, IND_ON_TRACK);
	assert_int_equal(find_row(&s, "R&D投入占GDP的比例")->status, IND_AT_RISK);
	assert_int_equal(find_row(&s, "万人R&D人员数")->status, IND_BEHIND);
	r = find_row(&s, "综合科技创新水平");
	assert_true(r->has_actual && r->actual == 3);
	assert_int_equal(r->status, IND_AT_RISK);
	r = find_row(&s, "每万人口高价值发明专利拥有量");
	assert_string_equal(r->actual_period, "2022");
	assert_int_equal(r->status, IND_MET);
	assert_int_equal(find_row(&s, "技术市场合同成交额")->status, IND_NO_DATA);
	indview_free(&s);

	/* a period before the observation does not see it */
	p.year = 2021;
	assert_int_equal(indview_load(db, p, region_top(db), &s, &err), ST_OK);
	assert_false(find_row(&s, "高新技术企业数量")->has_actual);
	indview_free(&s);

	/* ranking: reaching 2 from 3 is met, lower is better */
	observe(db, "综合科技创新水平", "2024", 2);
	p.year = 2024;
	assert_int_equal(indview_load(db, p, region_top(db), &s, &err), ST_OK);
	assert_int_equal(find_row(&s, "综合科技创新水平")->status, IND_MET);
	indview_free(&s);
	db_close(db);
}

/* One row read again after a save: its actual, progress and status
 * change; the rest of the set stays as it was loaded. */
static void test_indview_reload_row(void **state)
{
	(void)state;
	struct db *db = fresh_db("reload.db", "jingdezhen");
	struct ind_set s;
	char *err = NULL;
	struct period p = { 2023, 0 };
	observe(db, "高新技术企业数量", "2023", 220);       /* 20%: at risk */
	assert_int_equal(indview_load(db, p, region_top(db), &s, &err), ST_OK);
	struct ind_row *r = (struct ind_row *)find_row(&s, "高新技术企业数量");
	assert_int_equal(r->status, IND_AT_RISK);
	assert_int_equal(db_exec(db, "UPDATE observation SET value = 312", &err), ST_OK);
	assert_int_equal(indview_reload_row(db, p, r, &err), ST_OK);
	assert_true(r->has_actual && r->actual == 312);
	assert_true(r->has_progress && r->progress_pct > 111.9 && r->progress_pct < 112.1);
	assert_int_equal(r->status, IND_MET);
	assert_true(r->has_target && r->target.value == 300 && r->n_others == 1);
	assert_true(r->has_baseline && r->baseline == 200);
	indview_free(&s);
	db_close(db);
}

static void test_i18n(void **state)
{
	(void)state;
	i18n_set(LANG_ZH);
	assert_string_equal(tr("indicator"), "指标");
	assert_string_equal(tr("no such message"), "no such message");
	/* every entry of the catalog is found (the index is sorted right) */
	for (size_t i = 0; i < i18n_catalog_len; i++)
		assert_string_equal(trc(i18n_catalog[i].ctx, i18n_catalog[i].en), i18n_catalog[i].zh);
	/* Chinese has one form; errno and err_set speak Chinese */
	assert_string_equal(trn("; %ld warning", "; %ld warnings", 2), "；%ld 处警告");
	assert_string_equal(errno_text(ENOTDIR), "不是目录");
	char *err = NULL;
	err_set(&err, "%s: %s", "a", "b");
	assert_string_equal(err, "a：b");
	free(err);
	i18n_set(LANG_EN);
	assert_string_equal(tr("indicator"), "indicator");
	assert_string_equal(trn("; %ld warning", "; %ld warnings", 1), "; %ld warning");
	assert_string_equal(trn("; %ld warning", "; %ld warnings", 2), "; %ld warnings");
	assert_string_equal(errno_text(ENOTDIR), strerror(ENOTDIR));
}


/* --- dataset -------------------------------------------------------- */

struct page {
	int  n;
	long index[64];
	char name[64][64];
};

static void take_row(void *ctx, long index, long long id, const char *const *cells)
{
	struct page *pg = ctx;
	(void)id;
	if (pg->n < 64) {
		pg->index[pg->n] = index;
		snprintf(pg->name[pg->n], 64, "%s", cells[0]);
	}
	pg->n++;
}

/* n enterprises named E00000.. with alternating regions */
static struct db *enterprise_db(int n)
{
	struct db *db = fresh_db("ds.db", "jingdezhen");
	char *err = NULL;
	char *sql = xasprintf(
	    "WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < %d)"
	    " INSERT INTO enterprise(uscc, name, region_id, industry, tier)"
	    " SELECT printf('91360200MA%%08d', i), printf('E%%05d', i),"
	    "  (SELECT id FROM region WHERE code = CASE i %% 2 WHEN 0 THEN 'jdz-lp' ELSE 'jdz-fl' END),"
	    "  CASE WHEN i %% 10 = 3 THEN '先进陶瓷' ELSE '电子信息' END, 'tech_sme' FROM k", n - 1);
	assert_int_equal(db_exec(db, sql, &err), ST_OK);
	free(sql);
	return db;
}

static void test_dataset_paging(void **state)
{
	(void)state;
	struct db *db = enterprise_db(1000);
	char *err = NULL;
	struct dataset *ds = dataset_open(db, "enterprises", &err);
	assert_non_null(ds);
	assert_int_equal(dataset_count(ds, &err), 1000);
	struct page pg = { 0 };
	assert_int_equal(dataset_fetch(ds, 0, 5, take_row, &pg, &err), ST_OK);
	assert_int_equal(pg.n, 5);
	assert_string_equal(pg.name[0], "E00000");
	assert_string_equal(pg.name[4], "E00004");
	/* past the middle the page is read from the end, but comes in order */
	memset(&pg, 0, sizeof pg);
	assert_int_equal(dataset_fetch(ds, 995, 10, take_row, &pg, &err), ST_OK);
	assert_int_equal(pg.n, 5);
	assert_int_equal(pg.index[0], 995);
	assert_string_equal(pg.name[0], "E00995");
	assert_string_equal(pg.name[4], "E00999");
	memset(&pg, 0, sizeof pg);
	assert_int_equal(dataset_fetch(ds, 700, 3, take_row, &pg, &err), ST_OK);
	assert_string_equal(pg.name[0], "E00700");
	assert_string_equal(pg.name[2], "E00702");

	/* sort by name descending */
	dataset_sort(ds, 0, 1);
	memset(&pg, 0, sizeof pg);
	assert_int_equal(dataset_fetch(ds, 0, 2, take_row, &pg, &err), ST_OK);
	assert_string_equal(pg.name[0], "E00999");
	memset(&pg, 0, sizeof pg);
	assert_int_equal(dataset_fetch(ds, 999, 1, take_row, &pg, &err), ST_OK);
	assert_string_equal(pg.name[0], "E00000");

	/* filters: contains, equals, and a bad number */
	dataset_sort(ds, 0, 0);
	assert_int_equal(dataset_filter(ds, 3, "陶瓷", &err), ST_OK);
	assert_int_equal(dataset_count(ds, &err), 100);
	assert_int_equal(dataset_filter(ds, 2, "=乐平市", &err), ST_OK);
	assert_int_equal(dataset_count(ds, &err), 0);       /* 3, 13, ... are odd: 浮梁县 */
	dataset_filter_clear(ds);
	assert_int_equal(dataset_filter(ds, 2, "=浮梁县", &err), ST_OK);
	assert_int_equal(dataset_count(ds, &err), 500);
	assert_int_equal(dataset_filter(ds, 0, ">=E00990", &err), ST_OK);
	assert_int_equal(dataset_count(ds, &err), 5);
	char *ft = dataset_filter_text(ds);
	assert_string_equal(ft, "region = 浮梁县; name >= E00990");
	free(ft);
	assert_int_equal(dataset_filter(ds, 0, "", &err), ST_USAGE);
	free(err);
	err = NULL;
	dataset_filter_clear(ds);

	/* search forward, backward and around */
	assert_int_equal(dataset_search(ds, 0, 1, "E0050", &err), 500);
	assert_int_equal(dataset_search(ds, 500, 1, "E0050", &err), 501);
	assert_int_equal(dataset_search(ds, 500, -1, "E0050", &err), 509);   /* wraps */
	assert_int_equal(dataset_search(ds, 0, 1, "不存在", &err), -1);
	long long id = db_scalar(db, "SELECT id FROM enterprise WHERE name = 'E00042'", NULL);
	assert_int_equal(dataset_index_of(ds, id, &err), 42);
	dataset_close(ds);
	assert_null(dataset_open(db, "nonsense", &err));
	free(err);
	db_close(db);
}

/* Sorting by a column with its own order expression (tier by rank,
 * region by the city's order) reads an index; counting without filters
 * on joined columns leaves the joins out and counts the same. */
static void test_dataset_order_and_filter_parts(void **state)
{
	(void)state;
	struct db *db = enterprise_db(100);
	char *err = NULL;
	struct page pg = { 0 };
	assert_int_equal(db_exec(db, "UPDATE enterprise SET tier = 'unicorn' WHERE name = 'E00007';"
	                         "UPDATE enterprise SET tier = 'none' WHERE name = 'E00050';"
	                         "UPDATE enterprise SET region_id = NULL WHERE name = 'E00099'", &err),
	                 ST_OK);
	struct dataset *ds = dataset_open(db, "enterprises", &err);
	assert_non_null(ds);
	assert_int_equal(dataset_count(ds, &err), 100);
	dataset_sort(ds, 4, 1);                           /* tier, highest rank first */
	assert_int_equal(dataset_fetch(ds, 0, 1, take_row, &pg, &err), ST_OK);
	assert_string_equal(pg.name[0], "E00007");
	pg.n = 0;
	assert_int_equal(dataset_fetch(ds, 99, 1, take_row, &pg, &err), ST_OK);
	assert_string_equal(pg.name[0], "E00050");
	pg.n = 0;
	dataset_sort(ds, 2, 0);                           /* region: no region first */
	assert_int_equal(dataset_fetch(ds, 0, 2, take_row, &pg, &err), ST_OK);
	assert_string_equal(pg.name[0], "E00099");
	assert_string_equal(pg.name[1], "E00000");       /* 乐平市 comes before 浮梁县 */
	pg.n = 0;
	char *plan = NULL;
	/* the rank the description derives from the tier ladder is the indexed one */
	char *q = xasprintf("EXPLAIN QUERY PLAN SELECT t.id FROM enterprise t ORDER BY %s, t.id LIMIT 1",
	                    dataset_col(ds, dataset_col_index(ds, "tier"))->order);
	sqlite3_stmt *st = db_prepare(db, q, &err);
	free(q);
	assert_non_null(st);
	while (sqlite3_step(st) == SQLITE_ROW)
		if (plan == NULL)
			plan = xstrdup((const char *)sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
	assert_non_null(strstr(plan, "enterprise_tier_rank"));   /* no sort of every row */
	free(plan);

	assert_int_equal(dataset_filter(ds, 2, "=浮梁县", &err), ST_OK);   /* joined column */
	assert_int_equal(dataset_count(ds, &err), 49);   /* E00099 has none now */
	assert_int_equal(dataset_filter(ds, 3, "陶瓷", &err), ST_OK);
	assert_int_equal(dataset_count(ds, &err), 10);
	int col;
	const char *op, *value;
	dataset_filter_at(ds, 1, &col, &op, &value);
	assert_int_equal(col, 3);
	assert_string_equal(op, "~");
	assert_string_equal(value, "陶瓷");
	dataset_filter_clear(ds);
	assert_int_equal(dataset_filter(ds, 3, "陶瓷", &err), ST_OK);      /* own column only */
	assert_int_equal(dataset_count(ds, &err), 10);
	dataset_close(ds);
	db_close(db);
}

/* --- counting and searching in slices ------------------------------------ */

/* All the names in the current order. */
struct names {
	int  n;
	char name[200][8];
};

static void take_name(void *ctx, long index, long long id, const char *const *cells)
{
	struct names *a = ctx;
	(void)id;
	if (index < 200)
		snprintf(a->name[index], sizeof a->name[index], "%s", cells[0]);
	a->n++;
}

/* The search by brute force over the names (the texts searched for are
 * in no other column). */
static long brute_search(const struct names *a, long at, int dir, int inclusive,
                         const char *text)
{
	long n = a->n;
	for (long k = 0; k < n; k++) {
		long i;
		if (at < 0)
			i = dir > 0 ? k : n - 1 - k;
		else if (dir > 0)
			i = (at + (inclusive ? 0 : 1) + k) % n;
		else
			i = ((at - (inclusive ? 0 : 1) - k) % n + n) % n;
		if (strstr(a->name[i], text) != NULL)
			return i;
	}
	return -1;
}

/* A search in slices of 7 rows, step by step: the hit, and how many
 * slices it took in *steps. */
static long sliced_search(struct dataset *ds, long at, long long at_id, int dir, int inclusive,
                          const char *text, int *steps)
{
	char *err = NULL;
	struct ds_search *q = dataset_search_begin(ds, at, at_id, dir, inclusive, text);
	long hit = -2;
	int r;
	*steps = 1;
	while ((r = dataset_search_step(q, &hit, &err)) == 0)
		(*steps)++;
	assert_int_equal(r, 1);
	assert_null(err);
	dataset_search_free(q);
	return hit;
}

/* Every order (with NULL keys first or last, ties, an indexed expression),
 * both ways, from several rows, inclusive or not: the search in slices
 * finds what reading every row finds. */
static void test_dataset_search_slices(void **state)
{
	(void)state;
	struct db *db = enterprise_db(200);
	char *err = NULL;
	assert_int_equal(db_exec(db, "UPDATE enterprise SET hte_cert_date = printf('2020-01-%02d',"
	                         " 1 + id % 28) WHERE id % 3 = 0;"
	                         "UPDATE enterprise SET region_id = NULL WHERE id % 17 = 0;"
	                         "UPDATE enterprise SET tier = 'unicorn' WHERE id % 5 = 0", &err),
	                 ST_OK);
	struct dataset *ds = dataset_open(db, "enterprises", &err);
	assert_non_null(ds);
	dataset_set_slice(ds, 7);
	static const int sorts[] = { -1, 1, 2, 4, 5, 6 };
	static const char *const texts[] = { "E0013", "E00042", "E001", "不存在" };
	static const long froms[] = { -1, 0, 1, 42, 130, 199 };
	int most_steps = 0;
	for (size_t si = 0; si < sizeof sorts / sizeof sorts[0]; si++)
		for (int desc = 0; desc < 2; desc++) {
			struct names a = { 0 };
			dataset_sort(ds, sorts[si], desc);
			assert_int_equal(dataset_fetch(ds, 0, 200, take_name, &a, &err), ST_OK);
			assert_int_equal(a.n, 200);
			/* pages read from the last page (the anchor), up or down,
			 * come in the same order as from the top */
			static const long pages[] = { 100, 90, 150, 185, 60, 5, 120, 110, 199, 0 };
			for (size_t pi = 0; pi < sizeof pages / sizeof pages[0]; pi++) {
				struct names b = { 0 };
				char want[8];
				assert_int_equal(dataset_fetch(ds, pages[pi], 10, take_name, &b, &err), ST_OK);
				assert_int_equal(b.n, pages[pi] + 10 > 200 ? 200 - pages[pi] : 10);
				for (long r = pages[pi]; r < pages[pi] + b.n; r++) {
					snprintf(want, sizeof want, "%s", a.name[r]);
					if (strcmp(b.name[r], want) != 0)
						fail_msg("sort %d%s, page at %ld: row %ld is %s, not %s", sorts[si],
						         desc ? " desc" : "", pages[pi], r, b.name[r], want);
				}
			}
			for (size_t ti = 0; ti < sizeof texts / sizeof texts[0]; ti++)
				for (size_t fi = 0; fi < sizeof froms / sizeof froms[0]; fi++)
					for (int dir = -1; dir <= 1; dir += 2)
						for (int incl = 0; incl < 2; incl++) {
							long at = froms[fi];
							long long id = at < 0 ? -1 : db_scalar(db,
							    "SELECT id FROM enterprise WHERE name = ?",
							    a.name[at]);
							int steps;
							long want = brute_search(&a, at, dir, incl, texts[ti]);
							long got = sliced_search(ds, at, id, dir, incl, texts[ti],
							                         &steps);
							if (got != want)
								fail_msg("sort %d%s, \"%s\" from %ld dir %d incl %d:"
								         " %ld, not %ld", sorts[si], desc ? " desc" : "",
								         texts[ti], at, dir, incl, got, want);
							if (steps > most_steps)
								most_steps = steps;
							if (!incl)
								assert_int_equal(dataset_search(ds, at, dir, texts[ti],
								                                &err), want);
						}
		}
	assert_true(most_steps > 200 / 7);   /* a search without a hit took every slice */
	dataset_close(ds);
	db_close(db);

	/* slices sized by time, as on screen, over more rows than the first
	 * slice reads: a full slice is not the end */
	db = enterprise_db(5000);
	ds = dataset_open(db, "enterprises", &err);
	dataset_sort(ds, 0, 1);
	long hit = -2;
	int r, steps = 0;
	struct ds_search *q = dataset_search_begin(ds, -1, -1, 1, 0, "E00007");
	while ((r = dataset_search_step(q, &hit, &err)) == 0)
		steps++;
	dataset_search_free(q);
	assert_int_equal(r, 1);
	assert_int_equal(hit, 4992);
	assert_int_equal(dataset_search(ds, -1, 1, "E00007", &err), 4992);
	dataset_close(ds);
	db_close(db);
}

/* The count in slices ends where the count in one statement does; on the
 * way it only knows a lower bound; a page that comes back short knows it
 * at once; a new sort keeps it. */
static void test_dataset_count_slices(void **state)
{
	(void)state;
	struct db *db = enterprise_db(1000);
	char *err = NULL;
	struct dataset *ds = dataset_open(db, "enterprises", &err);
	assert_non_null(ds);
	dataset_set_slice(ds, 50);
	assert_int_equal(dataset_filter(ds, 3, "陶瓷", &err), ST_OK);   /* 100 rows */
	long lo = -1, last = 0;
	int steps = 0, r;
	assert_int_equal(dataset_count_known(ds, &lo), -1);
	assert_int_equal(lo, 0);
	while ((r = dataset_count_step(ds, &err)) == 0) {
		steps++;
		assert_int_equal(dataset_count_known(ds, &lo), -1);
		assert_true(lo >= last && lo < 100);
		last = lo;
	}
	assert_int_equal(r, 1);
	assert_true(steps >= 1000 / 50 - 1);
	assert_int_equal(dataset_count_known(ds, &lo), 100);
	assert_int_equal(lo, 100);
	dataset_sort(ds, 0, 1);
	assert_int_equal(dataset_count_known(ds, NULL), 100);

	/* a first page before any count: the lower bound is the page */
	struct page pg = { 0 };
	dataset_filter_clear(ds);
	assert_int_equal(dataset_filter(ds, 0, "E009", &err), ST_OK);    /* E00900..E00999 */
	assert_int_equal(dataset_fetch(ds, 0, 22, take_row, &pg, &err), ST_OK);
	assert_int_equal(pg.n, 22);
	assert_int_equal(dataset_count_known(ds, &lo), -1);
	assert_int_equal(lo, 22);
	pg.n = 0;
	assert_int_equal(dataset_fetch(ds, 88, 22, take_row, &pg, &err), ST_OK);
	assert_int_equal(pg.n, 12);
	assert_int_equal(dataset_count_known(ds, &lo), 100);
	/* what another clerk adds while counting is counted (the last slice
	 * has no upper end) */
	dataset_refresh(ds);
	assert_int_equal(dataset_count_step(ds, &err), 0);
	assert_int_equal(db_exec(db, "INSERT INTO enterprise(uscc, name, industry)"
	                         " VALUES ('91360200MA99999999', 'E0099x', '先进陶瓷')", &err), ST_OK);
	while ((r = dataset_count_step(ds, &err)) == 0)
		;
	assert_int_equal(dataset_count_known(ds, NULL), 101);
	dataset_close(ds);
	db_close(db);
}

/* --- edits with row versions ------------------------------------------ */

static void test_edit_conflict(void **state)
{
	(void)state;
	struct db *db = fresh_db("edit.db", "jingdezhen");
	char *err = NULL;
	struct edit_conflict c;
	long long ind = db_scalar(db, "SELECT id FROM indicator WHERE name = '高新技术企业数量'", NULL);
	long long reg = region_top(db);
	struct obs_rec a, b;
	assert_int_equal(obs_read(db, ind, reg, "2024", &a, &err), ST_OK);
	assert_int_equal(a.id, 0);
	b = a;                               /* a second clerk opens the same new cell */
	a.has_value = 1;
	a.value = 250;
	snprintf(a.note, sizeof a.note, "统计局快报");
	assert_int_equal(obs_save(db, &a, &c, &err), ST_OK);
	assert_true(a.id > 0 && a.version == 1);
	b.has_value = 1;
	b.value = 251;
	assert_int_equal(obs_save(db, &b, &c, &err), ST_CONFLICT);
	assert_true(c.version == 1);
	assert_string_equal(c.value, "250.0");
	/* b reloads, then both edit from version 1; the first to save wins */
	assert_int_equal(obs_read(db, ind, reg, "2024", &b, &err), ST_OK);
	a.value = 260;
	assert_int_equal(obs_save(db, &a, &c, &err), ST_OK);
	assert_int_equal(a.version, 2);
	b.value = 270;
	assert_int_equal(obs_save(db, &b, &c, &err), ST_CONFLICT);
	assert_string_equal(c.by, db_login(db));
	assert_int_equal(db_scalar(db, "SELECT value FROM observation", NULL), 260);
	/* every change is in the audit log */
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM audit WHERE tbl = 'observation'", NULL), 2);
	assert_int_equal(db_scalar(db, "SELECT json_extract(before, '$.value') FROM audit"
	                               " WHERE action = 'update'", NULL), 250);
	/* a bad period is refused; quarter forms are normalised */
	struct obs_rec q = a;
	q.id = 0;
	q.version = 0;
	snprintf(q.period, sizeof q.period, "2025年第三季度");
	assert_int_equal(obs_save(db, &q, &c, &err), ST_OK);
	assert_string_equal(q.period, "2025Q3");
	snprintf(q.period, sizeof q.period, "2025Q7");
	q.id = 0;
	assert_int_equal(obs_save(db, &q, &c, &err), ST_DATA);
	free(err);
	err = NULL;
	/* delete checks the version too */
	b = a;
	b.version = 1;
	assert_int_equal(obs_delete(db, &b, &c, &err), ST_CONFLICT);
	assert_int_equal(obs_delete(db, &a, &c, &err), ST_OK);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM observation WHERE period = '2024'", NULL), 0);
	/* a form still open on the deleted figure: the conflict says so (version
	 * 0), with who deleted it and when; saving it anew adds it again */
	b = a;
	b.value = 280;
	assert_int_equal(obs_save(db, &b, &c, &err), ST_CONFLICT);
	assert_int_equal(c.version, 0);
	assert_string_equal(c.by, db_login(db));
	assert_true(strlen(c.at) >= 16);
	assert_string_equal(c.value, "");
	b.id = 0;
	b.version = 0;
	assert_int_equal(obs_save(db, &b, &c, &err), ST_OK);
	assert_int_equal(db_scalar(db, "SELECT value FROM observation WHERE period = '2024'", NULL), 280);
	assert_int_equal(obs_delete(db, &b, &c, &err), ST_OK);

	/* targets: edit the 400 of 002 and choose it */
	long long t400 = db_scalar(db, "SELECT id FROM target WHERE indicator_id = "
	                               "(SELECT id FROM indicator WHERE name = '高新技术企业数量') AND value = 400", NULL);
	struct target_rec t;
	assert_int_equal(target_read(db, t400, &t, &err), ST_OK);
	assert_int_equal(t.year, 2025);
	t.value = 410;
	assert_int_equal(target_save(db, &t, &c, &err), ST_OK);
	assert_int_equal(t.version, 2);
	t.version = 1;
	assert_int_equal(target_save(db, &t, &c, &err), ST_CONFLICT);
	assert_int_equal(target_choose(db, t400, &err), ST_OK);
	struct ind_set s;
	struct period p = { 2025, 0 };
	assert_int_equal(indview_load(db, p, reg, &s, &err), ST_OK);
	for (size_t i = 0; i < s.n; i++)
		if (s.rows[i].indicator_id == ind)
			assert_true(s.rows[i].target.value == 410);
	indview_free(&s);
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
		cmocka_unit_test(test_period_parse),
		cmocka_unit_test(test_period_elapsed),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_csv_lines),
		cmocka_unit_test(test_csv_open_quote),
		cmocka_unit_test(test_db_refuses_newer_schema),
		cmocka_unit_test(test_db_settings),
		cmocka_unit_test(test_db_wait_minutes),
		cmocka_unit_test(test_db_open_guards),
		cmocka_unit_test(test_packs_load),
		cmocka_unit_test(test_kunshan_totals),
		cmocka_unit_test(test_pack_bad_folder),
		cmocka_unit_test(test_pack_bad_region_kind),
		cmocka_unit_test(test_indview_conflicts),
		cmocka_unit_test(test_indview_progress),
		cmocka_unit_test(test_indview_reload_row),
		cmocka_unit_test(test_i18n),
		cmocka_unit_test(test_dataset_paging),
		cmocka_unit_test(test_dataset_order_and_filter_parts),
		cmocka_unit_test(test_dataset_search_slices),
		cmocka_unit_test(test_dataset_count_slices),
		cmocka_unit_test(test_edit_conflict),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
