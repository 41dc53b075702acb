// SPDX-License-Identifier: MIT
#include "migrate/field_path.hpp"

#include "base/json_pointer.hpp"

#include <algorithm>

namespace fmkit {

std::string FieldPath::pointer() const { return to_pointer(tokens); }

FieldPath FieldPath::parent() const {
  FieldPath out;
  out.tokens.assign(tokens.begin(), tokens.end() - 1);
  out.text = out.pointer();
  return out;
}

Expected<FieldPath> parse_field_path(std::string_view text) {
  if (text.empty()) return unexpected("empty field name");
  FieldPath path;
  path.text = std::string(text);
  path.tokens = split_pointer(text);
  if (path.tokens.empty()) {
    return unexpected("field '" + path.text + "' names the whole document");
  }
  for (const std::string& token : path.tokens) {
    if (token.empty()) {
      return unexpected("field '" + path.text + "' has an empty token");
    }
  }
  return path;
}

std::string to_pointer(const std::vector<std::string>& tokens) {
  std::string out;
  for (const std::string& token : tokens) out = append_pointer(out, token);
  return out;
}

bool parse_index(std::string_view token, size_t& index) {
  if (token.empty() || token.size() > 9) return false;
  if (token.size() > 1 && token.front() == '0') return false;
  size_t value = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<size_t>(c - '0');
  }
  index = value;
  return true;
}

const nlohmann::json* find_value(const nlohmann::json& root,
                                 const std::vector<std::string>& tokens,
                                 size_t count) {
  const nlohmann::json* node = &root;
  count = std::min(count, tokens.size());
  for (size_t i = 0; i < count; ++i) {
    const std::string& token = tokens[i];
    if (node->is_object()) {
      auto it = node->find(token);
      if (it == node->end()) return nullptr;
      node = &*it;
    } else if (node->is_array()) {
      size_t index = 0;
      if (!parse_index(token, index) || index >= node->size()) return nullptr;
      node = &(*node)[index];
    } else {
      return nullptr;
    }
  }
  return node;
}

nlohmann::json* find_value(nlohmann::json& root,
                           const std::vector<std::string>& tokens,
                           size_t count) {
  return const_cast<nlohmann::json*>(
      find_value(static_cast<const nlohmann::json&>(root), tokens, count));
}

size_t existing_prefix(const nlohmann::json& root,
                       const std::vector<std::string>& tokens) {
  size_t n = 0;
  while (n < tokens.size() && find_value(root, tokens, n + 1) != nullptr) ++n;
  return n;
}

}  // namespace fmkit
