/* period.c: years and quarters, parsed from the ways Chinese sheets write them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/period.h"

static int quarter_of_month(int m)
{
	return (m - 1) / 3 + 1;
}

/* Chinese or Arabic digit 1-4 at *s; advances *s.  0 if none. */
static int quarter_digit(const char **s)
{
	static const char *cn[] = { "一", "二", "三", "四" };
	if (**s >= '1' && **s <= '4')
		return *(*s)++ - '0';
	for (int i = 0; i < 4; i++)
		if (strncmp(*s, cn[i], strlen(cn[i])) == 0) {
			*s += strlen(cn[i]);
			return i + 1;
		}
	return 0;
}

/* A dash between two months: - — – ~ ～ 至 到 (full-width forms are
 * folded before).  Advances *s; 0 if none. */
static int month_dash(const char **s)
{
	static const char *const dash[] = { "-", "~", "\xE2\x80\x94", "\xE2\x80\x93", "\xEF\xBD\x9E",
	                                    "\xEF\xBC\x8D", "至", "到", NULL };
	for (const char *const *d = dash; *d; d++)
		if (strncmp(*s, *d, strlen(*d)) == 0) {
			*s += strlen(*d);
			if (strncmp(*s, "\xE2\x80\x94", 3) == 0)     /* —— */
				*s += 3;
			return 1;
		}
	return 0;
}

/* What follows the year's 年 in the ways statistics offices write a part
 * of a year: 度 (the year), 1-9月 (from January: year to date, at the
 * quarter of the last month; 1-12月 the year), 上半年 (Q2), 前三季度 (Q3).
 * 0 if s is one of them. */
static int year_part(const char *s, struct period *p)
{
	char *end;
	if (strcmp(s, "度") == 0 || strcmp(s, "全年") == 0) {
		p->quarter = 0;
		return 0;
	}
	if (strcmp(s, "上半年") == 0) {
		p->quarter = 2;
		return 0;
	}
	if (strncmp(s, "前", 3) == 0) {
		const char *q = s + 3;
		int n = quarter_digit(&q);
		if (n == 0 && strncmp(q, "两", 3) == 0) {
			n = 2;
			q += 3;
		}
		if (n && (strcmp(q, "季度") == 0 || strcmp(q, "个季度") == 0)) {
			p->quarter = n == 4 ? 0 : n;
			return 0;
		}
		return -1;
	}
	long a = strtol(s, &end, 10);
	const char *q = end;
	if (end == s || a != 1)
		return -1;
	if (strncmp(q, "月", 3) == 0)     /* 1月-9月 */
		q += 3;
	if (!month_dash(&q))
		return -1;
	long b = strtol(q, &end, 10);
	if (end == q || b < 1 || b > 12 || strcmp(end, "月") != 0)
		return -1;
	p->quarter = b == 12 ? 0 : quarter_of_month((int)b);
	return 0;
}

int period_parse_in(const char *s, int year, struct period *p)
{
	while (*s == ' ')
		s++;
	if (period_parse(s, p) == 0)
		return 0;
	if (year < 1900 || year > 2999 || (*s >= '0' && *s <= '9' && strlen(s) >= 4 &&
	    s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9'))
		return -1;
	/* 1-9月, 三季度, 第三季度, 上半年 under a title that gives the year */
	char buf[96];
	if (strlen(s) > sizeof buf - 16)
		return -1;
	snprintf(buf, sizeof buf, "%04d年%s", year, s);
	return period_parse(buf, p);
}

int period_parse(const char *s, struct period *p)
{
	char *end;
	while (*s == ' ')
		s++;
	if (s[0] < '1' || s[0] > '2')
		return -1;
	long y = strtol(s, &end, 10);
	if (end - s != 4 || y < 1900 || y > 2999)
		return -1;
	p->year = (int)y;
	p->quarter = 0;
	s = end;
	if (strncmp(s, "年", 3) == 0) {
		s += 3;
		if (*s != '\0' && year_part(s, p) == 0)
			return 0;
	}
	if (*s == '\0')
		return 0;
	if (*s == '-' || *s == '.' || *s == '/') {
		s++;
		if (*s == 'Q' || *s == 'q')
			goto quarter;
		long m = strtol(s, &end, 10);
		if (end == s || m < 1 || m > 12 || (*end != '\0' && strcmp(end, "月") != 0))
			return -1;
		p->quarter = quarter_of_month((int)m);
		return 0;
	}
	if (*s == 'Q' || *s == 'q') {
quarter:
		s++;
		p->quarter = quarter_digit(&s);
		return p->quarter && *s == '\0' ? 0 : -1;
	}
	long m = strtol(s, &end, 10);
	if (end != s && m >= 1 && m <= 12 && strcmp(end, "月") == 0) {
		p->quarter = quarter_of_month((int)m);
		return 0;
	}
	if (strncmp(s, "第", 3) == 0)
		s += 3;
	if ((p->quarter = quarter_digit(&s)) != 0 &&
	    (strcmp(s, "季度") == 0 || strcmp(s, "季") == 0))
		return 0;
	return -1;
}

const char *period_format(struct period p, char *buf, size_t size)
{
	if (p.quarter)
		snprintf(buf, size, "%04dQ%d", p.year, p.quarter);
	else
		snprintf(buf, size, "%04d", p.year);
	return buf;
}

const char *period_end(struct period p, char *buf, size_t size)
{
	static const char *ends[] = { "12-31", "03-31", "06-30", "09-30", "12-31" };
	snprintf(buf, size, "%04d-%s", p.year, ends[p.quarter]);
	return buf;
}

struct period period_step(struct period p, int delta)
{
	if (p.quarter == 0) {
		p.year += delta;
		return p;
	}
	int q = p.year * 4 + (p.quarter - 1) + delta;
	p.year = q / 4;
	p.quarter = q % 4 + 1;
	return p;
}

struct period period_as_year(struct period p)
{
	p.quarter = 0;
	return p;
}

struct period period_as_quarter(struct period p)
{
	if (p.quarter == 0)
		p.quarter = 4;
	return p;
}

struct period period_now(int quarterly)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	struct period p = { tm.tm_year + 1900, quarterly ? quarter_of_month(tm.tm_mon + 1) : 0 };
	return p;
}

double period_elapsed(struct period p, int base_year, int target_year)
{
	if (target_year <= base_year)
		return 1.0;
	/* in quarters from the end of base_year */
	double done = (p.year - base_year) * 4.0 + (p.quarter ? p.quarter : 4) - 4;
	double span = (target_year - base_year) * 4.0;
	double f = done / span;
	return f < 0 ? 0 : f > 1 ? 1 : f;
}
