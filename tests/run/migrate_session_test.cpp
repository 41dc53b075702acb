// SPDX-License-Identifier: MIT
#include "run/migrate_session.hpp"

#include "report/render_support.hpp"
#include "run/file_reader.hpp"
#include "run/scoped_temp_dir.hpp"
#include "schema/schema_registry.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::headers;
using testing_support::ScopedTempDir;

class MigrateSessionTest : public testing::Test {
 protected:
  void SetUp() override {
    m_site.write("fmkit.yaml",
                 "collections:\n  posts:\n    include: 'posts/**/*.md'\n"
                 "    schema: post.json\n    migrations: migrations/\n");
    m_site.write("post.json", "{}");
    m_site.write("migrations/0002-a.yaml",
                 "version: 2\nwhere: {path: 'posts/a/**'}\n"
                 "ops:\n  - set: {field: in_a, value: true}\n");
    m_site.write("posts/a/first-post.md", "---\ntitle: x\n---\n");
    m_site.write("posts/b/second-post.md", "---\ntitle: y\n---\n");
  }

  // "display 'relative'" and the diff of each file of a dry run from `cwd`.
  std::string dry_run(const fs::path& cwd) {
    auto config = load_config(
        fs::path(m_site.path() / "fmkit.yaml").lexically_relative(cwd), cwd);
    EXPECT_TRUE(config) << headers(config.error());
    if (!config) return "";
    SchemaRegistry registry(
        [](const fs::path& path) { return read_whole_file(path); });
    auto session =
        plan_migrate(*config, {}, std::nullopt, cwd, registry, PlanOptions{});
    EXPECT_TRUE(session) << headers(session.error());
    if (!session) return "";
    const MigrateGroup& group = session->groups.at(0);
    MigrateRun run =
        run_migrate(group.files, session->migrations(group).chain,
                    session->run_options(group, MigrateMode::dry_run, 1));
    std::string out;
    for (size_t i = 0; i < group.files.size(); ++i) {
      const MigrateFile& file = group.files[i];
      // An empty `relative` holds no buffer (these paths are too long to
      // fit in a std::string itself).
      if (file.relative.empty()) {
        EXPECT_EQ(file.relative.capacity(), std::string().capacity());
      }
      out += std::string(file.display()) + " '" + file.relative + "'\n" +
             run.files.at(i).diff;
    }
    return out;
  }

  ScopedTempDir m_site;
};

TEST_F(MigrateSessionTest, FilesShownAsTheirPathInTheSiteKeepItOnce) {
  // Run from the config's folder, the path `where` matches is the shown
  // one: `relative` is left empty.
  EXPECT_EQ(dry_run(m_site.path()),
            "posts/a/first-post.md ''\n"
            "--- a/posts/a/first-post.md\n+++ b/posts/a/first-post.md\n"
            "@@ -1,3 +1,5 @@\n"
            " ---\n title: x\n+in_a: true\n+schema_version: 2\n ---\n"
            "posts/b/second-post.md ''\n"
            "--- a/posts/b/second-post.md\n+++ b/posts/b/second-post.md\n"
            "@@ -1,3 +1,4 @@\n"
            " ---\n title: y\n+schema_version: 2\n ---\n");
}

TEST_F(MigrateSessionTest, FilesShownFromElsewhereKeepTheirPathInTheSite) {
  EXPECT_EQ(dry_run(m_site.path() / "posts"),
            "a/first-post.md 'posts/a/first-post.md'\n"
            "--- a/a/first-post.md\n+++ b/a/first-post.md\n"
            "@@ -1,3 +1,5 @@\n"
            " ---\n title: x\n+in_a: true\n+schema_version: 2\n ---\n"
            "b/second-post.md 'posts/b/second-post.md'\n"
            "--- a/b/second-post.md\n+++ b/b/second-post.md\n"
            "@@ -1,3 +1,4 @@\n"
            " ---\n title: y\n+schema_version: 2\n ---\n");
}

}  // namespace
}  // namespace fmkit
