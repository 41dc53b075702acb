// SPDX-License-Identifier: MIT
//
// Renderer: writes FileReports in one output format (text, json, sarif,
// github, junit, gitlab). A run calls begin() once, file() for each file in
// input order as soon as its report is ready (then once more for each file
// with findings of the rules across files, run/site_rules.hpp, which are
// known only once every file is read), and end() once, so output
// streams and a run over 100k files never holds every report (a format
// whose header needs the whole run's counts keeps its rendered output, never
// the reports' source text). A renderer writes to one stream and is not
// thread-safe.
#pragma once

#include "diag/diagnostic.hpp"
#include "report/summary.hpp"

#include <cstddef>
#include <span>
#include <string_view>

namespace fmkit {

// What a run knows about a file besides its report.
struct FileContext {
  // The collection the file was checked in; "" when it was checked against
  // --schema or in no collection.
  std::string_view collection;
  // The language of its front matter: "yaml", "json", "toml"; "" when it
  // has none (or was not read).
  std::string_view dialect = {};
};

// How a run ended.
struct RunEnd {
  Summary summary;
  // What the command returns: 0 clean, 1 errors in the content, 2 an
  // operational error (a file or PATH that could not be read or matched).
  int exit_code = 0;
  // Problems outside the files' content that did not stop the run (a PATH
  // that matched nothing); the command has printed them to standard error.
  std::span<const FileReport> problems;
};

class Renderer {
 public:
  virtual ~Renderer() = default;

  // Called before the first file; `file_count` is how many file() calls
  // follow.
  virtual void begin(size_t file_count) = 0;

  // Writes the diagnostics of one file (possibly none). Diagnostics are
  // written in the order given; callers sort them with sort_diagnostics().
  virtual void file(const FileReport& report, const FileContext& context) = 0;

  // Called after the last file.
  virtual void end(const RunEnd& run) = 0;
};

}  // namespace fmkit
