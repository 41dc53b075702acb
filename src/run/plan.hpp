// SPDX-License-Identifier: MIT
//
// Plan: what a validate run will do, decided before any file is read: the
// schemas to validate against (loaded and compiled once) and the files,
// each with the schema it gets. Two ways to make one:
//
// - plan_with_schema(): every file found from the given paths against one
//   schema (`fmkit validate --schema s.json PATH...`);
// - plan_with_config(): the files of the config's collections (no paths),
//   or the files found from the given paths, each validated against the
//   first collection, in config order, whose globs contain it (paths
//   relative to the config file's folder). A walked file in no collection
//   is left out; a file named on the command line that is in no collection
//   gets a warning (rule config.no-collection) and is not validated, so a
//   pre-commit hook can pass every changed *.md file.
//
// A collection with `migrations:` gets its migration chain loaded, and a
// schema per version (see run/config.hpp): the runner validates each
// document against the schema of the version it declares.
//
// Jobs are sorted by shown path (see discover.hpp). Building a plan is not
// thread-safe (it loads schemas); a finished Plan is immutable.
#pragma once

#include "base/expected.hpp"
#include "diag/diagnostic.hpp"
#include "document/document.hpp"
#include "run/config.hpp"
#include "run/discover.hpp"
#include "run/migrate_runner.hpp"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace fmkit {

class CompiledSchema;
class SchemaRegistry;

// A collection's migrations and the schema of each of its versions.
struct VersionedSchemas {
  MigrationSettings settings;
  MigrationChain chain;
  FieldPath key;  // settings.version_key
  // The schema of version v is schemas[v - chain.initial_version], for v
  // from the initial to the latest version.
  std::vector<std::shared_ptr<const CompiledSchema>> schemas;
};

// A schema and how to read the documents validated against it.
struct ValidationTarget {
  std::string name;  // the collection's name, or the schema path as shown
  // The schema of every document, or, with `versions`, of documents at the
  // initial version.
  std::shared_ptr<const CompiledSchema> schema;
  DocumentOptions document;
  // Set for a collection with migrations; nullptr otherwise.
  std::shared_ptr<const VersionedSchemas> versions;
};

inline constexpr size_t k_no_target = static_cast<size_t>(-1);

struct FileJob {
  std::string path;     // absolute, for reading (see FoundFile::path)
  std::string display;  // as shown
  // Index into Plan::targets; k_no_target: not validated, only reported
  // with `diagnostics`.
  size_t target = k_no_target;
  // Found while planning (config.no-collection), reported with the file's.
  std::vector<Diagnostic> diagnostics;
};

struct Plan {
  // The config file's folder, absolute (plan_with_config() only).
  std::filesystem::path folder;
  std::vector<ValidationTarget> targets;
  std::vector<FileJob> jobs;
  // "path: reason" for each path that could not be found or walked.
  std::vector<std::string> errors;
};

struct PlanOptions {
  // How folders are walked. Default: DiscoverOptions{}.
  DiscoverOptions discover;
  // Limits for reading every document. Default: YamlOptions{}.
  YamlOptions yaml;
  // For plan_with_schema(): whether a file needs front matter. Default: yes.
  RequireFrontMatter require_front_matter = RequireFrontMatter::yes;
};

// Returns the absolute, normalized `path` relative to the folder `folder`
// (the same), '/'-separated, as config globs see it; "../x" when it lies
// outside.
std::string relative_path(const std::filesystem::path& folder,
                          const std::string& path);

// Returns the migration settings of `collection` (which has `migrations:`)
// of `config`, whose folder is `folder` (absolute).
MigrationSettings migration_settings(const CollectionConfig& collection,
                                     const Config& config,
                                     const std::filesystem::path& folder);

// Plans validating the files found from `paths` against the schema file
// `schema`. Relative paths are relative to the absolute folder `cwd`.
// Fails when the schema can't be loaded (the registry's message).
Expected<Plan> plan_with_schema(const std::filesystem::path& schema,
                                const std::vector<std::string>& paths,
                                const std::filesystem::path& cwd,
                                SchemaRegistry& registry,
                                const PlanOptions& options);

// Plans validating `paths`, or the collections of `config` when `paths` is
// empty, as described above. Loads every collection's schema, used or not,
// so a broken schema is reported early, and the migrations of collections
// that have some; fails when a schema or a migration can't be loaded.
Expected<Plan> plan_with_config(const Config& config,
                                const std::vector<std::string>& paths,
                                const std::filesystem::path& cwd,
                                SchemaRegistry& registry,
                                const PlanOptions& options);

}  // namespace fmkit
