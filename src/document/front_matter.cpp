// SPDX-License-Identifier: MIT
#include "document/front_matter.hpp"

namespace fmkit {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

enum class LineMatch { no, yes, undecided };

struct DelimiterLine {
  LineMatch match = LineMatch::no;
  size_t content_end = 0;  // after the trailing blanks, before the ending
  size_t next = 0;         // after the line ending
};

// Matches a delimiter line (`delimiter`, then spaces or tabs, then "\n",
// "\r\n" or the end of the text) starting at `pos`. When `text` is only a
// prefix, a line that could still become a delimiter once more bytes arrive
// is `undecided`: "--", "---  " and "---\r" all are.
DelimiterLine match_delimiter(std::string_view text, size_t pos, TextEnd end,
                              std::string_view delimiter) {
  const bool partial = end == TextEnd::partial;
  const size_t available = text.size() - pos;
  if (available < delimiter.size()) {
    if (text.substr(pos) != delimiter.substr(0, available)) return {};
    return {partial ? LineMatch::undecided : LineMatch::no, 0, 0};
  }
  if (text.compare(pos, delimiter.size(), delimiter) != 0) return {};
  size_t i = pos + delimiter.size();
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i == text.size()) {
    if (partial) return {LineMatch::undecided, 0, 0};
    return {LineMatch::yes, i, i};
  }
  if (text[i] == '\n') return {LineMatch::yes, i, i + 1};
  if (text[i] == '\r') {
    if (i + 1 == text.size()) {
      // A lone "\r" ends the text, or is the first half of "\r\n".
      if (partial) return {LineMatch::undecided, 0, 0};
      return {LineMatch::yes, i, i + 1};
    }
    if (text[i + 1] == '\n') return {LineMatch::yes, i, i + 2};
  }
  return {};
}

// The line that opens (and closes) front matter of `dialect`.
std::string_view opening_delimiter(Dialect dialect) {
  return dialect == Dialect::toml ? "+++" : "---";
}

FrontMatter unclosed_from(FrontMatter fm, size_t size) {
  fm.status = FrontMatterStatus::unclosed;
  fm.yaml_end = size;
  fm.close_begin = size;
  fm.close_end = size;
  fm.body_begin = size;
  return fm;
}

}  // namespace

const char* dialect_name(Dialect dialect) {
  return dialect == Dialect::toml ? "toml" : "yaml";
}

FrontMatter split_front_matter(std::string_view text, TextEnd end) {
  FrontMatter fm;
  size_t pos = 0;
  if (text.starts_with(k_bom)) {
    fm.bom = true;
    pos = k_bom.size();
  } else if (!text.empty() && text.size() < k_bom.size() &&
             k_bom.starts_with(text)) {
    // Part of a BOM: a longer prefix may still open front matter.
    if (end == TextEnd::partial) {
      fm.open_begin = fm.open_end = fm.yaml_begin = text.size();
      return unclosed_from(fm, text.size());
    }
    return fm;
  }

  // Hugo and Zola skip white space before the opening "+++" (a theme's
  // index.md may start with a blank line); YAML's "---" must come first,
  // as Jekyll requires.
  size_t start = pos;
  while (start < text.size() && std::string_view(" \t\r\n").find(text[start]) !=
                                    std::string_view::npos)
    ++start;
  if (start == text.size() && start > pos && end == TextEnd::partial) {
    fm.open_begin = fm.open_end = fm.yaml_begin = text.size();
    return unclosed_from(fm, text.size());  // only white space so far
  }
  if (start < text.size() && text[start] == '+') {
    fm.dialect = Dialect::toml;
    pos = start;
  }
  DelimiterLine open =
      match_delimiter(text, pos, end, opening_delimiter(fm.dialect));
  if (open.match == LineMatch::no) {
    fm.dialect = Dialect::yaml;  // `missing` says yaml
    return fm;
  }
  fm.open_begin = pos;
  if (open.match == LineMatch::undecided) {
    fm.open_end = fm.yaml_begin = text.size();
    return unclosed_from(fm, text.size());
  }
  fm.open_end = open.next;
  fm.yaml_begin = open.next;

  // Only lines starting with '-' or '.' (YAML) or '+' (TOML) can close;
  // skip the others whole.
  const bool toml = fm.dialect == Dialect::toml;
  size_t line = fm.yaml_begin;
  while (line < text.size()) {
    const char first = text[line];
    if (toml ? first == '+' : first == '-' || first == '.') {
      DelimiterLine close =
          match_delimiter(text, line, end,
                          first == '.' ? "..." : opening_delimiter(fm.dialect));
      if (close.match == LineMatch::yes) {
        fm.status = FrontMatterStatus::ok;
        fm.yaml_end = line;
        fm.close_begin = line;
        fm.close_end = close.content_end;
        fm.body_begin = close.next;
        return fm;
      }
      if (close.match == LineMatch::undecided) break;
    }
    size_t newline = text.find('\n', line);
    if (newline == std::string_view::npos) break;
    line = newline + 1;
  }
  return unclosed_from(fm, text.size());
}

}  // namespace fmkit
