// SPDX-License-Identifier: MIT
//
// The runner: validates the files of a Plan on the thread pool
// (thread_pool.hpp). Each thread takes the next file, reads its front
// matter (file_reader.hpp), reads the document and validates it with the
// thread's own Validator for the schema of the document's collection and
// version (Validators are not thread-safe; CompiledSchemas are shared).
// Results come back in the plan's order whatever the number of threads, so
// -j1 and -j8 print the same bytes. A file that can't be read, or whose
// handling fails with an exception (a bug), is an error result for that
// file only; the others are still checked.
// A FileReport keeps the text read only when it has diagnostics, so a run
// over 100k clean files holds little memory. run_validate() may be called
// from any thread; it blocks until every file is done.
#pragma once

#include "diag/diagnostic.hpp"
#include "run/plan.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace fmkit {

struct RunOptions {
  // Threads validating files; 0 means one per hardware thread. No more
  // threads than files are started, and one thread means none: the work is
  // done on the calling thread. Default: 0.
  size_t jobs = 0;
  // Bytes asked for by the first read of each file. Default: 4 KiB.
  size_t first_chunk = 4096;
};

struct FileResult {
  // The file's diagnostics, sorted with sort_diagnostics(); `text` is the
  // bytes read when there are diagnostics, empty otherwise.
  FileReport report;
  // Set when the file could not be read or checking it failed: the report
  // then ends with an `io` (or `internal`) error without a position, and
  // the run must exit with 2.
  bool failed = false;
};

// Validates every job of `plan` and calls `sink` with each result, in the
// order of plan.jobs, on the calling thread, as soon as that result and all
// before it are ready.
void run_validate(const Plan& plan, const RunOptions& options,
                  const std::function<void(FileResult&&)>& sink);

// Validates every job of `plan`; returns the results in the order of
// plan.jobs.
std::vector<FileResult> run_validate(const Plan& plan,
                                     const RunOptions& options);

}  // namespace fmkit
