// SPDX-License-Identifier: MIT
//
// The migrate runner: the disk side of `fmkit migrate`. It plans every file
// of a collection with plan_document() on the thread pool (thread_pool.hpp:
// results in input order, so -j1 and -j8 print the same; an exception in one
// file's handling fails that file only), and, with MigrateMode::write,
// writes all changed files atomically (run/atomic_file.hpp) only when
// every file planned cleanly: one failing file means nothing is written, and
// every failure is reported. Before the first write every changed file is
// checked again on disk (still the bytes that were planned, not a symlink, one
// hard link); the new texts are held up to a budget, and the files beyond
// are read and planned again as they are written, so memory stays flat at
// any number of files. A symbolic link to another file of the run (not a
// link) is skipped (MigrateSummary::links); any other link fails. A dry run
// keeps no file's text, only diffs and what diagnostics quote, and with
// MigrateRunOptions::on_planned not even those: each file is handed over
// as it is planned.
//
// run/migrate_session.hpp runs it for each collection with migrations
// (run/collection.hpp) with the target version's schema; the report
// (run/migrate_report.hpp) prints each FileMigration: `diff`, the plan's
// diagnostics (quoting `original`), the schema's (quoting plan.text) and
// `error`.
//
// run_migrate() and migrate_status() block until done; thread-safe.
#pragma once

#include "base/expected.hpp"
#include "diag/diagnostic.hpp"
#include "migrate/migration.hpp"
#include "migrate/planner.hpp"
#include "run/collection.hpp"
#include "run/file_path.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fmkit {

class CompiledSchema;

// A file to migrate: its absolute path, for reading and writing, and its
// path as shown (run/file_path.hpp).
struct MigrateFile : FilePath {
  std::string relative;  // for `where: {path: ...}`; display if empty
};

enum class MigrateMode { dry_run, write, check };

struct FileMigration;

struct MigrateRunOptions {
  MigrateMode mode = MigrateMode::dry_run;
  // Stop at this version; the latest when empty.
  std::optional<int> to;
  // Threads; 0 means one per hardware thread. Default: 0.
  size_t jobs = 0;
  // The target version's schema (Migrations::schema_of()); nullptr skips
  // validation.
  std::shared_ptr<const CompiledSchema> schema;
  // Version key and YAML limits; set version.version_key from the settings.
  VersionOptions version;
  // Style of new text where a file shows none.
  YamlStyle default_style;
  // Called on the calling thread as each file is planned (read, for
  // migrate_status()), in input order: a progress line. Default: none.
  std::function<void()> on_file;
  // A dry run or check only: called on the calling thread with each file's
  // migration as it is planned, in input order, which the run then drops
  // (MigrateRun::files stays empty), so that its memory does not grow with
  // the number of files. Default: none (the run keeps every file).
  std::function<void(const FileMigration&)> on_planned;
  // How many bytes of new text a write holds from planning to writing; the
  // files beyond are planned again as they are written, so memory stays
  // flat at any number of files. Default: 8 MiB (about 1,000 posts).
  size_t new_text_budget = size_t{8} << 20;
  // Whether each changed file's FileMigration::diff is made; when false,
  // only a failed file's is (a write's text report shows no other).
  // Default: true.
  bool keep_diffs = true;
};

struct FileMigration {
  std::string display;
  DocumentPlan plan;
  // The file's text as read, up to the last line plan.diagnostics point
  // into, for renderers to quote; "" when there are none. Likewise
  // plan.text is cut after the last line plan.schema_diagnostics point
  // into, unless holds_new_text.
  std::string original;
  // The unified diff from the file to its new text ("" when unchanged).
  std::string diff;
  // Why the file could not be read, checked or written ("" when fine).
  std::string error;
  // It could not be read (an `io` error, exit 2, as in `fmkit validate`).
  bool unreadable = false;
  // plan.text is the whole new text, held for the write (up to
  // MigrateRunOptions::new_text_budget; beyond it a write plans the file
  // again and checks it gets the text of digest new_digest,
  // content_digest()).
  bool holds_new_text = false;
  size_t new_digest = 0;
  bool written = false;
  // A symbolic link to a file migrated under its own name: left to it
  // (plan.status is skipped).
  bool link = false;

  bool failed() const { return !error.empty() || !plan.ok(); }
};

struct MigrateSummary {
  size_t files = 0;
  size_t up_to_date = 0;
  size_t migrated = 0;  // files with pending steps that planned cleanly
  size_t changed = 0;   // ... whose text changes
  size_t skipped = 0;   // no front matter
  size_t links = 0;     // FileMigration::link

  size_t failed = 0;
  size_t deleted_values = 0;
  size_t written = 0;
};

struct MigrateRun {
  // In input order; empty when MigrateRunOptions::on_planned took them.
  std::vector<FileMigration> files;
  MigrateSummary summary;
  // MigrateMode::write only: true when nothing was written because a file
  // failed to plan or changed on disk.
  bool blocked = false;
  // A file could not be read, or a write failed (after the checks passed):
  // exit 2.
  bool io_errors = false;
};

MigrateRun run_migrate(const std::vector<MigrateFile>& files,
                       const MigrationChain& chain,
                       const MigrateRunOptions& options);

struct MigrationStatus {
  // Files at each version (a file without the key counts at the initial
  // version).
  std::map<int, size_t> files_per_version;
  // Files below the target version.
  size_t behind = 0;
  // For each version still to apply somewhere: how many files need it.
  std::map<int, size_t> pending;
  // Files without front matter.
  size_t skipped = 0;
  // Files that could not be read or have a bad version, with their
  // diagnostics ("error" holds a read error).
  std::vector<FileMigration> problems;
};

MigrationStatus migrate_status(const std::vector<MigrateFile>& files,
                               const MigrationChain& chain,
                               const MigrateRunOptions& options);

// Creates the next migration file, NNNN-slug.yaml, for `name` in the
// folder (created if missing); returns its path. Fails when the name has
// no letter or digit (rule migrate.name) or the file exists (io).
Expected<std::filesystem::path, Problems> create_migration(
    const MigrationSettings& settings, const MigrationChain& chain,
    std::string_view name);

}  // namespace fmkit
