// SPDX-License-Identifier: MIT
//
// Migration ops on JSON front matter (migrate/json_editor.hpp), through
// apply_ops(), so the planner's re-read check runs on every edit: whole
// texts before and after, in the file's own style.
#include "migrate/json_editor.hpp"

#include "document/document.hpp"
#include "migrate/migrate_test_util.hpp"

#include <gtest/gtest.h>

namespace fmkit {
namespace {

using testing::OpsCase;
using testing::run_cases;

// Hugo's pretty-printed JSON front matter.
constexpr const char* k_hugo =
    "{\n"
    "  \"title\": \"Hello\",\n"
    "  \"version\": 1.10,\n"
    "  \"tags\": [\"a\", \"b\"],\n"
    "  \"params\": {\n"
    "    \"author\": \"Ann\"\n"
    "  }\n"
    "}\n"
    "body {not json}\n";

TEST(JsonEditorTest, RenameDeleteAndSet) {
  run_cases({
      {"rename keeps the value's text", k_hugo,
       "  - rename: {from: version, to: release}\n",
       "{\n  \"title\": \"Hello\",\n  \"release\": 1.10,\n"
       "  \"tags\": [\"a\", \"b\"],\n  \"params\": {\n    \"author\": "
       "\"Ann\"\n  }\n}\nbody {not json}\n"},
      {"delete a middle member takes its line", k_hugo,
       "  - delete: {field: version}\n",
       "{\n  \"title\": \"Hello\",\n  \"tags\": [\"a\", \"b\"],\n"
       "  \"params\": {\n    \"author\": \"Ann\"\n  }\n}\nbody {not json}\n"},
      {"delete the last member takes the comma before it", k_hugo,
       "  - delete: {field: params}\n",
       "{\n  \"title\": \"Hello\",\n  \"version\": 1.10,\n"
       "  \"tags\": [\"a\", \"b\"]\n}\nbody {not json}\n"},
      {"delete the only member leaves {}", k_hugo,
       "  - delete: {field: /params/author}\n",
       "{\n  \"title\": \"Hello\",\n  \"version\": 1.10,\n"
       "  \"tags\": [\"a\", \"b\"],\n  \"params\": {}\n}\nbody {not json}\n"},
      {"set replaces a value in place", k_hugo,
       "  - set: {field: title, value: \"Say \\\"hi\\\"\\n\", overwrite: "
       "true}\n",
       "{\n  \"title\": \"Say \\\"hi\\\"\\n\",\n  \"version\": 1.10,\n"
       "  \"tags\": [\"a\", \"b\"],\n  \"params\": {\n    \"author\": "
       "\"Ann\"\n  }\n}\nbody {not json}\n"},
      {"set a new nested key creates its object at the file's indent", k_hugo,
       "  - set: {field: /seo/image/alt, value: Ä}\n",
       "{\n  \"title\": \"Hello\",\n  \"version\": 1.10,\n"
       "  \"tags\": [\"a\", \"b\"],\n  \"params\": {\n    \"author\": "
       "\"Ann\"\n  },\n  \"seo\": {\n    \"image\": {\n      \"alt\": "
       "\"Ä\"\n    }\n  }\n}\nbody {not json}\n"},
      {"set into an existing nested object", k_hugo,
       "  - set: {field: /params/lang, value: en}\n",
       "{\n  \"title\": \"Hello\",\n  \"version\": 1.10,\n"
       "  \"tags\": [\"a\", \"b\"],\n  \"params\": {\n    \"author\": "
       "\"Ann\",\n    \"lang\": \"en\"\n  }\n}\nbody {not json}\n"},
  });
}

TEST(JsonEditorTest, OneLineObjectsStayOnOneLine) {
  run_cases({
      {"set", "---json\n{\"a\": 1,\"b\": [1,2]}\n---\nx\n",
       "  - set: {field: c, value: {d: [true, null]}}\n",
       "---json\n{\"a\": 1,\"b\": [1,2],\"c\": {\"d\": "
       "[true,null]}}\n---\nx\n"},
      {"into {}", "{}\nbody\n", "  - set: {field: a, value: 1}\n",
       "{\n  \"a\": 1\n}\nbody\n"},
      {"empty ---json block", "---json\n---\nbody\n",
       "  - set: {field: a, value: x}\n",
       "---json\n{\n  \"a\": \"x\"\n}\n---\nbody\n"},
      {"CRLF", "{\r\n    \"a\": 1\r\n}\r\nbody\r\n",
       "  - set: {field: /b/c, value: 2}\n",
       "{\r\n    \"a\": 1,\r\n    \"b\": {\r\n        \"c\": 2\r\n    }\r\n}"
       "\r\nbody\r\n"},
  });
}

TEST(JsonEditorTest, MoveCopyAndLists) {
  run_cases({
      {"move into an object carries the text", k_hugo,
       "  - move: {from: version, to: /params/version}\n",
       "{\n  \"title\": \"Hello\",\n  \"tags\": [\"a\", \"b\"],\n"
       "  \"params\": {\n    \"author\": \"Ann\",\n    \"version\": 1.10\n"
       "  }\n}\nbody {not json}\n"},
      {"move out re-indents an object", k_hugo,
       "  - move: {from: params, to: /meta/params}\n",
       "{\n  \"title\": \"Hello\",\n  \"version\": 1.10,\n"
       "  \"tags\": [\"a\", \"b\"],\n  \"meta\": {\n    \"params\": {\n"
       "      \"author\": \"Ann\"\n    }\n  }\n}\nbody {not json}\n"},
      {"move under a new object in place", "{\"a\": 1.10, \"b\": 2}\n",
       "  - move: {from: a, to: /n/a}\n", "{\"n\": {\"a\": 1.10}, \"b\": 2}\n"},
      {"copy", "{\"a\": 1e3}\n", "  - copy: {from: a, to: b}\n",
       "{\"a\": 1e3, \"b\": 1e3}\n"},
      {"convert to a list and back", k_hugo,
       "  - convert: {field: version, to: list}\n",
       "{\n  \"title\": \"Hello\",\n  \"version\": [1.10],\n"
       "  \"tags\": [\"a\", \"b\"],\n  \"params\": {\n    \"author\": "
       "\"Ann\"\n  }\n}\nbody {not json}\n"},
      {"unwrap", "{\"v\": [ 0.50 ]}\n", "  - convert: {field: v, to: scalar}\n",
       "{\"v\": 0.50}\n"},
      {"append and sort keep the list's separator", k_hugo,
       "  - append: {field: tags, value: c}\n"
       "  - sort: {field: tags, order: desc}\n",
       "{\n  \"title\": \"Hello\",\n  \"version\": 1.10,\n"
       "  \"tags\": [\"c\", \"b\", \"a\"],\n  \"params\": {\n    \"author\": "
       "\"Ann\"\n  }\n}\nbody {not json}\n"},
      {"a list of one item per line stays so",
       "{\n  \"t\": [\n    \"b\",\n    \"a\"\n  ]\n}\n",
       "  - sort: {field: t}\n  - append: {field: t, value: c}\n",
       "{\n  \"t\": [\n    \"a\",\n    \"b\",\n    \"c\"\n  ]\n}\n"},
      {"remove the last item", "{\"t\": [\"a\", \"b\"]}\n",
       "  - remove: {field: t, value: b}\n", "{\"t\": [\"a\"]}\n"},
      {"convert to string keeps the digits", "{\"v\": 1.10}\n",
       "  - convert: {field: v, to: string}\n", "{\"v\": \"1.10\"}\n"},
  });
}

TEST(JsonEditorTest, DetectsTheFileStyle) {
  std::string text = "{\r\n\t\"a\":[1,2],\r\n\t\"b\":{\"c\": 1}\r\n}\r\n";
  LineIndex lines(text);
  std::vector<Diagnostic> diagnostics;
  Document document = read_document(text, lines, {}, diagnostics);
  ASSERT_TRUE(document.usable);
  JsonStyle style = detect_json_style(text, document);
  EXPECT_EQ(style.eol, "\r\n");
  EXPECT_EQ(style.indent, "\t");
  EXPECT_EQ(style.colon, ":");
  EXPECT_TRUE(style.multiline_objects);
  EXPECT_FALSE(style.multiline_lists);
  EXPECT_EQ(style.list_separator, ",");
}

}  // namespace
}  // namespace fmkit
