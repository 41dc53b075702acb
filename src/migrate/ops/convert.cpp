// SPDX-License-Identifier: MIT
//
// The ops that turn values into other values: `map_values` (by a mapping
// of old value to new) and `convert` (scalar to list and back, split and
// join, to string, bool, int or number, by rule or by an explicit `table`).
// A value they leave as it is keeps its text; a scalar that becomes the one
// item of a list, or the reverse, is carried with its text. A number they
// turn into text, or look up in `map` or `table`, is the text it is written
// with (SourceText: `1.10` becomes '1.10').
#include "base/describe.hpp"
#include "base/spelling.hpp"
#include "migrate/editor.hpp"
#include "migrate/ops/op_support.hpp"

#include <charconv>
#include <cmath>

namespace fmkit::ops {
namespace {

using nlohmann::json;

class MapValuesOp final : public FieldOp {
 public:
  MapValuesOp(FieldPath field, json map, bool strict)
      : FieldOp(std::move(field)), m_map(std::move(map)), m_strict(strict) {}

  void apply_to_json(json& data, const SourceText& source,
                     OpOutcome& outcome) const override {
    for_each_value(data, m_field, [&](json& value, const std::string& at) {
      if (!is_scalar(value)) {
        conflict(outcome, at,
                 "'map_values' cannot map " +
                     describe_value(value, ValueStyle::subject) + " of '" +
                     m_field.text + "'");
        return;
      }
      auto it = find_key(m_map, value, at, source);
      if (it != m_map.end()) {
        value = *it;
      } else if (m_strict) {
        conflict(outcome, at,
                 "'map_values' has no mapping for " +
                     describe_scalar(value, at, source) + " of '" +
                     m_field.text + "' (unmapped: error)");
      }
    });
  }

  Expected<std::vector<TextEdit>> plan_edits(const Editor& editor,
                                             const json& after) const override {
    return replace_changed(editor, m_field, after);
  }

 private:
  json m_map;
  bool m_strict;
};

enum class Target { list, scalar, string, boolean, integer, number };

constexpr std::pair<std::string_view, Target> k_targets[] = {
    {"list", Target::list},     {"scalar", Target::scalar},
    {"string", Target::string}, {"bool", Target::boolean},
    {"int", Target::integer},   {"number", Target::number},
};

std::string_view target_name(Target target) {
  for (const auto& [name, value] : k_targets) {
    if (value == target) return name;
  }
  return "";
}

std::optional<json> parse_integer(std::string_view s) {
  std::string text = trim_spaces(s);
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  if (digits.empty()) return std::nullopt;
  int64_t value = 0;
  auto [end, ec] =
      std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size()) {
    return std::nullopt;
  }
  return json(value);
}

std::optional<json> parse_number(std::string_view s) {
  if (auto integer = parse_integer(s)) return integer;
  std::string text = trim_spaces(s);
  if (text.empty()) return std::nullopt;
  double value = 0;
  auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value)) {
    return std::nullopt;
  }
  return json(value);
}

// Returns `value` (a scalar, not null) as `target` (a bool or a number) by
// rule, or std::nullopt when there is no rule for it.
std::optional<json> convert_by_rule(const json& value, Target target) {
  switch (target) {
    case Target::boolean:
      if (value.is_boolean()) return value;
      if (value == "true" || value == "false") return json(value == "true");
      return std::nullopt;
    case Target::integer:
      if (value.is_number_integer()) return value;
      if (value.is_number_float()) {
        double d = value.get<double>();
        if (std::trunc(d) == d && std::fabs(d) < 9.0e15) {
          return json(static_cast<int64_t>(d));
        }
        return std::nullopt;
      }
      if (value.is_string()) {
        return parse_integer(value.get_ref<const std::string&>());
      }
      return std::nullopt;
    case Target::number:
      if (value.is_number()) return value;
      if (value.is_string()) {
        return parse_number(value.get_ref<const std::string&>());
      }
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

class ConvertOp final : public FieldOp {
 public:
  ConvertOp(FieldPath field, Target target, std::optional<std::string> split,
            std::optional<std::string> join, json table)
      : FieldOp(std::move(field)),
        m_target(target),
        m_split(std::move(split)),
        m_join(std::move(join)),
        m_table(std::move(table)) {}

  void apply_to_json(json& data, const SourceText& source,
                     OpOutcome& outcome) const override {
    json* value = find_value(data, m_field.tokens);
    if (value == nullptr) return;
    if (m_target == Target::list) return to_list(*value, outcome);
    if (m_target == Target::scalar || (m_join && value->is_array())) {
      return to_scalar(*value, source, outcome);
    }
    for_each_value(data, m_field, [&](json& item, const std::string& at) {
      convert_scalar(item, at, source, outcome);
    });
  }

  Expected<std::vector<TextEdit>> plan_edits(const Editor& editor,
                                             const json& after) const override {
    const json* before = find_value(editor.document().data, m_field.tokens);
    const json* now = find_value(after, m_field.tokens);
    std::string pointer = m_field.pointer();
    // A value that only changed its container is carried with its text.
    if (before != nullptr && now != nullptr && is_scalar(*before) &&
        !before->is_null() && *now == json::array({*before})) {
      return one_edit(editor.wrap_in_list(pointer));
    }
    if (before != nullptr && now != nullptr && is_scalar(*now) &&
        *before == json::array({*now})) {
      return one_edit(editor.unwrap_list(pointer));
    }
    if (m_join && before != nullptr && before->is_array()) {
      if (auto alias = aliased_number(editor, *before)) {
        return unexpected("'" + *alias +
                          "' is an alias; fmkit does not join the number it "
                          "stands for, whose digits are written at its anchor");
      }
    }
    return replace_changed(editor, m_field, after);
  }

 private:
  // Returns the pointer of the first item of `list` (the field's list) that
  // is an alias to a number: SourceText cannot give its digits, so joining
  // it would write the JSON number (1.1 for `&x 1.10`).
  std::optional<std::string> aliased_number(const Editor& editor,
                                            const json& list) const {
    for (size_t i = 0; i < list.size(); ++i) {
      std::string item = append_pointer(m_field.pointer(), std::to_string(i));
      const NodeInfo* info = editor.document().positions.find(item);
      if (list[i].is_number() && info != nullptr && info->alias) return item;
    }
    return std::nullopt;
  }

  void to_list(json& value, OpOutcome& outcome) const {
    if (value.is_array()) return;
    if (value.is_null()) {
      value = json::array();
    } else if (value.is_object()) {
      conflict(
          outcome, m_field.pointer(),
          "'convert' cannot make a list of the mapping '" + m_field.text + "'");
    } else if (m_split && value.is_string()) {
      json list = json::array();
      const std::string& text = value.get_ref<const std::string&>();
      size_t start = 0;
      while (start <= text.size()) {
        size_t stop = text.find(*m_split, start);
        std::string item = trim_spaces(std::string_view(text).substr(
            start,
            stop == std::string::npos ? std::string::npos : stop - start));
        if (!item.empty()) list.push_back(item);
        if (stop == std::string::npos) break;
        start = stop + m_split->size();
      }
      value = std::move(list);
    } else {
      value = json::array({value});
    }
  }

  void to_scalar(json& value, const SourceText& source,
                 OpOutcome& outcome) const {
    if (is_scalar(value)) return;
    if (value.is_object()) {
      conflict(outcome, m_field.pointer(),
               "'convert' cannot make a scalar of the mapping '" +
                   m_field.text + "'");
      return;
    }
    if (m_join) {
      std::string joined;
      for (size_t i = 0; i < value.size(); ++i) {
        if (!is_scalar(value[i])) {
          conflict(outcome, m_field.pointer(),
                   "'convert' cannot join " +
                       describe_value(value[i], ValueStyle::subject) + " of '" +
                       m_field.text + "'");
          return;
        }
        if (value[i].is_null()) continue;
        if (!joined.empty()) joined += *m_join;
        joined += source.text(
            value[i], append_pointer(m_field.pointer(), std::to_string(i)));
      }
      value = joined;
      return;
    }
    if (value.size() == 1 && is_scalar(value[0])) {
      json item = value[0];
      value = std::move(item);
      return;
    }
    conflict(outcome, m_field.pointer(),
             "'convert' cannot make one value of '" + m_field.text +
                 "', which has " + std::to_string(value.size()) +
                 " items; add 'join' to join them");
  }

  void convert_scalar(json& value, const std::string& at,
                      const SourceText& source, OpOutcome& outcome) const {
    if (value.is_null()) return;
    if (!is_scalar(value)) {
      conflict(outcome, at,
               "'convert' cannot convert " +
                   describe_value(value, ValueStyle::subject) + " of '" +
                   m_field.text + "'");
      return;
    }
    if (auto it = find_key(m_table, value, at, source); it != m_table.end()) {
      value = *it;
      return;
    }
    // A number becomes the text it is written with (SourceText).
    std::optional<json> converted = m_target == Target::string
                                        ? json(source.text(value, at))
                                        : convert_by_rule(value, m_target);
    if (!converted) {
      conflict(outcome, at,
               "'convert' has no " + std::string(target_name(m_target)) +
                   " for " + describe_scalar(value, at, source) + " of '" +
                   m_field.text + "'; add it to 'table'");
      return;
    }
    value = std::move(*converted);
  }

  Target m_target;
  std::optional<std::string> m_split;
  std::optional<std::string> m_join;
  json m_table;
};

// Reads `to`; reports an unknown target with the list and a did-you-mean.
std::optional<Target> read_target(ArgReader& args, const std::string& to) {
  std::vector<std::string> names;
  for (const auto& [name, value] : k_targets) {
    if (name == to) return value;
    names.emplace_back(name);
  }
  std::string list;
  for (const std::string& name : names) {
    list += (list.empty() ? "'" : ", '") + name + "'";
  }
  args.error("to", "'to' must be one of " + list + ", got '" + to + "'" +
                       did_you_mean(to, names));
  return std::nullopt;
}

// Checks `table` against `target`; returns it, or std::nullopt after an
// error.
std::optional<json> read_table(ArgReader& args, const json& table,
                               Target target) {
  if (target == Target::list || target == Target::scalar) {
    args.error("table", "'table' needs 'to' string, bool, int or number");
    return std::nullopt;
  }
  if (!table.is_object()) {
    args.error("table",
               "'table' must be a mapping of value to converted value");
    return std::nullopt;
  }
  for (const auto& [key, value] : table.items()) {
    bool ok = (target == Target::string && value.is_string()) ||
              (target == Target::boolean && value.is_boolean()) ||
              (target == Target::integer && value.is_number_integer()) ||
              (target == Target::number && value.is_number());
    if (!ok) {
      args.error("table", "'table' maps '" + key + "' to " +
                              describe_value(value, ValueStyle::subject) +
                              ", not a " + std::string(target_name(target)));
      return std::nullopt;
    }
  }
  return table;
}

}  // namespace

std::shared_ptr<Op> parse_map_values(ArgReader& args) {
  auto field = args.field("field", Required::yes);
  const json* map = args.value("map", Required::yes);
  auto unmapped = args.string("unmapped", Required::no);
  if (map != nullptr && (!map->is_object() || map->empty())) {
    args.error("map",
               "'map' must be a non-empty mapping of old value to new "
               "value, got " +
                   describe_value(*map, ValueStyle::subject));
    return nullptr;
  }
  if (unmapped && *unmapped != "keep" && *unmapped != "error") {
    args.error("unmapped",
               "'unmapped' must be 'keep' or 'error', got '" + *unmapped + "'");
    return nullptr;
  }
  if (!field || map == nullptr) return nullptr;
  return std::make_shared<MapValuesOp>(std::move(*field), *map,
                                       unmapped.value_or("keep") == "error");
}

std::shared_ptr<Op> parse_convert(ArgReader& args) {
  auto field = args.field("field", Required::yes);
  auto to = args.string("to", Required::yes);
  auto split = args.string("split", Required::no);
  auto join = args.string("join", Required::no);
  const json* table = args.value("table", Required::no);
  if (!field || !to) return nullptr;
  std::optional<Target> target = read_target(args, *to);
  if (!target) return nullptr;
  if (split && (split->empty() || *target != Target::list)) {
    args.error("split", split->empty() ? "'split' must not be empty"
                                       : "'split' needs 'to: list'");
    return nullptr;
  }
  if (join && *target != Target::scalar && *target != Target::string) {
    args.error("join", "'join' needs 'to: scalar' or 'to: string'");
    return nullptr;
  }
  std::optional<json> checked = json::object();
  if (table != nullptr) checked = read_table(args, *table, *target);
  if (!checked) return nullptr;
  return std::make_shared<ConvertOp>(std::move(*field), *target,
                                     std::move(split), std::move(join),
                                     std::move(*checked));
}

}  // namespace fmkit::ops
