// SPDX-License-Identifier: MIT
#include "cli/migrate_command.hpp"

#include "report/json_renderer.hpp"
#include "report/summary.hpp"
#include "report/text_renderer.hpp"
#include "run/config.hpp"
#include "run/file_reader.hpp"
#include "run/migrate_runner.hpp"
#include "run/plan.hpp"
#include "schema/schema_registry.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fmkit {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_no_config_hint = "pass --config FILE";

// A collection with migrations, and its files to migrate.
struct Group {
  size_t target = 0;  // index into Plan::targets (and Config::collections)
  std::vector<MigrateFile> files;
};

// What `migrate` and `migrate status` work on.
struct Setup {
  Config config;
  Plan plan;
  std::vector<Group> groups;
  // Files named on the command line that are in no collection with
  // migrations, with a warning each.
  std::vector<FileReport> outside;

  const VersionedSchemas& versions(const Group& group) const {
    return *plan.targets[group.target].versions;
  }
  const CollectionConfig& collection(const Group& group) const {
    return config.collections[group.target];
  }
};

std::string no_migrations_message(const Config& config) {
  return "no collection in '" + config.path.generic_string() +
         "' has migrations (add 'migrations: migrations/' beside its "
         "'schema:')";
}

// Loads the config, its schemas and migrations, and the files to migrate.
// Prints what went wrong and returns std::nullopt on failure; sets `failed`
// for paths that could not be found.
std::optional<Setup> load_setup(const std::string& config_path,
                                const std::vector<std::string>& paths,
                                CommandContext& context, bool& failed) {
  Expected<Config> config =
      find_and_load_config(config_path, context.environment, k_no_config_hint);
  if (!config) {
    print_error(context.err, config.error());
    return std::nullopt;
  }
  SchemaRegistry registry(
      [](const fs::path& path) { return read_whole_file(path); });
  Expected<Plan> plan = plan_with_config(*config, paths,
                                         context.environment.cwd, registry, {});
  if (!plan) {
    print_error(context.err, plan.error());
    return std::nullopt;
  }
  Setup setup{std::move(*config), std::move(*plan), {}, {}};
  for (const std::string& error : setup.plan.errors) {
    print_error(context.err, error);
    failed = true;
  }
  std::vector<size_t> group_of(setup.plan.targets.size(), k_no_target);
  for (size_t i = 0; i < setup.plan.targets.size(); ++i) {
    if (!setup.plan.targets[i].versions) continue;
    group_of[i] = setup.groups.size();
    setup.groups.push_back(Group{i, {}});
  }
  if (setup.groups.empty()) {
    print_error(context.err, no_migrations_message(setup.config));
    return std::nullopt;
  }
  // Files named on the command line, as shown.
  std::set<std::string> named;
  for (const std::string& path : paths) named.insert(display_path(path));
  auto warn = [&](const FileJob& job, std::string rule, std::string why) {
    setup.outside.push_back(
        {job.display,
         "",
         {Diagnostic{Severity::warning, std::move(rule),
                     "not migrated: " + std::move(why), "", {}}}});
  };
  for (FileJob& job : setup.plan.jobs) {
    if (job.target == k_no_target) {
      warn(job, "config.no-collection",
           "no collection in '" + setup.config.path.generic_string() +
               "' includes this file");
      continue;
    }
    if (group_of[job.target] == k_no_target) {
      if (named.contains(job.display)) {
        warn(job, "config.no-migrations",
             "collection '" + setup.config.collections[job.target].name +
                 "' has no migrations");
      }
      continue;
    }
    std::string relative = relative_path(setup.plan.folder, job.path);
    setup.groups[group_of[job.target]].files.push_back(
        MigrateFile{std::move(job.path), std::move(job.display),
                    std::move(relative)});
  }
  setup.plan.jobs.clear();
  return setup;
}

// Returns the version to migrate `group` to: --to, or the latest.
Expected<int> target_version(const Setup& setup, const Group& group,
                             std::optional<int> to) {
  const MigrationChain& chain = setup.versions(group).chain;
  int latest = chain.latest_version();
  if (!to) return latest;
  if (*to < chain.initial_version || *to > latest) {
    return unexpected("--to " + std::to_string(*to) + ": collection '" +
                      setup.collection(group).name + "' has versions " +
                      std::to_string(chain.initial_version) + " to " +
                      std::to_string(latest));
  }
  return *to;
}

MigrateRunOptions run_options(const Setup& setup, const Group& group,
                              int target, int jobs) {
  const VersionedSchemas& versions = setup.versions(group);
  MigrateRunOptions options;
  options.to = target;
  options.jobs = static_cast<size_t>(jobs);
  options.schema =
      versions.schemas[static_cast<size_t>(target -
                                           versions.chain.initial_version)];
  options.version.version_key = versions.settings.version_key;
  return options;
}

// The options `migrate` and `migrate status` share.
struct RunArguments {
  std::vector<std::string> paths;
  std::string config_path;
  std::string format = "text";
  std::string color;
  int jobs = 0;
  int to = 0;
  CLI::Option* to_option = nullptr;

  void add_to(CLI::App& app, std::string_view to_help) {
    app.add_option("paths", paths,
                   "Files, or folders searched for *.md and *.markdown files "
                   "(default: the collections with migrations)")
        ->type_name("PATH");
    to_option = app.add_option("--to", to, std::string(to_help))
                    ->check(CLI::NonNegativeNumber)
                    ->type_name("N");
    add_config_option(app, config_path);
    app.add_option("--format", format,
                   "Output format: text or json (default: text)")
        ->check(CLI::IsMember({"text", "json"}))
        ->type_name("FORMAT");
    app.add_option("-j,--jobs", jobs,
                   "Files read in parallel (default: 0, one per CPU)")
        ->check(CLI::NonNegativeNumber)
        ->type_name("N");
    add_color_option(app, color);
  }

  std::optional<int> wanted_version() const {
    if (to_option->count() == 0) return std::nullopt;
    return to;
  }

  TextOptions text_options(const CliEnvironment& environment) const {
    TextOptions text;
    text.color =
        decide_color(color, environment.out_is_terminal, environment);
    return text;
  }
};

// The problems of `file` as FileReports: those of the file as read, then
// the schema's on the migrated text. Drops the "no front matter" warning
// when the collection does not require front matter.
std::vector<FileReport> problem_reports(const FileMigration& file,
                                        RequireFrontMatter require) {
  std::vector<FileReport> reports;
  FileReport read{file.display, file.original, {}};
  for (const Diagnostic& d : file.plan.diagnostics) {
    if (require == RequireFrontMatter::no &&
        d.rule == "migrate.no-front-matter") {
      continue;
    }
    read.diagnostics.push_back(d);
  }
  if (!file.error.empty()) {
    read.diagnostics.push_back(
        Diagnostic{Severity::error, "migrate.io", file.error, "", {}});
  }
  if (!read.diagnostics.empty()) reports.push_back(std::move(read));
  if (!file.plan.schema_diagnostics.empty()) {
    reports.push_back({file.display + " (migrated)", file.plan.text,
                       file.plan.schema_diagnostics});
  }
  return reports;
}

std::string_view status_name(PlanStatus status) {
  switch (status) {
    case PlanStatus::up_to_date: return "up-to-date";
    case PlanStatus::migrated: return "migrated";
    case PlanStatus::skipped: return "skipped";
    case PlanStatus::failed: return "failed";
  }
  return "failed";
}

std::string_view mode_name(MigrateMode mode) {
  switch (mode) {
    case MigrateMode::dry_run: return "dry-run";
    case MigrateMode::write: return "write";
    case MigrateMode::check: return "check";
  }
  return "dry-run";
}

// Returns whether `file` is below the target version and could be migrated.
bool is_behind(const FileMigration& file) {
  return !file.failed() && file.plan.status == PlanStatus::migrated;
}

std::string format_migrate_summary(std::string_view name,
                                   const MigrateSummary& s, int target) {
  std::string line = std::string(name) + ": " + count_noun(s.files, "file") +
                     ", " + std::to_string(s.migrated) +
                     " to migrate to version " + std::to_string(target) +
                     ", " + std::to_string(s.up_to_date) + " up to date";
  if (s.skipped > 0) {
    line += ", " + std::to_string(s.skipped) + " without front matter";
  }
  if (s.links > 0) {
    line += ", " + count_noun(s.links, "link") + " to migrated files";
  }
  line += ", " + std::to_string(s.failed) + " failed";
  if (s.deleted_values > 0) {
    line += ", " + count_noun(s.deleted_values, "value") + " deleted";
  }
  return line;
}

// The line after the summary: what happened, or what to do.
std::string format_outcome(const MigrateRun& run, MigrateMode mode,
                           size_t behind, int target) {
  const MigrateSummary& s = run.summary;
  switch (mode) {
    case MigrateMode::check:
      if (behind > 0) {
        return count_noun(behind, "file") + " behind version " +
               std::to_string(target) + "; run 'fmkit migrate' to see the " +
               "changes";
      }
      return s.failed > 0 ? "" : "every file is at version " +
                                     std::to_string(target);
    case MigrateMode::write:
      if (run.blocked) {
        return "nothing written: " + count_noun(s.failed, "file") +
               " cannot be migrated";
      }
      if (run.write_errors) {
        return "wrote " + count_noun(s.written, "file") + "; " +
               count_noun(s.failed, "file") +
               " could not be written (see above)";
      }
      return "wrote " + count_noun(s.written, "file");
    case MigrateMode::dry_run:
      if (s.failed > 0) {
        return "dry run: " + count_noun(s.failed, "file") +
               " cannot be migrated; --write would write nothing";
      }
      if (s.changed > 0) {
        return "dry run: nothing written; run 'fmkit migrate --write' to "
               "apply";
      }
      return "";
  }
  return "";
}

void print_text(const Setup& setup, const Group& group, const MigrateRun& run,
                MigrateMode mode, int target, const TextOptions& text,
                std::ostream& out) {
  RequireFrontMatter require =
      setup.collection(group).require_front_matter;
  size_t behind = 0;
  for (const FileMigration& file : run.files) {
    if (is_behind(file)) {
      ++behind;
      if (mode == MigrateMode::check) {
        out << file.display << ": at version " << file.plan.from_version
            << ", behind version " << target << '\n';
      }
    }
    if (mode == MigrateMode::dry_run || file.failed()) {
      render_diff(file.diff, text.color, out);
    }
    for (const FileReport& report : problem_reports(file, require)) {
      render_text_file(report, text, out);
    }
  }
  out << format_migrate_summary(setup.collection(group).name, run.summary,
                                target)
      << '\n';
  if (std::string outcome = format_outcome(run, mode, behind, target);
      !outcome.empty()) {
    out << outcome << '\n';
  }
}

std::string json_int_list(const std::vector<int>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::to_string(values[i]);
  }
  return out + "]";
}

std::string json_diagnostics(const std::vector<FileReport>& reports) {
  std::string out = "[";
  bool any = false;
  for (const FileReport& report : reports) {
    for (const Diagnostic& d : report.diagnostics) {
      out += any ? ", " : "";
      out += format_json_diagnostic(report.path, d);
      any = true;
    }
  }
  return out + "]";
}

std::string json_collection(const Setup& setup, const Group& group,
                            const MigrateRun& run, int target) {
  RequireFrontMatter require =
      setup.collection(group).require_front_matter;
  const MigrateSummary& s = run.summary;
  std::string out =
      "    {\"name\": " + json_quote(setup.collection(group).name) +
      ", \"target_version\": " + std::to_string(target) +
      ",\n     \"summary\": {\"files\": " + std::to_string(s.files) +
      ", \"migrated\": " + std::to_string(s.migrated) +
      ", \"changed\": " + std::to_string(s.changed) +
      ", \"up_to_date\": " + std::to_string(s.up_to_date) +
      ", \"skipped\": " + std::to_string(s.skipped) +
      ", \"links\": " + std::to_string(s.links) +
      ", \"failed\": " + std::to_string(s.failed) +
      ", \"deleted_values\": " + std::to_string(s.deleted_values) +
      ", \"written\": " + std::to_string(s.written) +
      ", \"blocked\": " + (run.blocked ? "true" : "false") +
      "},\n     \"files\": [";
  for (size_t i = 0; i < run.files.size(); ++i) {
    const FileMigration& file = run.files[i];
    out += i == 0 ? "\n      " : ",\n      ";
    out += "{\"file\": " + json_quote(file.display) + ", \"status\": \"" +
           std::string(file.link       ? "link"
                       : file.failed() ? "failed"
                                       : status_name(file.plan.status)) +
           "\", \"from_version\": " + std::to_string(file.plan.from_version) +
           ", \"to_version\": " + std::to_string(file.plan.to_version) +
           ", \"applied\": " + json_int_list(file.plan.applied) +
           ", \"changed\": " + (file.plan.changed ? "true" : "false") +
           ", \"deleted_values\": " +
           std::to_string(file.plan.deleted_values) +
           ", \"written\": " + (file.written ? "true" : "false") +
           ", \"diff\": " + json_quote(file.diff) + ", \"diagnostics\": " +
           json_diagnostics(problem_reports(file, require)) + "}";
  }
  out += run.files.empty() ? "]}" : "\n     ]}";
  return out;
}

int migrate_run(int argc, const char* const* argv, CommandContext& context) {
  RunArguments args;
  bool dry_run = false;
  bool write = false;
  bool check = false;

  CLI::App app{
      "Apply the migrations of the config's collections to the front matter "
      "of their files. Without --write, shows the changes as a diff.",
      "fmkit migrate"};
  use_fmkit_error_style(app);
  app.footer(
      "Also: 'fmkit migrate status [PATH...]' (files per version, pending "
      "migrations) and 'fmkit migrate new NAME' (the next migration file).");
  args.add_to(app, "Stop at this version (default: the latest)");
  CLI::Option* dry_run_flag = app.add_flag(
      "--dry-run", dry_run, "Show the changes, write nothing (the default)");
  CLI::Option* write_flag =
      app.add_flag("--write", write,
                   "Write the changes, only if every file migrates cleanly")
          ->excludes(dry_run_flag);
  app.add_flag("--check", check,
               "Write nothing; exit 1 if a file is behind (for CI)")
      ->excludes(dry_run_flag)
      ->excludes(write_flag);
  if (auto code = parse_arguments(app, argc, argv, context)) return *code;

  MigrateMode mode = write   ? MigrateMode::write
                     : check ? MigrateMode::check
                             : MigrateMode::dry_run;
  bool failed = false;
  std::optional<Setup> setup =
      load_setup(args.config_path, args.paths, context, failed);
  if (!setup) return k_exit_error;
  std::vector<int> targets;
  for (const Group& group : setup->groups) {
    Expected<int> target =
        target_version(*setup, group, args.wanted_version());
    if (!target) {
      print_error(context.err, target.error());
      return k_exit_error;
    }
    targets.push_back(*target);
  }

  TextOptions text = args.text_options(context.environment);
  bool json = args.format == "json";
  if (json) {
    context.out << "{\n  \"version\": 1,\n  \"mode\": \""
                << mode_name(mode) << "\",\n  \"collections\": [\n";
  } else {
    for (const FileReport& report : setup->outside) {
      render_text_file(report, text, context.out);
    }
  }
  bool findings = false;
  for (size_t g = 0; g < setup->groups.size(); ++g) {
    const Group& group = setup->groups[g];
    const MigrationChain& chain = setup->versions(group).chain;
    MigrateRunOptions options =
        run_options(*setup, group, targets[g], args.jobs);
    options.mode = mode;
    MigrateRun run = run_migrate(group.files, chain, options);
    if (run.write_errors) failed = true;
    if (run.summary.failed > 0) findings = true;
    if (mode == MigrateMode::check &&
        std::any_of(run.files.begin(), run.files.end(), is_behind)) {
      findings = true;
    }
    if (json) {
      context.out << (g > 0 ? ",\n" : "")
                  << json_collection(*setup, group, run, targets[g]);
    } else {
      print_text(*setup, group, run, mode, targets[g], text, context.out);
    }
  }
  if (json) {
    context.out << "\n  ],\n  \"diagnostics\": "
                << json_diagnostics(setup->outside) << "\n}\n";
  }
  context.out.flush();
  if (failed) return k_exit_error;
  return findings ? k_exit_findings : k_exit_clean;
}

void print_status_text(const Setup& setup, const Group& group,
                       const MigrationStatus& status, int target,
                       std::ostream& out) {
  const VersionedSchemas& versions = setup.versions(group);
  out << setup.collection(group).name << ": versions "
      << versions.chain.initial_version << " to "
      << versions.chain.latest_version() << " (key '"
      << versions.settings.version_key << "', migrations in "
      << versions.settings.display << ")\n";
  for (const auto& [version, files] : status.files_per_version) {
    out << "  version " << version << ": " << count_noun(files, "file")
        << '\n';
  }
  if (status.skipped > 0) {
    out << "  without front matter: " << count_noun(status.skipped, "file")
        << '\n';
  }
  if (status.behind == 0) {
    out << "  every file is at version " << target << '\n';
    return;
  }
  out << "  " << count_noun(status.behind, "file") << " behind version "
      << target << "; pending:\n";
  for (const auto& [version, files] : status.pending) {
    const Migration* migration = versions.chain.find(version);
    out << "    " << version << "  " << migration->description << " ("
        << count_noun(files, "file") << ")\n";
  }
}

std::string json_status(const Setup& setup, const Group& group,
                        const MigrationStatus& status, int target) {
  const VersionedSchemas& versions = setup.versions(group);
  std::string out =
      "    {\"name\": " + json_quote(setup.collection(group).name) +
      ", \"initial_version\": " +
      std::to_string(versions.chain.initial_version) +
      ", \"latest_version\": " +
      std::to_string(versions.chain.latest_version()) +
      ", \"target_version\": " + std::to_string(target) +
      ", \"files_per_version\": {";
  bool first = true;
  for (const auto& [version, files] : status.files_per_version) {
    out += (first ? "\"" : ", \"") + std::to_string(version) +
           "\": " + std::to_string(files);
    first = false;
  }
  out += "}, \"behind\": " + std::to_string(status.behind) +
         ", \"skipped\": " + std::to_string(status.skipped) +
         ", \"pending\": [";
  first = true;
  for (const auto& [version, files] : status.pending) {
    out += (first ? "" : ", ");
    out += "{\"version\": " + std::to_string(version) +
           ", \"description\": " +
           json_quote(versions.chain.find(version)->description) +
           ", \"files\": " + std::to_string(files) + "}";
    first = false;
  }
  std::vector<FileReport> problems;
  for (const FileMigration& file : status.problems) {
    for (FileReport& report :
         problem_reports(file, RequireFrontMatter::yes)) {
      problems.push_back(std::move(report));
    }
  }
  out += "], \"problems\": " + json_diagnostics(problems) + "}";
  return out;
}

int migrate_status_command(int argc, const char* const* argv,
                           CommandContext& context) {
  RunArguments args;
  CLI::App app{
      "Count the files of each collection with migrations per version, and "
      "the migrations still to apply.",
      "fmkit migrate status"};
  use_fmkit_error_style(app);
  args.add_to(app, "The version to compare with (default: the latest)");
  if (auto code = parse_arguments(app, argc, argv, context)) return *code;

  bool failed = false;
  std::optional<Setup> setup =
      load_setup(args.config_path, args.paths, context, failed);
  if (!setup) return k_exit_error;
  TextOptions text = args.text_options(context.environment);
  bool json = args.format == "json";
  if (json) context.out << "{\n  \"version\": 1,\n  \"collections\": [\n";
  bool findings = false;
  for (size_t g = 0; g < setup->groups.size(); ++g) {
    const Group& group = setup->groups[g];
    Expected<int> target =
        target_version(*setup, group, args.wanted_version());
    if (!target) {
      print_error(context.err, target.error());
      return k_exit_error;
    }
    MigrationStatus status =
        migrate_status(group.files, setup->versions(group).chain,
                       run_options(*setup, group, *target, args.jobs));
    if (!status.problems.empty()) findings = true;
    if (json) {
      context.out << (g > 0 ? ",\n" : "")
                  << json_status(*setup, group, status, *target);
      continue;
    }
    for (const FileMigration& problem : status.problems) {
      for (const FileReport& report :
           problem_reports(problem, RequireFrontMatter::yes)) {
        render_text_file(report, text, context.out);
      }
    }
    print_status_text(*setup, group, status, *target, context.out);
  }
  if (json) context.out << "\n  ]\n}\n";
  context.out.flush();
  if (failed) return k_exit_error;
  return findings ? k_exit_findings : k_exit_clean;
}

int migrate_new_command(int argc, const char* const* argv,
                        CommandContext& context) {
  std::string name;
  std::string collection_name;
  std::string config_path;
  CLI::App app{
      "Create the next migration file, NNNN-name.yaml, in a collection's "
      "migrations folder.",
      "fmkit migrate new"};
  use_fmkit_error_style(app);
  app.add_option("name", name, "What the migration does, in a few words")
      ->required()
      ->type_name("NAME");
  app.add_option("--collection", collection_name,
                 "The collection (needed when several have migrations)")
      ->type_name("NAME");
  add_config_option(app, config_path);
  if (auto code = parse_arguments(app, argc, argv, context)) return *code;

  Expected<Config> config =
      find_and_load_config(config_path, context.environment, k_no_config_hint);
  if (!config) {
    print_error(context.err, config.error());
    return k_exit_error;
  }
  std::vector<const CollectionConfig*> candidates;
  for (const CollectionConfig& collection : config->collections) {
    if (collection.migrations.empty()) continue;
    if (collection_name.empty() || collection.name == collection_name) {
      candidates.push_back(&collection);
    }
  }
  if (candidates.empty()) {
    print_error(context.err,
                collection_name.empty()
                    ? no_migrations_message(*config)
                    : "collection '" + collection_name + "' in '" +
                          config->path.generic_string() +
                          "' does not exist or has no migrations");
    return k_exit_error;
  }
  if (candidates.size() > 1) {
    std::string names;
    for (const CollectionConfig* c : candidates) {
      names += (names.empty() ? "" : ", ") + c->name;
    }
    print_error(context.err,
                "several collections have migrations (" + names +
                    "); pick one with --collection NAME");
    return k_exit_error;
  }
  fs::path folder = (context.environment.cwd / config->folder()).lexically_normal();
  MigrationSettings settings = migration_settings(*candidates[0], *config, folder);
  Expected<MigrationChain> chain = load_migrations(settings);
  if (!chain) {
    print_error(context.err, chain.error());
    return k_exit_error;
  }
  Expected<fs::path> created = create_migration(settings, *chain, name);
  if (!created) {
    print_error(context.err, created.error());
    return k_exit_error;
  }
  context.out << "created "
              << (fs::path(settings.display) / created->filename())
                     .generic_string()
              << " (version " << chain->latest_version() + 1
              << "): add its ops, then run 'fmkit migrate'\n";
  return k_exit_clean;
}

struct Subcommand {
  std::string_view name;
  CommandFunction function;
};

// `fmkit migrate <name>`; any other first argument is a path or an option
// of the migration run itself.
constexpr Subcommand k_subcommands[] = {
    {"status", migrate_status_command},
    {"new", migrate_new_command},
};

}  // namespace

int migrate_command(int argc, const char* const* argv,
                    CommandContext& context) {
  if (argc >= 2) {
    for (const Subcommand& sub : k_subcommands) {
      if (sub.name == argv[1]) return sub.function(argc - 1, argv + 1, context);
    }
  }
  return migrate_run(argc, argv, context);
}

}  // namespace fmkit
