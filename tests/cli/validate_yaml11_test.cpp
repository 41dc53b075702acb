// SPDX-License-Identifier: MIT
//
// `yaml: "1.1"` collections and `--max-warnings`, end to end through
// run_cli.
#include "cli/cli.hpp"
#include "cli/cli_run.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace fmkit {
namespace {

using testing_support::CliResult;
using testing_support::environment_in;
using testing_support::run_fmkit;
using testing_support::ScopedTempDir;

class ValidateYaml11Test : public testing::Test {
 protected:
  void SetUp() override {
    write_config("");
    m_site.write("post.json",
                 R"({"properties": {"draft": {"type": "boolean"},)"
                 R"( "mode": {"type": "integer", "maximum": 511}}})");
    m_site.write("content/a.md", "---\ndraft: no\nmode: 0755\n---\n");
  }

  // fmkit.yaml with one collection, `extra` added to its settings.
  void write_config(const std::string& extra) {
    m_site.write("fmkit.yaml",
                 "collections:\n  posts:\n    include: 'content/*.md'\n"
                 "    schema: post.json\n" +
                     extra);
  }

  CliResult validate(std::vector<std::string> args) {
    args.insert(args.begin(), "validate");
    return run_fmkit(args, environment_in(m_site.path()));
  }

  ScopedTempDir m_site;
};

TEST_F(ValidateYaml11Test, ACollectionReadsAsItsGeneratorDoes) {
  // YAML 1.2: 'no' is a string, 0755 is 755.
  CliResult r12 = validate({"--no-cache"});
  EXPECT_EQ(r12.code, 1);
  EXPECT_NE(r12.out.find("content/a.md:2:8: error: 'draft' must be a "
                         "boolean, got string \"no\""),
            std::string::npos)
      << r12.out;
  EXPECT_NE(r12.out.find("[yaml11-bool]"), std::string::npos);
  EXPECT_NE(r12.out.find("content/a.md:3:7: error:"), std::string::npos);

  // YAML 1.1: false and 493; the one disagreement is named.
  write_config("    yaml: '1.1'\n");
  CliResult r11 = validate({"--no-cache"});
  EXPECT_EQ(r11.code, 0);
  EXPECT_EQ(r11.out,
            "content/a.md:2:8: warning: 'no' is the boolean false in PyYAML "
            "and Jekyll but the string \"no\" in Eleventy's js-yaml 3; fmkit "
            "reads the boolean false, as most of them do; write false, or "
            "quote it to keep a string: 'no' [yaml11-ambiguous]\n"
            "draft: no\n"
            "       ^~\n"
            "1 file, 0 with errors, 0 errors, 1 warning\n");
  EXPECT_EQ(r11.err, "");
}

// The cache key holds the reading: a warm cache never serves the other
// mode's results.
TEST_F(ValidateYaml11Test, SwitchingTheModeNeverServesStaleResults) {
  CliResult cold12 = validate({});
  EXPECT_EQ(validate({}).out, cold12.out);
  write_config("    yaml: '1.1'\n");
  CliResult r11 = validate({});
  EXPECT_EQ(r11.code, 0);
  EXPECT_EQ(r11.out, validate({"--no-cache"}).out);
  write_config("");
  EXPECT_EQ(validate({}).out, cold12.out);
}

TEST_F(ValidateYaml11Test, MaxWarningsTurnsTooManyWarningsIntoExit1) {
  write_config("    yaml: '1.1'\n");
  m_site.write("content/b.md", "---\ndraft: off\n---\n");  // 2 warnings
  const std::string summary = "2 files, 0 with errors, 0 errors, 2 warnings\n";
  struct Case {
    std::vector<std::string> args;
    std::string err;  // "" when the run exits 0
  };
  auto too_many = [](std::string n) {
    return "fmkit found too many warnings: 2, more than --max-warnings " + n +
           "\n";
  };
  const Case cases[] = {
      {{}, ""},
      {{"--max-warnings", "-1"}, ""},
      {{"--max-warnings", "2"}, ""},
      {{"--max-warnings", "1"}, too_many("1")},
      {{"--max-warnings=0"}, too_many("0")},
      {{"--max-warnings", "1", "--quiet"}, too_many("1")},  // as in ESLint
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = c.args;
    args.push_back("--no-cache");
    CliResult r = validate(args);
    SCOPED_TRACE(testing::PrintToString(c.args));
    EXPECT_EQ(r.code, c.err.empty() ? 0 : 1);
    EXPECT_EQ(r.err, c.err);
    if (c.err.empty()) {
      EXPECT_TRUE(r.out.ends_with(summary)) << r.out;
    }
  }
}

TEST_F(ValidateYaml11Test, MaxWarningsSetsTheExitCodeOfEveryFormat) {
  write_config("    yaml: '1.1'\n");
  for (const char* format :
       {"text", "json", "sarif", "github", "junit", "gitlab"}) {
    CliResult r =
        validate({"--no-cache", "--format", format, "--max-warnings", "0"});
    EXPECT_EQ(r.code, 1) << format;
    EXPECT_EQ(r.err,
              "fmkit found too many warnings: 1, more than --max-warnings 0\n")
        << format;
  }
  // SARIF records the exit code.
  CliResult sarif =
      validate({"--no-cache", "--format", "sarif", "--max-warnings", "0"});
  nlohmann::json log = nlohmann::json::parse(sarif.out);
  EXPECT_EQ(log["runs"][0]["invocations"][0]["exitCode"], 1);
}

TEST_F(ValidateYaml11Test, WarningsTheBaselineHoldsDoNotCount) {
  write_config("    yaml: '1.1'\n");
  EXPECT_EQ(validate({"--no-cache", "--write-baseline", "baseline.json"}).code,
            0);
  m_site.write("content/b.md", "---\ndraft: off\n---\n");  // one new warning
  CliResult r = validate(
      {"--no-cache", "--baseline", "baseline.json", "--max-warnings", "1"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(validate({"--no-cache", "--baseline", "baseline.json",
                      "--max-warnings", "0"})
                .code,
            1);
}

TEST_F(ValidateYaml11Test, MaxWarningsBelowMinusOneIsAUsageError) {
  CliResult r = validate({"--max-warnings", "-2"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(r.err.starts_with("fmkit: error: ")) << r.err;
  EXPECT_NE(r.err.find("--max-warnings"), std::string::npos) << r.err;
}

TEST_F(ValidateYaml11Test, ErrorsStillExit1AndTheMessageStillShows) {
  write_config("    yaml: '1.1'\n");
  m_site.write("content/c.md", "---\ndraft: maybe\n---\n");
  CliResult r = validate({"--no-cache", "--max-warnings", "0"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err,
            "fmkit found too many warnings: 1, more than --max-warnings 0\n");
}

}  // namespace
}  // namespace fmkit
