// SPDX-License-Identifier: MIT
#include "run/plan.hpp"

#include "schema/schema_registry.hpp"

#include <algorithm>
#include <optional>
#include <system_error>
#include <utility>

namespace fmkit {

namespace fs = std::filesystem;

namespace {

// Returns `folder` (relative to `cwd` unless absolute) as an absolute,
// normalized path without a trailing separator.
fs::path absolute_folder(const fs::path& cwd, const fs::path& folder) {
  fs::path path = (cwd / folder).lexically_normal();
  if (!path.has_filename() && path.has_parent_path() &&
      path != path.root_path()) {
    path = path.parent_path();
  }
  return path;
}

// Whether `base` is `other` or inside it, comparing whole segments.
bool is_under(const std::string& base, const std::string& other) {
  return other.empty() || base == other ||
         (base.starts_with(other) && base[other.size()] == '/');
}

// Problems as "path:line:col: message [rule]" lines, until plans return
// Problems themselves.
std::string problems_text(const Problems& problems) {
  std::string out;
  for (const FileReport& report : problems) {
    for (const Diagnostic& d : report.diagnostics) {
      if (!out.empty()) out += '\n';
      out += report.path;
      if (d.span.valid()) {
        out += ":" + std::to_string(d.span.begin.line) + ":" +
               std::to_string(d.span.begin.column);
      }
      out += ": " + d.message + " [" + d.rule + "]";
    }
  }
  return out;
}

Expected<ValidationTarget> load_target(std::string name, const fs::path& schema,
                                       const std::string& shown,
                                       RequireFrontMatter require,
                                       SchemaRegistry& registry,
                                       const PlanOptions& options) {
  auto compiled = registry.load(schema, shown);
  if (!compiled) return unexpected(problems_text(compiled.error()));
  ValidationTarget target;
  target.name = std::move(name);
  target.schema = std::move(*compiled);
  target.document.require_front_matter = require;
  target.document.yaml = options.yaml;
  return target;
}

// Loads the migrations of `collection` and the schema of each version.
Expected<std::shared_ptr<const VersionedSchemas>> load_versions(
    const CollectionConfig& collection, const Config& config,
    const fs::path& folder, SchemaRegistry& registry) {
  auto versions = std::make_shared<VersionedSchemas>();
  versions->settings = migration_settings(collection, config, folder);
  const MigrationSettings& settings = versions->settings;
  auto chain = load_migrations(settings);
  if (!chain) return unexpected(chain.error());
  versions->chain = std::move(*chain);
  auto key = parse_field_path(settings.version_key);
  if (!key) return unexpected(key.error());
  versions->key = std::move(*key);
  fs::path initial = (folder / collection.schema).lexically_normal();
  for (int v = versions->chain.initial_version;
       v <= versions->chain.latest_version(); ++v) {
    fs::path path = target_schema_path(versions->chain, v, settings.folder)
                        .value_or(initial);
    auto compiled = registry.load(path);
    if (!compiled) return unexpected(problems_text(compiled.error()));
    versions->schemas.push_back(std::move(*compiled));
  }
  return std::shared_ptr<const VersionedSchemas>(std::move(versions));
}

Diagnostic no_collection_warning(const Config& config) {
  Diagnostic d;
  d.severity = Severity::warning;
  d.rule = "config.no-collection";
  d.message = "not validated: no collection in '" +
              config.path.generic_string() + "' includes this file";
  return d;
}

}  // namespace

MigrationSettings migration_settings(const CollectionConfig& collection,
                                     const Config& config,
                                     const fs::path& folder) {
  MigrationSettings settings;
  settings.folder = absolute_folder(folder, collection.migrations);
  settings.version_key = collection.version_key;
  settings.initial_version = collection.initial_version;
  settings.display = display_path(config.folder() / collection.migrations);
  while (settings.display.size() > 1 && settings.display.ends_with('/')) {
    settings.display.pop_back();
  }
  return settings;
}

std::string relative_path(const fs::path& folder, const std::string& path) {
  const std::string& prefix = folder.native();
  if (path.size() > prefix.size() && path.starts_with(prefix) &&
      (prefix.ends_with('/') || path[prefix.size()] == '/')) {
    return path.substr(prefix.size() + (prefix.ends_with('/') ? 0 : 1));
  }
  return fs::path(path).lexically_relative(folder).generic_string();
}

Expected<Plan> plan_with_schema(const fs::path& schema,
                                const std::vector<std::string>& paths,
                                const fs::path& cwd, SchemaRegistry& registry,
                                const PlanOptions& options) {
  Plan plan;
  auto target =
      load_target(display_path(schema), (cwd / schema).lexically_normal(),
                  display_path(schema), options.require_front_matter, registry,
                  options);
  if (!target) return unexpected(target.error());
  plan.targets.push_back(std::move(*target));

  Discovery discovery = discover_files(paths, cwd, options.discover);
  plan.errors = std::move(discovery.errors);
  plan.jobs.reserve(discovery.files.size());
  for (FoundFile& file : discovery.files) {
    plan.jobs.push_back(
        FileJob{std::move(file.path), std::move(file.display), 0, {}});
  }
  return plan;
}

Expected<Plan> plan_with_config(const Config& config,
                                const std::vector<std::string>& paths,
                                const fs::path& cwd, SchemaRegistry& registry,
                                const PlanOptions& options) {
  Plan plan;
  fs::path folder = absolute_folder(cwd, config.folder());
  plan.folder = folder;
  for (const CollectionConfig& collection : config.collections) {
    auto target = load_target(
        collection.name, (folder / collection.schema).lexically_normal(),
        display_path(config.folder() / collection.schema),
        collection.require_front_matter, registry, options);
    if (!target) return unexpected(target.error());
    if (!collection.migrations.empty()) {
      auto versions = load_versions(collection, config, folder, registry);
      if (!versions) return unexpected(versions.error());
      target->versions = std::move(*versions);
    }
    plan.targets.push_back(std::move(*target));
  }

  if (!paths.empty()) {
    Discovery discovery = discover_files(paths, cwd, options.discover);
    plan.errors = std::move(discovery.errors);
    for (FoundFile& file : discovery.files) {
      std::string relative = relative_path(folder, file.path);
      std::optional<size_t> collection = config.collection_for(relative);
      if (collection) {
        plan.jobs.push_back(FileJob{
            std::move(file.path), std::move(file.display), *collection, {}});
      } else if (file.named) {
        plan.jobs.push_back(FileJob{std::move(file.path),
                                    std::move(file.display),
                                    k_no_target,
                                    {no_collection_warning(config)}});
      }
    }
    return plan;
  }

  // Walk only the folders the include globs can match in, each once: a base
  // inside another base is covered by the outer walk.
  std::vector<std::string> bases;
  for (const CollectionConfig& collection : config.collections) {
    for (const Glob& glob : collection.include) {
      fs::path base = (folder / glob.base()).lexically_normal();
      std::string relative = base.lexically_relative(folder).generic_string();
      if (relative == ".") relative.clear();
      while (relative.ends_with('/')) relative.pop_back();
      bases.push_back(std::move(relative));
    }
  }
  std::sort(bases.begin(), bases.end());
  bases.erase(std::unique(bases.begin(), bases.end()), bases.end());
  std::vector<std::string> roots;
  for (const std::string& base : bases) {
    bool covered = std::any_of(
        roots.begin(), roots.end(),
        [&](const std::string& root) { return is_under(base, root); });
    if (!covered) roots.push_back(base);
  }

  std::string shown_folder = display_path(config.folder());
  for (const std::string& base : roots) {
    fs::path root = base.empty() ? folder : (folder / base).lexically_normal();
    std::error_code ec;
    // A glob whose folder doesn't exist (yet) matches nothing.
    if (!fs::is_directory(root, ec)) continue;
    std::string display_root = display_path(config.folder() / base);
    walk_folder(
        root, display_root, options.discover,
        [&](const std::string& walked) {
          std::string relative = base.empty() ? walked : base + '/' + walked;
          std::optional<size_t> collection = config.collection_for(relative);
          if (!collection) return;
          plan.jobs.push_back(FileJob{join_path(folder, relative),
                                      join_display(shown_folder, relative),
                                      *collection,
                                      {}});
        },
        plan.errors);
  }
  sort_and_deduplicate(plan.jobs);
  return plan;
}

}  // namespace fmkit
