// SPDX-License-Identifier: MIT
#include "run/runner.hpp"

#include "report/render_support.hpp"
#include "run/file_reader.hpp"
#include "run/scoped_temp_dir.hpp"
#include "schema/schema_registry.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace fmkit {
namespace {

using testing_support::headers;
using testing_support::render;
using testing_support::ScopedTempDir;

// A plan whose documents never reach a Validator (no front matter, bad
// YAML, unreadable, not in a collection), so it needs no schema.
Plan make_plan(const ScopedTempDir& dir, int copies) {
  Plan plan;
  Collection strict;
  strict.name = "strict";
  Collection lenient;
  lenient.name = "lenient";
  lenient.document.require_front_matter = RequireFrontMatter::no;
  plan.collections = {strict, lenient};
  for (int i = 0; i < copies; ++i) {
    std::string n = std::to_string(i);
    auto add = [&](std::string name, std::string text, size_t target) {
      std::string shown = n + "/" + name;
      std::filesystem::path path =
          name == "missing.md" ? dir.path() / shown : dir.write(shown, text);
      plan.jobs.push_back(FileJob{{path.string(), shown}, target, {}});
    };
    add("no-front-matter.md", "# Title\n", 0);
    add("plain-ok.md", "# Title\n", 1);
    add("bad-yaml.md", "---\ntitle: [a\n---\n", 0);
    add("unclosed.md", "---\ntitle: a\n", 0);
    add("missing.md", "", 0);
    std::string shown = n + "/outside.md";
    FileJob outside{{(dir.path() / shown).string(), shown}};
    outside.diagnostics.push_back(Diagnostic{
        Severity::warning, "config.no-collection", "not validated", "", {}});
    plan.jobs.push_back(std::move(outside));
  }
  return plan;
}

std::string describe(const std::vector<FileResult>& results) {
  std::string out;
  for (const FileResult& r : results) {
    out += r.report.path + (r.failed ? " [failed]" : " []") +
           " text=" + std::to_string(r.report.text.size()) + "\n";
    for (const Diagnostic& d : r.report.diagnostics) {
      out += "  " + std::to_string(d.span.begin.line) + ":" +
             std::to_string(d.span.begin.column) + " " +
             std::string(to_string(d.severity)) + " " + d.rule + " " +
             d.message + "\n";
    }
  }
  return out;
}

TEST(RunnerTest, ReportsEachFileInPlanOrder) {
  ScopedTempDir dir;
  Plan plan = make_plan(dir, 1);
  std::vector<FileResult> results = run_validate(plan, RunOptions{1, 4096});
  ASSERT_EQ(results.size(), 6u);
  EXPECT_EQ(results[0].report.path, "0/no-front-matter.md");
  ASSERT_EQ(results[0].report.diagnostics.size(), 1u);
  EXPECT_EQ(results[0].report.diagnostics[0].rule, "front-matter.missing");
  EXPECT_EQ(results[0].report.text, "# Title\n");  // kept: it has diagnostics

  EXPECT_EQ(results[1].report.diagnostics.size(), 0u);
  EXPECT_EQ(results[1].report.text, "");  // dropped: nothing to quote

  ASSERT_FALSE(results[2].report.diagnostics.empty());
  EXPECT_EQ(results[2].report.diagnostics[0].rule.substr(0, 5), "yaml.");

  ASSERT_EQ(results[3].report.diagnostics.size(), 1u);
  EXPECT_EQ(results[3].report.diagnostics[0].rule, "front-matter.unclosed");

  EXPECT_TRUE(results[4].failed);
  ASSERT_EQ(results[4].report.diagnostics.size(), 1u);
  EXPECT_EQ(results[4].report.diagnostics[0].rule, "io");
  EXPECT_EQ(results[4].report.diagnostics[0].message,
            "no such file or directory");
  EXPECT_FALSE(results[4].report.diagnostics[0].span.valid());

  EXPECT_FALSE(results[5].failed);
  ASSERT_EQ(results[5].report.diagnostics.size(), 1u);
  EXPECT_EQ(results[5].report.diagnostics[0].rule, "config.no-collection");
}

TEST(RunnerTest, OneAndEightThreadsGiveTheSameResults) {
  ScopedTempDir dir;
  Plan plan = make_plan(dir, 50);
  std::string one = describe(run_validate(plan, RunOptions{1, 4096}));
  std::string eight = describe(run_validate(plan, RunOptions{8, 4096}));
  std::string automatic = describe(run_validate(plan, RunOptions{0, 4096}));
  EXPECT_EQ(one, eight);
  EXPECT_EQ(one, automatic);
  EXPECT_NE(one.find("49/outside.md"), std::string::npos);
}

TEST(RunnerTest, SinkGetsResultsInOrderOnTheCallingThread) {
  ScopedTempDir dir;
  Plan plan = make_plan(dir, 20);
  std::vector<std::string> seen;
  std::thread::id caller = std::this_thread::get_id();
  run_validate(plan, RunOptions{4, 4096}, [&](FileResult&& result) {
    EXPECT_EQ(std::this_thread::get_id(), caller);
    seen.push_back(result.report.path);
  });
  ASSERT_EQ(seen.size(), plan.jobs.size());
  for (size_t i = 0; i < seen.size(); ++i)
    EXPECT_EQ(seen[i], plan.jobs[i].display());
}

TEST(RunnerTest, EmptyPlanRunsNothing) {
  Plan plan;
  EXPECT_TRUE(run_validate(plan, RunOptions{8, 4096}).empty());
}

// Plans the collections of dir/fmkit.yaml.
Expected<Plan, Problems> plan_site(const ScopedTempDir& dir) {
  auto config = load_config("fmkit.yaml", dir.path());
  if (!config) return unexpected(config.error());
  SchemaRegistry registry(
      [](const std::filesystem::path& path) { return read_whole_file(path); });
  return plan_with_config(*config, {}, dir.path(), registry, {});
}

TEST(RunnerTest, EachDocumentGetsTheSchemaOfItsVersion) {
  ScopedTempDir dir;
  dir.write("fmkit.yaml",
            "collections:\n  posts:\n    include: 'posts/*.md'\n"
            "    schema: v1.json\n    migrations: migrations/\n");
  dir.write("v1.json", R"({"required": ["speaker"]})");
  dir.write("v2.json", R"({"required": ["host"]})");
  dir.write("migrations/0002-host.yaml",
            "version: 2\nschema: ../v2.json\n"
            "ops:\n  - rename: {from: speaker, to: host}\n");
  // Names no schema: version 3 keeps version 2's.
  dir.write("migrations/0003-nothing.yaml", "version: 3\nops: []\n");
  dir.write("posts/a.md", "---\nspeaker: Ann\n---\n");
  dir.write("posts/b.md", "---\nhost: Bob\n---\n");  // v1 without speaker
  dir.write("posts/c.md", "---\nschema_version: 2\nhost: Cy\n---\n");
  dir.write("posts/d.md", "---\nschema_version: 3\nspeaker: Di\n---\n");
  dir.write("posts/e.md", "---\nschema_version: 7\n---\n");
  dir.write("posts/f.md", "---\nschema_version: two\n---\n");

  auto plan = plan_site(dir);
  ASSERT_TRUE(plan) << render(plan.error());
  ASSERT_TRUE(plan->collections[0].migrations);
  EXPECT_EQ(plan->collections[0].migrations->schemas.size(), 3u);
  EXPECT_EQ(describe(run_validate(*plan, RunOptions{1, 4096})),
            "posts/a.md [] text=0\n"
            "posts/b.md [] text=18\n"
            "  3:1 error schema.required missing required key 'speaker'\n"
            "posts/c.md [] text=0\n"
            "posts/d.md [] text=38\n"
            "  4:1 error schema.required missing required key 'host'\n"
            "posts/e.md [] text=26\n"
            "  2:17 error migrate.version the document is at version 7, newer "
            "than the latest migration (3)\n"
            "posts/f.md [] text=28\n"
            "  2:17 error migrate.version the version 'schema_version' must be "
            "a whole number from 0 to 999999999, got 'two'\n");
}

TEST(RunnerTest, EachCollectionReadsWithItsYamlVersion) {
  ScopedTempDir dir;
  dir.write("fmkit.yaml",
            "collections:\n  posts:\n    include: 'posts/*.md'\n"
            "    schema: s.json\n    yaml: '1.1'\n    migrations: m/\n"
            "  pages:\n    include: 'pages/*.md'\n    schema: s.json\n");
  dir.write("s.json", "{}");
  dir.write("posts/a.md", "---\ntitle: A\n---\n");
  dir.write("pages/b.md", "---\ntitle: B\n---\n");
  auto plan = plan_site(dir);
  ASSERT_TRUE(plan) << render(plan.error());
  ASSERT_EQ(plan->collections.size(), 2u);
  EXPECT_EQ(plan->collections[0].document.yaml.version, YamlVersion::v1_1);
  EXPECT_EQ(plan->collections[1].document.yaml.version, YamlVersion::v1_2);
}

TEST(RunnerTest, ABrokenMigrationFailsThePlan) {
  ScopedTempDir dir;
  dir.write("fmkit.yaml",
            "collections:\n  posts:\n    include: '*.md'\n"
            "    schema: v1.json\n    migrations: m\n");
  dir.write("v1.json", "{}");
  dir.write("m/0002-x.yaml", "version: 2\nops:\n  - renam: {}\n");
  auto plan = plan_site(dir);
  ASSERT_FALSE(plan);
  EXPECT_TRUE(headers(plan.error()).starts_with("m/0002-x.yaml:3:5: error: "))
      << render(plan.error());
}

}  // namespace
}  // namespace fmkit
