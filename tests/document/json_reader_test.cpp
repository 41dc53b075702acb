// SPDX-License-Identifier: MIT
#include "document/json_reader.hpp"

#include "report/render_support.hpp"

#include <gtest/gtest.h>

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

// Parses text[begin, end) of `text` (all of it by default).
Parsed parse(std::string_view text, const YamlOptions& options = {},
             size_t begin = 0, size_t end = std::string_view::npos) {
  LineIndex lines(text);
  std::vector<Diagnostic> list;
  Parsed p;
  p.document = parse_json_document(
      text, begin, end == std::string_view::npos ? text.size() : end, lines,
      options, list);
  p.diagnostics = diagnostic_lines(list);
  return p;
}

// Every entry of the PositionMap: "pointer key=L:C-L:C value=L:C-L:C".
std::string positions(std::string_view text, const PositionMap& map) {
  LineIndex lines(text);
  auto at = [&](size_t begin, size_t end) {
    SourceSpan s = lines.span(begin, end);
    return std::to_string(s.begin.line) + ":" + std::to_string(s.begin.column) +
           "-" + std::to_string(s.end.line) + ":" +
           std::to_string(s.end.column);
  };
  std::string out;
  for (const auto& [pointer, info] : map.entries()) {
    out += "'" + pointer + "'";
    if (info.has_key) out += " key=" + at(info.key_begin, info.key_end);
    out += " value=" + at(info.value_begin, info.value_end) + "\n";
  }
  return out;
}

TEST(JsonReaderTest, ValuesAreTypedAsTheYamlReaderTypesThem) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {R"({"a": 1, "b": -2, "c": 1.5, "d": 4.0, "e": 1e3})",
       R"({"a":1,"b":-2,"c":1.5,"d":4,"e":1000})"},
      {R"({"t": true, "f": false, "n": null, "s": "x", "l": [], "o": {}})",
       R"({"f":false,"l":[],"n":null,"o":{},"s":"x","t":true})"},
      {R"({"big": 18446744073709551615, "neg": -0})",
       R"({"big":18446744073709551615,"neg":0})"},
      {R"(["yes", "0755", "2024-01-02"])", R"(["yes","0755","2024-01-02"])"},
      {" \r\n\t", "null"},
      {"", "null"},
      {"[]", "[]"},
  };
  for (const auto& [text, expected] : cases) {
    Parsed p = parse(text);
    ASSERT_TRUE(p.document) << text << "\n" << p.diagnostics;
    EXPECT_EQ(p.document->value, json::parse(expected)) << text;
    EXPECT_EQ(p.diagnostics, "") << text;
  }
  // 18446744073709551615 is a uint64, as in YAML.
  EXPECT_TRUE(parse(R"({"big": 18446744073709551615})")
                  .document->value["big"]
                  .is_number_unsigned());
}

TEST(JsonReaderTest, EscapesAreDecoded) {
  Parsed p =
      parse(R"({"s": "a\"b\\c\/d\b\f\n\r\t\u00e9\u20AC\ud83d\ude00\u0000z"})");
  ASSERT_TRUE(p.document) << p.diagnostics;
  EXPECT_EQ(p.document->value["s"].get<std::string>(),
            std::string("a\"b\\c/d\b\f\n\r\t\xC3\xA9\xE2\x82\xAC"
                        "\xF0\x9F\x98\x80") +
                '\0' + "z");
  // Escaped keys too; the pointer escapes '/' and '~'.
  Parsed keys = parse(R"({"a\/b~": 1})");
  ASSERT_TRUE(keys.document);
  EXPECT_EQ(keys.document->value, json::parse(R"({"a/b~": 1})"));
  EXPECT_NE(keys.document->positions.find("/a~1b~0"), nullptr);
}

TEST(JsonReaderTest, PositionsOfNestedObjectsAndArrays) {
  const std::string_view text =
      "{\n"
      "  \"title\": \"Hi\",\n"
      "  \"tags\": [\"a\", {\"k\": [1, 2]}],\n"
      "  \"o\": {\"x\": null}\n"
      "}";
  Parsed p = parse(text);
  ASSERT_TRUE(p.document) << p.diagnostics;
  EXPECT_EQ(positions(text, p.document->positions),
            "'' value=1:1-5:2\n"
            "'/title' key=2:3-2:10 value=2:12-2:16\n"
            "'/tags' key=3:3-3:9 value=3:11-3:31\n"
            "'/tags/0' value=3:12-3:15\n"
            "'/tags/1' value=3:17-3:30\n"
            "'/tags/1/k' key=3:18-3:21 value=3:23-3:29\n"
            "'/tags/1/k/0' value=3:24-3:25\n"
            "'/tags/1/k/1' value=3:27-3:28\n"
            "'/o' key=4:3-4:6 value=4:8-4:19\n"
            "'/o/x' key=4:9-4:12 value=4:14-4:18\n");
  const NodeInfo* root = p.document->positions.find("");
  EXPECT_EQ(root->kind, NodeKind::mapping);
  EXPECT_TRUE(root->flow);
  EXPECT_EQ(p.document->positions.find("/tags")->kind, NodeKind::sequence);
  EXPECT_EQ(p.document->positions.find("/title")->style,
            ScalarStyle::double_quoted);
  EXPECT_EQ(p.document->positions.find("/tags/1/k/0")->style,
            ScalarStyle::plain);
}

TEST(JsonReaderTest, PositionsAreTheYamlReadersOnTheSameText) {
  // JSON is YAML 1.2 flow style: both readers must agree on every span.
  const std::string_view text =
      "{\"a\": [1, \"two\", {\"b\": true}], \"c\": {\"d\": []}, \"e\": \"\"}";
  Parsed as_json = parse(text);
  LineIndex lines(text);
  std::vector<Diagnostic> ignored;
  std::optional<YamlDocument> as_yaml =
      parse_yaml_document(text, 0, text.size(), lines, {}, ignored);
  ASSERT_TRUE(as_json.document && as_yaml);
  EXPECT_EQ(as_json.document->value, as_yaml->value);
  EXPECT_EQ(positions(text, as_json.document->positions),
            positions(text, as_yaml->positions));
}

TEST(JsonReaderTest, ColumnsCountCodePointsAndLinesMayEndInCrLf) {
  const std::string_view text =
      "{\r\n  \"\xC3\xA9t\xC3\xA9\": \"\xE2\x82\xAC\\u00e9\", \"k\": 1,\r\n"
      "  \"\xF0\x9F\x98\x80\": [\r\n    2\r\n  ]\r\n}\r\n";
  Parsed p = parse(text);
  ASSERT_TRUE(p.document) << p.diagnostics;
  EXPECT_EQ(positions(text, p.document->positions),
            "'' value=1:1-6:2\n"
            "'/\xC3\xA9t\xC3\xA9' key=2:3-2:8 value=2:10-2:19\n"
            "'/k' key=2:21-2:24 value=2:26-2:27\n"
            "'/\xF0\x9F\x98\x80' key=3:3-3:6 value=3:8-5:4\n"
            "'/\xF0\x9F\x98\x80/0' value=4:5-4:6\n");
}

TEST(JsonReaderTest, PositionsAreInFileCoordinates) {
  // A "---json" block: the slice starts on line 2.
  const std::string_view text = "---json\n{\"a\": [1]}\n---\nbody {\"x\"}\n";
  Parsed p = parse(text, {}, 8, 19);
  ASSERT_TRUE(p.document) << p.diagnostics;
  EXPECT_EQ(positions(text, p.document->positions),
            "'' value=2:1-2:11\n"
            "'/a' key=2:2-2:5 value=2:7-2:10\n"
            "'/a/0' value=2:8-2:9\n");
}

TEST(JsonReaderTest, SyntaxErrorsSayTheCauseAtTheCharacter) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"{\"a\": 1,\n}",
       "1:8: error: invalid JSON: trailing comma before '}' (JSON allows "
       "none) [json.syntax]"},
      {"[1, 2, ]",
       "1:6: error: invalid JSON: trailing comma before ']' (JSON allows "
       "none) [json.syntax]"},
      {"{\n  // a comment\n  \"a\": 1\n}",
       "2:3: error: invalid JSON: comments are not allowed in JSON "
       "[json.syntax]"},
      {"{\"a\": 'x'}",
       "1:7: error: invalid JSON: strings must be in double quotes "
       "[json.syntax]"},
      {"{title: \"x\"}",
       "1:2: error: invalid JSON: keys must be in double quotes "
       "[json.syntax]"},
      {"{\"a\": yes}",
       "1:7: error: invalid JSON: 'yes' is not a JSON value (strings need "
       "double quotes; the literals are true, false and null) [json.syntax]"},
      {"{\"a\": 01}",
       "1:7: error: invalid JSON: '01' is not a JSON value (strings need "
       "double quotes; the literals are true, false and null) [json.syntax]"},
      {"{\"a\": 1e999}",
       "1:7: error: invalid JSON: '1e999' is too large for a number (a "
       "double) [json.syntax]"},
      {"{\"a\": 1\n \"b\": 2}",
       "2:2: error: invalid JSON: a ',' is missing before this key "
       "[json.syntax]"},
      {"{\"a\" 1}",
       "1:6: error: invalid JSON: expected ':' after the key, found '1' "
       "[json.syntax]"},
      {"{\"a\": }",
       "1:7: error: invalid JSON: expected a value, found '}' [json.syntax]"},
      {"[1 2]",
       "1:4: error: invalid JSON: expected ',' or ']', found '2' "
       "[json.syntax]"},
      {"{\"a\": [1, 2}",
       "1:12: error: invalid JSON: expected ',' or ']', found '}' "
       "[json.syntax]"},
      {"{\"a\": 1",
       "1:8: error: invalid JSON: the text ends early: expected ',' or '}' "
       "[json.syntax]"},
      {"{\"a\": \"x",
       "1:7: error: invalid JSON: the string that starts here is not closed "
       "[json.syntax]"},
      {"{\"a\": \"x\ty\"}",
       "1:9: error: invalid JSON: a tab in a string must be written as \\t "
       "[json.syntax]"},
      {"{\"a\": \"x\ny\"}",
       "1:9: error: invalid JSON: a string cannot span lines: write a line "
       "break as \\n [json.syntax]"},
      {"{\"a\": \"\\x41\"}",
       "1:8: error: invalid JSON: '\\x' is not a JSON escape (the escapes are "
       "\\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX) [json.syntax]"},
      {"{\"a\": \"\\u12G4\"}",
       "1:8: error: invalid JSON: '\\u' must be followed by four hex digits "
       "[json.syntax]"},
      {"{\"a\": \"\\ud83d!\"}",
       "1:8: error: invalid JSON: '\\ud83d' is half of a surrogate pair "
       "without its other half [json.syntax]"},
      {"{\"a\": 1} x",
       "1:10: error: invalid JSON: text after the end of the JSON value: 'x' "
       "(one value only) [json.syntax]"},
      {"{\"\xC3\xA9\": \xC3\xA9}",
       "1:7: error: invalid JSON: expected a value, found '\xC3\xA9' "
       "[json.syntax]"},
      // Characters are checked as for YAML, before the syntax.
      {"{\"a\": \"\x7F\"}",
       "1:8: error: control character U+007F (DEL) is not allowed in front "
       "matter; remove it or write it as \\u007F in a string "
       "[yaml.control-character]"},
      {"{\"a\": \"\x0C\"}",
       "1:8: error: control character U+000C (FF) is not allowed in front "
       "matter; remove it or write it as \\f in a string "
       "[yaml.control-character]"},
      {"{\"a\": \"\xEF\xBB\xBF\"}",
       "1:8: error: byte-order mark U+FEFF is allowed only at the start of "
       "the file; remove it or write it as \\uFEFF in a string [yaml.bom]"},
  };
  for (const auto& [text, expected] : cases) {
    Parsed p = parse(text);
    EXPECT_FALSE(p.document) << text;
    EXPECT_EQ(p.diagnostics, expected) << text;
  }
}

TEST(JsonReaderTest, DuplicateKeysAreErrorsNamingTheFirstPlace) {
  const std::string_view text =
      "{\n  \"a\": 1,\n  \"o\": {\"x\": 1, \"x\": [2]},\n  \"a\": 3\n}";
  Parsed p = parse(text);
  EXPECT_FALSE(p.document);
  EXPECT_EQ(p.diagnostics,
            "3:17: error: duplicate key 'x' (first at line 3, column 9) "
            "[json.duplicate-key]\n"
            "4:3: error: duplicate key 'a' (first at line 2, column 3) "
            "[json.duplicate-key]");
}

TEST(JsonReaderTest, LimitsAreErrors) {
  YamlOptions small;
  small.max_depth = 3;
  EXPECT_EQ(parse("[[[1]]]", small).diagnostics, "");
  EXPECT_EQ(parse("[[[[1]]]]", small).diagnostics,
            "1:4: error: nesting deeper than 3 levels [json.limit]");
  small.max_nodes = 3;
  EXPECT_EQ(parse("[1, 2, 3]", small).diagnostics,
            "1:8: error: more than 3 values [json.limit]");
  small.max_bytes = 4;
  EXPECT_EQ(parse("[1, 2]", small).diagnostics,
            "1:1: error: the JSON text is 6 bytes, over the limit of 4 "
            "[json.limit]");
  // The default depth stops a deep text without exhausting the stack.
  std::string deep(100'000, '[');
  EXPECT_EQ(parse(deep).diagnostics,
            "1:65: error: nesting deeper than 64 levels [json.limit]");
}

// Every one-byte deletion or insertion in a document: fmkit's reader and
// nlohmann's parser (a strict RFC 8259 reader) agree on what is JSON, and
// on the value when both read it.
TEST(JsonReaderTest, AgreesWithAStrictParserOnMutatedText) {
  const std::string sample =
      "{\"a\": [1, -2.5e3, true, null, \"x\\\"\\u00e9\"], "
      "\"b\": {\"c\": {}, \"d\": []}, \"e\": \"\", \"f\": false}";
  std::vector<std::string> texts;
  for (size_t i = 0; i < sample.size(); ++i) {
    texts.push_back(sample.substr(0, i) + sample.substr(i + 1));
    for (char c : std::string_view(",:]}[{\"\\0 e.-u")) {
      texts.push_back(sample.substr(0, i) + c + sample.substr(i));
    }
  }
  size_t read = 0;
  for (const std::string& text : texts) {
    Parsed ours = parse(text);
    json theirs = json::parse(text, nullptr, false);
    const bool duplicate =
        ours.diagnostics.find("json.duplicate-key") != std::string::npos;
    if (duplicate) continue;  // nlohmann keeps the last value
    ASSERT_EQ(ours.document.has_value(), !theirs.is_discarded())
        << text << "\n"
        << ours.diagnostics;
    if (ours.document) {
      EXPECT_EQ(ours.document->value, theirs) << text;
      ++read;
    }
  }
  EXPECT_GT(read, 0u);
}

TEST(JsonReaderTest, FindJsonErrorGivesTheFirstSyntaxError) {
  EXPECT_FALSE(find_json_error(R"({"a": 1})"));
  // A whole JSON text must hold a value (front matter may be empty).
  std::optional<JsonError> empty = find_json_error(" \n");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->offset, 2u);
  EXPECT_EQ(empty->message,
            "invalid JSON: the file holds only white space, no value");
  EXPECT_EQ(find_json_error("")->message, "invalid JSON: the file is empty");
  std::optional<JsonError> error = find_json_error("{\"a\": 1, \"a\": tru}");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->offset, 14u);
  EXPECT_EQ(error->message,
            "invalid JSON: 'tru' is not a JSON value (strings need double "
            "quotes; the literals are true, false and null)");
}

}  // namespace
}  // namespace fmkit
