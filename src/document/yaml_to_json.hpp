// SPDX-License-Identifier: MIT
//
// YAML -> nlohmann::json with exact positions, read with libfyaml's event
// API. Typing follows the YAML 1.2 core schema from scalar style and tag:
// only plain scalars are resolved (null, ~, true/false, ints, floats);
// quoted and block scalars are strings; `yes`, `no`, `on`, `off` and dates
// stay strings. Where a plain scalar reads differently under YAML 1.1
// (PyYAML, Jekyll, Eleventy's js-yaml 3, Hugo's go-yaml v2; see
// document/yaml11.hpp for who reads what) a warning names exactly the
// readers that read it otherwise (rules `yaml11-*`).
//
// With YamlOptions::version 1.1 (a `yaml: "1.1"` collection) plain,
// untagged values are typed as document/yaml11.hpp says instead (`yes` is
// true, `0755` is 493, `1:30` is 90, dates stay strings), without the
// yaml11-* warnings, and a `yaml11-ambiguous` warning names who reads what
// where PyYAML, Jekyll and Eleventy's js-yaml 3 disagree. Keys stay their
// text; positions are the same in both.
//
// Typing details (document/yaml_scalar.hpp implements them):
// - null: `null`, `Null`, `NULL`, `~` and nothing; bool: `true`, `True`,
//   `TRUE`, `false`, `False`, `FALSE`.
// - int: `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`. A value beyond int64
//   is stored as uint64 when it fits, else as a double.
// - float: `[-+]?(.[0-9]+|[0-9]+(.[0-9]*)?)([eE][-+]?[0-9]+)?`. JSON has
//   one number type, so a float with no fractional part that a double holds
//   exactly (450.00, 1e3) is stored as that integer: it prints as 450, the
//   canonical JSON number, and JSON Schema counts it as an integer anyway.
// - `.inf`, `-.Inf`, `.nan` and floats too large for a double have no JSON
//   form: they stay strings (".inf") and get a `yaml.non-finite` warning.
// - Explicit tags `!!str`, `!!int`, `!!float`, `!!bool` and `!!null` are
//   honoured for any style (`!!int "42"` is 42); a value the tag cannot
//   read is a `yaml.tag` error. The non-specific tag `!` makes a string.
//   Other tags (`!!binary`, `!!set`, `!local`) are ignored.
// - Mapping keys are strings: a scalar key is its text as written (`1: a`
//   gives "1", an empty key gives ""). Scalar text is always a (pointer,
//   length) view, never a C string: a "\0" escape stays in the value.
//
// Characters (document/yaml_characters.hpp) are checked before parsing:
// invalid UTF-8, control characters YAML forbids (C0 but TAB/LF/CR, DEL,
// C1 but U+0085, U+FFFE/U+FFFF) and a byte-order mark anywhere in the text
// are errors at the character; the document is then not parsed.
//
// Indentation site generators accept: a flow collection or a quoted string
// with a line indented no more than its block parent (`aliases: [` ...
// `]` at column 1, a title continued at column 1) is rejected by strict
// YAML 1.2 and read by every generator. A document is parsed strictly
// first; only when that fails on such a line is it parsed again with
// libfyaml's sloppy flow indentation, each such line getting a
// `yaml.indentation` warning. parse_yaml_stream() stays strict.
//
// Work is bounded: node count after alias expansion, nesting depth and input
// size are limited by YamlOptions; exceeding one is an error diagnostic, not
// a crash or a hang. Duplicate keys are errors naming both places (the
// event API does not check them); only scalar keys are accepted. libfyaml's
// own messages are collected, never printed, and the common ones reworded
// to say the cause (document/libfyaml_messages.hpp).
// Thread-safe: each call uses its own parser.
//
// Rules: errors yaml.syntax, yaml.utf8, yaml.control-character, yaml.bom,
// yaml.limit, yaml.alias, yaml.duplicate-key, yaml.complex-key, yaml.tag,
// yaml.multiple-documents; warnings yaml11-bool, yaml11-null,
// yaml11-timestamp, yaml11-octal, yaml11-sexagesimal, yaml11-number,
// yaml11-ambiguous, yaml.non-finite, yaml.indentation.
#pragma once

#include "base/source_span.hpp"
#include "diag/diagnostic.hpp"
#include "document/position_map.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace fmkit {

// How keys that JSON cannot hold are handled.
enum class MappingKeys {
  // A key that is a sequence or a mapping (yaml.complex-key) or that repeats
  // an earlier key of its mapping (yaml.duplicate-key) is an error.
  strict,
  // Such keys are kept without a diagnostic, as most YAML loaders do: a
  // collection key becomes its compact JSON text (`[a, b]` -> "[\"a\",\"b\"]")
  // and a repeated key's last value wins. For conformance tests and tools
  // that must read any valid YAML.
  lenient,
};

// How plain scalars are typed: the YAML 1.2 core schema (yaml_to_json.hpp's
// typing above), or as the YAML 1.1 readers of site generators read them
// (document/yaml11.hpp: `yes` is true, `0755` is 493, `1:30` is 90).
enum class YamlVersion { v1_2, v1_1 };

struct YamlOptions {
  // Nodes after alias expansion (keys and values, collections and scalars);
  // an alias bomb hits this in milliseconds. Each copy an anchor keeps for
  // its aliases counts against it too.
  size_t max_nodes = 100'000;
  // Nesting depth of collections (the root collection is depth 1), aliases
  // expanded.
  size_t max_depth = 64;
  // Bytes of YAML text.
  size_t max_bytes = 1 << 20;
  // Bytes of scalar text after alias expansion: bounds memory when aliases
  // repeat one long string.
  size_t max_expanded_bytes = 16 << 20;
  MappingKeys keys = MappingKeys::strict;
  // How plain scalars are typed. Under 1.1 the yaml11-* warnings are off
  // (the reading is the 1.1 one). Default: 1.2.
  YamlVersion version = YamlVersion::v1_2;
  // fmkit's own files (config, migrations): a tag that is not one of YAML's
  // types ("!include", "!!python/object") is an error, not a warning:
  // nothing else reads these files, and whoever wrote it expects something
  // fmkit does not do.
  bool own_file = false;
};

struct YamlDocument {
  nlohmann::json value;  // null for an empty document
  PositionMap positions;
};

// Parses `text[begin, end)` (a slice of the whole file text `text`) as one
// YAML document. Positions in diagnostics and in the PositionMap are in file
// coordinates, resolved with `lines` (built over `text`). Appends errors and
// warnings to `diagnostics`; returns std::nullopt when the YAML has an error
// (syntax, duplicate key, limit, invalid UTF-8, several documents). An empty
// slice, or one holding only comments, gives a null value and no positions.
std::optional<YamlDocument> parse_yaml_document(
    std::string_view text, size_t begin, size_t end, const LineIndex& lines,
    const YamlOptions& options, std::vector<Diagnostic>& diagnostics);

// Parses a whole YAML stream, one JSON value per document, without positions
// or warnings (for conformance tests and tooling). Returns std::nullopt and
// appends error diagnostics (positions in `text`) when the stream is
// invalid. A stream with no document gives an empty vector.
std::optional<std::vector<nlohmann::json>> parse_yaml_stream(
    std::string_view text, const YamlOptions& options,
    std::vector<Diagnostic>& diagnostics);

// Returns `s` as a YAML single-quoted scalar, quotes doubled: it's ->
// 'it''s'. Line breaks and control characters need double quotes instead.
std::string single_quoted(std::string_view s);

// single_quoted() for a message: `s` cut after 60 code points, as
// base/describe.hpp's shorten() cuts ("..."), so that a 1 MB value does not
// make a 1 MB message.
std::string quoted_for_message(std::string_view s);

}  // namespace fmkit
