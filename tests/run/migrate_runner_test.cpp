// SPDX-License-Identifier: MIT
#include "run/migrate_runner.hpp"

#include "report/render_support.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::headers;
using testing_support::render;

class MigrateRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write("migrations/0002-hosts.yaml",
          "version: 2\ndescription: hosts\nops:\n"
          "  - rename: {from: speaker, to: host}\n  - delete: insight\n");
    write("migrations/0003-draft.yaml",
          "version: 3\nops:\n  - set: {field: draft, value: false, "
          "if_missing: true}\n");
    write("migrations/README.md", "not a migration\n");
    m_settings.folder = m_dir / "migrations";
    m_settings.display = "migrations";
  }
  fs::path write(const std::string& relative, const std::string& content) {
    return m_temp.write(relative, content);
  }
  std::string read(const std::string& relative) {
    return m_temp.read(relative);
  }
  MigrateFile file(const std::string& relative) {
    return {{(m_dir / relative).string(), relative}, relative};
  }
  MigrationChain chain() {
    auto loaded = load_migrations(m_settings);
    EXPECT_TRUE(loaded) << render(loaded.error());
    return loaded ? std::move(loaded).value() : MigrationChain{};
  }

  testing_support::ScopedTempDir m_temp;
  const fs::path& m_dir = m_temp.path();
  MigrationSettings m_settings;
};

TEST_F(MigrateRunnerTest, LoadsTheFolder) {
  MigrationChain loaded = chain();
  EXPECT_EQ(loaded.latest_version(), 3);
  EXPECT_EQ(loaded.migrations[0].path, "migrations/0002-hosts.yaml");
  write("migrations/0005-gap.yaml", "version: 5\nops: []\n");
  auto broken = load_migrations(m_settings);
  ASSERT_FALSE(broken);
  EXPECT_EQ(headers(broken.error()),
            "migrations/0005-gap.yaml:1:10: error: version 4 is missing "
            "before this migration [migration.chain]\n");
  MigrationSettings missing;
  missing.folder = m_dir / "nope";
  auto empty = load_migrations(missing);
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->migrations.empty());
}

TEST_F(MigrateRunnerTest, DryRunWritesNothingAndDiffs) {
  write("a.md", "---\nspeaker: Bob\ninsight: x\n---\nA\n");
  write("b.md", "---\nschema_version: 3\n---\nB\n");
  write("c.md", "no front matter\n");
  MigrateRun run =
      run_migrate({file("a.md"), file("b.md"), file("c.md")}, chain(), {});
  EXPECT_EQ(read("a.md"), "---\nspeaker: Bob\ninsight: x\n---\nA\n");
  ASSERT_EQ(run.files.size(), 3u);
  EXPECT_EQ(run.files[0].diff,
            "--- a/a.md\n+++ b/a.md\n@@ -1,5 +1,6 @@\n ---\n-speaker: Bob\n"
            "-insight: x\n+host: Bob\n+draft: false\n+schema_version: 3\n"
            " ---\n A\n");
  EXPECT_EQ(run.files[1].plan.status, PlanStatus::up_to_date);
  EXPECT_EQ(run.files[2].plan.status, PlanStatus::skipped);
  EXPECT_EQ(run.summary.migrated, 1u);
  EXPECT_EQ(run.summary.changed, 1u);
  EXPECT_EQ(run.summary.up_to_date, 1u);
  EXPECT_EQ(run.summary.skipped, 1u);
  EXPECT_EQ(run.summary.deleted_values, 1u);
  EXPECT_EQ(run.summary.written, 0u);
  // Nothing to write: no file's text is held, only what reports quote.
  EXPECT_EQ(run.files[0].plan.text, "");
  EXPECT_EQ(run.files[0].plan.text.capacity(), std::string().capacity());
  EXPECT_EQ(run.files[2].original, "no front matter\n");
}

TEST_F(MigrateRunnerTest, WritesEverythingOrNothing) {
  write("a.md", "---\nspeaker: Bob\n---\n");
  write("b.md", "---\nhost: Ann\nspeaker: Bob\n---\n");  // rename conflict
  MigrateRunOptions options;
  options.mode = MigrateMode::write;
  MigrateRun blocked =
      run_migrate({file("a.md"), file("b.md")}, chain(), options);
  EXPECT_TRUE(blocked.blocked);
  EXPECT_EQ(blocked.summary.failed, 1u);
  EXPECT_EQ(blocked.summary.written, 0u);
  EXPECT_EQ(read("a.md"), "---\nspeaker: Bob\n---\n");
  EXPECT_EQ(blocked.files[1].plan.diagnostics.at(0).rule, "migrate.conflict");
  // Kept up to the last line a diagnostic points into (host: Ann).
  EXPECT_EQ(blocked.files[1].original, "---\nhost: Ann\n");

  write("b.md", "---\nhost: Ann\n---\n");
  MigrateRun done = run_migrate({file("a.md"), file("b.md")}, chain(), options);
  EXPECT_FALSE(done.blocked);
  EXPECT_EQ(done.summary.written, 2u);
  EXPECT_EQ(read("a.md"),
            "---\nhost: Bob\ndraft: false\nschema_version: 3\n---\n");
  EXPECT_EQ(read("b.md"),
            "---\nhost: Ann\ndraft: false\nschema_version: 3\n---\n");

  // Running again changes nothing.
  MigrateRun again =
      run_migrate({file("a.md"), file("b.md")}, chain(), options);
  EXPECT_EQ(again.summary.up_to_date, 2u);
  EXPECT_EQ(again.summary.written, 0u);
}

// Someone edits a post, or puts a folder in its place, after fmkit read it
// and before it writes: nothing is written (the edit is kept) and the post
// is reported (a finding: `fmkit migrate` exits 1).
TEST_F(MigrateRunnerTest, APostChangedAfterPlanningIsNotOverwritten) {
  for (bool folder : {false, true}) {
    write("a.md", "---\nspeaker: Bob\n---\n");
    write("b.md", "---\nspeaker: Ann\n---\n");
    MigrateRunOptions options;
    options.mode = MigrateMode::write;
    options.jobs = 1;
    size_t planned = 0;
    options.on_file = [&] {
      if (++planned < 2) return;  // both read: edit one of them
      if (folder) {
        fs::remove(m_dir / "a.md");
        fs::create_directory(m_dir / "a.md");
      } else {
        write("a.md", "---\nspeaker: Bob (edited)\n---\n");
      }
    };
    MigrateRun run =
        run_migrate({file("a.md"), file("b.md")}, chain(), options);
    EXPECT_TRUE(run.blocked);
    EXPECT_EQ(run.summary.failed, 1u);
    EXPECT_EQ(run.summary.written, 0u);
    EXPECT_EQ(run.files[0].error, folder ? "is not a regular file"
                                         : "changed on disk since it was read");
    if (!folder) {
      EXPECT_EQ(read("a.md"), "---\nspeaker: Bob (edited)\n---\n");
    }
    EXPECT_EQ(read("b.md"), "---\nspeaker: Ann\n---\n");
    fs::remove_all(m_dir / "a.md");
  }
}

// Past the budget of new text a run holds, files are planned again as they
// are written: the same files result.
TEST_F(MigrateRunnerTest, FilesBeyondTheBudgetArePlannedAgainToWrite) {
  std::vector<std::string> written;
  // Each new text is 48 bytes: all held, the first only, none.
  for (size_t budget : {size_t{1} << 20, size_t{60}, size_t{0}}) {
    std::vector<MigrateFile> files;
    for (int i = 0; i < 6; ++i) {
      std::string name = "p" + std::to_string(i) + ".md";
      write(name,
            "---\nspeaker: S" + std::to_string(i) + "\ninsight: x\n---\n");
      files.push_back(file(name));
    }
    MigrateRunOptions options;
    options.mode = MigrateMode::write;
    options.new_text_budget = budget;
    MigrateRun run = run_migrate(files, chain(), options);
    EXPECT_EQ(run.summary.written, 6u) << budget;
    EXPECT_EQ(run.files[0].holds_new_text, budget >= 48) << budget;
    EXPECT_EQ(run.files[1].holds_new_text, budget >= 96) << budget;
    // A held text is no bigger than its size: the budget is what is held.
    const std::string& held = run.files[0].plan.text;
    if (budget >= 48) {
      EXPECT_EQ(held.capacity(), held.size()) << budget;
    }
    std::string all;
    for (int i = 0; i < 6; ++i) all += read("p" + std::to_string(i) + ".md");
    written.push_back(all);
  }
  EXPECT_EQ(written[0], written[1]);
  EXPECT_EQ(written[0], written[2]);
  EXPECT_NE(written[0].find("host: S5\ndraft: false"), std::string::npos)
      << written[0];
}

// Without keep_diffs (a write's text report), only a failed file's diff is
// made: a write over 100k files holds no other.
TEST_F(MigrateRunnerTest, WritesKeepOnlyTheDiffsOfFailedFiles) {
  write("a.md", "---\nspeaker: Bob\ninsight: x\n---\nA\n");
  write("b.md", "---\nspeaker: Ann\ninsight: y\n---\nB\n");
  fs::create_symlink(m_dir / "b.md", m_dir / "link.md");
  for (bool keep : {true, false}) {
    MigrateRunOptions options;
    options.mode = MigrateMode::write;
    options.keep_diffs = keep;
    MigrateRun run =
        run_migrate({file("a.md"), file("link.md")}, chain(), options);
    ASSERT_EQ(run.files.size(), 2u);
    EXPECT_TRUE(run.blocked);  // the link fails: nothing is written
    EXPECT_EQ(run.files[0].diff.empty(), !keep) << keep;
    EXPECT_NE(run.files[1].error, "");
    EXPECT_NE(run.files[1].diff, "") << keep;
  }
  fs::remove(m_dir / "link.md");
}

// With on_planned, a dry run or a check hands each file over as it is
// planned, in input order, and keeps none: memory does not grow with the
// number of files. A write keeps them all (it writes only if all planned).
TEST_F(MigrateRunnerTest, DryRunsHandEachFileOverAndKeepNone) {
  write("a.md", "---\nspeaker: Bob\ninsight: x\n---\nA\n");
  write("b.md", "---\nschema_version: 3\n---\nB\n");
  write("c.md", "---\nspeaker: [x\n---\n");
  std::vector<std::string> seen;
  MigrateRunOptions options;
  options.jobs = 2;
  options.on_planned = [&](const FileMigration& f) {
    seen.push_back(f.display + (f.diff.empty() ? "" : " diff") +
                   (f.failed() ? " failed" : ""));
  };
  for (MigrateMode mode : {MigrateMode::dry_run, MigrateMode::check}) {
    seen.clear();
    options.mode = mode;
    MigrateRun run = run_migrate({file("a.md"), file("b.md"), file("c.md")},
                                 chain(), options);
    EXPECT_TRUE(run.files.empty());
    EXPECT_EQ(seen,
              (std::vector<std::string>{"a.md diff", "b.md", "c.md failed"}));
    EXPECT_EQ(run.summary.files, 3u);
    EXPECT_EQ(run.summary.changed, 1u);
    EXPECT_EQ(run.summary.up_to_date, 1u);
    EXPECT_EQ(run.summary.failed, 1u);
  }
  seen.clear();
  options.mode = MigrateMode::write;
  MigrateRun run = run_migrate({file("a.md"), file("b.md")}, chain(), options);
  EXPECT_TRUE(seen.empty());
  EXPECT_EQ(run.files.size(), 2u);
  EXPECT_EQ(run.summary.written, 1u);
}

// A link to another file of the run is left to it, known before planning:
// not read, not a failure, in any mode.
TEST_F(MigrateRunnerTest, LinksToFilesOfTheRunAreLeftToThem) {
  write("a.md", "---\nspeaker: Bob\n---\n");
  fs::create_symlink("a.md", m_dir / "link.md");
  for (MigrateMode mode : {MigrateMode::dry_run, MigrateMode::write}) {
    MigrateRunOptions options;
    options.mode = mode;
    MigrateRun run =
        run_migrate({file("a.md"), file("link.md")}, chain(), options);
    ASSERT_EQ(run.files.size(), 2u);
    EXPECT_TRUE(run.files[1].link);
    EXPECT_EQ(run.files[1].error, "");
    EXPECT_EQ(run.summary.links, 1u);
    EXPECT_EQ(run.summary.failed, 0u);
  }
  EXPECT_TRUE(fs::is_symlink(m_dir / "link.md"));
  EXPECT_EQ(read("link.md"),
            "---\nhost: Bob\ndraft: false\nschema_version: 3\n---\n");
}

TEST_F(MigrateRunnerTest, RefusesSymlinksBeforeWritingAnything) {
  write("a.md", "---\nspeaker: Bob\n---\n");
  fs::path target = write("real/b.md", "---\nspeaker: Ann\n---\n");
  fs::create_symlink(target, m_dir / "b.md");
  MigrateRunOptions options;
  options.mode = MigrateMode::write;
  MigrateRun run = run_migrate({file("a.md"), file("b.md")}, chain(), options);
  EXPECT_TRUE(run.blocked);
  EXPECT_EQ(run.files[1].error,
            "is a symbolic link; fmkit does not write through links");
  EXPECT_EQ(read("a.md"), "---\nspeaker: Bob\n---\n");
  EXPECT_EQ(read("real/b.md"), "---\nspeaker: Ann\n---\n");
}

TEST_F(MigrateRunnerTest, SameResultsWithOneOrManyThreads) {
  std::vector<MigrateFile> files;
  for (int i = 0; i < 40; ++i) {
    std::string name = "p" + std::to_string(i) + ".md";
    write(name, i % 7 == 0 ? "---\nhost: A\nspeaker: B\n---\n"
                           : "---\nspeaker: S" + std::to_string(i) + "\n---\n");
    files.push_back(file(name));
  }
  MigrateRunOptions one;
  one.jobs = 1;
  MigrateRunOptions many;
  many.jobs = 8;
  MigrateRun a = run_migrate(files, chain(), one);
  MigrateRun b = run_migrate(files, chain(), many);
  ASSERT_EQ(a.files.size(), b.files.size());
  for (size_t i = 0; i < a.files.size(); ++i) {
    EXPECT_EQ(a.files[i].display, b.files[i].display);
    EXPECT_EQ(a.files[i].diff, b.files[i].diff);
    EXPECT_EQ(a.files[i].failed(), b.files[i].failed());
  }
  EXPECT_EQ(a.summary.failed, 6u);
  EXPECT_EQ(b.summary.failed, 6u);
}

TEST_F(MigrateRunnerTest, StatusCountsVersionsAndPendingSteps) {
  write("a.md", "---\ntitle: x\n---\n");
  write("b.md", "---\nschema_version: 2\n---\n");
  write("c.md", "---\nschema_version: 3\n---\n");
  write("d.md", "---\nschema_version: nine\n---\n");
  write("e.md", "plain\n");
  MigrationStatus status =
      migrate_status({file("a.md"), file("b.md"), file("c.md"), file("d.md"),
                      file("e.md"), file("missing.md")},
                     chain(), {});
  EXPECT_EQ(status.files_per_version,
            (std::map<int, size_t>{{1, 1}, {2, 1}, {3, 1}}));
  EXPECT_EQ(status.behind, 2u);
  EXPECT_EQ(status.pending, (std::map<int, size_t>{{2, 1}, {3, 2}}));
  EXPECT_EQ(status.skipped, 1u);
  ASSERT_EQ(status.problems.size(), 2u);
  EXPECT_EQ(status.problems[0].display, "d.md");
  EXPECT_EQ(status.problems[0].plan.diagnostics.at(0).rule, "migrate.version");
  EXPECT_EQ(status.problems[1].error, "no such file or directory");
}

TEST_F(MigrateRunnerTest, CreatesTheNextMigration) {
  auto created = create_migration(m_settings, chain(), "Split the tags");
  ASSERT_TRUE(created) << render(created.error());
  EXPECT_EQ(created->filename(), "0004-split-the-tags.yaml");
  EXPECT_EQ(chain().latest_version(), 4);
  auto again = create_migration(m_settings, chain(), "x");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->filename(), "0005-x.yaml");
}

}  // namespace
}  // namespace fmkit
