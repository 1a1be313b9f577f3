#include "postpress/support/interrupt.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>

namespace pp {

namespace {

// Signal handlers can only reach static storage, and may only call async-signal-safe
// functions (unlink, raise): hence this fixed table, the one piece of process-wide state.
constexpr int kSlots = 64;
constexpr std::size_t kPathMax = 4096;
struct Slot {
  std::atomic<bool> used{false};
  std::atomic<bool> ready{false};
  char path[kPathMax];
};
Slot gSlots[kSlots];

// Every signal whose default action ends the process and that can be caught: an output's
// temporary must not outlive the process however it ends (SIGKILL cannot be caught: what it
// leaves, the next build removes, see temporaries.h).
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGXCPU, SIGXFSZ, SIGALRM, SIGUSR1, SIGUSR2};
constexpr int kSignalCount = static_cast<int>(sizeof kSignals / sizeof kSignals[0]);
struct sigaction gPrevious[kSignalCount];
bool gInstalled[kSignalCount];

void onSignal(int sig) {
  // Files first, then the (staging) folders that held them, now empty.
  for (auto& s : gSlots)
    if (s.ready.load()) ::unlink(s.path);
  for (auto& s : gSlots)
    if (s.ready.load()) ::rmdir(s.path);
  // Restore the default action and re-raise, so the parent sees "killed by SIGINT".
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  sigaction(sig, &dfl, nullptr);
  raise(sig);
}

}  // namespace

InterruptGuard::InterruptGuard() {
  struct sigaction sa {};
  sa.sa_handler = onSignal;
  sigemptyset(&sa.sa_mask);
  for (int i = 0; i < kSignalCount; ++i) {
    // A signal the parent ignores (nohup's SIGHUP, a CI runner's SIGPIPE) stays ignored: a
    // handler would end the process where the parent meant it to go on.
    if (sigaction(kSignals[i], nullptr, &gPrevious[i]) != 0 || gPrevious[i].sa_handler == SIG_IGN) continue;
    gInstalled[i] = sigaction(kSignals[i], &sa, nullptr) == 0;
  }
}

InterruptGuard::~InterruptGuard() {
  for (int i = 0; i < kSignalCount; ++i)
    if (gInstalled[i]) sigaction(kSignals[i], &gPrevious[i], nullptr);
}

int registerTemporary(const char* path) {
  if (std::strlen(path) >= kPathMax) return -1;
  for (int i = 0; i < kSlots; ++i) {
    bool expected = false;
    if (gSlots[i].used.compare_exchange_strong(expected, true)) {
      std::strcpy(gSlots[i].path, path);
      gSlots[i].ready.store(true);
      return i;
    }
  }
  return -1;
}

void unregisterTemporary(int slot) {
  if (slot < 0 || slot >= kSlots) return;
  gSlots[slot].ready.store(false);
  gSlots[slot].used.store(false);
}

}  // namespace pp
