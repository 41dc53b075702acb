// SPDX-License-Identifier: MIT
//
// ProgressLine: one line on standard error while a long run goes on,
//
//   checking 41250/100000 files (41%), 8712/s, 6 s left
//
// drawn only when standard error is a terminal and the caller wants it (not
// under --quiet), only once the run has lasted a second (a quick run shows
// nothing), and redrawn at most ten times a second. The report goes to
// standard output, often the same terminal: everything written through
// out() first erases the line ("\r", then erase to the end of the line),
// and each redraw first flushes standard output, so report lines and the
// progress line never share a row; the line is erased for good by clear()
// and by the destructor. Not thread-safe: call it from the thread that
// writes the report (the thread pool's sink).
#pragma once

#include "cli/cli.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace fmkit {

enum class ShowProgress { on_terminal, never };

class ProgressLine {
 public:
  // A line for `total` files, "<verb> N/total files ...", drawn on `err`
  // when `show` is on_terminal and environment.err_is_terminal; the report
  // goes to `out`.
  ProgressLine(std::ostream& out, std::ostream& err,
               const CliEnvironment& environment, size_t total,
               std::string verb, ShowProgress show);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // The stream to write the report to: `out`, erasing the line first.
  std::ostream& out() { return m_guarded ? *m_guarded : m_out; }

  // Counts one more file done, and draws the line when it is time to.
  void advance();

  // Erases the line if it is drawn.
  void clear();

  // Returns the text of the line for `done` of `total` files after
  // `elapsed`: "checking 41250/100000 files (41%), 8712/s, 6 s left".
  static std::string text(std::string_view verb, size_t done, size_t total,
                          std::chrono::steady_clock::duration elapsed);

 private:
  // Forwards every byte to `out`, erasing the line first.
  class Guard : public std::streambuf {
   public:
    Guard(std::streambuf* target, ProgressLine& line)
        : m_target(target), m_line(line) {}

   protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

   private:
    std::streambuf* m_target;
    ProgressLine& m_line;
  };

  std::chrono::steady_clock::time_point now() const;
  void draw(std::chrono::steady_clock::time_point at);

  std::ostream& m_out;
  std::ostream& m_err;
  std::function<std::chrono::steady_clock::time_point()> m_clock;
  size_t m_total;
  std::string m_verb;
  bool m_enabled;
  std::unique_ptr<Guard> m_guard;
  std::unique_ptr<std::ostream> m_guarded;
  size_t m_done = 0;
  bool m_visible = false;
  std::chrono::steady_clock::time_point m_start;
  std::optional<std::chrono::steady_clock::time_point> m_last_draw;
};

}  // namespace fmkit
