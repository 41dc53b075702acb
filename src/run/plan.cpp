// SPDX-License-Identifier: MIT
#include "run/plan.hpp"

#include "base/spelling.hpp"
#include "run/plan_select.hpp"
#include "run/repository_root.hpp"
#include "schema/schema_registry.hpp"

#include <algorithm>
#include <optional>
#include <system_error>
#include <utility>

namespace fmkit {

namespace fs = std::filesystem;

namespace {

// Whether `base` is `other` or inside it, comparing whole segments.
bool is_under(const std::string& base, const std::string& other) {
  return other.empty() || base == other ||
         (base.starts_with(other) && base[other.size()] == '/');
}

// Sets the severity of every diagnostic of `problems` as `no_match` says.
void apply_no_match(Problems& problems, NoMatch no_match) {
  for (FileReport& report : problems) {
    for (Diagnostic& d : report.diagnostics) {
      d.severity =
          no_match == NoMatch::error ? Severity::error : Severity::warning;
    }
  }
}

// Takes the problems of `discovery` and adds a path.no-match problem for
// each path that exists but from which no file is checked.
void report_unmatched_paths(const std::vector<std::string>& paths,
                            Discovery& discovery, std::string_view why,
                            const PlanOptions& options, Plan& plan) {
  plan.problems = std::move(discovery.problems);
  const size_t io_problems = plan.problems.size();
  for (size_t i = 0; i < paths.size(); ++i) {
    if (discovery.found_per_path[i] > 0) continue;
    std::string shown = display_path(paths[i]);
    bool missing = std::any_of(
        plan.problems.begin(), plan.problems.begin() + io_problems,
        [&](const FileReport& report) { return report.path == shown; });
    if (missing) continue;
    Problems problem = problem_at_file(shown, "path.no-match",
                                       "nothing to check: " + std::string(why));
    apply_no_match(problem, options.no_match);
    plan.problems.push_back(std::move(problem.front()));
  }
}

std::string extension_list(const DiscoverOptions& options) {
  std::string list;
  for (const std::string& extension : options.extensions) {
    list += (list.empty() ? "*" : ", *") + extension;
  }
  return list;
}

// For a glob whose fixed folders do not all exist under `folder`: the
// first missing folder, with a "did you mean" among its would-be siblings.
std::string missing_folder_hint(const fs::path& folder, const Glob& glob) {
  fs::path at = folder;
  std::string base = glob.base();
  size_t start = 0;
  while (start < base.size()) {
    size_t slash = base.find('/', start);
    std::string segment = base.substr(start, slash - start);
    std::error_code ec;
    if (!segment.empty() && !fs::is_directory(at / segment, ec)) {
      std::vector<std::string> siblings;
      for (fs::directory_iterator it(at, ec), end; !ec && it != end;
           it.increment(ec)) {
        std::error_code type_ec;
        if (it->is_directory(type_ec)) {
          siblings.push_back(it->path().filename().string());
        }
      }
      std::sort(siblings.begin(), siblings.end());
      std::string shown =
          base.substr(0, slash == std::string::npos ? base.size() : slash);
      return "; there is no folder '" + shown + "'" +
             did_you_mean(segment, siblings);
    }
    at /= segment;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return "";
}

// Adds a config.no-match problem, at its `include` in the config file, for
// each collection with no file (`counts[i]` files in collections[i]).
void report_empty_collections(const Config& config, const fs::path& folder,
                              const std::vector<size_t>& counts,
                              const PlanOptions& options, Plan& plan) {
  for (size_t i = 0; i < config.collections.size(); ++i) {
    if (counts[i] > 0) continue;
    const CollectionConfig& collection = config.collections[i];
    std::string globs;
    std::string hint;
    for (const Glob& glob : collection.include) {
      globs += (globs.empty() ? "'" : ", '") + glob.pattern() + "'";
      if (hint.empty()) hint = missing_folder_hint(folder, glob);
    }
    Problems problem =
        config.problem(collection.include_span, "config.no-match",
                       "collection '" + collection.name +
                           "' has no file: nothing matches " + globs + hint);
    apply_no_match(problem, options.no_match);
    plan.problems.push_back(std::move(problem.front()));
  }
}

// Returns the folders to walk for the collections' include globs, each
// once: a base inside another base is covered by the outer walk.
std::vector<std::string> walk_roots(const Config& config,
                                    const fs::path& folder) {
  std::vector<std::string> bases;
  for (const CollectionConfig& collection : config.collections) {
    for (const Glob& glob : collection.include) {
      fs::path base = (folder / glob.base()).lexically_normal();
      std::string relative = base.lexically_relative(folder).generic_string();
      if (relative == ".") relative.clear();
      while (relative.ends_with('/')) relative.pop_back();
      bases.push_back(std::move(relative));
    }
  }
  std::sort(bases.begin(), bases.end());
  bases.erase(std::unique(bases.begin(), bases.end()), bases.end());
  std::vector<std::string> roots;
  for (const std::string& base : bases) {
    bool covered = std::any_of(
        roots.begin(), roots.end(),
        [&](const std::string& root) { return is_under(base, root); });
    if (!covered) roots.push_back(base);
  }
  return roots;
}

// The extension a glob's last segment ends in when it is fixed text
// ("**/*.html" gives ".html"; "*.md*" and "docs/**" give none).
std::string glob_extension(const Glob& glob) {
  std::string_view pattern = glob.pattern();
  std::string_view last = pattern.substr(pattern.rfind('/') + 1);
  size_t dot = last.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == last.size()) return "";
  std::string_view extension = last.substr(dot);
  if (extension.find_first_of("*?[\\") != std::string_view::npos) return "";
  return std::string(extension);
}

// How the folders of a run with `config` are walked: `extensions:` (or
// `base`'s default), and every extension a collection's include glob ends
// in, so that a collection of "**/*.html" files gets them.
PlanOptions with_config_extensions(const Config& config, PlanOptions options) {
  std::vector<std::string>& extensions = options.discover.extensions;
  if (!config.extensions.empty()) extensions = config.extensions;
  for (const CollectionConfig& collection : config.collections) {
    for (const Glob& glob : collection.include) {
      std::string extension = glob_extension(glob);
      if (!extension.empty() && std::find(extensions.begin(), extensions.end(),
                                          extension) == extensions.end()) {
        extensions.push_back(std::move(extension));
      }
    }
  }
  return options;
}

// Adds the jobs of the files found from `paths`.
void plan_paths(const Config& config, const std::vector<std::string>& paths,
                const fs::path& cwd, const PlanOptions& options, Plan& plan) {
  // Named files are always taken (a file outside every collection gets a
  // warning); walked ones only when a collection has them. Each becomes a
  // job as it is found: no second list of the files.
  Discovery discovery =
      find_files(paths, cwd, options.discover, [&](FoundFile&& file) {
        std::optional<size_t> collection =
            config.collection_for(relative_path(plan.folder, file.path()));
        if (!file.named && !collection) return false;
        std::vector<Diagnostic> diagnostics;
        if (!collection) diagnostics.push_back(no_collection_warning(config));
        plan.jobs.push_back(FileJob{std::move(file),
                                    collection.value_or(k_no_collection),
                                    std::move(diagnostics)});
        return true;
      });
  report_unmatched_paths(paths, discovery,
                         "no " + extension_list(options.discover) +
                             " file here is in a " + "collection of '" +
                             config.path.generic_string() + "'",
                         options, plan);
}

// How the files of the config's folder `folder` are shown: relative to the
// working folder `cwd`, in the shortest form ("drafts/x.md" from inside
// "content/", not "../content/drafts/x.md").
class ShownPath {
 public:
  ShownPath(const Config& config, const fs::path& folder, const fs::path& cwd)
      : m_folder(folder), m_cwd(cwd), m_shown(display_path(config.folder())) {
    std::string inside = relative_path(folder, cwd.lexically_normal().string());
    if (!inside.empty() && inside != "." && !inside.starts_with("..") &&
        !fs::path(inside).is_absolute()) {
      m_inside = inside + '/';
    }
  }

  // `relative`: a file's '/'-separated path relative to the config folder.
  std::string operator()(const std::string& relative) const {
    if (m_inside.empty()) return join_display(m_shown, relative);
    if (relative.starts_with(m_inside)) return relative.substr(m_inside.size());
    return display_path(
        fs::path(join_path(m_folder, relative)).lexically_relative(m_cwd));
  }

 private:
  fs::path m_folder;
  fs::path m_cwd;
  std::string m_shown;   // the config's folder, as shown
  std::string m_inside;  // the working folder relative to it, with a '/'
};

// Adds the jobs of every file of the config's collections.
void plan_collections(const Config& config, const fs::path& cwd,
                      const PlanOptions& options, Plan& plan) {
  const fs::path& folder = plan.folder;
  const ShownPath shown(config, folder, cwd);
  for (const std::string& base : walk_roots(config, folder)) {
    fs::path root = base.empty() ? folder : (folder / base).lexically_normal();
    std::error_code ec;
    // A glob whose folder doesn't exist (yet) matches nothing.
    if (!fs::is_directory(root, ec)) continue;
    walk_folder(
        root, display_path(config.folder() / base), options.discover,
        [&](const std::string& walked) {
          std::string relative = base.empty() ? walked : base + '/' + walked;
          if (!has_extension(relative, options.discover)) return;
          std::optional<size_t> collection = config.collection_for(relative);
          if (!collection) return;
          plan.jobs.push_back(FileJob{
              {join_path(folder, relative), shown(relative)}, *collection, {}});
        },
        plan.problems);
  }
  std::vector<size_t> counts(config.collections.size(), 0);
  for (const FileJob& job : plan.jobs) ++counts[job.collection];
  report_empty_collections(config, folder, counts, options, plan);
}

}  // namespace

std::string relative_path(const fs::path& folder, const std::string& path) {
  const std::string& prefix = folder.native();
  if (path.size() > prefix.size() && path.starts_with(prefix) &&
      (prefix.ends_with('/') || path[prefix.size()] == '/')) {
    return path.substr(prefix.size() + (prefix.ends_with('/') ? 0 : 1));
  }
  return fs::path(path).lexically_relative(folder).generic_string();
}

Expected<Plan, Problems> plan_with_schema(const fs::path& schema,
                                          const std::vector<std::string>& paths,
                                          const fs::path& cwd,
                                          SchemaRegistry& registry,
                                          PlanOptions options) {
  Plan plan;
  auto collection = load_schema_collection(
      (cwd / schema).lexically_normal(), display_path(schema),
      options.require_front_matter, registry, options.yaml);
  if (!collection) return unexpected(std::move(collection).error());
  plan.collections.push_back(std::move(*collection));

  if (options.selection) {
    plan_selection_with_schema(paths, cwd, options, plan);
  } else {
    // Each file found becomes a job at once: no second list of the files.
    Discovery discovery =
        find_files(paths, cwd, options.discover, [&](FoundFile&& file) {
          plan.jobs.push_back(FileJob{std::move(file), 0, {}});
          return true;
        });
    report_unmatched_paths(
        paths, discovery,
        "no " + extension_list(options.discover) + " file in this folder",
        options, plan);
  }
  sort_and_deduplicate(plan.jobs);
  if (options.shard) {
    keep_shard(*options.shard, fs::path(display_path(cwd)), plan);
  }
  return plan;
}

namespace {

fs::path config_folder(const Config& config, const fs::path& cwd) {
  fs::path folder = (cwd / config.folder()).lexically_normal();
  if (!folder.has_filename() && folder != folder.root_path()) {
    folder = folder.parent_path();
  }
  return folder;
}

}  // namespace

namespace {

// The folder a config file in `folder` may name files in (see
// PlanOptions::allow_outside).
fs::path confinement_root(const fs::path& folder, const fs::path& cwd) {
  if (auto top = find_git_top_level(folder)) return *top;
  fs::path relative = folder.lexically_relative(cwd);
  if (!relative.empty() && *relative.begin() != "..") return cwd;
  return folder;
}

}  // namespace

std::optional<fs::path> confinement_root(const Config& config,
                                         const fs::path& cwd,
                                         const PlanOptions& options) {
  if (options.allow_outside) return std::nullopt;
  return confinement_root(config_folder(config, cwd), cwd);
}

Plan plan_config_files(const Config& config, const fs::path& cwd,
                       const PlanOptions& given) {
  PlanOptions options = with_config_extensions(config, given);
  Plan plan;
  plan.folder = config_folder(config, cwd);
  plan_collections(config, cwd, options, plan);
  sort_and_deduplicate(plan.jobs);
  return plan;
}

Expected<Plan, Problems> plan_with_config(const Config& config,
                                          const std::vector<std::string>& paths,
                                          const fs::path& cwd,
                                          SchemaRegistry& registry,
                                          PlanOptions given) {
  PlanOptions options = with_config_extensions(config, std::move(given));
  Plan plan;
  plan.folder = config_folder(config, cwd);
  std::optional<fs::path> root;
  if (!options.allow_outside) root = confinement_root(plan.folder, cwd);
  for (const CollectionConfig& collection : config.collections) {
    auto loaded = load_collection(collection, config, plan.folder, registry,
                                  options.yaml, root);
    if (!loaded) return unexpected(std::move(loaded).error());
    plan.collections.push_back(std::move(*loaded));
  }
  if (options.selection) {
    plan_selection_with_config(config, paths, cwd, options, plan);
  } else if (paths.empty()) {
    plan_collections(config, cwd, options, plan);
  } else {
    plan_paths(config, paths, cwd, options, plan);
  }
  sort_and_deduplicate(plan.jobs);
  if (options.shard) keep_shard(*options.shard, plan.folder, plan);
  return plan;
}

}  // namespace fmkit
