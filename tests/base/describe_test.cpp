// SPDX-License-Identifier: MIT
#include "base/describe.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace fmkit {
namespace {

using nlohmann::json;

TEST(DescribeTest, DescribeValueInEachStyle) {
  struct Case {
    json value;
    const char* typed;
    const char* subject;
    const char* literal;
  };
  const Case cases[] = {
      {"no", "string \"no\"", "'no'", "\"no\""},
      {"say \"hi\"\n", "string \"say \\\"hi\\\"\\n\"", "'say \"hi\"\n'",
       "\"say \\\"hi\\\"\\n\""},
      {5, "number 5", "5", "5"},
      {-2, "number -2", "-2", "-2"},
      {1.5, "number 1.5", "1.5", "1.5"},
      {true, "boolean true", "true", "true"},
      {nullptr, "null", "null", "null"},
      {json::array({1, 2}), "an array", "[1,2]", "[1,2]"},
      {json{{"a", 1}}, "an object", "{\"a\":1}", "{\"a\":1}"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(describe_value(c.value, ValueStyle::typed), c.typed) << c.value;
    EXPECT_EQ(describe_value(c.value, ValueStyle::subject), c.subject)
        << c.value;
    EXPECT_EQ(describe_value(c.value, ValueStyle::literal), c.literal)
        << c.value;
  }
}

TEST(DescribeTest, LongValuesAreCut) {
  std::string long_text(70, 'x');
  EXPECT_EQ(describe_value(long_text, ValueStyle::typed),
            "string \"" + std::string(60, 'x') + "...\"");
  EXPECT_EQ(describe_value(long_text, ValueStyle::subject),
            "'" + std::string(60, 'x') + "...'");
  // Cut on code points, not bytes.
  std::string greek;
  for (int i = 0; i < 61; ++i) greek += "\xce\xb1";
  EXPECT_EQ(describe_value(greek, ValueStyle::subject),
            "'" + greek.substr(0, 120) + "...'");
}

TEST(DescribeTest, CountNoun) {
  EXPECT_EQ(count_noun(0, "file"), "0 files");
  EXPECT_EQ(count_noun(1, "file"), "1 file");
  EXPECT_EQ(count_noun(2, "warning"), "2 warnings");
}

TEST(DescribeTest, QuoteTextEscapesAndCuts) {
  EXPECT_EQ(quote_text("it's \"x\"\n"), "\"it's \\\"x\\\"\\n\"");
  EXPECT_EQ(quote_text(std::string(61, 'a')),
            "\"" + std::string(60, 'a') + "...\"");
  EXPECT_EQ(quote_text("\xff"), "\"\xef\xbf\xbd\"");
}

}  // namespace
}  // namespace fmkit
