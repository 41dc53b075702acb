// SPDX-License-Identifier: MIT
//
// Values an op only carries keep their source text. Each op runs on values
// written in forms the JSON model does not keep (`1.10` is 1.1, `0x1F` is
// 31, a 30-digit integer is a double, `~` and `null` are both null, quotes
// and escapes are gone), and the output must hold those forms byte for byte.
#include "migrate/migrate_test_util.hpp"

#include <gtest/gtest.h>

namespace fmkit {
namespace {

// Scalar forms that read back the same from their text only.
const char* const k_forms[] = {
    "1.10",
    "0x1F",
    "0o17",
    "123456789012345678901234567890",
    "1e3",
    "-.5",
    "'quoted'",
    "'it''s'",
    "\"esc\\t\\\"q\\\"\\u00e9\"",
    "~",
    "null",
    "2024-01-02 10:00:00",
    "!!str 42",
};

std::string with_form(std::string text, std::string_view form) {
  for (size_t at = text.find("F"); at != std::string::npos;
       at = text.find("F", at + form.size())) {
    text.replace(at, 1, form);
  }
  return text;
}

struct Template {
  const char* name;
  const char* before;  // "F" stands for the form
  const char* ops;
  const char* after;
  // A null becomes an empty list, not a list of a null: a computed value.
  bool skip_null = false;
};

void run_templates(const std::vector<Template>& templates) {
  for (const Template& t : templates) {
    for (const char* form : k_forms) {
      if (t.skip_null &&
          (form == std::string_view("~") || form == std::string_view("null"))) {
        continue;
      }
      SCOPED_TRACE(std::string(t.name) + " with " + form);
      EXPECT_EQ(testing::apply(with_form(t.before, form), t.ops),
                with_form(t.after, form));
    }
  }
}

using testing::run_cases;

TEST(CarriedValuesTest, Rename) {
  run_templates({
      {"block", "---\na: F # c\nz: 1\n---\n", "  - rename: {from: a, to: b}\n",
       "---\nb: F # c\nz: 1\n---\n"},
      {"flow", "---\nm: {a: F, z: 1}\n---\n",
       "  - rename: {from: /m/a, to: b}\n", "---\nm: {b: F, z: 1}\n---\n"},
  });
}

TEST(CarriedValuesTest, MoveAndCopy) {
  run_templates({
      {"into a new mapping", "---\na: F # c\nz: 1\n---\n",
       "  - move: {from: a, to: /m/a}\n", "---\nz: 1\nm:\n  a: F # c\n---\n"},
      {"out of a mapping", "---\nm:\n  a: F\n  k: 1\n---\n",
       "  - move: {from: /m/a, to: a}\n", "---\nm:\n  k: 1\na: F\n---\n"},
      {"deeper in its only mapping", "---\nm:\n  a: F # c\nz: 1\n---\n",
       "  - move: {from: /m/a, to: /m/sub/a}\n",
       "---\nm:\n  sub:\n    a: F # c\nz: 1\n---\n"},
      {"into a flow mapping", "---\na: F\nm: {k: 1}\n---\n",
       "  - move: {from: a, to: /m/a}\n", "---\nm: {k: 1, a: F}\n---\n"},
      {"out of a flow mapping", "---\nm: {a: F, k: 1}\n---\n",
       "  - move: {from: /m/a, to: a}\n", "---\nm: {k: 1}\na: F\n---\n"},
      {"copy", "---\na: F # c\n---\n", "  - copy: {from: a, to: /m/b}\n",
       "---\na: F # c\nm:\n  b: F # c\n---\n"},
      {"copy a block item", "---\nl:\n  - F # c\n---\n",
       "  - copy: {from: /l/0, to: b}\n",
       "---\nl:\n  - F # c\nb: F # c\n---\n"},
      {"copy a flow item", "---\nl: [x, F]\n---\n",
       "  - copy: {from: /l/1, to: b}\n", "---\nl: [x, F]\nb: F\n---\n"},
  });
}

TEST(CarriedValuesTest, ConvertToListAndBack) {
  run_templates({
      {"block list", "---\na: F # c\n---\n",
       "  - convert: {field: a, to: list}\n", "---\na:\n  - F # c\n---\n",
       true},
      {"flow list", "---\nt: [x]\na: F # c\n---\n",
       "  - convert: {field: a, to: list}\n", "---\nt: [x]\na: [F] # c\n---\n",
       true},
      {"in a flow mapping", "---\nm: {a: F}\n---\n",
       "  - convert: {field: /m/a, to: list}\n", "---\nm: {a: [F]}\n---\n",
       true},
      {"a list item", "---\nl:\n  - F\n---\n",
       "  - convert: {field: /l/0, to: list}\n", "---\nl:\n  - - F\n---\n",
       true},
      {"block item to scalar", "---\na:\n  - F # c\nz: 1\n---\n",
       "  - convert: {field: a, to: scalar}\n", "---\na: F # c\nz: 1\n---\n"},
      {"flow item to scalar", "---\na: [F] # c\n---\n",
       "  - convert: {field: a, to: scalar}\n", "---\na: F # c\n---\n"},
      {"comments before the item stay", "---\na: # c\n  # d\n  - F\n---\n",
       "  - convert: {field: a, to: scalar}\n",
       "---\na: # c\n  # d\n  F\n---\n"},
  });
}

TEST(CarriedValuesTest, ValuesAnOpLeavesAlone) {
  run_templates({
      {"map_values", "---\nl: [F, old]\nb:\n  - F\n  - old # o\n---\n",
       "  - map_values: {field: l, map: {old: new}}\n"
       "  - map_values: {field: b, map: {old: new}}\n",
       "---\nl: [F, new]\nb:\n  - F\n  - new # o\n---\n"},
      {"trim", "---\nl: [F, ' x ']\n---\n", "  - trim: l\n",
       "---\nl: [F, 'x']\n---\n"},
  });
}

TEST(CarriedValuesTest, ListOps) {
  run_templates({
      {"append", "---\nl: [F]\nb:\n  - F # c\n---\n",
       "  - append: {field: l, value: x}\n  - append: {field: b, value: x}\n",
       "---\nl: [F, x]\nb:\n  - F # c\n  - x\n---\n"},
      {"remove", "---\nl: [x, F, x]\nb:\n  - x\n  - F # c\n---\n",
       "  - remove: {field: l, value: x}\n  - remove: {field: b, value: x}\n",
       "---\nl: [F]\nb:\n  - F # c\n---\n"},
      {"dedupe", "---\nl: [F, x, x]\n---\n", "  - dedupe: l\n",
       "---\nl: [F, x]\n---\n"},
      {"delete an item", "---\nl: [x, F]\nb:\n  - x\n  - F\n---\n",
       "  - delete: /l/0\n  - delete: /b/0\n", "---\nl: [F]\nb:\n  - F\n---\n"},
  });
}

// Equal values written differently: the op must keep the text of the very
// item it keeps, not of an equal twin.
TEST(CarriedValuesTest, TwinsKeepTheirOwnText) {
  run_cases({
      {"delete the first of two", "---\nl: [1.10, 1.1]\n---\n",
       "  - delete: /l/0\n", "---\nl: [1.1]\n---\n"},
      {"delete a block item", "---\nl:\n  - 'x' # q\n  - x\n---\n",
       "  - delete: /l/0\n", "---\nl:\n  - x\n---\n"},
      {"dedupe keeps the first", "---\nl: [0x1F, 31, 1.10, 1.1]\n---\n",
       "  - dedupe: l\n", "---\nl: [0x1F, 1.10]\n---\n"},
      {"sort numbers", "---\nl: [1e3, 0x1F, 1.10]\n---\n", "  - sort: l\n",
       "---\nl: [1.10, 0x1F, 1e3]\n---\n"},
      {"convert to int keeps what is an int already",
       "---\nl: [0x1F, 0o17, '7', 1e3]\n---\n",
       "  - convert: {field: l, to: int}\n",
       "---\nl: [0x1F, 0o17, 7, 1e3]\n---\n"},
      {"sort twins", "---\nl: [31, 0x1F, 0o37, 1]\n---\n", "  - sort: l\n",
       "---\nl: [1, 31, 0x1F, 0o37]\n---\n"},
      {"sort descending", "---\nl:\n  - 1.10 # a\n  - 2.50 # b\n---\n",
       "  - sort: {field: l, order: desc}\n",
       "---\nl:\n  - 2.50 # b\n  - 1.10 # a\n---\n"},
  });
}

TEST(CarriedValuesTest, BlockScalarsAndCollections) {
  run_cases({
      {"convert to a block list", "---\na: |\n  one\n  two\nz: 1\n---\n",
       "  - convert: {field: a, to: list}\n",
       "---\na:\n  - |\n    one\n    two\nz: 1\n---\n"},
      {"convert to a list in a file of flow lists",
       "---\nt: [x]\na: >-\n  one\n  two\nz: 1\n---\n",
       "  - convert: {field: a, to: list}\n",
       "---\nt: [x]\na:\n  - >-\n    one\n    two\nz: 1\n---\n"},
      {"back to a scalar", "---\na:\n  - |\n    one\n    two\nz: 1\n---\n",
       "  - convert: {field: a, to: scalar}\n",
       "---\na: |\n  one\n  two\nz: 1\n---\n"},
      {"compact list back to a scalar", "---\na:\n- |+\n  one\n\nz: 1\n---\n",
       "  - convert: {field: a, to: scalar}\n",
       "---\na: |+\n  one\n\nz: 1\n---\n"},
      {"copy a block item", "---\nl:\n  - |\n    one\n---\n",
       "  - copy: {from: /l/0, to: /m/b}\n",
       "---\nl:\n  - |\n    one\nm:\n  b: |\n    one\n---\n"},
      {"move a block mapping into a list's mapping",
       "---\nm:\n  k: 1.10 # one\n  # two\n  j: 0x1F\nl:\n  - x: 1\n---\n",
       "  - move: {from: m, to: /l/0/m}\n",
       "---\nl:\n  - x: 1\n    m:\n      k: 1.10 # one\n      # two\n      j: "
       "0x1F\n"
       "---\n"},
      {"copy a list item's mapping", "---\nl:\n  - k: 1.10\n    j: 0x1F\n---\n",
       "  - copy: {from: /l/0, to: c}\n",
       "---\nl:\n  - k: 1.10\n    j: 0x1F\nc:\n  k: 1.10\n  j: 0x1F\n---\n"},
      {"block list into a flow mapping",
       "---\nl:\n  - 1.10\n  - 'x'\nm: {}\n---\n",
       "  - move: {from: l, to: /m/l}\n", "---\nm: {l: [1.10, 'x']}\n---\n"},
      {"block scalar into a flow mapping", "---\ns: |\n  one\nm: {}\n---\n",
       "  - move: {from: s, to: /m/s}\n", "---\nm: {s: \"one\\n\"}\n---\n"},
      {"a trailing comment cannot go into a flow mapping",
       "---\na: 1.10 # c\nm: {k: 1}\n---\n", "  - move: {from: a, to: /m/a}\n",
       "ERROR: cannot edit the YAML ('move' at m.yaml:3:5): '/a' has "
       "comments, which a flow collection on one line cannot hold "
       "[migrate.unsupported]"},
      {"commented list into a flow mapping",
       "---\nl:\n  - 1.10 # c\nm: {}\n---\n", "  - move: {from: l, to: /m/l}\n",
       "ERROR: cannot edit the YAML ('move' at m.yaml:3:5): '/l' has "
       "comments, which a flow collection on one line cannot hold "
       "[migrate.unsupported]"},
  });
}

TEST(CarriedValuesTest, AnchorsAndTags) {
  EXPECT_EQ(testing::apply("---\na: &x 1.10\nb: *x\n---\n",
                           "  - copy: {from: a, to: c}\n"),
            "---\na: &x 1.10\nb: *x\nc: 1.10\n---\n");
  EXPECT_EQ(testing::apply("---\na: &x 1.10\n---\n",
                           "  - move: {from: a, to: /m/a}\n"),
            "---\nm:\n  a: &x 1.10\n---\n");
  EXPECT_EQ(testing::apply("---\nl: [!!str 1, 2]\n---\n", "  - delete: /l/0\n"),
            "---\nl: [2]\n---\n");
  EXPECT_EQ(testing::apply("---\nl: [2, !!str 1]\n---\n", "  - sort: l\n"),
            "ERROR: 'sort' needs a list of only strings or only numbers in "
            "'l' (m.yaml:3:5) [migrate.conflict] @2:4");
  EXPECT_EQ(
      testing::apply("---\nl: [!!str 2, !!str 1]\n---\n", "  - sort: l\n"),
      "---\nl: [!!str 1, !!str 2]\n---\n");
  // A computed value drops the old value's tag, which would change it.
  EXPECT_EQ(testing::apply("---\nn: !!str 12 # c\n---\n",
                           "  - convert: {field: n, to: int}\n"),
            "---\nn: 12 # c\n---\n");
  EXPECT_EQ(testing::apply("---\nl: [!!str 2, '1']\n---\n", "  - sort: l\n"),
            "---\nl: ['1', !!str 2]\n---\n");
  EXPECT_EQ(testing::apply("---\nl: [!!str 1]\n---\n",
                           "  - convert: {field: l, to: scalar}\n"),
            "---\nl: !!str 1\n---\n");
}

}  // namespace
}  // namespace fmkit
