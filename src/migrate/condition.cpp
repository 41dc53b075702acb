// SPDX-License-Identifier: MIT
#include "migrate/condition.hpp"

#include "base/describe.hpp"
#include "base/json_pointer.hpp"
#include "base/spelling.hpp"
#include "migrate/migration_source.hpp"

#include <algorithm>

namespace fmkit {
namespace {

using nlohmann::json;

bool holds(const Condition& condition, const nlohmann::json& data,
           std::string_view path) {
  if (condition.path && !condition.path->matches(path)) return false;
  for (const Condition& inner : condition.none_of) {
    if (holds(inner, data, path)) return false;
  }
  if (!condition.field) return true;
  const nlohmann::json* value = find_value(data, condition.field->tokens);
  if (condition.exists && (value != nullptr) != *condition.exists) {
    return false;
  }
  bool needs_value = condition.equals || condition.in || condition.contains ||
                     condition.matches;
  if (!needs_value) return true;
  if (value == nullptr) return false;
  if (condition.equals && *value != *condition.equals) return false;
  if (condition.in && std::find(condition.in->begin(), condition.in->end(),
                                *value) == condition.in->end()) {
    return false;
  }
  if (condition.contains) {
    bool found = false;
    if (value->is_array()) {
      found = std::find(value->begin(), value->end(), *condition.contains) !=
              value->end();
    } else if (value->is_string() && condition.contains->is_string()) {
      found = value->get_ref<const std::string&>().find(
                  condition.contains->get_ref<const std::string&>()) !=
              std::string::npos;
    }
    if (!found) return false;
  }
  if (condition.matches) {
    if (!value->is_string()) return false;
    if (!regex_search(*condition.matches,
                      value->get_ref<const std::string&>())) {
      return false;
    }
  }
  return true;
}

// Reads the argument `key` of the condition `node` at `pointer` into `out`
// with `read`, which returns an Expected of it; reports a failure at the
// argument's value.
template <typename T, typename Read>
void read_argument(MigrationSource& source, const std::string& pointer,
                   const json& node, std::string_view key, Read read,
                   std::optional<T>& out) {
  auto it = node.find(key);
  if (it == node.end()) return;
  auto value = read(*it);
  if (value) {
    out = std::move(*value);
  } else {
    source.error(append_pointer(pointer, key), value.error());
  }
}

Expected<FieldPath> read_field(const json& value) {
  if (!value.is_string()) {
    return unexpected("'field' must be a string, got " +
                      describe_value(value, ValueStyle::subject));
  }
  return parse_field_path(value.get_ref<const std::string&>());
}

Expected<std::vector<json>> read_in(const json& value) {
  if (!value.is_array()) {
    return unexpected("'in' must be a list, got " +
                      describe_value(value, ValueStyle::subject));
  }
  return std::vector<json>(value.begin(), value.end());
}

Expected<bool> read_exists(const json& value) {
  if (!value.is_boolean()) {
    return unexpected("'exists' must be true or false, got " +
                      describe_value(value, ValueStyle::subject));
  }
  return value.get<bool>();
}

Expected<std::shared_ptr<const RE2>> read_matches(const json& value) {
  if (!value.is_string()) {
    return unexpected("'matches' must be a string, got " +
                      describe_value(value, ValueStyle::subject));
  }
  auto regex = compile_ecma_regex(value.get_ref<const std::string&>());
  if (!regex) {
    return unexpected("invalid regular expression " +
                      describe_value(value, ValueStyle::subject) + ": " +
                      regex.error());
  }
  return regex;
}

Expected<Glob> read_path(const json& value) {
  if (!value.is_string()) {
    return unexpected("'path' must be a glob, got " +
                      describe_value(value, ValueStyle::subject));
  }
  return Glob::compile(value.get_ref<const std::string&>());
}

std::optional<Condition> parse_condition(MigrationSource& source,
                                         const std::string& pointer,
                                         const json& node) {
  static const std::vector<std::string> k_names = {
      "field", "equals", "in", "contains", "exists", "matches", "path", "not"};
  size_t errors_before = source.error_count();
  if (!node.is_object() || node.empty()) {
    source.error(pointer,
                 "a 'where' condition must be a non-empty mapping, "
                 "got " +
                     describe_value(node, ValueStyle::subject));
    return std::nullopt;
  }
  for (const auto& [key, value] : node.items()) {
    if (std::find(k_names.begin(), k_names.end(), key) == k_names.end()) {
      source.error(
          append_pointer(pointer, key),
          "unknown condition '" + key + "'" + did_you_mean(key, k_names),
          Place::key, "migration.unknown-key");
    }
  }
  Condition condition;
  if (auto it = node.find("equals"); it != node.end()) condition.equals = *it;
  if (auto it = node.find("contains"); it != node.end()) {
    condition.contains = *it;
  }
  read_argument(source, pointer, node, "field", read_field, condition.field);
  read_argument(source, pointer, node, "in", read_in, condition.in);
  read_argument(source, pointer, node, "exists", read_exists, condition.exists);
  std::optional<std::shared_ptr<const RE2>> matches;
  read_argument(source, pointer, node, "matches", read_matches, matches);
  if (matches) condition.matches = std::move(*matches);
  read_argument(source, pointer, node, "path", read_path, condition.path);
  if (auto it = node.find("not"); it != node.end()) {
    std::optional<Where> inner =
        parse_where(source, append_pointer(pointer, "not"), *it);
    if (inner) condition.none_of = std::move(inner->all);
  }
  bool value_test = node.contains("equals") || node.contains("in") ||
                    node.contains("contains") || node.contains("exists") ||
                    node.contains("matches");
  if (value_test && !node.contains("field")) {
    source.error(pointer,
                 "a 'where' condition that tests a value needs "
                 "'field'");
  }
  if (node.contains("field") && !value_test) {
    source.error(pointer,
                 "a 'where' condition on 'field' needs one of "
                 "'equals', 'in', 'contains', 'exists', 'matches'");
  }
  if (source.error_count() != errors_before) return std::nullopt;
  return condition;
}

}  // namespace

bool evaluate(const Where& where, const nlohmann::json& data,
              std::string_view path) {
  return std::all_of(where.all.begin(), where.all.end(),
                     [&](const Condition& c) { return holds(c, data, path); });
}

std::optional<Where> parse_where(MigrationSource& source,
                                 const std::string& pointer,
                                 const nlohmann::json& node) {
  Where where;
  bool ok = true;
  if (node.is_array()) {
    if (node.empty()) {
      source.error(pointer, "'where' must not be an empty list");
      return std::nullopt;
    }
    for (size_t i = 0; i < node.size(); ++i) {
      auto condition = parse_condition(
          source, append_pointer(pointer, std::to_string(i)), node[i]);
      if (condition) {
        where.all.push_back(std::move(*condition));
      } else {
        ok = false;
      }
    }
  } else {
    auto condition = parse_condition(source, pointer, node);
    if (condition) {
      where.all.push_back(std::move(*condition));
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return where;
}

}  // namespace fmkit
