// SPDX-License-Identifier: MIT
//
// TomlEditor's reading of the text: nodes by pointer, where a node is
// written (inside an inline value, as a statement's value, as a table of
// sections or dotted keys), lines, comments, and the statements and
// sections that write a table.
#include "base/json_pointer.hpp"
#include "migrate/field_path.hpp"
#include "migrate/toml_editor.hpp"

#include <algorithm>

namespace fmkit {

using nlohmann::json;
using toml_edit::Section;
using toml_edit::starts_with;
using toml_edit::Statement;

namespace {

std::string eol_of(std::string_view text, const FrontMatter& fm) {
  size_t end = std::min(fm.open_end, text.size());
  return end >= 2 && text.substr(end - 2, 2) == "\r\n" ? "\r\n" : "\n";
}

}  // namespace

TomlEditor::TomlEditor(std::string_view text, const Document& document)
    : Editor(text, document),
      m_layout(text, document),
      m_eol(eol_of(text, document.front_matter)) {}

Expected<const NodeInfo*> TomlEditor::node(std::string_view pointer) const {
  const NodeInfo* info = m_document.positions.find(pointer);
  if (info == nullptr) {
    return unexpected("'" + std::string(pointer) +
                      "' has no place in the text");
  }
  return info;
}

bool TomlEditor::in_inline(std::string_view pointer) const {
  std::vector<std::string> tokens = split_pointer(pointer);
  for (size_t n = 1; n < tokens.size(); ++n) {
    const NodeInfo* info = m_document.positions.find(
        to_pointer(Tokens(tokens.begin(), tokens.begin() + n)));
    if (info != nullptr && info->flow) return true;
  }
  return false;
}

Expected<void> TomlEditor::check_inline(std::string_view pointer) const {
  // Dotted keys inside an inline table (`{ a.b = 1, c = 2 }`) give
  // entries that start elsewhere than their recorded key: not edited.
  std::vector<std::string> tokens = split_pointer(pointer);
  for (size_t n = 1; n <= tokens.size(); ++n) {
    std::string at = to_pointer(Tokens(tokens.begin(), tokens.begin() + n));
    const NodeInfo* info = m_document.positions.find(at);
    if (info == nullptr || !info->flow || info->kind != NodeKind::mapping) {
      continue;
    }
    for (const Child& kid : children(at)) {
      if (kid.info->kind == NodeKind::mapping && !kid.info->flow) {
        return unexpected("the inline table '" + at +
                          "' has dotted keys; fmkit does not edit inside it");
      }
    }
  }
  return {};
}

Expected<TomlEditor::Where> TomlEditor::where(std::string_view pointer) const {
  if (!m_layout.error().empty()) {
    return unexpected("cannot follow the TOML text: " + m_layout.error());
  }
  if (pointer.empty()) return Where::table;
  auto info = node(pointer);
  if (!info) return unexpected(info.error());
  if (in_inline(pointer)) {
    auto checked = check_inline(pointer);
    if (!checked) return unexpected(checked.error());
    return Where::inline_value;
  }
  if (m_layout.statement(split_pointer(pointer)) != nullptr) {
    return Where::statement;
  }
  if ((*info)->kind == NodeKind::sequence && !(*info)->flow) {
    return Where::array_of_tables;
  }
  if ((*info)->kind == NodeKind::mapping && !(*info)->flow) return Where::table;
  return unexpected("cannot find the line that writes '" +
                    std::string(pointer) + "'");
}

size_t TomlEditor::line_start(size_t offset) const {
  while (offset > 0 && m_text[offset - 1] != '\n') --offset;
  return offset;
}

size_t TomlEditor::line_end(size_t offset) const {
  size_t newline = m_text.find('\n', offset);
  if (newline == std::string_view::npos) return m_text.size();
  if (newline > offset && m_text[newline - 1] == '\r') return newline - 1;
  return newline;
}

size_t TomlEditor::next_line(size_t offset) const {
  size_t newline = m_text.find('\n', offset);
  return newline == std::string_view::npos ? m_text.size() : newline + 1;
}

std::string TomlEditor::indent_of(size_t offset) const {
  size_t begin = line_start(offset);
  size_t end = begin;
  while (end < offset && (m_text[end] == ' ' || m_text[end] == '\t')) ++end;
  return std::string(slice(begin, end));
}

bool TomlEditor::has_comment(size_t begin, size_t end) const {
  return toml_edit::find_comment(m_text, begin, end) != std::string_view::npos;
}

std::vector<const Statement*> TomlEditor::statements_under(
    const Tokens& tokens) const {
  std::vector<const Statement*> out;
  for (const Statement& st : m_layout.statements()) {
    if (st.depth < tokens.size() && starts_with(st.tokens, tokens)) {
      out.push_back(&st);
    }
  }
  return out;
}

std::vector<const Section*> TomlEditor::sections_under(
    const Tokens& tokens) const {
  std::vector<const Section*> out;
  for (const Section& section : m_layout.sections()) {
    if (section.begin != section.body && starts_with(section.tokens, tokens)) {
      out.push_back(&section);
    }
  }
  return out;
}

Expected<TextEdit> TomlEditor::merge(Edits edits) const {
  if (edits.empty()) return unexpected(std::string("nothing to edit"));
  // As apply_edits() orders them.
  std::stable_sort(edits.begin(), edits.end(),
                   [](const TextEdit& a, const TextEdit& b) {
                     if (a.begin != b.begin) return a.begin < b.begin;
                     return a.begin == a.end && b.begin != b.end;
                   });
  TextEdit out{edits.front().begin, edits.front().begin, ""};
  for (const TextEdit& edit : edits) {
    if (edit.begin < out.end) {
      return unexpected("two edits overlap at byte " +
                        std::to_string(edit.begin));
    }
    out.text += std::string(slice(out.end, edit.begin)) + edit.text;
    out.end = edit.end;
  }
  return out;
}

}  // namespace fmkit
