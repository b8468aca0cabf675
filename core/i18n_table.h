/* i18n_table.h: the compiled-in catalog, generated from po/zh_CN.po by
 * build-aux/po2c.sh into i18n_cat.c (never edit that file). */
#ifndef INNOTRACK_I18N_TABLE_H
#define INNOTRACK_I18N_TABLE_H

#include <stddef.h>

struct i18n_entry {
	const char *ctx;   /* msgctxt, or NULL */
	const char *en;    /* msgid: the English, as written in the code */
	const char *zh;    /* msgstr (msgstr[0] of a plural) */
};

extern const struct i18n_entry i18n_catalog[];
extern const size_t i18n_catalog_len;

#endif
