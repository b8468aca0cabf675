/* parse.c: figures and dates as typed (see parse.h). */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "core/parse.h"
#include "core/util.h"

/* s folded (full-width forms to ASCII, spaces gone, 【】 to []) with the
 * Chinese and typographic minus signs made '-'.  Caller frees. */
static char *parse_fold(const char *s)
{
	char *f = fold_name(s);
	struct sbuf b = { 0 };
	sbuf_add(&b, "", 0);
	for (const char *p = f; *p; p++) {
		if (strncmp(p, "\xE2\x88\x92", 3) == 0) {          /* U+2212 minus */
			sbuf_puts(&b, "-");
			p += 2;
		} else {
			sbuf_add(&b, p, 1);
		}
	}
	free(f);
	return sbuf_take(&b);
}

/* Digits with optional thousands separators, copied into out without
 * them.  Returns the bytes of s used, or 0 if the grouping is wrong. */
static size_t parse_digits(const char *s, struct sbuf *out)
{
	size_t i = 0, group = 0;
	int commas = 0, first = 0;
	while (isdigit((unsigned char)s[i]) || (s[i] == ',' && i > 0)) {
		if (s[i] == ',') {
			if (commas ? group != 3 : group > 3)
				return 0;
			if (!commas)
				first = (int)group;
			commas++;
			group = 0;
		} else {
			sbuf_add(out, s + i, 1);
			group++;
		}
		i++;
	}
	if (commas && (group != 3 || first == 0))
		return 0;
	return i;
}

int parse_decimal(const char *s, double *v, int *percent)
{
	char *f = parse_fold(s);
	char *p = f, *end;
	struct sbuf num = { 0 };
	int neg = 0, rc = PARSE_BAD, pct = 0;
	size_t len = strlen(f);
	sbuf_add(&num, "", 0);
	if (len == 0) {
		rc = PARSE_EMPTY;
		goto out;
	}
	if (p[0] == '(' && p[len - 1] == ')') {     /* accounting negative */
		p[len - 1] = '\0';
		p++;
		neg = 1;
	}
	len = strlen(p);
	if (len > 0 && p[len - 1] == '%') {
		p[--len] = '\0';
		pct = 1;
	}
	if (*p == '-' || *p == '+') {
		if (neg)
			goto out;
		neg = *p == '-';
		p++;
	}
	size_t k = parse_digits(p, &num);
	if (k == 0 && *p != '.')
		goto out;
	p += k;
	if (*p == '.') {
		sbuf_add(&num, p, 1);
		p++;
		size_t d = 0;
		while (isdigit((unsigned char)p[d]))
			d++;
		if (d == 0 && k == 0)
			goto out;
		sbuf_add(&num, p, d);
		p += d;
	}
	if (*p != '\0')
		goto out;
	double x = strtod(num.s, &end);
	if (*end != '\0')
		goto out;
	*v = neg ? -x : x;
	if (percent != NULL)
		*percent = pct;
	rc = PARSE_OK;
out:
	sbuf_free(&num);
	free(f);
	return rc;
}

int parse_integer(const char *s, long long *v)
{
	char *f = parse_fold(s);
	struct sbuf num = { 0 };
	const char *p = f;
	int rc = PARSE_BAD, neg = 0;
	sbuf_add(&num, "", 0);
	if (*p == '\0') {
		rc = PARSE_EMPTY;
		goto out;
	}
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	size_t k = parse_digits(p, &num);
	if (k == 0 || p[k] != '\0' || num.len > 15)
		goto out;
	*v = strtoll(num.s, NULL, 10) * (neg ? -1 : 1);
	rc = PARSE_OK;
out:
	sbuf_free(&num);
	free(f);
	return rc;
}

/* A run of 1..max digits at *p as a number; advances *p.  -1 if none. */
static int parse_num(const char **p, int max)
{
	int n = 0, v = 0;
	while (n < max && isdigit((unsigned char)**p)) {
		v = v * 10 + (*(*p)++ - '0');
		n++;
	}
	return n ? v : -1;
}

/* One of the separators at *p (each a string); advances *p. */
static int parse_sep(const char **p, const char *const *seps)
{
	for (; *seps; seps++)
		if (strncmp(*p, *seps, strlen(*seps)) == 0) {
			*p += strlen(*seps);
			return 1;
		}
	return 0;
}

int parse_date(const char *s, char out[11])
{
	static const char *const after_year[] = { "-", "/", ".", "年", NULL };
	static const char *const after_month[] = { "-", "/", ".", "月", NULL };
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	char *f = parse_fold(s);
	const char *p = f;
	int rc = PARSE_BAD;
	if (*p == '\0') {
		free(f);
		return PARSE_EMPTY;
	}
	int y = parse_num(&p, 4);
	if (p - f != 4 || !parse_sep(&p, after_year))
		goto out;
	int m = parse_num(&p, 2);
	if (m < 0 || !parse_sep(&p, after_month))
		goto out;
	int d = parse_num(&p, 2);
	if (d < 0 || (*p != '\0' && strcmp(p, "日") != 0 && strcmp(p, "号") != 0))
		goto out;
	if (y < 1900 || y > 2999)
		goto out;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1] + (m == 2 && leap)) {
		rc = PARSE_NO_DAY;
		goto out;
	}
	/* y, m and d are in range: exactly ten characters */
	char tmp[32];
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
	memcpy(out, tmp, 11);
	rc = PARSE_OK;
out:
	free(f);
	return rc;
}
