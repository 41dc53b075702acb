// SPDX-License-Identifier: MIT
#include "run/config_rules.hpp"

#include "base/describe.hpp"
#include "base/json_pointer.hpp"
#include "base/spelling.hpp"
#include "document/json_reader.hpp"
#include "document/toml_to_json.hpp"
#include "document/yaml_to_json.hpp"
#include "migrate/field_path.hpp"
#include "run/collection.hpp"
#include "run/file_reader.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace fmkit {

namespace {

using nlohmann::json;

void type_error(YamlFile& file, const std::string& pointer,
                std::string_view what, std::string_view takes,
                const json& value) {
  file.error(pointer, Place::value, "config.type",
             std::string(what) + " must be " + std::string(takes) + ", got " +
                 describe_value(value, ValueStyle::subject));
}

// Reports each key of the mapping `value` that is not in `known`.
void check_keys(YamlFile& file, const json& value, const std::string& pointer,
                const std::vector<std::string>& known, std::string_view where) {
  for (const std::string& key : file.keys_in_order(value, pointer)) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    file.error(append_pointer(pointer, key), Place::key, "config.unknown-key",
               "unknown key '" + key + "' in " + std::string(where) +
                   did_you_mean(key, known));
  }
}

// The field path at `pointer` (a key name or a JSON Pointer), or a problem.
std::optional<FieldPath> parse_field(YamlFile& file, const json& value,
                                     const std::string& pointer,
                                     std::string_view what) {
  if (!value.is_string()) {
    type_error(file, pointer, what, "a key or a JSON Pointer", value);
    return std::nullopt;
  }
  auto path = parse_field_path(value.get<std::string>());
  if (!path) {
    file.error(pointer, Place::value, "config.rule", path.error());
    return std::nullopt;
  }
  return std::move(*path);
}

// `across: [pages, docs]` (or one name) into `rule`.
void parse_across(YamlFile& file, const json& value, const std::string& pointer,
                  UniqueRule& rule) {
  auto add = [&](const json& item, const std::string& item_pointer) {
    if (!item.is_string() || item.get<std::string>().empty()) {
      type_error(file, item_pointer, "'across'", "a list of collection names",
                 item);
      return;
    }
    const std::string& name = item.get_ref<const std::string&>();
    if (std::find(rule.collections.begin(), rule.collections.end(), name) !=
        rule.collections.end()) {
      return;
    }
    rule.collections.push_back(name);
    rule.across_pointers.push_back(item_pointer);
  };
  if (!value.is_array()) return add(value, pointer);
  for (size_t i = 0; i < value.size(); ++i) {
    add(value[i], append_pointer(pointer, std::to_string(i)));
  }
}

// One item of `unique:`: a field, or {field, across, normalize}.
void parse_unique_item(YamlFile& file, const json& item,
                       const std::string& pointer,
                       CollectionConfig& collection) {
  UniqueRule rule;
  rule.collections.push_back(collection.name);
  rule.span = file.span(pointer, Place::value);
  std::optional<FieldPath> field;
  if (item.is_object()) {
    check_keys(file, item, pointer, {"field", "across", "normalize"},
               "a 'unique' rule");
    if (!item.contains("field")) {
      file.error(pointer, Place::value, "config.missing-key",
                 "a 'unique' rule needs 'field' (a key or a JSON Pointer)");
      return;
    }
    field = parse_field(file, item["field"], append_pointer(pointer, "field"),
                        "'field'");
    if (item.contains("across")) {
      parse_across(file, item["across"], append_pointer(pointer, "across"),
                   rule);
    }
    if (item.contains("normalize")) {
      const json& normalize = item["normalize"];
      std::string text =
          normalize.is_string() ? normalize.get<std::string>() : std::string();
      if (text == "url") {
        rule.normalize_url = true;
      } else {
        file.error(append_pointer(pointer, "normalize"), Place::value,
                   "config.rule",
                   "unknown normalization " +
                       describe_value(normalize, ValueStyle::subject) +
                       ": 'normalize' takes url" + did_you_mean(text, {"url"}));
      }
    }
  } else {
    field = parse_field(file, item, pointer, "a 'unique' field");
  }
  if (!field) return;
  rule.field = field->text;
  rule.tokens = field->tokens;
  collection.unique.push_back(std::move(rule));
}

// The target of one reference: {data: FILE, key: K} or
// {collection: NAME, key: FIELD | stem}.
void parse_reference_target(YamlFile& file, const json& target,
                            const std::string& pointer, ReferenceRule& rule,
                            CollectionConfig& collection) {
  check_keys(file, target, pointer, {"data", "collection", "key"},
             "reference '" + rule.field + "'");
  bool data = target.contains("data");
  bool other = target.contains("collection");
  if (data == other) {
    file.error(pointer, Place::value,
               data ? "config.rule" : "config.missing-key",
               "reference '" + rule.field + "' needs " +
                   (data ? "either 'data' or 'collection', not both"
                         : "'data' (a data file) or 'collection'"));
    return;
  }
  std::string name = data ? "data" : "collection";
  std::string value_pointer = append_pointer(pointer, name);
  const json& value = target[name];
  if (!value.is_string() || value.get<std::string>().empty()) {
    type_error(file, value_pointer, "'" + name + "'",
               data ? "a path" : "a collection name", value);
    return;
  }
  (data ? rule.data : rule.collection) = value.get<std::string>();
  if (data) rule.data_span = file.span(value_pointer, Place::value);
  if (!data) rule.collection_pointer = value_pointer;
  if (!target.contains("key")) {
    if (data) return collection.references.push_back(std::move(rule));
    file.error(pointer, Place::value, "config.missing-key",
               "reference '" + rule.field +
                   "' needs 'key': a field of collection '" + rule.collection +
                   "', or stem (the file name without its extension)");
    return;
  }
  std::string key_pointer = append_pointer(pointer, "key");
  auto key = parse_field(file, target["key"], key_pointer, "'key'");
  if (!key) return;
  rule.key = key->text;
  if (!data && rule.key == "stem") {
    rule.by_stem = true;
  } else {
    rule.key_tokens = key->tokens;
  }
  collection.references.push_back(std::move(rule));
}

// A value that names an entry: a string, or a number or boolean as JSON
// writes it; std::nullopt for null, "" and collections.
std::optional<std::string> key_text(const json& value) {
  if (value.is_string()) {
    if (value.get_ref<const std::string&>().empty()) return std::nullopt;
    return value.get<std::string>();
  }
  if (value.is_number() || value.is_boolean()) return value.dump();
  return std::nullopt;
}

// A data file read: its text and value with positions, or the problems in
// it.
struct DataFile {
  std::string text;
  std::optional<YamlDocument> document;
  std::vector<Diagnostic> diagnostics;
};

DataFile read_data_file(const std::filesystem::path& path, std::string text) {
  DataFile data;
  data.text = std::move(text);
  LineIndex lines(data.text);
  std::string extension = path.extension().string();
  std::transform(
      extension.begin(), extension.end(), extension.begin(),
      [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto parse = extension == ".json"   ? parse_json_document
               : extension == ".toml" ? parse_toml_document
                                      : parse_yaml_document;
  data.document = parse(data.text, 0, data.text.size(), lines, YamlOptions{},
                        data.diagnostics);
  return data;
}

// The keys of `data` for `rule` into rule.data_keys; each item of a list
// without a usable `key` is a problem in the data file.
void collect_data_keys(DataFile& data, ReferenceRule& rule) {
  const json& root = data.document->value;
  LineIndex lines(data.text);
  auto problem = [&](const std::string& pointer, std::string message) {
    const NodeInfo* node = data.document->positions.find_nearest(pointer);
    Diagnostic d;
    d.rule = "config.data";
    d.message = std::move(message);
    d.pointer = pointer;
    if (node != nullptr)
      d.span = lines.span(node->value_begin, node->value_end);
    data.diagnostics.push_back(std::move(d));
  };
  if (rule.key.empty()) {
    if (!root.is_object()) {
      return problem("",
                     "a data file named without 'key' must be a mapping "
                     "whose keys are the names, got " +
                         describe_value(root, ValueStyle::typed) +
                         (root.is_array() ? " (add key: id to use a field "
                                            "of each item)"
                                          : ""));
    }
    for (const auto& [key, value] : root.items()) rule.data_keys.push_back(key);
  } else if (!root.is_array()) {
    return problem("", "a data file named with 'key: " + rule.key +
                           "' must be a list of mappings, got " +
                           describe_value(root, ValueStyle::typed));
  } else {
    for (size_t i = 0; i < root.size(); ++i) {
      std::string pointer = "/" + std::to_string(i);
      const json* value =
          root[i].is_object() ? find_value(root[i], rule.key_tokens) : nullptr;
      std::optional<std::string> text =
          value != nullptr ? key_text(*value) : std::nullopt;
      if (!text) {
        problem(pointer, "item " + std::to_string(i + 1) + " has no '" +
                             rule.key + "' naming it");
        continue;
      }
      rule.data_keys.push_back(std::move(*text));
    }
  }
  std::sort(rule.data_keys.begin(), rule.data_keys.end());
}

}  // namespace

void parse_unique(YamlFile& file, const json& value, const std::string& pointer,
                  CollectionConfig& collection) {
  if (!value.is_array()) {
    return parse_unique_item(file, value, pointer, collection);
  }
  for (size_t i = 0; i < value.size(); ++i) {
    parse_unique_item(file, value[i],
                      append_pointer(pointer, std::to_string(i)), collection);
  }
}

void parse_references(YamlFile& file, const json& value,
                      const std::string& pointer,
                      CollectionConfig& collection) {
  if (!value.is_object()) {
    type_error(file, pointer, "'references'",
               "a mapping of fields to what they name ({author: {data: "
               "data/authors.yml}})",
               value);
    return;
  }
  for (const std::string& key : file.keys_in_order(value, pointer)) {
    std::string key_pointer = append_pointer(pointer, key);
    ReferenceRule rule;
    auto field = parse_field(file, json(key), key_pointer, "a reference");
    if (!field) continue;
    rule.field = field->text;
    rule.tokens = field->tokens;
    rule.span = file.span(key_pointer, Place::key);
    const json& target = value[key];
    if (!target.is_object()) {
      type_error(file, key_pointer, "reference '" + key + "'",
                 "a mapping with 'data' or 'collection'", target);
      continue;
    }
    parse_reference_target(file, target, key_pointer, rule, collection);
  }
}

Expected<void, Problems> load_rule_data(
    Config& config, const std::filesystem::path& cwd,
    const std::optional<std::filesystem::path>& root) {
  Problems problems;
  for (CollectionConfig& collection : config.collections) {
    for (ReferenceRule& rule : collection.references) {
      if (rule.data.empty()) continue;
      std::filesystem::path shown = config.folder() / rule.data;
      std::filesystem::path path = (cwd / shown).lexically_normal();
      if (root && !path_inside(*root, path)) {
        Problems problem =
            config.problem(rule.data_span, "config.outside",
                           outside_message(rule.data, "data file", *root));
        problems.push_back(std::move(problem.front()));
        continue;
      }
      auto text = read_whole_file(path);
      if (!text) {
        Problems problem = config.problem(
            rule.data_span, "config.data",
            "cannot read the data file '" + rule.data + "': " + text.error());
        problems.push_back(std::move(problem.front()));
        continue;
      }
      DataFile data = read_data_file(shown, std::move(*text));
      if (data.document) collect_data_keys(data, rule);
      if (count_errors(data.diagnostics) == 0) continue;
      Problems problem = config.problem(
          rule.data_span, "config.data",
          "the data file '" + rule.data + "' of reference '" + rule.field +
              "' cannot be used: " +
              count_noun(count_errors(data.diagnostics), "error") + " in it");
      problems.push_back(std::move(problem.front()));
      std::erase_if(data.diagnostics, [](const Diagnostic& d) {
        return d.severity == Severity::warning;
      });
      sort_diagnostics(data.diagnostics);
      problems.push_back(FileReport{shown.generic_string(),
                                    std::move(data.text),
                                    std::move(data.diagnostics)});
    }
  }
  if (!problems.empty()) return unexpected(std::move(problems));
  return {};
}

void check_rule_collections(YamlFile& file, const Config& config) {
  std::vector<std::string> names;
  for (const CollectionConfig& c : config.collections) names.push_back(c.name);
  auto check = [&](const std::string& name, const std::string& pointer) {
    if (std::find(names.begin(), names.end(), name) != names.end()) return;
    file.error(pointer, Place::value, "config.rule",
               "unknown collection '" + name + "'" + did_you_mean(name, names));
  };
  for (const CollectionConfig& c : config.collections) {
    for (const UniqueRule& rule : c.unique) {
      for (size_t i = 0; i < rule.across_pointers.size(); ++i) {
        check(rule.collections[i + 1], rule.across_pointers[i]);
      }
    }
    for (const ReferenceRule& rule : c.references) {
      if (!rule.collection.empty()) {
        check(rule.collection, rule.collection_pointer);
      }
    }
  }
}

}  // namespace fmkit
