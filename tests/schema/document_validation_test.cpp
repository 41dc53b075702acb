// SPDX-License-Identifier: MIT
//
// The validator on documents read by read_document() from real YAML text:
// the seed post, the invalid fixtures of the example blog, and edits of the
// seed post. Positions come from the YAML reader, so these check that the
// two modules agree on spans (BOM, CRLF, block sequences, nested maps).
#include "diag/diagnostic.hpp"
#include "document/document.hpp"
#include "schema/schema_registry.hpp"
#include "schema/schema_test_support.hpp"
#include "schema/validator.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using Lines = std::vector<std::string>;
using schema_testing::read_text;

std::shared_ptr<const CompiledSchema> load(const fs::path& path) {
  static SchemaRegistry registry(schema_testing::disk_files());
  auto schema = registry.load(path);
  if (!schema)
    throw std::runtime_error(schema_testing::show_problems(schema.error()));
  return *schema;
}

std::shared_ptr<const CompiledSchema> post_schema() {
  return load(fs::path(FMKIT_SOURCE_DIR) / "schemas/post.schema.json");
}

using schema_testing::validate_text;

std::string seed_post() {
  // The real post the bundled schema models, byte for byte as published.
  return read_text(fs::path(FMKIT_SOURCE_DIR) /
                   "fixtures/site/content/posts/2024/gwern-ai-forecasting.md");
}

std::string replace(std::string text, const std::string& from,
                    const std::string& to) {
  size_t at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("no " + from);
  return text.replace(at, from.size(), to);
}

TEST(SchemaDocumentTest, SeedPostIsValid) {
  EXPECT_EQ(validate_text(post_schema(), seed_post()), Lines{});
  EXPECT_EQ(
      validate_text(load(fs::path(FMKIT_SOURCE_DIR) / "bench/post.schema.json"),
                    seed_post()),
      Lines{});
}

TEST(SchemaDocumentTest, SeedPostWithDefects) {
  std::string text = seed_post();
  text = replace(text, "date: '2024-11-13'", "date: 2024/11/13");
  text = replace(text, "draft: true", "draft: 'yes'");
  text = replace(text, "status: evergreen", "status: evergren");
  text = replace(text, "- theory\n", "- theory\n- llm\n- Bad Tag\n");
  text =
      replace(text, "speaker: Dwarkesh Patel\n", "speeker: Dwarkesh Patel\n");
  text = replace(text, "source: https://www.youtube.com/watch?v=a42key59cZQ",
                 "source: www.youtube.com/watch?v=a42key59cZQ");
  EXPECT_EQ(
      validate_text(post_schema(), text),
      (Lines{
          "10:7-10:17: 'date' is not a valid date: \"2024/11/13\" "
          "[schema.format] @/date",
          "11:8-11:13: 'draft' must be a boolean, got string \"yes\" "
          "[schema.type] @/draft",
          "67:9-67:44: 'source' is not a valid uri: "
          "\"www.youtube.com/watch?v=a42key59cZQ\" "
          "[schema.format] @/source",
          "68:1-68:8: unknown key 'speeker' (did you mean 'speaker'?) "
          "[schema.additional-properties] @/speeker",
          "69:9-69:17: 'evergren' is not an allowed value for 'status'; "
          "expected one of: "
          "seedling, budding, evergreen, archived (did you mean 'evergreen'?) "
          "[schema.enum] @/status",
          "76:3-76:6: duplicate item \"llm\" in 'tags' (items 1 and 4) "
          "[schema.unique-items] @/tags/4",
          "77:3-77:10: 'tags[5]' does not match pattern "
          "'^[a-z0-9]+(-[a-z0-9]+)*$': "
          "\"Bad Tag\" [schema.pattern] @/tags/5",
      }));
}

struct Fixture {
  const char* name;
  Lines expected;
};

class SchemaFixtureTest : public testing::TestWithParam<Fixture> {};

TEST_P(SchemaFixtureTest, SchemaDiagnostics) {
  const Fixture& f = GetParam();
  std::string text = read_text(fs::path(FMKIT_SOURCE_DIR) / "fixtures/invalid" /
                               (std::string(f.name) + ".md"));
  EXPECT_EQ(validate_text(post_schema(), text), f.expected) << f.name;
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, SchemaFixtureTest,
    testing::Values(
        Fixture{"bom-crlf-enum",
                {"3:11-3:13: 'ai' is not an allowed value for 'category'; "
                 "expected one of: "
                 "ai-ml, software, hardware, internet, investing, startups, "
                 "economics, "
                 "management, history, politics, philosophy, media, "
                 "psychology, health, "
                 "learning, productivity [schema.enum] @/category"}},
        Fixture{"date-invalid-day",
                {"4:7-4:19: 'date' is not a valid date: \"2024-02-30\" "
                 "[schema.format] @/date"}},
        Fixture{"missing-title",
                {"12:1-12:4: missing required key 'title' [schema.required] "
                 "@/title"}},
        Fixture{"tags-duplicate",
                {"12:5-12:8: duplicate item \"llm\" in 'tags' (items 0 and 2) "
                 "[schema.unique-items] @/tags/2"}},
        Fixture{"guest-number",
                {"13:8-13:10: 'guest' must be a string, got number 42 "
                 "[schema.type] @/guest"}},
        Fixture{"summary-null",
                {"8:9-8:9: 'summary' must be a string, got null [schema.type] "
                 "@/summary"}},
        Fixture{"tags-not-list",
                {"9:7-9:10: 'tags' must be an array, got string \"llm\" "
                 "[schema.type] @/tags"}},
        Fixture{"unknown-key-far",
                {"13:1-13:16: unknown key 'author_homepage' "
                 "[schema.additional-properties] "
                 "@/author_homepage"}},
        Fixture{"list-empty-item",
                {"15:5-15:7: 'people[1]' must not be empty [schema.min-length] "
                 "@/people/1"}},
        Fixture{
            "multiple-errors",
            {"5:8-5:15: 'draft' must be a boolean, got string \"false\" "
             "[schema.type] @/draft",
             "7:9-7:13: 'done' is not an allowed value for 'status'; expected "
             "one of: "
             "seedling, budding, evergreen, archived [schema.enum] @/status",
             "11:5-11:13: 'tags[1]' does not match pattern "
             "'^[a-z0-9]+(-[a-z0-9]+)*$': "
             "\"Research\" [schema.pattern] @/tags/1",
             "13:1-13:7: unknown key 'stauts' (did you mean 'status'?) "
             "[schema.additional-properties] @/stauts"}}),
    [](const testing::TestParamInfo<Fixture>& param_info) {
      std::string name = param_info.param.name;
      for (char& c : name) {
        if (c == '-') c = '_';
      }
      return name;
    });

TEST(SchemaDocumentTest, NestedMappingsFromYaml) {
  auto schema = schema_testing::compile_text(R"({
    "type": "object",
    "required": ["author"],
    "properties": {
      "author": {
        "type": "object",
        "additionalProperties": false,
        "required": ["name"],
        "properties": {"name": {"type": "string"}, "url": {"format": "uri"}}
      },
      "links": {"type": "array", "items": {"type": "object", "required": ["href"]}}
    }
  })");
  const std::string text =
      "---\n"
      "author:\n"
      "  nmae: Ted Chiang\n"
      "  url: example.com\n"
      "links:\n"
      "  - {title: x}\n"
      "---\n";
  EXPECT_EQ(
      validate_text(schema, text),
      (Lines{
          "2:1-2:7: missing required key 'name' in 'author' [schema.required] "
          "@/author/name",
          "3:3-3:7: unknown key 'nmae' in 'author' (did you mean 'name'?) "
          "[schema.additional-properties] @/author/nmae",
          "4:8-4:19: 'author.url' is not a valid uri: \"example.com\" "
          "[schema.format] "
          "@/author/url",
          "6:5-6:5: missing required key 'href' in 'links[0]' "
          "[schema.required] "
          "@/links/0/href",
      }));
}

}  // namespace
}  // namespace fmkit
