// SPDX-License-Identifier: MIT
//
// The rules across files through the runner: values taken in the pass that
// validates, the same values from a cache hit (nothing parsed), and the
// other files of a scoped run read for their values only.
#include "run/rules_runner.hpp"

#include "report/render_support.hpp"
#include "run/cache.hpp"
#include "run/cache_key.hpp"
#include "run/scoped_temp_dir.hpp"
#include "schema/schema_registry.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace fmkit {
namespace {

using testing_support::render;
using testing_support::ScopedTempDir;

class RulesRunnerTest : public testing::Test {
 protected:
  void SetUp() override {
    m_site.write("fmkit.yaml",
                 "collections:\n  posts:\n    include: 'posts/*.md'\n"
                 "    schema: s.json\n    unique: [slug]\n"
                 "  notes:\n    include: 'notes/*.md'\n    schema: s.json\n");
    m_site.write("s.json", R"({"required": ["slug"]})");
    m_site.write("posts/a.md", "---\nslug: same\n---\n");
    m_site.write("posts/b.md", "---\ntitle: B\nslug: same\n---\n");
    m_site.write("posts/c.md", "---\nslug: [x, y]\n---\n");
    m_site.write("notes/n.md", "---\nslug: same\n---\n");
    auto config = load_config("fmkit.yaml", m_site.path());
    ASSERT_TRUE(config) << render(config.error());
    m_config = std::move(*config);
    m_rules.emplace(m_config);
  }

  Plan plan(std::vector<std::string> paths = {}) {
    SchemaRegistry registry(
        [](const std::filesystem::path& p) { return read_whole_file(p); });
    auto plan = plan_with_config(m_config, paths, m_site.path(), registry, {});
    EXPECT_TRUE(plan) << render(plan.error());
    return std::move(*plan);
  }

  // Each file's values as "path: pointer=text@line:col ...", one a line.
  static std::string values(const Plan& plan,
                            const std::vector<FileResult>& results) {
    std::string out;
    for (const FileResult& r : results) {
      out += std::string(plan.jobs[r.job].display()) + ":";
      for (const RuleValue& v : r.rule_values) {
        out += " " + v.pointer + "=" + v.text + "@" +
               std::to_string(v.span.begin.line) + ":" +
               std::to_string(v.span.begin.column);
      }
      out += "\n";
    }
    return out;
  }

  ScopedTempDir m_site;
  Config m_config;
  std::optional<SiteRules> m_rules;
};

TEST_F(RulesRunnerTest, ValuesComeFromTheCacheOnAHit) {
  Plan site = plan();
  auto run = [&](size_t& hits) {
    ResultCache cache(m_site.path() / "cache", site.folder,
                      collection_keys(site, Hash128{}, "test"));
    RunOptions options;
    options.cache = &cache;
    options.rules = &*m_rules;
    auto results = run_validate(site, options);
    EXPECT_TRUE(cache.save(RunScope{}).has_value());
    hits = cache.hits();
    return values(site, results);
  };
  size_t cold_hits = 0;
  size_t warm_hits = 0;
  std::string cold = run(cold_hits);
  std::string warm = run(warm_hits);
  EXPECT_EQ(cold,
            "notes/n.md:\n"
            "posts/a.md: /slug=same@2:7\n"
            "posts/b.md: /slug=same@3:7\n"
            "posts/c.md: /slug/0=x@2:8 /slug/1=y@2:11\n");
  EXPECT_EQ(cold_hits, 0u);
  EXPECT_EQ(warm_hits, 4u);
  EXPECT_EQ(warm, cold);
}

TEST_F(RulesRunnerTest, AScopedRunReadsTheOtherFilesAsContext) {
  Plan scoped = plan({"posts/b.md"});
  ASSERT_EQ(scoped.jobs.size(), 1u);
  RunOptions options;
  options.rules = &*m_rules;
  RuleChecker checker(*m_rules);
  for (FileResult& r : run_validate(scoped, options)) {
    checker.add(r.job, scoped.jobs[r.job].display(), 0,
                std::move(r.rule_values));
  }
  add_context_values(m_config, scoped, PlanOptions{}, m_site.path(), *m_rules,
                     options, checker);
  std::vector<RuleFindings> findings = checker.check();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].file, 0u);
  ASSERT_EQ(findings[0].diagnostics.size(), 1u);
  EXPECT_EQ(findings[0].diagnostics[0].message,
            "duplicate slug 'same', also at posts/a.md:2:7");
  FileReport report =
      rule_report(scoped.jobs[0], std::move(findings[0].diagnostics));
  EXPECT_EQ(report.text, "---\ntitle: B\nslug: same\n---\n");
}

}  // namespace
}  // namespace fmkit
