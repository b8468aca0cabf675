/* lineedit.h: the text of one input line being edited, kept as UTF-8,
 * with the cursor between characters.  No curses here: the form widget
 * turns keys into these calls and draws what le_view says, so that this
 * logic is tested on its own. */
#ifndef INNOTRACK_LINEEDIT_H
#define INNOTRACK_LINEEDIT_H

#include <stddef.h>
#include <stdint.h>

struct lineedit {
	char  *buf;        /* UTF-8, NUL-terminated; owned */
	size_t len;        /* bytes used */
	size_t cap;
	size_t cur;        /* cursor: byte offset, always at a character start */
	size_t maxchars;   /* 0: no limit */
	size_t first;      /* first byte shown (horizontal scroll) */
};

void le_init(struct lineedit *e, const char *text, size_t maxchars);
void le_free(struct lineedit *e);
void le_set(struct lineedit *e, const char *text);   /* replace all; cursor at end */

/* Insert a character at the cursor.  -1 (and nothing changes) when the
 * limit is reached or cp is a control character. */
int le_insert(struct lineedit *e, uint32_t cp);
/* Insert UTF-8 text (a paste): as many characters as fit. */
void le_insert_str(struct lineedit *e, const char *s);

void le_backspace(struct lineedit *e);   /* the whole character before the cursor */
void le_delete(struct lineedit *e);      /* the character under the cursor */
void le_left(struct lineedit *e);
void le_right(struct lineedit *e);
void le_home(struct lineedit *e);
void le_end(struct lineedit *e);
void le_kill_before(struct lineedit *e); /* Ctrl-U: everything before the cursor */
void le_kill_after(struct lineedit *e);  /* Ctrl-K: everything from the cursor */
void le_word_left(struct lineedit *e);   /* Ctrl-W deletes the word before */
void le_delete_word(struct lineedit *e);

size_t le_chars(const struct lineedit *e);   /* characters, not bytes */
int le_cursor_cells(const struct lineedit *e);   /* cells before the cursor */

/* For a field `width` cells wide: scroll so the cursor is visible (one
 * cell kept free for it at the end) and tell which bytes to draw and the
 * cursor's column in the field. */
void le_view(struct lineedit *e, int width, size_t *from, size_t *to, int *cursor_x);

#endif
