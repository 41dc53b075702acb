// SPDX-License-Identifier: MIT
#include "schema/keyword_reader.hpp"

#include "base/json_pointer.hpp"
#include "base/spelling.hpp"
#include "schema/ecma_regex.hpp"
#include "schema/formats.hpp"
#include "schema/schema_uri.hpp"
#include "schema/value_text.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>
#include <vector>

namespace fmkit {

namespace {

using nlohmann::json;
using Result = Expected<void, KeywordProblem>;

Unexpected<KeywordProblem> refuse(std::string message, std::string where = "",
                                  ProblemAt at = ProblemAt::value) {
  return unexpected(KeywordProblem{std::move(message), std::move(where), at});
}

// "'minLength' must be a non-negative integer, got number -1"
Unexpected<KeywordProblem> must_be(const KeywordInput& in,
                                   std::string_view what) {
  return refuse("'" + std::string(in.keyword) + "' must be " +
                std::string(what) + ", got " +
                describe_value(in.value, ValueStyle::typed));
}

bool is_schema_shape(const json& node) {
  return node.is_object() || node.is_boolean();
}

std::optional<uint64_t> read_count(const json& value) {
  if (value.is_number_unsigned()) return value.get<uint64_t>();
  if (value.is_number_integer()) {
    int64_t n = value.get<int64_t>();
    if (n >= 0) return static_cast<uint64_t>(n);
    return std::nullopt;
  }
  if (value.is_number_float()) {
    double d = value.get<double>();
    if (d >= 0 && d == std::floor(d) && d < 1.8e19)
      return static_cast<uint64_t>(d);
  }
  return std::nullopt;
}

Expected<PatternRule, std::string> compile_pattern(const std::string& source) {
  auto regex = compile_ecma_regex(source);
  if (!regex)
    return unexpected("invalid pattern '" + source + "': " + regex.error());
  PatternRule rule;
  rule.source = source;
  rule.regex = std::move(*regex);
  return rule;
}

// Readers of one keyword each; `count` and `number` serve several.
using Reader = Result (*)(const KeywordInput&, CheckSpec&);

template <std::optional<uint64_t> CheckSpec::*field>
Result read_count_into(const KeywordInput& in, CheckSpec& spec) {
  spec.*field = read_count(in.value);
  if (!(spec.*field)) return must_be(in, "a non-negative integer");
  return {};
}

template <std::optional<json> CheckSpec::*field>
Result read_number_into(const KeywordInput& in, CheckSpec& spec) {
  if (!in.value.is_number()) return must_be(in, "a number");
  spec.*field = in.value;
  return {};
}

// "unknown type 'int' in 'type' (did you mean 'integer'?)": a near
// spelling, or the JSON Schema name of another language's type name.
std::string unknown_type_message(const std::string& text) {
  static const std::vector<std::string> k_names = {
      "array", "boolean", "integer", "null", "number", "object", "string"};
  static const std::map<std::string, std::string, std::less<>> k_aliases = {
      {"bool", "boolean"}, {"dict", "object"}, {"double", "number"},
      {"float", "number"}, {"int", "integer"}, {"list", "array"},
      {"map", "object"},   {"none", "null"},   {"str", "string"},
  };
  std::string message = "unknown type '" + text + "' in 'type'";
  auto alias = k_aliases.find(text);
  std::string hint = alias != k_aliases.end()
                         ? did_you_mean(alias->second, {alias->second})
                         : did_you_mean(text, k_names);
  if (!hint.empty()) return message + hint;
  return message +
         "; expected one of: array, boolean, integer, null, number, object, "
         "string";
}

Result read_type(const KeywordInput& in, CheckSpec& spec) {
  static const std::map<std::string, unsigned, std::less<>> k_types = {
      {"array", type_bits::k_array},     {"boolean", type_bits::k_boolean},
      {"integer", type_bits::k_integer}, {"null", type_bits::k_null},
      {"number", type_bits::k_number},   {"object", type_bits::k_object},
      {"string", type_bits::k_string},
  };
  bool list = in.value.is_array();
  if (!in.value.is_string() && !(list && !in.value.empty())) {
    return must_be(in, "a type name or a non-empty list of them");
  }
  for (size_t i = 0; i < (list ? in.value.size() : 1); ++i) {
    const json& name = list ? in.value[i] : in.value;
    std::string where = list ? "/" + std::to_string(i) : "";
    if (!name.is_string()) {
      return refuse("'type' must list type names, got " +
                        describe_value(name, ValueStyle::typed),
                    where);
    }
    const std::string& text = name.get_ref<const std::string&>();
    auto it = k_types.find(text);
    if (it == k_types.end()) {
      return refuse(unknown_type_message(text), where);
    }
    spec.types |= it->second;
  }
  return {};
}

Result read_enum(const KeywordInput& in, CheckSpec& spec) {
  if (!in.value.is_array()) return must_be(in, "an array");
  spec.enum_values = std::vector<json>(in.value.begin(), in.value.end());
  return {};
}

Result read_const(const KeywordInput& in, CheckSpec& spec) {
  spec.const_value = in.value;
  return {};
}

Result read_format(const KeywordInput& in, CheckSpec& spec) {
  // Unknown formats are ignored, as draft-07 allows.
  if (in.value.is_string())
    spec.format = find_format(in.value.get<std::string>());
  return {};
}

Result read_pattern(const KeywordInput& in, CheckSpec& spec) {
  if (!in.value.is_string()) return must_be(in, "a string");
  auto rule = compile_pattern(in.value.get<std::string>());
  if (!rule) return refuse(rule.error());
  spec.pattern = std::move(*rule);
  return {};
}

Result read_unique_items(const KeywordInput& in, CheckSpec& spec) {
  if (!in.value.is_boolean()) return must_be(in, "a boolean");
  spec.unique_items = in.value.get<bool>();
  return {};
}

Result read_multiple_of(const KeywordInput& in, CheckSpec& spec) {
  if (!in.value.is_number() || !(in.value.get<double>() > 0)) {
    return must_be(in, "a number greater than 0");
  }
  spec.multiple_of = in.value;
  return {};
}

Result read_required(const KeywordInput& in, CheckSpec& spec) {
  if (!in.value.is_array()) return must_be(in, "an array of strings");
  for (size_t i = 0; i < in.value.size(); ++i) {
    if (!in.value[i].is_string()) {
      return refuse("'required' must list strings, got " +
                        describe_value(in.value[i], ValueStyle::typed),
                    "/" + std::to_string(i));
    }
    spec.required.push_back(in.value[i].get<std::string>());
  }
  return {};
}

Result read_pattern_properties(const KeywordInput& in, CheckSpec& spec) {
  if (!in.value.is_object()) return must_be(in, "an object");
  spec.checks_members = true;
  for (const auto& [source, schema] : in.value.items()) {
    std::string where = append_pointer("", source);
    auto rule = compile_pattern(source);
    if (!rule) return refuse(rule.error(), where, ProblemAt::key);
    if (!accepts_all(schema)) {
      rule->subschema = in.add_subschema(in.out + "/" + encode_token(source));
    }
    spec.pattern_properties.push_back(std::move(*rule));
  }
  return {};
}

Result read_additional_properties(const KeywordInput& in, CheckSpec& spec) {
  spec.checks_members = true;
  if (in.value.is_boolean()) {
    spec.additional =
        in.value.get<bool>() ? Additional::allowed : Additional::forbidden;
  } else if (in.value.is_object()) {
    if (!accepts_all(in.value)) {
      spec.additional = Additional::schema;
      spec.additional_schema = in.add_subschema(in.out);
    }
  } else {
    return must_be(in, "a schema (an object or a boolean)");
  }
  return {};
}

Result read_property_names(const KeywordInput& in, CheckSpec& spec) {
  if (!is_schema_shape(in.value))
    return must_be(in, "a schema (an object or a boolean)");
  if (!accepts_all(in.value))
    spec.property_names_schema = in.add_subschema(in.out);
  return {};
}

Result read_branches(const KeywordInput& in, CheckSpec& spec) {
  if (!in.value.is_array() || in.value.empty()) {
    return must_be(in, "a non-empty array of schemas");
  }
  std::vector<Branch>& branches =
      in.keyword == "anyOf" ? spec.any_of : spec.one_of;
  for (size_t i = 0; i < in.value.size(); ++i) {
    std::string index = std::to_string(i);
    if (!is_schema_shape(in.value[i])) {
      return refuse("'" + std::string(in.keyword) +
                        "' must hold schemas (objects or booleans), got " +
                        describe_value(in.value[i], ValueStyle::typed),
                    "/" + index);
    }
    Branch branch;
    branch.schema = in.add_subschema(in.out + "/" + index);
    branches.push_back(std::move(branch));
  }
  return {};
}

// "id" is not a draft-07 keyword, but valijson would let it change the
// resolution scope: renamed, and otherwise ignored.
Result ignore(const KeywordInput&, CheckSpec&) { return {}; }

const std::map<std::string_view, Reader>& readers() {
  static const std::map<std::string_view, Reader> k_readers = {
      {"type", read_type},
      {"enum", read_enum},
      {"const", read_const},
      {"format", read_format},
      {"pattern", read_pattern},
      {"minLength", read_count_into<&CheckSpec::min_length>},
      {"maxLength", read_count_into<&CheckSpec::max_length>},
      {"minItems", read_count_into<&CheckSpec::min_items>},
      {"maxItems", read_count_into<&CheckSpec::max_items>},
      {"uniqueItems", read_unique_items},
      {"minimum", read_number_into<&CheckSpec::minimum>},
      {"maximum", read_number_into<&CheckSpec::maximum>},
      {"exclusiveMinimum", read_number_into<&CheckSpec::exclusive_minimum>},
      {"exclusiveMaximum", read_number_into<&CheckSpec::exclusive_maximum>},
      {"multipleOf", read_multiple_of},
      {"required", read_required},
      {"minProperties", read_count_into<&CheckSpec::min_properties>},
      {"maxProperties", read_count_into<&CheckSpec::max_properties>},
      {"patternProperties", read_pattern_properties},
      {"additionalProperties", read_additional_properties},
      {"propertyNames", read_property_names},
      {"anyOf", read_branches},
      {"oneOf", read_branches},
      {"id", ignore},
  };
  return k_readers;
}

}  // namespace

bool is_own_keyword(std::string_view keyword) {
  return readers().count(keyword) != 0;
}

std::vector<std::string_view> own_keywords() {
  std::vector<std::string_view> names;
  for (const auto& [name, reader] : readers()) names.push_back(name);
  return names;
}

Expected<void, KeywordProblem> read_keyword(const KeywordInput& input,
                                            CheckSpec& spec) {
  auto it = readers().find(input.keyword);
  if (it == readers().end()) return {};
  return it->second(input, spec);
}

bool accepts_all(const json& schema) {
  return (schema.is_boolean() && schema.get<bool>()) ||
         (schema.is_object() && schema.empty());
}

}  // namespace fmkit
