// SPDX-License-Identifier: MIT
//
// The property tests' oracle for numbers an op turns into text: from the
// source bytes alone (not from SourceText, the code under test), what
// `convert` to a string, `convert` with `join` and `map_values` must make
// of each number written as a plain scalar (`1.10`, `0x1F`, `+5`, a
// 30-digit integer): its source bytes as a string, joined with the other
// items' texts, or the `map` entry keyed by those bytes, else by the
// number's JSON text.
#pragma once

#include "base/json_pointer.hpp"
#include "document/document.hpp"
#include "migrate/field_path.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace fmkit::property {

// Counts of the numbers checked whose text is not their JSON text (`1.10`,
// not `1.5`), by what the op did with them: "convert", "join",
// "map_values" (found by their text in `map`).
using NumberCounts = std::map<std::string, size_t>;

// The source bytes of the number at `pointer` of `document` (read from
// `text`) when it is written as a plain scalar, tag or not; else nothing.
inline std::optional<std::string> plain_number(std::string_view text,
                                               const Document& document,
                                               const std::string& pointer) {
  const NodeInfo* info = document.positions.find(pointer);
  const nlohmann::json* value =
      find_value(document.data, split_pointer(pointer));
  if (info == nullptr || value == nullptr || !value->is_number() ||
      info->kind != NodeKind::scalar || info->style != ScalarStyle::plain ||
      info->alias) {
    return std::nullopt;
  }
  return std::string(
      text.substr(info->value_begin, info->value_end - info->value_begin));
}

// The pointers of the scalars `op` works on: `at`, or each of its items.
inline std::vector<std::string> scalar_pointers(const nlohmann::json& value,
                                                const std::string& at) {
  if (!value.is_array()) return {at};
  std::vector<std::string> out;
  for (size_t i = 0; i < value.size(); ++i) {
    out.push_back(at + "/" + std::to_string(i));
  }
  return out;
}

// Checks what the op `name` with arguments `args` (convert or map_values)
// made of the numbers at its field, `before` (its text and document) to
// `after`; adds the numbers checked to `counts`.
inline void expect_number_texts(std::string_view before_text,
                                const Document& before, const Document& after,
                                const std::string& name,
                                const nlohmann::json& args,
                                const std::string& context,
                                NumberCounts& counts) {
  using nlohmann::json;
  if (name != "convert" && name != "map_values") return;
  FieldPath field = *parse_field_path(args.at("field").get<std::string>());
  const json* old = find_value(before.data, field.tokens);
  const json* now = find_value(after.data, field.tokens);
  if (old == nullptr || now == nullptr) return;
  std::string at = field.pointer();
  std::string to = args.value("to", "");
  if (name == "convert" && args.contains("join") && old->is_array()) {
    std::string joined;
    size_t numbers = 0;
    for (size_t i = 0; i < old->size(); ++i) {
      const json& item = (*old)[i];
      if (item.is_null()) continue;
      if (!joined.empty()) joined += args["join"].get<std::string>();
      auto text =
          plain_number(before_text, before, at + "/" + std::to_string(i));
      numbers += text && *text != item.dump();
      joined += text               ? *text
                : item.is_string() ? item.get<std::string>()
                                   : item.dump();
    }
    EXPECT_EQ(*now, json(joined)) << context;
    counts["join"] += numbers;
    return;
  }
  if (name == "convert" && to != "string") return;
  for (const std::string& pointer : scalar_pointers(*old, at)) {
    auto text = plain_number(before_text, before, pointer);
    const json* result = find_value(after.data, split_pointer(pointer));
    if (!text || result == nullptr) continue;
    const json& number = *find_value(before.data, split_pointer(pointer));
    json expected = *text;
    bool counted = *text != number.dump();
    if (name == "map_values") {
      const json& map = args.at("map");
      counted = counted && map.contains(*text);
      expected = map.contains(*text)           ? map[*text]
                 : map.contains(number.dump()) ? map[number.dump()]
                                               : number;
    }
    EXPECT_EQ(*result, expected) << pointer << " written " << *text << "\n"
                                 << context;
    counts[name] += counted;
  }
}

}  // namespace fmkit::property
