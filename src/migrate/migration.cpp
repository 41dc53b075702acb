// SPDX-License-Identifier: MIT
#include "migrate/migration.hpp"

#include "base/describe.hpp"
#include "base/json_pointer.hpp"
#include "base/source_span.hpp"
#include "base/spelling.hpp"
#include "document/yaml_file.hpp"
#include "migrate/migration_source.hpp"
#include "migrate/slug.hpp"
#include "migrate/yaml_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

namespace fmkit {
namespace {

using nlohmann::json;

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

// Returns the migration's 'version', or std::nullopt after reporting why
// it has none.
std::optional<int> read_version(const YamlFile& file, MigrationSource& source) {
  auto version = file.root().find("version");
  if (version == file.root().end()) {
    source.error("", "missing 'version'");
    return std::nullopt;
  }
  if (version->is_number_integer() && version->get<int64_t>() >= 0 &&
      version->get<int64_t>() <= 999'999'999) {
    return version->get<int>();
  }
  // A number is quoted as written: 99999999999999999999 reads as the
  // double 1e20, which describe_value() would show as 1.0000000000000002e+20.
  std::string got = describe_value(*version, ValueStyle::subject);
  if (version->is_number()) {
    const SourceSpan span = file.span("/version", Place::value);
    got = shorten(
        std::string_view(file.text())
            .substr(span.begin.offset, span.end.offset - span.begin.offset));
  }
  source.error(
      "/version",
      "'version' must be a whole number from 0 to 999999999, got " + got);
  return std::nullopt;
}

}  // namespace

Expected<Migration, Problems> parse_migration(std::string_view text,
                                              std::string_view path) {
  YamlFile file{std::string(path), std::string(text)};
  if (!file.parsed()) return unexpected(file.problems());
  MigrationSource source(file);
  const json& root = file.root();
  Migration migration;
  migration.path = std::string(path);
  migration.version_span = file.span("/version", Place::value);
  if (!root.is_object()) {
    source.error("",
                 "a migration must be a mapping with 'version', "
                 "'description' and 'ops'");
    return unexpected(file.problems());
  }
  static const std::vector<std::string> k_keys = {"version", "description",
                                                  "schema", "where", "ops"};
  for (const auto& [key, value] : root.items()) {
    if (std::find(k_keys.begin(), k_keys.end(), key) == k_keys.end()) {
      source.error(append_pointer("", key),
                   "unknown key '" + key + "'" + did_you_mean(key, k_keys),
                   Place::key, "migration.unknown-key");
    }
  }
  if (std::optional<int> version = read_version(file, source)) {
    migration.version = *version;
  }
  if (auto it = root.find("description"); it != root.end()) {
    if (it->is_string()) {
      migration.description = it->get<std::string>();
    } else {
      source.error("/description",
                   "'description' must be a string, got " +
                       describe_value(*it, ValueStyle::subject));
    }
  }
  if (auto it = root.find("schema"); it != root.end()) {
    if (it->is_string() && !it->get_ref<const std::string&>().empty()) {
      migration.schema = it->get<std::string>();
      migration.schema_span = file.span("/schema", Place::value);
    } else {
      source.error("/schema", "'schema' must be a path, got " +
                                  describe_value(*it, ValueStyle::subject));
    }
  }
  if (auto it = root.find("where"); it != root.end()) {
    std::optional<Where> where = parse_where(source, "/where", *it);
    if (where) migration.where = std::move(*where);
  }
  auto ops = root.find("ops");
  if (ops == root.end()) {
    source.error("",
                 "missing 'ops' (write 'ops: []' for a migration that "
                 "only bumps the version)");
  } else if (!ops->is_array()) {
    source.error("/ops", "'ops' must be a list, got " +
                             describe_value(*ops, ValueStyle::subject));
  } else {
    for (size_t i = 0; i < ops->size(); ++i) {
      OpPtr op = parse_op(source, "/ops/" + std::to_string(i), (*ops)[i]);
      if (op) migration.ops.push_back(std::move(op));
    }
  }
  if (file.has_errors()) return unexpected(file.problems());
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

namespace {

// A problem of the chain in `file`, at `span` (its version).
FileReport chain_problem(const MigrationFile& file, SourceSpan span,
                         std::string rule, std::string message) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.message = std::move(message);
  d.span = span;
  return FileReport{file.path, file.text, {std::move(d)}};
}

// Parses `file` and checks its name and version; adds its problems.
std::optional<Migration> read_migration(const MigrationFile& file,
                                        const ChainOptions& options,
                                        Problems& problems) {
  std::optional<int> named = version_in_name(file_name_of(file.path));
  if (!named || !is_migration_file_name(file_name_of(file.path))) {
    problems.push_back(chain_problem(
        file, {}, "migration.name",
        "a migration file is named NNNN-name.yaml, with its version first"));
    return std::nullopt;
  }
  auto migration = parse_migration(file.text, file.path);
  if (!migration) {
    for (FileReport& report : std::move(migration).error()) {
      problems.push_back(std::move(report));
    }
    return std::nullopt;
  }
  if (migration->version != *named) {
    problems.push_back(chain_problem(
        file, migration->version_span, "migration.name",
        "the file name says version " + std::to_string(*named) +
            " but 'version' is " + std::to_string(migration->version)));
    return std::nullopt;
  }
  if (migration->version <= options.initial_version) {
    problems.push_back(
        chain_problem(file, migration->version_span, "migration.chain",
                      "version " + std::to_string(migration->version) +
                          " is not above the initial version " +
                          std::to_string(options.initial_version)));
    return std::nullopt;
  }
  return std::move(*migration);
}

}  // namespace

Expected<MigrationChain, Problems> load_chain(
    const std::vector<MigrationFile>& files, const ChainOptions& options) {
  Problems problems;
  std::map<int, std::vector<std::pair<Migration, const MigrationFile*>>>
      by_version;
  for (const MigrationFile& file : files) {
    if (auto migration = read_migration(file, options, problems)) {
      int version = migration->version;
      by_version[version].emplace_back(std::move(*migration), &file);
    }
  }
  MigrationChain chain;
  chain.initial_version = options.initial_version;
  int expected = options.initial_version + 1;
  for (auto& [version, claims] : by_version) {
    const auto& [first, first_file] = claims[0];
    if (claims.size() > 1) {
      std::string names;
      for (const auto& claim : claims) {
        names += (names.empty() ? "" : ", ") + claim.first.path;
      }
      problems.push_back(chain_problem(
          *claims[1].second, claims[1].first.version_span, "migration.chain",
          "version " + std::to_string(version) + " is claimed by " +
              std::to_string(claims.size()) + " files: " + names));
    }
    if (version != expected) {
      std::string missing =
          version == expected + 1
              ? "version " + std::to_string(expected) + " is missing"
              : "versions " + std::to_string(expected) + " to " +
                    std::to_string(version - 1) + " are missing";
      problems.push_back(chain_problem(*first_file, first.version_span,
                                       "migration.chain",
                                       missing + " before this migration"));
    }
    expected = version + 1;
    chain.migrations.push_back(std::move(claims[0].first));
  }
  if (!problems.empty()) return unexpected(std::move(problems));
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
             "version: " +
             std::to_string(version) +
             "\n"
             "description: " +
             description +
             "\n"
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
