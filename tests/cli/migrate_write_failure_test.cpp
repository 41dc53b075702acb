// SPDX-License-Identifier: MIT
//
// A write that fails part-way (the disk full, simulated with RLIMIT_FSIZE in
// a child process) leaves the original of the file it could not write
// intact, its temporary file removed, the files written before and after it
// written, and is reported: "could not be written", exit 2. So does a
// folder fmkit may not write in.
#include "cli/cli_run.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <functional>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::CliResult;
using testing_support::environment_in;
using testing_support::run_fmkit;
using testing_support::ScopedTempDir;

constexpr int k_not_prepared = 77;

// Runs fmkit in a child process set up by `prepare` (false: it could not
// be, and the child exits k_not_prepared); returns its exit code and output.
std::pair<int, std::string> run_in_child(const std::vector<std::string>& args,
                                         const fs::path& cwd,
                                         const std::function<bool()>& prepare) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return {-1, "pipe failed"};
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(pipe_fds[0]);
    if (!prepare()) ::_exit(k_not_prepared);
    CliResult r = run_fmkit(args, environment_in(cwd));
    std::string out = r.out + "[stderr]\n" + r.err;
    ssize_t unused = ::write(pipe_fds[1], out.data(), out.size());
    (void)unused;
    ::_exit(r.code);
  }
  ::close(pipe_fds[1]);
  std::string out;
  char buffer[4096];
  for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;) {
    out.append(buffer, static_cast<size_t>(n));
  }
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

// A site of three posts, content/a.md, content/`middle`, content/c.md,
// with one rename to apply.
void write_site(ScopedTempDir& site, const std::string& middle,
                const std::string& middle_text) {
  site.write("fmkit.yaml",
             "collections:\n  posts:\n    include: 'content/**/*.md'\n"
             "    schema: post.schema.json\n    migrations: migrations\n");
  site.write("post.schema.json", R"({"type": "object"})");
  site.write("migrations/0002-x.yaml",
             "version: 2\nops:\n  - rename: {from: speaker, to: host}\n");
  site.write("content/a.md", "---\nspeaker: A\n---\n");
  site.write("content/" + middle, middle_text);
  site.write("content/c.md", "---\nspeaker: C\n---\n");
}

// Expects a.md and c.md migrated, and no temporary file in `folder`.
void expect_others_written(ScopedTempDir& site, const fs::path& folder) {
  EXPECT_EQ(site.read("content/a.md"),
            "---\nhost: A\nschema_version: 2\n---\n");
  EXPECT_EQ(site.read("content/c.md"),
            "---\nhost: C\nschema_version: 2\n---\n");
  for (const auto& entry : fs::directory_iterator(folder)) {
    EXPECT_NE(entry.path().filename().string().front(), '.')
        << "temporary file left: " << entry.path();
  }
}

TEST(MigrateWriteFailureTest, ADiskFullLeavesTheOriginalAndExits2) {
  ScopedTempDir site;
  const std::string big =
      "---\nspeaker: B\n---\n" + std::string(200'000, 'x') + "\n";
  write_site(site, "big.md", big);

  auto [code, out] =
      run_in_child({"migrate", "--write", "-j", "1"}, site.path(), [] {
        std::signal(SIGXFSZ, SIG_IGN);  // write(2) fails with EFBIG instead
        rlimit fsize{100'000, 100'000};
        return ::setrlimit(RLIMIT_FSIZE, &fsize) == 0;
      });
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("content/big.md: error: cannot write: file too large"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("wrote 2 files; 1 file could not be written"),
            std::string::npos)
      << out;
  EXPECT_EQ(site.read("content/big.md"), big);
  expect_others_written(site, site.path() / "content");

  // Once there is room, the next run writes the rest.
  CliResult again =
      run_fmkit({"migrate", "--write"}, environment_in(site.path()));
  EXPECT_EQ(again.code, 0) << again.out << again.err;
  EXPECT_NE(site.read("content/big.md").find("host: B"), std::string::npos);
}

// A post in a folder fmkit may not write in (as root, fmkit runs as uid
// 65534 on a site it owns, for root writes anywhere): the others are
// written, that one is reported, exit 2.
TEST(MigrateWriteFailureTest, AReadOnlyFolderLeavesTheOriginalAndExits2) {
  ScopedTempDir site;
  const std::string locked = "---\nspeaker: B\n---\n";
  write_site(site, "locked/b.md", locked);
  const bool root = ::geteuid() == 0;
  if (root) {
    for (const auto& entry : fs::recursive_directory_iterator(site.path())) {
      ASSERT_EQ(::lchown(entry.path().c_str(), 65534, 65534), 0);
    }
    ASSERT_EQ(::chown(site.path().c_str(), 65534, 65534), 0);
  }
  fs::permissions(site.path() / "content/locked",
                  fs::perms::owner_read | fs::perms::owner_exec);

  auto [code, out] =
      run_in_child({"migrate", "--write", "-j", "1"}, site.path(), [root] {
        return !root || (::setgid(65534) == 0 && ::setuid(65534) == 0);
      });
  fs::permissions(site.path() / "content/locked", fs::perms::owner_all);
  if (code == k_not_prepared) GTEST_SKIP() << "cannot run as uid 65534";
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("content/locked/b.md: error: cannot create a temporary "
                     "file beside it: permission denied"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("wrote 2 files; 1 file could not be written"),
            std::string::npos)
      << out;
  EXPECT_EQ(site.read("content/locked/b.md"), locked);
  expect_others_written(site, site.path() / "content/locked");
}

}  // namespace
}  // namespace fmkit
