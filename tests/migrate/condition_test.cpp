// SPDX-License-Identifier: MIT
#include "migrate/condition.hpp"

#include "migrate/migration.hpp"
#include "report/render_support.hpp"

#include <gtest/gtest.h>

namespace fmkit {
namespace {

// `where: {path}` is the config's Glob (base/glob.hpp): it matches the
// whole path, so a pattern without "/" names files at the top only.
TEST(ConditionTest, PathIsTheConfigGlob) {
  struct Case {
    const char* pattern;
    const char* path;
    bool match;
  };
  const Case cases[] = {
      {"*.md", "a.md", true},
      {"*.md", "posts/a.md", false},
      {"**/*.md", "posts/a.md", true},
      {"**/*.md", "a.md", true},
      {"posts/*.md", "posts/a.md", true},
      {"posts/*.md", "posts/2024/a.md", false},
      {"posts/**/*.md", "posts/a.md", true},
      {"posts/**/*.md", "posts/2024/11/a.md", true},
      {"posts/**", "posts/2024/a.md", true},
      {"posts/202?/*", "posts/2024/a.md", true},
      {"posts/202?/*", "posts/20245/a.md", false},
      {"posts/20[0-2][!5]/*", "posts/2024/a.md", true},
      {"posts/20[0-2][!4]/*", "posts/2024/a.md", false},
      {"./posts/*", "posts/a.md", true},
      {"drafts/", "drafts/x/a.md", true},
      {"notes/*", "posts/a.md", false},
  };
  for (const Case& c : cases) {
    std::string text = "version: 2\nwhere: {path: '" + std::string(c.pattern) +
                       "'}\nops: []\n";
    auto migration = parse_migration(text, "m.yaml");
    ASSERT_TRUE(migration) << testing_support::messages(migration.error());
    EXPECT_EQ(evaluate(migration->where, nlohmann::json::object(), c.path),
              c.match)
        << c.pattern << " " << c.path;
  }
}

TEST(ConditionTest, BadPathIsAnErrorAtItsPlace) {
  struct Case {
    const char* where;
    const char* error;
  };
  const Case cases[] = {
      {"{path: 'posts/[a-'}",
       "m.yaml:2:15: error: unclosed '[' in glob 'posts/[a-'"},
      {"{path: /abs/**}",
       "m.yaml:2:15: error: glob '/abs/**' must be relative to the config "
       "file's folder"},
      {"{path: ''}", "m.yaml:2:15: error: empty glob ''"},
      {"[{field: a, exists: true}, {path: 3}]",
       "m.yaml:2:42: error: 'path' must be a glob, got 3"},
  };
  for (const Case& c : cases) {
    auto migration = parse_migration(
        "version: 2\nwhere: " + std::string(c.where) + "\nops: []\n", "m.yaml");
    ASSERT_FALSE(migration) << c.where;
    EXPECT_EQ(testing_support::messages(migration.error()), c.error);
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
  path.path = *Glob::compile("posts/**");
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
