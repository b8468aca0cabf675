/* keys.c: reading keys with wget_wch (see keys.h). */
#include "config.h"

#include <string.h>
#include <time.h>

#include "tui/keys.h"
#include "tui/sigquit.h"

/* wget_wch, where a signal to quit may end the program (no write is in
 * progress while it waits for a key). */
static int keys_wget(WINDOW *w, wint_t *ch)
{
	sigquit_wait_begin();
	int rc = wget_wch(w, ch);
	sigquit_wait_end();
	return rc;
}

/* How long the bytes of one escape sequence may lag behind each other. */
#define KEYS_SEQ_WAIT_MS 50

/* A key read after Esc that was not a digit, given out on the next call. */
static int keys_pending = KC_NONE;

/* What shows at once that a lone Esc was seen (keys_on_esc). */
static void (*keys_esc_shown)(void *ctx);
static void *keys_esc_ctx;

/* When an Esc was given out at once (esc_wait_ms 0): a digit that comes
 * within KEYS_ESC_WAIT_MS after it belongs to that Esc and is dropped. */
static struct timespec keys_esc_at;
static int keys_esc_given;

static long keys_ms_since(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - t->tv_sec) * 1000 + (now.tv_nsec - t->tv_nsec) / 1000000;
}

void keys_on_esc(void (*shown)(void *ctx), void *ctx)
{
	keys_esc_shown = shown;
	keys_esc_ctx = ctx;
}

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
		int rc = keys_wget(w, &ch);
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
		/* arrows whose bytes came apart on a slow link */
		{ "[A", KEY_UP }, { "[B", KEY_DOWN }, { "[C", KEY_RIGHT }, { "[D", KEY_LEFT },
		{ "OA", KEY_UP }, { "OB", KEY_DOWN }, { "OC", KEY_RIGHT }, { "OD", KEY_LEFT },
	};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcmp(seq, known[i].seq) == 0)
			return KC_KEY(known[i].key);
	return KC_NONE;
}

/* The key after an Esc, read within wait_ms (-1: only if already there):
 * a digit makes the F-key, '[' or 'O' the rest of a sequence; anything
 * else is kept for the next call and the Esc stands.  *none tells that
 * nothing came. */
static int keys_after_esc(WINDOW *w, int wait_ms, int *none)
{
	wint_t ch = 0;
	int next, f;
	wtimeout(w, wait_ms < 0 ? 0 : wait_ms);
	int rc = keys_wget(w, &ch);
	next = keys_from_wch(rc, ch);
	wtimeout(w, -1);
	*none = next == KC_NONE;
	if ((f = keys_esc_digit(next)) != 0)
		return f;
	if (next == '[' || next == 'O')
		return keys_swallow(w, next);
	if (next != KC_ESC)
		keys_pending = next;   /* KC_NONE if nothing came */
	return KC_ESC;
}

int keys_read(WINDOW *w, int esc_wait_ms)
{
	wint_t ch = 0;
	int k, none;
	if (keys_pending != KC_NONE) {
		k = keys_pending;
		keys_pending = KC_NONE;
		return k;
	}
	int rc = keys_wget(w, &ch);
	k = keys_from_wch(rc, ch);
	if (k == KC_NONE)
		return k;
	if (keys_esc_given) {
		keys_esc_given = 0;
		if (keys_esc_digit(k) && keys_ms_since(&keys_esc_at) < KEYS_ESC_WAIT_MS)
			return KC_NONE;    /* the digit of an Esc that already acted */
	}
	if (k != KC_ESC)
		return k;
	if (esc_wait_ms <= 0) {
		/* at once: only what came with the Esc (a sequence, a digit) */
		k = keys_after_esc(w, -1, &none);
		if (k == KC_ESC && none) {
			clock_gettime(CLOCK_MONOTONIC, &keys_esc_at);
			keys_esc_given = 1;
		}
		return k;
	}
	k = keys_after_esc(w, 0, &none);   /* Esc and the digit typed together */
	if (!none)
		return k;
	/* the clerk may be about to type the digit: say so on the screen at
	 * once, then wait for it */
	if (keys_esc_shown != NULL)
		keys_esc_shown(keys_esc_ctx);
	return keys_after_esc(w, esc_wait_ms, &none);
}

int keys_poll(WINDOW *w, int esc_wait_ms)
{
	wtimeout(w, 0);
	int k = keys_read(w, esc_wait_ms);
	wtimeout(w, -1);
	return k;
}
