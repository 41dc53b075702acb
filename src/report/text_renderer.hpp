// SPDX-License-Identifier: MIT
//
// The text format: diagnostics written like a compiler's, one header line,
// then the source line and a caret under the span:
//
//   content/a.md:3:8: error: expected a string, got 42 [schema.type]
//   title: 42
//          ^~
//
// The marker starts at the span's first column and covers the span up to
// its end or, for a span over several lines, to the end of its first line.
// Columns on the marker line are display columns: CJK and other wide
// characters take two, tabs are expanded to tab stops in both the quoted
// line and the marker, control characters and invalid UTF-8 are shown as
// U+FFFD, as they are in the file name and the message
// (to_terminal_text()). A line wider than 240 columns is quoted as a 240-column
// window that starts 60 columns before the span (or where the line starts or
// ends), each cut marked "...". A diagnostic without a position prints only
// "path: error: ...";
// one whose line is not in the report's text prints only its header. The
// closing summary line is format_summary(). Not thread-safe.
#pragma once

#include "diag/diagnostic.hpp"
#include "report/renderer.hpp"

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

namespace fmkit {

enum class UseColor { no, yes };

enum class SummaryLine { always, on_errors, never };

struct TextOptions {
  // ANSI colors: bold location and message, bold red "error:", bold magenta
  // "warning:", bold green marker. Default: none.
  UseColor color = UseColor::no;
  // Columns between tab stops when quoting a line with tabs. Default: 8.
  size_t tab_width = 8;
  // When Renderer::end() prints the summary line. Default: always.
  SummaryLine summary = SummaryLine::always;
};

// A source line made printable, and the marker line under it.
struct QuotedLine {
  std::string text;
  std::string marker;  // spaces, then "^" and a "~" per further column
};

// Quotes `line` (one line of text, without its ending) marking the bytes
// [`begin`, `end`); offsets are bytes into `line`, clamped to its size, and
// an empty range gets a single "^".
QuotedLine quote_line(std::string_view line, size_t begin, size_t end,
                      size_t tab_width);

// Writes every diagnostic of `report`, in the order they are stored.
void render_text_file(const FileReport& report, const TextOptions& options,
                      std::ostream& out);

// Writes the summary line of `summary` when `options.summary` says so.
void render_summary_line(const Summary& summary, const TextOptions& options,
                         std::ostream& out);

// Writes the unified diff `diff` (edit/unified_diff.hpp), colored when
// `color` says so: file headers bold, hunk headers cyan, removed lines red,
// added lines green.
void render_diff(std::string_view diff, UseColor color, std::ostream& out);

// Returns a Renderer writing the text format to `out`, which must outlive it.
std::unique_ptr<Renderer> make_text_renderer(std::ostream& out,
                                             const TextOptions& options);

}  // namespace fmkit
