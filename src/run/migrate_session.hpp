// SPDX-License-Identifier: MIT
//
// MigrateSession: `fmkit migrate` and `fmkit migrate status` as a library.
// plan_migrate() loads the config's collections (run/plan.hpp), keeps those
// with migrations, groups their files, and checks the version asked for
// (--to) against each collection's chain once, up front. A file named on
// the command line that no collection covers, or whose collection has no
// migrations, is reported with a warning (config.no-collection,
// config.no-migrations), never skipped in silence. The runs themselves are
// run/migrate_runner.hpp's; run/migrate_report.hpp prints them. Building a
// session is not thread-safe; a built one is immutable.
#pragma once

#include "base/expected.hpp"
#include "diag/diagnostic.hpp"
#include "run/config.hpp"
#include "run/migrate_runner.hpp"
#include "run/plan.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fmkit {

class SchemaRegistry;

// A collection with migrations and its files to migrate.
struct MigrateGroup {
  size_t collection = 0;  // index into Plan::collections
  int target = 0;         // the version to migrate to (--to, or the latest)
  std::vector<MigrateFile> files;
};

struct MigrateSession {
  Plan plan;  // its jobs are moved into `groups`
  std::vector<MigrateGroup> groups;
  // Files named on the command line that no collection with migrations
  // covers, each with its warning.
  std::vector<FileReport> outside;

  const Collection& collection(const MigrateGroup& group) const {
    return plan.collections[group.collection];
  }
  const Migrations& migrations(const MigrateGroup& group) const {
    return *collection(group).migrations;
  }
  // The options of a run of `group` in `mode` on `jobs` threads.
  MigrateRunOptions run_options(const MigrateGroup& group, MigrateMode mode,
                                size_t jobs) const;
};

// Plans migrating `paths` (the collections' files when empty) of `config`
// to version `to` (the latest when empty). Fails when a collection can't be
// loaded, no collection has migrations, or `to` is not a version of a
// collection with migrations.
Expected<MigrateSession, Problems> plan_migrate(
    const Config& config, const std::vector<std::string>& paths,
    std::optional<int> to, const std::filesystem::path& cwd,
    SchemaRegistry& registry, PlanOptions options);

// Problems for a config in which no collection has migrations.
Problems no_migrations_problem(const Config& config);

}  // namespace fmkit
