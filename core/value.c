/* value.c: parsing cells into numbers, dates, flags and credit codes. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "core/util.h"
#include "core/value.h"

/* One character as the checker reads it: full-width ASCII forms to
 * ASCII, ideographic and no-break spaces to ' ', U+2212 to '-'. */
static uint32_t fold_cp(uint32_t c)
{
	if (c >= 0xFF01 && c <= 0xFF5E)
		return c - 0xFEE0;
	if (c == 0x3000 || c == 0xA0)
		return ' ';
	if (c == 0x2212)
		return '-';
	return c;
}

char *value_fold(const char *s)
{
	size_t n = strlen(s), i = 0;
	int plain = 1;
	for (size_t k = 0; k < n; k++)
		if ((unsigned char)s[k] >= 0x80) {
			plain = 0;
			break;
		}
	if (plain) {         /* the common case: ASCII only, just trim */
		while (n > 0 && isspace((unsigned char)s[n - 1]))
			n--;
		while (i < n && isspace((unsigned char)s[i]))
			i++;
		return xstrndup(s + i, n - i);
	}
	struct sbuf b = { 0 };
	while (i < n) {
		uint32_t c;
		char u[UTF8_MAX];
		i += utf8_decode(s + i, n - i, &c);
		sbuf_add(&b, u, utf8_encode(fold_cp(c), u));
	}
	char *r = sbuf_take(&b);
	char *start = r;
	size_t len = strlen(r);
	while (len > 0 && isspace((unsigned char)r[len - 1]))
		r[--len] = '\0';
	while (isspace((unsigned char)*start))
		start++;
	if (start != r)
		memmove(r, start, strlen(start) + 1);
	return r;
}

char *value_fold_buf_n(const char *s, char *buf, size_t size, size_t *len)
{
	size_t n = strlen(s), i = 0, o = 0;
	for (; i < n; ) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			if (o + 1 >= size)
				return NULL;
			buf[o++] = (char)b;
			i++;
			continue;
		}
		if (o + UTF8_MAX + 1 >= size)
			return NULL;
		/* most of a Chinese cell: U+4000..U+9FFF, which fold_cp leaves */
		if (b >= 0xE4 && b <= 0xE9 && i + 2 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
		    ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
			memcpy(buf + o, s + i, 3);
			o += 3;
			i += 3;
			continue;
		}
		uint32_t c;
		i += utf8_decode(s + i, n - i, &c);
		o += utf8_encode(fold_cp(c), buf + o);
	}
	while (o > 0 && isspace((unsigned char)buf[o - 1]))
		o--;
	buf[o] = '\0';
	size_t k = 0;
	while (isspace((unsigned char)buf[k]))
		k++;
	if (k > 0)
		memmove(buf, buf + k, o - k + 1);
	*len = o - k;
	return buf;
}

char *value_fold_buf(const char *s, char *buf, size_t size)
{
	size_t len;
	return value_fold_buf_n(s, buf, size, &len);
}

int value_missing(const char *f)
{
	static const char *const marks[] = {
		"", "-", "--", "---", "/", "—", "——", "－", "－－", "─", "N/A", "n/a", "NA", "无数据", NULL
	};
	if (strnlen(f, 10) > 9)          /* longer than any mark: most text cells */
		return 0;
	for (const char *const *m = marks; *m; m++)
		if ((*m)[0] == f[0] && strcmp(f, *m) == 0)   /* (most cells differ at once) */
			return 1;
	return 0;
}

int value_number(const char *f, double *v, int *percent)
{
	char buf[64];
	size_t o = 0;
	int neg = 0, digits = 0;
	const char *p = f;
	*percent = 0;
	if (*p == '(' ) {                 /* accountants' negative */
		neg = 1;
		p++;
	}
	if (*p == '+' || *p == '-') {
		if (neg)                      /* "(-1)": a sign inside brackets */
			return -1;
		if (*p == '-')
			neg = 1;
		p++;
	}
	for (; *p; p++) {
		if (o + 2 >= sizeof buf)
			return -1;
		if (isdigit((unsigned char)*p)) {
			buf[o++] = *p;
			digits++;
		} else if (*p == ',') {
			/* a thousands separator stands between digits, before three */
			if (digits == 0 || !isdigit((unsigned char)p[1]) || !isdigit((unsigned char)p[2]) ||
			    !isdigit((unsigned char)p[3]) || isdigit((unsigned char)p[4]))
				return -1;
		} else if (*p == '.' || *p == 'e' || *p == 'E' ||
		           ((*p == '+' || *p == '-') && o > 0 && (buf[o - 1] == 'e' || buf[o - 1] == 'E'))) {
			buf[o++] = *p;
		} else {
			break;
		}
	}
	if (*p == '%') {
		*percent = 1;
		p++;
	}
	if (f[0] == '(') {
		if (*p != ')')
			return -1;
		p++;
	}
	if (*p != '\0' || digits == 0)
		return -1;
	buf[o] = '\0';
	char *end;
	errno = 0;
	double d = strtod(buf, &end);
	if (*end != '\0' || errno == ERANGE || !isfinite(d))
		return -1;
	*v = neg ? -d : d;
	return 0;
}

static int days_in(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : d[m - 1];
}

int value_date_fields(const char *f, int *y, int *m, int *d)
{
	int len = (int)strlen(f), k = 0;
	char tail[16] = "";
	if (len == 10 && f[4] == '-' && f[7] == '-' && strspn(f, "0123456789") == 4 &&
	    strspn(f + 5, "0123456789") == 2 && strspn(f + 8, "0123456789") == 2) {
		/* 2023-12-02, the usual form, without sscanf */
		*y = (f[0] - '0') * 1000 + (f[1] - '0') * 100 + (f[2] - '0') * 10 + (f[3] - '0');
		*m = (f[5] - '0') * 10 + (f[6] - '0');
		*d = (f[8] - '0') * 10 + (f[9] - '0');
		return 0;
	}
	if (len == 8 && strspn(f, "0123456789") == 8)
		return sscanf(f, "%4d%2d%2d", y, m, d) == 3 ? 0 : -1;
	if (sscanf(f, "%4d-%2d-%2d%n", y, m, d, &k) == 3 && k == len)
		return 0;
	if (sscanf(f, "%4d/%2d/%2d%n", y, m, d, &k) == 3 && k == len)
		return 0;
	if (sscanf(f, "%4d.%2d.%2d%n", y, m, d, &k) == 3 && k == len)
		return 0;
	if (sscanf(f, "%4d年%2d月%2d%15s", y, m, d, tail) == 4 && strcmp(tail, "日") == 0)
		return 0;
	return -1;
}

int value_date(const char *f, char out[11])
{
	int y, m, d;
	if (value_date_fields(f, &y, &m, &d) != 0)
		return -1;
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > days_in(y, m))
		return -1;
	snprintf(out, 11, "%04d-%02d-%02d", y % 10000, (m % 13 + 13) % 13, (d % 32 + 32) % 32);
	return 0;
}

int value_bool(const char *f, int *b)
{
	static const char *const yes[] = { "是", "有", "y", "yes", "true", "1", "√", "✓", "是的", NULL };
	static const char *const no[] = { "否", "无", "n", "no", "false", "0", "×", "✗", "不是", NULL };
	for (const char *const *p = yes; *p; p++)
		if (strcasecmp(f, *p) == 0)
			return *b = 1, 0;
	for (const char *const *p = no; *p; p++)
		if (strcasecmp(f, *p) == 0)
			return *b = 0, 0;
	return -1;
}

static const char uscc_chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* The value of each character of uscc_chars (also lower case); -1 for others. */
static signed char uscc_value[256];

static void uscc_init(void)
{
	static int done;
	if (done)
		return;
	done = 1;
	memset(uscc_value, -1, sizeof uscc_value);
	for (int i = 0; uscc_chars[i]; i++) {
		uscc_value[(unsigned char)uscc_chars[i]] = (signed char)i;
		uscc_value[tolower((unsigned char)uscc_chars[i])] = (signed char)i;
	}
}

char uscc_check_char(const char *s17)
{
	static const int w[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
	int sum = 0;
	uscc_init();
	for (int i = 0; i < 17; i++)
		sum += uscc_value[(unsigned char)s17[i]] * w[i];
	return uscc_chars[(31 - sum % 31) % 31];
}

/* GB 32100-2015: the registration authority (1st character) and the
 * categories of body it registers (2nd). */
static const struct { char authority; const char *categories; } uscc_authorities[] = {
	{ '1', "1239" },   /* 机构编制: 机关, 事业单位, 群众团体, 其他 */
	{ '2', "19" },     /* 外交 */
	{ '3', "123459" }, /* 司法行政 */
	{ '4', "19" },     /* 文化 */
	{ '5', "1239" },   /* 民政: 社会团体, 民办非企业单位, 基金会, 其他 */
	{ '6', "129" },    /* 旅游 */
	{ '7', "129" },    /* 宗教 */
	{ '8', "19" },     /* 工会 */
	{ '9', "123" },    /* 市场监管 (工商): 企业, 个体工商户, 农民专业合作社 */
	{ 'A', "19" },     /* 中央军委改革和编制办公室 */
	{ 'N', "1239" },   /* 农业: 集体经济组织 */
	{ 'Y', "1" },      /* 其他 */
};

/* Why an upper-cased 18-character code is not one, apart from its check
 * character; NULL if its parts are valid. */
static const char *uscc_form(const char *c)
{
	size_t i, n = sizeof uscc_authorities / sizeof uscc_authorities[0];
	for (i = 0; i < n && uscc_authorities[i].authority != c[0]; i++)
		;
	if (i == n)
		return N_("has a first character that is no registration authority (1-9, A, N or Y)");
	if (strchr(uscc_authorities[i].categories, c[1]) == NULL)
		return N_("has a second character that is no category of body for its registration authority");
	for (int k = 2; k < 8; k++)
		if (c[k] < '0' || c[k] > '9')
			return N_("has no six-digit area code in characters 3 to 8");
	if (strspn(c + 8, "0") >= 9)
		return N_("is all zeros");
	return NULL;
}

int value_uscc(const char *f, char out[19], const char **why, char *expect)
{
	if (strlen(f) != 18) {
		*why = N_("has not 18 characters");
		return -1;
	}
	uscc_init();
	for (int i = 0; i < 18; i++) {
		char c = (char)toupper((unsigned char)f[i]);
		if (uscc_value[(unsigned char)c] < 0) {
			*why = N_("has a character that is not 0-9 or A-Z without I, O, S, V, Z");
			return -1;
		}
		out[i] = c;
	}
	out[18] = '\0';
	if ((*why = uscc_form(out)) != NULL)
		return -1;
	*expect = uscc_check_char(out);
	if (out[17] != *expect) {
		*why = N_("has a wrong check character");
		return -2;
	}
	return 0;
}
