// SPDX-License-Identifier: MIT
#include "report/json_renderer.hpp"

#include "base/source_span.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

namespace fmkit {
namespace {

TEST(JsonRendererTest, OneDiagnosticPerLineInTheDocumentedShape) {
  std::string text = "---\ntitle: 42\n---\n";
  FileReport clean;
  clean.path = "a.md";
  FileReport bad;
  bad.path = "posts/b \"1\".md";
  bad.text = text;
  bad.diagnostics.push_back(Diagnostic{Severity::error, "schema.type",
                                       "expected a string, got 42", "/title",
                                       LineIndex(text).span(11, 13)});
  bad.diagnostics.push_back(Diagnostic{
      Severity::warning, "config.no-collection", "quote 'x' and \xff", "", {}});

  std::ostringstream out;
  auto renderer = make_json_renderer(out);
  renderer->begin(2);
  renderer->file(clean, {});
  renderer->file(bad, {});
  renderer->end(RunEnd{});
  const std::string expected =
      "{\n"
      "  \"version\": 1,\n"
      "  \"files\": 2,\n"
      "  \"diagnostics\": [\n"
      "    {\"file\": \"posts/b \\\"1\\\".md\", \"line\": 2, \"column\": 8, "
      "\"end_line\": 2, \"end_column\": 10, \"severity\": \"error\", "
      "\"rule\": \"schema.type\", \"pointer\": \"/title\", \"message\": "
      "\"expected a string, got 42\"},\n"
      "    {\"file\": \"posts/b \\\"1\\\".md\", \"line\": null, \"column\": "
      "null, \"end_line\": null, \"end_column\": null, \"severity\": "
      "\"warning\", \"rule\": \"config.no-collection\", \"pointer\": \"\", "
      "\"message\": \"quote 'x' and \xEF\xBF\xBD\"}\n"
      "  ]\n"
      "}\n";
  EXPECT_EQ(out.str(), expected);
  auto parsed = nlohmann::json::parse(out.str());
  EXPECT_EQ(parsed["diagnostics"].size(), 2u);
}

TEST(JsonRendererTest, NoDiagnosticsIsAnEmptyList) {
  std::ostringstream out;
  auto renderer = make_json_renderer(out);
  renderer->begin(0);
  renderer->end(RunEnd{});
  EXPECT_EQ(
      out.str(),
      "{\n  \"version\": 1,\n  \"files\": 0,\n  \"diagnostics\": []\n}\n");
}

}  // namespace
}  // namespace fmkit
