// SPDX-License-Identifier: MIT
#include "schema/schema_registry.hpp"

#include "schema/schema_test_support.hpp"
#include "schema/validator.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using schema_testing::check_json;
using schema_testing::disk_files;
using schema_testing::memory_files;
using schema_testing::show_problems;

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
  ASSERT_TRUE(schema) << show_problems(schema.error());
  EXPECT_TRUE(
      check_json(*schema,
                 {{"status", "done"}, {"tags", {"a", "b"}}, {"note", "ok"}})
          .empty());
  EXPECT_EQ(
      check_json(*schema,
                 {{"status", "dnoe"}, {"tags", {"a", "B"}}, {"note", "long"}}),
      (std::vector<std::string>{
          "'dnoe' is not an allowed value for 'status'; expected one of: "
          "draft, done "
          "(did you mean 'done'?) [schema.enum] @/status",
          "'note' must be at most 3 characters long, got 4 [schema.max-length] "
          "@/note",
          "'tags[1]' does not match pattern '^[a-z]+$': \"B\" [schema.pattern] "
          "@/tags/1",
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
  for (std::string ref :
       {"https://example.com/defs.json#/definitions/x",
        "http://localhost:1234/integer.json", "file:///etc/passwd",
        "urn:example:defs", "//example.com/defs.json"}) {
    fs::path file = dir.write(
        "remote.json", R"({"properties": {"x": {"$ref": ")" + ref + R"("}}})");
    SchemaRegistry registry(disk_files());
    auto schema = registry.load(file, "schemas/remote.json");
    ASSERT_FALSE(schema) << ref;
    // At the $ref's value: column 31 to its closing quote.
    EXPECT_EQ(
        show_problems(schema.error()),
        "schemas/remote.json:1:31-1:" + std::to_string(31 + ref.size() + 2) +
            ": remote $ref '" + ref +
            "' refused: fmkit never fetches schemas; refer to a local file by "
            "a "
            "relative path [schema-file.ref]");
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
  ASSERT_TRUE(schema) << show_problems(schema.error());
  EXPECT_EQ(check_json(*schema, {{"x", "1"}}),
            std::vector<std::string>{
                "'x' must be an integer, got string \"1\" [schema.type] @/x"});
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
  ASSERT_TRUE(schema) << show_problems(schema.error());
  EXPECT_EQ(check_json(*schema, {{"n", "1"}, {"m", 2}}),
            std::vector<std::string>{
                "'n' must be an integer, got string \"1\" [schema.type] @/n"});

  // Other URLs, and URLs that climb out of the folder, stay refused.
  fs::path other = dir.write("schemas/other.json", R"({
    "$id": "https://example.invalid/schemas/other.json",
    "items": {"$ref": "https://example.invalid/elsewhere/defs.json"}
  })");
  auto refused = registry.load(other, "schemas/other.json");
  ASSERT_FALSE(refused);
  EXPECT_EQ(
      show_problems(refused.error()),
      "schemas/other.json:3:23-3:68: remote $ref "
      "'https://example.invalid/elsewhere/defs.json' refused: fmkit never "
      "fetches "
      "schemas; refer to a local file by a relative path [schema-file.ref]");
  fs::path climbing = dir.write("schemas/climb.json", R"({
    "$id": "https://example.invalid/schemas/climb.json",
    "items": {"$ref": "https://example.invalid/schemas/../secret.json"}
  })");
  auto climbed = registry.load(climbing, "schemas/climb.json");
  ASSERT_FALSE(climbed);
  EXPECT_EQ(show_problems(climbed.error()),
            "schemas/climb.json:3:23-3:71: $ref "
            "'https://example.invalid/schemas/../secret.json' points outside "
            "the schema "
            "folder 'schemas' [schema-file.ref]");
}

TEST_F(SchemaRegistryTest, RefsMayNotLeaveTheSchemaFolder) {
  dir.write("secret.json", R"({"type": "string"})");
  fs::path file =
      dir.write("schemas/post.json",
                R"({"properties": {"x": {"$ref": "../secret.json"}}})");
  SchemaRegistry registry(disk_files());
  auto schema = registry.load(file);
  ASSERT_FALSE(schema);
  // Without a shown name, the path as given; the folder likewise.
  EXPECT_EQ(
      show_problems(schema.error()),
      root() +
          "/schemas/post.json:1:31-1:47: $ref '../secret.json' points outside "
          "the schema folder '" +
          root() + "/schemas' [schema-file.ref]");

  fs::path absolute = dir.write("schemas/abs.json",
                                R"({"items": {"$ref": "/etc/schema.json"}})");
  auto refused = registry.load(absolute, "schemas/abs.json");
  ASSERT_FALSE(refused);
  EXPECT_EQ(show_problems(refused.error()),
            "schemas/abs.json:1:20-1:38: $ref '/etc/schema.json' points "
            "outside the schema "
            "folder 'schemas' [schema-file.ref]");
}

TEST_F(SchemaRegistryTest, BadJsonPointsAtTheByte) {
  fs::path file = dir.write(
      "bad.json", "{\n  \"type\": \"object\",\n  \"required\": [\"a\",]\n}\n");
  SchemaRegistry registry(disk_files());
  auto schema = registry.load(file, "schemas/bad.json");
  ASSERT_FALSE(schema);
  const FileReport& report = schema.error().at(0);
  EXPECT_EQ(report.text, schema_testing::read_text(file));  // to quote the line
  EXPECT_EQ(show_problems(schema.error()),
            "schemas/bad.json:3:19-3:20: invalid JSON: trailing comma before "
            "']' (JSON "
            "allows none) [schema-file.json]");

  const std::pair<std::string, std::string> cases[] = {
      {"{\"a\": tru}",
       "1:7-1:8: invalid JSON: 'tru' is not a JSON value (strings need double "
       "quotes; the "
       "literals are true, false and null)"},
      {"{\"a\": yes}",
       "1:7-1:8: invalid JSON: 'yes' is not a JSON value (strings need double "
       "quotes; the "
       "literals are true, false and null)"},
      {"{\n  // the title\n  \"type\": \"object\"\n}",
       "2:3-2:4: invalid JSON: comments are not allowed in JSON"},
      {"{'type': 'object'}",
       "1:2-1:3: invalid JSON: strings must be in double quotes"},
      {"{\"type\": \"object\"",
       "1:18-1:18: invalid JSON: the text ends early: expected ',' or "
       "'}'"},
  };
  for (const auto& [text, expected] : cases) {
    fs::path other = dir.write("other.json", text);
    auto refused = registry.load(other, "other.json");
    ASSERT_FALSE(refused) << text;
    EXPECT_EQ(show_problems(refused.error()),
              "other.json:" + expected + " [schema-file.json]");
  }

  // In a referenced file: that file, shown relative to the root schema.
  dir.write("common/defs.json", "{\"a\": tru}");
  fs::path post = dir.write("post.json", R"({"$ref": "common/defs.json#/a"})");
  auto referenced = registry.load(post, "site/post.json");
  ASSERT_FALSE(referenced);
  EXPECT_EQ(show_problems(referenced.error()),
            "site/common/defs.json:1:7-1:8: invalid JSON: 'tru' is not a JSON "
            "value (strings "
            "need double quotes; the literals are true, false and null) "
            "[schema-file.json]");
}

TEST_F(SchemaRegistryTest, UnreadableFiles) {
  SchemaRegistry registry(disk_files());
  auto missing = registry.load(dir.path() / "nope.json", "schemas/nope.json");
  ASSERT_FALSE(missing);
  EXPECT_EQ(show_problems(missing.error()),
            "schemas/nope.json: cannot read the schema: no such file or "
            "directory [io]");

  fs::path post =
      dir.write("post.json", R"({"properties": {"a": {"$ref": "gone.json"}}})");
  auto dangling = registry.load(post, "schemas/post.json");
  ASSERT_FALSE(dangling);
  EXPECT_EQ(show_problems(dangling.error()),
            "schemas/post.json:1:31-1:42: $ref 'gone.json': cannot read "
            "schemas/gone.json: no "
            "such file or directory [schema-file.ref]");
}

TEST_F(SchemaRegistryTest, InvalidSchemasPointAtTheValue) {
  struct Case {
    const char* schema;
    const char* error;  // after "s.json:"
  };
  const Case cases[] = {
      {R"({"properties": {"a": {"minLength": -1}}})",
       "1:36-1:38: 'minLength' must be a non-negative integer, got number -1 "
       "[schema-file.invalid]"},
      {R"({"type": "strin"})",
       "1:10-1:17: unknown type 'strin' in 'type' (did you mean 'string'?) "
       "[schema-file.invalid]"},
      {R"({"type": ["null", "bool"]})",
       "1:19-1:25: unknown type 'bool' in 'type' (did you mean 'boolean'?) "
       "[schema-file.invalid]"},
      {R"({"type": "int"})",
       "1:10-1:15: unknown type 'int' in 'type' (did you mean 'integer'?) "
       "[schema-file.invalid]"},
      {R"({"type": "text"})",
       "1:10-1:16: unknown type 'text' in 'type'; expected one of: array, "
       "boolean, integer, null, number, object, string "
       "[schema-file.invalid]"},
      {R"({"type": ["null", 1]})",
       "1:19-1:20: 'type' must list type names, got number 1 "
       "[schema-file.invalid]"},
      {R"({"required": "title"})",
       "1:14-1:21: 'required' must be an array of strings, got string "
       "\"title\" "
       "[schema-file.invalid]"},
      {R"({"required": ["a", 2]})",
       "1:20-1:21: 'required' must list strings, got number 2 "
       "[schema-file.invalid]"},
      {R"({"anyOf": []})",
       "1:11-1:13: 'anyOf' must be a non-empty array of schemas, got an array "
       "[schema-file.invalid]"},
      {R"({"oneOf": [{}, 3]})",
       "1:16-1:17: 'oneOf' must hold schemas (objects or booleans), got number "
       "3 "
       "[schema-file.invalid]"},
      {R"({"multipleOf": 0})",
       "1:16-1:17: 'multipleOf' must be a number greater than 0, got number 0 "
       "[schema-file.invalid]"},
      {R"({"pattern": "(a"})",
       "1:13-1:17: invalid pattern '(a': missing ): (a [schema-file.invalid]"},
      {R"({"patternProperties": {"x(": {}}})",
       "1:24-1:28: invalid pattern 'x(': missing ): x( [schema-file.invalid]"},
      {R"({"properties": {"a": 5}})",
       "1:22-1:23: 'a' in 'properties' must be a schema (an object or a "
       "boolean), got "
       "number 5 [schema-file.invalid]"},
      {R"({"not": "x"})",
       "1:9-1:12: 'not' must be a schema (an object or a boolean), got string "
       "\"x\" "
       "[schema-file.invalid]"},
      {R"({"dependencies": {"a": ["b", 1]}})",
       "1:30-1:31: 'dependencies' lists must hold strings, got number 1 "
       "[schema-file.invalid]"},
      {R"({"properties": {"a": {"$ref": 7}}})",
       "1:31-1:32: '$ref' must be a string, got number 7 [schema-file.ref]"},
      {R"({"properties": {"a": {"$ref": "#/definitions/nope"}}})",
       "1:31-1:51: $ref '#/definitions/nope' points to nothing in s.json "
       "[schema-file.ref]"},
      {R"({"required": ["a"], "properties": {"a": {"$ref": "#/required"}}})",
       "1:50-1:62: $ref '#/required' does not point to a schema, but to an "
       "array "
       "[schema-file.ref]"},
      {R"({"properties": {"a": {"$ref": "#foo"}}})",
       "1:31-1:37: $ref '#foo': only JSON Pointer fragments (\"#/...\") are "
       "supported "
       "[schema-file.ref]"},
      {R"({"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}},
          "properties": {"x": {"$ref": "#/definitions/a"}}})",
       "1:32-1:49: $ref loop: a chain of $ref never reaches a schema "
       "[schema-file.ref]"},
      {R"([1, 2])",
       "1:1-1:7: a schema must be an object or a boolean, got an array "
       "[schema-file.invalid]"},
      // Refused by valijson (it cannot follow empty pointer tokens), which
      // names no place: the whole root.
      {R"({"definitions": {"": {"definitions": {"": {"type": "number"}}}},
          "allOf": [{"$ref": "#/definitions//definitions/"}]})",
       "1:1-2:62: invalid schema: expected reference token to identify an "
       "element in the "
       "current object; actual token: definitions [schema-file.invalid]"},
  };
  for (const Case& c : cases) {
    fs::path file = dir.write("s.json", c.schema);
    SchemaRegistry registry(disk_files());
    auto schema = registry.load(file, "s.json");
    ASSERT_FALSE(schema) << c.schema;
    EXPECT_EQ(show_problems(schema.error()), std::string("s.json:") + c.error)
        << c.schema;
  }
}

TEST_F(SchemaRegistryTest, ProblemsInReferencedFilesNameThatFile) {
  std::string defs =
      "{\n  \"definitions\": {\n    \"n\": {\"type\": \"intger\"}\n  }\n}\n";
  dir.write("schemas/common/defs.json", defs);
  fs::path post = dir.write(
      "schemas/post.json",
      R"({"properties": {"n": {"$ref": "common/defs.json#/definitions/n"}}})");
  SchemaRegistry registry(disk_files());
  auto schema = registry.load(post, "schemas/post.json");
  ASSERT_FALSE(schema);
  ASSERT_EQ(schema.error().size(), 1u);
  EXPECT_EQ(schema.error()[0].path, "schemas/common/defs.json");
  EXPECT_EQ(schema.error()[0].text, defs);  // so renderers quote the line
  EXPECT_EQ(show_problems(schema.error()),
            "schemas/common/defs.json:3:19-3:27: unknown type 'intger' in "
            "'type' (did you mean "
            "'integer'?) [schema-file.invalid]");
  // A failed load is not cached: fixed, it loads.
  dir.write("schemas/common/defs.json",
            R"({"definitions": {"n": {"type": "integer"}}})");
  EXPECT_TRUE(registry.load(post, "schemas/post.json"));
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
  EXPECT_TRUE(
      check_json(schema, {{"format", {{"format", "date"}, {"$ref", "x"}}},
                          {"pattern", {{"type", "integer"}}},
                          {"$ref", "s"}})
          .empty());
  EXPECT_EQ(
      check_json(schema, {{"format", "date"}, {"pattern", 1}, {"$ref", 2}}),
      (std::vector<std::string>{
          "'$ref' must be a string, got number 2 [schema.type] @/$ref",
          "'date' is not an allowed value for 'format'; expected one of: "
          "{\"$ref\":\"x\",\"format\":\"date\"}, pattern [schema.enum] "
          "@/format",
          "'pattern' must be {\"type\":\"integer\"}, got number 1 "
          "[schema.const] @/pattern",
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
  EXPECT_TRUE(
      check_json(
          schema,
          {{"tree", {{"name", "a"}, {"children", {{{"name", nullptr}}}}}},
           {"label", "x"}})
          .empty());
  EXPECT_EQ(
      check_json(schema,
                 {{"tree", {{"children", {{{"nmae", "b"}}}}}}, {"label", ""}}),
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
    EXPECT_TRUE(schema) << show_problems(schema.error());
  }
  auto bench =
      registry.load(fs::path(FMKIT_SOURCE_DIR) / "bench/post.schema.json");
  EXPECT_TRUE(bench) << show_problems(bench.error());
}

}  // namespace
}  // namespace fmkit
