// SPDX-License-Identifier: MIT
//
// GitRepo: a fresh git repository in a temp folder for the tests of
// --changed-since and --staged, driven with the real `git` command (with
// the user's and the system's git config left out, so the machine's
// settings can't change what the tests see). When git is missing or a
// command fails, the test fails, loudly: the git tests never skip.
// .ci/install-deps installs git. Not thread-safe.
#pragma once

#include "run/git.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace fmkit::testing_support {

class GitRepo : public ScopedTempDir {
 public:
  // A repository on branch "main", with no commit yet.
  GitRepo() {
    git({"init", "-q", "-b", "main"});
    git({"config", "user.name", "fmkit test"});
    git({"config", "user.email", "test@example.com"});
    git({"config", "commit.gpgsign", "false"});
  }

  // Runs `git args...` in the repository's folder `in` (its top when
  // empty) and returns its standard output; fails the test unless it
  // exits with 0.
  std::string git(std::vector<std::string> args, const std::string& in = "") {
    args.insert(args.begin(), {"git", "-C", (path() / in).string()});
    Expected<CommandOutput> run = run_command(
        args, {"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1"});
    if (!run) {
      ADD_FAILURE() << "cannot run git (" << run.error()
                    << "): the git tests need it; .ci/install-deps installs it";
      return "";
    }
    if (run->status != 0) {
      ADD_FAILURE() << "'git " << args[3] << "' failed: " << run->err;
    }
    return run->out;
  }

  // Stages everything and commits it.
  void commit_all(const std::string& message) {
    git({"add", "-A"});
    git({"commit", "-q", "-m", message});
  }
};

}  // namespace fmkit::testing_support
