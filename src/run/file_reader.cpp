// SPDX-License-Identifier: MIT
#include "run/file_reader.hpp"

#include "document/front_matter.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <fcntl.h>
#include <string_view>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace fmkit {

namespace {

constexpr size_t k_max_chunk = size_t{1} << 20;

// Closes a file descriptor when it goes out of scope.
class ScopedFd {
 public:
  explicit ScopedFd(int fd) : m_fd(fd) {}
  ~ScopedFd() {
    if (m_fd >= 0) ::close(m_fd);
  }
  ScopedFd(const ScopedFd&) = delete;
  ScopedFd& operator=(const ScopedFd&) = delete;
  int get() const { return m_fd; }

 private:
  int m_fd;
};

Expected<int> open_for_reading(const std::filesystem::path& path) {
  // O_NONBLOCK: opening a FIFO (a named pipe, say `post.md` made by mkfifo)
  // that no process writes to would block forever. Opened this way it reads
  // as empty. The flag does nothing to a regular file; a pipe that has a
  // writer (`--schema <(...)`) but no data yet gets it cleared by
  // read_some(), and is read whole.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return unexpected(describe_errno(errno));
  return fd;
}

// Appends up to `count` bytes read from `fd` to `buffer`; returns how many
// were read (0 at the end of the file).
Expected<size_t> read_some(int fd, std::string& buffer, size_t count) {
  size_t old_size = buffer.size();
  buffer.resize(old_size + count);
  ssize_t n;
  while (true) {
    n = ::read(fd, buffer.data() + old_size, count);
    if (n >= 0) break;
    if (errno == EINTR) continue;
    if (errno != EAGAIN) break;
    // A pipe with a writer but no data yet: wait for it (see
    // open_for_reading()).
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) break;
  }
  if (n < 0) {
    int saved = errno;
    buffer.resize(old_size);
    return unexpected(describe_errno(saved));
  }
  buffer.resize(old_size + static_cast<size_t>(n));
  return static_cast<size_t>(n);
}

}  // namespace

std::string describe_errno(int errno_value) {
  std::string message = std::generic_category().message(errno_value);
  if (!message.empty()) {
    message[0] =
        static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  }
  return message;
}

Expected<FrontMatterText> read_front_matter(const std::filesystem::path& path,
                                            const ReadOptions& options) {
  auto opened = open_for_reading(path);
  if (!opened) return unexpected(opened.error());
  ScopedFd fd(*opened);

  FrontMatterText result;
  size_t chunk = std::max<size_t>(options.first_chunk, 1);
  while (true) {
    auto n = read_some(fd.get(), result.text, chunk);
    if (!n) return unexpected(n.error());
    if (*n == 0) {
      result.whole_file = true;
      break;
    }
    // The reading protocol of front_matter.hpp: on a prefix, `unclosed`
    // means "read more". Re-splitting the whole prefix after each read is
    // linear overall, as the chunks double.
    FrontMatter front_matter =
        split_front_matter(result.text, TextEnd::partial);
    if (front_matter.status != FrontMatterStatus::unclosed) break;
    size_t yaml_bytes = result.text.size() -
                        std::min(front_matter.yaml_begin, result.text.size());
    if (yaml_bytes > options.max_front_matter_bytes + options.first_chunk) {
      result.truncated = true;
      break;
    }
    chunk = std::min(chunk * 2, k_max_chunk);
  }
  return result;
}

Document read_front_matter_document(const FrontMatterText& read,
                                    const LineIndex& lines,
                                    const DocumentOptions& options,
                                    std::vector<Diagnostic>& diagnostics) {
  if (!read.truncated) {
    return read_document(read.text, lines, options, diagnostics);
  }
  // The prefix ends inside the block, so read_document() would call it
  // unclosed; the truth is that it is too long to read.
  Document document;
  document.front_matter = split_front_matter(read.text, TextEnd::partial);
  size_t open = document.front_matter.open_begin;
  const bool json = document.front_matter.open_end == open;  // "{"
  Diagnostic d;
  const Dialect dialect = document.front_matter.dialect;
  d.rule = std::string(dialect_name(dialect == Dialect::other ? Dialect::yaml
                                                              : dialect)) +
           ".limit";
  d.message =
      "the front matter is longer than the limit of " +
      std::to_string(options.yaml.max_bytes) + " bytes (no closing '" +
      (json ? std::string("}") : std::string(read.text.substr(open, 3))) +
      "' within it)";
  d.span = lines.span(open, open + (json ? 1 : 3));
  diagnostics.push_back(std::move(d));
  return document;
}

Expected<std::string> read_whole_file(const std::filesystem::path& path) {
  auto opened = open_for_reading(path);
  if (!opened) return unexpected(opened.error());
  ScopedFd fd(*opened);
  std::string text;
  struct stat info {};
  size_t chunk = 64 * 1024;
  if (::fstat(fd.get(), &info) == 0 && S_ISREG(info.st_mode)) {
    // One read for the whole file, one more to see its end.
    chunk = std::max<size_t>(static_cast<size_t>(info.st_size) + 1, 4096);
  }
  auto n = read_some(fd.get(), text, chunk);
  // Further reads go to a buffer of their own, so that a file read in one
  // go keeps a buffer of its size (growing it for the read that sees the
  // end would double it: 22 MB held for an 11 MB cache file).
  std::string more;
  for (chunk = 4096; n && *n != 0; chunk = 64 * 1024) {
    more.clear();
    n = read_some(fd.get(), more, chunk);
    if (n) text += more;
  }
  if (!n) return unexpected(n.error());
  return text;
}

}  // namespace fmkit
