/* dataset_profile.c: the profile of a register (see dataset.h).  Apart
 * from dataset.c so that the record editor can ask it before the
 * registers are derived from the profiles. */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "core/dataset.h"
#include "core/profile.h"

const struct profile *dataset_profile(const struct dataset *ds)
{
	char name[64];
	const char *t = ds ? dataset_title(ds) : NULL;
	size_t i;
	if (t == NULL)
		return NULL;
	/* the register's name is its English title in lower case */
	for (i = 0; t[i] && i + 1 < sizeof name; i++)
		name[i] = (char)tolower((unsigned char)t[i]);
	name[i] = '\0';
	return profile_find(name);
}
