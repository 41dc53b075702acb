// SPDX-License-Identifier: MIT
//
// FieldStats: what the first pass of schema inference counts about one
// field over every document: how often each JSON type occurs, and for
// strings how many are empty, how many fit each format fmkit checks and how
// often each distinct value occurs (up to k_max_distinct values: a field
// with more is free text, never an enum); for lists, the statistics of
// their items and how many lists repeat an item; for mappings, each key's
// statistics, keys in the order users write them. Counting needs no
// positions and keeps no document: memory grows with the number of fields
// and distinct short values, not with the number of files. Not
// thread-safe; documents are added in a fixed order so the result is
// deterministic.
#pragma once

#include "document/position_map.hpp"
#include "schema/formats.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace fmkit {

// The JSON types a schema tells apart; `number` is a number with a fraction.
enum class JsonType { null, boolean, integer, number, string, array, object };
inline constexpr size_t k_json_type_count = 7;

// Returns the type of `value`.
JsonType json_type_of(const nlohmann::json& value);

// Returns the JSON Schema name of `type` ("integer").
std::string_view json_type_name(JsonType type);

// The formats inference tries, in order of preference.
inline constexpr std::array<Format, 4> k_inferred_formats = {
    Format::date, Format::date_time, Format::uri, Format::email};

struct FieldStats {
  // Distinct string values counted before a field counts as free text.
  static constexpr size_t k_max_distinct = 256;
  // Distinct short values kept as candidate examples.
  static constexpr size_t k_max_candidates = 16;

  uint64_t values = 0;  // values seen: documents or mappings holding the
                        // key, or list items
  std::array<uint64_t, k_json_type_count> types{};

  // Strings.
  uint64_t empty_strings = 0;
  std::array<uint64_t, k_inferred_formats.size()> fits{};
  // Distinct strings and their counts, in first-seen order; cleared (and
  // `free_text` set) past k_max_distinct.
  std::vector<std::pair<std::string, uint64_t>> distinct;
  std::unordered_map<std::string, size_t> distinct_index;
  bool free_text = false;
  // The first distinct short strings and numbers, for `examples`.
  std::vector<nlohmann::json> candidates;

  // Lists.
  std::unique_ptr<FieldStats> items;
  uint64_t lists_with_two = 0;  // lists of two items or more
  uint64_t lists_repeating = 0;

  // Mappings: keys in first-seen order, a new key placed after the key
  // before it in the document that showed it first.
  std::vector<std::string> keys;
  std::unordered_map<std::string, std::unique_ptr<FieldStats>> members;

  uint64_t count(JsonType type) const {
    return types[static_cast<size_t>(type)];
  }

  // Counts `value`, found at `pointer` of a document whose positions are
  // `positions` (used only to order a mapping's keys as written).
  void add(const nlohmann::json& value, const std::string& pointer,
           const PositionMap& positions);

 private:
  void add_string(const std::string& text);
  void add_list(const nlohmann::json& list, const std::string& pointer,
                const PositionMap& positions);
  void add_mapping(const nlohmann::json& mapping, const std::string& pointer,
                   const PositionMap& positions);
  void add_candidate(const nlohmann::json& value);
};

// Returns the keys of the mapping `mapping` at `pointer` in the order the
// document writes them (keys without a position, inside an alias's copy,
// last, sorted).
std::vector<std::string> keys_as_written(const nlohmann::json& mapping,
                                         const std::string& pointer,
                                         const PositionMap& positions);

}  // namespace fmkit
