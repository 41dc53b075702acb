// SPDX-License-Identifier: MIT
#include "infer/field_stats.hpp"

#include "base/json_pointer.hpp"
#include "base/utf8.hpp"

#include <algorithm>
#include <unordered_set>

namespace fmkit {

namespace {

using nlohmann::json;

// Examples longer than this are left out: a schema is read by people.
constexpr size_t k_max_example_points = 60;

}  // namespace

JsonType json_type_of(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return JsonType::null;
    case json::value_t::boolean:
      return JsonType::boolean;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return JsonType::integer;
    case json::value_t::number_float:
      return JsonType::number;
    case json::value_t::array:
      return JsonType::array;
    case json::value_t::object:
      return JsonType::object;
    default:
      return JsonType::string;
  }
}

std::string_view json_type_name(JsonType type) {
  constexpr std::string_view k_names[] = {
      "null", "boolean", "integer", "number", "string", "array", "object"};
  return k_names[static_cast<size_t>(type)];
}

std::vector<std::string> keys_as_written(const json& mapping,
                                         const std::string& pointer,
                                         const PositionMap& positions) {
  std::vector<std::pair<size_t, std::string>> keyed;
  keyed.reserve(mapping.size());
  for (const auto& item : mapping.items()) {
    const NodeInfo* node = positions.find(append_pointer(pointer, item.key()));
    size_t at =
        node != nullptr && node->has_key ? node->key_begin : NodeInfo::k_none;
    keyed.emplace_back(at, item.key());
  }
  std::stable_sort(
      keyed.begin(), keyed.end(),
      [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> keys;
  keys.reserve(keyed.size());
  for (auto& [at, key] : keyed) keys.push_back(std::move(key));
  return keys;
}

void FieldStats::add(const json& value, const std::string& pointer,
                     const PositionMap& positions) {
  ++values;
  JsonType type = json_type_of(value);
  ++types[static_cast<size_t>(type)];
  switch (type) {
    case JsonType::string:
      add_string(value.get_ref<const std::string&>());
      add_candidate(value);
      break;
    case JsonType::integer:
    case JsonType::number:
      add_candidate(value);
      break;
    case JsonType::array:
      add_list(value, pointer, positions);
      break;
    case JsonType::object:
      add_mapping(value, pointer, positions);
      break;
    default:
      break;
  }
}

void FieldStats::add_string(const std::string& text) {
  if (text.empty()) ++empty_strings;
  for (size_t i = 0; i < k_inferred_formats.size(); ++i) {
    if (check_format(k_inferred_formats[i], text)) ++fits[i];
  }
  if (free_text) return;
  auto [it, inserted] = distinct_index.try_emplace(text, distinct.size());
  if (!inserted) {
    ++distinct[it->second].second;
    return;
  }
  if (distinct.size() == k_max_distinct) {
    // Too many values for an enum: stop counting them, free the memory.
    free_text = true;
    distinct = {};
    distinct_index = {};
    return;
  }
  distinct.emplace_back(text, 1);
}

void FieldStats::add_candidate(const json& value) {
  if (candidates.size() == k_max_candidates) return;
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (text.empty() || count_code_points(text) > k_max_example_points) return;
  }
  if (std::find(candidates.begin(), candidates.end(), value) ==
      candidates.end()) {
    candidates.push_back(value);
  }
}

void FieldStats::add_list(const json& list, const std::string& pointer,
                          const PositionMap& positions) {
  if (!items) items = std::make_unique<FieldStats>();
  if (list.size() >= 2) ++lists_with_two;
  std::unordered_set<std::string> seen;
  bool repeats = false;
  for (size_t i = 0; i < list.size(); ++i) {
    items->add(list[i], append_pointer(pointer, std::to_string(i)), positions);
    if (list.size() >= 2 && !repeats) {
      repeats = !seen.insert(list[i].dump()).second;
    }
  }
  if (repeats) ++lists_repeating;
}

void FieldStats::add_mapping(const json& mapping, const std::string& pointer,
                             const PositionMap& positions) {
  size_t previous = static_cast<size_t>(-1);  // index in `keys`
  for (const std::string& key : keys_as_written(mapping, pointer, positions)) {
    auto [it, inserted] = members.try_emplace(key);
    if (inserted) {
      it->second = std::make_unique<FieldStats>();
      size_t at = previous == static_cast<size_t>(-1) ? 0 : previous + 1;
      keys.insert(keys.begin() + static_cast<std::ptrdiff_t>(at), key);
      previous = at;
    } else {
      previous = static_cast<size_t>(std::find(keys.begin(), keys.end(), key) -
                                     keys.begin());
    }
    it->second->add(mapping[key], append_pointer(pointer, key), positions);
  }
}

}  // namespace fmkit
