// SPDX-License-Identifier: MIT
//
// The examples at the end of every --help, run for real on a site laid out
// as they assume; and `fmkit schema check` end to end (output, exit codes).
#include "cli/cli.hpp"
#include "cli/cli_run.hpp"
#include "cli/help_examples.hpp"
#include "run/git_repo.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::CliResult;
using testing_support::environment_in;
using testing_support::GitRepo;
using testing_support::run_fmkit;

// Splits an example's command line at spaces, keeping "double quoted"
// words whole; drops the leading "fmkit".
std::vector<std::string> split_example(std::string_view line) {
  std::vector<std::string> words;
  std::string word;
  bool quoted = false, any = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
      any = true;
    } else if (c == ' ' && !quoted) {
      if (any) words.push_back(word);
      word.clear();
      any = false;
    } else {
      word += c;
      any = true;
    }
  }
  if (any) words.push_back(word);
  words.erase(words.begin());
  return words;
}

TEST(HelpExamplesTest, SplitKeepsQuotedWords) {
  EXPECT_EQ(
      split_example("fmkit migrate new \"retire series\" -j 2"),
      (std::vector<std::string>{"migrate", "new", "retire series", "-j", "2"}));
}

TEST(HelpExamplesTest, EveryHelpEndsWithItsExamples) {
  const std::vector<std::vector<std::string>> commands = {
      {"--help"},
      {"validate", "--help"},
      {"migrate", "--help"},
      {"migrate", "status", "--help"},
      {"migrate", "new", "--help"},
      {"dump", "--help"},
      {"infer", "--help"},
      {"init", "--help"},
      {"schema", "--help"},
      {"schema", "check", "--help"}};
  for (const auto& args : commands) {
    CliResult r = run_fmkit(args, environment_in("/"));
    EXPECT_EQ(r.code, 0) << args[0];
    std::string command;
    for (const std::string& word : args) {
      if (word != "--help") command += (command.empty() ? "" : " ") + word;
    }
    std::string examples = help_examples(command);
    ASSERT_NE(examples, "") << command;
    EXPECT_TRUE(r.out.ends_with(examples + "\n")) << command << "\n" << r.out;
  }
}

// Every option that some --help lists is in the man page (written by hand,
// so this is what keeps it whole).
TEST(HelpExamplesTest, ManPageDescribesEveryOption) {
  std::ifstream in(fs::path(FMKIT_SOURCE_DIR) / "man/fmkit.1.in");
  std::stringstream page;
  page << in.rdbuf();
  const std::vector<std::vector<std::string>> commands = {
      {"validate", "--help"},
      {"migrate", "--help"},
      {"migrate", "status", "--help"},
      {"migrate", "new", "--help"},
      {"dump", "--help"},
      {"infer", "--help"},
      {"init", "--help"},
      {"schema", "check", "--help"}};
  static const std::regex k_option("--[a-z][a-z-]*");
  std::set<std::string> missing;
  for (const auto& args : commands) {
    std::string help = run_fmkit(args, environment_in("/")).out;
    help = help.substr(0, help.find("Examples:"));
    for (std::sregex_iterator it(help.begin(), help.end(), k_option), end;
         it != end; ++it) {
      std::string option = it->str();
      if (option == "--help") continue;
      std::string escaped;
      for (char c : option)
        escaped += c == '-' ? std::string("\\-") : std::string(1, c);
      if (page.str().find(escaped) == std::string::npos) {
        missing.insert(option);
      }
    }
  }
  EXPECT_EQ(missing, std::set<std::string>{}) << "not in man/fmkit.1.in";
}

// A site laid out as the examples assume: fmkit.yaml beside content/,
// schemas/ and migrations/, in a git repository with one commit.
class ExampleSite : public GitRepo {
 public:
  ExampleSite() {
    const fs::path source = FMKIT_SOURCE_DIR;
    auto copy = [&](const fs::path& from, const std::string& to) {
      fs::create_directories((path() / to).parent_path());
      fs::copy(source / from, path() / to, fs::copy_options::recursive);
    };
    copy("fixtures/site/content/posts", "content/posts");
    copy("fixtures/site/content/notes", "content/notes");
    copy("fixtures/site/content/posts/2024/founder-mode.md",
         "content/posts/hello.md");
    copy("schemas", "schemas");
    copy("migrations", "migrations");
    write("fmkit.yaml",
          "collections:\n"
          "  posts:\n"
          "    include: [\"content/posts/**/*.md\"]\n"
          "    schema: schemas/post.schema.json\n"
          "    migrations: migrations/\n"
          "  notes:\n"
          "    include: [\"content/notes/*.md\"]\n"
          "    schema: schemas/note.schema.json\n");
    commit_all("site");
  }
};

TEST(HelpExamplesTest, EveryExampleRunsOnTheSiteItAssumes) {
  ExampleSite site;
  for (std::string_view line : help_example_lines()) {
    // init sets a site up: its examples run on the site before fmkit, with
    // no fmkit.yaml and no schemas/, one copy each.
    std::optional<ExampleSite> before_fmkit;
    if (line.starts_with("fmkit init")) {
      before_fmkit.emplace();
      fs::remove(before_fmkit->path() / "fmkit.yaml");
      fs::remove_all(before_fmkit->path() / "schemas");
    }
    CliEnvironment environment =
        environment_in(before_fmkit ? before_fmkit->path() : site.path());
    CliResult r = run_fmkit(split_example(line), environment);
    // 1 is fine: the example site has posts behind their migrations.
    EXPECT_TRUE(r.code == 0 || r.code == 1)
        << line << "\nexit " << r.code << "\n"
        << r.out << r.err;
  }
}

class SchemaCheckTest : public testing::Test {
 protected:
  CliResult check(std::vector<std::string> args) {
    args.insert(args.begin(), {"schema", "check"});
    return run_fmkit(args, environment_in(m_dir.path()));
  }
  testing_support::ScopedTempDir m_dir;
};

TEST_F(SchemaCheckTest, ACleanSchemaExits0) {
  m_dir.write("ok.json", R"({"type": "object", "required": ["title"]})");
  CliResult r = check({"ok.json"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "1 file, 0 with errors, 0 errors, 0 warnings\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(SchemaCheckTest, FindingsAreReportedInTheOneFormAndExit1) {
  m_dir.write(
      "s.json",
      "{\n"
      "  \"requried\": [\"title\"],\n"
      "  \"properties\": {\n"
      "    \"status\": {\"type\": \"string\", \"enum\": [\"draft\", 1]},\n"
      "    \"author\": {\"$ref\": \"#/definitions/nobody\"}\n"
      "  }\n"
      "}\n");
  CliResult r = check({"s.json"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(
      r.out,
      "s.json:2:3: warning: unknown keyword 'requried' is ignored, so it "
      "checks nothing (did you mean 'required'?) "
      "[schema-file.unknown-keyword]\n"
      "  \"requried\": [\"title\"],\n"
      "  ^~~~~~~~~~\n"
      "s.json:4:52: warning: 'enum' lists number 1, but 'type' allows "
      "only a string: that value can never match "
      "[schema-file.enum-type]\n"
      "    \"status\": {\"type\": \"string\", \"enum\": [\"draft\", 1]},\n"
      "                                                   ^\n"
      "s.json:5:24: error: $ref '#/definitions/nobody' points to nothing "
      "in s.json [schema-file.ref]\n"
      "    \"author\": {\"$ref\": \"#/definitions/nobody\"}\n"
      "                       ^~~~~~~~~~~~~~~~~~~~~~\n"
      "1 file, 1 with errors, 1 error, 2 warnings\n");
}

TEST_F(SchemaCheckTest, UnreadableFilesExit2AndAreCounted) {
  m_dir.write("ok.json", R"({"type": "object"})");
  CliResult r = check({"ok.json", "missing.json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "missing.json: error: cannot read the schema: no such file or "
            "directory [io]\n");
  EXPECT_EQ(r.out, "2 files, 1 with errors, 1 error, 0 warnings\n");
}

TEST_F(SchemaCheckTest, UnknownSubcommandGetsADidYouMean) {
  CliResult r = run_fmkit({"schema", "chek"}, environment_in("/"));
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "fmkit: error: unknown subcommand 'schema chek' (did you mean "
            "'check'?) (subcommands: check) [usage]\n");
}

}  // namespace
}  // namespace fmkit
