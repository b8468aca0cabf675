/* parse.c: figures and dates as typed into a form (see parse.h).  The
 * forms accept what the importer accepts, so both go through
 * core/value.c; this file only adds the form's distinctions (empty,
 * wrong form, no such day) and whole numbers. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/parse.h"
#include "core/value.h"

/* The folded text, or NULL (and *rc set) when only spaces were typed. */
static char *folded(const char *s, int *rc)
{
	char *f = value_fold(s);
	if (*f == '\0') {
		free(f);
		*rc = PARSE_EMPTY;
		return NULL;
	}
	return f;
}

int parse_decimal(const char *s, double *v, int *percent)
{
	int rc = PARSE_BAD, pct = 0;
	char *f = folded(s, &rc);
	if (f == NULL)
		return rc;
	/* the importer's exponent form (1.5e3) is not for typing */
	if (strpbrk(f, "eE") == NULL && value_number(f, v, &pct) == 0)
		rc = PARSE_OK;
	if (percent != NULL)
		*percent = pct;
	free(f);
	return rc;
}

int parse_integer(const char *s, long long *v)
{
	double d;
	int pct = 0;
	int rc = parse_decimal(s, &d, &pct);
	if (rc != PARSE_OK)
		return rc;
	if (pct || d != floor(d) || fabs(d) > 1e15)
		return PARSE_BAD;
	*v = (long long)d;
	return PARSE_OK;
}

int parse_date(const char *s, char out[11])
{
	int rc = PARSE_BAD;
	char *f = folded(s, &rc);
	if (f == NULL)
		return rc;
	int y, m, d;
	if (value_date(f, out) == 0)
		rc = PARSE_OK;
	else if (value_date_fields(f, &y, &m, &d) == 0 && y >= 1900 && y <= 2999)
		rc = PARSE_NO_DAY;
	free(f);
	return rc;
}
