/* test_import.c: unit tests of the import pipeline's small parts: value
 * parsing, the USCC check character, SHA-256, UTF-8 validation, chunked
 * GB18030 decoding, header matching. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/import.h"
#include "core/period.h"
#include "core/profile.h"
#include "core/sha256.h"
#include "core/textenc.h"
#include "core/utf8.h"
#include "core/value.h"

static double num(const char *s, int *ok, int *pct)
{
	double v = 0;
	char *f = value_fold(s);
	*ok = value_number(f, &v, pct) == 0;
	free(f);
	return v;
}

static void test_numbers(void **state)
{
	int ok, pct;
	(void)state;
	assert_true(num("1,234.5", &ok, &pct) == 1234.5 && ok && !pct);
	assert_true(num("2.2%", &ok, &pct) == 2.2 && ok && pct);
	assert_true(num("１，２３４．５", &ok, &pct) == 1234.5 && ok);
	assert_true(num("２．２％", &ok, &pct) == 2.2 && ok && pct);
	assert_true(num("(1,234)", &ok, &pct) == -1234 && ok);
	assert_true(num("（1,234.00）", &ok, &pct) == -1234 && ok);
	assert_true(num("  42 ", &ok, &pct) == 42 && ok);
	assert_true(num("\xE3\x80\x80" "7" "\xE3\x80\x80", &ok, &pct) == 7 && ok);
	assert_true(num("−3", &ok, &pct) == -3 && ok);
	assert_true(num("1.5e3", &ok, &pct) == 1500 && ok);
	num("abc", &ok, &pct);
	assert_false(ok);
	num("1,23", &ok, &pct);
	assert_false(ok);
	num("1.2.3", &ok, &pct);
	assert_false(ok);
	num("12元", &ok, &pct);
	assert_false(ok);
	num("", &ok, &pct);
	assert_false(ok);
}

static void test_missing(void **state)
{
	(void)state;
	const char *yes[] = { "", "-", "--", "—", "——", "/", "－", "N/A", NULL };
	for (const char **p = yes; *p; p++)
		assert_true(value_missing(*p));
	assert_false(value_missing("0"));
	assert_false(value_missing("无限"));
	const char *more[] = { "---", "－－", "─", "n/a", "NA", "无数据", NULL };
	for (const char **p = more; *p; p++)
		assert_true(value_missing(*p));
	const char *no[] = { "Na", "N", "无", "—1", "/2", "-1", "nan", NULL };
	for (const char **p = no; *p; p++)
		assert_false(value_missing(*p));
}

/* value_fold_buf gives what value_fold gives, or NULL when it does not fit. */
static void test_fold_buf(void **state)
{
	(void)state;
	const char *cells[] = { "", "  12 ", "\t1,234.5\t", "１，２３４．５", "\xE3\x80\x80２．２％\xE3\x80\x80",
	                        "\xE2\x88\x92" "5", "\xC2\xA0x\xC2\xA0", "乐平市", " 高新技术企业 ", "\xFF\xFE" "ab",
	                        "ａｂｃ　", "景德镇（乐平）第１号ä¸", "é¿¿ä－", NULL };
	for (const char **p = cells; *p; p++) {
		char buf[64], *a = value_fold(*p), *b = value_fold_buf(*p, buf, sizeof buf);
		size_t len;
		assert_non_null(b);
		assert_string_equal(a, b);
		assert_non_null(value_fold_buf_n(*p, buf, sizeof buf, &len));
		assert_int_equal(len, strlen(a));
		free(a);
	}
	char small[4];
	assert_null(value_fold_buf("12345", small, sizeof small));
	assert_null(value_fold_buf("乐平市", small, sizeof small));
	assert_string_equal(value_fold_buf(" 1 ", small, sizeof small), "1");
}

static void test_dates(void **state)
{
	char d[11];
	(void)state;
	const char *good[] = { "2023-12-02", "2023/12/2", "2023.12.2", "2023年12月2日", "20231202", NULL };
	for (const char **p = good; *p; p++) {
		assert_int_equal(value_date(*p, d), 0);
		assert_string_equal(d, "2023-12-02");
	}
	assert_int_equal(value_date("2024-02-29", d), 0);
	assert_int_equal(value_date("2023-02-29", d), -1);
	assert_int_equal(value_date("2023-13-01", d), -1);
	assert_int_equal(value_date("2023-12-02x", d), -1);
	assert_int_equal(value_date("12/02/2023", d), -1);
}

static void test_bool(void **state)
{
	int b;
	(void)state;
	assert_int_equal(value_bool("是", &b), 0);
	assert_int_equal(b, 1);
	assert_int_equal(value_bool("否", &b), 0);
	assert_int_equal(b, 0);
	assert_int_equal(value_bool("Yes", &b), 0);
	assert_int_equal(b, 1);
	assert_int_equal(value_bool("maybe", &b), -1);
}

static void test_uscc(void **state)
{
	char out[19], expect;
	const char *why;
	(void)state;
	assert_int_equal(uscc_check_char("91360200000000001"), 'X');
	assert_int_equal(value_uscc("91360200000000001X", out, &why, &expect), 0);
	assert_int_equal(value_uscc("91360200000000001x", out, &why, &expect), 0);
	assert_string_equal(out, "91360200000000001X");
	assert_int_equal(value_uscc("913602000000000010", out, &why, &expect), -2);
	assert_int_equal(expect, 'X');
	assert_int_equal(value_uscc("9136020000000000", out, &why, &expect), -1);
	assert_int_equal(value_uscc("91360200000000I01X", out, &why, &expect), -1);
	/* the standard's own example, GB 32100-2015 Annex: 91350100M000100Y43 */
	assert_int_equal(value_uscc("91350100M000100Y43", out, &why, &expect), 0);
	/* the registration authority (1st) and its categories (2nd), with a
	 * right check character each, so that only the form is at fault */
	const char *bad[] = { "0", "B", "Z0", "94", "16", "56", "Y2", "9A", NULL };
	for (const char **b = bad; *b; b++) {
		char code[19];
		snprintf(code, sizeof code, "%s%s", *b, strlen(*b) == 1 ? "1360200MA1234567" : "360200MA1234567");
		code[17] = uscc_check_char(code);
		code[18] = '\0';
		assert_int_equal(value_uscc(code, out, &why, &expect), -1);
	}
	const char *good[] = { "11", "12", "52", "53", "59", "91", "92", "93", "Y1", "N2", "31", NULL };
	for (const char **g = good; *g; g++) {
		char code[19];
		snprintf(code, sizeof code, "%s360200MA1234567", *g);
		code[17] = uscc_check_char(code);
		code[18] = '\0';
		assert_int_equal(value_uscc(code, out, &why, &expect), 0);
	}
	/* all zeros (with its check character), an area code with letters */
	char z[19] = "91360200000000000";
	z[17] = uscc_check_char(z);
	z[18] = '\0';
	assert_int_equal(value_uscc(z, out, &why, &expect), -1);
	assert_string_equal(why, "is all zeros");
	char a[19] = "9136AB00MA1234567";
	a[17] = uscc_check_char(a);
	a[18] = '\0';
	assert_int_equal(value_uscc(a, out, &why, &expect), -1);
}

static void sha_of(const char *s, size_t split, char hex[65])
{
	struct sha256 h;
	sha256_init(&h);
	sha256_add(&h, s, split);
	sha256_add(&h, s + split, strlen(s) - split);
	sha256_hex(&h, hex);
}

static void known_answers(void)
{
	char hex[65];
	sha_of("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha_of("abc", 1, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	for (size_t split = 0; split <= strlen(m); split += 7) {
		sha_of(m, split, hex);
		assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	}
}

/* The digest of 100,000 pseudo-random bytes fed in uneven pieces. */
static void sha_of_noise(char hex[65])
{
	static unsigned char buf[100000];
	uint32_t x = 2463534242u;
	struct sha256 h;
	for (size_t i = 0; i < sizeof buf; i++) {
		x ^= x << 13; x ^= x >> 17; x ^= x << 5;
		buf[i] = (unsigned char)x;
	}
	sha256_init(&h);
	for (size_t at = 0, step = 1; at < sizeof buf; at += step, step = step * 3 % 997 + 1)
		sha256_add(&h, buf + at, at + step > sizeof buf ? sizeof buf - at : step);
	sha256_hex(&h, hex);
}

/* The processor's SHA instructions (where it has them) and the C rounds
 * give the same digests. */
static void test_sha256(void **state)
{
	char fast[65], portable[65];
	(void)state;
	known_answers();
	sha_of_noise(fast);
	sha256_use_portable(1);
	known_answers();
	sha_of_noise(portable);
	sha256_use_portable(0);
	assert_string_equal(fast, portable);
}

static void test_utf8(void **state)
{
	int bad;
	(void)state;
	const unsigned char ok[] = "中文abc";
	assert_int_equal(utf8_valid_prefix(ok, sizeof ok - 1, &bad), sizeof ok - 1);
	assert_int_equal(bad, 0);
	/* 联通 in GBK: C1AA CDA8, refused (it would be an overlong in UTF-8) */
	const unsigned char lt[] = { 0xC1, 0xAA, 0xCD, 0xA8 };
	assert_int_equal(utf8_valid_prefix(lt, 4, &bad), 0);
	assert_int_equal(bad, 1);
	/* a character cut at the end is unfinished, not bad */
	assert_int_equal(utf8_valid_prefix(ok, 4, &bad), 3);
	assert_int_equal(bad, 0);
	const unsigned char sur[] = { 0xED, 0xA0, 0x80 };
	utf8_valid_prefix(sur, 3, &bad);
	assert_int_equal(bad, 1);
}

static void test_gb18030_chunks(void **state)
{
	/* 景德镇 in GB18030, with a BOM-less ASCII tail, fed one byte at a time */
	const char gb[] = "\xBE\xB0\xB5\xC2\xD5\xF2,1\r\n";
	struct textdec *d = textdec_new(ENC_GB18030);
	char out[64] = "";
	size_t len = 0;
	(void)state;
	assert_non_null(d);
	for (size_t i = 0; i < sizeof gb - 1; i++) {
		const char *o;
		size_t n;
		assert_int_equal(textdec_feed(d, gb + i, 1, &o, &n), 0);
		memcpy(out + len, o, n);
		len += n;
	}
	out[len] = '\0';
	assert_false(textdec_pending(d));
	assert_string_equal(out, "景德镇,1\r\n");
	textdec_free(d);
}

static void test_headers(void **state)
{
	const struct profile *p = profile_find("enterprises");
	char *unit = NULL;
	(void)state;
	assert_non_null(p);
	assert_string_equal(p->f[profile_match(p, " 统一社会信用代码 ", NULL)].col, "uscc");
	assert_string_equal(p->f[profile_match(p, "企业名称*", NULL)].col, "name");
	assert_string_equal(p->f[profile_match(p, "Name", NULL)].col, "name");
	assert_string_equal(p->f[profile_match(p, "发证日期（年月日）", &unit)].col, "hte_cert_date");
	assert_string_equal(unit, "年月日");
	free(unit);
	assert_int_equal(profile_match(p, "年龄", NULL), -1);
	p = profile_find("projects");
	assert_string_equal(p->f[profile_match(p, "合同金额（万元）", &unit)].col, "amount_cents");
	assert_string_equal(unit, "万元");
	free(unit);
	assert_null(profile_find("nonsense"));
	assert_non_null(profile_find("task-targets"));
}

/* Every header spelling of the tables and forms of the five documents
 * (shared/seeds: 002 表1, 003 附件1-3) and of offices' sheets, and the
 * field it names. */
static const struct { const char *kind, *header, *col; } spellings[] = {
	/* the region, as offices write it */
	{ "observations", "县（市、区）", "region_id" },
	{ "observations", "县(市、区)", "region_id" },
	{ "observations", "县（市、区、园区）", "region_id" },
	{ "observations", "所在县（市、区）", "region_id" },
	{ "observations", "单位名称", "region_id" },
	{ "observations", "期间", "period" },
	{ "observations", "时期", "period" },
	{ "observations", "指标名称", "indicator_id" },          /* 002 表1 */
	{ "targets", "指标名称", "indicator_id" },
	{ "targets", "县（市、区）", "region_id" },
	{ "enterprises", "县（市、区）", "region_id" },
	{ "enterprises", "县(市、区)", "region_id" },
	{ "enterprises", "县（市、区、园区）", "region_id" },
	{ "enterprises", "所在县（市、区）", "region_id" },
	{ "enterprises", "所属县（市、区）", "region_id" },
	{ "enterprises", "单位名称", "name" },
	{ "enterprises", "企业类别", "tier" },
	{ "enterprises", "行业领域", "industry" },
	{ "enterprises", "科技型中小企业入库登记编号", "tsme_reg_no" },
	{ "enterprises", "发证日期（年月日）", "hte_cert_date" },
	{ "talents", "县（市、区）", "region_id" },
	{ "platforms", "县（市、区）", "region_id" },
	{ "partnerships", "县（市、区）", "region_id" },
	{ "events", "县（市、区）", "region_id" },
	{ "projects", "县（市、区）", "region_id" },
	{ "designations", "县（市、区）", "region_id" },
	/* 003 附件1 大院大所科技成果信息表 */
	{ "achievements", "科技成果名称", "name" },
	{ "achievements", "大院大所名称", "institute_id" },
	{ "achievements", "成果所在院、系、实验室", "lab" },
	{ "achievements", "科技成果研发负责人", "lead" },
	{ "achievements", "职务、职称", "lead_title" },
	{ "achievements", "联系电话", "phone" },
	{ "achievements", "科技成果所属领域", "field" },
	{ "achievements", "科技成果\n所属领域", "field" },
	{ "achievements", "科技成果所处阶段", "stage" },
	{ "achievements", "科技成果及研发团队简介（限500字）", "summary" },
	{ "achievements", "科技成果与、区镇的契合情况说明（限300字）", "fit" },
	{ "achievements", "科技成果在区镇推介计划（限200字）", "promotion_plan" },
	{ "achievements", "填报区镇", "region_id" },
	{ "achievements", "填报人及联系电话", "filed_by" },
	{ "achievements", "填报时间", "filed_on" },
	/* 003 附件2 and 附件3 */
	{ "task-targets", "区镇/部门", "region_id" },
	{ "task-targets", "区镇", "region_id" },
};

static void test_header_spellings(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
		const struct profile *p = profile_find(spellings[i].kind);
		assert_non_null(p);
		int f = import_header_field(p, spellings[i].header, NULL);
		if (f < 0 || strcmp(p->f[f].col, spellings[i].col) != 0)
			fail_msg("%s: \"%s\" gave %s, not %s", spellings[i].kind, spellings[i].header,
			         f < 0 ? "nothing" : p->f[f].col, spellings[i].col);
	}
	/* the rule: brackets and their content, 、 and /, 所在/所属 */
	char *unit = NULL, *r = import_header_reduce("所在县（市、区）", &unit);
	assert_string_equal(r, "县");
	assert_string_equal(unit, "市、区");
	free(r);
	free(unit);
	r = import_header_reduce("技术市场合同成交额 (亿元)", &unit);
	assert_string_equal(r, "技术市场合同成交额");
	assert_string_equal(unit, "亿元");
	free(r);
	free(unit);
	r = import_header_reduce("【备注】说明", &unit);
	assert_string_equal(r, "说明");
	assert_null(unit);
	free(r);
	/* what names nothing stays nothing */
	assert_int_equal(import_header_field(profile_find("enterprises"), "序号", NULL), -1);
	assert_int_equal(import_header_field(profile_find("enterprises"), "（备注）", NULL), -1);
}

static void test_periods(void **state)
{
	static const struct { const char *s; int year; const char *want; } cases[] = {
		{ "2025Q3", 0, "2025Q3" }, { "2025年第三季度", 0, "2025Q3" }, { "2025年三季度", 0, "2025Q3" },
		{ "2025年3季度", 0, "2025Q3" }, { "2026年1-9月", 0, "2026Q3" }, { "2026年1—9月", 0, "2026Q3" },
		{ "2026年1月-9月", 0, "2026Q3" }, { "2026年1至9月", 0, "2026Q3" }, { "2026年1~6月", 0, "2026Q2" },
		{ "2025年上半年", 0, "2025Q2" }, { "2025年度", 0, "2025" }, { "2025年1-12月", 0, "2025" },
		{ "2025年前三季度", 0, "2025Q3" }, { "2025年全年", 0, "2025" }, { "2025-09", 0, "2025Q3" },
		{ "1-9月", 2026, "2026Q3" }, { "1—9月", 2026, "2026Q3" }, { "三季度", 2025, "2025Q3" },
		{ "第二季度", 2025, "2025Q2" }, { "上半年", 2025, "2025Q2" }, { "2024年1-3月", 2026, "2024Q1" },
	};
	static const struct { const char *s; int year; } bad[] = {
		{ "1-9月", 0 }, { "2025年7-9月", 0 }, { "2025年下半年", 0 }, { "2025年1-13月", 0 },
		{ "三季度", 0 }, { "2025年度x", 0 }, { "12月", 1899 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct period p;
		char buf[16];
		if (period_parse_in(cases[i].s, cases[i].year, &p) != 0)
			fail_msg("\"%s\" not read", cases[i].s);
		if (strcmp(period_format(p, buf, sizeof buf), cases[i].want) != 0)
			fail_msg("\"%s\" gave %s, not %s", cases[i].s, buf, cases[i].want);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct period p;
		if (period_parse_in(bad[i].s, bad[i].year, &p) == 0)
			fail_msg("\"%s\" taken as a period", bad[i].s);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_fold_buf),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_bool),
		cmocka_unit_test(test_uscc),
		cmocka_unit_test(test_sha256),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_gb18030_chunks),
		cmocka_unit_test(test_headers),
		cmocka_unit_test(test_header_spellings),
		cmocka_unit_test(test_periods),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
