// SPDX-License-Identifier: MIT
//
// RepositoryPaths: the files of a run named the way code hosts name them,
// relative to the repository root, for the formats they read (sarif,
// github, junit, gitlab). Shown paths are relative to the working folder
// (or absolute); both folders are absolute. Purely lexical: nothing is
// read from disk and symlinks are not resolved. Immutable; thread-safe.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace fmkit {

struct RepositoryPaths {
  std::filesystem::path cwd;   // absolute: shown paths are relative to it
  std::filesystem::path root;  // absolute repository root

  // Returns `shown` relative to `root`, '/'-separated ("docs/a.md"), or
  // std::nullopt when it lies outside `root` (or is `root` itself).
  std::optional<std::string> under_root(std::string_view shown) const;

  // Returns under_root(`shown`), or `shown` itself when it is outside.
  std::string repository_path(std::string_view shown) const;

  // Returns `shown` as an absolute, normalized, '/'-separated path.
  std::string absolute(std::string_view shown) const;
};

// Returns `path` percent-encoded for a URI (RFC 3986): every byte but the
// unreserved characters (A-Z a-z 0-9 - . _ ~) and '/' becomes %XX.
std::string percent_encode_path(std::string_view path);

// Returns the file: URI of the absolute '/'-separated `path`
// ("file:///srv/site/a%20b.md").
std::string file_uri(std::string_view path);

}  // namespace fmkit
