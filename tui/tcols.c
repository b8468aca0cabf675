/* tcols.c: column widths fitted to a pane (see tcols.h). */
#include "config.h"

#include <stddef.h>

#include "tui/tcols.h"

/* Shrink the widest shrinkable column by a cell at a time until the row
 * fits or nothing can give way.  Returns the width the row then takes. */
static int tcols_shrink(const int *min, int n, int avail, int *w)
{
	int total = n - 1;
	for (int i = 0; i < n; i++)
		total += w[i];
	while (total > avail) {
		int widest = -1;
		for (int i = 0; i < n; i++)
			if (w[i] > min[i] && (widest < 0 || w[i] > w[widest]))
				widest = i;
		if (widest < 0)
			break;
		w[widest]--;
		total--;
	}
	return total;
}

/* The smallest first scrolling column from which all the rest fit in
 * `room` cells (what is left after the frozen columns). */
static int tcols_last_first(const int *w, int n, int nfrozen, int room)
{
	int need = 0, k = n;
	while (k > nfrozen) {
		int add = w[k - 1] + (k < n ? 1 : 0);   /* with the separator after it */
		if (need + add > room)
			break;
		need += add;
		k--;
	}
	if (k == n && n > nfrozen)
		k = n - 1;   /* even the last one alone does not fit: show it cut */
	return k - nfrozen;
}

int tcols_fit(const int *want, const int *min, int n, int nfrozen, int avail,
              int first, int *x, int *w)
{
	int mins[n > 0 ? n : 1];
	if (nfrozen > n)
		nfrozen = n;
	for (int i = 0; i < n; i++) {
		w[i] = want[i] > 0 ? want[i] : 1;
		mins[i] = min[i] < 1 ? 1 : min[i] > w[i] ? w[i] : min[i];
		x[i] = 0;
	}
	if (n == 0)
		return 0;
	if (tcols_shrink(mins, n, avail, w) <= avail) {
		for (int i = 1; i < n; i++)
			x[i] = x[i - 1] + w[i - 1] + 1;
		return 0;
	}
	/* scrolling: the frozen columns, then from `first` on */
	int pos = 0;
	for (int i = 0; i < nfrozen; i++) {
		x[i] = pos;
		if (pos + w[i] > avail)
			w[i] = avail - pos > 0 ? avail - pos : 0;
		pos += w[i] + 1;
	}
	int maxfirst = tcols_last_first(w, n, nfrozen, avail - pos);
	if (first > maxfirst)
		first = maxfirst;
	if (first < 0)
		first = 0;
	for (int i = nfrozen; i < n; i++) {
		int shown = i >= nfrozen + first && pos < avail;
		x[i] = pos;
		if (!shown) {
			w[i] = 0;
			continue;
		}
		if (pos + w[i] > avail)
			w[i] = avail - pos >= 3 ? avail - pos : 0;
		pos = w[i] ? pos + w[i] + 1 : avail;
	}
	return maxfirst;
}

/* Lay out only the columns with keep[i] set (the others get width 0),
 * shrinking as tcols_fit does.  1 if they fit in avail, else 0 (and x, w
 * are left undefined). */
static int tcols_fit_kept(const int *want, const int *min, const int *keep, int n,
                          int avail, int *x, int *w)
{
	int kw[n > 0 ? n : 1], km[n > 0 ? n : 1], idx[n > 0 ? n : 1], k = 0;
	for (int i = 0; i < n; i++) {
		if (!keep[i])
			continue;
		kw[k] = want[i] > 0 ? want[i] : 1;
		km[k] = min[i] < 1 ? 1 : min[i] > kw[k] ? kw[k] : min[i];
		idx[k++] = i;
	}
	if (k == 0 || tcols_shrink(km, k, avail, kw) > avail)
		return 0;
	int pos = 0;
	for (int i = 0, j = 0; i < n; i++) {
		x[i] = pos;
		w[i] = 0;
		if (j < k && idx[j] == i) {
			w[i] = kw[j++];
			pos += w[i] + 1;
		}
	}
	return 1;
}

int tcols_fit_drop(const int *want, const int *min, const int *drop, int n, int nfrozen,
                   int avail, int first, int *x, int *w)
{
	int keep[n > 0 ? n : 1], top = 0;
	keep[0] = 1;
	for (int i = 0; i < n; i++) {
		keep[i] = 1;
		if (drop != NULL && drop[i] > top)
			top = drop[i];
	}
	if (tcols_fit_kept(want, min, keep, n, avail, x, w))
		return 0;
	int maxfirst = tcols_fit(want, min, n, nfrozen, avail, first, x, w);
	if (first > 0 || top == 0)
		return maxfirst;
	/* unscrolled: leave out the least needed columns, the highest rank
	 * first, if that shows the rest whole; scrolling shows them all */
	for (int rank = top; rank > 0; rank--) {
		for (int i = 0; i < n; i++)
			if (drop[i] == rank)
				keep[i] = 0;
		if (tcols_fit_kept(want, min, keep, n, avail, x, w))
			return maxfirst;
	}
	return tcols_fit(want, min, n, nfrozen, avail, first, x, w);
}
