// SPDX-License-Identifier: MIT
#include "run/collection.hpp"

#include "migrate/planner.hpp"
#include "run/atomic_file.hpp"
#include "run/discover.hpp"
#include "schema/schema_registry.hpp"

#include <algorithm>
#include <system_error>
#include <utility>

namespace fmkit {

namespace fs = std::filesystem;

// Whether `path` lies inside `root` (both absolute and normalized), as
// written and with their symlinks resolved.
bool path_inside(const fs::path& root, const fs::path& path) {
  auto under = [](const fs::path& r, const fs::path& p) {
    fs::path relative = p.lexically_relative(r);
    return !relative.empty() && *relative.begin() != "..";
  };
  std::error_code ec;
  fs::path real_root = fs::weakly_canonical(root, ec);
  if (ec) real_root = root;
  fs::path real = fs::weakly_canonical(path, ec);
  if (ec) real = path;
  return under(root, path) && under(real_root, real);
}

std::string outside_message(std::string_view written, std::string_view what,
                            const fs::path& root) {
  return "the " + std::string(what) + " '" + std::string(written) +
         "' is outside " + root.string() +
         ": fmkit reads files only inside the repository (or the working "
         "folder), so that an edited fmkit.yaml cannot print other files; "
         "pass --allow-outside to read it anyway";
}

namespace {

// Returns `folder` (relative to `base` unless absolute) as an absolute,
// normalized path without a trailing separator.
fs::path absolute_folder(const fs::path& base, const fs::path& folder) {
  fs::path path = (base / folder).lexically_normal();
  if (!path.has_filename() && path.has_parent_path() &&
      path != path.root_path()) {
    path = path.parent_path();
  }
  return path;
}

// The config.outside error of `written` (a `what` of `collection`, at
// `span` of the config file) when `path` lies outside `root`.
std::optional<Problems> check_inside(const Config& config, const fs::path& root,
                                     const fs::path& path,
                                     std::string_view written,
                                     std::string_view what, SourceSpan span) {
  if (path_inside(root, path)) return std::nullopt;
  return config.problem(span, "config.outside",
                        outside_message(written, what, root));
}

// Loads the schema at `path` (absolute), shown as `shown`.
Expected<std::shared_ptr<const CompiledSchema>, Problems> load_schema(
    SchemaRegistry& registry, const fs::path& path, const std::string& shown) {
  return registry.load(path, shown);
}

// A schema file that cannot be read at all is shown where fmkit.yaml
// names it ("fmkit.yaml:4:13: error: cannot read the schema 'post.json':
// no such file or directory [io]"); any other problem is the schema's own.
Problems at_schema_line(Problems problems, const CollectionConfig& collection,
                        const Config& config, const std::string& shown) {
  if (problems.size() != 1 || problems[0].path != shown ||
      problems[0].diagnostics.size() != 1 ||
      problems[0].diagnostics[0].rule != "io" ||
      problems[0].diagnostics[0].span.valid() ||
      !collection.schema_span.valid()) {
    return problems;
  }
  std::string message = problems[0].diagnostics[0].message;
  constexpr std::string_view k_prefix = "cannot read the schema: ";
  if (message.starts_with(k_prefix)) {
    message = "cannot read the schema '" + collection.schema +
              "': " + message.substr(k_prefix.size());
  }
  return config.problem(collection.schema_span, "io", std::move(message));
}

Expected<std::shared_ptr<const Migrations>, Problems> load_versions(
    const CollectionConfig& collection, const Config& config,
    const fs::path& folder, SchemaRegistry& registry,
    const std::optional<fs::path>& root) {
  auto migrations = std::make_shared<Migrations>();
  migrations->settings = migration_settings(collection, config, folder);
  migrations->settings.root = root;
  const MigrationSettings& settings = migrations->settings;
  auto chain = load_migrations(settings);
  if (!chain) return unexpected(std::move(chain).error());
  migrations->chain = std::move(*chain);
  auto key = parse_field_path(settings.version_key);
  if (!key) {
    return unexpected(config.problem(collection.name_span, "config.version-key",
                                     key.error()));
  }
  migrations->key = std::move(*key);
  fs::path path = (folder / collection.schema).lexically_normal();
  std::string shown = display_path(config.folder() / collection.schema);
  const MigrationChain& loaded = migrations->chain;
  for (int v = loaded.initial_version; v <= loaded.latest_version(); ++v) {
    if (v > loaded.initial_version) {
      if (const Migration* migration = loaded.find(v); migration->schema) {
        path = (settings.folder / *migration->schema).lexically_normal();
        shown = display_path(fs::path(settings.display) / *migration->schema);
      }
    }
    auto compiled = load_schema(registry, path, shown);
    if (!compiled) return unexpected(std::move(compiled).error());
    migrations->schemas.push_back(std::move(*compiled));
  }
  return std::shared_ptr<const Migrations>(std::move(migrations));
}

}  // namespace

const std::shared_ptr<const CompiledSchema>* Collection::schema_for(
    const Document& read, const LineIndex& lines,
    std::vector<Diagnostic>& diagnostics) const {
  if (!migrations) return &schema;
  Expected<int> version =
      document_version(read.data, migrations->key, migrations->chain);
  if (version) return &migrations->schema_of(*version);
  Diagnostic d;
  d.rule = "migrate.version";
  d.message = version.error();
  d.pointer = migrations->key.pointer();
  if (const NodeInfo* info = read.positions.find(d.pointer)) {
    d.span = lines.span(info->value_begin, info->value_end);
  }
  diagnostics.push_back(std::move(d));
  return nullptr;
}

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

Expected<MigrationChain, Problems> load_migrations(
    const MigrationSettings& settings) {
  std::string shown =
      settings.display.empty() ? settings.folder.string() : settings.display;
  ChainOptions chain_options{settings.initial_version};
  std::error_code ec;
  std::vector<std::pair<std::string, fs::path>> names;
  if (fs::exists(settings.folder, ec)) {
    for (fs::directory_iterator it(settings.folder, ec), end; !ec && it != end;
         it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (is_migration_file_name(name)) names.emplace_back(name, it->path());
    }
    if (ec) return unexpected(problem_at_file(shown, "io", ec.message()));
  }
  std::sort(names.begin(), names.end());
  std::vector<MigrationFile> files;
  for (const auto& [name, path] : names) {
    std::string display = (fs::path(shown) / name).generic_string();
    Expected<FileSnapshot> read = read_file_snapshot(path);
    if (!read) return unexpected(problem_at_file(display, "io", read.error()));
    files.push_back({display, std::move(read->content)});
  }
  auto chain = load_chain(files, chain_options);
  if (!chain || !settings.root) return chain;
  Problems problems;
  for (size_t i = 0; i < chain->migrations.size(); ++i) {
    const Migration& migration = chain->migrations[i];
    if (!migration.schema) continue;
    fs::path path = (settings.folder / *migration.schema).lexically_normal();
    if (path_inside(*settings.root, path)) continue;
    Diagnostic d;
    d.rule = "config.outside";
    d.message = outside_message(*migration.schema, "schema", *settings.root);
    d.span = migration.schema_span;
    auto file = std::find_if(files.begin(), files.end(), [&](const auto& f) {
      return f.path == migration.path;
    });
    problems.push_back(FileReport{
        migration.path, file == files.end() ? "" : file->text, {std::move(d)}});
  }
  if (!problems.empty()) return unexpected(std::move(problems));
  return chain;
}

Expected<Collection, Problems> load_collection(
    const CollectionConfig& collection, const Config& config,
    const fs::path& folder, SchemaRegistry& registry, const YamlOptions& yaml,
    const std::optional<fs::path>& root) {
  if (root) {
    auto problem = check_inside(
        config, *root, (folder / collection.schema).lexically_normal(),
        collection.schema, "schema", collection.schema_span);
    if (!problem && !collection.migrations.empty()) {
      problem = check_inside(config, *root,
                             absolute_folder(folder, collection.migrations),
                             collection.migrations, "migrations folder",
                             collection.migrations_span);
    }
    if (problem) return unexpected(std::move(*problem));
  }
  Collection loaded;
  loaded.name = collection.name;
  loaded.document.require_front_matter = collection.require_front_matter;
  loaded.document.yaml = yaml;
  loaded.document.yaml.version = collection.yaml;
  const std::string shown = display_path(config.folder() / collection.schema);
  auto schema = load_schema(
      registry, (folder / collection.schema).lexically_normal(), shown);
  if (!schema) {
    return unexpected(
        at_schema_line(std::move(schema).error(), collection, config, shown));
  }
  loaded.schema = std::move(*schema);
  if (!collection.migrations.empty()) {
    auto migrations = load_versions(collection, config, folder, registry, root);
    if (!migrations) return unexpected(std::move(migrations).error());
    loaded.migrations = std::move(*migrations);
  }
  return loaded;
}

Expected<Collection, Problems> load_schema_collection(
    const fs::path& schema, std::string name, RequireFrontMatter require,
    SchemaRegistry& registry, const YamlOptions& yaml) {
  Collection loaded;
  loaded.name = std::move(name);
  loaded.document.require_front_matter = require;
  loaded.document.yaml = yaml;
  auto compiled = load_schema(registry, schema, loaded.name);
  if (!compiled) return unexpected(std::move(compiled).error());
  loaded.schema = std::move(*compiled);
  return loaded;
}

}  // namespace fmkit
