/* parse.h: figures and dates as clerks type them into a form: full-width
 * digits (１２３), thousands separators (1,234.5), a trailing per cent
 * sign (2.2%), accounting brackets for a negative ((1,234)), and dates
 * written 2023-12-02, 2023/12/2, 2023.12.2 or 2023年12月2日.  Periods
 * (2025, 2025Q3, 2025年第三季度) are core/period.h's. */
#ifndef INNOTRACK_PARSE_H
#define INNOTRACK_PARSE_H

enum {
	PARSE_OK = 0,
	PARSE_EMPTY = -1,    /* nothing but spaces */
	PARSE_BAD = -2,      /* not of the form asked for */
	PARSE_NO_DAY = -3    /* a date of the right form, but no such day */
};

/* A decimal number.  *percent (if not NULL) is set when a % sign ends it;
 * the figure is kept as written ("2.2%" gives 2.2).  Thousands separators
 * must group three digits ("1,23" is refused: a mistyped 1.23?). */
int parse_decimal(const char *s, double *v, int *percent);

/* A whole number (full-width digits and thousands separators allowed). */
int parse_integer(const char *s, long long *v);

/* A date of the Gregorian calendar, years 1900..2999; "YYYY-MM-DD" into out. */
int parse_date(const char *s, char out[11]);

#endif
