// SPDX-License-Identifier: MIT
//
// YAML writer: renders the *new* values a migration inserts (a set value, a
// renamed key, a converted list) as YAML text in a file's own style. It never
// re-emits existing text; callers splice its output at spans.
//
// Quoting is decided by needs_quotes(): a string is written plain only when
// every common reader takes it back as that same string: a YAML 1.2 core
// reader (libfyaml, js-yaml 4) and the YAML 1.1 readers of
// document/yaml11.hpp (PyYAML, Jekyll's Psych, Eleventy's js-yaml 3, Hugo's
// go-yaml v2) and YAML 1.1's own type regexes. So `no`, `y`, `yEs`, `on`,
// `~`, `null`, `2024-11-13`, `1.0`, `1_000`, `1,000`, `0x1F`, `1:30`, `<<`,
// `=` and strings that start with an indicator or hold ": " or " #" are
// quoted. Single quotes are
// used when they suffice; strings with control characters or line breaks get
// double quotes with escapes. Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace fmkit {

// Where a scalar is written: flow collections ("[a, b]", "{a: b}") also
// reserve ",[]{}".
enum class ScalarContext { block, flow };

// Preferred quoting for a string that needs no quotes, e.g. to keep the style
// of the value being replaced. A string that needs quotes gets them anyway;
// `double_quoted` is honoured, and so is `single_quoted` unless the string
// has characters only double quotes can carry.
enum class QuotePreference { plain, single_quoted, double_quoted };

// How new collections are laid out.
enum class ListStyle { block, flow };
enum class SequenceIndent {
  indented,  // "tags:\n  - a" (dash indented under its key)
  compact,   // "tags:\n- a"   (dash at the key's column)
};

// A file's style, as detected by detect_yaml_style() (migrate/yaml_editor.hpp)
// or chosen by default for a file that shows none.
struct YamlStyle {
  std::string eol = "\n";  // "\n" or "\r\n"
  size_t indent = 2;       // spaces per nesting level of mappings
  SequenceIndent sequence_indent = SequenceIndent::indented;
  ListStyle list_style = ListStyle::block;
};

// Returns true when `s` cannot be written as a plain scalar in `context`:
// it is empty, reads as another type (bool, null, int, float, timestamp,
// merge/value key) under YAML 1.1 or 1.2, starts with an indicator, holds
// ": ", " #", a tab, a line break or a control character, has leading or
// trailing spaces, or ends with ":".
bool needs_quotes(std::string_view s,
                  ScalarContext context = ScalarContext::block);

// Returns true when `s` can only be written double-quoted (control
// characters, line breaks, U+0085, U+2028, U+2029, U+FEFF).
bool needs_double_quotes(std::string_view s);

// Returns `s` as a YAML scalar: plain when safe (and preferred), else quoted.
std::string render_string(std::string_view s,
                          ScalarContext context = ScalarContext::block,
                          QuotePreference preference = QuotePreference::plain);

// Returns the scalar `value` (null, bool, number or string) as YAML text
// that reads back as the same JSON value. Floats always carry a "." so YAML
// 1.1 readers take them as floats; NaN and infinities are .nan and .inf.
std::string render_scalar(const nlohmann::json& value,
                          ScalarContext context = ScalarContext::block,
                          QuotePreference preference = QuotePreference::plain);

// Returns `value` as a single-line flow node: a scalar, "[a, b]" or
// "{a: 1, b: [x]}".
std::string render_flow(const nlohmann::json& value);

// Returns the text that follows "key:" for a mapping entry whose key starts
// at column `key_column` (0-based, in spaces): " scalar", " []", " [a, b]"
// (flow style) or, for block collections, `style.eol` followed by the
// indented lines (without a final line ending). Object keys come out in
// nlohmann::json's (sorted) order.
std::string render_entry_value(const nlohmann::json& value, size_t key_column,
                               const YamlStyle& style);

// Returns the text that follows "- " for a block sequence item whose dash
// is at column `dash_column`: a scalar or flow node, or a block collection
// whose first line continues the dash's line.
std::string render_item_value(const nlohmann::json& value, size_t dash_column,
                              const YamlStyle& style);

// Returns a whole mapping entry "key: value" starting at column
// `key_column`, indentation included, without a final line ending.
std::string render_entry(std::string_view key, const nlohmann::json& value,
                         size_t key_column, const YamlStyle& style);

}  // namespace fmkit
