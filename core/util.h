/* util.h: allocation that aborts on failure, and small string helpers. */
#ifndef INNOTRACK_UTIL_H
#define INNOTRACK_UTIL_H

#include <stddef.h>
#include <stdarg.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);                 /* NULL in, NULL out */
char *xstrndup(const char *s, size_t n);
/* printf into fresh memory.  Caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* Set *err (if err is not NULL) to a formatted message, freeing any old one.
 * fmt is English and is translated here (an xgettext keyword, like tr). */
void err_set(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* strerror(e) in the UI language: the common ones translated. */
const char *errno_text(int e);

/* A growable byte buffer, always NUL-terminated. */
struct sbuf {
	char  *s;       /* the bytes; owned */
	size_t len;     /* used, without the NUL */
	size_t cap;     /* allocated */
};
void sbuf_add(struct sbuf *b, const char *s, size_t n);
void sbuf_puts(struct sbuf *b, const char *s);
void sbuf_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *sbuf_take(struct sbuf *b);              /* caller frees; b is emptied */
void sbuf_free(struct sbuf *b);

/* Format a number the way tables show it: no trailing zeros, at most
 * `decimals` places ("2.5", "300", "13.1").  Writes into buf. */
const char *fmt_num(char *buf, size_t size, double v, int decimals);

/* The current local time as 'YYYY-MM-DD HH:MM:SS'.  Static buffer. */
const char *util_now(void);

#endif
