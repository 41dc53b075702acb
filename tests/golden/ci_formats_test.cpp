// SPDX-License-Identifier: MIT
//
// End-to-end tests of the output formats for CI (sarif, github, junit,
// gitlab) and of json, through the whole CLI (run_cli, in-process), on the
// site fixtures/formats/: its output in each format must equal
// fixtures/formats/expected/FORMAT.* byte for byte (FMKIT_UPDATE_GOLDEN=1
// rewrites them: review the diff before committing). The site is copied to
// a temp folder "site/" under a folder with a ".git" folder (the
// repository root as fmkit finds it, without running git), so the paths
// code hosts get ("site/content/a.md") do not depend on where the sources
// are or whether they are a git checkout; the temp folder's absolute path,
// which SARIF names as the root, is written "/REPO" in the goldens.
//
// Then: the SARIF validates against the official SARIF 2.1.0 schema
// (tests/data/sarif/, with fmkit's own validator), the json output against
// fmkit's published schema (schemas/fmkit-validate-output.schema.json),
// GitLab fingerprints are stable across runs and edits elsewhere in the
// file and distinct per finding, and GITHUB_ACTIONS=true picks github.
// The JUnit XML is checked against tests/data/junit/junit.xsd by the CTest
// cli.junit_matches_xsd (xmllint).
#include "cli/cli_run.hpp"
#include "golden/golden.hpp"
#include "run/file_reader.hpp"
#include "run/scoped_temp_dir.hpp"
#include "schema/schema_registry.hpp"
#include "schema/validator.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing_support::check_golden;
using testing_support::CliResult;
using testing_support::environment_in;
using testing_support::FixtureRepo;
using testing_support::read_bytes;

const fs::path k_source = FMKIT_SOURCE_DIR;
const fs::path k_fixture = k_source / "fixtures/formats";

// The fixture site in a repository of its own: REPO/.git, REPO/site/.
class CiFormatsGolden : public testing::Test {
 protected:
  fs::path site() const { return m_repo.site(); }

  // Runs `fmkit validate args...` in REPO/site, with GITHUB_ACTIONS=true
  // when `github_actions`; the temp folder is written "/REPO".
  CliResult validate(std::vector<std::string> args,
                     bool github_actions = false) const {
    args.insert(args.begin(), "validate");
    CliEnvironment environment = environment_in(site());
    environment.github_actions = github_actions;
    CliResult result = testing_support::run_fmkit(args, environment);
    result.out = m_repo.stable(result.out);
    return result;
  }

  // Runs `fmkit validate --format format`; expects exit 1 (the fixture has
  // errors) and nothing on standard error.
  std::string output(const std::string& format) const {
    CliResult result = validate({"--format", format});
    EXPECT_EQ(result.code, 1) << format;
    EXPECT_EQ(result.err, "") << format;
    return result.out;
  }

  FixtureRepo m_repo{k_fixture, {"fmkit.yaml", "post.schema.json", "content"}};
};

TEST_F(CiFormatsGolden, EachFormatMatchesItsGolden) {
  const std::map<std::string, std::string> k_goldens = {
      {"text", "text.txt"},    {"json", "json.json"},
      {"sarif", "sarif.json"}, {"github", "github.txt"},
      {"junit", "junit.xml"},  {"gitlab", "gitlab.json"},
  };
  for (const auto& [format, golden] : k_goldens) {
    check_golden(k_fixture / "expected" / golden, output(format));
  }
}

TEST_F(CiFormatsGolden, GithubIsTheDefaultOnGithubActions) {
  CliResult defaulted = validate({}, true);
  EXPECT_EQ(defaulted.code, 1);
  EXPECT_EQ(defaulted.out, output("github"));
  EXPECT_TRUE(defaulted.out.starts_with("::error file=site/content/"));
  // --format still decides.
  EXPECT_EQ(validate({"--format", "text"}, true).out, output("text"));
  EXPECT_EQ(validate({}, false).out, output("text"));
}

TEST_F(CiFormatsGolden, OutsideGitPathsAreFromTheConfigFolder) {
  // Without REPO/.git, the root is the folder of fmkit.yaml, REPO/site,
  // wherever fmkit runs.
  fs::remove(m_repo.path() / ".git");
  CliEnvironment environment = environment_in(site() / "content");
  CliResult result = testing_support::run_fmkit(
      {"validate", "--format", "gitlab", "--config", "../fmkit.yaml"},
      environment);
  EXPECT_EQ(result.code, 1);
  std::set<std::string> paths;
  for (const json& issue : json::parse(result.out)) {
    paths.insert(issue["location"]["path"]);
  }
  EXPECT_EQ(paths, (std::set<std::string>{"content/50%, été.md",
                                          "content/two-lines.md",
                                          "content/warnings-only.md"}));
}

TEST_F(CiFormatsGolden, GitlabFingerprintsAreStableAndDistinct) {
  auto fingerprints = [&] {
    json issues = json::parse(output("gitlab"));
    std::map<std::string, std::string> out;  // fingerprint -> where
    for (const json& issue : issues) {
      std::string where =
          issue["location"]["path"].get<std::string>() + ":" +
          issue["check_name"].get<std::string>() + ":" +
          std::to_string(issue["location"]["lines"]["begin"].get<int>());
      EXPECT_TRUE(out.emplace(issue["fingerprint"], where).second)
          << "two issues share " << issue["fingerprint"];
    }
    EXPECT_EQ(out.size(), issues.size());
    return out;
  };
  std::map<std::string, std::string> first = fingerprints();
  EXPECT_EQ(first.size(), 7u);
  EXPECT_EQ(fingerprints(), first);

  // A line added above the findings moves them, and keeps their identity.
  fs::path file = site() / "content/50%, été.md";
  std::string text = read_bytes(file);
  std::ofstream(file, std::ios::binary)
      << text.replace(0, 4, "---\n# a comment\n");
  std::map<std::string, std::string> moved = fingerprints();
  ASSERT_EQ(moved.size(), first.size());
  for (const auto& [print, where] : first) {
    ASSERT_TRUE(moved.contains(print)) << where;
    if (where.starts_with("site/content/50%")) {
      EXPECT_NE(moved[print], where) << "the line should have moved";
    } else {
      EXPECT_EQ(moved[print], where);
    }
  }
}

// Loads the JSON Schema at `path` with fmkit's own SchemaRegistry.
std::shared_ptr<const CompiledSchema> load_schema(const fs::path& path) {
  static SchemaRegistry registry(
      [](const fs::path& file) { return read_whole_file(file); });
  auto schema = registry.load(path);
  if (!schema) {
    ADD_FAILURE() << "cannot load " << path << ": "
                  << schema.error()[0].diagnostics[0].message;
    return nullptr;
  }
  return *schema;
}

// The problems `schema` finds in `value`, one "pointer: message" a line.
std::string violations(const std::shared_ptr<const CompiledSchema>& schema,
                       const json& value) {
  std::vector<Diagnostic> diagnostics;
  Validator(schema).validate(value, diagnostics);
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += d.pointer + ": " + d.message + " [" + d.rule + "]\n";
  }
  return out;
}

const fs::path k_sarif_schema =
    k_source / "tests/data/sarif/sarif-schema-2.1.0.json";

// Every value of `key` anywhere in `value`.
void collect(const json& value, const std::string& key,
             std::vector<json>& out) {
  if (value.is_object()) {
    for (const auto& [name, member] : value.items()) {
      if (name == key) out.push_back(member);
      collect(member, key, out);
    }
  } else if (value.is_array()) {
    for (const json& item : value) collect(item, key, out);
  }
}

TEST(SarifSchemaTest, DraftFourSchemaReadsTheSameAsDraftSeven) {
  // See tests/data/sarif/README.md: fmkit validates draft-07; the SARIF
  // schema is draft-04. They differ for boolean exclusiveMinimum and
  // exclusiveMaximum (draft-04 only) and "id" (draft-07 "$id"); the file
  // has no such bound, and every "$ref" in it is local.
  json schema = json::parse(read_bytes(k_sarif_schema));
  EXPECT_EQ(schema["$schema"], "http://json-schema.org/draft-04/schema#");
  for (const char* bound : {"exclusiveMinimum", "exclusiveMaximum"}) {
    std::vector<json> values;
    collect(schema, bound, values);
    for (const json& value : values) EXPECT_FALSE(value.is_boolean()) << bound;
  }
  std::vector<json> refs;
  collect(schema, "$ref", refs);
  EXPECT_FALSE(refs.empty());
  for (const json& ref : refs) {
    EXPECT_TRUE(ref.get<std::string>().starts_with("#/definitions/")) << ref;
  }
}

TEST_F(CiFormatsGolden, SarifIsValidAgainstTheOfficialSchema) {
  auto schema = load_schema(k_sarif_schema);
  ASSERT_NE(schema, nullptr);
  json sarif = json::parse(output("sarif"));
  EXPECT_EQ(violations(schema, sarif), "");

  // The validator does look: a level SARIF lacks and a line 0 are caught.
  json broken = sarif;
  broken["runs"][0]["results"][0]["level"] = "fatal";
  broken["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]
        ["startLine"] = 0;
  std::string found = violations(schema, broken);
  EXPECT_NE(found.find("/runs/0/results/0/level"), std::string::npos) << found;
  EXPECT_NE(found.find("/runs/0/results/1/locations/0/physicalLocation/"
                       "region/startLine"),
            std::string::npos)
      << found;
}

TEST(SarifSchemaTest, SarifOfEveryInvalidPostIsValid) {
  auto schema = load_schema(k_sarif_schema);
  ASSERT_NE(schema, nullptr);
  CliResult result = testing_support::run_fmkit(
      {"validate", "--format", "sarif", "--schema", "schemas/post.schema.json",
       "fixtures/invalid", "no-such-folder"},
      environment_in(k_source));
  EXPECT_EQ(result.code, 2);  // no-such-folder
  json sarif = json::parse(result.out);
  // A result per diagnostic of the json format.
  json diagnostics =
      json::parse(testing_support::run_fmkit(
                      {"validate", "--format", "json", "--schema",
                       "schemas/post.schema.json", "fixtures/invalid"},
                      environment_in(k_source))
                      .out)["diagnostics"];
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_EQ(sarif["runs"][0]["results"].size(), diagnostics.size());
  EXPECT_EQ(
      sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"].size(),
      1u);
  EXPECT_EQ(violations(schema, sarif), "");
}

const fs::path k_output_schema =
    k_source / "schemas/fmkit-validate-output.schema.json";

TEST_F(CiFormatsGolden, JsonIsValidAgainstItsPublishedSchema) {
  auto schema = load_schema(k_output_schema);
  ASSERT_NE(schema, nullptr);
  json output = json::parse(this->output("json"));
  EXPECT_EQ(violations(schema, output), "");

  json broken = output;
  broken["diagnostics"][0]["severity"] = "note";
  broken["diagnostics"][1]["column"] = 0;
  broken["diagnostics"][2].erase("rule");
  std::string found = violations(schema, broken);
  EXPECT_NE(found.find("/diagnostics/0/severity"), std::string::npos) << found;
  EXPECT_NE(found.find("/diagnostics/1/column"), std::string::npos) << found;
  EXPECT_NE(found.find("'rule'"), std::string::npos) << found;

  json dialects = output;
  dialects["dialects"] = {{"a.md", "json"}, {"b.md", "toml"}};
  EXPECT_EQ(violations(schema, dialects), "");
  dialects["dialects"]["c.md"] = "yaml";  // YAML files are not listed
  found = violations(schema, dialects);
  EXPECT_NE(found.find("/dialects"), std::string::npos) << found;
  dialects["dialects"] = json::object();
  EXPECT_NE(violations(schema, dialects), "");
}

TEST(JsonOutputSchemaTest, EveryInvalidPostGoldenIsValid) {
  auto schema = load_schema(k_output_schema);
  ASSERT_NE(schema, nullptr);
  size_t posts = 0;
  for (const auto& entry :
       fs::directory_iterator(k_source / "fixtures/invalid")) {
    if (entry.path().extension() != ".md") continue;
    fs::path golden = fs::path(entry.path()).replace_extension(".json");
    json output = json::parse(read_bytes(golden));
    EXPECT_EQ(violations(schema, output), "") << golden;
    ++posts;
  }
  EXPECT_NE(posts, 0u);
}

}  // namespace
}  // namespace fmkit
