/* i18n.c: pick the UI language and look messages up in the catalog. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/i18n_table.h"

static enum lang current = LANG_EN;

/* The catalog sorted by (context, English), built once by i18n_set. */
static const struct i18n_entry **sorted;

static int entry_cmp(const char *ctx_a, const char *en_a, const char *ctx_b, const char *en_b)
{
	int c = strcmp(ctx_a ? ctx_a : "", ctx_b ? ctx_b : "");
	return c != 0 ? c : strcmp(en_a, en_b);
}

static int sort_cmp(const void *a, const void *b)
{
	const struct i18n_entry *x = *(const struct i18n_entry *const *)a;
	const struct i18n_entry *y = *(const struct i18n_entry *const *)b;
	return entry_cmp(x->ctx, x->en, y->ctx, y->en);
}

static void build_index(void)
{
	if (sorted != NULL || i18n_catalog_len == 0)
		return;
	const struct i18n_entry **s = malloc(i18n_catalog_len * sizeof *s);
	if (s == NULL)
		abort();
	for (size_t i = 0; i < i18n_catalog_len; i++)
		s[i] = &i18n_catalog[i];
	qsort(s, i18n_catalog_len, sizeof *s, sort_cmp);
	sorted = s;   /* kept for the life of the program */
}

enum lang i18n_from_env(void)
{
	static const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v != NULL && *v != '\0')
			return strncmp(v, "zh", 2) == 0 ? LANG_ZH : LANG_EN;
	}
	return LANG_EN;
}

void i18n_set(enum lang l)
{
	if (l == LANG_ZH)
		build_index();
	current = l;
}

enum lang i18n_get(void)
{
	return current;
}

static const char *lookup(const char *ctx, const char *en)
{
	size_t lo = 0, hi = i18n_catalog_len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = entry_cmp(ctx, en, sorted[mid]->ctx, sorted[mid]->en);
		if (c == 0)
			return sorted[mid]->zh;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const char *trc(const char *ctx, const char *en)
{
	if (current == LANG_EN || en == NULL || sorted == NULL)
		return en;
	const char *zh = lookup(ctx, en);
	return zh != NULL ? zh : en;
}

const char *tr(const char *en)
{
	return trc(NULL, en);
}

const char *trn(const char *one, const char *many, unsigned long n)
{
	if (current == LANG_EN || sorted == NULL)
		return n == 1 ? one : many;
	const char *zh = lookup(NULL, one);
	return zh != NULL ? zh : n == 1 ? one : many;
}
