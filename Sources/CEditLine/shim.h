#ifndef STMT_CEDITLINE_SHIM_H
#define STMT_CEDITLINE_SHIM_H

// Swift cannot call C variadic functions (el_set, el_get, history) nor touch the C stdio
// globals in Swift 6 mode, so each call the shell uses gets one small non-variadic wrapper.

#include <stdio.h>
#include <histedit.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>
#include <locale.h>

typedef unsigned char (*stmt_el_fn)(EditLine *, int);

static inline EditLine *stmt_el_init(const char *prog) {
    return el_init(prog, stdin, stdout, stderr);
}
static inline void stmt_el_set_prompt(EditLine *el, char *(*fn)(EditLine *)) { el_set(el, EL_PROMPT, fn); }
static inline void stmt_el_set_editor(EditLine *el, const char *mode) { el_set(el, EL_EDITOR, mode); }
static inline void stmt_el_set_history(EditLine *el, History *h) { el_set(el, EL_HIST, history, h); }
static inline void stmt_el_set_clientdata(EditLine *el, void *data) { el_set(el, EL_CLIENTDATA, data); }
static inline void *stmt_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline void stmt_el_addfn(EditLine *el, const char *name, const char *help, stmt_el_fn fn) {
    el_set(el, EL_ADDFN, name, help, fn);
}
static inline void stmt_el_bind(EditLine *el, const char *key, const char *fn) {
    el_set(el, EL_BIND, key, fn, NULL);
}
static inline void stmt_el_set_signal(EditLine *el, int on) { el_set(el, EL_SIGNAL, on); }
static inline void stmt_el_source(EditLine *el) { el_source(el, NULL); }

static inline History *stmt_history_init(void) { return history_init(); }
static inline void stmt_history_setsize(History *h, int size) {
    HistEvent ev;
    history(h, &ev, H_SETSIZE, size);
}
static inline void stmt_history_setunique(History *h, int on) {
    HistEvent ev;
    history(h, &ev, H_SETUNIQUE, on);
}
static inline int stmt_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
static inline int stmt_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}
static inline int stmt_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}
static inline void stmt_history_clear(History *h) {
    HistEvent ev;
    history(h, &ev, H_CLEAR);
}
/// Walks the history from oldest to newest; returns the entry count visited.
static inline int stmt_history_count(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_GETSIZE) < 0) return 0;
    return ev.num;
}

static inline FILE *stmt_stdout(void) { return stdout; }
static inline FILE *stmt_stderr(void) { return stderr; }

#include <sys/ioctl.h>
#include <string.h>

static inline void stmt_el_set_prompt_esc(EditLine *el, char *(*fn)(EditLine *)) { el_set(el, EL_PROMPT_ESC, fn, '\1'); }

/// Entries oldest first: call with first=1, then first=0 until NULL.
static inline const char *stmt_history_walk(History *h, int first) {
    HistEvent ev;
    if (history(h, &ev, first ? H_LAST : H_PREV) < 0) return NULL;
    return ev.str;
}

static inline int stmt_terminal_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

/// The terminal state at start, restored on every exit path including fatal signals.
// Function-local statics: Swift does not import file-scope statics of a header.
static inline struct termios *stmt_termios_slot(int **saved) {
    static struct termios t;
    static int is_saved = 0;
    *saved = &is_saved;
    return &t;
}
static inline void stmt_save_terminal(void) {
    int *saved;
    struct termios *t = stmt_termios_slot(&saved);
    if (isatty(0) && tcgetattr(0, t) == 0) *saved = 1;
}
static inline void stmt_restore_terminal(void) {
    int *saved;
    struct termios *t = stmt_termios_slot(&saved);
    if (*saved) tcsetattr(0, TCSANOW, t);
}

static inline volatile sig_atomic_t *stmt_interrupt_flag(void) {
    static volatile sig_atomic_t flag = 0;
    return &flag;
}
static inline void stmt_on_sigint(int sig) { (void)sig; *stmt_interrupt_flag() = 1; }
static inline void stmt_on_fatal(int sig) {
    stmt_restore_terminal();
    signal(sig, SIG_DFL);
    raise(sig);
}
/// SIGINT sets a flag (no SA_RESTART, so el_gets returns with EINTR); fatal signals restore the terminal.
static inline void stmt_install_signal_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = stmt_on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGINT, &sa, NULL);
    struct sigaction fatal;
    memset(&fatal, 0, sizeof fatal);
    fatal.sa_handler = stmt_on_fatal;
    sigemptyset(&fatal.sa_mask);
    int sigs[] = {SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE, SIGTRAP, SIGTERM, SIGHUP, SIGQUIT};
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &fatal, NULL);
}
static inline int stmt_take_interrupt(void) { int v = *stmt_interrupt_flag(); *stmt_interrupt_flag() = 0; return v; }
static inline int stmt_peek_interrupt(void) { return *stmt_interrupt_flag(); }

#endif
