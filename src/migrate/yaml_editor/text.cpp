// SPDX-License-Identifier: MIT
//
// YamlEditor's reading of the text: nodes by pointer, lines and columns,
// the ':' after a key and the '-' before an item, where a node's text
// begins (its tag and anchor included) and ends (blank lines a "|+" block
// scalar keeps included), and whether a block collection holds comments.
#include "migrate/yaml_editor.hpp"
#include "migrate/yaml_editor/editor_util.hpp"

namespace fmkit {

YamlEditor::YamlEditor(std::string_view text, const Document& document,
                       const YamlStyle& style)
    : Editor(text, document), m_style(style) {}

const NodeInfo* YamlEditor::node(std::string_view pointer) const {
  return m_document.positions.find(pointer);
}

Expected<const NodeInfo*> YamlEditor::existing_node(
    std::string_view pointer) const {
  const NodeInfo* info = node(pointer);
  if (info == nullptr) {
    return unexpected("'" + std::string(pointer) +
                      "' has no place in the text (is it inside an alias?)");
  }
  return info;
}

Expected<const NodeInfo*> YamlEditor::editable_node(
    std::string_view pointer) const {
  auto info = existing_node(pointer);
  if (info && (*info)->alias) {
    // A mapping with a merge key ("<<: *b") is marked as an alias too.
    const bool merged = (*info)->kind == NodeKind::mapping &&
                        (*info)->value_begin < m_text.size() &&
                        m_text[(*info)->value_begin] != '*';
    return unexpected("'" + std::string(pointer) +
                      (merged ? "' holds keys a merge key ('<<') copies; fmkit "
                                "does not edit them"
                              : "' is an alias; fmkit does not edit aliased "
                                "values"));
  }
  return info;
}

bool YamlEditor::in_flow(std::string_view pointer) const {
  if (pointer.empty()) return false;
  const NodeInfo* parent = node(editor_util::parent_of(pointer));
  return parent != nullptr && parent->flow;
}

size_t YamlEditor::line_start(size_t offset) const {
  while (offset > 0 && m_text[offset - 1] != '\n') --offset;
  return offset;
}

size_t YamlEditor::line_end(size_t offset) const {
  size_t newline = m_text.find('\n', offset);
  if (newline == std::string_view::npos) return m_text.size();
  if (newline > offset && m_text[newline - 1] == '\r') return newline - 1;
  return newline;
}

size_t YamlEditor::next_line(size_t offset) const {
  size_t newline = m_text.find('\n', offset);
  return newline == std::string_view::npos ? m_text.size() : newline + 1;
}

size_t YamlEditor::column(size_t offset) const {
  return offset - line_start(offset);
}

size_t YamlEditor::key_column(const NodeInfo& info) const {
  return column(entry_begin(m_text, info.key_begin));
}

bool YamlEditor::starts_line(size_t offset) const {
  for (size_t i = line_start(offset); i < offset; ++i) {
    if (m_text[i] != ' ') return false;
  }
  return true;
}

std::optional<size_t> YamlEditor::colon_after_key(const NodeInfo& info) const {
  if (!info.has_key || info.key_end == NodeInfo::k_none) return std::nullopt;
  size_t i = info.key_end;
  while (i < m_text.size() && editor_util::is_blank(m_text[i])) ++i;
  if (i < m_text.size() && m_text[i] == ':') return i;
  return std::nullopt;
}

bool YamlEditor::value_indicator_before(const NodeInfo& info) const {
  if (info.key_end == NodeInfo::k_none) return true;
  for (size_t i = info.key_end; i < info.value_begin && i < m_text.size();
       ++i) {
    if (m_text[i] == ':') return true;
    if (m_text[i] == '#') {
      while (i + 1 < info.value_begin && m_text[i + 1] != '\n') ++i;
    }
  }
  return false;
}

Expected<std::string> YamlEditor::missing_colon(const NodeInfo& info) const {
  if (!info.has_key || colon_after_key(info)) return std::string();
  if (m_text.substr(info.key_begin, info.key_end - info.key_begin).find('\n') !=
      std::string_view::npos) {
    // libfyaml reads a ':' after a key over several lines unlike the rest.
    return unexpected(std::string(
        "a key over several lines with no ':' after it cannot get a value"));
  }
  return std::string(": ");
}

std::optional<size_t> YamlEditor::dash_before(const NodeInfo& info) const {
  // The dash is on the value's line ("- x", "- !!str x", "- a: 1"), or the
  // value starts on a later line ("-\n  a: 1", "- &x\n  a: 1"): then the
  // dash ends the text before the value, but for the value's tag and anchor.
  size_t i = info.value_begin;
  while (true) {
    while (i > 0 && editor_util::is_space(m_text[i - 1])) --i;
    size_t token = i;
    while (token > 0 && !editor_util::is_space(m_text[token - 1])) --token;
    if (token == i) return std::nullopt;
    std::string_view word = m_text.substr(token, i - token);
    if (word == "-") return token;
    if (word.front() != '!' && word.front() != '&') return std::nullopt;
    i = token;
  }
}

bool YamlEditor::blank_line_at(size_t offset) const {
  if (offset >= m_document.front_matter.yaml_end) return false;
  std::string_view line = m_text.substr(offset, line_end(offset) - offset);
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

bool YamlEditor::keeps_trailing_lines(const NodeInfo& info) const {
  if (!editor_util::is_block_scalar(info)) return false;
  std::string_view header = m_text.substr(
      info.value_begin, line_end(info.value_begin) - info.value_begin);
  size_t comment = header.find('#');
  return header.substr(0, comment).find('+') != std::string_view::npos;
}

bool YamlEditor::ends_with_kept_lines(const NodeInfo& info) const {
  // With "+" (keep) chomping the blank lines after the last content line
  // belong to the scalar, and so to every block collection it ends.
  if (keeps_trailing_lines(info)) return true;
  if (!editor_util::is_block_collection(info)) return false;
  for (const auto& [pointer, other] : m_document.positions.entries()) {
    if (other.value_end == info.value_end && keeps_trailing_lines(other)) {
      return true;
    }
  }
  return false;
}

size_t YamlEditor::value_end(const NodeInfo& info) const {
  size_t end = info.value_end;
  if (!ends_with_kept_lines(info)) return end;
  while (blank_line_at(next_line(end))) end = line_end(next_line(end));
  return end;
}

size_t YamlEditor::entry_end(const NodeInfo& info) const {
  return next_line(value_end(info));
}

size_t YamlEditor::node_begin(std::string_view pointer,
                              const NodeInfo& info) const {
  // The value's span leaves out its tag and anchor, which stand between the
  // ':', '-', '[' or ',' before it and the value.
  std::optional<size_t> separator;
  if (info.has_key) {
    separator = colon_after_key(info);
    // A flow key without ':' ("{a, b}") has a value of no text: what
    // stands before it is the key's ("{a\n &b}" is the key "a &b").
    if (!separator) return info.value_begin;
  } else if (!in_flow(pointer)) {
    separator = dash_before(info);
  }
  if (separator) {
    size_t i = *separator + 1;
    while (i < info.value_begin) {
      char c = m_text[i];
      if (c == '#') {
        i = next_line(i);
      } else if (editor_util::is_space(c)) {
        ++i;
      } else {
        return i;
      }
    }
    return info.value_begin;
  }
  // An item of a flow sequence: walk back over the words before the value
  // while they are properties. Anchor names and tag shorthands cannot hold
  // the flow indicators that end the walk.
  size_t begin = info.value_begin;
  while (true) {
    size_t i = begin;
    while (i > 0 && editor_util::is_space(m_text[i - 1])) --i;
    size_t token = i;
    while (token > 0 && !editor_util::is_space(m_text[token - 1]) &&
           m_text[token - 1] != '[' && m_text[token - 1] != ',') {
      --token;
    }
    if (token == i || (m_text[token] != '!' && m_text[token] != '&')) {
      return begin;
    }
    begin = token;
  }
}

bool YamlEditor::has_comment(std::string_view pointer, size_t begin,
                             size_t end) const {
  // A '#' after a space or at a line's start is a comment unless it lies in
  // a key or scalar of the node at `pointer`.
  std::vector<std::pair<size_t, size_t>> texts;
  std::string prefix = std::string(pointer) + "/";
  for (const auto& [child, other] : m_document.positions.entries()) {
    if (child != pointer && !child.starts_with(prefix)) continue;
    if (other.has_key && other.key_begin != NodeInfo::k_none) {
      texts.emplace_back(other.key_begin, other.key_end);
    }
    if (other.kind == NodeKind::scalar || other.alias) {
      texts.emplace_back(other.value_begin, value_end(other));
    }
  }
  for (size_t i = begin; i < end; ++i) {
    if (m_text[i] != '#') continue;
    if (i > 0 && !editor_util::is_space(m_text[i - 1])) continue;
    bool in_text = false;
    for (const auto& [from, stop] : texts) {
      if (from <= i && i < stop) in_text = true;
    }
    if (!in_text) return true;
  }
  return false;
}

}  // namespace fmkit
