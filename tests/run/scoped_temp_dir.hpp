// SPDX-License-Identifier: MIT
//
// ScopedTempDir: a fresh folder under the system's temp folder, removed
// with everything in it when the object goes out of scope (after ninja's
// ScopedTempDir). Tests pass its absolute paths around instead of changing
// the working folder: the runner is multi-threaded. Not thread-safe.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>

namespace fmkit::testing_support {

// Returns the bytes of the file `path` ("" when it can't be read).
inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

class ScopedTempDir {
 public:
  ScopedTempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "fmkit-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) std::abort();
    // Canonical, so paths compare equal to what the code under test computes
    // even when /tmp is a symlink.
    m_path = std::filesystem::canonical(pattern);
  }
  ~ScopedTempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  ScopedTempDir(const ScopedTempDir&) = delete;
  ScopedTempDir& operator=(const ScopedTempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }

  // Returns path() / `relative`, as a string.
  std::string operator/(std::string_view relative) const {
    return (m_path / relative).string();
  }

  // Writes `content` to `relative`, creating its folders; returns the
  // absolute path.
  std::filesystem::path write(std::string_view relative,
                              std::string_view content) const {
    std::filesystem::path file = m_path / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary)
        .write(content.data(), static_cast<std::streamsize>(content.size()));
    return file;
  }

  // Returns the bytes of the file `relative`.
  std::string read(std::string_view relative) const {
    return read_bytes(m_path / relative);
  }

  // Creates the folder `relative` (and its parents); returns its path.
  std::filesystem::path mkdir(std::string_view relative) const {
    std::filesystem::path folder = m_path / relative;
    std::filesystem::create_directories(folder);
    return folder;
  }

 private:
  std::filesystem::path m_path;
};

}  // namespace fmkit::testing_support
