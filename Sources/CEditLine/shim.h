#ifndef STMT_CEDITLINE_SHIM_H
#define STMT_CEDITLINE_SHIM_H

// Swift cannot call C variadic functions (el_set, el_get, history) nor touch the C stdio
// globals in Swift 6 mode, so each call the shell uses gets one small non-variadic wrapper.
// They hold no state: a header's static variables would exist once per object file that uses
// them. Signal flags, the saved terminal and libedit's read function live in CTerminal.

#include <stdio.h>
#include <histedit.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>
#include <locale.h>
#include <errno.h>

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

#endif
