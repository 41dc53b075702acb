// SPDX-License-Identifier: MIT
#include "report/github_renderer.hpp"

#include "base/source_span.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace fmkit {
namespace {

Diagnostic diagnostic(Severity severity, std::string message,
                      SourceSpan span = {}) {
  return Diagnostic{severity, "schema.enum", std::move(message), "/status",
                    span};
}

SourceSpan span(uint32_t line, uint32_t column, uint32_t end_line,
                uint32_t end_column) {
  return SourceSpan{{line, column, 0}, {end_line, end_column, 0}};
}

TEST(GithubRendererTest, ErrorOnOneLineHasEveryProperty) {
  EXPECT_EQ(format_workflow_command(
                "docs/a.md", diagnostic(Severity::error, "'x' is not allowed",
                                        span(3, 9, 3, 16))),
            "::error file=docs/a.md,line=3,col=9,endLine=3,endColumn=16,"
            "title=schema.enum::'x' is not allowed");
}

TEST(GithubRendererTest, SpanOverSeveralLinesHasNoColumns) {
  // The runner drops columns when the lines differ; fmkit leaves them out.
  EXPECT_EQ(format_workflow_command(
                "a.md", diagnostic(Severity::warning, "m", span(3, 9, 5, 2))),
            "::warning file=a.md,line=3,endLine=5,title=schema.enum::m");
}

TEST(GithubRendererTest, NoPositionIsFileAndTitleOnly) {
  EXPECT_EQ(format_workflow_command("a.md", diagnostic(Severity::error, "m")),
            "::error file=a.md,title=schema.enum::m");
}

TEST(GithubRendererTest, PropertiesAndMessageAreEscaped) {
  // '%', CR and LF everywhere; ':' and ',' in properties only.
  EXPECT_EQ(format_workflow_command(
                "posts/50%, done:1.md",
                diagnostic(Severity::error, "'50%, done: yes'\r\nis wrong",
                           span(1, 1, 1, 2))),
            "::error file=posts/50%25%2C done%3A1.md,line=1,col=1,endLine=1,"
            "endColumn=2,title=schema.enum::'50%25, done: yes'%0D%0Ais wrong");
}

TEST(GithubRendererTest, AnnotationsThenTheWholeTextReport) {
  std::string text = "---\nstatus: x\n---\n";
  FileReport report;
  report.path = "posts/a.md";
  report.text = text;
  LineIndex lines(text);
  report.diagnostics.push_back(
      diagnostic(Severity::error, "'x' is wrong", lines.span(12, 13)));
  FileReport problem;
  problem.path = "missing";
  problem.diagnostics.push_back(
      Diagnostic{Severity::error, "path.no-match", "no file", "", {}});

  std::ostringstream out;
  // The working folder is the repository's "site" folder.
  auto renderer = make_github_renderer(
      out, GithubOptions{RepositoryPaths{"/r/site", "/r"}, TextOptions{}});
  renderer->begin(2);
  renderer->file(FileReport{"posts/b.md", "", {}}, {});
  renderer->file(report, {});
  Summary summary{2, 1, 1, 0};
  renderer->end(RunEnd{summary, 2, std::span(&problem, 1)});
  EXPECT_EQ(out.str(),
            "::error file=site/posts/a.md,line=2,col=9,endLine=2,endColumn=10,"
            "title=schema.enum::'x' is wrong\n"
            "::error file=site/missing,title=path.no-match::no file\n"
            "posts/a.md:2:9: error: 'x' is wrong [schema.enum]\n"
            "status: x\n"
            "        ^\n"
            "2 files, 1 with errors, 1 error, 0 warnings\n");
}

}  // namespace
}  // namespace fmkit
