/* access.h: who may change what.  Every write path of core (the record
 * editor, the indicator forms, imports, undoing an import, data packs,
 * granting and revoking) asks access_check before it writes, inside its
 * write transaction; nothing else decides.
 *
 * The roles (app_user.role, CH_ROLE in core/choice.c):
 *   admin   writes everything, and grants and revokes;
 *   city    a city clerk: writes everything;
 *   county  a county clerk: writes only the records of their region (a
 *           county, county-level city, district or park) and of the
 *           regions below it, and reads all;
 *   viewer  reads;
 * and a login app_user does not list reads, and is told how to ask.
 *
 * A record's region is the value of its kind's region field (the field
 * of type FT_REGION in core/profile.c); for a kind without one whose
 * description names the record it belongs to (PF_OWNER: a firm's yearly
 * figures, an event's parties), the region of that record.  A record with
 * no region (a kind without either: regions, indicators, documents,
 * tasks; or an enterprise whose region is empty, and its yearly figures)
 * is the whole city's, and a county
 * clerk may not change it, with one exception a kind declares itself
 * (PK_LOCAL_ADD): a county clerk may add an institute, since the
 * partnerships of their county need the institute they are with, but not
 * change or delete one.  The list of regions is the city's: a county
 * clerk who could re-parent a region could widen their own scope. */
#ifndef INNOTRACK_ACCESS_H
#define INNOTRACK_ACCESS_H

#include "core/db.h"
#include "core/profile.h"

enum access_what {
	ACCESS_ADD,      /* add a record */
	ACCESS_CHANGE,   /* change a record */
	ACCESS_DELETE,   /* delete a record */
	ACCESS_UNDO,     /* undo an import batch's change to a record */
	ACCESS_PACK,     /* load a data pack (admin, city) */
	ACCESS_USERS     /* grant and revoke (admin) */
};

/* May the session of db do `what` to a record of `table` (a table of the
 * schema) in region region_id (0: a record with no region)?  ST_OK, or
 * ST_DATA with *err saying what was refused and why, in the UI language
 * ("县级用户 clerk2（浮梁县）不能修改 乐平市 的记录"); ST_DB. */
int access_check(struct db *db, const char *table, long long region_id,
                 enum access_what what, char **err);

/* The same for stored row `id` of kind p, by the region it has now
 * (its own, or that of the record it belongs to). */
int access_check_row(struct db *db, const struct profile *p, long long id,
                     enum access_what what, char **err);

/* 1 if the session writes every record (admin, city clerk): a caller with
 * many rows to check may skip asking for each. */
int access_writes_all(const struct db *db);

/* 1 if the session may write anything at all (not a viewer, and listed). */
int access_writes_some(const struct db *db);

/* The index of p's region field (FT_REGION), or -1 if the kind has none. */
int access_region_field(const struct profile *p);

/* The index of the field a record of kind p takes its region from: its
 * region field, else its owner field (PF_OWNER, a reference to a kind
 * with a region field); -1 if neither (the record is the whole city's). */
int access_region_source(const struct profile *p);

/* SQL giving the region id (or NULL) of a record of kind p whose source
 * field (access_region_source) has the value of the SQL `value` ("t.x",
 * "s.x" of a staging table, json_extract(...) of an audit image): value
 * itself, or the owner's region looked up by its id.  NULL if the kind
 * has no region.  Caller frees. */
char *access_region_sql(const struct profile *p, const char *value);

/* May the session do `what` to a record of kind p that has the values v
 * (p->n values as core/record.h holds them: stored form, a reference as
 * its id), by the region they give it?  A refusal for the region of the
 * record it belongs to names that record too ("…不能添加 乐平市 的记录
 * （甲公司）").  ST_OK, ST_DATA with *err, ST_DB. */
int access_check_values(struct db *db, const struct profile *p, char *const *v,
                        enum access_what what, char **err);

/* For a login app_user does not list: "you may only read; to ask for
 * access ..." naming the admins and the grant command; NULL for a listed
 * login.  Caller frees. */
char *access_how_to_ask(struct db *db);

#endif
