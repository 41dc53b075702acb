// SPDX-License-Identifier: MIT
//
// SchemaRegistry: loads JSON Schemas (draft-07) and compiles each once.
// A `$ref` to another file is resolved relative to the referring schema and
// must stay under the root schema's folder; any remote `$ref` (http:, https:,
// or any other scheme) is refused — fmkit never touches the network. Files
// are read through the ReadFile callback, so this module never touches the
// disk itself. load() is not thread-safe; a CompiledSchema is immutable and
// may be shared by threads (each thread uses its own Validator).
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "base/expected.hpp"

namespace fmkit {

class CompiledSchema;

// Reads a whole file; the error says why it could not be read.
using ReadFile = std::function<Expected<std::string>(const std::filesystem::path&)>;

class SchemaRegistry {
 public:
  explicit SchemaRegistry(ReadFile read_file);
  ~SchemaRegistry();

  // Returns the compiled schema at `path`, loading it on first use. Errors
  // (unreadable, invalid JSON with line:column, invalid schema, remote or
  // escaping $ref) name the schema file.
  Expected<std::shared_ptr<const CompiledSchema>> load(
      const std::filesystem::path& path);

 private:
  ReadFile m_read_file;
  std::map<std::filesystem::path, std::shared_ptr<const CompiledSchema>> m_cache;
};

}  // namespace fmkit
