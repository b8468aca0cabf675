/* keys.c: reading keys with wget_wch (see keys.h). */
#include "config.h"

#include <string.h>

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

/* The rest of an escape sequence curses did not know (the terminal
 * description lacks the key, as vt100's lacks PgDn and F5-F10 although
 * the clerk's terminal sends them): read up to its final byte.  The keys
 * every VT220-like terminal sends the same way are given their key code;
 * anything else is dropped, so that "Esc [ 2 3 ~" does not arrive as the
 * keys [, 2, 3 and ~. */
static int keys_swallow(WINDOW *w, int intro)
{
	char seq[20];
	size_t n = 0;
	wint_t ch = 0;
	wtimeout(w, KEYS_SEQ_WAIT_MS);
	seq[n++] = (char)intro;
	for (int i = 0; i < 16; i++) {
		int rc = wget_wch(w, &ch);
		if (rc != OK)
			break;
		if (ch < 0x7F)
			seq[n++] = (char)ch;
		if (ch < 0x20 || ch > 0x3F)   /* not a parameter byte: the final one */
			break;
	}
	seq[n] = '\0';
	wtimeout(w, -1);
	return keys_from_seq(seq);
}

int keys_from_seq(const char *seq)
{
	static const struct { const char *seq; int key; } known[] = {
		{ "[5~", KEY_PPAGE }, { "[6~", KEY_NPAGE }, { "[1~", KEY_HOME }, { "[4~", KEY_END },
		{ "[7~", KEY_HOME }, { "[8~", KEY_END }, { "[H", KEY_HOME }, { "[F", KEY_END },
		{ "OH", KEY_HOME }, { "OF", KEY_END }, { "[2~", KEY_IC }, { "[3~", KEY_DC },
		{ "OP", KEY_F(1) }, { "OQ", KEY_F(2) }, { "OR", KEY_F(3) }, { "OS", KEY_F(4) },
		{ "[11~", KEY_F(1) }, { "[12~", KEY_F(2) }, { "[13~", KEY_F(3) }, { "[14~", KEY_F(4) },
		{ "[15~", KEY_F(5) }, { "[17~", KEY_F(6) }, { "[18~", KEY_F(7) }, { "[19~", KEY_F(8) },
		{ "[20~", KEY_F(9) }, { "[21~", KEY_F(10) },
	};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcmp(seq, known[i].seq) == 0)
			return KC_KEY(known[i].key);
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
		return keys_swallow(w, next);
	if (next != KC_ESC)
		keys_pending = next;   /* KC_NONE if nothing came */
	return KC_ESC;
}

int keys_poll(WINDOW *w, int esc_wait_ms)
{
	wtimeout(w, 0);
	int k = keys_read(w, esc_wait_ms);
	wtimeout(w, -1);
	return k;
}
