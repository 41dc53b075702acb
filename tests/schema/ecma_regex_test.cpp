// SPDX-License-Identifier: MIT
#include "schema/ecma_regex.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fmkit {
namespace {

// Replaces every match of the ECMA `pattern` in `text` by the ECMA
// replacement `with`; returns "ERROR: <message>" when `with` is refused.
std::string replace(std::string_view pattern, std::string_view with,
                    std::string_view text) {
  auto re = compile_ecma_regex(pattern);
  EXPECT_TRUE(re) << pattern;
  if (!re) return "";
  auto rewrite = translate_ecma_replacement(**re, with);
  if (!rewrite) return "ERROR: " + rewrite.error();
  return regex_replace_all(**re, text, *rewrite);
}

TEST(EcmaRegexTest, ReplacementTranslation) {
  struct Case {
    const char* pattern;
    const char* with;
    const char* rewrite;
  };
  const Case cases[] = {
      {"(a)(b)", "$2$1", "\\2\\1"},
      {"a", "[$&]", "[\\0]"},
      {"a", "$0", "\\0"},
      {"a", "$$1", "$1"},
      {"a", "a\\1b", "a\\\\1b"},
      {"a", "cost $", "cost $"},
      {"a", "$x", "$x"},
      {"(a)", "$10", "\\10"},  // one group: "$1", then "0"
      {"(a)", "$01", "\\1"},
  };
  for (const Case& c : cases) {
    auto re = compile_ecma_regex(c.pattern);
    ASSERT_TRUE(re) << c.pattern;
    auto rewrite = translate_ecma_replacement(**re, c.with);
    ASSERT_TRUE(rewrite) << c.with << ": " << rewrite.error();
    EXPECT_EQ(*rewrite, c.rewrite) << c.with;
  }
}

TEST(EcmaRegexTest, ReplacementErrors) {
  struct Bad {
    const char* pattern;
    const char* with;
    const char* error;
  };
  const Bad cases[] = {
      {"(a)", "$2", "'$2' refers to group 2, but the pattern has 1 group"},
      {"a", "$1", "'$1' refers to group 1, but the pattern has 0 groups"},
      {"(?<y>a)", "$<y>", "'$<' (named groups) is not supported"},
      {"a", "$`", "'$`' (the text before the match) is not supported"},
      {"a", "$'", "'$'' (the text after the match) is not supported"},
      {"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)", "$10",
       "'$10': groups above 9 are not supported"},
  };
  for (const Bad& bad : cases) {
    auto re = compile_ecma_regex(bad.pattern);
    ASSERT_TRUE(re) << bad.pattern;
    auto rewrite = translate_ecma_replacement(**re, bad.with);
    ASSERT_FALSE(rewrite) << bad.with;
    EXPECT_EQ(rewrite.error(), bad.error);
  }
}

// What RE2 leaves out by design is named by its cause, not RE2's symptom
// ("invalid perl operator: (?<", "invalid escape sequence: \1").
TEST(EcmaRegexTest, CompileErrorsNameTheCause) {
  const std::string why =
      " not supported: patterns run on RE2, which never backtracks (linear "
      "time)";
  struct Case {
    std::string pattern;
    std::string error;
  };
  const Case cases[] = {
      {"Hello(?= world)", "lookahead ('(?=', '(?!') is" + why},
      {"x(?!y)", "lookahead ('(?=', '(?!') is" + why},
      {"(?<=Re: )Hello", "lookbehind ('(?<=', '(?<!') is" + why},
      {"(?<!Re: )Hello", "lookbehind ('(?<=', '(?<!') is" + why},
      {"(a)\\1", "backreferences ('\\1') are" + why},
      {"(Hello", "missing ): (Hello"},
      {"a{2,1}", "invalid repetition size: {2,1}"},
  };
  for (const Case& c : cases) {
    auto re = compile_ecma_regex(c.pattern);
    ASSERT_FALSE(re) << c.pattern;
    EXPECT_EQ(re.error(), c.error) << c.pattern;
  }
  // A named group is ECMA syntax RE2 reads once translated.
  EXPECT_TRUE(compile_ecma_regex("(?<year>[0-9]{4})"));
}

TEST(EcmaRegexTest, ReplaceAll) {
  EXPECT_EQ(replace("a", "b", "a-a-a"), "b-b-b");
  EXPECT_EQ(replace("(\\d+)/(\\d+)", "$2.$1", "1/2 3/4"), "2.1 4.3");
  EXPECT_EQ(replace("o", "[$&]", "foo"), "f[o][o]");
  EXPECT_EQ(replace("o", "$$", "foo"), "f$$");
  EXPECT_EQ(replace("/", "\\", "a/b"), "a\\b");
  EXPECT_EQ(replace("x*", "-", "abc"), "-a-b-c-");  // as in ECMAScript
  EXPECT_EQ(replace("x*", "-", "été"), "-é-t-é-");  // whole code points
  EXPECT_EQ(replace("^", ">", "ab"), ">ab");
}

TEST(EcmaRegexTest, FullMatch) {
  auto re = compile_ecma_regex("a|ab");
  ASSERT_TRUE(re);
  EXPECT_TRUE(regex_full_match(**re, "ab"));  // not just the first branch
  EXPECT_TRUE(regex_full_match(**re, "a"));
  EXPECT_FALSE(regex_full_match(**re, "abc"));
  EXPECT_FALSE(regex_full_match(**re, "xab"));
  EXPECT_FALSE(regex_full_match(**re, ""));
}

TEST(EcmaRegexTest, LongStrings) {
  // std::regex overflows the stack on such input; RE2 runs in linear time.
  std::string pairs;
  std::string swapped;
  while (pairs.size() < 100'000) {
    pairs += "ab";
    swapped += "ba";
  }
  EXPECT_EQ(replace("(a)(b)", "$2$1", pairs), swapped);
  EXPECT_EQ(replace("^(a|b)+$", "[$&]", pairs), "[" + pairs + "]");
  auto digits = compile_ecma_regex("[0-9]+");
  ASSERT_TRUE(digits);
  EXPECT_TRUE(regex_full_match(**digits, std::string(100'000, '7')));
}

}  // namespace
}  // namespace fmkit
