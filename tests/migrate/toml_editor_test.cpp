// SPDX-License-Identifier: MIT
//
// TomlEditor through the ops, with apply_ops(): every edit is re-read and
// checked against the op's JSON by the planner, so each case below is both
// the exact text and a text that means what the op says.
#include "migrate/toml_editor.hpp"

#include "migrate/migrate_test_util.hpp"

#include <gtest/gtest.h>

namespace fmkit {
namespace {

using testing::OpsCase;
using testing::run_cases;

TEST(TomlEditorTest, RenameKeepsTheLineAndItsComment) {
  run_cases({
      {"root key", "+++\na = 1\nspeaker = \"Bob\" # host\n\n[p]\nx = 1\n+++\n",
       "  - rename: {from: speaker, to: host}\n",
       "+++\na = 1\nhost = \"Bob\" # host\n\n[p]\nx = 1\n+++\n"},
      {"quoting: bare when it can be, literal kept",
       "+++\n\"speaker\" = 1\n'lit key' = 2\n+++\n",
       "  - rename: {from: speaker, to: host}\n"
       "  - rename: {from: lit key, to: other key}\n",
       "+++\nhost = 1\n'other key' = 2\n+++\n"},
      {"a key that needs quotes", "+++\nspeaker = 1\n+++\n",
       "  - rename: {from: speaker, to: my host}\n",
       "+++\n\"my host\" = 1\n+++\n"},
      {"in a table", "+++\n[params]\nautor = \"A\"\n+++\n",
       "  - rename: {from: /params/autor, to: author}\n",
       "+++\n[params]\nauthor = \"A\"\n+++\n"},
      {"in an inline table", "+++\nt = { a = 1, b = 2 }\n+++\n",
       "  - rename: {from: /t/a, to: c}\n", "+++\nt = { c = 1, b = 2 }\n+++\n"},
      {"the last part of a dotted key", "+++\nseo.t = 1\n+++\n",
       "  - rename: {from: /seo/t, to: title}\n", "+++\nseo.title = 1\n+++\n"},
  });
}

TEST(TomlEditorTest, RenameOfATableRenamesEveryPlaceItIsWritten) {
  run_cases({
      {"headers", "+++\n[a]\nx = 1\n[a.b]\ny = 2\n[c]\na = 3\n+++\n",
       "  - rename: {from: a, to: z}\n",
       "+++\n[z]\nx = 1\n[z.b]\ny = 2\n[c]\na = 3\n+++\n"},
      {"dotted keys", "+++\na.x = 1\nb = 0\na.y = 2\n+++\n",
       "  - rename: {from: a, to: q r}\n",
       "+++\n\"q r\".x = 1\nb = 0\n\"q r\".y = 2\n+++\n"},
      {"dotted keys in a section and its sub-table",
       "+++\n[s]\na.x = 1\n[s.a.b]\nc = 1\n+++\n",
       "  - rename: {from: /s/a, to: z}\n",
       "+++\n[s]\nz.x = 1\n[s.z.b]\nc = 1\n+++\n"},
      {"an array of tables and a sub-table of one of them",
       "+++\n[[items]]\nn = 1\n[items.sub]\nm = 1\n\n[[items]]\nn = 2\n+++\n",
       "  - rename: {from: items, to: entries}\n"
       "  - rename: {from: /entries/0/sub, to: s}\n",
       "+++\n[[entries]]\nn = 1\n[entries.s]\nm = 1\n\n[[entries]]\nn = 2\n"
       "+++\n"},
  });
}

TEST(TomlEditorTest, MoveAndCopyCarryTheSourceText) {
  run_cases({
      {"a date into a table stays a date; its comment comes along",
       "+++\ntitle = \"x\"\ndate = 1979-05-27  # day\n\n[params]\nauthor = "
       "\"A\"\n+++\n",
       "  - move: {from: date, to: /params/date}\n",
       "+++\ntitle = \"x\"\n\n[params]\nauthor = \"A\"\ndate = 1979-05-27  # "
       "day\n+++\n"},
      {"out of a table to the root keys; a copy into a new table",
       "+++\ntitle = \"x\"\n\n[params]\nauthor = \"A\"\nw = 1_000\n+++\n",
       "  - move: {from: /params/author, to: author}\n"
       "  - copy: {from: /params/w, to: /meta/w}\n",
       "+++\ntitle = \"x\"\nauthor = \"A\"\nmeta.w = 1_000\n\n[params]\nw = "
       "1_000\n+++\n"},
      {"numbers JSON loses, literal and multi-line strings",
       "+++\na = 1.10\nb = 0xff\nc = +5\nd = 1e3\ne = 'C:\\x'\nf = "
       "'''\nx\ny'''\n"
       "[t]\n+++\n",
       "  - copy: {from: a, to: /t/a}\n  - copy: {from: b, to: /t/b}\n"
       "  - copy: {from: c, to: /t/c}\n  - copy: {from: d, to: /t/d}\n"
       "  - copy: {from: e, to: /t/e}\n  - copy: {from: f, to: /t/f}\n",
       "+++\na = 1.10\nb = 0xff\nc = +5\nd = 1e3\ne = 'C:\\x'\nf = "
       "'''\nx\ny'''\n"
       "[t]\na = 1.10\nb = 0xff\nc = +5\nd = 1e3\ne = 'C:\\x'\nf = '''\nx\n"
       "y'''\n+++\n"},
      {"a [table] becomes an inline table of its entries' texts",
       "+++\ntitle = \"x\"\n\n[author]\nname = \"A\"\nemail = 'a@x'\n\n"
       "[params]\nx = 1\n+++\n",
       "  - move: {from: author, to: /params/author}\n",
       "+++\ntitle = \"x\"\n\n[params]\nx = 1\nauthor = { name = \"A\", email "
       "= "
       "'a@x' }\n+++\n"},
      {"an array of tables becomes an inline array",
       "+++\nt = 1\n[[l]]\nn = 1\n[[l]]\nn = 2.50\n+++\n",
       "  - copy: {from: l, to: m}\n",
       "+++\nt = 1\nm = [{ n = 1 }, { n = 2.50 }]\n[[l]]\nn = 1\n[[l]]\nn = "
       "2.50\n+++\n"},
      {"deeper in its table", "+++\n[seo]\ntitle = \"x\"\n+++\n",
       "  - move: {from: /seo/title, to: /seo/og/title}\n",
       "+++\n[seo]\nog.title = \"x\"\n+++\n"},
      {"deeper in its dotted table", "+++\nseo.title = \"x\"\n+++\n",
       "  - move: {from: /seo/title, to: /seo/og/title}\n",
       "+++\nseo.og.title = \"x\"\n+++\n"},
      {"out of a dotted table, which stays empty",
       "+++\nseo.title = \"x\"\n+++\n",
       "  - move: {from: /seo/title, to: /title}\n",
       "+++\nseo = {}\ntitle = \"x\"\n+++\n"},
      {"out of a table only a header implies",
       "+++\nt = 1\n[p.q]\nr = 1\n+++\n", "  - move: {from: /p/q, to: /q}\n",
       "+++\nt = 1\nq = { r = 1 }\n[p]\n+++\n"},
      {"in inline tables", "+++\nt = { a = { b = 1 } }\n+++\n",
       "  - copy: {from: /t/a/b, to: /t/a/c/d}\n",
       "+++\nt = { a = { b = 1, c = { d = 1 } } }\n+++\n"},
  });
}

TEST(TomlEditorTest, DeleteTakesTheLineAndItsComment) {
  run_cases({
      {"comment lines stay",
       "+++\n# about a\na = 1 # one\n# about b\nb = 2\n+++\n",
       "  - delete: a\n", "+++\n# about a\n# about b\nb = 2\n+++\n"},
      {"a multi-line value",
       "+++\na = \"\"\"\nx\n\"\"\"\nb = [\n  1,\n]\nc = 3\n+++\n",
       "  - delete: a\n  - delete: b\n", "+++\nc = 3\n+++\n"},
      {"the last key of a dotted table leaves it empty",
       "+++\na.b = 1 # c\nc = 2\n+++\n", "  - delete: /a/b\n",
       "+++\na = {} # c\nc = 2\n+++\n"},
      {"a table with its sub-tables and the blank lines before them",
       "+++\nt = 1\n\n[params]\nx = 1\n\n[params.sub]\ny = 2\n\n[other]\nz = "
       "3\n+++\n",
       "  - delete: params\n", "+++\nt = 1\n\n[other]\nz = 3\n+++\n"},
      {"a table only a header implies stays as [a]",
       "+++\n[a.b]\nx = 1\n[c]\n+++\n", "  - delete: /a/b\n",
       "+++\n[a]\n[c]\n+++\n"},
      {"the last key of a [table] leaves its header",
       "+++\n[a.b]\nx = 1\n[c]\n+++\n", "  - delete: /a/b/x\n",
       "+++\n[a.b]\n[c]\n+++\n"},
      {"a table of an array of tables",
       "+++\n[[l]]\nn = 1\n\n[[l]]\nn = 2\n[l.sub]\nm = 1\n\n[[l]]\nn = "
       "3\n+++\n",
       "  - delete: /l/1\n", "+++\n[[l]]\nn = 1\n\n[[l]]\nn = 3\n+++\n"},
      {"a whole array of tables, by its headers",
       "+++\nt = 1\n\n[[l]]\nn = 1\n[l.sub]\nm = 1\n\n[[l]]\nn = 2\n\n[z]\n"
       "+++\n",
       "  - delete: l\n", "+++\nt = 1\n\n[z]\n+++\n"},
      {"the last table of an array of tables leaves []",
       "+++\nt = 1\n\n[[items]]\nn = 1\n+++\n", "  - delete: /items/0\n",
       "+++\nt = 1\nitems = []\n+++\n"},
      {"... in a table only its header implied",
       "+++\nt = 1\n\n[[a.items]]\nn = 1\n+++\n", "  - delete: /a/items/0\n",
       "+++\nt = 1\n[a]\nitems = []\n+++\n"},
      {"inline table entries",
       "+++\nt = { a = 1, b = 2 }\nu = { a = 1 }\n+++\n",
       "  - delete: /t/a\n  - delete: /u/a\n",
       "+++\nt = { b = 2 }\nu = {}\n+++\n"},
      {"an item of an inline array", "+++\ntags = [\"a\", \"b\", \"c\"]\n+++\n",
       "  - delete: /tags/0\n", "+++\ntags = [\"b\", \"c\"]\n+++\n"},
      {"an item of a multi-line array, with its comment",
       "+++\ntags = [\n  \"a\", # first\n  \"b\", # second\n  \"c\",\n]\n+++\n",
       "  - delete: /tags/1\n",
       "+++\ntags = [\n  \"a\", # first\n  \"c\",\n]\n+++\n"},
      {"the only item of an array", "+++\ntags = [\n  \"a\", # c\n]\n+++\n",
       "  - delete: /tags/0\n", "+++\ntags = []\n+++\n"},
      {"the last item of a multi-line array without a trailing comma",
       "+++\ntags = [\n  \"a\",\n  \"b\"\n]\n+++\n", "  - delete: /tags/1\n",
       "+++\ntags = [\n  \"a\"\n]\n+++\n"},
  });
}

TEST(TomlEditorTest, NewKeysGoWhereTomlNeedsThem) {
  run_cases({
      {"a root key goes before the first header",
       "+++\ntitle = \"x\"\n\n[params]\nx = 1\n+++\n",
       "  - set: {field: draft, value: false}\n",
       "+++\ntitle = \"x\"\ndraft = false\n\n[params]\nx = 1\n+++\n"},
      {"after the opening line when the root has no keys",
       "+++\n# notes\n[params]\nx = 1\n+++\n",
       "  - set: {field: draft, value: false}\n",
       "+++\ndraft = false\n# notes\n[params]\nx = 1\n+++\n"},
      {"into an empty front matter", "+++\n+++\nbody\n",
       "  - set: {field: draft, value: false}\n",
       "+++\ndraft = false\n+++\nbody\n"},
      {"into a table, indented as its keys",
       "+++\ntitle = \"x\"\n  [params]\n  x = 1\n\n[other]\n+++\n",
       "  - set: {field: /params/y, value: z}\n",
       "+++\ntitle = \"x\"\n  [params]\n  x = 1\n  y = "
       "\"z\"\n\n[other]\n+++\n"},
      {"into an empty table, indented as its header", "+++\n  [params]\n+++\n",
       "  - set: {field: /params/y, value: z}\n",
       "+++\n  [params]\n  y = \"z\"\n+++\n"},
      {"into a dotted table, with its prefix as written",
       "+++\n'my params'.a = 1\nz = 0\n+++\n",
       "  - copy: {from: z, to: /my params/b}\n",
       "+++\n'my params'.a = 1\n'my params'.b = 0\nz = 0\n+++\n"},
      {"into a table only headers imply: its section before them",
       "+++\nt = 1\n\n[params.author]\nname = \"A\"\n+++\n",
       "  - set: {field: /params/x, value: 1}\n",
       "+++\nt = 1\n\n[params]\nx = 1\n[params.author]\nname = \"A\"\n+++\n"},
      {"... of the right table of an array",
       "+++\n[[l]]\n[l.a.b]\nc = 1\n[[l]]\n[l.a.b]\nc = 2\n+++\n",
       "  - copy: {from: /l/1/a/b/c, to: /l/1/a/x}\n",
       "+++\n[[l]]\n[l.a.b]\nc = 1\n[[l]]\n[l.a]\nx = 2\n[l.a.b]\nc = 2\n"
       "+++\n"},
      {"into an inline table", "+++\nt = {}\nu = {a = 1}\n+++\n",
       "  - set: {field: /t/z, value: 1}\n  - set: {field: /u/z, value: [2]}\n",
       "+++\nt = { z = 1 }\nu = {a = 1, z = [2]}\n+++\n"},
      {"a computed table is an inline table", "+++\ntitle = \"x\"\n+++\n",
       "  - set: {field: seo, value: {title: t, tags: [a]}}\n",
       "+++\ntitle = \"x\"\nseo = { tags = [\"a\"], title = \"t\" }\n+++\n"},
      {"missing tables are dotted parts", "+++\nz = 0\n[t]\n+++\n",
       "  - copy: {from: z, to: /t/a/b}\n", "+++\nz = 0\n[t]\na.b = 0\n+++\n"},
  });
}

TEST(TomlEditorTest, ReplacedValuesKeepTheirStyle) {
  run_cases({
      {"literal strings when they can hold the value",
       "+++\npath = 'C:\\x'\nq = 'a'\n+++\n",
       "  - set: {field: path, value: 'D:\\y', overwrite: true}\n"
       "  - set: {field: q, value: \"it's\", overwrite: true}\n",
       "+++\npath = 'D:\\y'\nq = \"it's\"\n+++\n"},
      {"multi-line strings, dates",
       "+++\ndesc = \"\"\"\nA\nB\"\"\"\nd = 1979-05-27\ne = 1979-05-27 # when\n"
       "+++\n",
       "  - set: {field: desc, value: \"C\\nD\", overwrite: true}\n"
       "  - set: {field: d, value: '2024-01-02T10:00:00Z', overwrite: true}\n"
       "  - set: {field: e, value: soon, overwrite: true}\n",
       "+++\ndesc = \"\"\"\nC\nD\"\"\"\nd = 2024-01-02T10:00:00Z\ne = \"soon\" "
       "# "
       "when\n+++\n"},
      {"string ops", "+++\nname = ' Hello World '\n+++\n",
       "  - trim: name\n  - upper: name\n", "+++\nname = 'HELLO WORLD'\n+++\n"},
      {"items in a multi-line array",
       "+++\ntags = [\n  \"A\", # first\n  'B',\n]\n+++\n", "  - lower: tags\n",
       "+++\ntags = [\n  \"a\", # first\n  'b',\n]\n+++\n"},
      {"map_values", "+++\nstatus = \"draft\" # s\n+++\n",
       "  - map_values: {field: status, map: {draft: wip}}\n",
       "+++\nstatus = \"wip\" # s\n+++\n"},
      {"a scalar replaced by a table: an inline table",
       "+++\nt = 1 # c\n[z]\n+++\n",
       "  - set: {field: t, value: {a: 1, b: [x]}, overwrite: true}\n",
       "+++\nt = { a = 1, b = [\"x\"] } # c\n[z]\n+++\n"},
      {"a [table] replaced by a table of plain keys",
       "+++\n[params]\nx = 1\ny = 2\n\n[z]\n+++\n",
       "  - set: {field: params, value: {a: 1, b: x}, overwrite: true}\n",
       "+++\n[params]\na = 1\nb = \"x\"\n\n[z]\n+++\n"},
      {"a dotted table replaced by anything",
       "+++\nparams.x = 1 # c\nz = 0\nparams.y = 2\n+++\n",
       "  - set: {field: params, value: [1], overwrite: true}\n",
       "+++\nparams = [1] # c\nz = 0\n+++\n"},
  });
}

TEST(TomlEditorTest, ConvertCarriesTheText) {
  run_cases({
      {"to a list",
       "+++\ntags = \"a\" # c\nd = 1979-05-27\ns = \"\"\"\nx\ny\"\"\"\n+++\n",
       "  - convert: {field: tags, to: list}\n"
       "  - convert: {field: d, to: list}\n"
       "  - convert: {field: s, to: list}\n",
       "+++\ntags = [\"a\"] # c\nd = [1979-05-27]\ns = "
       "[\"\"\"\nx\ny\"\"\"]\n+++\n"},
      {"to a scalar", "+++\ntags = ['a'] # c\nm = [\n  1979-05-27,\n]\n+++\n",
       "  - convert: {field: tags, to: scalar}\n"
       "  - convert: {field: m, to: scalar}\n",
       "+++\ntags = 'a' # c\nm = 1979-05-27\n+++\n"},
      {"to a string: the digits as written",
       "+++\nv = 1.10\nh = 0xff\nl = [\"x\", \"y\"]\n+++\n",
       "  - convert: {field: v, to: string}\n"
       "  - convert: {field: h, to: string}\n"
       "  - convert: {field: l, to: string, join: ' '}\n",
       "+++\nv = \"1.10\"\nh = \"0xff\"\nl = \"x y\"\n+++\n"},
      {"split", "+++\ntags = \"a, b\"\n+++\n",
       "  - convert: {field: tags, to: list, split: ','}\n",
       "+++\ntags = [\"a\", \"b\"]\n+++\n"},
  });
}

TEST(TomlEditorTest, ListOpsKeepTheArrayLayout) {
  run_cases({
      {"append",
       "+++\na = [\"x\", \"y\"]\nb = [ \"x\" ,\"y\" ]\nc = []\nd = [\n  "
       "\"x\",\n"
       "  \"y\",\n]\ne = [\n    \"x\", # one\n    \"y\" # two\n]\n+++\n",
       "  - append: {field: a, value: z}\n  - append: {field: b, value: z}\n"
       "  - append: {field: c, value: z}\n  - append: {field: d, value: z}\n"
       "  - append: {field: e, value: z}\n  - append: {field: f, value: z}\n",
       "+++\na = [\"x\", \"y\", \"z\"]\nb = [ \"x\" ,\"y\" ,\"z\" ]\nc = "
       "[\"z\"]\nd "
       "= [\n  \"x\",\n  \"y\",\n  \"z\",\n]\ne = [\n    \"x\", # one\n    "
       "\"y\", "
       "# two\n    \"z\"\n]\nf = [\"z\"]\n+++\n"},
      {"sort: items take the comment lines above them",
       "+++\ne = [\n  # heading\n  \"b\", # bee\n  # about a\n  \"a\",\n  "
       "\"c\" # "
       "sea\n  # tail\n]\n+++\n",
       "  - sort: e\n",
       "+++\ne = [\n  # about a\n  \"a\",\n  # heading\n  \"b\", # bee\n  "
       "\"c\" # "
       "sea\n  # tail\n]\n+++\n"},
      {"sort: items not one per line keep their separators",
       "+++\ne = [\n  \"b\", \"a\",\n  \"c\"\n]\n+++\n", "  - sort: e\n",
       "+++\ne = [\n  \"a\", \"b\", \"c\"\n]\n+++\n"},
      {"dedupe and remove keep the first of equal items",
       "+++\ne = [1.10, 1.1, 2, 1]\n+++\n",
       "  - dedupe: e\n  - remove: {field: e, value: 2}\n",
       "+++\ne = [1.10, 1]\n+++\n"},
      {"an array of inline tables", "+++\nitems = [{ n = 1 }]\n+++\n",
       "  - append: {field: items, value: {n: 2}}\n",
       "+++\nitems = [{ n = 1 }, { n = 2 }]\n+++\n"},
  });
}

TEST(TomlEditorTest, CrlfFilesGetCrlf) {
  run_cases({
      {"new lines",
       "+++\r\ntitle = \"x\"\r\n\r\n[params]\r\nx = 1\r\n+++\r\nbody\r\n",
       "  - set: {field: draft, value: false}\n"
       "  - set: {field: /params/y, value: [1, 2]}\n",
       "+++\r\ntitle = \"x\"\r\ndraft = false\r\n\r\n[params]\r\nx = 1\r\ny = "
       "[1, 2]\r\n+++\r\nbody\r\n"},
      {"multi-line strings and arrays",
       "+++\r\ns = \"\"\"\r\na\"\"\"\r\nl = [\r\n  1,\r\n]\r\n+++\r\n",
       "  - set: {field: s, value: \"b\\nc\", overwrite: true}\n"
       "  - append: {field: l, value: 2}\n",
       "+++\r\ns = \"\"\"\r\nb\r\nc\"\"\"\r\nl = [\r\n  1,\r\n  "
       "2,\r\n]\r\n+++\r\n"},
      {"removed lines", "+++\r\na = 1\r\nb.c = 2\r\n[t]\r\nx = 1\r\n+++\r\n",
       "  - delete: a\n  - delete: /b/c\n  - delete: t\n",
       "+++\r\nb = {}\r\n+++\r\n"},
  });
}

// Each refusal: a migrate.unsupported error naming the value, the file kept.
TEST(TomlEditorTest, Refusals) {
  const std::string at = "ERROR: cannot edit the TOML ('";
  const std::string tail = " [migrate.unsupported]";
  run_cases({
      {"null", "+++\ntitle = \"x\"\n+++\n",
       "  - set: {field: draft, value: null}\n",
       (at + "set' at m.yaml:3:5): TOML has no null (the value of '/draft')" +
        tail)
           .c_str()},
      {"rewriting an array of tables", "+++\n[[items]]\nn = 1\n+++\n",
       "  - append: {field: items, value: {n: 2}}\n",
       (at +
        "append' at m.yaml:3:5): '/items' is an array of tables ([[...]]); "
        "fmkit does not rewrite its tables" +
        tail)
           .c_str()},
      {"a [table] replaced by a scalar", "+++\n[params]\nx = 1\n+++\n",
       "  - set: {field: params, value: 1, overwrite: true}\n",
       (at +
        "set' at m.yaml:3:5): '/params' is written as [table] sections; "
        "fmkit replaces such a table only by another table, and only "
        "when it has no sub-tables, not by 1" +
        tail)
           .c_str()},
      {"a [table] with sub-tables replaced",
       "+++\n[params]\nx = 1\n[params.y]\n+++\n",
       "  - set: {field: params, value: {a: 1}, overwrite: true}\n",
       (at +
        "set' at m.yaml:3:5): '/params' is written as [table] sections; "
        "fmkit replaces such a table only by another table, and only "
        "when it has no sub-tables, not by {\"a\":1}" +
        tail)
           .c_str()},
      {"inside an inline table with dotted keys", "+++\nt = { a.b = 1 }\n+++\n",
       "  - set: {field: /t/z, value: 1}\n",
       (at +
        "set' at m.yaml:3:5): the inline table '/t' has dotted keys; "
        "fmkit does not edit inside it" +
        tail)
           .c_str()},
      {"carrying a table with comments",
       "+++\n[author]\nname = \"A\" # the name\n[params]\n+++\n",
       "  - move: {from: author, to: /params/author}\n",
       (at +
        "move' at m.yaml:3:5): '/author' holds comments, which the inline "
        "table it becomes cannot keep" +
        tail)
           .c_str()},
      {"carrying a commented line into an inline table",
       "+++\nt = {}\nz = 1 # one\n+++\n", "  - copy: {from: z, to: /t/z}\n",
       (at +
        "copy' at m.yaml:3:5): '/z' has a comment after it, which the "
        "inline table it goes into cannot hold" +
        tail)
           .c_str()},
      {"an array with comments, not one item per line",
       "+++\ne = [ \"b\", # x\n  \"a\" ]\n+++\n", "  - sort: e\n",
       (at +
        "sort' at m.yaml:3:5): the array '/e' has comments between items "
        "that do not stand one per line" +
        tail)
           .c_str()},
      {"unwrapping an array with comments", "+++\nw = [ # c\n  1 ]\n+++\n",
       "  - convert: {field: w, to: scalar}\n",
       (at +
        "convert' at m.yaml:3:5): the list '/w' has comments, which "
        "unwrapping it would drop" +
        tail)
           .c_str()},
  });
}

// What no op asks for, asked of the editor directly: each answer is an
// error naming the value, never an edit.
TEST(TomlEditorTest, DirectCallsOnWhatItDoesNotEdit) {
  const std::string text = "+++\nt = 1\n[p]\nx = 1\n[[l]]\nn = 1\n+++\n";
  LineIndex lines(text);
  std::vector<Diagnostic> diagnostics;
  Document document = read_document(text, lines, {}, diagnostics);
  ASSERT_TRUE(document.usable);
  TomlEditor editor(text, document);
  auto error = [](const auto& result) {
    return result ? std::string("no error") : result.error();
  };
  EXPECT_EQ(error(editor.unwrap_list("/l")),
            "'/l' is an array of tables ([[...]]); fmkit does not unwrap it");
  EXPECT_EQ(error(editor.unwrap_list("/t")), "'/t' is not a list of one item");
  EXPECT_EQ(error(editor.wrap_in_list("/p")), "'/p' is not a scalar");
  EXPECT_EQ(error(editor.rename_key("/l/0", "m")),
            "'/l/0' is not a table entry");
  EXPECT_EQ(error(editor.remove("")), "cannot remove the whole front matter");
  EXPECT_EQ(error(editor.replace_value("", 1)),
            "cannot replace the whole front matter");
  EXPECT_EQ(error(editor.replace_value("/l", 1)),
            "'/l' is an array of tables ([[...]]); fmkit does not replace it");
  EXPECT_EQ(error(editor.insert({"t"}, 2, std::nullopt)),
            "'/t' exists already");
  EXPECT_EQ(error(editor.insert({"t", "x"}, 2, std::nullopt)),
            "'/t' is not a table");
  EXPECT_EQ(error(editor.move("", {"x"})),
            "cannot move the whole front matter");
  EXPECT_EQ(error(editor.rewrite_sequence("/p", {})), "'/p' is not a list");
  EXPECT_EQ(error(editor.rewrite_sequence("/l", {})),
            "'/l' is an array of tables ([[...]]); fmkit does not rewrite its "
            "tables");
  EXPECT_EQ(error(editor.replace_value("/q", 1)),
            "'/q' has no place in the text");
}

}  // namespace
}  // namespace fmkit
