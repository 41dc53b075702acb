// SPDX-License-Identifier: MIT
#include "run/atomic_file.hpp"

#include <climits>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <sys/stat.h>
#include <unistd.h>

namespace fmkit {
namespace {

std::string errno_text(int error) {
  std::string text = std::strerror(error);
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(text[0]));
  return text;
}

// Closes a descriptor when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd) : m_fd(fd) {}
  ~Fd() { reset(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return m_fd; }
  bool valid() const { return m_fd >= 0; }
  // Closes now; returns the error of close(2), or 0.
  int reset() {
    int error = 0;
    if (m_fd >= 0 && ::close(m_fd) != 0) error = errno;
    m_fd = -1;
    return error;
  }

 private:
  int m_fd;
};

Expected<std::string> read_all(int fd) {
  std::string content;
  char buffer[65536];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      return unexpected(errno_text(errno));
    }
    if (n == 0) break;
    content.append(buffer, static_cast<size_t>(n));
  }
  return content;
}

Expected<void> write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return unexpected(errno_text(errno));
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return {};
}

// Checks that `path` still holds what `original` recorded.
Expected<void> check_unchanged(const std::filesystem::path& path,
                               const FileSnapshot& original) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) return unexpected(errno_text(errno));
  if (S_ISLNK(st.st_mode) || original.symlink) {
    return unexpected("is a symbolic link; fmkit does not write through links");
  }
  if (!S_ISREG(st.st_mode)) return unexpected("is not a regular file");
  if (st.st_nlink > 1) {
    return unexpected("has " + std::to_string(st.st_nlink) +
                      " hard links; replacing it would split them");
  }
  if (st.st_dev != original.device || st.st_ino != original.inode) {
    return unexpected("changed on disk since it was read (replaced)");
  }
  Fd fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (!fd.valid()) return unexpected(errno_text(errno));
  Expected<std::string> now = read_all(fd.get());
  if (!now) return unexpected(now.error());
  if (now->size() != original.size || content_digest(*now) != original.digest) {
    return unexpected("changed on disk since it was read");
  }
  return {};
}

// Syncs the folder holding `path`, so a rename or link survives a crash.
Expected<void> sync_folder(const std::filesystem::path& path) {
  std::filesystem::path folder = path.parent_path();
  if (folder.empty()) folder = ".";
  Fd fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!fd.valid()) return unexpected(errno_text(errno));
  if (::fsync(fd.get()) != 0 && errno != EINVAL) {
    return unexpected(errno_text(errno));
  }
  return {};
}

// Writes `bytes` to a new temporary file beside `path`; returns its name.
// With `original`, the file gets its mode and owner.
Expected<std::string> write_temporary(const std::filesystem::path& path,
                                      std::string_view bytes,
                                      const FileSnapshot* original) {
  std::filesystem::path folder = path.parent_path();
  // ".post.md.fmkit-XXXXXX" beside the file, unless that is longer than a
  // file name may be (a long CJK slug is 80 characters, 240 bytes).
  std::string temporary = "." + path.filename().string() + ".fmkit-XXXXXX";
  if (temporary.size() > NAME_MAX) temporary = ".fmkit-XXXXXX";
  std::string name = (folder / temporary).string();
  Fd fd(::mkstemp(name.data()));
  if (!fd.valid()) {
    return unexpected("cannot create a temporary file beside it: " +
                      errno_text(errno));
  }
  auto fail = [&](std::string reason) -> Expected<std::string> {
    fd.reset();
    ::unlink(name.c_str());
    return unexpected(std::move(reason));
  };
  if (Expected<void> written = write_all(fd.get(), bytes); !written) {
    return fail("cannot write: " + written.error());
  }
  mode_t mode = 0;
  if (original != nullptr) {
    mode = original->mode & 07777;
    struct stat st;
    if (::fstat(fd.get(), &st) != 0) return fail(errno_text(errno));
    if ((st.st_uid != original->owner || st.st_gid != original->group) &&
        ::fchown(fd.get(), original->owner, original->group) != 0) {
      return fail("cannot keep its owner: " + errno_text(errno));
    }
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  // After fchown, which may clear set-user-ID bits.
  if (::fchmod(fd.get(), mode) != 0) {
    return fail("cannot keep its mode: " + errno_text(errno));
  }
  if (::fsync(fd.get()) != 0) return fail("cannot sync: " + errno_text(errno));
  if (int error = fd.reset(); error != 0) {
    return fail("cannot write: " + errno_text(error));
  }
  return name;
}

}  // namespace

size_t content_digest(std::string_view bytes) {
  return std::hash<std::string_view>{}(bytes);
}

Expected<FileSnapshot> read_file_snapshot(const std::filesystem::path& path) {
  FileSnapshot snapshot;
  struct stat link;
  if (::lstat(path.c_str(), &link) != 0) return unexpected(errno_text(errno));
  snapshot.symlink = S_ISLNK(link.st_mode);
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) return unexpected(errno_text(errno));
  struct stat st;
  if (::fstat(fd.get(), &st) != 0) return unexpected(errno_text(errno));
  if (!S_ISREG(st.st_mode)) return unexpected("is not a regular file");
  Expected<std::string> content = read_all(fd.get());
  if (!content) return unexpected(content.error());
  snapshot.content = std::move(content).value();
  snapshot.size = snapshot.content.size();
  snapshot.digest = content_digest(snapshot.content);
  snapshot.device = link.st_dev;
  snapshot.inode = link.st_ino;
  snapshot.target_device = st.st_dev;
  snapshot.target_inode = st.st_ino;
  snapshot.mode = st.st_mode;
  snapshot.owner = st.st_uid;
  snapshot.group = st.st_gid;
  snapshot.links = st.st_nlink;
  return snapshot;
}

Expected<void> write_file_atomically(const std::filesystem::path& path,
                                     std::string_view bytes,
                                     const FileSnapshot& original) {
  if (Expected<void> same = check_unchanged(path, original); !same) {
    return same;
  }
  Expected<std::string> temporary = write_temporary(path, bytes, &original);
  if (!temporary) return unexpected(temporary.error());
  // Check again just before the rename, to keep the window for a
  // concurrent edit as small as we can.
  if (Expected<void> same = check_unchanged(path, original); !same) {
    ::unlink(temporary->c_str());
    return same;
  }
  if (::rename(temporary->c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(temporary->c_str());
    return unexpected("cannot replace it: " + errno_text(error));
  }
  return sync_folder(path);
}

Expected<void> create_file_atomically(const std::filesystem::path& path,
                                      std::string_view bytes) {
  Expected<std::string> temporary = write_temporary(path, bytes, nullptr);
  if (!temporary) return unexpected(temporary.error());
  // link(2) fails with EEXIST instead of replacing what is there.
  if (::link(temporary->c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(temporary->c_str());
    return unexpected(error == EEXIST ? "exists already" : errno_text(error));
  }
  ::unlink(temporary->c_str());
  return sync_folder(path);
}

Expected<void> replace_file_atomically(const std::filesystem::path& path,
                                       std::string_view bytes) {
  Expected<std::string> temporary = write_temporary(path, bytes, nullptr);
  if (!temporary) return unexpected(temporary.error());
  if (::rename(temporary->c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(temporary->c_str());
    return unexpected("cannot replace it: " + errno_text(error));
  }
  return {};
}

}  // namespace fmkit
