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
