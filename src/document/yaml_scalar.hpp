// SPDX-License-Identifier: MIT
//
// Scalar typing: the YAML 1.2 core schema, as yaml_to_json.hpp describes it
// (null, bool, int, float from plain scalars; quoted and block scalars are
// strings; the tags !!str, !!int, !!float, !!bool, !!null and ! honoured for
// any style). A value JSON cannot hold (.inf, .nan, a float past a double)
// is kept as its text and reported as `non_finite`. Pure functions;
// thread-safe.
#pragma once

#include "document/position_map.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace fmkit {

enum class TagKind {
  none,
  str,
  int_,
  float_,
  bool_,
  null_,
  non_specific,  // "!"
  other,         // any other tag: ignored
};

enum class Resolution { ok, non_finite, bad_tag };

// Returns the kind of the resolved tag `tag` ("tag:yaml.org,2002:int",
// "!", "!local").
TagKind classify_tag(std::string_view tag);

// Whether the resolved `tag` is the non-specific "!" or a YAML 1.1 type
// (tag:yaml.org,2002: str, int, float, bool, null, binary, timestamp, set,
// omap, pairs, seq, map, merge, value) that both PyYAML and js-yaml read;
// they reject any other tag.
bool is_known_tag(std::string_view tag);

// Returns the short name of a core tag: "!!int", "!!float", "!!bool",
// "!!null"; "!!str" for the others.
std::string_view tag_name(TagKind tag);

// Types a scalar from its `text`, `style` and `tag` into `out`. On
// `non_finite` `out` is the text as a string; on `bad_tag` (the tag cannot
// read the text) `out` is unspecified.
Resolution resolve_scalar(std::string_view text, ScalarStyle style, TagKind tag,
                          nlohmann::json& out);

// Returns whether the plain scalar `text` is a string in the core schema
// (not null, a bool, an int, a float or .inf/.nan).
bool is_core_string(std::string_view text);

// Returns the value of a core-schema int (`[-+]?[0-9]+`, `0o[0-7]+`,
// `0x[0-9a-fA-F]+`), or std::nullopt when `s` is not one.
std::optional<nlohmann::json> core_int(std::string_view s);

// Returns `value` as a JSON number: an integer when it has no fractional
// part and a double holds it exactly (450.00 is 450), else a double.
nlohmann::json number_from_double(double value);

// Returns the yaml.non-finite message for a `non_finite` scalar `text`:
// "'.inf' is infinity, which JSON cannot hold; it is kept as the string
// \".inf\"".
std::string non_finite_message(std::string_view text);

// Returns the value of a single-quoted scalar whose text between its quotes
// is `raw`: "''" is one quote, and line breaks fold as in every flow scalar
// (YAML 1.2 section 7.3.2): the white space around a break is dropped, a
// break between two lines is a space, and each empty line in between a
// "\n". fmkit reads these itself: libfyaml 0.7 drops the character after
// two escapes in a row ('x''''y' reads "x'''").
std::string single_quoted_value(std::string_view raw);

}  // namespace fmkit
