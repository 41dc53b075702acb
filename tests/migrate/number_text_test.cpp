// SPDX-License-Identifier: MIT
//
// A number an op turns into text keeps the digits it was written with.
// YAML 1.2 reads the plain scalar `1.10` as the number 1.1, `0x1F` as 31,
// `+5` as 5, `010` as 10, `1e3` as 1000 and a 30-digit integer as a rounded
// double; an op that wrote the JSON number would change the user's data
// (`version: 1.10` converted to a string must say '1.10', not '1.1'). One
// table per op that makes text of a scalar (convert to string, join,
// map_values and convert's table), and the ops that compare numbers
// (where, sort, dedupe), whose rule is the value, pinned here.
#include "migrate/migrate_test_util.hpp"

#include <gtest/gtest.h>

namespace fmkit {
namespace {

using testing::run_cases;

TEST(NumberTextTest, ConvertToString) {
  const char* const to_string = "  - convert: {field: n, to: string}\n";
  run_cases({
      {"trailing zero", "---\nn: 1.10\n---\n", to_string,
       "---\nn: '1.10'\n---\n"},
      {"hex", "---\nn: 0x1F\n---\n", to_string, "---\nn: '0x1F'\n---\n"},
      {"octal", "---\nn: 0o17\n---\n", to_string, "---\nn: '0o17'\n---\n"},
      {"exponent", "---\nn: 1e3\n---\n", to_string, "---\nn: '1e3'\n---\n"},
      {"plus sign", "---\nn: +5\n---\n", to_string, "---\nn: '+5'\n---\n"},
      {"leading zero", "---\nn: 010\n---\n", to_string, "---\nn: '010'\n---\n"},
      {"no leading digit", "---\nn: -.5\n---\n", to_string,
       "---\nn: '-.5'\n---\n"},
      {"whole float", "---\nn: 2.0\n---\n", to_string, "---\nn: '2.0'\n---\n"},
      {"30 digits", "---\nn: 123456789012345678901234567890\n---\n", to_string,
       "---\nn: '123456789012345678901234567890'\n---\n"},
      {"plain integer", "---\nn: 42\n---\n", to_string, "---\nn: '42'\n---\n"},
      {"infinity is a string already", "---\nn: .inf\n---\n", to_string,
       "---\nn: .inf\n---\n"},
      {"a comment stays", "---\nn: 1.10 # v\nz: 1\n---\n", to_string,
       "---\nn: '1.10' # v\nz: 1\n---\n"},
      {"a tag goes with the number", "---\nn: !!float 1.10\n---\n", to_string,
       "---\nn: '1.10'\n---\n"},
      {"a quoted string is left alone", "---\nn: '1.10'\n---\n", to_string,
       "---\nn: '1.10'\n---\n"},
      {"a bool is its JSON text", "---\nn: True\n---\n", to_string,
       "---\nn: 'true'\n---\n"},
      {"flow list items", "---\nn: [1.10, 0x1F, a, 7]\n---\n", to_string,
       "---\nn: ['1.10', '0x1F', a, '7']\n---\n"},
      {"block list items", "---\nn:\n  - 1.10 # a\n  - +5\nz: 1\n---\n",
       to_string, "---\nn:\n  - '1.10' # a\n  - '+5'\nz: 1\n---\n"},
      {"nested by pointer", "---\nm:\n  n: 1.10\n---\n",
       "  - convert: {field: /m/n, to: string}\n",
       "---\nm:\n  n: '1.10'\n---\n"},
      {"a list item by pointer", "---\nl: [0x1F, 1.10]\n---\n",
       "  - convert: {field: /l/1, to: string}\n",
       "---\nl: [0x1F, '1.10']\n---\n"},
      {"after a move, from its new place", "---\na: 1.10\n---\n",
       "  - move: {from: a, to: /m/v}\n"
       "  - convert: {field: /m/v, to: string}\n",
       "---\nm:\n  v: '1.10'\n---\n"},
  });
}

TEST(NumberTextTest, ConvertJoin) {
  run_cases({
      {"to string", "---\nv: [1.10, 0x1F, 2.0, +5]\n---\n",
       "  - convert: {field: v, to: string, join: ', '}\n",
       "---\nv: 1.10, 0x1F, 2.0, +5\n---\n"},
      {"to scalar", "---\nv:\n  - 1.10\n  - x\n  - true\n  - ~\nz: 1\n---\n",
       "  - convert: {field: v, to: scalar, join: /}\n",
       "---\nv: 1.10/x/true\nz: 1\n---\n"},
      {"one number joined is a string", "---\nv: [1.10]\n---\n",
       "  - convert: {field: v, to: string, join: ', '}\n",
       "---\nv: '1.10'\n---\n"},
      {"an alias to a number is refused", "---\na: &x 1.10\nv: [*x, 2]\n---\n",
       "  - convert: {field: v, to: string, join: ', '}\n",
       "ERROR: cannot edit the YAML ('convert' at m.yaml:3:5): '/v/0' is an "
       "alias; fmkit does not join the number it stands for, whose digits "
       "are written at its anchor [migrate.unsupported]"},
      {"an alias to a string is joined", "---\na: &x 'b c'\nv: [*x, 2]\n---\n",
       "  - convert: {field: v, to: string, join: ', '}\n",
       "---\na: &x 'b c'\nv: b c, 2\n---\n"},
      {"a scalar with join", "---\nv: 010\n---\n",
       "  - convert: {field: v, to: string, join: ', '}\n",
       "---\nv: '010'\n---\n"},
  });
}

// Keys of `map` and `table` are text (`1.10: x` and `'1.10': x` are the
// same key). A scalar matches the key written as the scalar is written
// (`1.10`, `0x1F`), else the key of its JSON text (`1.1`, `31`, `true`).
TEST(NumberTextTest, MapValuesLookup) {
  run_cases({
      {"plain key", "---\nv: 1.10\n---\n",
       "  - map_values: {field: v, map: {1.10: ten}}\n", "---\nv: ten\n---\n"},
      {"quoted key", "---\nv: 1.10\n---\n",
       "  - map_values: {field: v, map: {'1.10': ten}}\n",
       "---\nv: ten\n---\n"},
      {"the text wins over the value", "---\nv: [1.10, 1.1, 1.100]\n---\n",
       "  - map_values: {field: v, map: {1.10: ten, 1.1: eleven}}\n",
       "---\nv: [ten, eleven, eleven]\n---\n"},
      {"the value when the text is no key", "---\nv: 1.10\n---\n",
       "  - map_values: {field: v, map: {1.1: eleven}}\n",
       "---\nv: eleven\n---\n"},
      {"hex by its text or its value", "---\nv: [0x1F, 31, 0x1f]\n---\n",
       "  - map_values: {field: v, map: {0x1F: a, 31: b}}\n",
       "---\nv: [a, b, b]\n---\n"},
      {"30 digits", "---\nv: 123456789012345678901234567890\n---\n",
       "  - map_values: {field: v, map: {123456789012345678901234567890: "
       "big}}\n",
       "---\nv: big\n---\n"},
      {"a key with more digits is not the number", "---\nv: 1.1\n---\n",
       "  - map_values: {field: v, map: {1.10: ten}, unmapped: error}\n",
       "ERROR: 'map_values' has no mapping for 1.1 of 'v' (unmapped: error) "
       "(m.yaml:3:5) [migrate.conflict] @2:4"},
      {"a message quotes the number as written", "---\nv: [x, 1.100]\n---\n",
       "  - map_values: {field: v, map: {x: y, 1.10: ten}, unmapped: error}\n",
       "ERROR: 'map_values' has no mapping for 1.100 of 'v' (unmapped: error) "
       "(m.yaml:3:5) [migrate.conflict] @2:8"},
      {"a string is its value", "---\nv: ['1.10', '1.1']\n---\n",
       "  - map_values: {field: v, map: {1.10: ten}}\n",
       "---\nv: ['ten', '1.1']\n---\n"},
      {"a bool by its JSON text", "---\nv: True\n---\n",
       "  - map_values: {field: v, map: {'true': yes}}\n",
       "---\nv: 'yes'\n---\n"},
  });
}

TEST(NumberTextTest, ConvertTableLookup) {
  run_cases({
      {"a message quotes the number as written", "---\nn: 2.50\n---\n",
       "  - convert: {field: n, to: int}\n",
       "ERROR: 'convert' has no int for 2.50 of 'n'; add it to 'table' "
       "(m.yaml:3:5) [migrate.conflict] @2:4"},
      {"to string", "---\nv: [1.10, 1.1, 1.100]\n---\n",
       "  - convert: {field: v, to: string, table: {1.10: ten}}\n",
       "---\nv: [ten, '1.1', '1.100']\n---\n"},
      {"to bool", "---\nv: [0x1, 0x0]\n---\n",
       "  - convert: {field: v, to: bool, table: {0x1: true, 0: false}}\n",
       "---\nv: [true, false]\n---\n"},
  });
}

// The string ops change strings only: a number keeps its text.
TEST(NumberTextTest, StringOpsLeaveNumbers) {
  run_cases({
      {"upper", "---\nn: 0x1f\n---\n", "  - upper: n\n", "---\nn: 0x1f\n---\n"},
      {"lower", "---\nn: 1E3\n---\n", "  - lower: n\n", "---\nn: 1E3\n---\n"},
      {"trim and slugify", "---\nn: [1.10, +5]\n---\n",
       "  - trim: n\n  - slugify: n\n", "---\nn: [1.10, +5]\n---\n"},
      {"replace", "---\nn: 1.10\n---\n",
       "  - replace: {field: n, pattern: '0', with: 'x'}\n",
       "---\nn: 1.10\n---\n"},
      {"a string that becomes a number's text is quoted", "---\nn: 0X1F\n---\n",
       "  - lower: n\n", "---\nn: '0x1f'\n---\n"},
  });
}

// `where`, `remove`, `append: unique`, `dedupe` and `sort` compare values as
// YAML 1.2 reads them: `1.10` and `1.1` are the same number, `'1.10'` is a
// string and equals no number.
TEST(NumberTextTest, ComparisonsAreByValue) {
  run_cases({
      {"equals a number written otherwise", "---\nv: 1.1\n---\n",
       "  - set: {field: x, value: 1, where: {field: v, equals: 1.10}}\n",
       "---\nv: 1.1\nx: 1\n---\n"},
      {"a string equals no number", "---\nv: 1.10\n---\n",
       "  - set: {field: x, value: 1, where: {field: v, equals: '1.10'}}\n",
       "---\nv: 1.10\n---\n"},
      {"in", "---\nv: 0x1F\n---\n",
       "  - set: {field: x, value: 1, where: {field: v, in: [31]}}\n",
       "---\nv: 0x1F\nx: 1\n---\n"},
      {"remove", "---\nv: [1.10, '1.1', 1.1]\n---\n",
       "  - remove: {field: v, value: 1.1}\n", "---\nv: ['1.1']\n---\n"},
      {"append unique", "---\nv: [0x1F]\n---\n",
       "  - append: {field: v, value: 31, unique: true}\n",
       "---\nv: [0x1F]\n---\n"},
      {"dedupe keeps the first of equal numbers",
       "---\nv: [1.10, 1.1, '1.10', 0x1F, 31]\n---\n", "  - dedupe: v\n",
       "---\nv: [1.10, '1.10', 0x1F]\n---\n"},
      {"sort is numeric", "---\nv: [10, 1.10, 0x1F, 2, 1.9]\n---\n",
       "  - sort: v\n", "---\nv: [1.10, 1.9, 2, 10, 0x1F]\n---\n"},
      {"sort descending", "---\nv: [1.10, +5, 1e3, -.5]\n---\n",
       "  - sort: {field: v, order: desc}\n",
       "---\nv: [1e3, +5, 1.10, -.5]\n---\n"},
      {"strings sort by their bytes", "---\nv: ['1.9', '1.10']\n---\n",
       "  - sort: v\n", "---\nv: ['1.10', '1.9']\n---\n"},
  });
}

}  // namespace
}  // namespace fmkit
