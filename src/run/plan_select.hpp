// SPDX-License-Identifier: MIT
//
// The parts of planning (run/plan.hpp) that pick files from a selection
// and keep one shard; plan.cpp calls them. Internal to run/: use
// plan_with_config() and plan_with_schema(). Not thread-safe.
#pragma once

#include "diag/diagnostic.hpp"
#include "run/config.hpp"
#include "run/file_list.hpp"
#include "run/plan.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace fmkit {

// The warning of a file that no collection of `config` includes.
Diagnostic no_collection_warning(const Config& config);

// Adds the jobs of the files of options.selection to `plan` (its folder
// set), narrowed to `paths` (relative to `cwd`), as run/plan.hpp says. The
// files taken are moved out of the selection.
void plan_selection_with_config(const Config& config,
                                const std::vector<std::string>& paths,
                                const std::filesystem::path& cwd,
                                PlanOptions& options, Plan& plan);

// Adds the jobs of the files of options.selection, all in collection 0.
void plan_selection_with_schema(const std::vector<std::string>& paths,
                                const std::filesystem::path& cwd,
                                PlanOptions& options, Plan& plan);

// Removes from plan.jobs the files outside `shard`, placed by their path
// relative to the absolute, normalized `folder`.
void keep_shard(const Shard& shard, const std::filesystem::path& folder,
                Plan& plan);

}  // namespace fmkit
