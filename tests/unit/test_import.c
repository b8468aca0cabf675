/* test_import.c: unit tests of the import pipeline's small parts: value
 * parsing, the USCC check character, SHA-256, UTF-8 validation, chunked
 * GB18030 decoding, header matching. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

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
	                        "ａｂｃ　", NULL };
	for (const char **p = cells; *p; p++) {
		char buf[64], *a = value_fold(*p), *b = value_fold_buf(*p, buf, sizeof buf);
		assert_non_null(b);
		assert_string_equal(a, b);
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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
