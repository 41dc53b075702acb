// SPDX-License-Identifier: MIT
//
// Unified diffs (as `diff -u` and `git diff` print them) between two texts,
// line by line. Lines keep their own endings, so a CRLF file diffs as CRLF
// and a missing final newline is marked "\ No newline at end of file".
// Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace fmkit {

struct DiffOptions {
  // Unchanged lines shown around each change.
  size_t context = 3;
};

// Returns the unified diff turning `before` into `after`, with headers
// "--- `old_name`" and "+++ `new_name`"; an empty string when the texts are
// equal.
std::string unified_diff(std::string_view before, std::string_view after,
                         std::string_view old_name, std::string_view new_name,
                         const DiffOptions& options = {});

}  // namespace fmkit
