// SPDX-License-Identifier: MIT
#include "migrate/slug.hpp"

#include "base/utf8.hpp"

#include <cstddef>
#include <cstdint>

namespace fmkit {
namespace {

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
    Utf8Char c = decode_utf8(s.substr(i));
    uint32_t cp = c.code_point;
    std::string_view piece = s.substr(i, c.length);
    i += c.length;
    if (cp == '\'' || cp == 0x2019) continue;  // apostrophes
    // An ill-formed byte separates words like punctuation: a slug is UTF-8.
    bool keep = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
                (cp >= 'A' && cp <= 'Z') ||
                (cp >= 0x80 && c.valid() && !is_unicode_separator(cp));
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
