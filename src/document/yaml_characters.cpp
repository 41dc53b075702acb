// SPDX-License-Identifier: MIT
#include "document/yaml_characters.hpp"

#include "base/utf8.hpp"

#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

namespace fmkit {

namespace {

// The names of the C0 controls, DEL and the C1 controls (ISO 6429).
constexpr std::string_view k_c0_names[] = {
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS",  "HT",  "LF",
    "VT",  "FF",  "CR",  "SO",  "SI",  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK",
    "SYN", "ETB", "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
constexpr std::string_view k_c1_names[] = {
    "PAD", "HOP",  "BPH", "NBH", "IND", "NEL", "SSA", "ESA",
    "HTS", "HTJ",  "VTS", "PLD", "PLU", "RI",  "SS2", "SS3",
    "DCS", "PU1",  "PU2", "STS", "CCH", "MW",  "SPA", "EPA",
    "SOS", "SGCI", "SCI", "CSI", "ST",  "OSC", "PM",  "APC"};

bool is_allowed_ascii(unsigned char c) {
  return (c >= 0x20 && c != 0x7F) || c == '\t' || c == '\n' || c == '\r';
}

// The bytes of an 8-byte word (little-endian) that may not be plain
// printable ASCII: each byte >= 0x80, < 0x20 (LF, TAB and CR too; checked
// bytewise) or 0x7F has its high bit set. A borrow can mark a byte above a
// marked one, never below: the lowest mark is exact.
uint64_t special_bytes(uint64_t word) {
  constexpr uint64_t k_ones = 0x0101010101010101ULL;
  constexpr uint64_t k_highs = 0x8080808080808080ULL;
  const uint64_t below_space = (word - k_ones * 0x20) & ~word & k_highs;
  const uint64_t del = word ^ (k_ones * 0x7F);
  const uint64_t has_del = (del - k_ones) & ~del & k_highs;
  return (word & k_highs) | below_space | has_del;
}

std::string hex(char32_t c, int digits) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%0*X", digits,
                static_cast<unsigned>(c));
  return buffer;
}

// The escape that writes `c` in a double-quoted YAML string.
std::string escape_for(char32_t c) {
  switch (c) {
    case 0x00:
      return "\\0";
    case 0x07:
      return "\\a";
    case 0x08:
      return "\\b";
    case 0x0B:
      return "\\v";
    case 0x0C:
      return "\\f";
    case 0x1B:
      return "\\e";
    case 0xFEFF:
      return "\\uFEFF";
    default:
      break;
  }
  return c <= 0xFF ? "\\x" + hex(c, 2) : "\\u" + hex(c, 4);
}

// The escape that writes `c` in a JSON string.
std::string json_escape_for(char32_t c) {
  if (c == 0x08) return "\\b";
  if (c == 0x0C) return "\\f";
  return "\\u" + hex(c, 4);
}

// Returns the message for a forbidden code point, or "" when `c` is allowed.
std::string forbidden_message(char32_t c, CharacterSyntax syntax) {
  const bool json = syntax == CharacterSyntax::json;
  std::string what;
  if (c < 0x20) {
    what = "control character U+" + hex(c, 4) + " (" +
           std::string(k_c0_names[c]) + ")";
  } else if (c == 0x7F) {
    what = "control character U+007F (DEL)";
  } else if (c >= 0x80 && c <= 0x9F && c != 0x85) {
    what = "control character U+" + hex(c, 4) + " (" +
           std::string(k_c1_names[c - 0x80]) + ")";
  } else if (c == 0xFFFE || c == 0xFFFF) {
    what = "non-character U+" + hex(c, 4);
  } else if (c == 0xFEFF) {
    return std::string(
               "byte-order mark U+FEFF is allowed only at the start "
               "of the file; remove it or write it as \\uFEFF in a ") +
           (json ? "string" : "double-quoted string");
  } else {
    return {};
  }
  if (json) {
    return what + " is not allowed in front matter; remove it or write it as " +
           json_escape_for(c) + " in a string";
  }
  return what + " is not allowed in YAML; remove it or write it as " +
         escape_for(c) + " in a double-quoted string";
}

// Returns the index of the first byte from `i` on that needs a closer look
// (a control character, or a sequence the fast paths below do not take), or
// `end`. Records the offsets of U+2028 and U+2029 it passes.
size_t skip_allowed(const unsigned char* s, size_t i, size_t end,
                    std::vector<size_t>* line_separators) {
  auto three_byte = [&] {
    return s[i] >= 0xE1 && s[i] <= 0xEC && i + 2 < end &&
           (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80;
  };
  while (i < end) {
    // Most of the text is printable ASCII: skip it eight bytes at a time,
    // and to the first byte that may not be.
    if (i + 8 <= end) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      const uint64_t special = special_bytes(word);
      if (special == 0) {
        i += 8;
        continue;
      }
      if constexpr (std::endian::native == std::endian::little) {
        i += static_cast<size_t>(std::countr_zero(special)) / 8;
      }
    }
    if (s[i] < 0x80) {
      if (!is_allowed_ascii(s[i])) return i;
      ++i;
      continue;
    }
    // Two- and three-byte sequences whose lead byte admits only allowed
    // code points (U+00C0..U+07FF, U+1000..U+CFFF: accents, Greek,
    // Cyrillic, CJK, Hangul) need only their continuation bytes checked.
    if (s[i] >= 0xC3 && s[i] <= 0xDF && i + 1 < end &&
        (s[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    if (!three_byte()) return i;
    // A run of them (CJK text) stays in this loop.
    do {
      // U+2028, U+2029: E2 80 A8, E2 80 A9.
      if (s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] & 0xFE) == 0xA8 &&
          line_separators != nullptr) {
        line_separators->push_back(i);
      }
      i += 3;
    } while (i < end && three_byte());
  }
  return end;
}

}  // namespace

bool check_yaml_characters(std::string_view text, size_t begin, size_t end,
                           const LineIndex& lines,
                           std::vector<Diagnostic>& diagnostics,
                           CharacterSyntax syntax,
                           std::vector<size_t>* line_separators) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t reported = 0;
  auto report = [&](std::string_view rule, char32_t c, size_t at,
                    size_t length) {
    Diagnostic d;
    d.rule = std::string(rule);
    d.message = forbidden_message(c, syntax);
    d.span = lines.span(at, at + length);
    diagnostics.push_back(std::move(d));
    ++reported;
  };
  size_t i = begin;
  while (reported < k_max_character_errors) {
    i = skip_allowed(s, i, end, line_separators);
    if (i >= end) break;
    if (s[i] < 0x80) {
      report("yaml.control-character", s[i], i, 1);
      ++i;
      continue;
    }
    const Utf8Char c = decode_utf8(text.substr(i, end - i));
    if (c.ill_formed) {
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02x", s[i]);
      Diagnostic d;
      d.rule = "yaml.utf8";
      d.message = std::string("invalid UTF-8 byte ") + byte +
                  "; the text must be UTF-8";
      d.span = lines.span(i, i + 1);
      diagnostics.push_back(std::move(d));
      ++reported;
      break;
    }
    // Accents and CJK are allowed: one comparison decides for them.
    const char32_t cp = c.code_point;
    if (cp == 0x85 && line_separators != nullptr) {
      line_separators->push_back(i);
    }
    if (cp <= 0x9F
            ? cp != 0x85
            : cp >= 0xFEFF && cp <= 0xFFFF && (cp == 0xFEFF || cp >= 0xFFFE)) {
      report(cp == 0xFEFF ? "yaml.bom" : "yaml.control-character", cp, i,
             c.length);
    }
    i += c.length;
  }
  return reported == 0;
}

bool check_text_size(std::string_view language, size_t begin, size_t end,
                     size_t max_bytes, const LineIndex& lines,
                     std::vector<Diagnostic>& diagnostics) {
  if (end - begin <= max_bytes) return true;
  std::string upper(language);
  for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
  Diagnostic d;
  d.rule = std::string(language) + ".limit";
  d.message = "the " + upper + " text is " + std::to_string(end - begin) +
              " bytes, over the limit of " + std::to_string(max_bytes);
  d.span = lines.span(begin, begin);
  diagnostics.push_back(std::move(d));
  return false;
}

}  // namespace fmkit
