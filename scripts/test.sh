#!/usr/bin/env bash
# Builds and runs the whole test suite, from a clean clone on Debian 12:
#   1. installs missing packages (scripts/install-deps.sh),
#   2. the normal build: every unit, end-to-end and bad-input test,
#   3. an AddressSanitizer + UndefinedBehaviorSanitizer build of the stages that read the blog's
#      input (their unit tests, and the bad-input tests running the whole program with those
#      stages instrumented) with no report allowed.
# .ci/run runs exactly this. Set PP_TEST_SKIP_ASAN=1 to skip step 3 while iterating.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
# The tests' EPUBCheck process (tests/tools/epubcheck_service.py) ends when the run does; left
# alone it would end after two idle minutes.
stop_epubcheck() {
  for tree in build build-asan; do python3 tests/tools/epubcheck_service.py --stop "$tree/epubcheck-spool"; done
}
trap stop_epubcheck EXIT
jobs=$(nproc)

# Both builds keep line tables only (-g1: every sanitizer report and backtrace still names the
# file and line) rather than full debug information, which costs a quarter of the compile time;
# the sanitizer build is optimised at -O1 as AddressSanitizer's manual advises (half the
# compile time of -O2). Figures in bench/results.md, "The test suite".
# The libraries, the program and the test programs are compiled as a unity build
# (POSTPRESS_UNITY: a build from scratch in about a third of the CPU time; the same bytes out,
# checked with scripts/compare-outputs.sh; the same test cases and assertions).
normal=(-DCMAKE_C_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG"
        -DPOSTPRESS_UNITY=ON)
sanitized=(-DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG"
           -DPOSTPRESS_UNITY=ON)
asan=0
[ "${PP_TEST_SKIP_ASAN:-0}" = "1" ] || asan=1
# The input stages' unit tests run once, in the sanitizer tree, when there is one; the normal
# tree keeps the files of theirs that test what the sanitizers hide (tests/CMakeLists.txt).
normal+=(-DPOSTPRESS_INPUT_TESTS_SANITIZED=$([ "$asan" = 1 ] && echo ON || echo OFF))
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${normal[@]}" > /dev/null
cmake --build build -j "$jobs"

asan_job=""
if [ "$asan" = 1 ]; then
  # The stages that read the blog's input are compiled with the sanitizers; the others are
  # linked from the normal tree just built (POSTPRESS_REUSE_LIBRARIES, CMakeLists.txt), so the
  # bad-input tests still run the whole program.
  # The normal tree is up to date, and its tests (one of which runs cmake --build in it) run
  # while this builds: no second ninja in that tree (POSTPRESS_REUSE_REFRESH=OFF).
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${sanitized[@]}" \
    -DPOSTPRESS_SANITIZE=ON -DPOSTPRESS_REUSE_LIBRARIES="$PWD/build" -DPOSTPRESS_REUSE_REFRESH=OFF > /dev/null
  # Built and then tested while the normal tree's tests run, at a lower priority, as one job:
  # the work is CPU-bound (bench/results.md, "The test suite"), so what counts is that neither
  # core waits, and one queue that ends with the sanitizer tests would leave one core idle
  # behind each tree's longest test. Only what the unit and bad-input tests run: not the
  # tools, benchmarks and manual pages. In a process group of its own (setsid), so that a
  # failed run stops the compilers and tests too; its output is printed when it ends.
  setsid nice -n 10 bash -c '
    set -e
    cmake --build build-asan -j "$1" --target unit-and-bad-programs > build-asan/build.log 2>&1 ||
      { tail -50 build-asan/build.log; echo "test.sh: the sanitizer build failed (build-asan/build.log)"; exit 1; }
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
    LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0" \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctest --test-dir build-asan --output-on-failure -j "$1" -L "unit|bad" --timeout 900
  ' sanitized "$jobs" > build-asan/tests.log 2>&1 &
  asan_job=$!
fi
stop_asan_job() { [ -z "$asan_job" ] || kill -- -"$asan_job" 2> /dev/null || true; }
trap 'stop_asan_job; stop_epubcheck' EXIT
ctest --test-dir build --output-on-failure -j "$jobs" --timeout 900

if [ "$asan" = 1 ]; then
  echo "test.sh: the sanitizer tree (build, then unit and bad-input tests):"
  status=0
  wait "$asan_job" || status=$?
  asan_job=""
  cat build-asan/tests.log
  [ "$status" = 0 ] || { echo "test.sh: the sanitizer tree failed" >&2; exit 1; }
fi
echo "test.sh: all tests passed"
