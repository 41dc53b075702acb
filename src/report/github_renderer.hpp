// SPDX-License-Identifier: MIT
//
// The github format, for GitHub Actions: a workflow command per diagnostic,
// which the runner turns into an annotation on the file's line,
//
//   ::error
//   file=docs/a.md,line=3,col=8,endLine=3,endColumn=10,title=schema.type::'title'
//   must be a string, got number 42
//
// (`::warning` for a warning; `col` and `endColumn` only when the span
// is on one line, as the runner drops them otherwise; only `file` and
// `title` when there is no position), then, as GitHub shows no more than
// 10 annotations of a kind per step, the whole text report
// (text_renderer.hpp) and its summary line. Paths are relative to the
// repository root. Data and properties are escaped as GitHub's toolkit
// does: '%' -> %25, CR -> %0D, LF -> %0A, and in properties ':' -> %3A,
// ',' -> %2C; invalid UTF-8 becomes U+FFFD. Problems outside the files'
// content (a PATH that matched nothing) are annotated too, after the
// files. Annotations stream; the text report is kept (as rendered text)
// until the end. Not thread-safe.
#pragma once

#include "diag/diagnostic.hpp"
#include "report/renderer.hpp"
#include "report/repository_paths.hpp"
#include "report/text_renderer.hpp"

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

namespace fmkit {

struct GithubOptions {
  // How files are named relative to the repository root.
  RepositoryPaths paths;
  // How the text report after the annotations is written.
  TextOptions text;
};

// Returns the workflow command annotating `d` in the file `path` (as the
// runner should see it), without a line ending.
std::string format_workflow_command(std::string_view path, const Diagnostic& d);

// Returns a Renderer writing the github format to `out`, which must outlive
// it.
std::unique_ptr<Renderer> make_github_renderer(std::ostream& out,
                                               const GithubOptions& options);

}  // namespace fmkit
