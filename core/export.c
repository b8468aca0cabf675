/* export.c: a kind's rows written as CSV, references as names. */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvwrite.h"
#include "core/db_internal.h"
#include "core/export.h"
#include "core/reftype.h"
#include "core/profile.h"
#include "core/util.h"

const char *export_real(char *buf, size_t size, double v)
{
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, size, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	if (strchr(buf, 'e') != NULL) {      /* Excel reads 1e-05, but people may not */
		char tmp[64];
		snprintf(tmp, sizeof tmp, "%.20f", v);
		if (strtod(tmp, NULL) == v) {
			char *end = tmp + strlen(tmp) - 1;
			while (*end == '0')
				*end-- = '\0';
			if (*end == '.')
				*end = '\0';
			snprintf(buf, size, "%s", tmp);
		}
	}
	return buf;
}

/* The SQL giving field f of row t as its file shows it: a reference as
 * what import reads back (core/reftype.h). */
static char *field_sql(const struct pfield *f)
{
	const struct reftype *r = reftype_of(f->type);
	if (r == NULL)
		return xasprintf("t.%s", f->col);
	char *cite = reftype_expr(r->cite, "x");
	char *sql = xasprintf("(SELECT %s FROM %s x WHERE x.id = t.%s)", cite, r->table, f->col);
	free(cite);
	return sql;
}

static void write_value(struct csvw *w, const struct pfield *f, sqlite3_stmt *st, int i)
{
	char buf[64];
	int type = sqlite3_column_type(st, i);
	if (type == SQLITE_NULL) {
		csvw_field(w, NULL);
		return;
	}
	switch (f->type) {
	case FT_REAL:
		csvw_number(w, export_real(buf, sizeof buf, sqlite3_column_double(st, i)));
		break;
	case FT_CENTS: {
		long long c = sqlite3_column_int64(st, i);
		long long a = c < 0 ? -c : c;
		snprintf(buf, sizeof buf, "%s%lld.%02lld", c < 0 ? "-" : "", a / 100, a % 100);
		size_t n = strlen(buf);
		while (buf[n - 1] == '0')
			buf[--n] = '\0';
		if (buf[n - 1] == '.')
			buf[--n] = '\0';
		csvw_number(w, buf);
		break;
	}
	case FT_BOOL:
		csvw_field(w, sqlite3_column_int(st, i) ? "是" : "否");
		break;
	case FT_ENUM:
		csvw_field(w, profile_enum_label(f, (const char *)sqlite3_column_text(st, i), buf, sizeof buf));
		break;
	case FT_INT:
	case FT_YEAR:
		csvw_number(w, (const char *)sqlite3_column_text(st, i));
		break;
	default:        /* text: guarded against being run as a formula */
		csvw_field(w, (const char *)sqlite3_column_text(st, i));
		break;
	}
}

/* Copy the UTF-8 in `in` to out as GB18030. */
static int to_gb18030(FILE *in, FILE *out, char **err)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	char ibuf[16384], obuf[65536];
	size_t n, carry = 0;
	int rc = ST_OK;
	if (cd == (iconv_t)-1) {
		err_set(err, "this system's iconv cannot write GB18030");
		return ST_DATA;
	}
	rewind(in);
	while ((n = fread(ibuf + carry, 1, sizeof ibuf - carry, in)) > 0 || carry > 0) {
		char *ip = ibuf, *op = obuf;
		size_t il = carry + n, ol = sizeof obuf;
		if (n == 0 && carry > 0) {
			err_set(err, "the export ends inside a character");
			rc = ST_DATA;
			break;
		}
		if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 && errno != EINVAL) {
			err_set(err, "cannot convert to GB18030: %s", errno_text(errno));
			rc = ST_DATA;
			break;
		}
		fwrite(obuf, 1, (size_t)(op - obuf), out);
		memmove(ibuf, ip, il);
		carry = il;
	}
	iconv_close(cd);
	return rc;
}

int export_write(struct db *db, const char *kind, enum textenc enc, int chinese, FILE *out,
                 long *rows, char **err)
{
	const struct profile *p = profile_find(kind);
	if (p != NULL && !(p->flags & PK_IMPORT))
		p = NULL;
	struct sbuf sql = { 0 };
	struct csvw w;
	FILE *f = out;
	int rc = ST_OK;
	*rows = 0;
	if (p == NULL) {
		err_set(err, "\"%s\" is not a kind of export", kind);
		return ST_USAGE;
	}
	if (enc == ENC_GB18030 && (f = tmpfile()) == NULL) {
		err_set(err, "cannot make a temporary file: %s", errno_text(errno));
		return ST_DATA;
	}
	sbuf_puts(&sql, "SELECT ");
	for (size_t i = 0, k = 0; i < p->n; i++) {
		if (p->f[i].flags & PF_DERIVED)
			continue;
		char *e = field_sql(&p->f[i]);
		sbuf_printf(&sql, "%s%s", k++ ? ", " : "", e);
		free(e);
	}
	sbuf_printf(&sql, " FROM %s t ORDER BY %s", p->table, p->order);
	sqlite3_stmt *st = db_prepare(db, sql.s, err);
	sbuf_free(&sql);
	if (st == NULL) {
		rc = ST_DB;
		goto out;
	}
	/* GB18030 has no BOM: Excel on Chinese Windows reads it as "ANSI" */
	csvw_start(&w, f, enc != ENC_GB18030);
	w.eol = "\r\n";
	for (size_t i = 0; i < p->n; i++)
		if (!(p->f[i].flags & PF_DERIVED)) {
			char *name = profile_name(&p->f[i], chinese);
			csvw_field(&w, name);
			free(name);
		}
	csvw_end_row(&w);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		for (size_t i = 0, k = 0; i < p->n; i++)
			if (!(p->f[i].flags & PF_DERIVED))
				write_value(&w, &p->f[i], st, (int)k++);
		csvw_end_row(&w);
		(*rows)++;
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		rc = db_fail(db, "export", err);
		goto out;
	}
	if (enc == ENC_GB18030)
		rc = to_gb18030(f, out, err);
	if (rc == ST_OK && (fflush(out) != 0 || ferror(out))) {
		err_set(err, "cannot write: %s", errno_text(errno));
		rc = ST_DATA;
	}
out:
	if (f != out)
		fclose(f);
	return rc;
}
