// SPDX-License-Identifier: MIT
#include "migrate/json_editor.hpp"

#include "base/json_pointer.hpp"
#include "migrate/field_path.hpp"

#include <algorithm>

namespace fmkit {
namespace {

using nlohmann::json;

bool is_space(char c) { return c == ' ' || c == '\t'; }

bool is_child(std::string_view parent, std::string_view child) {
  return child.size() > parent.size() && child.starts_with(parent) &&
         child[parent.size()] == '/' &&
         child.find('/', parent.size() + 1) == std::string_view::npos;
}

std::string json_key(std::string_view key) {
  return json(std::string(key))
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string parent_of(std::string_view pointer) {
  size_t slash = pointer.rfind('/');
  return std::string(
      pointer.substr(0, slash == std::string_view::npos ? 0 : slash));
}

// `text` with each line after the first moved from the indentation `from`
// to `to` (lines not starting with `from` are left as they are: JSON's
// white space carries no data).
std::string reindent(std::string_view text, const std::string& from,
                     const std::string& to) {
  if (from == to) return std::string(text);
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t newline = text.find('\n', pos);
    if (newline == std::string_view::npos) {
      out.append(text.substr(pos));
      return out;
    }
    out.append(text.substr(pos, newline + 1 - pos));
    pos = newline + 1;
    if (text.substr(pos).starts_with(from)) {
      out += to;
      pos += from.size();
    }
  }
}

}  // namespace

JsonStyle detect_json_style(std::string_view text, const Document& document) {
  JsonStyle style;
  const FrontMatter& fm = document.front_matter;
  size_t newline = text.find('\n', fm.open_begin);
  if (newline != std::string_view::npos && newline > 0 &&
      text[newline - 1] == '\r') {
    style.eol = "\r\n";
  }
  auto line_indent = [&](size_t offset) {
    size_t start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    start = start == std::string_view::npos || offset == 0 ? 0 : start + 1;
    size_t end = start;
    while (end < offset && is_space(text[end])) ++end;
    return text.substr(start, end - start);
  };
  bool seen_object = false, seen_list = false, seen_colon = false;
  bool seen_separator = false;
  const auto& entries = document.positions.entries();
  for (size_t i = 0; i < entries.size(); ++i) {
    const auto& [pointer, info] = entries[i];
    if (!pointer.empty() && info.has_key && !seen_colon) {
      style.colon = std::string(
          text.substr(info.key_end, info.value_begin - info.key_end));
      seen_colon = true;
    }
    if (info.kind == NodeKind::scalar || i + 1 == entries.size()) continue;
    const NodeInfo& first = entries[i + 1].second;
    if (!is_child(pointer, entries[i + 1].first)) continue;  // empty
    size_t first_begin = first.has_key ? first.key_begin : first.value_begin;
    bool lines = text.substr(info.value_begin, first_begin - info.value_begin)
                     .find('\n') != std::string_view::npos;
    if (info.kind == NodeKind::mapping && !seen_object) {
      seen_object = true;
      style.multiline_objects = lines;
      if (lines) {
        std::string_view outer = line_indent(info.value_begin);
        std::string_view inner = line_indent(first_begin);
        if (inner.size() > outer.size() && inner.starts_with(outer)) {
          style.indent = std::string(inner.substr(outer.size()));
        }
      }
    } else if (info.kind == NodeKind::sequence && !seen_list) {
      seen_list = true;
      style.multiline_lists = lines;
    }
    if (info.kind == NodeKind::sequence && !lines && !seen_separator &&
        first.kind == NodeKind::scalar && i + 2 < entries.size() &&
        is_child(pointer, entries[i + 2].first)) {
      // Two scalar items: what stands between them (", " or ",").
      std::string_view between = text.substr(
          first.value_end, entries[i + 2].second.value_begin - first.value_end);
      if (between.find_first_not_of(" \t,") == std::string_view::npos &&
          std::count(between.begin(), between.end(), ',') == 1) {
        style.list_separator = std::string(between);
        seen_separator = true;
      }
    }
  }
  return style;
}

JsonEditor::JsonEditor(std::string_view text, const Document& document)
    : Editor(text, document), m_style(detect_json_style(text, document)) {}

Expected<const NodeInfo*> JsonEditor::existing(std::string_view pointer) const {
  const NodeInfo* info = m_document.positions.find(pointer);
  if (info == nullptr) {
    return unexpected("there is no value at '" + std::string(pointer) + "'");
  }
  return info;
}

size_t JsonEditor::member_begin(const NodeInfo& info) const {
  return info.has_key ? info.key_begin : info.value_begin;
}

std::string JsonEditor::indent_at(size_t offset) const {
  size_t start = offset;
  while (start > 0 && m_text[start - 1] != '\n') --start;
  size_t end = start;
  while (end < offset && is_space(m_text[end])) ++end;
  return std::string(m_text.substr(start, end - start));
}

bool JsonEditor::multiline(const NodeInfo& info) const {
  return m_text.substr(info.value_begin, info.value_end - info.value_begin)
             .find('\n') != std::string_view::npos;
}

std::string JsonEditor::value_text(const NodeInfo& info,
                                   const std::string& to) const {
  return reindent(
      m_text.substr(info.value_begin, info.value_end - info.value_begin),
      indent_at(member_begin(info)), to);
}

std::string JsonEditor::render_container(const std::vector<std::string>& parts,
                                         bool object, bool lines,
                                         const std::string& indent,
                                         const std::string& inner) const {
  std::string out(1, object ? '{' : '[');
  for (size_t i = 0; i < parts.size(); ++i) {
    if (lines) {
      out += (i == 0 ? "" : ",") + m_style.eol + inner;
    } else if (i > 0) {
      out += object ? ", " : m_style.list_separator;
    }
    out += parts[i];
  }
  if (lines && !parts.empty()) out += m_style.eol + indent;
  return out + (object ? '}' : ']');
}

std::string JsonEditor::render_container(const std::vector<std::string>& parts,
                                         bool object, bool lines,
                                         const std::string& indent) const {
  return render_container(parts, object, lines, indent,
                          indent + m_style.indent);
}

std::string JsonEditor::render(const json& value,
                               const std::string& indent) const {
  if (value.is_object()) {
    std::vector<std::string> parts;
    for (const auto& [key, item] : value.items()) {
      parts.push_back(json_key(key) + m_style.colon +
                      render(item, indent + m_style.indent));
    }
    return render_container(parts, true, m_style.multiline_objects, indent);
  }
  if (value.is_array()) {
    std::vector<std::string> parts;
    for (const json& item : value) {
      parts.push_back(render(item, indent + m_style.indent));
    }
    return render_container(parts, false, m_style.multiline_lists, indent);
  }
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

Expected<TextEdit> JsonEditor::replace_value(std::string_view pointer,
                                             const json& value) const {
  auto info = existing(pointer);
  if (!info) return unexpected(info.error());
  const NodeInfo& node = **info;
  return TextEdit{node.value_begin, node.value_end,
                  render(value, indent_at(member_begin(node)))};
}

Expected<TextEdit> JsonEditor::rename_key(std::string_view pointer,
                                          std::string_view key) const {
  auto info = existing(pointer);
  if (!info) return unexpected(info.error());
  if (!(*info)->has_key) {
    return unexpected("'" + std::string(pointer) + "' is not a key");
  }
  return TextEdit{(*info)->key_begin, (*info)->key_end, json_key(key)};
}

Expected<TextEdit> JsonEditor::remove(std::string_view pointer) const {
  auto info = existing(pointer);
  if (!info || pointer.empty()) {
    return unexpected("there is no entry at '" + std::string(pointer) + "'");
  }
  std::string parent = parent_of(pointer);
  const NodeInfo* outer = m_document.positions.find(parent);
  std::vector<Child> kids = children(parent);
  size_t index = 0;
  while (index < kids.size() && kids[index].info != *info) ++index;
  if (outer == nullptr || index == kids.size()) {
    return unexpected("cannot find '" + std::string(pointer) + "' in '" +
                      parent + "'");
  }
  if (kids.size() == 1) {  // "{}" or "[]" stays
    return TextEdit{outer->value_begin + 1, outer->value_end - 1, ""};
  }
  const NodeInfo& node = **info;
  if (index + 1 == kids.size()) {
    return TextEdit{kids[index - 1].info->value_end, node.value_end, ""};
  }
  size_t begin = member_begin(node);
  size_t end = member_begin(*kids[index + 1].info);
  size_t line = begin - indent_at(begin).size();
  size_t next_line = end - indent_at(end).size();
  if ((line == 0 || m_text[line - 1] == '\n') &&
      (next_line == 0 || m_text[next_line - 1] == '\n')) {
    begin = line;  // the member's own lines go
    end = next_line;
  }
  return TextEdit{begin, end, ""};
}

std::string JsonEditor::member_indent(std::string_view object) const {
  const NodeInfo& info = *m_document.positions.find(object);
  std::vector<Child> kids = children(object);
  std::string outer = indent_at(member_begin(info));
  if (!kids.empty()) {
    return multiline(info) ? indent_at(member_begin(*kids.back().info)) : outer;
  }
  return m_style.multiline_objects ? outer + m_style.indent : outer;
}

Expected<JsonEditor::Placement> JsonEditor::place(
    const std::vector<std::string>& tokens) const {
  Placement placement;
  const json* value = &m_document.data;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!value->is_object()) {
      return unexpected("'" + placement.object + "' is not an object");
    }
    auto it = value->find(tokens[i]);
    if (it == value->end()) {
      placement.first_new = i;
      return placement;
    }
    placement.object = append_pointer(placement.object, tokens[i]);
    value = &*it;
  }
  return unexpected("'" + placement.object + "' exists already");
}

std::string JsonEditor::member_text(const std::vector<std::string>& tokens,
                                    size_t first, const json& value,
                                    std::optional<std::string_view> source,
                                    const std::string& indent) const {
  // The innermost value first, then the objects around it, outwards.
  std::string inner_indent = indent;
  for (size_t i = first + 1; i < tokens.size(); ++i) {
    if (m_style.multiline_objects) inner_indent += m_style.indent;
  }
  std::string text =
      source ? value_text(*m_document.positions.find(*source), inner_indent)
             : render(value, inner_indent);
  for (size_t i = tokens.size() - 1; i > first; --i) {
    if (m_style.multiline_objects) {
      inner_indent.resize(inner_indent.size() - m_style.indent.size());
    }
    text = render_container({json_key(tokens[i]) + m_style.colon + text}, true,
                            m_style.multiline_objects, inner_indent);
  }
  return json_key(tokens[first]) + m_style.colon + text;
}

Expected<TextEdit> JsonEditor::add_member(std::string_view object,
                                          const std::string& text) const {
  const NodeInfo& info = *m_document.positions.find(object);
  std::vector<Child> kids = children(object);
  const bool lines = m_style.multiline_objects;
  if (info.value_end == info.value_begin) {  // empty front matter: no "{}"
    return TextEdit{info.value_begin, info.value_begin,
                    render_container({text}, true, lines, "") + m_style.eol};
  }
  if (kids.empty()) {  // "{}" (white space inside it goes)
    std::string braced =
        render_container({text}, true, lines, indent_at(member_begin(info)));
    return TextEdit{info.value_begin + 1, info.value_end - 1,
                    braced.substr(1, braced.size() - 2)};
  }
  const NodeInfo& last = *kids.back().info;
  std::string separator = ", ";
  if (multiline(info)) {
    separator = "," + m_style.eol + member_indent(object);
  } else if (kids.size() > 1) {
    const NodeInfo& before = *kids[kids.size() - 2].info;
    separator = std::string(
        m_text.substr(before.value_end, member_begin(last) - before.value_end));
  }
  return TextEdit{last.value_end, last.value_end, separator + text};
}

Expected<TextEdit> JsonEditor::insert(const std::vector<std::string>& tokens,
                                      const json& value,
                                      std::optional<std::string_view> source,
                                      Anchor) const {
  auto placement = place(tokens);
  if (!placement) return unexpected(placement.error());
  std::string text = member_text(tokens, placement->first_new, value, source,
                                 member_indent(placement->object));
  return add_member(placement->object, text);
}

Expected<std::vector<TextEdit>> JsonEditor::move(
    std::string_view from, const std::vector<std::string>& to) const {
  auto info = existing(from);
  if (!info) return unexpected(info.error());
  auto placement = place(to);
  if (!placement) return unexpected(placement.error());
  std::string parent = parent_of(from);
  if (placement->object != parent) {
    auto added = insert(to, json(), from);
    auto removed = remove(from);
    if (!added) return unexpected(added.error());
    if (!removed) return unexpected(removed.error());
    return std::vector<TextEdit>{*added, *removed};
  }
  // Into the same object: the member is replaced where it stands (a rename
  // when `to` is a sibling).
  const NodeInfo& node = **info;
  if (placement->first_new + 1 == to.size()) {
    return std::vector<TextEdit>{
        TextEdit{node.key_begin, node.key_end, json_key(to.back())}};
  }
  std::string indent = indent_at(member_begin(node));
  return std::vector<TextEdit>{
      TextEdit{member_begin(node), node.value_end,
               member_text(to, placement->first_new, json(), from, indent)}};
}

Expected<TextEdit> JsonEditor::wrap_in_list(std::string_view pointer) const {
  auto info = existing(pointer);
  if (!info) return unexpected(info.error());
  std::string indent = indent_at(member_begin(**info));
  std::string item = value_text(
      **info, m_style.multiline_lists ? indent + m_style.indent : indent);
  return TextEdit{
      (*info)->value_begin, (*info)->value_end,
      render_container({item}, false, m_style.multiline_lists, indent)};
}

Expected<TextEdit> JsonEditor::unwrap_list(std::string_view pointer) const {
  auto info = existing(pointer);
  if (!info) return unexpected(info.error());
  std::vector<Child> kids = children(pointer);
  if (kids.size() != 1) {
    return unexpected("'" + std::string(pointer) + "' is not a list of one");
  }
  return TextEdit{
      (*info)->value_begin, (*info)->value_end,
      value_text(*kids.front().info, indent_at(member_begin(**info)))};
}

Expected<TextEdit> JsonEditor::rewrite_sequence(
    std::string_view pointer, const std::vector<SequenceItem>& items) const {
  auto info = existing(pointer);
  if (!info) return unexpected(info.error());
  if ((*info)->kind != NodeKind::sequence) {
    return unexpected("'" + std::string(pointer) + "' is not a list");
  }
  std::vector<Child> kids = children(pointer);
  const bool lines = kids.empty() ? m_style.multiline_lists : multiline(**info);
  std::string indent = indent_at(member_begin(**info));
  std::string inner = lines && !kids.empty()
                          ? indent_at(kids.front().info->value_begin)
                          : indent + m_style.indent;
  const std::string& at = lines ? inner : indent;
  std::vector<std::string> parts;
  for (const SequenceItem& item : items) {
    if (item.existing) {
      if (*item.existing >= kids.size()) {
        return unexpected("no item " + std::to_string(*item.existing) +
                          " in '" + std::string(pointer) + "'");
      }
      parts.push_back(value_text(*kids[*item.existing].info, at));
    } else {
      parts.push_back(render(item.value, at));
    }
  }
  std::string text = render_container(parts, false, lines, indent, inner);
  return TextEdit{(*info)->value_begin, (*info)->value_end, std::move(text)};
}

}  // namespace fmkit
