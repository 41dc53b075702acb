// SPDX-License-Identifier: MIT
#include "report/text_renderer.hpp"

#include "base/source_span.hpp"
#include "base/utf8.hpp"
#include "report/display_width.hpp"
#include "report/escape.hpp"

#include <algorithm>
#include <ostream>

namespace fmkit {

namespace {

constexpr std::string_view k_reset = "\x1b[0m";
constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_red = "\x1b[1;31m";
constexpr std::string_view k_magenta = "\x1b[1;35m";
constexpr std::string_view k_green = "\x1b[1;32m";
constexpr std::string_view k_plain_red = "\x1b[31m";
constexpr std::string_view k_plain_green = "\x1b[32m";
constexpr std::string_view k_cyan = "\x1b[36m";
constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD
// A longer line is quoted as a window of this many columns, starting this
// many before the span: a 1 MB line must not print 2 MB per diagnostic.
constexpr size_t k_max_quoted_columns = 240;
constexpr size_t k_quoted_context = 60;

bool is_control(char32_t c) {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0);
}

// Returns the byte offset in `line` of the 1-based code point column `column`.
size_t byte_of_column(std::string_view line, uint32_t column) {
  size_t offset = 0;
  for (uint32_t c = 1; c < column && offset < line.size(); ++c) {
    offset = next_code_point(line, offset);
  }
  return offset;
}

class TextRenderer final : public Renderer {
 public:
  TextRenderer(std::ostream& out, const TextOptions& options)
      : m_out(out), m_options(options) {}

  void begin(size_t) override {}

  void file(const FileReport& report, const FileContext&) override {
    render_text_file(report, m_options, m_out);
  }

  void end(const RunEnd& run) override {
    render_summary_line(run.summary, m_options, m_out);
  }

 private:
  std::ostream& m_out;
  TextOptions m_options;
};

}  // namespace

// The columns of one quoted code point: where it starts and how many it
// takes (a tab up to the next tab stop).
struct Cell {
  Utf8Char decoded;
  size_t column;
  size_t width;
};

// Calls `visit(cell)` for each code point of `line`, with its columns.
template <typename Visit>
void for_each_cell(std::string_view line, size_t tab_width, Visit visit) {
  size_t column = 0;
  for (size_t i = 0; i < line.size();) {
    const Utf8Char decoded = decode_utf8(line.substr(i));
    const char32_t c = decoded.code_point;
    size_t width = 1;
    if (c == '\t') {
      width =
          tab_width == 0 ? 1 : (column / tab_width + 1) * tab_width - column;
    } else if (decoded.valid() && !is_control(c) && c != 0xFEFF) {
      width = static_cast<size_t>(code_point_width(c));
    }
    visit(Cell{decoded, column, width}, i);
    column += width;
    i += decoded.length;
  }
}

QuotedLine quote_line(std::string_view line, size_t begin, size_t end,
                      size_t tab_width) {
  begin = std::min(begin, line.size());
  end = std::clamp(end, begin, line.size());
  // First pass: the columns of the span and of the whole line. Offsets
  // inside a multi-byte sequence snap to the next code point.
  size_t begin_column = 0;
  size_t end_column = 0;
  size_t columns = 0;
  for_each_cell(line, tab_width, [&](const Cell& cell, size_t i) {
    if (i <= begin) begin_column = cell.column;
    if (i <= end) end_column = cell.column;
    columns = cell.column + cell.width;
  });
  if (begin >= line.size()) begin_column = columns;
  if (end >= line.size()) end_column = columns;
  // The window of columns shown: the whole line, or k_max_quoted_columns of
  // it from a little before the span, "..." marking each cut.
  size_t first = 0;
  size_t last = columns;
  if (columns > k_max_quoted_columns) {
    first =
        begin_column > k_quoted_context ? begin_column - k_quoted_context : 0;
    first = std::min(first, columns - k_max_quoted_columns);
    last = first + k_max_quoted_columns;
  }
  // Second pass: the text of the window. Invalid bytes and control
  // characters (which could drive the terminal) are shown as one
  // replacement character, and so is a byte-order mark, which would be
  // invisible under its caret.
  QuotedLine quoted;
  const std::string_view cut = first > 0 ? "..." : "";
  quoted.text = cut;
  for_each_cell(line, tab_width, [&](const Cell& cell, size_t i) {
    if (cell.column < first || cell.column + cell.width > last) return;
    const char32_t c = cell.decoded.code_point;
    if (c == '\t') {
      quoted.text.append(cell.width, ' ');
    } else if (!cell.decoded.valid() || is_control(c) || c == 0xFEFF) {
      quoted.text += k_replacement;
    } else {
      quoted.text.append(line.substr(i, cell.decoded.length));
    }
  });
  if (last < columns) quoted.text += "...";
  begin_column = std::clamp(begin_column, first, last);
  end_column = std::clamp(end_column, begin_column, last);
  size_t width = std::max<size_t>(end_column - begin_column, 1);
  quoted.marker.assign(cut.size() + begin_column - first, ' ');
  quoted.marker += '^';
  quoted.marker.append(width - 1, '~');
  return quoted;
}

void render_text_file(const FileReport& report, const TextOptions& options,
                      std::ostream& out) {
  if (report.diagnostics.empty()) return;
  bool color = options.color == UseColor::yes;
  LineIndex lines(report.text);
  for (const Diagnostic& d : report.diagnostics) {
    const SourceSpan& span = d.span;
    std::string location = to_terminal_text(report.path);
    if (span.valid()) {
      location += ':' + std::to_string(span.begin.line) + ':' +
                  std::to_string(span.begin.column);
    }
    location += ':';
    std::string_view severity =
        d.severity == Severity::error ? "error:" : "warning:";
    std::string message = " " + to_terminal_text(d.message);
    if (!d.rule.empty()) message += " [" + d.rule + "]";
    if (color) {
      out << k_bold << location << k_reset << ' '
          << (d.severity == Severity::error ? k_red : k_magenta) << severity
          << k_reset << k_bold << message << k_reset << '\n';
    } else {
      out << location << ' ' << severity << message << '\n';
    }

    if (!span.valid() || report.text.empty() ||
        span.begin.line > lines.line_count()) {
      continue;
    }
    std::string_view line = lines.line_text(span.begin.line);
    size_t line_start = static_cast<size_t>(line.data() - report.text.data());
    size_t line_end = line_start + line.size();
    // Offsets are exact; the column is the fallback for a span whose offset
    // does not fall on its line (a report built by hand, say).
    size_t begin =
        span.begin.offset >= line_start && span.begin.offset <= line_end
            ? span.begin.offset - line_start
            : byte_of_column(line, span.begin.column);
    size_t end = line.size();
    if (span.end.line == span.begin.line) {
      end = span.end.offset >= line_start && span.end.offset <= line_end
                ? span.end.offset - line_start
                : byte_of_column(line, span.end.column);
    } else if (span.end.line < span.begin.line) {
      end = begin;
    }
    QuotedLine quoted = quote_line(line, begin, end, options.tab_width);
    out << quoted.text << '\n';
    if (color) {
      size_t indent = quoted.marker.find('^');
      out << quoted.marker.substr(0, indent) << k_green
          << quoted.marker.substr(indent) << k_reset << '\n';
    } else {
      out << quoted.marker << '\n';
    }
  }
}

void render_summary_line(const Summary& summary, const TextOptions& options,
                         std::ostream& out) {
  bool print =
      options.summary == SummaryLine::always ||
      (options.summary == SummaryLine::on_errors && summary.errors > 0);
  if (print) out << format_summary(summary) << '\n';
}

void render_diff(std::string_view diff, UseColor color, std::ostream& out) {
  if (color == UseColor::no) {
    out << diff;
    return;
  }
  while (!diff.empty()) {
    size_t end = diff.find('\n');
    end = end == std::string_view::npos ? diff.size() : end + 1;
    std::string_view line = diff.substr(0, end);
    diff.remove_prefix(end);
    bool newline = line.ends_with('\n');
    if (newline) line.remove_suffix(1);
    std::string_view style;
    if (line.starts_with("--- ") || line.starts_with("+++ ")) {
      style = k_bold;
    } else if (line.starts_with("@@")) {
      style = k_cyan;
    } else if (line.starts_with('-')) {
      style = k_plain_red;
    } else if (line.starts_with('+')) {
      style = k_plain_green;
    }
    if (style.empty()) {
      out << line;
    } else {
      out << style << line << k_reset;
    }
    if (newline) out << '\n';
  }
}

std::unique_ptr<Renderer> make_text_renderer(std::ostream& out,
                                             const TextOptions& options) {
  return std::make_unique<TextRenderer>(out, options);
}

}  // namespace fmkit
