// SPDX-License-Identifier: MIT
#include "run/config.hpp"

#include "base/describe.hpp"
#include "base/json_pointer.hpp"
#include "base/spelling.hpp"
#include "document/yaml_file.hpp"
#include "migrate/field_path.hpp"
#include "run/config_rules.hpp"
#include "run/file_reader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>
#include <system_error>
#include <utility>

namespace fmkit {

namespace {

using nlohmann::json;

std::string describe(const json& value) {
  return describe_value(value, ValueStyle::subject);
}

// Reports that the value at `pointer` is not what `key` takes.
void type_error(YamlFile& file, const std::string& pointer,
                std::string_view key, std::string_view takes,
                const json& value) {
  file.error(pointer, Place::value, "config.type",
             "'" + std::string(key) + "' must be " + std::string(takes) +
                 ", got " + describe(value));
}

template <typename Row, size_t N>
std::string unknown_key_message(std::string_view key, const Row (&rows)[N],
                                std::string_view where) {
  std::vector<std::string> names;
  for (const Row& row : rows) names.emplace_back(row.key);
  return "unknown key '" + std::string(key) + "'" + std::string(where) +
         did_you_mean(key, names);
}

// Globs: a string or a list of strings; `include` needs at least one.
std::vector<Glob> parse_globs(YamlFile& file, const json& value,
                              const std::string& pointer, std::string_view key,
                              bool required) {
  std::vector<Glob> globs;
  auto add = [&](const json& item, const std::string& item_pointer) {
    if (!item.is_string()) {
      type_error(file, item_pointer, key, "a glob or a list of globs", item);
      return;
    }
    auto glob = Glob::compile(item.get<std::string>());
    if (!glob) {
      file.error(item_pointer, Place::value, "config.glob", glob.error());
      return;
    }
    globs.push_back(std::move(*glob));
  };
  if (value.is_array()) {
    if (value.empty() && required) {
      file.error(pointer, Place::value, "config.type",
                 "'" + std::string(key) + "' must list at least one glob");
    }
    for (size_t i = 0; i < value.size(); ++i) {
      add(value[i], append_pointer(pointer, std::to_string(i)));
    }
  } else {
    add(value, pointer);
  }
  return globs;
}

void parse_include(YamlFile& file, const json& value,
                   const std::string& pointer, CollectionConfig& collection) {
  collection.include = parse_globs(file, value, pointer, "include", true);
  collection.include_span = file.span(pointer, Place::value);
}

void parse_exclude(YamlFile& file, const json& value,
                   const std::string& pointer, CollectionConfig& collection) {
  collection.exclude = parse_globs(file, value, pointer, "exclude", false);
}

// A non-empty string, or a type error naming what `key` takes.
std::optional<std::string> parse_text(YamlFile& file, const json& value,
                                      const std::string& pointer,
                                      std::string_view key,
                                      std::string_view takes) {
  if (!value.is_string() || value.get<std::string>().empty()) {
    type_error(file, pointer, key, takes, value);
    return std::nullopt;
  }
  return value.get<std::string>();
}

void parse_schema(YamlFile& file, const json& value, const std::string& pointer,
                  CollectionConfig& collection) {
  if (auto text = parse_text(file, value, pointer, "schema", "a path")) {
    collection.schema = std::move(*text);
    collection.schema_span = file.span(pointer, Place::value);
  }
}

void parse_require_front_matter(YamlFile& file, const json& value,
                                const std::string& pointer,
                                CollectionConfig& collection) {
  if (!value.is_boolean()) {
    type_error(file, pointer, "require_front_matter", "true or false", value);
    return;
  }
  collection.require_front_matter =
      value.get<bool>() ? RequireFrontMatter::yes : RequireFrontMatter::no;
}

void parse_migrations(YamlFile& file, const json& value,
                      const std::string& pointer,
                      CollectionConfig& collection) {
  if (auto text = parse_text(file, value, pointer, "migrations", "a folder")) {
    collection.migrations = std::move(*text);
    collection.migrations_span = file.span(pointer, Place::value);
  }
}

void parse_version_key(YamlFile& file, const json& value,
                       const std::string& pointer,
                       CollectionConfig& collection) {
  auto text = parse_text(file, value, pointer, "version_key",
                         "a key or a JSON Pointer");
  if (!text) return;
  if (auto path = parse_field_path(*text); !path) {
    file.error(pointer, Place::value, "config.version-key",
               "'version_key': " + path.error());
    return;
  }
  collection.version_key = std::move(*text);
}

void parse_initial_version(YamlFile& file, const json& value,
                           const std::string& pointer,
                           CollectionConfig& collection) {
  if (!value.is_number_integer() || value.get<int64_t>() < 0 ||
      value.get<int64_t>() > 999'999'999) {
    type_error(file, pointer, "initial_version", "a whole number", value);
    return;
  }
  collection.initial_version = value.get<int>();
}

// "1.1" or "1.2"; the bare numbers 1.1 and 1.2 (which YAML reads as
// floats) are accepted too, as they are what one naturally writes.
void parse_yaml(YamlFile& file, const json& value, const std::string& pointer,
                CollectionConfig& collection) {
  static constexpr std::pair<std::string_view, YamlVersion> k_versions[] = {
      {"1.2", YamlVersion::v1_2}, {"1.1", YamlVersion::v1_1}};
  std::string text;
  if (value.is_string()) {
    text = value.get<std::string>();
  } else if (value.is_number_float() && (value == 1.1 || value == 1.2)) {
    text = value == 1.1 ? "1.1" : "1.2";
  }
  for (const auto& [name, version] : k_versions) {
    if (text == name) {
      collection.yaml = version;
      return;
    }
  }
  // A number is quoted as written: 1.0 is the integer 1 once read.
  std::string got = describe(value);
  if (value.is_number()) {
    SourceSpan span = file.span(pointer, Place::value);
    got = file.text().substr(span.begin.offset,
                             span.end.offset - span.begin.offset);
  }
  std::string hint =
      value.is_string() ? did_you_mean(text, {"1.2", "1.1"}) : std::string();
  file.error(
      pointer, Place::value, "config.type",
      "'yaml' must be \"1.2\" (the default) or \"1.1\", got " + got + hint);
}

struct CollectionKey {
  std::string_view key;
  void (*parse)(YamlFile&, const json&, const std::string&, CollectionConfig&);
  bool required;
};

// Per-collection settings. A new setting is a new row here.
constexpr CollectionKey k_collection_keys[] = {
    {"include", parse_include, true},
    {"exclude", parse_exclude, false},
    {"schema", parse_schema, true},
    {"require_front_matter", parse_require_front_matter, false},
    {"migrations", parse_migrations, false},
    {"version_key", parse_version_key, false},
    {"initial_version", parse_initial_version, false},
    {"yaml", parse_yaml, false},
    {"unique", parse_unique, false},
    {"references", parse_references, false},
};

CollectionConfig parse_collection(YamlFile& file, const std::string& name,
                                  const json& settings,
                                  const std::string& pointer) {
  CollectionConfig collection;
  collection.name = name;
  collection.name_span = file.span(pointer, Place::key);
  std::string where = " in collection '" + name + "'";
  for (const std::string& key : file.keys_in_order(settings, pointer)) {
    std::string key_pointer = append_pointer(pointer, key);
    auto row =
        std::find_if(std::begin(k_collection_keys), std::end(k_collection_keys),
                     [&](const CollectionKey& k) { return k.key == key; });
    if (row == std::end(k_collection_keys)) {
      file.error(key_pointer, Place::key, "config.unknown-key",
                 unknown_key_message(key, k_collection_keys, where));
      continue;
    }
    row->parse(file, settings[key], key_pointer, collection);
  }
  for (const CollectionKey& row : k_collection_keys) {
    if (row.required && !settings.contains(std::string(row.key))) {
      file.error(
          pointer, Place::key, "config.missing-key",
          "collection '" + name + "' has no '" + std::string(row.key) + "'");
    }
  }
  return collection;
}

void parse_collections(YamlFile& file, const json& value,
                       const std::string& pointer, Config& config) {
  if (!value.is_object()) {
    type_error(file, pointer, "collections",
               "a mapping of collection names to their settings", value);
    return;
  }
  if (value.empty()) {
    file.error(pointer, Place::value, "config.missing-key",
               "'collections' must name at least one collection");
    return;
  }
  for (const std::string& name : file.keys_in_order(value, pointer)) {
    std::string collection_pointer = append_pointer(pointer, name);
    const json& settings = value[name];
    if (!settings.is_object()) {
      file.error(collection_pointer, Place::value, "config.type",
                 "collection '" + name +
                     "' must be a mapping with 'include' and 'schema', got " +
                     describe(settings));
      continue;
    }
    config.collections.push_back(
        parse_collection(file, name, settings, collection_pointer));
  }
}

// `extensions: [md, markdown, mdx]`: the endings of the files a walked folder
// gives, written without the dot (a leading dot is allowed).
void parse_extensions(YamlFile& file, const json& value,
                      const std::string& pointer, Config& config) {
  if (!value.is_array() || value.empty()) {
    type_error(file, pointer, "extensions",
               "a list of file name endings (extensions: [md, mdx])", value);
    return;
  }
  for (size_t i = 0; i < value.size(); ++i) {
    std::string item_pointer = append_pointer(pointer, std::to_string(i));
    std::string text = value[i].is_string() ? value[i].get<std::string>() : "";
    if (text.starts_with('.')) text.erase(0, 1);
    bool plain =
        !text.empty() && text.find_first_of("/*?[]\\{} ") == std::string::npos;
    if (!plain) {
      type_error(file, item_pointer, "extensions",
                 "a file name ending without wildcards or '/' (md, mdx, html)",
                 value[i]);
      continue;
    }
    config.extensions.push_back("." + text);
  }
}

struct TopLevelKey {
  std::string_view key;
  void (*parse)(YamlFile&, const json&, const std::string&, Config&);
  bool required;
};

// Top-level settings. A new setting is a new row here.
constexpr TopLevelKey k_top_level_keys[] = {
    {"collections", parse_collections, true},
    {"extensions", parse_extensions, false},
};

void parse_root(YamlFile& file, Config& config) {
  const json& root = file.root();
  if (root.is_null()) {
    file.error("", Place::value, "config.missing-key",
               "missing key 'collections'");
    return;
  }
  if (!root.is_object()) {
    file.error("", Place::value, "config.type",
               "the config must be a mapping, got " + describe(root));
    return;
  }
  for (const std::string& key : file.keys_in_order(root, "")) {
    std::string pointer = append_pointer("", key);
    auto row =
        std::find_if(std::begin(k_top_level_keys), std::end(k_top_level_keys),
                     [&](const TopLevelKey& k) { return k.key == key; });
    if (row == std::end(k_top_level_keys)) {
      file.error(pointer, Place::key, "config.unknown-key",
                 unknown_key_message(key, k_top_level_keys, ""));
      continue;
    }
    row->parse(file, root[key], pointer, config);
  }
  for (const TopLevelKey& row : k_top_level_keys) {
    if (row.required && !root.contains(std::string(row.key))) {
      file.error("", Place::value, "config.missing-key",
                 "missing key '" + std::string(row.key) + "'");
    }
  }
  check_rule_collections(file, config);
}

}  // namespace

bool CollectionConfig::contains(std::string_view relative) const {
  auto matches = [relative](const Glob& glob) {
    return glob.matches(relative);
  };
  return std::any_of(include.begin(), include.end(), matches) &&
         std::none_of(exclude.begin(), exclude.end(), matches);
}

std::optional<size_t> Config::collection_for(std::string_view relative) const {
  for (size_t i = 0; i < collections.size(); ++i) {
    if (collections[i].contains(relative)) return i;
  }
  return std::nullopt;
}

Problems Config::problem(SourceSpan span, std::string rule,
                         std::string message) const {
  Diagnostic d;
  d.rule = std::move(rule);
  d.message = std::move(message);
  d.span = span;
  Problems problems;
  problems.push_back(FileReport{path.generic_string(), text, {std::move(d)}});
  return problems;
}

Expected<Config, Problems> parse_config(std::string text,
                                        const std::filesystem::path& path) {
  YamlFile file(path.generic_string(), std::move(text));
  Config config;
  config.path = path;
  if (file.parsed()) parse_root(file, config);
  if (file.has_errors()) return unexpected(file.problems());
  config.text = file.text();
  return config;
}

Expected<Config, Problems> load_config(const std::filesystem::path& path,
                                       const std::filesystem::path& cwd) {
  auto text = read_whole_file(cwd / path);
  if (!text) {
    return unexpected(
        problem_at_file(path.generic_string(), "io", text.error()));
  }
  return parse_config(std::move(*text), path);
}

std::optional<std::filesystem::path> find_config(
    const std::filesystem::path& start) {
  std::filesystem::path folder = start.lexically_normal();
  while (true) {
    std::filesystem::path candidate = folder / k_config_file_name;
    std::error_code ec;
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
    std::filesystem::path parent = folder.parent_path();
    if (parent == folder || parent.empty()) return std::nullopt;
    folder = std::move(parent);
  }
}

}  // namespace fmkit
