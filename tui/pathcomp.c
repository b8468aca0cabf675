/* pathcomp.c: Tab completion of file names. */
#include "config.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/privs.h"
#include "core/utf8.h"
#include "core/util.h"
#include "tui/pathcomp.h"

char *pathcomp(const char *typed, size_t *n)
{
	const char *home = getenv("HOME");
	char *path = (typed[0] == '~' && (typed[1] == '/' || typed[1] == '\0') && home)
	             ? xasprintf("%s%s", home, typed + 1) : xstrdup(typed);
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path) + 1) : xstrdup("");
	const char *base = slash ? slash + 1 : path;
	size_t blen = strlen(base);
	char *common = NULL;
	int only_dir = 0;
	*n = 0;
	DIR *d = privs_opendir_clerk(*dir ? dir : ".");   /* the clerk's folders only */
	if (d != NULL) {
		struct dirent *e;
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			if (e->d_name[0] == '.' && base[0] != '.')
				continue;
			if (strncmp(e->d_name, base, blen) != 0)
				continue;
			(*n)++;
			if (common == NULL) {
				common = xstrdup(e->d_name);
				char *full = xasprintf("%s%s", dir, e->d_name);
				struct stat sb;
				only_dir = stat(full, &sb) == 0 && S_ISDIR(sb.st_mode);
				free(full);
			} else {
				size_t i = 0;
				while (common[i] && common[i] == e->d_name[i])
					i++;
				/* never cut a UTF-8 character in two */
				common[utf8_floor(common, strlen(common), i)] = '\0';
			}
		}
		closedir(d);
	}
	char *out;
	if (*n == 0)
		out = xstrdup(typed);
	else {
		/* keep what the clerk typed before the name (a ~ stays a ~) */
		size_t keep = strlen(typed) - blen;
		out = xasprintf("%.*s%s%s", (int)keep, typed, common,
		                *n == 1 && only_dir ? "/" : "");
	}
	free(common);
	free(dir);
	free(path);
	return out;
}
