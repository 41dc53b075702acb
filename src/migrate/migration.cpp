// SPDX-License-Identifier: MIT
#include "migrate/migration.hpp"

#include "base/json_pointer.hpp"
#include "base/source_span.hpp"
#include "base/spelling.hpp"
#include "document/yaml_to_json.hpp"
#include "migrate/migration_source.hpp"
#include "migrate/slug.hpp"
#include "migrate/yaml_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

namespace fmkit {
namespace {

using nlohmann::json;

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) {
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

std::string_view file_name_of(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Returns the version a file name starts with ("0002-x.yaml" -> 2).
std::optional<int> version_in_name(std::string_view name) {
  size_t digits = 0;
  while (digits < name.size() && name[digits] >= '0' && name[digits] <= '9') {
    ++digits;
  }
  if (digits == 0 || digits > 9 || digits >= name.size() ||
      name[digits] != '-') {
    return std::nullopt;
  }
  return std::stoi(std::string(name.substr(0, digits)));
}

// The YAML errors of a migration file, one "path:line:col: error: ..." a
// line.
std::string yaml_errors(std::string_view path,
                        const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> errors;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity != Severity::error) continue;
    errors.push_back(std::string(path) + ":" +
                     std::to_string(d.span.begin.line) + ":" +
                     std::to_string(d.span.begin.column) +
                     ": error: " + d.message + " [" + d.rule + "]");
  }
  if (errors.empty()) {
    errors.push_back(std::string(path) + ":1:1: error: invalid YAML");
  }
  return join_lines(errors);
}

}  // namespace

Expected<Migration> parse_migration(std::string_view text,
                                    std::string_view path) {
  LineIndex lines(text);
  std::vector<Diagnostic> diagnostics;
  std::optional<YamlDocument> yaml = parse_yaml_document(
      text, 0, text.size(), lines, YamlOptions{}, diagnostics);
  if (!yaml) return unexpected(yaml_errors(path, diagnostics));
  MigrationSource source(std::string(path), lines, yaml->positions);
  const json& root = yaml->value;
  Migration migration;
  migration.path = std::string(path);
  if (!root.is_object()) {
    source.error("", "a migration must be a mapping with 'version', "
                     "'description' and 'ops'");
    return unexpected(join_lines(source.errors()));
  }
  static const std::vector<std::string> k_keys = {"version", "description",
                                                  "schema", "where", "ops"};
  for (const auto& [key, value] : root.items()) {
    if (std::find(k_keys.begin(), k_keys.end(), key) == k_keys.end()) {
      source.error(append_pointer("", key),
                   "unknown key '" + key + "'" + did_you_mean(key, k_keys),
                   true);
    }
  }
  auto version = root.find("version");
  if (version == root.end()) {
    source.error("", "missing 'version'");
  } else if (!version->is_number_integer() || version->get<int64_t>() < 0 ||
             version->get<int64_t>() > 999'999'999) {
    source.error("/version", "'version' must be a whole number, got " +
                                 describe_value(*version));
  } else {
    migration.version = version->get<int>();
  }
  if (auto it = root.find("description"); it != root.end()) {
    if (it->is_string()) {
      migration.description = it->get<std::string>();
    } else {
      source.error("/description", "'description' must be a string, got " +
                                       describe_value(*it));
    }
  }
  if (auto it = root.find("schema"); it != root.end()) {
    if (it->is_string() && !it->get_ref<const std::string&>().empty()) {
      migration.schema = it->get<std::string>();
    } else {
      source.error("/schema", "'schema' must be a path, got " +
                                  describe_value(*it));
    }
  }
  if (auto it = root.find("where"); it != root.end()) {
    std::optional<Where> where = parse_where(source, "/where", *it);
    if (where) migration.where = std::move(*where);
  }
  auto ops = root.find("ops");
  if (ops == root.end()) {
    source.error("", "missing 'ops' (write 'ops: []' for a migration that "
                     "only bumps the version)");
  } else if (!ops->is_array()) {
    source.error("/ops", "'ops' must be a list, got " + describe_value(*ops));
  } else {
    for (size_t i = 0; i < ops->size(); ++i) {
      OpPtr op = parse_op(source, "/ops/" + std::to_string(i), (*ops)[i]);
      if (op) migration.ops.push_back(std::move(op));
    }
  }
  if (!source.errors().empty()) return unexpected(join_lines(source.errors()));
  return migration;
}

int MigrationChain::latest_version() const {
  return migrations.empty() ? initial_version : migrations.back().version;
}

const Migration* MigrationChain::find(int version) const {
  for (const Migration& migration : migrations) {
    if (migration.version == version) return &migration;
  }
  return nullptr;
}

bool is_migration_file_name(std::string_view file_name) {
  return version_in_name(file_name).has_value() &&
         (file_name.ends_with(".yaml") || file_name.ends_with(".yml"));
}

Expected<MigrationChain> load_chain(const std::vector<MigrationFile>& files,
                                    const ChainOptions& options) {
  std::vector<std::string> errors;
  std::map<int, std::vector<Migration>> by_version;
  for (const MigrationFile& file : files) {
    std::string_view name = file_name_of(file.path);
    std::optional<int> named = version_in_name(name);
    if (!named || !is_migration_file_name(name)) {
      errors.push_back(file.path + ":1:1: error: a migration file is named "
                                   "NNNN-name.yaml, with its version first");
      continue;
    }
    Expected<Migration> migration = parse_migration(file.text, file.path);
    if (!migration) {
      errors.push_back(migration.error());
      continue;
    }
    if (migration->version != *named) {
      errors.push_back(file.path + ":1:1: error: the file name says version " +
                       std::to_string(*named) + " but 'version' is " +
                       std::to_string(migration->version));
      continue;
    }
    if (migration->version <= options.initial_version) {
      errors.push_back(file.path + ":1:1: error: version " +
                       std::to_string(migration->version) +
                       " is not above the initial version " +
                       std::to_string(options.initial_version));
      continue;
    }
    by_version[migration->version].push_back(std::move(migration).value());
  }
  MigrationChain chain;
  chain.initial_version = options.initial_version;
  int expected = options.initial_version + 1;
  for (auto& [version, claims] : by_version) {
    if (claims.size() > 1) {
      std::string names;
      for (const Migration& claim : claims) {
        names += (names.empty() ? "" : ", ") + claim.path;
      }
      errors.push_back(claims[1].path + ":1:1: error: version " +
                       std::to_string(version) + " is claimed by " +
                       std::to_string(claims.size()) + " files: " + names);
    }
    if (version != expected) {
      std::string missing =
          version == expected + 1
              ? "version " + std::to_string(expected) + " is missing"
              : "versions " + std::to_string(expected) + " to " +
                    std::to_string(version - 1) + " are missing";
      errors.push_back(claims[0].path + ":1:1: error: " + missing +
                       " before this migration");
    }
    expected = version + 1;
    chain.migrations.push_back(std::move(claims[0]));
  }
  if (!errors.empty()) return unexpected(join_lines(errors));
  return chain;
}

Expected<NewMigration> scaffold_migration(const MigrationChain& chain,
                                          std::string_view name) {
  std::string slug = slugify(name);
  if (slug.empty()) {
    return unexpected("the migration name '" + std::string(name) +
                      "' needs a letter or a digit");
  }
  int version = chain.latest_version() + 1;
  char number[16];
  std::snprintf(number, sizeof number, "%04d", version);
  NewMigration out;
  out.file_name = std::string(number) + "-" + slug + ".yaml";
  std::string description = render_string(name);
  out.text = "# Migration to version " + std::to_string(version) +
             ". Ops run in order, on every document below this version.\n"
             "version: " + std::to_string(version) + "\n"
             "description: " + description + "\n"
             "# schema: ../schemas/post.schema.json\n"
             "ops: []\n"
             "# ops:\n"
             "#   - rename: {from: old_key, to: new_key}\n"
             "#   - set: {field: draft, value: false, if_missing: true}\n"
             "#   - map_values: {field: status, map: {seedling: draft}}\n"
             "#   - delete: {field: obsolete}\n"
             "#   - convert: {field: series, to: list}\n";
  return out;
}

}  // namespace fmkit
