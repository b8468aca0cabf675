/* csvwrite.h: writing CSV rows (libcsv's writer quotes every field and
 * writes no separators, so rows are put together here). */
#ifndef INNOTRACK_CSVWRITE_H
#define INNOTRACK_CSVWRITE_H

#include <stdio.h>

struct csvw {
	FILE       *f;
	const char *eol;     /* "\r\n" for Excel, "\n" for pipes */
	int         col;     /* fields written in the current row */
};

/* Start writing; with bom, a UTF-8 BOM first (Excel needs it to see UTF-8). */
void csvw_start(struct csvw *w, FILE *f, int excel);
/* One field; NULL writes an empty field.  Quoted only when needed. */
void csvw_field(struct csvw *w, const char *s);
void csvw_num(struct csvw *w, int has, double v, int decimals);
void csvw_int(struct csvw *w, int has, long long v);
void csvw_end_row(struct csvw *w);

#endif
