// SPDX-License-Identifier: MIT
//
// The json format: one JSON document per run, one diagnostic per line so it
// stays readable and greppable:
//
//   {
//     "version": 1,
//     "files": 2,
//     "diagnostics": [
//       {"file": "a.md", "line": 3, "column": 8, "end_line": 3,
//        "end_column": 10, "severity": "error", "rule": "schema.type",
//        "pointer": "/title", "message": "..."}
//     ]
//   }
//
// (each diagnostic on a single line). Lines and columns are 1-based, columns
// count code points; a diagnostic without a position has null line,
// column, end_line and end_column. "files" counts the files checked, with or
// without diagnostics. After "diagnostics", "dialects" names the files whose
// front matter is not YAML, with its dialect ({"a.md": "json"}), in the
// order they were checked; it is absent when there is none. Keys appear in
// the order above; strings are UTF-8,
// invalid bytes replaced by U+FFFD. `version` changes only when a key's
// meaning does. Not thread-safe.
#pragma once

#include "report/renderer.hpp"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

namespace fmkit {

// Returns `text` as a JSON string, quotes included.
std::string json_quote(std::string_view text);

// Returns the JSON object of `d` in the file `file`, keys as above.
nlohmann::ordered_json diagnostic_to_json(std::string_view file,
                                          const Diagnostic& d);

// Returns `value` on one line, with a space after each ':' and ','
// ({"a": [1, 2]}); invalid UTF-8 in strings becomes U+FFFD.
std::string format_json_inline(const nlohmann::ordered_json& value);

// Returns diagnostic_to_json() on one line: {"file": "a.md", "line": 3, ...}.
std::string format_json_diagnostic(std::string_view file, const Diagnostic& d);

// Returns a Renderer writing the json format to `out`, which must outlive it.
std::unique_ptr<Renderer> make_json_renderer(std::ostream& out);

}  // namespace fmkit
