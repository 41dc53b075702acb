// SPDX-License-Identifier: MIT
#include "run/config.hpp"

#include "base/json_pointer.hpp"
#include "base/source_span.hpp"
#include "base/spelling.hpp"
#include "document/yaml_to_json.hpp"
#include "migrate/field_path.hpp"
#include "run/file_reader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>
#include <system_error>
#include <utility>

namespace fmkit {

namespace {

using nlohmann::json;

// Describes a value for "got ..." in messages: strings quoted, collections
// by kind.
std::string describe(const json& value) {
  if (value.is_string()) return "'" + value.get<std::string>() + "'";
  if (value.is_array()) return "a list";
  if (value.is_object()) return "a mapping";
  return value.dump();
}

enum class Place { key, value };

// Parse state: the config's text and positions, and the errors so far.
class ConfigParser {
 public:
  ConfigParser(std::string_view text, const YamlDocument& document,
               std::string shown)
      : m_lines(text),
        m_positions(document.positions),
        m_shown(std::move(shown)) {}

  // Adds "path:line:col: message" at the key or value of `pointer`.
  void error(std::string_view pointer, Place place, std::string_view message) {
    Error e;
    e.text = m_shown;
    if (const NodeInfo* info = m_positions.find(pointer)) {
      size_t offset = place == Place::key && info->has_key ? info->key_begin
                                                           : info->value_begin;
      SourcePos pos = m_lines.at(offset);
      e.text +=
          ':' + std::to_string(pos.line) + ':' + std::to_string(pos.column);
      e.offset = offset + 1;
    }
    e.text += ": ";
    e.text += message;
    m_errors.push_back(std::move(e));
  }

  // Returns the keys of the mapping at `pointer` in the order the file
  // lists them (nlohmann::json sorts its keys).
  std::vector<std::string> keys_in_order(const json& object,
                                         std::string_view pointer) const {
    std::vector<std::string> keys;
    std::string prefix = std::string(pointer) + '/';
    for (const auto& [child, info] : m_positions.entries()) {
      if (!child.starts_with(prefix) ||
          child.find('/', prefix.size()) != std::string::npos) {
        continue;
      }
      std::vector<std::string> tokens = split_pointer(child);
      if (!tokens.empty() && object.contains(tokens.back())) {
        keys.push_back(std::move(tokens.back()));
      }
    }
    // Keys without a position, if any, follow in sorted order.
    for (const auto& item : object.items()) {
      if (std::find(keys.begin(), keys.end(), item.key()) == keys.end()) {
        keys.push_back(item.key());
      }
    }
    return keys;
  }

  // Returns the errors, one per line, in file order (those without a
  // position first), or "" when there are none.
  std::string errors() const {
    std::vector<Error> sorted = m_errors;
    std::stable_sort(
        sorted.begin(), sorted.end(),
        [](const Error& a, const Error& b) { return a.offset < b.offset; });
    std::string text;
    for (const Error& e : sorted) {
      if (!text.empty()) text += '\n';
      text += e.text;
    }
    return text;
  }

 private:
  struct Error {
    size_t offset = 0;  // 1 + the byte offset; 0 when there is no position
    std::string text;
  };

  LineIndex m_lines;
  const PositionMap& m_positions;
  std::string m_shown;
  std::vector<Error> m_errors;
};

template <typename Row, size_t N>
std::string unknown_key_message(std::string_view key, const Row (&rows)[N],
                                std::string_view where) {
  std::vector<std::string> names;
  for (const Row& row : rows) names.emplace_back(row.key);
  std::string message = "unknown key '" + std::string(key) + "'";
  message += where;
  if (auto suggestion = suggest_spelling(key, names)) {
    message += ", did you mean '" + *suggestion + "'?";
  }
  return message;
}

// Globs: a string or a non-empty list of strings (for include).
std::vector<Glob> parse_globs(ConfigParser& parser, const json& value,
                              const std::string& pointer, std::string_view key,
                              bool required) {
  std::vector<Glob> globs;
  std::string expected =
      "'" + std::string(key) + "' must be a glob or a list of globs, got ";
  auto add = [&](const json& item, const std::string& item_pointer) {
    if (!item.is_string()) {
      parser.error(item_pointer, Place::value, expected + describe(item));
      return;
    }
    auto glob = Glob::compile(item.get<std::string>());
    if (!glob) {
      parser.error(item_pointer, Place::value, glob.error());
      return;
    }
    globs.push_back(std::move(*glob));
  };
  if (value.is_array()) {
    if (value.empty() && required) {
      parser.error(pointer, Place::value,
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

void parse_include(ConfigParser& parser, const json& value,
                   const std::string& pointer, CollectionConfig& collection) {
  collection.include = parse_globs(parser, value, pointer, "include", true);
}

void parse_exclude(ConfigParser& parser, const json& value,
                   const std::string& pointer, CollectionConfig& collection) {
  collection.exclude = parse_globs(parser, value, pointer, "exclude", false);
}

void parse_schema(ConfigParser& parser, const json& value,
                  const std::string& pointer, CollectionConfig& collection) {
  if (!value.is_string() || value.get<std::string>().empty()) {
    parser.error(pointer, Place::value,
                 "'schema' must be a path, got " + describe(value));
    return;
  }
  collection.schema = value.get<std::string>();
}

void parse_require_front_matter(ConfigParser& parser, const json& value,
                                const std::string& pointer,
                                CollectionConfig& collection) {
  if (!value.is_boolean()) {
    parser.error(
        pointer, Place::value,
        "'require_front_matter' must be true or false, got " + describe(value));
    return;
  }
  collection.require_front_matter =
      value.get<bool>() ? RequireFrontMatter::yes : RequireFrontMatter::no;
}

void parse_migrations(ConfigParser& parser, const json& value,
                      const std::string& pointer,
                      CollectionConfig& collection) {
  if (!value.is_string() || value.get<std::string>().empty()) {
    parser.error(pointer, Place::value,
                 "'migrations' must be a folder, got " + describe(value));
    return;
  }
  collection.migrations = value.get<std::string>();
}

void parse_version_key(ConfigParser& parser, const json& value,
                       const std::string& pointer,
                       CollectionConfig& collection) {
  if (!value.is_string() || value.get<std::string>().empty()) {
    parser.error(pointer, Place::value,
                 "'version_key' must be a key or a JSON Pointer, got " +
                     describe(value));
    return;
  }
  if (auto path = parse_field_path(value.get<std::string>()); !path) {
    parser.error(pointer, Place::value, "'version_key': " + path.error());
    return;
  }
  collection.version_key = value.get<std::string>();
}

void parse_initial_version(ConfigParser& parser, const json& value,
                           const std::string& pointer,
                           CollectionConfig& collection) {
  if (!value.is_number_integer() || value.get<int64_t>() < 0 ||
      value.get<int64_t>() > 999'999'999) {
    parser.error(pointer, Place::value,
                 "'initial_version' must be a whole number, got " +
                     describe(value));
    return;
  }
  collection.initial_version = value.get<int>();
}

struct CollectionKey {
  std::string_view key;
  void (*parse)(ConfigParser&, const json&, const std::string&,
                CollectionConfig&);
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
};

void parse_collections(ConfigParser& parser, const json& value,
                       const std::string& pointer, Config& config) {
  if (!value.is_object()) {
    parser.error(pointer, Place::value,
                 "'collections' must map collection names to their settings, "
                 "got " +
                     describe(value));
    return;
  }
  if (value.empty()) {
    parser.error(pointer, Place::value,
                 "'collections' must name at least one collection");
    return;
  }
  for (const std::string& name : parser.keys_in_order(value, pointer)) {
    std::string collection_pointer = append_pointer(pointer, name);
    const json& settings = value[name];
    std::string where = " in collection '" + name + "'";
    if (!settings.is_object()) {
      parser.error(collection_pointer, Place::value,
                   "collection '" + name +
                       "' must be a mapping with 'include' and 'schema', got " +
                       describe(settings));
      continue;
    }
    CollectionConfig collection;
    collection.name = name;
    for (const std::string& key :
         parser.keys_in_order(settings, collection_pointer)) {
      std::string key_pointer = append_pointer(collection_pointer, key);
      auto row = std::find_if(
          std::begin(k_collection_keys), std::end(k_collection_keys),
          [&](const CollectionKey& k) { return k.key == key; });
      if (row == std::end(k_collection_keys)) {
        parser.error(key_pointer, Place::key,
                     unknown_key_message(key, k_collection_keys, where));
        continue;
      }
      row->parse(parser, settings[key], key_pointer, collection);
    }
    for (const CollectionKey& row : k_collection_keys) {
      if (row.required && !settings.contains(std::string(row.key))) {
        parser.error(
            collection_pointer, Place::key,
            "collection '" + name + "' has no '" + std::string(row.key) + "'");
      }
    }
    config.collections.push_back(std::move(collection));
  }
}

struct TopLevelKey {
  std::string_view key;
  void (*parse)(ConfigParser&, const json&, const std::string&, Config&);
  bool required;
};

// Top-level settings. A new setting is a new row here.
constexpr TopLevelKey k_top_level_keys[] = {
    {"collections", parse_collections, true},
};

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

Expected<Config> parse_config(std::string_view text,
                              const std::filesystem::path& path) {
  std::string shown = path.generic_string();
  LineIndex lines(text);
  std::vector<Diagnostic> diagnostics;
  std::optional<YamlDocument> document = parse_yaml_document(
      text, 0, text.size(), lines, YamlOptions{}, diagnostics);
  if (!document) {
    std::string message;
    for (const Diagnostic& d : diagnostics) {
      if (d.severity != Severity::error) continue;
      if (!message.empty()) message += '\n';
      message += shown;
      if (d.span.valid()) {
        message += ':' + std::to_string(d.span.begin.line) + ':' +
                   std::to_string(d.span.begin.column);
      }
      message += ": " + d.message;
    }
    return unexpected(message.empty() ? shown + ": invalid YAML" : message);
  }

  Config config;
  config.path = path;
  ConfigParser parser(text, *document, shown);
  const json& root = document->value;
  if (root.is_null()) {
    parser.error("", Place::value, "missing key 'collections'");
  } else if (!root.is_object()) {
    parser.error("", Place::value,
                 "the config must be a mapping, got " + describe(root));
  } else {
    for (const std::string& key : parser.keys_in_order(root, "")) {
      std::string pointer = append_pointer("", key);
      auto row =
          std::find_if(std::begin(k_top_level_keys), std::end(k_top_level_keys),
                       [&](const TopLevelKey& k) { return k.key == key; });
      if (row == std::end(k_top_level_keys)) {
        parser.error(pointer, Place::key,
                     unknown_key_message(key, k_top_level_keys, ""));
        continue;
      }
      row->parse(parser, root[key], pointer, config);
    }
    for (const TopLevelKey& row : k_top_level_keys) {
      if (row.required && !root.contains(std::string(row.key))) {
        parser.error("", Place::value,
                     "missing key '" + std::string(row.key) + "'");
      }
    }
  }
  if (std::string errors = parser.errors(); !errors.empty()) {
    return unexpected(std::move(errors));
  }
  return config;
}

Expected<Config> load_config(const std::filesystem::path& path,
                             const std::filesystem::path& cwd) {
  auto text = read_whole_file(cwd / path);
  if (!text) return unexpected(path.generic_string() + ": " + text.error());
  return parse_config(*text, path);
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
