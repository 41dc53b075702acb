// SPDX-License-Identifier: MIT
//
// Test helpers: Problems rendered as the CLI prints them, whole or only
// their header lines ("path:line:col: error: message [rule]").
#pragma once

#include "diag/diagnostic.hpp"
#include "report/text_renderer.hpp"

#include <sstream>
#include <string>
#include <vector>

namespace fmkit::testing_support {

inline std::string render(const Problems& problems) {
  std::ostringstream out;
  for (const FileReport& report : problems) {
    render_text_file(report, TextOptions{}, out);
  }
  return out.str();
}

// "line:col: severity: message [rule]" for each of `diagnostics` (all of
// one file), joined by line breaks (no final one).
inline std::string diagnostic_lines(
    const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    if (!out.empty()) out += '\n';
    out += std::to_string(d.span.begin.line) + ":" +
           std::to_string(d.span.begin.column) + ": " +
           std::string(to_string(d.severity)) + ": " + d.message + " [" +
           d.rule + "]";
  }
  return out;
}

// The header line of every diagnostic, each ending in "\n".
inline std::string headers(const Problems& problems) {
  std::string out;
  for (const FileReport& report : problems) {
    for (const Diagnostic& d : report.diagnostics) {
      out += report.path;
      if (d.span.valid()) {
        out += ':' + std::to_string(d.span.begin.line) + ':' +
               std::to_string(d.span.begin.column);
      }
      out += ": " + std::string(to_string(d.severity)) + ": " + d.message +
             " [" + d.rule + "]\n";
    }
  }
  return out;
}

// "path:line:col: severity: message" for every diagnostic, without rules,
// joined by line breaks (no final one): for tables of messages.
inline std::string messages(const Problems& problems) {
  std::string out;
  for (const FileReport& report : problems) {
    for (const Diagnostic& d : report.diagnostics) {
      if (!out.empty()) out += '\n';
      out += report.path;
      if (d.span.valid()) {
        out += ':' + std::to_string(d.span.begin.line) + ':' +
               std::to_string(d.span.begin.column);
      }
      out += ": " + std::string(to_string(d.severity)) + ": " + d.message;
    }
  }
  return out;
}

}  // namespace fmkit::testing_support
