// SPDX-License-Identifier: MIT
//
// The whole CLI, in-process, through run_cli with string streams and a
// CliEnvironment whose working folder is a temp dir (no chdir).
#include "cli/cli.hpp"

#include "cli/cli_run.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::ScopedTempDir;

using testing_support::CliResult;
using testing_support::environment_in;
using testing_support::run_fmkit;

constexpr const char* k_config = R"(collections:
  posts:
    include: ["content/posts/**/*.md"]
    exclude: ["content/posts/drafts/"]
    schema: schemas/post.schema.json
  notes:
    include: "content/notes/*.md"
    schema: schemas/note.schema.json
    require_front_matter: false
)";

constexpr const char* k_post_schema = R"({
  "$schema": "http://json-schema.org/draft-07/schema#",
  "type": "object",
  "required": ["title"],
  "properties": {"title": {"type": "string"}, "draft": {"type": "boolean"}},
  "additionalProperties": false
})";

class CliTest : public testing::Test {
 protected:
  void SetUp() override {
    m_site.write("fmkit.yaml", k_config);
    m_site.write("schemas/post.schema.json", k_post_schema);
    m_site.write("schemas/note.schema.json", R"({"type": "object"})");
    m_site.write("content/posts/good.md", "---\ntitle: Hello\n---\nbody\n");
    m_site.write("content/posts/2024/bad.md", "---\ntitle: 42\n---\nbody\n");
    m_site.write("content/posts/drafts/wip.md", "---\ntitle: 1\n---\n");
    m_site.write("content/notes/plain.md", "no front matter\n");
    m_site.write("content/notes/yes.md", "---\ndraft: yes\n---\n");
    m_site.write("README.md", "# readme\n");
  }

  CliResult validate(std::vector<std::string> args) {
    args.insert(args.begin(), "validate");
    return run_fmkit(args, environment_in(m_site.path()));
  }

  ScopedTempDir m_site;
};

// --- Dispatch and usage ----------------------------------------------------

TEST(CliDispatchTest, NoCommandPrintsUsageAndExits2) {
  CliResult r = run_fmkit({}, environment_in("/"));
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(r.err.starts_with("usage: fmkit <command> [options]\n")) << r.err;
}

TEST(CliDispatchTest, HelpPrintsUsageAndExits0) {
  for (const char* help : {"--help", "-h", "help"}) {
    CliResult r = run_fmkit({help}, environment_in("/"));
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("  validate  "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("  dump      "), std::string::npos) << r.out;
    EXPECT_EQ(r.err, "");
  }
}

TEST(CliDispatchTest, VersionExits0) {
  CliResult r = run_fmkit({"--version"}, environment_in("/"));
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "fmkit 0.1.0\n");
}

TEST(CliDispatchTest, UnknownCommandSuggestsTheNearest) {
  CliResult r = run_fmkit({"valdate", "x.md"}, environment_in("/"));
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(
      r.err,
      "fmkit: error: unknown command 'valdate' (did you mean 'validate'?) "
      "[usage]\n");

  r = run_fmkit({"frobnicate"}, environment_in("/"));
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "fmkit: error: unknown command 'frobnicate' (commands: validate, "
            "migrate, init, infer, dump, schema) [usage]\n");

  r = run_fmkit({"--frobnicate"}, environment_in("/"));
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "fmkit: error: unknown option '--frobnicate' (run 'fmkit --help' "
            "for usage) [usage]\n");
}

TEST(CliDispatchTest, SubcommandHelpExits0) {
  for (const char* command : {"validate", "dump"}) {
    CliResult r = run_fmkit({command, "--help"}, environment_in("/"));
    EXPECT_EQ(r.code, 0) << command;
    EXPECT_NE(r.out.find(std::string("fmkit ") + command), std::string::npos)
        << r.out;
    EXPECT_EQ(r.err, "");
  }
}

TEST(CliDispatchTest, UsageErrorsExit2WithFmkitStyle) {
  const std::vector<std::vector<std::string>> bad = {
      {"validate", "--format", "xml", "a.md"},
      {"validate", "--frob"},
      {"validate", "-j", "-3", "a.md"},
      {"validate", "-j", "many", "a.md"},
      {"validate", "--color", "sometimes"},
      {"validate", "--schema", "s.json", "--config", "c.yaml", "a.md"},
      {"dump"},
      {"dump", "a.md", "b.md"},
  };
  for (const auto& args : bad) {
    CliResult r = run_fmkit(args, environment_in("/"));
    EXPECT_EQ(r.code, 2) << args[1];
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(r.err.starts_with("fmkit: error: ")) << r.err;
    EXPECT_NE(
        r.err.find(" [usage]\nrun 'fmkit " + args[0] + " --help' for usage\n"),
        std::string::npos)
        << r.err;
  }
}

TEST(CliDispatchTest, SchemaNeedsPaths) {
  CliResult r =
      run_fmkit({"validate", "--schema", "s.json"}, environment_in("/"));
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "fmkit: error: --schema needs at least one PATH to validate, or "
            "--changed-since, --staged or --files-from [usage]\n");
}

// --- Config problems --------------------------------------------------------

TEST(CliConfigTest, NoConfigFoundExits2) {
  ScopedTempDir empty;
  CliResult r = run_fmkit({"validate"}, environment_in(empty.path()));
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "fmkit: error: no fmkit.yaml in " + empty.path().string() +
                       " or its parents (pass --config FILE, or --schema FILE "
                       "and the paths to validate) [config.missing]\n");
}

TEST(CliConfigTest, MissingConfigFileExits2) {
  ScopedTempDir empty;
  CliResult r = run_fmkit({"validate", "--config", "does-not-exist.yaml"},
                          environment_in(empty.path()));
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "does-not-exist.yaml: error: no such file or directory [io]\n");
}

TEST(CliConfigTest, BadConfigExits2WithEveryProblem) {
  ScopedTempDir dir;
  dir.write("site/fmkit.yaml",
            "collections:\n  posts:\n    includ: ['*.md']\n    schema: s.json\n"
            "colections: {}\n");
  CliResult r = run_fmkit({"validate", "--config", "site/fmkit.yaml"},
                          environment_in(dir.path()));
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "site/fmkit.yaml:2:3: error: collection 'posts' has no 'include' "
            "[config.missing-key]\n"
            "  posts:\n"
            "  ^~~~~\n"
            "site/fmkit.yaml:3:5: error: unknown key 'includ' in collection "
            "'posts' (did you mean 'include'?) [config.unknown-key]\n"
            "    includ: ['*.md']\n"
            "    ^~~~~~\n"
            "site/fmkit.yaml:5:1: error: unknown key 'colections' (did you "
            "mean 'collections'?) [config.unknown-key]\n"
            "colections: {}\n"
            "^~~~~~~~~~\n");
}

TEST_F(CliTest, BadSchemaExits2) {
  m_site.write("schemas/post.schema.json", "{ \"type\": ");
  CliResult r = validate({});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(r.err.starts_with("schemas/post.schema.json")) << r.err;

  r = validate({"--schema", "schemas/nope.json", "content"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("nope.json"), std::string::npos) << r.err;
}

// A schema file that cannot be read is shown where fmkit.yaml names it.
TEST_F(CliTest, UnreadableSchemaIsShownWhereTheConfigNamesIt) {
  fs::remove(m_site.path() / "schemas/note.schema.json");
  CliResult r = validate({});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "fmkit.yaml:8:13: error: cannot read the schema "
            "'schemas/note.schema.json': no such file or directory [io]\n"
            "    schema: schemas/note.schema.json\n"
            "            ^~~~~~~~~~~~~~~~~~~~~~~~\n");
}

// --- Validating -------------------------------------------------------------

TEST_F(CliTest, FindingsExit1) {
  CliResult r = validate({});
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_EQ(r.err, "");
  // Files in sorted order: notes before posts.
  EXPECT_TRUE(r.out.starts_with("content/notes/yes.md:2:8: warning: "))
      << r.out;
  EXPECT_NE(r.out.find("\ncontent/posts/2024/bad.md:2:8: error: "),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\ntitle: 42\n       ^~\n"), std::string::npos) << r.out;
  // good, bad, plain and yes; the draft is excluded, README in no collection.
  EXPECT_TRUE(r.out.ends_with("4 files, 1 with errors, 1 error, 1 warning\n"))
      << r.out;
}

TEST_F(CliTest, CleanExits0) {
  CliResult r = validate({"content/posts/good.md", "content/notes/plain.md"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "2 files, 0 with errors, 0 errors, 0 warnings\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(CliTest, WarningsOnlyExit0AndQuietHidesThem) {
  CliResult r = validate({"content/notes/yes.md"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_TRUE(r.out.starts_with("content/notes/yes.md:2:8: warning: "))
      << r.out;
  EXPECT_NE(r.out.find("[yaml11-bool]\ndraft: yes\n       ^~~\n"),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(r.out.ends_with("1 file, 0 with errors, 0 errors, 1 warning\n"));

  r = validate({"--quiet", "content/notes/yes.md"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "");

  // With errors, --quiet still prints them and the summary.
  r = validate({"-q"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out.find("warning:"), std::string::npos) << r.out;
  EXPECT_TRUE(r.out.starts_with("content/posts/2024/bad.md:2:8: error: "))
      << r.out;
  EXPECT_TRUE(r.out.ends_with("4 files, 1 with errors, 1 error, 1 warning\n"))
      << r.out;
}

TEST_F(CliTest, NamedFileInNoCollectionIsAWarningWalkedOnesAreSkipped) {
  CliResult r = validate({"README.md", "content/posts/good.md"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(r.out,
            "README.md: warning: not checked: no collection in 'fmkit.yaml' "
            "includes this file [config.no-collection]\n"
            "2 files, 0 with errors, 0 errors, 1 warning\n");

  // Walking "." finds README.md and the draft too, but they are in no
  // collection: left out silently.
  r = validate({"."});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(r.out.ends_with("4 files, 1 with errors, 1 error, 1 warning\n"))
      << r.out;
}

TEST_F(CliTest, ConfigInAParentFolderIsFoundAndPathsShownFromHere) {
  CliResult r =
      run_fmkit({"validate"}, environment_in(m_site.path() / "content/posts"));
  EXPECT_EQ(r.code, 1) << r.err;
  // Relative to the working folder, in the shortest form (not
  // "../../content/posts/2024/bad.md").
  EXPECT_TRUE(r.out.starts_with("../notes/yes.md:2:8: warning: ")) << r.out;
  EXPECT_NE(r.out.find("\n2024/bad.md:2:8: error: "), std::string::npos)
      << r.out;

  r = run_fmkit({"validate", "2024"},
                environment_in(m_site.path() / "content/posts"));
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_TRUE(r.out.starts_with("2024/bad.md:2:8: error: ")) << r.out;
  EXPECT_TRUE(r.out.ends_with("1 file, 1 with errors, 1 error, 0 warnings\n"));
}

TEST_F(CliTest, SchemaOptionValidatesThePathsAgainstOneSchema) {
  CliResult r =
      validate({"--schema", "schemas/post.schema.json", "content/notes"});
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_TRUE(r.out.starts_with("content/notes/plain.md:1:1: error: "))
      << r.out;
  EXPECT_NE(r.out.find("[front-matter.missing]"), std::string::npos);
}

TEST_F(CliTest, JsonFormat) {
  CliResult r = validate({"--format", "json", "content/posts", "README.md"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.err, "");
  nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["version"], 1);
  EXPECT_EQ(doc["files"], 3);
  ASSERT_EQ(doc["diagnostics"].size(), 2u) << r.out;
  const nlohmann::json& warning = doc["diagnostics"][0];
  EXPECT_EQ(warning["file"], "README.md");
  EXPECT_EQ(warning["line"], nullptr);
  EXPECT_EQ(warning["severity"], "warning");
  const nlohmann::json& error = doc["diagnostics"][1];
  EXPECT_EQ(error["file"], "content/posts/2024/bad.md");
  EXPECT_EQ(error["line"], 2);
  EXPECT_EQ(error["column"], 8);
  EXPECT_EQ(error["end_line"], 2);
  EXPECT_EQ(error["end_column"], 10);
  EXPECT_EQ(error["severity"], "error");
  EXPECT_EQ(error["pointer"], "/title");
}

TEST_F(CliTest, OneAndEightJobsPrintTheSameBytes) {
  for (int i = 0; i < 60; ++i) {
    std::string n = std::to_string(i);
    m_site.write("content/posts/many/" + n + ".md",
                 i % 3 == 0 ? "---\ntitle: " + n + "\n---\n"
                            : "---\ntitle: '" + n + "'\n---\n");
  }
  for (const char* format : {"text", "json"}) {
    CliResult one = validate({"-j", "1", "--format", format});
    CliResult eight = validate({"-j8", "--format", format});
    EXPECT_EQ(one.code, 1);
    EXPECT_EQ(one.out, eight.out);
    EXPECT_EQ(one.code, eight.code);
  }
}

TEST_F(CliTest, UnreadableFilesAreReportedAndTheOthersStillChecked) {
  fs::create_symlink(m_site.path() / "nowhere.md",
                     m_site.path() / "content/posts/dangling.md");
  // /proc/self/mem opens but can't be read at offset 0: an I/O error
  // mid-run, even as root.
  CliResult r = validate({"--schema", "schemas/post.schema.json", "nope.md",
                          "/proc/self/mem", "content/posts/good.md",
                          "content/posts/dangling.md"});
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_EQ(r.err,
            "nope.md: error: no such file or directory [io]\n"
            "content/posts/dangling.md: error: no such file or directory "
            "[io]\n");
  EXPECT_EQ(r.out,
            "/proc/self/mem: error: input/output error [io]\n"
            "2 files, 1 with errors, 1 error, 0 warnings\n");
}

// --- A check that checks nothing --------------------------------------------

TEST_F(CliTest, ACollectionWithNoFileIsAnErrorAtItsGlobs) {
  m_site.write("fmkit.yaml",
               "collections:\n"
               "  posts:\n"
               "    include: \"contnt/posts/**/*.md\"\n"
               "    schema: schemas/post.schema.json\n"
               "  notes:\n"
               "    include: [\"content/notes/*.md\"]\n"
               "    schema: schemas/note.schema.json\n"
               "    require_front_matter: false\n");
  CliResult r = validate({});
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_EQ(r.err,
            "fmkit.yaml:3:14: error: collection 'posts' has no file: nothing "
            "matches 'contnt/posts/**/*.md'; there is no folder 'contnt' "
            "(did you mean 'content'?) [config.no-match]\n"
            "    include: \"contnt/posts/**/*.md\"\n"
            "             ^~~~~~~~~~~~~~~~~~~~~~\n");
  // The other collection is still checked.
  EXPECT_TRUE(r.out.ends_with("2 files, 0 with errors, 0 errors, 1 warning\n"))
      << r.out;

  r = validate({"--no-error-on-unmatched-pattern"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(
      r.err.starts_with("fmkit.yaml:3:14: warning: collection 'posts' "
                        "has no file"))
      << r.err;
}

TEST_F(CliTest, APathWithNothingToCheckIsAnError) {
  m_site.mkdir("empty");
  m_site.write("docs/readme.txt", "text\n");
  CliResult r = validate({"empty", "content/posts/good.md"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "empty: error: nothing to check: no *.md, *.markdown, *.mdx file "
            "here is in a collection of 'fmkit.yaml' [path.no-match]\n");
  EXPECT_EQ(r.out, "1 file, 0 with errors, 0 errors, 0 warnings\n");

  r = validate({"--schema", "schemas/note.schema.json", "docs"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "docs: error: nothing to check: no *.md, *.markdown, *.mdx file in "
            "this folder [path.no-match]\n");

  r = validate({"--no-error-on-unmatched-pattern", "empty"});
  EXPECT_EQ(r.code, 0);
  EXPECT_TRUE(r.err.starts_with("empty: warning: nothing to check")) << r.err;
}

// --- Colors -----------------------------------------------------------------

TEST_F(CliTest, ColorsOnTerminalsUnlessNoColorOrNever) {
  CliEnvironment terminal = environment_in(m_site.path());
  terminal.out_is_terminal = true;
  const std::string bad = "content/posts/2024/bad.md";
  auto colored = [](const CliResult& r) {
    return r.out.find("\x1b[1;31merror:") != std::string::npos;
  };
  EXPECT_TRUE(colored(run_fmkit({"validate", bad}, terminal)));
  EXPECT_FALSE(
      colored(run_fmkit({"validate", "--color", "never", bad}, terminal)));
  EXPECT_FALSE(colored(validate({bad})));  // a string stream is no terminal
  EXPECT_TRUE(colored(validate({"--color", "always", bad})));

  CliEnvironment no_color = terminal;
  no_color.no_color = true;
  EXPECT_FALSE(colored(run_fmkit({"validate", bad}, no_color)));
  EXPECT_TRUE(
      colored(run_fmkit({"validate", "--color", "always", bad}, no_color)));
}

// --- dump -------------------------------------------------------------------

TEST(CliDumpTest, PrintsFrontMatterAsJsonInDocumentOrder) {
  ScopedTempDir dir;
  dir.write("a.md",
            "---\ntitle: Hello\ndate: '2024-01-02'\ntags: [b, a]\nauthor:\n"
            "  name: X\n  age: 3\nempty: {}\nnone: []\n---\nbody\n");
  CliResult r = run_fmkit({"dump", "a.md"}, environment_in(dir.path()));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "{\n"
            "  \"title\": \"Hello\",\n"
            "  \"date\": \"2024-01-02\",\n"
            "  \"tags\": [\n"
            "    \"b\",\n"
            "    \"a\"\n"
            "  ],\n"
            "  \"author\": {\n"
            "    \"name\": \"X\",\n"
            "    \"age\": 3\n"
            "  },\n"
            "  \"empty\": {},\n"
            "  \"none\": []\n"
            "}\n");
}

TEST(CliDumpTest, PositionsGiveEveryNodesSpans) {
  ScopedTempDir dir;
  dir.write("a.md", "---\ntitle: Hi\ntags:\n  - x\n---\n");
  CliResult r =
      run_fmkit({"dump", "--positions", "a.md"}, environment_in(dir.path()));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(
      r.out,
      "{\n"
      "  \"dialect\": \"yaml\",\n"
      "  \"data\": {\n"
      "    \"title\": \"Hi\",\n"
      "    \"tags\": [\n"
      "      \"x\"\n"
      "    ]\n"
      "  },\n"
      "  \"positions\": {\n"
      "    \"\": {\"value\": {\"line\": 2, \"column\": 1, \"offset\": 4, "
      "\"end_line\": 4, \"end_column\": 6, \"end_offset\": 25}},\n"
      "    \"/title\": {\"key\": {\"line\": 2, \"column\": 1, \"offset\": "
      "4, \"end_line\": 2, \"end_column\": 6, \"end_offset\": 9}, "
      "\"value\": {\"line\": 2, \"column\": 8, \"offset\": 11, "
      "\"end_line\": 2, \"end_column\": 10, \"end_offset\": 13}},\n"
      "    \"/tags\": {\"key\": {\"line\": 3, \"column\": 1, \"offset\": "
      "14, \"end_line\": 3, \"end_column\": 5, \"end_offset\": 18}, "
      "\"value\": {\"line\": 4, \"column\": 3, \"offset\": 22, "
      "\"end_line\": 4, \"end_column\": 6, \"end_offset\": 25}},\n"
      "    \"/tags/0\": {\"value\": {\"line\": 4, \"column\": 5, "
      "\"offset\": 24, \"end_line\": 4, \"end_column\": 6, "
      "\"end_offset\": 25}}\n"
      "  }\n"
      "}\n");
  auto parsed = nlohmann::json::parse(r.out);
  EXPECT_EQ(parsed["data"]["title"], "Hi");
}

TEST(CliDumpTest, BadYamlIsReportedOnStderrAndExits1) {
  ScopedTempDir dir;
  dir.write("bad.md", "---\ntitle: [a\n---\n");
  CliResult r = run_fmkit({"dump", "bad.md"}, environment_in(dir.path()));
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(r.err.starts_with("bad.md:")) << r.err;
  EXPECT_NE(r.err.find(": error: "), std::string::npos) << r.err;

  dir.write("none.md", "just text\n");
  r = run_fmkit({"dump", "none.md"}, environment_in(dir.path()));
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("[front-matter.missing]"), std::string::npos) << r.err;
}

TEST(CliDumpTest, WarningsGoToStderrAndExit0) {
  ScopedTempDir dir;
  dir.write("w.md", "---\ndraft: yes\n---\n");
  CliResult r = run_fmkit({"dump", "w.md"}, environment_in(dir.path()));
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "{\n  \"draft\": \"yes\"\n}\n");
  EXPECT_TRUE(r.err.starts_with("w.md:2:8: warning: ")) << r.err;
}

// dump reads as validate does: as its collection's `yaml:` says, or --yaml.
TEST(CliDumpTest, ReadsAsTheCollectionOrYamlSays) {
  ScopedTempDir dir;
  dir.write("site/fmkit.yaml",
            "collections:\n  posts:\n    include: 'posts/*.md'\n"
            "    schema: s.json\n    yaml: '1.1'\n");
  const char* text = "---\nmode: 0755\ncount: 1_000\n---\n";
  dir.write("site/posts/a.md", text);
  dir.write("site/other/b.md", text);
  const std::string yaml11 = "{\n  \"mode\": 493,\n  \"count\": 1000\n}\n";
  const std::string yaml12 = "{\n  \"mode\": 755,\n  \"count\": \"1_000\"\n}\n";
  auto dump = [&](std::vector<std::string> args, const char* cwd) {
    args.insert(args.begin(), "dump");
    return run_fmkit(args, environment_in(dir.path() / cwd));
  };
  CliResult r = dump({"site/posts/a.md"}, ".");  // no config found: 1.2
  EXPECT_EQ(r.out, yaml12);
  EXPECT_NE(r.err.find("[yaml11-octal]"), std::string::npos) << r.err;
  r = dump({"posts/a.md"}, "site");  // fmkit.yaml found, in a 1.1 collection
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, yaml11);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(dump({"other/b.md"}, "site").out, yaml12);  // in no collection
  EXPECT_EQ(dump({"--config", "site/fmkit.yaml", "site/posts/a.md"}, ".").out,
            yaml11);
  EXPECT_EQ(dump({"--yaml", "1.2", "posts/a.md"}, "site").out, yaml12);
  EXPECT_EQ(dump({"--yaml", "1.1", "site/other/b.md"}, ".").out, yaml11);
  r = dump({"--yaml", "1.0", "posts/a.md"}, "site");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(r.err.starts_with("fmkit: error: ")) << r.err;
}

TEST(CliDumpTest, MissingFileExits2) {
  ScopedTempDir dir;
  CliResult r = run_fmkit({"dump", "nope.md"}, environment_in(dir.path()));
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "nope.md: error: no such file or directory [io]\n");
}

}  // namespace
}  // namespace fmkit
