// SPDX-License-Identifier: MIT
#include "schema/compiled_schema.hpp"
#include "schema/schema_test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

// fmkit walks "items" and "properties" itself when their subschemas hold
// only keywords it checks (CheckSpec::items_check, property_checks). These
// tests hold the walk to valijson's: the same diagnostics, in the same
// order, as when a no-op keyword fmkit leaves to valijson ("allOf": [true])
// makes valijson walk every subschema.

namespace fmkit {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using schema_testing::compile_text;
using schema_testing::show_all;

// `schema` with "allOf": [true] added to every schema object in it.
json walked_by_valijson(json schema) {
  if (!schema.is_object()) return schema;
  for (const char* map :
       {"properties", "patternProperties", "definitions", "dependencies"}) {
    if (schema.contains(map)) {
      for (auto& [name, sub] : schema[map].items()) {
        sub = walked_by_valijson(sub);
      }
    }
  }
  for (const char* one :
       {"items", "additionalItems", "additionalProperties", "not", "if", "then",
        "else", "contains", "propertyNames"}) {
    if (schema.contains(one)) schema[one] = walked_by_valijson(schema[one]);
  }
  for (const char* list : {"anyOf", "oneOf", "allOf"}) {
    if (schema.contains(list)) {
      for (json& sub : schema[list]) sub = walked_by_valijson(sub);
    }
  }
  if (schema.contains("items") && schema["items"].is_array()) {
    for (json& sub : schema["items"]) sub = walked_by_valijson(sub);
  }
  json all_of = schema.value("allOf", json::array());
  all_of.push_back(true);
  schema["allOf"] = all_of;
  return schema;
}

// The schema's diagnostics for the front matter `yaml`, in the order the
// validator gives them.
std::vector<std::string> diagnostics(const json& schema,
                                     const std::string& yaml) {
  const std::string text = "---\n" + yaml + "---\n";
  LineIndex lines(text);
  std::vector<Diagnostic> read;
  Document document = read_document(text, lines, DocumentOptions{}, read);
  if (!document.usable) return {"not usable"};
  std::vector<Diagnostic> found;
  Validator(compile_text(schema.dump())).validate(document, lines, found);
  return show_all(found);
}

size_t walks(const json& schema) {
  size_t count = 0;
  const auto compiled = compile_text(schema.dump());
  for (const auto& spec : compiled->checks) {
    count += (spec->items_check >= 0 ? 1 : 0) + spec->property_checks.size();
  }
  return count;
}

const json k_schema = json::parse(R"({
  "type": "object",
  "required": ["title", "tags"],
  "additionalProperties": false,
  "definitions": {
    "text": {"type": "string", "minLength": 1},
    "person": {
      "type": "object",
      "required": ["name"],
      "properties": {"name": {"$ref": "#/definitions/text"},
                     "url": {"type": "string", "format": "uri"}}
    }
  },
  "properties": {
    "title": {"$ref": "#/definitions/text", "description": "ignored"},
    "tags": {"type": "array", "uniqueItems": true,
             "items": {"type": "string", "pattern": "^[a-z]+$"}},
    "authors": {"type": "array", "items": {"$ref": "#/definitions/person"}},
    "draft": {"type": "boolean"},
    "never": false,
    "anything": {},
    "weird/key": {"type": "integer", "minimum": 0},
    "kind": {"anyOf": [{"const": "a"}, {"type": "integer"}]},
    "meta": {"type": "string", "properties": {"x": {"type": "string"}}},
    "grid": {"type": "array", "items": {"type": "array", "maxItems": 2,
                                         "items": {"enum": [0, 1]}}}
  }
})");

TEST(SchemaWalkTest, FmkitWalksWhatItChecksWhole) {
  // title, tags, authors, draft, never, weird/key, kind, meta, grid; the
  // tags', authors' and grid's items, grid's items' items; a person's name
  // and url; meta's x. "anything" checks nothing.
  EXPECT_EQ(walks(k_schema), 16u);
  EXPECT_EQ(walks(walked_by_valijson(k_schema)), 0u);
}

TEST(SchemaWalkTest, DiagnosticsAreValijsonsOnes) {
  const std::vector<std::string> documents = {
      "title: One\ntags: [a, b]\n",
      "title: ''\ntags: [a, B, a, 3]\nnever: 1\nextra: 2\n",
      "tags: x\nauthors: [{name: ''}, {url: 'not a uri'}, 7, {name: Ann}]\n",
      "title: T\ntags: []\nweird/key: -1\nkind: b\ndraft: 'no'\n",
      "title: T\ntags: [a]\nmeta: {x: 1}\n",
      "title: T\ntags: [a]\nmeta: 'm'\ngrid: [[0, 1, 2], [1, 'x'], 3]\n",
      "title: 5\ntags: [a]\nanything: {deep: [1, 2]}\n",
      "[1, 2]\n",
  };
  const json by_valijson = walked_by_valijson(k_schema);
  for (const std::string& yaml : documents) {
    EXPECT_EQ(diagnostics(k_schema, yaml), diagnostics(by_valijson, yaml))
        << yaml;
  }
  // Not vacuous: the documents do break the walked subschemas.
  EXPECT_EQ(
      diagnostics(k_schema, documents[2]),
      (std::vector<std::string>{
          "3:18-3:20: 'authors[0].name' must not be empty [schema.min-length] "
          "@/authors/0/name",
          "3:29-3:40: 'authors[1].url' is not a valid uri: \"not a uri\" "
          "[schema.format] @/authors/1/url",
          "3:23-3:23: missing required key 'name' in 'authors[1]' "
          "[schema.required] @/authors/1/name",
          "3:43-3:44: 'authors[2]' must be an object, got number 7 "
          "[schema.type] @/authors/2",
          "2:7-2:8: 'tags' must be an array, got string \"x\" [schema.type] "
          "@/tags",
          "4:1-4:4: missing required key 'title' [schema.required] @/title"}));
}

TEST(SchemaWalkTest, RecursiveSchemasAreLeftToValijson) {
  const json tree = json::parse(R"({
    "definitions": {"node": {"type": "object", "properties": {
        "name": {"type": "string"},
        "children": {"type": "array", "items": {"$ref": "#/definitions/node"}}}}},
    "$ref": "#/definitions/node"
  })");
  EXPECT_EQ(walks(tree), 0u);
  EXPECT_EQ(diagnostics(tree,
                        "name: a\nchildren: [{name: 1}, {children: "
                        "[{name: [x]}]}]\n"),
            diagnostics(walked_by_valijson(tree),
                        "name: a\nchildren: [{name: 1}, {children: "
                        "[{name: [x]}]}]\n"));
}

TEST(SchemaWalkTest, KeywordsValijsonChecksKeepTheWalkToIt) {
  for (const char* keyword :
       {R"("allOf": [{"type": "string"}])", R"("not": {"type": "integer"})",
        R"("if": {"type": "string"}, "then": {"minLength": 2})",
        R"("dependencies": {"a": {"required": ["b"]}})",
        R"("contains": {"const": 1})", R"("items": [{"type": "string"}])"}) {
    const json schema =
        json::parse(std::string(R"({"properties": {"p": {)") + keyword + "}}}");
    EXPECT_EQ(walks(schema), 0u) << keyword;
  }
}

// Every schema and datum of JSON-Schema-Test-Suite's draft-07 tests (the
// conformance test's), validated both ways.
TEST(SchemaWalkTest, SuiteDiagnosticsAreValijsonsOnes) {
  const fs::path folder =
      fs::path(FMKIT_JSON_SCHEMA_TEST_SUITE) / "tests/draft7";
  ASSERT_TRUE(fs::is_directory(folder)) << folder;
  size_t walked = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() != ".json") continue;
    const json groups = json::parse(schema_testing::read_text(entry.path()));
    for (const json& group : groups) {
      std::shared_ptr<const CompiledSchema> schema, by_valijson;
      try {
        schema = compile_text(group["schema"].dump());
        by_valijson = compile_text(walked_by_valijson(group["schema"]).dump());
      } catch (const std::runtime_error&) {
        continue;  // refused (remote refs): the conformance test says so
      }
      walked += walks(group["schema"]);
      for (const json& test : group["tests"]) {
        std::vector<Diagnostic> ours, theirs;
        Validator(schema).validate(test["data"], ours);
        Validator(by_valijson).validate(test["data"], theirs);
        EXPECT_EQ(show_all(ours), show_all(theirs))
            << entry.path().filename() << ": " << group["description"] << ": "
            << test["description"];
      }
    }
  }
  // Not vacuous: release 2.0.0's schemas hold 30 subschemas fmkit walks.
  EXPECT_EQ(walked, 30u);
}

}  // namespace
}  // namespace fmkit
