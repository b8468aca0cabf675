/* region.h: the regions of the database, in tree order (city first). */
#ifndef INNOTRACK_REGION_H
#define INNOTRACK_REGION_H

#include "core/db.h"

struct region_item {
	long long id;
	char     *name;   /* owned */
	char     *kind;   /* city, county, park, ... owned */
	int       depth;  /* 0 for the top region */
};

struct region_list {
	struct region_item *items;
	size_t              n;
};

int region_list_load(struct db *db, struct region_list *out, char **err);
void region_list_free(struct region_list *l);

/* Region id (0: the top one) and the regions right under it (a city's
 * counties and parks), in tree order: the rows of a report per region. */
int region_list_under(struct db *db, long long id, struct region_list *out, char **err);

/* The region whose name, code or alias is `name` (after folding full-width
 * forms and spaces); 0 if none. */
long long region_find(struct db *db, const char *name);

/* The top region (the city); 0 if the database has none. */
long long region_top(struct db *db);

#endif
