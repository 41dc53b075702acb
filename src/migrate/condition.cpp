// SPDX-License-Identifier: MIT
#include "migrate/condition.hpp"

#include "base/json_pointer.hpp"
#include "base/spelling.hpp"
#include "migrate/migration_source.hpp"

#include <algorithm>

namespace fmkit {
namespace {

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

std::optional<Condition> parse_condition(MigrationSource& source,
                                         const std::string& pointer,
                                         const nlohmann::json& node) {
  static const std::vector<std::string> k_names = {
      "field", "equals", "in", "contains", "exists", "matches", "path", "not"};
  size_t errors_before = source.errors().size();
  if (!node.is_object() || node.empty()) {
    source.error(pointer, "a 'where' condition must be a non-empty mapping, "
                          "got " + describe_value(node));
    return std::nullopt;
  }
  Condition condition;
  auto at = [&](std::string_view key) { return append_pointer(pointer, key); };
  for (const auto& [key, value] : node.items()) {
    if (std::find(k_names.begin(), k_names.end(), key) == k_names.end()) {
      source.error(at(key),
                   "unknown condition '" + key + "'" +
                       did_you_mean(key, k_names),
                   true);
    }
  }
  if (auto it = node.find("field"); it != node.end()) {
    Expected<FieldPath> field =
        it->is_string() ? parse_field_path(it->get<std::string>())
                        : Expected<FieldPath>(unexpected(
                              "'field' must be a string, got " +
                              describe_value(*it)));
    if (field) {
      condition.field = std::move(field).value();
    } else {
      source.error(at("field"), field.error());
    }
  }
  if (auto it = node.find("equals"); it != node.end()) condition.equals = *it;
  if (auto it = node.find("contains"); it != node.end()) {
    condition.contains = *it;
  }
  if (auto it = node.find("in"); it != node.end()) {
    if (it->is_array()) {
      condition.in = std::vector<nlohmann::json>(it->begin(), it->end());
    } else {
      source.error(at("in"), "'in' must be a list, got " + describe_value(*it));
    }
  }
  if (auto it = node.find("exists"); it != node.end()) {
    if (it->is_boolean()) {
      condition.exists = it->get<bool>();
    } else {
      source.error(at("exists"), "'exists' must be true or false, got " +
                                     describe_value(*it));
    }
  }
  if (auto it = node.find("matches"); it != node.end()) {
    if (!it->is_string()) {
      source.error(at("matches"),
                   "'matches' must be a string, got " + describe_value(*it));
    } else {
      auto regex = compile_ecma_regex(it->get_ref<const std::string&>());
      if (regex) {
        condition.matches = std::move(*regex);
      } else {
        source.error(at("matches"), "invalid regular expression " +
                                        describe_value(*it) + ": " +
                                        regex.error());
      }
    }
  }
  if (auto it = node.find("path"); it != node.end()) {
    Expected<Glob> glob =
        it->is_string()
            ? Glob::compile(it->get_ref<const std::string&>())
            : Expected<Glob>(unexpected("'path' must be a glob, got " +
                                        describe_value(*it)));
    if (glob) {
      condition.path = std::move(glob).value();
    } else {
      source.error(at("path"), glob.error());
    }
  }
  if (auto it = node.find("not"); it != node.end()) {
    std::optional<Where> inner = parse_where(source, at("not"), *it);
    if (inner) condition.none_of = std::move(inner->all);
  }
  bool value_test = node.contains("equals") || node.contains("in") ||
                    node.contains("contains") || node.contains("exists") ||
                    node.contains("matches");
  if (value_test && !node.contains("field")) {
    source.error(pointer, "a 'where' condition that tests a value needs "
                          "'field'");
  }
  if (node.contains("field") && !value_test) {
    source.error(pointer, "a 'where' condition on 'field' needs one of "
                          "'equals', 'in', 'contains', 'exists', 'matches'");
  }
  if (source.errors().size() != errors_before) return std::nullopt;
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
