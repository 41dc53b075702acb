// SPDX-License-Identifier: MIT
//
// What the ops of migrate/ops/*.cpp share: each op's parser (the table in
// registry.cpp lists them), a base for ops on one field, helpers on the
// JSON model, and the plan of edits that ops changing values in place use.
// Internal to migrate/; pure functions; thread-safe.
#pragma once

#include "base/json_pointer.hpp"
#include "migrate/migration_source.hpp"
#include "migrate/ops.hpp"
#include "migrate/source_text.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit::ops {

// Parses one op's arguments; reports problems to `args` and returns nullptr
// then.
using Parser = std::shared_ptr<Op> (*)(ArgReader& args);

// rename_move.cpp
std::shared_ptr<Op> parse_rename(ArgReader& args);
std::shared_ptr<Op> parse_move(ArgReader& args);
std::shared_ptr<Op> parse_copy(ArgReader& args);
// set_delete.cpp
std::shared_ptr<Op> parse_delete(ArgReader& args);
std::shared_ptr<Op> parse_set(ArgReader& args);
std::shared_ptr<Op> make_set(FieldPath field, nlohmann::json value,
                             SetMode mode);
// convert.cpp
std::shared_ptr<Op> parse_map_values(ArgReader& args);
std::shared_ptr<Op> parse_convert(ArgReader& args);
// strings.cpp
std::shared_ptr<Op> parse_trim(ArgReader& args);
std::shared_ptr<Op> parse_lower(ArgReader& args);
std::shared_ptr<Op> parse_upper(ArgReader& args);
std::shared_ptr<Op> parse_slugify(ArgReader& args);
std::shared_ptr<Op> parse_replace(ArgReader& args);
// lists.cpp
std::shared_ptr<Op> parse_append(ArgReader& args);
std::shared_ptr<Op> parse_remove(ArgReader& args);
std::shared_ptr<Op> parse_dedupe(ArgReader& args);
std::shared_ptr<Op> parse_sort(ArgReader& args);

// An op on one field (a key name or a JSON Pointer).
class FieldOp : public Op {
 public:
  explicit FieldOp(FieldPath field) : m_field(std::move(field)) {}

 protected:
  FieldPath m_field;
};

// Parses an op whose only argument is `field` and builds a `T` from it and
// `extra`.
template <typename T, typename... Extra>
std::shared_ptr<Op> parse_field_only(ArgReader& args, Extra... extra) {
  auto field = args.field("field", Required::yes);
  if (!field) return nullptr;
  return std::make_shared<T>(std::move(*field), extra...);
}

inline bool is_scalar(const nlohmann::json& value) {
  return !value.is_array() && !value.is_object();
}

// Returns the entry of `map` (a `map` or `table`: its keys are text, `1:
// one` is keyed "1", `true: yes` "true") for the scalar `value` at
// `pointer` of the document `source`: the key written as the number is
// written (`1.10`, `0x1F`), else the key of its JSON text (`1.1`, `31`,
// `true`); map.end() when neither is a key.
nlohmann::json::const_iterator find_key(const nlohmann::json& map,
                                        const nlohmann::json& value,
                                        std::string_view pointer,
                                        const SourceText& source);

// Returns the scalar `value` at `pointer` of the document `source` as a
// message quotes it: a number as it is written (1.10, 0x1F), anything else
// as describe_value() shows a subject ('x', true).
std::string describe_scalar(const nlohmann::json& value,
                            std::string_view pointer, const SourceText& source);

// Returns `s` without leading and trailing spaces, tabs and line breaks.
std::string trim_spaces(std::string_view s);

// Returns the mapping that a new value at `path` goes into, creating the
// missing mappings on the way. Returns nullptr after a conflict at the
// value in the way (a scalar, or a list without the item named), or, when
// the parent is a list, after the conflict `list_message` at `at`.
nlohmann::json* mapping_for_new(nlohmann::json& data, const FieldPath& path,
                                OpOutcome& outcome, const Op& op,
                                const std::string& at,
                                const std::string& list_message);

// Applies `fn(value, pointer)` to the value at `path`, or to each of its
// items when it is a list.
template <typename Fn>
void for_each_value(nlohmann::json& data, const FieldPath& path, Fn fn) {
  nlohmann::json* value = find_value(data, path.tokens);
  if (value == nullptr) return;
  if (value->is_array()) {
    for (size_t i = 0; i < value->size(); ++i) {
      fn((*value)[i], append_pointer(path.pointer(), std::to_string(i)));
    }
  } else {
    fn(*value, path.pointer());
  }
}

// The edits of an op that changes the value at `field`, or items of it in
// place (map_values, convert to a scalar type, trim...): each changed value
// replaced by its computed one in `after`; unchanged items keep their text
// and their place.
Expected<std::vector<TextEdit>> replace_changed(const Editor& editor,
                                                const FieldPath& field,
                                                const nlohmann::json& after);

// Returns `edit` as a list of one edit.
Expected<std::vector<TextEdit>> one_edit(Expected<TextEdit> edit);

}  // namespace fmkit::ops
