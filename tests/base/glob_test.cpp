// SPDX-License-Identifier: MIT
#include "base/glob.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fmkit {
namespace {

struct GlobCase {
  const char* pattern;
  const char* path;
  bool matches;
};

constexpr GlobCase k_cases[] = {
    // Literal paths.
    {"content/a.md", "content/a.md", true},
    {"content/a.md", "content/b.md", false},
    {"content/a.md", "content/a.md/x", false},
    {"./content/a.md", "content/a.md", true},
    {"content//a.md", "content/a.md", true},
    // '*' stays within one segment, dots included.
    {"*.md", "a.md", true},
    {"*.md", ".hidden.md", true},
    {"*.md", "dir/a.md", false},
    {"content/*.md", "content/a.md", true},
    {"content/*.md", "content/x/a.md", false},
    {"content/*", "content/a.md", true},
    {"a*b*c", "abc", true},
    {"a*b*c", "a-b-b-c", true},
    {"a*b*c", "a-b-b-", false},
    {"*", "", false},
    // '**' as a segment: zero or more segments.
    {"content/**/*.md", "content/a.md", true},
    {"content/**/*.md", "content/x/a.md", true},
    {"content/**/*.md", "content/x/y/z/a.md", true},
    {"content/**/*.md", "other/a.md", false},
    {"content/**/*.md", "content/x/a.txt", false},
    {"**/*.md", "a.md", true},
    {"**/*.md", "x/y/a.md", true},
    {"**", "x/y/a.md", true},
    {"content/**", "content/x/a.md", true},
    {"a/**/**/b", "a/b", true},
    {"a/**/b/**/c", "a/x/b/y/z/c", true},
    {"a/**/b/**/c", "a/x/y/z/c", false},
    // '**' inside a segment is '*'.
    {"a**.md", "abc.md", true},
    {"a**.md", "a/b.md", false},
    // '?' is one code point, never '/'.
    {"?.md", "a.md", true},
    {"?.md", "ab.md", false},
    {"?.md", "埃.md", true},
    {"a?b", "a/b", false},
    // Character classes.
    {"[abc].md", "b.md", true},
    {"[abc].md", "d.md", false},
    {"[a-c].md", "c.md", true},
    {"[!a-c].md", "c.md", false},
    {"[!a-c].md", "d.md", true},
    {"[^a-c].md", "d.md", true},
    {"[]].md", "].md", true},
    {"[a-].md", "-.md", true},
    {"201[0-9]/*.md", "2019/x.md", true},
    {"201[0-9]/*.md", "2020/x.md", false},
    {"[埃e].md", "埃.md", true},
    // Escapes.
    {"\\*.md", "*.md", true},
    {"\\*.md", "a.md", false},
    {"a\\[b", "a[b", true},
    // A trailing '/' means everything under the folder.
    {"drafts/", "drafts/a.md", true},
    {"drafts/", "drafts/x/a.md", true},
    {"drafts/", "drafts", false},
    {"drafts/", "drafts-old/a.md", false},
    // Case matters; '..' segments are matched literally.
    {"*.MD", "a.md", false},
    {"../other/*.md", "../other/a.md", true},
};

TEST(GlobTest, MatchesTable) {
  for (const GlobCase& c : k_cases) {
    auto glob = Glob::compile(c.pattern);
    ASSERT_TRUE(glob) << c.pattern << ": " << glob.error();
    EXPECT_EQ(glob->matches(c.path), c.matches)
        << "pattern '" << c.pattern << "' path '" << c.path << "'";
  }
}

TEST(GlobTest, MatchIgnoresLeadingDotSlashInPath) {
  auto glob = Glob::compile("content/*.md");
  ASSERT_TRUE(glob);
  EXPECT_TRUE(glob->matches("./content/a.md"));
}

TEST(GlobTest, BaseIsTheLeadingLiteralFolders) {
  struct {
    const char* pattern;
    const char* base;
  } cases[] = {
      {"content/posts/**/*.md", "content/posts"},
      {"content/*.md", "content"},
      {"*.md", ""},
      {"**/*.md", ""},
      {"content/a.md", "content"},
      {"a.md", ""},
      {"./content/x/", "content/x"},
      {"con*/x.md", ""},
      {"content/20[0-9][0-9]/*.md", "content"},
      {"../other/*.md", "../other"},
  };
  for (const auto& c : cases) {
    auto glob = Glob::compile(c.pattern);
    ASSERT_TRUE(glob) << c.pattern;
    EXPECT_EQ(glob->base(), c.base) << c.pattern;
    EXPECT_EQ(glob->pattern(), c.pattern);
  }
}

TEST(GlobTest, BadPatternsAreErrors) {
  struct {
    const char* pattern;
    const char* error;
  } cases[] = {
      {"", "empty glob ''"},
      {"./", "empty glob './'"},
      {"content/[a", "unclosed '[' in glob 'content/[a'"},
      {"[!]", "unclosed '[' in glob '[!]'"},
      {"a\\", "glob 'a\\' ends with '\\'"},
      {"/abs/*.md",
       "glob '/abs/*.md' must be relative to the config file's folder"},
  };
  for (const auto& c : cases) {
    auto glob = Glob::compile(c.pattern);
    ASSERT_FALSE(glob) << c.pattern;
    EXPECT_EQ(glob.error(), c.error);
  }
}

TEST(GlobTest, ManyStarsStayFast) {
  // Backtracking only to the last '*' keeps this linear-ish, not exponential.
  auto glob = Glob::compile("*a*a*a*a*a*a*a*a*b");
  ASSERT_TRUE(glob);
  EXPECT_FALSE(glob->matches(std::string(200, 'a')));
}

}  // namespace
}  // namespace fmkit
