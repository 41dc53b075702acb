// SPDX-License-Identifier: MIT
//
//   fmkit migrate [PATH...] [--to N] [--dry-run | --write | --check]
//                 [--config FILE] [--format text|json] [-j N] [--color WHEN]
//   fmkit migrate status [PATH...] [--to N] [--config FILE] [--format ...]
//   fmkit migrate new NAME [--collection NAME] [--config FILE]
//
// Migrates the files of each collection of the config that has a
// `migrations:` folder (only those found from the PATHs, when given) along
// that collection's chain of migrations (run/migrate_runner.hpp), to the
// latest version or --to N. The dry run, the default, prints a unified diff
// per file that would change (colored on a terminal), the problems found,
// and a summary per collection; nothing is written. --write applies the
// changes, all or nothing: when one file cannot be migrated, no file is
// written. --check writes nothing and lists the files still behind (a CI
// gate). `status` counts files per version and the migrations pending;
// `new` scaffolds the next migration file.
//
// Exit codes: 0 nothing wrong (a dry run with pending changes included);
// 1 a file cannot be migrated (so nothing was written), with --check a file
// is behind, with `status` a file has a bad version; 2 usage, config,
// migration or schema error, a path not found, or a write that failed.
#pragma once

#include "cli/command.hpp"

namespace fmkit {

int migrate_command(int argc, const char* const* argv, CommandContext& context);

}  // namespace fmkit
