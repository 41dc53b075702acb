// SPDX-License-Identifier: MIT
//
// No escape from the repository: a schema or migrations folder named by
// fmkit.yaml or by a migration file outside the repository (the git working
// tree of the config file, else the working folder) is a config.outside
// error at its place, exit 2, and the file is never read, so no message can
// quote it; --allow-outside reads it.
#include "cli/cli_run.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::CliResult;
using testing_support::environment_in;
using testing_support::run_fmkit;
using testing_support::ScopedTempDir;

constexpr const char* k_schema = R"({"type": "object", "required": ["title"]})";

class ConfinementTest : public ::testing::Test {
 protected:
  // The site is `site/` in the temporary folder; the working folder.
  CliResult run(std::vector<std::string> args) {
    return run_fmkit(args, environment_in(m_dir.path() / "site"));
  }
  void config(const std::string& collection) {
    m_dir.write("site/fmkit.yaml",
                "collections:\n  posts:\n    include: "
                "'content/*.md'\n" +
                    collection);
  }

  ScopedTempDir m_dir;
};

TEST_F(ConfinementTest, AnAbsoluteSchemaOutsideIsNeverRead) {
  m_dir.write("site/content/a.md", "---\ntitle: A\n---\n");
  config("    schema: /proc/self/environ\n");
  CliResult r = run({"validate", "--no-cache"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "fmkit.yaml:4:13: error: the schema '/proc/self/environ' is "
            "outside " +
                (m_dir.path() / "site").string() +
                ": fmkit reads files only inside the repository (or the "
                "working folder), so that an edited fmkit.yaml cannot print "
                "other files; pass --allow-outside to read it anyway "
                "[config.outside]\n"
                "    schema: /proc/self/environ\n"
                "            ^~~~~~~~~~~~~~~~~~\n");
  // The runner's environment never reaches the output.
  EXPECT_EQ(r.err.find("PATH="), std::string::npos);
  EXPECT_EQ(r.out, "");
}

TEST_F(ConfinementTest, DotDotAndSymlinksOutAreRefusedUnlessAllowed) {
  m_dir.write("site/content/a.md", "---\ntitle: A\n---\n");
  m_dir.write("elsewhere/post.schema.json", k_schema);
  config("    schema: ../elsewhere/post.schema.json\n");
  CliResult r = run({"validate", "--no-cache"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("fmkit.yaml:4:13: error: the schema "
                       "'../elsewhere/post.schema.json' is outside"),
            std::string::npos)
      << r.err;
  r = run({"validate", "--no-cache", "--allow-outside"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;

  // A schema inside the site that is a symlink to a file outside it.
  fs::create_directories(m_dir.path() / "site/schemas");
  fs::create_symlink(m_dir.path() / "elsewhere/post.schema.json",
                     m_dir.path() / "site/schemas/post.schema.json");
  config("    schema: schemas/post.schema.json\n");
  r = run({"validate", "--no-cache"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("[config.outside]"), std::string::npos) << r.err;

  // The working folder holds the config file, so a schema beside it in
  // the working folder is fine when fmkit.yaml is in a subfolder.
  m_dir.write("site/docs/fmkit.yaml",
              "collections:\n  docs:\n    include: '*.md'\n"
              "    schema: ../inside.schema.json\n");
  m_dir.write("site/inside.schema.json", k_schema);
  m_dir.write("site/docs/b.md", "---\ntitle: B\n---\n");
  r = run({"validate", "--no-cache", "--config", "docs/fmkit.yaml"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
}

TEST_F(ConfinementTest, MigrationsAndTheirSchemasStayInside) {
  m_dir.write("site/content/a.md", "---\ntitle: A\n---\n");
  m_dir.write("site/post.schema.json", k_schema);
  m_dir.write("outside/0002-x.yaml", "version: 2\nops: []\n");
  config("    schema: post.schema.json\n    migrations: ../outside\n");
  CliResult r = run({"migrate"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("fmkit.yaml:5:17: error: the migrations folder "
                       "'../outside' is outside"),
            std::string::npos)
      << r.err;

  config("    schema: post.schema.json\n    migrations: migrations\n");
  m_dir.write("site/migrations/0002-x.yaml",
              "version: 2\nschema: ../../outside/v2.json\nops: []\n");
  r = run({"migrate"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("migrations/0002-x.yaml:2:9: error: the schema "
                       "'../../outside/v2.json' is outside"),
            std::string::npos)
      << r.err;
}

// Migration files are data: what looks like a command stays text, written
// as it is; a tag that would make another YAML reader run code or read a
// file ('!!python/object/apply', '!include') is an error at its place
// (fmkit does neither).
TEST_F(ConfinementTest, MigrationFilesAreData) {
  m_dir.write("site/content/a.md", "---\ntitle: Hello\n---\n");
  m_dir.write("site/post.schema.json", R"({"type": "object"})");
  config("    schema: post.schema.json\n    migrations: migrations\n");
  m_dir.write("site/migrations/0002-x.yaml",
              "version: 2\nops:\n"
              "  - set: {field: cmd, value: \"$(touch ../ran) `touch ran`\"}\n"
              "  - replace: {field: title, pattern: Hello, with: '$(id)'}\n"
              "  - rename: {from: title, to: ../../etc/passwd}\n");
  CliResult r = run({"migrate", "--write"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(m_dir.read("site/content/a.md"),
            "---\n../../etc/passwd: $(id)\ncmd: $(touch ../ran) `touch ran`\n"
            "schema_version: 2\n---\n");
  EXPECT_FALSE(fs::exists(m_dir.path() / "ran"));
  EXPECT_FALSE(fs::exists(m_dir.path() / "site/ran"));

  m_dir.write("site/migrations/0003-y.yaml",
              "version: 3\nops:\n"
              "  - set: {field: a, value: !include /etc/passwd}\n"
              "  - set: {field: b, value: !!python/object/apply:os.system "
              "[\"touch ran\"]}\n");
  r = run({"migrate", "--write"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("migrations/0003-y.yaml:3:28: error: unknown tag "
                       "'!include': fmkit reads its own files as plain data"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("migrations/0003-y.yaml:4:28: error: unknown tag "
                       "'!!python/object/apply:os.system'"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("root:"), std::string::npos);  // /etc/passwd unread
}

}  // namespace
}  // namespace fmkit
