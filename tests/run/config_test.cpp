// SPDX-License-Identifier: MIT
#include "run/config.hpp"

#include "report/render_support.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <string_view>

namespace fmkit {
namespace {

using testing_support::headers;
using testing_support::render;
using testing_support::ScopedTempDir;

constexpr const char* k_good = R"(# The example blog.
collections:
  posts:
    include: ["content/posts/**/*.md"]
    exclude: content/posts/drafts/
    schema: schemas/post.schema.json
  notes:
    include: "content/notes/*.md"
    schema: ../schemas/note.schema.json
    require_front_matter: false
)";

TEST(ConfigTest, ParsesCollectionsInFileOrder) {
  auto config = parse_config(k_good, "site/fmkit.yaml");
  ASSERT_TRUE(config) << render(config.error());
  EXPECT_EQ(config->path, "site/fmkit.yaml");
  EXPECT_EQ(config->folder(), "site");
  ASSERT_EQ(config->collections.size(), 2u);

  const CollectionConfig& posts = config->collections[0];
  EXPECT_EQ(posts.name, "posts");
  ASSERT_EQ(posts.include.size(), 1u);
  EXPECT_EQ(posts.include[0].pattern(), "content/posts/**/*.md");
  ASSERT_EQ(posts.exclude.size(), 1u);
  EXPECT_EQ(posts.exclude[0].pattern(), "content/posts/drafts/");
  EXPECT_EQ(posts.schema, "schemas/post.schema.json");
  EXPECT_EQ(posts.require_front_matter, RequireFrontMatter::yes);
  EXPECT_EQ(posts.migrations, "");
  EXPECT_EQ(posts.version_key, "schema_version");
  EXPECT_EQ(posts.initial_version, 1);
  EXPECT_EQ(posts.yaml, YamlVersion::v1_2);

  const CollectionConfig& notes = config->collections[1];
  EXPECT_EQ(notes.name, "notes");
  EXPECT_EQ(notes.exclude.size(), 0u);
  EXPECT_EQ(notes.schema, "../schemas/note.schema.json");
  EXPECT_EQ(notes.require_front_matter, RequireFrontMatter::no);
}

TEST(ConfigTest, ParsesMigrationSettings) {
  auto config = parse_config(
      "collections:\n  posts:\n    include: '*.md'\n    schema: s.json\n"
      "    migrations: migrations/\n    version_key: /meta/version\n"
      "    initial_version: 0\n",
      "fmkit.yaml");
  ASSERT_TRUE(config) << render(config.error());
  const CollectionConfig& posts = config->collections[0];
  EXPECT_EQ(posts.migrations, "migrations/");
  EXPECT_EQ(posts.version_key, "/meta/version");
  EXPECT_EQ(posts.initial_version, 0);
}

TEST(ConfigTest, ParsesTheYamlVersionAsAStringOrABareNumber) {
  struct Case {
    const char* value;
    YamlVersion version;
  };
  const Case cases[] = {{"'1.1'", YamlVersion::v1_1},
                        {"\"1.2\"", YamlVersion::v1_2},
                        {"1.1", YamlVersion::v1_1},
                        {"1.2", YamlVersion::v1_2}};
  for (const Case& c : cases) {
    auto config =
        parse_config(std::string("collections:\n  posts:\n    include: '*.md'\n"
                                 "    schema: s.json\n    yaml: ") +
                         c.value + "\n",
                     "fmkit.yaml");
    ASSERT_TRUE(config) << render(config.error());
    EXPECT_EQ(config->collections[0].yaml, c.version) << c.value;
  }
}

TEST(ConfigTest, FindsTheFirstCollectionContainingAPath) {
  auto config = parse_config(k_good, "fmkit.yaml");
  ASSERT_TRUE(config) << render(config.error());
  EXPECT_EQ(config->folder(), "");
  EXPECT_EQ(config->collection_for("content/posts/2024/a.md"), 0u);
  EXPECT_EQ(config->collection_for("content/posts/a.md"), 0u);
  EXPECT_EQ(config->collection_for("content/posts/drafts/a.md"), std::nullopt);
  EXPECT_EQ(config->collection_for("content/notes/n.md"), 1u);
  EXPECT_EQ(config->collection_for("content/notes/sub/n.md"), std::nullopt);
  EXPECT_EQ(config->collection_for("README.md"), std::nullopt);
}

TEST(ConfigTest, EmptyConfigWithACommentFails) {
  auto config = parse_config("# nothing yet\n", "fmkit.yaml");
  ASSERT_FALSE(config);
  EXPECT_EQ(headers(config.error()),
            "fmkit.yaml:1:1: error: missing key 'collections' "
            "[config.missing-key]\n");
}

// Whether `text` starts with "file:LINE:COLUMN: ".
bool starts_with_position(std::string_view text, std::string_view file) {
  if (!text.starts_with(std::string(file) + ':')) return false;
  text.remove_prefix(file.size() + 1);
  for (int number = 0; number < 2; ++number) {
    size_t digits = 0;
    while (digits < text.size() &&
           std::isdigit(static_cast<unsigned char>(text[digits]))) {
      ++digits;
    }
    if (digits == 0 || digits == text.size() || text[digits] != ':')
      return false;
    text.remove_prefix(digits + 1);
  }
  return text.starts_with(' ');
}

struct BadConfig {
  const char* text;
  const char* error;
};

const BadConfig k_bad[] = {
    {"",
     "fmkit.yaml:1:1: error: missing key 'collections' [config.missing-key]\n"},
    {"colections:\n  posts: {}\n",
     "fmkit.yaml:1:1: error: missing key 'collections' [config.missing-key]\n"
     "fmkit.yaml:1:1: error: unknown key 'colections' (did you mean "
     "'collections'?) [config.unknown-key]\n"},
    {"collections:\n  posts:\n    includ: ['*.md']\n    schema: s.json\n",
     "fmkit.yaml:2:3: error: collection 'posts' has no 'include' "
     "[config.missing-key]\n"
     "fmkit.yaml:3:5: error: unknown key 'includ' in collection 'posts' (did "
     "you mean 'include'?) [config.unknown-key]\n"},
    {"collections:\n  posts:\n    include: '*.md'\n    schema: s.json\n"
     "    layout: post.njk\n",
     "fmkit.yaml:5:5: error: unknown key 'layout' in collection 'posts' "
     "[config.unknown-key]\n"},
    {"collections:\n  posts:\n    include: '*.md'\n    schema: s.json\n"
     "    require_front_matter: yes\n",
     "fmkit.yaml:5:27: error: 'require_front_matter' must be true or false, "
     "got 'yes' [config.type]\n"
     "fmkit.yaml:5:27: warning: 'yes' is the string \"yes\" in YAML 1.2 but "
     "the boolean true in YAML 1.1 (PyYAML, Jekyll, Hugo's go-yaml v2); "
     "quote it to keep a "
     "string: 'yes' [yaml11-bool]\n"},
    {"collections:\n  posts:\n    include: 42\n    schema: s.json\n",
     "fmkit.yaml:3:14: error: 'include' must be a glob or a list of globs, got "
     "42 [config.type]\n"},
    {"collections:\n  posts:\n    include: [\"content/[a\", 7]\n"
     "    schema: s.json\n",
     "fmkit.yaml:3:15: error: unclosed '[' in glob 'content/[a' "
     "[config.glob]\n"
     "fmkit.yaml:3:29: error: 'include' must be a glob or a list of globs, got "
     "7 [config.type]\n"},
    {"collections:\n  posts:\n    include: []\n    schema: s.json\n",
     "fmkit.yaml:3:14: error: 'include' must list at least one glob "
     "[config.type]\n"},
    {"collections:\n  posts:\n    include: '*.md'\n    schema: 42\n",
     "fmkit.yaml:4:13: error: 'schema' must be a path, got 42 "
     "[config.type]\n"},
    {"collections:\n  posts:\n    include: '*.md'\n",
     "fmkit.yaml:2:3: error: collection 'posts' has no 'schema' "
     "[config.missing-key]\n"},
    {"collections:\n  posts: 3\n",
     "fmkit.yaml:2:10: error: collection 'posts' must be a mapping with "
     "'include' and 'schema', got 3 [config.type]\n"},
    {"collections: {}\n",
     "fmkit.yaml:1:14: error: 'collections' must name at least one collection "
     "[config.missing-key]\n"},
    {"collections: posts\n",
     "fmkit.yaml:1:14: error: 'collections' must be a mapping of collection "
     "names to their settings, got 'posts' [config.type]\n"},
    {"- a\n",
     "fmkit.yaml:1:1: error: the config must be a mapping, got [\"a\"] "
     "[config.type]\n"},
    {"collections:\n  posts:\n    include: '*.md'\n    schema: s.json\n"
     "    migrations: ''\n    version_key: [v]\n    initial_version: -1\n"
     "    migration: m/\n",
     "fmkit.yaml:5:17: error: 'migrations' must be a folder, got '' "
     "[config.type]\n"
     "fmkit.yaml:6:18: error: 'version_key' must be a key or a JSON Pointer, "
     "got [\"v\"] [config.type]\n"
     "fmkit.yaml:7:22: error: 'initial_version' must be a whole number, got "
     "-1 [config.type]\n"
     "fmkit.yaml:8:5: error: unknown key 'migration' in collection 'posts' "
     "(did you mean 'migrations'?) [config.unknown-key]\n"},
    {"collections:\n  posts:\n    include: '*.md'\n    schema: s.json\n"
     "    yaml: '1.11'\n",
     "fmkit.yaml:5:11: error: 'yaml' must be \"1.2\" (the default) or "
     "\"1.1\", got '1.11' (did you mean '1.1'?) [config.type]\n"},
    {"collections:\n  posts:\n    include: '*.md'\n    schema: s.json\n"
     "    yaml: 1.0\n    yml: '1.1'\n",
     "fmkit.yaml:5:11: error: 'yaml' must be \"1.2\" (the default) or "
     "\"1.1\", got 1.0 [config.type]\n"
     "fmkit.yaml:6:5: error: unknown key 'yml' in collection 'posts' (did "
     "you mean 'yaml'?) [config.unknown-key]\n"},
    {"collections:\n  posts:\n    include: '*.md'\n    schema: s.json\n"
     "    yaml: 1.3\n",
     "fmkit.yaml:5:11: error: 'yaml' must be \"1.2\" (the default) or "
     "\"1.1\", got 1.3 [config.type]\n"},
    {"collections:\n  posts:\n    include: '*.md'\n    schema: s.json\n"
     "    version_key: /a//b\n",
     "fmkit.yaml:5:18: error: 'version_key': field '/a//b' has an empty token "
     "[config.version-key]\n"},
};

TEST(ConfigTest, BadConfigsGiveErrorsWithPositions) {
  for (const BadConfig& bad : k_bad) {
    auto config = parse_config(bad.text, "fmkit.yaml");
    ASSERT_FALSE(config) << bad.text;
    EXPECT_EQ(headers(config.error()), bad.error) << bad.text;
  }
}

TEST(ConfigTest, YamlErrorsHaveFileLineAndColumn) {
  const char* texts[] = {
      "collections:\n  posts: [\n",
      "collections:\n  a:\n    include: x\n    schema: s\n  a:\n    include: "
      "y\n    schema: s\n",
      "collections:\n\tposts: {}\n",
  };
  for (const char* text : texts) {
    auto config = parse_config(text, "fmkit.yaml");
    ASSERT_FALSE(config) << text;
    std::string text_headers = headers(config.error());
    EXPECT_TRUE(starts_with_position(text_headers, "fmkit.yaml"))
        << text_headers;
  }
}

TEST(ConfigTest, ProblemsQuoteTheLineWithACaret) {
  auto config = parse_config(
      "collections:\n  posts:\n    includ: '*.md'\n    schema: s.json\n",
      "site/fmkit.yaml");
  ASSERT_FALSE(config);
  EXPECT_EQ(render(config.error()),
            "site/fmkit.yaml:2:3: error: collection 'posts' has no 'include' "
            "[config.missing-key]\n"
            "  posts:\n"
            "  ^~~~~\n"
            "site/fmkit.yaml:3:5: error: unknown key 'includ' in collection "
            "'posts' (did you mean 'include'?) [config.unknown-key]\n"
            "    includ: '*.md'\n"
            "    ^~~~~~\n");
}

TEST(ConfigTest, LoadReadsRelativeToCwdAndShowsThePathAsGiven) {
  ScopedTempDir dir;
  dir.write("site/fmkit.yaml", k_good);
  auto config = load_config("site/fmkit.yaml", dir.path());
  ASSERT_TRUE(config) << render(config.error());
  EXPECT_EQ(config->path, "site/fmkit.yaml");

  auto missing = load_config("nope/fmkit.yaml", dir.path());
  ASSERT_FALSE(missing);
  EXPECT_EQ(headers(missing.error()),
            "nope/fmkit.yaml: error: no such file or directory [io]\n");
}

TEST(ConfigTest, FindConfigLooksInTheFolderThenItsParents) {
  ScopedTempDir dir;
  dir.write("site/fmkit.yaml", k_good);
  dir.mkdir("site/content/posts");
  EXPECT_EQ(find_config(dir.path() / "site/content/posts"),
            dir.path() / "site/fmkit.yaml");
  EXPECT_EQ(find_config(dir.path() / "site"), dir.path() / "site/fmkit.yaml");
  // A folder named fmkit.yaml is not a config file.
  dir.mkdir("other/fmkit.yaml");
  EXPECT_EQ(find_config(dir.path() / "other"), std::nullopt);
}

}  // namespace
}  // namespace fmkit
