/* keys.c: reading keys with wget_wch (see keys.h). */
#include "config.h"

#include "tui/keys.h"

/* How long the bytes of one escape sequence may lag behind each other. */
#define KEYS_SEQ_WAIT_MS 50

/* A key read after Esc that was not a digit, given out on the next call. */
static int keys_pending = KC_NONE;

int keys_from_wch(int rc, wint_t ch)
{
	if (rc == KEY_CODE_YES) {
		if (ch == KEY_ENTER)
			return '\n';
		return KC_KEY((int)ch);
	}
	if (rc != OK)
		return KC_NONE;
	if (ch == '\r')
		return '\n';
	return (int)ch;
}

int keys_esc_digit(int k)
{
	if (k == '0')
		return KC_F(10);
	if (k >= '1' && k <= '9')
		return KC_F(k - '0');
	return 0;
}

/* The rest of an escape sequence curses did not know (a key this
 * terminal description lacks): read up to its final byte and drop it, so
 * that "Esc [ 2 3 ~" does not arrive as the keys [, 2, 3 and ~. */
static int keys_swallow(WINDOW *w)
{
	wint_t ch = 0;
	wtimeout(w, KEYS_SEQ_WAIT_MS);
	for (int i = 0; i < 16; i++) {
		int rc = wget_wch(w, &ch);
		if (rc != OK || ch < 0x20 || ch > 0x3F)   /* not a parameter byte */
			break;
	}
	wtimeout(w, -1);
	return KC_NONE;
}

int keys_read(WINDOW *w, int esc_wait_ms)
{
	wint_t ch = 0;
	int rc, k, next, f;
	if (keys_pending != KC_NONE) {
		k = keys_pending;
		keys_pending = KC_NONE;
		return k;
	}
	rc = wget_wch(w, &ch);
	k = keys_from_wch(rc, ch);
	if (k != KC_ESC)
		return k;
	wtimeout(w, esc_wait_ms);
	rc = wget_wch(w, &ch);
	next = keys_from_wch(rc, ch);
	wtimeout(w, -1);
	if ((f = keys_esc_digit(next)) != 0)
		return f;
	if (next == '[' || next == 'O')
		return keys_swallow(w);
	if (next != KC_ESC)
		keys_pending = next;   /* KC_NONE if nothing came */
	return KC_ESC;
}
