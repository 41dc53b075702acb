// SPDX-License-Identifier: MIT
#include "schema/schema_registry.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "schema/schema_test_support.hpp"
#include "schema/validator.hpp"

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using schema_testing::check_json;
using schema_testing::disk_files;
using schema_testing::memory_files;

// A fresh directory, removed with everything in it.
class ScopedTempDir {
 public:
  ScopedTempDir() {
    std::random_device random;
    m_path = fs::temp_directory_path() /
             ("fmkit-schema-test-" + std::to_string(random()) + "-" +
              std::to_string(random()));
    fs::create_directories(m_path);
  }
  ~ScopedTempDir() {
    std::error_code ignored;
    fs::remove_all(m_path, ignored);
  }
  const fs::path& path() const { return m_path; }

  fs::path write(const std::string& relative, const std::string& text) const {
    fs::path file = m_path / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  fs::path m_path;
};

class SchemaRegistryTest : public testing::Test {
 protected:
  ScopedTempDir dir;
  std::string root() const { return dir.path().generic_string(); }
};

TEST_F(SchemaRegistryTest, LocalRefsAcrossFiles) {
  dir.write("schemas/post.json", R"({
    "type": "object",
    "properties": {
      "status": {"$ref": "defs.json#/definitions/status"},
      "tags": {"$ref": "./common/tags.json"},
      "note": {"$ref": "#/definitions/status"}
    },
    "definitions": {"status": {"type": "string", "maxLength": 3}}
  })");
  // defs.json has its own "#/definitions/status": valijson keys its cache
  // by pointer alone, so the bundle must keep the two apart.
  dir.write("schemas/defs.json", R"({
    "definitions": {
      "status": {"enum": ["draft", "done"]},
      "slug": {"type": "string", "pattern": "^[a-z]+$"}
    }
  })");
  dir.write("schemas/common/tags.json", R"({
    "type": "array",
    "items": {"$ref": "../defs.json#/definitions/slug"}
  })");
  SchemaRegistry registry(disk_files());
  auto schema = registry.load(dir.path() / "schemas/post.json");
  ASSERT_TRUE(schema) << schema.error();
  EXPECT_TRUE(check_json(*schema, {{"status", "done"}, {"tags", {"a", "b"}}, {"note", "ok"}})
                  .empty());
  EXPECT_EQ(check_json(*schema, {{"status", "dnoe"}, {"tags", {"a", "B"}}, {"note", "long"}}),
            (std::vector<std::string>{
                "'dnoe' is not an allowed value for 'status'; expected one of: draft, done "
                "(did you mean 'done'?) [schema.enum] @/status",
                "'note' must be at most 3 characters long, got 4 [schema.max-length] @/note",
                "'tags[1]' does not match pattern '^[a-z]+$': \"B\" [schema.pattern] @/tags/1",
            }));
}

TEST_F(SchemaRegistryTest, CompilesOnceAndCachesByPath) {
  auto reads = std::make_shared<std::atomic<int>>(0);
  ReadFile counting = [reads](const fs::path& path) -> Expected<std::string> {
    ++*reads;
    return disk_files()(path);
  };
  fs::path file = dir.write("s.json", R"({"type": "object"})");
  SchemaRegistry registry(counting);
  auto first = registry.load(file);
  auto second = registry.load(dir.path() / "." / "s.json");
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->get(), second->get());
  EXPECT_EQ(*reads, 1);
}

TEST_F(SchemaRegistryTest, RemoteRefsAreRefused) {
  for (const char* ref : {"https://example.com/defs.json#/definitions/x",
                          "http://localhost:1234/integer.json",
                          "file:///etc/passwd", "urn:example:defs",
                          "//example.com/defs.json"}) {
    fs::path file = dir.write("remote.json", std::string(R"({"properties": {"x": {"$ref": ")") +
                                                 ref + R"("}}})");
    SchemaRegistry registry(disk_files());
    auto schema = registry.load(file);
    ASSERT_FALSE(schema) << ref;
    EXPECT_EQ(schema.error(), root() + "/remote.json#/properties/x: remote $ref '" + ref +
                                  "' refused: fmkit never fetches schemas; refer to a local "
                                  "file by a relative path");
  }
}

TEST_F(SchemaRegistryTest, RefToOwnIdIsLocal) {
  fs::path file = dir.write("post.json", R"({
    "$id": "https://example.invalid/post.json",
    "properties": {"x": {"$ref": "https://example.invalid/post.json#/definitions/n"}},
    "definitions": {"n": {"type": "integer"}}
  })");
  SchemaRegistry registry(disk_files());
  auto schema = registry.load(file);
  ASSERT_TRUE(schema) << schema.error();
  EXPECT_EQ(check_json(*schema, {{"x", "1"}}),
            std::vector<std::string>{"'x' must be an integer, got string \"1\" [schema.type] @/x"});
}

TEST_F(SchemaRegistryTest, UrlsUnderTheRootIdAreLocalFiles) {
  fs::path file = dir.write("schemas/post.json", R"({
    "$id": "https://example.invalid/schemas/post.json",
    "properties": {
      "n": {"$ref": "https://example.invalid/schemas/common/defs.json#/definitions/n"},
      "m": {"$ref": "common/defs.json#/definitions/n"}}
  })");
  dir.write("schemas/common/defs.json", R"({
    "$id": "https://example.invalid/schemas/common/defs.json",
    "definitions": {"n": {"type": "integer"}}
  })");
  SchemaRegistry registry(disk_files());
  auto schema = registry.load(file);
  ASSERT_TRUE(schema) << schema.error();
  EXPECT_EQ(check_json(*schema, {{"n", "1"}, {"m", 2}}),
            std::vector<std::string>{"'n' must be an integer, got string \"1\" [schema.type] @/n"});

  // Other URLs, and URLs that climb out of the folder, stay refused.
  fs::path other = dir.write("schemas/other.json", R"({
    "$id": "https://example.invalid/schemas/other.json",
    "items": {"$ref": "https://example.invalid/elsewhere/defs.json"}
  })");
  auto refused = registry.load(other);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error(), root() + "/schemas/other.json#/items: remote $ref "
                                      "'https://example.invalid/elsewhere/defs.json' refused: "
                                      "fmkit never fetches schemas; refer to a local file by a "
                                      "relative path");
  fs::path climbing = dir.write("schemas/climb.json", R"({
    "$id": "https://example.invalid/schemas/climb.json",
    "items": {"$ref": "https://example.invalid/schemas/../secret.json"}
  })");
  auto climbed = registry.load(climbing);
  ASSERT_FALSE(climbed);
  EXPECT_EQ(climbed.error(), root() + "/schemas/climb.json#/items: $ref "
                                      "'https://example.invalid/schemas/../secret.json' points "
                                      "outside the schema folder " + root() + "/schemas");
}

TEST_F(SchemaRegistryTest, RefsMayNotLeaveTheSchemaFolder) {
  dir.write("secret.json", R"({"type": "string"})");
  fs::path file = dir.write("schemas/post.json",
                            R"({"properties": {"x": {"$ref": "../secret.json"}}})");
  SchemaRegistry registry(disk_files());
  auto schema = registry.load(file);
  ASSERT_FALSE(schema);
  EXPECT_EQ(schema.error(), root() + "/schemas/post.json#/properties/x: $ref '../secret.json' "
                                     "points outside the schema folder " + root() + "/schemas");

  fs::path absolute = dir.write("schemas/abs.json",
                                R"({"items": {"$ref": "/etc/schema.json"}})");
  auto refused = registry.load(absolute);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error(), root() + "/schemas/abs.json#/items: $ref '/etc/schema.json' "
                                      "points outside the schema folder " + root() + "/schemas");
}

TEST_F(SchemaRegistryTest, BadJsonNamesFileLineAndColumn) {
  fs::path file = dir.write("bad.json", "{\n  \"type\": \"object\",\n  \"required\": [\"a\",]\n}\n");
  SchemaRegistry registry(disk_files());
  auto schema = registry.load(file);
  ASSERT_FALSE(schema);
  EXPECT_EQ(schema.error(),
            root() + "/bad.json:3:20: invalid JSON: syntax error while parsing value - "
                     "unexpected ']'; expected '[', '{', or a literal");

  // In a referenced file too.
  dir.write("defs.json", "{\"a\": tru}");
  fs::path post = dir.write("post.json", R"({"$ref": "defs.json#/a"})");
  auto referenced = registry.load(post);
  ASSERT_FALSE(referenced);
  EXPECT_EQ(referenced.error(), root() + "/defs.json:1:10: invalid JSON: syntax error while "
                                         "parsing value - invalid literal; last read: "
                                         "'\"a\": tru}'");
}

TEST_F(SchemaRegistryTest, UnreadableFiles) {
  SchemaRegistry registry(disk_files());
  auto missing = registry.load(dir.path() / "nope.json");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error(), root() + "/nope.json: no such file or directory");

  fs::path post = dir.write("post.json", R"({"properties": {"a": {"$ref": "gone.json"}}})");
  auto dangling = registry.load(post);
  ASSERT_FALSE(dangling);
  EXPECT_EQ(dangling.error(), root() + "/post.json#/properties/a: $ref 'gone.json': cannot read " +
                                  root() + "/gone.json: no such file or directory");
}

TEST_F(SchemaRegistryTest, InvalidSchemas) {
  struct Case {
    const char* schema;
    const char* error;  // after "<file>"
  };
  const Case cases[] = {
      {R"({"properties": {"a": {"minLength": -1}}})",
       "#/properties/a: invalid schema: 'minLength' must be a non-negative integer"},
      {R"({"type": "strin"})", ": invalid schema: 'type' names an unknown type \"strin\""},
      {R"({"required": "title"})", ": invalid schema: 'required' must be an array of strings"},
      {R"({"anyOf": []})", ": invalid schema: 'anyOf' must be a non-empty array"},
      {R"({"multipleOf": 0})", ": invalid schema: 'multipleOf' must be a number greater than 0"},
      {R"({"properties": {"a": {"$ref": "#/definitions/nope"}}})",
       "#/properties/a: $ref '#/definitions/nope' points to nothing in "},
      {R"({"properties": {"a": {"$ref": "#foo"}}})",
       "#/properties/a: $ref '#foo': only JSON Pointer fragments (\"#/...\") are supported"},
      {R"({"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}},
          "properties": {"x": {"$ref": "#/definitions/a"}}})",
       ": $ref loop: a chain of $ref never reaches a schema"},
      {R"([1, 2])", ": invalid schema: the root must be an object or a boolean"},
      // Thrown by valijson, with its place named by file.
      {R"({"properties": {"a": 5}})",
       ": invalid schema: Expected node at s.json#/properties/a to contain schema object or "
       "boolean value; actual node type is: integer"},
  };
  for (const Case& c : cases) {
    fs::path file = dir.write("s.json", c.schema);
    SchemaRegistry registry(disk_files());
    auto schema = registry.load(file);
    ASSERT_FALSE(schema) << c.schema;
    std::string expected = root() + "/s.json" + c.error;
    if (std::string(c.error).ends_with("points to nothing in ")) expected += root() + "/s.json";
    EXPECT_EQ(schema.error(), expected) << c.schema;
  }
}

TEST_F(SchemaRegistryTest, KeywordsInDataPositionsAreNotRewritten) {
  // "format", "pattern" and "$ref" as property names and inside enum/const
  // values are data, not keywords.
  auto schema = schema_testing::compile_text(R"({
    "properties": {
      "format": {"enum": [{"format": "date", "$ref": "x"}, "pattern"]},
      "pattern": {"const": {"type": "integer"}},
      "$ref": {"type": "string"}
    },
    "required": ["format"]
  })");
  EXPECT_TRUE(check_json(schema, {{"format", {{"format", "date"}, {"$ref", "x"}}},
                                  {"pattern", {{"type", "integer"}}},
                                  {"$ref", "s"}})
                  .empty());
  EXPECT_EQ(check_json(schema, {{"format", "date"}, {"pattern", 1}, {"$ref", 2}}),
            (std::vector<std::string>{
                "'$ref' must be a string, got number 2 [schema.type] @/$ref",
                "'date' is not an allowed value for 'format'; expected one of: "
                "{\"$ref\":\"x\",\"format\":\"date\"}, pattern [schema.enum] @/format",
                "'pattern' must be {\"type\":\"integer\"}, got number 1 [schema.const] @/pattern",
            }));
}

TEST_F(SchemaRegistryTest, RefsIntoRewrittenKeywordsAndRecursion) {
  // "anyOf" is renamed in the bundle; a ref through it must still land.
  auto schema = schema_testing::compile_text(R"({
    "definitions": {"node": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "children": {"type": "array", "items": {"$ref": "#/definitions/node"}},
        "name": {"anyOf": [{"type": "string", "minLength": 1}, {"type": "null"}]}}}},
    "properties": {
      "tree": {"$ref": "#/definitions/node"},
      "label": {"$ref": "#/definitions/node/properties/name/anyOf/0"}}
  })");
  EXPECT_TRUE(check_json(schema, {{"tree", {{"name", "a"}, {"children", {{{"name", nullptr}}}}}},
                                  {"label", "x"}})
                  .empty());
  EXPECT_EQ(check_json(schema, {{"tree", {{"children", {{{"nmae", "b"}}}}}}, {"label", ""}}),
            (std::vector<std::string>{
                "'label' must not be empty [schema.min-length] @/label",
                "unknown key 'nmae' in 'tree.children[0]' (did you mean 'name'?) "
                "[schema.additional-properties] @/tree/children/0/nmae",
            }));
}

TEST_F(SchemaRegistryTest, BundledPostSchemaLoads) {
  SchemaRegistry registry(disk_files());
  for (const char* name : {"post.schema.json", "note.schema.json"}) {
    auto schema = registry.load(fs::path(FMKIT_SOURCE_DIR) / "schemas" / name);
    EXPECT_TRUE(schema) << schema.error();
  }
  auto bench =
      registry.load(fs::path(FMKIT_SOURCE_DIR) / "bench/post.schema.json");
  EXPECT_TRUE(bench) << bench.error();
}

}  // namespace
}  // namespace fmkit
