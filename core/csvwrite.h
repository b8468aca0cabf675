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
/* One text field; NULL writes an empty field.  Quoted only when needed.
 * Text a spreadsheet would take for a formula gets a "'" before it. */
void csvw_field(struct csvw *w, const char *s);
/* One field that is a number ("-5" stays a number); NULL: empty. */
void csvw_number(struct csvw *w, const char *s);
void csvw_num(struct csvw *w, int has, double v, int decimals);
void csvw_int(struct csvw *w, int has, long long v);
void csvw_end_row(struct csvw *w);

/* 1 if a spreadsheet would run text s as a formula (or DDE): it starts
 * with '=', '+', '-', '@', TAB or CR, after any "'"s.  csvw_field writes
 * such text with one "'" more in front, and import takes one "'" off a
 * cell that is "'" and such text (core/imp_cell.c), so every text reads
 * back as it was written. */
int csv_formula_like(const char *s);

#endif
