/* field.c: a form field's text, check and choice list (see field.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "core/util.h"
#include "tui/field.h"

void field_init(struct field *f, enum field_kind kind, const char *label, const char *text)
{
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->label = xstrdup(label);
	f->min = 1;
	f->max = 0;
	le_init(&f->le, text ? text : "", 0);
	f->initial = xstrdup(f->le.buf);
}

void field_free(struct field *f)
{
	free(f->label);
	le_free(&f->le);
	free(f->initial);
	for (size_t i = 0; i < f->nchoices; i++)
		free(f->choices[i]);
	free(f->choices);
	free(f->match);
	memset(f, 0, sizeof *f);
}

/* The choice whose label folds equal to s, or nchoices. */
static size_t field_find(const struct field *f, const char *s)
{
	char *key = fold_name(s);
	size_t i;
	for (i = 0; i < f->nchoices; i++)
		if (fold_match(key, f->choices[i], NULL))
			break;
	free(key);
	return i;
}

void field_set_choices(struct field *f, const char *const *labels, size_t n)
{
	f->choices = xcalloc(n ? n : 1, sizeof *f->choices);
	f->match = xcalloc(n ? n : 1, sizeof *f->match);
	for (size_t i = 0; i < n; i++)
		f->choices[i] = xstrdup(labels[i]);
	f->nchoices = n;
	f->choice = field_find(f, f->le.buf);
	f->has_value = f->choice < n;
	f->narrowing = 0;
	field_narrow(f);
}

void field_set_text(struct field *f, const char *text, int rebase)
{
	le_set(&f->le, text ? text : "");
	if (rebase) {
		free(f->initial);
		f->initial = xstrdup(f->le.buf);
	}
	if (f->kind == FIELD_CHOICE) {
		f->choice = field_find(f, f->le.buf);
		f->has_value = f->choice < f->nchoices;
		f->narrowing = 0;
		field_narrow(f);
	}
}

int field_empty(const struct field *f)
{
	char *t = fold_name(f->le.buf);
	int empty = *t == '\0';
	free(t);
	return empty;
}

int field_changed(const struct field *f)
{
	return strcmp(f->le.buf, f->initial) != 0;
}

void field_narrow(struct field *f)
{
	char *key = fold_name(f->le.buf);
	int all = !f->narrowing || *key == '\0';
	f->nmatch = 0;
	f->hl = 0;
	for (size_t i = 0; i < f->nchoices; i++) {
		char *name = all ? NULL : fold_name(f->choices[i]);
		if (all || strstr(name, key) != NULL) {
			if (i == f->choice)
				f->hl = f->nmatch;
			f->match[f->nmatch++] = i;
		}
		free(name);
	}
	/* a label typed whole comes first among the matches */
	for (size_t m = 0; !all && m < f->nmatch; m++)
		if (fold_match(key, f->choices[f->match[m]], NULL))
			f->hl = m;
	free(key);
}

void field_move(struct field *f, int delta)
{
	if (f->nmatch == 0)
		return;
	long long h = (long long)f->hl + delta;
	if (h < 0)
		h = 0;
	if (h >= (long long)f->nmatch)
		h = (long long)f->nmatch - 1;
	f->hl = (size_t)h;
}

static char *field_check_choice(struct field *f)
{
	size_t exact = field_find(f, f->le.buf);
	if (exact < f->nchoices)
		f->choice = exact;
	else if (f->narrowing && f->nmatch > 0)
		f->choice = f->match[f->hl];
	else
		return xasprintf(tr("Nothing in the list matches \"%s\""), f->le.buf);
	f->has_value = 1;
	le_set(&f->le, f->choices[f->choice]);
	f->narrowing = 0;
	field_narrow(f);
	return NULL;
}

static char *field_check_int(struct field *f)
{
	long long v;
	if (parse_integer(f->le.buf, &v) != PARSE_OK)
		return xasprintf(tr("\"%s\" is not a whole number"), f->le.buf);
	if (f->min <= f->max && (v < f->min || v > f->max))
		return xasprintf(tr("%s must be from %lld to %lld"), f->label, f->min, f->max);
	f->integer = v;
	char *t = xasprintf("%lld", v);
	le_set(&f->le, t);
	free(t);
	return NULL;
}

static char *field_check_decimal(struct field *f)
{
	if (parse_decimal(f->le.buf, &f->num, &f->percent) != PARSE_OK)
		return xasprintf(tr("\"%s\" is not a number (like 1234.5, 1,234.5, 2.2%%)"),
		                 f->le.buf);
	char num[64];
	le_set(&f->le, fmt_num(num, sizeof num, f->num, 6));
	return NULL;
}

static char *field_check_date(struct field *f)
{
	char d[11];
	int rc = parse_date(f->le.buf, d);
	if (rc == PARSE_NO_DAY)
		return xasprintf(tr("\"%s\": there is no such day"), f->le.buf);
	if (rc != PARSE_OK)
		return xasprintf(tr("\"%s\" is not a date (like 2023-12-02, 2023/12/2, 2023年12月2日)"),
		                 f->le.buf);
	memcpy(f->date, d, sizeof d);
	le_set(&f->le, d);
	return NULL;
}

static char *field_check_period(struct field *f)
{
	char p[16];
	if (period_parse(f->le.buf, &f->period) != 0)
		return xasprintf(tr("\"%s\" is not a year or quarter (like 2025, 2025Q3, 2025年第三季度)"),
		                 f->le.buf);
	le_set(&f->le, period_format(f->period, p, sizeof p));
	return NULL;
}

char *field_check(struct field *f)
{
	char *why = NULL;
	int empty = field_empty(f);
	f->has_value = 0;
	if (empty && f->kind != FIELD_TEXT) {
		if (f->required)
			return xasprintf(tr("%s: this field must be filled in"), f->label);
		le_set(&f->le, "");
		if (f->kind == FIELD_CHOICE) {
			f->narrowing = 0;
			field_narrow(f);
		}
		return NULL;
	}
	switch (f->kind) {
	case FIELD_TEXT:
		if (f->required && empty)
			return xasprintf(tr("%s: this field must be filled in"), f->label);
		break;
	case FIELD_INT:     why = field_check_int(f); break;
	case FIELD_DECIMAL: why = field_check_decimal(f); break;
	case FIELD_DATE:    why = field_check_date(f); break;
	case FIELD_PERIOD:  why = field_check_period(f); break;
	case FIELD_CHOICE:  why = field_check_choice(f); break;
	}
	f->has_value = why == NULL && !empty;
	return why;
}

int field_end_selection(struct field *f, int replace)
{
	int was = f->selected;
	f->selected = 0;
	if (!was || !replace)
		return 0;
	le_set(&f->le, "");
	return 1;
}
