/* tcols.h: fitting a table's columns to the width of its pane.  Pure
 * arithmetic in display cells, no curses. */
#ifndef INNOTRACK_TCOLS_H
#define INNOTRACK_TCOLS_H

/* Lay out n columns in `avail` cells with a one-cell separator between
 * neighbours.  Column i wants want[i] cells and may shrink to min[i]
 * (the widest columns give way first).  When they still do not fit, the
 * first nfrozen columns stay at the left and the others are shown from
 * scrolling column `first` on (0 = the first one after the frozen ones);
 * a last column that fits only in part is cut to what is left if that is
 * at least 3 cells.
 * Out: x[i], w[i] for each column; w[i] == 0 when it is not shown.
 * Returns the largest `first` worth scrolling to (0 when all fit). */
int tcols_fit(const int *want, const int *min, int n, int nfrozen, int avail,
              int first, int *x, int *w);

/* The same, but when the columns do not all fit, the unscrolled layout
 * (first 0) leaves out those with drop[i] > 0 (w[i] == 0), the highest
 * rank first, if that shows the others whole; scrolling (first > 0)
 * lays out all of them as tcols_fit does, so that what was left out can
 * be seen.  Returns tcols_fit's largest `first`.  drop may be NULL. */
int tcols_fit_drop(const int *want, const int *min, const int *drop, int n, int nfrozen,
                   int avail, int first, int *x, int *w);

#endif
