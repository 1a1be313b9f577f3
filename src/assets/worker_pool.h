// Runs task(0..count-1) on up to `jobs` threads and waits. Each index runs exactly once;
// which thread runs it does not matter to the result (tasks write only their own slot).
#pragma once

#include <cstddef>
#include <functional>

namespace pp::assets {

int effectiveJobs(int requested);  // 0 = all cores
void runParallel(int jobs, std::size_t count, const std::function<void(std::size_t)>& task);

}  // namespace pp::assets
