// SPDX-License-Identifier: MIT
#include "document/yaml_file.hpp"

#include "report/render_support.hpp"

#include <gtest/gtest.h>

namespace fmkit {
namespace {

using testing_support::headers;
using testing_support::render;

TEST(YamlFileTest, ProblemsPointAtKeysAndValuesAndQuoteTheLine) {
  YamlFile file("m.yaml", "version: 2\nops:\n  - renam: {from: a}\n");
  ASSERT_TRUE(file.parsed());
  EXPECT_EQ(file.root()["version"], 2);
  file.error("/ops/0/renam", Place::key, "migration.unknown-op",
             "unknown op 'renam'");
  file.error("/version", Place::value, "migration.type", "bad version");
  file.warning("/ops/0/renam/to", Place::value, "migration.missing",
               "missing 'to'");
  EXPECT_TRUE(file.has_errors());
  EXPECT_EQ(render(file.problems()),
            "m.yaml:1:10: error: bad version [migration.type]\n"
            "version: 2\n"
            "         ^\n"
            "m.yaml:3:5: error: unknown op 'renam' [migration.unknown-op]\n"
            "  - renam: {from: a}\n"
            "    ^~~~~\n"
            "m.yaml:3:5: warning: missing 'to' [migration.missing]\n"
            "  - renam: {from: a}\n"
            "    ^~~~~\n");
}

TEST(YamlFileTest, YamlErrorsAreTheFirstProblems) {
  YamlFile file("c.yaml", "a: [1,\n");
  EXPECT_FALSE(file.parsed());
  EXPECT_TRUE(file.has_errors());
  EXPECT_TRUE(headers(file.problems()).starts_with("c.yaml:"))
      << headers(file.problems());
}

TEST(YamlFileTest, WarningsAloneAreNotErrorsAndEmptyFilesPointAtTheStart) {
  YamlFile empty("e.yaml", "");
  ASSERT_TRUE(empty.parsed());
  EXPECT_TRUE(empty.root().is_null());
  EXPECT_FALSE(empty.has_errors());
  EXPECT_TRUE(empty.problems().empty());
  empty.error("", Place::value, "config.missing-key", "missing key 'x'");
  EXPECT_EQ(headers(empty.problems()),
            "e.yaml:1:1: error: missing key 'x' [config.missing-key]\n");
}

TEST(YamlFileTest, KeysComeInFileOrder) {
  YamlFile file("k.yaml", "zeta: 1\nalpha: 2\nmid: {b: 1, a: 2}\n");
  EXPECT_EQ(file.keys_in_order(file.root(), ""),
            (std::vector<std::string>{"zeta", "alpha", "mid"}));
  EXPECT_EQ(file.keys_in_order(file.root()["mid"], "/mid"),
            (std::vector<std::string>{"b", "a"}));
}

}  // namespace
}  // namespace fmkit
