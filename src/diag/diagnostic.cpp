// SPDX-License-Identifier: MIT
#include "diag/diagnostic.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

namespace fmkit {

std::string_view to_string(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.span.begin.offset, a.span.begin.line,
                                     a.severity, a.rule, a.message) <
                            std::tie(b.span.begin.offset, b.span.begin.line,
                                     b.severity, b.rule, b.message);
                   });
}

Problems problem_at_file(std::string path, std::string rule,
                         std::string message) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.message = std::move(message);
  Problems problems;
  problems.push_back(FileReport{std::move(path), "", {std::move(d)}});
  return problems;
}

size_t count_errors(const std::vector<Diagnostic>& diagnostics) {
  return static_cast<size_t>(std::count_if(
      diagnostics.begin(), diagnostics.end(),
      [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

}  // namespace fmkit
