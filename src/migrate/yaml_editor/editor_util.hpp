// SPDX-License-Identifier: MIT
//
// Small helpers shared by the parts of YamlEditor (yaml_editor/*.cpp): kinds
// of nodes, characters and pointers. Internal to migrate/; pure.
#pragma once

#include "base/utf8.hpp"
#include "document/position_map.hpp"
#include "migrate/yaml_writer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <string_view>

namespace fmkit::editor_util {

using fmkit::is_blank;

inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Returns the pointer of the parent of `pointer` ("" for a top-level key).
inline std::string_view parent_of(std::string_view pointer) {
  size_t slash = pointer.rfind('/');
  return slash == std::string_view::npos ? std::string_view()
                                         : pointer.substr(0, slash);
}

inline bool is_scalar(const nlohmann::json& value) {
  return !value.is_array() && !value.is_object();
}

inline bool all_scalars(const nlohmann::json& array) {
  return std::all_of(array.begin(), array.end(), is_scalar);
}

inline std::string spaces(size_t n) { return std::string(n, ' '); }

// The quoting of the scalar `info`, to keep when it is replaced.
inline QuotePreference quote_preference(const NodeInfo& info) {
  if (info.kind != NodeKind::scalar) return QuotePreference::plain;
  switch (info.style) {
    case ScalarStyle::single_quoted:
      return QuotePreference::single_quoted;
    case ScalarStyle::double_quoted:
      return QuotePreference::double_quoted;
    default:
      return QuotePreference::plain;
  }
}

inline bool is_block_scalar(const NodeInfo& info) {
  return info.kind == NodeKind::scalar && !info.alias &&
         (info.style == ScalarStyle::literal ||
          info.style == ScalarStyle::folded);
}

// A mapping or sequence written in block style (not an alias to one).
inline bool is_block_collection(const NodeInfo& info) {
  return info.kind != NodeKind::scalar && !info.flow && !info.alias;
}

inline std::string_view trim_left(std::string_view s) {
  size_t first = s.find_first_not_of(" \t");
  return first == std::string_view::npos ? std::string_view() : s.substr(first);
}

// Whether the scalar `info`, written `own` on one line, can stand in a flow
// collection as it is (not a block scalar, nor a plain scalar holding a
// flow indicator).
inline bool fits_in_flow(const NodeInfo& info, std::string_view own) {
  if (own.empty() || own.find('\n') != std::string_view::npos) return false;
  if (is_block_scalar(info)) return false;
  return info.style != ScalarStyle::plain ||
         own.find_first_of(",[]{}") == std::string_view::npos;
}

}  // namespace fmkit::editor_util
