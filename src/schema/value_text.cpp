// SPDX-License-Identifier: MIT
#include "schema/value_text.hpp"

#include "base/spelling.hpp"
#include "schema/compiled_schema.hpp"
#include "schema/schema_error.hpp"

#include <utility>

namespace fmkit {

namespace {

constexpr size_t k_max_listed = 20;  // allowed values listed in a message

}  // namespace

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
    message += did_you_mean(value.get_ref<const std::string&>(), names);
  }
  return message;
}

}  // namespace fmkit
