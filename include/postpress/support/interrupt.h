// Ctrl-C, SIGTERM and every other catchable signal that ends a process (SIGHUP, SIGQUIT,
// SIGPIPE, SIGXCPU, SIGXFSZ, SIGALRM, SIGUSR1/2) during a build: the temporary files (and
// staging folders) of outputs being written are removed and the process ends with the signal's
// status, so no half-written file is ever left and a previous output of the same name stays
// untouched.
#pragma once

namespace pp {

// Installs the handlers (except for signals the parent ignores) for the lifetime of the guard
// (one per program, in main). AtomicOutput registers its temporary files with it automatically.
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
};

// Registration used by AtomicOutput and OutputSet: returns a slot (or -1 when the table is
// full: the file is then removed by the next build instead). The path is copied. A folder is
// removed after the files, so a staging folder registered with its files goes too.
int registerTemporary(const char* path);
void unregisterTemporary(int slot);

}  // namespace pp
