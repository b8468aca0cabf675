/* edit.h: a clerk's own changes to observations and targets, one short
 * write transaction each, with row versions: a save names the version the
 * form was opened on, and if another clerk saved in between, nothing is
 * overwritten and the caller learns who changed it and when. */
#ifndef INNOTRACK_EDIT_H
#define INNOTRACK_EDIT_H

#include "core/db.h"

#define ST_CONFLICT 4   /* another clerk changed the record since it was read */

/* Who last changed a record, for a conflict message. */
struct edit_conflict {
	long long version;      /* the version now in the database; 0 if deleted */
	char      by[64];       /* who changed it last, or deleted it (if the
	                           audit knows; else empty) */
	char      at[32];       /* and when */
	char      value[64];    /* their figure, as text */
};

/* An observation as a form edits it. */
struct obs_rec {
	long long id;           /* 0: not in the database yet */
	long long version;      /* as read; 0 for a new one */
	long long indicator_id, region_id;
	char      period[32];   /* as typed; "2025" or "2025Q3" once saved */
	int       has_value;
	double    value;
	char      note[256];
	char      updated_by[64], updated_at[32];
};

/* Read the observation of a cell (id 0 and version 0 if there is none). */
int obs_read(struct db *db, long long indicator_id, long long region_id,
             const char *period, struct obs_rec *out, char **err);

/* Insert or update.  ST_OK (r->id and r->version updated), ST_CONFLICT
 * with *c filled, ST_DATA for a bad period, ST_DB. */
int obs_save(struct db *db, struct obs_rec *r, struct edit_conflict *c, char **err);

/* Delete the observation if it is still at r->version. */
int obs_delete(struct db *db, const struct obs_rec *r, struct edit_conflict *c, char **err);

/* A target as a form edits it. */
struct target_rec {
	long long id, version;
	long long indicator_id, region_id, doc_id;
	int       year;
	char      cmp[3];
	double    value;
	int       has_baseline;
	int       baseline_year;
	double    baseline;
	char      note[256];
};

int target_read(struct db *db, long long id, struct target_rec *out, char **err);
int target_save(struct db *db, struct target_rec *r, struct edit_conflict *c, char **err);

/* Choose which document's target is in force for a cell (a clerk's
 * choice over "the latest issued"). */
int target_choose(struct db *db, long long target_id, char **err);

/* Policy documents, for a form's choice list. */
struct doc_item {
	long long id;
	char     *label;       /* number or short name; owned */
	char     *issued_on;   /* owned */
};
int docs_list(struct db *db, struct doc_item **items, size_t *n, char **err);
void docs_free(struct doc_item *items, size_t n);

#endif
