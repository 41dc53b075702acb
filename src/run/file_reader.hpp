// SPDX-License-Identifier: MIT
//
// Reading files for validation. read_front_matter() reads a Markdown file
// only as far as its front matter goes: chunks of growing size (4 KiB, then
// twice as much each time) until split_front_matter() sees the closing
// line, the text turns out to have no front matter, the end of the file, or
// a size limit (the reading protocol of document/front_matter.hpp). The body
// past the chunk holding the closing line is never read, which is what makes
// validating 100k posts cheap. A FIFO that no process writes to reads as an
// empty file rather than blocking forever. Thread-safe: each call opens its
// own descriptor.
#pragma once

#include "base/expected.hpp"
#include "base/source_span.hpp"
#include "diag/diagnostic.hpp"
#include "document/document.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace fmkit {

struct ReadOptions {
  // Bytes asked for by the first read; each further read asks for twice as
  // many. Default: 4 KiB, enough for most front matter.
  size_t first_chunk = 4096;
  // Stop reading once an unclosed block's YAML text is longer than this
  // (plus one chunk of slack for the closing line); the document layer then
  // reports the size limit. Default: YamlOptions::max_bytes, 1 MiB.
  size_t max_front_matter_bytes = size_t{1} << 20;
};

struct FrontMatterText {
  // The bytes read, from the start of the file: the whole file, or a prefix
  // holding at least the opening line and, when there is one, the closing
  // line of the front matter.
  std::string text;
  // True when `text` is the whole file.
  bool whole_file = false;
  // True when reading stopped at `max_front_matter_bytes` before finding a
  // closing line: the front matter may still close further on.
  bool truncated = false;
};

// Reads the start of the file at `path` as described above. On failure the
// error is the reason only, lower-case ("no such file or directory"), for
// the caller to prefix with the path it shows.
Expected<FrontMatterText> read_front_matter(const std::filesystem::path& path,
                                            const ReadOptions& options);

// Reads the Document in `read` (read_document() on its text), except that
// a block cut off by the size limit is reported as too long (rule
// yaml.limit, at the opening "---") rather than as unclosed. `lines` must be
// built over `read.text`; the size limit is options.yaml.max_bytes.
Document read_front_matter_document(const FrontMatterText& read,
                                    const LineIndex& lines,
                                    const DocumentOptions& options,
                                    std::vector<Diagnostic>& diagnostics);

// Reads the whole file at `path`. Errors as for read_front_matter().
Expected<std::string> read_whole_file(const std::filesystem::path& path);

// Returns the lower-case description of `errno_value` ("permission denied").
std::string describe_errno(int errno_value);

}  // namespace fmkit
