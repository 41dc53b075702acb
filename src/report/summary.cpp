// SPDX-License-Identifier: MIT
#include "report/summary.hpp"

#include "base/describe.hpp"

#include <string_view>

namespace fmkit {

void Summary::add(const FileReport& report) {
  ++files;
  size_t file_errors = count_errors(report.diagnostics);
  errors += file_errors;
  warnings += report.diagnostics.size() - file_errors;
  if (file_errors > 0) ++files_with_errors;
}

std::string format_summary(const Summary& summary) {
  return count_noun(summary.files, "file") + ", " +
         std::to_string(summary.files_with_errors) + " with errors, " +
         count_noun(summary.errors, "error") + ", " +
         count_noun(summary.warnings, "warning");
}

}  // namespace fmkit
