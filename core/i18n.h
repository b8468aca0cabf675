/* i18n.h: the UI language.  Messages are written in English in the code
 * and looked up in the Chinese catalog, po/zh_CN.po, which the build turns
 * into a compiled-in table (build-aux/po2c.sh), so a server with only the
 * C.UTF-8 locale still shows Chinese.
 *
 * Marking, for xgettext (build-aux/xgettext.sh lists the keywords):
 *   tr("Save")                  a message, translated where it is used
 *   trc("verb", "Import")       the same English in another meaning (msgctxt)
 *   trn("%ld row", "%ld rows", n)   a message with a number in it (plural)
 *   N_("Save")                  a string kept in a table and given to tr()
 *                               later; the mark only lets xgettext find it
 * A new message: write it in the code with one of these, run
 * `make update-po` and fill in its msgstr in po/zh_CN.po (or add the entry
 * by hand); `make check` fails on a marked string the catalog lacks. */
#ifndef INNOTRACK_I18N_H
#define INNOTRACK_I18N_H

enum lang { LANG_EN = 0, LANG_ZH = 1 };

#define N_(s) (s)

/* Choose from the environment (LC_ALL, LC_MESSAGES, LANG: zh* gives Chinese). */
enum lang i18n_from_env(void);
void i18n_set(enum lang l);
enum lang i18n_get(void);

/* The message in the current language; the English text if no translation. */
const char *tr(const char *en);
/* The same with a context (msgctxt) for English that has two meanings. */
const char *trc(const char *ctx, const char *en);
/* The form for the number n: English one or many; Chinese has one form. */
const char *trn(const char *one, const char *many, unsigned long n);

#endif
