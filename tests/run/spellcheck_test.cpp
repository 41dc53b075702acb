// SPDX-License-Identifier: MIT
#include "run/spellcheck.hpp"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace fmkit {
namespace {

TEST(SpellcheckTest, SuggestsCloseNamesOnly) {
  std::vector<std::string_view> commands = {"validate", "dump"};
  EXPECT_EQ(spellcheck("valdate", commands), "validate");
  EXPECT_EQ(spellcheck("validat", commands), "validate");
  EXPECT_EQ(spellcheck("dup", commands), "dump");
  EXPECT_EQ(spellcheck("frobnicate", commands), std::nullopt);
  EXPECT_EQ(spellcheck("x", commands), std::nullopt);
  EXPECT_EQ(spellcheck("validate", commands), "validate");

  std::vector<std::string_view> keys = {"include", "exclude", "schema",
                                        "require_front_matter"};
  EXPECT_EQ(spellcheck("includ", keys), "include");
  EXPECT_EQ(spellcheck("exlude", keys), "exclude");
  EXPECT_EQ(spellcheck("require-front-matter", keys), "require_front_matter");
  EXPECT_EQ(spellcheck("layout", keys), std::nullopt);
}

}  // namespace
}  // namespace fmkit
