// SPDX-License-Identifier: MIT
#include "migrate/planner.hpp"

#include "migrate/migration.hpp"
#include "report/render_support.hpp"
#include "schema/schema_registry.hpp"
#include "schema/schema_test_support.hpp"

#include <gtest/gtest.h>

namespace fmkit {
namespace {

MigrationChain chain_of(std::vector<MigrationFile> files, int initial = 1) {
  auto chain = load_chain(files, ChainOptions{initial});
  EXPECT_TRUE(chain) << testing_support::messages(chain.error());
  return chain ? std::move(chain).value() : MigrationChain{};
}

MigrationChain two_steps() {
  return chain_of({
      {"0002-hosts.yaml",
       "version: 2\nops:\n  - rename: {from: speaker, to: host}\n"
       "  - delete: {field: insight}\n"},
      {"0003-draft.yaml",
       "version: 3\nops:\n  - set: {field: draft, value: false, "
       "if_missing: true}\n"},
  });
}

TEST(PlannerTest, AppliesPendingStepsAndBumpsTheVersion) {
  const char* text = "---\ntitle: T\nspeaker: Bob\ninsight: x\n---\nbody\n";
  DocumentPlan plan = plan_document(text, two_steps(), {});
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan.status, PlanStatus::migrated);
  EXPECT_EQ(plan.from_version, 1);
  EXPECT_EQ(plan.to_version, 3);
  EXPECT_EQ(plan.applied, (std::vector<int>{2, 3}));
  EXPECT_EQ(plan.deleted_values, 1u);
  EXPECT_TRUE(plan.changed);
  EXPECT_EQ(plan.text,
            "---\ntitle: T\nhost: Bob\ndraft: false\nschema_version: 3\n---\n"
            "body\n");

  // Idempotent: the result is up to date and a second run changes 0 bytes.
  DocumentPlan again = plan_document(plan.text, two_steps(), {});
  EXPECT_EQ(again.status, PlanStatus::up_to_date);
  EXPECT_FALSE(again.changed);
  EXPECT_EQ(again.text, plan.text);
}

TEST(PlannerTest, StartsFromTheVersionKeyAndUpdatesItInPlace) {
  const char* text = "---\nschema_version: 2 # v\ntitle: T\n---\n";
  DocumentPlan plan = plan_document(text, two_steps(), {});
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan.from_version, 2);
  EXPECT_EQ(plan.applied, (std::vector<int>{3}));
  EXPECT_EQ(plan.text,
            "---\nschema_version: 3 # v\ntitle: T\ndraft: false\n---\n");
}

TEST(PlannerTest, StopsAtTo) {
  MigrateOptions options;
  options.to = 2;
  DocumentPlan plan =
      plan_document("---\nspeaker: Bob\n---\n", two_steps(), options);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan.to_version, 2);
  EXPECT_EQ(plan.text, "---\nhost: Bob\nschema_version: 2\n---\n");
  options.to = 9;
  DocumentPlan bad = plan_document("---\na: 1\n---\n", two_steps(), options);
  EXPECT_EQ(bad.status, PlanStatus::failed);
  EXPECT_EQ(bad.diagnostics.at(0).message,
            "there is no version 9 to migrate to (versions 1 to 3)");
}

TEST(PlannerTest, ANoOpMigrationChangesOnlyTheVersion) {
  MigrationChain chain = chain_of({{"0002-x.yaml",
                                    "version: 2\nops:\n  - delete: gone\n"
                                    "  - rename: {from: nope, to: x}\n"}});
  const char* text = "---\r\nschema_version: 1\r\n# keep\r\nt: 'x'\r\n---\r\n";
  DocumentPlan plan = plan_document(text, chain, {});
  EXPECT_EQ(plan.text,
            "---\r\nschema_version: 2\r\n# keep\r\nt: 'x'\r\n---\r\n");
  EXPECT_EQ(plan.deleted_values, 0u);
}

TEST(PlannerTest, ARenameChangesExactlyThatLine) {
  MigrationChain chain = chain_of(
      {{"0002-x.yaml", "version: 2\nops:\n  - rename: {from: b, to: c}\n"}});
  const char* text =
      "---\nschema_version: 1\na: 1\nb: [x, 'y']  # z\nd: 4\n---\n";
  DocumentPlan plan = plan_document(text, chain, {});
  EXPECT_EQ(plan.text,
            "---\nschema_version: 2\na: 1\nc: [x, 'y']  # z\nd: 4\n---\n");
}

TEST(PlannerTest, FailuresKeepTheText) {
  MigrationChain chain =
      chain_of({{"0002-x.yaml",
                 "version: 2\nops:\n  - delete: insight\n"
                 "  - set: {field: draft, value: false}\n"}});
  const char* text = "---\ninsight: x\ndraft: true\n---\n";
  DocumentPlan plan = plan_document(text, chain, {});
  EXPECT_EQ(plan.status, PlanStatus::failed);
  EXPECT_FALSE(plan.ok());
  EXPECT_EQ(plan.text, text);
  EXPECT_FALSE(plan.changed);
  EXPECT_EQ(plan.deleted_values, 0u);
  ASSERT_EQ(plan.diagnostics.size(), 1u);
  const Diagnostic& d = plan.diagnostics[0];
  EXPECT_EQ(d.rule, "migrate.conflict");
  EXPECT_EQ(d.pointer, "/draft");
  EXPECT_EQ(d.span.begin.line, 3u);
  EXPECT_EQ(d.span.begin.column, 8u);
}

TEST(PlannerTest, VersionProblems) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"---\nschema_version: 7\n---\n",
       "the document is at version 7, newer than the latest migration (3)"},
      {"---\nschema_version: v2\n---\n",
       "the version 'schema_version' must be a whole number from 0 to "
       "999999999, got 'v2'"},
      {"---\nschema_version: -1\n---\n",
       "the version 'schema_version' must be a whole number from 0 to "
       "999999999, got -1"},
      {"---\nschema_version: 0\n---\n",
       "the document is at version 0, below the initial version 1"},
  };
  for (const Case& c : cases) {
    DocumentPlan plan = plan_document(c.text, two_steps(), {});
    EXPECT_EQ(plan.status, PlanStatus::failed);
    ASSERT_FALSE(plan.diagnostics.empty());
    EXPECT_EQ(plan.diagnostics[0].message, c.message);
    EXPECT_EQ(plan.diagnostics[0].span.begin.line, 2u);
  }
  DocumentPlan quoted =
      plan_document("---\nschema_version: '2'\n---\n", two_steps(), {});
  EXPECT_EQ(quoted.from_version, 2);
  EXPECT_EQ(quoted.text, "---\nschema_version: 3\ndraft: false\n---\n");

  DocumentPlan none = plan_document("no front matter\n", two_steps(), {});
  EXPECT_EQ(none.status, PlanStatus::skipped);
  EXPECT_TRUE(none.ok());

  DocumentPlan broken = plan_document("---\na: [\n---\n", two_steps(), {});
  EXPECT_EQ(broken.status, PlanStatus::failed);
  EXPECT_EQ(broken.diagnostics.at(0).rule, "yaml.syntax");
}

TEST(PlannerTest, CustomVersionKeyAndMigrationWhere) {
  MigrationChain chain = chain_of(
      {{"0011-x.yaml",
        "version: 11\nwhere: {path: 'posts/**'}\nops:\n  - delete: a\n"}},
      10);
  MigrateOptions options;
  options.version.version_key = "/meta/v";
  options.path = "posts/x.md";
  DocumentPlan plan = plan_document("---\na: 1\nb: 2\n---\n", chain, options);
  EXPECT_EQ(plan.text, "---\nb: 2\nmeta:\n  v: 11\n---\n");
  options.path = "notes/x.md";
  plan = plan_document("---\na: 1\nmeta: {v: 10}\n---\n", chain, options);
  EXPECT_EQ(plan.text, "---\na: 1\nmeta: {v: 11}\n---\n");

  DocumentVersion version = read_document_version("---\nmeta:\n  v: 11\n---\n",
                                                  chain, options.version);
  EXPECT_EQ(version.version, 11);
  EXPECT_TRUE(version.explicit_version);
  version = read_document_version("---\nx: 1\n---\n", chain, options.version);
  EXPECT_EQ(version.version, 10);
  EXPECT_FALSE(version.explicit_version);
}

TEST(PlannerTest, ValidatesAgainstTheTargetSchema) {
  SchemaRegistry registry(
      [](const std::filesystem::path&) -> Expected<std::string> {
        return std::string(R"({"type": "object", "required": ["host"],
      "properties": {"host": {"type": "string"}}})");
      });
  auto schema = registry.load("/schemas/post.schema.json");
  ASSERT_TRUE(schema) << schema_testing::show_problems(schema.error());
  MigrateOptions options;
  options.schema = *schema;
  DocumentPlan good =
      plan_document("---\nspeaker: Bob\n---\n", two_steps(), options);
  EXPECT_TRUE(good.ok());
  DocumentPlan bad =
      plan_document("---\ntitle: x\n---\n", two_steps(), options);
  EXPECT_EQ(bad.status, PlanStatus::failed);
  EXPECT_FALSE(bad.ok());
  ASSERT_FALSE(bad.schema_diagnostics.empty());
  EXPECT_EQ(bad.schema_diagnostics[0].rule, "schema.required");
}

// TOML front matter is migrated: the version key goes with the root keys,
// before the first [table].
TEST(PlannerTest, MigratesTomlFrontMatter) {
  const char* text =
      "+++\ntitle = 'T'\nspeaker = \"Bob\" # b\ninsight = 1\n\n[params]\nx = "
      "1\n+++\nbody\n";
  DocumentPlan plan = plan_document(text, two_steps(), {});
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan.status, PlanStatus::migrated);
  EXPECT_EQ(plan.text,
            "+++\ntitle = 'T'\nhost = \"Bob\" # b\ndraft = false\n"
            "schema_version = 3\n\n[params]\nx = 1\n+++\nbody\n");
  DocumentPlan again = plan_document(plan.text, two_steps(), {});
  EXPECT_EQ(again.status, PlanStatus::up_to_date);
  // The version key, replaced in place.
  plan =
      plan_document("+++\nschema_version = 2 # v\n[t]\n+++\n", two_steps(), {});
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan.text,
            "+++\nschema_version = 3 # v\ndraft = false\n[t]\n+++\n");
}

}  // namespace
}  // namespace fmkit
