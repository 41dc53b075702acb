// SPDX-License-Identifier: MIT
//
// The TOML text: toml++'s positions as file offsets, and the checks before
// toml++ parses. Nesting is bounded here because toml++
// recurses once per level, with no limit on levels made by dotted keys and
// headers: `a.a.a...a = 1` with 50,000 parts overflows the stack. A bound
// is enough (the exact depth is checked on the parsed tree): brackets and
// braces nest at most max_depth deep, and no key has more than max_depth
// dotted parts, so no document is deeper than about max_depth squared.
// Strings and comments are skipped, so dots and brackets in them count for
// nothing.
#include "base/utf8.hpp"
#include "document/toml_reader.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>

namespace fmkit::detail {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

// Returns the offset just past the string that starts at `i` (a quote), or
// the end of its line when it is not closed there (toml++ then reports it).
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
    if (!multi_line && s[i] == '\n') return i;
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

// Returns the offset of the first character of `s` that nests too deep (a
// bracket or brace beyond `max_depth`, or a dot beyond `max_depth` in one
// key), or npos.
size_t find_too_deep(std::string_view s, size_t max_depth) {
  size_t depth = 0;
  size_t dots = 0;  // dots since the last '=', ',', bracket or line break
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    switch (c) {
      case '"':
      case '\'':
        i = skip_string(s, i);
        continue;
      case '#':
        while (i < s.size() && s[i] != '\n') ++i;
        continue;
      case '[':
      case '{':
        if (++depth > max_depth) return i;
        dots = 0;
        break;
      case ']':
      case '}':
        if (depth > 0) --depth;
        dots = 0;
        break;
      case '=':
      case ',':
      case '\n':
        dots = 0;
        break;
      case '.':
        if (++dots > max_depth) return i;
        break;
      default:
        break;
    }
    ++i;
  }
  return std::string_view::npos;
}

}  // namespace

TomlSlice::TomlSlice(std::string_view text, size_t begin, size_t end,
                     const LineIndex& lines)
    : m_text(text),
      m_begin(begin),
      m_end(end),
      m_lines(lines),
      m_first_line(lines.at(begin).line) {}

size_t TomlSlice::line_start(uint32_t line) const {
  const uint32_t file_line = m_first_line + line - 1;
  if (line == 0 || file_line > m_lines.line_count()) return m_end;
  const std::string_view file_text = m_lines.line_text(file_line);
  return std::min(static_cast<size_t>(file_text.data() - m_text.data()), m_end);
}

size_t TomlSlice::offset(uint32_t line, uint32_t column) {
  size_t at = 0;
  uint32_t counted = 1;
  if (line == m_line && column >= m_column) {
    at = m_offset;
    counted = m_column;
  } else {
    at = line_start(line);
  }
  // Columns count code points; the text is valid UTF-8 (checked first).
  while (counted < column && at < m_end && m_text[at] != '\n') {
    at = next_code_point(m_text, at);
    ++counted;
  }
  at = std::min(at, m_end);
  m_line = line;
  m_column = counted;
  m_offset = at;
  return at;
}

Diagnostic TomlSlice::diagnostic(std::string rule, std::string message,
                                 size_t begin, size_t end, std::string pointer,
                                 Severity severity) const {
  Diagnostic d;
  d.severity = severity;
  d.rule = std::move(rule);
  d.message = std::move(message);
  d.pointer = std::move(pointer);
  d.span = m_lines.span(begin, end);
  return d;
}

bool check_toml_text(const TomlSlice& slice, const YamlOptions& limits,
                     std::vector<Diagnostic>& diagnostics) {
  const std::string_view toml = slice.toml();
  const size_t begin = slice.begin();
  if (toml.size() > limits.max_bytes) {
    diagnostics.push_back(slice.diagnostic(
        "toml.limit",
        "the TOML text is " + std::to_string(toml.size()) +
            " bytes, over the limit of " + std::to_string(limits.max_bytes),
        begin, begin));
    return false;
  }
  if (size_t bad = find_invalid_utf8(toml); bad != std::string_view::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02x",
                  static_cast<unsigned char>(toml[bad]));
    diagnostics.push_back(slice.diagnostic(
        "toml.syntax",
        std::string("invalid UTF-8 byte ") + byte + "; the text must be UTF-8",
        begin + bad, begin + bad + 1));
    return false;
  }
  if (toml.starts_with(k_bom)) {
    diagnostics.push_back(slice.diagnostic(
        "toml.syntax",
        "a byte-order mark (U+FEFF) starts the TOML text; it would be read "
        "as nothing here, and as part of the first key elsewhere: delete it",
        begin, begin + k_bom.size()));
    return false;
  }
  // Anywhere else it would be an invisible part of a key or value, as in
  // YAML and JSON front matter.
  if (size_t bom = toml.find(k_bom); bom != std::string_view::npos) {
    diagnostics.push_back(slice.diagnostic(
        "toml.syntax",
        "byte-order mark U+FEFF is allowed only at the start of the file; "
        "remove it or write it as \\uFEFF in a \"...\" string",
        begin + bom, begin + bom + k_bom.size()));
    return false;
  }
  if (size_t deep = find_too_deep(toml, limits.max_depth);
      deep != std::string_view::npos) {
    const std::string what =
        toml[deep] == '.'
            ? "a key with more than " + std::to_string(limits.max_depth) +
                  " dotted parts"
            : "brackets nested more than " + std::to_string(limits.max_depth) +
                  " deep";
    diagnostics.push_back(slice.diagnostic("toml.limit",
                                           what + ", over the nesting limit",
                                           begin + deep, begin + deep + 1));
    return false;
  }
  return true;
}

}  // namespace fmkit::detail
