// SPDX-License-Identifier: MIT
#include "migrate/ops.hpp"

#include "base/json_pointer.hpp"
#include "migrate/did_you_mean.hpp"
#include "migrate/migration_source.hpp"
#include "migrate/yaml_editor.hpp"
#include "schema/ecma_regex.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace fmkit {
namespace {

using nlohmann::json;

bool is_scalar(const json& value) {
  return !value.is_array() && !value.is_object();
}

// The text a scalar is looked up by in a `map` or `table` (YAML keys are
// strings: `1: one` is keyed "1", `true: yes` is keyed "true").
std::string lookup_key(const json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

// Walks to the parent of `path`, creating missing mappings when `create`.
// Returns nullptr when the parent is missing (and `create` is false) or on
// a conflict, which is then appended to `outcome`.
json* parent_of(json& data, const FieldPath& path, bool create,
                OpOutcome& outcome, const Op& op, bool& conflicted) {
  json* node = &data;
  conflicted = false;
  std::vector<std::string> walked;
  for (size_t i = 0; i + 1 < path.tokens.size(); ++i) {
    const std::string& token = path.tokens[i];
    walked.push_back(token);
    if (node->is_object()) {
      auto it = node->find(token);
      if (it == node->end()) {
        if (!create) return nullptr;
        node = &((*node)[token] = json::object());
      } else {
        node = &*it;
      }
    } else if (node->is_array()) {
      size_t index = 0;
      if (!parse_index(token, index) || index >= node->size()) {
        if (!create) return nullptr;
        conflicted = true;
        Diagnostic d;
        outcome.conflicts.push_back(d);
        outcome.conflicts.back().rule = "migrate.conflict";
        outcome.conflicts.back().pointer = to_pointer(walked);
        outcome.conflicts.back().message =
            "'" + op.name() + "' cannot create '" + path.text +
            "': the list has no item " + token + " (" + op.location() + ")";
        return nullptr;
      }
      node = &(*node)[index];
    } else {
      walked.pop_back();
      break;
    }
  }
  if (!node->is_object() && !node->is_array()) {
    if (!create) return nullptr;
    conflicted = true;
    Diagnostic d;
    d.rule = "migrate.conflict";
    d.pointer = to_pointer(walked);
    d.message = "'" + op.name() + "' cannot create '" + path.text + "': '" +
                d.pointer + "' holds " + describe_value(*node) +
                ", not a mapping (" + op.location() + ")";
    outcome.conflicts.push_back(std::move(d));
    return nullptr;
  }
  return node;
}

// Applies `fn` to the value at `path`, or to each item when it is a list.
template <typename Fn>
void for_each_value(json& data, const FieldPath& path, Fn fn) {
  json* value = find_value(data, path.tokens);
  if (value == nullptr) return;
  if (value->is_array()) {
    for (size_t i = 0; i < value->size(); ++i) {
      fn((*value)[i], append_pointer(path.pointer(), std::to_string(i)));
    }
  } else {
    fn(*value, path.pointer());
  }
}

// ---------------------------------------------------------------- rename

class RenameOp final : public Op {
 public:
  RenameOp(FieldPath from, FieldPath to)
      : m_from(std::move(from)), m_to(std::move(to)) {}

  void apply_to_json(json& data, OpOutcome& outcome) const override {
    json* parent = find_value(data, m_from.parent().tokens);
    if (parent == nullptr) return;
    if (!parent->is_object()) {
      if (parent->is_array() && find_value(data, m_from.tokens)) {
        conflict(outcome, m_from.pointer(),
                 "cannot rename '" + m_from.text + "': it is a list item");
      }
      return;
    }
    auto it = parent->find(m_from.leaf());
    if (it == parent->end()) return;
    auto target = parent->find(m_to.leaf());
    if (target != parent->end()) {
      if (*target == *it) {
        parent->erase(it);
        return;
      }
      conflict(outcome, m_to.pointer(),
               "cannot rename '" + m_from.text + "' to '" + m_to.leaf() +
                   "': '" + m_to.leaf() + "' already holds " +
                   describe_value(*target));
      return;
    }
    json value = std::move(*it);
    parent->erase(it);
    (*parent)[m_to.leaf()] = std::move(value);
  }

  Expected<std::vector<TextEdit>> plan_edits(
      const YamlEditor& editor, const json& after) const override {
    (void)after;
    const json& before = editor.document().data;
    Expected<TextEdit> edit =
        find_value(before, m_to.tokens) != nullptr
            ? editor.remove(m_from.pointer())
            : editor.rename_key(m_from.pointer(), m_to.leaf());
    if (!edit) return unexpected(edit.error());
    return std::vector<TextEdit>{std::move(edit).value()};
  }

 private:
  FieldPath m_from;
  FieldPath m_to;
};

std::shared_ptr<Op> parse_rename(ArgReader& args) {
  auto from = args.field("from", Required::yes);
  auto to_text = args.string("to", Required::yes);
  if (!from || !to_text) return nullptr;
  // `to` is a new key name, or a pointer in the same mapping.
  FieldPath to = *from;
  if (!to_text->empty() && to_text->front() == '/') {
    auto parsed = parse_field_path(*to_text);
    if (!parsed) {
      args.error("to", parsed.error());
      return nullptr;
    }
    if (parsed->parent() != from->parent()) {
      args.error("to", "'rename' keeps a key in its mapping; use 'move' to "
                       "put '" + from->text + "' at '" + *to_text + "'");
      return nullptr;
    }
    to = std::move(parsed).value();
  } else if (to_text->empty()) {
    args.error("to", "'to' must not be empty");
    return nullptr;
  } else {
    to.tokens.back() = *to_text;
    to.text = to.pointer();
  }
  if (to == *from) {
    args.error("to", "'from' and 'to' are the same key");
    return nullptr;
  }
  return std::make_shared<RenameOp>(std::move(*from), std::move(to));
}

// ---------------------------------------------------------- move and copy

bool is_prefix(const FieldPath& a, const FieldPath& b) {
  return a.tokens.size() <= b.tokens.size() &&
         std::equal(a.tokens.begin(), a.tokens.end(), b.tokens.begin());
}

class MoveOp final : public Op {
 public:
  MoveOp(FieldPath from, FieldPath to, bool copy)
      : m_from(std::move(from)), m_to(std::move(to)), m_copy(copy) {}

  void apply_to_json(json& data, OpOutcome& outcome) const override {
    const json* source = find_value(data, m_from.tokens);
    if (source == nullptr) return;
    const json* source_parent = find_value(data, m_from.parent().tokens);
    if (!m_copy && !source_parent->is_object()) {
      conflict(outcome, m_from.pointer(),
               "cannot move '" + m_from.text + "': it is a list item");
      return;
    }
    json value = *source;
    if (const json* target = find_value(data, m_to.tokens)) {
      if (*target != value) {
        conflict(outcome, m_to.pointer(),
                 "cannot " + name() + " '" + m_from.text + "' to '" +
                     m_to.text + "': '" + m_to.text + "' already holds " +
                     describe_value(*target));
        return;
      }
    } else {
      bool conflicted = false;
      json* parent = parent_of(data, m_to, true, outcome, *this, conflicted);
      if (parent == nullptr) return;
      if (!parent->is_object()) {
        conflict(outcome, m_to.parent().pointer(),
                 "cannot " + name() + " '" + m_from.text + "' into the list '" +
                     m_to.parent().text + "'");
        return;
      }
      (*parent)[m_to.leaf()] = value;
    }
    if (!m_copy) {
      find_value(data, m_from.parent().tokens)->erase(m_from.leaf());
    }
  }

  Expected<std::vector<TextEdit>> plan_edits(
      const YamlEditor& editor, const json& after) const override {
    const json& before = editor.document().data;
    std::vector<TextEdit> edits;
    const std::vector<std::string>& parent = m_from.parent().tokens;
    if (!m_copy && find_value(before, m_to.tokens) == nullptr &&
        is_prefix(m_from.parent(), m_to)) {
      // Within one mapping a move is a rename, which keeps the entry's
      // place. Deeper, when `from` is its mapping's only entry, removing it
      // would leave "{}" where the insert goes: render that mapping anew.
      Expected<TextEdit> edit =
          m_to.parent() == m_from.parent()
              ? editor.rename_key(m_from.pointer(), m_to.leaf())
          : !parent.empty() && find_value(before, parent)->size() == 1
              ? editor.replace_value(m_from.parent().pointer(),
                                     *find_value(after, parent))
              : Expected<TextEdit>(unexpected(""));
      if (edit) return std::vector<TextEdit>{std::move(edit).value()};
      if (!edit.error().empty()) return unexpected(edit.error());
    }
    if (find_value(before, m_to.tokens) == nullptr) {
      auto insert = editor.insert(m_to.tokens,
                                  *find_value(before, m_from.tokens),
                                  m_from.pointer());
      if (!insert) return unexpected(insert.error());
      edits.push_back(std::move(insert).value());
    }
    if (!m_copy) {
      auto remove = editor.remove(m_from.pointer());
      if (!remove) return unexpected(remove.error());
      edits.push_back(std::move(remove).value());
    }
    return edits;
  }

 private:
  FieldPath m_from;
  FieldPath m_to;
  bool m_copy;
};

std::shared_ptr<Op> parse_move_or_copy(ArgReader& args, bool copy) {
  auto from = args.field("from", Required::yes);
  auto to = args.field("to", Required::yes);
  if (!from || !to) return nullptr;
  if (is_prefix(*from, *to) || is_prefix(*to, *from)) {
    args.error("to", "'from' and 'to' must not contain each other");
    return nullptr;
  }
  return std::make_shared<MoveOp>(std::move(*from), std::move(*to), copy);
}

std::shared_ptr<Op> parse_move(ArgReader& args) { return parse_move_or_copy(args, false); }
std::shared_ptr<Op> parse_copy(ArgReader& args) { return parse_move_or_copy(args, true); }

// ---------------------------------------------------------------- delete

class DeleteOp final : public Op {
 public:
  explicit DeleteOp(FieldPath field) : m_field(std::move(field)) {}

  void apply_to_json(json& data, OpOutcome& outcome) const override {
    json* parent = find_value(data, m_field.parent().tokens);
    if (parent == nullptr) return;
    if (parent->is_object()) {
      outcome.deleted_values += parent->erase(m_field.leaf());
    } else if (parent->is_array()) {
      size_t index = 0;
      if (parse_index(m_field.leaf(), index) && index < parent->size()) {
        parent->erase(index);
        ++outcome.deleted_values;
      }
    }
  }

 private:
  FieldPath m_field;
};

std::shared_ptr<Op> parse_delete(ArgReader& args) {
  auto field = args.field("field", Required::yes);
  if (!field) return nullptr;
  return std::make_shared<DeleteOp>(std::move(*field));
}

// ------------------------------------------------------------------- set

class SetOp final : public Op {
 public:
  SetOp(FieldPath field, json value, SetMode mode)
      : m_field(std::move(field)), m_value(std::move(value)), m_mode(mode) {}

  void apply_to_json(json& data, OpOutcome& outcome) const override {
    if (json* existing = find_value(data, m_field.tokens)) {
      if (*existing == m_value || m_mode == SetMode::if_missing) return;
      if (m_mode == SetMode::overwrite) {
        *existing = m_value;
        return;
      }
      conflict(outcome, m_field.pointer(),
               "'set' would overwrite '" + m_field.text + "' (" +
                   describe_value(*existing) + ") with " +
                   describe_value(m_value) +
                   "; add 'overwrite: true' to replace it or 'if_missing: "
                   "true' to keep it");
      return;
    }
    bool conflicted = false;
    json* parent = parent_of(data, m_field, true, outcome, *this, conflicted);
    if (parent == nullptr) return;
    if (!parent->is_object()) {
      conflict(outcome, m_field.pointer(),
               "'set' cannot add item '" + m_field.leaf() + "' to the list '" +
                   m_field.parent().text + "'; use 'append'");
      return;
    }
    (*parent)[m_field.leaf()] = m_value;
  }

 private:
  FieldPath m_field;
  json m_value;
  SetMode m_mode;
};

std::shared_ptr<Op> parse_set(ArgReader& args) {
  auto field = args.field("field", Required::yes);
  const json* value = args.value("value", Required::yes);
  auto if_missing = args.boolean("if_missing");
  auto overwrite = args.boolean("overwrite");
  if (!field || value == nullptr) return nullptr;
  if (if_missing.value_or(false) && overwrite.value_or(false)) {
    args.error("overwrite", "'if_missing' and 'overwrite' exclude each other");
    return nullptr;
  }
  SetMode mode = if_missing.value_or(false)  ? SetMode::if_missing
                 : overwrite.value_or(false) ? SetMode::overwrite
                                             : SetMode::fail;
  return std::make_shared<SetOp>(std::move(*field), *value, mode);
}

// ------------------------------------------------------------ map_values

class MapValuesOp final : public Op {
 public:
  MapValuesOp(FieldPath field, json map, bool strict)
      : m_field(std::move(field)), m_map(std::move(map)), m_strict(strict) {}

  void apply_to_json(json& data, OpOutcome& outcome) const override {
    for_each_value(data, m_field, [&](json& value, const std::string& at) {
      if (!is_scalar(value)) {
        conflict(outcome, at,
                 "'map_values' cannot map " + describe_value(value) + " of '" +
                     m_field.text + "'");
        return;
      }
      auto it = m_map.find(lookup_key(value));
      if (it != m_map.end()) {
        value = *it;
      } else if (m_strict) {
        conflict(outcome, at,
                 "'map_values' has no mapping for " + describe_value(value) +
                     " of '" + m_field.text + "' (unmapped: error)");
      }
    });
  }

 private:
  FieldPath m_field;
  json m_map;
  bool m_strict;
};

std::shared_ptr<Op> parse_map_values(ArgReader& args) {
  auto field = args.field("field", Required::yes);
  const json* map = args.value("map", Required::yes);
  auto unmapped = args.string("unmapped", Required::no);
  if (map != nullptr && (!map->is_object() || map->empty())) {
    args.error("map", "'map' must be a non-empty mapping of old value to new "
                      "value, got " + describe_value(*map));
    return nullptr;
  }
  if (unmapped && *unmapped != "keep" && *unmapped != "error") {
    args.error("unmapped", "'unmapped' must be 'keep' or 'error', got '" +
                               *unmapped + "'");
    return nullptr;
  }
  if (!field || map == nullptr) return nullptr;
  return std::make_shared<MapValuesOp>(std::move(*field), *map,
                                       unmapped.value_or("keep") == "error");
}

// --------------------------------------------------------------- convert

enum class Target { list, scalar, string, boolean, integer, number };

constexpr std::pair<std::string_view, Target> k_targets[] = {
    {"list", Target::list},       {"scalar", Target::scalar},
    {"string", Target::string},   {"bool", Target::boolean},
    {"int", Target::integer},     {"number", Target::number},
};

std::string trim_spaces(std::string_view s) {
  size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  size_t end = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(begin, end - begin + 1));
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

class ConvertOp final : public Op {
 public:
  ConvertOp(FieldPath field, Target target, std::optional<std::string> split,
            std::optional<std::string> join, json table)
      : m_field(std::move(field)),
        m_target(target),
        m_split(std::move(split)),
        m_join(std::move(join)),
        m_table(std::move(table)) {}

  void apply_to_json(json& data, OpOutcome& outcome) const override {
    json* value = find_value(data, m_field.tokens);
    if (value == nullptr) return;
    switch (m_target) {
      case Target::list: to_list(*value, outcome); return;
      case Target::scalar: to_scalar(*value, outcome); return;
      default: break;
    }
    if (m_join && value->is_array()) {
      to_scalar(*value, outcome);
      return;
    }
    for_each_value(data, m_field, [&](json& item, const std::string& at) {
      convert_scalar(item, at, outcome);
    });
  }

 private:
  void to_list(json& value, OpOutcome& outcome) const {
    if (value.is_array()) return;
    if (value.is_null()) {
      value = json::array();
    } else if (value.is_object()) {
      conflict(outcome, m_field.pointer(),
               "'convert' cannot make a list of the mapping '" + m_field.text +
                   "'");
    } else if (m_split && value.is_string()) {
      json list = json::array();
      const std::string& text = value.get_ref<const std::string&>();
      size_t start = 0;
      while (start <= text.size()) {
        size_t stop = text.find(*m_split, start);
        std::string item = trim_spaces(
            std::string_view(text).substr(start, stop == std::string::npos
                                                     ? std::string::npos
                                                     : stop - start));
        if (!item.empty()) list.push_back(item);
        if (stop == std::string::npos) break;
        start = stop + m_split->size();
      }
      value = std::move(list);
    } else {
      value = json::array({value});
    }
  }

  void to_scalar(json& value, OpOutcome& outcome) const {
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
                   "'convert' cannot join " + describe_value(value[i]) +
                       " of '" + m_field.text + "'");
          return;
        }
        if (value[i].is_null()) continue;
        if (!joined.empty()) joined += *m_join;
        joined += lookup_key(value[i]);
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
                      OpOutcome& outcome) const {
    if (value.is_null()) return;
    if (!is_scalar(value)) {
      conflict(outcome, at,
               "'convert' cannot convert " + describe_value(value) + " of '" +
                   m_field.text + "'");
      return;
    }
    if (auto it = m_table.find(lookup_key(value)); it != m_table.end()) {
      value = *it;
      return;
    }
    std::optional<json> converted;
    switch (m_target) {
      case Target::string:
        converted = value.is_string() ? value : json(lookup_key(value));
        break;
      case Target::boolean:
        if (value.is_boolean()) {
          converted = value;
        } else if (value == "true" || value == "false") {
          converted = value == "true";
        }
        break;
      case Target::integer:
        if (value.is_number_integer()) {
          converted = value;
        } else if (value.is_number_float()) {
          double d = value.get<double>();
          if (std::trunc(d) == d && std::fabs(d) < 9.0e15) {
            converted = json(static_cast<int64_t>(d));
          }
        } else if (value.is_string()) {
          converted = parse_integer(value.get_ref<const std::string&>());
        }
        break;
      case Target::number:
        if (value.is_number()) {
          converted = value;
        } else if (value.is_string()) {
          converted = parse_number(value.get_ref<const std::string&>());
        }
        break;
      default:
        break;
    }
    if (!converted) {
      conflict(outcome, at,
               "'convert' has no " + std::string(target_name()) + " for " +
                   describe_value(value) + " of '" + m_field.text +
                   "'; add it to 'table'");
      return;
    }
    value = std::move(*converted);
  }

  std::string_view target_name() const {
    for (const auto& [name, target] : k_targets) {
      if (target == m_target) return name;
    }
    return "";
  }

  FieldPath m_field;
  Target m_target;
  std::optional<std::string> m_split;
  std::optional<std::string> m_join;
  json m_table;
};

std::shared_ptr<Op> parse_convert(ArgReader& args) {
  auto field = args.field("field", Required::yes);
  auto to = args.string("to", Required::yes);
  auto split = args.string("split", Required::no);
  auto join = args.string("join", Required::no);
  const json* table = args.value("table", Required::no);
  if (!field || !to) return nullptr;
  std::optional<Target> target;
  std::vector<std::string_view> names;
  for (const auto& [name, value] : k_targets) {
    names.push_back(name);
    if (name == *to) target = value;
  }
  if (!target) {
    std::string list;
    for (std::string_view name : names) {
      list += (list.empty() ? "'" : ", '") + std::string(name) + "'";
    }
    args.error("to", "'to' must be one of " + list + ", got '" + *to + "'" +
                         did_you_mean(*to, names));
    return nullptr;
  }
  if (split && (split->empty() || *target != Target::list)) {
    args.error("split", split->empty() ? "'split' must not be empty"
                                       : "'split' needs 'to: list'");
    return nullptr;
  }
  if (join && *target != Target::scalar && *target != Target::string) {
    args.error("join", "'join' needs 'to: scalar' or 'to: string'");
    return nullptr;
  }
  json checked_table = json::object();
  if (table != nullptr) {
    if (*target == Target::list || *target == Target::scalar ||
        !table->is_object()) {
      args.error("table", *target == Target::list || *target == Target::scalar
                              ? "'table' needs 'to' string, bool, int or "
                                "number"
                              : "'table' must be a mapping of value to "
                                "converted value");
      return nullptr;
    }
    for (const auto& [key, value] : table->items()) {
      bool ok = (*target == Target::string && value.is_string()) ||
                (*target == Target::boolean && value.is_boolean()) ||
                (*target == Target::integer && value.is_number_integer()) ||
                (*target == Target::number && value.is_number());
      if (!ok) {
        args.error("table", "'table' maps '" + key + "' to " +
                                describe_value(value) + ", not a " +
                                std::string(*to));
        return nullptr;
      }
    }
    checked_table = *table;
  }
  return std::make_shared<ConvertOp>(std::move(*field), *target,
                                     std::move(split), std::move(join),
                                     std::move(checked_table));
}

// ------------------------------------------------------- string transforms

enum class StringKind { trim, lower, upper, slugify, replace };

std::string ascii_case(std::string s, bool upper) {
  for (char& c : s) {
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// Decodes the UTF-8 sequence at `s[i]`; returns its code point and sets
// `length` (an invalid byte counts as one code point of its own value).
uint32_t decode_utf8(std::string_view s, size_t i, size_t& length) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  length = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + length > s.size()) length = 1;
  if (length == 1) return c;
  uint32_t cp = c & (0x3F >> (length - 1));
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      length = 1;
      return c;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  return cp;
}

// Punctuation, symbols and spaces beyond ASCII that separate words in a
// slug: Latin-1 punctuation, general punctuation (dashes, quotes), arrows
// and symbols, CJK punctuation (、。《》「」) and fullwidth punctuation.
bool is_unicode_separator(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
         (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x2190 && cp <= 0x2BFF) ||
         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
         (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
}

// ASCII letters are lower-cased and kept with digits; other ASCII
// characters and Unicode punctuation become single dashes; apostrophes
// vanish ("Don't Panic — A Guide" -> "dont-panic-a-guide"). Other
// non-ASCII characters (letters, CJK) are kept as they are.
std::string slugify(std::string_view s) {
  std::string out;
  bool dash = false;
  for (size_t i = 0; i < s.size();) {
    size_t length = 1;
    uint32_t cp = decode_utf8(s, i, length);
    std::string_view piece = s.substr(i, length);
    i += length;
    if (cp == '\'' || cp == 0x2019) continue;  // apostrophes
    bool keep = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
                (cp >= 'A' && cp <= 'Z') ||
                (cp >= 0x80 && !is_unicode_separator(cp));
    if (!keep) {
      dash = true;
      continue;
    }
    if (dash && !out.empty()) out += '-';
    dash = false;
    if (cp >= 'A' && cp <= 'Z') {
      out += static_cast<char>(cp - 'A' + 'a');
    } else {
      out += piece;
    }
  }
  return out;
}

class StringOp final : public Op {
 public:
  StringOp(FieldPath field, StringKind kind,
           std::shared_ptr<const RE2> pattern, std::string rewrite)
      : m_field(std::move(field)),
        m_kind(kind),
        m_pattern(std::move(pattern)),
        m_rewrite(std::move(rewrite)) {}

  void apply_to_json(json& data, OpOutcome&) const override {
    for_each_value(data, m_field, [&](json& value, const std::string&) {
      if (!value.is_string()) return;
      const std::string& s = value.get_ref<const std::string&>();
      switch (m_kind) {
        case StringKind::trim: value = trim_spaces(s); break;
        case StringKind::lower: value = ascii_case(s, false); break;
        case StringKind::upper: value = ascii_case(s, true); break;
        case StringKind::slugify: value = slugify(s); break;
        case StringKind::replace:
          value = regex_replace_all(*m_pattern, s, m_rewrite);
          break;
      }
    });
  }

 private:
  FieldPath m_field;
  StringKind m_kind;
  std::shared_ptr<const RE2> m_pattern;
  std::string m_rewrite;  // RE2 syntax, from translate_ecma_replacement()
};

std::shared_ptr<Op> parse_string_op(ArgReader& args, StringKind kind) {
  auto field = args.field("field", Required::yes);
  if (!field) return nullptr;
  return std::make_shared<StringOp>(std::move(*field), kind, nullptr, "");
}

std::shared_ptr<Op> parse_trim(ArgReader& args) {
  return parse_string_op(args, StringKind::trim);
}
std::shared_ptr<Op> parse_lower(ArgReader& args) {
  return parse_string_op(args, StringKind::lower);
}
std::shared_ptr<Op> parse_upper(ArgReader& args) {
  return parse_string_op(args, StringKind::upper);
}
std::shared_ptr<Op> parse_slugify(ArgReader& args) {
  return parse_string_op(args, StringKind::slugify);
}

std::shared_ptr<Op> parse_replace(ArgReader& args) {
  auto field = args.field("field", Required::yes);
  auto pattern = args.string("pattern", Required::yes);
  auto with = args.string("with", Required::yes);
  if (!field || !pattern || !with) return nullptr;
  auto regex = compile_ecma_regex(*pattern);
  if (!regex) {
    args.error("pattern", "invalid regular expression '" + *pattern +
                              "': " + regex.error());
    return nullptr;
  }
  auto rewrite = translate_ecma_replacement(**regex, *with);
  if (!rewrite) {
    args.error("with", "invalid replacement '" + *with +
                           "': " + rewrite.error());
    return nullptr;
  }
  return std::make_shared<StringOp>(std::move(*field), StringKind::replace,
                                    std::move(*regex), std::move(*rewrite));
}

// -------------------------------------------------------------- list ops

std::optional<std::vector<json>> read_values(ArgReader& args) {
  const json* one = args.value("value", Required::no);
  auto many = args.values("values", Required::no);
  if ((one != nullptr) == many.has_value()) {
    args.op_error("'" + args.op_name() +
                  "' needs exactly one of 'value' and 'values'");
    return std::nullopt;
  }
  if (one != nullptr) return std::vector<json>{*one};
  return many;
}

class AppendOp final : public Op {
 public:
  AppendOp(FieldPath field, std::vector<json> values, bool unique)
      : m_field(std::move(field)),
        m_values(std::move(values)),
        m_unique(unique) {}

  void apply_to_json(json& data, OpOutcome& outcome) const override {
    json* list = find_value(data, m_field.tokens);
    if (list == nullptr) {
      bool conflicted = false;
      json* parent = parent_of(data, m_field, true, outcome, *this, conflicted);
      if (parent == nullptr) return;
      if (!parent->is_object()) {
        conflict(outcome, m_field.pointer(),
                 "'append' cannot create item '" + m_field.leaf() +
                     "' of the list '" + m_field.parent().text + "'");
        return;
      }
      list = &((*parent)[m_field.leaf()] = json::array());
    } else if (list->is_null()) {
      *list = json::array();
    } else if (!list->is_array()) {
      conflict(outcome, m_field.pointer(),
               "'append' needs a list but '" + m_field.text + "' holds " +
                   describe_value(*list) + "; convert it with 'to: list' "
                   "first");
      return;
    }
    for (const json& value : m_values) {
      if (m_unique &&
          std::find(list->begin(), list->end(), value) != list->end()) {
        continue;
      }
      list->push_back(value);
    }
  }

 private:
  FieldPath m_field;
  std::vector<json> m_values;
  bool m_unique;
};

std::shared_ptr<Op> parse_append(ArgReader& args) {
  auto field = args.field("field", Required::yes);
  auto values = read_values(args);
  auto unique = args.boolean("unique");
  if (!field || !values) return nullptr;
  return std::make_shared<AppendOp>(std::move(*field), std::move(*values),
                                    unique.value_or(false));
}

class RemoveOp final : public Op {
 public:
  RemoveOp(FieldPath field, std::vector<json> values)
      : m_field(std::move(field)), m_values(std::move(values)) {}

  void apply_to_json(json& data, OpOutcome& outcome) const override {
    json* list = find_value(data, m_field.tokens);
    if (list == nullptr || !list->is_array()) return;
    json kept = json::array();
    for (json& item : *list) {
      if (std::find(m_values.begin(), m_values.end(), item) != m_values.end()) {
        ++outcome.deleted_values;
      } else {
        kept.push_back(std::move(item));
      }
    }
    *list = std::move(kept);
  }

 private:
  FieldPath m_field;
  std::vector<json> m_values;
};

std::shared_ptr<Op> parse_remove(ArgReader& args) {
  auto field = args.field("field", Required::yes);
  auto values = read_values(args);
  if (!field || !values) return nullptr;
  return std::make_shared<RemoveOp>(std::move(*field), std::move(*values));
}

class DedupeOp final : public Op {
 public:
  explicit DedupeOp(FieldPath field) : m_field(std::move(field)) {}

  void apply_to_json(json& data, OpOutcome&) const override {
    json* list = find_value(data, m_field.tokens);
    if (list == nullptr || !list->is_array()) return;
    json kept = json::array();
    for (json& item : *list) {
      if (std::find(kept.begin(), kept.end(), item) == kept.end()) {
        kept.push_back(std::move(item));
      }
    }
    *list = std::move(kept);
  }

 private:
  FieldPath m_field;
};

std::shared_ptr<Op> parse_dedupe(ArgReader& args) {
  auto field = args.field("field", Required::yes);
  if (!field) return nullptr;
  return std::make_shared<DedupeOp>(std::move(*field));
}

class SortOp final : public Op {
 public:
  SortOp(FieldPath field, bool descending)
      : m_field(std::move(field)), m_descending(descending) {}

  void apply_to_json(json& data, OpOutcome& outcome) const override {
    json* list = find_value(data, m_field.tokens);
    if (list == nullptr || !list->is_array() || list->empty()) return;
    bool strings = std::all_of(list->begin(), list->end(),
                               [](const json& v) { return v.is_string(); });
    bool numbers = std::all_of(list->begin(), list->end(),
                               [](const json& v) { return v.is_number(); });
    if (!strings && !numbers) {
      conflict(outcome, m_field.pointer(),
               "'sort' needs a list of only strings or only numbers in '" +
                   m_field.text + "'");
      return;
    }
    std::vector<json> items(list->begin(), list->end());
    std::stable_sort(items.begin(), items.end(),
                     [&](const json& a, const json& b) {
                       return m_descending ? b < a : a < b;
                     });
    *list = json(items);
  }

 private:
  FieldPath m_field;
  bool m_descending;
};

std::shared_ptr<Op> parse_sort(ArgReader& args) {
  auto field = args.field("field", Required::yes);
  auto order = args.string("order", Required::no);
  if (order && *order != "asc" && *order != "desc") {
    args.error("order", "'order' must be 'asc' or 'desc', got '" + *order +
                            "'");
    return nullptr;
  }
  if (!field) return nullptr;
  return std::make_shared<SortOp>(std::move(*field),
                                  order.value_or("asc") == "desc");
}

// ------------------------------------------------------------- the table

struct OpEntry {
  std::string_view name;
  std::shared_ptr<Op> (*parse)(ArgReader&);
  // Whether `op: name` may stand for `op: {field: name}`.
  bool field_shorthand;
};

constexpr OpEntry k_ops[] = {
    {"rename", parse_rename, false},
    {"move", parse_move, false},
    {"copy", parse_copy, false},
    {"delete", parse_delete, true},
    {"set", parse_set, false},
    {"map_values", parse_map_values, false},
    {"convert", parse_convert, false},
    {"trim", parse_trim, true},
    {"lower", parse_lower, true},
    {"upper", parse_upper, true},
    {"slugify", parse_slugify, true},
    {"replace", parse_replace, false},
    {"append", parse_append, false},
    {"remove", parse_remove, false},
    {"dedupe", parse_dedupe, true},
    {"sort", parse_sort, true},
};

}  // namespace

Expected<std::vector<TextEdit>> Op::plan_edits(const YamlEditor& editor,
                                               const json& after) const {
  return editor.diff(after);
}

void Op::conflict(OpOutcome& outcome, std::string pointer,
                  std::string message) const {
  Diagnostic d;
  d.rule = "migrate.conflict";
  d.pointer = std::move(pointer);
  d.message = std::move(message);
  if (!m_location.empty()) d.message += " (" + m_location + ")";
  outcome.conflicts.push_back(std::move(d));
}

std::vector<std::string_view> op_names() {
  std::vector<std::string_view> names;
  for (const OpEntry& entry : k_ops) names.push_back(entry.name);
  return names;
}

OpPtr parse_op(MigrationSource& source, const std::string& pointer,
               const json& item) {
  if (!item.is_object()) {
    source.error(pointer, "an op must be a mapping such as "
                          "'{rename: {from: a, to: b}}', got " +
                              describe_value(item));
    return nullptr;
  }
  std::vector<std::string> names;
  for (const auto& [key, value] : item.items()) {
    if (key != "where") names.push_back(key);
  }
  if (names.empty()) {
    source.error(pointer, "an op needs a name such as 'rename' or 'set'");
    return nullptr;
  }
  if (names.size() > 1) {
    source.error(append_pointer(pointer, names[1]),
                 "one op per list item: found '" + names[0] + "' and '" +
                     names[1] + "'",
                 true);
    return nullptr;
  }
  const std::string& name = names.front();
  std::string op_pointer = append_pointer(pointer, name);
  const OpEntry* entry = nullptr;
  for (const OpEntry& candidate : k_ops) {
    if (candidate.name == name) entry = &candidate;
  }
  if (entry == nullptr) {
    source.error(op_pointer,
                 "unknown op '" + name + "'" + did_you_mean(name, op_names()),
                 true);
    return nullptr;
  }
  json args = item.at(name);
  if (entry->field_shorthand && args.is_string()) {
    args = json{{"field", args}};
  }
  ArgReader reader(source, op_pointer, args, name);
  std::shared_ptr<Op> op = entry->parse(reader);
  const json* inner_where = reader.value("where", Required::no);
  bool ok = reader.finish() && op != nullptr;
  auto outer_where = item.find("where");
  if (inner_where != nullptr && outer_where != item.end()) {
    source.error(append_pointer(pointer, "where"),
                 "'where' is given twice, beside and inside '" + name + "'",
                 true);
    ok = false;
  }
  Where where;
  if (inner_where != nullptr || outer_where != item.end()) {
    bool inside = inner_where != nullptr;
    std::optional<Where> parsed = parse_where(
        source,
        append_pointer(inside ? op_pointer : pointer, "where"),
        inside ? *inner_where : *outer_where);
    if (!parsed) return nullptr;
    where = std::move(*parsed);
  }
  if (!ok) return nullptr;
  op->set_context(name, std::move(where), source.location(op_pointer));
  return op;
}

OpPtr make_set_op(FieldPath field, json value, SetMode mode,
                  std::string location) {
  auto op = std::make_shared<SetOp>(std::move(field), std::move(value), mode);
  op->set_context("set", Where{}, std::move(location));
  return op;
}

}  // namespace fmkit
