/* choice.h: the closed lists of the data model (the enterprise ladder,
 * comparators, levels, talent stages, ...), each described once: the
 * value stored in the database, its labels in both languages, other
 * words that mean it in a file, and its rank (its place in the list).
 * The record descriptions (core/profile.c) point at these sets; import,
 * export, the registers' labels and sort order, the forms' choice lists
 * and the unit test against the schema's CHECK lists all read them. */
#ifndef INNOTRACK_CHOICE_H
#define INNOTRACK_CHOICE_H

#include <stddef.h>

struct choice {
	const char *value;     /* as stored */
	const char *en;        /* English label */
	const char *zh;        /* Chinese label (also what export writes) */
	const char *aliases;   /* other words for it in a file, '|' separated; may be NULL */
};

struct choice_set {
	const struct choice *v;   /* in rank order: the first ranks 0 */
	size_t n;
};

extern const struct choice_set CH_TIER, CH_CMP, CH_LEVEL, CH_TALENT_STAGE, CH_TALENT_MODE,
	CH_INST_KIND, CH_REGION_KIND, CH_ACH_FIELD, CH_ACH_STAGE, CH_DIRECTION, CH_IND_KIND,
	CH_DESIGNATION, CH_COUNTER, CH_PROJ_FORM, CH_IND_NATURE, CH_ROLLUP;

/* The label of c in the UI language. */
const char *choice_label(const struct choice *c);

/* The choice stored as `value`; NULL if none. */
const struct choice *choice_by_value(const struct choice_set *s, const char *value);

/* The choice a (folded, see core/fold.h) cell names: its value, a label
 * or an alias; NULL if none. */
const struct choice *choice_by_word(const struct choice_set *s, const char *folded);

/* "label, label, ..." in the UI language, for a message.  Caller frees. */
char *choice_list(const struct choice_set *s);

/* SQL that shows `expr` (a stored value) as its label in the UI language,
 * and SQL that gives its rank (NULL values: NULL).  Caller frees. */
char *choice_label_sql(const struct choice_set *s, const char *expr);
char *choice_rank_sql(const struct choice_set *s, const char *expr);

#endif
