// SPDX-License-Identifier: MIT
#include "base/source_span.hpp"

#include <gtest/gtest.h>

namespace fmkit {
namespace {

TEST(LineIndexTest, MapsOffsetsToLinesAndCodePointColumns) {
  LineIndex lines("ab\ncé d\r\nx");
  EXPECT_EQ(lines.at(0), (SourcePos{1, 1, 0}));
  EXPECT_EQ(lines.at(2), (SourcePos{1, 3, 2}));
  EXPECT_EQ(lines.at(3), (SourcePos{2, 1, 3}));
  // "é" is two bytes but one column.
  EXPECT_EQ(lines.at(6), (SourcePos{2, 3, 6}));
  EXPECT_EQ(lines.at(10), (SourcePos{3, 1, 10}));
  EXPECT_EQ(lines.at(99), (SourcePos{3, 2, 11}));
  EXPECT_EQ(lines.line_count(), 3u);
}

TEST(LineIndexTest, LineTextDropsLineEndingsAndBom) {
  LineIndex lines("\xEF\xBB\xBF---\r\nkey: v\r\n\nlast");
  EXPECT_EQ(lines.line_text(1), "---");
  EXPECT_EQ(lines.line_text(2), "key: v");
  EXPECT_EQ(lines.line_text(3), "");
  EXPECT_EQ(lines.line_text(4), "last");
  EXPECT_EQ(lines.line_text(5), "");
  // The BOM does not count as a column.
  EXPECT_EQ(lines.at(4).column, 2u);
}

TEST(CountCodePointsTest, CountsLeadBytes) {
  EXPECT_EQ(count_code_points(""), 0u);
  EXPECT_EQ(count_code_points("abc"), 3u);
  EXPECT_EQ(count_code_points("《埃》"), 3u);
}

}  // namespace
}  // namespace fmkit
