// SPDX-License-Identifier: MIT
#include "document/document.hpp"

#include "report/render_support.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace fmkit {
namespace {

using testing_support::diagnostic_lines;

// Reads `text` as a file; keeps the text alive for span checks.
struct Read {
  explicit Read(std::string file, DocumentOptions options = {})
      : text(std::move(file)), lines(text) {
    document = read_document(text, lines, options, list);
    diagnostics = diagnostic_lines(list);
  }

  // The text of the value at `pointer`, as written.
  std::string value(std::string_view pointer) const {
    const NodeInfo* info = document.positions.find(pointer);
    if (info == nullptr) return "<no entry>";
    return text.substr(info->value_begin, info->value_end - info->value_begin);
  }
  std::string key(std::string_view pointer) const {
    const NodeInfo* info = document.positions.find(pointer);
    if (info == nullptr || !info->has_key) return "<no key>";
    return text.substr(info->key_begin, info->key_end - info->key_begin);
  }
  // "line:col-line:col" of the value at `pointer`.
  std::string where(std::string_view pointer) const {
    const NodeInfo* info = document.positions.find(pointer);
    if (info == nullptr) return "<no entry>";
    SourceSpan s = lines.span(info->value_begin, info->value_end);
    return std::to_string(s.begin.line) + ":" + std::to_string(s.begin.column) +
           "-" + std::to_string(s.end.line) + ":" +
           std::to_string(s.end.column);
  }

  std::string text;
  LineIndex lines;
  std::vector<Diagnostic> list;
  std::string diagnostics;
  Document document;
};

TEST(DocumentTest, ReadsFrontMatter) {
  Read r("---\ntitle: Hello\ntags: [a, b]\n---\n# Body\n");
  EXPECT_TRUE(r.document.usable);
  EXPECT_EQ(r.diagnostics, "");
  EXPECT_EQ(r.document.data.dump(), R"({"tags":["a","b"],"title":"Hello"})");
  EXPECT_EQ(r.document.front_matter.status, FrontMatterStatus::ok);
}

TEST(DocumentTest, StructuralProblems) {
  struct Case {
    std::string_view file;
    std::string_view diagnostics;
    bool usable;
  };
  const Case cases[] = {
      {"# Just a title\n\nText.\n",
       "1:1: error: no front matter: the file must start with a '---' line "
       "[front-matter.missing]",
       false},
      // Why there is none, when it is not plain to see.
      {"",
       "1:1: error: no front matter: the file is empty [front-matter.missing]",
       false},
      {"\xEF\xBB\xBF",
       "1:1: error: no front matter: the file is empty [front-matter.missing]",
       false},
      {"---\rtitle: x\r---\r",
       "1:4: error: no front matter: its lines end in a lone carriage return "
       "(CR); site generators find the '---' line only when lines end in LF "
       "or CRLF [front-matter.missing]",
       false},
      {"+++\rtitle = 'x'\r+++\r",
       "1:4: error: no front matter: its lines end in a lone carriage return "
       "(CR); site generators find the '+++' line only when lines end in LF "
       "or CRLF [front-matter.missing]",
       false},
      {"\xEF\xBB\xBF\xEF\xBB\xBF---\ntitle: x\n---\n",
       "1:1: error: no front matter: a second byte-order mark (U+FEFF) comes "
       "before the '---' line; remove it [front-matter.missing]",
       false},
      {"\n  \r\n---\ntitle: x\n---\n",
       "1:1: error: no front matter: the file must start with a '---' line, "
       "not with a blank line [front-matter.missing]",
       false},
      {"\n# Title\n",
       "1:1: error: no front matter: the file must start with a '---' line "
       "[front-matter.missing]",
       false},
      {"---\ntitle: x\n\nText.\n",
       "1:1: error: front matter is not closed: no '---' or '...' line "
       "follows this '---' [front-matter.unclosed]",
       false},
      {"\xEF\xBB\xBF---\r\ntitle: x\r\n",
       "1:1: error: front matter is not closed: no '---' or '...' line "
       "follows this '---' [front-matter.unclosed]",
       false},
      {"---\n- just\n- a\n- list\n---\n",
       "2:1: error: front matter must be a mapping of keys to values, not a "
       "sequence [front-matter.not-mapping]",
       false},
      {"---\n  just text\n---\n",
       "2:3: error: front matter must be a mapping of keys to values, not a "
       "string [front-matter.not-mapping]",
       false},
      {"---\n42\n---\n",
       "2:1: error: front matter must be a mapping of keys to values, not a "
       "number [front-matter.not-mapping]",
       false},
      {"---\n---\nbody\n", "", true},
      {"---\n# nothing yet\n\n...\n", "", true},
      {"---\n~\n---\n", "", true},
      // A directive needs a "---" after it, which would end the front
      // matter: the generators reject it (libfyaml takes "%TAG" alone).
      {"---\n%YAML 1.2\n---\ntitle: x\n---\n",
       "2:1: error: '%YAML' is a YAML directive, which front matter cannot "
       "hold: it needs a '---' line after it, and that line ends the front "
       "matter; remove it [yaml.syntax]",
       false},
      {"---\n# tags\n%TAG !e! tag:example.com,2024:\ntitle: !e!x Hello\n---\n",
       "3:1: error: '%TAG' is a YAML directive, which front matter cannot "
       "hold: it needs a '---' line after it, and that line ends the front "
       "matter; remove it [yaml.syntax]",
       false},
      {"---\ntitle: 100%\n---\n", "", true},
      {"---\ntitle: [unclosed\n---\n",
       "2:8: error: the list opened here with '[' is never closed; end it "
       "with ']' [yaml.syntax]",
       false},
      {"---\ndraft: yes\n---\n",
       "2:8: warning: 'yes' is the string \"yes\" in YAML 1.2 but the boolean "
       "true in YAML 1.1 (PyYAML, Jekyll, Hugo's go-yaml v2); quote it to "
       "keep a string: 'yes' [yaml11-bool]",
       true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message()
                 << "file: " << testing::PrintToString(std::string(c.file)));
    Read r{std::string(c.file)};
    EXPECT_EQ(r.diagnostics, c.diagnostics);
    EXPECT_EQ(r.document.usable, c.usable);
    if (!r.document.usable) {
      EXPECT_EQ(r.document.data.dump(), "{}");
    }
  }
}

// A message quotes at most 60 characters of a value or key ("..." marks
// the cut): a 1 MB value must not make a 1 MB message.
TEST(DocumentTest, MessagesQuoteLongTextCut) {
  const std::string x(100000, 'x');
  const std::string cut = std::string(60, 'x') + "...";
  struct Case {
    std::string file;
    std::string diagnostics;
  };
  const Case cases[] = {
      {"---\ntitle: " + x + ": y\n---\n",
       "2:100008: error: the value '" + cut +
           "' contains ': ', which starts a nested mapping; quote the value: "
           "'" +
           cut + "' [yaml.syntax]"},
      // (1000 characters: libyaml's readers reject a key over 1024.)
      {"---\n\"" + x.substr(0, 1000) + "\": 1\n\"" + x.substr(0, 1000) +
           "\": 2\n---\n",
       "3:1: error: duplicate key '" + cut +
           "' (first at line 2, column 1) [yaml.duplicate-key]"},
      {"---\nn: !!int " + x + "\n---\n",
       "2:10: error: '" + cut + "' is not a valid !!int [yaml.tag]"},
      {"---\nn: 1" + std::string(100000, '0') + "e400\n---\n",
       "2:4: warning: '1" + std::string(59, '0') +
           "...' is too large for a JSON number; it is kept as the string "
           "\"1" +
           std::string(59, '0') + "...\" [yaml.non-finite]"},
      {"{\"" + x + "\": 1, \"" + x + "\": 2}\n",
       "1:100009: error: duplicate key '" + cut +
           "' (first at line 1, column 2) [json.duplicate-key]"},
      {"+++\nn = " + x + "\n+++\n",
       "2:5: error: '" + cut +
           "' is not a TOML value: quote it to make a string (\"" + cut +
           "\") [toml.syntax]"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file.substr(0, 20));
    Read r{c.file};
    EXPECT_EQ(r.diagnostics, c.diagnostics);
  }
}

// "+++" front matter is read as TOML into the same model; the reader's
// problems are the document's, and a TOML document is always a mapping.
TEST(DocumentTest, ReadsTomlFrontMatter) {
  Read r("+++\ntitle = \"Hello\"\ntags = ['a', 'b']\n+++\n# Body\n");
  EXPECT_TRUE(r.document.usable);
  EXPECT_EQ(r.diagnostics, "");
  EXPECT_EQ(r.document.front_matter.dialect, Dialect::toml);
  EXPECT_EQ(r.document.data.dump(), R"({"tags":["a","b"],"title":"Hello"})");
  EXPECT_EQ(r.key("/title"), "title");
  EXPECT_EQ(r.value("/tags/1"), "'b'");
  EXPECT_EQ(r.where("/tags"), "3:8-3:18");

  Read empty("+++\n+++\nbody");
  EXPECT_TRUE(empty.document.usable);
  EXPECT_EQ(empty.document.data.dump(), "{}");
  EXPECT_EQ(empty.where(""), "2:1-2:1");

  Read bad("+++\ntitle: x\n+++\n");
  EXPECT_FALSE(bad.document.usable);
  EXPECT_EQ(bad.document.data.dump(), "{}");
  EXPECT_EQ(bad.diagnostics,
            "2:6: error: TOML writes 'key = value', not 'key: value' (YAML "
            "front matter opens with '---', not '+++') [toml.syntax]");

  Read unclosed("+++\ntitle = 'x'\n---\n");
  EXPECT_FALSE(unclosed.document.usable);
  EXPECT_EQ(unclosed.diagnostics,
            "1:1: error: front matter is not closed: no '+++' line follows "
            "this '+++' [front-matter.unclosed]");

  DocumentOptions small;
  small.yaml.max_bytes = 8;
  Read large("+++\ntitle = 'a long title'\n+++\n", small);
  EXPECT_EQ(large.diagnostics,
            "2:1: error: the TOML text is 23 bytes, over the limit of 8 "
            "[toml.limit]");
}

TEST(DocumentTest, UnclosedPastTheSizeLimit) {
  DocumentOptions options;
  options.yaml.max_bytes = 16;
  Read r("---\n" + std::string(40, '#') + "\n", options);
  EXPECT_EQ(r.diagnostics,
            "1:1: error: front matter is not closed within the size limit of "
            "16 bytes: no '---' or '...' line follows this '---' "
            "[front-matter.unclosed]");
  Read closed("---\n" + std::string(40, '#') + "\n---\n", options);
  EXPECT_EQ(closed.diagnostics,
            "2:1: error: the YAML text is 41 bytes, over the limit of 16 "
            "[yaml.limit]");
}

TEST(DocumentTest, MissingFrontMatterCanBeAllowed) {
  DocumentOptions options;
  options.require_front_matter = RequireFrontMatter::no;
  Read r("Just text.\n", options);
  EXPECT_EQ(r.diagnostics, "");
  EXPECT_FALSE(r.document.usable);
  EXPECT_EQ(r.document.front_matter.status, FrontMatterStatus::missing);
}

TEST(DocumentTest, EmptyFrontMatterIsAnEmptyMapping) {
  Read r("---\n---\nbody");
  EXPECT_TRUE(r.document.usable);
  EXPECT_TRUE(r.document.data.is_object());
  EXPECT_TRUE(r.document.data.empty());
  const NodeInfo* root = r.document.positions.find("");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->kind, NodeKind::mapping);
  EXPECT_EQ(root->value_begin, 4u);
  EXPECT_EQ(root->value_end, 4u);
}

TEST(DocumentTest, YamlDiagnosticsAreInFileCoordinates) {
  Read r("\xEF\xBB\xBF---\r\ntitle: a\r\ndraft: no\r\ntitle: b\r\n---\r\n");
  EXPECT_FALSE(r.document.usable);
  EXPECT_EQ(r.diagnostics,
            "3:8: warning: 'no' is the string \"no\" in YAML 1.2 but the "
            "boolean false in YAML 1.1 (PyYAML, Jekyll, Hugo's go-yaml v2); "
            "quote it to keep a string: 'no' [yaml11-bool]\n"
            "4:1: error: duplicate key 'title' (first at line 2, column 1) "
            "[yaml.duplicate-key]");
  // Byte offsets count the BOM, the "---" line and every "\r\n".
  EXPECT_EQ(r.list[1].span.begin.offset, 29u);
  EXPECT_EQ(r.list[1].span.end.offset, 34u);

  Read utf8("---\nok: é\nbad: \xFF\n---\n");
  EXPECT_EQ(utf8.diagnostics,
            "3:6: error: invalid UTF-8 byte 0xff; the text "
            "must be UTF-8 [yaml.utf8]");
  EXPECT_EQ(utf8.list[0].span.begin.offset, 16u);

  Read tab("---\ntags:\n\t- llm\n---\n");
  EXPECT_EQ(tab.diagnostics,
            "3:1: error: tab character used as indentation; "
            "indent with spaces [yaml.syntax]");
}

// ---------------------------------------------------------------------------
// Positions: one entry per node, exact in file coordinates.

TEST(YamlPositionsTest, ScalarsAndKeys) {
  Read r(
      "---\nplain: some words\n\"dq\": \"a \\\"b\\\"\"\n'sq': 'it''s'\n"
      "empty:\nnull: ~\nml: one\n  two\nfl: \"x\n  y\"\n---\n");
  ASSERT_TRUE(r.document.usable) << r.diagnostics;
  EXPECT_EQ(r.key("/plain"), "plain");
  EXPECT_EQ(r.value("/plain"), "some words");
  EXPECT_EQ(r.key("/dq"), "\"dq\"");
  EXPECT_EQ(r.value("/dq"), "\"a \\\"b\\\"\"");
  EXPECT_EQ(r.key("/sq"), "'sq'");
  EXPECT_EQ(r.value("/sq"), "'it''s'");
  EXPECT_EQ(r.value("/empty"), "");
  EXPECT_EQ(r.document.positions.find("/empty")->value_begin,
            58u);  // after ':'
  EXPECT_EQ(r.value("/null"), "~");
  EXPECT_EQ(r.value("/ml"), "one\n  two");
  EXPECT_EQ(r.value("/fl"), "\"x\n  y\"");
  const NodeInfo* dq = r.document.positions.find("/dq");
  EXPECT_EQ(dq->style, ScalarStyle::double_quoted);
  EXPECT_EQ(dq->kind, NodeKind::scalar);
  EXPECT_TRUE(dq->has_key);
  EXPECT_EQ(r.document.positions.find("/sq")->style,
            ScalarStyle::single_quoted);
  EXPECT_FALSE(r.document.positions.find("")->has_key);
}

TEST(YamlPositionsTest, BlockScalarsStartAtTheirHeader) {
  Read r(
      "---\nlit: |\n  one\n  two\n\nfold: >- # comment | >\n  x\n\n  y\n"
      "keep: |+\n  k\n\n\nind: |2-\n    deep\nseq:\n  - |\n    item\n"
      "  - >\n\n    after blank\nlast: |\n  end\n---\n");
  ASSERT_TRUE(r.document.usable) << r.diagnostics;
  EXPECT_EQ(r.value("/lit"), "|\n  one\n  two");
  EXPECT_EQ(r.document.positions.find("/lit")->style, ScalarStyle::literal);
  EXPECT_EQ(r.value("/fold"), ">- # comment | >\n  x\n\n  y");
  EXPECT_EQ(r.document.positions.find("/fold")->style, ScalarStyle::folded);
  EXPECT_EQ(r.value("/keep"), "|+\n  k");
  EXPECT_EQ(r.document.data["keep"], "k\n\n\n");
  EXPECT_EQ(r.value("/ind"), "|2-\n    deep");
  EXPECT_EQ(r.document.data["ind"], "  deep");
  EXPECT_EQ(r.value("/seq/0"), "|\n    item");
  EXPECT_EQ(r.value("/seq/1"), ">\n\n    after blank");
  EXPECT_EQ(r.value("/last"), "|\n  end");
  EXPECT_EQ(r.where("/lit"), "2:6-4:6");
}

TEST(YamlPositionsTest, EmptyBlockScalarIsItsHeader) {
  Read r("---\na: |\nb: >-   # c\nc: 1\n---\n");
  ASSERT_TRUE(r.document.usable) << r.diagnostics;
  EXPECT_EQ(r.value("/a"), "|");
  EXPECT_EQ(r.value("/b"), ">-");
  EXPECT_EQ(r.document.data["a"], "");
}

TEST(YamlPositionsTest, Collections) {
  Read r(
      "---\nflow: [a, \"b\", {c: d}]\nmap: {x: 1,\n  y: [2]}\n"
      "block:\n  - one\n  - k: v\n    k2: v2\n\n  # trailing comment\n"
      "nested:\n  a:\n    b: 1\n\nempty_flow: []\n---\n");
  ASSERT_TRUE(r.document.usable) << r.diagnostics;
  EXPECT_EQ(r.value("/flow"), "[a, \"b\", {c: d}]");
  EXPECT_TRUE(r.document.positions.find("/flow")->flow);
  EXPECT_EQ(r.value("/flow/0"), "a");
  EXPECT_EQ(r.value("/flow/1"), "\"b\"");
  EXPECT_EQ(r.value("/flow/2"), "{c: d}");
  EXPECT_EQ(r.key("/flow/2/c"), "c");
  EXPECT_EQ(r.value("/map"), "{x: 1,\n  y: [2]}");
  EXPECT_EQ(r.value("/map/y/0"), "2");
  // Block collections end with their last child, not at the next token.
  EXPECT_EQ(r.value("/block"), "- one\n  - k: v\n    k2: v2");
  EXPECT_FALSE(r.document.positions.find("/block")->flow);
  EXPECT_EQ(r.document.positions.find("/block")->kind, NodeKind::sequence);
  EXPECT_EQ(r.value("/block/1"), "k: v\n    k2: v2");
  EXPECT_EQ(r.document.positions.find("/block/1")->kind, NodeKind::mapping);
  EXPECT_EQ(r.value("/nested"), "a:\n    b: 1");
  EXPECT_EQ(r.value("/empty_flow"), "[]");
  EXPECT_EQ(r.where("/block/1/k2"), "8:9-8:11");
  // The root: from the first key to the end of the last value.
  EXPECT_EQ(r.where(""), "2:1-15:15");
}

TEST(YamlPositionsTest, SinglePairMappingsInFlowSequences) {
  Read r("---\npairs: [a: 1, \"b\" : [2]]\n---\n");
  ASSERT_TRUE(r.document.usable) << r.diagnostics;
  EXPECT_EQ(r.document.data["pairs"].dump(), R"([{"a":1},{"b":[2]}])");
  EXPECT_EQ(r.diagnostics, "");
  EXPECT_EQ(r.value("/pairs/0"), "a: 1");
  EXPECT_TRUE(r.document.positions.find("/pairs/0")->flow);
  EXPECT_EQ(r.value("/pairs/1"), "\"b\" : [2]");
  EXPECT_EQ(r.key("/pairs/1/b"), "\"b\"");
}

TEST(YamlPositionsTest, OneEntryPerNodeInDocumentOrder) {
  Read r("---\na: [1, {b: 2}]\nc: x\n---\n");
  std::vector<std::string> pointers;
  for (const auto& [pointer, info] : r.document.positions.entries()) {
    pointers.push_back(pointer);
  }
  EXPECT_EQ(pointers, (std::vector<std::string>{"", "/a", "/a/0", "/a/1",
                                                "/a/1/b", "/c"}));
}

TEST(YamlPositionsTest, PointersEscapeKeys) {
  Read r("---\n\"a/b\": {\"~c\": 1}\n---\n");
  ASSERT_TRUE(r.document.usable) << r.diagnostics;
  EXPECT_EQ(r.value("/a~1b/~0c"), "1");
}

TEST(YamlPositionsTest, AliasesHaveOneEntry) {
  Read r("---\nbase: &b {x: 1}\ncopy: *b\nitems:\n  - &i one\n  - *i\n---\n");
  ASSERT_TRUE(r.document.usable) << r.diagnostics;
  EXPECT_EQ(r.value("/copy"), "*b");
  const NodeInfo* copy = r.document.positions.find("/copy");
  EXPECT_TRUE(copy->alias);
  EXPECT_EQ(copy->kind, NodeKind::mapping);
  EXPECT_EQ(r.document.positions.find("/copy/x"), nullptr);
  EXPECT_EQ(r.document.positions.find_nearest("/copy/x"), copy);
  EXPECT_EQ(r.value("/base"), "{x: 1}");  // the anchor is not part of it
  EXPECT_EQ(r.value("/items/1"), "*i");
  EXPECT_EQ(r.value("/items/0"), "one");
  EXPECT_EQ(r.document.data["copy"]["x"], 1);
}

TEST(YamlPositionsTest, TagsAndAnchorsAreNotPartOfTheValue) {
  Read r("---\na: !!str 42\nb: &x !!int \"7\"\nc: !!null\nd: &y\n---\n");
  ASSERT_TRUE(r.document.usable) << r.diagnostics;
  EXPECT_EQ(r.value("/a"), "42");
  EXPECT_EQ(r.value("/b"), "\"7\"");
  EXPECT_EQ(r.value("/c"), "");
  EXPECT_EQ(r.document.positions.find("/c")->value_begin,
            41u);  // after the tag
  EXPECT_EQ(r.value("/d"), "");
}

TEST(YamlPositionsTest, CrlfAndBom) {
  Read r(
      "\xEF\xBB\xBF---\r\ntitle: 《埃》\r\ntags:\r\n  - a\r\n  - \"b\"\r\n"
      "text: |\r\n  x\r\n\r\n---\r\n");
  ASSERT_TRUE(r.document.usable) << r.diagnostics;
  EXPECT_EQ(r.value("/title"), "《埃》");
  EXPECT_EQ(r.where("/title"), "2:8-2:11");
  EXPECT_EQ(r.document.positions.find("/title")->value_begin, 15u);
  EXPECT_EQ(r.where("/tags"), "4:3-5:8");
  EXPECT_EQ(r.value("/tags/1"), "\"b\"");
  EXPECT_EQ(r.where("/tags/1"), "5:5-5:8");
  EXPECT_EQ(r.value("/text"), "|\r\n  x");
  EXPECT_EQ(r.document.data["text"], "x\n");
  EXPECT_EQ(r.where(""), "2:1-7:4");
}

TEST(YamlPositionsTest, SeqOfEmptyItems) {
  Read r("---\nl:\n  -\n  - # c\n  - x\n---\n");
  ASSERT_TRUE(r.document.usable) << r.diagnostics;
  EXPECT_EQ(r.document.data["l"].dump(), "[null,null,\"x\"]");
  EXPECT_EQ(r.where("/l/0"), "3:4-3:4");
  EXPECT_EQ(r.where("/l/1"), "4:4-4:4");
  EXPECT_EQ(r.where("/l"), "3:3-5:6");
}

}  // namespace
}  // namespace fmkit
