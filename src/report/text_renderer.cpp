// SPDX-License-Identifier: MIT
#include "report/text_renderer.hpp"

#include "base/source_span.hpp"
#include "base/utf8.hpp"
#include "report/display_width.hpp"

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

QuotedLine quote_line(std::string_view line, size_t begin, size_t end,
                      size_t tab_width) {
  begin = std::min(begin, line.size());
  end = std::clamp(end, begin, line.size());
  QuotedLine quoted;
  size_t column = 0;
  size_t begin_column = 0;
  size_t end_column = 0;
  size_t i = 0;
  while (true) {
    // Offsets inside a multi-byte sequence snap to the next code point.
    if (i <= begin) begin_column = column;
    if (i <= end) end_column = column;
    if (i >= line.size()) break;
    const Utf8Char decoded = decode_utf8(line.substr(i));
    const char32_t c = decoded.code_point;
    const size_t length = decoded.length;
    if (c == '\t') {
      size_t stop =
          tab_width == 0 ? column + 1 : (column / tab_width + 1) * tab_width;
      quoted.text.append(stop - column, ' ');
      column = stop;
    } else if (!decoded.valid() || is_control(c) || c == 0xFEFF) {
      // Invalid bytes and control characters (which could drive the
      // terminal) are shown as one replacement character, and so is a
      // byte-order mark, which would be invisible under its caret.
      quoted.text += k_replacement;
      column += 1;
    } else {
      quoted.text.append(line.substr(i, length));
      column += static_cast<size_t>(code_point_width(c));
    }
    i += length;
  }
  size_t width = std::max<size_t>(end_column - begin_column, 1);
  quoted.marker.assign(begin_column, ' ');
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
    std::string location = report.path;
    if (span.valid()) {
      location += ':' + std::to_string(span.begin.line) + ':' +
                  std::to_string(span.begin.column);
    }
    location += ':';
    std::string_view severity =
        d.severity == Severity::error ? "error:" : "warning:";
    std::string message = " " + d.message;
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
