// SPDX-License-Identifier: MIT
#include "base/utf8.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace fmkit {
namespace {

// Decodes all of `text`: "U+XXXX/len" per code point, '!' marking an
// ill-formed byte.
std::string decode_all(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    Utf8Char c = decode_utf8(text.substr(i));
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%sU+%04X/%u%s",
                  out.empty() ? "" : " ", static_cast<unsigned>(c.code_point),
                  c.length, c.valid() ? "" : "!");
    out += buffer;
    i += c.length;
  }
  return out;
}

struct DecodeCase {
  std::string_view text;
  std::string_view decoded;
};

TEST(Utf8Test, DecodeTable) {
  const DecodeCase cases[] = {
      {"a", "U+0061/1"},
      {std::string_view("\0", 1), "U+0000/1"},
      {"\x7F", "U+007F/1"},
      {"\xC2\x80", "U+0080/2"},
      {"é", "U+00E9/2"},
      {"\xDF\xBF", "U+07FF/2"},
      {"\xE0\xA0\x80", "U+0800/3"},
      {"埃", "U+57C3/3"},
      {"\xED\x9F\xBF", "U+D7FF/3"},
      {"\xEE\x80\x80", "U+E000/3"},
      {"\xEF\xBB\xBF", "U+FEFF/3"},
      {"\xEF\xBF\xBD", "U+FFFD/3"},  // a real U+FFFD is valid
      {"\xF0\x90\x80\x80", "U+10000/4"},
      {"😀", "U+1F600/4"},
      {"\xF4\x8F\xBF\xBF", "U+10FFFF/4"},
      // Ill-formed: each bad byte is one U+FFFD, and decoding resumes at the
      // next byte.
      {"\x80", "U+FFFD/1!"},
      {"\xBF"
       "a",
       "U+FFFD/1! U+0061/1"},
      {"\xC0\xAF", "U+FFFD/1! U+FFFD/1!"},                // overlong '/'
      {"\xC1\xBF", "U+FFFD/1! U+FFFD/1!"},                // overlong
      {"\xE0\x80\xAF", "U+FFFD/1! U+FFFD/1! U+FFFD/1!"},  // overlong
      {"\xF0\x80\x80\xAF",
       "U+FFFD/1! U+FFFD/1! U+FFFD/1! U+FFFD/1!"},        // overlong
      {"\xED\xA0\x80", "U+FFFD/1! U+FFFD/1! U+FFFD/1!"},  // surrogate D800
      {"\xF4\x90\x80\x80",
       "U+FFFD/1! U+FFFD/1! U+FFFD/1! U+FFFD/1!"},  // past U+10FFFF
      {"\xF5\x80", "U+FFFD/1! U+FFFD/1!"},
      {"\xFF", "U+FFFD/1!"},
      {"\xE2\x82", "U+FFFD/1! U+FFFD/1!"},  // cut off by the end
      {"\xE2\x82"
       "a",
       "U+FFFD/1! U+FFFD/1! U+0061/1"},
      {"\xC3"
       "é",
       "U+FFFD/1! U+00E9/2"},  // lead byte, then a new sequence
      {"a\xF0\x9F\x98", "U+0061/1 U+FFFD/1! U+FFFD/1! U+FFFD/1!"},
  };
  for (const DecodeCase& c : cases) {
    SCOPED_TRACE(testing::PrintToString(std::string(c.text)));
    EXPECT_EQ(decode_all(c.text), c.decoded);
  }
}

struct FindCase {
  std::string_view text;
  size_t invalid;  // npos when valid
};

TEST(Utf8Test, FindInvalid) {
  constexpr size_t npos = std::string_view::npos;
  const FindCase cases[] = {
      {"", npos},
      {"plain ASCII text longer than eight bytes", npos},
      {"《埃里温》 and 😀", npos},
      {"abcdefghijklmnop\xFF", 16},  // after the eight-byte fast path
      {"abcdefgh\xC3", 8},
      {"caf\xC3", 3},
      {"é\xC0\xAF", 2},
      {"a\xED\xA0\x80", 1},
      {"\x80", 0},
      {"ok é \xE2\x82 more", 6},
  };
  for (const FindCase& c : cases) {
    SCOPED_TRACE(testing::PrintToString(std::string(c.text)));
    EXPECT_EQ(find_invalid_utf8(c.text), c.invalid);
  }
}

TEST(Utf8Test, CountCodePoints) {
  EXPECT_EQ(count_code_points(""), 0u);
  EXPECT_EQ(count_code_points("abc"), 3u);
  EXPECT_EQ(count_code_points("《埃》"), 3u);
  EXPECT_EQ(count_code_points("a😀b"), 3u);
  // Every ill-formed byte counts one, whatever it is.
  EXPECT_EQ(count_code_points("\xE2\x82"), 2u);
  EXPECT_EQ(count_code_points("\x80\x80"), 2u);
  EXPECT_EQ(count_code_points("\xC0\xAF"), 2u);
}

// Walking forwards and backwards meets the same boundaries, valid or not.
TEST(Utf8Test, NextAndPreviousAgree) {
  const std::string_view texts[] = {
      "abc",
      "《埃》",
      "a😀é",
      "\xE2\x82"
      "a",
      "\x80\xC3"
      "é\xF0\x9F\x98",
      "\xED\xA0\x80x",
      "😀\x80",
      "\xC3\xA9\xA9",
  };
  for (std::string_view text : texts) {
    SCOPED_TRACE(testing::PrintToString(std::string(text)));
    std::vector<size_t> forward{0};
    for (size_t i = 0; i < text.size();) {
      i = next_code_point(text, i);
      forward.push_back(i);
    }
    std::vector<size_t> backward{text.size()};
    for (size_t i = text.size(); i > 0;) {
      i = previous_code_point(text, i);
      backward.insert(backward.begin(), i);
    }
    EXPECT_EQ(forward, backward);
    EXPECT_EQ(forward.size() - 1, count_code_points(text));
    // Every byte starts at the boundary at or before it.
    for (size_t i = 0; i < text.size(); ++i) {
      size_t start = code_point_start(text, i);
      EXPECT_LE(start, i);
      EXPECT_NE(std::find(forward.begin(), forward.end(), start), forward.end())
          << i;
      EXPECT_GT(next_code_point(text, start), i) << i;
    }
  }
}

TEST(Utf8Test, EdgesOfTheText) {
  EXPECT_EQ(next_code_point("ab", 2), 2u);
  EXPECT_EQ(next_code_point("ab", 9), 2u);
  EXPECT_EQ(previous_code_point("ab", 0), 0u);
  EXPECT_EQ(previous_code_point("ab", 9), 1u);
  EXPECT_EQ(code_point_start("ab", 9), 2u);
  EXPECT_EQ(code_point_start("é", 1), 0u);
  EXPECT_EQ(code_point_start("😀", 3), 0u);
  EXPECT_EQ(previous_code_point("a😀", 5), 1u);
}

}  // namespace
}  // namespace fmkit
