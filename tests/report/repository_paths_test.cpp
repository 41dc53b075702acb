// SPDX-License-Identifier: MIT
#include "report/repository_paths.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace fmkit {
namespace {

// The working folder is a subfolder of the repository.
const RepositoryPaths k_paths{"/srv/site/content", "/srv/site"};

TEST(RepositoryPathsTest, ShownPathsRelativeToTheRoot) {
  EXPECT_EQ(k_paths.under_root("posts/a.md"), "content/posts/a.md");
  EXPECT_EQ(k_paths.under_root("../README.md"), "README.md");
  EXPECT_EQ(k_paths.under_root("./posts/../b.md"), "content/b.md");
  EXPECT_EQ(k_paths.under_root("/srv/site/x/y.md"), "x/y.md");
}

TEST(RepositoryPathsTest, OutsideTheRootIsNotUnderIt) {
  EXPECT_EQ(k_paths.under_root("../../other/a.md"), std::nullopt);
  EXPECT_EQ(k_paths.under_root("/tmp/a.md"), std::nullopt);
  EXPECT_EQ(k_paths.under_root("/srv/site2/a.md"), std::nullopt);
  EXPECT_EQ(k_paths.under_root(".."), std::nullopt);
  // repository_path() then keeps the path as shown.
  EXPECT_EQ(k_paths.repository_path("/tmp/a.md"), "/tmp/a.md");
  EXPECT_EQ(k_paths.repository_path("posts/a.md"), "content/posts/a.md");
}

TEST(RepositoryPathsTest, Absolute) {
  EXPECT_EQ(k_paths.absolute("posts/a.md"), "/srv/site/content/posts/a.md");
  EXPECT_EQ(k_paths.absolute("/tmp/../var/a.md"), "/var/a.md");
}

TEST(RepositoryPathsTest, PercentEncodingKeepsUnreservedAndSlash) {
  EXPECT_EQ(percent_encode_path("a-b_c.d~e/F9"), "a-b_c.d~e/F9");
  EXPECT_EQ(percent_encode_path("50%, done #1?.md"),
            "50%25%2C%20done%20%231%3F.md");
  EXPECT_EQ(percent_encode_path("été"), "%C3%A9t%C3%A9");
  EXPECT_EQ(file_uri("/srv/a b.md"), "file:///srv/a%20b.md");
}

}  // namespace
}  // namespace fmkit
