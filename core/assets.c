/* assets.c: look up a compiled-in asset by name. */
#include "config.h"

#include <string.h>

#include "core/assets.h"

const struct asset *assets_find(const char *name)
{
	for (const struct asset *a = assets_table; a->name != NULL; a++)
		if (strcmp(a->name, name) == 0)
			return a;
	return NULL;
}
