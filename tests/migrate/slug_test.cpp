// SPDX-License-Identifier: MIT
#include "migrate/slug.hpp"

#include "migrate/migration.hpp"

#include <gtest/gtest.h>

namespace fmkit {
namespace {

TEST(SlugTest, Rules) {
  struct Case {
    const char* text;
    const char* slug;
  };
  const Case cases[] = {
      {"Retire series", "retire-series"},
      {"Hosts become speakers!", "hosts-become-speakers"},
      {"Don't Panic: Part 2", "dont-panic-part-2"},
      {"it’s", "its"},
      {"  --a__b--  ", "a-b"},
      {"Café — Menu", "café-menu"},
      {"《失控》 AI", "失控-ai"},
      {"Gwern谈AI预测、智能本质", "gwern谈ai预测-智能本质"},
      {"ÄÖÜ", "ÄÖÜ"},  // not case-folded beyond ASCII
      {"a\xC2\xA0"
       "b",
       "a-b"},  // no-break space
      {"x × y", "x-y"},
      {"caf\xE9 menu", "caf-menu"},  // an ill-formed byte separates words
      {"!!!", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(slugify(c.text), c.slug) << c.text;
    EXPECT_EQ(slugify(slugify(c.text)), slugify(c.text)) << c.text;
  }
}

// `fmkit migrate new` names files with the same slug as the `slugify` op.
TEST(SlugTest, NamesMigrationFiles) {
  MigrationChain chain;
  struct Case {
    const char* name;
    const char* file;
  };
  const Case cases[] = {
      {"Don't panic", "0002-dont-panic.yaml"},
      {"Café — Menu", "0002-café-menu.yaml"},
      {"retire `series`", "0002-retire-series.yaml"},
  };
  for (const Case& c : cases) {
    Expected<NewMigration> next = scaffold_migration(chain, c.name);
    ASSERT_TRUE(next) << next.error();
    EXPECT_EQ(next->file_name, c.file);
  }
  Expected<NewMigration> none = scaffold_migration(chain, "— !");
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error(), "the migration name '— !' needs a letter or a digit");
}

}  // namespace
}  // namespace fmkit
