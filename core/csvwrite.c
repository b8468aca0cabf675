/* csvwrite.c: CSV rows with RFC 4180 quoting. */
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

void csvw_field(struct csvw *w, const char *s)
{
	if (w->col++ > 0)
		fputc(',', w->f);
	if (s == NULL)
		return;
	/* a leading space or sign would make Excel guess: quote those too */
	if (strpbrk(s, ",\"\r\n") == NULL && s[0] != ' ' && s[0] != '=') {
		fputs(s, w->f);
		return;
	}
	fputc('"', w->f);
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			fputc('"', w->f);
		fputc(*p, w->f);
	}
	fputc('"', w->f);
}

void csvw_num(struct csvw *w, int has, double v, int decimals)
{
	char buf[64];
	csvw_field(w, has ? fmt_num(buf, sizeof buf, v, decimals) : NULL);
}

void csvw_int(struct csvw *w, int has, long long v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", v);
	csvw_field(w, has ? buf : NULL);
}

void csvw_end_row(struct csvw *w)
{
	fputs(w->eol, w->f);
	w->col = 0;
}
