// SPDX-License-Identifier: MIT
#include "run/atomic_file.hpp"

#include <climits>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <functional>
#include <random>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

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
  Fd(Fd&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
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

// The folder holding the file `path`.
std::filesystem::path folder_of(const std::filesystem::path& path) {
  std::filesystem::path folder = path.parent_path();
  return folder.empty() ? "." : folder;
}

// A temporary file, written and synced, still open and locked: the lock
// tells remove_stale_temporaries() that its writer is alive. It is released
// when the file is closed, by the destructor or by the writer's death.
struct Temporary {
  std::string name;
  Fd fd;
};

// Gives the open temporary `fd`, if it is unnamed (O_TMPFILE), a fresh
// name "<stem>XXXXXX" (stem: the path up to "XXXXXX"), as mkstemp would.
// Returns the name, or errno.
Expected<std::string, int> link_unnamed(int fd, std::string_view stem) {
  static constexpr char k_letters[] =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  thread_local std::mt19937_64 random(std::random_device{}());
  const std::string proc = "/proc/self/fd/" + std::to_string(fd);
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string name(stem);
    for (int i = 0; i < 6; ++i) name += k_letters[random() % 62];
    if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, name.c_str(),
                 AT_SYMLINK_FOLLOW) == 0) {
      return name;
    }
    if (errno != EEXIST) return unexpected(errno);
  }
  return unexpected(EEXIST);
}

// Writes `bytes` to `fd` (locked first), with `original`'s owner and mode,
// or 0666 minus the umask; then syncs it.
Expected<void> fill_temporary(int fd, std::string_view bytes,
                              const FileSnapshot* original) {
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    return unexpected("cannot lock a temporary file: " + errno_text(errno));
  }
  if (Expected<void> written = write_all(fd, bytes); !written) {
    return unexpected("cannot write: " + written.error());
  }
  mode_t mode = 0;
  if (original != nullptr) {
    mode = original->mode & 07777;
    struct stat st;
    if (::fstat(fd, &st) != 0) return unexpected(errno_text(errno));
    if ((st.st_uid != original->owner || st.st_gid != original->group) &&
        ::fchown(fd, original->owner, original->group) != 0) {
      return unexpected("cannot keep its owner: " + errno_text(errno));
    }
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  // After fchown, which may clear set-user-ID bits.
  if (::fchmod(fd, mode) != 0) {
    return unexpected("cannot keep its mode: " + errno_text(errno));
  }
  if (::fsync(fd) != 0) return unexpected("cannot sync: " + errno_text(errno));
  return {};
}

// Writes `bytes` to a new temporary file beside `path`, locked (see
// Temporary). With `original`, the file gets its mode and owner. The file
// is written unnamed (O_TMPFILE) and named once complete, so every named
// temporary file is whole and locked while its writer lives; where the
// file system has no unnamed files, it is created named (mkstemp) and
// locked right after.
Expected<Temporary> write_temporary(const std::filesystem::path& path,
                                    std::string_view bytes,
                                    const FileSnapshot* original) {
  std::filesystem::path folder = folder_of(path);
  // ".post.md.fmkit-XXXXXX" beside the file, unless that is longer than a
  // file name may be (a long CJK slug is 80 characters, 240 bytes).
  std::string temporary = "." + path.filename().string() + ".fmkit-XXXXXX";
  if (temporary.size() > NAME_MAX) temporary = ".fmkit-XXXXXX";
  std::string name = (folder / temporary).string();
  const std::string_view stem(name.data(), name.size() - 6);
  Fd unnamed(::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600));
  if (unnamed.valid()) {
    if (Expected<void> filled = fill_temporary(unnamed.get(), bytes, original);
        !filled) {
      return unexpected(filled.error());
    }
    Expected<std::string, int> linked = link_unnamed(unnamed.get(), stem);
    if (linked) return Temporary{std::move(linked).value(), std::move(unnamed)};
    // No /proc to name it through: write it again, named.
  }
  Fd fd(::mkstemp(name.data()));
  if (!fd.valid()) {
    return unexpected("cannot create a temporary file beside it: " +
                      errno_text(errno));
  }
  if (Expected<void> filled = fill_temporary(fd.get(), bytes, original);
      !filled) {
    fd.reset();
    ::unlink(name.c_str());
    return unexpected(filled.error());
  }
  return Temporary{std::move(name), std::move(fd)};
}

// Whether `name` is the name write_temporary() gives: ".NAME.fmkit-XXXXXX"
// or ".fmkit-XXXXXX".
bool is_temporary_name(std::string_view name) {
  constexpr std::string_view k_tag = ".fmkit-";
  return name.size() >= k_tag.size() + 6 && name.front() == '.' &&
         name.substr(name.size() - 6 - k_tag.size(), k_tag.size()) == k_tag;
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

Expected<void> sync_folder(const std::filesystem::path& folder) {
  Fd fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!fd.valid()) return unexpected(errno_text(errno));
  if (::fsync(fd.get()) != 0 && errno != EINVAL) {
    return unexpected(errno_text(errno));
  }
  return {};
}

Expected<void> write_file_atomically(const std::filesystem::path& path,
                                     std::string_view bytes,
                                     const FileSnapshot& original,
                                     FolderSync sync) {
  if (Expected<void> same = check_unchanged(path, original); !same) {
    return same;
  }
  Expected<Temporary> temporary = write_temporary(path, bytes, &original);
  if (!temporary) return unexpected(temporary.error());
  // Check again just before the rename, to keep the window for a
  // concurrent edit as small as we can.
  if (Expected<void> same = check_unchanged(path, original); !same) {
    ::unlink(temporary->name.c_str());
    return same;
  }
  if (::rename(temporary->name.c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(temporary->name.c_str());
    return unexpected("cannot replace it: " + errno_text(error));
  }
  if (sync == FolderSync::later) return {};
  return sync_folder(folder_of(path));
}

Expected<void> create_file_atomically(const std::filesystem::path& path,
                                      std::string_view bytes) {
  Expected<Temporary> temporary = write_temporary(path, bytes, nullptr);
  if (!temporary) return unexpected(temporary.error());
  // link(2) fails with EEXIST instead of replacing what is there.
  if (::link(temporary->name.c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(temporary->name.c_str());
    return unexpected(error == EEXIST ? "exists already" : errno_text(error));
  }
  ::unlink(temporary->name.c_str());
  return sync_folder(folder_of(path));
}

Expected<void> replace_file_atomically(const std::filesystem::path& path,
                                       std::string_view bytes) {
  Expected<Temporary> temporary = write_temporary(path, bytes, nullptr);
  if (!temporary) return unexpected(temporary.error());
  if (::rename(temporary->name.c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(temporary->name.c_str());
    return unexpected("cannot replace it: " + errno_text(error));
  }
  return {};
}

size_t remove_stale_temporaries(const std::filesystem::path& folder) {
  size_t removed = 0;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end;
       !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!is_temporary_name(name)) continue;
    Fd fd(::open(it->path().c_str(),
                 O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    struct stat st;
    if (!fd.valid() || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
      continue;
    }
    // A writer locks its file right after creating it, before writing: an
    // empty file of the last seconds may be one not locked yet.
    if (st.st_size == 0 && ::time(nullptr) - st.st_mtime < 10) continue;
    // A live writer holds the lock; a dead one released it.
    if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) continue;
    if (::unlink(it->path().c_str()) == 0) ++removed;
  }
  return removed;
}

}  // namespace fmkit
