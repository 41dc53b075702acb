// SPDX-License-Identifier: MIT
//
// JSON -> nlohmann::json with exact positions: the reader of JSON front
// matter (Hugo's "{ ... }", gray-matter's "---json"), giving the same value
// model and PositionMap as the YAML reader (yaml_to_json.hpp), so schema
// checks, diagnostics and carets are the same whatever the dialect. Strict
// RFC 8259 JSON, as Hugo's encoding/json and gray-matter's JSON.parse read
// it:
// - numbers are typed as the YAML reader types them (an integer when there
//   is no fraction and no exponent, int64 or else uint64 or else a double;
//   450.0 is 450); a number past a double (1e999) is an error;
// - strings: escapes decoded, "\u" surrogate pairs joined; a lone surrogate,
//   an unknown escape or a raw control character is an error;
// - NodeInfo: strings are double_quoted, other scalars plain, objects and
//   arrays `flow`; keys are spans with their quotes.
// The text's characters are checked first as for YAML (check_yaml_characters:
// rules yaml.utf8, yaml.control-character, yaml.bom). The first syntax error
// stops the reading (json.syntax, at the offending character, worded by
// cause: a trailing comma, a comment, single quotes, a bare word); a key
// repeated in an object is a json.duplicate-key error at the repeat, naming
// the first place; size, depth (max_depth) and node count (max_nodes) of
// YamlOptions are limits (json.limit). Thread-safe; one call, one reader.
#pragma once

#include "base/source_span.hpp"
#include "diag/diagnostic.hpp"
#include "document/yaml_to_json.hpp"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace fmkit {

// Parses `text[begin, end)` (a slice of the whole file text `text`) as one
// JSON value, white space allowed around it. Positions are file
// coordinates, resolved with `lines` (built over `text`). Appends errors to
// `diagnostics` and returns std::nullopt when there is one. A slice holding
// only white space gives a null value and no positions (as empty YAML).
std::optional<YamlDocument> parse_json_document(
    std::string_view text, size_t begin, size_t end, const LineIndex& lines,
    const YamlOptions& options, std::vector<Diagnostic>& diagnostics);

// The first problem that stops `text` (a whole JSON text) from parsing:
// its byte offset and message ("invalid JSON: trailing comma before '}'
// (JSON allows none)"), or std::nullopt when it parses. For the other
// readers of JSON files (schemas, baselines), so every JSON error is worded
// the same way.
struct JsonError {
  size_t offset = 0;
  std::string message;
};
std::optional<JsonError> find_json_error(std::string_view text);

}  // namespace fmkit
