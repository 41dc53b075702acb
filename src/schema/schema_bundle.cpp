// SPDX-License-Identifier: MIT
#include "schema/schema_bundle.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "base/json_pointer.hpp"
#include "schema/ecma_regex.hpp"
#include "schema/formats.hpp"

namespace fmkit {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Schema nesting beyond this is refused rather than risking the stack.
constexpr size_t k_max_depth = 200;

// Keywords fmkit checks itself; in schema objects they are renamed
// "$fmkit:<keyword>" so that valijson does not see them. "id" is renamed
// too: it is not a draft-07 keyword, but valijson would let it change the
// resolution scope.
const std::set<std::string, std::less<>> k_own_keywords = {
    "type", "enum", "const", "format", "pattern",
    "minLength", "maxLength", "minItems", "maxItems", "uniqueItems",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
    "required", "minProperties", "maxProperties",
    "patternProperties", "additionalProperties", "propertyNames",
    "anyOf", "oneOf", "id",
};

constexpr std::string_view k_renamed_prefix = "$fmkit:";

// Keywords whose value is an object of schemas.
bool holds_schema_map(std::string_view keyword) {
  return keyword == "properties" || keyword == "patternProperties" ||
         keyword == "definitions" || keyword == "$defs";
}

// Keywords whose value is one schema.
bool holds_schema(std::string_view keyword) {
  return keyword == "additionalProperties" || keyword == "additionalItems" ||
         keyword == "contains" || keyword == "propertyNames" ||
         keyword == "not" || keyword == "if" || keyword == "then" ||
         keyword == "else";
}

// Keywords whose value is an array of schemas.
bool holds_schema_list(std::string_view keyword) {
  return keyword == "allOf" || keyword == "anyOf" || keyword == "oneOf";
}

bool is_schema_shape(const json& node) {
  return node.is_object() || node.is_boolean();
}

// A pointer token as valijson reads it: "~" and "/" escaped as in RFC 6901,
// then "%" escaped because valijson percent-decodes each token.
std::string encode_token(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else if (c == '%') {
      out += "%25";
    } else {
      out += c;
    }
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size() || hex_value(text[i + 1]) < 0 ||
        hex_value(text[i + 2]) < 0) {
      return std::nullopt;
    }
    out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
    i += 2;
  }
  return out;
}

// Whether `uri` names something fmkit must not fetch: it has a scheme
// ("https:", "file:", "urn:") or an authority ("//host/x.json").
bool is_remote(std::string_view uri) {
  if (uri.starts_with("//")) return true;
  size_t colon = uri.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!alpha(uri[0])) return false;
  for (char c : uri.substr(0, colon)) {
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
      return false;
    }
  }
  return true;
}

bool is_under(const fs::path& path, const fs::path& folder) {
  fs::path relative = path.lexically_relative(folder);
  return !relative.empty() && *relative.begin() != ".." && relative != ".";
}

// "https://x/schemas/post.json" -> "https://x/schemas/"; "" unless `id` is
// an absolute URI with a path.
std::string id_folder(std::string_view id) {
  if (!is_remote(id) || id.starts_with("//")) return "";
  size_t authority = id.find("://");
  size_t slash = id.rfind('/');
  if (authority == std::string_view::npos || slash == std::string_view::npos ||
      slash < authority + 3) {
    return "";
  }
  return std::string(id.substr(0, slash + 1));
}

std::string strip_fragment(std::string_view uri) {
  return std::string(uri.substr(0, uri.find('#')));
}

// "parse error at line 3, column 8: syntax error ..." -> {3, 8, "syntax..."}
std::string describe_parse_error(const json::parse_error& error,
                                 const std::string& file) {
  std::string_view what = error.what();
  constexpr std::string_view k_at = "parse error at line ";
  size_t at = what.find(k_at);
  if (at != std::string_view::npos) {
    std::string_view rest = what.substr(at + k_at.size());
    size_t comma = rest.find(", column ");
    size_t colon = rest.find(": ");
    if (comma != std::string_view::npos && colon != std::string_view::npos &&
        comma < colon) {
      std::string line(rest.substr(0, comma));
      std::string column(rest.substr(comma + 9, colon - comma - 9));
      return file + ":" + line + ":" + column + ": invalid JSON: " +
             std::string(rest.substr(colon + 2));
    }
  }
  size_t colon = what.find(": ");
  return file + ": invalid JSON: " +
         std::string(colon == std::string_view::npos ? what : what.substr(colon + 2));
}

std::optional<uint64_t> read_count(const json& value) {
  if (value.is_number_unsigned()) return value.get<uint64_t>();
  if (value.is_number_integer()) {
    int64_t n = value.get<int64_t>();
    if (n >= 0) return static_cast<uint64_t>(n);
    return std::nullopt;
  }
  if (value.is_number_float()) {
    double d = value.get<double>();
    if (d >= 0 && d == std::floor(d) && d < 1.8e19) return static_cast<uint64_t>(d);
  }
  return std::nullopt;
}

class Bundler {
 public:
  Bundler(const ReadFile& read_file, fs::path root)
      : m_read_file(read_file), m_root(std::move(root)),
        m_folder(m_root.parent_path()) {}

  Expected<SchemaBundle> run() {
    if (auto loaded = load(m_root, ""); !loaded) return unexpected(loaded.error());
    if (auto walked = collect(0, m_files[0]->doc, "", 0); !walked) {
      return unexpected(walked.error());
    }
    if (auto loops = check_ref_loops(); !loops) return unexpected(loops.error());
    json files = json::array();
    for (size_t i = 0; i < m_files.size(); ++i) {
      std::string out_pointer = "/$fmkit/" + std::to_string(i);
      auto copy = transform(i, m_files[i]->doc, "", out_pointer, 0);
      if (!copy) return unexpected(copy.error());
      files.push_back(std::move(*copy));
    }
    m_out.document = json::object();
    m_out.document["$fmkit"] = std::move(files);
    for (const auto& file : m_files) m_out.files.push_back(file->path);
    return std::move(m_out);
  }

 private:
  struct File {
    fs::path path;
    json doc;
    std::string id;  // top-level "$id" without fragment
  };

  struct Target {
    size_t file = 0;
    std::vector<std::string> tokens;
    const json* node = nullptr;
  };

  std::string name(size_t file) const { return m_files[file]->path.generic_string(); }

  // Where a message puts a problem: "post.json" or "post.json#/properties/x".
  std::string at(size_t file, const std::string& pointer) const {
    return pointer.empty() ? name(file) : name(file) + "#" + pointer;
  }

  // Reads and parses `path` once; `why` says which ref asked for it.
  Expected<size_t> load(const fs::path& path, const std::string& why) {
    if (auto it = m_index.find(path); it != m_index.end()) return it->second;
    Expected<std::string> text = m_read_file(path);
    if (!text) {
      return unexpected(why.empty() ? path.generic_string() + ": " + text.error()
                                    : why + ": cannot read " +
                                          path.generic_string() + ": " +
                                          text.error());
    }
    auto file = std::make_unique<File>();
    file->path = path;
    try {
      file->doc = json::parse(*text);
    } catch (const json::parse_error& error) {
      return unexpected(describe_parse_error(error, path.generic_string()));
    }
    if (file->doc.is_object()) {
      auto id = file->doc.find("$id");
      if (id != file->doc.end() && id->is_string()) {
        file->id = strip_fragment(id->get<std::string>());
      }
    } else if (!file->doc.is_boolean()) {
      return unexpected(path.generic_string() +
                        ": invalid schema: the root must be an object or a boolean");
    }
    size_t index = m_files.size();
    m_files.push_back(std::move(file));
    m_index.emplace(path, index);
    return index;
  }

  // Marks the schema objects reachable from `node` (at `pointer` in
  // `file`), loading the files their refs name.
  Expected<void> collect(size_t file, const json& node, const std::string& pointer,
                         size_t depth) {
    if (!is_schema_shape(node) || !m_schema_nodes.insert(&node).second) return {};
    if (depth > k_max_depth) {
      return unexpected(at(file, pointer) + ": schema nested too deeply");
    }
    if (!node.is_object()) return {};
    auto ref = node.find("$ref");
    if (ref != node.end() && ref->is_string()) {
      // Draft-07: the siblings of "$ref" are ignored (valijson too).
      auto target = resolve_ref(file, ref->get<std::string>(), pointer);
      if (!target) return unexpected(target.error());
      std::string target_pointer;
      for (const std::string& token : target->tokens) {
        target_pointer = append_pointer(target_pointer, token);
      }
      const json* target_node = target->node;
      size_t target_file = target->file;
      m_refs.emplace(&node, std::move(*target));
      return collect(target_file, *target_node, target_pointer, depth + 1);
    }
    for (const auto& [keyword, value] : node.items()) {
      std::string child = append_pointer(pointer, keyword);
      if (holds_schema_map(keyword) ||
          (keyword == "dependencies" && value.is_object())) {
        if (!value.is_object()) continue;
        for (const auto& [key, schema] : value.items()) {
          auto r = collect(file, schema, append_pointer(child, key), depth + 1);
          if (!r) return r;
        }
      } else if (holds_schema(keyword) ||
                 (keyword == "items" && !value.is_array())) {
        auto r = collect(file, value, child, depth + 1);
        if (!r) return r;
      } else if (holds_schema_list(keyword) ||
                 (keyword == "items" && value.is_array())) {
        if (!value.is_array()) continue;
        for (size_t i = 0; i < value.size(); ++i) {
          auto r = collect(file, value[i], append_pointer(child, std::to_string(i)),
                           depth + 1);
          if (!r) return r;
        }
      }
    }
    return {};
  }

  Expected<Target> resolve_ref(size_t file, const std::string& ref,
                               const std::string& pointer) {
    std::string where = at(file, pointer);
    size_t hash = ref.find('#');
    std::string uri = ref.substr(0, hash);
    std::string fragment = hash == std::string::npos ? "" : ref.substr(hash + 1);
    Target target;
    target.file = file;
    // A URI under the root schema's "$id" folder names the file at the same
    // place under the root schema's folder ("https://x/schemas/post.json"
    // at schemas/post.json: "https://x/schemas/common.json" is
    // schemas/common.json), so schemas that refer to each other by URL
    // work offline. Other URIs with a scheme are refused.
    fs::path base = m_files[file]->path.parent_path();
    if (!uri.empty() && is_remote(uri)) {
      auto same = std::find_if(m_files.begin(), m_files.end(), [&](const auto& f) {
        return !f->id.empty() && f->id == uri;
      });
      if (same != m_files.end()) {
        target.file = static_cast<size_t>(same - m_files.begin());
        uri.clear();
      } else if (std::string site = id_folder(m_files[0]->id);
                 !site.empty() && uri.starts_with(site) && uri.size() > site.size()) {
        uri = uri.substr(site.size());
        base = m_folder;
      } else {
        return unexpected(where + ": remote $ref '" + ref +
                          "' refused: fmkit never fetches schemas; refer to a "
                          "local file by a relative path");
      }
    }
    if (!uri.empty()) {
      std::optional<std::string> decoded = percent_decode(uri);
      if (!decoded) return unexpected(where + ": invalid $ref '" + ref + "'");
      fs::path path = (base / *decoded).lexically_normal();
      if (!is_under(path, m_folder)) {
        return unexpected(where + ": $ref '" + ref +
                          "' points outside the schema folder " +
                          m_folder.generic_string());
      }
      auto loaded = load(path, where + ": $ref '" + ref + "'");
      if (!loaded) return unexpected(loaded.error());
      target.file = *loaded;
    }
    if (!fragment.empty() && fragment[0] != '/') {
      return unexpected(where + ": $ref '" + ref +
                        "': only JSON Pointer fragments (\"#/...\") are supported");
    }
    std::optional<std::string> decoded = percent_decode(fragment);
    if (!decoded) return unexpected(where + ": invalid $ref '" + ref + "'");
    target.tokens = split_pointer(*decoded);
    const json* node = &m_files[target.file]->doc;
    for (const std::string& token : target.tokens) {
      const json* next = nullptr;
      if (node->is_object()) {
        auto it = node->find(token);
        if (it != node->end()) next = &*it;
      } else if (node->is_array() && !token.empty() &&
                 std::all_of(token.begin(), token.end(),
                             [](char c) { return c >= '0' && c <= '9'; })) {
        size_t index = std::stoul(token);
        if (index < node->size()) next = &(*node)[index];
      }
      if (next == nullptr) {
        return unexpected(where + ": $ref '" + ref + "' points to nothing in " +
                          name(target.file));
      }
      node = next;
    }
    if (!is_schema_shape(*node)) {
      return unexpected(where + ": $ref '" + ref + "' does not point to a schema");
    }
    target.node = node;
    return target;
  }

  // Refuses chains of refs that come back without reaching a schema.
  Expected<void> check_ref_loops() const {
    for (const auto& [start, target] : m_refs) {
      std::unordered_set<const json*> seen = {start};
      const Target* next = &target;
      while (true) {
        if (!seen.insert(next->node).second) {
          return unexpected(name(target.file) + ": $ref loop: a chain of $ref never reaches a schema");
        }
        auto it = m_refs.find(next->node);
        if (it == m_refs.end()) break;
        next = &it->second;
      }
    }
    return {};
  }

  // The ref to `target` in the bundle, with renamed keywords followed.
  std::string bundle_ref(const Target& target) const {
    std::string out = "#/$fmkit/" + std::to_string(target.file);
    const json* node = &m_files[target.file]->doc;
    for (const std::string& token : target.tokens) {
      bool renamed = node->is_object() && m_schema_nodes.count(node) != 0 &&
                     m_refs.count(node) == 0 && k_own_keywords.count(token) != 0;
      out += '/';
      out += encode_token(renamed ? std::string(k_renamed_prefix) + token : token);
      if (node->is_object()) {
        node = &node->at(token);
      } else {
        node = &(*node)[std::stoul(token)];
      }
    }
    return out;
  }

  size_t add_subschema(const std::string& out_pointer) {
    m_out.subschemas.push_back("#" + out_pointer);
    return m_out.subschemas.size() - 1;
  }

  size_t add_check(std::unique_ptr<CheckSpec> spec) {
    m_out.checks.push_back(std::move(spec));
    return m_out.checks.size() - 1;
  }

  // Copies `node` (at `pointer` in `file`, at `out` in the bundle),
  // rewriting the schema objects in it.
  Expected<json> transform(size_t file, const json& node, const std::string& pointer,
                           const std::string& out, size_t depth) {
    if (depth > k_max_depth) {
      return unexpected(at(file, pointer) + ": schema nested too deeply");
    }
    bool is_schema = m_schema_nodes.count(&node) != 0;
    if (is_schema && node.is_boolean()) {
      if (node.get<bool>()) return node;
      auto spec = std::make_unique<CheckSpec>();
      spec->never = true;
      return json{{"$fmkit", add_check(std::move(spec))}};
    }
    if (node.is_array()) {
      json copy = json::array();
      for (size_t i = 0; i < node.size(); ++i) {
        std::string index = std::to_string(i);
        auto item = transform(file, node[i], append_pointer(pointer, index),
                              out + "/" + index, depth + 1);
        if (!item) return item;
        copy.push_back(std::move(*item));
      }
      return copy;
    }
    if (!node.is_object()) return node;

    auto ref = m_refs.find(&node);
    bool own = is_schema && ref == m_refs.end();
    auto spec = std::make_unique<CheckSpec>();
    json copy = json::object();
    for (const auto& [key, value] : node.items()) {
      std::string child_pointer = append_pointer(pointer, key);
      if (ref != m_refs.end() && key == "$ref") {
        copy[key] = bundle_ref(ref->second);
        continue;
      }
      if (own && key == "dependencies" && value.is_object()) {
        json kept = json::object();
        std::string out_child = out + "/dependencies";
        for (const auto& [name, dependency] : value.items()) {
          if (dependency.is_array()) {
            std::vector<std::string> names;
            for (const json& n : dependency) {
              if (!n.is_string()) {
                return unexpected(at(file, append_pointer(child_pointer, name)) +
                                  ": invalid schema: 'dependencies' lists must hold strings");
              }
              names.push_back(n.get<std::string>());
            }
            spec->dependencies.emplace_back(name, std::move(names));
            continue;
          }
          auto kept_copy = transform(file, dependency, append_pointer(child_pointer, name),
                                     out_child + "/" + encode_token(name), depth + 1);
          if (!kept_copy) return kept_copy;
          kept[name] = std::move(*kept_copy);
        }
        copy[key] = std::move(kept);
        continue;
      }
      bool renamed = own && k_own_keywords.count(key) != 0;
      std::string out_key = renamed ? std::string(k_renamed_prefix) + key : key;
      std::string out_child = out + "/" + encode_token(out_key);
      auto child = transform(file, value, child_pointer, out_child, depth + 1);
      if (!child) return child;
      copy[out_key] = std::move(*child);
      if (renamed) {
        auto parsed = parse_keyword(file, key, value, pointer, out_child, *spec);
        if (!parsed) return unexpected(parsed.error());
      }
    }
    if (own) {
      if (spec->checks_members) {
        auto properties = node.find("properties");
        if (properties != node.end() && properties->is_object()) {
          for (const auto& [name, unused] : properties->items()) {
            spec->properties.push_back(name);
          }
        }
        std::sort(spec->properties.begin(), spec->properties.end());
      }
      if (!is_empty(*spec)) copy["$fmkit"] = add_check(std::move(spec));
    }
    return copy;
  }

  static bool is_empty(const CheckSpec& s) {
    return !s.never && s.types == 0 && !s.enum_values && !s.const_value &&
           !s.format && !s.pattern && !s.min_length && !s.max_length &&
           !s.min_items && !s.max_items && !s.unique_items && !s.minimum &&
           !s.maximum && !s.exclusive_minimum && !s.exclusive_maximum &&
           !s.multiple_of && s.required.empty() && !s.min_properties &&
           !s.max_properties && s.dependencies.empty() && !s.checks_members &&
           s.property_names_schema < 0 && s.any_of.empty() && s.one_of.empty();
  }

  // Whether `schema` accepts everything ({} or true), so needs no run.
  bool accepts_all(const json& schema) const {
    return (schema.is_boolean() && schema.get<bool>()) ||
           (schema.is_object() && schema.empty());
  }

  // Reads keyword `key` = `value` of the schema object at `pointer` into
  // `spec`; `out` is where the value sits in the bundle.
  Expected<void> parse_keyword(size_t file, const std::string& key,
                               const json& value, const std::string& pointer,
                               const std::string& out, CheckSpec& spec) {
    auto invalid = [&](const std::string& why) {
      return unexpected(at(file, pointer) + ": invalid schema: '" + key + "' " + why);
    };
    auto count = [&](std::optional<uint64_t>& field) -> Expected<void> {
      field = read_count(value);
      if (!field) return invalid("must be a non-negative integer");
      return {};
    };
    auto number = [&](std::optional<json>& field) -> Expected<void> {
      if (!value.is_number()) return invalid("must be a number");
      field = value;
      return {};
    };
    if (key == "type") {
      static const std::map<std::string, unsigned, std::less<>> k_types = {
          {"null", type_bits::k_null},       {"boolean", type_bits::k_boolean},
          {"object", type_bits::k_object},   {"array", type_bits::k_array},
          {"number", type_bits::k_number},   {"string", type_bits::k_string},
          {"integer", type_bits::k_integer},
      };
      std::vector<json> names;
      if (value.is_string()) {
        names.push_back(value);
      } else if (value.is_array() && !value.empty()) {
        names.assign(value.begin(), value.end());
      } else {
        return invalid("must be a type name or a non-empty list of them");
      }
      for (const json& n : names) {
        auto it = n.is_string() ? k_types.find(n.get<std::string>()) : k_types.end();
        if (it == k_types.end()) return invalid("names an unknown type " + n.dump());
        spec.types |= it->second;
      }
    } else if (key == "enum") {
      if (!value.is_array()) return invalid("must be an array");
      spec.enum_values = std::vector<json>(value.begin(), value.end());
    } else if (key == "const") {
      spec.const_value = value;
    } else if (key == "format") {
      // Unknown formats are ignored, as draft-07 allows.
      if (value.is_string()) spec.format = find_format(value.get<std::string>());
    } else if (key == "pattern") {
      if (!value.is_string()) return invalid("must be a string");
      auto rule = compile_pattern(file, pointer, value.get<std::string>());
      if (!rule) return unexpected(rule.error());
      spec.pattern = std::move(*rule);
    } else if (key == "minLength") {
      return count(spec.min_length);
    } else if (key == "maxLength") {
      return count(spec.max_length);
    } else if (key == "minItems") {
      return count(spec.min_items);
    } else if (key == "maxItems") {
      return count(spec.max_items);
    } else if (key == "minProperties") {
      return count(spec.min_properties);
    } else if (key == "maxProperties") {
      return count(spec.max_properties);
    } else if (key == "uniqueItems") {
      if (!value.is_boolean()) return invalid("must be a boolean");
      spec.unique_items = value.get<bool>();
    } else if (key == "minimum") {
      return number(spec.minimum);
    } else if (key == "maximum") {
      return number(spec.maximum);
    } else if (key == "exclusiveMinimum") {
      return number(spec.exclusive_minimum);
    } else if (key == "exclusiveMaximum") {
      return number(spec.exclusive_maximum);
    } else if (key == "multipleOf") {
      if (!value.is_number() || !(value.get<double>() > 0)) {
        return invalid("must be a number greater than 0");
      }
      spec.multiple_of = value;
    } else if (key == "required") {
      if (!value.is_array()) return invalid("must be an array of strings");
      for (const json& n : value) {
        if (!n.is_string()) return invalid("must be an array of strings");
        spec.required.push_back(n.get<std::string>());
      }
    } else if (key == "patternProperties") {
      if (!value.is_object()) return invalid("must be an object");
      spec.checks_members = true;
      for (const auto& [source, schema] : value.items()) {
        auto rule = compile_pattern(file, pointer, source);
        if (!rule) return unexpected(rule.error());
        if (!accepts_all(schema)) {
          rule->subschema = static_cast<int>(add_subschema(out + "/" + encode_token(source)));
        }
        spec.pattern_properties.push_back(std::move(*rule));
      }
    } else if (key == "additionalProperties") {
      spec.checks_members = true;
      if (value.is_boolean()) {
        spec.additional = value.get<bool>() ? Additional::allowed : Additional::forbidden;
      } else if (value.is_object()) {
        if (!accepts_all(value)) {
          spec.additional = Additional::schema;
          spec.additional_schema = static_cast<int>(add_subschema(out));
        }
      } else {
        return invalid("must be a schema");
      }
    } else if (key == "propertyNames") {
      if (!is_schema_shape(value)) return invalid("must be a schema");
      if (!accepts_all(value)) {
        spec.property_names_schema = static_cast<int>(add_subschema(out));
      }
    } else if (key == "anyOf" || key == "oneOf") {
      if (!value.is_array() || value.empty()) return invalid("must be a non-empty array");
      std::vector<int>& branches = key == "anyOf" ? spec.any_of : spec.one_of;
      for (size_t i = 0; i < value.size(); ++i) {
        if (!is_schema_shape(value[i])) return invalid("must hold schemas");
        branches.push_back(static_cast<int>(add_subschema(out + "/" + std::to_string(i))));
      }
    }
    return {};
  }

  Expected<PatternRule> compile_pattern(size_t file, const std::string& pointer,
                                        const std::string& source) {
    auto regex = compile_ecma_regex(source);
    if (!regex) {
      return unexpected(at(file, pointer) + ": invalid pattern '" + source +
                        "': " + regex.error());
    }
    PatternRule rule;
    rule.source = source;
    rule.regex = std::move(*regex);
    return rule;
  }

  const ReadFile& m_read_file;
  fs::path m_root;
  fs::path m_folder;
  std::vector<std::unique_ptr<File>> m_files;
  std::map<fs::path, size_t> m_index;
  std::unordered_set<const json*> m_schema_nodes;
  std::unordered_map<const json*, Target> m_refs;  // key: the object with "$ref"
  SchemaBundle m_out;
};

}  // namespace

Expected<SchemaBundle> bundle_schema(const std::filesystem::path& root,
                                     const ReadFile& read_file) {
  return Bundler(read_file, root).run();
}

}  // namespace fmkit
