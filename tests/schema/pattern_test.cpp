// SPDX-License-Identifier: MIT
#include "schema/ecma_regex.hpp"
#include "schema/schema_test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace fmkit {
namespace {

using schema_testing::check_json;
using schema_testing::compile_text;

bool search(std::string_view pattern, std::string_view text) {
  auto re = compile_ecma_regex(pattern);
  EXPECT_TRUE(re) << pattern << ": " << (re ? "" : re.error());
  return re && regex_search(**re, text);
}

TEST(PatternTest, Translation) {
  struct Case {
    const char* ecma;
    const char* re2;
  };
  const Case cases[] = {
      {"^[a-z]+$", "^[a-z]+$"},
      {"(?<year>\\d{4})", "(?P<year>\\d{4})"},
      {"\\u00e9", "\\x{00e9}"},
      {"\\u{1F600}", "\\x{1F600}"},
      {"\\cJ", "\\x{A}"},
      {"a\\0", "a\\x00"},
      {"[^]", "(?s:.)"},
      {"\\p{Script=Greek}", "\\p{Greek}"},
      {"a.b", "a[^\\n\\r\\x{2028}\\x{2029}]b"},
      {"[.]", "[.]"},
      {"(?=x)", "(?=x)"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(translate_ecma_regex(c.ecma), c.re2) << c.ecma;
  }
}

TEST(PatternTest, SearchIsUnanchored) {
  EXPECT_TRUE(search("b", "abc"));
  EXPECT_FALSE(search("^b", "abc"));
  EXPECT_TRUE(search("^[a-z0-9]+(-[a-z0-9]+)*$", "ai-impact-analysis"));
  EXPECT_FALSE(search("^[a-z0-9]+(-[a-z0-9]+)*$", "AI"));
  EXPECT_FALSE(search("^[a-z0-9]+(-[a-z0-9]+)*$", "trailing-"));
}

TEST(PatternTest, EcmaSemantics) {
  EXPECT_TRUE(search("^\\s$", "\xC2\xA0"));        // U+00A0 is \s in ECMA
  EXPECT_TRUE(search("^[\\s]$", "\xE3\x80\x80"));  // U+3000 inside a class
  EXPECT_FALSE(search("^\\S$", "\xE2\x80\xA8"));   // U+2028
  EXPECT_FALSE(search("^.$", "\r"));               // '.' stops at \r
  EXPECT_TRUE(search("^.$", "\xC3\xA9"));          // one code point
  EXPECT_TRUE(search("^\\p{L}+$", "日本語"));
  EXPECT_TRUE(search("^(?<y>\\d{4})-\\d{2}$", "2024-11"));
  EXPECT_TRUE(search("^[^]$", "\n"));
  EXPECT_FALSE(search("[]", "anything"));
  EXPECT_TRUE(search("^\\/x$", "/x"));
}

TEST(PatternTest, WhatRe2CannotDoIsAnError) {
  for (const char* pattern :
       {"(?=a)b", "(?!a)b", "(?<=a)b", "(a)\\1", "a{1,2000}", "(", "[a"}) {
    auto re = compile_ecma_regex(pattern);
    EXPECT_FALSE(re) << pattern;
  }
}

// Patterns that backtrack exponentially in std::regex (or overflow its
// stack) on 100,000-character strings still get the right answer with RE2.
// How fast is measured in bench/fmkit_bench.cpp (BM_PatternLongString),
// never asserted here.
TEST(PatternTest, LongStringsGetTheRightAnswer) {
  const std::string long_a(100'000, 'a');
  const std::string long_slug = [] {
    std::string s;
    while (s.size() < 100'000) s += "abc-";
    return s + "z";
  }();
  EXPECT_TRUE(search("^(a|aa)+$", long_a));
  EXPECT_FALSE(search("^(a|aa)+$", long_a + "b"));
  EXPECT_FALSE(search("^(a|aa)+$", "b" + long_a));
  EXPECT_TRUE(search("^(a+)+$", long_a));
  EXPECT_FALSE(search("^(a+)+$", long_a + "!"));
  EXPECT_TRUE(search("^[a-z0-9]+(-[a-z0-9]+)*$", long_slug));
  EXPECT_FALSE(search("^[a-z0-9]+(-[a-z0-9]+)*$", long_slug + "-"));
  EXPECT_FALSE(search("^[a-z0-9]+(-[a-z0-9]+)*$", long_slug + "--z"));
  EXPECT_TRUE(search("b", long_a + "b"));  // unanchored: found at the end

  // And through the validator, for pattern and patternProperties: each
  // failing value is reported once, at its own key.
  auto schema = compile_text(R"({
    "properties": {"s": {"pattern": "^(a|aa)+$"}, "t": {"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}},
    "patternProperties": {"^(a|aa)+$": {"type": "string"}}
  })");
  EXPECT_TRUE(
      check_json(schema, {{"s", long_a}, {"t", long_slug}, {long_a, "x"}})
          .empty());
  auto errors = check_json(
      schema, {{"s", long_a + "b"}, {"t", long_slug + "-"}, {long_a, 1}});
  ASSERT_EQ(errors.size(), 3u);
  std::vector<std::string> places;
  for (const std::string& error : errors) {
    EXPECT_NE(error.find("[schema."), std::string::npos)
        << error.substr(0, 200);
    places.push_back(error.substr(error.rfind(" @") + 2));
  }
  std::sort(places.begin(), places.end());
  EXPECT_EQ(places, (std::vector<std::string>{"/" + long_a, "/s", "/t"}));
}

TEST(PatternTest, SchemaWithUnsupportedPatternIsRefused) {
  SchemaRegistry registry(schema_testing::memory_files(
      {{"/s/a.json",
        R"json({"properties": {"x": {"pattern": "^(?!draft)"}}})json"}}));
  auto compiled = registry.load("/s/a.json");
  ASSERT_FALSE(compiled);
  EXPECT_EQ(schema_testing::show_problems(compiled.error()),
            "/s/a.json:1:34-1:46: invalid pattern '^(?!draft)': lookahead "
            "('(?=', '(?!') is not supported: patterns run on RE2, which "
            "never backtracks (linear time) [schema-file.invalid]");
}

}  // namespace
}  // namespace fmkit
