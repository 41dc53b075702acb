// SPDX-License-Identifier: MIT
#include "cli/validate_command.hpp"

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

}  // namespace

int validate_command(int argc, const char* const* argv,
                     CommandContext& context) {
  std::vector<std::string> paths;
  std::string config_path;
  std::string schema_path;
  std::string format(k_formats[0].name);
  int jobs = 0;
  bool quiet = false;
  std::string color;

  CLI::App app{
      "Check the YAML front matter of Markdown files against JSON "
      "Schemas.",
      "fmkit validate"};
  use_fmkit_error_style(app);
  app.add_option("paths", paths,
                 "Files, or folders searched for *.md and *.markdown files "
                 "(default: the collections of the config file)")
      ->type_name("PATH");
  CLI::Option* config_option = add_config_option(app, config_path);
  app.add_option("--schema", schema_path,
                 "Validate the PATHs against this JSON Schema instead of the "
                 "config's collections")
      ->type_name("FILE")
      ->excludes(config_option);
  std::vector<std::string> format_names;
  for (const OutputFormat& f : k_formats) format_names.emplace_back(f.name);
  app.add_option("--format", format,
                 "Output format: text or json (default: text)")
      ->check(CLI::IsMember(format_names))
      ->type_name("FORMAT");
  app.add_option("-j,--jobs", jobs,
                 "Files validated in parallel (default: 0, one per CPU)")
      ->check(CLI::NonNegativeNumber)
      ->type_name("N");
  app.add_flag("-q,--quiet", quiet,
               "Print errors only, and the summary only when there are some");
  add_color_option(app, color);
  if (auto code = parse_arguments(app, argc, argv, context)) return *code;

  const CliEnvironment& environment = context.environment;
  if (!schema_path.empty() && paths.empty()) {
    print_error(context.err, "--schema needs at least one PATH to validate");
    return k_exit_error;
  }

  // The schema layer never touches the disk itself: it reads through this.
  SchemaRegistry registry(
      [](const std::filesystem::path& path) { return read_whole_file(path); });
  PlanOptions plan_options;
  Expected<Plan> plan = unexpected("");
  if (!schema_path.empty()) {
    plan = plan_with_schema(schema_path, paths, environment.cwd, registry,
                            plan_options);
  } else {
    Expected<Config> config = find_and_load_config(
        config_path, environment,
        "pass --config FILE, or --schema FILE and the paths to validate");
    if (!config) {
      print_error(context.err, config.error());
      return k_exit_error;
    }
    plan = plan_with_config(*config, paths, environment.cwd, registry,
                            plan_options);
  }
  if (!plan) {
    print_error(context.err, plan.error());
    return k_exit_error;
  }

  bool failed = !plan->errors.empty();
  for (const std::string& error : plan->errors) print_error(context.err, error);

  TextOptions text_options;
  text_options.color =
      decide_color(color, environment.out_is_terminal, environment);
  text_options.summary = quiet ? SummaryLine::on_errors : SummaryLine::always;
  auto format_row =
      std::find_if(std::begin(k_formats), std::end(k_formats),
                   [&](const OutputFormat& f) { return f.name == format; });
  std::unique_ptr<Renderer> renderer =
      format_row->make(context.out, text_options);

  RunOptions run_options;
  run_options.jobs = static_cast<size_t>(jobs);
  Summary summary;
  renderer->begin(plan->jobs.size());
  run_validate(*plan, run_options, [&](FileResult&& result) {
    if (!result.error.empty()) {
      failed = true;
      print_error(context.err, result.error);
    }
    summary.add(result.report);
    if (quiet) {
      std::erase_if(result.report.diagnostics, [](const Diagnostic& d) {
        return d.severity == Severity::warning;
      });
    }
    renderer->file(result.report);
  });
  renderer->end(summary);
  context.out.flush();

  if (failed) return k_exit_error;
  return summary.errors > 0 ? k_exit_findings : k_exit_clean;
}

}  // namespace fmkit
