// SPDX-License-Identifier: MIT
//
// Positions in a file's text. A SourcePos has a 1-based line, a 1-based
// column counted in Unicode code points (a leading UTF-8 BOM is not counted)
// and a 0-based byte offset. A SourceSpan is half-open: [begin, end).
//
// LineIndex maps byte offsets of one text to SourcePos. It keeps a view of the
// text, which must outlive it. Immutable after construction; thread-safe.
#pragma once

#include "base/utf8.hpp"  // count_code_points(), for callers of LineIndex

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace fmkit {

struct SourcePos {
  uint32_t line = 0;    // 1-based; 0 means "no position"
  uint32_t column = 0;  // 1-based, in code points
  size_t offset = 0;    // byte offset into the file text

  bool valid() const { return line != 0; }
  friend bool operator==(const SourcePos&, const SourcePos&) = default;
};

struct SourceSpan {
  SourcePos begin;
  SourcePos end;

  bool valid() const { return begin.valid(); }
  friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  // Returns the position of byte `offset`; offsets past the end are clamped
  // to the end of the text. A '\r' before '\n' belongs to its line.
  SourcePos at(size_t offset) const;

  // Returns the span of bytes [begin, end).
  SourceSpan span(size_t begin, size_t end) const;

  // Returns line `line` (1-based) without its line ending ("\n" or "\r\n"),
  // or an empty view past the last line.
  std::string_view line_text(uint32_t line) const;

  uint32_t line_count() const { return static_cast<uint32_t>(m_starts.size()); }
  std::string_view text() const { return m_text; }

 private:
  std::string_view m_text;
  std::vector<size_t> m_starts;  // byte offset of each line's first byte
};

}  // namespace fmkit
