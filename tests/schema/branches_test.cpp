// SPDX-License-Identifier: MIT
//
// What fmkit reports when no branch of an anyOf/oneOf matches
// (src/schema/branches.cpp): the branch the data meant, at its own places
// with its own rules, or one merged const/enum error, or one error listing
// the tied branches. Documents are read from real YAML text, so positions
// are checked too.
#include "diag/diagnostic.hpp"
#include "document/document.hpp"
#include "schema/schema_test_support.hpp"
#include "schema/validator.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace fmkit {
namespace {

using nlohmann::json;
using schema_testing::check_json;
using schema_testing::compile_text;
using Lines = std::vector<std::string>;

using schema_testing::validate_text;

// The shape of MDN's front-matter schema (mdn/content
// front-matter-config.json), cut down to a few of its branches: an anyOf where
// each branch's `if` tests the slug, its `then` lists the page types of that
// part of the site and its `else` is false, and a last `.*` branch that every
// slug matches.
std::shared_ptr<const CompiledSchema> mdn_like_schema() {
  static auto schema = compile_text(R"({
    "type": "object",
    "additionalProperties": false,
    "required": ["title", "slug", "page-type"],
    "properties": {
      "title": {"type": "string", "maxLength": 120},
      "slug": {"type": "string"},
      "page-type": {"type": "string"},
      "status": {"type": "array", "items": {"enum": ["deprecated", "experimental"]}}
    },
    "anyOf": [
      {"if": {"properties": {"slug": {"type": "string", "pattern": "^Glossary/"}}},
       "then": {"properties": {"page-type": {
         "enum": ["glossary-definition", "glossary-disambiguation"]}}},
       "else": false},
      {"if": {"properties": {"slug": {"type": "string", "pattern": "^Web/API/"}}},
       "then": {"properties": {"page-type": {
         "enum": ["guide", "landing-page", "web-api-interface", "web-api-instance-method",
                  "web-api-event"]}}},
       "else": false},
      {"if": {"properties": {"slug": {"type": "string", "pattern": "^Web/CSS/"}}},
       "then": {"properties": {"page-type": {
         "enum": ["guide", "css-property", "css-selector"]}}},
       "else": false},
      {"if": {"properties": {"slug": {"type": "string", "pattern": ".*"}}},
       "then": {"properties": {"page-type": {
         "enum": ["guide", "landing-page", "listing-page", "how-to"]}}},
       "else": false}
    ]
  })");
  return schema;
}

TEST(BranchesTest, MdnPageTypeIsReportedAtPageTypeWithTheAllowedValues) {
  // Two branches' `if` hold (^Web/API/ and .*); both fail on 'page-type':
  // one error there, listing the union of their values in schema order.
  EXPECT_EQ(
      validate_text(mdn_like_schema(),
                    "---\n"
                    "title: Foo\n"
                    "slug: Web/API/Foo\n"
                    "page-type: web-api-bogus\n"
                    "---\n"),
      Lines{
          "4:12-4:25: 'web-api-bogus' is not an allowed value for 'page-type'; "
          "expected one of: guide, landing-page, web-api-interface, "
          "web-api-instance-method, web-api-event, listing-page, how-to "
          "[schema.enum] @/page-type"});
  // A near miss gets a suggestion.
  EXPECT_EQ(
      validate_text(mdn_like_schema(),
                    "---\n"
                    "title: color\n"
                    "slug: Web/CSS/color\n"
                    "page-type: css-proprety\n"
                    "---\n"),
      Lines{
          "4:12-4:24: 'css-proprety' is not an allowed value for 'page-type'; "
          "expected one of: guide, css-property, css-selector, landing-page, "
          "listing-page, how-to (did you mean 'css-property'?) "
          "[schema.enum] @/page-type"});
  EXPECT_EQ(
      validate_text(mdn_like_schema(),
                    "---\n"
                    "title: X\n"
                    "slug: Glossary/X\n"
                    "page-type: web-api-interface\n"
                    "---\n"),
      Lines{"4:12-4:29: 'web-api-interface' is not an allowed value for "
            "'page-type'; "
            "expected one of: glossary-definition, glossary-disambiguation, "
            "guide, "
            "landing-page, listing-page, how-to [schema.enum] @/page-type"});
}

TEST(BranchesTest, MdnValidAndMissingPageType) {
  const char* valid[] = {
      "---\ntitle: Foo\nslug: Web/API/Foo\npage-type: web-api-interface\n---\n",
      // The `.*` branch allows 'guide' anywhere, glossary included.
      "---\ntitle: X\nslug: Glossary/X\npage-type: guide\n---\n",
  };
  for (const char* text : valid)
    EXPECT_EQ(validate_text(mdn_like_schema(), text), Lines{});
  // Without 'page-type' every `then` holds: only the root's `required`.
  EXPECT_EQ(validate_text(mdn_like_schema(),
                          "---\ntitle: Foo\nslug: Web/API/Foo\n---\n"),
            Lines{"4:1-4:4: missing required key 'page-type' [schema.required] "
                  "@/page-type"});
}

TEST(BranchesTest, MdnErrorsOutsideTheAnyOfStayTheirOwn) {
  EXPECT_EQ(
      validate_text(mdn_like_schema(),
                    "---\n"
                    "title: Foo\n"
                    "slug: Web/API/Foo\n"
                    "page-type: web-api-event\n"
                    "status: [deprecatd]\n"
                    "---\n"),
      Lines{"5:10-5:19: 'deprecatd' is not an allowed value for 'status[0]'; "
            "expected "
            "one of: deprecated, experimental (did you mean 'deprecated'?) "
            "[schema.enum] @/status/0"});
  // A slug that is not a string fails every `if`: no branch stands out.
  EXPECT_EQ(
      validate_text(mdn_like_schema(),
                    "---\n"
                    "title: Foo\n"
                    "slug: 5\n"
                    "page-type: guide\n"
                    "---\n"),
      (Lines{"2:1-4:17: the front matter does not match any schema in 'anyOf' "
             "[schema.any-of] @",
             "3:7-3:8: 'slug' must be a string, got number 5 [schema.type] "
             "@/slug"}));
}

// Astro-style content collections: a oneOf of object shapes told apart by
// a `type` const.
std::shared_ptr<const CompiledSchema> tagged_schema() {
  static auto schema = compile_text(R"({"properties": {"media": {"oneOf": [
    {"type": "object", "required": ["type", "url"], "additionalProperties": false,
     "properties": {"type": {"const": "link"}, "url": {"type": "string", "format": "uri"},
                    "title": {"type": "string"}}},
    {"type": "object", "required": ["type", "path"], "additionalProperties": false,
     "properties": {"type": {"const": "file"}, "path": {"type": "string"},
                    "size": {"type": "integer"}}}
  ]}}})");
  return schema;
}

TEST(BranchesTest, DiscriminatedUnionReportsTheTaggedBranch) {
  EXPECT_TRUE(check_json(tagged_schema(),
                         {{"media", {{"type", "file"}, {"path", "a"}}}})
                  .empty());
  // The tag picks the branch even when another has fewer errors.
  EXPECT_EQ(
      check_json(tagged_schema(),
                 {{"media", {{"type", "file"}, {"size", "big"}}}}),
      (Lines{
          "'media.size' must be an integer, got string \"big\" [schema.type] "
          "@/media/size",
          "missing required key 'path' in 'media' [schema.required] "
          "@/media/path"}));
  EXPECT_EQ(
      check_json(tagged_schema(),
                 {{"media", {{"type", "link"}, {"url", 5}, {"title", 1}}}}),
      (Lines{"'media.title' must be a string, got number 1 [schema.type] "
             "@/media/title",
             "'media.url' must be a string, got number 5 [schema.type] "
             "@/media/url"}));
  // A tag no branch has: its allowed values, nothing else.
  EXPECT_EQ(check_json(tagged_schema(),
                       {{"media", {{"type", "video"}, {"url", "x"}}}}),
            Lines{"'video' is not an allowed value for 'media.type'; expected "
                  "one of: link, "
                  "file [schema.enum] @/media/type"});
  EXPECT_EQ(check_json(tagged_schema(),
                       {{"media", {{"type", "fiel"}, {"path", "x"}}}}),
            Lines{"'fiel' is not an allowed value for 'media.type'; expected "
                  "one of: link, "
                  "file (did you mean 'file'?) [schema.enum] @/media/type"});
  // No tag at all: the branch with the fewest errors.
  EXPECT_EQ(check_json(tagged_schema(), {{"media", {{"url", "https://x"}}}}),
            Lines{"missing required key 'type' in 'media' [schema.required] "
                  "@/media/type"});
}

TEST(BranchesTest, BranchesAndTagsThroughRefs) {
  // The `if`s of branches 0 and 1 held (branch 1 through two refs), so the
  // third branch's 'other' is not offered; the link tag is a ref too.
  auto schema = compile_text(R"({
    "definitions": {
      "api": {"if": {"properties": {"slug": {"pattern": "^Web/API/"}}},
              "then": {"properties": {"page-type": {"enum": ["web-api-event"]}}},
              "else": false},
      "any": {"$ref": "#/definitions/fallback"},
      "fallback": {"if": {"properties": {"slug": {"pattern": ".*"}}},
                   "then": {"properties": {"page-type": {"enum": ["guide"]}}},
                   "else": false},
      "link": {"const": "link"}
    },
    "properties": {
      "page": {"anyOf": [{"$ref": "#/definitions/api"}, {"$ref": "#/definitions/any"},
                         {"properties": {"page-type": {"const": "other"}}}]},
      "media": {"oneOf": [
        {"properties": {"type": {"$ref": "#/definitions/link"}, "url": {"type": "string"}},
         "required": ["url"]},
        {"properties": {"type": {"const": "file"}, "path": {"type": "string"}},
         "required": ["path"]}]}
    }})");
  EXPECT_EQ(
      check_json(schema, {{"page", {{"slug", "Web/API/X"}, {"page-type", "x"}}},
                          {"media", {{"type", "link"}, {"path", "p"}}}}),
      (Lines{
          "'x' is not an allowed value for 'page.page-type'; expected one of: "
          "web-api-event, guide [schema.enum] @/page/page-type",
          "missing required key 'url' in 'media' [schema.required] "
          "@/media/url"}));
}

TEST(BranchesTest, IfThatHeldBeatsABranchWithAsFewErrors) {
  auto schema = compile_text(R"({"anyOf": [
    {"if": {"properties": {"kind": {"const": "video"}}, "required": ["kind"]},
     "then": {"required": ["duration"]}, "else": false},
    {"required": ["title"]}]})");
  EXPECT_EQ(
      check_json(schema, {{"kind", "video"}}),
      Lines{"missing required key 'duration' [schema.required] @/duration"});
  // An `if` that fails into `else: false` puts its branch out.
  EXPECT_EQ(check_json(schema, {{"kind", "audio"}}),
            Lines{"missing required key 'title' [schema.required] @/title"});
}

TEST(BranchesTest, TiesAreListedInOneError) {
  auto schema = compile_text(R"({"anyOf": [
    {"required": ["a"]}, {"required": ["b"]}, {"required": ["c"]}, {"required": ["d"]}]})");
  EXPECT_EQ(
      check_json(schema, json::object()),
      Lines{"the value does not match any schema in 'anyOf': schema 0: missing "
            "required key 'a'; schema 1: missing required key 'b'; schema 2: "
            "missing "
            "required key 'c'; ... [schema.any-of] @"});
  auto nested = compile_text(R"({"properties": {"links": {"items": {"oneOf": [
    {"required": ["href"]}, {"required": ["ref"]}]}}}})");
  EXPECT_EQ(
      check_json(nested, {{"links", {{{"href", "x"}}, json::object()}}}),
      Lines{
          "'links[1]' does not match any schema in 'oneOf': schema 0: missing "
          "required key 'href' in 'links[1]'; schema 1: missing required key "
          "'ref' "
          "in 'links[1]' [schema.one-of] @/links/1"});
}

TEST(BranchesTest, ANestedListCountsAsOneError) {
  // Branch 0's own anyOf fails as one listed error (three members and
  // "..." for the fourth), so it ties with branch 1's one error.
  auto schema = compile_text(R"({"anyOf": [
    {"anyOf": [{"required": ["a"]}, {"required": ["b"]}, {"required": ["c"]},
               {"required": ["d"]}]},
    {"required": ["x"]}]})");
  EXPECT_EQ(
      check_json(schema, json::object()),
      Lines{"the value does not match any schema in 'anyOf': schema 0: missing "
            "required key 'a'; schema 1: missing required key 'x' "
            "[schema.any-of] @"});
}

TEST(BranchesTest, DeepestErrorWinsATieOnCount) {
  auto schema = compile_text(R"({"anyOf": [
    {"required": ["c"]},
    {"properties": {"a": {"properties": {"b": {"type": "string"}}}}}]})");
  EXPECT_EQ(check_json(schema, {{"a", {{"b", 1}}}}),
            Lines{"'a.b' must be a string, got number 1 [schema.type] @/a/b"});
}

TEST(BranchesTest, BranchesWithTheSameErrorsReportThemOnce) {
  auto schema = compile_text(R"({"oneOf": [
    {"required": ["title"], "properties": {"x": {"type": "integer"}}},
    {"required": ["title"], "properties": {"y": {"type": "integer"}}}]})");
  EXPECT_EQ(check_json(schema, {{"x", 1}, {"y", 2}}),
            Lines{"missing required key 'title' [schema.required] @/title"});
}

TEST(BranchesTest, PlainIfThenElseReportsAtTheirOwnPlaces) {
  auto schema = compile_text(R"({
    "if": {"properties": {"kind": {"const": "video"}}, "required": ["kind"]},
    "then": {"properties": {"duration": {"type": "integer"}}, "required": ["duration"]},
    "else": {"properties": {"url": {"type": "string", "format": "uri"}}}})");
  EXPECT_EQ(
      validate_text(schema, "---\nkind: video\nduration: long\n---\n"),
      Lines{"3:11-3:15: 'duration' must be an integer, got string \"long\" "
            "[schema.type] @/duration"});
  EXPECT_EQ(validate_text(schema, "---\nkind: video\n---\n"),
            Lines{"3:1-3:4: missing required key 'duration' [schema.required] "
                  "@/duration"});
  EXPECT_EQ(validate_text(schema, "---\nkind: text\nurl: not a uri\n---\n"),
            Lines{"3:6-3:15: 'url' is not a valid uri: \"not a uri\" "
                  "[schema.format] @/url"});
}

}  // namespace
}  // namespace fmkit
