// SPDX-License-Identifier: MIT
//
// The junit format: JUnit XML as GitLab's test reports and Jenkins read it
// (the shape of Jenkins' junit-10.xsd): one <testsuites> holding one
// <testsuite name="fmkit validate">, a <testcase> per file checked
//
//   <testcase name="docs/a.md" classname="posts">
//     <failure message="3:8: 'title' must be a string, got number 42"
//     type="schema.type">docs/a.md:3:8: error: ... [schema.type]
//   title: 42
//          ^~
//   </failure>
//     <system-out>...the file's warnings, in the text format...</system-out>
//   </testcase>
//
// A file with errors fails: its <failure> carries the first error as
// message and type, and every error in the text format (text_renderer.hpp,
// no colors) as text; its warnings go to <system-out>. `name` is the path
// relative to the repository root, `classname` the file's collection (or
// "fmkit"). Problems outside the files' content (a PATH that matched
// nothing) are test cases too, with an <error> (counted in `errors`).
// Text is escaped for XML 1.0 (report/escape.hpp): invalid UTF-8 and the
// control characters XML forbids become U+FFFD. The counts stand in the
// opening tags, so the test cases are kept, as rendered text, until the
// end; the reports' source text is not. A file reported twice (its own
// report, then the findings of the rules across files) is one test case. No
// times or timestamps: the same run gives the same bytes. Not thread-safe.
#pragma once

#include "report/renderer.hpp"
#include "report/repository_paths.hpp"

#include <iosfwd>
#include <memory>

namespace fmkit {

struct JunitOptions {
  // How files are named relative to the repository root.
  RepositoryPaths paths;
};

// Returns a Renderer writing the junit format to `out`, which must outlive
// it.
std::unique_ptr<Renderer> make_junit_renderer(std::ostream& out,
                                              const JunitOptions& options);

}  // namespace fmkit
