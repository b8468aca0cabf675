/* pathcomp.h: completing a file name as a shell does on Tab.  No curses:
 * the imports screen calls it from its form (tests/unit/test_form.c). */
#ifndef INNOTRACK_PATHCOMP_H
#define INNOTRACK_PATHCOMP_H

#include <stddef.h>

/* The completion of `typed` (a path, ~ for the home folder): the longest
 * common continuation of the names in its folder that start with what
 * follows the last '/', with a '/' after a single folder.  *n gets how
 * many names matched (0: none).  Hidden files only when the name typed
 * starts with '.'.  Caller frees the result (the text to show). */
char *pathcomp(const char *typed, size_t *n);

#endif
