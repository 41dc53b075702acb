// SPDX-License-Identifier: MIT
//
// toml++'s parse errors read "Error while parsing <what>: <reason>" and
// stop at the character where reading failed. Common mistakes get a
// message saying the cause (a YAML-style 'key: value', an unquoted string,
// a string not closed on its line); the others read "invalid <what>:
// <reason>". A redefinition is a toml.duplicate-key error at the key
// written twice; the first place is found by parsing the lines before the
// error again and looking up the key path the error's line writes.
#include "base/describe.hpp"
#include "base/json_pointer.hpp"
#include "base/utf8.hpp"
#include "document/toml_reader.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>

namespace fmkit::detail {

namespace {

using namespace std::string_view_literals;

constexpr std::string_view k_prefix = "Error while parsing ";

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string code_point_name(char32_t cp) {
  char name[16];
  std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(cp));
  return name;
}

// A key segment of the error's line: its name and its offsets in the file.
struct Segment {
  std::string name;
  size_t begin = 0;
  size_t end = 0;
};

// Returns the offset in `line` of the first `stop` character outside quotes,
// or npos.
size_t find_outside_quotes(std::string_view line, std::string_view stop) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote != 0) {
      if (c == '\\' && quote == '"') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (line.substr(i, stop.size()) == stop) {
      return i;
    }
  }
  return std::string_view::npos;
}

// Returns the key segments the line at `line_begin` writes (a header's
// "[a.b]" or a key-value pair's "a.b ="), read by toml++ from the line
// alone, and whether it is a header. Empty when the line writes neither.
std::pair<std::vector<Segment>, bool> line_key(std::string_view text,
                                               size_t line_begin,
                                               size_t limit) {
  std::string_view line = text.substr(line_begin, limit - line_begin);
  line = line.substr(0, line.find('\n'));
  const size_t first = line.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const bool header = line[first] == '[';
  const bool array = header && line.substr(first, 2) == "[[";
  size_t stop = find_outside_quotes(line, header ? (array ? "]]" : "]") : "=");
  if (stop == std::string_view::npos) return {};
  std::string alone(line.substr(0, stop + (header ? (array ? 2 : 1) : 0)));
  if (!header) alone += "= 0";
  std::vector<Segment> segments;
  try {
    toml::table table = toml::parse(std::string_view(alone));
    const toml::node* node = &table;
    while (node != nullptr) {
      if (const toml::array* items = node->as_array()) {
        node = items->empty() ? nullptr : items->get(0);
        continue;
      }
      const toml::table* t = node->as_table();
      if (t == nullptr || t->size() != 1) break;
      // toml++'s iterators give proxies: take the references they hold.
      const toml::key& key = t->begin()->first;
      const toml::node& value = t->begin()->second;
      // Columns count code points; the line's offsets are found from them.
      Segment segment;
      segment.name = std::string(key.str());
      size_t b = 0;
      for (uint32_t c = 1; c < key.source().begin.column && b < line.size();
           ++c)
        b = next_code_point(line, b);
      size_t e = b;
      for (uint32_t c = key.source().begin.column;
           c < key.source().end.column && e < line.size(); ++c)
        e = next_code_point(line, e);
      segment.begin = line_begin + b;
      segment.end = line_begin + e;
      segments.push_back(std::move(segment));
      node = &value;
    }
  } catch (const toml::parse_error&) {
    return {};
  }
  return {std::move(segments), header};
}

// The place a key path names in a parsed document.
struct Found {
  std::string pointer;
  const toml::key* key = nullptr;  // the last segment's key, when any
  size_t depth = 0;                // segments matched
};

// Returns the deepest node of `path` (from `pointer`, at `node`) that
// exists in the parsed prefix.
Found deepest(const toml::node& start, std::string pointer,
              const std::vector<Segment>& path) {
  Found found{pointer, nullptr, 0};
  const toml::node* node = &start;
  for (const Segment& segment : path) {
    const toml::table* table = node->as_table();
    if (const toml::array* items = node->as_array()) {
      // An array of tables: its last element is the open one.
      if (items->empty()) break;
      pointer = append_pointer(pointer, std::to_string(items->size() - 1));
      table = items->back().as_table();
    }
    if (table == nullptr) break;
    auto it = table->find(segment.name);
    if (it == table->end()) break;
    pointer = append_pointer(pointer, segment.name);
    found = Found{pointer, &it->first, found.depth + 1};
    node = &it->second;
  }
  return found;
}

// The table the last header before the error line opened, in `root`: its
// pointer and node. The root when there is none.
struct OpenTable {
  std::string pointer;
  const toml::node* node = nullptr;
  toml::source_position header{};
};

void find_open_table(const toml::node& node, const std::string& pointer,
                     std::string_view toml_text, TomlSlice& slice,
                     OpenTable& best) {
  if (const toml::table* table = node.as_table()) {
    if (table->is_inline()) return;
    const toml::source_position at = table->source().begin;
    const size_t offset = slice.offset(at.line, at.column) - slice.begin();
    // A header's table (not the root): ties go to the deeper table, as
    // "[a.b]" gives 'a' and 'b' the same source.
    if (!pointer.empty() && offset < toml_text.size() &&
        toml_text[offset] == '[' && !(at < best.header)) {
      best = {pointer, &node, at};
    }
    for (auto it = table->begin(); it != table->end(); ++it) {
      find_open_table(it->second, append_pointer(pointer, it->first.str()),
                      toml_text, slice, best);
    }
  } else if (const toml::array* items = node.as_array()) {
    for (size_t i = 0; i < items->size(); ++i) {
      find_open_table(*items->get(i),
                      append_pointer(pointer, std::to_string(i)), toml_text,
                      slice, best);
    }
  }
}

// Returns "'a.b'" for the first `count` segments.
std::string dotted(const std::vector<Segment>& segments, size_t count) {
  std::string name;
  for (size_t i = 0; i < count && i < segments.size(); ++i) {
    if (i > 0) name += '.';
    name += segments[i].name;
  }
  return quoted_for_message(name);
}

// The toml.duplicate-key error for a redefinition reported on 1-based
// `line`; std::nullopt when the key path cannot be worked out (a duplicate
// inside an inline table).
std::optional<Diagnostic> duplicate_key(TomlSlice& slice, uint32_t line) {
  const size_t line_begin = slice.line_start(line);
  auto [segments, header] = line_key(slice.text(), line_begin, slice.end());
  if (segments.empty()) return std::nullopt;
  toml::table prefix;
  try {
    prefix = toml::parse(
        slice.text().substr(slice.begin(), line_begin - slice.begin()));
  } catch (const toml::parse_error&) {
    return std::nullopt;
  }
  OpenTable open{"", &prefix, {}};
  if (!header) {
    find_open_table(prefix, "", slice.toml(), slice, open);
  }
  Found found = deepest(*open.node, open.pointer, segments);
  if (found.depth == 0 || found.key == nullptr) return std::nullopt;
  const Segment& second = segments[found.depth - 1];
  const toml::source_position first = found.key->source().begin;
  const SourcePos pos = slice.position(slice.offset(first.line, first.column));
  return slice.diagnostic("toml.duplicate-key",
                          "duplicate key " + dotted(segments, found.depth) +
                              " (first at line " + std::to_string(pos.line) +
                              ", column " + std::to_string(pos.column) + ")",
                          second.begin, second.end, found.pointer);
}

// What a reworded message needs: the error's place and toml++'s words.
struct ErrorContext {
  std::string_view text;  // the file text
  size_t at = 0;          // where toml++ stopped
  size_t end = 0;         // the end of the TOML text
  std::string_view what;  // "key-value pair", "string", ... ("" if none)
  std::string_view reason;
};

struct Reworded {
  std::string message;
  size_t begin = 0;
  size_t end = 0;
};

// Returns the span of the character at `at`: empty at a line break or the
// end, so the caret stands where the line ends.
Reworded at_char(const ErrorContext& c, std::string message) {
  const bool at_break =
      c.at >= c.end || c.text[c.at] == '\n' || c.text[c.at] == '\r';
  return {std::move(message), c.at,
          at_break ? c.at : next_code_point(c.text, c.at)};
}

// Returns the text from `at` to the end of its value: up to a ',', ']',
// '}', '#' or the line's end, without trailing blanks.
std::string_view token_at(const ErrorContext& c) {
  size_t e = c.at;
  while (e < c.end && ",]}#\r\n"sv.find(c.text[e]) == std::string_view::npos)
    ++e;
  while (e > c.at && (c.text[e - 1] == ' ' || c.text[e - 1] == '\t')) --e;
  return c.text.substr(c.at, e - c.at);
}

// The number quoted in toml++'s reason ("'99999999999999999999' is not
// representable in 64 bits"), spanned where it ends at `at`.
Reworded out_of_range(const ErrorContext& c, std::string_view kind) {
  const size_t open = c.reason.find('\'');
  const size_t close = c.reason.find('\'', open + 1);
  if (open == std::string_view::npos || close == std::string_view::npos) {
    return at_char(c, std::string(kind) + " out of range");
  }
  std::string_view number = c.reason.substr(open + 1, close - open - 1);
  std::string message = std::string(kind) + " " + std::string(number) +
                        " is out of range: TOML " + std::string(kind) +
                        "s are 64-bit; quote it to keep a string";
  if (c.at >= number.size() &&
      c.text.substr(c.at - number.size(), number.size()) == number) {
    return {std::move(message), c.at - number.size(), c.at};
  }
  return at_char(c, std::move(message));
}

Reworded control_character(const ErrorContext& c) {
  const bool literal = c.what == "literal string";
  if (c.at >= c.end || c.text[c.at] == '\n' || c.text[c.at] == '\r') {
    return at_char(c, std::string("the string is not closed on its line: add "
                                  "the closing ") +
                          (literal ? "\"'\"" : "'\"'"));
  }
  const char32_t cp = decode_utf8(c.text.substr(c.at)).code_point;
  std::string name = code_point_name(cp);
  if (c.what == "comment") {
    return at_char(c, "control character " + name + " in a comment: delete it");
  }
  char escape[16];
  std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned>(cp));
  return at_char(c, "control character " + name + " in a string: write it " +
                        (literal ? "in a \"...\" string " : "") +
                        "as the escape " + escape);
}

Reworded end_of_text(const ErrorContext& c) {
  if (c.what == "literal string") {
    return at_char(c,
                   "the multi-line string is not closed: add the closing "
                   "\"'''\"");
  }
  if (c.what.ends_with("string")) {
    return at_char(c,
                   "the multi-line string is not closed: add the closing "
                   "'\"\"\"'");
  }
  if (c.what == "array") {
    return at_char(c, "the array is not closed: add the closing ']'");
  }
  return at_char(c, "the TOML text ends inside a " + std::string(c.what));
}

Reworded unquoted(const ErrorContext& c) {
  std::string_view token = token_at(c);
  if (token.empty()) return at_char(c, "a value is missing here");
  return {quoted_for_message(token) +
              " is not a TOML value: quote it to make a string (\"" +
              shorten(token) + "\")",
          c.at, c.at + token.size()};
}

Reworded lower_case_boolean(const ErrorContext& c) {
  std::string_view token = token_at(c);
  return {quoted_for_message(token) +
              " is not a TOML value: booleans are true and false, in lower "
              "case; quote a string",
          c.at, c.at + token.size()};
}

// Rewordings, first match wins: toml++'s `what` ("" for any) and the start
// of its reason (or any part of it, with `anywhere`).
struct Rewording {
  std::string_view what;
  std::string_view reason;
  bool anywhere;
  Reworded (*make)(const ErrorContext&);
};

const Rewording k_rewordings[] = {
    {"key-value pair", "expected '=', saw ':'", false,
     [](const ErrorContext& c) {
       return at_char(c,
                      "TOML writes 'key = value', not 'key: value' (YAML "
                      "front matter opens with '---', not '+++')");
     }},
    {"key-value pair", "expected '=', saw", false,
     [](const ErrorContext& c) {
       return at_char(c,
                      "expected '=' after the key: a key holding spaces or "
                      "characters other than letters, digits, '_' and '-' "
                      "must be quoted");
     }},
    {"key-value pair", "expected value, saw", false,
     [](const ErrorContext& c) {
       return at_char(c, "the key has no value: write one after '='");
     }},
    {"key-value pair", "expected a comment or whitespace, saw", false,
     [](const ErrorContext& c) {
       return at_char(c,
                      "unexpected text after the value: write one 'key = "
                      "value' per line; a comment starts with '#'");
     }},
    {"value", "could not determine value type", false, unquoted},
    {"boolean", "expected", false, lower_case_boolean},
    {"", "control characters", true, control_character},
    {"", "encountered end-of-file", false, end_of_text},
    {"", "is not representable in 64 bits", true,
     [](const ErrorContext& c) { return out_of_range(c, "integer"); }},
    {"floating-point", "could not be interpreted as a value", true,
     [](const ErrorContext& c) { return out_of_range(c, "float"); }},
    {"inline table", "expected key or closing '}', saw '\\n'", false,
     [](const ErrorContext& c) {
       return at_char(c,
                      "an inline table must stay on one line in TOML 1.0: "
                      "join its lines, or make it a [table]");
     }},
    {"inline table", "dangling comma", true,
     [](const ErrorContext& c) {
       return at_char(c,
                      "a comma after the last value of an inline table is "
                      "not allowed in TOML 1.0: delete it");
     }},
    {"time", "expected ':'", false,
     [](const ErrorContext& c) {
       return at_char(c, "a time needs its seconds in TOML 1.0 (10:30:00)");
     }},
};

// Returns the offsets of the key `name` written as a key (followed by '='
// after blanks) in text[begin, end): the first or the last one; npos if none.
size_t find_key(std::string_view text, size_t begin, size_t end,
                std::string_view name, bool last) {
  size_t found = std::string_view::npos;
  for (size_t at = text.find(name, begin);
       at != std::string_view::npos && at + name.size() <= end;
       at = text.find(name, at + 1)) {
    // A whole key: not the end of a longer one (xx is not x).
    if (at > begin && std::string_view("{, \t.\"'").find(text[at - 1]) ==
                          std::string_view::npos) {
      continue;
    }
    size_t after = at + name.size();
    if (after < end && (text[after] == '"' || text[after] == '\'')) ++after;
    while (after < end && (text[after] == ' ' || text[after] == '\t')) ++after;
    if (after >= end || text[after] != '=') continue;
    found = at;
    if (!last) break;
  }
  return found;
}

// The toml.duplicate-key error when duplicate_key() cannot tell: a key
// written twice in one inline table. toml++ names it (when it is not
// dotted) and stops at the second value; both keys are on its line.
Diagnostic duplicate_on_one_line(const TomlSlice& slice, const ErrorContext& c,
                                 uint32_t line) {
  std::string message = "duplicate key";
  const size_t open = c.reason.find('\'');
  const size_t close = c.reason.rfind('\'');
  if (open == std::string_view::npos || close <= open) {
    Reworded r = at_char(c, std::move(message));
    return slice.diagnostic("toml.duplicate-key", r.message, r.begin, r.end);
  }
  const std::string_view name = c.reason.substr(open + 1, close - open - 1);
  message += " " + quoted_for_message(name);
  const size_t line_begin = slice.line_start(line);
  const size_t second = find_key(c.text, line_begin, c.at, name, true);
  if (second == std::string_view::npos) {
    Reworded r = at_char(c, std::move(message));
    return slice.diagnostic("toml.duplicate-key", r.message, r.begin, r.end);
  }
  const size_t first = find_key(c.text, line_begin, second, name, false);
  if (first != std::string_view::npos) {
    const SourcePos pos = slice.position(first);
    message += " (first at line " + std::to_string(pos.line) + ", column " +
               std::to_string(pos.column) + ")";
  }
  return slice.diagnostic("toml.duplicate-key", std::move(message), second,
                          second + name.size());
}

}  // namespace

Diagnostic toml_error(TomlSlice& slice, std::string_view description,
                      uint32_t line, uint32_t column) {
  ErrorContext c;
  c.text = slice.text();
  c.at = slice.offset(line, column);
  c.end = slice.end();
  c.reason = description;
  if (starts_with(description, k_prefix)) {
    std::string_view rest = description.substr(k_prefix.size());
    if (size_t colon = rest.find(": "); colon != std::string_view::npos) {
      c.what = rest.substr(0, colon);
      c.reason = rest.substr(colon + 2);
    }
  }
  if (starts_with(c.reason, "cannot redefine existing")) {
    if (std::optional<Diagnostic> d = duplicate_key(slice, line)) return *d;
    return duplicate_on_one_line(slice, c, line);
  }
  for (const Rewording& rewording : k_rewordings) {
    if (!rewording.what.empty() && rewording.what != c.what) continue;
    const bool match =
        rewording.anywhere
            ? c.reason.find(rewording.reason) != std::string_view::npos
            : starts_with(c.reason, rewording.reason);
    if (!match) continue;
    Reworded r = rewording.make(c);
    return slice.diagnostic("toml.syntax", std::move(r.message), r.begin,
                            r.end);
  }
  std::string message = c.what.empty() ? std::string(c.reason)
                                       : "invalid " + std::string(c.what) +
                                             ": " + std::string(c.reason);
  if (!message.empty()) {
    message[0] =
        static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  }
  Reworded r = at_char(c, std::move(message));
  return slice.diagnostic("toml.syntax", std::move(r.message), r.begin, r.end);
}

}  // namespace fmkit::detail
