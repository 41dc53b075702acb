// SPDX-License-Identifier: MIT
//
// `fmkit migrate`, `migrate status` and `migrate new` end to end, in-process
// through run_cli on a small site in a temp dir.
#include "cli/cli_run.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::ScopedTempDir;

using testing_support::CliResult;

constexpr const char* k_config = R"(collections:
  posts:
    include: "posts/*.md"
    schema: schemas/v1.json
    migrations: migrations/
  notes:
    include: "notes/*.md"
    schema: schemas/note.json
)";

constexpr const char* k_v2_schema = R"({
  "type": "object",
  "required": ["title", "host", "schema_version"],
  "properties": {"schema_version": {"const": 2}}
})";

constexpr const char* k_post_a =
    "---\ntitle: A # keep me\nspeaker: Ann\n---\nbody\n";
constexpr const char* k_post_b =
    "---\ntitle: B\nhost: Bob\nschema_version: 2\n---\n";

class MigrateCommandTest : public testing::Test {
 protected:
  void SetUp() override {
    m_site.write("fmkit.yaml", k_config);
    m_site.write("schemas/v1.json", R"({"required": ["title"]})");
    m_site.write("schemas/v2.json", k_v2_schema);
    m_site.write("schemas/note.json", "{}");
    m_site.write("migrations/0002-speakers-become-hosts.yaml",
                 "version: 2\ndescription: speakers become hosts\n"
                 "schema: ../schemas/v2.json\n"
                 "ops:\n  - rename: {from: speaker, to: host}\n");
    m_site.write("posts/a.md", k_post_a);
    m_site.write("posts/b.md", k_post_b);
    m_site.write("notes/n.md", "---\nspeaker: not migrated\n---\n");
  }

  CliResult run(const std::vector<std::string>& args, bool color = false) {
    CliEnvironment environment = testing_support::environment_in(m_site.path());
    environment.out_is_terminal = color;
    return testing_support::run_fmkit(args, environment);
  }

  std::string read(std::string_view relative) const {
    return m_site.read(relative);
  }

  ScopedTempDir m_site;
};

constexpr const char* k_diff_a =
    "--- a/posts/a.md\n"
    "+++ b/posts/a.md\n"
    "@@ -1,5 +1,6 @@\n"
    " ---\n"
    " title: A # keep me\n"
    "-speaker: Ann\n"
    "+host: Ann\n"
    "+schema_version: 2\n"
    " ---\n"
    " body\n";

TEST_F(MigrateCommandTest, DryRunShowsTheDiffAndWritesNothing) {
  CliResult r = run({"migrate"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, std::string(k_diff_a) +
                       "posts: 2 files, 1 to migrate to version 2, 1 up to "
                       "date, 0 failed\n"
                       "dry run: nothing written; run 'fmkit migrate "
                       "--write' to apply\n");
  EXPECT_EQ(read("posts/a.md"), k_post_a);
  EXPECT_EQ(run({"migrate", "--dry-run"}).out, r.out);
}

TEST_F(MigrateCommandTest, DiffsAreColoredOnATerminal) {
  CliResult r = run({"migrate"}, true);
  EXPECT_NE(r.out.find("\x1b[31m-speaker: Ann\x1b[0m\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\x1b[32m+host: Ann\x1b[0m\n"), std::string::npos);
  EXPECT_EQ(run({"migrate", "--color", "never"}, true).out,
            run({"migrate"}).out);
}

TEST_F(MigrateCommandTest, WriteAppliesThenNothingIsLeft) {
  CliResult r = run({"migrate", "--write"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "posts: 2 files, 1 to migrate to version 2, 1 up to date, 0 "
            "failed\nwrote 1 file\n");
  EXPECT_EQ(read("posts/a.md"),
            "---\ntitle: A # keep me\nhost: Ann\nschema_version: 2\n---\n"
            "body\n");
  EXPECT_EQ(read("posts/b.md"), k_post_b);
  EXPECT_EQ(read("notes/n.md"), "---\nspeaker: not migrated\n---\n");

  r = run({"migrate"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out,
            "posts: 2 files, 0 to migrate to version 2, 2 up to date, 0 "
            "failed\n");
  r = run({"migrate", "--check"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out,
            "posts: 2 files, 0 to migrate to version 2, 2 up to date, 0 "
            "failed\nevery file is at version 2\n");
}

TEST_F(MigrateCommandTest, CheckExitsOneWhenAFileIsBehind) {
  CliResult r = run({"migrate", "--check"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out,
            "posts/a.md: at version 1, behind version 2\n"
            "posts: 2 files, 1 to migrate to version 2, 1 up to date, 0 "
            "failed\n"
            "1 file behind version 2; run 'fmkit migrate' to see the "
            "changes\n");
  EXPECT_EQ(read("posts/a.md"), k_post_a);
}

TEST_F(MigrateCommandTest, OneFailingFileMeansNothingIsWritten) {
  // A rename onto an existing key would lose a value; a post without a
  // title fails the version 2 schema after migrating.
  m_site.write("posts/c.md", "---\ntitle: C\nspeaker: Cy\nhost: Di\n---\n");
  m_site.write("posts/d.md", "---\nspeaker: Ed\n---\n");
  CliResult r = run({"migrate", "--write"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(read("posts/a.md"), k_post_a);
  EXPECT_EQ(r.out,
            "posts/c.md:4:7: error: cannot rename 'speaker' to 'host': 'host' "
            "already holds 'Di' (migrations/0002-speakers-become-hosts.yaml:"
            "5:5) [migrate.conflict]\n"
            "host: Di\n"
            "      ^~\n"
            "--- a/posts/d.md\n"
            "+++ b/posts/d.md\n"
            "@@ -1,3 +1,4 @@\n"
            " ---\n"
            "-speaker: Ed\n"
            "+host: Ed\n"
            "+schema_version: 2\n"
            " ---\n"
            "posts/d.md (migrated):4:1: error: missing required key 'title' "
            "[schema.required]\n"
            "---\n"
            "^~~\n"
            "posts: 4 files, 1 to migrate to version 2, 1 up to date, 2 "
            "failed\n"
            "nothing written: 2 files cannot be migrated\n");

  // The dry run reports the same and exits 1 too.
  r = run({"migrate"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("dry run: 2 files cannot be migrated; --write would "
                       "write nothing\n"),
            std::string::npos)
      << r.out;
}

TEST_F(MigrateCommandTest, PathsPickTheFilesAndToStopsEarly) {
  m_site.write("migrations/0003-nothing.yaml", "version: 3\nops: []\n");
  CliResult r = run({"migrate", "--to", "2", "posts/a.md"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, std::string(k_diff_a) +
                       "posts: 1 file, 1 to migrate to version 2, 0 up to "
                       "date, 0 failed\n"
                       "dry run: nothing written; run 'fmkit migrate "
                       "--write' to apply\n");

  r = run({"migrate", "--to", "9"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "fmkit.yaml:2:3: error: --to 9 is not a version of collection "
            "'posts', which has versions 1 to 3 [migrate.to]\n"
            "  posts:\n"
            "  ^~~~~\n");
}

TEST_F(MigrateCommandTest, JsonOutput) {
  CliResult r = run({"migrate", "--format", "json"});
  EXPECT_EQ(r.code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["mode"], "dry-run");
  ASSERT_EQ(j["collections"].size(), 1u);
  const nlohmann::json& posts = j["collections"][0];
  EXPECT_EQ(posts["name"], "posts");
  EXPECT_EQ(posts["target_version"], 2);
  EXPECT_EQ(posts["summary"]["migrated"], 1);
  EXPECT_EQ(posts["summary"]["up_to_date"], 1);
  ASSERT_EQ(posts["files"].size(), 2u);
  EXPECT_EQ(posts["files"][0]["file"], "posts/a.md");
  EXPECT_EQ(posts["files"][0]["status"], "migrated");
  EXPECT_EQ(posts["files"][0]["applied"], nlohmann::json::array({2}));
  EXPECT_EQ(posts["files"][0]["diff"], k_diff_a);
  EXPECT_EQ(posts["files"][1]["status"], "up-to-date");
  EXPECT_EQ(posts["files"][1]["diff"], "");
}

TEST_F(MigrateCommandTest, StatusCountsFilesPerVersion) {
  m_site.write("posts/e.md", "---\nschema_version: 5\n---\n");
  CliResult r = run({"migrate", "status"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.out,
            "posts/e.md:2:17: error: the document is at version 5, newer "
            "than the latest migration (2) [migrate.version]\n"
            "schema_version: 5\n"
            "                ^\n"
            "posts: versions 1 to 2 (key 'schema_version', migrations in "
            "migrations)\n"
            "  version 1: 1 file\n"
            "  version 2: 1 file\n"
            "  1 file behind version 2; pending:\n"
            "    2  speakers become hosts (1 file)\n");

  r = run({"migrate", "status", "--format", "json", "posts/a.md"});
  EXPECT_EQ(r.code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  const nlohmann::json& posts = j["collections"][0];
  EXPECT_EQ(posts["files_per_version"], (nlohmann::json{{"1", 1}}));
  EXPECT_EQ(posts["behind"], 1);
  EXPECT_EQ(posts["pending"][0]["description"], "speakers become hosts");
}

TEST_F(MigrateCommandTest, NewCreatesTheNextMigration) {
  CliResult r = run({"migrate", "new", "Retire the seedling status"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "created migrations/0003-retire-the-seedling-status.yaml "
            "(version 3): add its ops, then run 'fmkit migrate'\n");
  std::string text = read("migrations/0003-retire-the-seedling-status.yaml");
  EXPECT_NE(text.find("version: 3\n"), std::string::npos) << text;

  // The new file joins the chain: status now counts to version 3.
  r = run({"migrate", "status"});
  EXPECT_NE(r.out.find("posts: versions 1 to 3"), std::string::npos) << r.out;

  r = run({"migrate", "new", "!!"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "fmkit: error: the migration name '!!' needs a letter or a digit "
            "[migrate.name]\n");

  r = run({"migrate", "new", "--collection", "notes", "x"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "fmkit: error: collection 'notes' in 'fmkit.yaml' does not exist "
            "or has no migrations [usage]\n");
}

TEST_F(MigrateCommandTest, OperationalErrorsExitTwo) {
  m_site.write("migrations/0003-bad.yaml",
               "version: 3\nops:\n  - renam: {from: a, to: b}\n");
  CliResult r = run({"migrate"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "migrations/0003-bad.yaml:3:5: error: unknown op 'renam' (did you "
            "mean 'rename'?) [migration.unknown-op]\n"
            "  - renam: {from: a, to: b}\n"
            "    ^~~~~\n");
  EXPECT_EQ(r.out, "");

  m_site.write("fmkit.yaml",
               "collections:\n  posts:\n    include: '*.md'\n"
               "    schema: schemas/v1.json\n");
  r = run({"migrate"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "fmkit.yaml: error: no collection has migrations (add "
            "'migrations: migrations/' beside its 'schema:') "
            "[config.no-migrations]\n");

  r = run({"migrate", "--write", "--check"});
  EXPECT_EQ(r.code, 2);
}

TEST_F(MigrateCommandTest, ValidatePicksTheSchemaOfEachDocumentsVersion) {
  // b.md is at version 2 and follows v2.json; a.md at version 1 follows
  // v1.json. Against v2.json alone, a.md would fail.
  CliResult r = run({"validate"});
  EXPECT_EQ(r.code, 0) << r.out;
  m_site.write("posts/b.md", "---\ntitle: B\nschema_version: 2\n---\n");
  r = run({"validate"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("posts/b.md:4:1: error: missing required key 'host'"),
            std::string::npos)
      << r.out;
}

TEST_F(MigrateCommandTest, LinksAreLeftToTheirTargetsOrRefused) {
  // A link to a post that is migrated itself needs no write; a link to a
  // file the collection leaves out would be written through: refused.
  fs::create_symlink("a.md", m_site.path() / "posts/link-to-a.md");
  m_site.write("posts/sub/x.md", "---\ntitle: X\nspeaker: Xi\n---\n");
  fs::create_symlink("sub/x.md", m_site.path() / "posts/x.md");
  CliResult r = run({"migrate", "--write"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("posts/x.md: error: is a symbolic link; fmkit does "
                       "not write through links [migrate.io]\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("posts/link-to-a.md: error"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("posts: 4 files, 1 to migrate to version 2, 1 up to "
                       "date, 1 link to migrated files, 1 failed\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(read("posts/a.md"), k_post_a);
  nlohmann::json j =
      nlohmann::json::parse(run({"migrate", "--format", "json"}).out);
  const nlohmann::json& posts = j["collections"][0];
  EXPECT_EQ(posts["summary"]["links"], 1);
  EXPECT_EQ(posts["summary"]["skipped"], 0);
  EXPECT_EQ(posts["files"][2]["file"], "posts/link-to-a.md");
  EXPECT_EQ(posts["files"][2]["status"], "link");

  fs::remove(m_site.path() / "posts/x.md");
  r = run({"migrate", "--write"});
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(fs::is_symlink(m_site.path() / "posts/link-to-a.md"));
  EXPECT_EQ(read("posts/link-to-a.md"),
            "---\ntitle: A # keep me\nhost: Ann\nschema_version: 2\n---\n"
            "body\n");
}

TEST_F(MigrateCommandTest, NamedFilesOutsideMigrationsGetAWarning) {
  m_site.write("README.md", "# not content\n");
  CliResult r = run({"migrate", "notes/n.md", "README.md", "notes"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "README.md: warning: not migrated: no collection in 'fmkit.yaml' "
            "includes this file [config.no-collection]\n"
            "notes/n.md: warning: not migrated: collection 'notes' has no "
            "migrations [config.no-migrations]\n"
            "posts: 0 files, 0 to migrate to version 2, 0 up to date, 0 "
            "failed\n");
}

}  // namespace
}  // namespace fmkit
