// SPDX-License-Identifier: MIT
#include "document/front_matter.hpp"

#include "base/utf8.hpp"

#include <string>

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

FrontMatter unclosed_from(FrontMatter fm, size_t size) {
  fm.status = FrontMatterStatus::unclosed;
  fm.yaml_end = size;
  fm.close_begin = size;
  fm.close_end = size;
  fm.body_begin = size;
  return fm;
}

struct OpeningLine {
  LineMatch match = LineMatch::no;
  size_t next = 0;  // after the line ending
  size_t tag_begin = 0;
  size_t tag_end = 0;
};

// Matches the opening line at `pos`: "---", an optional language tag (the
// rest of the line without its blanks, as gray-matter takes it), then a line
// ending or, with TextEnd::complete, the end of the text. On a prefix the
// line is `undecided` until its "\n" arrives.
OpeningLine match_opening(std::string_view text, size_t pos, TextEnd end) {
  constexpr std::string_view k_dashes = "---";
  const bool partial = end == TextEnd::partial;
  if (text.size() - pos < k_dashes.size()) {
    if (!k_dashes.starts_with(text.substr(pos))) return {};
    return {partial ? LineMatch::undecided : LineMatch::no};
  }
  if (text.compare(pos, k_dashes.size(), k_dashes) != 0) return {};
  const size_t after = pos + k_dashes.size();
  // "----" is a thematic break (gray-matter's rule too).
  if (after < text.size() && text[after] == '-') return {};
  size_t newline = text.find('\n', after);
  if (newline == std::string_view::npos) {
    if (partial) return {LineMatch::undecided};
    newline = text.size();
  }
  size_t begin = after;
  size_t stop = newline;
  if (stop > begin && text[stop - 1] == '\r') --stop;
  while (begin < stop && is_blank(text[begin])) ++begin;
  while (stop > begin && is_blank(text[stop - 1])) --stop;
  if (text.substr(begin, stop - begin).find('\r') != std::string_view::npos) {
    return {};
  }
  return {LineMatch::yes, newline == text.size() ? newline : newline + 1, begin,
          stop};
}

// As gray-matter's engine names: "yaml" and "yml" in any case, the others
// exactly.
Dialect dialect_of_tag(std::string_view tag) {
  if (tag.empty()) return Dialect::yaml;
  std::string lower(tag);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (lower == "yaml" || lower == "yml") return Dialect::yaml;
  if (tag == "json") return Dialect::json;
  if (tag == "toml") return Dialect::toml;
  return Dialect::other;
}

// Whether the "{" at `pos` opens JSON front matter: white space, then '"'
// or "}". Undecided when a prefix ends in the white space.
LineMatch opens_json(std::string_view text, size_t pos, TextEnd end) {
  size_t i = pos + 1;
  while (i < text.size() &&
         (is_blank(text[i]) || text[i] == '\r' || text[i] == '\n')) {
    ++i;
  }
  if (i == text.size()) {
    return end == TextEnd::partial ? LineMatch::undecided : LineMatch::no;
  }
  return text[i] == '"' || text[i] == '}' ? LineMatch::yes : LineMatch::no;
}

// Splits JSON front matter opened by the "{" at `fm.open_begin`: the object
// ends at the matching "}" (Hugo's rule: braces in strings do not count, a
// backslash skips the next character), then an optional "\r" and "\n".
FrontMatter split_json(std::string_view text, FrontMatter fm, TextEnd end) {
  fm.dialect = Dialect::json;
  fm.open_end = fm.yaml_begin = fm.open_begin;
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = fm.open_begin; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\') {
      ++i;
    } else if (c == '"') {
      in_string = !in_string;
    } else if (!in_string && c == '{') {
      ++depth;
    } else if (!in_string && c == '}' && --depth == 0) {
      size_t body = i + 1;
      if (end == TextEnd::partial &&
          (body == text.size() ||
           (text[body] == '\r' && body + 1 == text.size()))) {
        break;  // the line ending may still follow
      }
      if (body < text.size() && text[body] == '\r') ++body;
      if (body < text.size() && text[body] == '\n') ++body;
      fm.status = FrontMatterStatus::ok;
      fm.yaml_end = fm.close_begin = fm.close_end = i + 1;
      fm.body_begin = body;
      return fm;
    }
  }
  return unclosed_from(fm, text.size());
}

// Finds the line that closes the block opened at `fm.open_begin`: "+++"
// after "+++" (`plus`), else "---" or "...".
FrontMatter close_block(std::string_view text, FrontMatter fm, TextEnd end,
                        bool plus) {
  // Only lines starting with '-' or '.' ("---" opened) or '+' ("+++"
  // opened) can close; skip the others whole.
  size_t line = fm.yaml_begin;
  while (line < text.size()) {
    const char first = text[line];
    if (plus ? first == '+' : first == '-' || first == '.') {
      DelimiterLine close = match_delimiter(text, line, end,
                                            plus           ? "+++"
                                            : first == '-' ? "---"
                                                           : "...");
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

}  // namespace

const char* dialect_name(Dialect dialect) {
  switch (dialect) {
    case Dialect::yaml:
      return "yaml";
    case Dialect::json:
      return "json";
    case Dialect::toml:
      return "toml";
    case Dialect::other:
      break;
  }
  return "other";
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

  if (pos < text.size() && text[pos] == '{') {
    LineMatch json = opens_json(text, pos, end);
    if (json == LineMatch::no) return fm;
    fm.open_begin = pos;
    if (json == LineMatch::undecided) {
      fm.open_end = fm.yaml_begin = pos;
      return unclosed_from(fm, text.size());
    }
    return split_json(text, fm, end);
  }

  // Hugo and Zola skip white space before the opening "+++" (a theme's
  // index.md may start with a blank line); "---" must come first, as Jekyll
  // requires.
  size_t start = pos;
  while (start < text.size() && std::string_view(" \t\r\n").find(text[start]) !=
                                    std::string_view::npos)
    ++start;
  if (start == text.size() && start > pos && end == TextEnd::partial) {
    fm.open_begin = fm.open_end = fm.yaml_begin = text.size();
    return unclosed_from(fm, text.size());  // only white space so far
  }
  const bool plus = start < text.size() && text[start] == '+';
  OpeningLine open;
  if (plus) {
    fm.dialect = Dialect::toml;  // also while the line is undecided
    pos = start;
    DelimiterLine line = match_delimiter(text, pos, end, "+++");
    open = {line.match, line.next, pos, pos};
  } else {
    open = match_opening(text, pos, end);
  }
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
  fm.tag_begin = open.tag_begin;
  fm.tag_end = open.tag_end;
  fm.dialect = plus ? Dialect::toml
                    : dialect_of_tag(text.substr(
                          open.tag_begin, open.tag_end - open.tag_begin));

  return close_block(text, fm, end, plus);
}

}  // namespace fmkit
