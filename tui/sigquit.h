/* sigquit.h: SIGHUP (the SSH link dropped), SIGTERM and SIGINT end the
 * full-screen program with the terminal as it was before.  A signal that
 * comes while the program waits for a key (when no transaction is open)
 * ends it at once, from the handler, with only async-signal-safe calls;
 * one that comes while it works (a save, an import) is noted, and the
 * program ends at the next key read, once the write is committed or
 * rolled back: the ledger is left as before or after, never between. */
#ifndef INNOTRACK_SIGQUIT_H
#define INNOTRACK_SIGQUIT_H

/* Before curses starts: keep the terminal's settings to put back. */
void sigquit_save_terminal(void);
/* After curses starts: the handlers, and the strings that undo curses's
 * changes to the screen (from the terminal description). */
void sigquit_install(void);

/* Around every blocking key read (tui/keys.c). */
void sigquit_wait_begin(void);
void sigquit_wait_end(void);

#endif
