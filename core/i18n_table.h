/* i18n_table.h: message tables.  Each module may keep its own table of
 * {English, Chinese} pairs ending with {NULL, NULL} and add it at start-up. */
#ifndef INNOTRACK_I18N_TABLE_H
#define INNOTRACK_I18N_TABLE_H

struct i18n_pair {
	const char *en;
	const char *zh;
};

extern const struct i18n_pair i18n_core_zh[];

/* Add another table (the terminal program's own messages, say). */
void i18n_add_table(const struct i18n_pair *t);

#endif
