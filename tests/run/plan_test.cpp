// SPDX-License-Identifier: MIT
#include "run/plan.hpp"

#include "report/render_support.hpp"
#include "run/file_reader.hpp"
#include "run/plan_select.hpp"
#include "run/scoped_temp_dir.hpp"
#include "schema/schema_registry.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::headers;
using testing_support::ScopedTempDir;

// Whether `file`'s shown path is bytes of its absolute path, not a copy.
bool shares_path(const FilePath& file) {
  const char* begin = file.path().data();
  const char* shown = file.display().data();
  std::less_equal<const char*> before;
  return before(begin, shown) && before(shown, begin + file.path().size());
}

// "display collection [warning rule]" per job, in order.
std::string describe(const Plan& plan) {
  std::string out;
  for (const FileJob& job : plan.jobs) {
    out += std::string(job.display()) + " " +
           (job.collection == k_no_collection ? std::string("-")
                                              : std::to_string(job.collection));
    for (const Diagnostic& d : job.diagnostics) out += " " + d.rule;
    out += "\n";
  }
  return out;
}

class PlanTest : public testing::Test {
 protected:
  void SetUp() override {
    m_site.write("fmkit.yaml",
                 "collections:\n  posts:\n    include: 'posts/**/*.md'\n"
                 "    schema: post.json\n");
    m_site.write("post.json", "{}");
    m_site.write("posts/b.md", "");
    m_site.write("posts/a/z.md", "");
    m_site.write("posts/a-b/x.md", "");
    m_site.write("notes/n.md", "");
    m_site.write("other/o.md", "");
  }

  Expected<Plan, Problems> with_schema(const std::vector<std::string>& paths,
                                       const fs::path& cwd) {
    return plan_with_schema(m_site.path() / "post.json", paths, cwd, m_registry,
                            PlanOptions{});
  }

  Expected<Plan, Problems> with_config(const std::vector<std::string>& paths) {
    auto config = load_config("fmkit.yaml", m_site.path());
    EXPECT_TRUE(config) << headers(config.error());
    m_config = std::move(*config);
    return plan_with_config(m_config, paths, m_site.path(), m_registry,
                            PlanOptions{});
  }

  ScopedTempDir m_site;
  Config m_config;
  SchemaRegistry m_registry{
      [](const fs::path& path) { return read_whole_file(path); }};
};

TEST_F(PlanTest, FilesFoundBecomeSortedJobsEachPathHeldOnce) {
  auto plan = with_schema({"posts", "posts/b.md", "./posts/a/z.md", "empty"},
                          m_site.path());
  ASSERT_TRUE(plan) << headers(plan.error());
  EXPECT_EQ(describe(*plan),
            "posts/a/z.md 0\nposts/a-b/x.md 0\nposts/b.md 0\n");
  for (const FileJob& job : plan->jobs) {
    EXPECT_TRUE(shares_path(job)) << job.display();
    EXPECT_EQ(job.path(), m_site / job.display());
  }
  EXPECT_EQ(headers(plan->problems),
            "empty: error: no such file or directory [io]\n");
}

TEST_F(PlanTest, AFileShownOutsideTheWorkingFolderKeepsItsName) {
  auto plan =
      with_schema({"../other/o.md", "../posts/a"}, m_site.path() / "notes");
  ASSERT_TRUE(plan) << headers(plan.error());
  EXPECT_EQ(describe(*plan), "../other/o.md 0\n../posts/a/z.md 0\n");
  EXPECT_EQ(plan->jobs[0].path(), m_site / "other/o.md");
  EXPECT_FALSE(shares_path(plan->jobs[0]));
}

TEST_F(PlanTest, PathsWithAConfigTakeNamedFilesAndCollectionsWalkedOnes) {
  auto plan = with_config({"posts/a", "notes", "other/o.md", "posts/a/z.md"});
  ASSERT_TRUE(plan) << headers(plan.error());
  // notes/n.md is walked to and in no collection: left out, and "notes"
  // matched nothing; other/o.md is named: a warning.
  EXPECT_EQ(describe(*plan),
            "other/o.md - config.no-collection\nposts/a/z.md 0\n");
  for (const FileJob& job : plan->jobs) {
    EXPECT_TRUE(shares_path(job)) << job.display();
  }
  EXPECT_EQ(headers(plan->problems),
            "notes: error: nothing to check: no *.md, *.markdown, *.mdx file "
            "here is in a collection of 'fmkit.yaml' [path.no-match]\n");
}

TEST_F(PlanTest, ASelectionsJobsHoldTheirPathOnce) {
  const fs::path posts = m_site.path() / "posts";
  auto config = load_config("../fmkit.yaml", posts);
  ASSERT_TRUE(config) << headers(config.error());
  PlanOptions options;
  options.selection = listed_files("b.md\n../other/o.md\n", posts);
  auto plan = plan_with_config(*config, {}, posts, m_registry, options);
  ASSERT_TRUE(plan) << headers(plan.error());
  EXPECT_EQ(describe(*plan), "../other/o.md - config.no-collection\nb.md 0\n");
  EXPECT_TRUE(shares_path(plan->jobs[1]));
  EXPECT_FALSE(shares_path(plan->jobs[0]));
}

// A selection's files move into the jobs: a run over 100k listed files
// holds each path once, not in the selection and the jobs both.
TEST_F(PlanTest, ASelectionsFilesMoveIntoTheJobs) {
  const fs::path posts = m_site.path() / "posts";
  auto config = load_config("../fmkit.yaml", posts);
  ASSERT_TRUE(config) << headers(config.error());
  for (bool with_config : {true, false}) {
    PlanOptions options;
    options.selection = listed_files("b.md\na/z.md\n", posts);
    Plan plan;
    plan.folder = m_site.path();
    if (with_config) {
      plan_selection_with_config(*config, {}, posts, options, plan);
    } else {
      plan_selection_with_schema({}, posts, options, plan);
    }
    ASSERT_EQ(plan.jobs.size(), 2u) << with_config;
    EXPECT_EQ(plan.jobs[0].display(), "b.md");
    for (const SelectedFile& file : options.selection->files) {
      EXPECT_EQ(file.path(), "") << with_config;
    }
  }
}

}  // namespace
}  // namespace fmkit
