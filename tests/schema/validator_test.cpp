// SPDX-License-Identifier: MIT
#include "schema/validator.hpp"

#include "diag/diagnostic.hpp"
#include "schema/schema_registry.hpp"
#include "schema/schema_test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using schema_testing::check_json;
using schema_testing::compile_text;
using schema_testing::disk_files;
using schema_testing::make_document;
using schema_testing::Node;
using Lines = std::vector<std::string>;

std::shared_ptr<const CompiledSchema> post_schema() {
  static SchemaRegistry registry(disk_files());
  auto schema =
      registry.load(fs::path(FMKIT_SOURCE_DIR) / "schemas/post.schema.json");
  if (!schema)
    throw std::runtime_error(schema_testing::show_problems(schema.error()));
  return *schema;
}

Lines validate(const std::shared_ptr<const CompiledSchema>& schema,
               const std::string& text, const json& data,
               const std::vector<Node>& nodes) {
  Document doc = make_document(text, data, nodes);
  LineIndex lines(text);
  Validator validator(schema);
  std::vector<Diagnostic> diagnostics;
  validator.validate(doc, lines, diagnostics);
  sort_diagnostics(diagnostics);
  return schema_testing::show_all(diagnostics);
}

json valid_post() {
  return {{"area", "tech-work"},  {"category", "ai-ml"},
          {"date", "2024-11-13"}, {"draft", false},
          {"layout", "post.njk"}, {"status", "evergreen"},
          {"summary", "A post."}, {"tags", {"llm", "research"}},
          {"title", "One"}};
}

TEST(ValidatorTest, ValidPostHasNoDiagnostics) {
  EXPECT_TRUE(check_json(post_schema(), valid_post()).empty());
}

TEST(ValidatorTest, PostWithManyDefects) {
  const std::string text =
      "---\n"
      "area: tech-work\n"
      "category: ai-ml\n"
      "date: '2024-02-30'\n"
      "draft: 'no'\n"
      "layout: post.njk\n"
      "status: seedling2\n"
      "summary: A post.\n"
      "tags:\n"
      "  - llm\n"
      "  - Research\n"
      "  - llm\n"
      "title: ''\n"
      "stauts: x\n"
      "---\n"
      "Body.\n";
  json data = valid_post();
  data["date"] = "2024-02-30";
  data["draft"] = "no";
  data["status"] = "seedling2";
  data["tags"] = {"llm", "Research", "llm"};
  data["title"] = "";
  data["stauts"] = "x";
  std::vector<Node> nodes = {
      {"/area", "area", "tech-work"},
      {"/category", "category", "ai-ml"},
      {"/date", "date", "'2024-02-30'"},
      {"/draft", "draft", "'no'"},
      {"/layout", "layout", "post.njk"},
      {"/status", "status", "seedling2"},
      {"/summary", "summary", "A post."},
      {"/tags", "tags", "- llm\n  - Research\n  - llm"},
      {"/tags/0", "", "llm"},
      {"/tags/1", "", "Research"},
      {"/tags/2", "", "llm"},
      {"/title", "title", "''"},
      {"/stauts", "stauts", "x"},
  };
  EXPECT_EQ(
      validate(post_schema(), text, data, nodes),
      (Lines{
          "4:7-4:19: 'date' is not a valid date: \"2024-02-30\" "
          "[schema.format] @/date",
          "5:8-5:12: 'draft' must be a boolean, got string \"no\" "
          "[schema.type] @/draft",
          "7:9-7:18: 'seedling2' is not an allowed value for 'status'; "
          "expected one of: "
          "seedling, budding, evergreen, archived (did you mean 'seedling'?) "
          "[schema.enum] @/status",
          "11:5-11:13: 'tags[1]' does not match pattern "
          "'^[a-z0-9]+(-[a-z0-9]+)*$': "
          "\"Research\" [schema.pattern] @/tags/1",
          "12:5-12:8: duplicate item \"llm\" in 'tags' (items 0 and 2) "
          "[schema.unique-items] @/tags/2",
          "13:8-13:10: 'title' must not be empty [schema.min-length] @/title",
          "14:1-14:7: unknown key 'stauts' (did you mean 'status'?) "
          "[schema.additional-properties] @/stauts",
      }));
}

TEST(ValidatorTest, MissingRequiredKeysPointAtTheClosingLine) {
  const std::string text =
      "---\n"
      "area: tech-work\n"
      "category: ai-ml\n"
      "date: '2024-11-13'\n"
      "draft: false\n"
      "layout: post.njk\n"
      "status: evergreen\n"
      "tags: []\n"
      "---\n";
  json data = valid_post();
  data.erase("summary");
  data.erase("title");
  data["tags"] = json::array();
  std::vector<Node> nodes = {
      {"/area", "area", "tech-work"},    {"/category", "category", "ai-ml"},
      {"/date", "date", "'2024-11-13'"}, {"/draft", "draft", "false"},
      {"/layout", "layout", "post.njk"}, {"/status", "status", "evergreen"},
      {"/tags", "tags", "[]"},
  };
  EXPECT_EQ(
      validate(post_schema(), text, data, nodes),
      (Lines{
          "8:7-8:9: 'tags' must have at least 1 item [schema.min-items] @/tags",
          "9:1-9:4: missing required key 'summary' [schema.required] @/summary",
          "9:1-9:4: missing required key 'title' [schema.required] @/title",
      }));
}

const char* const k_nested_schema = R"({
  "type": "object",
  "properties": {
    "author": {
      "type": "object",
      "additionalProperties": false,
      "required": ["name"],
      "properties": {"name": {"type": "string"}, "email": {"type": "string", "format": "email"}}
    },
    "links": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["url"],
        "properties": {"url": {"type": "string", "format": "uri"}}
      }
    }
  }
})";

TEST(ValidatorTest, NestedMappings) {
  const std::string text =
      "---\n"
      "author:\n"
      "  nmae: Ted\n"
      "  email: ted@\n"
      "links:\n"
      "  - title: x\n"
      "  - url: not a uri\n"
      "---\n";
  json data = {{"author", {{"nmae", "Ted"}, {"email", "ted@"}}},
               {"links", {{{"title", "x"}}, {{"url", "not a uri"}}}}};
  std::vector<Node> nodes = {
      {"/author", "author", "nmae: Ted\n  email: ted@"},
      {"/author/nmae", "nmae", "Ted"},
      {"/author/email", "email", "ted@"},
      {"/links", "links", "- title: x\n  - url: not a uri"},
      {"/links/0", "", "title: x"},
      {"/links/0/title", "title", "x"},
      {"/links/1", "", "url: not a uri"},
      {"/links/1/url", "url", "not a uri"},
  };
  EXPECT_EQ(
      validate(compile_text(k_nested_schema), text, data, nodes),
      (Lines{
          "2:1-2:7: missing required key 'name' in 'author' [schema.required] "
          "@/author/name",
          "3:3-3:7: unknown key 'nmae' in 'author' (did you mean 'name'?) "
          "[schema.additional-properties] @/author/nmae",
          "4:10-4:14: 'author.email' is not a valid email: \"ted@\" "
          "[schema.format] "
          "@/author/email",
          "6:5-6:5: missing required key 'url' in 'links[0]' [schema.required] "
          "@/links/0/url",
          "7:10-7:19: 'links[1].url' is not a valid uri: \"not a uri\" "
          "[schema.format] "
          "@/links/1/url",
      }));
}

TEST(ValidatorTest, TypesAreStrictAndIntegersMayBeWholeDoubles) {
  auto schema = compile_text(R"({"properties": {
      "n": {"type": "integer"}, "x": {"type": "number"}, "s": {"type": "string"},
      "m": {"type": ["string", "null"]}, "b": {"type": "boolean"}}})");
  EXPECT_TRUE(
      check_json(
          schema,
          {{"n", 1.0}, {"x", 1}, {"s", "5"}, {"m", nullptr}, {"b", true}})
          .empty());
  EXPECT_EQ(
      check_json(schema,
                 {{"n", 1.5}, {"x", "5"}, {"s", 5}, {"m", 1}, {"b", "true"}}),
      (Lines{
          "'b' must be a boolean, got string \"true\" [schema.type] @/b",
          "'m' must be a string or null, got number 1 [schema.type] @/m",
          "'n' must be an integer, got number 1.5 [schema.type] @/n",
          "'s' must be a string, got number 5 [schema.type] @/s",
          "'x' must be a number, got string \"5\" [schema.type] @/x",
      }));
}

TEST(ValidatorTest, NumbersOfEveryKind) {
  auto schema = compile_text(R"({"properties": {
      "a": {"minimum": 1, "maximum": 10},
      "b": {"exclusiveMinimum": 0, "exclusiveMaximum": 1.5},
      "c": {"multipleOf": 0.01},
      "d": {"maximum": 1e19},
      "e": {"type": "integer", "minimum": 0}}})");
  EXPECT_TRUE(check_json(schema, {{"a", 10},
                                  {"b", 1.25},
                                  {"c", 0.07},
                                  {"d", 9999999999999999999ull},
                                  {"e", 9223372036854775808ull}})
                  .empty());
  // Unsigned values above INT64_MAX are compared as doubles.
  EXPECT_EQ(check_json(schema, {{"d", 18446744073709551615ull}}),
            Lines{"'d' must be <= 1e+19, got 1.8446744073709552e+19 "
                  "[schema.maximum] @/d"});
  EXPECT_EQ(
      check_json(schema, {{"a", 0}, {"b", 1.5}, {"c", 0.071}, {"e", -1}}),
      (Lines{
          "'a' must be >= 1, got 0 [schema.minimum] @/a",
          "'b' must be < 1.5, got 1.5 [schema.exclusive-maximum] @/b",
          "'c' must be a multiple of 0.01, got 0.071 [schema.multiple-of] @/c",
          "'e' must be >= 0, got -1 [schema.minimum] @/e",
      }));
  EXPECT_EQ(check_json(schema, {{"a", 10.5}, {"b", 0}}),
            (Lines{
                "'a' must be <= 10, got 10.5 [schema.maximum] @/a",
                "'b' must be > 0, got 0 [schema.exclusive-minimum] @/b",
            }));
}

TEST(ValidatorTest, StringsAndArrays) {
  auto schema = compile_text(R"({"properties": {
      "t": {"minLength": 2, "maxLength": 3},
      "l": {"minItems": 2, "maxItems": 3, "uniqueItems": true},
      "k": {"const": "note.njk"}}})");
  EXPECT_TRUE(check_json(schema, {{"t", "日本"},
                                  {"l", {1, "1", {{"a", 1}}}},
                                  {"k", "note.njk"}})
                  .empty());
  EXPECT_EQ(check_json(schema, {{"t", "x"}, {"l", {1}}, {"k", "post.njk"}}),
            (Lines{
                "'k' must be \"note.njk\", got string \"post.njk\" "
                "[schema.const] @/k",
                "'l' must have at least 2 items [schema.min-items] @/l",
                "'t' must be at least 2 characters long, got 1 "
                "[schema.min-length] @/t",
            }));
  EXPECT_EQ(
      check_json(schema,
                 {{"t", "abcd"}, {"l", {{{"a", 1}}, 1.0, {{"a", 1}}, 1}}}),
      (Lines{
          "'l' must have at most 3 items, got 4 [schema.max-items] @/l",
          "'t' must be at most 3 characters long, got 4 [schema.max-length] "
          "@/t",
          "duplicate item 1 in 'l' (items 1 and 3) [schema.unique-items] @/l/3",
          "duplicate item in 'l' (items 0 and 2) [schema.unique-items] @/l/2",
      }));
}

TEST(ValidatorTest, AnyOfReportsOneUsefulError) {
  auto schema = compile_text(R"({"properties": {
      "date": {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]},
      "id": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
      "link": {"anyOf": [
        {"type": "string", "format": "uri"},
        {"type": "object", "required": ["url"], "properties": {"url": {"format": "uri"}}}]},
      "pick": {"anyOf": [{"const": "a"}, {"const": "b"}]}}})");
  EXPECT_TRUE(check_json(schema, {{"date", nullptr},
                                  {"id", 3},
                                  {"link", {{"url", "http://x"}}}})
                  .empty());
  EXPECT_EQ(
      check_json(schema, {{"date", "2024-02-30"},
                          {"id", true},
                          {"link", {{"href", "http://x"}}},
                          {"pick", "c"}}),
      (Lines{
          // Every branch fails on the value alone: their values merged.
          "'c' is not an allowed value for 'pick'; expected one of: a, b "
          "[schema.enum] @/pick",
          // Only the string branch has the right type: its error.
          "'date' is not a valid date: \"2024-02-30\" [schema.format] @/date",
          // No branch has the right type: one type error.
          "'id' must be a string or an integer, got boolean true "
          "[schema.any-of] @/id",
          // Only the object branch has the right type: its error.
          "missing required key 'url' in 'link' [schema.required] @/link/url",
      }));
}

TEST(ValidatorTest, OneOf) {
  auto schema = compile_text(R"({"properties": {
      "x": {"oneOf": [{"type": "integer"}, {"minimum": 2}]}}})");
  EXPECT_TRUE(check_json(schema, {{"x", 1}}).empty());
  EXPECT_TRUE(check_json(schema, {{"x", 2.5}}).empty());
  EXPECT_EQ(
      check_json(schema, {{"x", 3}}),
      Lines{"'x' matches more than one schema in 'oneOf' (schemas 0 and 1) "
            "[schema.one-of] @/x"});
  EXPECT_EQ(check_json(schema, {{"x", 1.5}}),
            Lines{"'x' must be >= 2, got 1.5 [schema.minimum] @/x"});
}

TEST(ValidatorTest, ObjectKeywords) {
  auto schema = compile_text(R"({
    "properties": {"name": {"type": "string"}},
    "patternProperties": {"^x-": {"type": "string"}},
    "additionalProperties": {"type": "integer"},
    "propertyNames": {"pattern": "^[a-z-]+$"},
    "dependencies": {"name": ["nickname"], "count": {"required": ["name"]}},
    "minProperties": 1, "maxProperties": 4
  })");
  EXPECT_TRUE(check_json(schema, {{"name", "a"}, {"nickname", 1}, {"x-a", "s"}})
                  .empty());
  EXPECT_EQ(
      check_json(schema,
                 {{"x-a", 1}, {"count", "many"}, {"Bad", 2}, {"name", "n"}}),
      (Lines{
          "'count' must be an integer, got string \"many\" [schema.type] "
          "@/count",
          "'x-a' must be a string, got number 1 [schema.type] @/x-a",
          "key 'Bad' does not match pattern '^[a-z-]+$': \"Bad\" "
          "[schema.property-names] @/Bad",
          "missing key 'nickname', required when 'name' is present "
          "[schema.dependencies] @/name",
      }));
  EXPECT_EQ(
      check_json(schema, json::object()),
      Lines{"the value must have at least 1 key [schema.min-properties] @"});
  EXPECT_EQ(check_json(schema, {{"count", 1}}),
            Lines{"missing required key 'name' [schema.required] @/name"});
}

TEST(ValidatorTest, NotContainsIfThenElseFalse) {
  auto schema = compile_text(R"({"properties": {
      "draft": {"not": {"const": "yes"}},
      "tags": {"contains": {"const": "llm"}, "additionalItems": false, "items": [{}, {}]},
      "kind": {"type": "string"},
      "legacy": false
    },
    "if": {"properties": {"kind": {"const": "video"}}},
    "then": {"required": ["duration"]}})");
  EXPECT_EQ(
      check_json(schema, {{"draft", "yes"},
                          {"tags", {"a", "b", "c"}},
                          {"kind", "video"},
                          {"legacy", 1}}),
      (Lines{
          "'draft' must not match the schema in 'not' [schema.not] @/draft",
          "'legacy' is not allowed [schema.false] @/legacy",
          "'tags' must contain at least one item matching 'contains' "
          "[schema.contains] @/tags",
          // additionalItems: false is the false schema, item by item.
          "'tags[2]' is not allowed [schema.false] @/tags/2",
          "missing required key 'duration' [schema.required] @/duration",
      }));
}

TEST(ValidatorTest, KeysWithSpecialCharacters) {
  auto schema = compile_text(R"({
    "properties": {"a/b": {"type": "string"}, "c~d": {"type": "string"},
                   "[x]": {"type": "string"}, "e.f": {"type": "array", "items": {"type": "string"}}},
    "additionalProperties": false})");
  EXPECT_EQ(
      check_json(
          schema,
          {{"a/b", 1}, {"c~d", 2}, {"[x]", 3}, {"e.f", {"ok", 4}}, {"[y]", 0}}),
      (Lines{
          "'[x]' must be a string, got number 3 [schema.type] @/[x]",
          "'a/b' must be a string, got number 1 [schema.type] @/a~1b",
          "'c~d' must be a string, got number 2 [schema.type] @/c~0d",
          "'e.f[1]' must be a string, got number 4 [schema.type] @/e.f/1",
          "unknown key '[y]' (did you mean '[x]'?) "
          "[schema.additional-properties] @/[y]",
      }));
}

TEST(ValidatorTest, EnumListsAreShortened) {
  json values = json::array();
  for (int i = 0; i < 25; ++i) values.push_back("v" + std::to_string(i));
  auto schema =
      compile_text(json{{"properties", {{"e", {{"enum", values}}}}}}.dump());
  EXPECT_EQ(check_json(schema, {{"e", 7}}),
            Lines{"7 is not an allowed value for 'e'; expected one of: v0, v1, "
                  "v2, v3, v4, v5, "
                  "v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, "
                  "v18, v19, ... "
                  "(5 more) [schema.enum] @/e"});
}

TEST(ValidatorTest, RootIsNamedInMessages) {
  auto schema = compile_text(R"({"type": "object", "maxProperties": 1})");
  EXPECT_EQ(check_json(schema, {{"a", 1}, {"b", 2}}),
            Lines{"the value must have at most 1 key, got 2 "
                  "[schema.max-properties] @"});
  EXPECT_EQ(
      check_json(schema, "x"),
      Lines{"the value must be an object, got string \"x\" [schema.type] @"});
}

TEST(ValidatorTest, ValidatorsAreIndependentPerThread) {
  auto schema = post_schema();
  std::vector<std::thread> threads;
  std::atomic<int> failures = 0;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      Validator validator(schema);
      for (int i = 0; i < 200; ++i) {
        std::vector<Diagnostic> diagnostics;
        json data = valid_post();
        if (i % 2) data["status"] = "nope";
        validator.validate(data, diagnostics);
        if (diagnostics.size() != static_cast<size_t>(i % 2)) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace fmkit
