// SPDX-License-Identifier: MIT
#include "run/file_path.hpp"

#include <algorithm>
#include <utility>

namespace fmkit {

namespace {

// Returns a copy of `text` without a terminating NUL: display() knows its
// length.
std::unique_ptr<char[]> copy_of(std::string_view text) {
  auto out = std::make_unique_for_overwrite<char[]>(text.size());
  std::copy(text.begin(), text.end(), out.get());
  return out;
}

}  // namespace

FilePath::FilePath(std::string path, std::string_view display) {
  // Decided before `path` moves: `display` may view another copy of it.
  if (path.ends_with(display)) {
    m_size = path.size() - display.size();
  } else {
    m_own = copy_of(display);
    m_size = display.size();
  }
  m_path = std::move(path);
}

FilePath::FilePath(const FilePath& other)
    : m_path(other.m_path),
      m_own(other.m_own ? copy_of(other.display()) : nullptr),
      m_size(other.m_size) {}

FilePath& FilePath::operator=(const FilePath& other) {
  if (this != &other) *this = FilePath(other);
  return *this;
}

}  // namespace fmkit
