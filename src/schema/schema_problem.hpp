// SPDX-License-Identifier: MIT
//
// SchemaProblem (internal to schema/): one problem in a schema file, found
// while loading it, named by the file and the JSON Pointer of the offending
// value (or a byte, for invalid JSON): an error that stops the schema from
// loading, or a warning about a schema that loads but does not check what
// it seems to (an unknown keyword). to_problems() turns problems into the
// Problems SchemaRegistry::load returns: Diagnostics at the value's (or
// key's) span, found by reading the file's text with fmkit's YAML reader
// (JSON is YAML 1.2), once per file. That second read happens only when
// there is a problem. Pure functions; thread-safe.
#pragma once

#include "diag/diagnostic.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace fmkit {

// Where in the file a problem points.
enum class ProblemAt {
  value,  // the value at `pointer`
  key,    // its key (the value when it has none)
  byte,   // the byte `offset`
  file,   // nowhere in particular (an unreadable file)
};

struct SchemaProblem {
  Severity severity = Severity::error;
  std::string rule;  // see schema_registry.hpp
  std::string message;
  std::string shown;  // the file, as shown to the user
  std::string text;   // the file's text, when it was read
  std::string pointer;
  ProblemAt at = ProblemAt::value;
  size_t offset = 0;
};

Problems to_problems(const SchemaProblem& problem);

// Returns `problems` as one FileReport per file (in the order files first
// appear), each file's diagnostics sorted by position.
Problems to_problems(const std::vector<SchemaProblem>& problems);

// Describes a JSON parse error of `text` as a problem at its byte, worded
// by document/json_reader.hpp's find_json_error() (the cause where a common
// one is recognised: a trailing comma, a comment, a single-quoted string).
SchemaProblem json_problem(const nlohmann::json::parse_error& error,
                           std::string shown, std::string text);

}  // namespace fmkit
