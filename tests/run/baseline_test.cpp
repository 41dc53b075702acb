// SPDX-License-Identifier: MIT
#include "run/baseline.hpp"

#include "report/render_support.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fmkit {
namespace {

using testing_support::render;
using testing_support::ScopedTempDir;

Diagnostic finding(std::string rule, std::string pointer, uint32_t line) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.message = "m";
  d.pointer = std::move(pointer);
  d.span = {{line, 1, 0}, {line, 2, 1}};
  return d;
}

std::string rules(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += d.rule + "@" + d.pointer + ":" + std::to_string(d.span.begin.line) +
           " ";
  }
  return out;
}

TEST(BaselineTest, WriterRecordsFindingsInAStableOrderWithCounts) {
  BaselineWriter writer;
  std::vector<Diagnostic> b = {finding("schema.type", "/tags/0", 3),
                               finding("schema.type", "/tags/0", 4),
                               finding("io", "", 0)};
  std::vector<Diagnostic> a = {finding("yaml11-bool", "/draft", 2),
                               finding("schema.enum", "/status", 5)};
  EXPECT_EQ(writer.add("b.md", b), 2u);
  EXPECT_EQ(writer.add("a \"q\".md", a), 2u);
  EXPECT_EQ(rules(b), "io@:0 ");  // a failure is not a finding
  EXPECT_TRUE(a.empty());
  EXPECT_EQ(writer.findings(), 4u);
  EXPECT_EQ(writer.text(),
            "{\n"
            "  \"version\": 1,\n"
            "  \"findings\": [\n"
            "    {\"file\": \"a \\\"q\\\".md\", \"rule\": \"schema.enum\", "
            "\"pointer\": \"/status\"},\n"
            "    {\"file\": \"a \\\"q\\\".md\", \"rule\": \"yaml11-bool\", "
            "\"pointer\": \"/draft\"},\n"
            "    {\"file\": \"b.md\", \"rule\": \"schema.type\", \"pointer\": "
            "\"/tags/0\", \"count\": 2}\n"
            "  ]\n"
            "}\n");
  EXPECT_EQ(BaselineWriter().text(),
            "{\n  \"version\": 1,\n  \"findings\": []\n}\n");
}

TEST(BaselineTest, WrittenTextReadsBack) {
  BaselineWriter writer;
  std::vector<Diagnostic> a = {finding("r", "/p", 1), finding("r", "/p", 2)};
  writer.add("a.md", a);
  auto baseline = Baseline::parse(writer.text(), "base.json");
  ASSERT_TRUE(baseline) << render(baseline.error());
  std::vector<Diagnostic> again = {finding("r", "/p", 7), finding("r", "/p", 9),
                                   finding("r", "/p", 11)};
  EXPECT_EQ(baseline->suppress("a.md", again), 2u);
  EXPECT_EQ(rules(again), "r@/p:11 ");
}

TEST(BaselineTest, MatchesByFileRuleAndPointerNotByLine) {
  auto baseline = Baseline::parse(
      R"({"version": 1, "findings": [
        {"file": "a.md", "rule": "schema.enum", "pointer": "/status"},
        {"file": "a.md", "rule": "schema.type", "pointer": "/tags/1", "count": 2},
        {"file": "gone.md", "rule": "x", "pointer": ""}]})",
      "base.json");
  ASSERT_TRUE(baseline) << render(baseline.error());
  std::vector<Diagnostic> a = {
      finding("schema.enum", "/status", 40),  // moved down: still matched
      finding("schema.enum", "/area", 41),    // other pointer: new
      finding("schema.type", "/tags/1", 42),  // counts used up one by one
      finding("schema.type", "/tags/1", 43),
      finding("schema.type", "/tags/1", 44),      // the third is new
      finding("schema.required", "/status", 45),  // other rule: new
  };
  EXPECT_EQ(baseline->suppress("a.md", a), 3u);
  EXPECT_EQ(rules(a),
            "schema.enum@/area:41 schema.type@/tags/1:44 "
            "schema.required@/status:45 ");
  std::vector<Diagnostic> other = {finding("schema.enum", "/status", 1)};
  EXPECT_EQ(baseline->suppress("b.md", other), 0u);  // another file
  // gone.md was not checked and lies in no scope: not counted as fixed.
  EXPECT_EQ(baseline->unmatched(RunScope{}, "/site"), 0u);
  // A whole run covers it: gone.
  EXPECT_EQ(baseline->unmatched(RunScope{{"/"}}, "/site"), 1u);
}

TEST(BaselineTest, FindingsNotMetInCheckedFilesAreUnmatched) {
  auto baseline = Baseline::parse(
      R"({"version": 1, "findings": [
        {"file": "a.md", "rule": "r", "pointer": "/x", "count": 3},
        {"file": "sub/b.md", "rule": "r", "pointer": "/x"},
        {"file": "c.md", "rule": "r", "pointer": "/x"}]})",
      "base.json");
  ASSERT_TRUE(baseline) << render(baseline.error());
  std::vector<Diagnostic> a = {finding("r", "/x", 1)};
  baseline->suppress("a.md", a);
  // a.md: 2 of 3 no longer occur; sub/b.md is in the walked folder.
  EXPECT_EQ(baseline->unmatched(RunScope{{"/site/sub"}}, "/site"), 3u);
  EXPECT_EQ(baseline->unmatched(RunScope{}, "/site"), 2u);
}

struct BadBaseline {
  const char* text;
  const char* expected;  // the header of the first problem
};

TEST(BaselineTest, BadFilesAreReportedAtTheirPlace) {
  const BadBaseline cases[] = {
      {"{\"version\": 1,\n \"findings\": [}\n",
       "base.json:2:15: error: invalid JSON: "},
      {"", "base.json: error: invalid JSON: the file is empty"},
      {"[]",
       "base.json:1:1: error: a baseline is a JSON object with "
       "'version' and 'findings' [baseline.invalid]"},
      {"{\"version\": 2, \"findings\": []}",
       "base.json:1:13: error: unsupported baseline version 2 (this fmkit "
       "reads version 1) [baseline.invalid]"},
      {"{\"version\": 1, \"finding\": []}",
       "base.json:1:1: error: a baseline needs 'findings', a list "
       "[baseline.invalid]"},
      {"{\"version\": 1, \"findings\": [\n  {\"file\": \"a.md\", \"rul\": "
       "\"r\", \"pointer\": \"\"}]}",
       "base.json:2:3: error: a finding needs 'rule' [baseline.invalid]"},
      {"{\"version\": 1, \"findings\": [{\"file\": 3, \"rule\": \"r\", "
       "\"pointer\": \"\", \"count\": 0}]}",
       "base.json:1:38: error: 'file' must be a string, got 3 "
       "[baseline.invalid]\nbase.json:1:78: error: 'count' must be a whole "
       "number of at least 1, got 0 [baseline.invalid]\n"},
  };
  for (const BadBaseline& c : cases) {
    auto baseline = Baseline::parse(c.text, "base.json");
    ASSERT_FALSE(baseline) << c.text;
    EXPECT_TRUE(
        testing_support::headers(baseline.error()).starts_with(c.expected))
        << render(baseline.error());
  }
}

TEST(BaselineTest, UnknownKeysGetADidYouMean) {
  auto baseline = Baseline::parse(
      "{\"version\": 1, \"findings\": [{\"file\": \"a\", \"rule\": \"r\", "
      "\"pointer\": \"\", \"cuont\": 2}]}",
      "base.json");
  ASSERT_FALSE(baseline);
  EXPECT_EQ(testing_support::headers(baseline.error()),
            "base.json:1:71: error: unknown key 'cuont' in a baseline (did "
            "you mean 'count'?) [baseline.invalid]\n");
}

TEST(BaselineTest, LoadAndWriteReportProblemsInTheOneForm) {
  ScopedTempDir dir;
  auto missing = Baseline::load(dir.path() / "nope.json", "nope.json");
  ASSERT_FALSE(missing);
  EXPECT_EQ(render(missing.error()),
            "nope.json: error: cannot read the baseline: no such file or "
            "directory [io]\n");
  ASSERT_TRUE(write_baseline(dir.path() / "b.json", "b.json", "one\n"));
  ASSERT_TRUE(write_baseline(dir.path() / "b.json", "b.json", "two\n"));
  EXPECT_EQ(dir.read("b.json"), "two\n");
  auto failed = write_baseline(dir.path() / "no/b.json", "no/b.json", "x");
  ASSERT_FALSE(failed);
  EXPECT_TRUE(render(failed.error())
                  .starts_with("no/b.json: error: cannot write the baseline: "))
      << render(failed.error());
}

}  // namespace
}  // namespace fmkit
