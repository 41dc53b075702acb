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
  // An item that is only a tag or an anchor ("!t", an empty value) needs a
  // space after its ',': libfyaml reads "!t,b" as the tag "!t,b".
  for (size_t k = 0; k < kids.size(); ++k) {
    if (kids[k].info->value_begin == kids[k].info->value_end &&
        begins[k] < kids[k].info->value_end && !separator.ends_with(' ')) {
      separator += ' ';
      break;
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

}  // namespace fmkit
