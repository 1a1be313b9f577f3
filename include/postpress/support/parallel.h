// A tiny fork-join helper: run fn(i) for i in [0, n) on up to `jobs` threads. Work is taken in
// index order; results must be written to per-index slots so output never depends on timing.
#pragma once

#include <cstddef>
#include <functional>

namespace pp {

// Number of worker threads to use for `jobs` (0 = all cores, at least 1).
int effectiveJobs(int jobs);

// Runs fn(0..n-1) on effectiveJobs(jobs) threads and waits. Exceptions thrown by fn are
// rethrown (the first one) after every thread has finished.
void parallelFor(std::size_t n, int jobs, const std::function<void(std::size_t)>& fn);

// The same, telling fn which worker (0..workers-1) runs index i, for state kept per worker
// (caches). Each worker takes its indices in increasing order.
void parallelForWorkers(std::size_t n, int jobs, const std::function<void(std::size_t worker, std::size_t i)>& fn);
// How many workers parallelForWorkers(n, jobs, ...) uses.
std::size_t workerCount(std::size_t n, int jobs);

}  // namespace pp
