// SPDX-License-Identifier: MIT
#include "schema/schema_error.hpp"

#include <charconv>

namespace fmkit {

namespace {

constexpr char k_separator = '\x1f';

// valijson 1.0's texts for errors that only say a child failed.
constexpr std::string_view k_cascades[] = {
    "Failed to validate against schema associated with property name '",
    "Failed to validate item #",
    "Failed to validate against child schema #",
    "Failed to validate against additional properties schema",
    "Failed to validate against schema associated with pattern '",
    "Failed to validate against dependent schema.",
    "Failed to validate against a conditional schema set by if-then-else",
    "Failed to validate against any schemas allowed by anyOf constraint.",
    "Failed to validate against any child schemas allowed by oneOf constraint.",
    // Pushed together with "Array contains more items than allowed ...".
    "Cannot validate item #",
};

}  // namespace

std::string encode_error(std::string_view rule, Anchor anchor,
                         std::string_view key, std::string_view message) {
  std::string out;
  out.reserve(rule.size() + key.size() + message.size() + 16);
  out += k_error_marker;
  out += rule;
  out += k_separator;
  out += static_cast<char>(anchor);
  out += std::to_string(key.size());
  out += ':';
  out += key;
  out += message;
  return out;
}

std::optional<SchemaError> decode_error(std::string_view description) {
  if (description.empty() || description[0] != k_error_marker)
    return std::nullopt;
  size_t separator = description.find(k_separator);
  if (separator == std::string_view::npos ||
      separator + 2 > description.size()) {
    return std::nullopt;
  }
  SchemaError error;
  error.rule = description.substr(1, separator - 1);
  error.anchor = static_cast<Anchor>(description[separator + 1]);
  size_t colon = description.find(':', separator + 2);
  if (colon == std::string_view::npos) return std::nullopt;
  size_t length = 0;
  std::string_view digits =
      description.substr(separator + 2, colon - separator - 2);
  auto [end, ec] =
      std::from_chars(digits.data(), digits.data() + digits.size(), length);
  if (ec != std::errc() || end != digits.data() + digits.size() ||
      colon + 1 + length > description.size()) {
    return std::nullopt;
  }
  error.key = description.substr(colon + 1, length);
  error.message = description.substr(colon + 1 + length);
  return error;
}

bool is_cascade(std::string_view description) {
  for (std::string_view cascade : k_cascades) {
    if (description.starts_with(cascade)) return true;
  }
  return false;
}

}  // namespace fmkit
