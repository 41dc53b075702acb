// SPDX-License-Identifier: MIT
//
// File lists: the files a selector names (`--changed-since REF`, `--staged`:
// run/git.hpp; `--files-from FILE`: here) before the plan decides which of
// them are checked (run/plan.hpp: only files a collection includes, or that
// end in a Markdown extension, are candidates), and the shards of a run
// (`--shard K/N`). A selected file is a path, not a folder: a selection
// never walks. Plain data and pure functions; thread-safe.
#pragma once

#include "base/expected.hpp"
#include "base/fnv.hpp"
#include "diag/diagnostic.hpp"
#include "run/file_path.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

// A selected file: its absolute, normalized path, for reading, and its path
// as shown: relative to the working folder ("../x.md" outside it), or as
// listed in a --files-from file (FilePath holds them once when it can).
struct SelectedFile : FilePath {
  // A warning about the file (rule git.unstaged), shown when the file is one
  // fmkit would check; "" when none.
  std::string note;
  // False when the file is gone from the working tree: only `note` is
  // shown, nothing is read.
  bool exists = true;
};

struct FileSelection {
  std::vector<SelectedFile> files;
};

// Splits a file list: NUL-separated when `text` holds a NUL byte, else one
// name a line ("\n" or "\r\n"). Empty entries are dropped; other bytes,
// spaces included, belong to the names.
std::vector<std::string> split_file_list(std::string_view text);

// Returns the selection of the files listed in `text` (split_file_list()),
// each relative to the absolute folder `cwd` unless absolute, and shown as
// listed (display_path()).
FileSelection listed_files(std::string_view text,
                           const std::filesystem::path& cwd);

// Reads the file list `given` (relative to `cwd` unless absolute) as
// listed_files() does. Fails with an `io` problem naming `given` when it
// can't be read.
Expected<FileSelection, Problems> read_file_list(
    const std::string& given, const std::filesystem::path& cwd);

// One part of a run split N ways for a CI matrix: a file belongs to the
// shard FNV-1a-64(its path relative to the config file's folder) mod N, so
// the shards are disjoint, cover every file, and a file never changes shard
// when others are added or removed.
struct Shard {
  size_t index = 0;  // 0-based: "--shard 1/3" is index 0
  size_t count = 1;

  // Returns whether the file at `relative` ('/'-separated) is in this shard.
  bool contains(std::string_view relative) const;
};

// Parses "K/N" (1 <= K <= N, both decimal) into a Shard. On failure the
// error says why, lower-case ("'0/3': K counts from 1").
Expected<Shard> parse_shard(std::string_view text);

}  // namespace fmkit
