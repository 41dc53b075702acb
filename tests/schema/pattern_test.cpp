// SPDX-License-Identifier: MIT
#include "schema/ecma_regex.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include <nlohmann/json.hpp>

#include "schema/schema_test_support.hpp"

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
  EXPECT_TRUE(search("^\\s$", "\xC2\xA0"));           // U+00A0 is \s in ECMA
  EXPECT_TRUE(search("^[\\s]$", "\xE3\x80\x80"));     // U+3000 inside a class
  EXPECT_FALSE(search("^\\S$", "\xE2\x80\xA8"));      // U+2028
  EXPECT_FALSE(search("^.$", "\r"));                  // '.' stops at \r
  EXPECT_TRUE(search("^.$", "\xC3\xA9"));             // one code point
  EXPECT_TRUE(search("^\\p{L}+$", "日本語"));
  EXPECT_TRUE(search("^(?<y>\\d{4})-\\d{2}$", "2024-11"));
  EXPECT_TRUE(search("^[^]$", "\n"));
  EXPECT_FALSE(search("[]", "anything"));
  EXPECT_TRUE(search("^\\/x$", "/x"));
}

TEST(PatternTest, WhatRe2CannotDoIsAnError) {
  for (const char* pattern : {"(?=a)b", "(?!a)b", "(?<=a)b", "(a)\\1", "a{1,2000}", "(", "[a"}) {
    auto re = compile_ecma_regex(pattern);
    EXPECT_FALSE(re) << pattern;
  }
}

TEST(PatternTest, LongStringsDoNotCrashOrHang) {
  // std::regex overflows the stack on such input; RE2 runs in linear time.
  const std::string long_a(100'000, 'a');
  const std::string long_slug = [] {
    std::string s;
    while (s.size() < 100'000) s += "abc-";
    return s + "z";
  }();
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(search("^(a|aa)+$", long_a));
  EXPECT_FALSE(search("^(a|aa)+$", long_a + "b"));
  EXPECT_TRUE(search("^(a+)+$", long_a));
  EXPECT_FALSE(search("^(a+)+$", long_a + "!"));
  EXPECT_TRUE(search("^[a-z0-9]+(-[a-z0-9]+)*$", long_slug));
  EXPECT_FALSE(search("^[a-z0-9]+(-[a-z0-9]+)*$", long_slug + "-"));

  // And through the validator, for pattern and patternProperties.
  auto schema = compile_text(R"({
    "properties": {"s": {"pattern": "^(a|aa)+$"}, "t": {"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}},
    "patternProperties": {"^(a|aa)+$": {"type": "string"}}
  })");
  EXPECT_TRUE(check_json(schema, {{"s", long_a}, {"t", long_slug}}).empty());
  auto errors = check_json(schema, {{"s", long_a + "b"}, {"t", long_slug + "-"}, {long_a, 1}});
  EXPECT_EQ(errors.size(), 3u);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
}

TEST(PatternTest, SchemaWithUnsupportedPatternIsRefused) {
  SchemaRegistry registry(schema_testing::memory_files(
      {{"/s/a.json", R"json({"properties": {"x": {"pattern": "^(?!draft)"}}})json"}}));
  auto compiled = registry.load("/s/a.json");
  ASSERT_FALSE(compiled);
  EXPECT_EQ(schema_testing::show_problems(compiled.error()),
            "/s/a.json:1:34-1:46: invalid pattern '^(?!draft)': invalid perl operator: (?! "
            "[schema-file.invalid]");
}

}  // namespace
}  // namespace fmkit
