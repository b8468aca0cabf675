/* test_utf8.c: unit tests of core/utf8: decoding, encoding, validating
 * and counting, with the sequences RFC 3629 refuses. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/utf8.h"

/* Decode s (n bytes) and check the one code point and length it gives. */
static void decodes(const char *s, size_t n, uint32_t want, size_t len)
{
	uint32_t cp = 0;
	assert_int_equal(utf8_decode(s, n, &cp), len);
	assert_int_equal(cp, want);
}

static void decode_each_length(void **state)
{
	(void)state;
	decodes("A", 1, 'A', 1);
	decodes("\x7F", 1, 0x7F, 1);
	decodes("\xC2\x80", 2, 0x80, 2);
	decodes("\xC3\xA9", 2, 0xE9, 2);               /* é */
	decodes("\xDF\xBF", 2, 0x7FF, 2);
	decodes("\xE0\xA0\x80", 3, 0x800, 3);
	decodes("\xE4\xB8\xAD", 3, 0x4E2D, 3);         /* 中 */
	decodes("\xEF\xBF\xBD", 3, 0xFFFD, 3);
	decodes("\xEF\xBF\xBF", 3, 0xFFFF, 3);
	decodes("\xF0\x90\x80\x80", 4, 0x10000, 4);
	decodes("\xF0\x9F\x98\x80", 4, 0x1F600, 4);    /* 😀 */
	decodes("\xF0\xA0\x80\x80", 4, 0x20000, 4);    /* 𠀀, CJK extension B */
	decodes("\xF4\x8F\xBF\xBF", 4, 0x10FFFF, 4);
	decodes("\xE4\xB8\xADx", 4, 0x4E2D, 3);        /* stops at the character's end */
}

static void decode_refuses_overlongs(void **state)
{
	(void)state;
	decodes("\xC0\xAF", 2, UTF8_BAD, 1);           /* '/' in two bytes */
	decodes("\xC1\xBF", 2, UTF8_BAD, 1);
	decodes("\xE0\x80\xAF", 3, UTF8_BAD, 1);       /* '/' in three */
	decodes("\xE0\x9F\xBF", 3, UTF8_BAD, 1);       /* U+07FF in three */
	decodes("\xF0\x80\x80\xAF", 4, UTF8_BAD, 1);   /* '/' in four */
	decodes("\xF0\x8F\xBF\xBF", 4, UTF8_BAD, 1);   /* U+FFFF in four */
	/* 联通 in GBK (C1AA CDA8) is no UTF-8 at all */
	decodes("\xC1\xAA\xCD\xA8", 4, UTF8_BAD, 1);
}

static void decode_refuses_surrogates_and_beyond(void **state)
{
	(void)state;
	decodes("\xED\xA0\x80", 3, UTF8_BAD, 1);       /* U+D800 */
	decodes("\xED\xBF\xBF", 3, UTF8_BAD, 1);       /* U+DFFF */
	decodes("\xED\x9F\xBF", 3, 0xD7FF, 3);         /* the last before them */
	decodes("\xEE\x80\x80", 3, 0xE000, 3);         /* the first after them */
	decodes("\xF4\x90\x80\x80", 4, UTF8_BAD, 1);   /* U+110000 */
	decodes("\xF5\x80\x80\x80", 4, UTF8_BAD, 1);
	decodes("\xFF", 1, UTF8_BAD, 1);
	decodes("\x80", 1, UTF8_BAD, 1);               /* a lone continuation byte */
	decodes("\xBF\x80", 2, UTF8_BAD, 1);
}

static void decode_truncated_takes_one_byte(void **state)
{
	(void)state;
	decodes("\xE4\xB8", 2, UTF8_BAD, 1);           /* 中 cut after two bytes */
	decodes("\xE4", 1, UTF8_BAD, 1);
	decodes("\xF0\x9F\x98", 3, UTF8_BAD, 1);
	decodes("\xE4\xB8\xAD", 2, UTF8_BAD, 1);       /* n, not the NUL, is the end */
	decodes("\xE4\x41\xAD", 3, UTF8_BAD, 1);       /* a continuation missing */
	decodes("\xC3", 1, UTF8_BAD, 1);
	decodes("", 0, UTF8_BAD, 1);
}

static void encode_round_trips(void **state)
{
	static const uint32_t cps[] = {
		0, 'A', 0x7F, 0x80, 0x7FF, 0x800, 0x3000, 0x4E2D, 0xD7FF, 0xE000,
		0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x2A6D6, 0x10FFFF,
	};
	(void)state;
	for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		char u[UTF8_MAX];
		uint32_t back;
		size_t n = utf8_encode(cps[i], u);
		assert_int_equal(n, cps[i] < 0x80 ? 1 : cps[i] < 0x800 ? 2 : cps[i] < 0x10000 ? 3 : 4);
		assert_int_equal(utf8_decode(u, n, &back), n);
		assert_int_equal(back, cps[i]);
	}
	char u[UTF8_MAX];
	assert_int_equal(utf8_encode(0x4E2D, u), 3);
	assert_memory_equal(u, "\xE4\xB8\xAD", 3);
	assert_int_equal(utf8_encode(0x1F600, u), 4);
	assert_memory_equal(u, "\xF0\x9F\x98\x80", 4);
	/* what has no UTF-8 form is written as U+FFFD */
	assert_int_equal(utf8_encode(0xD800, u), 3);
	assert_memory_equal(u, "\xEF\xBF\xBD", 3);
	assert_int_equal(utf8_encode(0x110000, u), 3);
	assert_memory_equal(u, "\xEF\xBF\xBD", 3);
}

static void encode_decode_every_code_point(void **state)
{
	(void)state;
	for (uint32_t c = 0; c <= 0x10FFFF; c++) {
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		char u[UTF8_MAX];
		uint32_t back;
		int bad;
		size_t n = utf8_encode(c, u);
		if (utf8_decode(u, n, &back) != n || back != c)
			fail_msg("U+%04X does not come back", (unsigned)c);
		if (utf8_valid_prefix((const unsigned char *)u, n, &bad) != n || bad)
			fail_msg("U+%04X is not valid", (unsigned)c);
	}
}

/* utf8_valid_prefix on a string: the prefix and *bad. */
static void valid(const char *s, size_t n, size_t want, int want_bad)
{
	int bad = -1;
	assert_int_equal(utf8_valid_prefix((const unsigned char *)s, n, &bad), want);
	assert_int_equal(bad, want_bad);
}

static void validate_says_where_it_breaks(void **state)
{
	(void)state;
	valid("", 0, 0, 0);
	valid("abc", 3, 3, 0);
	valid("中文abc", 9, 9, 0);
	valid("ab\xF0\x9F\x98\x80", 6, 6, 0);           /* a 4-byte character */
	valid("中\xC0\xAF文", 8, 3, 1);                  /* an overlong */
	valid("中\xED\xA0\x80", 6, 3, 1);                /* a surrogate */
	valid("ab\xF4\x90\x80\x80", 6, 2, 1);           /* past U+10FFFF */
	valid("ab\x80", 3, 2, 1);                       /* a lone continuation */
	valid("ab\xE4\x41", 4, 2, 1);                   /* a continuation missing */
	valid("\xC1\xAA\xCD\xA8", 4, 0, 1);             /* 联通 in GBK */
	/* cut at the end: unfinished, not bad (more bytes may come) */
	valid("中\xE6", 4, 3, 0);
	valid("中\xE6\x96", 5, 3, 0);
	valid("中\xF0\x9F\x98", 6, 3, 0);
	/* ... but bad as soon as a byte that cannot continue it is there */
	valid("中\xE0\x80", 5, 3, 1);
}

static void count_code_points(void **state)
{
	(void)state;
	assert_int_equal(utf8_count("", 0), 0);
	assert_int_equal(utf8_count("abc", 3), 3);
	assert_int_equal(utf8_count("高新技术企业", strlen("高新技术企业")), 6);
	assert_int_equal(utf8_count("R&D投入", strlen("R&D投入")), 5);
	assert_int_equal(utf8_count("😀a𠀀", 9), 3);               /* 4-byte characters */
	assert_int_equal(utf8_count("e\xCC\x81", 3), 2);           /* a combining mark is one */
	assert_int_equal(utf8_count("中文", 4), 2);                 /* n bytes, not to the NUL */
	assert_int_equal(utf8_count("\xE4\xB8", 2), 2);            /* each invalid byte one */
	assert_int_equal(utf8_count("\xC0\xAF", 2), 2);
	assert_int_equal(utf8_count("\x80\x80\x80", 3), 3);
}

static void floor_never_splits(void **state)
{
	const char *s = "a中😀b";                      /* a E4B8AD F09F9880 b */
	size_t n = strlen(s);
	(void)state;
	assert_int_equal(utf8_floor(s, n, 0), 0);
	assert_int_equal(utf8_floor(s, n, 1), 1);
	assert_int_equal(utf8_floor(s, n, 2), 1);
	assert_int_equal(utf8_floor(s, n, 3), 1);
	assert_int_equal(utf8_floor(s, n, 4), 4);
	assert_int_equal(utf8_floor(s, n, 5), 4);
	assert_int_equal(utf8_floor(s, n, 7), 4);
	assert_int_equal(utf8_floor(s, n, 8), 8);
	assert_int_equal(utf8_floor(s, n, 9), 9);      /* the end */
	/* stray continuation bytes are characters of their own */
	assert_int_equal(utf8_floor("a\x80\x80", 3, 2), 2);
	assert_int_equal(utf8_floor("\xE4\xB8", 2, 1), 1);    /* cut: no character there */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decode_each_length),
		cmocka_unit_test(decode_refuses_overlongs),
		cmocka_unit_test(decode_refuses_surrogates_and_beyond),
		cmocka_unit_test(decode_truncated_takes_one_byte),
		cmocka_unit_test(encode_round_trips),
		cmocka_unit_test(encode_decode_every_code_point),
		cmocka_unit_test(validate_says_where_it_breaks),
		cmocka_unit_test(count_code_points),
		cmocka_unit_test(floor_never_splits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
