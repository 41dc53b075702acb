// SPDX-License-Identifier: MIT
//
// FilePath: a file's two paths, the absolute one it is read by and the one
// it is shown as, held in one string when the shown path is the tail of the
// absolute one. That is the common case: a file is shown relative to the
// working folder ("docs/a.md" of "/site/docs/a.md"), or as the absolute
// path it was given, so a run over 100k files holds each path once. A shown
// path that is not a tail ("../x.md", a --files-from name as listed) gets
// its own copy. The shown path is the same bytes either way. A plain value;
// copies are deep, moves keep both paths.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace fmkit {

class FilePath {
 public:
  FilePath() = default;
  // `path`: absolute and normalized, for reading; `display`: as shown.
  FilePath(std::string path, std::string_view display);
  FilePath(const FilePath& other);
  FilePath& operator=(const FilePath& other);
  FilePath(FilePath&&) noexcept = default;
  FilePath& operator=(FilePath&&) noexcept = default;
  ~FilePath() = default;

  // Absolute and normalized. A string: a std::filesystem::path also keeps
  // its parsed components, hundreds of bytes per file at 100k files.
  const std::string& path() const { return m_path; }

  // As shown ("docs/a.md"); valid while this FilePath is alive and unchanged.
  std::string_view display() const {
    if (m_own) return {m_own.get(), m_size};
    return std::string_view(m_path).substr(m_size);
  }

 private:
  std::string m_path;
  // The shown path when it is not a tail of m_path; null otherwise.
  std::unique_ptr<char[]> m_own;
  // The length of m_own when set, else where the shown path starts in
  // m_path.
  size_t m_size = 0;
};

}  // namespace fmkit
