/* export.h: `innotrack export`: a kind's rows as CSV that Excel opens
 * (UTF-8 with a BOM and CRLF, or GB18030) and that import reads back
 * unchanged. */
#ifndef INNOTRACK_EXPORT_H
#define INNOTRACK_EXPORT_H

#include <stdio.h>

#include "core/db.h"
#include "core/textenc.h"

/* Write every row of `kind` to out, headers in Chinese when chinese is
 * set.  enc is ENC_UTF8 (with a BOM) or ENC_GB18030.  *rows gets the
 * count.  ST_OK, ST_USAGE (unknown kind), ST_DB, or ST_DATA when out
 * cannot be written.  *err says why; caller frees. */
int export_write(struct db *db, const char *kind, enum textenc enc, int chinese, FILE *out,
                 long *rows, char **err);

/* The shortest text that reads back as exactly v ("2.2", "0.1"). */
const char *export_real(char *buf, size_t size, double v);

#endif
