// SPDX-License-Identifier: MIT
//
// The gitlab format: a GitLab Code Quality report, a JSON array with an
// issue per diagnostic, one issue a line:
//
//   [
//     {"description": "'title' must be a string, got number 42",
//      "check_name": "schema.type", "fingerprint": "9f3c...",
//      "severity": "major",
//      "location": {"path": "docs/a.md", "lines": {"begin": 3, "end": 3}}}
//   ]
//
// `severity` is "major" for an error and "minor" for a warning;
// `fingerprint` is report/fingerprint.hpp's (stable across runs and edits
// elsewhere in the file, never shared by two issues); `location.path` is
// relative to the repository root; `lines` are 1-based (a diagnostic
// without a position is at line 1). Problems outside the files' content (a
// PATH that matched nothing) are issues too. Strings are UTF-8, invalid
// bytes replaced by U+FFFD. Streams. Not thread-safe.
#pragma once

#include "report/renderer.hpp"
#include "report/repository_paths.hpp"

#include <iosfwd>
#include <memory>

namespace fmkit {

struct GitlabOptions {
  // How files are named relative to the repository root.
  RepositoryPaths paths;
};

// Returns a Renderer writing the gitlab format to `out`, which must outlive
// it.
std::unique_ptr<Renderer> make_gitlab_renderer(std::ostream& out,
                                               const GitlabOptions& options);

}  // namespace fmkit
