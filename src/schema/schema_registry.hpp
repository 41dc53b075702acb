// SPDX-License-Identifier: MIT
//
// SchemaRegistry: loads JSON Schemas (draft-07) and compiles each once.
// A `$ref` to another file is resolved relative to the referring schema and
// must stay under the root schema's folder; any remote `$ref` (http:, https:,
// or any other scheme) is refused — fmkit never touches the network. Files
// are read through the ReadFile callback, so this module never touches the
// disk itself. load() is not thread-safe; a CompiledSchema is immutable and
// may be shared by threads (each thread uses its own Validator).
//
// A schema that cannot be used is reported like any other problem in a
// file: Problems (diag/diagnostic.hpp) holding one Diagnostic in the schema
// file that has the problem, at the offending value, with the file's text
// so that renderers quote the line:
//   schemas/post.json:4:13: error: unknown type 'strin' in 'type'
//       (did you mean 'string'?) [schema-file.invalid]
// Rules:
//   io                   the root schema file cannot be read (no position)
//   schema-file.json     a file is not valid JSON (at the byte where it fails)
//   schema-file.invalid  a keyword has a value draft-07 does not allow (a
//                        bad type name, a pattern RE2 cannot run, a
//                        non-array `required`, a non-schema where a schema
//                        must be, nesting deeper than 200)
//   schema-file.ref      a `$ref` that is remote, leaves the root schema's
//                        folder, names an unreadable file or nothing, or
//                        loops without reaching a schema (at the `$ref`)
//
// A schema that loads may still check less than it seems to: draft-07
// ignores what it does not know. Such places are warnings, kept by the
// registry (once per schema file, whichever root reached it) until
// take_warnings(), and part of the Problems of a load that fails:
//   schema-file.unknown-keyword  a keyword draft-07 does not know
//                        ("requried", with "did you mean"; a keyword of a
//                        later draft or OpenAPI, saying so). Not: "$defs",
//                        "x-..." and editor annotations (schema/keywords.hpp),
//                        nor a key a `$ref` points into
//   schema-file.ref-sibling      a keyword that checks something next to a
//                        `$ref`, which draft-07 ignores
//   schema-file.unknown-format   a "format" draft-07 does not define
//   schema-file.enum-type        an "enum" value or a "const" that the
//                        object's own "type" excludes
#pragma once

#include "base/expected.hpp"
#include "diag/diagnostic.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace fmkit {

class CompiledSchema;
struct SchemaProblem;

// Reads a whole file; the error says why it could not be read.
using ReadFile =
    std::function<Expected<std::string>(const std::filesystem::path&)>;

class SchemaRegistry {
 public:
  explicit SchemaRegistry(ReadFile read_file);
  ~SchemaRegistry();

  // Returns the compiled schema at `path`, loading it on first use, or the
  // problem that stops it from loading (see above). `shown` is how messages
  // name the file (default: `path` as given); files it refers to are shown
  // relative to it. Failures are not cached.
  Expected<std::shared_ptr<const CompiledSchema>, Problems> load(
      const std::filesystem::path& path, const std::string& shown = "");

  // Returns the warnings about the schema files loaded since the last call
  // (see above), one FileReport per file, and forgets them. A file whose
  // warnings were returned (here or in a failed load's Problems) gets none
  // again; files are told apart by how they are shown.
  Problems take_warnings();

 private:
  // Returns the warnings about files not warned about yet, marking them.
  std::vector<SchemaProblem> new_warnings(std::vector<SchemaProblem> found);

  ReadFile m_read_file;
  std::map<std::filesystem::path, std::shared_ptr<const CompiledSchema>>
      m_cache;
  std::set<std::string> m_warned;        // files shown in warnings so far
  std::vector<SchemaProblem> m_pending;  // not yet taken
};

}  // namespace fmkit
