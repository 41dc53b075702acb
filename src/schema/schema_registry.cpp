// SPDX-License-Identifier: MIT
// GCC 12 with -fsanitize reports -Wmaybe-uninitialized false positives
// inside libstdc++'s <regex> and <functional>, which valijson's headers
// instantiate; CI builds with sanitizers and -Werror. The pragma has to
// be in force where those headers are first read, so it comes first.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include "schema/schema_registry.hpp"

#include <stdexcept>
#include <string_view>
#include <system_error>
#include <utility>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>

#include "schema/compiled_schema.hpp"
#include "schema/schema_bundle.hpp"
#pragma GCC diagnostic pop

namespace fmkit {

namespace {

namespace fs = std::filesystem;

fs::path cache_key(const fs::path& path) {
  // Lexical only: this module does not touch the disk (no canonical()).
  std::error_code error;
  fs::path absolute = path.is_absolute() ? path : fs::absolute(path, error);
  if (error) absolute = path;
  return absolute.lexically_normal();
}

// valijson names places by bundle pointer ("/$fmkit/1/properties/x");
// name them by file instead ("defs.json#/properties/x").
std::string describe_valijson_error(std::string what, const SchemaBundle& bundle) {
  constexpr std::string_view k_files = "/$fmkit/";
  for (size_t at = what.find(k_files); at != std::string::npos;
       at = what.find(k_files, at)) {
    size_t end = at + k_files.size();
    while (end < what.size() && what[end] >= '0' && what[end] <= '9') ++end;
    size_t index = std::stoul("0" + what.substr(at + k_files.size(), end - at - k_files.size()));
    std::string file = index < bundle.files.size()
                           ? bundle.files[index].filename().string() + "#"
                           : std::string();
    what.replace(at, end - at, file);
    at += file.size();
  }
  for (size_t at = what.find("$fmkit:"); at != std::string::npos;
       at = what.find("$fmkit:", at)) {
    what.erase(at, 7);
  }
  return what;
}

}  // namespace

SchemaRegistry::SchemaRegistry(ReadFile read_file)
    : m_read_file(std::move(read_file)) {}
SchemaRegistry::~SchemaRegistry() = default;

Expected<std::shared_ptr<const CompiledSchema>> SchemaRegistry::load(
    const fs::path& path) {
  fs::path key = cache_key(path);
  if (auto it = m_cache.find(key); it != m_cache.end()) return it->second;

  Expected<SchemaBundle> bundle = bundle_schema(key, m_read_file);
  if (!bundle) return unexpected(bundle.error());

  auto schema = std::make_shared<CompiledSchema>();
  schema->path = key.generic_string();
  schema->checks = std::move(bundle->checks);
  nlohmann::json& document = bundle->document;
  // Each compiled schema (the root and every subschema fmkit runs itself)
  // is the same bundle entered through a different root "$ref".
  auto compile = [&](const std::string& entry) {
    document["$ref"] = entry;
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    parser.addConstraintBuilder("$fmkit", make_check_builder(*schema));
    auto compiled = std::make_unique<valijson::Schema>();
    // The bundle holds every file its refs reach and all its refs are
    // local, so valijson has nothing to fetch. Should it ask anyway, the
    // answer is no (valijson then throws): never the network or the disk.
    parser.populateSchema<valijson::adapters::NlohmannJsonAdapter>(
        valijson::adapters::NlohmannJsonAdapter(document), *compiled,
        [](const std::string&) -> const nlohmann::json* { return nullptr; },
        [](const nlohmann::json* fetched) { delete fetched; });
    return compiled;
  };
  // valijson reports a bad schema by throwing; this is the one place that
  // calls its parser, so the only place that catches.
  try {
    schema->root = compile("#/$fmkit/0");
    for (const std::string& entry : bundle->subschemas) {
      schema->subschemas.push_back(compile(entry));
    }
  } catch (const std::exception& error) {
    return unexpected(schema->path + ": invalid schema: " +
                      describe_valijson_error(error.what(), *bundle));
  }
  m_cache.emplace(key, schema);
  return std::shared_ptr<const CompiledSchema>(std::move(schema));
}

}  // namespace fmkit
