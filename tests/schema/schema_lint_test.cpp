// SPDX-License-Identifier: MIT
//
// What loads but checks nothing: the warnings SchemaRegistry keeps about
// the schemas it loads (unknown keywords, keywords next to $ref, unknown
// formats, enum values their own type excludes), whole, with positions.
#include "schema/schema_registry.hpp"
#include "schema/schema_test_support.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fmkit {
namespace {

using schema_testing::memory_files;

// "s.json:1:2-1:12: warning: message [rule]", one a line.
std::string show(const Problems& problems) {
  return schema_testing::show_problems(problems, /*severity=*/true);
}

// Loads `schema` (as s.json) and shows what the load found: its problems
// when it fails, else the warnings.
std::string lint(const std::string& schema) {
  SchemaRegistry registry(memory_files({{"/mem/s.json", schema}}));
  auto loaded = registry.load("/mem/s.json", "s.json");
  if (!loaded) return show(loaded.error());
  return show(registry.take_warnings());
}

struct Case {
  const char* schema;
  const char* found;  // "" when nothing
};

TEST(SchemaLint, UnknownKeywords) {
  const Case cases[] = {
      {R"({"requried": ["title"]})",
       "s.json:1:2-1:12: warning: unknown keyword 'requried' is ignored, so "
       "it checks nothing (did you mean 'required'?) "
       "[schema-file.unknown-keyword]"},
      {R"({"Required": ["title"]})",
       "s.json:1:2-1:12: warning: unknown keyword 'Required' is ignored, so "
       "it checks nothing (did you mean 'required'?) "
       "[schema-file.unknown-keyword]"},
      {R"({"properties": {"title": {"type": "string", "minlength": 1}}})",
       "s.json:1:45-1:56: warning: unknown keyword 'minlength' is ignored, "
       "so it checks nothing (did you mean 'minLength'?) "
       "[schema-file.unknown-keyword]"},
      {R"({"definitions": {"x": {"maxLenght": 3}}})",
       "s.json:1:24-1:35: warning: unknown keyword 'maxLenght' is ignored, "
       "so it checks nothing (did you mean 'maxLength'?) "
       "[schema-file.unknown-keyword]"},
      {R"({"$defs": {"x": {"tpye": "string"}}})",
       "s.json:1:18-1:24: warning: unknown keyword 'tpye' is ignored, so it "
       "checks nothing (did you mean 'type'?) [schema-file.unknown-keyword]"},
      {R"({"items": [true, {"tpye": "string"}]})",
       "s.json:1:19-1:25: warning: unknown keyword 'tpye' is ignored, so it "
       "checks nothing (did you mean 'type'?) [schema-file.unknown-keyword]"},
      {R"({"dependencies": {"a": ["b"], "c": {"requried": []}}})",
       "s.json:1:37-1:47: warning: unknown keyword 'requried' is ignored, so "
       "it checks nothing (did you mean 'required'?) "
       "[schema-file.unknown-keyword]"},
      {R"({"components": {"a": {}}})",
       "s.json:1:2-1:14: warning: unknown keyword 'components' is ignored, "
       "so it checks nothing [schema-file.unknown-keyword]"},
      // Keywords of other drafts and dialects say where they come from.
      {R"({"unevaluatedProperties": false})",
       "s.json:1:2-1:25: warning: 'unevaluatedProperties' is a JSON Schema "
       "2019-09 keyword, not draft-07: it is ignored, so it checks nothing; "
       "'additionalProperties' is the nearest draft-07 keyword "
       "[schema-file.unknown-keyword]"},
      {R"({"prefixItems": [{}]})",
       "s.json:1:2-1:15: warning: 'prefixItems' is a JSON Schema 2020-12 "
       "keyword, not draft-07: it is ignored, so it checks nothing; use "
       "'items' with an array of schemas [schema-file.unknown-keyword]"},
      {R"({"nullable": true})",
       "s.json:1:2-1:12: warning: 'nullable' is an OpenAPI keyword, not "
       "draft-07: it is ignored, so it checks nothing; add \"null\" to "
       "'type' [schema-file.unknown-keyword]"},
      {R"({"id": "post"})",
       "s.json:1:2-1:6: warning: 'id' is a draft-04 keyword, not draft-07: "
       "it is ignored, so it checks nothing; draft-07 names it '$id' "
       "[schema-file.unknown-keyword]"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(lint(c.schema), c.found) << c.schema;
  }
}

TEST(SchemaLint, WhatIsNotAKeywordIsLeftAlone) {
  const char* const clean[] = {
      // Property names, definitions' names, patternProperties' patterns.
      R"({"properties": {"requried": {"type": "string"}}})",
      R"({"definitions": {"tpye": {}}, "patternProperties": {"^x": {}}})",
      R"({"dependencies": {"requried": ["a"]}})",
      // Data: enum, const, default and examples hold values, not schemas.
      R"({"enum": [{"requried": 1}], "default": {"tpye": 1},
          "examples": [{"minlength": 2}], "const": {"foo": 1}})",
      // Annotations and core keywords of draft-07.
      R"({"$schema": "http://json-schema.org/draft-07/schema#", "$id": "x",
          "$comment": "c", "title": "t", "description": "d", "default": 1,
          "examples": [1], "readOnly": true, "writeOnly": false,
          "contentMediaType": "text/plain", "contentEncoding": "base64"})",
      // Extensions and what editors read.
      R"({"x-order": 1, "markdownDescription": "m", "deprecated": true,
          "enumDescriptions": [], "errorMessage": "e"})",
      // A key no one knows is data when a $ref points into it.
      R"({"components": {"a": {"type": "string"}},
          "properties": {"x": {"$ref": "#/components/a"}}})",
      // Next to $ref: annotations and definitions are fine.
      R"({"$ref": "#/definitions/a", "definitions": {"a": {}},
          "description": "d", "title": "t", "$comment": "c"})",
      // Every draft-07 format, known to fmkit or not.
      R"({"properties": {"a": {"format": "hostname"}, "b": {"format": "date"},
          "c": {"format": "regex"}, "d": {"format": "idn-email"}}})",
      // Types that allow every enum value (1.0 is an integer).
      R"({"type": ["string", "null"], "enum": ["a", null]})",
      R"({"type": "integer", "enum": [1, 2.0], "const": 3})",
      R"({"type": "number", "enum": [1, 2.5]})",
  };
  for (const char* schema : clean) {
    EXPECT_EQ(lint(schema), "") << schema;
  }
}

TEST(SchemaLint, KeywordsNextToRefAreIgnored) {
  const Case cases[] = {
      {R"({"definitions": {"a": {"type": "string"}},
 "properties": {"x": {"$ref": "#/definitions/a", "minLength": 2}}})",
       "s.json:2:50-2:61: warning: 'minLength' next to '$ref' is ignored, so "
       "it checks nothing: draft-07 ignores the keywords beside a '$ref' "
       "(put both in 'allOf') [schema-file.ref-sibling]"},
      {R"({"$ref": "#/definitions/a", "definitions": {"a": {}}, "requried": []})",
       "s.json:1:55-1:65: warning: unknown keyword 'requried' is ignored, so "
       "it checks nothing (did you mean 'required'?) "
       "[schema-file.unknown-keyword]"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(lint(c.schema), c.found) << c.schema;
  }
}

TEST(SchemaLint, UnknownFormats) {
  EXPECT_EQ(lint(R"({"format": "data"})"),
            "s.json:1:12-1:18: warning: unknown format 'data' is ignored, so "
            "it checks nothing (did you mean 'date'?) "
            "[schema-file.unknown-format]");
  EXPECT_EQ(lint(R"({"format": "slug"})"),
            "s.json:1:12-1:18: warning: unknown format 'slug' is ignored, so "
            "it checks nothing [schema-file.unknown-format]");
}

TEST(SchemaLint, EnumValuesTheTypeExcludes) {
  const Case cases[] = {
      {R"({"type": "string", "enum": ["a", 1, null]})",
       "s.json:1:34-1:35: warning: 'enum' lists number 1, but 'type' allows "
       "only a string: that value can never match [schema-file.enum-type]\n"
       "s.json:1:37-1:41: warning: 'enum' lists null, but 'type' allows only "
       "a string: that value can never match [schema-file.enum-type]"},
      {R"({"type": "integer", "enum": [1, 1.5]})",
       "s.json:1:33-1:36: warning: 'enum' lists number 1.5, but 'type' "
       "allows only an integer: that value can never match "
       "[schema-file.enum-type]"},
      {R"({"type": ["string", "null"], "enum": ["a", true]})",
       "s.json:1:44-1:48: warning: 'enum' lists boolean true, but 'type' "
       "allows only a string or null: that value can never match "
       "[schema-file.enum-type]"},
      {R"({"type": "number", "const": "5"})",
       "s.json:1:29-1:32: warning: 'const' is string \"5\", but 'type' "
       "allows only a number: no value can match [schema-file.enum-type]"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(lint(c.schema), c.found) << c.schema;
  }
}

TEST(SchemaLint, WarningsComeWithTheErrorThatStopsTheLoad) {
  // An invalid type: its error, and the unknown keyword too; no enum-type
  // warning about a type that is not one.
  EXPECT_EQ(lint(R"({"type": "strin", "enum": [1], "requried": []})"),
            "s.json:1:10-1:17: error: unknown type 'strin' in 'type' (did you "
            "mean 'string'?) [schema-file.invalid]\n"
            "s.json:1:32-1:42: warning: unknown keyword 'requried' is "
            "ignored, so it checks nothing (did you mean 'required'?) "
            "[schema-file.unknown-keyword]");
  EXPECT_EQ(lint(R"({"requried": [], "pattern": "("})"),
            "s.json:1:2-1:12: warning: unknown keyword 'requried' is ignored, "
            "so it checks nothing (did you mean 'required'?) "
            "[schema-file.unknown-keyword]\n"
            "s.json:1:29-1:32: error: invalid pattern '(': missing ): ( "
            "[schema-file.invalid]");
  // $refs that point to nothing: every one of them, and the walk goes on
  // past them (the properties after 'a' are still linted).
  EXPECT_EQ(
      lint(R"({"properties": {"a": {"$ref": "#/x"}, "b": {"$ref": "#/y"},)"
           R"( "c": {"minLenght": 1}}})"),
      "s.json:1:31-1:36: error: $ref '#/x' points to nothing in s.json "
      "[schema-file.ref]\n"
      "s.json:1:53-1:58: error: $ref '#/y' points to nothing in s.json "
      "[schema-file.ref]\n"
      "s.json:1:67-1:78: warning: unknown keyword 'minLenght' is "
      "ignored, so it checks nothing (did you mean 'minLength'?) "
      "[schema-file.unknown-keyword]");
}

TEST(SchemaLint, EachFileIsWarnedAboutOnce) {
  SchemaRegistry registry(memory_files({
      {"/mem/post.json",
       R"({"properties": {"d": {"$ref": "common.json#/definitions/d"}}})"},
      {"/mem/note.json",
       R"({"properties": {"d": {"$ref": "common.json#/definitions/d"}},
 "requried": ["d"]})"},
      {"/mem/common.json", R"({"definitions": {"d": {"fromat": "date"}}})"},
  }));
  ASSERT_TRUE(registry.load("/mem/post.json", "schemas/post.json"));
  ASSERT_TRUE(registry.load("/mem/note.json", "schemas/note.json"));
  EXPECT_EQ(show(registry.take_warnings()),
            "schemas/common.json:1:24-1:32: warning: unknown keyword "
            "'fromat' is ignored, so it checks nothing (did you mean "
            "'format'?) [schema-file.unknown-keyword]\n"
            "schemas/note.json:2:2-2:12: warning: unknown keyword 'requried' "
            "is ignored, so it checks nothing (did you mean 'required'?) "
            "[schema-file.unknown-keyword]");
  EXPECT_EQ(show(registry.take_warnings()), "");
  // Loaded again (from the cache, or as another root): no repeat.
  ASSERT_TRUE(registry.load("/mem/post.json", "schemas/post.json"));
  EXPECT_EQ(show(registry.take_warnings()), "");
}

TEST(SchemaLint, BundledSchemasAreClean) {
  for (const char* name :
       {"post.schema.json", "post.v2.schema.json", "post.v3.schema.json",
        "note.schema.json", "common.schema.json"}) {
    SchemaRegistry registry(schema_testing::disk_files());
    std::string path = std::string(FMKIT_SOURCE_DIR) + "/schemas/" + name;
    auto loaded = registry.load(path, name);
    ASSERT_TRUE(loaded) << show(loaded.error());
    EXPECT_EQ(show(registry.take_warnings()), "") << name;
  }
}

}  // namespace
}  // namespace fmkit
