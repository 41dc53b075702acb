// SPDX-License-Identifier: MIT
#include "base/json_pointer.hpp"

#include <gtest/gtest.h>

namespace fmkit {
namespace {

TEST(JsonPointerTest, EscapesAndSplitsRoundTrip) {
  EXPECT_EQ(append_pointer("", "a/b~c"), "/a~1b~0c");
  EXPECT_EQ(append_pointer("/tags", "1"), "/tags/1");
  EXPECT_EQ(split_pointer("/a~1b~0c/1"),
            (std::vector<std::string>{"a/b~c", "1"}));
  EXPECT_EQ(split_pointer(""), std::vector<std::string>{});
  EXPECT_EQ(split_pointer("/"), std::vector<std::string>{""});
  EXPECT_EQ(split_pointer("title"), std::vector<std::string>{"title"});
}

}  // namespace
}  // namespace fmkit
