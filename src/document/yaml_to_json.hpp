// SPDX-License-Identifier: MIT
//
// YAML -> nlohmann::json with exact positions, read with libfyaml's event
// API. Typing follows the YAML 1.2 core schema from scalar style and tag:
// only plain scalars are resolved (null, ~, true/false, ints, floats);
// quoted and block scalars are strings; `yes`, `no`, `on`, `off` and dates
// stay strings. Where a plain scalar reads differently under YAML 1.1
// (Jekyll, PyYAML, js-yaml) a warning is added (rules `yaml11-*`).
//
// Work is bounded: node count after alias expansion, nesting depth and input
// size are limited by YamlOptions; exceeding one is an error diagnostic, not
// a crash or a hang. Duplicate keys are errors naming both places; only
// scalar keys are accepted. Invalid UTF-8 is reported with its position.
// Thread-safe: each call uses its own parser.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/source_span.hpp"
#include "diag/diagnostic.hpp"
#include "document/position_map.hpp"

namespace fmkit {

struct YamlOptions {
  // Nodes after alias expansion; an alias bomb hits this in milliseconds.
  size_t max_nodes = 100'000;
  // Nesting depth of collections.
  size_t max_depth = 64;
  // Bytes of YAML text.
  size_t max_bytes = 1 << 20;
};

struct YamlDocument {
  nlohmann::json value;  // null for an empty document
  PositionMap positions;
};

// Parses `text[begin, end)` (a slice of the whole file text `text`) as one
// YAML document. Positions in diagnostics and in the PositionMap are in file
// coordinates, resolved with `lines` (built over `text`). Appends errors and
// warnings to `diagnostics`; returns std::nullopt when the YAML has an error
// (syntax, duplicate key, limit, invalid UTF-8, several documents).
std::optional<YamlDocument> parse_yaml_document(
    std::string_view text, size_t begin, size_t end, const LineIndex& lines,
    const YamlOptions& options, std::vector<Diagnostic>& diagnostics);

// Parses a whole YAML stream, one JSON value per document, without positions
// or YAML 1.1 warnings (for conformance tests and tooling). Returns
// std::nullopt and appends diagnostics when the stream is invalid.
std::optional<std::vector<nlohmann::json>> parse_yaml_stream(
    std::string_view text, const YamlOptions& options,
    std::vector<Diagnostic>& diagnostics);

}  // namespace fmkit
