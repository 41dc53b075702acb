// SPDX-License-Identifier: MIT
#include "cli/validate_command.hpp"

#include "cli/progress.hpp"
#include "report/json_renderer.hpp"
#include "report/renderer.hpp"
#include "report/summary.hpp"
#include "report/text_renderer.hpp"
#include "run/config.hpp"
#include "run/file_reader.hpp"
#include "run/plan.hpp"
#include "run/runner.hpp"
#include "schema/schema_registry.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace fmkit {

namespace {

std::unique_ptr<Renderer> make_text(std::ostream& out,
                                    const TextOptions& options) {
  return make_text_renderer(out, options);
}

std::unique_ptr<Renderer> make_json(std::ostream& out, const TextOptions&) {
  return make_json_renderer(out);
}

struct OutputFormat {
  std::string_view name;
  std::unique_ptr<Renderer> (*make)(std::ostream&, const TextOptions&);
};

// Output formats of --format; the first is the default.
constexpr OutputFormat k_formats[] = {
    {"text", make_text},
    {"json", make_json},
};

// Plans the run: against --schema, or the config's collections. Prints
// the problems that stop it and returns std::nullopt.
std::optional<Plan> load_plan(const FileArguments& args,
                              const std::string& schema_path,
                              CommandContext& context) {
  // The schema layer never touches the disk itself: it reads through this.
  SchemaRegistry registry(
      [](const std::filesystem::path& path) { return read_whole_file(path); });
  const CliEnvironment& environment = context.environment;
  Expected<PlanOptions, Problems> options = args.plan_options(environment);
  if (!options) {
    print_problems(options.error(), context);
    return std::nullopt;
  }
  Expected<Plan, Problems> plan = unexpected(Problems{});
  if (!schema_path.empty()) {
    plan = plan_with_schema(schema_path, args.paths, environment.cwd, registry,
                            *options);
  } else {
    auto config = find_and_load_config(
        args.config_path, environment,
        "pass --config FILE, or --schema FILE and the paths to validate");
    if (!config) {
      print_problems(config.error(), context);
      return std::nullopt;
    }
    plan = plan_with_config(*config, args.paths, environment.cwd, registry,
                            *options);
  }
  if (!plan) {
    print_problems(plan.error(), context);
    return std::nullopt;
  }
  return std::move(*plan);
}

}  // namespace

int validate_command(int argc, const char* const* argv,
                     CommandContext& context) {
  FileArguments args;
  std::string schema_path;
  std::string format(k_formats[0].name);
  bool quiet = false;

  CLI::App app{
      "Check the YAML front matter of Markdown files against JSON "
      "Schemas.",
      "fmkit validate"};
  use_fmkit_error_style(app);
  args.add_to(app,
              "Files, or folders searched for *.md and *.markdown files "
              "(default: the collections of the config file)");
  app.add_option("--schema", schema_path,
                 "Validate the PATHs against this JSON Schema instead of the "
                 "config's collections")
      ->type_name("FILE")
      ->excludes("--config");
  std::vector<std::string> format_names;
  for (const OutputFormat& f : k_formats) format_names.emplace_back(f.name);
  app.add_option("--format", format,
                 "Output format: text or json (default: text)")
      ->check(CLI::IsMember(format_names))
      ->type_name("FORMAT");
  app.add_flag("-q,--quiet", quiet,
               "Print errors only, and the summary only when there are some");
  if (auto code = parse_arguments(app, argc, argv, context)) return *code;

  if (!schema_path.empty() && args.paths.empty() && !args.selects()) {
    print_error(context.err,
                "--schema needs at least one PATH to validate, or "
                "--changed-since, --staged or --files-from");
    return k_exit_error;
  }
  std::optional<Plan> plan = load_plan(args, schema_path, context);
  if (!plan) return k_exit_error;
  bool failed = print_problems(plan->problems, context);

  TextOptions text_options = args.text_options(context.environment);
  text_options.summary = quiet ? SummaryLine::on_errors : SummaryLine::always;
  auto format_row =
      std::find_if(std::begin(k_formats), std::end(k_formats),
                   [&](const OutputFormat& f) { return f.name == format; });
  // Declared before the renderer, which writes through it.
  ProgressLine progress(
      context.out, context.err, context.environment, plan->jobs.size(),
      "checking", quiet ? ShowProgress::never : ShowProgress::on_terminal);
  std::unique_ptr<Renderer> renderer =
      format_row->make(progress.out(), text_options);

  RunOptions run_options;
  run_options.jobs = static_cast<size_t>(args.jobs);
  Summary summary;
  renderer->begin(plan->jobs.size());
  run_validate(*plan, run_options, [&](FileResult&& result) {
    failed = failed || result.failed;
    summary.add(result.report);
    if (quiet) {
      std::erase_if(result.report.diagnostics, [](const Diagnostic& d) {
        return d.severity == Severity::warning;
      });
    }
    renderer->file(result.report);
    progress.advance();
  });
  renderer->end(summary);
  progress.clear();
  context.out.flush();

  if (failed) return k_exit_error;
  return summary.errors > 0 ? k_exit_findings : k_exit_clean;
}

}  // namespace fmkit
