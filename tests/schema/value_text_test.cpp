// SPDX-License-Identifier: MIT
#include "schema/value_text.hpp"

#include "schema/compiled_schema.hpp"
#include "schema/schema_error.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace fmkit {
namespace {

using nlohmann::json;

TEST(ValueTextTest, DescribeValueInEachStyle) {
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
      {json::array({1, 2}), "an array", "an array", "[1,2]"},
      {json{{"a", 1}}, "an object", "an object", "{\"a\":1}"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(describe_value(c.value, ValueStyle::typed), c.typed) << c.value;
    EXPECT_EQ(describe_value(c.value, ValueStyle::subject), c.subject)
        << c.value;
    EXPECT_EQ(describe_value(c.value, ValueStyle::literal), c.literal)
        << c.value;
  }
}

TEST(ValueTextTest, LongValuesAreCut) {
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

TEST(ValueTextTest, Types) {
  using namespace type_bits;
  EXPECT_EQ(describe_types(k_string), "a string");
  EXPECT_EQ(describe_types(k_string | k_null), "a string or null");
  EXPECT_EQ(describe_types(k_integer | k_number | k_array),
            "a number or an array");
  EXPECT_EQ(describe_types(k_string | k_integer | k_boolean),
            "a string, an integer, or a boolean");
}

TEST(ValueTextTest, EnumMessageListsAndSuggests) {
  std::vector<json> values = {"seedling", "budding", 3, json{{"a", 1}}};
  std::vector<const json*> allowed;
  for (const json& v : values) allowed.push_back(&v);
  std::string field(1, k_field_mark);
  EXPECT_EQ(enum_message("seedlng", allowed),
            "'seedlng' is not an allowed value for " + field +
                "; expected one of: seedling, budding, 3, {\"a\":1} (did you "
                "mean 'seedling'?)");
  EXPECT_EQ(enum_message(4, allowed),
            "4 is not an allowed value for " + field +
                "; expected one of: seedling, budding, 3, {\"a\":1}");
  std::vector<json> many;
  for (int i = 0; i < 25; ++i) many.push_back("v" + std::to_string(i));
  allowed.clear();
  for (const json& v : many) allowed.push_back(&v);
  std::string message = enum_message("zzz", allowed);
  EXPECT_TRUE(message.ends_with("v18, v19, ... (5 more)")) << message;
}

}  // namespace
}  // namespace fmkit
