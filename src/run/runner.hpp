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
// over 100k clean files holds little memory. With a ResultCache
// (run/cache.hpp), a file whose key is in the cache is read but not parsed
// or validated: its stored diagnostics are its result, and each fresh
// result is handed to the cache on the calling thread. With rules across
// files (RunOptions::rules), the values they need are taken from each
// document as it is read, in the same pass, and cached with its result.
// run_validate() may be called from any thread; it blocks until every file is
// done.
#pragma once

#include "diag/diagnostic.hpp"
#include "run/plan.hpp"
#include "run/site_rules.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

class ResultCache;
class SiteRules;

struct RunOptions {
  // Threads validating files; 0 means one per hardware thread. No more
  // threads than files are started, and one thread means none: the work is
  // done on the calling thread. Default: 0.
  size_t jobs = 0;
  // Bytes asked for by the first read of each file. Default: 4 KiB.
  size_t first_chunk = 4096;
  // Results of earlier runs, and where this run's go (keep() and store()
  // are called on the calling thread); nullptr: none. Default: nullptr.
  ResultCache* cache = nullptr;
  // The rules across files (run/site_rules.hpp): the values they need from
  // each file go into FileResult::rule_values (from the cache on a hit);
  // nullptr: none. Default: nullptr.
  const SiteRules* rules = nullptr;
  // Read the files only for the values of `rules`: no schema validation,
  // nothing stored in the cache, and the results' reports are not meant to
  // be shown (a scoped run's other files). Default: false.
  bool values_only = false;
};

// The part of the file system a run looked at in full: every file in one
// of `folders` that could be checked was checked. Stored results (the
// result cache) and baseline entries of a file in scope that the run did
// not check belong to a file that is gone or no longer checked.
struct RunScope {
  // Absolute and lexically normal; "/" for everything.
  std::vector<std::filesystem::path> folders;

  // Returns whether the absolute, lexically normal `path` lies in a folder.
  bool covers(std::string_view path) const;
};

// Returns the scope of a run over `paths` (relative to the absolute folder
// `cwd` unless absolute): the paths that are folders; everything when
// `paths` is empty (the run covers every collection of the config). A run
// that picks files some other way (not by walking folders) must not use
// this: its scope is empty.
RunScope run_scope(const std::vector<std::string>& paths,
                   const std::filesystem::path& cwd);

struct FileResult {
  // The index of the file's job in plan.jobs.
  size_t job = 0;
  // The file's diagnostics, sorted with sort_diagnostics(); `text` is the
  // bytes read when there are diagnostics, empty otherwise.
  FileReport report;
  // The language of the file's front matter ("yaml", "json", "toml"; see
  // document/front_matter.hpp); "" when it has none, was not read or is in
  // a language fmkit cannot read.
  std::string_view dialect;
  // Set when the file could not be read or checking it failed: the report
  // then ends with an `io` (or `internal`) error without a position, and
  // the run must exit with 2.
  bool failed = false;
  // The values the rules across files need from the file (RunOptions::rules).
  std::vector<RuleValue> rule_values;
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
