// SPDX-License-Identifier: MIT
#include "document/yaml_to_json.hpp"

#include "document/yaml_characters.hpp"
#include "report/render_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define FMKIT_TEST_LEAK_CHECKS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FMKIT_TEST_LEAK_CHECKS 1
#endif
#endif
#if defined(FMKIT_TEST_LEAK_CHECKS)
#include <sanitizer/lsan_interface.h>
#endif

namespace fmkit {
namespace {

using json = nlohmann::json;

using testing_support::diagnostic_lines;

struct Parsed {
  std::optional<YamlDocument> document;
  std::string diagnostics;
  std::vector<Diagnostic> list;
};

// Parses all of `yaml` as one document (the slice is the whole text).
Parsed parse(std::string_view yaml, const YamlOptions& options = {}) {
  LineIndex lines(yaml);
  Parsed p;
  p.document =
      parse_yaml_document(yaml, 0, yaml.size(), lines, options, p.list);
  p.diagnostics = diagnostic_lines(p.list);
  return p;
}

// ---------------------------------------------------------------------------
// Typing: the YAML 1.2 core schema.

struct TypingCase {
  std::string_view yaml;
  std::string_view json_text;  // the expected value, as JSON
};

TEST(YamlTypingTest, Table) {
  const TypingCase cases[] = {
      // null
      {"", "null"},
      {"# only a comment\n", "null"},
      {"~", "null"},
      {"null", "null"},
      {"Null", "null"},
      {"NULL", "null"},
      {"nUll", R"("nUll")"},
      {"v:", R"({"v":null})"},
      // bool
      {"true", "true"},
      {"True", "true"},
      {"TRUE", "true"},
      {"false", "false"},
      {"False", "false"},
      {"FALSE", "false"},
      {"tRUE", R"("tRUE")"},
      // YAML 1.1 booleans are strings in 1.2 (and warned about).
      {"yes", R"("yes")"},
      {"off", R"("off")"},
      // int
      {"0", "0"},
      {"42", "42"},
      {"-17", "-17"},
      {"+5", "5"},
      {"007", "7"},
      {"0o17", "15"},
      {"0x1F", "31"},
      {"0xff", "255"},
      {"9223372036854775807", "9223372036854775807"},
      {"9223372036854775808", "9223372036854775808"},
      {"-9223372036854775808", "-9223372036854775808"},
      {"18446744073709551615", "18446744073709551615"},
      {"18446744073709551616", "1.8446744073709552e+19"},
      {"-9223372036854775809", "-9.223372036854776e+18"},
      {"0x", R"("0x")"},
      {"0o8", R"("0o8")"},
      {"+0x1", R"("+0x1")"},
      {"1_000", R"("1_000")"},
      {"0b101", R"("0b101")"},
      // float; integral floats are JSON integers
      {"1.5", "1.5"},
      {"-0.25", "-0.25"},
      {".5", "0.5"},
      {"+.5", "0.5"},
      {"1.", "1"},
      {"450.00", "450"},
      {"1e3", "1000"},
      {"1.5e-3", "0.0015"},
      {"-1E+2", "-100"},
      {"1e-400", "0"},
      {"1e", R"("1e")"},
      {"1.2.3", R"("1.2.3")"},
      {".", R"(".")"},
      {"-", "[null]"},
      {"'-'", R"("-")"},
      // no JSON form: kept as strings (with a warning)
      {".inf", R"(".inf")"},
      {"-.Inf", R"("-.Inf")"},
      {".NaN", R"(".NaN")"},
      {"1e999", R"("1e999")"},
      {".infinity", R"(".infinity")"},
      // only plain scalars are resolved
      {"'true'", R"("true")"},
      {R"("42")", R"("42")"},
      {"'null'", R"("null")"},
      {"''", R"("")"},
      {"|\n  42\n", R"("42\n")"},
      {">-\n  1.5\n", R"("1.5")"},
      // tags
      {"!!str 42", R"("42")"},
      {"!!str", R"("")"},
      {R"(!!int "42")", "42"},
      {"!!int 0x10", "16"},
      {"!!float 3", "3"},
      {"!!float '3.25'", "3.25"},
      {R"(!!bool "false")", "false"},
      {"!!null ''", "null"},
      {"! 12", R"("12")"},
      {"!local 12", "12"},
      {"!!binary aGk=", R"("aGk=")"},
      {"!<tag:yaml.org,2002:str> true", R"("true")"},
      // strings
      {"hello world", R"("hello world")"},
      // tabs are fine as separation, just not as indentation
      {"a:\t1\nb: c\t# comment\nd: [1,\t2]\ne: 'x\ty'",
       R"({"a":1,"b":"c","d":[1,2],"e":"x\ty"})"},
      {"a: 1\n\t\nb: 2", R"({"a":1,"b":2})"},
      {"a: b: c", ""},  // invalid; see the error tests
      {"《埃里温》", R"("《埃里温》")"},
      {R"("tab\there \u00e9 \x41")", R"("tab\there é A")"},
      {"'it''s'", R"("it's")"},
      // Single-quoted scalars are read by fmkit, not libfyaml 0.7, which
      // drops the character after two escapes in a row (found by fuzzing)
      // and ends a last line of white space with a line break; as PyYAML,
      // Psych and the YAML 1.2 spec read them:
      {"'x''''y'", R"("x''y")"},
      {"'''''y'", R"("''y")"},
      {"'xx''''''yy'", R"("xx'''yy")"},
      {"'a'''' ''''b'", R"("a'' ''b")"},
      {"''''''''''''''", R"("''''''")"},
      {"k: 'b\n  '", R"({"k":"b "})"},
      {"k: 'a''''\n  b''''\n\n  c  \n \n  d'", R"({"k":"a'' b''\nc\nd"})"},
      {"k: ' one \r\n   two\r\n\r\n  three '", R"({"k":" one two\nthree "})"},
      {"'x''''y': 1", R"({"x''y":1})"},
      {"plain\n  folded\n\n  lines", R"("plain folded\nlines")"},
      {"\"quoted\n  folded\"", R"("quoted folded")"},
      {"|\n  a\n   b\n\n", R"("a\n b\n")"},
      {"|-\n  a\n\n", R"("a")"},
      {"|+\n  a\n\n", R"("a\n\n")"},
      // An empty block scalar at the end: "", not libfyaml's "\0" (found
      // by fuzzing).
      {"x: |\n", R"({"x":""})"},
      {"x: >", R"({"x":""})"},
      {"x: |+\n", R"({"x":""})"},
      {"- a\n- |\n", R"(["a",""])"},
      {"x: |+\n\n", R"({"x":"\n"})"},
      {">\n  a\n  b\n\n  c\n", R"("a b\nc\n")"},
      {"|2\n   a\n", R"(" a\n")"},
      // keys are strings: their text as written
      {"1: a", R"({"1":"a"})"},
      {"null: a", R"({"null":"a"})"},
      {"~: a", R"({"~":"a"})"},
      {"true: a", R"({"true":"a"})"},
      {"'': a", R"({"":"a"})"},
      {"0x10: a", R"({"0x10":"a"})"},
      {"? a", R"({"a":null})"},
      {"? |\n  block key\n: v", R"({"block key\n":"v"})"},
      // a value on the next line, indented past its mapping (which starts
      // at the key's anchor), after a comment
      {"&k a:\n foo", R"({"a":"foo"})"},
      {"a:\n# c\n  foo", R"({"a":"foo"})"},
      // explicit keys over several lines, a flow key without ':', a value
      {"m: {? b\n c: 1, d\n e}\nn: [? f\n g : 2, h\n i]",
       R"({"m":{"b c":1,"d e":null},"n":[{"f g":2},"h i"]})"},
      // '%' in a value, and starting a line of a quoted one
      {"a: \"%\"\nb: x %\nc: '1\n %2'\nd: \"3\n  %4\"",
       R"({"a":"%","b":"x %","c":"1 %2","d":"3 %4"})"},
      // a list item's value on the next line, indented past its '-'
      {"- |\n  a\n- # c\n\n  \"x\"\n-\n -~y", R"(["a\n","x","-~y"])"},
      {"\"a\\tb\": 1", R"({"a\tb":1})"},
      // collections
      {"[]", "[]"},
      {"{}", "{}"},
      {"[1, [2, [3]], {a: [b]}]", R"([1,[2,[3]],{"a":["b"]}])"},
      {"- a\n- - b\n  - c\n- d: e\n  f: g",
       R"(["a",["b","c"],{"d":"e","f":"g"}])"},
      {"a:\n  b:\n    c: 1\n  d: [x, y]",
       R"({"a":{"b":{"c":1},"d":["x","y"]}})"},
      {"a:\n- 1\n- 2\nb: 3", R"({"a":[1,2],"b":3})"},
      {"{a: 1, b, c: }", R"({"a":1,"b":null,"c":null})"},
      {"[a: 1, b]", R"([{"a":1},"b"])"},
      // anchors and aliases
      {"a: &x 1\nb: *x", R"({"a":1,"b":1})"},
      {"a: &x [1, {b: c}]\nd: *x\ne: *x",
       R"({"a":[1,{"b":"c"}],"d":[1,{"b":"c"}],"e":[1,{"b":"c"}]})"},
      {"a: &k key\n*k : v", R"({"a":"key","key":"v"})"},
      {"a: &x 1\nb: &x 2\nc: *x", R"({"a":1,"b":2,"c":2})"},
      {"a: &x 0x10\n*x : *x", R"({"0x10":16,"a":16})"},
      // A quoted "<<" is a plain key (a plain one: YamlTagsTest).
      {"a: &b {x: 1}\nc:\n  '<<': *b", R"({"a":{"x":1},"c":{"<<":{"x":1}}})"},
      // directives and document markers
      {"%YAML 1.2\n---\na: 1\n...\n", R"({"a":1})"},
      {"--- |\n  text\n", R"("text\n")"},
  };
  for (const TypingCase& c : cases) {
    SCOPED_TRACE(testing::Message()
                 << "yaml: " << testing::PrintToString(std::string(c.yaml)));
    Parsed p = parse(c.yaml);
    if (c.json_text.empty()) {
      EXPECT_FALSE(p.document);
      continue;
    }
    ASSERT_TRUE(p.document) << p.diagnostics;
    EXPECT_EQ(p.document->value.dump(), json::parse(c.json_text).dump());
    EXPECT_EQ(count_errors(p.list), 0u) << p.diagnostics;
  }
}

TEST(YamlTypingTest, IntegersKeepTheirJsonType) {
  Parsed p = parse(
      "a: 9223372036854775807\nb: 18446744073709551615\nc: -3\n"
      "d: 2.5\ne: 2.0");
  ASSERT_TRUE(p.document);
  const json& v = p.document->value;
  EXPECT_TRUE(v["a"].is_number_integer());
  EXPECT_EQ(v["a"].get<int64_t>(), INT64_MAX);
  EXPECT_TRUE(v["b"].is_number_unsigned());
  EXPECT_EQ(v["b"].get<uint64_t>(), UINT64_MAX);
  EXPECT_EQ(v["c"].get<int64_t>(), -3);
  EXPECT_TRUE(v["d"].is_number_float());
  EXPECT_TRUE(v["e"].is_number_integer());
}

// ---------------------------------------------------------------------------
// YAML 1.1 warnings.

struct DiagnosticCase {
  std::string_view yaml;
  std::string_view diagnostics;  // as diagnostic_lines() prints them
};

void check_diagnostics(const DiagnosticCase& c, bool expect_value,
                       const YamlOptions& options = {}) {
  SCOPED_TRACE(testing::Message()
               << "yaml: " << testing::PrintToString(std::string(c.yaml)));
  Parsed p = parse(c.yaml, options);
  EXPECT_EQ(p.diagnostics, c.diagnostics);
  EXPECT_EQ(p.document.has_value(), expect_value);
}

TEST(YamlWarningsTest, Yaml11Readings) {
  const DiagnosticCase cases[] = {
      {"draft: no",
       "1:8: warning: 'no' is the string \"no\" in YAML 1.2 but the boolean "
       "false in YAML 1.1 (PyYAML, Jekyll, Hugo's go-yaml v2); quote it to "
       "keep "
       "a string: 'no' "
       "[yaml11-bool]"},
      {"a: Yes",
       "1:4: warning: 'Yes' is the string \"Yes\" in YAML 1.2 but the boolean "
       "true in YAML 1.1 (PyYAML, Jekyll, Hugo's go-yaml v2); quote it to keep "
       "a "
       "string: 'Yes' "
       "[yaml11-bool]"},
      {"- ON\n- Off",
       "1:3: warning: 'ON' is the string \"ON\" in YAML 1.2 but the boolean "
       "true in YAML 1.1 (PyYAML, Jekyll, Hugo's go-yaml v2); quote it to keep "
       "a "
       "string: 'ON' "
       "[yaml11-bool]\n"
       "2:3: warning: 'Off' is the string \"Off\" in YAML 1.2 but the boolean "
       "false in YAML 1.1 (PyYAML, Jekyll, Hugo's go-yaml v2); quote it to "
       "keep "
       "a string: 'Off' "
       "[yaml11-bool]"},
      {"a: y",
       "1:4: warning: 'y' is the string \"y\" in YAML 1.2 but the boolean "
       "true in YAML 1.1 (Hugo's go-yaml v2); quote it to keep a string: 'y' "
       "[yaml11-bool]"},
      {"a: N",
       "1:4: warning: 'N' is the string \"N\" in YAML 1.2 but the boolean "
       "false in YAML 1.1 (Hugo's go-yaml v2); quote it to keep a string: 'N' "
       "[yaml11-bool]"},
      // Keys are read by YAML 1.1 readers too.
      {"on: push",
       "1:1: warning: 'on' is the string \"on\" in YAML 1.2 but the boolean "
       "true in YAML 1.1 (PyYAML, Jekyll, Hugo's go-yaml v2); quote it to keep "
       "a "
       "string: 'on' "
       "[yaml11-bool]"},
      {"date: 2024-11-13",
       "1:7: warning: '2024-11-13' is the string \"2024-11-13\" in YAML 1.2 "
       "but a date in YAML 1.1 (PyYAML, Jekyll, Eleventy's js-yaml 3, js-yaml "
       "4); quote it to keep a string: '2024-11-13' [yaml11-timestamp]"},
      {"at: 2001-12-14t21:59:43.10-05:00",
       "1:5: warning: '2001-12-14t21:59:43.10-05:00' is the string "
       "\"2001-12-14t21:59:43.10-05:00\" in YAML 1.2 but a timestamp in YAML "
       "1.1 (PyYAML, Jekyll, Eleventy's js-yaml 3, js-yaml 4); quote it to "
       "keep "
       "a string: '2001-12-14t21:59:43.10-05:00' [yaml11-timestamp]"},
      {"at: 2001-12-14 21:59:43.10 -5",
       "1:5: warning: '2001-12-14 21:59:43.10 -5' is the string "
       "\"2001-12-14 21:59:43.10 -5\" in YAML 1.2 but a timestamp in YAML 1.1 "
       "(PyYAML, Jekyll, Eleventy's js-yaml 3, js-yaml 4); quote it to keep a "
       "string: '2001-12-14 21:59:43.10 -5' [yaml11-timestamp]"},
      {"mode: 0755",
       "1:7: warning: '0755' is the integer 755 in YAML 1.2 but the integer "
       "493 (octal) in YAML 1.1 (PyYAML, Jekyll, Eleventy's js-yaml 3, Hugo's "
       "go-yaml v2); write 755 or quote it: "
       "'0755' [yaml11-octal]"},
      {"x: -010",
       "1:4: warning: '-010' is the integer -10 in YAML 1.2 but the integer "
       "-8 (octal) in YAML 1.1 (PyYAML, Jekyll, Eleventy's js-yaml 3, Hugo's "
       "go-yaml v2); write -10 or quote it: "
       "'-010' [yaml11-octal]"},
      {"month: 08",
       "1:8: warning: '08' is the integer 8 in YAML 1.2 but the string \"08\" "
       "in YAML 1.1 (PyYAML, Jekyll, Eleventy's js-yaml 3); write 8 or quote "
       "it: "
       "'08' "
       "[yaml11-octal]"},
      {"o: 0o17",
       "1:4: warning: '0o17' is the integer 15 in YAML 1.2 but the string "
       "\"0o17\" in YAML 1.1 (PyYAML, Jekyll, Eleventy's js-yaml 3); write 15 "
       "or "
       "quote it: '0o17' "
       "[yaml11-octal]"},
      {"t: 1:30",
       "1:4: warning: '1:30' is the string \"1:30\" in YAML 1.2 but the "
       "integer 90 (base 60) in YAML 1.1 (PyYAML, Eleventy's js-yaml 3), the "
       "integer 5400 in Jekyll; quote it to keep a string: '1:30' "
       "[yaml11-sexagesimal]"},
      {"t: -1:02:03",
       "1:4: warning: '-1:02:03' is the string \"-1:02:03\" in YAML 1.2 but "
       "the integer -3723 (base 60) in YAML 1.1 (PyYAML, Eleventy's js-yaml "
       "3), "
       "the integer -3477 in Jekyll; quote it to keep a string: '-1:02:03' "
       "[yaml11-sexagesimal]"},
      {"t: 1:30.5",
       "1:4: warning: '1:30.5' is the string \"1:30.5\" in YAML 1.2 but the "
       "float 90.5 (base 60) in YAML 1.1 (PyYAML, Eleventy's js-yaml 3), the "
       "float 5430 in Jekyll; quote it to keep a string: '1:30.5' "
       "[yaml11-sexagesimal]"},
      {"g: .inf",
       "1:4: warning: '.inf' is infinity, which JSON cannot hold; it is kept "
       "as the string \".inf\" [yaml.non-finite]"},
      {"g: .NaN",
       "1:4: warning: '.NaN' is NaN (not a number), which JSON cannot hold; "
       "it is kept as the string \".NaN\" [yaml.non-finite]"},
      {"g: 1e400",
       "1:4: warning: '1e400' is too large for a JSON number; it is kept as "
       "the string \"1e400\" [yaml.non-finite]"},
      // Psych (Jekyll) reads base 60 with a leading zero, and one-digit
      // months and days.
      {"f: 0:30",
       "1:4: warning: '0:30' is the string \"0:30\" in YAML 1.2 but the "
       "integer 1800 in YAML 1.1 (Jekyll); quote it to keep a string: '0:30' "
       "[yaml11-sexagesimal]"},
      {"h: 2024-1-1",
       "1:4: warning: '2024-1-1' is the string \"2024-1-1\" in YAML 1.2 but a "
       "date in YAML 1.1 (Jekyll); quote it to keep a string: '2024-1-1' "
       "[yaml11-timestamp]"},
      // Psych matches yes/no/on/off/true/false/null in any case.
      {"a: yEs",
       "1:4: warning: 'yEs' is the string \"yEs\" in YAML 1.2 but the "
       "boolean true in YAML 1.1 (Jekyll); quote it to keep a string: 'yEs' "
       "[yaml11-bool]"},
      {"a: nULL",
       "1:4: warning: 'nULL' is the string \"nULL\" in YAML 1.2 but null in "
       "YAML 1.1 (Jekyll); quote it to keep a string: 'nULL' [yaml11-null]"},
      {"mode: 0_755",
       "1:7: warning: '0_755' is the string \"0_755\" in YAML 1.2 but the "
       "integer 493 (octal) in YAML 1.1 (PyYAML, Jekyll, Eleventy's js-yaml "
       "3, Hugo's go-yaml v2); quote it to keep a string: '0_755' "
       "[yaml11-octal]"},
      // Other numbers.
      {"n: 1_000",
       "1:4: warning: '1_000' is the string \"1_000\" in YAML 1.2 but the "
       "number 1000 in YAML 1.1 (PyYAML, Jekyll, Eleventy's js-yaml 3, "
       "Hugo's go-yaml v2); quote it to keep a string: '1_000' "
       "[yaml11-number]"},
      {"n: 1,000",
       "1:4: warning: '1,000' is the string \"1,000\" in YAML 1.2 but the "
       "number 1000 in YAML 1.1 (Jekyll); quote it to keep a string: '1,000' "
       "[yaml11-number]"},
      {"n: 0b101",
       "1:4: warning: '0b101' is the string \"0b101\" in YAML 1.2 but the "
       "integer 5 (binary) in YAML 1.1 (PyYAML, Jekyll, Eleventy's js-yaml 3, "
       "js-yaml 4, Hugo's go-yaml v2); quote it to keep a string: '0b101' "
       "[yaml11-number]"},
      {"n: 0X1F",
       "1:4: warning: '0X1F' is the string \"0X1F\" in YAML 1.2 but the "
       "integer 31 (hexadecimal) in YAML 1.1 (Hugo's go-yaml v2); quote it "
       "to keep a string: '0X1F' [yaml11-number]"},
      {"n: 1e3",
       "1:4: warning: '1e3' is the number 1000 in YAML 1.2 but the string "
       "\"1e3\" in YAML 1.1 (PyYAML, Jekyll); write 1.0e+3 or quote it: "
       "'1e3' [yaml11-number]"},
      // No warning: quoted, tagged, the same in both, or not special.
      {"a: 'no'\nb: \"2024-11-13\"\nc: !!str yes\nd: 00\ne: 007\n"
       "g: 12:60\ni: yes please\nj: 1.5\nk: 0\nl: 10:00 am\n"
       "m: |\n  no\nn: 1.5e+3\no: 0x1F\np: true\nq: 1.2.3\n",
       ""},
  };
  for (const DiagnosticCase& c : cases) check_diagnostics(c, true);
}

// Forms the reader models found beyond the first table (measured in
// tests/data/yaml-readers/readers.tsv).
TEST(YamlWarningsTest, MoreYaml11Readings) {
  const DiagnosticCase cases[] = {
      {"a: -.5",
       "1:4: warning: '-.5' is the number -0.5 in YAML 1.2 but the string "
       "\"-.5\" in YAML 1.1 (PyYAML, Eleventy's js-yaml 3, js-yaml 4); write "
       "-0.5 or quote it: '-.5' [yaml11-number]"},
      {"a: 01.5",
       "1:4: warning: '01.5' is the number 1.5 in YAML 1.2 but the string "
       "\"01.5\" in YAML 1.1 (Eleventy's js-yaml 3); write 1.5 or quote it: "
       "'01.5' [yaml11-number]"},
      {"a: 1_000e3",
       "1:4: warning: '1_000e3' is the string \"1_000e3\" in YAML 1.2 but "
       "the number 1000000 in YAML 1.1 (Eleventy's js-yaml 3, Hugo's go-yaml "
       "v2); quote it to keep a string: '1_000e3' [yaml11-number]"},
      {"a: 0,10",
       "1:4: warning: '0,10' is the string \"0,10\" in YAML 1.2 but the "
       "integer 8 (octal) in YAML 1.1 (Jekyll); quote it to keep a string: "
       "'0,10' [yaml11-number]"},
      {"a: 0x1_",
       "1:4: warning: '0x1_' is the string \"0x1_\" in YAML 1.2 but the "
       "integer 1 (hexadecimal) in YAML 1.1 (PyYAML, Jekyll, Hugo's go-yaml "
       "v2); quote it to keep a string: '0x1_' [yaml11-number]"},
  };
  for (const DiagnosticCase& c : cases) check_diagnostics(c, true);
}

// ---------------------------------------------------------------------------
// A YAML 1.1 document (`yaml: "1.1"`): plain scalars typed as the YAML 1.1
// readers of front matter read them; positions as in YAML 1.2.

YamlOptions yaml11_options() {
  YamlOptions options;
  options.version = YamlVersion::v1_1;
  return options;
}

TEST(Yaml11DocumentTest, PlainScalarsAreTypedAsYaml11) {
  Parsed p = parse(
      "draft: no\nmode: 0755\ncount: 1_000\nlength: 1:30\n"
      "date: 2024-11-13\nsize: 1e3\nquoted: 'yes'\ntagged: !!str on\n"
      "y: y\nlist: [On, off, 010]\ninf: .inf\n",
      yaml11_options());
  ASSERT_TRUE(p.document);
  EXPECT_EQ(p.document->value.dump(),
            R"({"count":1000,"date":"2024-11-13","draft":false,"inf":".inf",)"
            R"("length":90,"list":[true,false,8],"mode":493,"quoted":"yes",)"
            R"("size":"1e3","tagged":"on","y":"y"})");
  EXPECT_EQ(
      p.diagnostics,
      "1:8: warning: 'no' is the boolean false in PyYAML and Jekyll but the "
      "string \"no\" in Eleventy's js-yaml 3; fmkit reads the boolean false, "
      "as most of them do; write false, or quote it to keep a string: 'no' "
      "[yaml11-ambiguous]\n"
      "4:9: warning: '1:30' is the integer 90 (base 60) in PyYAML and "
      "Eleventy's js-yaml 3 but the integer 5400 in Jekyll; fmkit reads the "
      "integer 90 (base 60), as most of them do; write 90 or 5400, or quote "
      "it to keep a string: '1:30' [yaml11-ambiguous]\n"
      "6:7: warning: '1e3' is the string \"1e3\" in PyYAML and Jekyll but "
      "the number 1000 in Eleventy's js-yaml 3; fmkit reads the string "
      "\"1e3\", as most of them do; write 1000, or quote it to keep a "
      "string: '1e3' [yaml11-ambiguous]\n"
      "10:8: warning: 'On' is the boolean true in PyYAML and Jekyll but the "
      "string \"On\" in Eleventy's js-yaml 3; fmkit reads the boolean true, "
      "as most of them do; write true, or quote it to keep a string: 'On' "
      "[yaml11-ambiguous]\n"
      "10:12: warning: 'off' is the boolean false in PyYAML and Jekyll but "
      "the string \"off\" in Eleventy's js-yaml 3; fmkit reads the boolean "
      "false, as most of them do; write false, or quote it to keep a string: "
      "'off' [yaml11-ambiguous]\n"
      "11:6: warning: '.inf' is infinity, which JSON cannot hold; it is kept "
      "as the string \".inf\" [yaml.non-finite]");
  EXPECT_EQ(p.list[0].pointer, "/draft");
  EXPECT_EQ(p.list[3].pointer, "/list/0");
}

TEST(Yaml11DocumentTest, PositionsAndKeysAreAsInYaml12) {
  const std::string_view yaml = "on: 0755\n'k': [yes, 1_0]\nm: &a 0_7\nn: *a\n";
  Parsed p11 = parse(yaml, yaml11_options());
  Parsed p12 = parse(yaml);
  ASSERT_TRUE(p11.document && p12.document);
  EXPECT_EQ(p11.document->value.dump(),
            R"({"k":[true,10],"m":7,"n":7,"on":493})");
  const auto& e11 = p11.document->positions.entries();
  const auto& e12 = p12.document->positions.entries();
  ASSERT_EQ(e11.size(), e12.size());
  for (size_t i = 0; i < e11.size(); ++i) {
    EXPECT_EQ(e11[i].first, e12[i].first);
    EXPECT_EQ(e11[i].second.key_begin, e12[i].second.key_begin);
    EXPECT_EQ(e11[i].second.value_begin, e12[i].second.value_begin);
    EXPECT_EQ(e11[i].second.value_end, e12[i].second.value_end);
  }
  // Keys stay their text, with no warning.
  EXPECT_EQ(p11.list.size(), 1u);  // 'yes'
}
TEST(YamlWarningsTest, WarningsCarryThePointer) {
  Parsed p = parse("a:\n  b: [x, no]\n  'c/d': off");
  ASSERT_TRUE(p.document);
  ASSERT_EQ(p.list.size(), 2u);
  EXPECT_EQ(p.list[0].pointer, "/a/b/1");
  EXPECT_EQ(p.list[1].pointer, "/a/c~1d");
  EXPECT_EQ(p.list[1].span.end.column, 13u);
}

// ---------------------------------------------------------------------------
// Errors: the whole message, with its position.

TEST(YamlErrorsTest, BadInputs) {
  const DiagnosticCase cases[] = {
      // An empty key: YAML 1.2 reads "", the readers of site generators
      // reject the file or read a null key (found by fuzzing).
      {"a: 1\n: b",
       "2:1: error: this ':' has no key before it, which the YAML readers of "
       "site generators reject: write the key, or '' for an empty one "
       "[yaml.syntax]"},
      {"s: [a, : b]",
       "1:8: error: this ':' has no key before it, which the YAML readers of "
       "site generators reject: write the key, or '' for an empty one "
       "[yaml.syntax]"},
      {"{: a}",
       "1:2: error: this ':' has no key before it, which the YAML readers of "
       "site generators reject: write the key, or '' for an empty one "
       "[yaml.syntax]"},
      // A value on a line after its key, not indented past the key's
      // mapping: libfyaml reads it, PyYAML, Psych, js-yaml and go-yaml do
      // not (found by fuzzing). A block list may stand at the key's column;
      // an explicit key's ':' may start a line.
      {"a:\nfoo",
       "2:1: error: this line of the value of 'a' is at column 1, not "
       "indented past 'a'; YAML readers reject this: indent it by at least "
       "one space [yaml.syntax]"},
      {"m:\n  a:\n  [x]",
       "3:3: error: this line of the value of 'a' is at column 3, not "
       "indented past 'a'; YAML readers reject this: indent it by at least "
       "one space [yaml.syntax]"},
      {"a: &x\n\"foo\"",
       "2:1: error: this line of the value of 'a' is at column 1, not "
       "indented past 'a'; YAML readers reject this: indent it by at least "
       "one space [yaml.syntax]"},
      {"m:\n  a: # c\n# c\n  b",
       "4:3: error: this line of the value of 'a' is at column 3, not "
       "indented past 'a'; YAML readers reject this: indent it by at least "
       "one space [yaml.syntax]"},
      // Likewise a list item's value on a line after its '-', at the
      // list's column (found by fuzzing); past a comment, a block scalar
      // item before it, or with its tag on the '-' line.
      {"tags:\n  - \n  -~x",
       "3:3: error: this line of a list item is at column 3, not indented "
       "past its '-'; YAML readers reject this: indent it by at least one "
       "space [yaml.syntax]"},
      {"- |\n  a\n- # c\n\n\"x\"",
       "5:1: error: this line of a list item is at column 1, not indented "
       "past its '-'; YAML readers reject this: indent it by at least one "
       "space [yaml.syntax]"},
      {"t:\n  - !!str\n  x",
       "3:3: error: this line of a list item is at column 3, not indented "
       "past its '-'; YAML readers reject this: indent it by at least one "
       "space [yaml.syntax]"},
      // A '%' that starts a line outside a quoted string: libfyaml skipped
      // the line, YAML reads a directive, PyYAML, Psych and js-yaml reject
      // the file (found by fuzzing).
      {"a: x\n%y",
       "2:1: error: a line cannot start with '%' in front matter: YAML reads "
       "it as a directive, which the readers of Jekyll, Hugo and Eleventy "
       "reject here (fmkit's parser would skip the line); indent it, or "
       "quote the value [yaml.syntax]"},
      {"t: [a,\n%\n b]",
       "2:1: error: a line cannot start with '%' in front matter: YAML reads "
       "it as a directive, which the readers of Jekyll, Hugo and Eleventy "
       "reject here (fmkit's parser would skip the line); indent it, or "
       "quote the value [yaml.syntax]"},
      // An implicit key over several lines in a flow collection: libfyaml
      // reads it, PyYAML, Psych and js-yaml reject the file (found by
      // fuzzing); "? key" may run over several lines.
      {"m: [a, b\n c: 1]",
       "1:8: error: this key runs over several lines: the YAML readers of "
       "Hugo, Jekyll and Eleventy reject a key that is not on one line; put "
       "it on one line, or write it as '? key' [yaml.syntax]"},
      {"m: {\"b\n c\": 1}",
       "1:5: error: this key runs over several lines: the YAML readers of "
       "Hugo, Jekyll and Eleventy reject a key that is not on one line; put "
       "it on one line, or write it as '? key' [yaml.syntax]"},
      {"title: a\ntags: [x]\ntitle: b",
       "3:1: error: duplicate key 'title' (first at line 1, column 1) "
       "[yaml.duplicate-key]"},
      {"a:\n  \"k\": 1\n  k: 2\n  k: 3",
       "3:3: error: duplicate key 'k' (first at line 2, column 3) "
       "[yaml.duplicate-key]\n"
       "4:3: error: duplicate key 'k' (first at line 2, column 3) "
       "[yaml.duplicate-key]"},
      {"{a: 1, b: 2, a: 3}",
       "1:14: error: duplicate key 'a' (first at line 1, column 2) "
       "[yaml.duplicate-key]"},
      {"1: a\n'1': b",
       "2:1: error: duplicate key '1' (first at line 1, column 1) "
       "[yaml.duplicate-key]"},
      {"a: &k x\nx: 1\n*k : 2",
       "3:1: error: duplicate key 'x' (first at line 2, column 1) "
       "[yaml.duplicate-key]"},
      {"? [a, b]\n: v",
       "1:3: error: key is a sequence; keys must be scalars "
       "[yaml.complex-key]"},
      {"{x: 1}: v",
       "1:1: error: key is a mapping; keys must be scalars "
       "[yaml.complex-key]"},
      {"a: &m {x: 1}\n*m : v",
       "2:1: error: key is an alias to a mapping; keys must be scalars "
       "[yaml.complex-key]"},
      {"a: *nope",
       "1:4: error: alias '*nope' has no anchor '&nope' before it "
       "[yaml.alias]"},
      {"a: *b\nb: &b 1",
       "1:4: error: alias '*b' has no anchor '&b' before it [yaml.alias]"},
      {"loop: &loop\n  self: *loop",
       "2:9: error: alias '*loop' is inside the node anchored '&loop' (a "
       "recursive alias) [yaml.alias]"},
      {"&a [1, *a]",
       "1:8: error: alias '*a' is inside the node anchored '&a' (a recursive "
       "alias) [yaml.alias]"},
      {"a: !!int abc", "1:10: error: 'abc' is not a valid !!int [yaml.tag]"},
      {"a: !!bool yes", "1:11: error: 'yes' is not a valid !!bool [yaml.tag]"},
      {"a: !!float x", "1:12: error: 'x' is not a valid !!float [yaml.tag]"},
      {"a: !!null 0", "1:11: error: '0' is not a valid !!null [yaml.tag]"},

      {"a: \"\\q\"",
       "1:5: error: invalid escape 'q' in double-quoted string "
       "[yaml.syntax]"},
      {"tags:\n\t- llm\n",
       "2:1: error: tab character used as indentation; indent with spaces "
       "[yaml.syntax]"},
      {"\ta: 1",
       "1:1: error: tab character used as indentation; indent with "
       "spaces [yaml.syntax]"},
      {"a: |\n\tx",
       "2:1: error: tab character used as indentation; indent "
       "with spaces [yaml.syntax]"},

      {"a: 1\n--- b\n",
       "2:1: error: a second YAML document starts here; front matter holds "
       "one document [yaml.multiple-documents]"},
      {"a: 1\n...\nb: 2\n",
       "3:1: error: a second YAML document starts here; front matter holds "
       "one document [yaml.multiple-documents]"},
      {"a: caf\xC3\n",
       "1:7: error: invalid UTF-8 byte 0xc3; the text must be "
       "UTF-8 [yaml.utf8]"},
      {"a: 1\nb: \xFFx\n",
       "2:4: error: invalid UTF-8 byte 0xff; the text must "
       "be UTF-8 [yaml.utf8]"},
      {"é: \xC0\xAF",
       "1:4: error: invalid UTF-8 byte 0xc0; the text must be "
       "UTF-8 [yaml.utf8]"},
      {"a: \xED\xA0\x80",
       "1:4: error: invalid UTF-8 byte 0xed; the text must "
       "be UTF-8 [yaml.utf8]"},
  };
  for (const DiagnosticCase& c : cases) check_diagnostics(c, false);
}

// libfyaml's messages for the common mistakes, reworded to say the cause
// (document/libfyaml_messages.hpp), at the place of the cause.
TEST(YamlErrorsTest, CauseFirstMessages) {
  const DiagnosticCase cases[] = {
      // An unclosed quote, whatever libfyaml meets first.
      {"title: \"One defect\ndraft: true\n",
       "1:8: error: the string opened here is never closed [yaml.syntax]"},
      {"title: \"One defect\n",
       "1:8: error: the string opened here is never closed [yaml.syntax]"},
      {"title: 'One defect\ndraft: true\n",
       "1:8: error: the string opened here is never closed [yaml.syntax]"},
      {"a: 'x",
       "1:4: error: the string opened here is never closed [yaml.syntax]"},
      // A quote inside a quoted string ends it early.
      {"title: \"He said \"hi\"\"",
       "1:18: error: text after the string's closing '\"'; inside double "
       "quotes write a quote as \\\" [yaml.syntax]"},
      {"title: 'it's'",
       "1:12: error: text after the string's closing \"'\"; inside single "
       "quotes write a quote as '' [yaml.syntax]"},
      // A lone CR (in a file whose lines end with LF) ends a line in YAML:
      // the error libfyaml meets after it is the CR's.
      {"title: Hel\rlo\ndraft: true\n",
       "1:11: error: a lone carriage return (CR) in the middle of a line, "
       "which YAML reads as a line break; remove it, or end the lines with "
       "LF or CRLF [yaml.syntax]"},
      // A plain value holding ": ".
      {"title: Notes: on defects",
       "1:13: error: the value 'Notes: on defects' contains ': ', which "
       "starts a nested mapping; quote the value: 'Notes: on defects' "
       "[yaml.syntax]"},
      {"title: It's: a # note",
       "1:12: error: the value 'It''s: a' contains ': ', which starts a "
       "nested mapping; quote the value: 'It''s: a' [yaml.syntax]"},
      // A missing space after ':'.
      {"a:b\nc: 1\n",
       "1:2: error: missing space after ':' in 'a:b'; write 'a: b' "
       "[yaml.syntax]"},
      {"key: value\nother:value\n",
       "2:6: error: missing space after ':' in 'other:value'; write 'other: "
       "value' [yaml.syntax]"},
      // ... but a ':' in a comment is no key's (found by fuzzing: the
      // message was built from the line without its comment and threw).
      {"a: b\nc # d:x\n",
       "2:1: error: 'c' is neither a 'key: value' entry nor a '- ' list item "
       "[yaml.syntax]"},
      // Indentation: a key indented more than the one above, or like none.
      {"a: 1\n b: 2\n",
       "2:2: error: 'b' is indented more than 'a' above it; align it with "
       "'a', or remove the value after 'a' to nest it there [yaml.syntax]"},
      {"a:\n  b: 1\n   c: 2\n",
       "3:4: error: 'c' is indented more than 'b' above it; align it with "
       "'b', or remove the value after 'b' to nest it there [yaml.syntax]"},
      {"a:\n  b: 1\n c: 2\n",
       "3:2: error: 'c' is indented to column 2, like no key above it; "
       "indent it like the keys it belongs with [yaml.syntax]"},
      // A list and a mapping at one level.
      {"a: 1\n- b\n",
       "2:1: error: a list item where a key was expected: a mapping's keys "
       "and list items cannot share one level; put the list under a key "
       "[yaml.syntax]"},
      {"tags:\n  - a\n  b: 2\n",
       "3:3: error: 'b' is at the level of the list items above it but is not "
       "one: a list and a mapping cannot share one level; start it with '- ' "
       "or indent it like the keys it belongs with [yaml.syntax]"},
      {"tags:\n- a\nb\n",
       "3:1: error: 'b' is neither a 'key: value' entry nor a '- ' list item "
       "[yaml.syntax]"},
      {"a: x\nb: - 1\n",
       "2:4: error: a list cannot start on the line of its key; put each '- ' "
       "item on a line of its own below the key, or quote the value if it is "
       "text [yaml.syntax]"},
      // Flow collections never closed, or closed twice.
      {"a: [1, 2\nb: 3\n",
       "1:4: error: the list opened here with '[' is never closed; end it "
       "with ']' [yaml.syntax]"},
      {"a: [1, 2\nb: 3\nc: 4\n",
       "1:4: error: the list opened here with '[' is never closed; end it "
       "with ']' [yaml.syntax]"},
      {"a: {x: 1\nb: 3\n",
       "1:4: error: the mapping opened here with '{' is never closed; end it "
       "with '}' [yaml.syntax]"},
      {"a: [1, 2]]\n",
       "1:10: error: ']' closes no '['; remove it, or quote the value if it "
       "is text [yaml.syntax]"},
      {"a: }\n",
       "1:4: error: '}' closes no '{'; remove it, or quote the value if it is "
       "text [yaml.syntax]"},
      // Characters YAML reserves.
      {"a: @x",
       "1:4: error: a plain value cannot start with '@' (reserved in YAML); "
       "quote it: '@x' [yaml.syntax]"},
      {"a: `x` y",
       "1:4: error: a plain value cannot start with '`' (reserved in YAML); "
       "quote it: '`x` y' [yaml.syntax]"},
      {"a: *\n",
       "1:4: error: '*' starts an alias, which needs a name (*name); quote "
       "the value if it is text [yaml.syntax]"},
      {"a: &\n",
       "1:4: error: '&' starts an anchor, which needs a name (&name); quote "
       "the value if it is text [yaml.syntax]"},
      // Not in the table: libfyaml's own words.
      {"a: \"\\q\"",
       "1:5: error: invalid escape 'q' in double-quoted string "
       "[yaml.syntax]"},
  };
  for (const DiagnosticCase& c : cases) check_diagnostics(c, false);
}

// ---------------------------------------------------------------------------
// Characters YAML forbids: errors at the character, never a changed value.

TEST(YamlCharactersTest, ControlCharactersAndStrayByteOrderMarks) {
  using namespace std::string_view_literals;
  const DiagnosticCase cases[] = {
      // A raw NUL used to end the value ("a") without a word.
      {"title: \"a\0b\"\n"sv,
       "1:10: error: control character U+0000 (NUL) is not allowed in YAML; "
       "remove it or write it as \\0 in a double-quoted string "
       "[yaml.control-character]"},
      {"title: a\0b\n"sv,
       "1:9: error: control character U+0000 (NUL) is not allowed in YAML; "
       "remove it or write it as \\0 in a double-quoted string "
       "[yaml.control-character]"},
      {"a: x\x01y\nb: \x1b[31m\nc: \x7f\n",
       "1:5: error: control character U+0001 (SOH) is not allowed in YAML; "
       "remove it or write it as \\x01 in a double-quoted string "
       "[yaml.control-character]\n"
       "2:4: error: control character U+001B (ESC) is not allowed in YAML; "
       "remove it or write it as \\e in a double-quoted string "
       "[yaml.control-character]\n"
       "3:4: error: control character U+007F (DEL) is not allowed in YAML; "
       "remove it or write it as \\x7F in a double-quoted string "
       "[yaml.control-character]"},
      // In a comment too; columns count code points.
      {"é: 1 # \x0c\n",
       "1:8: error: control character U+000C (FF) is not allowed in YAML; "
       "remove it or write it as \\f in a double-quoted string "
       "[yaml.control-character]"},
      // C1 controls, but not U+0085 (NEL), which YAML allows.
      {"a: x\xC2\x9By\nb: x\xC2\x85y\n",
       "1:5: error: control character U+009B (CSI) is not allowed in YAML; "
       "remove it or write it as \\x9B in a double-quoted string "
       "[yaml.control-character]"},
      {"a: \xEF\xBF\xBE\n",
       "1:4: error: non-character U+FFFE is not allowed in YAML; remove it "
       "or write it as \\uFFFE in a double-quoted string "
       "[yaml.control-character]"},
      // A BOM inside the text used to become part of the next key.
      {"title: a\n\xEF\xBB\xBFstatus: x\n",
       "2:1: error: byte-order mark U+FEFF is allowed only at the start of the "
       "file; remove it or write it as \\uFEFF in a double-quoted string "
       "[yaml.bom]"},
      {"title: \"a\xEF\xBB\xBF\"\n",
       "1:10: error: byte-order mark U+FEFF is allowed only at the start of "
       "the file; remove it or write it as \\uFEFF in a double-quoted string "
       "[yaml.bom]"},
      // Characters come before UTF-8: both are reported.
      {"a: \x02\nb: \xFF\n",
       "1:4: error: control character U+0002 (STX) is not allowed in YAML; "
       "remove it or write it as \\x02 in a double-quoted string "
       "[yaml.control-character]\n"
       "2:4: error: invalid UTF-8 byte 0xff; the text must be UTF-8 "
       "[yaml.utf8]"},
  };
  for (const DiagnosticCase& c : cases) check_diagnostics(c, false);
}

// U+2028, U+2029 and NEL are line breaks to YAML 1.1 (libyaml: Psych for
// Jekyll, go-yaml for Hugo, PyYAML), which reject a file with one outside
// quotes (measured with Psych and PyYAML): an error there; in quotes they
// keep the value they have in YAML 1.2.
TEST(YamlCharactersTest, LineSeparatorsOutsideQuotes) {
  const std::string ls = "\u2028";
  const std::string ps = "\u2029";
  const std::string nel = "\u0085";
  Parsed p = parse("a: x" + ls + "y\n");
  EXPECT_FALSE(p.document);
  EXPECT_EQ(p.diagnostics,
            "1:5: error: U+2028 (LINE SEPARATOR) outside a quoted string: "
            "YAML 1.1 reads it as a line break, so the YAML readers of "
            "Jekyll, Hugo and MkDocs reject the file; remove it, or quote the "
            "value [yaml.control-character]");
  EXPECT_FALSE(parse("# a" + ps + "b\na: 1\n").document);
  EXPECT_FALSE(parse("a: |\n  x" + nel + "y\n").document);
  EXPECT_FALSE(parse("k" + ls + ": 1\n").document);
  p = parse("a: \"x" + ls + "y\"\nb: 'x" + nel + ps + "y'\n");
  ASSERT_TRUE(p.document) << p.diagnostics;
  EXPECT_EQ(p.document->value,
            json({{"a", "x" + ls + "y"}, {"b", "x" + nel + ps + "y"}}));
  EXPECT_TRUE(parse("a: \u2027\u00e9\u20ac\n").document);  // neighbours
}

TEST(YamlCharactersTest, EscapesKeepTheirCharacters) {
  Parsed p = parse(
      "a: \"x\\0y\"\nb: \"\\x01\\e\"\nc: \"\\uFEFFz\"\nd: \"\\N\"\n"
      "e: \"x\\0y\\\n  z\"\n");
  ASSERT_TRUE(p.document) << p.diagnostics;
  EXPECT_EQ(p.diagnostics, "");
  const json& v = p.document->value;
  using namespace std::string_literals;
  EXPECT_EQ(v["a"].get<std::string>(), "x\0y"s);
  EXPECT_EQ(v["a"].get<std::string>().size(), 3u);
  EXPECT_EQ(v["b"].get<std::string>(), "\x01\x1b"s);
  EXPECT_EQ(v["c"].get<std::string>(), "\xEF\xBB\xBFz"s);
  EXPECT_EQ(v["d"].get<std::string>(), "\xC2\x85"s);
  // Multi-line: the text comes from libfyaml's (pointer, length) copy.
  EXPECT_EQ(v["e"].get<std::string>(), "x\0yz"s);
}

TEST(YamlCharactersTest, ErrorsStopAtTheLimit) {
  std::string yaml = "a: ";
  yaml.append(50, '\x01');
  Parsed p = parse(yaml);
  EXPECT_FALSE(p.document);
  EXPECT_EQ(p.list.size(), k_max_character_errors);
}

// ---------------------------------------------------------------------------
// Indentation strict YAML rejects and site generators accept: read as they
// read it, with a warning at the line.

TEST(YamlIndentationTest, GeneratorsAcceptLinesAtTheParentsColumn) {
  struct Case {
    std::string_view yaml;
    std::string_view json_text;
    std::string_view diagnostics;
  };
  const Case cases[] = {
      // hugoDocs content/en/templates/types.md
      {"aliases: [\n  /a/,\n  /b/\n]\n", R"({"aliases":["/a/","/b/"]})",
       "4:1: warning: ']' at column 1 is not indented past 'aliases'; strict "
       "YAML readers reject this: indent it by at least one space "
       "[yaml.indentation]"},
      // www.ruby-lang.org
      {"title: \"a long title\ncontinued here\"\n",
       R"({"title":"a long title continued here"})",
       "2:1: warning: this line at column 1 is not indented past 'title'; "
       "strict YAML readers reject this: indent it by at least one space "
       "[yaml.indentation]"},
      {"title: 'a long title\ncontinued here'\n",
       R"({"title":"a long title continued here"})",
       "2:1: warning: this line at column 1 is not indented past 'title'; "
       "strict YAML readers reject this: indent it by at least one space "
       "[yaml.indentation]"},
      // Every such line is reported, items and closing brackets alike.
      {"a: [\np,\nq\n]\nb: 1\n", R"({"a":["p","q"],"b":1})",
       "2:1: warning: this line at column 1 is not indented past 'a'; strict "
       "YAML readers reject this: indent it by at least one space "
       "[yaml.indentation]\n"
       "3:1: warning: this line at column 1 is not indented past 'a'; strict "
       "YAML readers reject this: indent it by at least one space "
       "[yaml.indentation]\n"
       "4:1: warning: ']' at column 1 is not indented past 'a'; strict YAML "
       "readers reject this: indent it by at least one space "
       "[yaml.indentation]"},
      // Nested: the line must pass the inner mapping's column.
      {"seo:\n  keys: {\n    a: 1,\n  }\n  title: \"x\n  y\"\n",
       R"({"seo":{"keys":{"a":1},"title":"x y"}})",
       "4:3: warning: '}' at column 3 is not indented past 'keys'; strict "
       "YAML readers reject this: indent it by at least one space "
       "[yaml.indentation]\n"
       "6:3: warning: this line at column 3 is not indented past 'title'; "
       "strict YAML readers reject this: indent it by at least one space "
       "[yaml.indentation]"},
      {"- [a,\n  b,\n]\n", R"([["a","b"]])",
       "3:1: warning: ']' at column 1 is not indented past the list item's "
       "'-'; strict YAML readers reject this: indent it by at least one space "
       "[yaml.indentation]"},
      // Other warnings of the document still come, once.
      {"draft: no\naliases: [\n  /a/\n]\n",
       R"({"aliases":["/a/"],"draft":"no"})",
       "1:8: warning: 'no' is the string \"no\" in YAML 1.2 but the boolean "
       "false in YAML 1.1 (PyYAML, Jekyll, Hugo's go-yaml v2); quote it to "
       "keep a string: 'no' [yaml11-bool]\n"
       "4:1: warning: ']' at column 1 is not indented past 'aliases'; strict "
       "YAML readers reject this: indent it by at least one space "
       "[yaml.indentation]"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::PrintToString(std::string(c.yaml)));
    Parsed p = parse(c.yaml);
    ASSERT_TRUE(p.document) << p.diagnostics;
    EXPECT_EQ(p.document->value.dump(), json::parse(c.json_text).dump());
    EXPECT_EQ(p.diagnostics, c.diagnostics);
  }
}

TEST(YamlIndentationTest, IndentedFlowAndStringsAreClean) {
  Parsed p = parse("aliases: [\n  /a/\n ]\ntitle: \"a\n continued\"\n");
  ASSERT_TRUE(p.document);
  EXPECT_EQ(p.diagnostics, "");
}

TEST(YamlIndentationTest, ErrorsTheSloppyReadingStillHasAreErrors) {
  // Sloppy indentation never hides a real error: the string is unclosed.
  Parsed p = parse("title: \"a\ndraft: true\naliases: [\n]\n");
  EXPECT_FALSE(p.document);
  EXPECT_EQ(p.diagnostics,
            "1:8: error: the string opened here is never closed "
            "[yaml.syntax]");
  // Sloppy indentation accepts a flow key whose ':' is on a later line; no
  // generator's reader does (yaml-test-suite VJP3).
  p = parse("k: {\nk\n:\nv\n}\n");
  EXPECT_FALSE(p.document);
  ASSERT_EQ(count_errors(p.list), 1u) << p.diagnostics;
  auto error = std::find_if(p.list.begin(), p.list.end(), [](const auto& d) {
    return d.severity == Severity::error;
  });
  EXPECT_EQ(error->message,
            "this ':' is on a line of its own, away from its key; YAML readers "
            "reject this: put it right after the key");
  EXPECT_EQ(error->span.begin.line, 3u);
  // Streams (the conformance suite) are read strictly.
  std::vector<Diagnostic> diagnostics;
  EXPECT_FALSE(parse_yaml_stream("aliases: [\n  /a/\n]\n", {}, diagnostics));
}

TEST(YamlErrorsTest, ErrorSpansCoverTheOffendingText) {
  Parsed p = parse("a: 1\nlong_key: x\nlong_key: z");
  ASSERT_EQ(p.list.size(), 1u);
  EXPECT_EQ(p.list[0].span.begin.offset, 17u);
  EXPECT_EQ(p.list[0].span.end.offset, 25u);
  EXPECT_EQ(p.list[0].pointer, "/long_key");

  p = parse("k: [a, b]\n? [c, d]\n: v");
  ASSERT_EQ(p.list.size(), 1u) << p.diagnostics;
  EXPECT_EQ(p.list[0].span.begin.offset, 12u);
  EXPECT_EQ(p.list[0].span.end.offset, 18u);
}

// libyaml (Psych for Jekyll, go-yaml for Hugo, PyYAML for MkDocs) ends an
// implicit key 1024 characters after its start, counted in code points up
// to its ':' (measured with PyYAML and Psych); "? key" has no limit.
TEST(YamlErrorsTest, KeysOverLibyamlsLimitAreErrors) {
  auto too_long = [](const std::string& yaml) {
    Parsed p = parse(yaml);
    return !p.document &&
           p.diagnostics.find("reject a key longer than 1024 characters") !=
               std::string::npos;
  };
  const std::string k1024(1024, 'k');
  EXPECT_FALSE(too_long(k1024 + ": v\n"));
  EXPECT_TRUE(too_long(k1024 + "k: v\n"));
  EXPECT_TRUE(too_long(k1024 + " : v\n"));  // the space counts
  EXPECT_TRUE(too_long("a: {" + k1024 + "k: v}\n"));
  EXPECT_FALSE(too_long("'" + std::string(1022, 'k') + "': v\n"));
  EXPECT_TRUE(too_long("'" + k1024 + "': v\n"));  // with its quotes
  std::string accents;
  for (int i = 0; i < 1024; ++i) accents += "\u00e9";
  EXPECT_FALSE(too_long(accents + ": v\n"));  // 2048 bytes, 1024 characters
  EXPECT_TRUE(too_long(accents + "e: v\n"));
  EXPECT_FALSE(too_long("? " + k1024 + "k\n: v\n"));
  EXPECT_FALSE(too_long("k: " + k1024 + k1024 + "\n"));  // a long value
}

// libfyaml reads an empty block scalar followed by a line at its
// collection's indentation (when the collection is indented) as holding
// that line; PyYAML and Psych read "" and the next entry, as the YAML spec
// says (found by fuzzing). fmkit stops there rather than misread.
TEST(YamlErrorsTest, EmptyBlockScalarsLibfyamlMisreadsAreErrors) {
  for (const char* yaml :
       {"a:\n  b: |\n  c: 1\n", "m:\n  - |\n  - ML\n", "m:\n  - >-\n\n  - ML\n",
        "m:\n  - a: |\n    b: 1\n"}) {
    Parsed p = parse(yaml);
    EXPECT_FALSE(p.document) << yaml;
    EXPECT_NE(p.diagnostics.find("this block scalar has no lines"),
              std::string::npos)
        << yaml << p.diagnostics;
    EXPECT_NE(p.diagnostics.find("[yaml.unsupported]"), std::string::npos);
  }
  // What libfyaml reads right: content indented past the collection, an
  // explicit indentation, a collection at column 0.
  for (const char* yaml :
       {"a:\n  b: |\n    x\n\n  c: 1\n", "a:\n  b: |2\n    x\n",
        "m:\n- |\n- ML\n", "a: |\nb: 1\n", "a:\n  b: |\n"}) {
    Parsed p = parse(yaml);
    EXPECT_TRUE(p.document) << yaml << p.diagnostics;
  }
}

// The empty value of "? key" with no ':' line is at its key, not in the
// next entry when that entry's key starts with ':' (":dee: x" is the key
// ":dee"; found by fuzzing).
TEST(YamlPositionsTest, AnEmptyValueIsNotPlacedInAKeyStartingWithAColon) {
  Parsed p = parse("? #c\n:dee: x\nm: 1\n");
  ASSERT_TRUE(p.document) << p.diagnostics;
  const NodeInfo* empty = p.document->positions.find("/");
  ASSERT_NE(empty, nullptr);
  EXPECT_LT(empty->value_begin, 5u);  // on the "?" line, not in ":dee"
  EXPECT_EQ(empty->value_end, empty->value_begin);
  p = parse("? a\n: b\n");  // a ':' line is the value indicator
  ASSERT_TRUE(p.document) << p.diagnostics;
  EXPECT_EQ(p.document->positions.find("/a")->value_begin, 6u);
  // In a flow collection a ':' is one even with no blank after it.
  p = parse("m: {\"t\":# x\n}\n");
  ASSERT_TRUE(p.document) << p.diagnostics;
  EXPECT_EQ(p.document->positions.find("/m/t")->value_begin, 8u);
}

// A key on the line after a lone "?" must be indented past it: libfyaml
// reads "?\nk" as the key k, PyYAML and Psych reject it (found by fuzzing).
TEST(YamlErrorsTest, AKeyNotIndentedPastItsQuestionMarkIsAnError) {
  for (const char* yaml : {"? #c\nk\n", "a:\n  ?\n  k\n"}) {
    Parsed p = parse(yaml);
    EXPECT_FALSE(p.document) << yaml;
    EXPECT_NE(p.diagnostics.find("this key belongs to the '?' on the line "
                                 "before, but is not indented past it"),
              std::string::npos)
        << p.diagnostics;
  }
  for (const char* yaml : {"? #c\n  k\n: 1\n", "? k\n: 1\n",
                           "a: |\n  ?\nb: 1\n", "a: '?'\nb: 1\n"}) {
    Parsed p = parse(yaml);
    EXPECT_TRUE(p.document) << yaml << p.diagnostics;
  }
}

// A line of spaces past a block scalar's indentation is content (YAML and
// libfyaml: "x\n \n"): the scalar's span takes it, so an edit that carries
// the scalar keeps it (found by fuzzing).
TEST(YamlPositionsTest, BlockScalarsEndAfterTheirLastLineOfSpaces) {
  const std::string yaml = "foo: |\n  x\n   \nbar: 1\n";
  Parsed p = parse(yaml);
  ASSERT_TRUE(p.document) << p.diagnostics;
  EXPECT_EQ(p.document->value["foo"], "x\n \n");
  const NodeInfo* foo = p.document->positions.find("/foo");
  EXPECT_EQ(yaml.substr(foo->value_begin, foo->value_end - foo->value_begin),
            "|\n  x\n   ");
  p = parse("foo: |\n  x\n  \nbar: 1\n");  // no more than the indentation
  foo = p.document->positions.find("/foo");
  EXPECT_EQ(foo->value_end, 10u);  // the end of "  x"
}

TEST(YamlErrorsTest, LibfyamlNeverWritesToStderr) {
  testing::internal::CaptureStderr();
  testing::internal::CaptureStdout();
  Parsed p = parse("a: [1,\n\tb: \"x\n- c\n");
  std::vector<Diagnostic> diagnostics;
  auto stream = parse_yaml_stream("- a\nb: c\n", {}, diagnostics);
  EXPECT_EQ(testing::internal::GetCapturedStdout(), "");
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_FALSE(p.document);
  EXPECT_FALSE(stream);
  EXPECT_FALSE(p.diagnostics.empty());
  EXPECT_EQ(diagnostic_lines(diagnostics),
            "2:1: error: 'b' is at the level of the list items above it but "
            "is not one: a list and a mapping cannot share one level; start "
            "it with '- ' or indent it like the keys it belongs with "
            "[yaml.syntax]");
}

// libfyaml 0.7.12 frees a simple key twice on this input (upstream issue
// #57); destroying the parser afterwards used to crash the process.
TEST(YamlErrorsTest, SurvivesLibfyamlDoubleFree) {
  for (int i = 0; i < 3; ++i) {
    Parsed p = parse("? -:\t-\n");
    EXPECT_FALSE(p.document);
    EXPECT_EQ(p.diagnostics,
              "1:5: error: tab character used as indentation; indent with "
              "spaces [yaml.syntax]");
  }
}

// The parser abandoned on that input is a deliberate leak, which
// LeakSanitizer must be told about under clang too: the fuzz build (clang)
// reported "?<tab>-" as a leak. Checked in builds with AddressSanitizer (by
// GCC's macro or clang's feature test).
TEST(YamlErrorsTest, AbandonedParserIsNoLeak) {
  Parsed p = parse("?\t-\n");
  EXPECT_FALSE(p.document);
  EXPECT_EQ(p.diagnostics,
            "1:2: error: tab character used as indentation; indent with "
            "spaces [yaml.syntax]");
#if defined(FMKIT_TEST_LEAK_CHECKS)
  EXPECT_EQ(__lsan_do_recoverable_leak_check(), 0);
#endif
}

// ---------------------------------------------------------------------------
// Limits.

std::string alias_bomb(int levels) {
  std::string yaml = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < levels; ++i) {
    std::string prev = "*l" + std::to_string(i - 1);
    yaml += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
    for (int k = 0; k < 9; ++k) yaml += (k ? ", " : "") + prev;
    yaml += "]\n";
  }
  return yaml;
}

// Every site generator's reader merges a plain "<<" key (PyYAML, Psych,
// js-yaml 3 and 4, Hugo's go-yaml); YAML 1.2 has no merge keys, and fmkit
// would read a key named "<<": an error, never a silent misreading. The
// stream reader (the yaml-test-suite's YAML 1.2) keeps the plain key.
// A plain "<<" key merges the mapping it names, or each of a list of them,
// into its mapping, as PyYAML, Psych, go-yaml and js-yaml do (each result
// below is PyYAML's): the mapping's own keys win, wherever they stand, then
// the merged mappings in order. A quoted "<<" is a key; YAML 1.2 streams
// (the conformance reader) have no merge.
TEST(YamlTagsTest, MergeKeysMergeAsTheGeneratorsDo) {
  const std::string merge = "a: &b {x: 1, y: 1}\nc:\n  <<: *b\n  y: 2\n";
  Parsed p = parse(merge);
  ASSERT_TRUE(p.document) << p.diagnostics;
  EXPECT_EQ(p.document->value.dump(),
            R"({"a":{"x":1,"y":1},"c":{"x":1,"y":2}})");
  // The merged keys have no place of their own; the mapping has.
  EXPECT_EQ(p.document->positions.find("/c/x"), nullptr);
  EXPECT_NE(p.document->positions.find("/c/y"), nullptr);
  EXPECT_EQ(p.document->positions.find("/c/<<"), nullptr);
  p = parse("a: &a {x: 1}\nb: &b {x: 2, z: 2}\nc:\n  w: 0\n  <<: [*a, *b]\n");
  ASSERT_TRUE(p.document) << p.diagnostics;
  EXPECT_EQ(p.document->value["c"].dump(), R"({"w":0,"x":1,"z":2})");
  p = parse("c:\n  y: 3\n  <<: {y: 1, q: 1}\n");
  ASSERT_TRUE(p.document) << p.diagnostics;
  EXPECT_EQ(p.document->value["c"].dump(), R"({"q":1,"y":3})");
  p = parse("c:\n  <<: 5\n");
  EXPECT_FALSE(p.document);
  EXPECT_NE(p.diagnostics.find("2:3: error: '<<' merges a mapping, or a list "
                               "of mappings, into this mapping"),
            std::string::npos)
      << p.diagnostics;
  EXPECT_FALSE(parse("c:\n  <<: [{x: 1}, 2]\n").document);
  EXPECT_EQ(parse("c:\n  \"<<\": 1\n").document->value.dump(),
            R"({"c":{"<<":1}})");
  EXPECT_TRUE(parse("c: <<\n").document);  // a value, not a key
  std::vector<Diagnostic> diagnostics;
  auto stream = parse_yaml_stream(merge, {}, diagnostics);
  ASSERT_TRUE(stream);
  EXPECT_EQ(stream->at(0).dump(),
            R"({"a":{"x":1,"y":1},"c":{"<<":{"x":1,"y":1},"y":2}})");
}

// In a flow collection a tag ends at ',' (YAML; Psych reads [a, nil, b]);
// libfyaml would read the tag "!t,b" and PyYAML rejects the file: an error.
TEST(YamlTagsTest, ACommaInAFlowTagIsAnError) {
  Parsed p = parse("tags: [a, !t,b]\n");
  EXPECT_FALSE(p.document);
  EXPECT_NE(p.diagnostics.find("1:13: error: a tag ends at a ',' in a flow "
                               "collection"),
            std::string::npos)
      << p.diagnostics;
  EXPECT_TRUE(parse("tags: [a, !t , b, !!str c]\n").document);
  EXPECT_TRUE(parse("t: !x,y\n").document);  // a block tag may hold ','
}

// A tag PyYAML and js-yaml do not know makes them reject the file, while
// Jekyll and Hugo read the value untagged: a warning, and the value as if
// untagged. The YAML 1.1 types they both read are fine.
TEST(YamlTagsTest, UnknownTagsAreWarnedAbout) {
  Parsed p = parse(
      "a: !custom Hello\nb: !!python/object/apply:os.system [x]\n"
      "c: !<tag:example.com,2024:t> {k: 1}\n");
  ASSERT_TRUE(p.document) << p.diagnostics;
  EXPECT_EQ(p.document->value.dump(), R"({"a":"Hello","b":["x"],"c":{"k":1}})");
  const std::string why =
      ": PyYAML (MkDocs) and js-yaml (Eleventy, Astro) reject the file, "
      "Jekyll and Hugo read the value as if it had no tag, and so does "
      "fmkit; remove the tag [yaml.unknown-tag]";
  EXPECT_EQ(p.diagnostics,
            "1:4: warning: unknown tag '!custom'" + why + "\n" +
                "2:4: warning: unknown tag '!!python/object/apply:os.system'" +
                why + "\n" +
                "3:4: warning: unknown tag '!<tag:example.com,2024:t>'" + why);
  EXPECT_EQ(parse("a: !!str 1\nb: !!set {x}\nc: !!binary aGk=\nd: ! 1\n"
                  "e: !!timestamp 2024-01-01\nf: !!omap [{x: 1}]\n")
                .diagnostics,
            "");
}

TEST(YamlLimitsTest, AliasBombHitsTheNodeLimit) {
  Parsed p = parse(alias_bomb(10));  // 9^10 nodes if expanded
  EXPECT_FALSE(p.document);
  EXPECT_EQ(p.diagnostics,
            "6:10: error: more than 100000 nodes after expanding aliases "
            "[yaml.limit]");
}

TEST(YamlLimitsTest, AliasesOfALongStringHitTheTextLimit) {
  std::string yaml = "s: &s " + std::string(1 << 16, 'x') + "\nl: [";
  for (int i = 0; i < 300; ++i) yaml += i ? ", *s" : "*s";
  yaml += "]\n";
  Parsed p = parse(yaml);
  EXPECT_FALSE(p.document);
  EXPECT_EQ(p.list.size(), 1u);
  EXPECT_EQ(p.list.at(0).rule, "yaml.limit");
  EXPECT_EQ(p.list.at(0).message,
            "more than 16777216 bytes of text after expanding aliases");
}

TEST(YamlLimitsTest, NodeLimitCountsEveryNode) {
  YamlOptions options;
  options.max_nodes = 5;
  EXPECT_TRUE(parse("a: [1, 2]", options).document);  // 5 nodes
  // Without an alias, the message does not blame one.
  EXPECT_EQ(parse("a: [1, 2, 3]", options).diagnostics,
            "1:11: error: more than 5 keys and values "
            "[yaml.limit]");
  EXPECT_EQ(parse("a: &x [1]\nb: *x", options).diagnostics,
            "2:4: error: more than 5 nodes after expanding aliases "
            "[yaml.limit]");
}

TEST(YamlLimitsTest, DepthLimit) {
  std::string flow = "a: " + std::string(64, '[') + std::string(64, ']');
  EXPECT_EQ(parse(flow).diagnostics,
            "1:67: error: nesting deeper than 64 levels [yaml.limit]");
  std::string deep_flow = std::string(5000, '[') + std::string(5000, ']');
  EXPECT_EQ(parse(deep_flow).diagnostics,
            "1:65: error: nesting deeper than 64 levels [yaml.limit]");

  YamlOptions options;
  options.max_depth = 3;
  EXPECT_TRUE(parse("a:\n  b:\n    c: 1", options).document);
  EXPECT_EQ(parse("a:\n  b:\n    c:\n      d: 1", options).diagnostics,
            "4:7: error: nesting deeper than 3 levels [yaml.limit]");
  // Aliases count with the depth of what they stand for.
  EXPECT_EQ(parse("x: &x [[1]]\nw:\n  z: *x", options).diagnostics,
            "3:6: error: nesting deeper than 3 levels after expanding aliases "
            "[yaml.limit]");
}

TEST(YamlLimitsTest, ByteLimitIsCheckedBeforeParsing) {
  YamlOptions options;
  options.max_bytes = 8;
  EXPECT_TRUE(parse("a: 12345", options).document);
  EXPECT_EQ(parse("a: 123456", options).diagnostics,
            "1:1: error: the YAML text is 9 bytes, over the limit of 8 "
            "[yaml.limit]");
}

TEST(YamlLimitsTest, BombsFailFast) {
  // Not a timing assertion: the guard is that this test finishes at all.
  std::string yaml = alias_bomb(30);
  for (int i = 0; i < 20; ++i) {
    EXPECT_FALSE(parse(yaml).document);
  }
}

// ---------------------------------------------------------------------------
// Streams.

TEST(YamlStreamTest, OneValuePerDocument) {
  std::vector<Diagnostic> diagnostics;
  auto values =
      parse_yaml_stream("a: 1\n---\n- b\n--- 3\n...\n---\n", {}, diagnostics);
  ASSERT_TRUE(values);
  ASSERT_EQ(values->size(), 4u);
  EXPECT_EQ((*values)[0].dump(), R"({"a":1})");
  EXPECT_EQ((*values)[1].dump(), R"(["b"])");
  EXPECT_EQ((*values)[2].dump(), "3");
  EXPECT_TRUE((*values)[3].is_null());
  EXPECT_TRUE(diagnostics.empty());

  values = parse_yaml_stream("# nothing\n", {}, diagnostics);
  ASSERT_TRUE(values);
  EXPECT_TRUE(values->empty());
}

TEST(YamlStreamTest, AnchorsDoNotCrossDocuments) {
  std::vector<Diagnostic> diagnostics;
  EXPECT_FALSE(parse_yaml_stream("a: &x 1\n---\nb: *x\n", {}, diagnostics));
  EXPECT_EQ(diagnostic_lines(diagnostics),
            "3:4: error: alias '*x' has no anchor '&x' before it [yaml.alias]");
}

TEST(YamlStreamTest, LenientKeys) {
  YamlOptions options;
  options.keys = MappingKeys::lenient;
  std::vector<Diagnostic> diagnostics;
  auto values = parse_yaml_stream("? [a, {b: 1}]\n: x\nk: 1\nk: 2\n: n\n",
                                  options, diagnostics);
  ASSERT_TRUE(values);
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_EQ((*values)[0].dump(), R"({"":"n","[\"a\",{\"b\":1}]":"x","k":2})");
  // Strict (the default) rejects both.
  EXPECT_FALSE(parse_yaml_stream("k: 1\nk: 2\n", {}, diagnostics));
  EXPECT_EQ(diagnostic_lines(diagnostics),
            "2:1: error: duplicate key 'k' (first at line 1, column 1) "
            "[yaml.duplicate-key]");
}

}  // namespace
}  // namespace fmkit
