// SPDX-License-Identifier: MIT
//
// TOML -> nlohmann::json with exact positions, read with toml++ (TOML 1.0,
// as Hugo's go-toml and Zola's toml crate read it). The result is the same
// model YAML gives (document/yaml_to_json.hpp): a JSON object and a
// PositionMap with the span of every key and value in file coordinates, so
// schema checks, carets and "did you mean" work alike for both dialects.
//
// Typing (the README's "Dialects" section says the same):
// - string -> string; integer -> integer (64-bit: TOML itself rejects larger
//   ones, an error here too); boolean -> boolean.
// - float -> number. As in YAML, a float with no fractional part that a
//   double holds exactly (1.0, 1e3) is that integer. `inf` and `nan` (any
//   sign) have no JSON form: they stay strings as written ("-inf") with a
//   `toml.non-finite` warning. A float too large for a double is an error.
// - offset date-time, local date-time, local date, local time -> string in
//   its RFC 3339 form: the text as written with a 'T' between date and time
//   and an upper-case 'Z' (`1979-05-27 07:32:00z` is
//   "1979-05-27T07:32:00Z"), so JSON Schema's `format` checks it. Its span
//   is the exact source text, for migrations to copy byte for byte.
// - array -> array; table, inline table, array of tables -> object / array
//   of objects.
//
// Positions (PositionMap): keys span their text as written (quotes
// included); a dotted key `a.b.c = 1` gives /a, /a/b and /a/b/c, each with
// its own segment as key. Scalars, arrays and inline tables ('flow') span
// their text exactly. A table written with headers spans from its first
// header to the end of its last value; a table only implied by a dotted key
// or a header spans its contents. An array of tables spans its elements,
// each from its "[[...]]" header. Strings are `double_quoted` ("..." and
// """...""") or `single_quoted` ('...' and '''...''').
//
// Errors (toml++ stops at the first): toml.syntax (each with a message
// saying the cause, at the character where reading stopped; invalid UTF-8
// and a byte-order mark at the start of the TOML text included), and
// toml.duplicate-key (a key, table or array of tables defined twice, at the
// second, naming the first place when it lies on an earlier line).
// toml.limit: larger than YamlOptions::max_bytes, deeper than max_depth, or
// more than max_nodes keys and values (the same limits as YAML's; a key
// with more than max_depth dotted parts is refused before parsing, as
// toml++ recurses once per level). Thread-safe: each call parses alone.
#pragma once

#include "base/source_span.hpp"
#include "diag/diagnostic.hpp"
#include "document/position_map.hpp"
#include "document/yaml_to_json.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace fmkit {

// Parses `text[begin, end)` (a slice of the whole file text `text` starting
// at a line start) as one TOML document. Positions in diagnostics and in the
// PositionMap are in file coordinates, resolved with `lines` (built over
// `text`). Only the size limits of `limits` are used. Appends errors and
// warnings to `diagnostics`; returns std::nullopt on an error. The value is
// always an object (YAML's document type, so both readers plug into
// read_document() alike), and the PositionMap always has the root ""; an
// empty slice gives an empty object whose root is an empty span at `begin`.
std::optional<YamlDocument> parse_toml_document(
    std::string_view text, size_t begin, size_t end, const LineIndex& lines,
    const YamlOptions& limits, std::vector<Diagnostic>& diagnostics);

}  // namespace fmkit
