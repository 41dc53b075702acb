// SPDX-License-Identifier: MIT
//
// Reading the TOML text again, line by line: keys (with their escapes),
// strings and comments skipped, headers and statements recorded. toml++
// has accepted the text, so the reading can be plain: a line is blank, a
// comment, a header or a statement, and a statement's value ends where the
// PositionMap says.
#include "migrate/toml_editor/layout.hpp"

#include "base/utf8.hpp"
#include "migrate/field_path.hpp"

#include <algorithm>

namespace fmkit::toml_edit {
namespace {

bool is_bare(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Reads the escape at `text[i]` (just past the backslash) of a basic
// string into `out`; returns the offset past it.
size_t read_escape(std::string_view text, size_t i, std::string& out) {
  if (i >= text.size()) return i;
  const char c = text[i];
  static constexpr std::string_view k_from = "btnfr\"\\e";
  static constexpr std::string_view k_to = "\b\t\n\f\r\"\\\x1b";
  if (size_t k = k_from.find(c); k != std::string_view::npos) {
    out += k_to[k];
    return i + 1;
  }
  const size_t count = c == 'u' ? 4 : c == 'U' ? 8 : c == 'x' ? 2 : 0;
  uint32_t code = 0;
  size_t j = i + 1;
  for (; j < text.size() && j < i + 1 + count; ++j) {
    const char h = text[j];
    const uint32_t digit = h >= 'a'   ? h - 'a' + 10
                           : h >= 'A' ? h - 'A' + 10
                                      : h - '0';
    code = code * 16 + (digit & 0xF);
  }
  append_utf8(out, code);
  return j;
}

// Reads one key part at `i` into `out`; returns the offset past it, or i
// when none starts there.
size_t read_part(std::string_view text, size_t i, std::string& out) {
  if (i >= text.size()) return i;
  if (text[i] == '\'') {
    size_t close = text.find('\'', i + 1);
    if (close == std::string_view::npos) return i;
    out = std::string(text.substr(i + 1, close - i - 1));
    return close + 1;
  }
  if (text[i] == '"') {
    size_t j = i + 1;
    while (j < text.size() && text[j] != '"') {
      if (text[j] == '\\') {
        j = read_escape(text, j + 1, out);
      } else {
        out += text[j++];
      }
    }
    return j < text.size() ? j + 1 : i;
  }
  size_t j = i;
  while (j < text.size() && is_bare(text[j])) ++j;
  out = std::string(text.substr(i, j - i));
  return j;
}

size_t next_line(std::string_view text, size_t at, size_t end) {
  size_t newline = text.find('\n', at);
  return newline == std::string_view::npos || newline >= end ? end
                                                             : newline + 1;
}

}  // namespace

std::optional<KeyText> read_key(std::string_view text, size_t at) {
  KeyText key;
  size_t i = at;
  while (true) {
    while (i < text.size() && is_blank(text[i])) ++i;
    std::string part;
    size_t end = read_part(text, i, part);
    if (end == i) return std::nullopt;
    key.parts.push_back(std::move(part));
    key.spans.emplace_back(i, end);
    i = end;
    while (i < text.size() && is_blank(text[i])) ++i;
    if (i >= text.size() || text[i] != '.') return key;
    ++i;
  }
}

size_t skip_string(std::string_view s, size_t i) {
  const char quote = s[i];
  const bool multi_line = s.compare(i, 3, std::string(3, quote)) == 0;
  const bool escapes = quote == '"';
  i += multi_line ? 3 : 1;
  while (i < s.size()) {
    if (escapes && s[i] == '\\') {
      i += 2;
      continue;
    }
    if (s[i] == quote) {
      if (!multi_line) return i + 1;
      if (s.compare(i, 3, std::string(3, quote)) == 0) {
        // Up to two more quotes belong to the string: """a""""" is 'a""'.
        i += 3;
        for (int extra = 0; extra < 2 && i < s.size() && s[i] == quote; ++extra)
          ++i;
        return i;
      }
    }
    ++i;
  }
  return i;
}

size_t find_comment(std::string_view text, size_t begin, size_t end) {
  for (size_t i = begin; i < end;) {
    if (text[i] == '"' || text[i] == '\'') {
      i = skip_string(text, i);
    } else if (text[i] == '#') {
      return i;
    } else {
      ++i;
    }
  }
  return std::string_view::npos;
}

bool starts_with(const std::vector<std::string>& tokens,
                 const std::vector<std::string>& prefix) {
  return tokens.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), tokens.begin());
}

TomlLayout::TomlLayout(std::string_view text, const Document& document)
    : m_text(text), m_document(document) {
  const FrontMatter& fm = document.front_matter;
  m_end = std::min(fm.yaml_end, text.size());
  Section root;
  root.begin = root.body = root.end = fm.yaml_begin;
  m_sections.push_back(root);
  size_t at = fm.yaml_begin;
  while (at < m_end) {
    size_t i = at;
    while (i < m_end && is_blank(m_text[i])) ++i;
    const size_t line_end = next_line(m_text, at, m_end);
    if (i >= m_end || m_text[i] == '\n' || m_text[i] == '\r' ||
        m_text[i] == '#') {
      at = line_end;
      continue;
    }
    bool ok = m_text[i] == '[' ? read_header(at, line_end) : read_statement(at);
    if (!ok) {
      m_sections.resize(1);
      m_sections[0].statements.clear();
      m_statements.clear();
      return;
    }
  }
}

bool TomlLayout::fail(std::string message, size_t at) {
  m_error = std::move(message) + " (at byte " + std::to_string(at) + ")";
  return false;
}

bool TomlLayout::read_header(size_t& at, size_t line_end) {
  Section section;
  section.begin = at;
  size_t i = m_text.find('[', at);
  section.array = m_text.compare(i, 2, "[[") == 0;
  auto key = read_key(m_text, i + (section.array ? 2 : 1));
  if (!key) return fail("cannot read a table header", at);
  section.key_spans = key->spans;
  const nlohmann::json* node = &m_document.data;
  for (size_t p = 0; p < key->parts.size(); ++p) {
    auto it = node->is_object() ? node->find(key->parts[p]) : node->end();
    if (!node->is_object() || it == node->end()) {
      return fail("a table header names a missing table", at);
    }
    section.tokens.push_back(key->parts[p]);
    section.key_tokens.push_back(section.tokens.size() - 1);
    node = &*it;
    if (!node->is_array()) continue;
    // An array of tables: its item is the one this header opens, or the
    // last one opened before it.
    size_t opened = 0;
    for (const Section& other : m_sections) {
      if (other.array && other.tokens.size() == section.tokens.size() + 1 &&
          starts_with(other.tokens, section.tokens)) {
        ++opened;
      }
    }
    bool opens = section.array && p + 1 == key->parts.size();
    if ((!opens && opened == 0) ||
        (opens ? opened : opened - 1) >= node->size()) {
      return fail("a table header names a missing array item", at);
    }
    size_t index = opens ? opened : opened - 1;
    section.tokens.push_back(std::to_string(index));
    node = &(*node)[index];
  }
  if (!node->is_object()) return fail("a table header names no table", at);
  section.body = section.end = line_end;
  m_sections.push_back(std::move(section));
  at = line_end;
  return true;
}

bool TomlLayout::read_statement(size_t& at) {
  size_t i = at;
  while (i < m_end && is_blank(m_text[i])) ++i;
  auto key = read_key(m_text, i);
  if (!key) return fail("cannot read a key", at);
  Section& section = m_sections.back();
  Statement st;
  st.begin = at;
  st.key_begin = i;
  st.section = m_sections.size() - 1;
  st.depth = section.tokens.size();
  st.tokens = section.tokens;
  st.tokens.insert(st.tokens.end(), key->parts.begin(), key->parts.end());
  st.key_spans = key->spans;
  const NodeInfo* info = m_document.positions.find(to_pointer(st.tokens));
  if (info == nullptr || info->value_end < st.key_spans.back().second ||
      info->value_end > m_end) {
    return fail("cannot find the value of a key", at);
  }
  st.value_begin = info->value_begin;
  st.value_end = info->value_end;
  st.end = next_line(m_text, st.value_end, m_end);
  section.end = st.end;
  section.statements.push_back(m_statements.size());
  m_statements.push_back(std::move(st));
  at = m_statements.back().end;
  return true;
}

const Statement* TomlLayout::statement(
    const std::vector<std::string>& tokens) const {
  for (const Statement& st : m_statements) {
    if (st.tokens == tokens) return &st;
  }
  return nullptr;
}

const Section* TomlLayout::section(
    const std::vector<std::string>& tokens) const {
  for (const Section& s : m_sections) {
    if (s.tokens == tokens) return &s;
  }
  return nullptr;
}

}  // namespace fmkit::toml_edit
