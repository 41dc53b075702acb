// SPDX-License-Identifier: MIT
#include "run/plan_select.hpp"

#include "run/discover.hpp"
#include "run/file_reader.hpp"

#include <optional>
#include <system_error>
#include <utility>

namespace fmkit {

namespace fs = std::filesystem;

namespace {

// The paths of the command line as a filter on a selection: a selected
// file passes when it is one of them or lies under one. Checked by string
// prefix, so a selection of 100k files needs no walk and no system call.
struct PathFilter {
  std::vector<std::string> paths;  // absolute, normalized, no final '/'

  bool empty() const { return paths.empty(); }

  // Whether `file` (absolute, normalized) is one of the paths.
  bool names(const std::string& file) const {
    for (const std::string& path : paths) {
      if (file == path) return true;
    }
    return false;
  }

  // Whether `file` is one of the paths or under one.
  bool matches(const std::string& file) const {
    for (const std::string& path : paths) {
      if (file.starts_with(path) &&
          (file.size() == path.size() || path.ends_with('/') ||
           file[path.size()] == '/')) {
        return true;
      }
    }
    return false;
  }
};

// Returns the filter of `paths`; a path that does not exist is an `io`
// problem in `plan`, as when walking.
PathFilter path_filter(const std::vector<std::string>& paths,
                       const fs::path& cwd, Plan& plan) {
  PathFilter filter;
  for (const std::string& given : paths) {
    std::string absolute = display_path(cwd / given);
    std::error_code ec;
    (void)fs::status(absolute, ec);
    if (ec) {
      Problems problem = problem_at_file(display_path(given), "io",
                                         describe_errno(ec.value()));
      plan.problems.push_back(std::move(problem.front()));
      continue;
    }
    filter.paths.push_back(std::move(absolute));
  }
  return filter;
}

// Shows the file's note, if any, as a warning among the plan's problems.
void add_note(const SelectedFile& file, Plan& plan) {
  if (file.note.empty()) return;
  plan.problems.push_back(FileReport{
      std::string(file.display()),
      "",
      {Diagnostic{Severity::warning, "git.unstaged", file.note, "", {}}}});
}

}  // namespace

Diagnostic no_collection_warning(const Config& config) {
  Diagnostic d;
  d.severity = Severity::warning;
  d.rule = "config.no-collection";
  d.message = "not checked: no collection in '" + config.path.generic_string() +
              "' includes this file";
  return d;
}

void plan_selection_with_config(const Config& config,
                                const std::vector<std::string>& paths,
                                const fs::path& cwd, PlanOptions& options,
                                Plan& plan) {
  PathFilter filter = path_filter(paths, cwd, plan);
  // With paths that all failed, nothing can pass the filter.
  if (!paths.empty() && filter.empty()) return;
  for (SelectedFile& file : options.selection->files) {
    if (!filter.empty() && !filter.matches(file.path())) continue;
    std::string relative = relative_path(plan.folder, file.path());
    std::optional<size_t> collection = config.collection_for(relative);
    if (!collection && !filter.names(file.path()) &&
        (relative.starts_with("../") ||
         !has_extension(relative, options.discover))) {
      continue;
    }
    add_note(file, plan);
    if (!file.exists) continue;
    FileJob job{std::move(file), collection.value_or(k_no_collection), {}};
    if (!collection) job.diagnostics.push_back(no_collection_warning(config));
    plan.jobs.push_back(std::move(job));
  }
}

void plan_selection_with_schema(const std::vector<std::string>& paths,
                                const fs::path& cwd, PlanOptions& options,
                                Plan& plan) {
  PathFilter filter = path_filter(paths, cwd, plan);
  if (!paths.empty() && filter.empty()) return;
  // Without paths, the working folder is the one path.
  PathFilter under = filter.empty() ? PathFilter{{display_path(cwd)}} : filter;
  for (SelectedFile& file : options.selection->files) {
    if (!under.matches(file.path())) continue;
    if (!filter.names(file.path()) &&
        !has_extension(file.path(), options.discover)) {
      continue;
    }
    add_note(file, plan);
    if (!file.exists) continue;
    plan.jobs.push_back(FileJob{std::move(file), 0, {}});
  }
}

void keep_shard(const Shard& shard, const fs::path& folder, Plan& plan) {
  std::erase_if(plan.jobs, [&](const FileJob& job) {
    return !shard.contains(relative_path(folder, job.path()));
  });
}

}  // namespace fmkit
