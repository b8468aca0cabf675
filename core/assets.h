/* assets.h: files of assets/ compiled into the binary (see build-aux/embed.sh). */
#ifndef INNOTRACK_ASSETS_H
#define INNOTRACK_ASSETS_H

#include <stddef.h>

struct asset {
	const char          *name;  /* path below assets/, e.g. "packs/kunshan/regions.csv" */
	const unsigned char *data;  /* the bytes, followed by a NUL */
	size_t               size;  /* without the NUL */
};

extern const struct asset assets_table[];   /* ends with a NULL name */

/* The asset called `name`, or NULL. */
const struct asset *assets_find(const char *name);

#endif
