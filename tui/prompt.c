/* prompt.c: keys of a one-line prompt (see prompt.h). */
#include "config.h"

#include "tui/keys.h"
#include "tui/prompt.h"

/* Keys that move the cursor only. */
static int prompt_move(struct lineedit *e, int key)
{
	switch (key) {
	case KC_KEY(KEY_LEFT): case KC_CTRL('b'):  le_left(e); return 1;
	case KC_KEY(KEY_RIGHT): case KC_CTRL('f'): le_right(e); return 1;
	case KC_KEY(KEY_HOME): case KC_CTRL('a'):  le_home(e); return 1;
	case KC_KEY(KEY_END): case KC_CTRL('e'):   le_end(e); return 1;
	default: return 0;
	}
}

/* Keys that delete. */
static int prompt_delete(struct lineedit *e, int key)
{
	switch (key) {
	case KC_KEY(KEY_BACKSPACE): case 127: case KC_CTRL('h'): le_backspace(e); return 1;
	case KC_KEY(KEY_DC):   le_delete(e); return 1;
	case KC_CTRL('u'):     le_kill_before(e); return 1;
	case KC_CTRL('k'):     le_kill_after(e); return 1;
	case KC_CTRL('w'):     le_delete_word(e); return 1;
	default: return 0;
	}
}

enum prompt_result prompt_key(struct lineedit *e, int key)
{
	if (key == '\n')
		return PROMPT_ENTER;
	if (key == KC_ESC)
		return PROMPT_CANCEL;
	if (prompt_move(e, key))
		return PROMPT_MOVED;
	size_t len = e->len;
	if (prompt_delete(e, key))
		return e->len != len ? PROMPT_EDITED : PROMPT_MOVED;
	if (key >= 0x20 && key < KC_BASE && key != 127)
		return le_insert(e, (uint32_t)key) == 0 ? PROMPT_EDITED : PROMPT_IGNORED;
	return PROMPT_IGNORED;
}
