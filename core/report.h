/* report.h: `innotrack report`: its sections, each one table of rows
 * (core/rtable.h) whose CSV columns are the contract scripts rely on. */
#ifndef INNOTRACK_REPORT_H
#define INNOTRACK_REPORT_H

#include <stdio.h>

#include "core/db.h"
#include "core/period.h"
#include "core/rtable.h"

/* What every section is asked for. */
struct report_ctx {
	struct db    *db;
	struct period p;            /* the period reported on */
	long long     region_id;    /* 0: every region */
	int           within_days;  /* certificates: expiring within this many days of p's end */
};

struct report_section {
	const char        *key;      /* --section KEY, and the file name under -o DIR */
	const char        *title;    /* N_() marked heading */
	const char *const *columns;  /* N_() marked column keys: the CSV header (with --lang en) */
	/* Its rows.  ST_OK, or ST_DB with *err set. */
	int (*fill)(const struct report_ctx *c, struct rtable *t, char **err);
	/* Its own text layout, or NULL for the table's. */
	int (*text)(const struct report_ctx *c, FILE *out, char **err);
};

/* Every section, in the order a full report gives them; NULL-terminated.
 * The first is the default. */
extern const struct report_section *const report_sections[];
const struct report_section *report_section_find(const char *key);

/* Write one section.  titled: a heading above it (text, Markdown, HTML),
 * when several sections go to one place.  excel: BOM and CRLF (CSV). */
int report_write(const struct report_ctx *c, const struct report_section *s,
                 enum report_format f, int excel, int titled, FILE *out, char **err);

/* core/rep_indicators.c */
extern const struct report_section report_indicators;

#endif
