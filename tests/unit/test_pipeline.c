/* test_pipeline.c: unit tests of the enterprise and talent pipelines:
 * the ladder's rules, certificate validity, moves and their history
 * (core/pipe.c), the counters of core/counter.c that count the registers,
 * the gazelle criteria and the targets beside the counts (core/goal.c),
 * on real database files made from the default pack. */
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
#include "core/db.h"
#include "core/db_internal.h"
#include "core/goal.h"
#include "core/i18n.h"
#include "core/ladder.h"
#include "core/pack.h"
#include "core/pipe.h"
#include "core/profile.h"
#include "core/record.h"
#include "core/region.h"
#include "core/talent.h"
#include "core/util.h"

static char tmpdir[] = "/tmp/innotrack-pipeline-XXXXXX";

static struct db *fresh_db(const char *name)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	char *err = NULL;
	struct db *db = NULL;
	unlink(path);
	assert_int_equal(db_open(path, DB_CREATE | DB_MUSTNEW, &db, &err), ST_OK);
	assert_int_equal(pack_load(db, "jingdezhen", &err), ST_OK);
	free(path);
	return db;
}

static void exec(struct db *db, const char *sql)
{
	char *err = NULL;
	if (db_exec(db, sql, &err) != ST_OK)
		fail_msg("%s: %s", sql, err);
}

static long long count(struct db *db, const char *key, const char *region, const char *period)
{
	struct period p;
	long long n = -1;
	char *err = NULL;
	assert_int_equal(period_parse(period, &p), 0);
	const struct counter *c = counter_find(key);
	assert_non_null(c);
	assert_int_equal(counter_count(db, c, region_find(db, region), p, &n, &err), ST_OK);
	return n;
}

/* A firm of region on rung tier, certified on `cert` (or NULL). */
static long long firm(struct db *db, const char *uscc, const char *name, const char *region,
                      const char *tier, const char *cert)
{
	char *sql = xasprintf("INSERT INTO enterprise(uscc, name, region_id, tier, hte_cert_date)"
	                      " VALUES ('%s', '%s', %lld, '%s', %s%s%s)", uscc, name,
	                      region_find(db, region), tier, cert ? "'" : "", cert ? cert : "NULL",
	                      cert ? "'" : "");
	exec(db, sql);
	free(sql);
	return db_scalar(db, "SELECT max(id) FROM enterprise", NULL);
}

static long long version_of(struct db *db, const char *table, long long id)
{
	char *sql = xasprintf("SELECT version FROM %s WHERE id = %lld", table, id);
	long long v = db_scalar(db, sql, NULL);
	free(sql);
	return v;
}

static int move(struct db *db, const char *kind, long long id, const char *to, const char *on,
                const char *reason)
{
	const struct profile *p = profile_find(kind);
	char *err = NULL;
	int rc = pipe_move(db, p, id, version_of(db, p->table, id), to, on, reason, &err);
	free(err);
	return rc;
}

/* ---- the rules ---- */

static void test_ladder_rules(void **state)
{
	(void)state;
	assert_null(ladder_rule("none", "tech_sme", 0, ""));
	assert_null(ladder_rule("tech_sme", "high_tech", 1, ""));
	assert_non_null(ladder_rule("tech_sme", "high_tech", 0, ""));   /* no valid certificate */
	assert_non_null(ladder_rule("high_tech", "high_tech", 1, ""));  /* there already */
	assert_non_null(ladder_rule("tech_sme", "giant", 1, ""));       /* no such rung */
	assert_null(ladder_rule("high_tech", "gazelle", 1, ""));
	assert_null(ladder_rule("tech_sme", "gazelle", 0, ""));
	/* down: only once the certificate lapsed, and with a reason */
	assert_non_null(ladder_rule("high_tech", "tech_sme", 1, "未复审"));
	assert_non_null(ladder_rule("high_tech", "tech_sme", 0, ""));
	assert_non_null(ladder_rule("high_tech", "tech_sme", 0, "   "));
	assert_null(ladder_rule("high_tech", "tech_sme", 0, "证书到期未复审"));
	assert_null(ladder_rule("gazelle", "high_tech", 1, "增速放缓"));
	assert_non_null(ladder_rule("gazelle", "none", 1, "注销"));
}

static void test_certificate_validity(void **state)
{
	(void)state;
	char to[11];
	assert_int_equal(cert_valid_to("2022-12-02", to), 0);
	assert_string_equal(to, "2025-12-02");
	assert_int_equal(cert_valid_to("2020-02-29", to), 0);   /* as SQLite's date() */
	assert_string_equal(to, "2023-03-01");
	assert_int_equal(cert_valid_to("2022-13-01", to), -1);
	assert_int_equal(cert_valid_on("2022-12-02", "2022-12-01"), 0);  /* before issue */
	assert_int_equal(cert_valid_on("2022-12-02", "2022-12-02"), 1);
	assert_int_equal(cert_valid_on("2022-12-02", "2025-12-01"), 1);
	assert_int_equal(cert_valid_on("2022-12-02", "2025-12-02"), 0);  /* three years on */
	assert_int_equal(cert_valid_on("x", "2025-12-02"), -1);
}

static void test_talent_rules(void **state)
{
	(void)state;
	assert_null(talent_rule("contact", "negotiating"));
	assert_null(talent_rule("contact", "on_duty"));
	assert_null(talent_rule("signed", "abandoned"));
	assert_null(talent_rule("on_duty", "left"));
	assert_null(talent_rule("left", "contact"));
	assert_non_null(talent_rule("on_duty", "abandoned"));
	assert_non_null(talent_rule("signed", "left"));
	assert_non_null(talent_rule("signed", "contact"));
	assert_non_null(talent_rule("abandoned", "signed"));
	assert_non_null(talent_rule("signed", "signed"));
	assert_non_null(talent_rule("signed", "gone"));
}

/* ---- moves and their history ---- */

static void test_moves(void **state)
{
	(void)state;
	struct db *db = fresh_db("moves.db");
	const struct profile *ent = profile_find("enterprises");
	long long e = firm(db, "91360200MA00000011", "景德镇光电科技有限公司", "乐平市", "tech_sme", NULL);
	char *err = NULL;
	/* up to high-tech without a certificate: refused, nothing written */
	assert_int_equal(move(db, "enterprises", e, "high_tech", "2025-03-01", ""), ST_DATA);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM enterprise_stage", NULL), 0);
	exec(db, "UPDATE enterprise SET hte_cert_date = '2025-02-20', hte_cert_no = 'GR1'");
	assert_int_equal(move(db, "enterprises", e, "high_tech", "2025-03-01", "认定"), ST_OK);
	assert_int_equal(version_of(db, "enterprise", e), 2);
	/* a stale version is a conflict */
	assert_int_equal(pipe_move(db, ent, e, 1, "gazelle", "2025-06-01", "", &err), ST_CONFLICT);
	free(err);
	err = NULL;
	/* a day before the latest move is refused */
	assert_int_equal(move(db, "enterprises", e, "gazelle", "2025-02-01", ""), ST_DATA);
	assert_int_equal(move(db, "enterprises", e, "gazelle", "2025-06-01", "高成长"), ST_OK);
	struct pipe_step *st;
	size_t n;
	assert_int_equal(pipe_history(db, ent, e, &st, &n, &err), ST_OK);
	assert_int_equal(n, 2);
	assert_string_equal(st[0].on, "2025-06-01");
	assert_string_equal(st[0].from, "high_tech");
	assert_string_equal(st[0].to, "gazelle");
	assert_string_equal(st[0].reason, "高成长");
	assert_string_equal(st[0].login, "tester");
	assert_string_equal(st[1].from, "tech_sme");
	pipe_history_free(st, n);
	/* a tier corrected in the form is a move too, dated by the save */
	struct record r;
	struct record_conflict rc_;
	assert_int_equal(record_read(db, ent, e, &r, &err), ST_OK);
	record_set(&r, (size_t)record_field(ent, "tier"), "unicorn");
	assert_int_equal(record_save(db, &r, &rc_, &err), ST_OK);
	record_free(&r);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM enterprise_stage WHERE from_tier = 'gazelle'"
	                               " AND tier = 'unicorn' AND login = 'tester'"
	                               " AND entered_on = date('now', 'localtime')", NULL), 1);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM enterprise_stage", NULL), 3);
	/* each move audited with the login */
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM audit WHERE tbl = 'enterprise'"
	                               " AND action = 'update' AND login = 'tester'", NULL), 3);
	/* the rung on a day: before the first move, the rung it left */
	assert_int_equal(count(db, "tech_sme", "乐平市", "2024"), 1);
	assert_int_equal(count(db, "tech_sme", "乐平市", "2025Q1"), 0);
	assert_int_equal(count(db, "gazelle", "乐平市", "2025Q1"), 0);
	assert_int_equal(count(db, "gazelle", "乐平市", "2025Q2"), 1);
	assert_int_equal(count(db, "gazelle", "景德镇市", "2025"), 1);
	assert_int_equal(count(db, "gazelle", "浮梁县", "2025"), 0);
	assert_int_equal(count(db, "high_growth", "景德镇市", "2025"), 1);
	assert_int_equal(count(db, "unicorn", "乐平市", "2025"), 0);    /* corrected today */

	/* a talent: stages with dates; on duty gives introduced_on */
	exec(db, "INSERT INTO talent(name, category, region_id) VALUES ('Anna', 'foreign_expert',"
	         " (SELECT id FROM region WHERE name = '浮梁县'))");
	long long t = db_scalar(db, "SELECT max(id) FROM talent", NULL);
	assert_int_equal(move(db, "talents", t, "left", "2025-01-01", ""), ST_DATA);
	assert_int_equal(move(db, "talents", t, "signed", "2025-02-01", "签约"), ST_OK);
	assert_int_equal(move(db, "talents", t, "on_duty", "2025-03-01", ""), ST_OK);
	char *intro = db_text_of(db, "SELECT introduced_on FROM talent WHERE id = ?1", t);
	assert_string_equal(intro, "2025-03-01");
	free(intro);
	assert_int_equal(pipe_history(db, profile_find("talents"), t, &st, &n, &err), ST_OK);
	assert_int_equal(n, 2);
	assert_string_equal(st[0].to, "on_duty");
	assert_string_equal(st[0].from, "signed");
	assert_null(st[1].from);
	pipe_history_free(st, n);
	db_close(db);
}

/* A talent's stage set in the record's form: stage to, saved by the
 * form; ST_OK or the save's status, with the message in *err. */
static int form_stage(struct db *db, long long id, const char *to, char **err)
{
	const struct profile *p = profile_find("talents");
	struct record r;
	struct record_conflict c;
	assert_int_equal(record_read(db, p, id, &r, err), ST_OK);
	record_set(&r, (size_t)record_field(p, "stage"), to);
	int rc = record_save(db, &r, &c, err);
	record_conflict_free(&c);
	record_free(&r);
	return rc;
}

static void test_form_moves(void **state)
{
	(void)state;
	struct db *db = fresh_db("form.db");
	char *err = NULL;
	exec(db, "INSERT INTO talent(name, category, region_id) VALUES ('李明', 'high_level',"
	         " (SELECT id FROM region WHERE name = '乐平市'))");
	long long t = db_scalar(db, "SELECT max(id) FROM talent", NULL);
	char tid[24];
	snprintf(tid, sizeof tid, "%lld", t);
	/* the form's 阶段 changed is a move, dated by the save, by the login */
	assert_int_equal(form_stage(db, t, "签约", &err), ST_OK);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM talent_stage", NULL), 1);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM talent_stage WHERE talent_id = ?1"
	                               " AND stage = 'signed' AND login = 'tester'"
	                               " AND on_date = date('now', 'localtime')", tid), 1);
	struct pipe_step *st;
	size_t n;
	assert_int_equal(pipe_history(db, profile_find("talents"), t, &st, &n, &err), ST_OK);
	assert_int_equal(n, 1);
	assert_string_equal(st[0].to, "signed");
	assert_string_equal(st[0].login, "tester");
	pipe_history_free(st, n);
	/* one audit row for the save, none more */
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM audit WHERE tbl = 'talent'", NULL), 1);
	/* saving other fields is no move */
	const struct profile *p = profile_find("talents");
	struct record r;
	struct record_conflict c;
	assert_int_equal(record_read(db, p, t, &r, &err), ST_OK);
	record_set(&r, (size_t)record_field(p, "host"), "景德镇陶瓷大学");
	assert_int_equal(record_save(db, &r, &c, &err), ST_OK);
	record_free(&r);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM talent_stage", NULL), 1);
	/* a move the rules refuse refuses the save, naming the field */
	long long version = version_of(db, "talent", t);
	i18n_set(LANG_ZH);
	assert_int_equal(form_stage(db, t, "离开", &err), ST_DATA);
	assert_non_null(strstr(err, "阶段"));
	i18n_set(LANG_EN);
	assert_int_equal(form_stage(db, t, "left", &err), ST_DATA);
	assert_string_equal(err, "Stage: only a talent on duty can leave");
	char *stage = db_text_of(db, "SELECT stage FROM talent WHERE id = ?1", t);
	assert_string_equal(stage, "signed");
	free(stage);
	assert_int_equal(version_of(db, "talent", t), version);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM talent_stage", NULL), 1);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM audit WHERE tbl = 'talent'", NULL), 2);
	/* arriving in the form gives introduced_on, as a move does */
	assert_int_equal(form_stage(db, t, "on_duty", &err), ST_OK);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM talent WHERE id = ?1"
	                               " AND introduced_on = date('now', 'localtime')", tid), 1);
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM talent_stage", NULL), 2);
	/* a move dated later than today: a save today would come before it */
	exec(db, "UPDATE talent_stage SET on_date = '2999-01-01' WHERE stage = 'on_duty'");
	assert_int_equal(form_stage(db, t, "left", &err), ST_DATA);
	assert_non_null(strstr(err, "Stage: the day is before its latest move (2999-01-01)"));
	assert_int_equal(db_scalar(db, "SELECT count(*) FROM talent_stage", NULL), 2);
	free(err);
	db_close(db);
}

/* ---- the counters ---- */

static void test_counts(void **state)
{
	(void)state;
	struct db *db = fresh_db("counts.db");
	firm(db, "91360200MA00000021", "甲", "乐平市", "high_tech", "2022-12-02");
	firm(db, "91360200MA00000022", "乙", "乐平市", "high_tech", "2023-03-15");
	long long c = firm(db, "91360200MA00000023", "丙", "浮梁县", "tech_sme", NULL);
	firm(db, "91360200MA00000024", "丁", "高新区", "unicorn", "2024-01-10");
	firm(db, "91360200MA00000025", "戊", "高新区", "tech_sme", NULL);
	/* certificates valid on the period's last day */
	assert_int_equal(count(db, "hte_valid", "乐平市", "2025Q3"), 2);
	assert_int_equal(count(db, "hte_valid", "乐平市", "2025"), 1);    /* 甲 lapsed 12-02 */
	assert_int_equal(count(db, "hte_valid", "乐平市", "2022"), 1);
	assert_int_equal(count(db, "hte_valid", "景德镇市", "2025"), 2);
	/* a renewal restarts the three years */
	exec(db, "UPDATE enterprise SET hte_cert_date = '2025-11-20' WHERE name = '甲'");
	assert_int_equal(count(db, "hte_valid", "乐平市", "2025"), 2);
	assert_int_equal(count(db, "hte_valid", "乐平市", "2028"), 0);
	/* certificates per region and lapsing next year */
	struct period p = { 2025, 0 };
	long long valid, lapse;
	char *err = NULL;
	assert_int_equal(cert_counts(db, region_find(db, "乐平市"), p, &valid, &lapse, &err), ST_OK);
	assert_int_equal(valid, 2);
	assert_int_equal(lapse, 1);                                       /* 乙, 2026-03-15 */
	/* rungs */
	assert_int_equal(count(db, "tech_sme", "景德镇市", "2025"), 2);
	assert_int_equal(count(db, "tech_sme", "浮梁县", "2025"), 1);
	assert_int_equal(count(db, "unicorn", "高新区", "2025"), 1);
	assert_int_equal(count(db, "high_growth", "景德镇市", "2025"), 1);
	/* the share of firms with an R&D unit, in whole per cent */
	assert_int_equal(count(db, "rnd_inst_share", "景德镇市", "2025"), 0);
	exec(db, "UPDATE enterprise SET has_rnd_inst = 1 WHERE name IN ('甲', '丁')");
	assert_int_equal(count(db, "rnd_inst_share", "景德镇市", "2025"), 40);
	assert_int_equal(count(db, "rnd_inst_share", "高新区", "2025"), 50);
	/* the funnel's one pass gives the counters' figures, for every region */
	struct region_list rl;
	assert_int_equal(region_list_under(db, 0, &rl, &err), ST_OK);
	long long (*byreg)[LADDER_COUNTS] = xcalloc(rl.n, sizeof *byreg);
	assert_int_equal(ladder_counts(db, &rl, p, byreg, &err), ST_OK);
	for (size_t i = 0; i < rl.n; i++)
		for (size_t k = 0; k <= ladder_nrungs; k++) {
			long long n = -1;
			const char *key = k < ladder_nrungs ? ladder_rungs[k].counter : "high_growth";
			assert_int_equal(counter_count(db, counter_find(key), rl.items[i].id, p, &n, &err),
			                 ST_OK);
			if (n != byreg[i][k])
				fail_msg("%s %s: counter %lld, funnel %lld", rl.items[i].name, key, n, byreg[i][k]);
		}
	assert_true(byreg[0][1] == 3 && byreg[0][0] == 2 && byreg[0][4] == 1);   /* 甲 乙 丁 */
	free(byreg);
	region_list_free(&rl);
	/* the firms a rung counts are the ones listed */
	struct ladder_firm *f;
	size_t n;
	assert_int_equal(ladder_firms(db, "tech_sme", region_find(db, "景德镇市"), p, &f, &n, &err),
	                 ST_OK);
	assert_int_equal(n, 2);
	assert_true(f[0].id == c || f[1].id == c);
	ladder_firms_free(f, n);
	assert_int_equal(ladder_firms(db, "high_tech", region_find(db, "乐平市"), p, &f, &n, &err),
	                 ST_OK);
	assert_int_equal(n, 2);
	ladder_firms_free(f, n);

	/* talents: brought in within the year to date, and on duty */
	exec(db, "INSERT INTO talent(name, id_no, category, region_id, stage, introduced_on) VALUES"
	         " ('A', '1', 'foreign_expert', (SELECT id FROM region WHERE name = '浮梁县'), 'on_duty', '2025-03-01'),"
	         " ('B', '2', 'foreign_expert', (SELECT id FROM region WHERE name = '浮梁县'), 'on_duty', '2024-11-01'),"
	         " ('C', '3', 'foreign_expert', (SELECT id FROM region WHERE name = '浮梁县'), 'signed', '2025-04-01'),"
	         " ('D', '4', 'foreign_expert', (SELECT id FROM region WHERE name = '乐平市'), 'left', '2025-05-01'),"
	         " ('E', '5', 'high_level', (SELECT id FROM region WHERE name = '浮梁县'), 'on_duty', '2025-06-01'),"
	         " ('F', '6', 'tech_broker', (SELECT id FROM region WHERE name = '珠山区'), 'on_duty', '2020-01-01'),"
	         " ('G', '7', 'tech_broker', (SELECT id FROM region WHERE name = '珠山区'), 'left', '2020-01-01')");
	assert_int_equal(count(db, "foreign_experts", "浮梁县", "2025"), 1);   /* A; B came in 2024 */
	assert_int_equal(count(db, "foreign_experts", "浮梁县", "2025Q1"), 1);
	assert_int_equal(count(db, "foreign_experts", "浮梁县", "2024"), 1);
	assert_int_equal(count(db, "foreign_experts", "乐平市", "2025"), 1);   /* D came, then left */
	assert_int_equal(count(db, "foreign_experts", "景德镇市", "2025"), 2);
	assert_int_equal(count(db, "foreign_experts_on_duty", "景德镇市", "2025"), 2);  /* A, B */
	assert_int_equal(count(db, "high_level_talents", "浮梁县", "2025"), 1);
	assert_int_equal(count(db, "high_level_talents", "浮梁县", "2025Q1"), 0);
	assert_int_equal(count(db, "tech_brokers", "景德镇市", "2025"), 1);
	/* a dated move to 'left' ends the stay on that day */
	exec(db, "UPDATE talent SET stage = 'left' WHERE name = 'F';"
	         " INSERT INTO talent_stage(talent_id, stage, on_date)"
	         " SELECT id, 'on_duty', '2020-01-01' FROM talent WHERE name = 'F';"
	         " INSERT INTO talent_stage(talent_id, stage, on_date)"
	         " SELECT id, 'left', '2025-07-01' FROM talent WHERE name = 'F'");
	assert_int_equal(count(db, "tech_brokers", "景德镇市", "2025Q2"), 1);
	assert_int_equal(count(db, "tech_brokers", "景德镇市", "2025Q3"), 0);
	db_close(db);
}

/* ---- the gazelle criteria ---- */

static void years(struct db *db, long long e, double a, double b, double c, double d, double rnd)
{
	char *sql = xasprintf("INSERT INTO enterprise_year(enterprise_id, year, revenue_cents,"
	                      " rnd_cents, employees) VALUES (%lld, 2021, %.0f, NULL, 50),"
	                      " (%lld, 2022, %.0f, NULL, 50), (%lld, 2023, %.0f, NULL, 50),"
	                      " (%lld, 2024, %.0f, %.0f, 60)",
	                      e, a * 100, e, b * 100, e, c * 100, e, d * 100, rnd * 100);
	exec(db, sql);
	free(sql);
}

static void test_gazelle(void **state)
{
	(void)state;
	struct db *db = fresh_db("gazelle.db");
	struct period p = { 2025, 0 };
	struct gazelle *g;
	size_t n;
	char *err = NULL;
	long long a = firm(db, "91360200MA00000031", "快", "乐平市", "high_tech", "2024-01-01");
	long long b = firm(db, "91360200MA00000032", "慢", "乐平市", "tech_sme", NULL);
	long long c = firm(db, "91360200MA00000033", "小", "浮梁县", "tech_sme", NULL);
	long long d = firm(db, "91360200MA00000034", "已瞪羚", "浮梁县", "gazelle", NULL);
	/* 20% a year exactly over 2021-2024: 10,000,000 -> 17,280,000 */
	years(db, a, 1e7, 1.2e7, 1.44e7, 1.728e7, 1e6);
	/* 19% a year */
	years(db, b, 1e7, 1.19e7, 1.4161e7, 1.6852e7, 1e6);
	/* fast, but small: 2,000,000 in the last year */
	years(db, c, 1e6, 1.3e6, 1.6e6, 2e6, 2e5);
	/* fast, but a gazelle already */
	years(db, d, 1e7, 1.5e7, 2e7, 3e7, 2e6);
	assert_int_equal(gazelle_candidates(db, 0, p, &g, &n, &err), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(g[0].id, a);
	assert_int_equal(g[0].year_from, 2021);
	assert_int_equal(g[0].year_to, 2024);
	assert_true(g[0].growth_pct > 19.99 && g[0].growth_pct < 20.01);
	assert_true(g[0].rnd_pct > 5.78 && g[0].rnd_pct < 5.79);
	assert_int_equal(g[0].employees, 60);
	gazelle_free(g, n);
	/* the criteria are the database's: lower the growth and the revenue */
	exec(db, "UPDATE gazelle_rule SET value = 15 WHERE key = 'min_growth_pct';"
	         " UPDATE gazelle_rule SET value = 1000000 WHERE key = 'min_revenue_yuan'");
	assert_int_equal(gazelle_candidates(db, 0, p, &g, &n, &err), ST_OK);
	assert_int_equal(n, 3);
	assert_int_equal(g[0].id, c);      /* the fastest first */
	gazelle_free(g, n);
	/* R&D below the floor leaves one out; a region narrows the list */
	exec(db, "UPDATE gazelle_rule SET value = 6 WHERE key = 'min_rnd_pct'");
	assert_int_equal(gazelle_candidates(db, 0, p, &g, &n, &err), ST_OK);
	assert_int_equal(n, 1);            /* 小 10%; 慢 5.9% and 快 5.8% are out */
	gazelle_free(g, n);
	assert_int_equal(gazelle_candidates(db, region_find(db, "乐平市"), p, &g, &n, &err), ST_OK);
	assert_int_equal(n, 0);
	gazelle_free(g, n);
	/* figures of a year after the period are not looked at */
	struct period early = { 2023, 0 };
	assert_int_equal(gazelle_candidates(db, 0, early, &g, &n, &err), ST_OK);
	assert_int_equal(n, 0);            /* 2020 is missing for 2020-2023 */
	gazelle_free(g, n);
	db_close(db);
}

/* ---- the targets beside the counts ---- */

static void test_goals(void **state)
{
	(void)state;
	struct db *db = fresh_db("goals.db");
	struct goal g;
	char *err = NULL;
	long long fl = region_find(db, "浮梁县"), city = region_find(db, "景德镇市");
	assert_int_equal(goal_find(db, "foreign_experts", fl, 2024, &g, &err), ST_OK);
	assert_true(g.has);
	assert_true(g.value == 5);
	assert_string_equal(g.cmp, ">=");
	/* a duty every year outlives the pack's last year */
	assert_int_equal(goal_find(db, "foreign_experts", fl, 2026, &g, &err), ST_OK);
	assert_true(g.has && g.value == 5 && g.year == 2025);
	assert_int_equal(goal_find(db, "high_level_talents", fl, 2025, &g, &err), ST_OK);
	assert_true(g.has && g.value == 10);
	/* indicators: the document issued last (300 of 001 over 400 of 002) */
	assert_int_equal(goal_find(db, "hte_valid", city, 2024, &g, &err), ST_OK);
	assert_true(g.has && g.value == 300 && g.year == 2025);
	assert_int_equal(goal_find(db, "tech_sme", city, 2025, &g, &err), ST_OK);
	assert_true(g.has && g.value == 500);
	assert_int_equal(goal_find(db, "high_growth", city, 2025, &g, &err), ST_OK);
	assert_true(g.has && g.value == 25);
	assert_int_equal(goal_find(db, "tech_brokers", city, 2025, &g, &err), ST_OK);
	assert_true(g.has && g.value == 150);
	assert_int_equal(goal_find(db, "foreign_experts_on_duty", city, 2025, &g, &err), ST_OK);
	assert_true(g.has && g.value == 30);
	assert_int_equal(goal_find(db, "gazelle", city, 2025, &g, &err), ST_OK);
	assert_false(g.has);
	assert_true(goal_missing(&(struct goal){ 1, 5, ">=", 2025 }, 2) == 3);
	assert_true(goal_missing(&(struct goal){ 1, 5, ">=", 2025 }, 7) == 0);
	assert_true(goal_missing(&(struct goal){ 0, 0, "", 0 }, 7) == 0);
	db_close(db);
}

/* ---- the migration kept talents' history and mapped their categories ---- */

static void test_talent_categories(void **state)
{
	(void)state;
	const struct choice *c;
	c = choice_by_word(&CH_TALENT_CATEGORY, "高层次科技领军人才");
	assert_non_null(c);
	assert_string_equal(c->value, "high_level");
	c = choice_by_word(&CH_TALENT_CATEGORY, "外国专家");
	assert_string_equal(c->value, "foreign_expert");
	c = choice_by_word(&CH_TALENT_CATEGORY, "技术经纪人");
	assert_string_equal(c->value, "tech_broker");
	for (size_t i = 0; i < CH_TALENT_CATEGORY.n; i++)
		if (talent_flow_counter(CH_TALENT_CATEGORY.v[i].value))
			assert_non_null(counter_find(talent_flow_counter(CH_TALENT_CATEGORY.v[i].value)));
	for (size_t i = 0; i < ladder_nrungs; i++) {
		assert_non_null(counter_find(ladder_rungs[i].counter));
		assert_non_null(choice_by_value(&CH_COUNTER, ladder_rungs[i].counter));
	}
}

static int setup(void **state)
{
	(void)state;
	setenv("INNOTRACK_LOGIN", "tester", 1);
	i18n_set(LANG_EN);
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
		cmocka_unit_test(test_ladder_rules),
		cmocka_unit_test(test_certificate_validity),
		cmocka_unit_test(test_talent_rules),
		cmocka_unit_test(test_moves),
		cmocka_unit_test(test_form_moves),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_gazelle),
		cmocka_unit_test(test_goals),
		cmocka_unit_test(test_talent_categories),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
