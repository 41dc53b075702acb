// SPDX-License-Identifier: MIT
#include "document/yaml_characters.hpp"

#include "base/source_span.hpp"
#include "base/utf8.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

// check_yaml_characters() skips plain text by words and runs of common
// sequences; these tests hold its answers to a reference that decodes every
// code point, for each character of interest at every offset of a word.

namespace fmkit {
namespace {

struct Found {
  std::vector<std::string> errors;  // "rule@offset"
  std::vector<size_t> separators;

  friend bool operator==(const Found&, const Found&) = default;
};

Found checked(std::string_view text) {
  Found found;
  std::vector<Diagnostic> diagnostics;
  LineIndex lines(text);
  check_yaml_characters(text, 0, text.size(), lines, diagnostics,
                        CharacterSyntax::yaml, &found.separators);
  for (const Diagnostic& d : diagnostics) {
    found.errors.push_back(d.rule + "@" + std::to_string(d.span.begin.offset));
  }
  return found;
}

// Every code point decoded and judged on its own.
Found reference(std::string_view text) {
  Found found;
  size_t i = 0;
  while (i < text.size() && found.errors.size() < k_max_character_errors) {
    const Utf8Char c = decode_utf8(text.substr(i));
    const std::string at = "@" + std::to_string(i);
    if (c.ill_formed) {
      found.errors.push_back("yaml.utf8" + at);
      break;
    }
    const char32_t cp = c.code_point;
    if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
      found.separators.push_back(i);
    if (cp == 0xFEFF) {
      found.errors.push_back("yaml.bom" + at);
    } else if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
               (cp >= 0x7F && cp <= 0x9F && cp != 0x85) || cp == 0xFFFE ||
               cp == 0xFFFF) {
      found.errors.push_back("yaml.control-character" + at);
    }
    i += c.length;
  }
  return found;
}

TEST(YamlCharactersTest, FastPathsAgreeWithDecodingEveryCharacter) {
  const std::vector<std::string> probes = {"a",
                                           "\n",
                                           "\t",
                                           "\r\n",
                                           "\r",
                                           std::string(1, '\0'),
                                           "\x01",
                                           "\x1b",
                                           "\x1f",
                                           "\x7f",
                                           "\xc3\xa9",
                                           "\xc2\x80",
                                           "\xc2\x85",
                                           "\xc2\x9f",
                                           "\xc2\xa0",
                                           "\xdf\xbf",
                                           "\xe4\xb8\xad",
                                           "\xe2\x80\xa8",
                                           "\xe2\x80\xa9",
                                           "\xe2\x80\x94",
                                           "\xef\xbb\xbf",
                                           "\xef\xbf\xbe",
                                           "\xef\xbf\xbf",
                                           "\xed\x9f\xbf",
                                           "\xf0\x9f\x98\x80",
                                           "\x80",
                                           "\xc3",
                                           "\xe4\xb8",
                                           "\xff"};
  // Backgrounds: ASCII lines, CJK text, accents, a mix.
  const std::vector<std::string> backgrounds = {
      "title: hello world\ntags: [a, b]\n",
      "\xe6\x95\xb0\xe6\x8d\xae\xe9\xa3\x9e\xe8\xbd\xae\xe4\xb8\x8e\xe5\xa4\x8d"
      "\xe5\x88\xa9\xe6\x80\x9d\xe7\xbb\xb4",
      "caf\xc3\xa9 na\xc3\xafve \xc3\xa0 la carte",
      "a: \xe4\xb8\xad\xe6\x96\x87 text\n\tb: \xc3\xa9t\xc3\xa9\r\n"};
  for (const std::string& background : backgrounds) {
    for (const std::string& probe : probes) {
      for (size_t at = 0; at <= 17 && at <= background.size(); ++at) {
        std::string text = background;
        text.insert(at, probe);
        ASSERT_EQ(checked(text), reference(text))
            << "probe " << testing::PrintToString(probe) << " at " << at
            << " in " << testing::PrintToString(background);
        // And at the end, where fewer than eight bytes remain.
        std::string tail = background + probe;
        ASSERT_EQ(checked(tail), reference(tail))
            << "probe " << testing::PrintToString(probe) << " at the end";
      }
    }
  }
}

TEST(YamlCharactersTest, ReportsStopAtTheLimit) {
  const std::string text(3 * k_max_character_errors, '\x01');
  EXPECT_EQ(checked(text).errors.size(), k_max_character_errors);
  EXPECT_EQ(checked(text), reference(text));
}

}  // namespace
}  // namespace fmkit
