// SPDX-License-Identifier: MIT
//
// The one thread pool of fmkit: for_each_ordered() runs a piece of work per
// file on a few threads and hands the results back on the calling thread in
// file order, so -j1 and -j8 print the same bytes. Each thread makes its own
// worker state (a Validator per schema, say), since such state is not
// thread-safe. An exception that escapes the work for one file is caught on
// that file's thread and turned into that file's result by `on_error`, so a
// bug in the handling of one file never ends the process (std::terminate)
// nor stops the others, whatever the number of threads. Only the results
// not yet handed on are held: a pointer per waiting file.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace fmkit {

// Returns how many threads to use for `count` pieces of work when asked for
// `jobs` (0: one per hardware thread): never more than `count`, at least 1.
inline size_t pool_threads(size_t jobs, size_t count) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  return std::max<size_t>(1, std::min(jobs, count));
}

// Calls `sink(result)` with `work(worker, i)` for every i in [0, count), in
// order of i, on the calling thread. `make_worker()` makes one worker per
// thread. When `work` throws, `on_error(i, what)` makes the result instead
// (`what` is the exception's message). With one thread, everything runs on
// the calling thread. Blocks until every result has been handed on; if
// `sink` throws, the threads finish their current item and stop.
template <typename MakeWorker, typename Work, typename OnError, typename Sink>
void for_each_ordered(size_t count, size_t jobs, MakeWorker make_worker,
                      Work work, OnError on_error, Sink sink) {
  using Worker = decltype(make_worker());
  using Result = decltype(work(std::declval<Worker&>(), size_t{0}));
  auto guarded = [&](Worker& worker, size_t i) -> Result {
    try {
      return work(worker, i);
    } catch (const std::exception& e) {
      return on_error(i, std::string(e.what()));
    } catch (...) {
      return on_error(i, std::string("unknown exception"));
    }
  };
  const size_t threads = pool_threads(jobs, count);
  if (threads <= 1) {
    Worker worker = make_worker();
    for (size_t i = 0; i < count; ++i) sink(guarded(worker, i));
    return;
  }
  // Workers fill slots in any order; this thread hands them on in order,
  // freeing each slot as it goes.
  std::vector<std::unique_ptr<Result>> slots(count);
  std::mutex mutex;
  std::condition_variable ready;
  // The slot this thread sleeps on (count: none): a worker wakes it only
  // for that one, so a run costs no futex call per file.
  size_t awaited = count;
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  auto run = [&] {
    Worker worker = make_worker();
    for (size_t i = next++; i < count && !stop; i = next++) {
      auto result = std::make_unique<Result>(guarded(worker, i));
      bool wake = false;
      {
        std::lock_guard lock(mutex);
        slots[i] = std::move(result);
        wake = awaited == i;
      }
      if (wake) ready.notify_one();
    }
  };
  struct StopOnExit {
    std::atomic<bool>& stop;
    ~StopOnExit() { stop = true; }
  };
  // Declared after the pool, so destroyed first: when `sink` throws, `stop`
  // is set, then the jthreads join.
  std::vector<std::jthread> pool;
  StopOnExit stop_on_exit{stop};
  pool.reserve(threads);
  for (size_t t = 0; t < threads; ++t) pool.emplace_back(run);
  for (size_t i = 0; i < count; ++i) {
    std::unique_lock lock(mutex);
    // Waiting, wait for a batch: this thread (printing, say) is faster than
    // the workers, and would sleep and be woken once per file.
    const size_t last = std::min(i + 32, count) - 1;
    while (slots[i] == nullptr) {
      awaited = slots[last] == nullptr ? last : i;
      ready.wait(lock, [&] { return slots[awaited] != nullptr; });
    }
    awaited = count;
    std::unique_ptr<Result> result = std::move(slots[i]);
    lock.unlock();
    sink(std::move(*result));
  }
}

}  // namespace fmkit
