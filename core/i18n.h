/* i18n.h: the UI language.  Messages are written in English in the code
 * and looked up in a compiled-in Chinese table (core/i18n_zh.c). */
#ifndef INNOTRACK_I18N_H
#define INNOTRACK_I18N_H

enum lang { LANG_EN = 0, LANG_ZH = 1 };

/* Choose from the environment (LC_ALL, LC_MESSAGES, LANG: zh* gives Chinese). */
enum lang i18n_from_env(void);
void i18n_set(enum lang l);
enum lang i18n_get(void);

/* The message in the current language; the English text if no translation. */
const char *tr(const char *en);

#endif
