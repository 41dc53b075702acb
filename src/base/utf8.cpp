// SPDX-License-Identifier: MIT
#include "base/utf8.hpp"

#include <algorithm>
#include <cstring>

namespace fmkit {

namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

size_t find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // Front matter is mostly ASCII: skip it eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    const Utf8Char c = decode_utf8(text.substr(i));
    if (c.ill_formed) return i;
    i += c.length;
  }
  return std::string_view::npos;
}

size_t count_code_points(std::string_view text) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++count) {
    i += static_cast<unsigned char>(text[i]) < 0x80
             ? 1
             : decode_utf8(text.substr(i)).length;
  }
  return count;
}

size_t next_code_point(std::string_view text, size_t offset) {
  if (offset >= text.size()) return text.size();
  return offset + decode_utf8(text.substr(offset)).length;
}

size_t previous_code_point(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  if (offset == 0) return 0;
  // A well-formed sequence ending at `offset` starts at most four bytes
  // back, on the first byte that is not a continuation byte; otherwise the
  // byte before `offset` stands alone.
  const size_t floor = offset >= 4 ? offset - 4 : 0;
  for (size_t start = offset; start-- > floor;) {
    if (!is_continuation(static_cast<unsigned char>(text[start]))) {
      const Utf8Char c = decode_utf8(text.substr(start));
      return c.valid() && start + c.length == offset ? start : offset - 1;
    }
  }
  return offset - 1;
}

size_t code_point_start(std::string_view text, size_t offset) {
  if (offset >= text.size()) return text.size();
  if (!is_continuation(static_cast<unsigned char>(text[offset]))) {
    return offset;
  }
  // The continuation byte belongs to a sequence that starts at most three
  // bytes back and covers it; otherwise it is an ill-formed byte of its own.
  const size_t floor = offset >= 3 ? offset - 3 : 0;
  for (size_t start = offset; start-- > floor;) {
    if (!is_continuation(static_cast<unsigned char>(text[start]))) {
      const Utf8Char c = decode_utf8(text.substr(start));
      return c.valid() && start + c.length > offset ? start : offset;
    }
  }
  return offset;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace fmkit
