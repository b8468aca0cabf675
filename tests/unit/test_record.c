/* test_record.c: unit tests of core/record.c and core/reftype.c on real
 * database files made from the default pack. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/dataset.h"
#include "core/db.h"
#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/pack.h"
#include "core/record.h"
#include "core/reftype.h"
#include "core/region.h"
#include "core/util.h"
#include "core/value.h"

static char tmpdir[] = "/tmp/innotrack-record-XXXXXX";

static struct db *fresh_db(const char *name)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	char *err = NULL;
	struct db *db = NULL;
	unlink(path);
	assert_int_equal(db_open(path, DB_CREATE | DB_MUSTNEW, &db, &err), ST_OK);
	int rc = pack_load(db, "jingdezhen", &err);
	if (rc != ST_OK)
		fprintf(stderr, "%s\n", err);
	assert_int_equal(rc, ST_OK);
	free(path);
	return db;
}

/* A valid USCC: 91360200MA + seven digits of n + its check character. */
static const char *uscc(long n, char out[19])
{
	snprintf(out, 19, "91360200MA%07ld", n);
	out[17] = uscc_check_char(out);
	out[18] = '\0';
	return out;
}

static void set(struct record *r, const char *col, const char *v)
{
	int i = record_field(r->p, col);
	assert_true(i >= 0);
	record_set(r, (size_t)i, v);
}

static const char *get(const struct record *r, const char *col)
{
	int i = record_field(r->p, col);
	assert_true(i >= 0);
	return r->v[i];
}

static long long scalar(struct db *db, const char *sql)
{
	return db_scalar(db, sql, NULL);
}

static char *id_text(long long id)
{
	return xasprintf("%lld", id);
}

/* Save a new enterprise; returns its id. */
static long long add_enterprise(struct db *db, long n, const char *name, const char *region)
{
	const struct profile *p = profile_find("enterprises");
	struct record r;
	struct record_conflict c;
	char code[19], *err = NULL;
	record_init(&r, p);
	set(&r, "uscc", uscc(n, code));
	set(&r, "name", name);
	set(&r, "region_id", region);
	int rc = record_save(db, &r, &c, &err);
	if (rc != ST_OK)
		fprintf(stderr, "%s\n", err ? err : "?");
	assert_int_equal(rc, ST_OK);
	long long id = r.id;
	record_free(&r);
	return id;
}

static void test_enterprise_insert_update_delete(void **state)
{
	(void)state;
	struct db *db = fresh_db("ent.db");
	const struct profile *p = profile_find("enterprises");
	struct record r;
	struct record_conflict c;
	char code[19], *err = NULL;
	i18n_set(LANG_EN);
	record_init(&r, p);
	uscc(1, code);
	for (char *s = code; *s; s++)      /* lower case is taken */
		*s = (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
	set(&r, "uscc", code);
	set(&r, "name", "  景德镇陶瓷新材料有限公司　");
	set(&r, "region_id", "乐平市");              /* a name: its id is stored */
	set(&r, "tier", "高企");                     /* a label: its value is stored */
	set(&r, "hte_cert_date", "2023年12月2日");
	set(&r, "leading", "是");
	assert_int_equal(record_save(db, &r, &c, &err), ST_OK);
	assert_true(r.id > 0);
	assert_int_equal(r.version, 1);
	assert_string_equal(get(&r, "uscc"), uscc(1, code));
	assert_string_equal(get(&r, "name"), "景德镇陶瓷新材料有限公司");
	assert_string_equal(get(&r, "tier"), "high_tech");
	assert_string_equal(get(&r, "hte_cert_date"), "2023-12-02");
	assert_string_equal(get(&r, "leading"), "1");
	assert_string_equal(get(&r, "industry"), "");          /* the default */
	assert_null(get(&r, "tsme_reg_no"));                  /* nullable: NULL */
	assert_string_equal(r.updated_by, "tester");
	long long region = region_find(db, "乐平市");
	char *rid = id_text(region);
	assert_string_equal(get(&r, "region_id"), rid);
	free(rid);
	/* shown as a clerk reads it */
	char *s = record_show(db, p, (size_t)record_field(p, "region_id"), get(&r, "region_id"));
	assert_string_equal(s, "乐平市");
	free(s);
	i18n_set(LANG_ZH);
	s = record_show(db, p, (size_t)record_field(p, "tier"), "high_tech");
	assert_string_equal(s, "高新技术企业");
	free(s);
	s = record_show(db, p, (size_t)record_field(p, "leading"), "1");
	assert_string_equal(s, "是");
	free(s);
	i18n_set(LANG_EN);

	/* update */
	long long id = r.id;
	record_free(&r);
	assert_int_equal(record_read(db, p, id, &r, &err), ST_OK);
	set(&r, "industry", "先进陶瓷");
	assert_int_equal(record_save(db, &r, &c, &err), ST_OK);
	assert_int_equal(r.version, 2);
	assert_string_equal(get(&r, "industry"), "先进陶瓷");
	assert_int_equal(scalar(db, "SELECT count(*) FROM audit WHERE tbl = 'enterprise'"), 2);

	/* delete */
	assert_int_equal(record_delete(db, &r, &c, &err), ST_OK);
	assert_int_equal(scalar(db, "SELECT count(*) FROM enterprise"), 0);
	assert_int_equal(scalar(db, "SELECT count(*) FROM audit WHERE tbl = 'enterprise'"
	                            " AND action = 'delete' AND before IS NOT NULL"), 1);
	record_free(&r);
	assert_int_equal(record_read(db, p, id, &r, &err), ST_DATA);
	free(err);
	record_free(&r);
	db_close(db);
}

static void test_checks(void **state)
{
	(void)state;
	struct db *db = fresh_db("check.db");
	const struct profile *p = profile_find("enterprises");
	struct record r;
	struct record_conflict c;
	char code[19], *err = NULL;
	i18n_set(LANG_ZH);
	long long first = add_enterprise(db, 7, "昌南电子", NULL);

	/* a wrong check character: the right one is said, the field named in Chinese */
	record_init(&r, p);
	uscc(8, code);
	code[17] = code[17] == '0' ? '1' : '0';
	set(&r, "uscc", code);
	set(&r, "name", "甲公司");
	assert_int_equal(record_save(db, &r, &c, &err), ST_DATA);
	assert_non_null(strstr(err, "统一社会信用代码："));
	assert_non_null(strstr(err, "校验码错误，应为"));
	free(err);
	err = NULL;

	/* the key is taken: the other record is named */
	set(&r, "uscc", uscc(7, code));
	assert_int_equal(record_save(db, &r, &c, &err), ST_DATA);
	assert_non_null(strstr(err, "已被另一条记录使用"));
	assert_non_null(strstr(err, "昌南电子"));
	char *no = xasprintf("第 %lld 号", first);
	assert_non_null(strstr(err, no));
	free(no);
	free(err);
	err = NULL;

	/* required, enum, date, text length, reference */
	set(&r, "uscc", uscc(8, code));
	set(&r, "name", "");
	assert_int_equal(record_save(db, &r, &c, &err), ST_DATA);
	assert_string_equal(err, "企业名称：必须填写");
	free(err);
	err = NULL;
	set(&r, "name", "甲公司");
	set(&r, "tier", "大型企业");
	assert_int_equal(record_save(db, &r, &c, &err), ST_DATA);
	assert_non_null(strstr(err, "梯次："));
	assert_non_null(strstr(err, "瞪羚企业"));
	free(err);
	err = NULL;
	set(&r, "tier", "tech_sme");
	set(&r, "hte_cert_date", "2023-02-30");
	assert_int_equal(record_save(db, &r, &c, &err), ST_DATA);
	assert_non_null(strstr(err, "发证日期："));
	free(err);
	err = NULL;
	set(&r, "hte_cert_date", NULL);
	char *longname = xcalloc(1, 3 * 201 + 1);
	for (int i = 0; i < 201; i++)
		memcpy(longname + 3 * i, "企", 3);
	set(&r, "name", longname);
	free(longname);
	assert_int_equal(record_save(db, &r, &c, &err), ST_DATA);
	assert_string_equal(err, "企业名称：最多 200 个字（现在 201 个）");
	free(err);
	err = NULL;
	set(&r, "name", "甲公司");
	set(&r, "region_id", "99999");
	assert_int_equal(record_save(db, &r, &c, &err), ST_DATA);
	assert_non_null(strstr(err, "所在地区："));
	free(err);
	err = NULL;
	set(&r, "region_id", "火星");
	assert_int_equal(record_save(db, &r, &c, &err), ST_DATA);
	assert_string_equal(err, "所在地区：数据库中没有「火星」");
	free(err);
	err = NULL;
	set(&r, "region_id", NULL);
	assert_int_equal(record_save(db, &r, &c, &err), ST_OK);
	assert_int_equal(scalar(db, "SELECT count(*) FROM enterprise"), 2);
	record_free(&r);
	i18n_set(LANG_EN);
	db_close(db);
}

static void test_conflict_on_update(void **state)
{
	(void)state;
	struct db *db = fresh_db("conflict.db");
	const struct profile *p = profile_find("enterprises");
	struct record mine, theirs;
	struct record_conflict c;
	char *err = NULL;
	i18n_set(LANG_ZH);
	long long id = add_enterprise(db, 11, "甲公司", "浮梁县");
	assert_int_equal(record_read(db, p, id, &mine, &err), ST_OK);
	assert_int_equal(record_read(db, p, id, &theirs, &err), ST_OK);
	set(&theirs, "name", "乙公司");
	set(&theirs, "tier", "gazelle");
	assert_int_equal(record_save(db, &theirs, &c, &err), ST_OK);
	set(&mine, "industry", "航空");
	assert_int_equal(record_save(db, &mine, &c, &err), ST_CONFLICT);
	assert_int_equal(c.version, 2);
	assert_string_equal(c.by, "tester");
	assert_true(strlen(c.at) == 19);
	assert_int_equal(c.nch, 2);
	assert_int_equal(c.ch[0].field, record_field(p, "name"));
	assert_string_equal(c.ch[0].before, "甲公司");
	assert_string_equal(c.ch[0].after, "乙公司");
	char *t = record_changes_text(db, p, c.ch, c.nch);
	assert_string_equal(t, "企业名称：甲公司 改为 乙公司；梯次：无 改为 瞪羚企业");
	free(t);
	assert_int_equal(scalar(db, "SELECT count(*) FROM enterprise WHERE industry = '航空'"), 0);
	/* keep mine: saved over theirs */
	record_overrule(&mine, &c);
	record_conflict_free(&c);
	assert_int_equal(record_save(db, &mine, &c, &err), ST_OK);
	assert_int_equal(mine.version, 3);
	assert_string_equal(get(&mine, "industry"), "航空");
	assert_string_equal(get(&mine, "name"), "甲公司");      /* mine, as the form held it */
	record_free(&mine);
	record_free(&theirs);
	i18n_set(LANG_EN);
	db_close(db);
}

static void test_conflict_deleted(void **state)
{
	(void)state;
	struct db *db = fresh_db("deleted.db");
	const struct profile *p = profile_find("institutes");
	struct record mine, theirs;
	struct record_conflict c;
	char *err = NULL;
	record_init(&mine, p);
	set(&mine, "name", "南昌大学");
	set(&mine, "kind", "高校");
	set(&mine, "aliases", "南大|昌大");
	assert_int_equal(record_save(db, &mine, &c, &err), ST_OK);
	assert_string_equal(get(&mine, "kind"), "university");
	long long id = mine.id;
	assert_int_equal(record_read(db, p, id, &theirs, &err), ST_OK);
	assert_int_equal(record_delete(db, &theirs, &c, &err), ST_OK);
	/* my edit meets their delete: version 0, who and when from the audit */
	set(&mine, "location", "南昌");
	assert_int_equal(record_save(db, &mine, &c, &err), ST_CONFLICT);
	assert_int_equal(c.version, 0);
	assert_string_equal(c.by, "tester");
	assert_true(strlen(c.at) == 19);
	/* and a delete of mine meets it too */
	assert_int_equal(record_delete(db, &mine, &c, &err), ST_CONFLICT);
	assert_int_equal(c.version, 0);
	/* re-add */
	record_overrule(&mine, &c);
	assert_int_equal(mine.id, 0);
	assert_int_equal(record_save(db, &mine, &c, &err), ST_OK);
	assert_true(mine.id > 0);
	assert_string_equal(get(&mine, "location"), "南昌");
	/* a version that moved on refuses a delete too */
	record_free(&theirs);
	assert_int_equal(record_read(db, p, mine.id, &theirs, &err), ST_OK);
	set(&theirs, "fields", "材料");
	assert_int_equal(record_save(db, &theirs, &c, &err), ST_OK);
	assert_int_equal(record_delete(db, &mine, &c, &err), ST_CONFLICT);
	assert_int_equal(c.version, 2);
	assert_int_equal(c.nch, 1);
	record_conflict_free(&c);
	assert_int_equal(scalar(db, "SELECT count(*) FROM institute"), 1);
	record_free(&mine);
	record_free(&theirs);
	db_close(db);
}

static void test_delete_refused(void **state)
{
	(void)state;
	struct db *db = fresh_db("refs.db");
	const struct profile *reg = profile_find("regions");
	const struct profile *obs = profile_find("observations");
	struct record r;
	struct record_conflict c;
	char *err = NULL;
	long long lp = region_find(db, "乐平市");
	char *lps = id_text(lp);
	add_enterprise(db, 21, "甲", lps);
	add_enterprise(db, 22, "乙", lps);
	/* an actual of 乐平市, the observation kind through the same code */
	record_init(&r, obs);
	set(&r, "indicator_id", "高新技术企业数量");
	set(&r, "region_id", lps);
	set(&r, "period", "2025年第三季度");
	set(&r, "value", "１２");
	assert_int_equal(record_save(db, &r, &c, &err), ST_OK);
	assert_string_equal(get(&r, "period"), "2025Q3");
	assert_string_equal(get(&r, "period_end"), "2025-09-30");
	assert_string_equal(get(&r, "value"), "12");
	record_free(&r);

	struct record_referrer *refs;
	size_t n;
	assert_int_equal(record_referrers(db, reg, lp, &refs, &n, &err), ST_OK);
	/* the pack's task targets name 乐平市 too */
	char *q = xasprintf("SELECT count(*) FROM task_target WHERE region_id = %lld", lp);
	long long ntt = scalar(db, q);
	free(q);
	assert_true(ntt > 0);
	assert_int_equal(n, 3);
	assert_string_equal(refs[0].table, "observation");
	assert_int_equal(refs[0].n, 1);
	assert_string_equal(refs[1].table, "enterprise");
	assert_int_equal(refs[1].n, 2);
	assert_string_equal(refs[2].table, "task_target");
	assert_int_equal(refs[2].n, ntt);
	record_referrers_free(refs, n);

	i18n_set(LANG_ZH);
	assert_int_equal(record_read(db, reg, lp, &r, &err), ST_OK);
	assert_int_equal(record_delete(db, &r, &c, &err), ST_DATA);
	char *want = xasprintf("「jdz-lp 乐平市」被 1 条实际值、2 家企业、%lld 条任务目标引用，不能删除", ntt);
	assert_string_equal(err, want);
	free(want);
	free(err);
	err = NULL;
	i18n_set(LANG_EN);
	assert_int_equal(scalar(db, "SELECT count(*) FROM region WHERE name = '乐平市'"), 1);
	record_free(&r);
	free(lps);

	/* an enterprise with yearly figures and stages: those go with it */
	long long e = add_enterprise(db, 23, "丙", NULL);
	char *sql = xasprintf("INSERT INTO enterprise_year(enterprise_id, year, revenue_cents)"
	                      " VALUES (%lld, 2024, 100); INSERT INTO enterprise_stage(enterprise_id,"
	                      " tier, entered_on) VALUES (%lld, 'tech_sme', '2024-01-01')", e, e);
	assert_int_equal(db_exec(db, sql, &err), ST_OK);
	free(sql);
	const struct profile *ent = profile_find("enterprises");
	assert_int_equal(record_read(db, ent, e, &r, &err), ST_OK);
	assert_int_equal(record_delete(db, &r, &c, &err), ST_OK);
	assert_int_equal(scalar(db, "SELECT count(*) FROM enterprise_year"), 0);
	assert_int_equal(scalar(db, "SELECT count(*) FROM enterprise_stage"), 0);
	record_free(&r);
	db_close(db);
}

static void test_talent_platform_region(void **state)
{
	(void)state;
	struct db *db = fresh_db("kinds.db");
	const struct profile *tal = profile_find("talents");
	const struct profile *inst = profile_find("institutes");
	const struct profile *plat = profile_find("platforms");
	const struct profile *reg = profile_find("regions");
	const struct profile *ent = profile_find("enterprises");
	struct record r;
	struct record_conflict c;
	char *err = NULL;
	long long e = add_enterprise(db, 31, "景华陶瓷", NULL);
	char *es = id_text(e);

	record_init(&r, inst);
	set(&r, "name", "景德镇陶瓷大学");
	set(&r, "kind", "university");
	assert_int_equal(record_save(db, &r, &c, &err), ST_OK);
	long long in = r.id;
	record_free(&r);

	/* a talent: enum by label, references by id and by name */
	record_init(&r, tal);
	set(&r, "name", "张伟");
	set(&r, "category", "科技特派员");
	set(&r, "mode", "柔性引进");
	set(&r, "institute_id", "景德镇陶瓷大学");
	set(&r, "enterprise_id", es);
	set(&r, "stage", "已到岗");
	set(&r, "introduced_on", "2024/3/5");
	assert_int_equal(record_save(db, &r, &c, &err), ST_OK);
	assert_string_equal(get(&r, "mode"), "flexible");
	assert_string_equal(get(&r, "stage"), "on_duty");
	assert_string_equal(get(&r, "introduced_on"), "2024-03-05");
	long long t = r.id;
	record_free(&r);
	/* the same name and no id number twice: UNIQUE lets NULLs be */
	record_init(&r, tal);
	set(&r, "name", "张伟");
	set(&r, "category", "外国专家");
	assert_int_equal(record_save(db, &r, &c, &err), ST_OK);
	record_free(&r);

	/* a platform: level required, one of its list */
	record_init(&r, plat);
	set(&r, "name", "陶瓷材料重点实验室");
	set(&r, "kind", "重点实验室");
	assert_int_equal(record_save(db, &r, &c, &err), ST_DATA);
	free(err);
	err = NULL;
	set(&r, "level", "省级");
	set(&r, "institute_id", "景德镇陶瓷大学");
	set(&r, "enterprise_id", es);
	assert_int_equal(record_save(db, &r, &c, &err), ST_OK);
	assert_string_equal(get(&r, "level"), "provincial");
	set(&r, "level", "national");
	assert_int_equal(record_save(db, &r, &c, &err), ST_OK);
	assert_int_equal(r.version, 2);
	long long pl = r.id;
	record_free(&r);

	/* the enterprise and the institute are referred to now */
	assert_int_equal(record_read(db, ent, e, &r, &err), ST_OK);
	assert_int_equal(record_delete(db, &r, &c, &err), ST_DATA);
	assert_non_null(strstr(err, "1 platforms, 1 talents"));
	free(err);
	err = NULL;
	record_free(&r);
	assert_int_equal(record_read(db, inst, in, &r, &err), ST_OK);
	assert_int_equal(record_delete(db, &r, &c, &err), ST_DATA);
	free(err);
	err = NULL;
	record_free(&r);
	/* once they are gone, it goes */
	assert_int_equal(record_read(db, plat, pl, &r, &err), ST_OK);
	assert_int_equal(record_delete(db, &r, &c, &err), ST_OK);
	record_free(&r);
	assert_int_equal(record_read(db, tal, t, &r, &err), ST_OK);
	assert_int_equal(record_delete(db, &r, &c, &err), ST_OK);
	record_free(&r);
	assert_int_equal(record_read(db, ent, e, &r, &err), ST_OK);
	assert_int_equal(record_delete(db, &r, &c, &err), ST_OK);
	record_free(&r);

	/* a region under 乐平市: parent by code; its key (code) taken */
	record_init(&r, reg);
	set(&r, "code", "jdz-lp-zx");
	set(&r, "name", "镇桥镇");
	set(&r, "kind", "乡镇");
	set(&r, "parent_id", "jdz-lp");
	assert_int_equal(record_save(db, &r, &c, &err), ST_OK);
	char *lp = id_text(region_find(db, "乐平市"));
	assert_string_equal(get(&r, "parent_id"), lp);
	assert_string_equal(get(&r, "kind"), "township");
	assert_string_equal(get(&r, "sort"), "0");
	free(lp);
	long long town = r.id;
	record_free(&r);
	record_init(&r, reg);
	set(&r, "code", "jdz-lp-zx");
	set(&r, "name", "另一个镇");
	set(&r, "kind", "township");
	assert_int_equal(record_save(db, &r, &c, &err), ST_DATA);
	assert_non_null(strstr(err, "镇桥镇"));
	free(err);
	err = NULL;
	record_free(&r);
	/* 乐平市 has a region under it now */
	assert_int_equal(record_read(db, reg, region_find(db, "乐平市"), &r, &err), ST_OK);
	assert_int_equal(record_delete(db, &r, &c, &err), ST_DATA);
	assert_non_null(strstr(err, "1 regions under it"));
	free(err);
	err = NULL;
	record_free(&r);
	assert_int_equal(record_read(db, reg, town, &r, &err), ST_OK);
	set(&r, "aliases", "镇桥");
	assert_int_equal(record_save(db, &r, &c, &err), ST_OK);
	assert_int_equal(record_delete(db, &r, &c, &err), ST_OK);
	record_free(&r);
	free(es);
	db_close(db);
}

static void test_history(void **state)
{
	(void)state;
	struct db *db = fresh_db("hist.db");
	const struct profile *p = profile_find("enterprises");
	struct record r;
	struct record_conflict c;
	struct record_event *ev;
	size_t n;
	char *err = NULL;
	long long id = add_enterprise(db, 41, "甲公司", NULL);
	assert_int_equal(record_read(db, p, id, &r, &err), ST_OK);
	set(&r, "name", "乙公司");
	assert_int_equal(record_save(db, &r, &c, &err), ST_OK);
	set(&r, "tier", "unicorn");
	set(&r, "note", "上市");
	assert_int_equal(record_save(db, &r, &c, &err), ST_OK);
	assert_int_equal(record_history(db, p, id, &ev, &n, &err), ST_OK);
	assert_int_equal(n, 3);
	assert_string_equal(ev[0].action, "update");
	assert_string_equal(ev[0].login, "tester");
	assert_int_equal(ev[0].nch, 2);
	assert_int_equal(ev[0].ch[0].field, record_field(p, "tier"));
	assert_string_equal(ev[0].ch[0].before, "none");
	assert_string_equal(ev[0].ch[0].after, "unicorn");
	assert_string_equal(ev[1].action, "update");
	assert_int_equal(ev[1].nch, 1);
	assert_string_equal(ev[1].ch[0].before, "甲公司");
	assert_string_equal(ev[2].action, "insert");
	assert_true(ev[2].nch >= 2);                 /* uscc, name, ... as set */
	record_history_free(ev, n);
	/* deleted: its history stays, newest first */
	assert_int_equal(record_delete(db, &r, &c, &err), ST_OK);
	assert_int_equal(record_history(db, p, id, &ev, &n, &err), ST_OK);
	assert_int_equal(n, 4);
	assert_string_equal(ev[0].action, "delete");
	record_history_free(ev, n);
	/* an import run that added ids 100..200 counts for 150 */
	assert_int_equal(db_exec(db, "INSERT INTO audit(at, login, tbl, row_id, row_last, action)"
	                             " VALUES ('2025-01-01 00:00:00', 'importer', 'enterprise', 100, 200,"
	                             " 'insert')", &err), ST_OK);
	assert_int_equal(record_history(db, p, 150, &ev, &n, &err), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ev[0].run, 1);
	assert_string_equal(ev[0].login, "importer");
	record_history_free(ev, n);
	record_free(&r);
	db_close(db);
}

/* The audit row is written in the save's transaction: if it cannot be,
 * the record is not saved either. */
static void test_audit_same_transaction(void **state)
{
	(void)state;
	struct db *db = fresh_db("atomic.db");
	const struct profile *p = profile_find("enterprises");
	struct record r;
	struct record_conflict c;
	char code[19], *err = NULL;
	long long id = add_enterprise(db, 51, "甲公司", NULL);
	assert_int_equal(scalar(db, "SELECT count(*) FROM audit WHERE tbl = 'enterprise' AND after"
	                            " ->> 'version' = 1 AND after ->> 'name' = '甲公司'"), 1);
	assert_int_equal(db_exec(db, "CREATE TRIGGER no_audit BEFORE INSERT ON audit"
	                             " BEGIN SELECT RAISE(ABORT, 'audit refused'); END", &err), ST_OK);
	assert_int_equal(record_read(db, p, id, &r, &err), ST_OK);
	set(&r, "name", "乙公司");
	assert_int_not_equal(record_save(db, &r, &c, &err), ST_OK);
	free(err);
	err = NULL;
	record_free(&r);
	record_init(&r, p);
	set(&r, "uscc", uscc(52, code));
	set(&r, "name", "丙公司");
	assert_int_not_equal(record_save(db, &r, &c, &err), ST_OK);
	free(err);
	err = NULL;
	record_free(&r);
	assert_int_equal(record_read(db, p, id, &r, &err), ST_OK);
	assert_int_not_equal(record_delete(db, &r, &c, &err), ST_OK);
	free(err);
	err = NULL;
	record_free(&r);
	assert_int_equal(scalar(db, "SELECT count(*) FROM enterprise WHERE name = '甲公司' AND version = 1"), 1);
	assert_int_equal(scalar(db, "SELECT count(*) FROM enterprise"), 1);
	db_close(db);
}

static void test_reftype(void **state)
{
	(void)state;
	struct db *db = fresh_db("ref.db");
	struct ref_item *it;
	size_t n;
	char *err = NULL;
	for (long i = 0; i < 30; i++)
		add_enterprise(db, 60 + i, i % 2 ? "景华陶瓷" : "昌南电子", NULL);
	const struct reftype *rt = reftype_of(FT_ENTERPRISE);
	assert_string_equal(rt->table, "enterprise");
	assert_int_equal(reftype_match(db, rt, "陶瓷", 10, &it, &n, &err), ST_OK);
	assert_int_equal(n, 10);                     /* at most 10 */
	assert_non_null(strstr(it[0].name, "景华陶瓷 91360200MA"));
	ref_items_free(it, n);
	const struct reftype *rg = reftype_of(FT_REGION);
	assert_int_equal(reftype_match(db, rg, "乐", 50, &it, &n, &err), ST_OK);
	assert_int_equal(n, 1);
	assert_string_equal(it[0].name, "乐平市");
	ref_items_free(it, n);
	assert_int_equal(reftype_match(db, rg, "", 100, &it, &n, &err), ST_OK);
	assert_int_equal((long long)n, scalar(db, "SELECT count(*) FROM region"));
	ref_items_free(it, n);
	char *name = reftype_name(db, reftype_of(FT_DOC), db_scalar(db,
	    "SELECT id FROM policy_doc WHERE number = '景府发〔2023〕1号'", NULL));
	assert_string_equal(name, "景府发〔2023〕1号");
	free(name);
	assert_true(reftype_find(db, rg, "乐平") > 0);          /* an alias */
	assert_int_equal(reftype_match(db, rt, "昌南", 1, &it, &n, &err), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(reftype_find(db, rt, it[0].name), it[0].id);   /* its name as shown */
	ref_items_free(it, n);
	assert_int_equal(reftype_find(db, rt, "景华陶瓷"), -1);          /* several */
	const struct profile *tal = profile_find("talents");
	struct record r;
	struct record_conflict c;
	record_init(&r, tal);
	set(&r, "name", "李娜");
	set(&r, "category", "科技特派员");
	set(&r, "enterprise_id", "景华陶瓷");
	i18n_set(LANG_ZH);
	assert_int_equal(record_save(db, &r, &c, &err), ST_DATA);
	assert_string_equal(err, "服务企业：叫「景华陶瓷」的记录不止一条，请选定一条");
	i18n_set(LANG_EN);
	free(err);
	err = NULL;
	record_free(&r);
	assert_int_equal(reftype_find(db, rg, "火星"), 0);
	assert_null(reftype_of(FT_TEXT));
	/* every reference type of the pack: its rows named, and found by name */
	const enum ftype types[] = { FT_REGION, FT_REGION_CODE, FT_INDICATOR, FT_DOC, FT_TASK,
	                             FT_ENTERPRISE };
	for (size_t t = 0; t < sizeof types / sizeof types[0]; t++) {
		const struct reftype *ty = reftype_of(types[t]);
		assert_non_null(ty);
		assert_int_equal(reftype_match(db, ty, NULL, 5, &it, &n, &err), ST_OK);
		assert_true(n > 0);
		char *nm = reftype_name(db, ty, it[0].id);
		assert_string_equal(nm, it[0].name);
		free(nm);
		if (types[t] != FT_ENTERPRISE)           /* names repeat among these enterprises */
			assert_int_equal(reftype_find(db, ty, it[0].name), it[0].id);
		assert_true(reftype_exists(db, ty, it[0].id));
		ref_items_free(it, n);
	}
	assert_false(reftype_exists(db, reftype_of(FT_INSTITUTE), 1));
	db_close(db);
}

/* A register's profile (only some kinds are edited); money shown in yuan; a project's amount kept in cents. */
static void test_dataset_profile_and_money(void **state)
{
	(void)state;
	struct db *db = fresh_db("money.db");
	char *err = NULL;
	struct dataset *ds = dataset_open(db, "enterprises", &err);
	assert_ptr_equal(dataset_profile(ds), profile_find("enterprises"));
	dataset_close(ds);
	ds = dataset_open(db, "regions", &err);
	assert_ptr_equal(dataset_profile(ds), profile_find("regions"));
	dataset_close(ds);
	ds = dataset_open(db, "imports", &err);
	assert_false(dataset_profile(ds)->flags & PK_EDIT);      /* import batches are not edited */
	dataset_close(ds);

	const struct profile *p = profile_find("projects");
	struct record r;
	struct record_conflict c;
	record_init(&r, p);
	set(&r, "title", "陶瓷3D打印产业化");
	set(&r, "amount_cents", "123456");
	set(&r, "started_on", "2024.6.1");
	assert_int_equal(record_save(db, &r, &c, &err), ST_OK);
	assert_string_equal(get(&r, "amount_cents"), "123456");
	assert_string_equal(get(&r, "is_major"), "0");
	char *s = record_show(db, p, (size_t)record_field(p, "amount_cents"), "123456");
	assert_string_equal(s, "1234.56");
	free(s);
	s = record_show(db, p, (size_t)record_field(p, "amount_cents"), "-5");
	assert_string_equal(s, "-0.05");
	free(s);
	set(&r, "amount_cents", "12.5");
	assert_int_equal(record_save(db, &r, &c, &err), ST_DATA);      /* cents are whole */
	free(err);
	record_free(&r);
	db_close(db);
}

/* The kinds of the ledger itself: a document, a task under it, an
 * indicator; the pack's documents cannot go while targets cite them. */
static void test_documents_tasks_indicators(void **state)
{
	(void)state;
	struct db *db = fresh_db("ledger.db");
	const struct profile *doc = profile_find("documents");
	const struct profile *task = profile_find("tasks");
	const struct profile *ind = profile_find("indicators");
	struct record r;
	struct record_conflict c;
	char *err = NULL;
	record_init(&r, doc);
	set(&r, "code", "jk2025-7");
	set(&r, "number", "景科字〔2025〕7号");
	set(&r, "short_name", "科技特派员通知");
	set(&r, "title", "关于选派科技特派员的通知");
	set(&r, "issuer", "景德镇市科学技术局");
	set(&r, "issued_on", "2025年3月1日");
	assert_int_equal(record_save(db, &r, &c, &err), ST_OK);
	assert_string_equal(get(&r, "issued_on"), "2025-03-01");
	char *d = id_text(r.id);
	record_free(&r);

	record_init(&r, task);
	set(&r, "code", "tpy");
	set(&r, "name", "选派科技特派员");
	set(&r, "doc_id", "景科字〔2025〕7号");          /* a document by its number */
	assert_int_equal(record_save(db, &r, &c, &err), ST_OK);
	assert_string_equal(get(&r, "doc_id"), d);
	long long t = r.id;
	record_free(&r);

	/* the document has a task now */
	assert_int_equal(record_read(db, doc, strtoll(d, NULL, 10), &r, &err), ST_OK);
	assert_int_equal(record_delete(db, &r, &c, &err), ST_DATA);
	assert_non_null(strstr(err, "1 tasks"));
	free(err);
	err = NULL;
	record_free(&r);
	assert_int_equal(record_read(db, task, t, &r, &err), ST_OK);
	assert_int_equal(record_delete(db, &r, &c, &err), ST_OK);
	record_free(&r);
	assert_int_equal(record_read(db, doc, strtoll(d, NULL, 10), &r, &err), ST_OK);
	assert_int_equal(record_delete(db, &r, &c, &err), ST_OK);
	record_free(&r);
	free(d);

	/* an indicator the pack's targets use */
	long long hte = db_scalar(db, "SELECT id FROM indicator WHERE name = '高新技术企业数量'", NULL);
	assert_int_equal(record_read(db, ind, hte, &r, &err), ST_OK);
	set(&r, "unit", "个");
	assert_int_equal(record_save(db, &r, &c, &err), ST_OK);
	assert_int_equal(record_delete(db, &r, &c, &err), ST_DATA);
	assert_non_null(strstr(err, "targets"));
	free(err);
	record_free(&r);
	db_close(db);
}

static int setup(void **state)
{
	(void)state;
	setenv("INNOTRACK_LOGIN", "tester", 1);
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
		cmocka_unit_test(test_enterprise_insert_update_delete),
		cmocka_unit_test(test_checks),
		cmocka_unit_test(test_conflict_on_update),
		cmocka_unit_test(test_conflict_deleted),
		cmocka_unit_test(test_delete_refused),
		cmocka_unit_test(test_talent_platform_region),
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_audit_same_transaction),
		cmocka_unit_test(test_reftype),
		cmocka_unit_test(test_dataset_profile_and_money),
		cmocka_unit_test(test_documents_tasks_indicators),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
