// SPDX-License-Identifier: MIT
#include "report/text_renderer.hpp"

#include "base/source_span.hpp"
#include "report/display_width.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace fmkit {
namespace {

// A report on `text` with one diagnostic over the bytes [begin, end).
FileReport report_on(std::string text, size_t begin, size_t end,
                     Severity severity = Severity::error) {
  FileReport report;
  report.path = "posts/a.md";
  report.text = std::move(text);
  Diagnostic d;
  d.severity = severity;
  d.rule = "schema.type";
  d.message = "expected a string, got 42";
  d.pointer = "/title";
  d.span = LineIndex(report.text).span(begin, end);
  report.diagnostics.push_back(d);
  return report;
}

std::string render(const FileReport& report, TextOptions options = {}) {
  std::ostringstream out;
  render_text_file(report, options, out);
  return out.str();
}

TEST(TextRendererTest, QuotesTheLineAndUnderlinesTheValue) {
  // "42" is at bytes 11-13, line 2, column 8.
  EXPECT_EQ(render(report_on("---\ntitle: 42\n---\nbody\n", 11, 13)),
            "posts/a.md:2:8: error: expected a string, got 42 [schema.type]\n"
            "title: 42\n"
            "       ^~\n");
}

TEST(TextRendererTest, WarningsAndEmptySpans) {
  EXPECT_EQ(
      render(report_on("---\ntitle: 42\n---\n", 11, 11, Severity::warning)),
      "posts/a.md:2:8: warning: expected a string, got 42 [schema.type]\n"
      "title: 42\n"
      "       ^\n");
}

TEST(TextRendererTest, WideCharactersTakeTwoColumns) {
  // 《埃》 is 3 code points, 9 bytes, 6 columns.
  std::string text = "---\ntitle: 《埃》 x\n---\n";
  EXPECT_EQ(render(report_on(text, 11, 20)),
            "posts/a.md:2:8: error: expected a string, got 42 [schema.type]\n"
            "title: 《埃》 x\n"
            "       ^~~~~~\n");
  // The header counts code points (column 12); the marker, columns (14).
  EXPECT_EQ(render(report_on(text, 21, 22)),
            "posts/a.md:2:12: error: expected a string, got 42 [schema.type]\n"
            "title: 《埃》 x\n"
            "              ^\n");
}

TEST(TextRendererTest, CrlfLinesAreQuotedWithoutTheirCarriageReturn) {
  EXPECT_EQ(render(report_on("---\r\ntitle: 42\r\n---\r\n", 12, 14)),
            "posts/a.md:2:8: error: expected a string, got 42 [schema.type]\n"
            "title: 42\n"
            "       ^~\n");
}

TEST(TextRendererTest, BomIsNotQuoted) {
  EXPECT_EQ(render(report_on("\xEF\xBB\xBF---\ntitle: 42\n---\n", 0, 6)),
            "posts/a.md:1:1: error: expected a string, got 42 [schema.type]\n"
            "---\n"
            "^~~\n");
}

TEST(TextRendererTest, MultiLineSpansAreClippedToTheFirstLine) {
  // From "- a" (line 3) to the end of "- b" (line 4).
  EXPECT_EQ(render(report_on("---\ntags:\n  - a\n  - b\n---\n", 12, 21)),
            "posts/a.md:3:3: error: expected a string, got 42 [schema.type]\n"
            "  - a\n"
            "  ^~~\n");
}

TEST(TextRendererTest, TabsAreExpandedInTheLineAndTheMarker) {
  EXPECT_EQ(render(report_on("---\nk:\t\"v\"\n---\n", 7, 10)),
            "posts/a.md:2:4: error: expected a string, got 42 [schema.type]\n"
            "k:      \"v\"\n"
            "        ^~~\n");
  TextOptions options;
  options.tab_width = 4;
  EXPECT_EQ(render(report_on("---\nk:\t\"v\"\n---\n", 7, 10), options),
            "posts/a.md:2:4: error: expected a string, got 42 [schema.type]\n"
            "k:  \"v\"\n"
            "    ^~~\n");
}

TEST(TextRendererTest, ControlCharactersAndBadUtf8AreReplaced) {
  EXPECT_EQ(render(report_on("---\nk: \x1b[31m\xff\n---\n", 7, 14)),
            "posts/a.md:2:4: error: expected a string, got 42 [schema.type]\n"
            "k: \xEF\xBF\xBD[31m\xEF\xBF\xBD\n"
            "   ^~~~~~\n");
}

// A byte-order mark inside the text (yaml.bom) would be invisible.
TEST(TextRendererTest, StrayByteOrderMarkIsShown) {
  EXPECT_EQ(render(report_on("---\n\xEF\xBB\xBFk: 1\n---\n", 4, 7)),
            "posts/a.md:2:1: error: expected a string, got 42 [schema.type]\n"
            "\xEF\xBF\xBDk: 1\n"
            "^\n");
}

// A 1 MB line must not print 2 MB per diagnostic: a line wider than 240
// columns shows 240 of them, from 60 before the span, "..." at each cut.
TEST(TextRendererTest, LongLinesAreQuotedAsAWindowAroundTheSpan) {
  const std::string a(1000, 'a');
  const std::string b(1000, 'b');
  // The span (the first 'b') is far from both ends.
  QuotedLine middle = quote_line(a + b, 1000, 1001, 8);
  EXPECT_EQ(middle.text,
            "..." + std::string(60, 'a') + std::string(180, 'b') + "...");
  EXPECT_EQ(middle.marker, std::string(63, ' ') + "^");
  // Near the start: no cut before; a span running to the end is clipped.
  QuotedLine start = quote_line(a + b, 10, 2000, 8);
  EXPECT_EQ(start.text, std::string(240, 'a') + "...");
  EXPECT_EQ(start.marker, std::string(10, ' ') + "^" + std::string(229, '~'));
  // Near the end: the window ends with the line.
  QuotedLine end = quote_line(a + b, 1990, 1995, 8);
  EXPECT_EQ(end.text, "..." + std::string(240, 'b'));
  EXPECT_EQ(end.marker, std::string(3 + 230, ' ') + "^~~~~");
  // At the very end of the line.
  QuotedLine after = quote_line(a + b, 2000, 2000, 8);
  EXPECT_EQ(after.text, "..." + std::string(240, 'b'));
  EXPECT_EQ(after.marker, std::string(3 + 240, ' ') + "^");
  // Wide characters count two columns; one cut by the window is left out.
  std::string wide;
  for (int i = 0; i < 200; ++i) wide += "\xE5\x9F\x83";  // 埃
  QuotedLine cjk = quote_line(wide, 3 * 100, 3 * 101, 8);
  EXPECT_EQ(cjk.text.substr(0, 3), "...");
  EXPECT_EQ(display_width(cjk.text), 3 + 240 + 3);
  EXPECT_EQ(cjk.marker, std::string(3 + 60, ' ') + "^~");
  // Lines up to the limit are quoted whole.
  EXPECT_EQ(quote_line(std::string(240, 'x'), 239, 240, 8).text,
            std::string(240, 'x'));
}

// A key read from a file ("\e]0;pwned\a", written with escapes in a
// double-quoted YAML key) and a file name with a line feed are printed with
// U+FFFD for their control characters, like the quoted line.
TEST(TextRendererTest, ControlCharactersInNamesAndMessagesAreReplaced) {
  FileReport report = report_on("---\ntitle: 42\n---\n", 11, 13);
  report.path = "b\nad.md";
  report.diagnostics[0].message = "unknown key '\x1B]0;pwned\x07'";
  EXPECT_EQ(render(report),
            "b\xEF\xBF\xBD"
            "ad.md:2:8: error: unknown key "
            "'\xEF\xBF\xBD]0;pwned\xEF\xBF\xBD' [schema.type]\n"
            "title: 42\n"
            "       ^~\n");
}

TEST(TextRendererTest, DiagnosticsWithoutPositionOrTextGetOnlyTheHeader) {
  FileReport report;
  report.path = "README.md";
  report.diagnostics.push_back(Diagnostic{
      Severity::warning,
      "config.no-collection",
      "not validated: no collection in 'fmkit.yaml' includes this file",
      "",
      {}});
  EXPECT_EQ(render(report),
            "README.md: warning: not validated: no collection in 'fmkit.yaml' "
            "includes this file [config.no-collection]\n");

  // A position but no text kept: header only.
  FileReport no_text = report_on("---\ntitle: 42\n---\n", 11, 13);
  no_text.text.clear();
  no_text.diagnostics[0].rule.clear();
  EXPECT_EQ(render(no_text),
            "posts/a.md:2:8: error: expected a string, got 42\n");
}

TEST(TextRendererTest, ColorsWhenAsked) {
  TextOptions options;
  options.color = UseColor::yes;
  EXPECT_EQ(render(report_on("---\ntitle: 42\n---\n", 11, 13), options),
            "\x1b[1mposts/a.md:2:8:\x1b[0m \x1b[1;31merror:\x1b[0m\x1b[1m "
            "expected a string, got 42 [schema.type]\x1b[0m\n"
            "title: 42\n"
            "       \x1b[1;32m^~\x1b[0m\n");
  EXPECT_TRUE(
      render(report_on("---\ntitle: 42\n---\n", 11, 13, Severity::warning),
             options)
          .starts_with(
              "\x1b[1mposts/a.md:2:8:\x1b[0m \x1b[1;35mwarning:\x1b[0m"));
}

TEST(TextRendererTest, RendererPrintsFilesThenTheSummary) {
  std::ostringstream out;
  TextOptions options;
  auto renderer = make_text_renderer(out, options);
  FileReport clean;
  clean.path = "b.md";
  FileReport bad = report_on("---\ntitle: 42\n---\n", 11, 13);
  Summary summary;
  summary.add(bad);
  summary.add(clean);
  renderer->begin(2);
  renderer->file(bad, {});
  renderer->file(clean, {});
  renderer->end(RunEnd{summary, 1, {}});
  EXPECT_EQ(out.str(),
            "posts/a.md:2:8: error: expected a string, got 42 [schema.type]\n"
            "title: 42\n"
            "       ^~\n"
            "2 files, 1 with errors, 1 error, 0 warnings\n");
}

TEST(TextRendererTest, SummaryLineOnErrorsOnlyOrNever) {
  Summary clean{3, 0, 0, 1};
  Summary failing{3, 1, 2, 0};
  for (auto [mode, summary, expected] :
       {std::tuple{SummaryLine::on_errors, clean, ""},
        std::tuple{SummaryLine::on_errors, failing,
                   "3 files, 1 with errors, 2 errors, 0 warnings\n"},
        std::tuple{SummaryLine::never, failing, ""},
        std::tuple{SummaryLine::always, clean,
                   "3 files, 0 with errors, 0 errors, 1 warning\n"}}) {
    std::ostringstream out;
    TextOptions options;
    options.summary = mode;
    make_text_renderer(out, options)->end(RunEnd{summary, 0, {}});
    EXPECT_EQ(out.str(), expected);
  }
}

TEST(SummaryTest, CountsAndSpellsPlurals) {
  Summary summary;
  EXPECT_EQ(format_summary(summary),
            "0 files, 0 with errors, 0 errors, 0 warnings");
  FileReport report;
  report.diagnostics.push_back(Diagnostic{Severity::error, "r", "m", "", {}});
  report.diagnostics.push_back(Diagnostic{Severity::warning, "r", "m", "", {}});
  summary.add(report);
  EXPECT_EQ(summary, (Summary{1, 1, 1, 1}));
  EXPECT_EQ(format_summary(summary),
            "1 file, 1 with errors, 1 error, 1 warning");
  report.diagnostics.push_back(Diagnostic{Severity::warning, "r", "m", "", {}});
  summary.add(report);
  summary.add(FileReport{});
  EXPECT_EQ(format_summary(summary),
            "3 files, 2 with errors, 2 errors, 3 warnings");
}

TEST(DisplayWidthTest, CountsTerminalColumns) {
  EXPECT_EQ(display_width(""), 0u);
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("é"), 1u);
  EXPECT_EQ(display_width("e\xCC\x81"), 1u);  // e + combining acute
  EXPECT_EQ(display_width("《埃》"), 6u);
  EXPECT_EQ(display_width("한국어"), 6u);
  EXPECT_EQ(display_width("ＡＢ"), 4u);  // fullwidth forms
  EXPECT_EQ(display_width("🎉"), 2u);
  EXPECT_EQ(display_width("\xff"), 1u);
  EXPECT_EQ(display_width("\xE5\x9F"),
            2u);  // a truncated sequence: 2 bad bytes
}

}  // namespace
}  // namespace fmkit
