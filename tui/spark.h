/* spark.h: a small history chart in one line of text, one cell per
 * period: the block glyphs ▁▂▃▄▅▆▇█ (U+2581..2588), or in ascii mode
 * _.-=# for terminals that draw ambiguous-width glyphs two cells wide.
 * No curses here. */
#ifndef INNOTRACK_SPARK_H
#define INNOTRACK_SPARK_H

#include <stddef.h>

/* The last `cells` of the n values (oldest first), scaled from their
 * least to their greatest; equal values sit in the middle.  "" for n 0.
 * Caller frees. */
char *spark_text(const double *v, size_t n, int cells, int ascii);

#endif
