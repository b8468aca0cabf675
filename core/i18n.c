/* i18n.c: pick the UI language and look messages up in the Chinese tables. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/i18n_table.h"

static enum lang current = LANG_EN;

#define MAX_TABLES 8
static const struct i18n_pair *tables[MAX_TABLES] = { i18n_core_zh };
static int ntables = 1;

void i18n_add_table(const struct i18n_pair *t)
{
	if (ntables < MAX_TABLES)
		tables[ntables++] = t;
}

enum lang i18n_from_env(void)
{
	static const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v != NULL && *v != '\0')
			return strncmp(v, "zh", 2) == 0 ? LANG_ZH : LANG_EN;
	}
	return LANG_EN;
}

void i18n_set(enum lang l)
{
	current = l;
}

enum lang i18n_get(void)
{
	return current;
}

const char *tr(const char *en)
{
	if (current == LANG_EN || en == NULL)
		return en;
	for (int t = 0; t < ntables; t++)
		for (const struct i18n_pair *p = tables[t]; p->en != NULL; p++)
			if (strcmp(p->en, en) == 0)
				return p->zh;
	return en;
}
