/* fold.h: fold names for matching: full-width forms to half-width, spaces
 * (ASCII and U+3000) removed, ASCII lower-cased, Chinese brackets to ASCII.
 * 'ＲＤ 投入（%）' and 'rd投入(%)' fold alike. */
#ifndef INNOTRACK_FOLD_H
#define INNOTRACK_FOLD_H

/* Caller frees. */
char *fold_name(const char *s);

/* 1 if a folds equal to b or to one of the '|'-separated names in list. */
int fold_match(const char *folded, const char *name, const char *list);

#endif
