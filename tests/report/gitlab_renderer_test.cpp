// SPDX-License-Identifier: MIT
#include "report/gitlab_renderer.hpp"

#include "base/source_span.hpp"
#include "report/fingerprint.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

namespace fmkit {
namespace {

TEST(GitlabRendererTest, OneIssuePerDiagnosticOneALine) {
  std::string text = "---\ntitle: 42\ndraft: no\n---\n";
  LineIndex lines(text);
  FileReport report{"posts/a.md", text, {}};
  report.diagnostics.push_back(Diagnostic{Severity::error, "schema.type",
                                          "'title' must be a string", "/title",
                                          lines.span(11, 13)});
  report.diagnostics.push_back(Diagnostic{Severity::warning, "yaml11-bool",
                                          "'no' \xff", "/draft",
                                          lines.span(21, 23)});
  FileReport problem{"drafts", "", {}};
  problem.diagnostics.push_back(
      Diagnostic{Severity::error, "path.no-match", "no file", "", {}});

  std::ostringstream out;
  auto renderer = make_gitlab_renderer(out, GitlabOptions{{"/r/site", "/r"}});
  renderer->begin(2);
  renderer->file(report, {});
  renderer->file(FileReport{"posts/b.md", "", {}}, {});
  renderer->end(RunEnd{Summary{}, 2, std::span(&problem, 1)});

  std::vector<std::string> prints =
      fingerprints("site/posts/a.md", report.diagnostics);
  std::string drafts = fingerprints("site/drafts", problem.diagnostics)[0];
  EXPECT_EQ(
      out.str(),
      "[\n"
      "  {\"description\": \"'title' must be a string\", \"check_name\": "
      "\"schema.type\", \"fingerprint\": \"" +
          prints[0] +
          "\", "
          "\"severity\": \"major\", \"location\": {\"path\": "
          "\"site/posts/a.md\", \"lines\": {\"begin\": 2, \"end\": 2}}},\n"
          "  {\"description\": \"'no' \xEF\xBF\xBD\", \"check_name\": "
          "\"yaml11-bool\", \"fingerprint\": \"" +
          prints[1] +
          "\", "
          "\"severity\": \"minor\", \"location\": {\"path\": "
          "\"site/posts/a.md\", \"lines\": {\"begin\": 3, \"end\": 3}}},\n"
          "  {\"description\": \"no file\", \"check_name\": "
          "\"path.no-match\", \"fingerprint\": \"" +
          drafts +
          "\", "
          "\"severity\": \"major\", \"location\": {\"path\": "
          "\"site/drafts\", \"lines\": {\"begin\": 1, \"end\": 1}}}\n"
          "]\n");
  EXPECT_NE(prints[0], prints[1]);
  EXPECT_EQ(nlohmann::json::parse(out.str()).size(), 3u);
}

TEST(GitlabRendererTest, NoIssuesIsAnEmptyArray) {
  std::ostringstream out;
  auto renderer = make_gitlab_renderer(out, GitlabOptions{{"/r", "/r"}});
  renderer->begin(0);
  renderer->end(RunEnd{});
  EXPECT_EQ(out.str(), "[]\n");
}

}  // namespace
}  // namespace fmkit
