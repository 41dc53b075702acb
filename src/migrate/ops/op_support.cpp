// SPDX-License-Identifier: MIT
//
// Helpers shared by the ops: `map` and `table` lookups, creating the
// mappings a new value needs, and the in-place plan of edits.
#include "migrate/ops/op_support.hpp"

#include "base/describe.hpp"
#include "migrate/editor.hpp"

namespace fmkit::ops {

using nlohmann::json;

json::const_iterator find_key(const json& map, const json& value,
                              std::string_view pointer,
                              const SourceText& source) {
  if (auto written = source.written_number(value, pointer)) {
    auto it = map.find(std::string(*written));
    if (it != map.end()) return it;
  }
  return map.find(json_text(value));
}

std::string describe_scalar(const json& value, std::string_view pointer,
                            const SourceText& source) {
  if (auto written = source.written_number(value, pointer)) {
    return std::string(*written);
  }
  return describe_value(value, ValueStyle::subject);
}

std::string trim_spaces(std::string_view s) {
  size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  size_t end = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(begin, end - begin + 1));
}

json* mapping_for_new(json& data, const FieldPath& path, OpOutcome& outcome,
                      const Op& op, const std::string& at,
                      const std::string& list_message) {
  json* node = &data;
  std::vector<std::string> walked;
  std::string cannot = "'" + op.name() + "' cannot create '" + path.text + "'";
  for (size_t i = 0; i + 1 < path.tokens.size(); ++i) {
    const std::string& token = path.tokens[i];
    if (node->is_object()) {
      walked.push_back(token);
      auto it = node->find(token);
      node = it == node->end() ? &((*node)[token] = json::object()) : &*it;
    } else if (node->is_array()) {
      walked.push_back(token);
      size_t index = 0;
      if (!parse_index(token, index) || index >= node->size()) {
        op.conflict(outcome, to_pointer(walked),
                    cannot + ": the list has no item " + token);
        return nullptr;
      }
      node = &(*node)[index];
    } else {
      break;
    }
  }
  if (!node->is_object() && !node->is_array()) {
    std::string pointer = to_pointer(walked);
    op.conflict(outcome, pointer,
                cannot + ": '" + pointer + "' holds " +
                    describe_value(*node, ValueStyle::subject) +
                    ", not a mapping");
    return nullptr;
  }
  if (!node->is_object()) {
    op.conflict(outcome, at, list_message);
    return nullptr;
  }
  return node;
}

Expected<std::vector<TextEdit>> replace_changed(const Editor& editor,
                                                const FieldPath& field,
                                                const json& after) {
  const json* old = find_value(editor.document().data, field.tokens);
  const json* now = find_value(after, field.tokens);
  std::vector<TextEdit> edits;
  if (old == nullptr || now == nullptr || *old == *now) return edits;
  if (!old->is_array() || !now->is_array() || old->size() != now->size()) {
    return one_edit(editor.replace_value(field.pointer(), *now));
  }
  for (size_t i = 0; i < old->size(); ++i) {
    if ((*old)[i] == (*now)[i]) continue;
    auto edit = editor.replace_value(
        append_pointer(field.pointer(), std::to_string(i)), (*now)[i]);
    if (!edit) return unexpected(edit.error());
    edits.push_back(std::move(*edit));
  }
  return edits;
}

Expected<std::vector<TextEdit>> one_edit(Expected<TextEdit> edit) {
  if (!edit) return unexpected(edit.error());
  return std::vector<TextEdit>{std::move(edit).value()};
}

}  // namespace fmkit::ops
