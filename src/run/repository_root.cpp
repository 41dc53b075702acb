// SPDX-License-Identifier: MIT
#include "run/repository_root.hpp"

#include <system_error>

namespace fmkit {

std::optional<std::filesystem::path> find_git_top_level(
    const std::filesystem::path& start) {
  std::filesystem::path folder = start.lexically_normal();
  // "/a/b/" names the folder "/a/b".
  if (!folder.has_filename()) folder = folder.parent_path();
  while (true) {
    std::error_code ec;
    if (std::filesystem::exists(folder / ".git", ec)) return folder;
    std::filesystem::path parent = folder.parent_path();
    if (parent == folder || parent.empty()) return std::nullopt;
    folder = std::move(parent);
  }
}

}  // namespace fmkit
