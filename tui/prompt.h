/* prompt.h: the keys of a one-line prompt (search, filter) applied to a
 * line editor.  No curses calls, so that it is tested on its own; the
 * frame draws the prompt on the status line. */
#ifndef INNOTRACK_PROMPT_H
#define INNOTRACK_PROMPT_H

#include "tui/lineedit.h"

enum prompt_result {
	PROMPT_EDITED,    /* the text changed */
	PROMPT_MOVED,     /* only the cursor moved */
	PROMPT_ENTER,     /* Enter: take the text */
	PROMPT_CANCEL,    /* Esc: throw it away */
	PROMPT_IGNORED    /* not a key of the prompt */
};

/* Apply key (a keys_read number) to e: characters are inserted;
 * Backspace, Delete, Left, Right, Home, End, Ctrl-A/E/B/F, Ctrl-U/K/W
 * edit as in a shell. */
enum prompt_result prompt_key(struct lineedit *e, int key);

#endif
