// SPDX-License-Identifier: MIT
//
// What an op must carry, by its contract, for the migrate property tests
// (YAML: migrate_property_test.cpp, TOML: toml_property_test.cpp): the
// pairs (pointer before, pointer after) of the values an op only carries,
// computed from the JSON alone, and the top-level keys an op names.
#pragma once

#include "migrate/field_path.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace fmkit::property {

using nlohmann::json;

inline bool is_scalar_json(const json& value) {
  return !value.is_array() && !value.is_object();
}

inline std::string op_name(const json& op) { return op.begin().key(); }
inline const json& op_args(const json& op) { return op.begin().value(); }

inline FieldPath path_arg(const json& op, const char* name) {
  return *parse_field_path(op_args(op).at(name).get<std::string>());
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

// rename, move, copy: the value at `from` goes to `to`, unless `to` holds
// one already.
inline Pairs moved_pairs(const json& op, const json& before) {
  FieldPath from = path_arg(op, "from");
  FieldPath to = from;
  std::string target = op_args(op).at("to").get<std::string>();
  if (op_name(op) != "rename" || target.front() == '/') {
    to = *parse_field_path(target);
  } else {
    to.tokens.back() = target;
  }
  if (find_value(before, from.tokens) == nullptr ||
      find_value(before, to.tokens) != nullptr) {
    return {};
  }
  return {{from.pointer(), to.pointer()}};
}

// delete: deleting a list item carries the items after it one place up.
inline Pairs deleted_pairs(const FieldPath& field, const json& before) {
  Pairs pairs;
  const json* list = find_value(before, field.parent().tokens);
  size_t index = 0;
  if (list == nullptr || !list->is_array() ||
      !parse_index(field.leaf(), index) || index >= list->size()) {
    return pairs;
  }
  std::string parent = field.parent().pointer();
  for (size_t i = 0; i < list->size(); ++i) {
    if (i == index) continue;
    pairs.emplace_back(parent + "/" + std::to_string(i),
                       parent + "/" + std::to_string(i < index ? i : i - 1));
  }
  return pairs;
}

// append, remove, dedupe, sort: each kept item is found at the place the
// op's rules give it, in order but for sort, which is stable.
inline Pairs list_pairs(const json& op, const std::string& at,
                        const json& old) {
  std::string name = op_name(op);
  std::vector<size_t> order(old.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (name == "sort") {
    bool desc = op_args(op).value("order", "asc") == "desc";
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return desc ? old[b] < old[a] : old[a] < old[b];
    });
  }
  json values = op_args(op).contains("values")
                    ? op_args(op)["values"]
                    : json::array({op_args(op).value("value", json())});
  std::vector<size_t> kept;
  for (size_t i : order) {
    bool gone = false;
    if (name == "remove") {
      gone = std::find(values.begin(), values.end(), old[i]) != values.end();
    } else if (name == "dedupe") {
      for (size_t k : kept) gone = gone || old[k] == old[i];
    }
    if (!gone) kept.push_back(i);
  }
  Pairs pairs;
  for (size_t k = 0; k < kept.size(); ++k) {
    pairs.emplace_back(at + "/" + std::to_string(kept[k]),
                       at + "/" + std::to_string(k));
  }
  return pairs;
}

// map_values, convert and the string ops: what they leave as it is, and a
// scalar that only went into or out of a list of one.
inline Pairs value_pairs(const std::string& at, const json& old,
                         const json& now) {
  auto item = [&](size_t i) { return at + "/" + std::to_string(i); };
  Pairs pairs;
  if (is_scalar_json(old) && !old.is_null() && now == json::array({old})) {
    pairs.emplace_back(at, item(0));
  } else if (is_scalar_json(now) && old == json::array({now})) {
    pairs.emplace_back(item(0), at);
  } else if (old.is_array() && now.is_array() && old.size() == now.size()) {
    for (size_t i = 0; i < old.size(); ++i) {
      if (old[i] == now[i]) pairs.emplace_back(item(i), item(i));
    }
  } else if (old == now) {
    pairs.emplace_back(at, at);
  }
  return pairs;
}

// The pairs (pointer before, pointer after) of the values that `op`
// carries from `before` to `after` (its JSON result), by the op's contract.
inline Pairs carried_pairs(const json& op, const json& before,
                           const json& after) {
  std::string name = op_name(op);
  if (name == "rename" || name == "move" || name == "copy") {
    return moved_pairs(op, before);
  }
  if (name == "set") return {};  // its value is computed
  FieldPath field = path_arg(op, "field");
  if (name == "delete") return deleted_pairs(field, before);
  const json* old = find_value(before, field.tokens);
  const json* now = find_value(after, field.tokens);
  if (old == nullptr || now == nullptr) return {};
  if (name == "remove" || name == "dedupe" || name == "sort" ||
      name == "append") {
    return old->is_array() ? list_pairs(op, field.pointer(), *old) : Pairs{};
  }
  return value_pairs(field.pointer(), *old, *now);
}

// The top-level keys `op` names.
inline std::set<std::string> touched_keys(const json& op) {
  std::set<std::string> keys;
  for (const char* arg : {"field", "from", "to"}) {
    if (!op_args(op).contains(arg)) continue;
    std::string text = op_args(op)[arg].get<std::string>();
    if (std::string(arg) == "to" && op_name(op) == "rename" &&
        text.front() != '/') {
      continue;  // a key beside `from`
    }
    keys.insert(parse_field_path(text)->tokens.front());
  }
  return keys;
}

}  // namespace fmkit::property
