// SPDX-License-Identifier: MIT
//
// FieldRule: what inference decided about one field from its FieldStats
// (infer/field_stats.hpp), under InferOptions: the types it allows, the
// format, enum or minimum length of its strings, its items, its keys and
// which are required. It is both the source of the field's JSON Schema
// (rule_schema()) and what the second pass checks each document against to
// find outliers (infer/inference.hpp), so the two never disagree: every
// value an outlier diagnostic names is one the schema rejects. Immutable
// once decided; thread-safe to read.
#pragma once

#include "infer/field_stats.hpp"
#include "infer/infer_options.hpp"
#include "schema/formats.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace fmkit {

// How messages name a field and count its values.
struct FieldName {
  std::string path;     // "draft", "author.name", "links[]"
  std::string subject;  // "'draft'", "an item of 'tags'"
  std::string one;      // what a value is counted in: "file", "item"
  std::string many;     // plural: "files", "items"
};

struct FieldRule;

struct MemberRule {
  std::string key;
  std::unique_ptr<FieldRule> rule;
  uint64_t present = 0;  // mappings holding the key
  bool required = false;
};

struct FieldRule {
  FieldName name;
  uint64_t values = 0;

  // Types: `integer` is allowed whenever `number` is.
  std::array<bool, k_json_type_count> allowed{};
  uint64_t allowed_count = 0;          // values of an allowed type
  std::vector<JsonType> schema_types;  // as the schema lists them

  // Strings.
  std::vector<std::string> enum_values;  // most frequent first
  std::unordered_set<std::string> enum_set;
  uint64_t enum_count = 0;  // values that are members
  bool min_length = false;
  uint64_t non_empty = 0;
  std::optional<Format> format;
  uint64_t format_fits = 0;
  std::vector<nlohmann::json> examples;

  // Lists.
  std::unique_ptr<FieldRule> items;
  bool unique_items = false;
  uint64_t lists = 0;
  uint64_t lists_not_repeating = 0;

  // Mappings.
  uint64_t mappings = 0;
  FieldName container;  // how the mappings are counted in descriptions
  std::vector<MemberRule> members;
  std::unordered_map<std::string, size_t> member_index;
  std::vector<std::string> rare_keys;  // left out of `members`: outliers
  std::unordered_map<std::string, uint64_t> rare_key_counts;
  bool closed = false;  // additionalProperties: false

  bool allows(JsonType type) const;
  const MemberRule* member(const std::string& key) const;
};

// Decides the rule of the field `name` from `stats`.
std::unique_ptr<FieldRule> decide_rule(const FieldStats& stats,
                                       const FieldName& name,
                                       const InferOptions& options);

// Returns the JSON Schema of `rule`, starting with `description` unless it
// is empty; keys in the order users write them.
nlohmann::ordered_json rule_schema(const FieldRule& rule,
                                   const std::string& description);

// Returns `n` with thousands separators: 9,475.
std::string with_separators(uint64_t n);

// Returns "in 9,475 of 10,000 files": `count` of `total` `name`s.
std::string in_count(uint64_t count, uint64_t total, const FieldName& name);

}  // namespace fmkit
