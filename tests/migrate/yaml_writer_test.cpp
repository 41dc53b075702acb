// SPDX-License-Identifier: MIT
#include "migrate/yaml_writer.hpp"

#include <gtest/gtest.h>

namespace fmkit {
namespace {

using nlohmann::json;

TEST(YamlWriterTest, NeedsQuotesTable) {
  // Strings some YAML 1.1 or 1.2 reader takes for something else.
  const char* const quoted[] = {
      "", "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true",
      "True", "TRUE", "false", "False", "on", "On", "ON", "off", "Off", "OFF",
      "null", "Null", "NULL", "~", "<<", "=", "0", "12", "-3", "+4", "1_000",
      "0x1F", "0X1f", "0o17", "017", "0b1010", "1.0", "1.", ".5", "-.5", "1e3",
      "1E-3", "1.5e+10", "1.2.3", ".", "1:30", "-1:30:15.5", "190:20:30", "...",
      ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "2024-11-13", "2024-1-3",
      "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
      "2001-12-15T02:59:43.1Z", "2001-12-14 21:59:43.10",
      // indicators
      "-a", "- a", "?x", ":x", ",x", "[x", "]x", "{x", "}x", "#x", "&x", "*x",
      "!x", "|x", ">x", "'x", "\"x", "%x", "@x", "`x",
      // structure
      "a: b", "a #b", "a:", "key: value: x", " lead", "trail ", "tab\there",
      "line\nbreak", "bell\a", "nel\xC2\x85", "ls\xE2\x80\xA8",
      "bom\xEF\xBB\xBF"};
  for (const char* s : quoted) {
    EXPECT_TRUE(needs_quotes(s)) << "'" << s << "'";
  }
  const char* const plain[] = {"hello",      "post.njk", "Hello World",
                               "a:b",        "a#b",      "https://x.io/a?b=c#d",
                               "yesterday",  "nope",     "ONE",
                               "1a",         "v1.0",     "2024-11-13x",
                               "1.0.0-beta", "0x",       "12 monkeys",
                               "C++",        "what?",    "a-b",
                               "《失控》",   "naïve",    "--",
                               "x...",       "draft",    "+",
                               "1e",         "0b2",      "x"};
  // "--" starts with an indicator. "..." matches the YAML 1.1 float regex.
  for (const char* s : plain) {
    std::string_view view = s;
    if (view == "--") {
      EXPECT_TRUE(needs_quotes(s));
      continue;
    }
    EXPECT_FALSE(needs_quotes(s)) << "'" << s << "'";
  }
}

// The writer quotes what any YAML 1.1 reader of document/yaml11.hpp reads
// as something else, and only that.
TEST(YamlWriterTest, QuotesWhatYaml11ReadersMisread) {
  for (const char* s : {"yEs", "tRUE", "nULL", "oFF",  // Psych, any case
                        "1,000", "0:30", "00:30", "2024-1-5",  // Psych
                        "0B101", "0O17", "+0x1F", "0x1_F", "1__0", "1_",
                        "0.5_0", "0b1_0", "1:02:03:04"}) {
    EXPECT_TRUE(needs_quotes(s)) << "'" << s << "'";
  }
  for (const char* s : {"1:60", "_1", "0x1G", "yess", "nulls", "1,",
                        "2024-1-1x", "1.2.3x", "0b", "a,b"}) {
    EXPECT_FALSE(needs_quotes(s)) << "'" << s << "'";
  }
}

TEST(YamlWriterTest, LongNumbersAndNearNumbers) {
  // std::regex overflowed the stack on ~30k digits; RE2 is linear.
  const std::string digits(100'000, '7');
  EXPECT_TRUE(needs_quotes(digits));
  EXPECT_TRUE(needs_quotes("-" + digits + ".5e3"));
  EXPECT_FALSE(needs_quotes(digits + "x"));
}

TEST(YamlWriterTest, FlowContextReservesFlowIndicators) {
  EXPECT_FALSE(needs_quotes("a,b"));
  EXPECT_TRUE(needs_quotes("a,b", ScalarContext::flow));
  EXPECT_TRUE(needs_quotes("a]", ScalarContext::flow));
  EXPECT_TRUE(needs_quotes("https://x.io", ScalarContext::flow));
  EXPECT_FALSE(needs_quotes("plain text", ScalarContext::flow));
}

TEST(YamlWriterTest, RendersStrings) {
  EXPECT_EQ(render_string("hello"), "hello");
  EXPECT_EQ(render_string("no"), "'no'");
  EXPECT_EQ(render_string(""), "''");
  EXPECT_EQ(render_string("it's: here"), "'it''s: here'");
  EXPECT_EQ(render_string("2024-11-13"), "'2024-11-13'");
  EXPECT_EQ(render_string("a\nb"), "\"a\\nb\"");
  EXPECT_EQ(render_string("q\"\\\x01\xE2\x80\xA8"), "\"q\\\"\\\\\\x01\\L\"");
  EXPECT_EQ(
      render_string("x", ScalarContext::block, QuotePreference::single_quoted),
      "'x'");
  EXPECT_EQ(
      render_string("x", ScalarContext::block, QuotePreference::double_quoted),
      "\"x\"");
  EXPECT_EQ(render_string("a\tb", ScalarContext::block), "'a\tb'");
}

TEST(YamlWriterTest, RendersScalars) {
  EXPECT_EQ(render_scalar(json(nullptr)), "null");
  EXPECT_EQ(render_scalar(json(true)), "true");
  EXPECT_EQ(render_scalar(json(false)), "false");
  EXPECT_EQ(render_scalar(json(-42)), "-42");
  EXPECT_EQ(render_scalar(json(1.0)), "1.0");
  EXPECT_EQ(render_scalar(json(1.5)), "1.5");
  EXPECT_EQ(render_scalar(json(1e20)), "1.0e+20");
  EXPECT_EQ(render_scalar(json(std::nan(""))), ".nan");
  EXPECT_EQ(render_scalar(json(-INFINITY)), "-.inf");
  EXPECT_EQ(render_scalar(json("true")), "'true'");
}

TEST(YamlWriterTest, RendersFlow) {
  EXPECT_EQ(render_flow(json::array({"a", "b c", "x,y", 1, nullptr})),
            "[a, b c, 'x,y', 1, null]");
  EXPECT_EQ(render_flow(json{{"k", json::array({"v"})}, {"a: b", 2}}),
            "{'a: b': 2, k: [v]}");
  EXPECT_EQ(render_flow(json::array()), "[]");
}

TEST(YamlWriterTest, RendersBlockEntries) {
  YamlStyle style;
  EXPECT_EQ(render_entry("draft", json(false), 0, style), "draft: false");
  EXPECT_EQ(render_entry("tags", json::array({"a", "no"}), 0, style),
            "tags:\n  - a\n  - 'no'");
  style.sequence_indent = SequenceIndent::compact;
  style.eol = "\r\n";
  EXPECT_EQ(render_entry("tags", json::array({"a"}), 2, style),
            "  tags:\r\n  - a");
  style.list_style = ListStyle::flow;
  EXPECT_EQ(render_entry("tags", json::array({"a", "b"}), 0, style),
            "tags: [a, b]");
  style = YamlStyle{};
  style.indent = 4;
  json nested = {{"seo", {{"title", "T"}, {"keys", json::array({"x"})}}}};
  EXPECT_EQ(render_entry("meta", nested, 0, style),
            "meta:\n    seo:\n        keys:\n            - x\n"
            "        title: T");
  style.indent = 2;
  json links =
      json::array({{{"url", "u"}, {"title", "t"}}, json::array({1, 2})});
  EXPECT_EQ(render_entry("links", links, 0, style),
            "links:\n  - title: t\n    url: u\n  - - 1\n    - 2");
  EXPECT_EQ(render_entry("e", json::object(), 0, style), "e: {}");
  EXPECT_EQ(render_entry("yes", json("x"), 0, style), "'yes': x");
}

}  // namespace
}  // namespace fmkit
