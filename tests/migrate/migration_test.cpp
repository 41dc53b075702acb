// SPDX-License-Identifier: MIT
#include "migrate/migration.hpp"

#include "report/render_support.hpp"

#include <gtest/gtest.h>

namespace fmkit {
namespace {

TEST(MigrationTest, ParsesTheIssueExample) {
  const char* text =
      "version: 2\n"
      "description: speakers become hosts; retire the 'seedling' status\n"
      "schema: ../schemas/post.v2.schema.json\n"
      "ops:\n"
      "  - rename: {from: speaker, to: host}\n"
      "  - map_values: {field: status, map: {seedling: draft}}\n"
      "  - set: {field: draft, value: false, if_missing: true}\n"
      "  - delete: {field: insight}\n"
      "  - convert: {field: series, to: list}\n";
  auto m = parse_migration(text, "migrations/0002-hosts.yaml");
  ASSERT_TRUE(m) << testing_support::messages(m.error());
  EXPECT_EQ(m->version, 2);
  EXPECT_EQ(m->description,
            "speakers become hosts; retire the 'seedling' status");
  EXPECT_EQ(m->schema, "../schemas/post.v2.schema.json");
  ASSERT_EQ(m->ops.size(), 5u);
  EXPECT_EQ(m->ops[0]->name(), "rename");
  EXPECT_EQ(m->ops[0]->location(), "migrations/0002-hosts.yaml:5:5");
  EXPECT_EQ(m->ops[4]->name(), "convert");
}

TEST(MigrationTest, ReportsEveryProblemWithItsPosition) {
  struct Bad {
    const char* text;
    const char* error;
  };
  const Bad cases[] = {
      {"version: 2\nops: []\ndescriptoin: x\n",
       "m.yaml:3:1: error: unknown key 'descriptoin' (did you mean "
       "'description'?)"},
      {"ops: []\n", "m.yaml:1:1: error: missing 'version'"},
      {"version: two\nops: []\n",
       "m.yaml:1:10: error: 'version' must be a whole number from 0 to "
       "999999999, got 'two'"},
      // Numbers out of range are quoted as written, not as the double
      // 1.0000000000000002e+20 they read as.
      {"version: 99999999999999999999\nops: []\n",
       "m.yaml:1:10: error: 'version' must be a whole number from 0 to "
       "999999999, got 99999999999999999999"},
      {"version: -2\nops: []\n",
       "m.yaml:1:10: error: 'version' must be a whole number from 0 to "
       "999999999, got -2"},
      {"version: 2.50\nops: []\n",
       "m.yaml:1:10: error: 'version' must be a whole number from 0 to "
       "999999999, got 2.50"},
      {"version: 2\n",
       "m.yaml:1:1: error: missing 'ops' (write 'ops: []' for a migration "
       "that only bumps the version)"},
      {"version: 2\nops: {rename: x}\n",
       "m.yaml:2:6: error: 'ops' must be a list, got {\"rename\":\"x\"}"},
      {"version: 2\nops:\n  - renam: {from: a, to: b}\n  - delete: {}\n",
       "m.yaml:3:5: error: unknown op 'renam' (did you mean 'rename'?)\n"
       "m.yaml:4:13: error: 'delete' needs 'field'"},
      {"version: 2\nops: [\n", "m.yaml:2:6: error: "},
      {"- a\n", "m.yaml:1:1: error: a migration must be a mapping"},
      {"version: 2\nwhere: {field: a}\nops: []\n",
       "m.yaml:2:8: error: a 'where' condition on 'field' needs one of "
       "'equals', 'in', 'contains', 'exists', 'matches'"},
  };
  for (const Bad& bad : cases) {
    auto m = parse_migration(bad.text, "m.yaml");
    ASSERT_FALSE(m) << bad.text;
    EXPECT_EQ(testing_support::messages(m.error()).substr(
                  0, std::string(bad.error).size()),
              bad.error)
        << bad.text;
  }
}

std::string migration(int version) {
  return "version: " + std::to_string(version) + "\nops: []\n";
}

TEST(MigrationTest, LoadsAChain) {
  auto chain = load_chain({
      {"m/0003-c.yaml", migration(3)},
      {"m/0002-b.yaml", migration(2)},
  });
  ASSERT_TRUE(chain) << testing_support::messages(chain.error());
  EXPECT_EQ(chain->latest_version(), 3);
  ASSERT_EQ(chain->migrations.size(), 2u);
  EXPECT_EQ(chain->migrations[0].version, 2);
  EXPECT_EQ(chain->find(3)->path, "m/0003-c.yaml");
  EXPECT_EQ(chain->find(4), nullptr);

  auto empty = load_chain({});
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->latest_version(), 1);

  auto from_ten =
      load_chain({{"0011-x.yaml", migration(11)}}, ChainOptions{10});
  ASSERT_TRUE(from_ten) << testing_support::messages(from_ten.error());
  EXPECT_EQ(from_ten->latest_version(), 11);
}

TEST(MigrationTest, ProblemsCarryRulesAndQuoteTheLine) {
  auto m = parse_migration(
      "version: two\nops:\n  - renam: {from: a}\n  - delete: {feild: x}\n"
      "colour: red\n",
      "m.yaml");
  ASSERT_FALSE(m);
  EXPECT_EQ(
      testing_support::headers(m.error()),
      "m.yaml:1:10: error: 'version' must be a whole number from 0 to "
      "999999999, got 'two' [migration.invalid]\n"
      "m.yaml:3:5: error: unknown op 'renam' (did you mean 'rename'?) "
      "[migration.unknown-op]\n"
      "m.yaml:4:13: error: 'delete' needs 'field' [migration.invalid]\n"
      "m.yaml:4:14: error: unknown argument 'feild' of 'delete' (did "
      "you mean 'field'?) [migration.unknown-argument]\n"
      "m.yaml:5:1: error: unknown key 'colour' [migration.unknown-key]\n");
  EXPECT_TRUE(testing_support::render(m.error()).starts_with(
      "m.yaml:1:10: error: 'version' must be a whole "
      "number from 0 to 999999999, got 'two' [migration.invalid]\n"
      "version: two\n         ^~~\n"));
}

TEST(MigrationTest, RejectsBrokenChains) {
  struct Bad {
    std::vector<MigrationFile> files;
    const char* error;
  };
  const Bad cases[] = {
      {{{"0002-a.yaml", migration(2)}, {"0004-b.yaml", migration(4)}},
       "0004-b.yaml:1:10: error: version 3 is missing before this migration"},
      {{{"0003-a.yaml", migration(3)}},
       "0003-a.yaml:1:10: error: version 2 is missing before this migration"},
      {{{"0002-a.yaml", migration(2)}, {"0002-b.yaml", migration(2)}},
       "0002-b.yaml:1:10: error: version 2 is claimed by 2 files: "
       "0002-a.yaml, 0002-b.yaml"},
      {{{"0002-a.yaml", migration(3)}},
       "0002-a.yaml:1:10: error: the file name says version 2 but 'version' "
       "is 3"},
      {{{"0001-a.yaml", migration(1)}},
       "0001-a.yaml:1:10: error: version 1 is not above the initial version 1"},
      {{{"notes.yaml", migration(2)}},
       "notes.yaml: error: a migration file is named NNNN-name.yaml, "
       "with its version first"},
      {{{"0002-a.yaml", "version: 2\nops: [{nope: 1}]\n"},
        {"0003-b.yaml", "version: 3\nops: [{delete: {}}]\n"}},
       "0002-a.yaml:2:8: error: unknown op 'nope'\n"
       "0003-b.yaml:2:16: error: 'delete' needs 'field'"},
  };
  for (const Bad& bad : cases) {
    auto chain = load_chain(bad.files);
    ASSERT_FALSE(chain) << bad.error;
    EXPECT_EQ(testing_support::messages(chain.error()), bad.error);
  }
}

TEST(MigrationTest, ScaffoldsTheNextVersion) {
  auto chain = load_chain({{"0002-a.yaml", migration(2)}});
  ASSERT_TRUE(chain);
  Expected<NewMigration> next =
      scaffold_migration(*chain, "Hosts become speakers!");
  ASSERT_TRUE(next) << next.error();
  EXPECT_EQ(next->file_name, "0003-hosts-become-speakers.yaml");
  auto parsed = parse_migration(next->text, next->file_name);
  ASSERT_TRUE(parsed) << testing_support::messages(parsed.error());
  EXPECT_EQ(parsed->version, 3);
  EXPECT_EQ(parsed->description, "Hosts become speakers!");
  EXPECT_TRUE(parsed->ops.empty());
  EXPECT_FALSE(scaffold_migration(*chain, "!!!"));
  EXPECT_TRUE(is_migration_file_name("0003-x.yml"));
  EXPECT_FALSE(is_migration_file_name("README.md"));
  EXPECT_FALSE(is_migration_file_name("0003-x.json"));
}

}  // namespace
}  // namespace fmkit
