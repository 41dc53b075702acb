// SPDX-License-Identifier: MIT
//
// YamlEditor's edits that put a value somewhere new: insert (a computed
// value, or one carried from another place), move, and a scalar wrapped in
// a list of one or taken out of it. The carried text comes from carry.cpp.
#include "base/json_pointer.hpp"
#include "migrate/field_path.hpp"
#include "migrate/yaml_editor.hpp"
#include "migrate/yaml_editor/editor_util.hpp"

namespace fmkit {

using editor_util::spaces;
using nlohmann::json;

Expected<std::string> YamlEditor::entry_text(
    const std::vector<std::string>& tokens, size_t depth, size_t key_column,
    ScalarContext context, const json& value,
    std::optional<std::string_view> source, Anchor anchor) const {
  if (context == ScalarContext::flow) {
    std::string leaf = render_flow(value);
    if (source) {
      auto text = flow_text(*source, anchor);
      if (!text) return unexpected(text.error());
      leaf = std::move(*text);
    }
    for (size_t j = tokens.size() - 1; j > depth; --j) {
      leaf = "{" + render_string(tokens[j], ScalarContext::flow) + ": " + leaf +
             "}";
    }
    return render_string(tokens[depth], ScalarContext::flow) + ": " + leaf;
  }
  // "key:", a "sub:" line per mapping to create, then the leaf's text.
  std::string text = render_string(tokens[depth]) + ":";
  size_t level = key_column;
  for (size_t j = depth + 1; j < tokens.size(); ++j) {
    level += m_style.indent;
    text += m_style.eol + spaces(level) + render_string(tokens[j]) + ":";
  }
  if (!source) return text + render_entry_value(value, level, m_style);
  auto leaf = carried_text(*source, Owner::key, level, anchor);
  if (!leaf) return unexpected(leaf.error());
  return text + *leaf;
}

Expected<TextEdit> YamlEditor::insert(const std::vector<std::string>& tokens,
                                      const json& value,
                                      std::optional<std::string_view> source,
                                      Anchor anchor) const {
  const json& data = m_document.data;
  size_t depth = existing_prefix(data, tokens);
  std::string parent =
      to_pointer({tokens.begin(), tokens.begin() + static_cast<long>(depth)});
  if (depth == tokens.size()) {
    return unexpected("'" + to_pointer(tokens) + "' exists already");
  }
  const json* owner_value = find_value(data, tokens, depth);
  if (owner_value == nullptr || !owner_value->is_object()) {
    return unexpected("'" + parent + "' is not a mapping");
  }
  auto found = editable_node(parent);
  if (!found) return unexpected(found.error());
  const NodeInfo& owner = **found;
  std::vector<Child> kids = children(parent);
  if (owner.flow) {
    auto text = entry_text(tokens, depth, 0, ScalarContext::flow, value, source,
                           anchor);
    if (!text) return unexpected(text.error());
    if (kids.empty()) {
      return TextEdit{owner.value_begin, owner.value_end, "{" + *text + "}"};
    }
    size_t end = kids.back().info->value_end;
    return TextEdit{end, end, ", " + *text};
  }
  // libfyaml reads "? \tkey" alone, but not a key after it (js-yaml reads
  // both; PyYAML and Psych neither).
  for (const Child& kid : kids) {
    const size_t begin = entry_begin(m_text, kid.info->key_begin);
    if (m_text[begin] == '?' &&
        m_text.substr(begin, kid.info->key_begin - begin).find('\t') !=
            std::string_view::npos) {
      return unexpected("'" + parent +
                        "' has a '? key' with a tab after its '?', after "
                        "which fmkit's YAML parser cannot read another key; "
                        "write a space instead of the tab");
    }
  }
  size_t entry_column = 0;
  size_t at = owner.value_begin;
  if (!kids.empty()) {
    entry_column = key_column(*kids.front().info);
    at = entry_end(*kids.back().info);
  } else if (!parent.empty()) {
    return unexpected("'" + parent + "' is an empty block mapping");
  }
  auto text = entry_text(tokens, depth, entry_column, ScalarContext::block,
                         value, source, anchor);
  if (!text) return unexpected(text.error());
  // Blank lines after a carried "|+" scalar would join it: it goes after
  // them.
  const NodeInfo* carried = source ? node(*source) : nullptr;
  if (carried != nullptr && !in_flow(*source) &&
      ends_with_kept_lines(*carried)) {
    while (blank_line_at(at)) at = next_line(at);
  }
  return TextEdit{at, at, spaces(entry_column) + *text + m_style.eol};
}

Expected<TextEdit> YamlEditor::nest_in_place(std::string_view from,
                                             const std::vector<std::string>& to,
                                             size_t depth) const {
  auto found = existing_node(from);
  if (!found) return unexpected(found.error());
  const NodeInfo& info = **found;
  ScalarContext context =
      in_flow(from) ? ScalarContext::flow : ScalarContext::block;
  auto text = entry_text(to, depth, key_column(info), context, json(), from,
                         Anchor::keep);
  if (!text) return unexpected(text.error());
  size_t end = context == ScalarContext::flow ? info.value_end
                                              : line_end(value_end(info));
  return TextEdit{info.key_begin, end, std::move(*text)};
}

Expected<std::vector<TextEdit>> YamlEditor::move(
    std::string_view from, const std::vector<std::string>& to) const {
  std::vector<std::string> source = split_pointer(from);
  if (source.empty()) return unexpected("cannot move the whole document");
  size_t depth = source.size() - 1;
  bool under_parent =
      to.size() > depth &&
      std::equal(source.begin(), source.begin() + static_cast<long>(depth),
                 to.begin());
  if (under_parent && to.size() == source.size()) {
    auto edit = rename_key(from, to.back());
    if (!edit) return unexpected(edit.error());
    return std::vector<TextEdit>{std::move(*edit)};
  }
  const json* value = find_value(m_document.data, source);
  if (value == nullptr)
    return unexpected("'" + std::string(from) + "' is missing");
  // The only entry of a mapping, moved under a new key of it, is nested in
  // place: cut first, it would leave "{}" where the insert goes. At the top
  // that is so only for a flow mapping ("{a: 1}").
  const NodeInfo* owner = node(editor_util::parent_of(from));
  if (under_parent && (depth > 0 || (owner != nullptr && owner->flow)) &&
      find_value(m_document.data, source, depth)->size() == 1) {
    auto edit = nest_in_place(from, to, depth);
    if (!edit) return unexpected(edit.error());
    return std::vector<TextEdit>{std::move(*edit)};
  }
  auto added = insert(to, *value, from, Anchor::keep);
  if (!added) return unexpected(added.error());
  auto cut = remove(from);
  if (!cut) return unexpected(cut.error());
  return std::vector<TextEdit>{std::move(*added), std::move(*cut)};
}

Expected<TextEdit> YamlEditor::wrap_in_list(std::string_view pointer) const {
  auto found = existing_node(pointer);
  if (!found) return unexpected(found.error());
  const NodeInfo& info = **found;
  size_t begin = node_begin(pointer, info);
  if (in_flow(pointer)) {
    auto text = flow_text(pointer, Anchor::keep);
    if (!text) return unexpected(text.error());
    auto colon = missing_colon(info);
    if (!colon) return unexpected(colon.error());
    return TextEdit{begin, info.value_end, *colon + "[" + *text + "]"};
  }
  std::string_view own = m_text.substr(begin, info.value_end - begin);
  if (m_style.list_style == ListStyle::flow && info.kind == NodeKind::scalar &&
      editor_util::fits_in_flow(info, own)) {
    return TextEdit{begin, info.value_end, "[" + std::string(own) + "]"};
  }
  // A block list of one item, on the lines after the key (or after the
  // item's own dash: "- x" becomes "- - x").
  std::optional<size_t> separator =
      info.has_key ? colon_after_key(info) : dash_before(info);
  if (!separator) {
    return unexpected("cannot find the start of '" + std::string(pointer) +
                      "'");
  }
  size_t dash = info.has_key ? dash_column_under(key_column(info))
                             : column(*separator) + 2;
  auto item = carried_text(pointer, Owner::dash, dash, Anchor::keep);
  if (!item) return unexpected(item.error());
  std::string text =
      info.has_key ? m_style.eol + spaces(dash) + "-" + *item : " -" + *item;
  return TextEdit{*separator + 1, line_end(value_end(info)), std::move(text)};
}

Expected<TextEdit> YamlEditor::unwrap_list(std::string_view pointer) const {
  auto found = editable_node(pointer);
  if (!found) return unexpected(found.error());
  const NodeInfo& info = **found;
  std::vector<Child> kids = children(pointer);
  if (info.kind != NodeKind::sequence || kids.size() != 1) {
    return unexpected("'" + std::string(pointer) +
                      "' is not a list of one item");
  }
  const Child& kid = kids.front();
  if (info.flow || in_flow(pointer)) {
    // Flow text stands in block context as well.
    auto text = flow_text(kid.pointer, Anchor::keep);
    if (!text) return unexpected(text.error());
    return TextEdit{node_begin(pointer, info), info.value_end,
                    std::move(*text)};
  }
  size_t end = line_end(value_end(info));
  if (!info.has_key) {
    auto dash = dash_before(info);
    if (!dash)
      return unexpected("no '-' before '" + std::string(pointer) + "'");
    auto text =
        carried_text(kid.pointer, Owner::dash, column(*dash), Anchor::keep);
    if (!text) return unexpected(text.error());
    return TextEdit{*dash + 1, end, std::move(*text)};
  }
  auto colon = colon_after_key(info);
  auto dash = dash_before(*kid.info);
  if (!colon || !dash) {
    return unexpected("cannot find the item of '" + std::string(pointer) + "'");
  }
  size_t entry_column = key_column(info);
  std::string_view between = m_text.substr(*colon + 1, *dash - *colon - 1);
  if (between.find('#') == std::string_view::npos) {
    auto text =
        carried_text(kid.pointer, Owner::key, entry_column, Anchor::keep);
    if (!text) return unexpected(text.error());
    return TextEdit{*colon + 1, end, std::move(*text)};
  }
  // Comments stand between the key and the item: keep them, and the value
  // on its own line after them, indented under the key.
  size_t indent = entry_column + m_style.indent;
  auto text = carried_text(kid.pointer, Owner::key, indent, Anchor::keep);
  if (!text) return unexpected(text.error());
  return TextEdit{line_start(*dash), end,
                  spaces(indent) + std::string(editor_util::trim_left(*text))};
}

}  // namespace fmkit
