// SPDX-License-Identifier: MIT
//
// The parts of a validate run that belong to the rules across files
// (run/site_rules.hpp) and touch the disk: reading the values of the files
// a scoped run does not check, and the text that a finding quotes.
//
// A run over some files (PATHs, --changed-since, --staged, --files-from,
// --shard) still checks their values against the whole site: the other
// files of the collections the rules involve are read for their values
// only (from the result cache when their entry is current: no parse), and
// added to the RuleChecker as context, so a new post reusing an old slug is
// caught, and only the checked files' findings are reported. Not
// thread-safe (it runs the pool itself).
#pragma once

#include "diag/diagnostic.hpp"
#include "run/config.hpp"
#include "run/plan.hpp"
#include "run/runner.hpp"
#include "run/site_rules.hpp"

#include <filesystem>
#include <vector>

namespace fmkit {

// Adds to `checker`, as context, the values of every file of the config's
// collections that `rules` involve and `plan` does not check, found as
// plan_config_files() finds them with `options` (relative to `cwd`).
// `run` gives the threads and the cache.
void add_context_values(const Config& config, const Plan& plan,
                        const PlanOptions& options,
                        const std::filesystem::path& cwd,
                        const SiteRules& rules, const RunOptions& run,
                        RuleChecker& checker);

// Returns the report of `diagnostics`, findings of the rules in the file of
// `job`: its front matter is read again so that the report quotes it (an
// unreadable file gives a report without text).
FileReport rule_report(const FileJob& job, std::vector<Diagnostic> diagnostics);

}  // namespace fmkit
