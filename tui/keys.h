/* keys.h: one number per key press.  A typed character is its code
 * point; a curses key code is moved above the Unicode range, so that a
 * typed ā (U+0101) never reads as KEY_BREAK (0401) (sc-im #973). */
#ifndef INNOTRACK_KEYS_H
#define INNOTRACK_KEYS_H

#include <curses.h>
#include <wchar.h>

#define KC_BASE     0x110000
#define KC_KEY(k)   (KC_BASE + (k))        /* a curses key code */
#define KC_F(n)     KC_KEY(KEY_F(n))       /* function key n */
#define KC_CTRL(c)  ((c) & 0x1F)           /* Ctrl and a letter */
#define KC_ESC      27
#define KC_NONE     (-1)

/* The key number for what wget_wch returned (rc KEY_CODE_YES: a key
 * code; OK: a character).  KC_NONE for ERR. */
int keys_from_wch(int rc, wint_t ch);

/* After Esc: the function key a digit stands for (1-9: F1-F9, 0: F10),
 * because SSH clients often swallow the F-keys, as in mc.  0 if k is not
 * a digit. */
int keys_esc_digit(int k);

/* The key an escape sequence stands for when the terminal description
 * does not know it ("[6~" after Esc: PgDn; "[20~": F9), or KC_NONE. */
int keys_from_seq(const char *seq);

/* How long after Esc a digit still makes the F-key: a clerk types Esc,
 * looks for the digit, and types it. */
#define KEYS_ESC_WAIT_MS 1000

/* Wait for the next key in w.  Esc followed within esc_wait_ms by a digit
 * gives that F-key; Esc followed by anything else gives Esc, and that key
 * next time; Esc Esc gives one Esc at once.  While it waits for the digit,
 * the function given to keys_on_esc shows that the Esc was seen.
 * With esc_wait_ms 0 (windows where Esc only closes, and no digit means
 * anything else) Esc is given at once, and a digit typed within
 * KEYS_ESC_WAIT_MS after it is dropped: it was meant for the window the
 * Esc closed (Esc 0 in a list must not quit the program behind it).
 * An escape sequence curses does not know is read whole: the usual
 * arrows, PgUp/PgDn/Home/End/Insert/Delete/F1-F10 are given their key
 * codes, anything else is dropped (KC_NONE).
 * Enter is always '\n'. */
int keys_read(WINDOW *w, int esc_wait_ms);

/* shown(ctx) is called when a lone Esc was read and keys_read begins to
 * wait for a digit: it should show at once that the Esc was seen. */
void keys_on_esc(void (*shown)(void *ctx), void *ctx);

/* The same without waiting for the first byte: KC_NONE if no key is there. */
int keys_poll(WINDOW *w, int esc_wait_ms);

#endif
