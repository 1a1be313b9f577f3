// OrderedAhead: results in order whatever the threads do, never more than the window ahead of
// the consumer, exceptions handed to the consumer, and no threads with one job.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

#include "pdf/ordered_ahead.h"

using namespace pp;

TEST_CASE("results come in order on any number of jobs") {
  for (int jobs : {1, 2, 4, 8}) {
    OrderedAhead<std::string> ahead(500, jobs, [](std::size_t i) {
      if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(50));  // out of step
      return std::to_string(i * i);
    });
    for (std::size_t i = 0; i < 500; ++i) CHECK(ahead.take(i) == std::to_string(i * i));
  }
}

TEST_CASE("workers stay within the window ahead of the consumer") {
  std::atomic<std::size_t> started{0};
  OrderedAhead<int> ahead(
      1000, 4, [&](std::size_t i) {
        ++started;
        return static_cast<int>(i);
      },
      8);
  for (std::size_t i = 0; i < 1000; ++i) {
    if (i % 100 == 0) {
      // Give the workers time to run as far as they may: never past the window.
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      CHECK(started.load() <= i + 8);
    }
    CHECK(ahead.take(i) == static_cast<int>(i));
  }
  CHECK(started.load() == 1000);
}

TEST_CASE("an exception reaches the consumer at its index, and the rest still come") {
  for (int jobs : {1, 3}) {
    OrderedAhead<int> ahead(20, jobs, [](std::size_t i) {
      if (i == 5) throw std::runtime_error("five");
      return static_cast<int>(i);
    });
    for (std::size_t i = 0; i < 20; ++i) {
      if (i == 5) CHECK_THROWS_WITH(ahead.take(i), "five");
      else CHECK(ahead.take(i) == static_cast<int>(i));
    }
  }
}

TEST_CASE("one job computes on the calling thread; abandoning early joins cleanly") {
  const auto caller = std::this_thread::get_id();
  {
    OrderedAhead<bool> ahead(3, 1, [&](std::size_t) { return std::this_thread::get_id() == caller; });
    for (std::size_t i = 0; i < 3; ++i) CHECK(ahead.take(i));
  }
  {
    std::atomic<int> ran{0};
    OrderedAhead<int> ahead(10000, 4, [&](std::size_t i) {
      ++ran;
      return static_cast<int>(i);
    });
    CHECK(ahead.take(0) == 0);
    // Destroyed with results untaken: the workers stop at the window and are joined.
  }
  OrderedAhead<int> empty(0, 4, [](std::size_t) { return 0; });
}
