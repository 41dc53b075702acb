// SPDX-License-Identifier: MIT
//
// Bundler (internal to schema/): the work of bundle_schema() (see
// schema_bundle.hpp), one instance per call. schema_bundle.cpp reads the
// files, walks and rewrites the schema objects; bundle_refs.cpp resolves
// `$ref`s and describes anyOf/oneOf branches; schema_lint.cpp finds what
// loads but checks nothing (unknown keywords, ...). Not thread-safe;
// short-lived.
#pragma once

#include "base/expected.hpp"
#include "schema/compiled_schema.hpp"
#include "schema/schema_bundle.hpp"
#include "schema/schema_problem.hpp"
#include "schema/schema_registry.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace fmkit {

// What the bundle calls a renamed keyword: "$fmkit:type".
constexpr std::string_view k_renamed_prefix = "$fmkit:";

inline bool is_schema_shape(const nlohmann::json& node) {
  return node.is_object() || node.is_boolean();
}

class Bundler {
 public:
  Bundler(const ReadFile& read_file, std::filesystem::path root,
          std::string shown_root, std::vector<SchemaProblem>& warnings)
      : m_read_file(read_file),
        m_root(std::move(root)),
        m_folder(m_root.parent_path()),
        m_shown_root(std::move(shown_root)),
        m_warnings(warnings) {}

  Expected<SchemaBundle, SchemaProblem> run();

 private:
  using Result = Expected<void, SchemaProblem>;

  struct File {
    std::filesystem::path path;
    std::string shown;
    std::string text;
    nlohmann::json doc;
    std::string id;  // top-level "$id" without fragment
  };

  struct Target {
    size_t file = 0;
    std::vector<std::string> tokens;
    const nlohmann::json* node = nullptr;
  };

  // A schema object the walk reached: the object at `pointer` in `file`.
  struct SchemaObject {
    size_t file = 0;
    const nlohmann::json* node = nullptr;
    std::string pointer;
  };

  // A "$ref" in the object at `pointer` of `file`, and where it leads.
  struct Ref {
    size_t file = 0;
    std::string pointer;
    Target target;
  };

  std::string shown(const std::filesystem::path& path) const;
  SchemaProblem problem(size_t file, std::string pointer, std::string rule,
                        std::string message,
                        ProblemAt at = ProblemAt::value) const;
  Expected<size_t, SchemaProblem> load(
      const std::filesystem::path& path,
      const std::function<SchemaProblem(std::string)>& unreadable);
  Result collect(size_t file, const nlohmann::json& node,
                 const std::string& pointer, size_t depth);
  Result collect_keyword(size_t file, std::string_view keyword,
                         const nlohmann::json& value,
                         const std::string& pointer, size_t depth);
  Result collect_ref(size_t file, const nlohmann::json& node,
                     const std::string& pointer, size_t depth);
  Expected<Target, SchemaProblem> resolve_ref(size_t file,
                                              const std::string& ref,
                                              const std::string& pointer);
  Expected<size_t, SchemaProblem> resolve_file(size_t file,
                                               const std::string& ref,
                                               std::string uri,
                                               const std::string& at);
  Result check_ref_loops() const;
  void lint();
  void lint_object(const SchemaObject& object,
                   const std::set<std::pair<size_t, std::string>>& referenced);
  void lint_enum_type(const SchemaObject& object);
  void warn(const SchemaObject& object, std::string pointer, std::string rule,
            std::string message, ProblemAt at);
  std::string bundle_ref(const Target& target) const;
  // Whether the keyword `keyword` of the schema object `node` is renamed
  // in the bundle: fmkit's own keywords, and "items" and "properties" whose
  // subschemas fmkit checks whole (see CheckSpec::items_check).
  bool renames(const nlohmann::json& node, const std::string& keyword) const;
  // Whether fmkit checks every keyword of `schema` (recursively) itself.
  bool checked_by_fmkit(const nlohmann::json& schema) const;
  void take_walked(const nlohmann::json& node, const std::string& keyword,
                   CheckSpec& spec);
  void resolve_walks();
  int add_subschema(const std::string& out_pointer);
  size_t add_check(std::unique_ptr<CheckSpec> spec);
  Expected<nlohmann::json, SchemaProblem> transform(size_t file,
                                                    const nlohmann::json& node,
                                                    const std::string& pointer,
                                                    const std::string& out,
                                                    size_t depth);
  Expected<nlohmann::json, SchemaProblem> transform_object(
      size_t file, const nlohmann::json& node, const std::string& pointer,
      const std::string& out, size_t depth);
  Expected<nlohmann::json, SchemaProblem> transform_dependencies(
      size_t file, const nlohmann::json& value, const std::string& pointer,
      const std::string& out, size_t depth, CheckSpec& spec);
  void describe_branches(const nlohmann::json& list, const std::string& out,
                         std::vector<Branch>& branches);
  std::pair<const nlohmann::json*, std::string> follow_refs(
      const nlohmann::json* node, std::string out) const;

  const ReadFile& m_read_file;
  std::filesystem::path m_root;
  std::filesystem::path m_folder;
  std::string m_shown_root;
  std::vector<std::unique_ptr<File>> m_files;
  std::map<std::filesystem::path, size_t> m_index;
  std::unordered_set<const nlohmann::json*> m_schema_nodes;
  std::unordered_map<const nlohmann::json*, Ref>
      m_refs;  // key: the object with "$ref"
  std::vector<const nlohmann::json*> m_ref_order;  // m_refs' keys, as found
  mutable std::unordered_map<const nlohmann::json*, bool> m_checked_by_fmkit;
  // A subschema of a walked "items" or "properties", for resolve_walks().
  struct Walk {
    CheckSpec* spec = nullptr;
    bool items = false;
    std::string name;  // the property's
    const nlohmann::json* schema = nullptr;
  };
  std::vector<Walk> m_walks;
  // Each schema object's (and `false`'s) CheckSpec index.
  std::unordered_map<const nlohmann::json*, int> m_check_index;
  std::vector<SchemaObject> m_schema_objects;  // as the walk found them
  // The first $ref that cannot be followed: the walk goes on past it, so
  // that every other problem is found in the same run.
  std::optional<SchemaProblem> m_bad_ref;
  std::vector<SchemaProblem>& m_warnings;  // and the other bad $refs
  SchemaBundle m_out;
};

}  // namespace fmkit
