// SPDX-License-Identifier: MIT
#include "migrate/toml_writer.hpp"

#include "document/document.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace fmkit {
namespace {

using nlohmann::json;

// Reads `toml` as the value of `v` in TOML front matter.
json read_back(const std::string& toml) {
  std::string text = "+++\nv = " + toml + "\n+++\n";
  LineIndex lines(text);
  std::vector<Diagnostic> diagnostics;
  Document document = read_document(text, lines, {}, diagnostics);
  EXPECT_TRUE(document.usable) << text;
  return document.data.value("v", json());
}

std::string rendered(const json& value, TomlQuote quote = TomlQuote::basic,
                     std::string_view eol = "\n") {
  auto text = render_toml_value(value, quote, eol);
  return text ? *text : "ERROR: " + text.error();
}

TEST(TomlWriterTest, Scalars) {
  EXPECT_EQ(rendered(true), "true");
  EXPECT_EQ(rendered(-42), "-42");
  EXPECT_EQ(rendered(json(uint64_t{7})), "7");
  EXPECT_EQ(rendered(1.5), "1.5");
  EXPECT_EQ(rendered(3.0), "3.0");
  EXPECT_EQ(rendered(1e300), "1e+300");
  EXPECT_EQ(rendered(0.1), "0.1");
  EXPECT_EQ(rendered("say \"hi\"\\\n\t\x01\x7f"),
            "\"say \\\"hi\\\"\\\\\\n\\t\\u0001\\u007F\"");
  EXPECT_EQ(rendered(json::array({1, "a", json::array()})), "[1, \"a\", []]");
  EXPECT_EQ(rendered(json::object()), "{}");
  EXPECT_EQ(rendered(json{{"a b", 1}, {"c", json{{"d", true}}}}),
            "{ \"a b\" = 1, c = { d = true } }");
}

TEST(TomlWriterTest, WhatTomlCannotHold) {
  EXPECT_EQ(rendered(json()), "ERROR: TOML has no null");
  EXPECT_EQ(rendered(json::array({1, json()})), "ERROR: TOML has no null");
  EXPECT_EQ(rendered(json{{"a", json()}}), "ERROR: TOML has no null");
  EXPECT_EQ(rendered(json(uint64_t{18446744073709551615u})),
            "ERROR: 18446744073709551615 is larger than TOML's integers "
            "(64-bit) can be");
  EXPECT_EQ(rendered(json(std::numeric_limits<double>::infinity())),
            "ERROR: TOML's inf and nan have no JSON form");
}

TEST(TomlWriterTest, StringsKeepTheirQuotingWhereItHoldsThem) {
  EXPECT_EQ(render_toml_string("C:\\x", TomlQuote::literal), "'C:\\x'");
  EXPECT_EQ(render_toml_string("it's", TomlQuote::literal), "\"it's\"");
  EXPECT_EQ(render_toml_string("a\nb", TomlQuote::literal), "\"a\\nb\"");
  EXPECT_EQ(render_toml_string("a\nb", TomlQuote::multi_line_basic),
            "\"\"\"\na\nb\"\"\"");
  EXPECT_EQ(
      render_toml_string("a\n\"\"\"b", TomlQuote::multi_line_basic, "\r\n"),
      "\"\"\"\r\na\r\n\\\"\\\"\\\"b\"\"\"");
  EXPECT_EQ(render_toml_string("one line", TomlQuote::multi_line_basic),
            "\"one line\"");
  EXPECT_EQ(render_toml_string("a\\\nb", TomlQuote::multi_line_literal),
            "'''\na\\\nb'''");
  // ''' inside, or a quote at the end: the basic form.
  EXPECT_EQ(render_toml_string("a'''\nb", TomlQuote::multi_line_literal),
            "\"\"\"\na'''\nb\"\"\"");
  EXPECT_EQ(render_toml_string("a\nb'", TomlQuote::multi_line_literal),
            "\"\"\"\na\nb'\"\"\"");
  EXPECT_EQ(render_toml_string("one", TomlQuote::multi_line_literal), "'one'");
  EXPECT_EQ(toml_quote_of("'''x'''"), TomlQuote::multi_line_literal);
  EXPECT_EQ(toml_quote_of("\"\"\"x\"\"\""), TomlQuote::multi_line_basic);
  EXPECT_EQ(toml_quote_of("'x'"), TomlQuote::literal);
  EXPECT_EQ(toml_quote_of("\"x\""), TomlQuote::basic);
}

TEST(TomlWriterTest, Keys) {
  EXPECT_EQ(render_toml_key("a-b_9"), "a-b_9");
  EXPECT_EQ(render_toml_key("a.b"), "\"a.b\"");
  EXPECT_EQ(render_toml_key(""), "\"\"");
  EXPECT_EQ(render_toml_key("é"), "\"é\"");
  EXPECT_EQ(render_toml_key("a b", TomlQuote::literal), "'a b'");
  EXPECT_EQ(render_toml_key("it's", TomlQuote::literal), "\"it's\"");
}

TEST(TomlWriterTest, Dates) {
  for (const char* s :
       {"1979-05-27", "1979-05-27T07:32:00Z", "1979-05-27T07:32:00.999+01:00",
        "1979-05-27T07:32:00", "07:32:00", "07:32:00.5", "2024-02-29"}) {
    EXPECT_TRUE(is_toml_datetime(s)) << s;
    EXPECT_EQ(read_back(s), json(s)) << s;
  }
  for (const char* s :
       {"1979-05-27 07:32:00Z", "1979-05-27t07:32:00", "1979-05-27T07:32:00z",
        "2023-02-29", "1979-13-01", "1979-05-32", "24:00:00", "07:32",
        "1979-05-27T07:32:00+1:00", "07:32:00Z", "1979-5-27", "today"}) {
    EXPECT_FALSE(is_toml_datetime(s)) << s;
  }
}

// Every rendering reads back as the value it renders.
TEST(TomlWriterTest, ReadsBackAsTheSameJson) {
  const std::vector<json> values = {
      "plain",
      "",
      "\"",
      "'",
      "\\",
      "a\nb",
      "tab\there",
      "\x7f",
      "é ✓ 😀",
      0,
      -1,
      INT64_MAX,
      INT64_MIN,
      0.5,
      -0.25,
      1e-7,
      123.456,
      1e22,
      true,
      json::array({"x", 1, false}),
      json{{"k", "v"}, {"a.b", json::array({1})}}};
  for (const json& value : values) {
    for (TomlQuote quote :
         {TomlQuote::basic, TomlQuote::literal, TomlQuote::multi_line_basic,
          TomlQuote::multi_line_literal}) {
      auto text = render_toml_value(value, quote);
      ASSERT_TRUE(text) << value.dump();
      EXPECT_EQ(read_back(*text), value) << *text;
    }
  }
}

}  // namespace
}  // namespace fmkit
