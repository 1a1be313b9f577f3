// Work computed ahead of its consumer: fn(0..n-1) runs on worker threads while the calling
// thread does something else, and take(i), called for i = 0, 1, 2... in order, waits for
// result i and hands it over. Workers run at most `window` results ahead of the consumer, so
// results waiting to be taken stay bounded whatever n is. With fewer than two jobs there are
// no workers: take(i) computes result i on the calling thread.
//
// The PDF painter uses it to write and deflate page content (pure computation) while the main
// thread loads fonts and registers pages with libharu (which is not thread-safe).
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "postpress/support/parallel.h"

namespace pp {

template <typename T>
class OrderedAhead {
 public:
  // fn must not touch what the consumer changes before take(i) returns; an exception it
  // throws is rethrown by take(i) of that index.
  OrderedAhead(std::size_t n, int jobs, std::function<T(std::size_t)> fn, std::size_t window = 64)
      : n_(n), window_(window < 1 ? 1 : window), fn_(std::move(fn)), slots_(n) {
    const int threads = effectiveJobs(jobs);
    if (threads < 2 || n == 0) return;
    const std::size_t workers = std::min<std::size_t>(static_cast<std::size_t>(threads), n);
    for (std::size_t w = 0; w < workers; ++w) workers_.emplace_back([this] { work(); });
  }
  ~OrderedAhead() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    for (auto& t : workers_) t.join();
  }
  OrderedAhead(const OrderedAhead&) = delete;
  OrderedAhead& operator=(const OrderedAhead&) = delete;

  // Result i (each index once, in increasing order).
  T take(std::size_t i) {
    if (workers_.empty()) return fn_(i);
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return slots_[i].done; });
    Slot slot = std::move(slots_[i]);
    slots_[i] = Slot{};
    taken_ = i + 1;
    lock.unlock();
    changed_.notify_all();  // a worker waiting on the window may go on
    if (slot.error) std::rethrow_exception(slot.error);
    return std::move(*slot.value);
  }

 private:
  struct Slot {
    bool done = false;
    std::optional<T> value;
    std::exception_ptr error;
  };

  void work() {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || next_ >= n_ || next_ < taken_ + window_; });
        if (stop_ || next_ >= n_) return;
        i = next_++;
      }
      Slot slot;
      try {
        slot.value.emplace(fn_(i));
      } catch (...) {
        slot.error = std::current_exception();
      }
      slot.done = true;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        slots_[i] = std::move(slot);
      }
      changed_.notify_all();
    }
  }

  const std::size_t n_, window_;
  std::function<T(std::size_t)> fn_;
  std::vector<Slot> slots_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t next_ = 0, taken_ = 0;
  bool stop_ = false;
  std::vector<std::thread> workers_;  // last: started once everything above exists
};

}  // namespace pp
