// SPDX-License-Identifier: MIT
//
// Git: the files `--changed-since REF` and `--staged` select, asked of the
// `git` command (run as a child process, never a library, with the
// process's environment, so a pre-commit hook's GIT_INDEX_FILE is honoured,
// and GIT_OPTIONAL_LOCKS=0, so fmkit never takes the index lock). Every
// listing is read with -z, so names with spaces, quotes, newlines or
// non-ASCII bytes come through as they are. Git gives paths relative to the
// top of the work tree; they are turned into paths relative to the working
// folder as the user sees it (`git rev-parse --show-prefix`, so a working
// folder reached through a symlink keeps its name).
//
// - changed_since(): the files added, copied, modified, renamed (under the
//   new name) or changed in type between the merge base of REF and HEAD
//   and the working tree: commits on the branch, staged and unstaged
//   changes (`git diff --diff-filter=ACMRT $(git merge-base REF HEAD)`),
//   plus untracked files that are not ignored (`git ls-files --others
//   --exclude-standard`). Deleted files are not listed.
// - staged(): the files added, copied, modified, renamed or changed in type
//   in the index (`git diff --cached --diff-filter=ACMRT`). fmkit reads the
//   working tree, not the index: a file with unstaged changes too gets a
//   note (rule git.unstaged), and one deleted from the working tree since
//   it was staged is not read.
//
// Failures are Problems shown as "fmkit: error: ... [rule]": git.not-found
// (no git command), git.repository (the working folder is not in a git
// work tree), git.ref (an unknown revision, or none in common with HEAD),
// git.failed (git failed otherwise; its message is quoted). Thread-safe.
#pragma once

#include "base/expected.hpp"
#include "diag/diagnostic.hpp"
#include "run/file_list.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

// Returns the files changed since `ref` (a branch, tag or commit), as
// described above; `cwd` is the absolute working folder.
Expected<FileSelection, Problems> git_changed_since(
    std::string_view ref, const std::filesystem::path& cwd);

// Returns the files staged in the index, as described above.
Expected<FileSelection, Problems> git_staged(const std::filesystem::path& cwd);

// What running a command gave.
struct CommandOutput {
  int status = 0;  // the exit status; 128 + N when killed by signal N
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] looked up in PATH), with standard input from
// /dev/null and the extra environment variables `environment` ("NAME=value")
// set, and returns what it wrote. Fails when it can't be started (the
// error is the reason: "no such file or directory").
Expected<CommandOutput> run_command(
    const std::vector<std::string>& argv,
    const std::vector<std::string>& environment);

}  // namespace fmkit
