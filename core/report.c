/* report.c: `innotrack report`: the list of sections and writing one. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/report.h"
#include "core/util.h"

const struct report_section *const report_sections[] = {
	&report_indicators,
	NULL
};

const struct report_section *report_section_find(const char *key)
{
	for (const struct report_section *const *s = report_sections; *s; s++)
		if (strcmp((*s)->key, key) == 0)
			return *s;
	return NULL;
}

int report_write(const struct report_ctx *c, const struct report_section *s,
                 enum report_format f, int excel, int titled, FILE *out, char **err)
{
	int rc;
	if (f == REPORT_TEXT && s->text != NULL) {
		if (titled)
			fprintf(out, "== %s ==\n", tr(s->title));
		rc = s->text(c, out, err);
	} else {
		struct rtable t;
		rt_init(&t, s->columns);
		rc = s->fill(c, &t, err);
		if (rc == ST_OK) {
			char *title = titled ? xasprintf(f == REPORT_TEXT ? "== %s ==" : "%s", tr(s->title))
			                     : NULL;
			rt_write(&t, title, f, excel, out);
			free(title);
		}
		rt_free(&t);
	}
	if (rc != ST_OK)
		return rc;
	if (fflush(out) != 0 || ferror(out)) {
		err_set(err, "cannot write the report");
		return ST_DATA;
	}
	return ST_OK;
}
