// SPDX-License-Identifier: MIT
//
// Diagnostic: one problem found in a user's file, with its exact place.
// Problems in content are data (appended to a vector), never exceptions or
// error returns. Rule names are stable: users filter and grep on them.
#pragma once

#include "base/source_span.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

enum class Severity { error, warning };

std::string_view to_string(Severity severity);

struct Diagnostic {
  Severity severity = Severity::error;
  std::string rule;     // e.g. "yaml.syntax", "schema.required", "yaml11-bool"
  std::string message;  // lower-case, no final period, quotes the value
  std::string pointer;  // JSON Pointer of the value concerned ("" = root)
  SourceSpan span;      // where it is; invalid (line 0) when nowhere
};

// The diagnostics of one file. `text` holds the bytes that were read (the
// front matter, not always the whole file) so renderers can quote source
// lines; it may be left empty when there are no diagnostics.
struct FileReport {
  std::string path;  // as shown to the user
  std::string text;
  std::vector<Diagnostic> diagnostics;
};

// Problems that stop a command before it checks anything: diagnostics in
// fmkit's own files (fmkit.yaml, migrations, schemas), each FileReport
// holding the file's text so that renderers quote the line, or an I/O
// failure (a FileReport whose one diagnostic has no position). They travel
// as the error of Expected<T, Problems> and are shown in the same form as
// every other diagnostic: "path:line:col: error: message [rule]".
using Problems = std::vector<FileReport>;

// Returns Problems holding one error without a position in `path`:
// "path: error: message [rule]".
Problems problem_at_file(std::string path, std::string rule,
                         std::string message);

// Orders by position, then severity (errors first), rule and message, so
// output is deterministic whatever the order diagnostics were found in.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

size_t count_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace fmkit
