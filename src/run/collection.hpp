// SPDX-License-Identifier: MIT
//
// Collection: a collection of fmkit.yaml (or the single schema of
// `validate --schema`) loaded for checking. It is the one type `validate`
// and `migrate` share: how to read its documents, the schema of its initial
// version and, when it has `migrations:`, the migration chain and the
// schema of every version (the schema of version N is that of the last
// migration up to N that names one; `schema:` before that). Loading reads
// and compiles every schema and migration file once, so a broken one stops
// the run before any document is read, reported at its place in its file.
// Immutable once loaded; thread-safe.
#pragma once

#include "base/expected.hpp"
#include "base/source_span.hpp"
#include "diag/diagnostic.hpp"
#include "document/document.hpp"
#include "migrate/field_path.hpp"
#include "migrate/migration.hpp"
#include "run/config.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

class CompiledSchema;
class SchemaRegistry;

// Where a collection's migrations are and how documents carry a version.
struct MigrationSettings {
  // The migrations folder, absolute (fmkit.yaml's `migrations:`).
  std::filesystem::path folder;
  // The front-matter key of a document's version. Default: schema_version.
  std::string version_key = "schema_version";
  // The version of a document without the key. Default: 1.
  int initial_version = 1;
  // How the folder is named in messages ("migrations"); `folder` if empty.
  std::string display;
  // The folder a migration's `schema:` must stay in (absolute; see
  // load_collection()); none: any.
  std::optional<std::filesystem::path> root;
};

// A collection's migrations and the schema of each of its versions.
struct Migrations {
  MigrationSettings settings;
  MigrationChain chain;
  FieldPath key;  // settings.version_key
  // The schema of version v is schemas[v - chain.initial_version], for v
  // from the initial to the latest version.
  std::vector<std::shared_ptr<const CompiledSchema>> schemas;

  // Returns the schema documents must satisfy at `version` (between the
  // chain's initial and latest versions).
  const std::shared_ptr<const CompiledSchema>& schema_of(int version) const {
    return schemas[static_cast<size_t>(version - chain.initial_version)];
  }
};

struct Collection {
  std::string name;  // the collection's name, or the schema path as shown
  DocumentOptions document;
  // The schema of documents at the initial version (of every document when
  // there are no migrations).
  std::shared_ptr<const CompiledSchema> schema;
  // Set when the collection has `migrations:`; nullptr otherwise.
  std::shared_ptr<const Migrations> migrations;

  // Returns the schema the document `read` (usable) must satisfy: that of
  // the version it declares. Returns nullptr after adding a migrate.version
  // error at the version's value when the version is not one of the chain's.
  const std::shared_ptr<const CompiledSchema>* schema_for(
      const Document& read, const LineIndex& lines,
      std::vector<Diagnostic>& diagnostics) const;
};

// Whether `path` lies inside `root` (both absolute and normalized), as
// written and with their symlinks resolved.
bool path_inside(const std::filesystem::path& root,
                 const std::filesystem::path& path);

// The message of a config.outside error: the `what` ("schema", "data
// file") written as `written` lies outside `root`.
std::string outside_message(std::string_view written, std::string_view what,
                            const std::filesystem::path& root);

// Returns the migration settings of `collection` (which has `migrations:`)
// of `config`, whose folder is `folder` (absolute).
MigrationSettings migration_settings(const CollectionConfig& collection,
                                     const Config& config,
                                     const std::filesystem::path& folder);

// Reads every NNNN-*.yaml / .yml file of the settings' folder (other files
// are ignored) into a chain. A missing folder is an empty chain. Errors: an
// unreadable folder or file, or every problem of the chain.
Expected<MigrationChain, Problems> load_migrations(
    const MigrationSettings& settings);

// Loads the collection `collection` of `config` (whose folder is the
// absolute `folder`): its schemas through `registry` and its migrations.
// With a `root`, a schema or migrations folder (of fmkit.yaml or of a
// migration file) outside it, by `..`, an absolute path or a symlink, is a
// config.outside error at its place, and is not read: CI runs
// fmkit on pull requests whose fmkit.yaml anyone can edit, and a message
// must never quote a file from outside the repository.
Expected<Collection, Problems> load_collection(
    const CollectionConfig& collection, const Config& config,
    const std::filesystem::path& folder, SchemaRegistry& registry,
    const YamlOptions& yaml,
    const std::optional<std::filesystem::path>& root = std::nullopt);

// Loads the one schema `schema` (absolute) of `validate --schema`, shown as
// `name`.
Expected<Collection, Problems> load_schema_collection(
    const std::filesystem::path& schema, std::string name,
    RequireFrontMatter require, SchemaRegistry& registry,
    const YamlOptions& yaml);

}  // namespace fmkit
