// SPDX-License-Identifier: MIT
//
// Safe rewriting of the files a migration changes. A file is read once into
// a FileSnapshot (its bytes and identity); write_file_atomically() later
// replaces it only if it is still exactly what was read:
//
//   - the new bytes go to a temporary file in the same folder, which gets
//     the original's mode and owner, is fsync'ed and then renamed over the
//     original (so a crash leaves the old or the new file, never half of
//     one); the folder is fsync'ed after the rename;
//   - a symbolic link is never written through, and a file with several
//     hard links is refused (the rename would split them);
//   - a file that changed on disk since it was read (other bytes, by size
//     and digest, or another file now at that path) is refused;
//   - a temporary file is written unnamed (O_TMPFILE), locked (flock) and
//     named only once complete, and stays locked while its writer lives,
//     so that a later run can tell the ones a killed writer left behind and
//     remove them (remove_stale_temporaries()). Where the file system has
//     no unnamed files it is created named and locked right after.
//
// Errors are lower-case reasons without the path ("changed on disk since
// it was read"), for the caller to prefix with the path it shows. Extended
// attributes and ACLs are not copied. Thread-safe for different paths.
#pragma once

#include "base/expected.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace fmkit {

struct FileSnapshot {
  // The bytes read. Callers may free them once planned: the checks before a
  // write compare `size` and `digest`, kept beside them.
  std::string content;
  size_t size = 0;
  size_t digest = 0;     // content_digest(content)
  bool symlink = false;  // the path itself is a symbolic link
  dev_t device = 0;      // of the path itself (lstat)
  ino_t inode = 0;
  // Of the file read: the link's target for a symbolic link.
  dev_t target_device = 0;
  ino_t target_inode = 0;
  mode_t mode = 0;
  uid_t owner = 0;
  gid_t group = 0;
  nlink_t links = 0;
};

// Returns a 64-bit digest of `bytes` (std::hash), to tell whether a file
// still holds the bytes it was read with.
size_t content_digest(std::string_view bytes);

// Reads the whole file at `path` (through a symlink, which is recorded).
Expected<FileSnapshot> read_file_snapshot(const std::filesystem::path& path);

// When the folder of a replaced file is synced: right after the rename, or
// later by the caller (sync_folder() once per folder, after many renames).
enum class FolderSync { now, later };

// Replaces the file at `path`, read earlier as `original`, with `bytes`
// (see above). Nothing is changed on failure.
Expected<void> write_file_atomically(const std::filesystem::path& path,
                                     std::string_view bytes,
                                     const FileSnapshot& original,
                                     FolderSync sync = FolderSync::now);

// Syncs the folder `folder`, so that the renames into it survive a crash.
Expected<void> sync_folder(const std::filesystem::path& folder);

// Creates the file `path` with `bytes` (mode 0666 minus the umask), failing
// when something already exists there; written to a temporary file and
// linked into place, so the file appears whole or not at all.
Expected<void> create_file_atomically(const std::filesystem::path& path,
                                      std::string_view bytes);

// Replaces whatever is at `path` with `bytes`, without the checks of
// write_file_atomically(): for files fmkit owns (the result cache). Written
// to a fresh temporary file beside it, synced, then renamed over it, so a
// reader sees the old file or the new one, never a mix, however many
// processes write at once (the last rename wins).
Expected<void> replace_file_atomically(const std::filesystem::path& path,
                                       std::string_view bytes);

// Removes the temporary files that writers killed mid-write left in
// `folder` (".post.md.fmkit-XXXXXX"): those whose lock no process holds (a
// writer keeps its temporary file locked until it is renamed into place).
// An empty one of the last 10 seconds stays: made where there are no
// unnamed files, its writer may not have locked it yet. Returns how many were
// removed; errors are ignored (the file stays).
size_t remove_stale_temporaries(const std::filesystem::path& folder);

}  // namespace fmkit
