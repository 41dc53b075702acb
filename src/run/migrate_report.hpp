// SPDX-License-Identifier: MIT
//
// How `fmkit migrate` and `fmkit migrate status` report, in text and JSON.
//
// Text: per file the diff (a dry run; or a file that failed), then every
// problem compiler-style (report/text_renderer.hpp): those of the file as
// read, then the schema's on the migrated text, shown as "path (migrated)".
// Then a summary line per collection and an outcome line saying what
// happened or what to do next:
//
//   posts: 3 files, 2 to migrate to version 3, 1 up to date, 0 failed
//   dry run: nothing written; run 'fmkit migrate --write' to apply
//
// JSON ("version": 1): the mode, per collection its summary and per file
// status, versions, applied migrations, changed, deleted values, written,
// diff and diagnostics (report/json_renderer.hpp's objects). Not
// thread-safe.
#pragma once

#include "diag/diagnostic.hpp"
#include "report/text_renderer.hpp"
#include "run/migrate_runner.hpp"
#include "run/migrate_session.hpp"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <vector>

namespace fmkit {

// Returns whether `file` is below the target version and could be migrated.
bool is_behind(const FileMigration& file);

// Writes the text report of one file of a run of `group` in `mode`;
// returns whether it is behind (is_behind()).
bool print_migrate_file(const MigrateSession& session,
                        const MigrateGroup& group, const FileMigration& file,
                        MigrateMode mode, const TextOptions& text,
                        std::ostream& out);

// Writes the end of the text report of `run`: its summary and outcome
// lines; `behind` files are behind the target version.
void print_migrate_end(const MigrateSession& session, const MigrateGroup& group,
                       const MigrateRun& run, MigrateMode mode, size_t behind,
                       std::ostream& out);

// Returns the JSON report of `run`, a run of `group`.
nlohmann::ordered_json migrate_json(const MigrateSession& session,
                                    const MigrateGroup& group,
                                    const MigrateRun& run);

// Returns the JSON of a whole `fmkit migrate` run: the mode, the
// collections (migrate_json() each) and the warnings about files outside.
nlohmann::ordered_json migrate_run_json(
    MigrateMode mode, std::vector<nlohmann::ordered_json> collections,
    const std::vector<FileReport>& outside);

// Writes the text report of `status` for `group`: its problems, then files
// per version and the migrations still to apply.
void print_status_text(const MigrateSession& session, const MigrateGroup& group,
                       const MigrationStatus& status, const TextOptions& text,
                       std::ostream& out);

// Returns the JSON report of `status` for `group`.
nlohmann::ordered_json status_json(const MigrateSession& session,
                                   const MigrateGroup& group,
                                   const MigrationStatus& status);

// Writes `json` as fmkit writes JSON: two-space indents, invalid UTF-8
// replaced, a final line break.
void write_json(const nlohmann::ordered_json& json, std::ostream& out);

}  // namespace fmkit
