// SPDX-License-Identifier: MIT
#include "schema/schema_registry.hpp"

#include "schema/compiled_schema.hpp"
#include "schema/schema_bundle.hpp"
#include "schema/schema_problem.hpp"
#include "schema/schema_uri.hpp"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <utility>

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

// valijson names places by bundle pointer ("/$fmkit/1/properties/x"):
// turns the first such pointer in `what` into a problem at that place of
// that file, worded with the place named by file ("defs.json#/properties/x").
SchemaProblem valijson_problem(std::string what, const SchemaBundle& bundle) {
  constexpr std::string_view k_files = "/$fmkit/";
  SchemaProblem problem;
  problem.rule = "schema-file.invalid";
  problem.shown = bundle.shown[0];
  problem.text = bundle.texts[0];
  bool placed = false;
  for (size_t at = what.find(k_files); at != std::string::npos;
       at = what.find(k_files, at)) {
    size_t digits = at + k_files.size();
    size_t end = digits;
    while (end < what.size() && what[end] >= '0' && what[end] <= '9') ++end;
    size_t index = std::stoul("0" + what.substr(digits, end - digits));
    if (index >= bundle.files.size()) break;
    size_t stop = std::min(what.find(' ', end), what.size());
    std::string pointer = what.substr(end, stop - end);
    for (size_t renamed = pointer.find("$fmkit:"); renamed != std::string::npos;
         renamed = pointer.find("$fmkit:", renamed)) {
      pointer.erase(renamed, 7);
    }
    if (!placed) {
      // Tokens are escaped for valijson (schema_uri.hpp): undo "%25".
      std::string decoded = percent_decode(pointer).value_or(pointer);
      problem.shown = bundle.shown[index];
      problem.text = bundle.texts[index];
      problem.pointer = decoded;
      placed = true;
    }
    std::string file =
        fs::path(bundle.shown[index]).filename().generic_string() + "#";
    what.replace(at, stop - at, file + pointer);
    at += file.size() + pointer.size();
  }
  if (!what.empty() && what.back() == '.') what.pop_back();
  if (!what.empty() && what[0] >= 'A' && what[0] <= 'Z') what[0] += 'a' - 'A';
  problem.message = "invalid schema: " + what;
  return problem;
}

}  // namespace

SchemaRegistry::SchemaRegistry(ReadFile read_file)
    : m_read_file(std::move(read_file)) {}
SchemaRegistry::~SchemaRegistry() = default;

Expected<std::shared_ptr<const CompiledSchema>, Problems> SchemaRegistry::load(
    const fs::path& path, const std::string& shown) {
  fs::path key = cache_key(path);
  if (auto it = m_cache.find(key); it != m_cache.end()) return it->second;

  std::vector<SchemaProblem> warnings;
  auto bundle =
      bundle_schema(key, shown.empty() ? path.generic_string() : shown,
                    m_read_file, warnings);
  if (!bundle) {
    warnings = new_warnings(std::move(warnings));
    warnings.insert(warnings.begin(), bundle.error());
    return unexpected(to_problems(warnings));
  }

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
    warnings = new_warnings(std::move(warnings));
    warnings.insert(warnings.begin(), valijson_problem(error.what(), *bundle));
    return unexpected(to_problems(warnings));
  }
  for (SchemaProblem& warning : new_warnings(std::move(warnings))) {
    m_pending.push_back(std::move(warning));
  }
  m_cache.emplace(key, schema);
  return std::shared_ptr<const CompiledSchema>(std::move(schema));
}

Problems SchemaRegistry::take_warnings() {
  Problems problems = to_problems(m_pending);
  m_pending.clear();
  return problems;
}

std::vector<SchemaProblem> SchemaRegistry::new_warnings(
    std::vector<SchemaProblem> found) {
  std::set<std::string> files;
  std::erase_if(found, [&](const SchemaProblem& warning) {
    if (m_warned.count(warning.shown) != 0) return true;
    files.insert(warning.shown);
    return false;
  });
  m_warned.insert(files.begin(), files.end());
  return found;
}

}  // namespace fmkit
