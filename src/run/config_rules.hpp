// SPDX-License-Identifier: MIT
//
// The parts of fmkit.yaml that declare rules across files (a collection's
// `unique:` and `references:`; see run/config.hpp): parsed into
// UniqueRule and ReferenceRule, each mistake a diagnostic at its place in
// the file (config.type, config.unknown-key, config.missing-key, and
// config.rule for a bad field path, an unknown `normalize` or a collection
// no `collections:` entry names, with a "did you mean"). Internal to
// run/config.cpp. Not thread-safe (one YamlFile).
#pragma once

#include "base/expected.hpp"
#include "document/yaml_file.hpp"
#include "run/config.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace fmkit {

// Row parsers of k_collection_keys: `unique` and `references`.
void parse_unique(YamlFile& file, const nlohmann::json& value,
                  const std::string& pointer, CollectionConfig& collection);
void parse_references(YamlFile& file, const nlohmann::json& value,
                      const std::string& pointer, CollectionConfig& collection);

// Reads the data file of every reference of `config` that names one
// (YAML, JSON or TOML by extension; relative to the config's folder, itself
// relative to the absolute folder `cwd`), filling ReferenceRule::data_keys.
// With a `root` (run/plan.hpp's confinement_root()), a data file outside it
// is a config.outside error at its `data:` and is not read, as for schemas.
// Errors: a config.data error at a `data:` whose file is missing,
// unreadable or not a mapping (a list of mappings with `key:`), followed by
// the data file's own problems.
Expected<void, Problems> load_rule_data(
    Config& config, const std::filesystem::path& cwd,
    const std::optional<std::filesystem::path>& root);

// Reports each collection a rule names that `config` does not have.
void check_rule_collections(YamlFile& file, const Config& config);

}  // namespace fmkit
