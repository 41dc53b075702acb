// SPDX-License-Identifier: MIT
#include "report/junit_renderer.hpp"

#include "base/source_span.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace fmkit {
namespace {

TEST(JunitRendererTest, OneTestCasePerFileFailuresCarryTheErrors) {
  std::string text = "---\ntitle: <42>\ndraft: no\n---\n";
  LineIndex lines(text);
  FileReport bad{"posts/a&b.md", text, {}};
  bad.diagnostics.push_back(Diagnostic{Severity::error, "schema.type",
                                       "'title' must be \"a\" string", "/title",
                                       lines.span(11, 15)});
  bad.diagnostics.push_back(Diagnostic{Severity::warning, "yaml11-bool",
                                       "'no' is a boolean", "/draft",
                                       lines.span(23, 25)});
  FileReport warned{"posts/w.md", text, {bad.diagnostics[1]}};
  FileReport clean{"posts/c.md", "", {}};
  FileReport problem{"drafts", "", {}};
  problem.diagnostics.push_back(
      Diagnostic{Severity::error, "path.no-match", "no file", "", {}});

  std::ostringstream out;
  auto renderer = make_junit_renderer(out, JunitOptions{{"/r", "/r"}});
  renderer->begin(3);
  renderer->file(bad, FileContext{"posts"});
  renderer->file(warned, FileContext{"posts"});
  renderer->file(clean, {});
  renderer->end(RunEnd{Summary{}, 2, std::span(&problem, 1)});
  EXPECT_EQ(
      out.str(),
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"fmkit validate\" tests=\"4\" failures=\"1\" "
      "errors=\"1\">\n"
      "  <testsuite name=\"fmkit validate\" tests=\"4\" failures=\"1\" "
      "errors=\"1\" skipped=\"0\">\n"
      "    <testcase name=\"posts/a&amp;b.md\" classname=\"posts\">\n"
      "      <failure message=\"2:8: &apos;title&apos; must be &quot;a&quot; "
      "string\" type=\"schema.type\">posts/a&amp;b.md:2:8: error: 'title' "
      "must be \"a\" string [schema.type]\n"
      "title: &lt;42&gt;\n"
      "       ^~~~\n"
      "</failure>\n"
      "      <system-out>posts/a&amp;b.md:3:8: warning: 'no' is a boolean "
      "[yaml11-bool]\n"
      "draft: no\n"
      "       ^~\n"
      "</system-out>\n"
      "    </testcase>\n"
      "    <testcase name=\"posts/w.md\" classname=\"posts\">\n"
      "      <system-out>posts/w.md:3:8: warning: 'no' is a boolean "
      "[yaml11-bool]\n"
      "draft: no\n"
      "       ^~\n"
      "</system-out>\n"
      "    </testcase>\n"
      "    <testcase name=\"posts/c.md\" classname=\"fmkit\"/>\n"
      "    <testcase name=\"drafts\" classname=\"fmkit\">\n"
      "      <error message=\"no file\" type=\"path.no-match\">drafts: error: "
      "no file [path.no-match]\n"
      "</error>\n"
      "    </testcase>\n"
      "  </testsuite>\n"
      "</testsuites>\n");
}

TEST(JunitRendererTest, NoFilesIsAnEmptySuite) {
  std::ostringstream out;
  auto renderer = make_junit_renderer(out, JunitOptions{{"/r", "/r"}});
  renderer->begin(0);
  renderer->end(RunEnd{});
  EXPECT_EQ(out.str(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"fmkit validate\" tests=\"0\" failures=\"0\" "
            "errors=\"0\">\n"
            "  <testsuite name=\"fmkit validate\" tests=\"0\" failures=\"0\" "
            "errors=\"0\" skipped=\"0\">\n"
            "  </testsuite>\n"
            "</testsuites>\n");
}

}  // namespace
}  // namespace fmkit
