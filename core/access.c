/* access.c: who may change what (see access.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/choice.h"
#include "core/db_internal.h"
#include "core/i18n.h"
#include "core/reftype.h"
#include "core/session.h"
#include "core/users.h"
#include "core/util.h"

int access_region_field(const struct profile *p)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->f[i].type == FT_REGION)
			return (int)i;
	return -1;
}

/* The kind of the record p's field i refers to. */
static const struct profile *ref_kind(const struct profile *p, int i)
{
	const struct reftype *rt = reftype_of(p->f[i].type);
	return rt != NULL ? profile_find(rt->table) : NULL;
}

/* The field that names a record of kind o (PF_NAME). */
static size_t owner_name(const struct profile *o)
{
	size_t i = 0;
	while (i + 1 < o->n && !(o->f[i].flags & PF_NAME))
		i++;
	return i;
}

int access_region_source(const struct profile *p)
{
	int fi = access_region_field(p);
	for (size_t i = 0; fi < 0 && i < p->n; i++)
		if ((p->f[i].flags & PF_OWNER) && ref_kind(p, (int)i) != NULL &&
		    access_region_field(ref_kind(p, (int)i)) >= 0)
			fi = (int)i;
	return fi;
}

char *access_region_sql(const struct profile *p, const char *value)
{
	int fi = access_region_source(p);
	if (fi < 0)
		return NULL;
	if (p->f[fi].type == FT_REGION)
		return xstrdup(value);
	const struct profile *o = ref_kind(p, fi);
	return xasprintf("(SELECT o.\"%s\" FROM main.\"%s\" o WHERE o.id = (%s))",
	                 o->f[access_region_field(o)].col, o->table, value);
}

int access_writes_all(const struct db *db)
{
	enum session_role r = session_role(db_session(db));
	return r == SESSION_ADMIN || r == SESSION_CITY;
}

int access_writes_some(const struct db *db)
{
	enum session_role r = session_role(db_session(db));
	return r == SESSION_ADMIN || r == SESSION_CITY || r == SESSION_COUNTY;
}

/* Is region `id` the region `scope` or below it?  1, 0, or -1. */
static int within(struct db *db, long long id, long long scope)
{
	sqlite3_stmt *st = db_prepare(db,
	    "WITH RECURSIVE up(id) AS (SELECT ?1 UNION"
	    " SELECT r.parent_id FROM region r JOIN up ON r.id = up.id WHERE r.parent_id IS NOT NULL)"
	    " SELECT count(*) FROM up WHERE id = ?2", NULL);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, scope);
	int rc = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) > 0 : -1;
	sqlite3_finalize(st);
	return rc;
}

static char *region_name(struct db *db, long long id)
{
	char *n = db_text_of(db, "SELECT name FROM region WHERE id = ?", id);
	return n != NULL ? n : xasprintf("#%lld", id);
}

char *access_how_to_ask(struct db *db)
{
	const struct session *s = db_session(db);
	if (session_listed(s))
		return NULL;
	char *admins = users_admins(db);
	char *text = xasprintf(tr("%s may only read (not a user of this ledger): ask an admin (%s) "
	                          "to run innotrack grant %s ROLE [REGION]"),
	                       session_login(s), admins, session_login(s));
	free(admins);
	return text;
}

/* "县级用户 clerk2（浮梁县）": who is refused.  Caller frees. */
static char *who(struct db *db)
{
	const struct session *s = db_session(db);
	const char *role = choice_label(&CH_ROLE.v[session_role(s)]);
	if (session_role(s) != SESSION_COUNTY)
		return xasprintf("%s %s", role, session_login(s));
	char *scope = region_name(db, session_region(s));
	char *w = xasprintf(tr("%s %s (%s)"), role, session_login(s), scope);
	free(scope);
	return w;
}

/* What a county clerk may not do, to a region's records and to the city's. */
static const struct {
	const char *region, *city;
} refusal[] = {
	[ACCESS_ADD] = { N_("%s may not add records of %s"),
	                 N_("%s may not add records that belong to the whole city (%s)") },
	[ACCESS_CHANGE] = { N_("%s may not change records of %s"),
	                    N_("%s may not change records that belong to the whole city (%s)") },
	[ACCESS_DELETE] = { N_("%s may not delete records of %s"),
	                    N_("%s may not delete records that belong to the whole city (%s)") },
	[ACCESS_UNDO] = { N_("%s may not undo changes to records of %s"),
	                  N_("%s may not undo changes to records that belong to the whole city (%s)") },
};

/* The same, for a record of the region of the record it belongs to (its
 * name last, where a short screen may cut it). */
static const char *const owner_refusal[] = {
	[ACCESS_ADD] = N_("%s may not add records of %s (%s)"),
	[ACCESS_CHANGE] = N_("%s may not change records of %s (%s)"),
	[ACCESS_DELETE] = N_("%s may not delete records of %s (%s)"),
	[ACCESS_UNDO] = N_("%s may not undo changes to records of %s (%s)"),
};

/* A county clerk and a record of another region, or of none; owner: the
 * name of the record it belongs to, or NULL. */
static int county_check(struct db *db, const char *table, long long region_id, const char *owner,
                        enum access_what what, char **err)
{
	const struct session *s = db_session(db);
	const struct profile *p = profile_find(table);
	if (region_id == 0 && what == ACCESS_ADD && p != NULL && (p->flags & PK_LOCAL_ADD))
		return ST_OK;
	if (region_id != 0) {
		int in = within(db, region_id, session_region(s));
		if (in < 0)
			return db_fail(db, "region", err);
		if (in)
			return ST_OK;
	}
	char *w = who(db);
	if (region_id != 0) {
		char *r = region_name(db, region_id);
		if (owner != NULL)
			err_set(err, owner_refusal[what], w, r, owner);
		else
			err_set(err, refusal[what].region, w, r);
		free(r);
	} else {
		err_set(err, refusal[what].city, w, owner ? owner : p != NULL ? profile_title(p) : table);
	}
	free(w);
	return ST_DATA;
}

static int check(struct db *db, const char *table, long long region_id, const char *owner,
                 enum access_what what, char **err)
{
	const struct session *s = db_session(db);
	enum session_role role = session_role(s);
	if (role == SESSION_NONE) {
		char *ask = access_how_to_ask(db);
		err_set(err, "%s", ask);
		free(ask);
		return ST_DATA;
	}
	if (role == SESSION_VIEWER) {
		err_set(err, "viewer %s may only read, not change the ledger", session_login(s));
		return ST_DATA;
	}
	if (what == ACCESS_USERS && role != SESSION_ADMIN) {
		char *w = who(db);
		err_set(err, "%s may not grant or revoke access: only an admin may", w);
		free(w);
		return ST_DATA;
	}
	if (what == ACCESS_PACK && role == SESSION_COUNTY) {
		char *w = who(db);
		err_set(err, "%s may not load a data pack: only an admin or a city clerk may", w);
		free(w);
		return ST_DATA;
	}
	if (role == SESSION_ADMIN || role == SESSION_CITY || what == ACCESS_USERS || what == ACCESS_PACK)
		return ST_OK;
	return county_check(db, table, region_id, owner, what, err);
}

int access_check(struct db *db, const char *table, long long region_id,
                 enum access_what what, char **err)
{
	return check(db, table, region_id, NULL, what, err);
}

/* The check for a record of kind p whose region source field (index fi)
 * has the stored value v. */
static int check_source(struct db *db, const struct profile *p, int fi, const char *v,
                        enum access_what what, char **err)
{
	char *end;
	long long ref = v != NULL ? strtoll(v, &end, 10) : 0;
	if (fi < 0 || v == NULL || *end != '\0' || end == v)
		ref = 0;
	if (ref == 0 || p->f[fi].type == FT_REGION)
		return access_check(db, p->table, ref, what, err);
	if (access_writes_all(db))
		return access_check(db, p->table, 0, what, err);
	/* the region of the record it belongs to, which its refusal names */
	const struct profile *o = ref_kind(p, fi);
	char *sql = xasprintf("SELECT coalesce(t.\"%s\", 0) FROM \"%s\" t WHERE t.id = ?1",
	                      o->f[access_region_field(o)].col, o->table);
	char *region = db_text_of(db, sql, ref);
	free(sql);
	sql = xasprintf("SELECT t.\"%s\" FROM \"%s\" t WHERE t.id = ?1",
	                o->f[owner_name(o)].col, o->table);
	char *label = db_text_of(db, sql, ref);
	free(sql);
	int rc = check(db, p->table, region != NULL ? strtoll(region, NULL, 10) : 0, label, what, err);
	free(region);
	free(label);
	return rc;
}

int access_check_values(struct db *db, const struct profile *p, char *const *v,
                        enum access_what what, char **err)
{
	int fi = access_region_source(p);
	return check_source(db, p, fi, fi >= 0 ? v[fi] : NULL, what, err);
}

int access_check_row(struct db *db, const struct profile *p, long long id,
                     enum access_what what, char **err)
{
	int fi = access_region_source(p);
	char *v = NULL;
	if (fi >= 0 && !access_writes_all(db)) {
		char *sql = xasprintf("SELECT \"%s\" FROM \"%s\" WHERE id = ?", p->f[fi].col, p->table);
		v = db_text_of(db, sql, id);
		free(sql);
	}
	int rc = check_source(db, p, fi, v, what, err);
	free(v);
	return rc;
}
