// SPDX-License-Identifier: MIT
//
// `where` conditions of migrations and ops: tests on front-matter values and
// on the document's path. A `where` is one mapping or a list of mappings, all
// of which must hold; within a mapping every given test must hold:
//
//   where: {field: status, equals: draft}        # deep JSON equality
//   where: {field: status, in: [draft, seedling]}
//   where: {field: tags, contains: ai}          # list item or substring
//   where: {field: summary, exists: false}
//   where: {field: title, matches: '^Interview'} # ECMA regex search (RE2)
//   where: {path: 'content/posts/2024/**'}      # glob on the path
//   where: {not: {field: draft, equals: true}}   # none of these holds
//
// `path` is a base/glob.hpp Glob, the same as the config's include and
// exclude: it matches the whole path relative to the config file's folder
// (`*.md` is a file at the top only; `**/*.md` is any Markdown file), `*`
// and `?` stop at "/", `**` as a whole segment crosses folders, `[a-z]`
// classes, `\` escapes. A bad glob is an error at its place in the
// migration file. Immutable after parsing; thread-safe.
#pragma once

#include "base/glob.hpp"
#include "migrate/field_path.hpp"
#include "schema/ecma_regex.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

class MigrationSource;

struct Condition {
  std::optional<FieldPath> field;
  std::optional<nlohmann::json> equals;
  std::optional<std::vector<nlohmann::json>> in;
  std::optional<nlohmann::json> contains;
  std::optional<bool> exists;
  std::shared_ptr<const RE2> matches;
  std::optional<Glob> path;
  std::vector<Condition> none_of;  // `not`
};

struct Where {
  std::vector<Condition> all;
  bool empty() const { return all.empty(); }
};

// Returns true when every condition of `where` holds for the front matter
// `data` of the document at `path` ("/"-separated, as given to the planner).
bool evaluate(const Where& where, const nlohmann::json& data,
              std::string_view path);

// Parses the `where` node at `pointer`; reports problems to `source` and
// returns std::nullopt when there were any.
std::optional<Where> parse_where(MigrationSource& source,
                                 const std::string& pointer,
                                 const nlohmann::json& node);

}  // namespace fmkit
