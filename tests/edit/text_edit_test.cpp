// SPDX-License-Identifier: MIT
#include "edit/text_edit.hpp"

#include <gtest/gtest.h>

namespace fmkit {
namespace {

TEST(ApplyEditsTest, SplicesOnlyTheEditedBytes) {
  const std::string text = "title: a\r\n# keep\r\ntags: [x]\r\n";
  auto out = apply_edits(text, {{18, 22, "labels"}, {7, 8, "'no'"}});
  ASSERT_TRUE(out) << out.error();
  EXPECT_EQ(*out, "title: 'no'\r\n# keep\r\nlabels: [x]\r\n");
}

TEST(ApplyEditsTest, InsertsAndDeletes) {
  auto out = apply_edits("abc", {{3, 3, "d"}, {0, 1, ""}, {1, 1, "X"}});
  ASSERT_TRUE(out);
  EXPECT_EQ(*out, "Xbcd");
  auto none = apply_edits("same", {});
  ASSERT_TRUE(none);
  EXPECT_EQ(*none, "same");
}

TEST(ApplyEditsTest, InsertAtTheStartOfAReplacementGoesFirst) {
  // In either order: an editor may cut a line where another inserts one.
  auto out = apply_edits("abc", {{0, 2, "X"}, {0, 0, "I"}, {0, 0, "J"}});
  ASSERT_TRUE(out) << out.error();
  EXPECT_EQ(*out, "IJXc");
  out = apply_edits("abc", {{0, 0, "I"}, {0, 2, "X"}});
  ASSERT_TRUE(out) << out.error();
  EXPECT_EQ(*out, "IXc");
}

// "{a:# note\n}" + ", b: true" before the '#' stays a comment (found by
// fuzzing: the value read "true# note").
TEST(ApplyEditsTest, ACommentRightAfterAnEditKeepsItsSpace) {
  EXPECT_EQ(*apply_edits("{a:# c\n}", {{3, 3, ", b: true"}}),
            "{a:, b: true # c\n}");
  EXPECT_EQ(*apply_edits("a: 1 # c", {{3, 4, "2"}}), "a: 2 # c");
  EXPECT_EQ(*apply_edits("a: 1#c", {{3, 6, "2"}}), "a: 2");
}

// An insert inside text a deletion removes lands where the deletion left
// nothing (found by fuzzing: a cut that takes blank lines after an entry,
// and a new key inserted after that entry).
TEST(ApplyEditsTest, AnInsertInsideADeletionLandsWhereItWas) {
  EXPECT_EQ(*apply_edits("a\nb\n\nc", {{2, 5, ""}, {4, 4, "x\n"}}), "a\nx\nc");
  EXPECT_FALSE(apply_edits("abcd", {{0, 3, "X"}, {1, 1, "y"}}));  // replaced
}

TEST(ApplyEditsTest, RejectsOverlapsAndOutOfRange) {
  auto overlap = apply_edits("abcdef", {{0, 3, "x"}, {2, 4, "y"}});
  ASSERT_FALSE(overlap);
  EXPECT_EQ(overlap.error(), "edits overlap at byte 2");
  auto outside = apply_edits("abc", {{2, 9, "x"}});
  ASSERT_FALSE(outside);
  EXPECT_EQ(outside.error(), "edit [2, 9) is outside the text (3 bytes)");
}

// The result holds no slack: `migrate --write` holds thousands of them.
TEST(ApplyEditsTest, TheResultIsSizedExactly) {
  const std::string text(100, 'a');
  auto out = apply_edits(text, {{100, 100, std::string(60, 'b')},
                                {10, 30, ""},
                                {50, 50, std::string(30, 'c')}});
  ASSERT_TRUE(out) << out.error();
  EXPECT_EQ(out->size(), 170u);
  EXPECT_EQ(out->capacity(), out->size());
  // Overlapping and far-away edits are refused, never sized.
  auto bad = apply_edits("abc", {{0, 3, ""}, {0, 3, ""}, {1, 99, ""}});
  EXPECT_FALSE(bad);
}

}  // namespace
}  // namespace fmkit
