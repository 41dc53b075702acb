// SPDX-License-Identifier: MIT
#include "base/spelling.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace fmkit {
namespace {

TEST(SpellingTest, Distance) {
  EXPECT_EQ(edit_distance("status", "stauts"), 1u);  // one swap
  EXPECT_EQ(edit_distance("seedling2", "seedling"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("Title", "title"), 0u);
  EXPECT_EQ(edit_distance("日本", "日木"), 1u);
  // An ill-formed byte (base/utf8.hpp) is itself, not the code point of
  // the same value: Latin-1 0xE9 is not "é" (U+00E9).
  EXPECT_EQ(edit_distance("caf\xE9", "café"), 1u);
  EXPECT_EQ(edit_distance("caf\xE9", "caf\xE9"), 0u);
  EXPECT_EQ(edit_distance("\xE2\x82", "x"), 2u);  // two bytes, two points
}

TEST(SpellingTest, Suggestions) {
  std::vector<std::string> keys = {"status", "summary", "tags", "title"};
  EXPECT_EQ(suggest_spelling("stauts", keys), "status");
  EXPECT_EQ(suggest_spelling("tittle", keys), "title");
  EXPECT_EQ(suggest_spelling("Tags", keys), "tags");
  EXPECT_EQ(suggest_spelling("author_homepage", keys), std::nullopt);
  EXPECT_EQ(suggest_spelling("x", {"y"}), std::nullopt);
  EXPECT_EQ(suggest_spelling("tag", keys), "tags");
}

TEST(SpellingTest, DidYouMean) {
  std::vector<std::string> ops = {"rename", "remove", "replace"};
  EXPECT_EQ(did_you_mean("renme", ops), " (did you mean 'rename'?)");
  EXPECT_EQ(did_you_mean("Rename", ops), " (did you mean 'rename'?)");
  EXPECT_EQ(did_you_mean("frobnicate", ops), "");
  EXPECT_EQ(did_you_mean("x", {}), "");
  EXPECT_EQ("unknown op 'remov'" + did_you_mean("remov", ops),
            "unknown op 'remov' (did you mean 'remove'?)");
}

}  // namespace
}  // namespace fmkit
