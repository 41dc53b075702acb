// SPDX-License-Identifier: MIT
//
// FieldPath: a field named by a migration, either a top-level key name
// ("status") or a JSON Pointer ("/links/0/url"), split into tokens, plus
// helpers that find, create and erase values by path in the JSON model of a
// document. Array tokens are decimal indexes. Pure; thread-safe.
#pragma once

#include "base/expected.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

struct FieldPath {
  std::string text;                 // as written ("status", "/seo/title")
  std::vector<std::string> tokens;  // unescaped; never empty

  // Returns the JSON Pointer ("/seo/title").
  std::string pointer() const;
  // Returns the path of the parent (the root has no tokens) and the last
  // token.
  FieldPath parent() const;
  const std::string& leaf() const { return tokens.back(); }

  friend bool operator==(const FieldPath& a, const FieldPath& b) {
    return a.tokens == b.tokens;
  }
};

// Parses `text` as a key name or a JSON Pointer. Fails for "", "/" and
// pointers with an empty token ("/a//b"), with a lower-case message that
// quotes `text`.
Expected<FieldPath> parse_field_path(std::string_view text);

// Returns the JSON Pointer of `tokens` ("" for none).
std::string to_pointer(const std::vector<std::string>& tokens);

// Returns the value at `tokens` under `root`, or nullptr when a token is
// missing, is not a valid index, or walks into a scalar.
const nlohmann::json* find_value(const nlohmann::json& root,
                                 const std::vector<std::string>& tokens,
                                 size_t count = static_cast<size_t>(-1));
nlohmann::json* find_value(nlohmann::json& root,
                           const std::vector<std::string>& tokens,
                           size_t count = static_cast<size_t>(-1));

// Returns the number of leading tokens of `tokens` that exist in `root`.
size_t existing_prefix(const nlohmann::json& root,
                       const std::vector<std::string>& tokens);

// Parses an array index token ("0", "12"); returns false for anything else
// ("-1", "01", "x").
bool parse_index(std::string_view token, size_t& index);

}  // namespace fmkit
