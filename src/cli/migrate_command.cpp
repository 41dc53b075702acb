// SPDX-License-Identifier: MIT
#include "cli/migrate_command.hpp"

#include "cli/help_examples.hpp"
#include "cli/progress.hpp"
#include "run/config.hpp"
#include "run/file_reader.hpp"
#include "run/migrate_report.hpp"
#include "run/migrate_session.hpp"
#include "schema/schema_registry.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fmkit {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_no_config_hint = "pass --config FILE";

// The options `migrate` and `migrate status` share.
struct RunArguments {
  FileArguments files;
  std::string format = "text";
  int to = 0;
  CLI::Option* to_option = nullptr;

  void add_to(CLI::App& app, std::string_view to_help) {
    files.add_to(
        app,
        "Files, or folders searched for *.md, *.markdown and *.mdx files "
        "(default: the collections with migrations)");
    to_option = app.add_option("--to", to, std::string(to_help))
                    ->check(CLI::NonNegativeNumber)
                    ->type_name("N");
    app.add_option("--format", format,
                   "Output format: text or json (default: text)")
        ->check(CLI::IsMember({"text", "json"}))
        ->type_name("FORMAT");
  }

  std::optional<int> wanted_version() const {
    if (to_option->count() == 0) return std::nullopt;
    return to;
  }
};

// Loads the config and plans the session; prints the problems that stop
// it and returns std::nullopt. Sets `failed` when a path has a problem.
std::optional<MigrateSession> load_session(const RunArguments& args,
                                           CommandContext& context,
                                           bool& failed) {
  auto config = find_and_load_config(args.files.config_path,
                                     context.environment, k_no_config_hint);
  if (!config) {
    print_problems(config.error(), context);
    return std::nullopt;
  }
  auto options = args.files.plan_options(context.environment);
  if (!options) {
    print_problems(options.error(), context);
    return std::nullopt;
  }
  SchemaRegistry registry(
      [](const fs::path& path) { return read_whole_file(path); });
  auto session =
      plan_migrate(*config, args.files.paths, args.wanted_version(),
                   context.environment.cwd, registry, std::move(*options));
  // What the schemas check less than they seem to: warnings, once each.
  print_problems(registry.take_warnings(), context);
  if (!session) {
    print_problems(session.error(), context);
    return std::nullopt;
  }
  failed = print_problems(session->plan.problems, context);
  return std::move(*session);
}

// The files of every group of `session`, for the progress line.
size_t file_count(const MigrateSession& session) {
  size_t count = 0;
  for (const MigrateGroup& group : session.groups) count += group.files.size();
  return count;
}

struct GroupOutcome {
  bool io_errors = false;
  bool findings = false;
  nlohmann::ordered_json json;  // when not printed as text
};

// Runs the migrations of `group`: printed as text to `out`, or returned as
// JSON when `out` is null. The text of a dry run or a check is printed as
// each file is planned, so memory stays flat at any number of files.
GroupOutcome migrate_group(const MigrateSession& session,
                           const MigrateGroup& group, MigrateRunOptions options,
                           const TextOptions& text, std::ostream* out) {
  const MigrateMode mode = options.mode;
  size_t behind = 0;
  if (out != nullptr) {
    options.on_planned = [&](const FileMigration& file) {
      behind += print_migrate_file(session, group, file, mode, text, *out);
    };
  }
  MigrateRun run =
      run_migrate(group.files, session.migrations(group).chain, options);
  GroupOutcome outcome;
  outcome.io_errors = run.io_errors;
  for (const FileMigration& file : run.files) {
    // A write's files (the others were printed as they were planned).
    if (out != nullptr) {
      behind += print_migrate_file(session, group, file, mode, text, *out);
    } else {
      behind += is_behind(file);
    }
  }
  outcome.findings =
      run.summary.failed > 0 || (mode == MigrateMode::check && behind > 0);
  if (out != nullptr) {
    print_migrate_end(session, group, run, mode, behind, *out);
  } else {
    outcome.json = migrate_json(session, group, run);
  }
  return outcome;
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
      "migrations) and 'fmkit migrate new NAME' (the next migration "
      "file).\n\n" +
      help_examples("migrate"));
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
  std::optional<MigrateSession> session = load_session(args, context, failed);
  if (!session) return k_exit_error;
  TextOptions text = args.files.text_options(context.environment);
  bool json = args.format == "json";
  ProgressLine progress(context.out, context.err, context.environment,
                        file_count(*session), "migrating",
                        ShowProgress::on_terminal);
  std::ostream& out = progress.out();
  if (!json) {
    for (const FileReport& report : session->outside) {
      render_text_file(report, text, out);
    }
  }
  bool findings = false;
  std::vector<nlohmann::ordered_json> collections;
  for (const MigrateGroup& group : session->groups) {
    MigrateRunOptions options =
        session->run_options(group, mode, static_cast<size_t>(args.files.jobs));
    options.on_file = [&progress] { progress.advance(); };
    // A write's text report shows only the failed files' diffs: a run over
    // 100k files holds no other.
    options.keep_diffs = json || mode != MigrateMode::write;
    GroupOutcome outcome = migrate_group(*session, group, std::move(options),
                                         text, json ? nullptr : &out);
    failed = failed || outcome.io_errors;
    findings = findings || outcome.findings;
    if (json) collections.push_back(std::move(outcome.json));
  }
  if (json) {
    write_json(migrate_run_json(mode, std::move(collections), session->outside),
               out);
  }
  progress.clear();
  context.out.flush();
  if (failed) return k_exit_error;
  return findings ? k_exit_findings : k_exit_clean;
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
  app.footer(help_examples("migrate status"));
  if (auto code = parse_arguments(app, argc, argv, context)) return *code;

  bool failed = false;
  std::optional<MigrateSession> session = load_session(args, context, failed);
  if (!session) return k_exit_error;
  TextOptions text = args.files.text_options(context.environment);
  bool json = args.format == "json";
  ProgressLine progress(context.out, context.err, context.environment,
                        file_count(*session), "reading",
                        ShowProgress::on_terminal);
  bool findings = false;
  nlohmann::ordered_json collections = nlohmann::ordered_json::array();
  for (const MigrateGroup& group : session->groups) {
    MigrateRunOptions options = session->run_options(
        group, MigrateMode::check, static_cast<size_t>(args.files.jobs));
    options.on_file = [&progress] { progress.advance(); };
    MigrationStatus status =
        migrate_status(group.files, session->migrations(group).chain, options);
    findings = findings || !status.problems.empty();
    if (json) {
      collections.push_back(status_json(*session, group, status));
    } else {
      print_status_text(*session, group, status, text, progress.out());
    }
  }
  if (json) {
    write_json({{"version", 1}, {"collections", std::move(collections)}},
               progress.out());
  }
  progress.clear();
  context.out.flush();
  if (failed) return k_exit_error;
  return findings ? k_exit_findings : k_exit_clean;
}

// Returns the one collection with migrations `name` names (any when empty),
// or prints why there is none.
const CollectionConfig* pick_collection(const Config& config,
                                        const std::string& name,
                                        CommandContext& context) {
  std::vector<const CollectionConfig*> candidates;
  for (const CollectionConfig& collection : config.collections) {
    if (collection.migrations.empty()) continue;
    if (name.empty() || collection.name == name) {
      candidates.push_back(&collection);
    }
  }
  if (candidates.size() == 1) return candidates[0];
  if (candidates.empty() && name.empty()) {
    print_problems(no_migrations_problem(config), context);
  } else if (candidates.empty()) {
    print_error(context.err, "collection '" + name + "' in '" +
                                 config.path.generic_string() +
                                 "' does not exist or has no migrations");
  } else {
    std::string names;
    for (const CollectionConfig* c : candidates) {
      names += (names.empty() ? "" : ", ") + c->name;
    }
    print_error(context.err, "several collections have migrations (" + names +
                                 "); pick one with --collection NAME");
  }
  return nullptr;
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
  app.footer(help_examples("migrate new"));
  if (auto code = parse_arguments(app, argc, argv, context)) return *code;

  auto config =
      find_and_load_config(config_path, context.environment, k_no_config_hint);
  if (!config) {
    print_problems(config.error(), context);
    return k_exit_error;
  }
  const CollectionConfig* collection =
      pick_collection(*config, collection_name, context);
  if (collection == nullptr) return k_exit_error;
  fs::path folder =
      (context.environment.cwd / config->folder()).lexically_normal();
  MigrationSettings settings = migration_settings(*collection, *config, folder);
  auto chain = load_migrations(settings);
  if (!chain) {
    print_problems(chain.error(), context);
    return k_exit_error;
  }
  auto created = create_migration(settings, *chain, name);
  if (!created) {
    print_problems(created.error(), context);
    return k_exit_error;
  }
  context.out
      << "created "
      << (fs::path(settings.display) / created->filename()).generic_string()
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
