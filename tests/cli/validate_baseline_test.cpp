// SPDX-License-Identifier: MIT
//
// `fmkit validate --write-baseline` and `--baseline`, end to end through
// run_cli: gradual adoption of fmkit on a site with findings.
#include "cli/cli.hpp"
#include "cli/cli_run.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::CliResult;
using testing_support::environment_in;
using testing_support::run_fmkit;
using testing_support::ScopedTempDir;

constexpr const char* k_bad =
    "---\ntitle: 42\nstatus: drfat\ndraft: yes\n---\nbody\n";

class ValidateBaselineTest : public testing::Test {
 protected:
  void SetUp() override {
    m_site.write("site/fmkit.yaml",
                 "collections:\n  posts:\n    include: 'content/**/*.md'\n"
                 "    schema: post.json\n");
    m_site.write(
        "site/post.json",
        R"({"required": ["title"], "properties": {"title": {"type": "string"},)"
        R"( "status": {"enum": ["draft", "done"]}}})");
    m_site.write("site/content/good.md", "---\ntitle: Good\n---\n");
    m_site.write("site/content/old/bad.md", k_bad);
  }

  // Runs validate in the site's parent folder (paths shown as site/...).
  CliResult validate(std::vector<std::string> args) {
    args.insert(args.begin(), {"validate", "--config", "site/fmkit.yaml"});
    return run_fmkit(args, environment_in(m_site.path()));
  }

  ScopedTempDir m_site;
};

TEST_F(ValidateBaselineTest, WriteBaselineRecordsTodaysFindingsAndExits0) {
  CliResult r = validate({"--write-baseline", "site/baseline.json"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out,
            "2 files, 0 with errors, 0 errors, 0 warnings\n"
            "3 findings written to the baseline site/baseline.json\n");
  EXPECT_EQ(r.err, "");
  // Paths are relative to the config file's folder; no lines.
  EXPECT_EQ(m_site.read("site/baseline.json"),
            "{\n"
            "  \"version\": 1,\n"
            "  \"findings\": [\n"
            "    {\"file\": \"content/old/bad.md\", \"rule\": \"schema.enum\", "
            "\"pointer\": \"/status\"},\n"
            "    {\"file\": \"content/old/bad.md\", \"rule\": \"schema.type\", "
            "\"pointer\": \"/title\"},\n"
            "    {\"file\": \"content/old/bad.md\", \"rule\": \"yaml11-bool\", "
            "\"pointer\": \"/draft\"}\n"
            "  ]\n"
            "}\n");
  // The same run with the baseline it wrote prints the same.
  CliResult again = validate({"--baseline", "site/baseline.json"});
  EXPECT_EQ(again.code, 0);
  EXPECT_EQ(again.out,
            "2 files, 0 with errors, 0 errors, 0 warnings\n"
            "3 findings suppressed by the baseline\n");
}

TEST_F(ValidateBaselineTest, OnlyNewFindingsAreReported) {
  validate({"--write-baseline", "site/baseline.json"});
  // Lines inserted above the old findings, and a new one in a new file.
  m_site.write("site/content/old/bad.md",
               "---\n# a comment\nsummary: added\n"
               "title: 42\nstatus: drfat\ndraft: yes\n---\nbody\n");
  m_site.write("site/content/new.md", "---\ntitle: New\nstatus: dnoe\n---\n");
  CliResult r = validate({"--baseline", "site/baseline.json"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out,
            "site/content/new.md:3:9: error: 'dnoe' is not an allowed value "
            "for 'status'; expected one of: draft, done (did you mean "
            "'done'?) [schema.enum]\n"
            "status: dnoe\n"
            "        ^~~~\n"
            "3 files, 1 with errors, 1 error, 0 warnings\n"
            "3 findings suppressed by the baseline\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(ValidateBaselineTest, FixedFindingsAreCountedWithoutFailing) {
  validate({"--write-baseline", "site/baseline.json"});
  m_site.write("site/content/old/bad.md",
               "---\ntitle: Fixed\nstatus: drfat\n---\n");
  CliResult r = validate({"--baseline", "site/baseline.json"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out,
            "2 files, 0 with errors, 0 errors, 0 warnings\n"
            "1 finding suppressed by the baseline\n"
            "2 baseline findings no longer occur; run 'fmkit validate "
            "--write-baseline site/baseline.json' to drop them\n");
  // A file removed: its findings no longer occur either.
  fs::remove(m_site.path() / "site/content/old/bad.md");
  EXPECT_EQ(validate({"--baseline", "site/baseline.json"}).out,
            "1 file, 0 with errors, 0 errors, 0 warnings\n"
            "3 baseline findings no longer occur; run 'fmkit validate "
            "--write-baseline site/baseline.json' to drop them\n");
}

TEST_F(ValidateBaselineTest, ARunOverSomeFilesJudgesOnlyThose) {
  validate({"--write-baseline", "site/baseline.json"});
  fs::remove(m_site.path() / "site/content/old/bad.md");
  // good.md alone: bad.md's entries are neither used nor called fixed.
  EXPECT_EQ(
      validate({"--baseline", "site/baseline.json", "site/content/good.md"})
          .out,
      "1 file, 0 with errors, 0 errors, 0 warnings\n");
  // The folder bad.md was in was walked: its findings are gone.
  EXPECT_EQ(validate({"--baseline", "site/baseline.json", "site/content/old",
                      "--no-error-on-unmatched-pattern"})
                .out,
            "0 files, 0 with errors, 0 errors, 0 warnings\n"
            "3 baseline findings no longer occur; run 'fmkit validate "
            "--write-baseline site/baseline.json' to drop them\n");
}

TEST_F(ValidateBaselineTest, JsonOutputLeavesSuppressedFindingsOut) {
  validate({"--write-baseline", "site/baseline.json"});
  m_site.write("site/content/new.md", "---\ntitle: 1\n---\n");
  CliResult r =
      validate({"--baseline", "site/baseline.json", "--format", "json"});
  EXPECT_EQ(r.code, 1);
  nlohmann::json out = nlohmann::json::parse(r.out);
  ASSERT_EQ(out["diagnostics"].size(), 1u);
  EXPECT_EQ(out["diagnostics"][0]["file"], "site/content/new.md");
  // The notes go to standard error, keeping standard output one document.
  EXPECT_EQ(r.err, "3 findings suppressed by the baseline\n");
}

TEST_F(ValidateBaselineTest, AMissingOrBrokenBaselineIsAnError) {
  CliResult missing = validate({"--baseline", "nope.json"});
  EXPECT_EQ(missing.code, 2);
  EXPECT_EQ(missing.out, "");
  EXPECT_EQ(missing.err,
            "nope.json: error: cannot read the baseline: no such file or "
            "directory [io]\n");
  m_site.write("broken.json", "{\"version\": 1,\n \"findings\": [,]}\n");
  CliResult broken = validate({"--baseline", "broken.json"});
  EXPECT_EQ(broken.code, 2);
  EXPECT_EQ(broken.out, "");
  EXPECT_TRUE(broken.err.starts_with("broken.json:2:15: error: invalid JSON"))
      << broken.err;
  CliResult both = validate({"--baseline", "a.json", "--write-baseline", "b"});
  EXPECT_EQ(both.code, 2);
  EXPECT_NE(both.err.find("[usage]"), std::string::npos) << both.err;
}

TEST_F(ValidateBaselineTest, NoBaselineIsWrittenWhenAFileCannotBeChecked) {
  CliResult r = validate({"--write-baseline", "site/baseline.json",
                          "site/content", "site/content/missing.md"});
  EXPECT_EQ(r.code, 2);
  EXPECT_FALSE(fs::exists(m_site.path() / "site/baseline.json"));
  EXPECT_NE(r.err.find("site/baseline.json: error: the baseline is not "
                       "written: a file could not be checked [io]"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace fmkit
