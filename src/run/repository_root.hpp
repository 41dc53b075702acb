// SPDX-License-Identifier: MIT
//
// The repository root: the folder the formats for code hosts (sarif,
// github, junit, gitlab) name files relative to, since GitHub and GitLab
// resolve a reported path against the top of the checked-out repository.
// Thread-safe.
#pragma once

#include <filesystem>
#include <optional>

namespace fmkit {

// Returns the top folder of the git working tree holding the absolute
// folder `start` (the nearest folder, `start` or a parent, that has a
// `.git` folder or file, as a worktree or submodule has), or std::nullopt
// outside one. Does not run git.
std::optional<std::filesystem::path> find_git_top_level(
    const std::filesystem::path& start);

}  // namespace fmkit
