/* report.h: the progress report of indicators, as text or CSV. */
#ifndef INNOTRACK_REPORT_H
#define INNOTRACK_REPORT_H

#include <stdio.h>

#include "core/db.h"
#include "core/period.h"

enum report_format { REPORT_TEXT, REPORT_CSV };

/* "text" or "csv"; -1 if neither. */
int report_format_parse(const char *s, enum report_format *f);

/* One row per indicator and region (region_id 0: every region with a
 * target).  excel: BOM and CRLF, for a file a clerk opens in Excel. */
int report_write(struct db *db, struct period p, long long region_id,
                 enum report_format f, int excel, FILE *out, char **err);

#endif
