/* rowpipe.h: a file's CSV rows read in a thread of their own.  The
 * reading, decoding to UTF-8 and CSV parsing run on one core while the
 * caller checks and stores the rows on another: a big import's reading
 * phase costs the longer of the two instead of their sum.  Rows reach the
 * callback in the caller's thread, in file order, exactly as
 * csvread_feed hands them (core/csvread.h). */
#ifndef INNOTRACK_ROWPIPE_H
#define INNOTRACK_ROWPIPE_H

#include <stdio.h>

#include "core/csvread.h"
#include "core/textenc.h"

/* How the reading ended, once every row before the end was handed over. */
enum rowpipe_end {
	ROWPIPE_DONE = 0,     /* the whole file */
	ROWPIPE_STOPPED,      /* the callback returned nonzero: stop holds it */
	ROWPIPE_DECODE,       /* bytes not in the encoding: bad_line, or near byte `bytes` */
	ROWPIPE_CSV,          /* the CSV is broken: err says where ("line N: ...") */
	ROWPIPE_READ,         /* the file could not be read: errnum */
	ROWPIPE_NOENC         /* iconv lacks the encoding */
};

struct rowpipe_result {
	long long bytes;      /* bytes read in all */
	int       stop;       /* the callback's nonzero value */
	int       errnum;
	long      bad_line;   /* the line of a byte that is not UTF-8 (0: not known) */
	int       bad_nul;    /* that byte is a NUL */
	char     *err;        /* the CSV's fault; caller frees */
};

/* Read f (already open) in encoding enc, handing each row to fn; *seen
 * is kept at the bytes read up to the rows being handed over (progress). */
enum rowpipe_end rowpipe_read(FILE *f, enum textenc enc, csvread_row_fn fn, void *ctx,
                              long long *seen, struct rowpipe_result *res);

#endif
