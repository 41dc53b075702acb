// SPDX-License-Identifier: MIT
#include "report/sarif_renderer.hpp"

#include "base/source_span.hpp"
#include "diag/rules.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

namespace fmkit {
namespace {

using nlohmann::json;

// The repository is /r; fmkit runs in /r/site.
const SarifOptions k_options{RepositoryPaths{"/r/site", "/r"}, "9.8.7"};

// Renders `reports` as a run ending with `exit_code` and `problems`.
std::string render(const std::vector<FileReport>& reports, int exit_code = 1,
                   const std::vector<FileReport>& problems = {}) {
  std::ostringstream out;
  auto renderer = make_sarif_renderer(out, k_options);
  renderer->begin(reports.size());
  for (const FileReport& report : reports) renderer->file(report, {});
  renderer->end(RunEnd{Summary{}, exit_code, problems});
  return out.str();
}

FileReport report_with_enum_error() {
  // "été" is 3 code points in 5 bytes: "x" is at byte 17, column 12.
  FileReport report;
  report.path = "posts/a b.md";
  report.text = "---\ntitle: été x\n---\n";
  report.diagnostics.push_back(Diagnostic{Severity::error, "schema.enum",
                                          "'x' is not allowed", "/title",
                                          LineIndex(report.text).span(17, 18)});
  report.diagnostics.push_back(Diagnostic{
      Severity::warning, "yaml11-bool", "'no' is a boolean", "/draft", {}});
  return report;
}

TEST(SarifRendererTest, DriverListsEveryRuleOfTheCatalog) {
  json log = json::parse(render({}));
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const json& driver = log["runs"][0]["tool"]["driver"];
  EXPECT_EQ(driver["name"], "fmkit");
  EXPECT_EQ(driver["version"], "9.8.7");
  EXPECT_EQ(driver["informationUri"], k_fmkit_home);
  ASSERT_EQ(driver["rules"].size(), rule_catalog().size());
  for (size_t i = 0; i < rule_catalog().size(); ++i) {
    const RuleInfo& rule = rule_catalog()[i];
    const json& out = driver["rules"][i];
    EXPECT_EQ(out["id"], rule.id);
    EXPECT_EQ(out["shortDescription"]["text"], rule.summary);
    EXPECT_EQ(out["help"]["text"], rule.help);
    EXPECT_EQ(out["helpUri"], rule_help_uri(rule));
    EXPECT_EQ(out["defaultConfiguration"]["level"],
              rule.severity == Severity::error ? "error" : "warning");
  }
  EXPECT_EQ(log["runs"][0]["results"], json::array());
}

TEST(SarifRendererTest, ResultsHaveRulesLevelsAndRegionsInCodePoints) {
  json run = json::parse(render({report_with_enum_error()}))["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  EXPECT_EQ(run["originalUriBaseIds"]["SRCROOT"]["uri"], "file:///r/");
  ASSERT_EQ(run["results"].size(), 2u);
  const json& error = run["results"][0];
  EXPECT_EQ(error["ruleId"], "schema.enum");
  EXPECT_EQ(error["ruleIndex"], *find_rule("schema.enum"));
  EXPECT_EQ(error["level"], "error");
  EXPECT_EQ(error["message"]["text"], "'x' is not allowed");
  EXPECT_EQ(error["properties"]["pointer"], "/title");
  const json& location = error["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"],
            json({{"uri", "site/posts/a%20b.md"}, {"uriBaseId", "SRCROOT"}}));
  EXPECT_EQ(location["region"], json({{"startLine", 2},
                                      {"startColumn", 12},
                                      {"endLine", 2},
                                      {"endColumn", 13}}));
  // A diagnostic without a position has a location without a region.
  const json& warning = run["results"][1];
  EXPECT_EQ(warning["level"], "warning");
  EXPECT_FALSE(warning["locations"][0]["physicalLocation"].contains("region"));
  // Fingerprints differ per result and are the same under both keys.
  const json& prints = error["partialFingerprints"];
  EXPECT_EQ(prints["fmkit/v1"], prints["primaryLocationLineHash"]);
  EXPECT_NE(prints["fmkit/v1"], warning["partialFingerprints"]["fmkit/v1"]);
}

TEST(SarifRendererTest, FileOutsideTheRootHasItsAbsoluteUri) {
  FileReport report = report_with_enum_error();
  report.path = "../../elsewhere/a.md";
  json result = json::parse(render({report}))["runs"][0]["results"][0];
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["artifactLocation"],
            json({{"uri", "file:///elsewhere/a.md"}}));
}

TEST(SarifRendererTest, InvocationCarriesExitCodeAndProblems) {
  FileReport problem;
  problem.path = "drafts";
  problem.diagnostics.push_back(Diagnostic{Severity::error,
                                           "path.no-match",
                                           "no Markdown file in 'drafts'",
                                           "",
                                           {}});
  json run = json::parse(render({}, 2, {problem}))["runs"][0];
  const json& invocation = run["invocations"][0];
  EXPECT_EQ(invocation["exitCode"], 2);
  EXPECT_EQ(invocation["executionSuccessful"], false);
  ASSERT_EQ(invocation["toolExecutionNotifications"].size(), 1u);
  const json& note = invocation["toolExecutionNotifications"][0];
  EXPECT_EQ(note["associatedRule"]["id"], "path.no-match");
  EXPECT_EQ(note["associatedRule"]["index"], *find_rule("path.no-match"));
  EXPECT_EQ(note["message"]["text"], "no Markdown file in 'drafts'");

  json clean = json::parse(render({}, 0))["runs"][0]["invocations"][0];
  EXPECT_EQ(clean["exitCode"], 0);
  EXPECT_EQ(clean["executionSuccessful"], true);
  EXPECT_EQ(clean["toolExecutionNotifications"], json::array());
}

TEST(SarifRendererTest, RegionWithoutAnOrderedEndHasOnlyItsStart) {
  FileReport report = report_with_enum_error();
  report.diagnostics.resize(1);
  report.diagnostics[0].span.end = {};
  json region =
      json::parse(render({report}))["runs"][0]["results"][0]["locations"][0]
                                   ["physicalLocation"]["region"];
  EXPECT_EQ(region, json({{"startLine", 2}, {"startColumn", 12}}));
}

TEST(SarifRendererTest, SameRunSameBytes) {
  EXPECT_EQ(render({report_with_enum_error()}),
            render({report_with_enum_error()}));
}

}  // namespace
}  // namespace fmkit
