// SPDX-License-Identifier: MIT
//
// Renderer: writes FileReports in one output format (text, json, ...). A run
// calls begin() once, file() for each file in input order as soon as its
// report is ready, and end() once, so output streams and a run over 100k
// files never holds every report. A renderer writes to one stream and is
// not thread-safe.
#pragma once

#include "diag/diagnostic.hpp"
#include "report/summary.hpp"

#include <cstddef>

namespace fmkit {

class Renderer {
 public:
  virtual ~Renderer() = default;

  // Called before the first file; `file_count` is how many file() calls
  // follow.
  virtual void begin(size_t file_count) = 0;

  // Writes the diagnostics of one file (possibly none). Diagnostics are
  // written in the order given; callers sort them with sort_diagnostics().
  virtual void file(const FileReport& report) = 0;

  // Called after the last file with the counts of the whole run.
  virtual void end(const Summary& summary) = 0;
};

}  // namespace fmkit
