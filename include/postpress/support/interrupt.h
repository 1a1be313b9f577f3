// Ctrl-C and SIGTERM during a build: the temporary files of outputs being written are removed
// and the process ends with the signal's status, so no half-written file is ever left and a
// previous output of the same name stays untouched.
#pragma once

namespace pp {

// Installs the SIGINT/SIGTERM/SIGHUP handlers for the lifetime of the guard (one per program,
// in main). AtomicOutput registers its temporary files with it automatically.
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
};

// Registration used by AtomicOutput: returns a slot (or -1 when the table is full: the file is
// then simply not cleaned up on a signal). The path is copied.
int registerTemporary(const char* path);
void unregisterTemporary(int slot);

}  // namespace pp
