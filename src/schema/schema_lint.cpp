// SPDX-License-Identifier: MIT
#include "base/json_pointer.hpp"
#include "schema/bundler.hpp"
#include "schema/keyword_reader.hpp"
#include "schema/keywords.hpp"
#include "schema/value_text.hpp"

#include <cmath>
#include <set>
#include <string_view>
#include <utility>

// What loads but checks nothing: warnings about the schema objects the walk
// found (see the rules in schema_registry.hpp). Draft-07 ignores what it
// does not know, so each of these is a check the author meant and no
// validator runs.

namespace fmkit {

namespace {

using nlohmann::json;

bool is_integral(const json& value) {
  if (value.is_number_integer()) return true;
  if (!value.is_number_float()) return false;
  double d = value.get<double>();
  return std::isfinite(d) && d == std::floor(d);
}

bool type_allows(unsigned types, const json& value) {
  using namespace type_bits;
  return ((types & k_null) && value.is_null()) ||
         ((types & k_boolean) && value.is_boolean()) ||
         ((types & k_object) && value.is_object()) ||
         ((types & k_array) && value.is_array()) ||
         ((types & k_number) && value.is_number()) ||
         ((types & k_string) && value.is_string()) ||
         ((types & k_integer) && is_integral(value));
}

// The type bits of a valid "type" value, read by the one reader of
// "type"; 0 when it is not valid (an error of its own).
unsigned read_types(const json& value) {
  CheckSpec spec;
  std::string out;
  std::function<int(const std::string&)> no_subschemas =
      [](const std::string&) { return -1; };
  if (!read_keyword(KeywordInput{"type", value, out, no_subschemas}, spec)) {
    return 0;
  }
  return spec.types;
}

}  // namespace

void Bundler::warn(const SchemaObject& object, std::string pointer,
                   std::string rule, std::string message, ProblemAt at) {
  SchemaProblem p = problem(object.file, std::move(pointer), std::move(rule),
                            std::move(message), at);
  p.severity = Severity::warning;
  m_warnings.push_back(std::move(p));
}

void Bundler::lint() {
  // Places a "$ref" reaches: a keyword no one knows is still data when a
  // ref points into it ({"components": {...}}, "#/components/x").
  std::set<std::pair<size_t, std::string>> referenced;
  for (const auto& [node, ref] : m_refs) {
    std::string pointer;
    for (const std::string& token : ref.target.tokens) {
      pointer = append_pointer(pointer, token);
      referenced.emplace(ref.target.file, pointer);
    }
  }
  for (const SchemaObject& object : m_schema_objects) {
    lint_object(object, referenced);
  }
}

void Bundler::lint_object(
    const SchemaObject& object,
    const std::set<std::pair<size_t, std::string>>& referenced) {
  bool has_ref = object.node->contains("$ref");
  for (const auto& [key, value] : object.node->items()) {
    std::string at = append_pointer(object.pointer, key);
    const Keyword* keyword = find_keyword(key);
    if (keyword == nullptr) {
      if (referenced.count({object.file, at}) != 0) continue;
      warn(object, at, "schema-file.unknown-keyword",
           *unknown_keyword_message(key), ProblemAt::key);
    } else if (has_ref && (keyword->role == KeywordRole::assertion ||
                           keyword->role == KeywordRole::applicator)) {
      warn(object, at, "schema-file.ref-sibling",
           "'" + key +
               "' next to '$ref' is ignored, so it checks nothing: draft-07 "
               "ignores the keywords beside a '$ref' (put both in 'allOf')",
           ProblemAt::key);
    } else if (key == "format" && value.is_string()) {
      if (auto message = unknown_format_message(value.get<std::string>())) {
        warn(object, at, "schema-file.unknown-format", *message,
             ProblemAt::value);
      }
    }
  }
  if (!has_ref) lint_enum_type(object);
}

// "enum" values and a "const" that the object's own "type" excludes: they
// can never match.
void Bundler::lint_enum_type(const SchemaObject& object) {
  const json& node = *object.node;
  auto type = node.find("type");
  if (type == node.end()) return;
  unsigned types = read_types(*type);
  if (types == 0) return;
  std::string allows = "'type' allows only " + describe_types(types);
  auto values = node.find("enum");
  if (values != node.end() && values->is_array()) {
    for (size_t i = 0; i < values->size(); ++i) {
      const json& value = (*values)[i];
      if (type_allows(types, value)) continue;
      warn(object,
           append_pointer(append_pointer(object.pointer, "enum"),
                          std::to_string(i)),
           "schema-file.enum-type",
           "'enum' lists " + describe_value(value, ValueStyle::typed) +
               ", but " + allows + ": that value can never match",
           ProblemAt::value);
    }
  }
  auto constant = node.find("const");
  if (constant != node.end() && !type_allows(types, *constant)) {
    warn(object, append_pointer(object.pointer, "const"),
         "schema-file.enum-type",
         "'const' is " + describe_value(*constant, ValueStyle::typed) +
             ", but " + allows + ": no value can match",
         ProblemAt::value);
  }
}

}  // namespace fmkit
