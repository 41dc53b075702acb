// SPDX-License-Identifier: MIT
//
// The op table (name -> parser) and parse_op(): one list item of a
// migration's `ops`, its name looked up (with a did-you-mean), its
// arguments read, its `where` beside or inside it. Also Op's shared members.
#include "base/describe.hpp"
#include "base/json_pointer.hpp"
#include "base/spelling.hpp"
#include "migrate/editor.hpp"
#include "migrate/migration_source.hpp"
#include "migrate/ops.hpp"
#include "migrate/ops/op_support.hpp"

namespace fmkit {
namespace {

using nlohmann::json;

struct OpEntry {
  std::string_view name;
  ops::Parser parse;
  // Whether `op: name` may stand for `op: {field: name}`.
  bool field_shorthand;
};

constexpr OpEntry k_ops[] = {
    {"rename", ops::parse_rename, false},
    {"move", ops::parse_move, false},
    {"copy", ops::parse_copy, false},
    {"delete", ops::parse_delete, true},
    {"set", ops::parse_set, false},
    {"map_values", ops::parse_map_values, false},
    {"convert", ops::parse_convert, false},
    {"trim", ops::parse_trim, true},
    {"lower", ops::parse_lower, true},
    {"upper", ops::parse_upper, true},
    {"slugify", ops::parse_slugify, true},
    {"replace", ops::parse_replace, false},
    {"append", ops::parse_append, false},
    {"remove", ops::parse_remove, false},
    {"dedupe", ops::parse_dedupe, true},
    {"sort", ops::parse_sort, true},
};

// Returns the table entry of the one op named in `item`, or nullptr after
// reporting why there is none.
const OpEntry* find_entry(MigrationSource& source, const std::string& pointer,
                          const json& item) {
  if (!item.is_object()) {
    source.error(pointer,
                 "an op must be a mapping such as "
                 "'{rename: {from: a, to: b}}', got " +
                     describe_value(item, ValueStyle::subject));
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
    source.error(
        append_pointer(pointer, names[1]),
        "one op per list item: found '" + names[0] + "' and '" + names[1] + "'",
        Place::key);
    return nullptr;
  }
  const std::string& name = names.front();
  std::vector<std::string> known;
  for (const OpEntry& entry : k_ops) {
    if (entry.name == name) return &entry;
    known.emplace_back(entry.name);
  }
  source.error(append_pointer(pointer, name),
               "unknown op '" + name + "'" + did_you_mean(name, known),
               Place::key, "migration.unknown-op");
  return nullptr;
}

}  // namespace

Expected<std::vector<TextEdit>> Op::plan_edits(const Editor& editor,
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
  const OpEntry* entry = find_entry(source, pointer, item);
  if (entry == nullptr) return nullptr;
  std::string name(entry->name);
  std::string op_pointer = append_pointer(pointer, name);
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
                 Place::key);
    ok = false;
  }
  Where where;
  if (inner_where != nullptr || outer_where != item.end()) {
    bool inside = inner_where != nullptr;
    std::optional<Where> parsed = parse_where(
        source, append_pointer(inside ? op_pointer : pointer, "where"),
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
  auto op = ops::make_set(std::move(field), std::move(value), mode);
  op->set_context("set", Where{}, std::move(location));
  return op;
}

}  // namespace fmkit
