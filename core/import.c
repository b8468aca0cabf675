/* import.c: `innotrack import` (see import.h): the driver of the stages
 * of imp.h.  Rows arrive from csvread with their line numbers; until the
 * header is found they are titles; below it notes and totals are Excel's
 * (imp_total.c) and every other row is checked and staged (imp_cell.c).
 * Then duplicates of the natural key are looked for, and the staged rows
 * are compared with the table and applied in one short write transaction.
 * Nothing is written to the database's own tables until every row has
 * passed. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/access.h"
#include "core/counter.h"
#include "core/fold.h"
#include "core/i18n.h"
#include "core/imp.h"
#include "core/privs.h"
#include "core/regfull.h"
#include "core/region.h"
#include "core/rowpipe.h"
#include "core/textenc.h"
#include "core/turn.h"

/* --- messages ---------------------------------------------------------- */


void imp_say(struct imp *m, enum import_sev sev, long line, const char *col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	/* the English is the key of its translation in po/zh_CN.po */
	char *what = xvasprintf(tr(fmt), ap);
	va_end(ap);
	struct sbuf b = { 0 };
	sbuf_puts(&b, m->o->name ? m->o->name : m->o->path);
	if (line > 0)
		sbuf_printf(&b, ":%ld", line);
	sbuf_puts(&b, ": ");
	if (col != NULL)
		imp_col_label(m, &b, col);
	sbuf_puts(&b, what);
	if (line > 0 && line == m->line && m->excel_row != line)
		sbuf_printf(&b, tr(" (line %ld of the file is row %ld in Excel: quoted line breaks above)"),
		            line, m->excel_row);
	if (sev == IMP_ERROR)
		m->res->errors++;
	else if (sev == IMP_WARNING) {
		m->res->warnings++;
		if (m->nkept < MAX_KEPT_WARNINGS) {
			m->kept = xrealloc(m->kept, (m->nkept + 1) * sizeof *m->kept);
			m->kept[m->nkept].line = line;
			m->kept[m->nkept].col = xstrdup(col);
			m->kept[m->nkept].msg = xstrdup(what);
			m->nkept++;
		}
	}
	if (m->o->message)
		m->o->message(m->o->ctx, sev, b.s);
	sbuf_free(&b);
	free(what);
}
/* --- the row callback -------------------------------------------------- */

static void commit_staging(struct imp *m)
{
	if (m->in_txn) {
		db_exec(m->db, "COMMIT", NULL);
		m->in_txn = 0;
	}
}

static int on_row(const struct csv_row *row, void *ctx)
{
	struct imp *m = ctx;
	int nonempty = 0;
	const char *first = NULL;

	m->line = row->line;
	m->excel_row = row->line - m->extra_lines;
	m->extra_lines += row->line_end - row->line;
	for (size_t c = 0; c < row->n; c++)
		if (row->f[c] && !imp_blank(row->f[c])) {
			if (first == NULL)
				first = row->f[c];
			nonempty++;
		}
	if (nonempty == 0) {
		m->res->skipped++;
		return 0;
	}
	if (!m->have_header) {
		if (imp_header_try(m, row))
			return imp_header_begin(m, row) ? -2 : 0;
		if (++m->title_rows >= MAX_TITLE_ROWS)
			return 1;
		for (size_t c = 0; c < row->n; c++)
			if (row->f[c] && m->title.len < 4096)
				sbuf_printf(&m->title, "%s ", row->f[c]);
		m->res->skipped++;
		return 0;
	}
	int er = imp_excel_row(m, row, first, nonempty);
	if (er != 0)
		return er < 0 ? -2 : 0;
	m->data_rows++;
	if (imp_beyond_header(m, row))
		return 0;
	if (!m->in_txn && !m->o->pack) {
		db_exec(m->db, "BEGIN", NULL);
		m->in_txn = 1;
	}
	imp_add_sums(m, row);
	int rc = m->wide ? imp_check_wide(m, row) : imp_check_long(m, row);
	if (rc != 0)
		return -2;      /* a database error: m->err says which */
	if (++m->since_commit >= COMMIT_EVERY) {
		commit_staging(m);      /* do not pin a snapshot for the whole file */
		m->since_commit = 0;
	}
	if (m->o->progress && m->res->rows >= m->next_progress) {
		m->o->progress(m->o->ctx, N_("reading"), m->res->rows, m->bytes, m->total);
		m->next_progress = m->res->rows + PROGRESS_EVERY;
	}
	return 0;
}

/* --- reading the file -------------------------------------------------- */

/* 0 read; 1 the file is not CSV (said); -1 a database error (m->err).
 * The file is read and parsed in a thread of its own (core/rowpipe.h)
 * while this one checks and stages the rows. */
static int read_file(struct imp *m, const struct textenc_info *info)
{
	FILE *f = privs_fopen_clerk(m->o->path, "rb");
	struct rowpipe_result r;
	int ret = 0;
	if (f == NULL) {
		imp_say(m, IMP_ERROR, 0, NULL, "%s", errno_text(errno));
		commit_staging(m);
		return 1;
	}
	switch (rowpipe_read(f, info->enc, on_row, m, &m->bytes, &r)) {
	case ROWPIPE_DONE:
		break;
	case ROWPIPE_STOPPED:
		ret = r.stop == -2 ? -1 : 0;    /* -2: a database error; else enough was read */
		break;
	case ROWPIPE_NOENC:
		imp_say(m, IMP_ERROR, 0, NULL, "%s", tr("cannot read this encoding"));
		ret = 1;
		break;
	case ROWPIPE_READ:
		imp_say(m, IMP_ERROR, 0, NULL, "%s", errno_text(r.errnum));
		ret = 1;
		break;
	case ROWPIPE_DECODE:
		if (r.bad_nul)
			imp_say(m, IMP_ERROR, r.bad_line, NULL, "a NUL byte: this is not a CSV text file");
		else if (r.bad_line > 0)
			imp_say(m, IMP_ERROR, r.bad_line, NULL, "bytes that are not UTF-8 (try --encoding gb18030)");
		else
			imp_say(m, IMP_ERROR, 0, NULL, "bytes that are not %s near byte %lld",
			    textenc_name(info->enc), r.bytes);
		ret = 1;
		break;
	case ROWPIPE_CSV: {
		/* the CSV itself is broken: one clear message */
		long at = 0;
		int skip = 0;
		if (r.err && sscanf(r.err, "line %ld: %n", &at, &skip) == 1 && skip > 0)
			imp_say(m, IMP_ERROR, at, NULL, "%s (is this a CSV file saved from Excel?)", r.err + skip);
		else
			imp_say(m, IMP_ERROR, 0, NULL, "%s (is this a CSV file saved from Excel?)",
			    r.err ? r.err : "not CSV");
		ret = 1;
		break;
	}
	}
	m->bytes = r.bytes;
	if (ret == 0 && m->st != NULL && stage_flush(m->st, &m->err) != 0)
		ret = -1;
	if (m->o->progress)
		m->o->progress(m->o->ctx, N_("reading"), m->res->rows, m->bytes, info->size);
	commit_staging(m);
	free(r.err);
	fclose(f);
	return ret;
}

/* --- the whole import -------------------------------------------------- */

const char *import_kinds(void)
{
	return profile_import_kinds();
}

/* The dry run's list: every changed row with each field from what to
 * what; new rows by their names, the first MAX_NEW_LISTED of them. */
#define MAX_NEW_LISTED 1000

static void on_change(void *ctx, long line, const char *what, const char *label, const char *cols)
{
	struct imp *m = ctx;
	if (strcmp(what, "changed") == 0)
		imp_say(m, IMP_INFO, line, NULL, "changed: %s; %s", label ? label : "", cols ? cols : "");
	else if (label != NULL)
		imp_say(m, IMP_INFO, line, NULL, "new: %s", label);
	else
		imp_say(m, IMP_INFO, line, NULL, "new");
}

static int list_changes(struct imp *m, const struct stage_counts *c)
{
	int rc = stage_changes(m->st, 2, -1, on_change, m, &m->err);
	if (rc == ST_OK)
		rc = stage_changes(m->st, 1, MAX_NEW_LISTED, on_change, m, &m->err);
	if (rc == ST_OK && c->rows_new > MAX_NEW_LISTED)
		imp_say(m, IMP_INFO, 0, NULL, "and %ld more new rows, not listed (every changed row is)",
		        c->rows_new - MAX_NEW_LISTED);
	return rc;
}

static void on_newer(void *ctx, long line, const char *label, const char *cols, const char *who,
                     const char *when)
{
	struct imp *m = ctx;
	if (m->obs)
		imp_say(m, IMP_WARNING, line, NULL, "%s: would undo a clerk's correction of the figure; "
		        "%s; changed by %s on %s", label ? label : "", cols, *who ? who : tr("someone"), when);
	else
		imp_say(m, IMP_WARNING, line, NULL, "%s: would undo a change made after the file's period "
		        "(%s); %s; changed by %s on %s", label ? label : "", m->file_period_s, cols,
		        *who ? who : tr("someone"), when);
}

/* A register's file of a period (its title's, or --period) that would
 * overwrite rows changed after that period ended, or figures a clerk
 * corrected after theirs: a warning for each. */
static int warn_newer(struct imp *m)
{
	char end[16], since[32];
	if (m->obs)
		return stage_newer(m->st, NULL, on_newer, m, &m->err);
	if (imp_file_period(m, &m->file_period) != 0)
		return ST_OK;
	period_format(m->file_period, m->file_period_s, sizeof m->file_period_s);
	snprintf(since, sizeof since, "%s 23:59:59", period_end(m->file_period, end, sizeof end));
	return stage_newer(m->st, since, on_newer, m, &m->err);
}

static long long same_file(struct imp *m, const char *sha)
{
	sqlite3_stmt *st = db_prepare(m->db, "SELECT max(id) FROM import_batch WHERE sha256 = ?"
	                              " AND kind = ? AND undone_at IS NULL", NULL);
	long long id = 0;
	if (st == NULL)
		return 0;
	sqlite3_bind_text(st, 1, sha, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, m->p->kind, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static int record_warnings(struct imp *m, long long batch)
{
	sqlite3_stmt *st = db_prepare(m->db, "INSERT INTO import_reject(batch_id, line, col, severity,"
	                              " message) VALUES (?, ?, ?, 'warning', ?)", &m->err);
	if (st == NULL)
		return -1;
	for (size_t i = 0; i < m->nkept; i++) {
		sqlite3_bind_int64(st, 1, batch);
		if (m->kept[i].line > 0)
			sqlite3_bind_int64(st, 2, m->kept[i].line);
		else
			sqlite3_bind_null(st, 2);
		sqlite3_bind_text(st, 3, m->kept[i].col, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, m->kept[i].msg, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return db_fail(m->db, "import warnings", &m->err), -1;
		}
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
	sqlite3_finalize(st);
	return 0;
}

/* Set the parents that name rows of the same file, now that they are
 * in the table.  ST_OK or ST_DB. */
static int set_parents(struct imp *m)
{
	if (m->npend == 0)
		return ST_OK;
	int fi = -1;
	for (size_t i = 0; i < m->p->n; i++)
		if (m->p->f[i].type == FT_REGION_CODE)
			fi = (int)i;
	char *sql = xasprintf("UPDATE main.%s SET %s = (SELECT id FROM main.%s WHERE code = ?1)"
	                      " WHERE code = ?2", m->p->table, m->p->f[fi].col, m->p->table);
	sqlite3_stmt *st = db_prepare(m->db, sql, &m->err);
	free(sql);
	if (st == NULL)
		return ST_DB;
	int rc = ST_OK;
	for (size_t i = 0; i < m->npend && rc == ST_OK; i++) {
		sqlite3_bind_text(st, 1, m->pend[i].parent, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, m->pend[i].code, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(m->db, "import", &m->err);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

/* A pack's file: the caller's transaction, no batch. */
static int apply_pack(struct imp *m, struct stage_counts *c)
{
	int rc = stage_classify(m->st, c, &m->err);
	if (rc == ST_OK && c->rows_new + c->rows_changed > 0)
		rc = stage_apply(m->st, NULL, c, &m->res->batch_id, &m->err);
	if (rc == ST_OK)
		rc = set_parents(m);
	return rc;
}

/* --complete: the register holds every record of --region from the end
 * of --period (else today) on. */
static int mark_complete(struct imp *m, int dry)
{
	char day[16];
	if (m->has_period)
		period_end(m->period, day, sizeof day);
	else
		snprintf(day, sizeof day, "%.10s", util_now());
	if (dry) {
		imp_say(m, IMP_INFO, 0, NULL, "a full list: the register would be complete for %s from %s "
		        "on, its counts standing for the region's figures", m->o->region, day);
		return ST_OK;
	}
	int rc = regfull_mark(m->db, m->p->kind, m->region_id, day, 1, m->res->batch_id, &m->err);
	if (rc == ST_OK)
		imp_say(m, IMP_INFO, 0, NULL, "a full list: the register is complete for %s from %s on, "
		        "its counts standing for the region's figures", m->o->region, day);
	return rc;
}

/* One region the file's rows touch: refused if the session may not
 * write there, at the first line that does. */
static int on_region(void *ctx, long line, long long region_id, int added)
{
	struct imp *m = ctx;
	char *why = NULL;
	int rc = access_check(m->db, m->p->table, region_id, added ? ACCESS_ADD : ACCESS_CHANGE, &why);
	if (rc == ST_DATA) {
		imp_say(m, IMP_ERROR, line, NULL, "%s", why);
		m->refused = 1;
		rc = ST_OK;
	} else if (rc != ST_OK) {
		free(m->err);
		m->err = why;
		why = NULL;
	}
	free(why);
	return rc;
}

/* May the session write every row (the regions they have and will
 * have)?  ST_OK; ST_DATA with each refusal said; ST_DB. */
static int check_access(struct imp *m)
{
	if (access_writes_all(m->db))
		return ST_OK;
	m->refused = 0;
	int rc = stage_regions(m->st, access_region_source(m->p), on_region, m, &m->err);
	if (rc == ST_OK && m->refused)
		rc = ST_DATA;
	return rc;
}

/* Compare with the table and, unless a dry run, apply: one write transaction. */
static int apply(struct imp *m, const struct textenc_info *info)
{
	struct stage_counts c;
	int rc;
	if (m->o->progress)
		m->o->progress(m->o->ctx, N_("comparing"), m->res->rows, info->size, info->size);
	if (m->o->pack) {
		rc = apply_pack(m, &c);
	} else if (m->o->dry_run) {
		if (db_exec(m->db, "BEGIN", &m->err) != ST_OK)
			return ST_DB;
		rc = stage_classify(m->st, &c, &m->err);
		if (rc == ST_OK)
			rc = check_access(m);
		if (rc == ST_OK)
			rc = list_changes(m, &c);
		if (rc == ST_OK)
			rc = warn_newer(m);
		db_rollback(m->db);
		if (rc == ST_OK && m->o->complete)
			rc = mark_complete(m, 1);
	} else {
		/* the file is read and checked: now wait for the other imports,
		 * then hold the write lock only while writing */
		if (turn_take(m->db, TURN_IMPORT, &m->err) != ST_OK)
			return ST_DB;
		stage_refs_off(m->st);       /* a big load: its references checked once per id */
		if (db_begin_write(m->db, &m->err) != ST_OK) {
			stage_refs_on(m->st);
			turn_give(m->db);
			return ST_DB;
		}
		rc = stage_classify(m->st, &c, &m->err);
		int write = c.rows_new + c.rows_changed > 0 || m->o->complete;
		if (rc == ST_OK)
			rc = check_access(m);
		if (rc == ST_OK && c.rows_changed > 0)
			rc = warn_newer(m);
		if (rc == ST_OK && c.rows_new + c.rows_changed > 0) {
			/* dates the moves along the ladder the file makes */
			struct period fp;
			char fp_end[16];
			struct stage_batch b = {
				.period_end = imp_file_period(m, &fp) == 0 ? period_end(fp, fp_end, sizeof fp_end)
				                                            : NULL,
				.kind = m->p->kind, .file_name = base_name(m->o->path), .sha256 = info->sha256,
				.encoding = textenc_name(info->enc), .file_size = info->size,
				.warnings = m->res->warnings
			};
			if (m->o->progress)
				m->o->progress(m->o->ctx, N_("applying"), m->res->rows, info->size, info->size);
			rc = stage_apply(m->st, &b, &c, &m->res->batch_id, &m->err);
			if (rc == ST_OK && record_warnings(m, m->res->batch_id) != 0)
				rc = ST_DB;
			if (rc == ST_OK)
				rc = set_parents(m);
			if (rc == ST_OK)
				rc = stage_audit_changes(m->st, m->res->batch_id, &m->err);
		}
		if (rc == ST_OK && m->o->complete)
			rc = mark_complete(m, 0);
		if (rc == ST_OK && write)
			rc = db_commit(m->db, &m->err);
		if (rc != ST_OK || !write)
			db_rollback(m->db);      /* (a failed COMMIT leaves it open) */
		stage_refs_on(m->st);
		turn_give(m->db);
		if (rc != ST_OK)
			m->res->batch_id = 0;
	}
	if (rc == ST_OK) {
		m->res->rows_new = c.rows_new;
		m->res->rows_changed = c.rows_changed;
		m->res->rows_unchanged = c.rows_unchanged;
	}
	return rc;
}

static void imp_free(struct imp *m)
{
	stage_free(m->st);
	imp_header_free(m);
	imp_lookups_free(m);
	sbuf_free(&m->title);
	free(m->best_missing);
	for (size_t i = 0; i < m->nkept; i++) {
		free(m->kept[i].col);
		free(m->kept[i].msg);
	}
	free(m->kept);
	for (size_t i = 0; i < 2 * m->ncodes; i++)
		free(m->codes[i]);
	free(m->codes);
	for (size_t i = 0; i < m->npend; i++) {
		free(m->pend[i].code);
		free(m->pend[i].parent);
	}
	free(m->pend);
	free(m->rowreg);
	free(m->cityrows);
	free(m->err);
}

/* The kind, --period and --region.  ST_OK or ST_USAGE (said). */
static int take_options(struct imp *m)
{
	const struct import_opts *o = m->o;
	m->p = profile_find(o->kind);
	if (m->p != NULL && !(m->p->flags & PK_IMPORT))
		m->p = NULL;
	if (m->p == NULL) {
		imp_say(m, IMP_ERROR, 0, NULL, "\"%s\" is not a kind of import; the kinds are: %s",
		        o->kind, import_kinds());
		return ST_USAGE;
	}
	m->obs = strcmp(m->p->table, "observation") == 0;
	m->fi_end = imp_field(m, "period_end");
	if (o->period != NULL) {
		if (period_parse(o->period, &m->period) != 0) {
			imp_say(m, IMP_ERROR, 0, NULL,
			        "--period \"%s\" is not a year (2025) or a quarter (2025Q3)", o->period);
			return ST_USAGE;
		}
		m->has_period = 1;
		period_format(m->period, m->period_s, sizeof m->period_s);
	}
	if (o->complete && !counter_counts_register(m->p->kind)) {
		char *regs = counter_registers();
		imp_say(m, IMP_ERROR, 0, NULL, "no figure is counted from %s, so it is never marked complete "
		        "(those counted: %s)", profile_title(m->p), regs);
		free(regs);
		return ST_USAGE;
	}
	if (o->complete && o->region == NULL) {
		imp_say(m, IMP_ERROR, 0, NULL, "--complete needs --region: the region the file lists "
		        "every record of");
		return ST_USAGE;
	}
	if (o->region != NULL && (m->region_id = region_find(m->db, o->region)) == 0) {
		imp_say(m, IMP_ERROR, 0, NULL, "--region \"%s\" is not a region of this database",
		        o->region);
		return ST_USAGE;
	}
	return ST_OK;
}

/* A session that may write none of the kind's records is told before
 * the file is read: a viewer, a login not listed, a county clerk and a
 * kind of the whole city's.  ST_OK or ST_DATA (said). */
static int refuse_early(struct imp *m)
{
	int none = !access_writes_some(m->db) ||
	           (!access_writes_all(m->db) && access_region_source(m->p) < 0 &&
	            !(m->p->flags & PK_LOCAL_ADD));
	char *why = NULL;
	if (!none || access_check(m->db, m->p->table, 0, ACCESS_ADD, &why) == ST_OK) {
		free(why);
		return ST_OK;
	}
	imp_say(m, IMP_ERROR, 0, NULL, "%s", why);
	free(why);
	return ST_DATA;
}

/* Read, check and stage every row, then look for duplicate keys.  ST_OK
 * (the rows are staged; r->rows may be 0), ST_DATA (every reason said),
 * ST_DB. */
static int check_file(struct imp *m, const struct textenc_info *info)
{
	struct import_result *r = m->res;
	if (imp_lookups_load(m) != 0)
		return ST_DB;
	m->total = info->size;
	if (read_file(m, info) < 0)
		return ST_DB;
	if (imp_check_city_rows(m) != 0)
		return ST_DB;
	if (m->o->progress)
		m->o->progress(m->o->ctx, N_("keys"), r->rows, info->size, info->size);
	if (m->st != NULL && stage_duplicates(m->st, imp_on_duplicate, m, &m->err) < 0)
		return ST_DB;
	if (!m->have_header && r->errors == 0) {
		if (m->best_hits > 0)
			imp_say(m, IMP_ERROR, m->best_line, NULL, "this looks like the header row, but it "
			        "lacks %s, which %s need", m->best_missing, profile_title(m->p));
		else
			imp_say(m, IMP_ERROR, 0, NULL, "no header row of %s found in the first %d lines",
			        profile_title(m->p), MAX_TITLE_ROWS);
	}
	if (r->errors > 0 || !m->have_header)
		return ST_DATA;
	if (r->rows == 0)
		imp_say(m, IMP_INFO, 0, NULL, "no data rows below the header (line %ld)", m->header_line);
	return ST_OK;
}

const char *import_check_file(const char *path)
{
	/* O_NONBLOCK: opening a FIFO with no writer must not wait */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY);
	struct stat sb;
	const char *why = NULL;
	if (fd < 0)
		return errno_text(errno);
	if (fstat(fd, &sb) != 0)
		why = errno_text(errno);
	else if (S_ISDIR(sb.st_mode))
		why = tr("is a directory, not a file");
	else if (!S_ISREG(sb.st_mode))
		why = tr("is not a regular file (a pipe, a device or a socket): save the sheet as a file");
	close(fd);
	return why;
}

/* A message "PATH: what" (or "PATH：what" in Chinese) without its PATH,
 * which imp_say puts back. */
static const char *after_path(const char *msg, const char *path)
{
	size_t n = strlen(path);
	if (strncmp(msg, path, n) != 0)
		return msg;
	msg += n;
	if (strncmp(msg, "：", strlen("：")) == 0)
		return msg + strlen("：");
	return msg + strspn(msg, ": ");
}

int import_file(struct db *db, const struct import_opts *o, struct import_result *r)
{
	struct imp m = { .db = db, .o = o, .res = r };
	struct textenc_info info;
	struct filehash *hash = NULL;
	memset(r, 0, sizeof *r);
	int rc = take_options(&m);
	if (rc == ST_OK && !o->pack)
		rc = refuse_early(&m);
	if (rc != ST_OK) {
		imp_free(&m);
		return rc;
	}
	const char *why = import_check_file(o->path);
	if (why != NULL) {
		imp_say(&m, IMP_ERROR, 0, NULL, "%s", why);
		imp_free(&m);
		return ST_DATA;
	}
	rc = textenc_scan_head(o->path, o->encoding, &info, &m.err);
	r->encoding = info.enc;
	if (rc != ST_OK || info.empty) {
		if (rc != ST_OK)
			imp_say(&m, IMP_ERROR, 0, NULL, "%s", after_path(m.err, o->path));
		else
			imp_say(&m, IMP_ERROR, 0, NULL, "the file is empty");
		imp_free(&m);
		return ST_DATA;
	}
	/* the digest (for the batch, and to know a file seen before) is
	 * computed beside the reading and checking */
	hash = filehash_start(o->path);
	rc = check_file(&m, &info);
	if (rc != ST_OK || r->rows == 0)
		goto out;
	rc = filehash_finish(hash, info.sha256);
	hash = NULL;
	if (rc != 0) {
		imp_say(&m, IMP_ERROR, 0, NULL, "the file could not be read a second time");
		rc = ST_DATA;
		goto out;
	}
	if (!o->pack)
		r->same_as = same_file(&m, info.sha256);
	rc = apply(&m, &info);
	if (rc == ST_OK && !o->pack && r->batch_id > 0 && r->rows > 10000)
		db_checkpoint(db);
out:
	filehash_cancel(hash);
	if (rc == ST_DB && m.err)
		imp_say(&m, IMP_ERROR, 0, NULL, "%s", m.err);
	imp_free(&m);
	return rc;
}
