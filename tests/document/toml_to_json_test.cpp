// SPDX-License-Identifier: MIT
#include "document/toml_to_json.hpp"

#include "report/render_support.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {
namespace {

using json = nlohmann::json;

using testing_support::diagnostic_lines;

struct Parsed {
  std::optional<YamlDocument> document;
  std::string diagnostics;
};

// Parses all of `toml` (the slice is the whole text).
Parsed parse(std::string_view toml, const YamlOptions& limits = {}) {
  LineIndex lines(toml);
  Parsed p;
  std::vector<Diagnostic> list;
  p.document = parse_toml_document(toml, 0, toml.size(), lines, limits, list);
  p.diagnostics = diagnostic_lines(list);
  return p;
}

// ---------------------------------------------------------------------------
// Typing: every TOML type, into the JSON model.

struct TypingCase {
  std::string_view toml;
  std::string_view json_text;  // the expected value, as JSON
};

TEST(TomlTypingTest, Table) {
  const TypingCase cases[] = {
      {"", "{}"},
      {"# only a comment\n", "{}"},
      // strings
      {R"(s = "a\tb\u00e9\U0001F600")", R"({"s":"a\tbé😀"})"},
      {R"(s = 'C:\path')", R"({"s":"C:\\path"})"},
      {"s = \"\"\"\nline 1\nline 2\"\"\"", R"({"s":"line 1\nline 2"})"},
      {"s = \"\"\"\na \\\n   b\"\"\"", R"({"s":"a b"})"},
      {"s = '''\n'one'\n'''", R"({"s":"'one'\n"})"},
      {R"(s = "")", R"({"s":""})"},
      {R"(s = "nul\u0000")", R"({"s":"nul\u0000"})"},
      // integers
      {"i = 42", R"({"i":42})"},
      {"i = +17", R"({"i":17})"},
      {"i = -17", R"({"i":-17})"},
      {"i = 1_000", R"({"i":1000})"},
      {"i = 0xff", R"({"i":255})"},
      {"i = 0o17", R"({"i":15})"},
      {"i = 0b101", R"({"i":5})"},
      {"i = 9223372036854775807", R"({"i":9223372036854775807})"},
      {"i = -9223372036854775808", R"({"i":-9223372036854775808})"},
      // floats: no fractional part and exact in a double is an integer
      {"f = 1.5", R"({"f":1.5})"},
      {"f = 1.0", R"({"f":1})"},
      {"f = 1e3", R"({"f":1000})"},
      {"f = -2E-2", R"({"f":-0.02})"},
      {"f = 6.626e-34", R"({"f":6.626e-34})"},
      {"f = 1_000.5", R"({"f":1000.5})"},
      // booleans
      {"b = true", R"({"b":true})"},
      {"b = false", R"({"b":false})"},
      // dates and times: strings in RFC 3339 form
      {"d = 1979-05-27T07:32:00Z", R"({"d":"1979-05-27T07:32:00Z"})"},
      {"d = 1979-05-27 07:32:00z", R"({"d":"1979-05-27T07:32:00Z"})"},
      {"d = 1979-05-27t07:32:00-07:00", R"({"d":"1979-05-27T07:32:00-07:00"})"},
      {"d = 1979-05-27T00:32:00.999999+07:00",
       R"({"d":"1979-05-27T00:32:00.999999+07:00"})"},
      {"d = 1979-05-27T07:32:00", R"({"d":"1979-05-27T07:32:00"})"},
      {"d = 1979-05-27", R"({"d":"1979-05-27"})"},
      {"d = 07:32:00", R"({"d":"07:32:00"})"},
      {"d = 00:32:00.5", R"({"d":"00:32:00.5"})"},
      // arrays
      {"a = []", R"({"a":[]})"},
      {"a = [1, 'two', 3.5, [4], {x = 5}]",
       R"({"a":[1,"two",3.5,[4],{"x":5}]})"},
      {"a = [\n  1,\n  2, # comment\n]", R"({"a":[1,2]})"},
      // tables
      {"t = {}", R"({"t":{}})"},
      {"t = {x = 1, y.z = 2}", R"({"t":{"x":1,"y":{"z":2}}})"},
      {"[t]\nx = 1\n[t.u]\ny = 2", R"({"t":{"x":1,"u":{"y":2}}})"},
      {"a.b.c = 1\na.d = 2", R"({"a":{"b":{"c":1},"d":2}})"},
      {"[x.y]\na = 1\n[x]\nb = 2", R"({"x":{"b":2,"y":{"a":1}}})"},
      {"[[p]]\nt = 1\n[[p]]\n[[p]]\nt = 3", R"({"p":[{"t":1},{},{"t":3}]})"},
      {"[[f]]\nn = 1\n[f.v]\nc = 2\n[[f.w]]\nm = 3",
       R"({"f":[{"n":1,"v":{"c":2},"w":[{"m":3}]}]})"},
      // keys
      {R"("a/b~c" = 1)", R"({"a/b~c":1})"},
      {R"("" = 1)", R"({"":1})"},
      {R"('quoted "key"' = 1)", R"({"quoted \"key\"":1})"},
      {"1234 = 'digits'", R"({"1234":"digits"})"},
      {"3.14 = 'pi'", R"({"3":{"14":"pi"}})"},
  };
  for (const TypingCase& c : cases) {
    SCOPED_TRACE(testing::Message() << "toml: " << c.toml);
    Parsed p = parse(c.toml);
    ASSERT_TRUE(p.document) << p.diagnostics;
    EXPECT_EQ(p.document->value, json::parse(c.json_text));
    EXPECT_EQ(p.diagnostics, "");
  }
}

TEST(TomlTypingTest, InfinityAndNanAreKeptAsWrittenWithAWarning) {
  Parsed p = parse("a = inf\nb = +inf\nc = -inf\nd = nan\ne = -nan\n");
  ASSERT_TRUE(p.document) << p.diagnostics;
  EXPECT_EQ(p.document->value,
            json::parse(R"({"a":"inf","b":"+inf","c":"-inf","d":"nan",
                            "e":"-nan"})"));
  EXPECT_EQ(p.diagnostics,
            "1:5: warning: 'inf' is infinity, which JSON cannot hold; it is "
            "kept as the string \"inf\" [toml.non-finite]\n"
            "2:5: warning: '+inf' is infinity, which JSON cannot hold; it is "
            "kept as the string \"+inf\" [toml.non-finite]\n"
            "3:5: warning: '-inf' is infinity, which JSON cannot hold; it is "
            "kept as the string \"-inf\" [toml.non-finite]\n"
            "4:5: warning: 'nan' is NaN (not a number), which JSON cannot "
            "hold; it is kept as the string \"nan\" [toml.non-finite]\n"
            "5:5: warning: '-nan' is NaN (not a number), which JSON cannot "
            "hold; it is kept as the string \"-nan\" [toml.non-finite]");
}

// ---------------------------------------------------------------------------
// Positions: every key and value, exact to the byte.

struct Spans {
  std::string pointer;
  std::string key;  // the key's text, or "-" for none
  std::string value;
};

std::vector<Spans> spans(std::string_view text, const PositionMap& positions) {
  std::vector<Spans> out;
  for (const auto& [pointer, info] : positions.entries()) {
    std::string key = "-";
    if (info.has_key) {
      key = std::string(
          text.substr(info.key_begin, info.key_end - info.key_begin));
    }
    out.push_back({pointer, key,
                   std::string(text.substr(
                       info.value_begin, info.value_end - info.value_begin))});
  }
  return out;
}

void expect_spans(std::string_view text, const std::vector<Spans>& expected) {
  Parsed p = parse(text);
  ASSERT_TRUE(p.document) << p.diagnostics;
  std::vector<Spans> got = spans(text, p.document->positions);
  ASSERT_EQ(got.size(), expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    SCOPED_TRACE(expected[i].pointer);
    EXPECT_EQ(got[i].pointer, expected[i].pointer);
    EXPECT_EQ(got[i].key, expected[i].key);
    EXPECT_EQ(got[i].value, expected[i].value);
  }
}

TEST(TomlPositionsTest, ScalarsArraysAndInlineTablesSpanTheirText) {
  const std::string_view text =
      "title = \"héllo wörld\" # c\n"
      "\"quoted key\" = 'x'\n"
      "ml = \"\"\"\n"
      "ligne 1 é\n"
      "ligne 2\"\"\"\n"
      "date = 1979-05-27 07:32:00z\n"
      "tags = [ \"a\", 2,\n"
      "  [3] ]\n"
      "it = { x = 1, \"é\" = \"ü\" }\n";
  expect_spans(text,
               {
                   {"", "-", std::string(text.substr(0, text.size() - 1))},
                   {"/title", "title", "\"héllo wörld\""},
                   {"/quoted key", "\"quoted key\"", "'x'"},
                   {"/ml", "ml", "\"\"\"\nligne 1 é\nligne 2\"\"\""},
                   {"/date", "date", "1979-05-27 07:32:00z"},
                   {"/tags", "tags", "[ \"a\", 2,\n  [3] ]"},
                   {"/tags/0", "-", "\"a\""},
                   {"/tags/1", "-", "2"},
                   {"/tags/2", "-", "[3]"},
                   {"/tags/2/0", "-", "3"},
                   {"/it", "it", "{ x = 1, \"é\" = \"ü\" }"},
                   {"/it/x", "x", "1"},
                   {"/it/é", "\"é\"", "\"ü\""},
               });
}

TEST(TomlPositionsTest, TablesDottedKeysAndArraysOfTables) {
  const std::string_view text =
      "a.b = 1\n"
      "[site]\n"
      "name = 'n'\n"
      "[site.params]\n"
      "x = 1\n"
      "[[posts]]\n"
      "t = 1\n"
      "[[posts]]\n"
      "[empty]\n";
  expect_spans(
      text, {
                {"", "-", std::string(text.substr(0, text.size() - 1))},
                {"/a", "a", "b = 1"},
                {"/a/b", "b", "1"},
                {"/site", "site", "[site]\nname = 'n'\n[site.params]\nx = 1"},
                {"/site/name", "name", "'n'"},
                {"/site/params", "params", "[site.params]\nx = 1"},
                {"/site/params/x", "x", "1"},
                {"/posts", "posts", "[[posts]]\nt = 1\n[[posts]]"},
                {"/posts/0", "-", "[[posts]]\nt = 1"},
                {"/posts/0/t", "t", "1"},
                {"/posts/1", "-", "[[posts]]"},
                {"/empty", "empty", "[empty]"},
            });
}

TEST(TomlPositionsTest, AreFileOffsetsWithColumnsInCodePoints) {
  // The slice starts after a "+++" line, as front matter does.
  const std::string text = "+++\nt = \"日本\"\n\tk = 1\n+++\nbody\n";
  LineIndex lines(text);
  std::vector<Diagnostic> list;
  std::optional<YamlDocument> document = parse_toml_document(
      text, 4, text.find("+++", 4), lines, YamlOptions{}, list);
  ASSERT_TRUE(document) << diagnostic_lines(list);
  const NodeInfo* k = document->positions.find("/k");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(lines.at(k->key_begin).line, 3u);
  EXPECT_EQ(lines.at(k->key_begin).column, 2u);
  EXPECT_EQ(lines.at(k->value_begin).column, 6u);
  const NodeInfo* t = document->positions.find("/t");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(text.substr(t->value_begin, t->value_end - t->value_begin),
            "\"日本\"");
  EXPECT_EQ(lines.at(t->value_end).column, 9u);
  EXPECT_EQ(t->style, ScalarStyle::double_quoted);
  // An empty slice: an empty object, its root an empty span at the start.
  document = parse_toml_document(text, 4, 4, lines, YamlOptions{}, list);
  ASSERT_TRUE(document);
  EXPECT_EQ(document->value, json::object());
  ASSERT_NE(document->positions.find(""), nullptr);
  EXPECT_EQ(document->positions.find("")->value_begin, 4u);
  EXPECT_EQ(document->positions.find("")->value_end, 4u);
}

TEST(TomlPositionsTest, CrlfLineEndings) {
  const std::string_view text =
      "s = \"\"\"\r\nab\r\ncd\"\"\"\r\n[t]\r\nx = 1\r\n";
  expect_spans(text,
               {
                   {"", "-", std::string(text.substr(0, text.size() - 2))},
                   {"/s", "s", "\"\"\"\r\nab\r\ncd\"\"\""},
                   {"/t", "t", "[t]\r\nx = 1"},
                   {"/t/x", "x", "1"},
               });
}

TEST(TomlPositionsTest, KindsAndStyles) {
  Parsed p = parse("a = [1]\nb = {}\nc = 'x'\nd = '''y'''\n[[e]]\n[f]\n");
  ASSERT_TRUE(p.document) << p.diagnostics;
  const PositionMap& m = p.document->positions;
  EXPECT_EQ(m.find("/a")->kind, NodeKind::sequence);
  EXPECT_TRUE(m.find("/a")->flow);
  EXPECT_EQ(m.find("/b")->kind, NodeKind::mapping);
  EXPECT_TRUE(m.find("/b")->flow);
  EXPECT_EQ(m.find("/c")->style, ScalarStyle::single_quoted);
  EXPECT_EQ(m.find("/d")->style, ScalarStyle::single_quoted);
  EXPECT_EQ(m.find("/e")->kind, NodeKind::sequence);
  EXPECT_FALSE(m.find("/e")->flow);
  EXPECT_FALSE(m.find("/e/0")->has_key);
  EXPECT_FALSE(m.find("/f")->flow);
  EXPECT_TRUE(m.find("/f")->has_key);
}

// A long line of values is read in linear time (positions are asked for in
// document order); quadratic work would take minutes here.
TEST(TomlPositionsTest, ALongLineOfValuesIsFast) {
  std::string text = "a = [";
  for (int i = 0; i < 100'000; ++i) text += "{x = 1},";
  text += "]\n";
  auto start = std::chrono::steady_clock::now();
  Parsed p = parse(text, YamlOptions{.max_nodes = 1'000'000});
  auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  ASSERT_TRUE(p.document) << p.diagnostics;
  EXPECT_EQ(p.document->value["a"].size(), 100'000u);
  EXPECT_LT(seconds, 10.0);
}

// ---------------------------------------------------------------------------
// Errors: one diagnostic, at its place, saying the cause.

struct ErrorCase {
  std::string_view toml;
  std::string_view diagnostic;
};

TEST(TomlErrorsTest, Table) {
  const ErrorCase cases[] = {
      {"title: \"x\"\n",
       "1:6: error: TOML writes 'key = value', not 'key: value' (YAML front "
       "matter opens with '---', not '+++') [toml.syntax]"},
      {"title = Hello world\n",
       "1:9: error: 'Hello world' is not a TOML value: quote it to make a "
       "string (\"Hello world\") [toml.syntax]"},
      {"a b = 1\n",
       "1:3: error: expected '=' after the key: a key holding spaces or "
       "characters other than letters, digits, '_' and '-' must be quoted "
       "[toml.syntax]"},
      {"a =\n",
       "1:4: error: the key has no value: write one after '=' [toml.syntax]"},
      {"a = 1 b = 2\n",
       "1:7: error: unexpected text after the value: write one 'key = value' "
       "per line; a comment starts with '#' [toml.syntax]"},
      {"a = \"abc\n",
       "1:9: error: the string is not closed on its line: add the closing "
       "'\"' [toml.syntax]"},
      {"a = 'abc\n",
       "1:9: error: the string is not closed on its line: add the closing "
       "\"'\" [toml.syntax]"},
      {"a = \"\"\"abc\n",
       "1:11: error: the multi-line string is not closed: add the closing "
       "'\"\"\"' [toml.syntax]"},
      {"a = [1, 2\n",
       "1:10: error: the array is not closed: add the closing ']' "
       "[toml.syntax]"},
      {"a = \"x\x01y\"\n",
       "1:7: error: control character U+0001 in a string: write it as the "
       "escape \\u0001 [toml.syntax]"},
      {"a = 1 # \x7f\n",
       "1:9: error: control character U+007F in a comment: delete it "
       "[toml.syntax]"},
      {"a = \"\xff\"\n",
       "1:6: error: invalid UTF-8 byte 0xff; the text must be UTF-8 "
       "[toml.syntax]"},
      {"\xEF\xBB\xBF"
       "a = 1\n",
       "1:1: error: a byte-order mark (U+FEFF) starts the TOML text; it would "
       "be read as nothing here, and as part of the first key elsewhere: "
       "delete it [toml.syntax]"},
      // Inside a string or a key it would be an invisible part of it.
      {"a = \"Hel\xEF\xBB\xBFlo\"\n",
       "1:9: error: byte-order mark U+FEFF is allowed only at the start of the "
       "file; remove it or write it as \\uFEFF in a \"...\" string "
       "[toml.syntax]"},
      {"a = 1\n\xEF\xBB\xBF"
       "b = 2\n",
       "2:1: error: byte-order mark U+FEFF is allowed only at the start of the "
       "file; remove it or write it as \\uFEFF in a \"...\" string "
       "[toml.syntax]"},
      {"a = 9223372036854775808\n",
       "1:5: error: integer 9223372036854775808 is out of range: TOML "
       "integers are 64-bit; quote it to keep a string [toml.syntax]"},
      {"a = 1e400\n",
       "1:5: error: float 1e400 is out of range: TOML floats are 64-bit; "
       "quote it to keep a string [toml.syntax]"},
      {"a = True\n",
       "1:5: error: 'True' is not a TOML value: booleans are true and false, "
       "in lower case; quote a string [toml.syntax]"},
      {"a = {x = 1,\n y = 2}\n",
       "1:12: error: an inline table must stay on one line in TOML 1.0: join "
       "its lines, or make it a [table] [toml.syntax]"},
      {"a = {x = 1,}\n",
       "1:12: error: a comma after the last value of an inline table is not "
       "allowed in TOML 1.0: delete it [toml.syntax]"},
      {"a = 2024-01-15T10:00\n",
       "1:21: error: a time needs its seconds in TOML 1.0 (10:30:00) "
       "[toml.syntax]"},
      {"a = 1979-13-01\n",
       "1:12: error: invalid date: expected month between 1 and 12 "
       "(inclusive), saw 13 [toml.syntax]"},
      {"a = \"\\e\"\n",
       "1:7: error: invalid string: escape sequence '\\e' is not supported in "
       "TOML 1.0.0 and earlier [toml.syntax]"},
  };
  for (const ErrorCase& c : cases) {
    SCOPED_TRACE(testing::Message() << "toml: " << c.toml);
    Parsed p = parse(c.toml);
    EXPECT_FALSE(p.document);
    EXPECT_EQ(p.diagnostics, c.diagnostic);
  }
}

TEST(TomlErrorsTest, DuplicateKeysNameBothPlaces) {
  const ErrorCase cases[] = {
      {"a = 1\na = 2\n",
       "2:1: error: duplicate key 'a' (first at line 1, column 1) "
       "[toml.duplicate-key]"},
      {"a = 1\na.b = 2\n",
       "2:1: error: duplicate key 'a' (first at line 1, column 1) "
       "[toml.duplicate-key]"},
      {"x = 0\n[t]\nb = 1\n[t]\n",
       "4:2: error: duplicate key 't' (first at line 2, column 2) "
       "[toml.duplicate-key]"},
      {"a.b = 1\n[a]\n",
       "2:2: error: duplicate key 'a' (first at line 1, column 1) "
       "[toml.duplicate-key]"},
      {"[t]\nx = 1\n[u]\n[t]\n",
       "4:2: error: duplicate key 't' (first at line 1, column 2) "
       "[toml.duplicate-key]"},
      {"[t]\nx = 1\n[t.x]\n",
       "3:4: error: duplicate key 't.x' (first at line 2, column 1) "
       "[toml.duplicate-key]"},
      {"[[p]]\nt = 1\n[[p]]\nt = 2\n  t = 3\n",
       "5:3: error: duplicate key 't' (first at line 4, column 1) "
       "[toml.duplicate-key]"},
      {"[[p]]\n[p]\n",
       "2:2: error: duplicate key 'p' (first at line 1, column 3) "
       "[toml.duplicate-key]"},
      {"[s]\n\"k\" = 1\n'k' = 2\n",
       "3:1: error: duplicate key 'k' (first at line 2, column 1) "
       "[toml.duplicate-key]"},
      // Inside one inline table: both on one line.
      {"a = {x = 1, x = 2}\n",
       "1:13: error: duplicate key 'x' (first at line 1, column 6) "
       "[toml.duplicate-key]"},
  };
  for (const ErrorCase& c : cases) {
    SCOPED_TRACE(testing::Message() << "toml: " << c.toml);
    Parsed p = parse(c.toml);
    EXPECT_FALSE(p.document);
    EXPECT_EQ(p.diagnostics, c.diagnostic);
  }
}

TEST(TomlErrorsTest, ErrorsAreInFileCoordinates) {
  const std::string text = "+++\n# comment\ntitle: 'x'\n+++\n";
  LineIndex lines(text);
  std::vector<Diagnostic> list;
  EXPECT_FALSE(parse_toml_document(text, 4, text.find("+++", 4), lines,
                                   YamlOptions{}, list));
  EXPECT_EQ(diagnostic_lines(list),
            "3:6: error: TOML writes 'key = value', not 'key: value' (YAML "
            "front matter opens with '---', not '+++') [toml.syntax]");
}

// ---------------------------------------------------------------------------
// Limits: never a crash, never a hang.

TEST(TomlLimitsTest, DeepDottedKeysAndHeadersAreRefusedBeforeParsing) {
  // toml++ recurses once per part: 200,000 parts would overflow the stack.
  std::string key = "a";
  for (int i = 0; i < 200'000; ++i) key += ".a";
  Parsed p = parse(key + " = 1\n");
  EXPECT_FALSE(p.document);
  EXPECT_EQ(p.diagnostics,
            "1:130: error: a key with more than 64 dotted parts, over the "
            "nesting limit [toml.limit]");
  p = parse("[" + key + "]\n");
  EXPECT_FALSE(p.document);
  EXPECT_EQ(p.diagnostics,
            "1:131: error: a key with more than 64 dotted parts, over the "
            "nesting limit [toml.limit]");
  p = parse("a = " + std::string(100, '[') + std::string(100, ']') + "\n");
  EXPECT_FALSE(p.document);
  EXPECT_EQ(p.diagnostics,
            "1:69: error: brackets nested more than 64 deep, over the nesting "
            "limit [toml.limit]");
  // Dots and brackets in strings and comments count for nothing.
  p = parse("s = \"" + std::string(500, '.') + std::string(500, '[') +
            "\"\nt = '''" + std::string(500, '.') + "'''\n# " +
            std::string(500, '{') + "\n");
  EXPECT_TRUE(p.document) << p.diagnostics;
}

TEST(TomlLimitsTest, DepthNodesAndSizeFollowYamlOptions) {
  YamlOptions limits;
  limits.max_depth = 3;
  // The root is depth 1, as in YAML: three tables fit.
  EXPECT_TRUE(parse("a.b.c = 1\n", limits).document);
  Parsed p = parse("a.b.c.d = 1\n", limits);
  EXPECT_FALSE(p.document);
  EXPECT_EQ(p.diagnostics,
            "1:5: error: the front matter nests deeper than the limit of 3 "
            "levels [toml.limit]");
  p = parse("[t]\na = [[1]]\n", limits);
  EXPECT_FALSE(p.document);
  EXPECT_EQ(p.diagnostics,
            "2:6: error: the front matter nests deeper than the limit of 3 "
            "levels [toml.limit]");

  limits = YamlOptions{};
  limits.max_nodes = 5;
  EXPECT_TRUE(parse("a = [1, 2, 3]\n", limits).document);  // key, array, 3
  p = parse("a = [1, 2, 3, 4]\n", limits);
  EXPECT_FALSE(p.document);
  EXPECT_EQ(p.diagnostics,
            "1:15: error: the front matter has more than 5 keys and values "
            "[toml.limit]");

  limits = YamlOptions{};
  limits.max_bytes = 8;
  p = parse("title = 'long'\n", limits);
  EXPECT_FALSE(p.document);
  EXPECT_EQ(p.diagnostics,
            "1:1: error: the TOML text is 15 bytes, over the limit of 8 "
            "[toml.limit]");
}

}  // namespace
}  // namespace fmkit
