// SPDX-License-Identifier: MIT
#include "migrate/slug.hpp"

#include <cstddef>
#include <cstdint>

namespace fmkit {
namespace {

// Decodes the UTF-8 sequence at `s[i]`; returns its code point and sets
// `length` (an invalid byte counts as one code point of its own value).
uint32_t decode_utf8(std::string_view s, size_t i, size_t& length) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  length = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + length > s.size()) length = 1;
  if (length == 1) return c;
  uint32_t cp = c & (0x3F >> (length - 1));
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      length = 1;
      return c;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  return cp;
}

// Punctuation, symbols and spaces beyond ASCII that separate words in a
// slug: Latin-1 punctuation, general punctuation (dashes, quotes), arrows
// and symbols, CJK punctuation (、。《》「」) and fullwidth punctuation.
bool is_unicode_separator(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
         (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x2190 && cp <= 0x2BFF) ||
         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
         (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
}

}  // namespace

std::string slugify(std::string_view s) {
  std::string out;
  bool dash = false;
  for (size_t i = 0; i < s.size();) {
    size_t length = 1;
    uint32_t cp = decode_utf8(s, i, length);
    std::string_view piece = s.substr(i, length);
    i += length;
    if (cp == '\'' || cp == 0x2019) continue;  // apostrophes
    bool keep = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
                (cp >= 'A' && cp <= 'Z') ||
                (cp >= 0x80 && !is_unicode_separator(cp));
    if (!keep) {
      dash = true;
      continue;
    }
    if (dash && !out.empty()) out += '-';
    dash = false;
    if (cp >= 'A' && cp <= 'Z') {
      out += static_cast<char>(cp - 'A' + 'a');
    } else {
      out += piece;
    }
  }
  return out;
}

}  // namespace fmkit
