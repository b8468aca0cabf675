/* rtable.c: a report section's rows and the four ways of writing them. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvwrite.h"
#include "core/i18n.h"
#include "core/rtable.h"
#include "core/util.h"
#include "core/width.h"

void rt_init(struct rtable *t, const char *const *keys)
{
	memset(t, 0, sizeof *t);
	t->keys = keys;
	while (keys[t->ncol])
		t->ncol++;
	t->at = t->ncol;
}

void rt_free(struct rtable *t)
{
	for (size_t i = 0; i < t->n * (size_t)t->ncol; i++)
		free(t->cells[i].text);
	free(t->cells);
	for (size_t i = 0; i < t->nnotes; i++)
		free(t->notes[i]);
	free(t->notes);
	memset(t, 0, sizeof *t);
}

static struct rcell *next_cell(struct rtable *t)
{
	if (t->at == t->ncol) {
		if (t->n == t->cap) {
			t->cap = t->cap ? t->cap * 2 : 32;
			t->cells = xrealloc(t->cells, t->cap * t->ncol * sizeof *t->cells);
		}
		memset(&t->cells[t->n * t->ncol], 0, t->ncol * sizeof *t->cells);
		t->n++;
		t->at = 0;
	}
	return &t->cells[(t->n - 1) * t->ncol + t->at++];
}

void rt_text(struct rtable *t, const char *s)
{
	struct rcell *c = next_cell(t);
	c->text = s != NULL && *s ? xstrdup(s) : NULL;
}

void rt_int(struct rtable *t, int has, long long v)
{
	struct rcell *c = next_cell(t);
	if (!has)
		return;
	c->text = xasprintf("%lld", v);
	c->is_num = 1;
	c->num = (double)v;
	c->decimals = 0;
}

void rt_num(struct rtable *t, int has, double v, int decimals)
{
	char buf[64];
	struct rcell *c = next_cell(t);
	if (!has)
		return;
	c->text = xstrdup(fmt_num(buf, sizeof buf, v, decimals));
	c->is_num = 1;
	c->num = v;
	c->decimals = decimals;
}

void rt_note(struct rtable *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	t->notes = xrealloc(t->notes, (t->nnotes + 1) * sizeof *t->notes);
	t->notes[t->nnotes++] = s;
}

static const struct rcell *cell(const struct rtable *t, size_t row, int col)
{
	return &t->cells[row * t->ncol + col];
}

static void write_csv(const struct rtable *t, int excel, FILE *out)
{
	struct csvw w;
	csvw_start(&w, out, excel);
	for (int c = 0; c < t->ncol; c++)
		csvw_field(&w, tr(t->keys[c]));
	csvw_end_row(&w);
	for (size_t r = 0; r < t->n; r++) {
		for (int c = 0; c < t->ncol; c++) {
			const struct rcell *x = cell(t, r, c);
			if (x->is_num)
				csvw_num(&w, 1, x->num, x->decimals);
			else
				csvw_field(&w, x->text);
		}
		csvw_end_row(&w);
	}
}

/* A column of figures is right-aligned when every filled cell is one. */
static int numeric_column(const struct rtable *t, int c)
{
	int any = 0;
	for (size_t r = 0; r < t->n; r++) {
		const struct rcell *x = cell(t, r, c);
		if (x->text != NULL && !x->is_num)
			return 0;
		any |= x->text != NULL;
	}
	return any;
}

/* Columns line up in display cells (Chinese is two wide); "-" for empty. */
static void write_text(const struct rtable *t, const char *title, FILE *out)
{
	int *wd = xcalloc(t->ncol, sizeof *wd), *right = xcalloc(t->ncol, sizeof *right);
	for (int c = 0; c < t->ncol; c++) {
		wd[c] = width_str(tr(t->keys[c]));
		right[c] = numeric_column(t, c);
		for (size_t r = 0; r < t->n; r++) {
			const struct rcell *x = cell(t, r, c);
			int w = width_str(x->text ? x->text : "-");
			if (w > wd[c])
				wd[c] = w;
		}
	}
	if (title != NULL)
		fprintf(out, "%s\n", title);
	for (long r = -1; r < (long)t->n; r++) {
		struct sbuf line = { 0 };
		for (int c = 0; c < t->ncol; c++) {
			const char *v = r < 0 ? tr(t->keys[c]) : cell(t, r, c)->text;
			char *p = width_pad(v ? v : "-", wd[c], r >= 0 && right[c] ? 1 : -1, "~");
			sbuf_printf(&line, "%s%s", c ? "  " : "", p);
			free(p);
		}
		while (line.len > 0 && line.s[line.len - 1] == ' ')
			line.s[--line.len] = '\0';
		fprintf(out, "%s\n", line.s);
		sbuf_free(&line);
	}
	for (size_t i = 0; i < t->nnotes; i++)
		fprintf(out, "%s\n", t->notes[i]);
	free(wd);
	free(right);
}

static void md_text(const char *s, FILE *out)
{
	for (; s && *s; s++) {
		if (*s == '|' || *s == '\\')
			fputc('\\', out);
		fputc(*s == '\n' ? ' ' : *s, out);
	}
}

static void write_markdown(const struct rtable *t, const char *title, FILE *out)
{
	if (title != NULL)
		fprintf(out, "## %s\n\n", title);
	fputc('|', out);
	for (int c = 0; c < t->ncol; c++) {
		fputc(' ', out);
		md_text(tr(t->keys[c]), out);
		fputs(" |", out);
	}
	fputs("\n|", out);
	for (int c = 0; c < t->ncol; c++)
		fputs(numeric_column(t, c) ? "---:|" : "---|", out);
	fputc('\n', out);
	for (size_t r = 0; r < t->n; r++) {
		fputc('|', out);
		for (int c = 0; c < t->ncol; c++) {
			fputc(' ', out);
			md_text(cell(t, r, c)->text, out);
			fputs(" |", out);
		}
		fputc('\n', out);
	}
	for (size_t i = 0; i < t->nnotes; i++) {
		fputs(i ? "\n" : "\n", out);
		md_text(t->notes[i], out);
		fputc('\n', out);
	}
	fputc('\n', out);
}

static void html_text(const char *s, FILE *out)
{
	for (; s && *s; s++)
		switch (*s) {
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '&': fputs("&amp;", out); break;
		case '"': fputs("&quot;", out); break;
		default: fputc(*s, out);
		}
}

static void write_html(const struct rtable *t, const char *title, FILE *out)
{
	if (title != NULL) {
		fputs("<h2>", out);
		html_text(title, out);
		fputs("</h2>\n", out);
	}
	fputs("<table>\n<thead><tr>", out);
	for (int c = 0; c < t->ncol; c++) {
		fputs("<th>", out);
		html_text(tr(t->keys[c]), out);
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	for (size_t r = 0; r < t->n; r++) {
		fputs("<tr>", out);
		for (int c = 0; c < t->ncol; c++) {
			const struct rcell *x = cell(t, r, c);
			fputs(x->is_num ? "<td class=\"num\">" : "<td>", out);
			html_text(x->text, out);
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
	}
	fputs("</tbody>\n</table>\n", out);
	for (size_t i = 0; i < t->nnotes; i++) {
		fputs("<p>", out);
		html_text(t->notes[i], out);
		fputs("</p>\n", out);
	}
}

void rt_write(const struct rtable *t, const char *title, enum report_format f, int excel,
              FILE *out)
{
	switch (f) {
	case REPORT_CSV: write_csv(t, excel, out); break;
	case REPORT_MARKDOWN: write_markdown(t, title, out); break;
	case REPORT_HTML: write_html(t, title, out); break;
	default: write_text(t, title, out); break;
	}
}

static const struct { const char *name; enum report_format f; const char *ext; } formats[] = {
	{ "text", REPORT_TEXT, "txt" },
	{ "csv", REPORT_CSV, "csv" },
	{ "markdown", REPORT_MARKDOWN, "md" },
	{ "md", REPORT_MARKDOWN, "md" },
	{ "html", REPORT_HTML, "html" },
};

int report_format_parse(const char *s, enum report_format *f)
{
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(s, formats[i].name) == 0) {
			*f = formats[i].f;
			return 0;
		}
	return -1;
}

const char *report_format_ext(enum report_format f)
{
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (formats[i].f == f)
			return formats[i].ext;
	return "txt";
}
