// SPDX-License-Identifier: MIT
//
// Hostile inputs (fixtures/hostile/README.md): every case is run through
// the whole CLI (run_fmkit, in-process) in a fresh temporary folder holding
// a copy of its input, and the transcript (the command, its standard
// output, its standard error and its exit code) must equal the reviewed
// golden fixtures/hostile/expected/NAME.txt byte for byte
// (FMKIT_UPDATE_GOLDEN=1 rewrites it: review the diff). A case is
//   - files/NAME.md: validated against fixtures/hostile/post.schema.json;
//   - sites/NAME/: a folder whose `args` file names the command line (one
//     argument a line), run in a copy of the folder;
//   - a generated case (golden/hostile_generated.hpp): inputs too large or
//     too special to commit, made in the temporary folder.
// No case may crash or hang: CTest runs each case as its own test with a
// TIMEOUT (tests/CMakeLists.txt, `ctest -R hostile`). The temporary folder
// is shown as <tmp> in the transcript.
#include "cli/cli_run.hpp"
#include "golden/golden.hpp"
#include "golden/hostile_generated.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <grp.h>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::CliResult;
using testing_support::environment_in;
using testing_support::GeneratedCase;
using testing_support::read_bytes;
using testing_support::replace_all;
using testing_support::run_fmkit;
using testing_support::ScopedTempDir;

const fs::path k_root = fs::path(FMKIT_SOURCE_DIR) / "fixtures" / "hostile";

enum class Kind { file, site, generated };

struct Case {
  Kind kind;
  std::string name;
};

void PrintTo(const Case& c, std::ostream* out) { *out << c.name; }

const std::vector<GeneratedCase>& generated() {
  static const std::vector<GeneratedCase> cases =
      testing_support::hostile::generated_cases();
  return cases;
}

std::vector<Case> all_cases() {
  std::vector<Case> cases;
  for (const auto& entry : fs::directory_iterator(k_root / "files")) {
    cases.push_back({Kind::file, entry.path().stem().string()});
  }
  for (const auto& entry : fs::directory_iterator(k_root / "sites")) {
    cases.push_back({Kind::site, entry.path().filename().string()});
  }
  for (const GeneratedCase& g : generated()) {
    cases.push_back({Kind::generated, g.name});
  }
  std::sort(cases.begin(), cases.end(),
            [](const Case& a, const Case& b) { return a.name < b.name; });
  return cases;
}

std::vector<std::string> read_args(const fs::path& file) {
  std::vector<std::string> args;
  std::istringstream in(read_bytes(file));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) args.push_back(line);
  }
  return args;
}

// What a child that could not become uid 65534 reports.
constexpr const char* k_cannot_drop = "cannot run as uid 65534";

// Runs fmkit in a child process as uid/gid 65534 (nobody), so that file
// permissions hold even when the tests run as root (CI does).
CliResult run_unprivileged(const std::vector<std::string>& args,
                           const fs::path& cwd) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return {-1, "", "pipe failed"};
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(pipe_fds[0]);
    CliResult r{-1, "", ""};
    if (::setgroups(0, nullptr) == 0 && ::setresgid(65534, 65534, 65534) == 0 &&
        ::setresuid(65534, 65534, 65534) == 0 &&
        ::access(cwd.c_str(), R_OK | X_OK) == 0) {
      r = run_fmkit(args, environment_in(cwd));
    } else {
      r.err = k_cannot_drop;
    }
    std::string message = std::to_string(r.code) + "\n" +
                          std::to_string(r.out.size()) + "\n" + r.out + r.err;
    const char* p = message.data();
    size_t left = message.size();
    while (left > 0) {
      ssize_t n = ::write(pipe_fds[1], p, left);
      if (n <= 0) break;
      p += n;
      left -= static_cast<size_t>(n);
    }
    ::_exit(0);
  }
  ::close(pipe_fds[1]);
  std::string message;
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0) {
    message.append(buffer, static_cast<size_t>(n));
  }
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  std::istringstream in(message);
  CliResult r{-1, "", ""};
  size_t out_size = 0;
  in >> r.code >> out_size;
  in.get();
  std::string rest(std::istreambuf_iterator<char>(in), {});
  r.out = rest.substr(0, std::min(out_size, rest.size()));
  r.err = rest.substr(std::min(out_size, rest.size()));
  return r;
}

std::string transcript(const std::vector<std::string>& args, const CliResult& r,
                       const fs::path& tmp) {
  std::string text = "$ fmkit";
  for (const std::string& arg : args) text += " " + arg;
  text += "\n" + r.out;
  if (!r.out.empty() && r.out.back() != '\n') text += "\n[no line end]\n";
  if (!r.err.empty()) text += "[stderr]\n" + r.err;
  if (!r.err.empty() && r.err.back() != '\n') text += "\n[no line end]\n";
  text += "[exit " + std::to_string(r.code) + "]\n";
  return replace_all(text, tmp.string(), "<tmp>");
}

class HostileInputTest : public testing::TestWithParam<Case> {};

TEST_P(HostileInputTest, TranscriptMatchesTheGolden) {
  const Case& c = GetParam();
  ScopedTempDir dir;
  std::vector<std::string> args;
  bool unprivileged = false;
  switch (c.kind) {
    case Kind::file:
      fs::copy_file(k_root / "post.schema.json",
                    dir.path() / "post.schema.json");
      fs::copy_file(k_root / "files" / (c.name + ".md"),
                    dir.path() / (c.name + ".md"));
      args = {"validate", "--no-cache", "--schema", "post.schema.json",
              c.name + ".md"};
      break;
    case Kind::site:
      fs::copy(k_root / "sites" / c.name, dir.path(),
               fs::copy_options::recursive);
      args = read_args(dir.path() / "args");
      fs::remove(dir.path() / "args");
      break;
    case Kind::generated:
      for (const GeneratedCase& g : generated()) {
        if (g.name != c.name) continue;
        args = g.make(dir);
        unprivileged = g.unprivileged;
      }
      break;
  }
  ASSERT_FALSE(args.empty());
  CliResult r;
  if (unprivileged && ::geteuid() == 0) {
    // ScopedTempDir makes a 0700 folder: let uid 65534 in.
    fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read |
                                    fs::perms::group_exec |
                                    fs::perms::others_read |
                                    fs::perms::others_exec);
    r = run_unprivileged(args, dir.path());
    if (r.err == k_cannot_drop) {
      GTEST_SKIP() << "cannot run fmkit as uid 65534 in " << dir.path()
                   << " (no CAP_SETUID, or the temporary folder's parents are "
                      "closed to it), and root reads a mode-000 file anyway";
    }
  } else {
    r = run_fmkit(args, environment_in(dir.path()));
  }
  if (unprivileged) {
    // Let the owner remove what the case made unreadable.
    std::error_code ec;
    for (const char* name :
         {"secret.md", "post.schema.json", "posts/private"}) {
      fs::permissions(dir.path() / name, fs::perms::owner_all, ec);
    }
  }
  testing_support::check_golden(k_root / "expected" / (c.name + ".txt"),
                                transcript(args, r, dir.path()));
}

INSTANTIATE_TEST_SUITE_P(HostileInput, HostileInputTest,
                         testing::ValuesIn(all_cases()),
                         [](const testing::TestParamInfo<Case>& param_info) {
                           std::string name = param_info.param.name;
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) {
                               c = '_';
                             }
                           }
                           return name;
                         });

// Every golden belongs to a case, and the README lists every case once.
TEST(HostileInputsTest, GoldensAndReadmeListExactlyTheCases) {
  std::set<std::string> names;
  std::set<std::string> listed;
  for (const Case& c : all_cases()) {
    EXPECT_TRUE(names.insert(c.name).second) << "two cases named " << c.name;
    switch (c.kind) {
      case Kind::file:
        listed.insert("files/" + c.name + ".md");
        break;
      case Kind::site:
        listed.insert("sites/" + c.name + "/");
        break;
      case Kind::generated:
        listed.insert("generated/" + c.name);
        break;
    }
  }
  EXPECT_GE(names.size(), 60u);
  for (const auto& entry : fs::directory_iterator(k_root / "expected")) {
    EXPECT_TRUE(names.contains(entry.path().stem().string()))
        << entry.path() << " belongs to no case";
  }
  std::set<std::string> in_readme;
  std::istringstream readme(read_bytes(k_root / "README.md"));
  std::string line;
  while (std::getline(readme, line)) {
    // Case rows: "| `files/NAME.md` | what it attacks |".
    if (!line.starts_with("| `")) continue;
    std::string cell = line.substr(3, line.find('`', 3) - 3);
    EXPECT_TRUE(in_readme.insert(cell).second) << cell << " listed twice";
  }
  EXPECT_EQ(in_readme, listed);
}

}  // namespace
}  // namespace fmkit
