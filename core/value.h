/* value.h: the checker's value parsers.  Each takes a cell as Excel wrote
 * it (full-width digits, thousands separators, "2.2%", "—" for missing)
 * and gives the value or a reason it is not one. */
#ifndef INNOTRACK_VALUE_H
#define INNOTRACK_VALUE_H

#include <stddef.h>

/* Full-width ASCII forms to ASCII, U+3000 and NBSP to spaces, U+2212 to
 * '-', then leading and trailing spaces trimmed.  Caller frees. */
char *value_fold(const char *s);
/* The same into buf (size bytes); NULL if it does not fit there. */
char *value_fold_buf(const char *s, char *buf, size_t size);
/* The same, with the folded text's length in *len. */
char *value_fold_buf_n(const char *s, char *buf, size_t size, size_t *len);

/* 1 if the (folded) cell means "no figure": empty, -, --, —, ——, /, N/A. */
int value_missing(const char *folded);

/* A number: "1,234.5", "2.2%", "(1,234)" (negative), "+3", "1.5e3".
 * *percent is set when a % sign was given (the figure is kept as written:
 * "2.2%" gives 2.2).  0, or -1 if it is not a number. */
int value_number(const char *folded, double *v, int *percent);

/* A date: 2023-12-02, 2023/12/2, 2023.12.2, 2023年12月2日, 20231202.
 * Writes YYYY-MM-DD into out (11 bytes).  0, or -1. */
int value_date(const char *folded, char out[11]);

/* The same forms without checking that the day exists: 0 with the
 * year, month and day as written, or -1. */
int value_date_fields(const char *folded, int *y, int *m, int *d);

/* Yes/no: 是 否 有 无 Y N yes no true false 1 0 √ ×.  0, or -1. */
int value_bool(const char *folded, int *b);

/* Unified social credit code (GB 32100-2015): 18 characters of
 * 0-9 and A-Z without I O S V Z, the last a check character.  Lower case
 * is taken.  Returns 0 and the upper-cased code in out (19 bytes); -1 if
 * the form is wrong (*why says how); -2 if only the check character is
 * wrong (*expect gets the right one). */
int value_uscc(const char *folded, char out[19], const char **why, char *expect);

/* The check character for the first 17 characters (which must be valid). */
char uscc_check_char(const char *s17);

#endif
