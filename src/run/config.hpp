// SPDX-License-Identifier: MIT
//
// The config file, fmkit.yaml: named collections of Markdown files, each
// with the globs that pick its files and the schema they must follow.
//
//   extensions: [md, markdown, mdx]          # optional: walked folders
//   collections:
//     posts:
//       include: ["content/posts/**/*.md"]   # a glob or a list; required
//       exclude: ["content/posts/drafts/"]   # optional
//       schema: schemas/post.schema.json     # required
//       require_front_matter: true           # optional; default true
//       migrations: migrations/              # optional: fmkit migrate
//       version_key: schema_version          # optional; default schema_version
//       initial_version: 1                   # optional; default 1
//       yaml: "1.1"                          # optional; default "1.2"
//       unique: [slug, {field: /permalink, across: [pages], normalize: url}]
//       references:                          # optional: rules across files
//         author: {data: data/authors.yml}   # `key: id` for a list
//         series: {collection: series, key: stem}
//
// `extensions:` replaces the endings of the files a walked folder gives
// (default: md, markdown, mdx); a collection whose include glob ends in an
// extension (`**/*.html`) adds that one for its files.
//
// `yaml:` says how the collection's site generator reads plain scalars:
// "1.2" (YAML 1.2's core schema: Astro's js-yaml 4) or "1.1" (Jekyll,
// Eleventy, Hugo 0.111's go-yaml v2, PyYAML: `yes` is true, `0755` is
// 493); see YamlVersion.
//
// With `migrations:`, a document's version (the front-matter key
// `version_key`, `initial_version` when missing) picks its schema: `schema`
// for the initial version, and for a later version N the `schema` of the
// last migration up to N that names one.
//
// Paths and globs are relative to the config file's folder. The file is
// read with document/yaml_file.hpp, so every problem is a diagnostic at its
// place in the file (rules config.yaml for YAML errors, config.unknown-key
// with a "did you mean", config.missing-key, config.type, config.glob,
// config.version-key). Keys are handled by tables of {key, parser}: a new
// per-collection setting is one new row and one new CollectionConfig
// field. A Config keeps its file's text and the places of what later
// checks report on (a collection's name and globs), so that problems found
// after loading (a glob that matches no file) quote the file too. A Config
// is immutable once loaded; thread-safe.
#pragma once

#include "base/expected.hpp"
#include "base/glob.hpp"
#include "base/source_span.hpp"
#include "diag/diagnostic.hpp"
#include "document/document.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

// A `unique:` entry: the values of `field` must not repeat among the files
// of `collections` (run/site_rules.hpp checks it).
struct UniqueRule {
  std::string field;                // as written: "slug", "/permalink"
  std::vector<std::string> tokens;  // its path; never empty
  // The collections whose values are compared: the rule's own first, then
  // those of `across:` (each once).
  std::vector<std::string> collections;
  bool normalize_url = false;  // `normalize: url`
  SourceSpan span;             // the entry in the config file
  // Where each name of `across:` is written (for the config's own checks).
  std::vector<std::string> across_pointers;
};

// A `references:` entry: each value of `field` must be a key of a data file
// (`data`) or name a file of the collection `collection`, by the value of
// its field `key` or, when `by_stem`, by its file name without extension.
struct ReferenceRule {
  std::string field;  // as written
  std::vector<std::string> tokens;
  // The data file as written ("" for a collection), and its keys: the keys
  // of its mapping, or each item's `key` for a list of mappings; sorted,
  // filled by load_config().
  std::string data;
  std::vector<std::string> data_keys;
  std::string collection;  // the target collection ("" for a data file)
  std::string key;         // `key:` as written; "" when absent
  std::vector<std::string> key_tokens;  // `key` as a path (not by stem)
  bool by_stem = false;
  SourceSpan span;                 // the field's key in the config file
  SourceSpan data_span;            // the value of `data`
  std::string collection_pointer;  // where `collection:` is written
};

struct CollectionConfig {
  std::string name;
  // Globs of the collection's files, relative to the config file's folder.
  // At least one.
  std::vector<Glob> include;
  // Globs of files left out although `include` matches them. Default: none.
  std::vector<Glob> exclude;
  // The JSON Schema as written: relative to the config file's folder unless
  // absolute.
  std::string schema;
  // Whether a file without front matter is an error. Default: yes.
  RequireFrontMatter require_front_matter = RequireFrontMatter::yes;
  // The migrations folder as written, relative to the config file's folder
  // unless absolute; "" when the collection has none.
  std::string migrations;
  // The front-matter key (or JSON Pointer) holding a document's version.
  // Default: schema_version.
  std::string version_key = "schema_version";
  // The version of a document without the key. Default: 1.
  int initial_version = 1;
  // How the collection's documents are read. Default: YAML 1.2.
  YamlVersion yaml = YamlVersion::v1_2;
  // Rules across files; default: none.
  std::vector<UniqueRule> unique;
  std::vector<ReferenceRule> references;

  // Where the config file names the collection (its key), its include
  // globs, its schema and its migrations folder.
  SourceSpan name_span;
  SourceSpan include_span;
  SourceSpan schema_span;      // the value of `schema`
  SourceSpan migrations_span;  // the value of `migrations`

  // Returns whether `relative` ('/'-separated, relative to the config
  // file's folder) matches an include glob and no exclude glob.
  bool contains(std::string_view relative) const;
};

struct Config {
  // The config file as shown to the user ("fmkit.yaml", "../fmkit.yaml",
  // "/abs/site/fmkit.yaml"); relative to the caller's working folder.
  std::filesystem::path path;
  // The file's text, quoted by diagnostics about it.
  std::string text;
  // In the order the file lists them.
  std::vector<CollectionConfig> collections;
  // `extensions:`, each with its dot (".md"); empty when the file does not
  // set it (DiscoverOptions' default then).
  std::vector<std::string> extensions;

  // The folder paths and globs are relative to, as shown (path's parent;
  // "" for a config file in the working folder).
  std::filesystem::path folder() const { return path.parent_path(); }

  // Returns the index of the first collection that contains `relative`
  // (see CollectionConfig::contains), or std::nullopt.
  std::optional<size_t> collection_for(std::string_view relative) const;

  // Returns an error diagnostic at `span` of the config file, as Problems
  // quoting the file: for checks made after loading.
  Problems problem(SourceSpan span, std::string rule,
                   std::string message) const;
};

// The config file's name, looked for by find_config().
inline constexpr std::string_view k_config_file_name = "fmkit.yaml";

// Parses `text`, the config file shown as `path`. On failure the error holds
// every problem found in the file, e.g. at 4:5 "unknown key 'includ' in
// collection 'posts' (did you mean 'include'?)" [config.unknown-key].
Expected<Config, Problems> parse_config(std::string text,
                                        const std::filesystem::path& path);

// Reads and parses the config file `path` (relative to the absolute folder
// `cwd` unless absolute). Errors as parse_config(), or an `io` problem
// when the file can't be read. The data files that references name are
// read by load_rule_data() (run/config_rules.hpp), for validate only.
Expected<Config, Problems> load_config(const std::filesystem::path& path,
                                       const std::filesystem::path& cwd);

// Returns the absolute path of the first fmkit.yaml in the absolute folder
// `start` or one of its parents, or std::nullopt.
std::optional<std::filesystem::path> find_config(
    const std::filesystem::path& start);

}  // namespace fmkit
