// SPDX-License-Identifier: MIT
#include "run/git.hpp"

#include "report/render_support.hpp"
#include "run/git_repo.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::GitRepo;
using testing_support::headers;
using testing_support::ScopedTempDir;

// "display | note" of each file (" | gone" when it no longer exists),
// sorted.
std::vector<std::string> shown(const FileSelection& selection) {
  std::vector<std::string> out;
  for (const SelectedFile& file : selection.files) {
    std::string line(file.display());
    if (!file.note.empty()) line += " | " + file.note;
    if (!file.exists) line += " | gone";
    out.push_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A branch "feature" off "main" with every kind of change.
class GitChangedSinceTest : public testing::Test {
 protected:
  void SetUp() override {
    m_repo.write(".gitignore", "ignored.md\n");
    for (const char* name : {"a.md", "b.md", "c.md", "e.md", "sub/f.md",
                             "with space.md", "unchanged.md"}) {
      m_repo.write(name, std::string("x: ") + name + "\n");
    }
    m_repo.commit_all("main");
    m_repo.git({"checkout", "-q", "-b", "feature"});
    m_repo.write("a.md", "x: changed\n");
    m_repo.git({"mv", "b.md", "b renamed.md"});
    m_repo.git({"rm", "-q", "c.md"});
    m_repo.write("new\nline.md", "x: 1\n");
    m_repo.write("quote\"s.md", "x: 1\n");
    m_repo.write("caf\xC3\xA9.md", "x: 1\n");
    m_repo.commit_all("feature");
    // main moves on after the branch point: not a change of the branch.
    m_repo.git({"checkout", "-q", "main"});
    m_repo.write("with space.md", "x: main only\n");
    m_repo.commit_all("main moves on");
    m_repo.git({"checkout", "-q", "feature"});
    m_repo.write("e.md", "x: staged\n");
    m_repo.git({"add", "e.md"});
    m_repo.write("sub/f.md", "x: unstaged\n");
    m_repo.write("untracked one.md", "x: 1\n");
    m_repo.write("ignored.md", "x: 1\n");
  }

  GitRepo m_repo;
};

TEST_F(GitChangedSinceTest, CommittedStagedUnstagedAndUntrackedNotDeleted) {
  auto selection = git_changed_since("main", m_repo.path());
  ASSERT_TRUE(selection) << headers(selection.error());
  EXPECT_EQ(shown(*selection),
            (std::vector<std::string>{"a.md", "b renamed.md", "caf\xC3\xA9.md",
                                      "e.md", "new\nline.md", "quote\"s.md",
                                      "sub/f.md", "untracked one.md"}));
  // Paths for reading are absolute.
  for (const SelectedFile& file : selection->files) {
    EXPECT_EQ(file.path(), (m_repo.path() / file.display()).string());
  }
}

TEST_F(GitChangedSinceTest, PathsAreRelativeToTheWorkingFolder) {
  auto selection = git_changed_since("main", m_repo.path() / "sub");
  ASSERT_TRUE(selection) << headers(selection.error());
  EXPECT_EQ(
      shown(*selection),
      (std::vector<std::string>{
          "../a.md", "../b renamed.md", "../caf\xC3\xA9.md", "../e.md",
          "../new\nline.md", "../quote\"s.md", "../untracked one.md", "f.md"}));
  for (const SelectedFile& file : selection->files) {
    EXPECT_EQ(
        file.path(),
        (m_repo.path() / "sub" / file.display()).lexically_normal().string());
  }
}

TEST_F(GitChangedSinceTest, AWorkingFolderReachedThroughASymlinkKeepsItsName) {
  ScopedTempDir elsewhere;
  fs::create_directory_symlink(m_repo.path() / "sub",
                               elsewhere.path() / "link");
  auto selection = git_changed_since("main", elsewhere.path() / "link");
  ASSERT_TRUE(selection) << headers(selection.error());
  auto f = std::find_if(
      selection->files.begin(), selection->files.end(),
      [](const SelectedFile& file) { return file.display() == "f.md"; });
  ASSERT_NE(f, selection->files.end());
  EXPECT_EQ(f->path(), (elsewhere.path() / "link/f.md").string());
}

TEST_F(GitChangedSinceTest, NothingChangedIsAnEmptySelection) {
  auto selection = git_changed_since("HEAD", m_repo.path());
  ASSERT_TRUE(selection);
  // Only what is not committed: the staged, unstaged and untracked files.
  EXPECT_EQ(shown(*selection),
            (std::vector<std::string>{"e.md", "sub/f.md", "untracked one.md"}));
  m_repo.commit_all("everything");
  selection = git_changed_since("HEAD", m_repo.path());
  ASSERT_TRUE(selection);
  EXPECT_EQ(shown(*selection), std::vector<std::string>{});
}

TEST_F(GitChangedSinceTest, UnknownRevisionsAreErrors) {
  auto selection = git_changed_since("nope", m_repo.path());
  ASSERT_FALSE(selection);
  EXPECT_EQ(headers(selection.error()),
            "fmkit: error: unknown revision 'nope': no branch, tag or commit "
            "of that name (in a CI checkout, fetch it first) [git.ref]\n");
  selection = git_changed_since("--output=x", m_repo.path());
  ASSERT_FALSE(selection);
  EXPECT_EQ(headers(selection.error()),
            "fmkit: error: '--output=x' is not a revision (a branch, tag or "
            "commit) [git.ref]\n");
  EXPECT_FALSE(fs::exists(m_repo.path() / "x"));
}

TEST_F(GitChangedSinceTest, UnrelatedHistoriesHaveNoMergeBase) {
  m_repo.git({"checkout", "-q", "--orphan", "lonely"});
  m_repo.commit_all("unrelated");
  auto selection = git_changed_since("main", m_repo.path());
  ASSERT_FALSE(selection);
  EXPECT_EQ(headers(selection.error()),
            "fmkit: error: 'main' and HEAD have no commit in common (in a "
            "shallow clone, fetch more history: git fetch --unshallow) "
            "[git.ref]\n");
}

TEST(GitTest, OutsideARepositoryIsAnError) {
  ScopedTempDir dir;
  auto selection = git_staged(dir.path());
  ASSERT_FALSE(selection);
  std::string shown = headers(selection.error());
  EXPECT_TRUE(shown.starts_with("fmkit: error: '" + dir.path().string() +
                                "' is not in a git work tree (git: not a git "
                                "repository"))
      << shown;
  EXPECT_TRUE(shown.ends_with(") [git.repository]\n")) << shown;
  EXPECT_FALSE(git_changed_since("main", dir.path()));
}

TEST(GitTest, StagedFilesWithNotesForWhatTheWorkingTreeChanged) {
  GitRepo repo;
  for (const char* name : {"kept.md", "partly.md", "gone.md", "modified.md"}) {
    repo.write(name, "x: 1\n");
  }
  repo.commit_all("start");
  repo.write("kept.md", "x: 2\n");
  repo.write("partly.md", "x: 2\n");
  repo.write("gone.md", "x: 2\n");
  repo.write("new file.md", "x: 2\n");
  repo.git({"add", "kept.md", "partly.md", "gone.md", "new file.md"});
  repo.write("partly.md", "x: 3\n");
  fs::remove(repo.path() / "gone.md");
  repo.write("modified.md", "x: 2\n");  // not staged
  repo.write("untracked.md", "x: 2\n");
  auto selection = git_staged(repo.path());
  ASSERT_TRUE(selection) << headers(selection.error());
  EXPECT_EQ(shown(*selection),
            (std::vector<std::string>{
                "gone.md | not checked: staged, then deleted from the working "
                "tree | gone",
                "kept.md", "new file.md",
                "partly.md | has unstaged changes: fmkit checks the working "
                "tree, not what is staged (stash them, or run fmkit through "
                "pre-commit or lint-staged, which do)"}));
}

TEST(GitTest, StagedWorksBeforeTheFirstCommit) {
  GitRepo repo;
  repo.write("first.md", "x: 1\n");
  repo.git({"add", "first.md"});
  auto selection = git_staged(repo.path());
  ASSERT_TRUE(selection) << headers(selection.error());
  EXPECT_EQ(shown(*selection), std::vector<std::string>{"first.md"});
}

TEST(GitTest, RunCommandCapturesBothStreamsAndTheStatus) {
  // More than a pipe holds on both streams: reading one at a time would
  // deadlock.
  auto run = run_command(
      {"sh", "-c",
       "head -c 300000 /dev/zero; head -c 300000 /dev/zero >&2; exit 3"},
      {});
  ASSERT_TRUE(run) << run.error();
  EXPECT_EQ(run->status, 3);
  EXPECT_EQ(run->out.size(), 300000u);
  EXPECT_EQ(run->err.size(), 300000u);

  run = run_command({"sh", "-c", "printf '%s' \"$FMKIT_TEST_VARIABLE\""},
                    {"FMKIT_TEST_VARIABLE=set"});
  ASSERT_TRUE(run);
  EXPECT_EQ(run->out, "set");

  run = run_command({"fmkit-no-such-command"}, {});
  ASSERT_FALSE(run);
  EXPECT_EQ(run.error(), "no such file or directory");
}

// PATH is the process's: restored when the test ends.
class PathVariable {
 public:
  explicit PathVariable(const std::string& value) {
    const char* old = std::getenv("PATH");
    m_old = old == nullptr ? "" : old;
    ::setenv("PATH", value.c_str(), 1);
  }
  ~PathVariable() { ::setenv("PATH", m_old.c_str(), 1); }

 private:
  std::string m_old;
};

TEST(GitTest, NoGitCommandIsAnError) {
  ScopedTempDir empty;
  PathVariable path(empty.path().string());
  auto selection = git_staged(empty.path());
  ASSERT_FALSE(selection);
  EXPECT_EQ(headers(selection.error()),
            "fmkit: error: cannot run 'git': no such file or directory "
            "(install git, or put it in PATH) [git.not-found]\n");
}

}  // namespace
}  // namespace fmkit
