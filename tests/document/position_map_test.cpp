// SPDX-License-Identifier: MIT
#include "document/position_map.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fmkit {
namespace {

NodeInfo at(size_t begin, size_t end) {
  NodeInfo info;
  info.value_begin = begin;
  info.value_end = end;
  return info;
}

TEST(DocumentPositionMapTest, InsertFindReplaceInDocumentOrder) {
  PositionMap map;
  EXPECT_EQ(map.find(""), nullptr);
  EXPECT_EQ(map.find_nearest("/a"), nullptr);
  EXPECT_EQ(map.insert("", at(0, 10)), 0u);
  EXPECT_EQ(map.insert("/a", at(1, 2)), 1u);
  EXPECT_EQ(map.insert("/b", at(3, 4)), 2u);
  // A second insert replaces the info and keeps the place.
  EXPECT_EQ(map.insert("/a", at(5, 6)), 1u);
  ASSERT_EQ(map.size(), 3u);
  EXPECT_EQ(map.entries()[1].first, "/a");
  EXPECT_EQ(map.find("/a")->value_begin, 5u);
  map.update(2, at(7, 8));
  EXPECT_EQ(map.find("/b")->value_begin, 7u);
  EXPECT_EQ(map.find("/c"), nullptr);
  EXPECT_EQ(map.find_nearest("/a/x/y"), map.find("/a"));
  EXPECT_EQ(map.find_nearest("/c/0"), map.find(""));
}

TEST(DocumentPositionMapTest, GrowsPastItsFirstTable) {
  PositionMap map;
  for (size_t i = 0; i < 5000; ++i) {
    EXPECT_EQ(map.insert("/items/" + std::to_string(i), at(i, i + 1)), i);
  }
  PositionMap copy = map;  // copies keep working
  for (size_t i = 0; i < 5000; ++i) {
    const NodeInfo* info = copy.find("/items/" + std::to_string(i));
    ASSERT_NE(info, nullptr) << i;
    EXPECT_EQ(info->value_begin, i);
  }
  EXPECT_EQ(copy.find("/items/5000"), nullptr);
  EXPECT_EQ(copy.size(), 5000u);
}

}  // namespace
}  // namespace fmkit
