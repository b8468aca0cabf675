/* strings.h: the Chinese for the terminal program's own messages. */
#ifndef INNOTRACK_STRINGS_H
#define INNOTRACK_STRINGS_H

#include "core/i18n_table.h"

extern const struct i18n_pair tui_strings_zh[];

#endif
