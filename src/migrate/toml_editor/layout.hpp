// SPDX-License-Identifier: MIT
//
// TomlLayout: the statements of a TOML front matter as TomlEditor edits
// them. The PositionMap (document/toml_to_json.hpp) gives the span of every
// key and value, but not which line sets what: a dotted key `a.b = 1`
// records /a only where it first appears, and `[a.b]` headers are recorded
// as the tables they open. So the TOML text is read once more here, line by
// line (toml++ accepted it, so only keys need reading: values are skipped
// with their spans from the PositionMap), into:
//
// - sections: the root (the text before the first header) and one per
//   `[table]` or `[[array of tables]]` header, with the JSON tokens of the
//   table it opens (an array's item index included: the second
//   `[[items]]` opens /items/1, a `[items.sub]` after it /items/1/sub) and
//   the span of each part of its key;
// - statements: each `key = value` line of a section (not those inside
//   inline tables), with the JSON tokens of the value it sets, the spans of
//   its key parts and the lines it takes (its comment included).
//
// Also here: reading a TOML key, and finding comments in a range of TOML
// text. Internal to migrate/; views the text and the Document, which must
// outlive it; const access is thread-safe.
#pragma once

#include "document/document.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fmkit::toml_edit {

using Span = std::pair<size_t, size_t>;  // [begin, end) in the file text

// A (dotted) key as written.
struct KeyText {
  std::vector<std::string> parts;  // unescaped
  std::vector<Span> spans;         // each part, quotes included
};

// Reads the key at `at` of `text` up to the '=' or ']' after it; nullopt
// when none starts there.
std::optional<KeyText> read_key(std::string_view text, size_t at);

// Returns the offset just past the TOML string (any of the four kinds)
// starting at the quote at `at`.
size_t skip_string(std::string_view text, size_t at);

// Returns the offset of the first comment ('#' outside strings) in
// [begin, end) of `text`, or npos; `begin` must not lie inside a string.
size_t find_comment(std::string_view text, size_t begin, size_t end);

struct Statement {
  size_t begin = 0;                 // the start of its first line
  size_t key_begin = 0;             // its first key part
  std::vector<std::string> tokens;  // of the value it sets
  size_t depth = 0;  // tokens of its section: key part i is tokens[depth + i]
  std::vector<Span> key_spans;
  size_t value_begin = 0;
  size_t value_end = 0;
  size_t end = 0;  // past the line ending of its last line
  size_t section = 0;
};

struct Section {
  bool array = false;  // [[...]]
  size_t begin = 0;    // its header line's start (root: the TOML text's)
  size_t body = 0;     // past the header line (root: == begin)
  size_t end = 0;      // past its last statement (or header line)
  std::vector<std::string> tokens;  // of the table it opens
  std::vector<Span> key_spans;      // its header's key parts
  std::vector<size_t> key_tokens;   // the token each key part names
  std::vector<size_t> statements;   // indexes, in order
};

class TomlLayout {
 public:
  // Reads the TOML text of `document` (read from `text`). When a line
  // cannot be followed (a bug, or a layout this reader misses), error()
  // says which and the layout is empty.
  TomlLayout(std::string_view text, const Document& document);

  const std::string& error() const { return m_error; }
  const std::vector<Section>& sections() const { return m_sections; }
  const std::vector<Statement>& statements() const { return m_statements; }

  // The statement that sets exactly `tokens`, or nullptr.
  const Statement* statement(const std::vector<std::string>& tokens) const;
  // The section that opens exactly `tokens` (root: no tokens), or nullptr.
  const Section* section(const std::vector<std::string>& tokens) const;

 private:
  bool read_header(size_t& at, size_t line_end);
  bool read_statement(size_t& at);
  bool fail(std::string message, size_t at);

  std::string_view m_text;
  const Document& m_document;
  size_t m_end = 0;  // of the TOML text
  std::vector<Section> m_sections;
  std::vector<Statement> m_statements;
  std::string m_error;
};

// Returns true when `tokens` starts with `prefix`.
bool starts_with(const std::vector<std::string>& tokens,
                 const std::vector<std::string>& prefix);

}  // namespace fmkit::toml_edit
