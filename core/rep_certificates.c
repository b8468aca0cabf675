/* rep_certificates.c: the report's certificates section: high-tech
 * certificates that lapsed in the period or lapse within N days of its
 * end, soonest first, with the firm's region (and, in the text, whom to
 * call); below, the valid certificates of each region and the share of
 * them that lapse the next year. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/ladder.h"
#include "core/region.h"
#include "core/report.h"
#include "core/util.h"

static const char *const columns[] = {
	N_("uscc"), N_("name"), N_("region"), N_("cert_no"), N_("issued_on"), N_("valid_to"),
	N_("days_left"), NULL
};
/* The text adds whom to call. */
static const char *const text_columns[] = {
	N_("uscc"), N_("name"), N_("region"), N_("cert_no"), N_("issued_on"), N_("valid_to"),
	N_("days_left"), N_("contact"), N_("phone"), NULL
};

/* ?1 region (0: all), ?2 the day before the period, ?3 its last day, ?4 days. */
static const char rows_sql[] =
    "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL"
    "  SELECT r.id FROM region r JOIN sub ON r.parent_id = sub.id)"
    " SELECT e.uscc, e.name, coalesce(r.name, ''), coalesce(e.hte_cert_no, ''), e.hte_cert_date,"
    "  " CERT_VALID_TO("e") ", CAST(julianday(" CERT_VALID_TO("e") ") - julianday(?3) AS INTEGER),"
    "  coalesce(e.contact, ''), coalesce(e.phone, '')"
    " FROM enterprise e LEFT JOIN region r ON r.id = e.region_id"
    " WHERE e.hte_cert_date IS NOT NULL AND (?1 = 0 OR e.region_id IN (SELECT id FROM sub))"
    "  AND " CERT_VALID_TO("e") " > ?2 AND " CERT_VALID_TO("e") " <= date(?3, '+' || ?4 || ' days')"
    " ORDER BY 6, e.name";

static int fill_rows(const struct report_ctx *c, struct rtable *t, int contact, char **err)
{
	char prev_end[16], end[16];
	period_end(period_step(c->p, -1), prev_end, sizeof prev_end);
	period_end(c->p, end, sizeof end);
	sqlite3_stmt *st = db_prepare(c->db, rows_sql, err);
	if (st == NULL)
		return ST_DB;
	sqlite3_bind_int64(st, 1, c->region_id);
	sqlite3_bind_text(st, 2, prev_end, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, end, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, c->within_days);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < 6; i++)
			rt_text(t, (const char *)sqlite3_column_text(st, i));
		rt_int(t, 1, sqlite3_column_int64(st, 6));
		if (contact) {
			rt_text(t, (const char *)sqlite3_column_text(st, 7));
			rt_text(t, (const char *)sqlite3_column_text(st, 8));
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(c->db, "certificates", err);
}

static int notes(const struct report_ctx *c, struct rtable *t, char **err)
{
	struct region_list rl;
	char end[16], pct[32];
	int rc = region_list_under(c->db, c->region_id, &rl, err);
	if (rc == ST_OK)
		rt_note(t, tr("Certificates lapsed since the period began or lapsing within %d days of %s; "
		              "a certificate is valid three years from its issue"), c->within_days,
		        period_end(c->p, end, sizeof end));
	for (size_t i = 0; rc == ST_OK && i < rl.n; i++) {
		long long valid = 0, lapse = 0;
		rc = cert_counts(c->db, rl.items[i].id, c->p, &valid, &lapse, err);
		if (rc == ST_OK)
			rt_note(t, tr("%s: %lld valid on %s, %lld of them (%s%%) lapse in %d"), rl.items[i].name,
			        valid, end, lapse,
			        valid ? fmt_num(pct, sizeof pct, 100.0 * lapse / valid, 1) : "0",
			        c->p.year + 1);
	}
	region_list_free(&rl);
	return rc;
}

static int fill(const struct report_ctx *c, struct rtable *t, char **err)
{
	int rc = fill_rows(c, t, 0, err);
	return rc == ST_OK ? notes(c, t, err) : rc;
}

int rep_certificates_rows(const struct report_ctx *c, struct rtable *t, char **err)
{
	rt_init(t, text_columns);
	int rc = fill_rows(c, t, 1, err);
	return rc == ST_OK ? notes(c, t, err) : rc;
}

static int text(const struct report_ctx *c, FILE *out, char **err)
{
	struct rtable t;
	int rc = rep_certificates_rows(c, &t, err);
	if (rc == ST_OK)
		rt_write(&t, NULL, REPORT_TEXT, 0, out);
	rt_free(&t);
	return rc;
}

const struct report_section report_certificates = {
	.key = "certificates",
	.title = N_("High-tech certificates lapsing"),
	.columns = columns,
	.fill = fill,
	.text = text,
};
