// SPDX-License-Identifier: MIT
#include "schema/schema_bundle.hpp"

#include "base/json_pointer.hpp"
#include "schema/bundler.hpp"
#include "schema/keyword_reader.hpp"
#include "schema/keywords.hpp"
#include "schema/schema_uri.hpp"
#include "schema/value_text.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

// Reading the schema files, and walking and rewriting their schema objects
// (see schema_bundle.hpp); refs are in bundle_refs.cpp.

namespace fmkit {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Schema nesting beyond this is refused rather than risking the stack.
constexpr size_t k_max_depth = 200;

const char* const k_schema_shape = "a schema (an object or a boolean)";

bool is_empty(const CheckSpec& s) {
  return !s.never && s.types == 0 && !s.enum_values && !s.const_value &&
         !s.format && !s.pattern && !s.min_length && !s.max_length &&
         !s.min_items && !s.max_items && !s.unique_items && !s.minimum &&
         !s.maximum && !s.exclusive_minimum && !s.exclusive_maximum &&
         !s.multiple_of && s.required.empty() && !s.min_properties &&
         !s.max_properties && s.dependencies.empty() && !s.checks_members &&
         s.property_names_schema < 0 && s.any_of.empty() && s.one_of.empty() &&
         s.items_check < 0 && s.property_checks.empty();
}

}  // namespace

Expected<SchemaBundle, SchemaProblem> Bundler::run() {
  auto loaded = load(m_root, [&](std::string error) {
    SchemaProblem p;
    p.rule = "io";
    p.message = "cannot read the schema: " + error;
    p.shown = m_shown_root;
    p.at = ProblemAt::file;
    return p;
  });
  if (!loaded) return unexpected(std::move(loaded).error());
  // The lint comes before any error is returned, and before the keyword
  // values are read, so that its warnings come along when the schema is
  // refused.
  auto walked = collect(0, m_files[0]->doc, "", 0);
  lint();
  if (!walked) return unexpected(std::move(walked).error());
  if (m_bad_ref) return unexpected(std::move(*m_bad_ref));
  if (auto loops = check_ref_loops(); !loops)
    return unexpected(std::move(loops).error());
  json files = json::array();
  for (size_t i = 0; i < m_files.size(); ++i) {
    std::string out_pointer = "/$fmkit/" + std::to_string(i);
    auto copy = transform(i, m_files[i]->doc, "", out_pointer, 0);
    if (!copy) return unexpected(std::move(copy).error());
    files.push_back(std::move(*copy));
  }
  resolve_walks();
  m_out.document = json::object();
  m_out.document["$fmkit"] = std::move(files);
  for (auto& file : m_files) {
    m_out.files.push_back(file->path);
    m_out.shown.push_back(file->shown);
    m_out.texts.push_back(std::move(file->text));
  }
  return std::move(m_out);
}

// A referenced file is shown relative to the root schema as shown:
// "schemas/post.json" refers to "schemas/common/defs.json".
std::string Bundler::shown(const fs::path& path) const {
  if (path == m_root) return m_shown_root;
  fs::path relative = path.lexically_relative(m_folder);
  return (fs::path(m_shown_root).parent_path() / relative).generic_string();
}

SchemaProblem Bundler::problem(size_t file, std::string pointer,
                               std::string rule, std::string message,
                               ProblemAt at) const {
  SchemaProblem p;
  p.rule = std::move(rule);
  p.message = std::move(message);
  p.shown = m_files[file]->shown;
  p.text = m_files[file]->text;
  p.pointer = std::move(pointer);
  p.at = at;
  return p;
}

// Reads and parses `path` once; `unreadable` words the failure to read it.
Expected<size_t, SchemaProblem> Bundler::load(
    const fs::path& path,
    const std::function<SchemaProblem(std::string)>& unreadable) {
  if (auto it = m_index.find(path); it != m_index.end()) return it->second;
  Expected<std::string> text = m_read_file(path);
  if (!text) return unexpected(unreadable(text.error()));
  auto file = std::make_unique<File>();
  file->path = path;
  file->shown = shown(path);
  try {
    file->doc = json::parse(*text);
  } catch (const json::parse_error& error) {
    return unexpected(json_problem(error, file->shown, std::move(*text)));
  }
  file->text = std::move(*text);
  size_t index = m_files.size();
  m_files.push_back(std::move(file));
  m_index.emplace(path, index);
  const json& doc = m_files[index]->doc;
  if (doc.is_object()) {
    auto id = doc.find("$id");
    if (id != doc.end() && id->is_string()) {
      m_files[index]->id = strip_fragment(id->get<std::string>());
    }
  } else if (!doc.is_boolean()) {
    return unexpected(problem(index, "", "schema-file.invalid",
                              "a schema must be an object or a boolean, got " +
                                  describe_value(doc, ValueStyle::typed)));
  }
  return index;
}

// Marks the schema objects reachable from `node` (at `pointer` in
// `file`), loading the files their refs name, and refuses values that
// stand where a schema must.
Bundler::Result Bundler::collect(size_t file, const json& node,
                                 const std::string& pointer, size_t depth) {
  if (!is_schema_shape(node) || !m_schema_nodes.insert(&node).second) return {};
  if (depth > k_max_depth) {
    return unexpected(problem(file, pointer, "schema-file.invalid",
                              "schema nested too deeply (more than " +
                                  std::to_string(k_max_depth) + " levels)"));
  }
  if (!node.is_object()) return {};
  m_schema_objects.push_back(SchemaObject{file, &node, pointer});
  if (node.contains("$ref")) return collect_ref(file, node, pointer, depth);
  for (const auto& [keyword, value] : node.items()) {
    auto r = collect_keyword(file, keyword, value,
                             append_pointer(pointer, keyword), depth);
    if (!r) return r;
  }
  return {};
}

Bundler::Result Bundler::collect_keyword(size_t file, std::string_view keyword,
                                         const json& value,
                                         const std::string& pointer,
                                         size_t depth) {
  std::string name(keyword);
  Holds holds = keyword_holds(keyword);
  auto wrong = [&](const json& v, const std::string& at,
                   const std::string& what) {
    return unexpected(
        problem(file, at, "schema-file.invalid",
                what + ", got " + describe_value(v, ValueStyle::typed)));
  };
  bool map = holds == Holds::schema_map || holds == Holds::dependencies;
  bool list = holds == Holds::schema_list ||
              (holds == Holds::schema_items && value.is_array());
  if (map) {
    if (!value.is_object())
      return wrong(value, pointer, "'" + name + "' must be an object");
    for (const auto& [key, schema] : value.items()) {
      std::string at = append_pointer(pointer, key);
      if (holds == Holds::dependencies && schema.is_array()) continue;
      if (!is_schema_shape(schema)) {
        return wrong(
            schema, at,
            "'" + key + "' in '" + name + "' must be " + k_schema_shape);
      }
      if (auto r = collect(file, schema, at, depth + 1); !r) return r;
    }
  } else if (list) {
    if (!value.is_array() || value.empty()) {
      return wrong(value, pointer,
                   "'" + name + "' must be a non-empty array of schemas");
    }
    for (size_t i = 0; i < value.size(); ++i) {
      std::string at = append_pointer(pointer, std::to_string(i));
      if (!is_schema_shape(value[i])) {
        return wrong(value[i], at,
                     "'" + name + "' must hold schemas (objects or booleans)");
      }
      if (auto r = collect(file, value[i], at, depth + 1); !r) return r;
    }
  } else if (holds == Holds::schema || holds == Holds::schema_items) {
    if (!is_schema_shape(value))
      return wrong(value, pointer, "'" + name + "' must be " + k_schema_shape);
    return collect(file, value, pointer, depth + 1);
  }
  return {};
}

int Bundler::add_subschema(const std::string& out_pointer) {
  m_out.subschemas.push_back("#" + out_pointer);
  return static_cast<int>(m_out.subschemas.size() - 1);
}

size_t Bundler::add_check(std::unique_ptr<CheckSpec> spec) {
  spec->index = m_out.checks.size();
  m_out.checks.push_back(std::move(spec));
  return m_out.checks.size() - 1;
}

bool Bundler::renames(const json& node, const std::string& keyword) const {
  if (is_own_keyword(keyword)) return true;
  if (keyword == "items") {
    const json& items = node.at(keyword);
    return is_schema_shape(items) && checked_by_fmkit(items);
  }
  if (keyword == "properties") {
    const json& properties = node.at(keyword);
    if (!properties.is_object()) return false;
    for (const auto& [name, schema] : properties.items()) {
      if (!checked_by_fmkit(schema)) return false;
    }
    return true;
  }
  return false;
}

bool Bundler::checked_by_fmkit(const json& schema) const {
  if (schema.is_boolean()) return true;
  if (!schema.is_object() || m_schema_nodes.count(&schema) == 0) return false;
  auto known = m_checked_by_fmkit.find(&schema);
  if (known != m_checked_by_fmkit.end()) return known->second;
  // A schema met again on its own walk (a recursive schema) is left to
  // valijson: false until decided.
  m_checked_by_fmkit.emplace(&schema, false);
  bool checked = true;
  if (auto ref = m_refs.find(&schema); ref != m_refs.end()) {
    // Draft-07: the keywords beside "$ref" are ignored.
    checked = checked_by_fmkit(*ref->second.target.node);
    m_checked_by_fmkit[&schema] = checked;
    return checked;
  }
  for (const auto& [key, value] : schema.items()) {
    const Keyword* keyword = find_keyword(key);
    const bool annotation =
        key == "$comment" ||
        (keyword != nullptr && keyword->role == KeywordRole::annotation);
    if (!annotation && !renames(schema, key)) {
      checked = false;
      break;
    }
  }
  m_checked_by_fmkit[&schema] = checked;
  return checked;
}

// Notes the subschemas of a walked "items" or "properties" of the schema
// object `node`, for resolve_walks() to give `spec` their check indices.
void Bundler::take_walked(const json& node, const std::string& keyword,
                          CheckSpec& spec) {
  const json& value = node.at(keyword);
  if (keyword == "items") {
    m_walks.push_back({&spec, true, "", &value});
    return;
  }
  for (const auto& [name, schema] : value.items()) {  // sorted by name
    m_walks.push_back({&spec, false, name, &schema});
  }
}

// Once every schema object has its CheckSpec: the walked subschemas' check
// indices (past their "$ref"s); one that checks nothing has none.
void Bundler::resolve_walks() {
  for (const Walk& walk : m_walks) {
    auto check = m_check_index.find(follow_refs(walk.schema, "").first);
    if (check == m_check_index.end()) continue;
    if (walk.items) {
      walk.spec->items_check = check->second;
    } else {
      walk.spec->property_checks.emplace_back(walk.name, check->second);
    }
  }
}

// Copies `node` (at `pointer` in `file`, at `out` in the bundle),
// rewriting the schema objects in it.
Expected<json, SchemaProblem> Bundler::transform(size_t file, const json& node,
                                                 const std::string& pointer,
                                                 const std::string& out,
                                                 size_t depth) {
  if (depth > k_max_depth) {
    return unexpected(problem(file, pointer, "schema-file.invalid",
                              "schema nested too deeply (more than " +
                                  std::to_string(k_max_depth) + " levels)"));
  }
  bool is_schema = m_schema_nodes.count(&node) != 0;
  if (is_schema && node.is_boolean()) {
    if (node.get<bool>()) return node;
    auto spec = std::make_unique<CheckSpec>();
    spec->never = true;
    size_t index = add_check(std::move(spec));
    m_check_index[&node] = static_cast<int>(index);
    return json{{"$fmkit", index}};
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
  return transform_object(file, node, pointer, out, depth);
}

Expected<json, SchemaProblem> Bundler::transform_object(
    size_t file, const json& node, const std::string& pointer,
    const std::string& out, size_t depth) {
  auto ref = m_refs.find(&node);
  bool own = m_schema_nodes.count(&node) != 0 && ref == m_refs.end();
  auto spec = std::make_unique<CheckSpec>();
  std::function<int(const std::string&)> add = [this](const std::string& at) {
    return add_subschema(at);
  };
  json copy = json::object();
  bool walks = false;  // fmkit walks "items" or "properties"
  for (const auto& [key, value] : node.items()) {
    std::string child_pointer = append_pointer(pointer, key);
    if (ref != m_refs.end() && key == "$ref") {
      copy[key] = bundle_ref(ref->second.target);
      continue;
    }
    if (own && key == "dependencies" && value.is_object()) {
      auto kept = transform_dependencies(file, value, child_pointer,
                                         out + "/dependencies", depth, *spec);
      if (!kept) return kept;
      copy[key] = std::move(*kept);
      continue;
    }
    bool renamed = own && renames(node, key);
    std::string out_key = renamed ? std::string(k_renamed_prefix) + key : key;
    std::string out_child = out + "/" + encode_token(out_key);
    auto child = transform(file, value, child_pointer, out_child, depth + 1);
    if (!child) return child;
    copy[out_key] = std::move(*child);
    if (!renamed) continue;
    if (key == "items" || key == "properties") {
      take_walked(node, key, *spec);
      walks = true;
      continue;
    }
    auto read = read_keyword(KeywordInput{key, value, out_child, add}, *spec);
    if (!read) {
      const KeywordProblem& p = read.error();
      return unexpected(problem(file, child_pointer + p.where,
                                "schema-file.invalid", p.message, p.at));
    }
    if (key == "anyOf") describe_branches(value, out_child, spec->any_of);
    if (key == "oneOf") describe_branches(value, out_child, spec->one_of);
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
    if (walks || !is_empty(*spec)) {
      size_t index = add_check(std::move(spec));
      m_check_index[&node] = static_cast<int>(index);
      copy["$fmkit"] = index;
    }
  }
  return copy;
}

// "dependencies": lists of names go to the CheckSpec; schemas stay for
// valijson.
Expected<json, SchemaProblem> Bundler::transform_dependencies(
    size_t file, const json& value, const std::string& pointer,
    const std::string& out, size_t depth, CheckSpec& spec) {
  json kept = json::object();
  for (const auto& [name, dependency] : value.items()) {
    std::string at = append_pointer(pointer, name);
    if (dependency.is_array()) {
      std::vector<std::string> names;
      for (size_t i = 0; i < dependency.size(); ++i) {
        if (!dependency[i].is_string()) {
          return unexpected(
              problem(file, append_pointer(at, std::to_string(i)),
                      "schema-file.invalid",
                      "'dependencies' lists must hold strings, got " +
                          describe_value(dependency[i], ValueStyle::typed)));
        }
        names.push_back(dependency[i].get<std::string>());
      }
      spec.dependencies.emplace_back(name, std::move(names));
      continue;
    }
    auto copy = transform(file, dependency, at, out + "/" + encode_token(name),
                          depth + 1);
    if (!copy) return copy;
    kept[name] = std::move(*copy);
  }
  return kept;
}

Expected<SchemaBundle, SchemaProblem> bundle_schema(
    const fs::path& root, const std::string& shown_root,
    const ReadFile& read_file, std::vector<SchemaProblem>& warnings) {
  return Bundler(read_file, root, shown_root, warnings).run();
}

}  // namespace fmkit
