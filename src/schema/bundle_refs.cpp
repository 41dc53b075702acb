// SPDX-License-Identifier: MIT
#include "base/json_pointer.hpp"
#include "schema/bundler.hpp"
#include "schema/keyword_reader.hpp"
#include "schema/schema_uri.hpp"
#include "schema/value_text.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

// `$ref`: resolving each to a file and a node, refusing remote, escaping,
// dangling and looping ones, and writing it as a pointer into the bundle.
// Also what tells anyOf/oneOf branches apart (Branch), which needs refs
// followed.

namespace fmkit {

namespace fs = std::filesystem;
using nlohmann::json;

// Draft-07: the siblings of "$ref" are ignored (valijson too).
Bundler::Result Bundler::collect_ref(size_t file, const json& node,
                                     const std::string& pointer, size_t depth) {
  const json& ref = node.at("$ref");
  if (!ref.is_string()) {
    return unexpected(problem(file, append_pointer(pointer, "$ref"),
                              "schema-file.ref",
                              "'$ref' must be a string, got " +
                                  describe_value(ref, ValueStyle::typed)));
  }
  auto target = resolve_ref(file, ref.get<std::string>(), pointer);
  if (!target) {
    // Not fatal yet: Bundler::run() reports it with what else it finds.
    if (m_bad_ref) {
      m_warnings.push_back(std::move(target).error());
    } else {
      m_bad_ref = std::move(target).error();
    }
    return {};
  }
  std::string target_pointer;
  for (const std::string& token : target->tokens) {
    target_pointer = append_pointer(target_pointer, token);
  }
  const json* target_node = target->node;
  size_t target_file = target->file;
  m_refs.emplace(&node, Ref{file, pointer, std::move(*target)});
  m_ref_order.push_back(&node);
  return collect(target_file, *target_node, target_pointer, depth + 1);
}

Expected<Bundler::Target, SchemaProblem> Bundler::resolve_ref(
    size_t file, const std::string& ref, const std::string& pointer) {
  std::string at = append_pointer(pointer, "$ref");
  auto refused = [&](std::string message) {
    return unexpected(problem(file, at, "schema-file.ref", std::move(message)));
  };
  size_t hash = ref.find('#');
  std::string fragment = hash == std::string::npos ? "" : ref.substr(hash + 1);
  Target target;
  auto target_file = resolve_file(file, ref, ref.substr(0, hash), at);
  if (!target_file) return unexpected(std::move(target_file).error());
  target.file = *target_file;
  if (!fragment.empty() && fragment[0] != '/') {
    return refused("$ref '" + ref +
                   "': only JSON Pointer fragments (\"#/...\") are supported");
  }
  std::optional<std::string> decoded = percent_decode(fragment);
  if (!decoded) return refused("invalid $ref '" + ref + "': bad %-escape");
  target.tokens = split_pointer(*decoded);
  const json* node = &m_files[target.file]->doc;
  for (const std::string& token : target.tokens) {
    const json* next = nullptr;
    if (node->is_object()) {
      auto it = node->find(token);
      if (it != node->end()) next = &*it;
    } else if (node->is_array() && !token.empty() && token.size() < 10 &&
               std::all_of(token.begin(), token.end(),
                           [](char c) { return c >= '0' && c <= '9'; })) {
      size_t index = std::stoul(token);
      if (index < node->size()) next = &(*node)[index];
    }
    if (next == nullptr) {
      return refused("$ref '" + ref + "' points to nothing in " +
                     m_files[target.file]->shown);
    }
    node = next;
  }
  if (!is_schema_shape(*node)) {
    return refused("$ref '" + ref + "' does not point to a schema, but to " +
                   describe_value(*node, ValueStyle::typed));
  }
  target.node = node;
  return target;
}

// The file the URI part of `ref` names, loaded; `at` is the ref's place.
Expected<size_t, SchemaProblem> Bundler::resolve_file(size_t file,
                                                      const std::string& ref,
                                                      std::string uri,
                                                      const std::string& at) {
  auto refused = [&](std::string message) {
    return unexpected(problem(file, at, "schema-file.ref", std::move(message)));
  };
  // A URI under the root schema's "$id" folder names the file at the same
  // place under the root schema's folder ("https://x/schemas/post.json"
  // at schemas/post.json: "https://x/schemas/common.json" is
  // schemas/common.json), so schemas that refer to each other by URL
  // work offline. Other URIs with a scheme are refused.
  fs::path base = m_files[file]->path.parent_path();
  if (!uri.empty() && is_remote(uri)) {
    auto same = std::find_if(
        m_files.begin(), m_files.end(),
        [&](const auto& f) { return !f->id.empty() && f->id == uri; });
    std::string site = id_folder(m_files[0]->id);
    if (same != m_files.end()) {
      return static_cast<size_t>(same - m_files.begin());
    } else if (!site.empty() && uri.starts_with(site) &&
               uri.size() > site.size()) {
      uri = uri.substr(site.size());
      base = m_folder;
    } else {
      return refused(
          "remote $ref '" + ref +
          "' refused: fmkit never fetches schemas; refer to a local file "
          "by a relative path");
    }
  }
  if (uri.empty()) return file;
  std::optional<std::string> decoded = percent_decode(uri);
  if (!decoded) return refused("invalid $ref '" + ref + "': bad %-escape");
  fs::path path = (base / *decoded).lexically_normal();
  if (!is_under(path, m_folder)) {
    std::string folder = fs::path(m_shown_root).parent_path().generic_string();
    return refused("$ref '" + ref + "' points outside the schema folder '" +
                   (folder.empty() ? "." : folder) + "'");
  }
  return load(path, [&](std::string error) {
    SchemaProblem p = problem(
        file, at, "schema-file.ref",
        "$ref '" + ref + "': cannot read " + shown(path) + ": " + error);
    return p;
  });
}

// Refuses chains of refs that come back without reaching a schema.
Bundler::Result Bundler::check_ref_loops() const {
  for (const json* start : m_ref_order) {
    const Ref& first = m_refs.at(start);
    std::unordered_set<const json*> seen = {start};
    const Target* next = &first.target;
    while (true) {
      if (!seen.insert(next->node).second) {
        return unexpected(
            problem(first.file, append_pointer(first.pointer, "$ref"),
                    "schema-file.ref",
                    "$ref loop: a chain of $ref never reaches a schema"));
      }
      auto it = m_refs.find(next->node);
      if (it == m_refs.end()) break;
      next = &it->second.target;
    }
  }
  return {};
}

// The ref to `target` in the bundle, with renamed keywords followed.
std::string Bundler::bundle_ref(const Target& target) const {
  std::string out = "#/$fmkit/" + std::to_string(target.file);
  const json* node = &m_files[target.file]->doc;
  for (const std::string& token : target.tokens) {
    bool renamed = node->is_object() && m_schema_nodes.count(node) != 0 &&
                   m_refs.count(node) == 0 && node->contains(token) &&
                   renames(*node, token);
    out += '/';
    out +=
        encode_token(renamed ? std::string(k_renamed_prefix) + token : token);
    if (node->is_object()) {
      node = &node->at(token);
    } else {
      node = &(*node)[std::stoul(token)];
    }
  }
  return out;
}

// Follows `$ref`s from `node` (at bundle pointer `out`) to a schema.
std::pair<const json*, std::string> Bundler::follow_refs(
    const json* node, std::string out) const {
  // check_ref_loops() has refused loops, so this ends.
  for (auto it = m_refs.find(node); it != m_refs.end();
       it = m_refs.find(node)) {
    node = it->second.target.node;
    out = bundle_ref(it->second.target).substr(1);
  }
  return {node, std::move(out)};
}

// Fills in what tells which branch of an anyOf/oneOf the data meant (see
// Branch): each branch's "if", and the tag properties.
void Bundler::describe_branches(const json& list, const std::string& out,
                                std::vector<Branch>& branches) {
  std::vector<std::vector<std::string>> tags(branches.size());
  std::map<std::string, size_t> tag_count;
  for (size_t i = 0; i < branches.size() && i < list.size(); ++i) {
    auto [node, at] = follow_refs(&list[i], out + "/" + std::to_string(i));
    if (!node->is_object()) continue;
    auto condition = node->find("if");
    if (condition != node->end() && !accepts_all(*condition)) {
      branches[i].if_schema = add_subschema(at + "/if");
    }
    auto properties = node->find("properties");
    if (properties == node->end() || !properties->is_object()) continue;
    for (const auto& [name, schema] : properties->items()) {
      const json* property = follow_refs(&schema, "").first;
      if (property->is_object() &&
          (property->contains("const") || property->contains("enum"))) {
        tags[i].push_back(name);
        ++tag_count[name];
      }
    }
  }
  for (size_t i = 0; i < tags.size(); ++i) {
    for (const std::string& name : tags[i]) {
      if (tag_count[name] > 1) branches[i].discriminators.push_back(name);
    }
    std::sort(branches[i].discriminators.begin(),
              branches[i].discriminators.end());
  }
}

}  // namespace fmkit
