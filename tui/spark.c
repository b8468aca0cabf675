/* spark.c: one-line history charts (see spark.h). */
#include "config.h"

#include "core/util.h"
#include "tui/spark.h"

static const char *const spark_blocks[] = {
	"\xE2\x96\x81", "\xE2\x96\x82", "\xE2\x96\x83", "\xE2\x96\x84",
	"\xE2\x96\x85", "\xE2\x96\x86", "\xE2\x96\x87", "\xE2\x96\x88"
};
static const char *const spark_ascii[] = { "_", ".", "-", "=", "#" };

char *spark_text(const double *v, size_t n, int cells, int ascii)
{
	const char *const *g = ascii ? spark_ascii : spark_blocks;
	int levels = ascii ? 5 : 8;
	struct sbuf b = { 0 };
	size_t from = cells > 0 && n > (size_t)cells ? n - (size_t)cells : 0;
	double lo = 0, hi = 0;
	sbuf_add(&b, "", 0);
	for (size_t i = from; i < n; i++) {
		if (i == from || v[i] < lo)
			lo = v[i];
		if (i == from || v[i] > hi)
			hi = v[i];
	}
	for (size_t i = from; i < n && cells > 0; i++) {
		int level = levels / 2;
		if (hi > lo)
			level = (int)((v[i] - lo) / (hi - lo) * (levels - 1) + 0.5);
		sbuf_puts(&b, g[level]);
	}
	return sbuf_take(&b);
}
