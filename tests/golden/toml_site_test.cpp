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
  std::string transcript;
  for (const std::vector<std::string>& args : commands) {
    transcript += "$ fmkit";
    for (const std::string& arg : args) transcript += " " + arg;
    CliResult r = run_fmkit(args, environment_in(k_site));
    transcript += "\n" + r.out;
    if (!r.err.empty()) transcript += "[stderr]\n" + r.err;
    transcript += "[exit " + std::to_string(r.code) + "]\n";
  }
  testing_support::check_golden(k_site / "expected.txt", transcript);
}

// migrate --write must never write a TOML file (the editor writes YAML):
// the run is blocked by the migrate.unsupported errors, and every file
// keeps its bytes.
TEST(TomlSiteTest, MigrateWriteLeavesTomlFilesAlone) {
  ScopedTempDir site;
  fs::copy(k_site, site.path(), fs::copy_options::recursive);
  const fs::path posts = site.path() / "content" / "posts";
  std::vector<std::pair<fs::path, std::string>> before;
  for (const auto& entry : fs::directory_iterator(posts)) {
    before.emplace_back(entry.path(), read_bytes(entry.path()));
  }
  CliResult r = run_fmkit({"migrate", "--write"}, environment_in(site.path()));
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("content/posts/hello.md:1:1: error: TOML front "
                       "matter cannot be migrated yet [migrate.unsupported]"),
            std::string::npos)
      << r.out;
  for (const auto& [path, bytes] : before) {
    EXPECT_EQ(read_bytes(path), bytes) << path;
  }

  // With only the YAML post to migrate, it is migrated; the TOML posts are
  // still refused, and still untouched.
  r = run_fmkit({"migrate", "--write", "content/posts/yaml.md"},
                environment_in(site.path()));
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(read_bytes(posts / "yaml.md").find("published: true"),
            std::string::npos);
  r = run_fmkit({"migrate", "--write", "content/posts/hello.md"},
                environment_in(site.path()));
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_EQ(read_bytes(posts / "hello.md"),
            read_bytes(k_site / "content" / "posts" / "hello.md"));
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
