/* pipe.h: records that move along stages with a dated history: a firm up
 * (or down) the ladder (enterprise_stage), a talent from first contact to
 * on duty (talent_stage).  A move is one short write transaction: the
 * record's stage, version, who and when, the history row and an audit
 * row together.  The record editor (tui/recedit.c) offers it for the
 * kinds that have one. */
#ifndef INNOTRACK_PIPE_H
#define INNOTRACK_PIPE_H

#include <stddef.h>

#include "core/choice.h"
#include "core/db.h"
#include "core/edit.h"       /* ST_CONFLICT */
#include "core/profile.h"

/* The stages records of kind p move along (CH_TIER, CH_TALENT_STAGE), or
 * NULL if they do not. */
const struct choice_set *pipe_stages(const struct profile *p);
/* The index of the field of p holding its stage, or -1. */
int pipe_stage_field(const struct profile *p);

/* One move, as the history shows it. */
struct pipe_step {
	char     *on;        /* YYYY-MM-DD; owned */
	char     *from, *to; /* stage values; from may be NULL; owned */
	char     *reason;    /* owned, "" if none */
	char     *login;     /* owned, "" if not known */
	long long batch_id;  /* the import that made it, or 0 */
};

/* Record id's moves, latest first.  ST_OK or ST_DB. */
int pipe_history(struct db *db, const struct profile *p, long long id,
                 struct pipe_step **out, size_t *n, char **err);
void pipe_history_free(struct pipe_step *s, size_t n);

/* The stage record id is at now (a stage value; caller frees), NULL if
 * there is no such record. */
char *pipe_stage_of(struct db *db, const struct profile *p, long long id);

/* Move record id, read at `version`, to stage `to` (a value of
 * pipe_stages(p)) on day `on` (a date as a clerk types it), for
 * `reason`, after the kind's rules (core/ladder.h, core/talent.h).  A day
 * before the record's latest move is refused.  ST_OK; ST_DATA with *err
 * (UI language) when a rule or the date refuses it; ST_CONFLICT with *err
 * when another clerk changed the record since `version`; ST_DB. */
int pipe_move(struct db *db, const struct profile *p, long long id, long long version,
              const char *to, const char *on, const char *reason, char **err);

/* Record id of kind p, saved through its form (core/record.c) with its
 * stage changed from `from` to `to`, moves as pipe_move moves it: after
 * the kind's rules, dated by the save (today), with no reason; the
 * history row, and a talent arriving gets its introduced_on.  Call it in
 * the save's write transaction, after the record is written and before
 * its audit row; nothing for a kind whose form corrections the schema
 * records itself (a firm's tier), nor for an unchanged stage.  ST_OK;
 * ST_DATA with *err (the rule's words, UI language) when the move is
 * refused (the caller rolls the save back); ST_DB. */
int pipe_form_move(struct db *db, const struct profile *p, long long id, const char *from,
                   const char *to, char **err);

#endif
