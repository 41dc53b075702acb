// SPDX-License-Identifier: MIT
#include "run/output_file.hpp"

#include "run/atomic_file.hpp"

#include <system_error>

namespace fmkit {

namespace fs = std::filesystem;

Expected<void, Problems> check_writable(const fs::path& path,
                                        const std::string& shown,
                                        Overwrite overwrite) {
  std::error_code ec;
  if (overwrite == Overwrite::no &&
      fs::symlink_status(path, ec).type() != fs::file_type::not_found) {
    return unexpected(problem_at_file(
        shown, "io", "exists already; pass --force to replace it"));
  }
  return {};
}

Expected<void, Problems> write_output_file(const fs::path& path,
                                           const std::string& shown,
                                           std::string_view text,
                                           Overwrite overwrite) {
  if (auto writable = check_writable(path, shown, overwrite); !writable) {
    return writable;
  }
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  if (ec) return unexpected(problem_at_file(shown, "io", ec.message()));
  Expected<void> written;
  if (fs::symlink_status(path, ec).type() != fs::file_type::not_found) {
    Expected<FileSnapshot> old = read_file_snapshot(path);
    written = old ? write_file_atomically(path, text, *old)
                  : Expected<void>(unexpected(old.error()));
  } else {
    written = create_file_atomically(path, text);
  }
  if (!written)
    return unexpected(problem_at_file(shown, "io", written.error()));
  return {};
}

}  // namespace fmkit
