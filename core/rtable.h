/* rtable.h: the rows of one report section, written as an aligned text
 * table, CSV, Markdown or HTML.  A section fills a table; how it is
 * written is decided once, here. */
#ifndef INNOTRACK_RTABLE_H
#define INNOTRACK_RTABLE_H

#include <stddef.h>
#include <stdio.h>

enum report_format { REPORT_TEXT, REPORT_CSV, REPORT_MARKDOWN, REPORT_HTML };

struct rcell {
	char  *text;       /* as shown; NULL: empty; owned */
	int    is_num;     /* a figure: right-aligned, written bare in CSV */
	double num;
	int    decimals;
};

struct rtable {
	const char *const *keys;   /* column keys, N_() marked; NULL-terminated */
	int           ncol;
	size_t        n, cap;      /* rows */
	struct rcell *cells;       /* n * ncol */
	int           at;          /* cells given in the row being filled */
	char        **notes;       /* lines below the table (text, Markdown, HTML) */
	size_t        nnotes;
};

void rt_init(struct rtable *t, const char *const *keys);
void rt_free(struct rtable *t);
/* The next cell of the current row; a row starts when the previous one is
 * full.  NULL or has == 0: an empty cell. */
void rt_text(struct rtable *t, const char *s);
void rt_int(struct rtable *t, int has, long long v);
void rt_num(struct rtable *t, int has, double v, int decimals);
void rt_note(struct rtable *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The header row is the keys in the language of the screens (tr()).
 * title: a heading line above the table in text, Markdown and HTML (none
 * when NULL); CSV never has one.  excel: BOM and CRLF for CSV. */
void rt_write(const struct rtable *t, const char *title, enum report_format f, int excel,
              FILE *out);

/* "text", "csv", "markdown" or "md", "html"; -1 if none. */
int report_format_parse(const char *s, enum report_format *f);
/* The file name extension of a format, without the dot. */
const char *report_format_ext(enum report_format f);

#endif
