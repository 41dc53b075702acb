// SPDX-License-Identifier: MIT
//
// Migration: one declarative migration file, `NNNN-slug.yaml`:
//
//   version: 2
//   description: speakers become hosts
//   schema: ../schemas/post.v2.schema.json   # optional, relative to the file
//   where: {path: 'content/posts/**'}        # optional, for every op
//   ops:
//     - rename: {from: speaker, to: host}
//
// MigrationChain: the migrations of a collection, one per version from
// `initial_version + 1` up, without gaps or duplicates (like Alembic's single
// head). Files are read with document/yaml_file.hpp, so every problem is a
// diagnostic at its place in its file; all problems of all files are
// reported together, before any document is touched. These functions take
// text, never paths on disk. Immutable after loading; thread-safe.
#pragma once

#include "base/expected.hpp"
#include "base/source_span.hpp"
#include "diag/diagnostic.hpp"
#include "migrate/condition.hpp"
#include "migrate/ops.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

struct Migration {
  int version = 0;
  std::string description;
  // The schema documents must satisfy after this step, as written (relative
  // to the migration file's folder).
  std::optional<std::string> schema;
  SourceSpan schema_span;  // where the file gives `schema`
  Where where;
  std::vector<OpPtr> ops;
  std::string path;         // the file, as named in messages
  SourceSpan version_span;  // where the file gives its version
};

// Parses the migration file `text`; `path` names it in messages. Fails with
// every problem in the file (migrate/migration_source.hpp): invalid YAML, a
// missing or non-integer `version`, unknown keys and ops (with a
// did-you-mean), bad arguments.
Expected<Migration, Problems> parse_migration(std::string_view text,
                                              std::string_view path);

struct MigrationFile {
  std::string path;  // as named in messages; its file name is NNNN-slug.yaml
  std::string text;
};

struct ChainOptions {
  // The version of a document without a version key.
  int initial_version = 1;
};

struct MigrationChain {
  int initial_version = 1;
  // Versions initial_version + 1, initial_version + 2, ... in order.
  std::vector<Migration> migrations;

  // Returns the version the last migration reaches (initial_version when
  // there are none).
  int latest_version() const;
  // Returns the migration to `version`, or nullptr.
  const Migration* find(int version) const;
};

// Parses `files` and checks that they form one chain: each file name starts
// with its version ("0002-x.yaml" holds `version: 2`), no version is
// claimed twice, none is missing and none is at or below
// `initial_version`. Fails with every problem of every file (rules
// migration.name, migration.chain at the file's `version`, and those of
// parse_migration()).
Expected<MigrationChain, Problems> load_chain(
    const std::vector<MigrationFile>& files, const ChainOptions& options = {});

// Returns true when `file_name` looks like a migration ("0001-x.yaml" or
// ".yml"); the runner uses it to pick files from the migrations folder.
bool is_migration_file_name(std::string_view file_name);

struct NewMigration {
  std::string file_name;  // "0003-hosts-become-speakers.yaml"
  std::string text;
};

// Returns the scaffold of the next migration of `chain` for `name` (free
// text; its slug names the file). Fails when `name` has no letter or digit.
Expected<NewMigration> scaffold_migration(const MigrationChain& chain,
                                          std::string_view name);

}  // namespace fmkit
