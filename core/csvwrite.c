/* csvwrite.c: CSV rows with RFC 4180 quoting, text guarded against
 * being run as a formula. */
#include "config.h"

#include <string.h>

#include "core/csvwrite.h"
#include "core/util.h"

void csvw_start(struct csvw *w, FILE *f, int excel)
{
	w->f = f;
	w->eol = excel ? "\r\n" : "\n";
	w->col = 0;
	if (excel)
		fputs("\xEF\xBB\xBF", f);
}

int csv_formula_like(const char *s)
{
	while (*s == '\'')
		s++;
	return *s != '\0' && strchr("=+-@\t\r", *s) != NULL;
}

/* s as one field, quoted when it must be (or when a leading space would
 * make Excel guess), after `guard` if not NULL. */
static void put_field(struct csvw *w, const char *guard, const char *s)
{
	if (w->col++ > 0)
		fputc(',', w->f);
	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL && s[0] != ' ') {
		if (guard)
			fputs(guard, w->f);
		fputs(s, w->f);
		return;
	}
	fputc('"', w->f);
	if (guard)
		fputs(guard, w->f);
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			fputc('"', w->f);
		fputc(*p, w->f);
	}
	fputc('"', w->f);
}

void csvw_field(struct csvw *w, const char *s)
{
	/* OWASP's advice against CSV injection: a "'" before what a
	 * spreadsheet would run as a formula */
	put_field(w, s && csv_formula_like(s) ? "'" : NULL, s);
}

void csvw_number(struct csvw *w, const char *s)
{
	put_field(w, NULL, s);
}

void csvw_num(struct csvw *w, int has, double v, int decimals)
{
	char buf[64];
	csvw_number(w, has ? fmt_num(buf, sizeof buf, v, decimals) : NULL);
}

void csvw_int(struct csvw *w, int has, long long v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", v);
	csvw_number(w, has ? buf : NULL);
}

void csvw_end_row(struct csvw *w)
{
	fputs(w->eol, w->f);
	w->col = 0;
}
