/* import.h: `innotrack import`: a CSV file as Excel writes it, checked
 * row by row and applied all or nothing as one batch.  The pipeline:
 * textenc (encoding, BOM) -> csvread (rows with line numbers) -> the
 * header and row mapper and the checker here (profile.h says what each
 * kind holds) -> stage (TEMP table, then one short write transaction).
 * Core prints nothing: messages and progress go to callbacks. */
#ifndef INNOTRACK_IMPORT_H
#define INNOTRACK_IMPORT_H

#include "core/db.h"
#include "core/textenc.h"

enum import_sev { IMP_ERROR, IMP_WARNING, IMP_INFO };

struct import_opts {
	const char  *kind;        /* observations, enterprises, ... */
	const char  *path;        /* the file; named so in messages */
	enum textenc encoding;    /* ENC_AUTO to detect */
	int          dry_run;     /* check and compare, write nothing */
	const char  *period;      /* --period: for files without a period column */
	const char  *region;      /* --region: for files without a region column */
	/* A data pack's file (core/pack.c): the caller holds the write
	 * transaction, so nothing here begins, commits or rolls back; no
	 * batch, warnings or audit rows are recorded and the file is not
	 * compared with earlier batches. */
	int          pack;
	const char  *name;        /* named so in messages instead of path; may be NULL */
	/* Each error, warning and note, one line of text ("FILE:LINE: column
	 * NAME: what is wrong").  May be NULL. */
	void (*message)(void *ctx, enum import_sev sev, const char *text);
	/* Now and then while working: phase ("reading", "applying"), rows so
	 * far, bytes read of total.  May be NULL. */
	void (*progress)(void *ctx, const char *phase, long rows, long long done, long long total);
	void *ctx;
};

struct import_result {
	long long    batch_id;        /* the batch recorded; 0 if none */
	long long    same_as;         /* an earlier batch of the same file, if any */
	long         rows;            /* data rows staged */
	long         rows_new, rows_changed, rows_unchanged;
	long         skipped;         /* title, note, blank and total lines */
	long         errors, warnings;
	enum textenc encoding;        /* as detected or forced */
};

/* Import one file.  ST_OK (applied, or nothing to change, or a clean dry
 * run), ST_DATA (rejected: nothing written; every reason was passed to
 * message), ST_USAGE (unknown kind, --period or --region), ST_DB. */
int import_file(struct db *db, const struct import_opts *o, struct import_result *r);

/* NULL if path is a regular file that can be read; else why not (static,
 * in the UI language).  Never waits: a FIFO is refused at once. */
const char *import_check_file(const char *path);

/* The field of kind p that a header cell names: one of its names as
 * written (profile_match), or else by the rule for new spellings of
 * core/imp_header.c (brackets and what they hold, 、 and /, a leading
 * 所在/所属 dropped).  -1 if none.  *unit as for profile_match. */
struct profile;
int import_header_field(const struct profile *p, const char *header, char **unit);
/* A header (or a name) reduced by that rule: folded, without brackets and
 * what they hold, 、 and /, a leading 所在/所属.  The content of a bracket
 * ending it in *unit if unit is not NULL.  Caller frees (and *unit). */
char *import_header_reduce(const char *header, char **unit);

/* The kinds, for usage messages: "observations, targets, ...".  Static. */
const char *import_kinds(void);

#endif
