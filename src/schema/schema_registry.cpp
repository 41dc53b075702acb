// SPDX-License-Identifier: MIT
#include "schema/schema_registry.hpp"

namespace fmkit {

class CompiledSchema {};

SchemaRegistry::SchemaRegistry(ReadFile read_file)
    : m_read_file(std::move(read_file)) {}
SchemaRegistry::~SchemaRegistry() = default;

Expected<std::shared_ptr<const CompiledSchema>> SchemaRegistry::load(
    const std::filesystem::path& path) {
  return unexpected(path.string() + ": not implemented yet");
}

}  // namespace fmkit
