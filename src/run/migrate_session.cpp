// SPDX-License-Identifier: MIT
#include "run/migrate_session.hpp"

#include <deque>
#include <functional>
#include <set>
#include <string>
#include <utility>

namespace fmkit {

namespace {

// Returns `to`, or the latest version, after checking it is one of the
// versions of `group`'s collection.
Expected<int, Problems> target_version(const Config& config,
                                       const MigrateSession& session,
                                       const MigrateGroup& group,
                                       std::optional<int> to) {
  const MigrationChain& chain = session.migrations(group).chain;
  int latest = chain.latest_version();
  if (!to) return latest;
  if (*to < chain.initial_version || *to > latest) {
    const CollectionConfig& collection = config.collections[group.collection];
    return unexpected(config.problem(
        collection.name_span, "migrate.to",
        "--to " + std::to_string(*to) + " is not a version of collection '" +
            collection.name + "', which has versions " +
            std::to_string(chain.initial_version) + " to " +
            std::to_string(latest)));
  }
  return *to;
}

FileReport outside_warning(const FileJob& job, std::string rule,
                           std::string why) {
  return FileReport{std::string(job.display()),
                    "",
                    {Diagnostic{Severity::warning,
                                std::move(rule),
                                "not migrated: " + std::move(why),
                                "",
                                {}}}};
}

// Moves the jobs of `session.plan` into the groups, or into `outside` with
// a warning when named on the command line. Each job is dropped as it is
// moved, and each group sized once: a run over 100k files never holds
// them twice.
void group_files(const Config& config, const std::vector<std::string>& paths,
                 const std::vector<size_t>& group_of, MigrateSession& session) {
  std::set<std::string, std::less<>> named;
  for (const std::string& path : paths) named.insert(display_path(path));
  std::deque<FileJob>& jobs = session.plan.jobs;
  std::vector<size_t> sizes(session.groups.size(), 0);
  for (const FileJob& job : jobs) {
    size_t group = job.collection == k_no_collection ? k_no_collection
                                                     : group_of[job.collection];
    if (group != k_no_collection) ++sizes[group];
  }
  for (size_t i = 0; i < sizes.size(); ++i) {
    session.groups[i].files.reserve(sizes[i]);
  }
  for (; !jobs.empty(); jobs.pop_front()) {
    FileJob& job = jobs.front();
    if (job.collection == k_no_collection) {
      session.outside.push_back(
          outside_warning(job, "config.no-collection",
                          "no collection in '" + config.path.generic_string() +
                              "' includes this file"));
      continue;
    }
    if (group_of[job.collection] == k_no_collection) {
      if (named.contains(job.display())) {
        session.outside.push_back(outside_warning(
            job, "config.no-migrations",
            "collection '" + config.collections[job.collection].name +
                "' has no migrations"));
      }
      continue;
    }
    const size_t group = group_of[job.collection];
    std::string relative = relative_path(session.plan.folder, job.path());
    MigrateFile file{std::move(job), {}};
    // Most often the path as shown (a run from the config's folder): then
    // not held twice.
    if (relative != file.display()) file.relative = std::move(relative);
    session.groups[group].files.push_back(std::move(file));
  }
}

}  // namespace

MigrateRunOptions MigrateSession::run_options(const MigrateGroup& group,
                                              MigrateMode mode,
                                              size_t jobs) const {
  const Migrations& loaded = migrations(group);
  MigrateRunOptions options;
  options.mode = mode;
  options.to = group.target;
  options.jobs = jobs;
  options.schema = loaded.schema_of(group.target);
  options.version.version_key = loaded.settings.version_key;
  options.version.yaml = collection(group).document.yaml;
  return options;
}

Problems no_migrations_problem(const Config& config) {
  return problem_at_file(config.path.generic_string(), "config.no-migrations",
                         "no collection has migrations (add 'migrations: "
                         "migrations/' beside its 'schema:')");
}

Expected<MigrateSession, Problems> plan_migrate(
    const Config& config, const std::vector<std::string>& paths,
    std::optional<int> to, const std::filesystem::path& cwd,
    SchemaRegistry& registry, PlanOptions options) {
  auto plan =
      plan_with_config(config, paths, cwd, registry, std::move(options));
  if (!plan) return unexpected(std::move(plan).error());
  MigrateSession session;
  session.plan = std::move(*plan);
  std::vector<size_t> group_of(session.plan.collections.size(),
                               k_no_collection);
  for (size_t i = 0; i < session.plan.collections.size(); ++i) {
    if (!session.plan.collections[i].migrations) continue;
    group_of[i] = session.groups.size();
    session.groups.push_back(MigrateGroup{i, 0, {}});
  }
  if (session.groups.empty()) return unexpected(no_migrations_problem(config));
  for (MigrateGroup& group : session.groups) {
    auto target = target_version(config, session, group, to);
    if (!target) return unexpected(std::move(target).error());
    group.target = *target;
  }
  group_files(config, paths, group_of, session);
  return session;
}

}  // namespace fmkit
