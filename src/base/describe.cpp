// SPDX-License-Identifier: MIT
#include "base/describe.hpp"

#include "base/utf8.hpp"

namespace fmkit {

namespace {

std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string shorten(std::string_view text, size_t limit) {
  size_t offset = 0;
  for (size_t points = 0; offset < text.size(); ++points) {
    if (points == limit) return std::string(text.substr(0, offset)) + "...";
    offset = next_code_point(text, offset);
  }
  return std::string(text);
}

std::string quote_text(std::string_view text) {
  // dump() escapes quotes and control characters.
  return dump(nlohmann::json(shorten(text)));
}

std::string describe_value(const nlohmann::json& value, ValueStyle style) {
  using Type = nlohmann::json::value_t;
  switch (value.type()) {
    case Type::string: {
      const auto& text = value.get_ref<const std::string&>();
      if (style == ValueStyle::subject) return "'" + shorten(text) + "'";
      return style == ValueStyle::typed ? "string " + quote_text(text)
                                        : quote_text(text);
    }
    case Type::boolean:
      return (style == ValueStyle::typed ? "boolean " : "") + dump(value);
    case Type::null:
      return "null";
    case Type::number_integer:
    case Type::number_unsigned:
    case Type::number_float:
      return (style == ValueStyle::typed ? "number " : "") + dump(value);
    case Type::array:
    case Type::object:
      if (style == ValueStyle::typed) {
        return value.is_array() ? "an array" : "an object";
      }
      return shorten(dump(value));
    default:
      return "a value";
  }
}

std::string count_noun(uint64_t n, std::string_view singular) {
  std::string out = std::to_string(n) + " " + std::string(singular);
  if (n != 1) out += 's';
  return out;
}

}  // namespace fmkit
