// SPDX-License-Identifier: MIT
#include "document/json_reader.hpp"

#include "base/json_pointer.hpp"
#include "base/utf8.hpp"
#include "document/yaml_characters.hpp"
#include "document/yaml_scalar.hpp"

#include <string>
#include <utility>

namespace fmkit {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool is_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '+' || c == '-';
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// How a character the reader did not expect is named in a message.
std::string found(std::string_view text, size_t at) {
  return "'" + std::string(text.substr(at, next_code_point(text, at) - at)) +
         "'";
}

// A recursive-descent reader over text[begin, end). Recursion is bounded by
// YamlOptions::max_depth.
class JsonReader {
 public:
  JsonReader(std::string_view text, size_t begin, size_t end,
             const LineIndex& lines, const YamlOptions& options,
             std::vector<Diagnostic>& diagnostics, PositionMap* positions)
      : m_text(text.substr(0, end)),
        m_pos(begin),
        m_lines(lines),
        m_options(options),
        m_diagnostics(diagnostics),
        m_positions(positions) {}

  // Reads the one value; nullopt after an error.
  std::optional<nlohmann::json> read() {
    skip_space();
    if (m_pos == m_text.size()) return nlohmann::json();
    nlohmann::json value;
    NodeInfo info;
    std::string pointer;
    if (!read_value(pointer, info, 1, value)) return std::nullopt;
    skip_space();
    if (m_pos < m_text.size()) {
      return fail(m_pos, m_pos + 1,
                  "text after the end of the JSON value: " +
                      found(m_text, m_pos) + " (one value only)");
    }
    if (m_failed) return std::nullopt;
    return value;
  }

 private:
  void skip_space() {
    while (m_pos < m_text.size() && is_space(m_text[m_pos])) ++m_pos;
  }

  // Reports a json.syntax error at [begin, end); returns std::nullopt.
  std::nullopt_t fail(size_t begin, size_t end, std::string message,
                      std::string rule = "json.syntax") {
    Diagnostic d;
    d.rule = std::move(rule);
    d.message = (d.rule == "json.syntax" ? "invalid JSON: " : "") + message;
    d.span = m_lines.span(begin, std::min(end, m_text.size()));
    m_diagnostics.push_back(std::move(d));
    m_failed = true;
    return std::nullopt;
  }

  // The error for the unexpected character at m_pos where `expected` was
  // due, worded by cause.
  bool unexpected_here(std::string_view expected) {
    if (m_pos == m_text.size()) {
      fail(m_pos, m_pos,
           "the text ends early: expected " + std::string(expected));
    } else if (m_text[m_pos] == '/') {
      fail(m_pos, m_pos + 1, "comments are not allowed in JSON");
    } else if (m_text[m_pos] == '\'') {
      fail(m_pos, m_pos + 1, "strings must be in double quotes");
    } else {
      fail(m_pos, m_pos + 1,
           "expected " + std::string(expected) + ", found " +
               found(m_text, m_pos));
    }
    return false;
  }

  bool read_value(const std::string& pointer, NodeInfo& info, size_t depth,
                  nlohmann::json& out);
  bool read_container(const std::string& pointer, NodeInfo& info, size_t depth,
                      nlohmann::json& out);
  bool read_member(const std::string& pointer, size_t depth,
                   nlohmann::json& object);
  bool read_string(std::string& out);
  bool read_escape(std::string& out);
  bool read_scalar_word(NodeInfo& info, nlohmann::json& out);
  bool count_node(size_t begin);

  std::string_view m_text;  // ends at the slice's end
  size_t m_pos;
  const LineIndex& m_lines;
  const YamlOptions& m_options;
  std::vector<Diagnostic>& m_diagnostics;
  PositionMap* m_positions;
  size_t m_nodes = 0;
  bool m_failed = false;  // an error that does not stop reading (duplicate)
};

bool JsonReader::count_node(size_t begin) {
  if (++m_nodes <= m_options.max_nodes) return true;
  fail(begin, begin + 1,
       "more than " + std::to_string(m_options.max_nodes) + " values",
       "json.limit");
  return false;
}

// Reads the value at m_pos into `out`, recording its position at `pointer`
// (`info` may already hold its key).
bool JsonReader::read_value(const std::string& pointer, NodeInfo& info,
                            size_t depth, nlohmann::json& out) {
  if (m_pos == m_text.size()) return unexpected_here("a value");
  const size_t begin = m_pos;
  if (!count_node(begin)) return false;
  info.value_begin = begin;
  const char c = m_text[m_pos];
  if (c == '{' || c == '[') return read_container(pointer, info, depth, out);
  if (c == '"') {
    info.style = ScalarStyle::double_quoted;
    std::string s;
    if (!read_string(s)) return false;
    out = std::move(s);
  } else if (!read_scalar_word(info, out)) {
    return false;
  }
  info.value_end = m_pos;
  if (m_positions) m_positions->insert(pointer, info);
  return true;
}

bool JsonReader::read_container(const std::string& pointer, NodeInfo& info,
                                size_t depth, nlohmann::json& out) {
  const bool object = m_text[m_pos] == '{';
  const char close = object ? '}' : ']';
  if (depth > m_options.max_depth) {
    fail(m_pos, m_pos + 1,
         "nesting deeper than " + std::to_string(m_options.max_depth) +
             " levels",
         "json.limit");
    return false;
  }
  info.kind = object ? NodeKind::mapping : NodeKind::sequence;
  info.flow = true;
  // Inserted now, so entries stay in document order; updated at the end.
  size_t entry = m_positions ? m_positions->insert(pointer, info) : 0;
  out = object ? nlohmann::json::object() : nlohmann::json::array();
  ++m_pos;
  skip_space();
  bool first = true;
  while (m_pos == m_text.size() || m_text[m_pos] != close) {
    if (!first) {
      if (m_pos < m_text.size() && m_text[m_pos] == '"' && object) {
        fail(m_pos, m_pos + 1, "a ',' is missing before this key");
        return false;
      }
      if (m_pos == m_text.size() || m_text[m_pos] != ',') {
        return unexpected_here(std::string("',' or '") + close + "'");
      }
      const size_t comma = m_pos;
      ++m_pos;
      skip_space();
      if (m_pos < m_text.size() && m_text[m_pos] == close) {
        fail(comma, comma + 1,
             std::string("trailing comma before '") + close +
                 "' (JSON allows none)");
        return false;
      }
    }
    first = false;
    if (object) {
      if (!read_member(pointer, depth, out)) return false;
    } else {
      NodeInfo item;
      nlohmann::json value;
      std::string item_pointer =
          append_pointer(pointer, std::to_string(out.size()));
      if (!read_value(item_pointer, item, depth + 1, value)) return false;
      out.push_back(std::move(value));
    }
    skip_space();
  }
  ++m_pos;
  info.value_end = m_pos;
  if (m_positions) m_positions->update(entry, info);
  return true;
}

// Reads `"key": value` into `object`.
bool JsonReader::read_member(const std::string& pointer, size_t depth,
                             nlohmann::json& object) {
  if (m_pos == m_text.size() || m_text[m_pos] != '"') {
    if (m_pos < m_text.size() && is_word(m_text[m_pos])) {
      fail(m_pos, m_pos + 1, "keys must be in double quotes");
      return false;
    }
    return unexpected_here("a key in double quotes");
  }
  NodeInfo info;
  info.has_key = true;
  info.key_begin = m_pos;
  std::string key;
  if (!read_string(key)) return false;
  info.key_end = m_pos;
  skip_space();
  if (m_pos == m_text.size() || m_text[m_pos] != ':') {
    return unexpected_here("':' after the key");
  }
  ++m_pos;
  skip_space();
  std::string member = append_pointer(pointer, key);
  const NodeInfo* earlier =
      object.contains(key) && m_positions ? m_positions->find(member) : nullptr;
  if (object.contains(key)) {
    std::string message = "duplicate key " + quoted_for_message(key);
    if (earlier != nullptr) {
      SourcePos at = m_lines.at(earlier->key_begin);
      message += " (first at line " + std::to_string(at.line) + ", column " +
                 std::to_string(at.column) + ")";
    }
    fail(info.key_begin, info.key_end, std::move(message),
         "json.duplicate-key");
    m_diagnostics.back().pointer = member;
    // Read on, to report every duplicate; the first value's entry stays.
    nlohmann::json ignored;
    NodeInfo ignored_info;
    PositionMap* positions = std::exchange(m_positions, nullptr);
    bool read = read_value(member, ignored_info, depth + 1, ignored);
    m_positions = positions;
    return read;
  }
  nlohmann::json value;
  if (!read_value(member, info, depth + 1, value)) return false;
  object[key] = std::move(value);
  return true;
}

// Reads the string at m_pos (its opening quote) into `out`.
bool JsonReader::read_string(std::string& out) {
  const size_t open = m_pos++;
  while (true) {
    size_t run = m_pos;
    while (run < m_text.size() && m_text[run] != '"' && m_text[run] != '\\' &&
           static_cast<unsigned char>(m_text[run]) >= 0x20) {
      ++run;
    }
    out.append(m_text.substr(m_pos, run - m_pos));
    m_pos = run;
    if (m_pos == m_text.size()) {
      fail(open, open + 1, "the string that starts here is not closed");
      return false;
    }
    const char c = m_text[m_pos];
    if (c == '"') break;
    if (c == '\\') {
      if (!read_escape(out)) return false;
      continue;
    }
    // A control character: characters were checked, so TAB, LF or CR.
    fail(m_pos, m_pos + 1,
         c == '\t' ? "a tab in a string must be written as \\t"
                   : "a string cannot span lines: write a line break as \\n");
    return false;
  }
  ++m_pos;
  return true;
}

// Reads the escape at m_pos (its backslash), appending what it stands for.
bool JsonReader::read_escape(std::string& out) {
  const size_t begin = m_pos;
  if (begin + 1 == m_text.size()) {
    fail(begin, begin + 1, "the text ends early: an escape is cut short");
    return false;
  }
  const char e = m_text[begin + 1];
  m_pos += 2;
  constexpr std::string_view k_from = "\"\\/bfnrt";
  constexpr std::string_view k_to = "\"\\/\b\f\n\r\t";
  if (size_t i = k_from.find(e); i != std::string_view::npos) {
    out += k_to[i];
    return true;
  }
  auto hex4 = [&](size_t at) -> std::optional<char32_t> {
    if (at + 4 > m_text.size()) return std::nullopt;
    char32_t v = 0;
    for (size_t k = at; k < at + 4; ++k) {
      const char h = m_text[k];
      int digit = is_digit(h)              ? h - '0'
                  : (h >= 'a' && h <= 'f') ? h - 'a' + 10
                  : (h >= 'A' && h <= 'F') ? h - 'A' + 10
                                           : -1;
      if (digit < 0) return std::nullopt;
      v = v * 16 + static_cast<char32_t>(digit);
    }
    return v;
  };
  if (e != 'u') {
    size_t width = e == '\0' ? 1 : next_code_point(m_text, begin + 1) - begin;
    fail(begin, begin + width,
         "'" + std::string(m_text.substr(begin, width)) +
             "' is not a JSON escape (the escapes are \\\" \\\\ \\/ \\b \\f "
             "\\n \\r \\t and \\uXXXX)");
    return false;
  }
  std::optional<char32_t> unit = hex4(begin + 2);
  if (!unit) {
    fail(begin, begin + 2, "'\\u' must be followed by four hex digits");
    return false;
  }
  m_pos = begin + 6;
  char32_t c = *unit;
  if (c >= 0xD800 && c <= 0xDBFF && m_text.substr(m_pos, 2) == "\\u") {
    std::optional<char32_t> low = hex4(m_pos + 2);
    if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (*low - 0xDC00);
      m_pos += 6;
    }
  }
  if (c >= 0xD800 && c <= 0xDFFF) {
    fail(begin, begin + 6,
         "'" + std::string(m_text.substr(begin, 6)) +
             "' is half of a surrogate pair without its other half");
    return false;
  }
  append_utf8(out, c);
  return true;
}

// Reads a number or a literal (true, false, null) at m_pos.
bool JsonReader::read_scalar_word(NodeInfo& info, nlohmann::json& out) {
  const size_t begin = m_pos;
  size_t end = begin;
  while (end < m_text.size() && is_word(m_text[end])) ++end;
  std::string_view word = m_text.substr(begin, end - begin);
  if (word.empty()) return unexpected_here("a value");
  info.style = ScalarStyle::plain;
  m_pos = end;
  if (word == "true" || word == "false" || word == "null") {
    out = word == "null" ? nlohmann::json() : nlohmann::json(word == "true");
    return true;
  }
  // RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < word.size() && is_digit(word[i])) ++i;
    return i > start;
  };
  if (i < word.size() && word[i] == '-') ++i;
  bool number = i < word.size() && (word[i] == '0' ? (++i, true) : digits());
  if (number && i < word.size() && word[i] == '.') number = (++i, digits());
  if (number && i < word.size() && (word[i] == 'e' || word[i] == 'E')) {
    ++i;
    if (i < word.size() && (word[i] == '-' || word[i] == '+')) ++i;
    number = digits();
  }
  if (!number || i != word.size()) {
    fail(begin, end,
         "'" + std::string(word) +
             "' is not a JSON value (strings need double quotes; the "
             "literals are true, false and null)");
    return false;
  }
  if (resolve_scalar(word, ScalarStyle::plain, TagKind::none, out) !=
      Resolution::ok) {
    fail(begin, end,
         "'" + std::string(word) + "' is too large for a number (a double)");
    return false;
  }
  return true;
}

}  // namespace

std::optional<YamlDocument> parse_json_document(
    std::string_view text, size_t begin, size_t end, const LineIndex& lines,
    const YamlOptions& options, std::vector<Diagnostic>& diagnostics) {
  if (!check_text_size("json", begin, end, options.max_bytes, lines,
                       diagnostics)) {
    return std::nullopt;
  }
  if (!check_yaml_characters(text, begin, end, lines, diagnostics,
                             CharacterSyntax::json)) {
    return std::nullopt;
  }
  YamlDocument document;
  JsonReader reader(text, begin, end, lines, options, diagnostics,
                    &document.positions);
  std::optional<nlohmann::json> value = reader.read();
  if (!value) return std::nullopt;
  document.value = std::move(*value);
  return document;
}

std::optional<JsonError> find_json_error(std::string_view text) {
  // A whole JSON text holds a value; only front matter may be empty.
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return JsonError{text.size(), text.empty()
                                      ? "invalid JSON: the file is empty"
                                      : "invalid JSON: the file holds only "
                                        "white space, no value"};
  }
  LineIndex lines(text);
  std::vector<Diagnostic> diagnostics;
  YamlOptions options;
  options.max_bytes = text.size();
  options.max_nodes = static_cast<size_t>(-1);
  options.max_depth = 1000;  // bounds the recursion
  if (parse_json_document(text, 0, text.size(), lines, options, diagnostics)) {
    return std::nullopt;
  }
  // A syntax error rather than a duplicate key found before it.
  const Diagnostic* first = &diagnostics.front();
  for (const Diagnostic& d : diagnostics) {
    if (d.rule != "json.duplicate-key") {
      first = &d;
      break;
    }
  }
  return JsonError{first->span.begin.offset, first->message};
}

}  // namespace fmkit
