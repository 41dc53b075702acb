// SPDX-License-Identifier: MIT
//
// --changed-since and --staged end to end: the in-process CLI in a real git
// repository (tests/run/git_repo.hpp) whose fmkit.yaml is in a subfolder,
// run from the top, from the config's folder and from below it.
#include "cli/cli.hpp"
#include "cli/cli_run.hpp"
#include "run/git_repo.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::CliResult;
using testing_support::environment_in;
using testing_support::GitRepo;
using testing_support::run_fmkit;

constexpr const char* k_config = R"(collections:
  posts:
    include: ["content/posts/**/*.md"]
    schema: schemas/post.schema.json
    migrations: migrations/
)";

constexpr const char* k_schema = R"({
  "type": "object",
  "required": ["title"],
  "properties": {"title": {"type": "string"}}
})";

constexpr const char* k_valid = "---\ntitle: fine\n---\n";
// Checked, it gives one warning naming it (yaml11-bool); valid otherwise.
constexpr const char* k_marked = "---\ntitle: fine\nflag: yes\n---\n";
constexpr const char* k_invalid = "---\ntitle: 42\n---\n";

constexpr const char* k_yes_warning =
    ":3:7: warning: 'yes' is the string \"yes\" in YAML 1.2 but the boolean "
    "true in YAML 1.1 (PyYAML, Jekyll, Hugo's go-yaml v2); quote it to keep a "
    "string: 'yes' [yaml11-bool]\nflag: yes\n      ^~~\n";

std::string marked(const std::string& display) {
  return display + k_yes_warning;
}

std::string invalid(const std::string& display) {
  return display +
         ":2:8: error: 'title' must be a string, got number 42 "
         "[schema.type]\ntitle: 42\n       ^~\n";
}

std::string no_collection(const std::string& display,
                          const std::string& config) {
  return display + ": warning: not checked: no collection in '" + config +
         "' includes this file [config.no-collection]\n";
}

// Branch "feature" off "main": committed, staged, unstaged and untracked
// changes inside and outside the collection, and outside the config's
// folder.
class GitSelectTest : public testing::Test {
 protected:
  void SetUp() override {
    m_repo.write("README.md", "# not content\n");
    m_repo.write("package.json", "{}\n");
    m_repo.write("site/fmkit.yaml", k_config);
    m_repo.write("site/schemas/post.schema.json", k_schema);
    m_repo.write("site/migrations/0002-rename.yaml",
                 "version: 2\nops:\n  - rename: {from: flag, to: marker}\n");
    m_repo.write("site/notes.txt", "notes\n");
    m_repo.write("site/content/pages/about.md", k_valid);
    for (const char* name : {"ok", "old", "gone", "unstaged"}) {
      m_repo.write("site/content/posts/" + std::string(name) + ".md", k_valid);
    }
    m_repo.write("site/content/posts/same.md", k_marked);
    m_repo.commit_all("main");
    m_repo.git({"checkout", "-q", "-b", "feature"});
    m_repo.write("site/content/posts/ok.md", k_invalid);
    m_repo.git({"mv", "site/content/posts/old.md",
                "site/content/posts/old renamed.md"});
    m_repo.write("site/content/posts/old renamed.md", k_marked);
    m_repo.git({"rm", "-q", "site/content/posts/gone.md"});
    m_repo.write("site/content/pages/about.md", k_marked);
    m_repo.write("README.md", "# changed\n");
    m_repo.write("package.json", "{\"changed\": true}\n");
    m_repo.write("site/notes.txt", "changed\n");
    m_repo.commit_all("feature");
    m_repo.write("site/content/posts/staged.md", k_marked);
    m_repo.git({"add", "site/content/posts/staged.md"});
    m_repo.write("site/content/posts/unstaged.md", k_marked);
    m_repo.write("site/content/posts/untracked.md", k_marked);
  }

  CliResult fmkit(const std::vector<std::string>& args,
                  const std::string& in = "site") {
    return run_fmkit(args, environment_in(m_repo.path() / in));
  }

  GitRepo m_repo;
};

TEST_F(GitSelectTest, ChangedSinceChecksWhatTheBranchChanged) {
  CliResult r = fmkit({"validate", "--changed-since", "main"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.err, "");
  // Not same.md (unchanged), gone.md (deleted), README.md (outside the
  // config's folder), package.json and notes.txt (not Markdown).
  EXPECT_EQ(r.out, no_collection("content/pages/about.md", "fmkit.yaml") +
                       invalid("content/posts/ok.md") +
                       marked("content/posts/old renamed.md") +
                       marked("content/posts/staged.md") +
                       marked("content/posts/unstaged.md") +
                       marked("content/posts/untracked.md") +
                       "6 files, 1 with errors, 1 error, 5 warnings\n");
}

TEST_F(GitSelectTest, PathsAreShownFromTheWorkingFolder) {
  CliResult top = fmkit(
      {"validate", "--config", "site/fmkit.yaml", "--changed-since", "main"},
      "");
  EXPECT_EQ(top.code, 1) << top.err;
  EXPECT_EQ(top.out,
            no_collection("site/content/pages/about.md", "site/fmkit.yaml") +
                invalid("site/content/posts/ok.md") +
                marked("site/content/posts/old renamed.md") +
                marked("site/content/posts/staged.md") +
                marked("site/content/posts/unstaged.md") +
                marked("site/content/posts/untracked.md") +
                "6 files, 1 with errors, 1 error, 5 warnings\n");

  CliResult below =
      fmkit({"validate", "--changed-since", "main"}, "site/content/posts");
  EXPECT_EQ(below.code, 1) << below.err;
  EXPECT_EQ(below.out, no_collection("../pages/about.md", "../../fmkit.yaml") +
                           invalid("ok.md") + marked("old renamed.md") +
                           marked("staged.md") + marked("unstaged.md") +
                           marked("untracked.md") +
                           "6 files, 1 with errors, 1 error, 5 warnings\n");
}

TEST_F(GitSelectTest, PathsNarrowTheSelection) {
  CliResult r = fmkit({"validate", "content/pages", "content/posts/ok.md",
                       "--changed-since", "main"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.out, no_collection("content/pages/about.md", "fmkit.yaml") +
                       invalid("content/posts/ok.md") +
                       "2 files, 1 with errors, 1 error, 1 warning\n");

  // A path with no change under it checks nothing, and that is fine.
  r = fmkit({"validate", "content/posts/same.md", "--changed-since", "main"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "0 files, 0 with errors, 0 errors, 0 warnings\n");

  // A path that does not exist is still an error.
  r = fmkit({"validate", "contnet", "--changed-since", "main"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "contnet: error: no such file or directory [io]\n");
  EXPECT_EQ(r.out, "0 files, 0 with errors, 0 errors, 0 warnings\n");

  // A named file outside every collection gets its warning, Markdown or not.
  r = fmkit({"validate", "notes.txt", "--changed-since", "main"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, no_collection("notes.txt", "fmkit.yaml") +
                       "1 file, 0 with errors, 0 errors, 1 warning\n");
}

TEST_F(GitSelectTest, NothingChangedIsSuccessNotANoMatchError) {
  m_repo.commit_all("everything");
  CliResult r = fmkit({"validate", "--changed-since", "HEAD"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "0 files, 0 with errors, 0 errors, 0 warnings\n");
  r = fmkit({"validate", "--staged"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "0 files, 0 with errors, 0 errors, 0 warnings\n");
}

TEST_F(GitSelectTest, StagedChecksTheIndexFilesAndWarnsAboutUnstagedChanges) {
  CliResult r = fmkit({"validate", "--staged"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, marked("content/posts/staged.md") +
                       "1 file, 0 with errors, 0 errors, 1 warning\n");

  m_repo.git({"add", "site/content/posts/unstaged.md", "README.md"});
  m_repo.write("site/content/posts/unstaged.md", k_invalid);
  m_repo.write("README.md", "# changed again\n");
  r = fmkit({"validate", "--staged"});
  EXPECT_EQ(r.code, 1) << r.err;
  // README.md is outside the config's folder: no note about it.
  EXPECT_EQ(r.err,
            "content/posts/unstaged.md: warning: has unstaged changes: fmkit "
            "checks the working tree, not what is staged (stash them, or run "
            "fmkit through pre-commit or lint-staged, which do) "
            "[git.unstaged]\n");
  EXPECT_EQ(r.out, marked("content/posts/staged.md") +
                       invalid("content/posts/unstaged.md") +
                       "2 files, 1 with errors, 1 error, 1 warning\n");
}

TEST_F(GitSelectTest, SchemaModeTakesMarkdownUnderTheWorkingFolder) {
  CliResult r =
      fmkit({"validate", "--schema", "schemas/post.schema.json", "--staged"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, marked("content/posts/staged.md") +
                       "1 file, 0 with errors, 0 errors, 1 warning\n");

  r = fmkit({"validate", "--schema", "site/schemas/post.schema.json",
             "--changed-since", "main", "site/content/pages", "README.md"},
            "");
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.out,
            "README.md:1:1: error: no front matter: the file must start with "
            "a '---' line [front-matter.missing]\n# changed\n^~~~~~~~~\n" +
                marked("site/content/pages/about.md") +
                "2 files, 1 with errors, 1 error, 1 warning\n");
}

TEST_F(GitSelectTest, MigrateTakesTheSelectionToo) {
  CliResult r = fmkit({"migrate", "status", "--changed-since", "main"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  // about.md: in no collection, warned about by validate only.
  EXPECT_NE(r.out.find("5 files"), std::string::npos) << r.out;

  r = fmkit({"migrate", "--check", "--staged"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.out,
            "content/posts/staged.md: at version 1, behind version 2\n"
            "posts: 1 file, 1 to migrate to version 2, 0 up to date, 0 "
            "failed\n"
            "1 file behind version 2; run 'fmkit migrate' to see the "
            "changes\n");
}

TEST_F(GitSelectTest, UnknownRefsAndNoRepositoryAreErrors) {
  CliResult r = fmkit({"validate", "--changed-since", "mian"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "fmkit: error: unknown revision 'mian': no branch, tag or commit "
            "of that name (in a CI checkout, fetch it first) [git.ref]\n");

  testing_support::ScopedTempDir outside;
  outside.write("fmkit.yaml", k_config);
  r = run_fmkit({"validate", "--staged"}, environment_in(outside.path()));
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(r.err.starts_with("fmkit: error: '" + outside.path().string() +
                                "' is not in a git work tree"))
      << r.err;
}

TEST_F(GitSelectTest, SelectorsExcludeEachOther) {
  CliResult r = fmkit({"validate", "--staged", "--changed-since", "main"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(
      r.err.starts_with("fmkit: error: --changed-since excludes "
                        "--staged [usage]\n"))
      << r.err;
}

}  // namespace
}  // namespace fmkit
