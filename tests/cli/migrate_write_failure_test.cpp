// SPDX-License-Identifier: MIT
//
// A write that fails part-way (the disk full, simulated with RLIMIT_FSIZE in
// a child process) leaves the original of the file it could not write
// intact, its temporary file removed, the files written before and after it
// written, and is reported: "could not be written", exit 2.
#include "cli/cli_run.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
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

// Runs fmkit in a child process whose files may not grow past `limit`
// bytes; returns its exit code and output.
std::pair<int, std::string> run_limited(const std::vector<std::string>& args,
                                        const fs::path& cwd, rlim_t limit) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return {-1, "pipe failed"};
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(pipe_fds[0]);
    std::signal(SIGXFSZ, SIG_IGN);  // write(2) fails with EFBIG instead
    rlimit fsize{limit, limit};
    ::setrlimit(RLIMIT_FSIZE, &fsize);
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

TEST(MigrateWriteFailureTest, ADiskFullLeavesTheOriginalAndExits2) {
  ScopedTempDir site;
  site.write("fmkit.yaml",
             "collections:\n  posts:\n    include: 'content/*.md'\n"
             "    schema: post.schema.json\n    migrations: migrations\n");
  site.write("post.schema.json", R"({"type": "object"})");
  site.write("migrations/0002-x.yaml",
             "version: 2\nops:\n  - rename: {from: speaker, to: host}\n");
  const std::string big =
      "---\nspeaker: B\n---\n" + std::string(200'000, 'x') + "\n";
  site.write("content/a.md", "---\nspeaker: A\n---\n");
  site.write("content/big.md", big);
  site.write("content/c.md", "---\nspeaker: C\n---\n");

  auto [code, out] =
      run_limited({"migrate", "--write", "-j", "1"}, site.path(), 100'000);
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("content/big.md: error: cannot write: file too large"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("wrote 2 files; 1 file could not be written"),
            std::string::npos)
      << out;
  EXPECT_EQ(site.read("content/big.md"), big);
  EXPECT_EQ(site.read("content/a.md"),
            "---\nhost: A\nschema_version: 2\n---\n");
  EXPECT_EQ(site.read("content/c.md"),
            "---\nhost: C\nschema_version: 2\n---\n");
  for (const auto& entry : fs::directory_iterator(site.path() / "content")) {
    EXPECT_NE(entry.path().filename().string().front(), '.')
        << "temporary file left: " << entry.path();
  }

  // Once there is room, the next run writes the rest.
  CliResult again =
      run_fmkit({"migrate", "--write"}, environment_in(site.path()));
  EXPECT_EQ(again.code, 0) << again.out << again.err;
  EXPECT_NE(site.read("content/big.md").find("host: B"), std::string::npos);
}

}  // namespace
}  // namespace fmkit
