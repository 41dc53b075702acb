// SPDX-License-Identifier: MIT
//
// Summary: the counts printed after a run ("3 files, 1 with errors, 2 errors,
// 1 warning"). Built by adding FileReports one at a time, so a run never has
// to keep every report to count them. A plain value; not thread-safe to
// build.
#pragma once

#include "diag/diagnostic.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace fmkit {

struct Summary {
  size_t files = 0;              // files reported on
  size_t files_with_errors = 0;  // files with at least one error
  size_t errors = 0;
  size_t warnings = 0;

  // Counts `report` (its file and every diagnostic in it).
  void add(const FileReport& report);

  friend bool operator==(const Summary&, const Summary&) = default;
};

// Returns the summary line without a line ending, counts spelled with the
// right singular or plural: "1 file, 0 with errors, 0 errors, 2 warnings".
std::string format_summary(const Summary& summary);

}  // namespace fmkit
