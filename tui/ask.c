/* ask.c: one-key questions on the status line (see ask.h). */
#include "config.h"

#include <string.h>

#include "tui/ask.h"
#include "tui/keys.h"


static const struct binding ask_keys[] = {
	{ 0, NULL, NULL, NULL }
};

static int ask_answer(int k, const char *answers)
{
	if (k == 0x662F)          /* 是 */
		k = 'y';
	else if (k == 0x5426)     /* 否 */
		k = 'n';
	if (k >= 'A' && k <= 'Z')
		k += 'a' - 'A';
	if (k > 0 && k < 0x80 && strchr(answers, k) != NULL)
		return k;
	return -1;
}

int ask_key(struct frame *f, const char *question, const char *answers,
            ask_redraw_fn redraw, void *ctx)
{
	int resized = 0, answer = -1;
	const struct binding *bar = frame_set_keys(f, ask_keys);
	while (answer < 0) {
		frame_message(f, "%s", question);
		if (redraw != NULL) {
			redraw(ctx, resized);
		} else {
			frame_redraw(f, resized);
			doupdate();
		}
		resized = 0;
		untouchwin(stdscr);
		/* Esc waits its second too: Esc given at once would drop a digit
		 * typed right after it, and the question is often over a form
		 * where the clerk goes on typing figures */
		int k = keys_read(stdscr, KEYS_ESC_WAIT_MS);
		if (k == KC_KEY(KEY_RESIZE))
			resized = 1;
		else if (k == KC_ESC || k == KC_F(10))
			answer = 0;
		else if (k != KC_NONE)
			answer = ask_answer(k, answers);
	}
	frame_clear_message(f);
	frame_set_keys(f, bar);
	return answer;
}

int ask_yes(struct frame *f, const char *question, ask_redraw_fn redraw, void *ctx)
{
	return ask_key(f, question, "yn", redraw, ctx) == 'y';
}
