#include "stmt_terminal.h"

#include <errno.h>
#include <histedit.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

static struct termios saved_termios;
static volatile sig_atomic_t termios_saved = 0;
static volatile sig_atomic_t interrupted = 0;
static volatile sig_atomic_t resized = 0;
static volatile sig_atomic_t continued = 0;
static volatile sig_atomic_t terminated = 0;

void stmt_save_terminal(void) {
    if (isatty(0) && tcgetattr(0, &saved_termios) == 0) termios_saved = 1;
}

void stmt_restore_terminal(void) {
    if (termios_saved) tcsetattr(0, TCSANOW, &saved_termios);
}

int stmt_terminal_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

static void on_sigint(int sig) { (void)sig; interrupted = 1; }
static void on_winch(int sig) { (void)sig; resized = 1; }
static void on_term(int sig) { terminated = sig; }

static void on_fatal(int sig) {
    stmt_restore_terminal();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void handle(int sig, void (*fn)(int));

static void on_tstp(int sig) {
    int saved = errno;
    (void)sig;
    // Stop with the terminal as the shell expects it: this process alone, never its group.
    stmt_restore_terminal();
    signal(SIGTSTP, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(SIGTSTP);
    // Continued: raw mode and the line come back at the next read.
    handle(SIGTSTP, on_tstp);
    continued = 1;
    errno = saved;
}

static void handle(int sig, void (*fn)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;   // no SA_RESTART: a read in progress returns EINTR and the flags are looked at
    sigaction(sig, &sa, NULL);
}

void stmt_install_signal_handlers(void) {
    handle(SIGINT, on_sigint);
    handle(SIGWINCH, on_winch);
    handle(SIGTERM, on_term);
    handle(SIGHUP, on_term);
    handle(SIGTSTP, on_tstp);
    int fatal[] = {SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE, SIGTRAP, SIGQUIT};
    for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) handle(fatal[i], on_fatal);
}

int stmt_take_interrupt(void) {
    int v = interrupted;
    interrupted = 0;
    return v;
}

int stmt_peek_interrupt(void) { return interrupted || terminated; }

int stmt_termination_signal(void) { return terminated; }

/// libedit's read function: one character from standard input, decoded from UTF-8 by the
/// locale. Between reads it answers the flags the handlers set: a resize redraws, a continue
/// re-enters raw mode, and Ctrl-C, TERM or HUP end el_gets with -1 — in incremental search too,
/// so Ctrl-C there cancels the line instead of reading as end of input.
static int stmt_read_char(EditLine *el, wchar_t *wc) {
    char buf[MB_LEN_MAX];
    size_t n = 0;
    mbstate_t state;
    memset(&state, 0, sizeof state);
    for (;;) {
        if (interrupted || terminated) { errno = EINTR; return -1; }
        // A resize redraws the line from the start of the row (and clears what is below): libedit's
        // refresh writes the prompt where the cursor is, which drew it a second time beside the first.
        if (resized) { resized = 0; el_resize(el); (void)!write(STDOUT_FILENO, "\r\033[J", 4); el_set(el, EL_REFRESH); }
        // Continued after Ctrl-Z: libedit still believes the terminal raw (the handler restored it
        // behind its back), so raw mode is left and entered again, or the first line read is cooked.
        if (continued) { continued = 0; el_set(el, EL_PREP_TERM, 0); el_set(el, EL_PREP_TERM, 1); el_set(el, EL_REFRESH); }
        ssize_t r = read(0, buf + n, 1);
        if (r < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (r == 0) return 0;
        n++;
        // The state keeps what an incomplete sequence consumed: give it only the new byte.
        size_t k = mbrtowc(wc, buf + n - 1, 1, &state);
        if (k == (size_t)-2 && n < sizeof buf) continue;
        if (k == (size_t)-1 || k == (size_t)-2) *wc = 0xFFFD;
        return 1;
    }
}

void stmt_el_use_own_reader(EditLine *el) { el_set(el, EL_GETCFN, stmt_read_char); }
