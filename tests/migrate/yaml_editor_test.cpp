// SPDX-License-Identifier: MIT
#include "migrate/yaml_editor.hpp"

#include "base/json_pointer.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace fmkit {
namespace {

using nlohmann::json;

Document read(std::string_view text) {
  LineIndex lines(text);
  std::vector<Diagnostic> diagnostics;
  DocumentOptions options;
  options.require_front_matter = RequireFrontMatter::no;
  return read_document(text, lines, options, diagnostics);
}

Expected<std::vector<TextEdit>> as_list(Expected<TextEdit> edit) {
  if (!edit) return unexpected(edit.error());
  return std::vector<TextEdit>{std::move(*edit)};
}
Expected<std::vector<TextEdit>> as_list(Expected<std::vector<TextEdit>> e) {
  return e;
}

// Runs `make` on an editor of `text` (in the style the text shows) and
// returns the edited text, or "ERROR: " and the editor's message. The
// edited text must read back.
template <typename Make>
std::string edit(std::string_view text, Make make) {
  Document document = read(text);
  EXPECT_TRUE(document.usable) << text;
  YamlEditor editor(text, document, detect_yaml_style(text, document));
  Expected<std::vector<TextEdit>> edits = as_list(make(editor));
  if (!edits) return "ERROR: " + edits.error();
  Expected<std::string> out = apply_edits(text, *edits);
  if (!out) return "ERROR: apply: " + out.error();
  EXPECT_TRUE(read(*out).usable) << *out;
  return *out;
}

struct Case {
  const char* name;
  const char* before;
  std::function<Expected<std::vector<TextEdit>>(const YamlEditor&)> make;
  const char* after;
};

void run_cases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(edit(c.before, c.make), c.after);
  }
}

std::vector<std::string> tokens(std::string_view pointer) {
  return split_pointer(pointer);
}

TEST(YamlEditorTest, DetectsTheStyle) {
  Document lf = read("---\na: 1\n---\n");
  YamlStyle plain = detect_yaml_style("---\na: 1\n---\n", lf);
  EXPECT_EQ(plain.eol, "\n");
  EXPECT_EQ(plain.indent, 2u);
  EXPECT_EQ(plain.list_style, ListStyle::block);

  std::string text =
      "\xEF\xBB\xBF---\r\nm:\r\n    k: 1\r\nl:\r\n- a\r\nf: [x]\r\ng: [y]\r\n"
      "---\r\n";
  YamlStyle style = detect_yaml_style(text, read(text));
  EXPECT_EQ(style.eol, "\r\n");
  EXPECT_EQ(style.indent, 4u);
  EXPECT_EQ(style.sequence_indent, SequenceIndent::compact);
  EXPECT_EQ(style.list_style, ListStyle::flow);

  // What the file does not show comes from the defaults.
  YamlStyle defaults;
  defaults.indent = 3;
  defaults.list_style = ListStyle::flow;
  YamlStyle none = detect_yaml_style("---\na: 1\n---\n", lf, defaults);
  EXPECT_EQ(none.indent, 3u);
  EXPECT_EQ(none.list_style, ListStyle::flow);
  std::string dashes = "---\nl:\n   - a\n---\n";
  EXPECT_EQ(detect_yaml_style(dashes, read(dashes)).indent, 3u);
}

TEST(YamlEditorTest, ReplaceValue) {
  auto replace = [](const char* pointer, json value) {
    return [=](const YamlEditor& e) {
      return as_list(e.replace_value(pointer, value));
    };
  };
  run_cases({
      {"plain keeps its comment", "---\na: 1 # c\nb: 2\n---\n",
       replace("/a", "x"), "---\na: x # c\nb: 2\n---\n"},
      {"quoting kept", "---\na: 'x'\nb: \"y\"\n---\n", replace("/a", "z"),
       "---\na: 'z'\nb: \"y\"\n---\n"},
      {"quotes added when needed", "---\na: x\n---\n", replace("/a", "no"),
       "---\na: 'no'\n---\n"},
      {"empty value", "---\na:\nb: 1\n---\n", replace("/a", "x"),
       "---\na: x\nb: 1\n---\n"},
      {"flow item", "---\nl: [a, 'b', c]\n---\n", replace("/l/1", "z"),
       "---\nl: [a, 'z', c]\n---\n"},
      {"flow mapping value", "---\nm: {k: 1, j: 2}\n---\n",
       replace("/m/j", json::array({1, 2})),
       "---\nm: {k: 1, j: [1, 2]}\n---\n"},
      {"block mapping to a scalar", "---\nm:\n  k: 1\nz: 2\n---\n",
       replace("/m", 5), "---\nm: 5\nz: 2\n---\n"},
      {"scalar to a block list", "---\na: 1\nz: 2\n---\n",
       replace("/a", json::array({"x", "w"})),
       "---\na:\n  - x\n  - w\nz: 2\n---\n"},
      {"block item to a mapping", "---\nl:\n  - a\n  - b\n---\n",
       replace("/l/1", json{{"k", 1}, {"j", 2}}),
       "---\nl:\n  - a\n  - j: 2\n    k: 1\n---\n"},
      {"literal stays literal", "---\ns: |\n    one\nz: 1\n---\n",
       replace("/s", "two\nthree\n"),
       "---\ns: |\n    two\n    three\nz: 1\n---\n"},
      {"nested value", "---\nm:\n  n:\n    k: old\n---\n",
       replace("/m/n/k", "new"), "---\nm:\n  n:\n    k: new\n---\n"},
      {"CRLF", "---\r\na: 1\r\nz: 2\r\n---\r\n",
       replace("/a", json::array({"x"})),
       "---\r\na:\r\n  - x\r\nz: 2\r\n---\r\n"},
      {"BOM", "\xEF\xBB\xBF---\na: 1\n---\n", replace("/a", 2),
       "\xEF\xBB\xBF---\na: 2\n---\n"},
      {"a tag goes, an anchor stays",
       "---\na: &x !!str 12\nl: [!!str 1]\n---\n",
       [](const YamlEditor& e) -> Expected<std::vector<TextEdit>> {
         auto a = e.replace_value("/a", 12);
         auto l = e.replace_value("/l/0", 1);
         if (!a || !l) return unexpected("failed");
         return std::vector<TextEdit>{*a, *l};
       },
       "---\na: &x 12\nl: [1]\n---\n"},
      {"the root", "---\na: 1\n---\n", replace("", 1),
       "ERROR: cannot replace the whole document"},
      {"an alias", "---\na: &x 1\nb: *x\n---\n", replace("/b", 2),
       "ERROR: '/b' is an alias; fmkit does not edit aliased values"},
      {"missing", "---\na: 1\n---\n", replace("/b", 2),
       "ERROR: '/b' has no place in the text (is it inside an alias?)"},
  });
}

TEST(YamlEditorTest, RenameKey) {
  auto rename = [](const char* pointer, const char* key) {
    return [=](const YamlEditor& e) {
      return as_list(e.rename_key(pointer, key));
    };
  };
  run_cases({
      {"block", "---\na: 1 # c\nb: 2\n---\n", rename("/a", "x"),
       "---\nx: 1 # c\nb: 2\n---\n"},
      {"quoted key", "---\n'a': 1\n\"b\": 2\n---\n", rename("/b", "y"),
       "---\n'a': 1\n\"y\": 2\n---\n"},
      {"a key that needs quotes", "---\na: 1\n---\n", rename("/a", "on"),
       "---\n'on': 1\n---\n"},
      {"flow", "---\nm: {a: 1, b: 2}\n---\n", rename("/m/b", "c, d"),
       "---\nm: {a: 1, 'c, d': 2}\n---\n"},
      {"nested, CRLF", "---\r\nm:\r\n  a: 1\r\n---\r\n", rename("/m/a", "b"),
       "---\r\nm:\r\n  b: 1\r\n---\r\n"},
      {"a list item", "---\nl: [a]\n---\n", rename("/l/0", "b"),
       "ERROR: '/l/0' is not a mapping entry"},
  });
}

TEST(YamlEditorTest, Remove) {
  auto remove = [](const char* pointer) {
    return [=](const YamlEditor& e) { return as_list(e.remove(pointer)); };
  };
  run_cases({
      {"first", "---\na: 1\nb: 2\nc: 3\n---\n", remove("/a"),
       "---\nb: 2\nc: 3\n---\n"},
      {"last, with its comment", "---\na: 1\nb: 2 # two\n---\nbody\n",
       remove("/b"), "---\na: 1\n---\nbody\n"},
      {"only", "---\na: 1\n---\n", remove("/a"), "---\n---\n"},
      {"comment lines stay", "---\n# a\na: 1\n# b\nb: 2\n---\n", remove("/a"),
       "---\n# a\n# b\nb: 2\n---\n"},
      {"a block value", "---\na:\n  - x\n  - y\nb: 2\n---\n", remove("/a"),
       "---\nb: 2\n---\n"},
      {"the only nested entry", "---\nm:\n  k: 1\nb: 2\n---\n", remove("/m/k"),
       "---\nm: {}\nb: 2\n---\n"},
      {"block items", "---\nl:\n  - a\n  - b\n  - c\n---\n", remove("/l/1"),
       "---\nl:\n  - a\n  - c\n---\n"},
      {"the only block item", "---\nl:\n  - a\nb: 1\n---\n", remove("/l/0"),
       "---\nl: []\nb: 1\n---\n"},
      {"flow first", "---\nl: [a, b, c]\n---\n", remove("/l/0"),
       "---\nl: [b, c]\n---\n"},
      {"flow last", "---\nl: [a, b, c]\n---\n", remove("/l/2"),
       "---\nl: [a, b]\n---\n"},
      {"flow only", "---\nl: [a]\n---\n", remove("/l/0"), "---\nl: []\n---\n"},
      {"flow with a tag", "---\nl: [!!str 1, 2]\n---\n", remove("/l/0"),
       "---\nl: [2]\n---\n"},
      {"flow mapping", "---\nm: {a: 1, b: 2}\n---\n", remove("/m/a"),
       "---\nm: {b: 2}\n---\n"},
      {"first entry on a dash's line", "---\nl:\n  - a: 1\n    b: 2\n---\n",
       remove("/l/0/a"), "---\nl:\n  - b: 2\n---\n"},
      {"CRLF", "---\r\na: 1\r\nb: 2\r\n---\r\n", remove("/a"),
       "---\r\nb: 2\r\n---\r\n"},
      {"BOM", "\xEF\xBB\xBF---\na: 1\nb: 2\n---\n", remove("/a"),
       "\xEF\xBB\xBF---\nb: 2\n---\n"},
      {"the blank lines a |+ scalar would take",
       "---\ns: |+\n  x\n\nb: 2\nc: 3\n---\n", remove("/b"),
       "---\ns: |+\n  x\n\nc: 3\n---\n"},
      {"the root", "---\na: 1\n---\n", remove(""),
       "ERROR: cannot remove the whole document"},
  });
}

TEST(YamlEditorTest, InsertComputedValues) {
  auto insert = [](const char* pointer, json value) {
    return [=](const YamlEditor& e) {
      return as_list(e.insert(tokens(pointer), value, std::nullopt));
    };
  };
  run_cases({
      {"at the end", "---\na: 1\n---\nbody\n", insert("/b", "x"),
       "---\na: 1\nb: x\n---\nbody\n"},
      {"nested mappings created", "---\na: 1\n---\n", insert("/m/o/k", 1),
       "---\na: 1\nm:\n  o:\n    k: 1\n---\n"},
      {"in the file's indentation", "---\nm:\n    k: 1\nz: 2\n---\n",
       insert("/m/j", json::array({"x"})),
       "---\nm:\n    k: 1\n    j:\n        - x\nz: 2\n---\n"},
      {"flow lists in a flow file", "---\nt: [a]\n---\n",
       insert("/l", json::array({"x", "no"})),
       "---\nt: [a]\nl: [x, 'no']\n---\n"},
      {"into a flow mapping", "---\nm: {a: 1}\n---\n", insert("/m/b/c", 2),
       "---\nm: {a: 1, b: {c: 2}}\n---\n"},
      {"into an empty flow mapping", "---\nm: {}\n---\n", insert("/m/b", 2),
       "---\nm: {b: 2}\n---\n"},
      {"empty front matter", "---\n---\n", insert("/a", 1), "---\na: 1\n---\n"},
      {"CRLF", "---\r\na: 1\r\n---\r\n", insert("/m/k", 1),
       "---\r\na: 1\r\nm:\r\n  k: 1\r\n---\r\n"},
      {"BOM", "\xEF\xBB\xBF---\na: 1\n---\n", insert("/b", 1),
       "\xEF\xBB\xBF---\na: 1\nb: 1\n---\n"},
      {"after a |+ scalar's blank lines", "---\ns: |+\n  x\n\n---\n",
       insert("/b", 1), "---\ns: |+\n  x\n\nb: 1\n---\n"},
      {"exists", "---\na: 1\n---\n", insert("/a", 1),
       "ERROR: '/a' exists already"},
      {"under a scalar", "---\na: 1\n---\n", insert("/a/b", 1),
       "ERROR: '/a' is not a mapping"},
  });
}

TEST(YamlEditorTest, InsertCarriedValues) {
  auto copy = [](const char* from, const char* to) {
    return [=](const YamlEditor& e) {
      const json& value = e.document().data.at(json::json_pointer(from));
      return as_list(e.insert(tokens(to), value, from, Anchor::drop));
    };
  };
  run_cases({
      {"an entry", "---\na: 1.10 # c\n---\n", copy("/a", "/b"),
       "---\na: 1.10 # c\nb: 1.10 # c\n---\n"},
      {"deeper", "---\na: |\n  x\n---\n", copy("/a", "/m/a"),
       "---\na: |\n  x\nm:\n  a: |\n    x\n---\n"},
      {"shallower", "---\nm:\n  n:\n    a:\n      - 0x1F\n---\n",
       copy("/m/n/a", "/a"),
       "---\nm:\n  n:\n    a:\n      - 0x1F\na:\n  - 0x1F\n---\n"},
      {"a block item", "---\nl:\n  - 'x' # c\n---\n", copy("/l/0", "/b"),
       "---\nl:\n  - 'x' # c\nb: 'x' # c\n---\n"},
      {"a block item's mapping", "---\nl:\n  - k: 0o17\n    j: ~\n---\n",
       copy("/l/0", "/b"),
       "---\nl:\n  - k: 0o17\n    j: ~\nb:\n  k: 0o17\n  j: ~\n---\n"},
      {"a flow item", "---\nl: [a, \"x\\ty\"]\n---\n", copy("/l/1", "/b"),
       "---\nl: [a, \"x\\ty\"]\nb: \"x\\ty\"\n---\n"},
      {"into a flow mapping", "---\na: 1e3\nm: {k: 1}\n---\n",
       copy("/a", "/m/a"), "---\na: 1e3\nm: {k: 1, a: 1e3}\n---\n"},
      {"a block list into a flow mapping",
       "---\nl:\n  - 1.10\n  - a, b\nm: {}\n---\n", copy("/l", "/m/l"),
       "---\nl:\n  - 1.10\n  - a, b\nm: {l: [1.10, 'a, b']}\n---\n"},
      {"the anchor stays behind", "---\na: &x 1.10\nb: *x\n---\n",
       copy("/a", "/c"), "---\na: &x 1.10\nb: *x\nc: 1.10\n---\n"},
      {"a |+ scalar goes after blank lines",
       "---\nm:\n  k: |-\n    x\n\nk: |+\n  y\n\n---\n", copy("/k", "/m/j"),
       "---\nm:\n  k: |-\n    x\n\n  j: |+\n    y\n\nk: |+\n  y\n\n---\n"},
      {"CRLF", "---\r\nl:\r\n  - k: 1\r\n    j: 2\r\n---\r\n",
       copy("/l/0", "/b"),
       "---\r\nl:\r\n  - k: 1\r\n    j: 2\r\nb:\r\n  k: 1\r\n  j: "
       "2\r\n---\r\n"},
  });
}

TEST(YamlEditorTest, Move) {
  auto move = [](const char* from, const char* to) {
    return [=](const YamlEditor& e) { return e.move(from, tokens(to)); };
  };
  run_cases({
      {"in its mapping: a rename", "---\na: 1.10\nb: 2\n---\n",
       move("/a", "/c"), "---\nc: 1.10\nb: 2\n---\n"},
      {"into a new mapping", "---\na: 1.10 # c\nb: 2\n---\n",
       move("/a", "/m/a"), "---\nb: 2\nm:\n  a: 1.10 # c\n---\n"},
      {"deeper in its only mapping", "---\nm:\n  a: '1'\nz: 1\n---\n",
       move("/m/a", "/m/p/o"), "---\nm:\n  p:\n    o: '1'\nz: 1\n---\n"},
      {"deeper in a flow mapping", "---\nm: {a: 0x1F}\n---\n",
       move("/m/a", "/m/p/a"), "---\nm: {p: {a: 0x1F}}\n---\n"},
      {"out", "---\nm:\n  a: 1\n  b: |\n    x\nz: 1\n---\n", move("/m/b", "/b"),
       "---\nm:\n  a: 1\nz: 1\nb: |\n  x\n---\n"},
      {"with its anchor", "---\na: &x 1\nz: 0\n---\n", move("/a", "/m/a"),
       "---\nz: 0\nm:\n  a: &x 1\n---\n"},
  });
}

TEST(YamlEditorTest, WrapInList) {
  auto wrap = [](const char* pointer) {
    return
        [=](const YamlEditor& e) { return as_list(e.wrap_in_list(pointer)); };
  };
  run_cases({
      {"block", "---\na: 1.10 # c\nb: 2\n---\n", wrap("/a"),
       "---\na:\n  - 1.10 # c\nb: 2\n---\n"},
      {"compact dashes", "---\nl:\n- x\na: ~\n---\n", wrap("/a"),
       "---\nl:\n- x\na:\n- ~\n---\n"},
      {"flow lists", "---\nl: [x]\na: 'q' # c\n---\n", wrap("/a"),
       "---\nl: [x]\na: ['q'] # c\n---\n"},
      {"flow lists, a plain comma", "---\nl: [x]\na: a, b\n---\n", wrap("/a"),
       "---\nl: [x]\na:\n  - a, b\n---\n"},
      {"in a flow mapping", "---\nm: {a: 0x1F, b: 2}\n---\n", wrap("/m/a"),
       "---\nm: {a: [0x1F], b: 2}\n---\n"},
      {"a block item", "---\nl:\n  - 1.10\n---\n", wrap("/l/0"),
       "---\nl:\n  - - 1.10\n---\n"},
      {"a block scalar", "---\na: |-\n  x\n  y\n---\n", wrap("/a"),
       "---\na:\n  - |-\n    x\n    y\n---\n"},
      {"CRLF", "---\r\na: x\r\n---\r\n", wrap("/a"),
       "---\r\na:\r\n  - x\r\n---\r\n"},
  });
}

TEST(YamlEditorTest, UnwrapList) {
  auto unwrap = [](const char* pointer) {
    return [=](const YamlEditor& e) { return as_list(e.unwrap_list(pointer)); };
  };
  run_cases({
      {"block", "---\na:\n  - 1.10 # c\nb: 2\n---\n", unwrap("/a"),
       "---\na: 1.10 # c\nb: 2\n---\n"},
      {"compact", "---\na:\n- |\n  x\nb: 2\n---\n", unwrap("/a"),
       "---\na: |\n  x\nb: 2\n---\n"},
      {"flow", "---\na: [ 'x' ] # c\n---\n", unwrap("/a"),
       "---\na: 'x' # c\n---\n"},
      {"in a flow mapping", "---\nm: {a: [0x1F]}\n---\n", unwrap("/m/a"),
       "---\nm: {a: 0x1F}\n---\n"},
      {"comments stay", "---\na: # c\n  # d\n  - x\n---\n", unwrap("/a"),
       "---\na: # c\n  # d\n  x\n---\n"},
      {"an item of a list", "---\nl:\n  - - 1.10\n---\n", unwrap("/l/0"),
       "---\nl:\n  - 1.10\n---\n"},
      {"CRLF", "---\r\na:\r\n  - x\r\n---\r\n", unwrap("/a"),
       "---\r\na: x\r\n---\r\n"},
      {"two items", "---\na: [x, y]\n---\n", unwrap("/a"),
       "ERROR: '/a' is not a list of one item"},
  });
}

TEST(YamlEditorTest, RewriteSequence) {
  auto rewrite = [](const char* pointer, std::vector<SequenceItem> items) {
    return [=](const YamlEditor& e) {
      return as_list(e.rewrite_sequence(pointer, items));
    };
  };
  auto kept = [](size_t i) { return SequenceItem{i, json()}; };
  auto added = [](json v) { return SequenceItem{std::nullopt, std::move(v)}; };
  run_cases({
      {"block: items keep their comments",
       "---\nl:\n  # about c\n  - c\n  # about a\n  - a # a\nz: 1\n---\n",
       rewrite("/l", {kept(1), kept(0), added("no")}),
       "---\nl:\n  # about c\n  # about a\n  - a # a\n  - c\n  - 'no'\nz: "
       "1\n---\n"},
      {"flow keeps its spacing", "---\nl: [ a,b ]\n---\n",
       rewrite("/l", {kept(1), kept(0), added(1)}), "---\nl: [ b,a,1 ]\n---\n"},
      {"flow keeps tags", "---\nl: [!!str 2, &x 1]\nm: *x\n---\n",
       rewrite("/l", {kept(1), kept(0)}),
       "---\nl: [&x 1, !!str 2]\nm: *x\n---\n"},
      {"into an empty flow list", "---\nl: []\n---\n",
       rewrite("/l", {added("x")}), "---\nl: [x]\n---\n"},
      {"emptied", "---\nl:\n  - a\nz: 1\n---\n", rewrite("/l", {}),
       "---\nl: []\nz: 1\n---\n"},
      {"CRLF", "---\r\nl:\r\n  - a\r\n  - b\r\n---\r\n",
       rewrite("/l", {kept(1), added("c")}),
       "---\r\nl:\r\n  - b\r\n  - c\r\n---\r\n"},
      {"a |+ scalar cannot end a list followed by blank lines",
       "---\nl:\n  - |+\n    a\n\n  - b\n\nz: 1\n---\n",
       rewrite("/l", {kept(1), kept(0)}),
       "ERROR: cannot rewrite the list '/l': its new last item, a '|+' block "
       "scalar, would take the blank lines after the list"},
      {"a |+ scalar ending a list",
       "---\nl:\n  - |+\n    a\n\n  - b\nz: 1\n---\n",
       rewrite("/l", {kept(1), kept(0)}),
       "---\nl:\n  - b\n  - |+\n    a\n\nz: 1\n---\n"},
      {"comments in a flow list", "---\nl: [a, # c\n  b]\n---\n",
       rewrite("/l", {kept(1)}),
       "ERROR: the flow list '/l' has comments between its items"},
      {"an item on its parent's line",
       "---\nl: [x]\nm:\n  - - a\n    - b\n---\n", rewrite("/m/0", {kept(1)}),
       "ERROR: cannot rewrite the list '/m/0': an item shares a line with its "
       "parent"},
      {"not a list", "---\na: 1\n---\n", rewrite("/a", {added(1)}),
       "ERROR: '/a' is not a sequence"},
  });
}

TEST(YamlEditorTest, Diff) {
  auto diff = [](json after) {
    return [=](const YamlEditor& e) { return e.diff(after); };
  };
  run_cases({
      {"nothing", "---\na: 1.10\n---\n", diff(json{{"a", 1.1}}),
       "---\na: 1.10\n---\n"},
      {"a changed, b removed, c added",
       "---\na: 1 # c\nb: 2\nm:\n  k: x\n---\n",
       diff(json{{"a", 5}, {"m", {{"k", "x"}, {"j", "w"}}}, {"c", true}}),
       "---\na: 5 # c\nm:\n  k: x\n  j: w\nc: true\n---\n"},
      {"a list gains an item", "---\nl: [a, b]\n---\n",
       diff(json{{"l", {"a", "b", "c"}}}), "---\nl: [a, b, c]\n---\n"},
      {"a list changes in place", "---\nl:\n  - a # x\n  - b\n---\n",
       diff(json{{"l", {"a", "B"}}}), "---\nl:\n  - a # x\n  - B\n---\n"},
      {"a mapping replaced", "---\nm:\n  k: 1\n---\n",
       diff(json{{"m", {{"j", 2}}}}), "---\nm:\n  j: 2\n---\n"},
  });
}

}  // namespace
}  // namespace fmkit
