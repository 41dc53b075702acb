// SPDX-License-Identifier: MIT
#include "migrate/condition.hpp"

#include <gtest/gtest.h>

namespace fmkit {
namespace {

TEST(ConditionTest, GlobMatch) {
  struct Case {
    const char* pattern;
    const char* path;
    bool match;
  };
  const Case cases[] = {
      {"*.md", "a.md", true},
      {"*.md", "posts/a.md", true},  // no "/": the file name only
      {"posts/*.md", "posts/a.md", true},
      {"posts/*.md", "posts/2024/a.md", false},
      {"posts/**/*.md", "posts/a.md", true},
      {"posts/**/*.md", "posts/2024/11/a.md", true},
      {"posts/**", "posts/2024/a.md", true},
      {"**/a.md", "x/y/a.md", true},
      {"posts/202?/*", "posts/2024/a.md", true},
      {"posts/202?/*", "posts/20245/a.md", false},
      {"./posts/*", "posts/a.md", true},
      {"notes/*", "posts/a.md", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(glob_match(c.pattern, c.path), c.match)
        << c.pattern << " " << c.path;
  }
}

TEST(ConditionTest, Evaluate) {
  nlohmann::json data = {{"status", "draft"},
                         {"tags", {"ai", "ml"}},
                         {"title", "Interview: X"},
                         {"seo", {{"noindex", true}}}};
  Condition equals;
  equals.field = *parse_field_path("status");
  equals.equals = "draft";
  Condition nested;
  nested.field = *parse_field_path("/seo/noindex");
  nested.equals = true;
  Condition contains;
  contains.field = *parse_field_path("tags");
  contains.contains = "ml";
  Condition matches;
  matches.field = *parse_field_path("title");
  matches.matches = *compile_ecma_regex("^Interview");
  Condition missing;
  missing.field = *parse_field_path("summary");
  missing.exists = false;
  Condition path;
  path.path = "posts/**";
  Where all{{equals, nested, contains, matches, missing, path}};
  EXPECT_TRUE(evaluate(all, data, "posts/a.md"));
  EXPECT_FALSE(evaluate(all, data, "notes/a.md"));
  Condition negated;
  negated.none_of = {equals};
  EXPECT_FALSE(evaluate(Where{{negated}}, data, "a.md"));
  Condition in;
  in.field = *parse_field_path("status");
  in.in = std::vector<nlohmann::json>{"final", "seedling"};
  EXPECT_FALSE(evaluate(Where{{in}}, data, "a.md"));
  EXPECT_TRUE(evaluate(Where{}, data, "a.md"));
}

}  // namespace
}  // namespace fmkit
