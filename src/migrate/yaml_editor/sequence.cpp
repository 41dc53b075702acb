// SPDX-License-Identifier: MIT
//
// YamlEditor's rewritten sequences (items kept with their text, in a new
// order, with new items among them) and the generic structural diff from
// the document's JSON to a computed one.
#include "base/json_pointer.hpp"
#include "migrate/yaml_editor.hpp"
#include "migrate/yaml_editor/editor_util.hpp"

namespace fmkit {

using nlohmann::json;

Expected<TextEdit> YamlEditor::rewrite_sequence(
    std::string_view pointer, const std::vector<SequenceItem>& items) const {
  auto found = editable_node(pointer);
  if (!found) return unexpected(found.error());
  const NodeInfo& info = **found;
  if (info.kind != NodeKind::sequence) {
    return unexpected("'" + std::string(pointer) + "' is not a sequence");
  }
  std::vector<Child> kids = children(pointer);
  if (items.empty()) return replace_value(pointer, json::array());
  if (kids.empty() && !info.flow) {
    return unexpected("'" + std::string(pointer) + "' has no items");
  }
  for (const SequenceItem& item : items) {
    if (item.existing && *item.existing >= kids.size()) {
      return unexpected("item " + std::to_string(*item.existing) + " of '" +
                        std::string(pointer) + "' has no place");
    }
  }
  return info.flow ? rewrite_flow_sequence(pointer, info, kids, items)
                   : rewrite_block_sequence(pointer, kids, items);
}

Expected<TextEdit> YamlEditor::rewrite_flow_sequence(
    std::string_view pointer, const NodeInfo& info,
    const std::vector<Child>& kids,
    const std::vector<SequenceItem>& items) const {
  // Comments are never dropped: such a list is left to the user.
  if (has_comment(pointer, info.value_begin, info.value_end)) {
    return unexpected("the flow list '" + std::string(pointer) +
                      "' has comments between its items");
  }
  // Keep the list's spacing: "[ a,b ]" stays "[ a,b,c ]".
  std::string pad;
  std::string separator = ", ";
  std::string tail;
  std::vector<size_t> begins;
  for (const Child& kid : kids) {
    begins.push_back(node_begin(kid.pointer, *kid.info));
  }
  if (!kids.empty()) {
    std::string_view inner =
        m_text.substr(info.value_begin, info.value_end - info.value_begin);
    std::string_view between =
        kids.size() > 1 ? m_text.substr(kids[0].info->value_end,
                                        begins[1] - kids[0].info->value_end)
                        : std::string_view();
    if (kids.size() > 1 && between.find('\n') == std::string_view::npos) {
      separator = std::string(between);
    }
    if (inner.find('\n') == std::string_view::npos) {
      pad = m_text.substr(info.value_begin + 1,
                          begins.front() - info.value_begin - 1);
      tail = m_text.substr(kids.back().info->value_end,
                           info.value_end - 1 - kids.back().info->value_end);
    }
  }
  std::string text = "[" + pad;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += separator;
    const SequenceItem& item = items[i];
    if (item.existing) {
      size_t k = *item.existing;
      text += m_text.substr(begins[k], kids[k].info->value_end - begins[k]);
    } else {
      text += render_flow(item.value);
    }
  }
  text += tail + "]";
  return TextEdit{info.value_begin, info.value_end, std::move(text)};
}

Expected<TextEdit> YamlEditor::rewrite_block_sequence(
    std::string_view pointer, const std::vector<Child>& kids,
    const std::vector<SequenceItem>& items) const {
  // Each item owns the lines from the end of the previous item (so the
  // comments above it) to the end of its own last line.
  std::vector<size_t> ends;
  size_t first_dash = 0;
  for (size_t i = 0; i < kids.size(); ++i) {
    auto dash = dash_before(*kids[i].info);
    if (!dash || !starts_line(*dash)) {
      return unexpected("cannot rewrite the list '" + std::string(pointer) +
                        "': an item shares a line with its parent");
    }
    if (i == 0) first_dash = *dash;
    ends.push_back(entry_end(*kids[i].info));
  }
  // Blank lines after the list would join a "|+" scalar moved to its end.
  const SequenceItem& last = items.back();
  if (last.existing && *last.existing + 1 != kids.size() &&
      ends_with_kept_lines(*kids[*last.existing].info) &&
      blank_line_at(ends.back())) {
    return unexpected("cannot rewrite the list '" + std::string(pointer) +
                      "': its new last item, a '|+' block scalar, would take "
                      "the blank lines after the list");
  }
  size_t begin = line_start(first_dash);
  size_t dash_column = first_dash - begin;
  std::string text;
  for (const SequenceItem& item : items) {
    if (item.existing) {
      size_t from = *item.existing == 0 ? begin : ends[*item.existing - 1];
      text += m_text.substr(from, ends[*item.existing] - from);
    } else {
      text += editor_util::spaces(dash_column) + "- " +
              render_item_value(item.value, dash_column, m_style) + m_style.eol;
    }
  }
  return TextEdit{begin, ends.back(), std::move(text)};
}

Expected<std::vector<TextEdit>> YamlEditor::diff(const json& after) const {
  std::vector<TextEdit> edits;
  std::string error;
  diff_node("", m_document.data, after, edits, error);
  if (!error.empty()) return unexpected(error);
  return edits;
}

namespace {

// The items of `after` as a rewrite of `before`: each kept from the first
// unused equal item of `before`, else new. Sets `reused` to how many are
// kept.
std::vector<SequenceItem> match_items(const json& before, const json& after,
                                      size_t& reused) {
  std::vector<bool> used(before.size(), false);
  std::vector<SequenceItem> items;
  reused = 0;
  for (const json& item : after) {
    SequenceItem next;
    for (size_t j = 0; j < before.size(); ++j) {
      if (!used[j] && before[j] == item) {
        used[j] = true;
        next.existing = j;
        ++reused;
        break;
      }
    }
    if (!next.existing) next.value = item;
    items.push_back(std::move(next));
  }
  return items;
}

}  // namespace

void YamlEditor::diff_node(const std::string& pointer, const json& before,
                           const json& after, std::vector<TextEdit>& edits,
                           std::string& error) const {
  if (before == after || !error.empty()) return;
  auto add = [&](Expected<TextEdit> edit) {
    if (!edit) {
      if (error.empty()) error = edit.error();
      return;
    }
    edits.push_back(std::move(edit).value());
  };
  if (before.is_object() && after.is_object()) {
    bool any_kept = false;
    for (const auto& [key, value] : before.items()) {
      if (after.contains(key)) any_kept = true;
    }
    if (!pointer.empty() && !any_kept) {
      add(replace_value(pointer, after));
      return;
    }
    std::vector<std::string> tokens = split_pointer(pointer);
    for (const auto& [key, value] : before.items()) {
      auto it = after.find(key);
      std::string child = append_pointer(pointer, key);
      if (it == after.end()) {
        add(remove(child));
      } else {
        diff_node(child, value, *it, edits, error);
      }
    }
    for (const auto& [key, value] : after.items()) {
      if (before.contains(key)) continue;
      tokens.push_back(key);
      add(insert(tokens, value, std::nullopt));
      tokens.pop_back();
    }
    return;
  }
  if (before.is_array() && after.is_array() && !before.empty() &&
      !after.empty()) {
    // Reuse the text of every item that survives unchanged, in order of
    // the new list; a same-length list that is not a permutation changed
    // in place and is diffed item by item.
    size_t reused = 0;
    std::vector<SequenceItem> items = match_items(before, after, reused);
    if (before.size() == after.size() && reused != after.size()) {
      for (size_t i = 0; i < before.size(); ++i) {
        diff_node(append_pointer(pointer, std::to_string(i)), before[i],
                  after[i], edits, error);
      }
      return;
    }
    add(rewrite_sequence(pointer, items));
    return;
  }
  add(replace_value(pointer, after));
}

}  // namespace fmkit
