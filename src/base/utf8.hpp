// SPDX-License-Identifier: MIT
//
// UTF-8, decoded one way everywhere. A well-formed sequence is one of
// Unicode's (Table 3-7): no overlong forms, no surrogates (U+D800..U+DFFF),
// nothing past U+10FFFF. The one policy for ill-formed bytes: a byte that
// does not start a well-formed sequence (a stray continuation byte, a lead
// byte without its continuation bytes, a sequence cut off by the end of the
// text, 0xC0, 0xC1, 0xF5..0xFF) decodes as U+FFFD and consumes exactly that
// one byte; decoding goes on at the next byte. So every byte belongs to
// exactly one code point, boundaries found walking forwards and backwards
// agree, and "\xE2\x82" is two replacement characters.
//
// Callers that must tell an invalid byte from a real U+FFFD in the text ask
// Utf8Char::valid(). Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fmkit {

inline constexpr char32_t k_replacement_character = 0xFFFD;

// A space or a tab (YAML's and TOML's blanks).
inline bool is_blank(char c) { return c == ' ' || c == '\t'; }

struct Utf8Char {
  char32_t code_point = 0;  // U+FFFD for an ill-formed byte
  uint8_t length = 0;       // bytes consumed: 1..4; 1 for an ill-formed byte
  bool ill_formed = false;  // the byte starts no well-formed sequence

  bool valid() const { return !ill_formed; }
};

// Decodes the code point at the start of `text`, which must not be empty.
// Inline: it is the inner loop of every scan over a file's text.
inline Utf8Char decode_utf8(std::string_view text);

// Returns the offset of the first byte of `text` that starts no well-formed
// sequence, or std::string_view::npos when `text` is all valid UTF-8.
size_t find_invalid_utf8(std::string_view text);

// Returns the number of code points in `text`; each ill-formed byte counts
// as one.
size_t count_code_points(std::string_view text);

// Appends the UTF-8 encoding of the code point `c` (at most U+10FFFF) to
// `out`.
void append_utf8(std::string& out, char32_t c);

// Returns the offset just past the code point that starts at `offset`, or
// text.size() when `offset` is at or past the end.
size_t next_code_point(std::string_view text, size_t offset);

// Returns the offset of the code point that ends just before `offset`, or 0
// when `offset` is 0. `offset` must be a boundary (or past the end, which
// counts as text.size()).
size_t previous_code_point(std::string_view text, size_t offset);

// Returns the start of the code point that byte `offset` belongs to (the
// boundary at or before it); text.size() when `offset` is past the end.
size_t code_point_start(std::string_view text, size_t offset);

// ---------------------------------------------------------------------------
// Implementation.

inline Utf8Char decode_utf8(std::string_view text) {
  constexpr Utf8Char k_ill_formed{k_replacement_character, 1, true};
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
    if ((s[i] & 0xC0) != 0x80) return k_ill_formed;
    value = (value << 6) | (s[i] & 0x3F);
  }
  return Utf8Char{value, static_cast<uint8_t>(length), false};
}

}  // namespace fmkit
