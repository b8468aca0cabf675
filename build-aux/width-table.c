/* width-table.c: writes core/width_table.h, the cells of each code point
 * as the C library's wcwidth() gives them under C.UTF-8, for the times the
 * process locale is not UTF-8 and wcwidth() cannot say.  Not built; run it
 * by hand when the C library's Unicode version moves on:
 *   cc -o /tmp/wt build-aux/width-table.c && /tmp/wt > core/width_table.h */
#define _XOPEN_SOURCE 700
#include <locale.h>
#include <stdio.h>
#include <wchar.h>

static int cells(long c)
{
	if (c >= 0xD800 && c <= 0xDFFF)
		return -1;
	return wcwidth((wchar_t)c);
}

static void ranges(const char *name, int want)
{
	long lo = -1, n = 0;
	printf("static const struct range %s[] = {\n", name);
	for (long c = 0xA0; c <= 0x110000; c++) {
		int hit = c < 0x110000 && cells(c) == want;
		if (hit && lo < 0)
			lo = c;
		if (!hit && lo >= 0) {
			printf("%s{ 0x%04lX, 0x%04lX },", n % 3 == 0 ? "\t" : " ", lo, c - 1);
			if (++n % 3 == 0)
				printf("\n");
			lo = -1;
		}
	}
	printf("%s};\n", n % 3 ? "\n" : "");
}

int main(void)
{
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
		fprintf(stderr, "width-table: no C.UTF-8 locale\n");
		return 1;
	}
	printf("/* width_table.h: written by build-aux/width-table.c from the C library's\n"
	       " * wcwidth() under C.UTF-8; do not edit.  Code points from U+00A0 on that\n"
	       " * take no cell (combining marks, joiners) and that take two (East Asian\n"
	       " * wide and full-width); every other one takes one. */\n\n");
	ranges("zero", 0);
	printf("\n");
	ranges("wide", 2);
	return 0;
}
