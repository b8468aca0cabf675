/* sigquit.c: ending on SIGHUP, SIGTERM and SIGINT (see sigquit.h). */
#include "config.h"

#include <curses.h>
#include <signal.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "tui/sigquit.h"

static volatile sig_atomic_t got_signal;   /* the signal, or 0 */
static volatile sig_atomic_t waiting;      /* in a blocking key read */
static struct termios saved;
static int have_saved;
static char reset[256];                   /* leave the alternate screen, show the cursor */
static size_t reset_len;

void sigquit_save_terminal(void)
{
	have_saved = tcgetattr(STDIN_FILENO, &saved) == 0;
}

/* Only async-signal-safe calls: write, tcsetattr, sigaction, raise.  The
 * signal is raised again with its default action, so that the parent
 * (the SSH daemon, a shell) sees how the program ended. */
static void restore_and_die(int sig)
{
	if (reset_len > 0 && write(STDOUT_FILENO, reset, reset_len) < 0) {
		/* the terminal may be gone (SIGHUP): nothing to restore then */
	}
	if (have_saved)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigaction(sig, &sa, NULL);
	raise(sig);
	_exit(128 + sig);
}

static void on_signal(int sig)
{
	got_signal = sig;
	if (waiting)
		restore_and_die(sig);
}

static void add_cap(const char *name)
{
	const char *s = tigetstr(name);
	if (s == NULL || s == (char *)-1)
		return;
	size_t n = strlen(s);
	if (reset_len + n < sizeof reset) {
		memcpy(reset + reset_len, s, n);
		reset_len += n;
	}
}

void sigquit_install(void)
{
	static const char *const caps[] = { "sgr0", "cnorm", "rmkx", "rmcup" };
	static const int sigs[] = { SIGHUP, SIGTERM, SIGINT };
	reset_len = 0;
	for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++)
		add_cap(caps[i]);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaddset(&sa.sa_mask, sigs[i]);
	sa.sa_flags = SA_RESTART;
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

/* Out of the handler: curses can put the terminal back itself. */
static void quit_now(int sig)
{
	endwin();
	restore_and_die(sig);
}

void sigquit_wait_begin(void)
{
	waiting = 1;
	/* a signal noted while the program worked */
	if (got_signal)
		quit_now(got_signal);
}

void sigquit_wait_end(void)
{
	waiting = 0;
	if (got_signal)
		quit_now(got_signal);
}
