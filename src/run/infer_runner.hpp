// SPDX-License-Identifier: MIT
//
// Running schema inference (infer/inference.hpp) over files on disk: the
// first pass reads every file's front matter on the thread pool and counts
// it in file order; the second reads the files again and finds each one's
// outliers. Reading twice keeps memory flat however many files there are
// (no document is held between the passes). Files are taken in the order
// given, so the schema and the reports are the same bytes for -j1 and -j8.
// A file whose front matter can't be read (a YAML error, an unclosed block)
// is left out of the counts and reported with its errors; reading warnings
// (yaml11-*) are not reported: validate reports them. A file without front
// matter is counted apart (InferRun::without_front_matter) and left out.
// Thread-safe: each call uses its own workers.
#pragma once

#include "diag/diagnostic.hpp"
#include "document/document.hpp"
#include "infer/inference.hpp"
#include "run/file_path.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace fmkit {

// A file to infer from: its absolute path, for reading, and its path as
// shown.
using InferFile = FilePath;

struct InferRun {
  InferredSchema inferred;
  // In file order, only files with diagnostics: the errors of files that
  // could not be read (the schema ignores them), then the outliers.
  std::vector<FileReport> reports;
  uint64_t files = 0;
  uint64_t unreadable = 0;  // files left out for their errors
  uint64_t without_front_matter = 0;
  uint64_t outliers = 0;
  bool failed = false;  // a file could not be read from disk (io)
};

struct InferRunOptions {
  // How each file is read; a file without front matter is counted apart
  // whatever `require_front_matter` says.
  DocumentOptions document;
  InferOptions infer;
  // Threads; 0: one per hardware thread. Default: 0.
  size_t jobs = 0;
};

// Infers a schema from `files` and finds their outliers.
InferRun run_infer(const std::vector<InferFile>& files,
                   const InferRunOptions& options);

}  // namespace fmkit
