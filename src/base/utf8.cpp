// SPDX-License-Identifier: MIT
#include "base/utf8.hpp"

#include <algorithm>
#include <cstring>

namespace fmkit {

namespace {

constexpr Utf8Char k_ill_formed{k_replacement_character, 1, true};

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

Utf8Char decode_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char lead = s[0];
  if (lead < 0x80) return Utf8Char{lead, 1, false};
  // Unicode Table 3-7: the lead byte fixes the length and the range of the
  // second byte, which rules out overlong forms, surrogates and values past
  // U+10FFFF; later bytes are plain continuation bytes.
  size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  char32_t value = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    value = lead & 0x0F;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    value = lead & 0x07;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return k_ill_formed;
  }
  if (text.size() < length || s[1] < low || s[1] > high) return k_ill_formed;
  value = (value << 6) | (s[1] & 0x3F);
  for (size_t i = 2; i < length; ++i) {
    if (!is_continuation(s[i])) return k_ill_formed;
    value = (value << 6) | (s[i] & 0x3F);
  }
  return Utf8Char{value, static_cast<uint8_t>(length), false};
}

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

}  // namespace fmkit
