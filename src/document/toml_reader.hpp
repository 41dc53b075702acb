// SPDX-License-Identifier: MIT
//
// The parts behind parse_toml_document() (document/toml_to_json.hpp), for
// document/ only. toml++ reports positions as 1-based lines and columns
// counted in code points, from the start of the text it parsed; TomlSlice
// turns them into byte offsets of the whole file, the only coordinate used
// elsewhere (toml_text.cpp). check_toml_text() runs before toml++;
// toml_error() turns toml++'s one parse error into a diagnostic that says
// the cause (toml_errors.cpp). Not thread-safe; each parse has its own.
#pragma once

#include "base/source_span.hpp"
#include "diag/diagnostic.hpp"
#include "document/yaml_to_json.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit::detail {

// The TOML text: `text[begin, end)`, a slice of the file text `text` that
// starts at a line start.
class TomlSlice {
 public:
  TomlSlice(std::string_view text, size_t begin, size_t end,
            const LineIndex& lines);

  // Returns the file offset of the 1-based `line` and `column` (in code
  // points) of the slice, clamped to the line's end and the slice's end.
  // Fast when called in document order: a later column of the same line
  // continues from the previous answer.
  size_t offset(uint32_t line, uint32_t column);

  // Returns the offset where 1-based line `line` of the slice starts (the
  // slice's end past its last line).
  size_t line_start(uint32_t line) const;

  std::string_view text() const { return m_text; }
  std::string_view toml() const {
    return m_text.substr(m_begin, m_end - m_begin);
  }
  size_t begin() const { return m_begin; }

  // Returns the file position of the file offset `offset`.
  SourcePos position(size_t offset) const { return m_lines.at(offset); }
  size_t end() const { return m_end; }

  // Returns an error (or `severity`) diagnostic at [begin, end).
  Diagnostic diagnostic(std::string rule, std::string message, size_t begin,
                        size_t end, std::string pointer = "",
                        Severity severity = Severity::error) const;

 private:
  std::string_view m_text;
  size_t m_begin;
  size_t m_end;
  const LineIndex& m_lines;
  uint32_t m_first_line;  // the file line of m_begin
  // The last answer of offset(), to continue from.
  uint32_t m_line = 0;
  uint32_t m_column = 0;
  size_t m_offset = 0;
};

// Checks what must hold before toml++ sees the slice: its size, well-formed
// UTF-8, no byte-order mark at its start (toml++ would skip it silently)
// nor anywhere else (it would be an invisible part of a key or value),
// brackets nested no deeper than `limits.max_depth` and no key with more
// than `limits.max_depth` dotted parts (toml++ recurses once per level and
// would overflow the stack). Appends the first problem found to
// `diagnostics` and returns false; true when the slice may be parsed.
bool check_toml_text(const TomlSlice& slice, const YamlOptions& limits,
                     std::vector<Diagnostic>& diagnostics);

// Returns the diagnostic for toml++'s parse error `description` ("Error
// while parsing key-value pair: expected '=', saw ':'") at 1-based `line`
// and `column` of the slice: toml.duplicate-key for a redefinition (naming
// the first place when it can be found), toml.syntax otherwise, with the
// cause reworded for common mistakes.
Diagnostic toml_error(TomlSlice& slice, std::string_view description,
                      uint32_t line, uint32_t column);

}  // namespace fmkit::detail
