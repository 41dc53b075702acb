// SPDX-License-Identifier: MIT
//
// fmkit infer and fmkit init end to end, through run_cli: exit codes, what
// goes to which stream, never overwriting without --force, and goldens of
// what init writes and prints for generator-shaped sites (fixtures/init/),
// and of the schemas inferred from the example site (fixtures/site).
#include "cli/cli_run.hpp"
#include "golden/golden.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::check_golden;
using testing_support::CliResult;
using testing_support::environment_in;
using testing_support::read_bytes;
using testing_support::run_fmkit;
using testing_support::ScopedTempDir;

const fs::path k_source = FMKIT_SOURCE_DIR;

// A copy of the fixture site fixtures/init/<name> in a temp folder.
class SiteCopy : public ScopedTempDir {
 public:
  explicit SiteCopy(const std::string& name) {
    fs::copy(k_source / "fixtures/init" / name, path(),
             fs::copy_options::recursive);
  }

  CliResult run(const std::vector<std::string>& args) const {
    return run_fmkit(args, environment_in(path()));
  }

  // Every file under the folder, relative, sorted.
  std::vector<std::string> files() const {
    std::vector<std::string> found;
    for (const auto& entry : fs::recursive_directory_iterator(path())) {
      if (entry.is_regular_file()) {
        found.push_back(entry.path().lexically_relative(path()).string());
      }
    }
    std::sort(found.begin(), found.end());
    return found;
  }
};

class InitGoldenTest : public testing::TestWithParam<std::string> {};

// What init prints, then each file it wrote.
TEST_P(InitGoldenTest, WritesAndPrints) {
  SiteCopy site(GetParam());
  std::vector<std::string> before = site.files();
  CliResult r = site.run({"init"});
  std::string actual = "exit " + std::to_string(r.code) + "\n== stdout ==\n" +
                       r.out + "== stderr ==\n" + r.err;
  for (const std::string& file : site.files()) {
    if (std::find(before.begin(), before.end(), file) != before.end()) continue;
    actual += "== " + file + " ==\n" + site.read(file);
  }
  check_golden(k_source / "fixtures/init" / (GetParam() + ".golden"), actual);
}

INSTANTIATE_TEST_SUITE_P(Sites, InitGoldenTest,
                         testing::Values("astro", "eleventy", "generic", "hugo",
                                         "zola", "jekyll"));

TEST(InitTest, NeverOverwritesWithoutForce) {
  SiteCopy site("generic");
  ASSERT_EQ(site.run({"init"}).code, 0);
  site.write("fmkit.yaml", "# mine\n");
  CliResult r = site.run({"init"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "schemas/content.schema.json: error: exists already; pass "
            "--force to replace it [io]\n"
            "schemas/notes.schema.json: error: exists already; pass --force "
            "to replace it [io]\n"
            "fmkit.yaml: error: exists already; pass --force to replace it "
            "[io]\n");
  EXPECT_EQ(site.read("fmkit.yaml"), "# mine\n");
  r = site.run({"init", "--force"});
  EXPECT_EQ(r.code, 0);
  EXPECT_TRUE(site.read("fmkit.yaml").starts_with("# Written by 'fmkit init'"));
}

TEST(InitTest, DryRunWritesNothing) {
  SiteCopy site("hugo");
  std::vector<std::string> before = site.files();
  CliResult r = site.run({"init", "--dry-run"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(site.files(), before);
  EXPECT_NE(r.out.find("\nwould write fmkit.yaml:\n# Written by"),
            std::string::npos);
  EXPECT_NE(r.out.find("nothing written (--dry-run)"), std::string::npos);
}

// The example site, before fmkit: init proposes its two collections, and
// validate then passes on every file.
TEST(InitTest, TheExampleSitePassesValidateAfterInit) {
  ScopedTempDir site;
  fs::copy(k_source / "fixtures/site/content", site.path() / "content",
           fs::copy_options::recursive);
  CliResult r = run_fmkit({"init"}, environment_in(site.path()));
  EXPECT_EQ(r.code, 0);
  EXPECT_TRUE(
      r.out.starts_with("site: generic\n"
                        "collection notes: 4 files (content/notes/**/*.md) -> "
                        "schemas/notes.schema.json\n"
                        "collection posts: 18 files (content/posts/**/*.md) -> "
                        "schemas/posts.schema.json\n"))
      << r.out;
  EXPECT_NE(r.out.find("\nno likely mistakes found\n"), std::string::npos);
  r = run_fmkit({"validate", "--no-cache"}, environment_in(site.path()));
  EXPECT_EQ(r.code, 0) << r.out;
}

TEST(InitTest, NothingToSetUpIsAnError) {
  ScopedTempDir empty;
  empty.write("README.md", "# no front matter\n");
  CliResult r = run_fmkit({"init"}, environment_in(empty.path()));
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "fmkit: error: no Markdown file with front matter here: run "
            "'fmkit init' in the site's folder [usage]\n");
}

// The schemas of the example site's collections, as infer writes them, and
// what it reports.
TEST(InferCommandTest, ExampleSiteGoldens) {
  for (std::string collection : {"posts", "notes"}) {
    CliResult r = run_fmkit({"infer", "--config", "fixtures/site/fmkit.yaml",
                             "--collection", collection},
                            environment_in(k_source));
    EXPECT_EQ(r.code, 0) << r.err;
    check_golden(k_source / ("fixtures/site.infer." + collection + ".json"),
                 r.out);
    check_golden(k_source / ("fixtures/site.infer." + collection + ".txt"),
                 r.err);
  }
}

TEST(InferCommandTest, PathsToStdoutOutliersToStderr) {
  SiteCopy site("hugo");
  fs::remove(site.path() / "content/posts/_index.md");
  CliResult r = site.run({"infer", "content/posts"});
  EXPECT_EQ(r.code, 0);
  EXPECT_TRUE(r.out.starts_with("{\n  \"$schema\""));
  EXPECT_EQ(r.err,
            "content/posts/post-5.md:3:7: warning: 'date' is \"2024-13-01\" "
            "here but a date (YYYY-MM-DD) in 9 of 10 files [infer.outlier]\n"
            "date: 2024-13-01\n"
            "      ^~~~~~~~~~\n"
            "inferred from 10 files; 1 likely mistake shown above ('fmkit "
            "validate' reports them against this schema)\n");
}

TEST(InferCommandTest, OutNeverOverwritesWithoutForce) {
  SiteCopy site("hugo");
  site.write("schema.json", "{}\n");
  CliResult r = site.run({"infer", "content/docs", "--out", "schema.json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "schema.json: error: exists already; pass --force to replace it "
            "[io]\n");
  EXPECT_EQ(site.read("schema.json"), "{}\n");
  r = site.run({"infer", "content/docs", "--out", "schema.json", "--force"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(site.read("schema.json").starts_with("{\n  \"$schema\""));
  r = site.run({"infer", "content/docs", "--out", "new/schema.json"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(site.read("new/schema.json"), site.read("schema.json"));
}

TEST(InferCommandTest, UnreadableFilesAreErrorsAndExit1) {
  SiteCopy site("hugo");
  site.write("content/docs/broken.md", "---\ntitle: [\n---\n");
  CliResult r = site.run({"infer", "content/docs"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("content/docs/broken.md:2:8: error: the list opened "
                       "here with '[' is never closed"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("inferred from 3 files; 1 file left out for errors\n"),
            std::string::npos)
      << r.err;
}

TEST(InferCommandTest, UsageErrors) {
  SiteCopy site("hugo");
  CliResult r = site.run({"infer"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "fmkit: error: name the files to infer from: PATHs or "
            "--collection NAME [usage]\n");
  site.write("fmkit.yaml",
             "collections:\n  posts:\n    include: [\"content/posts/*.md\"]\n"
             "    schema: schemas/posts.schema.json\n");
  r = site.run({"infer", "--collection", "psots"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "fmkit: error: no collection 'psots' in fmkit.yaml (did you mean "
            "'posts'?) [usage]\n");
  // The schema need not exist yet: infer is how it is made.
  r = site.run({"infer", "--collection", "posts"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\"title\": \"posts\""), std::string::npos);
}

}  // namespace
}  // namespace fmkit
