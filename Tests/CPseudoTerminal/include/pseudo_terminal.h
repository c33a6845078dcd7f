#ifndef STMT_PSEUDO_TERMINAL_H
#define STMT_PSEUDO_TERMINAL_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` on a new pseudo-terminal of the given size. The child's
/// signal mask is cleared first (test-runner threads block SIGINT, and children inherit masks).
/// Returns the child's pid and stores the master side in *master_fd; -1 on failure.
pid_t stmt_pty_spawn(const char *path, char *const argv[], char *const envp[], int rows, int cols, int *master_fd);

/// Waits for the child; returns its exit status, 128+signal when killed, or -1 on timeout (ms).
int stmt_pty_wait(pid_t pid, int timeout_ms);

#endif
