/* csvread.h: a streaming CSV reader over libcsv (kept behind this wrapper
 * so that libcsv can be replaced).  Input must already be UTF-8; a BOM is
 * removed, CRLF inside quoted fields becomes LF, and every row is handed
 * to a callback with the line numbers where it starts and ends. */
#ifndef INNOTRACK_CSVREAD_H
#define INNOTRACK_CSVREAD_H

#include <stddef.h>

struct csv_row {
	size_t  n;          /* fields */
	char  **f;          /* NUL-terminated fields; NULL for an empty unquoted one */
	size_t *len;        /* their lengths */
	long    line;       /* line of the file where the row starts (1-based) */
	long    line_end;   /* line where it ends (differs after quoted newlines) */
	long    record;     /* row number counting every row, as a spreadsheet does */
};

/* Return nonzero to stop reading (csvread_* then return that value). */
typedef int (*csvread_row_fn)(const struct csv_row *row, void *ctx);

struct csvread;

struct csvread *csvread_new(csvread_row_fn fn, void *ctx);
/* Feed the next chunk.  0, the callback's nonzero value, or -1 with *err set. */
int csvread_feed(struct csvread *r, const char *buf, size_t n, char **err);
/* End of input: flush the last row.  -1 if a quote was left open. */
int csvread_finish(struct csvread *r, char **err);
void csvread_free(struct csvread *r);

/* Read a whole buffer. */
int csvread_mem(const char *buf, size_t n, csvread_row_fn fn, void *ctx, char **err);

#endif
