// SPDX-License-Identifier: MIT
//
// SchemaBundle (internal to schema/): a root schema file and every file its
// `$ref`s reach, read through ReadFile and rewritten into one JSON document
// for valijson:
//
//   { "$fmkit": [ <root file>, <other files in load order> ] }
//
// Every `$ref` becomes a local pointer into that document
// ("defs.json#/definitions/x" -> "#/$fmkit/1/definitions/x"), so valijson
// never fetches anything and no two files' pointers collide in its schema
// cache (valijson keys it by pointer, ignoring the file). In each schema
// object the keywords fmkit checks itself are renamed (see
// compiled_schema.hpp, keyword_reader.hpp) and a CheckSpec is built for
// them. Only schema positions are rewritten: property names and enum/const
// values are data.
//
// Refs: relative file paths, resolved against the referring file and kept
// under the root schema's folder; JSON Pointer fragments; a URI equal to a
// loaded file's top-level `$id` means that file; a URI under the folder of
// the root schema's `$id` means the file at the same place under the root
// schema's folder. Any other URI with a scheme (http:, https:, file:,
// urn:, ...) or authority ("//host") is refused: fmkit never touches the
// network. Chains of `$ref` that loop without reaching a schema are refused
// too (valijson would recurse forever). Nested `$id`s do not change how
// refs resolve.
#pragma once

#include "base/expected.hpp"
#include "schema/compiled_schema.hpp"
#include "schema/schema_problem.hpp"
#include "schema/schema_registry.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace fmkit {

struct SchemaBundle {
  nlohmann::json document;                   // see above
  std::vector<std::filesystem::path> files;  // [0] is the root schema
  std::vector<std::string> shown;            // files as shown to the user
  std::vector<std::string> texts;            // their texts (for problems)
  std::vector<std::unique_ptr<CheckSpec>> checks;
  // Pointers ("#/$fmkit/0/...") of the subschemas CheckSpecs refer to by
  // index: anyOf/oneOf branches and their "if"s, patternProperties,
  // additionalProperties and propertyNames schemas.
  std::vector<std::string> subschemas;
};

// Reads the schema at `root` (absolute, lexically normal; shown to the
// user as `shown_root`) and the files it references. Referenced files are
// shown relative to it. The problem names the file and the place:
// unreadable, invalid JSON, invalid keyword values, patterns RE2 cannot
// compile, remote, escaping, dangling or looping refs (rules in
// schema_registry.hpp). Appends to `warnings` what loads but checks nothing
// (unknown keywords, ...; see schema_registry.hpp), also when a keyword
// value is then refused; not when a file or a `$ref` fails to load, as the
// walk that finds the schema objects stops there.
Expected<SchemaBundle, SchemaProblem> bundle_schema(
    const std::filesystem::path& root, const std::string& shown_root,
    const ReadFile& read_file, std::vector<SchemaProblem>& warnings);

}  // namespace fmkit
