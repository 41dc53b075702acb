// SPDX-License-Identifier: MIT
//
// Discovery: turns the paths given on the command line into the list of
// files to check. A file is taken as is, whatever its name; a folder is
// walked for files with one of DiscoverOptions' extensions (*.md,
// *.markdown, *.mdx by default). Walks skip hidden folders
// (".git", ".obsidian"), "node_modules" and symlinked folders (links are
// never followed out of the tree, and a link loop can't hang a walk); a
// symlinked file is taken only when it resolves to a regular file inside
// the folder being walked. The result is sorted by shown path, segment by
// segment ("a/z.md" before "a-b/x.md"), and de-duplicated: a file reached
// twice ("docs" and "docs/a.md") is checked once. Paths are resolved
// against an explicit `cwd`, never the process's current folder, so tests
// and threads don't depend on it. Thread-safe.
#pragma once

#include "diag/diagnostic.hpp"
#include "run/file_path.hpp"

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <numeric>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fmkit {

struct DiscoverOptions {
  // Extensions of the files a folder walk picks up (with the dot, compared
  // case-sensitively). Default: ".md", ".markdown" and ".mdx".
  std::vector<std::string> extensions = {".md", ".markdown", ".mdx"};
  // Folder names a walk never enters, besides hidden ones (names starting
  // with "."). Default: "node_modules".
  std::vector<std::string> skip_folders = {"node_modules"};
};

// A file found: its absolute path (for reading) and its path as shown, the
// given path, normalized, joined with the walked part ("docs/a.md").
struct FoundFile : FilePath {
  bool named = false;  // named on the command line, not walked to
  size_t given = 0;    // index of the path it was found from
};

struct Discovery {
  std::vector<FoundFile> files;
  // For each path, how many files were found from it (files reached from
  // two paths count for both), to tell a path that matched nothing.
  std::vector<size_t> found_per_path;
  // An `io` error per path that does not exist and per folder that could
  // not be read ("nope.md: error: no such file or directory [io]"); the
  // other paths are still used.
  Problems problems;
};

// Returns true for a found file to keep.
using FileFilter = std::function<bool(const FoundFile&)>;

// Finds the files named by `paths` (files or folders, relative to the
// absolute folder `cwd` unless absolute), keeping those `keep` accepts (all
// when it is empty).
Discovery discover_files(const std::vector<std::string>& paths,
                         const std::filesystem::path& cwd,
                         const DiscoverOptions& options,
                         const FileFilter& keep = {});

// Finds the files named by `paths` as discover_files() does, but hands each
// to `take` as it is found, unsorted and with repeats (a file reached from
// two paths comes twice), instead of listing them: Discovery::files stays
// empty, and found_per_path counts the files `take` returned true for. A
// caller that turns found files into something else (plan.hpp's jobs) then
// holds one list of them, never two.
Discovery find_files(const std::vector<std::string>& paths,
                     const std::filesystem::path& cwd,
                     const DiscoverOptions& options,
                     const std::function<bool(FoundFile&& file)>& take);

// Walks the folder `root` (absolute) with the skipping rules above and
// calls `visit` with the '/'-separated path, relative to `root`, of every
// file found, whatever its extension, in no particular order. Folders that
// can't be read add an `io` problem to `problems`, named by the folder's
// path joined to `display_root`.
void walk_folder(const std::filesystem::path& root,
                 std::string_view display_root, const DiscoverOptions& options,
                 const std::function<void(const std::string& relative)>& visit,
                 Problems& problems);

// Returns whether the file name at the end of `path` ends with one of the
// extensions of `options` (and is longer than it: ".md" is not "*.md").
bool has_extension(std::string_view path, const DiscoverOptions& options);

// Returns `path` normalized for display: lexically normal, '/'-separated,
// without a leading "./" ("." stays ".").
std::string display_path(const std::filesystem::path& path);

// Whether shown path `a` sorts before `b`, segment by segment: as if each
// '/' were '\0', which sorts before any byte a name can hold, the rest byte
// by byte ("a/z.md" before "a-b/x.md").
bool display_less(std::string_view a, std::string_view b);

// Returns the absolute, normalized `folder` joined with `relative` ('/'-
// separated), normalized: a plain concatenation unless `relative` has "."
// or ".." segments.
std::string join_path(const std::filesystem::path& folder,
                      std::string_view relative);

// Returns the shown folder `display` (a display_path()) joined with
// `relative`, as display_path() would show it.
std::string join_display(const std::string& display, std::string_view relative);

// Sorts `files` (a vector or deque of FoundFiles, or of any FilePaths) by
// display_less(), keeping the given order among equal ones, and drops later
// entries whose path() repeats an earlier one. It sorts indexes and path
// hashes and permutes in place, without copies: a run may find 100k files.
template <typename Files>
void sort_and_deduplicate(Files& files) {
  using File = typename Files::value_type;
  std::vector<size_t> order(files.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return display_less(files[a].display(), files[b].display());
  });
  // (hash of the path, rank in `order`): equal paths end up side by side,
  // the first in sorted order first.
  std::vector<std::pair<size_t, size_t>> by_path(order.size());
  for (size_t rank = 0; rank < order.size(); ++rank) {
    by_path[rank] = {std::hash<std::string_view>{}(files[order[rank]].path()),
                     rank};
  }
  std::sort(by_path.begin(), by_path.end());
  std::vector<bool> repeated(order.size());
  for (size_t i = 1; i < by_path.size(); ++i) {
    for (size_t j = i; j-- > 0 && by_path[j].first == by_path[i].first;) {
      if (files[order[by_path[j].second]].path() ==
          files[order[by_path[i].second]].path()) {
        repeated[by_path[i].second] = true;
        break;
      }
    }
  }
  // Permutes in place, no second array of files: position `rank` takes
  // the file at order[rank], each cycle followed once.
  std::vector<bool> placed(order.size());
  for (size_t start = 0; start < order.size(); ++start) {
    if (placed[start]) continue;
    File held = std::move(files[start]);
    size_t at = start;
    for (; order[at] != start; at = order[at]) {
      files[at] = std::move(files[order[at]]);
      placed[at] = true;
    }
    files[at] = std::move(held);
    placed[at] = true;
  }
  size_t kept = 0;
  for (size_t rank = 0; rank < files.size(); ++rank) {
    if (repeated[rank]) continue;
    if (kept != rank) files[kept] = std::move(files[rank]);
    ++kept;
  }
  files.erase(files.begin() + static_cast<std::ptrdiff_t>(kept), files.end());
}

}  // namespace fmkit
