// SPDX-License-Identifier: MIT
#include "cli/infer_command.hpp"

#include "base/describe.hpp"
#include "base/spelling.hpp"
#include "cli/help_examples.hpp"
#include "report/text_renderer.hpp"
#include "run/discover.hpp"
#include "run/infer_runner.hpp"
#include "run/output_file.hpp"
#include "run/plan.hpp"

#include <CLI/CLI.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace fmkit {

namespace {

struct InferArguments {
  std::vector<std::string> paths;
  std::string collection;
  std::string config_path;
  std::string out;
  bool force = false;
  int jobs = 0;
  std::string color;
  InferOptions infer;
};

// The files to infer from: the PATHs, or the files of --collection. Prints
// what stops it and returns false.
bool find_files(const InferArguments& args, CommandContext& context,
                std::vector<InferFile>& files, DocumentOptions& document) {
  const CliEnvironment& environment = context.environment;
  if (!args.paths.empty()) {
    Discovery discovery =
        discover_files(args.paths, environment.cwd, DiscoverOptions{});
    if (print_problems(discovery.problems, context)) return false;
    for (FoundFile& file : discovery.files) files.push_back(std::move(file));
    return true;
  }
  auto config = find_and_load_config(args.config_path, environment,
                                     "pass --config FILE, or PATHs");
  if (!config) return !print_problems(config.error(), context);
  std::vector<std::string> names;
  size_t index = config->collections.size();
  for (size_t i = 0; i < config->collections.size(); ++i) {
    names.push_back(config->collections[i].name);
    if (names.back() == args.collection) index = i;
  }
  if (index == config->collections.size()) {
    print_error(context.err, "no collection '" + args.collection + "' in " +
                                 display_path(config->path) +
                                 did_you_mean(args.collection, names));
    return false;
  }
  const CollectionConfig& collection = config->collections[index];
  document.require_front_matter = collection.require_front_matter;
  document.yaml.version = collection.yaml;
  Plan plan = plan_config_files(*config, environment.cwd, PlanOptions{});
  for (FileJob& job : plan.jobs) {
    if (job.collection != index) continue;
    files.push_back(std::move(job));
  }
  return true;
}

// Writes the schema to --out or standard output.
bool write_schema(const InferArguments& args, const std::string& text,
                  CommandContext& context) {
  if (args.out.empty()) {
    context.out << text;
    context.out.flush();
    return true;
  }
  auto written = write_output_file(context.environment.cwd / args.out,
                                   display_path(args.out), text,
                                   args.force ? Overwrite::yes : Overwrite::no);
  if (!written) return !print_problems(written.error(), context);
  return true;
}

void print_summary(const InferRun& run, CommandContext& context) {
  uint64_t used = run.inferred.documents;
  context.err << "inferred from " << count_noun(used, "file");
  if (run.outliers > 0) {
    context.err << "; " << count_noun(run.outliers, "likely mistake")
                << " shown above ('fmkit validate' reports them against "
                   "this schema)";
  }
  if (run.unreadable > 0) {
    context.err << "; " << count_noun(run.unreadable, "file")
                << " left out for errors";
  }
  if (run.without_front_matter > 0) {
    context.err << "; " << count_noun(run.without_front_matter, "file")
                << " without front matter";
  }
  context.err << '\n';
}

}  // namespace

void add_threshold_options(CLI::App& app, InferOptions& options) {
  app.add_option("--outlier-ratio", options.outlier_ratio,
                 "The largest share of a field's values reported as likely "
                 "mistakes instead of widening the schema (default: 0.02; "
                 "one value among 10 or more always is)")
      ->check(CLI::Range(0.0, 0.5))
      ->type_name("R");
  app.add_option("--min-enum-count", options.min_enum_count,
                 "How often a string must occur to join an enum (default: 3)")
      ->check(CLI::PositiveNumber)
      ->type_name("N");
  app.add_option("--min-enum-share", options.min_enum_share,
                 "The share of a field's strings a string must have to join "
                 "an enum (default: 0.005)")
      ->check(CLI::Range(0.0, 1.0))
      ->type_name("R");
  app.add_option("--max-enum-values", options.max_enum_values,
                 "The most members an enum may have (default: 20)")
      ->check(CLI::NonNegativeNumber)
      ->type_name("N");
  app.add_option("--max-examples", options.max_examples,
                 "Examples written per field (default: 3)")
      ->check(CLI::NonNegativeNumber)
      ->type_name("N");
}

int infer_command(int argc, const char* const* argv, CommandContext& context) {
  InferArguments args;
  CLI::App app{
      "Infer a JSON Schema from the front matter of Markdown files, and "
      "report the values that look like mistakes.",
      "fmkit infer"};
  use_fmkit_error_style(app);
  app.add_option(
         "paths", args.paths,
         "Files, or folders searched for *.md, *.markdown and *.mdx files")
      ->type_name("PATH");
  auto* collection =
      app.add_option("--collection", args.collection,
                     "Infer from the files of this collection of fmkit.yaml")
          ->type_name("NAME")
          ->excludes("paths");
  add_config_option(app, args.config_path)->needs(collection);
  app.add_option("-o,--out", args.out,
                 "Write the schema to FILE, not standard output")
      ->type_name("FILE");
  app.add_flag("--force", args.force, "Replace the --out file if it exists");
  add_jobs_option(app, args.jobs);
  add_color_option(app, args.color);
  add_threshold_options(app, args.infer);
  app.footer(help_examples("infer"));
  if (auto code = parse_arguments(app, argc, argv, context)) return *code;
  if (args.paths.empty() && args.collection.empty()) {
    print_error(context.err,
                "name the files to infer from: PATHs or --collection NAME");
    return k_exit_error;
  }
  if (!args.out.empty() && !args.force) {
    auto writable = check_writable(context.environment.cwd / args.out,
                                   display_path(args.out), Overwrite::no);
    if (!writable)
      return print_problems(writable.error(), context), k_exit_error;
  }

  InferRunOptions options;
  options.infer = args.infer;
  if (options.infer.title.empty()) options.infer.title = args.collection;
  options.jobs = static_cast<size_t>(args.jobs);
  std::vector<InferFile> files;
  if (!find_files(args, context, files, options.document)) return k_exit_error;
  InferRun run = run_infer(files, options);

  TextOptions text_options;
  text_options.color = decide_color(
      args.color, context.environment.err_is_terminal, context.environment);
  for (const FileReport& report : run.reports) {
    render_text_file(report, text_options, context.err);
  }
  print_summary(run, context);
  if (!write_schema(args, run.inferred.schema.dump(2) + "\n", context)) {
    return k_exit_error;
  }
  if (run.failed) return k_exit_error;
  return run.unreadable > 0 ? k_exit_findings : k_exit_clean;
}

}  // namespace fmkit
