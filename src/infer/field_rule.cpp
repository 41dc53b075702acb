// SPDX-License-Identifier: MIT
#include "infer/field_rule.hpp"

#include <algorithm>
#include <numeric>

namespace fmkit {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

size_t index_of(JsonType type) { return static_cast<size_t>(type); }

// The types a schema names, numbers counted together: integers and numbers
// with a fraction are one shape; which of the two the schema says is
// decided among the numbers alone.
enum class Kind { null, boolean, numeric, string, array, object };
constexpr size_t k_kind_count = 6;

uint64_t kind_count(const FieldStats& stats, Kind kind) {
  switch (kind) {
    case Kind::null:
      return stats.count(JsonType::null);
    case Kind::boolean:
      return stats.count(JsonType::boolean);
    case Kind::numeric:
      return stats.count(JsonType::integer) + stats.count(JsonType::number);
    case Kind::string:
      return stats.count(JsonType::string);
    case Kind::array:
      return stats.count(JsonType::array);
    case Kind::object:
      return stats.count(JsonType::object);
  }
  return 0;
}

// Allows the types of `stats`, leaving out the smallest minorities while
// together they stay within the allowance; a minority of floats among
// integers is left out the same way (the schema says integer).
void decide_types(const FieldStats& stats, const InferOptions& options,
                  FieldRule& rule) {
  std::vector<std::pair<uint64_t, size_t>> kinds;  // count, kind
  for (size_t k = 0; k < k_kind_count; ++k) {
    uint64_t n = kind_count(stats, static_cast<Kind>(k));
    if (n > 0) kinds.emplace_back(n, k);
  }
  // Most frequent first; ties in the order of Kind.
  std::stable_sort(
      kinds.begin(), kinds.end(),
      [](const auto& a, const auto& b) { return a.first > b.first; });
  uint64_t budget = options.allowance(stats.values);
  size_t kept = kinds.size();
  while (kept > 1 && kinds[kept - 1].first <= budget) {
    budget -= kinds[kept - 1].first;
    --kept;
  }
  for (size_t i = 0; i < kept; ++i) {
    Kind kind = static_cast<Kind>(kinds[i].second);
    rule.allowed_count += kinds[i].first;
    if (kind != Kind::numeric) {
      constexpr JsonType k_types[] = {JsonType::null,    JsonType::boolean,
                                      JsonType::integer, JsonType::string,
                                      JsonType::array,   JsonType::object};
      JsonType type = k_types[kinds[i].second];
      rule.allowed[index_of(type)] = true;
      rule.schema_types.push_back(type);
      continue;
    }
    uint64_t floats = stats.count(JsonType::number);
    bool integers_only =
        floats == 0 || (stats.count(JsonType::integer) > 0 &&
                        floats <= options.allowance(kinds[i].first));
    rule.allowed[index_of(JsonType::integer)] = true;
    if (integers_only) {
      rule.allowed_count -= floats;
      rule.schema_types.push_back(JsonType::integer);
    } else {
      rule.allowed[index_of(JsonType::number)] = true;
      rule.schema_types.push_back(JsonType::number);
    }
  }
}

// An enum when the strings recur: every member seen often enough, few
// members, and the rest (rare values) within the allowance. Only for fields
// holding strings (and null): an enum constrains values of every type.
void decide_enum(const FieldStats& stats, const InferOptions& options,
                 FieldRule& rule) {
  for (size_t t = 0; t < k_json_type_count; ++t) {
    JsonType type = static_cast<JsonType>(t);
    if (rule.allowed[t] && type != JsonType::string && type != JsonType::null) {
      return;
    }
  }
  if (stats.free_text) return;
  uint64_t strings = stats.count(JsonType::string);
  double min_share = options.min_enum_share * static_cast<double>(strings);
  std::vector<const std::pair<std::string, uint64_t>*> members;
  uint64_t covered = 0;
  for (const auto& entry : stats.distinct) {
    if (entry.second >= options.min_enum_count &&
        static_cast<double>(entry.second) >= min_share) {
      members.push_back(&entry);
      covered += entry.second;
    }
  }
  if (members.empty() || members.size() > options.max_enum_values) return;
  if (strings - covered > options.allowance(strings)) return;
  std::stable_sort(members.begin(), members.end(),
                   [](auto* a, auto* b) { return a->second > b->second; });
  for (const auto* member : members) {
    rule.enum_values.push_back(member->first);
    rule.enum_set.insert(member->first);
  }
  rule.enum_count = covered;
}

// Without an enum: the first format that every string fits but the
// outliers or, with none, minLength 1 when empty strings are absent or
// outliers.
void decide_string_shape(const FieldStats& stats, const InferOptions& options,
                         FieldRule& rule) {
  uint64_t strings = stats.count(JsonType::string);
  uint64_t allowance = options.allowance(strings);
  if (stats.empty_strings <= allowance) {
    rule.min_length = true;
    rule.non_empty = strings - stats.empty_strings;
  }
  for (size_t i = 0; i < k_inferred_formats.size(); ++i) {
    if (stats.fits[i] > 0 && strings - stats.fits[i] <= allowance) {
      rule.format = k_inferred_formats[i];
      rule.format_fits = stats.fits[i];
      // No empty string fits a format: minLength would say it twice.
      rule.min_length = false;
      break;
    }
  }
}

// Whether `value` is a value the rule's schema accepts, as far as scalars
// go (for examples).
bool accepts_scalar(const FieldRule& rule, const json& value) {
  if (!rule.allows(json_type_of(value))) return false;
  if (!value.is_string()) return true;
  const auto& text = value.get_ref<const std::string&>();
  if (rule.min_length && text.empty()) return false;
  return !rule.format || check_format(*rule.format, text);
}

void decide_examples(const FieldStats& stats, const InferOptions& options,
                     FieldRule& rule) {
  if (!rule.enum_values.empty()) return;
  for (const json& candidate : stats.candidates) {
    if (rule.examples.size() == options.max_examples) break;
    if (accepts_scalar(rule, candidate)) rule.examples.push_back(candidate);
  }
}

void decide_list(const FieldStats& stats, const InferOptions& options,
                 FieldRule& rule) {
  rule.lists = stats.count(JsonType::array);
  rule.lists_not_repeating = rule.lists - stats.lists_repeating;
  rule.unique_items = stats.lists_with_two > 0 &&
                      stats.lists_repeating <= options.allowance(rule.lists);
  if (!stats.items || stats.items->values == 0) return;
  FieldName items{rule.name.path + "[]", "an item of '" + rule.name.path + "'",
                  "item", "items"};
  rule.items = decide_rule(*stats.items, items, options);
}

// Keys nearly no mapping has are outliers, unless there are so many of
// them that they are the mappings' shape (then they are optional keys);
// keys nearly every mapping has are required.
void decide_mapping(const FieldStats& stats, const InferOptions& options,
                    FieldRule& rule) {
  rule.mappings = stats.count(JsonType::object);
  uint64_t allowance = options.allowance(rule.mappings);
  uint64_t rare_total = 0;
  for (const std::string& key : stats.keys) {
    uint64_t present = stats.members.at(key)->values;
    if (present <= allowance) rare_total += present;
  }
  bool rare_are_outliers = rare_total <= allowance;
  rule.closed = true;
  for (const std::string& key : stats.keys) {
    const FieldStats& member = *stats.members.at(key);
    if (rare_are_outliers && member.values <= allowance) {
      rule.rare_keys.push_back(key);
      rule.rare_key_counts.emplace(key, member.values);
      continue;
    }
    std::string path =
        rule.name.path.empty() ? key : rule.name.path + "." + key;
    FieldName name{path, "'" + path + "'", rule.container.one,
                   rule.container.many};
    MemberRule entry{key, decide_rule(member, name, options), member.values,
                     rule.mappings - member.values <= allowance};
    rule.member_index.emplace(key, rule.members.size());
    rule.members.push_back(std::move(entry));
  }
}

void add_type(ordered_json& schema, const FieldRule& rule) {
  if (rule.schema_types.size() == 1) {
    schema["type"] = json_type_name(rule.schema_types.front());
    return;
  }
  ordered_json types = ordered_json::array();
  for (JsonType type : rule.schema_types) types.push_back(json_type_name(type));
  schema["type"] = std::move(types);
}

}  // namespace

bool FieldRule::allows(JsonType type) const {
  if (type == JsonType::integer) {
    return allowed[index_of(JsonType::integer)] ||
           allowed[index_of(JsonType::number)];
  }
  return allowed[index_of(type)];
}

const MemberRule* FieldRule::member(const std::string& key) const {
  auto it = member_index.find(key);
  return it == member_index.end() ? nullptr : &members[it->second];
}

std::unique_ptr<FieldRule> decide_rule(const FieldStats& stats,
                                       const FieldName& name,
                                       const InferOptions& options) {
  auto rule = std::make_unique<FieldRule>();
  rule->name = name;
  rule->values = stats.values;
  if (stats.values == 0) return rule;
  decide_types(stats, options, *rule);
  if (rule->allows(JsonType::string)) {
    decide_enum(stats, options, *rule);
    if (rule->enum_values.empty()) decide_string_shape(stats, options, *rule);
  }
  decide_examples(stats, options, *rule);
  if (rule->allows(JsonType::array)) decide_list(stats, options, *rule);
  if (rule->allows(JsonType::object)) {
    if (name.path.empty()) {
      rule->container = FieldName{"", "", "file", "files"};
    } else {
      rule->container = FieldName{"", "", "'" + name.path + "' mapping",
                                  "'" + name.path + "' mappings"};
    }
    decide_mapping(stats, options, *rule);
  }
  return rule;
}

ordered_json rule_schema(const FieldRule& rule,
                         const std::string& description) {
  ordered_json schema = ordered_json::object();
  if (!description.empty()) schema["description"] = description;
  if (rule.values == 0) return schema;
  add_type(schema, rule);
  if (!rule.enum_values.empty()) {
    ordered_json values(rule.enum_values);
    if (rule.allows(JsonType::null)) values.push_back(nullptr);
    schema["enum"] = std::move(values);
  }
  if (rule.format) schema["format"] = format_name(*rule.format);
  if (rule.min_length) schema["minLength"] = 1;
  if (rule.items) schema["items"] = rule_schema(*rule.items, "");
  if (rule.unique_items) schema["uniqueItems"] = true;
  if (rule.allows(JsonType::object)) {
    ordered_json properties = ordered_json::object();
    ordered_json required = ordered_json::array();
    for (const MemberRule& member : rule.members) {
      properties[member.key] =
          rule_schema(*member.rule,
                      in_count(member.present, rule.mappings, rule.container));
      if (member.required) required.push_back(member.key);
    }
    schema["properties"] = std::move(properties);
    if (!required.empty()) schema["required"] = std::move(required);
    if (rule.closed) schema["additionalProperties"] = false;
  }
  if (!rule.examples.empty()) {
    ordered_json examples = ordered_json::array();
    for (const json& example : rule.examples) {
      examples.push_back(ordered_json::parse(example.dump()));
    }
    schema["examples"] = std::move(examples);
  }
  return schema;
}

std::string with_separators(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string in_count(uint64_t count, uint64_t total, const FieldName& name) {
  return "in " + with_separators(count) + " of " + with_separators(total) +
         " " + (total == 1 ? name.one : name.many);
}

}  // namespace fmkit
