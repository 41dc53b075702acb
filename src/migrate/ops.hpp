// SPDX-License-Identifier: MIT
//
// Migration ops: the declarative steps of a migration file. Each op is its
// parsed arguments plus two halves that the planner checks against each
// other:
//
//   apply_to_json()  the expected result, on the document's JSON model;
//   plan_edits()     TextEdits that make the file's YAML say the same.
//
// Ops never drop a value silently: when an op cannot carry a value over
// (rename onto a different existing value, set over an existing value
// without `overwrite`, a convert or map_values that has no answer for a
// value) it reports a conflict and the document is not migrated.
//
// Ops write fresh text only for the values they compute (a set value, a
// mapped or converted value, a trimmed string, an appended item). A value an
// op only carries keeps its source bytes (`1.10`, `0x1F`, `'x'`, `~`,
// comments inside), through the editor's carrying edits (migrate/editor.hpp):
// rename, move and copy carry the entry; convert to a list wraps the value's
// text, to a scalar unwraps the item's; map_values, convert and the string ops
// replace only the items they change; append, remove, dedupe and sort rewrite
// the list from the texts of the items they keep, chosen by index (not by
// value, so of two equal items `1.10` and `1.1` the right one stays).
//
// A number an op turns into text keeps the digits it was written with
// (SourceText): convert to string makes `1.10` '1.10', not '1.1', and so
// does join (which refuses an alias to a number: its digits are at the
// anchor); a key of map_values' `map` or convert's `table` matches a
// number written as the key is (`1.10: x`, `'1.10': x`), else the number's
// JSON text (`1.1: x` matches `1.10` too). Comparisons are by value, as
// YAML 1.2 reads it: in `where` (equals, in, contains), remove, append
// `unique`, dedupe (`1.10` and `1.1` are one number: the first stays) and
// sort (numbers by value: 1.10 before 1.9; strings by their bytes).
//
//   rename      {from, to}                    key renamed in place
//   move        {from, to}                    into/out of nested mappings
//   copy        {from, to}
//   delete      {field}                       counted in the summary
//   set         {field, value, if_missing | overwrite}
//   map_values  {field, map, unmapped: keep | error}
//   convert     {field, to: list | scalar | string | bool | int | number,
//                split, join, table}
//   trim, lower, upper, slugify {field}       strings and lists of strings
//   replace     {field, pattern, with}        every match; ECMA regex (RE2),
//                                             $1..$9, $&, $$ in `with`
//   append      {field, value | values, unique}
//   remove      {field, value | values}       counted in the summary
//   dedupe      {field}
//   sort        {field, order: asc | desc}
//
// Every op also takes `where` (see condition.hpp), either among its
// arguments or beside the op name in the list item. A field is a key name
// or a JSON Pointer. Ops are immutable after parsing; thread-safe.
#pragma once

#include "base/expected.hpp"
#include "diag/diagnostic.hpp"
#include "edit/text_edit.hpp"
#include "migrate/condition.hpp"
#include "migrate/field_path.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

class MigrationSource;
class SourceText;
class Editor;

// What applying one op to one document found.
struct OpOutcome {
  // Values the op could not carry over, as error diagnostics (rule
  // "migrate.conflict") with a pointer and no span yet.
  std::vector<Diagnostic> conflicts;
  // Values removed on purpose (delete, remove).
  size_t deleted_values = 0;
};

class Op {
 public:
  virtual ~Op() = default;

  const std::string& name() const { return m_name; }
  const Where& where() const { return m_where; }
  // "path:line:col" of the op in its migration file.
  const std::string& location() const { return m_location; }

  // Applies the op to `data` (the front matter's JSON), whose source is
  // `source` (the text of the same front matter, for the ops that turn a
  // number into text; a SourceText() for JSON alone). On a conflict,
  // appends to `outcome.conflicts`; `data` is then unspecified.
  virtual void apply_to_json(nlohmann::json& data, const SourceText& source,
                             OpOutcome& outcome) const = 0;

  // Returns the edits that turn the editor's text (whose JSON is
  // `editor.document().data`, the op's input) into YAML whose JSON is
  // `after` (what apply_to_json() made of it). The default is the generic
  // structural diff (Editor::diff), right for computed values (`set`);
  // every op that carries values overrides it with the edits that carry
  // exactly those values' texts (see above).
  virtual Expected<std::vector<TextEdit>> plan_edits(
      const Editor& editor, const nlohmann::json& after) const;

  // Set by the parser.
  void set_context(std::string name, Where where, std::string location) {
    m_name = std::move(name);
    m_where = std::move(where);
    m_location = std::move(location);
  }

  // Appends a conflict at `pointer` to `outcome`, its message followed by
  // the op's location.
  void conflict(OpOutcome& outcome, std::string pointer,
                std::string message) const;

 private:
  std::string m_name;
  Where m_where;
  std::string m_location;
};

using OpPtr = std::shared_ptr<const Op>;

// Parses the op list item at `pointer` (a mapping with one op name and an
// optional `where`). Reports problems to `source` (unknown op names with a
// did-you-mean, bad or unknown arguments) and returns nullptr then.
OpPtr parse_op(MigrationSource& source, const std::string& pointer,
               const nlohmann::json& item);

// The op names, in the order of the table.
std::vector<std::string_view> op_names();

// How make_set_op() treats an existing value.
enum class SetMode { if_missing, overwrite, fail };

// Returns a `set` op built in code (the planner bumps the version key with
// one), with `location` for messages.
OpPtr make_set_op(FieldPath field, nlohmann::json value, SetMode mode,
                  std::string location);

}  // namespace fmkit
