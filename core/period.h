/* period.h: a reporting period, a year (2025) or a quarter (2025Q3). */
#ifndef INNOTRACK_PERIOD_H
#define INNOTRACK_PERIOD_H

#include <stddef.h>

struct period {
	int year;     /* 1900..2999 */
	int quarter;  /* 1..4, or 0 for the whole year */
};

/* Parse 2025, 2025Q3, 2025q3, 2025-Q3, 2025年, 2025年第三季度, 2025年3季度,
 * 2025-09 / 2025.9 / 2025年9月 (the quarter holding that month), and the
 * parts of a year of period_parse_in.
 * Returns 0 on success, -1 if it is not a period. */
int period_parse(const char *s, struct period *p);

/* The same, and the parts of a year as statistics offices write them:
 * 2025年度 and 2025年1-12月 (the year), 2025年1-9月 / 1—9月 / 1至9月 (year to
 * date at the quarter of the last month: 2025Q3), 2025年上半年 (2025Q2),
 * 2025年前三季度 (2025Q3).  period_parse_in also takes them without the
 * year ("1-9月", "三季度") when year is given (the year of a title above
 * the table); year 0 for none. */
int period_parse_in(const char *s, int year, struct period *p);

/* "2025" or "2025Q3" into buf (at least 8 bytes). */
const char *period_format(struct period p, char *buf, size_t size);

/* The period's last day, "YYYY-MM-DD" into buf (at least 11 bytes). */
const char *period_end(struct period p, char *buf, size_t size);

/* The period `delta` steps later (negative: earlier), same length. */
struct period period_step(struct period p, int delta);

/* The same point in time as a year (quarter -> its year) or as a quarter
 * (year -> its fourth quarter). */
struct period period_as_year(struct period p);
struct period period_as_quarter(struct period p);

/* The current year, or the current quarter. */
struct period period_now(int quarterly);

/* Fraction of the way from the end of base_year to the end of target_year
 * that the period's end has come (0..1, clamped). */
double period_elapsed(struct period p, int base_year, int target_year);

#endif
