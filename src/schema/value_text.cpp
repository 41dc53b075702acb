// SPDX-License-Identifier: MIT
#include "schema/value_text.hpp"

#include "base/spelling.hpp"
#include "schema/compiled_schema.hpp"
#include "schema/schema_error.hpp"

#include <utility>

namespace fmkit {

namespace {

constexpr size_t k_max_quoted = 60;  // code points of a quoted value
constexpr size_t k_max_listed = 20;  // allowed values listed in a message

// Cuts `text` after `limit` code points, marking the cut with "...".
std::string shorten(std::string_view text, size_t limit) {
  size_t points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 &&
        points++ == limit) {
      return std::string(text.substr(0, i)) + "...";
    }
  }
  return std::string(text);
}

std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string quote(std::string_view text) {
  // dump() escapes quotes and control characters.
  return dump(nlohmann::json(shorten(text, k_max_quoted)));
}

std::string describe_value(const nlohmann::json& value, ValueStyle style) {
  using Type = nlohmann::json::value_t;
  switch (value.type()) {
    case Type::string: {
      const auto& text = value.get_ref<const std::string&>();
      if (style == ValueStyle::subject)
        return "'" + shorten(text, k_max_quoted) + "'";
      return style == ValueStyle::typed ? "string " + quote(text) : quote(text);
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
      if (style != ValueStyle::literal)
        return value.is_array() ? "an array" : "an object";
      return shorten(dump(value), k_max_quoted);
    default:
      return "a value";
  }
}

std::string plural(uint64_t count, std::string_view word) {
  std::string out = std::to_string(count) + " " + std::string(word);
  if (count != 1) out += 's';
  return out;
}

std::string describe_types(unsigned types) {
  using namespace type_bits;
  // "integer" is implied by "number".
  if (types & k_number) types &= ~k_integer;
  static constexpr std::pair<unsigned, const char*> k_names[] = {
      {k_string, "a string"},    {k_number, "a number"},
      {k_integer, "an integer"}, {k_boolean, "a boolean"},
      {k_array, "an array"},     {k_object, "an object"},
      {k_null, "null"},
  };
  std::vector<const char*> names;
  for (const auto& [bit, name] : k_names) {
    if (types & bit) names.push_back(name);
  }
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0)
      out +=
          i + 1 == names.size() ? (names.size() > 2 ? ", or " : " or ") : ", ";
    out += names[i];
  }
  return out;
}

std::string enum_message(const nlohmann::json& value,
                         const std::vector<const nlohmann::json*>& allowed) {
  std::vector<std::string> names;
  std::string listed;
  size_t count = 0;
  for (const nlohmann::json* option : allowed) {
    std::string name = option->is_string()
                           ? option->get<std::string>()
                           : describe_value(*option, ValueStyle::literal);
    if (count++ < k_max_listed) {
      if (!listed.empty()) listed += ", ";
      listed += name;
    }
    if (option->is_string()) names.push_back(std::move(name));
  }
  if (count > k_max_listed) {
    listed += ", ... (" + std::to_string(count - k_max_listed) + " more)";
  }
  std::string message = describe_value(value, ValueStyle::subject) +
                        " is not an allowed value for " + k_field_mark +
                        "; expected one of: " + listed;
  if (value.is_string()) {
    if (auto near =
            suggest_spelling(value.get_ref<const std::string&>(), names)) {
      message += " (did you mean '" + *near + "'?)";
    }
  }
  return message;
}

}  // namespace fmkit
