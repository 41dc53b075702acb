// SPDX-License-Identifier: MIT
//
// fixtures/toml: a Hugo-style site whose posts have TOML ("+++") front
// matter, one valid, the others with schema mistakes, a syntax error, a
// duplicate table and an infinity, beside one YAML post. The transcript of
// validate (text and JSON), dump and a migrate dry run must equal the
// reviewed golden fixtures/toml/expected.txt (FMKIT_UPDATE_GOLDEN=1 rewrites
// it). Nothing is written into the source tree: --no-cache, and migrate
// --write runs on a copy.
#include "cli/cli_run.hpp"
#include "golden/golden.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::CliResult;
using testing_support::environment_in;
using testing_support::read_bytes;
using testing_support::run_fmkit;
using testing_support::ScopedTempDir;

const fs::path k_site = fs::path(FMKIT_SOURCE_DIR) / "fixtures" / "toml";

TEST(TomlSiteTest, TranscriptMatchesTheGolden) {
  const std::vector<std::vector<std::string>> commands = {
      {"validate", "--no-cache"},
      {"validate", "--no-cache", "--format", "json"},
      {"dump", "content/posts/hello.md"},
      {"dump", "--positions", "content/posts/infinity.md"},
      {"migrate"},
  };
  std::string transcript = testing_support::transcript(k_site, commands);
  testing_support::check_golden(k_site / "expected.txt", transcript);
}

// migrate --write is all or nothing: with files that cannot be migrated
// (a syntax error, a duplicate table) no file is written. Named alone, the
// TOML posts are migrated in place: new root keys before the first
// [table], the rest of the file byte for byte; a second run finds them up
// to date.
TEST(TomlSiteTest, MigrateWritesTomlFiles) {
  ScopedTempDir site;
  fs::copy(k_site, site.path(), fs::copy_options::recursive);
  const fs::path posts = site.path() / "content" / "posts";
  std::vector<std::pair<fs::path, std::string>> before;
  for (const auto& entry : fs::directory_iterator(posts)) {
    before.emplace_back(entry.path(), read_bytes(entry.path()));
  }
  CliResult r = run_fmkit({"migrate", "--write"}, environment_in(site.path()));
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("content/posts/syntax.md:2:6: error: TOML writes"),
            std::string::npos)
      << r.out;
  for (const auto& [path, bytes] : before) {
    EXPECT_EQ(read_bytes(path), bytes) << path;
  }

  r = run_fmkit({"migrate", "--write", "content/posts/hello.md",
                 "content/posts/blank-line.md", "content/posts/yaml.md"},
                environment_in(site.path()));
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(r.out,
            "posts: 3 files, 3 to migrate to version 2, 0 up to date, 0 "
            "failed\nwrote 3 files\n");
  std::string hello = read_bytes(k_site / "content" / "posts" / "hello.md");
  const std::string description = "Two lines.\"\"\"\n";
  hello.insert(hello.find(description) + description.size(),
               "published = true\nschema_version = 2\n");
  EXPECT_EQ(read_bytes(posts / "hello.md"), hello);
  EXPECT_EQ(read_bytes(posts / "blank-line.md"),
            "\n+++\ntitle = \"A Zola-style file: a blank line before +++\"\n"
            "date = 2024-11-20T10:00:00Z\nschema_version = 2\n+++   \n");
  r = run_fmkit(
      {"migrate", "content/posts/hello.md", "content/posts/blank-line.md"},
      environment_in(site.path()));
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(r.out,
            "posts: 2 files, 0 to migrate to version 2, 2 up to date, 0 "
            "failed\n");
}

// Pages of Zola's own documentation (tests/data/zola, EUPL-1.2): each is
// read, blank line before "+++" included, with its values as Zola has them.
TEST(TomlSiteTest, ZolaPagesAreRead) {
  ScopedTempDir dir;
  const fs::path schema = dir.write("page.schema.json",
                                    R"({"type": "object", "required":
                                        ["template"]})");
  const auto source = environment_in(FMKIT_SOURCE_DIR);
  CliResult r =
      run_fmkit({"validate", "--no-cache", "--format", "json", "--schema",
                 schema.string(), "tests/data/zola/content"},
                source);
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(
      r.out,
      "{\n  \"version\": 1,\n  \"files\": 3,\n  \"diagnostics\": [],\n"
      "  \"dialects\": {\n"
      "    \"tests/data/zola/content/documentation/_index.md\": \"toml\",\n"
      "    \"tests/data/zola/content/themes/_index.md\": \"toml\",\n"
      "    \"tests/data/zola/content/themes/serene/index.md\": \"toml\"\n"
      "  }\n}\n");
  r = run_fmkit({"dump", "tests/data/zola/content/themes/_index.md"}, source);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(
      r.out,
      "{\n  \"template\": \"themes.html\",\n  \"sort_by\": \"date\"\n}\n");
  r = run_fmkit({"dump", "tests/data/zola/content/themes/serene/index.md"},
                source);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\"date\": \"2026-02-14T15:51:03+08:00\""),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"author\": {\n      \"name\": \"isunjn\""),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace fmkit
