#ifndef STMT_TERMINAL_H
#define STMT_TERMINAL_H

// The REPL's terminal and signal state, in one C file so that it exists once: the saved termios,
// the flags the signal handlers set, and the function libedit reads characters through.

#include <signal.h>

typedef struct editline EditLine;

/// Saves the terminal's state (when standard input is a terminal).
void stmt_save_terminal(void);
/// Restores the state saved by stmt_save_terminal; safe in a signal handler.
void stmt_restore_terminal(void);
/// The terminal's size; -1 when fd is not a terminal.
int stmt_terminal_size(int fd, int *rows, int *cols);

/// Installs the REPL's handlers. libedit's own (EL_SIGNAL) are not used: they re-raise signals
/// with kill(0, sig), which reaches the whole process group (a wrapper shell included). Here
/// Ctrl-C sets a flag, a resize sets a flag, TERM and HUP set a flag (the REPL restores the
/// terminal, then dies of the signal, alone), Ctrl-Z stops with the terminal restored, and
/// fatal signals restore it before the process dies.
void stmt_install_signal_handlers(void);
/// Whether Ctrl-C was pressed since the last call; clears it.
int stmt_take_interrupt(void);
/// Whether Ctrl-C was pressed, or TERM/HUP received (long commands poll it); does not clear it.
int stmt_peek_interrupt(void);
/// The TERM or HUP signal received, or 0.
int stmt_termination_signal(void);

/// Makes libedit read through stmt_read_char (EL_GETCFN).
void stmt_el_use_own_reader(EditLine *el);

#endif
