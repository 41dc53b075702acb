// SPDX-License-Identifier: MIT
//
// Ops on a document of a `yaml: "1.1"` collection: they read values as
// YAML 1.1 does, carry text as written, and write new values so that YAML
// 1.1 and 1.2 read them alike.
#include "migrate/migrate_test_util.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace fmkit::testing {
namespace {

// Applies the ops to `text` read as `version`: the new text, or "ERROR".
std::string apply_as(YamlVersion version, std::string_view text,
                     std::string_view ops_yaml) {
  OpsOptions options;
  options.path = "post.md";
  options.yaml.version = version;
  OpsResult result = apply_ops(text, parse_ops(ops_yaml), options);
  return count_errors(result.diagnostics) > 0 ? "ERROR" : result.text;
}

struct Case {
  const char* name;
  const char* before;
  const char* ops;
  const char* after_11;  // read as YAML 1.1
  const char* after_12;  // read as YAML 1.2
};

TEST(Yaml11MigrateTest, OpsReadValuesAsTheCollectionDoes) {
  const Case cases[] = {
      {"where sees 'no' as false", "---\ndraft: no\n---\n",
       "  - set: {field: hidden, value: true, where: {field: draft, equals: "
       "false}}\n",
       "---\ndraft: no\nhidden: true\n---\n", "---\ndraft: no\n---\n"},
      {"where sees 0755 as 493", "---\nmode: 0755\n---\n",
       "  - delete: {field: mode, where: {field: mode, equals: 493}}\n",
       "---\n---\n", "---\nmode: 0755\n---\n"},
      {"map_values maps the boolean", "---\ndraft: off\n---\n",
       "  - map_values: {field: draft, map: {'false': published, 'off': "
       "kept}}\n",
       "---\ndraft: published\n---\n", "---\ndraft: kept\n---\n"},
      {"convert to string gives the number read", "---\nmode: 0755\n---\n",
       "  - convert: {field: mode, to: string}\n", "---\nmode: '493'\n---\n",
       "---\nmode: '0755'\n---\n"},
      {"convert to string of base 60", "---\nlength: 1:30\n---\n",
       "  - convert: {field: length, to: string}\n", "---\nlength: '90'\n---\n",
       "---\nlength: 1:30\n---\n"},
      {"convert to string of separated digits", "---\nn: 1_000\nv: 1.10\n---\n",
       "  - convert: {field: n, to: string}\n"
       "  - convert: {field: v, to: string}\n",
       "---\nn: '1000'\nv: '1.10'\n---\n", "---\nn: 1_000\nv: '1.10'\n---\n"},
      {"convert to bool", "---\ndraft: yes\n---\n",
       "  - convert: {field: draft, to: bool, table: {'yes': true}}\n",
       "---\ndraft: yes\n---\n", "---\ndraft: true\n---\n"},
      {"a carried value keeps its text", "---\ndraft: no\nmode: 0755\n---\n",
       "  - rename: {from: draft, to: hidden}\n"
       "  - move: {from: mode, to: /meta/mode}\n",
       "---\nhidden: no\nmeta:\n  mode: 0755\n---\n",
       "---\nhidden: no\nmeta:\n  mode: 0755\n---\n"},
      {"new strings are written so both readings agree", "---\na: 1\n---\n",
       "  - set: {field: b, value: 'no'}\n  - set: {field: c, value: '0755'}\n"
       "  - set: {field: d, value: '1:30'}\n",
       "---\na: 1\nb: 'no'\nc: '0755'\nd: '1:30'\n---\n",
       "---\na: 1\nb: 'no'\nc: '0755'\nd: '1:30'\n---\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(apply_as(YamlVersion::v1_1, c.before, c.ops), c.after_11);
    EXPECT_EQ(apply_as(YamlVersion::v1_2, c.before, c.ops), c.after_12);
  }
}

}  // namespace
}  // namespace fmkit::testing
