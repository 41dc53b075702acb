// SPDX-License-Identifier: MIT
#include "base/source_span.hpp"

#include "base/utf8.hpp"

#include <algorithm>

namespace fmkit {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

}  // namespace

LineIndex::LineIndex(std::string_view text) : m_text(text) {
  m_starts.push_back(0);
  for (size_t i = text.find('\n'); i != std::string_view::npos;
       i = text.find('\n', i + 1)) {
    m_starts.push_back(i + 1);
  }
}

SourcePos LineIndex::at(size_t offset) const {
  offset = std::min(offset, m_text.size());
  auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
  size_t line = static_cast<size_t>(it - m_starts.begin());  // 1-based
  size_t start = m_starts[line - 1];
  std::string_view prefix = m_text.substr(start, offset - start);
  if (start == 0 && prefix.starts_with(k_bom)) prefix.remove_prefix(3);
  return SourcePos{static_cast<uint32_t>(line),
                   static_cast<uint32_t>(count_code_points(prefix) + 1),
                   offset};
}

SourceSpan LineIndex::span(size_t begin, size_t end) const {
  return SourceSpan{at(begin), at(end)};
}

std::string_view LineIndex::line_text(uint32_t line) const {
  if (line == 0 || line > m_starts.size()) return {};
  size_t start = m_starts[line - 1];
  size_t end = line < m_starts.size() ? m_starts[line] : m_text.size();
  std::string_view text = m_text.substr(start, end - start);
  if (text.ends_with('\n')) text.remove_suffix(1);
  if (text.ends_with('\r')) text.remove_suffix(1);
  if (start == 0 && text.starts_with(k_bom)) text.remove_prefix(3);
  return text;
}

}  // namespace fmkit
