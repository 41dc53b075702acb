// SPDX-License-Identifier: MIT
//
// Plan: what a run will do, decided before any document is read: the
// collections (loaded once: run/collection.hpp) and the files, each with
// the collection it belongs to. Two ways to make one:
//
// - plan_with_schema(): every file found from the given paths against one
//   schema (`fmkit validate --schema s.json PATH...`);
// - plan_with_config(): the files of the config's collections (no paths),
//   or the files found from the given paths, each in the first collection,
//   in config order, whose globs contain it (paths relative to the config
//   file's folder). A walked file in no collection is left out; a file
//   named on the command line that is in no collection gets a warning
//   (rule config.no-collection) and is not checked, so a pre-commit hook
//   can pass every changed *.md file.
//
// A selection (PlanOptions::selection: the files `--changed-since`,
// `--staged` or `--files-from` name) replaces the walks: only its files are
// candidates, narrowed to those under the given paths when there are some
// (an intersection: `fmkit validate content/ --staged`). A candidate that a
// collection includes is checked; one that no collection includes gets the
// config.no-collection warning when it is named as a path, or ends in a
// Markdown extension inside the config file's folder, and is left out in
// silence otherwise (a changed package.json, a README.md elsewhere in the
// repository). With a schema instead of a config, the candidates are the
// Markdown files under the paths (or under the working folder) and the
// files named as paths. A selected file's note (git.unstaged) is a warning
// among the plan's problems. An empty selection is no failure: nothing to
// check is then exit 0, "0 files".
//
// A shard (PlanOptions::shard) keeps the files of one part of a run split N
// ways (run/file_list.hpp), after everything else is decided.
//
// A check that checks nothing is a failure, as in ESLint: a path that does
// not exist is an `io` error, and a path, or a collection's globs, from
// which no file is checked is a `no-match` error (at the collection's
// `include` in fmkit.yaml, with a "did you mean" for a misspelt folder).
// With NoMatch::warn these are warnings instead; with a selection they are
// not reported (paths that do not exist still are). Problems with the paths
// do not stop the plan: the other files are still checked.
//
// Jobs are sorted by shown path (see discover.hpp). Building a plan is not
// thread-safe (it loads schemas); a finished Plan is immutable.
#pragma once

#include "base/expected.hpp"
#include "diag/diagnostic.hpp"
#include "document/document.hpp"
#include "run/collection.hpp"
#include "run/config.hpp"
#include "run/discover.hpp"
#include "run/file_list.hpp"
#include "run/file_path.hpp"

#include <cstddef>
#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fmkit {

class SchemaRegistry;

inline constexpr size_t k_no_collection = static_cast<size_t>(-1);

// A file to check: its absolute path, for reading, and its path as shown
// (FilePath: held once when the shown path is a tail of the absolute one).
struct FileJob : FilePath {
  // Index into Plan::collections; k_no_collection: not checked, only
  // reported with `diagnostics`.
  size_t collection = k_no_collection;
  // Found while planning (config.no-collection), reported with the file's.
  std::vector<Diagnostic> diagnostics;
};

struct Plan {
  // The config file's folder, absolute (plan_with_config() only).
  std::filesystem::path folder;
  // With plan_with_config(), one per collection of the config, in order.
  std::vector<Collection> collections;
  // A deque: jobs are added as files are found, 100k of them in a big run,
  // and a deque grows without moving them (a growing vector holds its old
  // and its new array at once: 1.5 times the jobs' size at its peak).
  std::deque<FileJob> jobs;
  // Paths that could not be read or matched nothing (see above).
  Problems problems;
};

// Whether a path or collection from which no file is checked is an error.
enum class NoMatch { error, warn };

struct PlanOptions {
  // How folders are walked. Default: DiscoverOptions{}.
  DiscoverOptions discover;
  // Limits for reading every document. Default: YamlOptions{}.
  YamlOptions yaml;
  // For plan_with_schema(): whether a file needs front matter. Default: yes.
  RequireFrontMatter require_front_matter = RequireFrontMatter::yes;
  // Default: an error.
  NoMatch no_match = NoMatch::error;
  // The only files to consider, as described above. Default: none, the
  // paths (or the config's collections) are walked.
  std::optional<FileSelection> selection;
  // The part of the run to keep. Default: everything.
  std::optional<Shard> shard;
  // Whether fmkit.yaml and migrations may name schemas and folders outside
  // the repository: the git working tree that holds the config file, else
  // the working folder when it holds the config file, else the config
  // file's folder (see load_collection()). Default: no.
  bool allow_outside = false;
};

// Returns the absolute, normalized `path` relative to the folder `folder`
// (the same), '/'-separated, as config globs see it; "../x" when it lies
// outside.
std::string relative_path(const std::filesystem::path& folder,
                          const std::string& path);

// Returns the folder the files `config` names (schemas, migrations, data
// files) must lie in, as plan_with_config() confines them; std::nullopt
// with options.allow_outside.
std::optional<std::filesystem::path> confinement_root(
    const Config& config, const std::filesystem::path& cwd,
    const PlanOptions& options);

// Plans checking the files found from `paths`, or the selection of
// `options` (narrowed to `paths`; its files move into the jobs: pass the
// options with std::move so that a selection of 100k files is held once),
// against the schema file `schema`. Relative
// paths are relative to the absolute folder `cwd`. Fails when the schema can't
// be loaded.
Expected<Plan, Problems> plan_with_schema(const std::filesystem::path& schema,
                                          const std::vector<std::string>& paths,
                                          const std::filesystem::path& cwd,
                                          SchemaRegistry& registry,
                                          PlanOptions options);

// Plans checking `paths`, or the collections of `config` when `paths` is
// empty, or the selection of `options` (narrowed to `paths`; moved into the
// jobs, as for plan_with_schema()), as described above. Loads every collection,
// used or not, so a broken schema or migration is reported early; fails when
// one can't be loaded. `config` must outlive the plan.
Expected<Plan, Problems> plan_with_config(const Config& config,
                                          const std::vector<std::string>& paths,
                                          const std::filesystem::path& cwd,
                                          SchemaRegistry& registry,
                                          PlanOptions options);

// Plans the files of the config's collections as plan_with_config() does
// without paths or a selection, but loads no collection (Plan::collections
// stays empty; FileJob::collection indexes config.collections): for
// commands that read the files before their schemas exist (fmkit infer).
Plan plan_config_files(const Config& config, const std::filesystem::path& cwd,
                       const PlanOptions& options);

}  // namespace fmkit
